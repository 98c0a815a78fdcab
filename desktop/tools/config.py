"""`tools.toml`: HTTP tools and MCP servers declared by the company, no code needed.

```toml
[[http]]
name = "check_inventory"
description = "Stock of a spare part in the regional warehouse."
method = "GET"                                   # GET/DELETE: arguments not in the URL go
url = "https://erp.example.com/parts/{part_number}/stock"   # to the query; others: JSON body
timeout_s = 8
max_response_bytes = 16384
changes_outside = false                          # default: false for GET, true otherwise
headers = { Authorization = "Bearer ${ENV:ERP_TOKEN}", X-Api-Key = "${KEYRING:erp-key}" }
[http.parameters]                                # JSON schema of the arguments
type = "object"
required = ["part_number"]
properties.part_number = { type = "string", description = "Part number, e.g. 4471" }

[[mcp]]
name = "files"
command = "uvx"                                  # a stdio server ...
args = ["some-mcp-server"]
env = { API_TOKEN = "${ENV:FILES_TOKEN}" }
# url = "https://mcp.example.com/mcp"            # ... or a streamable HTTP one
# headers = { Authorization = "Bearer ${KEYRING:mcp}" }
timeout_s = 30                                   # per call
confirm = "auto"     # "auto": ask unless the tool says it is read-only; "always"; "never"
prefix = false       # true: tools are named <server>_<tool> even without a clash
```

Values `${ENV:NAME}` and `${KEYRING:NAME}` are accepted in the same places (HTTP headers,
MCP env and headers), resolved when used (the keyring off the event loop, by the caller) and
registered for log redaction as they are resolved; they are never logged. Any other `${...}`
is reported when the file is read. URL placeholders (`{name}`) may stand in the path and query
only: the scheme, host and port are fixed by the file, so a model's argument can never send
the configured headers to another server.

Numbers are checked for range: a timeout is a finite number of seconds in (0, 600], a size a
whole number of bytes in [1, 10 MiB]; `inf`, `nan`, `0.5` bytes or a negative timeout are
configuration problems naming the entry and the key.

Parsing never raises: problems are collected and reported (`ConfigError` is the one
exception type used inside, always turned into a problem line), good entries still load.
"""

from __future__ import annotations

import asyncio
import contextlib
import math
import re
import threading
import tomllib
import urllib.parse
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from desktop.tools.registry import ToolError
from desktop.tools.schema import ArgChecker, SchemaError, valid_name

DEFAULT_HTTP_TIMEOUT_S = 10.0
DEFAULT_MCP_TIMEOUT_S = 30.0
DEFAULT_MAX_RESPONSE_BYTES = 16 * 1024
HTTP_METHODS = frozenset({"GET", "POST", "PUT", "PATCH", "DELETE"})
_PLACEHOLDER = re.compile(r"\$\{(ENV|KEYRING):([^}]+)\}")
_ANY_PLACEHOLDER = re.compile(r"\$\{[^}]*\}?")
URL_PARAM = re.compile(r"\{(\w+)\}")

# (key, lowest, highest, whole numbers only): the ranges every number in the file must meet.
MAX_TIMEOUT_S = 600.0
MAX_RESPONSE_BYTES = 10 * 1024 * 1024
_NUMBERS: dict[str, tuple[float, float, bool]] = {
    "timeout_s": (0.0, MAX_TIMEOUT_S, False),
    "start_timeout_s": (0.0, MAX_TIMEOUT_S, False),
    "max_response_bytes": (1.0, MAX_RESPONSE_BYTES, True),
}

ConfirmMode = Literal["auto", "always", "never"]
SecretResolver = Callable[[str], "str | None"]
SecretSink = Callable[[str], None]  # told every resolved secret (the app's log redaction)


@dataclass(frozen=True)
class HttpToolSpec:
    name: str
    description: str
    method: str
    url: str
    parameters: Mapping[str, Any]
    headers: Mapping[str, str] = field(default_factory=dict)
    timeout_s: float = DEFAULT_HTTP_TIMEOUT_S
    max_response_bytes: int = DEFAULT_MAX_RESPONSE_BYTES
    changes_outside: bool = False


@dataclass(frozen=True)
class McpServerSpec:
    name: str
    command: str | None = None
    args: tuple[str, ...] = ()
    env: Mapping[str, str] = field(default_factory=dict)
    cwd: str | None = None
    url: str | None = None
    headers: Mapping[str, str] = field(default_factory=dict)
    timeout_s: float = DEFAULT_MCP_TIMEOUT_S
    start_timeout_s: float = 30.0
    confirm: ConfirmMode = "auto"
    prefix: bool = False


@dataclass(frozen=True)
class ToolsConfig:
    http: tuple[HttpToolSpec, ...] = ()
    mcp: tuple[McpServerSpec, ...] = ()
    problems: tuple[str, ...] = ()  # one line each, for the UI and the log


def load_config(path: Path | None) -> ToolsConfig:
    """Read `tools.toml`; a missing file is an empty configuration."""
    if path is None or not path.exists():
        return ToolsConfig()
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        return ToolsConfig(problems=(f"{path.name}: cannot be read ({exc})",))
    return parse_config(text, path.name)


def parse_config(text: str, source: str = "tools.toml") -> ToolsConfig:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        return ToolsConfig(problems=(f"{source}: not valid TOML ({exc})",))
    except RecursionError:
        return ToolsConfig(problems=(f"{source}: not valid TOML (nested too deeply)",))
    problems: list[str] = []
    http: list[HttpToolSpec] = []
    mcp: list[McpServerSpec] = []
    names: set[str] = set()
    for n, entry in enumerate(_tables(data, "http", source, problems), start=1):
        where = _where(source, "http", n, entry)
        try:
            spec = _http_spec(entry)
        except ConfigError as exc:
            problems.append(f"{where}: {exc}")
            continue
        if spec.name in names:
            problems.append(f"{where}: the name {spec.name!r} is used twice")
            continue
        names.add(spec.name)
        http.append(spec)
    servers: set[str] = set()
    for n, entry in enumerate(_tables(data, "mcp", source, problems), start=1):
        where = _where(source, "mcp", n, entry)
        try:
            server = _mcp_spec(entry)
        except ConfigError as exc:
            problems.append(f"{where}: {exc}")
            continue
        if server.name in servers:
            problems.append(f"{where}: the server name {server.name!r} is used twice")
            continue
        servers.add(server.name)
        mcp.append(server)
    unknown = sorted(set(data) - {"http", "mcp"})
    if unknown:
        problems.append(f"{source}: unknown section(s) {', '.join(unknown)} ignored")
    return ToolsConfig(tuple(http), tuple(mcp), tuple(problems))


class ConfigError(ValueError):
    """One entry's problem; its message names the key and says what is expected."""


def _where(source: str, kind: str, n: int, entry: Any) -> str:
    """`tools.toml [[http]] #2 (check_inventory)`: the position, and the name when it has one."""
    name = entry.get("name") if isinstance(entry, dict) else None
    shown = f" ({name})" if isinstance(name, str) and valid_name(name) else ""
    return f"{source} [[{kind}]] #{n}{shown}"


def _tables(
    data: Mapping[str, Any], key: str, source: str, problems: list[str]
) -> list[Mapping[str, Any]]:
    value = data.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
        problems.append(f"{source}: '{key}' must be an array of tables ([[{key}]])")
        return []
    return value


def _http_spec(entry: Mapping[str, Any]) -> HttpToolSpec:
    _only(entry, {"name", "description", "method", "url", "parameters", "headers",
                  "timeout_s", "max_response_bytes", "changes_outside"})  # fmt: skip
    name = _name(entry)
    method = _str(entry, "method", "GET").upper()
    if method not in HTTP_METHODS:
        raise ConfigError(f"method must be one of {', '.join(sorted(HTTP_METHODS))}")
    url = _http_url(entry)
    parameters = entry.get("parameters", {"type": "object", "properties": {}})
    if not isinstance(parameters, dict) or parameters.get("type") != "object":
        raise ConfigError('parameters must be a JSON schema table with type = "object"')
    try:
        ArgChecker(parameters)
    except SchemaError as exc:
        raise ConfigError(str(exc)) from exc
    props = parameters.get("properties", {})
    missing = [p for p in URL_PARAM.findall(url) if not isinstance(props, dict) or p not in props]
    if missing:
        raise ConfigError(f"url uses {', '.join(missing)} which parameters do not declare")
    return HttpToolSpec(
        name=name,
        description=_str(entry, "description"),
        method=method,
        url=url,
        parameters=parameters,
        headers=_secret_map(entry, "headers"),
        timeout_s=_number(entry, "timeout_s", DEFAULT_HTTP_TIMEOUT_S),
        max_response_bytes=int(_number(entry, "max_response_bytes", DEFAULT_MAX_RESPONSE_BYTES)),
        changes_outside=_bool(entry, "changes_outside", method != "GET"),
    )


def _mcp_spec(entry: Mapping[str, Any]) -> McpServerSpec:
    _only(entry, {"name", "command", "args", "env", "cwd", "url", "headers", "timeout_s",
                  "start_timeout_s", "confirm", "prefix"})  # fmt: skip
    name = _name(entry)
    command = entry.get("command")
    url = entry.get("url")
    if (command is None) == (url is None):
        raise ConfigError("give either command (a stdio server) or url (streamable HTTP)")
    if command is not None and (not isinstance(command, str) or not command.strip()):
        raise ConfigError("command must be a non-empty string")
    if url is not None and (
        not isinstance(url, str) or not url.startswith(("http://", "https://"))
    ):
        raise ConfigError("url must start with http:// or https://")
    args = entry.get("args", [])
    if not isinstance(args, list) or not all(isinstance(a, str) for a in args):
        raise ConfigError("args must be a list of strings")
    confirm = _str(entry, "confirm", "auto")
    if confirm not in ("auto", "always", "never"):
        raise ConfigError('confirm must be "auto", "always" or "never"')
    cwd = entry.get("cwd")
    if cwd is not None and not isinstance(cwd, str):
        raise ConfigError("cwd must be a string")
    return McpServerSpec(
        name=name,
        command=command,
        args=tuple(args),
        env=_secret_map(entry, "env"),
        cwd=cwd,
        url=url,
        headers=_secret_map(entry, "headers"),
        timeout_s=_number(entry, "timeout_s", DEFAULT_MCP_TIMEOUT_S),
        start_timeout_s=_number(entry, "start_timeout_s", 30.0),
        confirm=confirm,  # type: ignore[arg-type]  # checked just above
        prefix=_bool(entry, "prefix", False),
    )


def _only(entry: Mapping[str, Any], allowed: set[str]) -> None:
    unknown = sorted(set(entry) - allowed)
    if unknown:
        raise ConfigError(f"unknown key(s) {', '.join(unknown)}")


def _name(entry: Mapping[str, Any]) -> str:
    name = _str(entry, "name")
    if not valid_name(name):
        raise ConfigError(
            f"name {name!r}: use letters, digits and _ . : - "
            "(at most 64, not starting with a digit)"
        )
    return name


def _str(entry: Mapping[str, Any], key: str, default: str | None = None) -> str:
    value = entry.get(key, default)
    if not isinstance(value, str) or not value.strip():
        raise ConfigError(f"{key} must be a non-empty string")
    return value.strip()


def _str_map(entry: Mapping[str, Any], key: str) -> dict[str, str]:
    value = entry.get(key, {})
    if not isinstance(value, dict) or not all(isinstance(v, str) for v in value.values()):
        raise ConfigError(f"{key} must be a table of strings")
    return {str(k): v for k, v in value.items()}


def _http_url(entry: Mapping[str, Any]) -> str:
    """The URL, with `{name}` placeholders allowed only after the host (path and query)."""
    url = _str(entry, "url")
    if not url.startswith(("http://", "https://")):
        raise ConfigError("url must start with http:// or https://")
    scheme_and_host = url.split("://", 1)[1].split("/", 1)[0].split("?", 1)[0]
    if "{" in scheme_and_host or "}" in scheme_and_host:
        raise ConfigError("url may use {parameters} in its path and query, never in the host")
    try:
        parts = urllib.parse.urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError for a port out of range
    except ValueError as exc:
        raise ConfigError(f"url is not a valid URL ({exc})") from None
    if not parts.hostname:
        raise ConfigError("url has no host")
    return url


def _number(entry: Mapping[str, Any], key: str, default: float) -> float:
    """A finite number within the key's range (`_NUMBERS`), else a ConfigError naming it."""
    low, high, whole = _NUMBERS[key]
    value = entry.get(key, default)
    kind = "a whole number" if whole else "a number"
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ConfigError(f"{key} must be {kind}, not {type(value).__name__}")
    if not math.isfinite(value):
        raise ConfigError(f"{key} must be a finite number, not {value}")
    if whole and value != int(value):
        raise ConfigError(f"{key} must be a whole number, not {value}")
    in_range = low <= value <= high if whole else low < value <= high
    if not in_range:
        bounds = f"from {low:.0f} to {high:.0f}" if whole else f"above {low:g} and at most {high:g}"
        raise ConfigError(f"{key} must be {bounds}, not {value:g}")
    return float(value)


def _secret_map(entry: Mapping[str, Any], key: str) -> dict[str, str]:
    """A table of strings whose `${...}` placeholders are all ENV or KEYRING ones."""
    values = _str_map(entry, key)
    for name, value in values.items():
        for found in _ANY_PLACEHOLDER.findall(_PLACEHOLDER.sub("", value)):
            raise ConfigError(
                f"{key}.{name}: {found!r} is not understood; "
                "write ${ENV:NAME} or ${KEYRING:NAME}"
            )
    return values


def _bool(entry: Mapping[str, Any], key: str, default: bool) -> bool:
    value = entry.get(key, default)
    if not isinstance(value, bool):
        raise ConfigError(f"{key} must be true or false")
    return value


# -- secrets ------------------------------------------------------------------------------


def resolve_value(
    value: str,
    env: Mapping[str, str],
    keyring: SecretResolver | None,
    sink: SecretSink | None = None,
) -> str:
    """Fill `${ENV:NAME}` / `${KEYRING:NAME}`. Raises ToolError naming (never showing) a gap.

    Both kinds are secrets alike: each value found is handed to `sink` (log redaction) before
    it is used. `keyring` may block (a Secret Service prompt): call this off the event loop.
    """

    def fill(match: re.Match[str]) -> str:
        secret = _lookup(match.group(1), match.group(2).strip(), env, keyring)
        if sink is not None:
            sink(secret)
        return secret

    return _PLACEHOLDER.sub(fill, value)


def _lookup(kind: str, key: str, env: Mapping[str, str], keyring: SecretResolver | None) -> str:
    if kind == "ENV":
        found = env.get(key)
        if found is None:
            raise ToolError(f"the environment variable {key} is not set")
        return found
    if keyring is None:
        raise ToolError(f"no keyring is available for the secret {key!r}")
    try:
        secret = keyring(key)
    except Exception as exc:
        raise ToolError(f"the keyring could not give the secret {key!r}") from exc
    if secret is None:
        raise ToolError(f"the keyring has no secret {key!r}")
    return secret


def resolve_map(
    values: Mapping[str, str],
    env: Mapping[str, str],
    keyring: SecretResolver | None,
    sink: SecretSink | None = None,
) -> dict[str, str]:
    return {k: resolve_value(v, env, keyring, sink) for k, v in values.items()}


async def resolve_map_off_loop(
    values: Mapping[str, str],
    env: Mapping[str, str],
    keyring: SecretResolver | None,
    sink: SecretSink | None = None,
) -> dict[str, str]:
    """`resolve_map` on a daemon thread of its own.

    A keyring may prompt, or never answer: the loop goes on meanwhile, a caller's timeout
    still works, and (a daemon, not an executor thread) it cannot hold the process at exit.
    """
    if not any(_PLACEHOLDER.search(v) for v in values.values()):
        return dict(values)  # nothing to look up: no thread
    loop = asyncio.get_running_loop()
    future: asyncio.Future[dict[str, str]] = loop.create_future()

    def settle(outcome: dict[str, str] | BaseException) -> None:
        if future.done():
            return  # the caller gave up (timeout, cancel): nobody reads it
        if isinstance(outcome, BaseException):
            future.set_exception(outcome)
        else:
            future.set_result(outcome)

    def work() -> None:
        outcome: dict[str, str] | BaseException
        try:
            outcome = resolve_map(values, env, keyring, sink)
        except BaseException as exc:  # handed to the awaiting side
            outcome = exc
        with contextlib.suppress(RuntimeError):  # the loop closed while we waited
            loop.call_soon_threadsafe(settle, outcome)

    threading.Thread(target=work, name="tools-secrets", daemon=True).start()
    return await future
