"""tools.toml parser under random input: documents built from the real keys with random typed
values, and random text. `parse_config` must never raise; each problem is a line of text, and
whatever it accepts meets the documented ranges."""

from __future__ import annotations

import math
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.tools.config import (
    HTTP_METHODS,
    MAX_RESPONSE_BYTES,
    MAX_TIMEOUT_S,
    ToolsConfig,
    parse_config,
)

HTTP_KEYS = ("name", "description", "method", "url", "parameters", "headers", "timeout_s",
             "max_response_bytes", "changes_outside")  # fmt: skip
MCP_KEYS = ("name", "command", "args", "env", "cwd", "url", "headers", "timeout_s",
            "start_timeout_s", "confirm", "prefix")  # fmt: skip
FUZZ = settings(
    max_examples=150,
    derandomize=True,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)

# Values that look like what IT would write, next to values of every other TOML type.
plausible = st.sampled_from(
    [
        "check_inventory",
        "GET",
        "post",
        "https://erp.example.invalid/parts/{part}/stock",
        "http://127.0.0.1:9/x?y={part}",
        "https://{host}/x",
        "https://erp.example.invalid:99999/",
        "Bearer ${ENV:ERP_TOKEN}",
        "${KEYRING:erp}",
        "${env:lower}",
        "${KEYRING:",
        "auto",
        "always",
        "uvx",
        "",
        " ",
        "..",
    ]
)
scalars = st.one_of(
    plausible,
    st.text(max_size=30),
    st.integers(min_value=-(2**63), max_value=2**63 - 1),
    st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(),
)
values = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.dictionaries(st.one_of(plausible, st.text(max_size=8)), inner, max_size=4),
    ),
    max_leaves=12,
)
parameters = st.fixed_dictionaries(
    {"type": st.sampled_from(["object", "string", 1])},
    optional={
        "properties": st.dictionaries(
            st.sampled_from(["part", "host", "q"]),
            st.one_of(
                st.fixed_dictionaries({"type": st.sampled_from(["string", "strung", 3])}),
                values,
            ),
            max_size=3,
        ),
        "required": st.one_of(st.lists(st.sampled_from(["part", "x"]), max_size=2), values),
    },
)


# Valid entries, so that a mutation of one or two keys reaches the checks past the first.
HTTP_BASE = {
    "name": "stock",
    "description": "Stock of a part.",
    "url": "https://erp.example.invalid/parts/{part}",
    "parameters": {"type": "object", "properties": {"part": {"type": "string"}}},
}
MCP_BASE = {"name": "files", "command": "server-bin"}


def entry(base: dict[str, Any], keys: tuple[str, ...]) -> st.SearchStrategy[dict[str, Any]]:
    """A valid entry with up to three keys set to random values (or dropped), or pure noise."""
    numbers = st.one_of(st.floats(), st.integers(min_value=-(2**40), max_value=2**40))
    mutated_value = st.one_of(numbers, values, parameters) if "parameters" in keys else values
    mutated_value = st.one_of(numbers, mutated_value)
    # The name is kept valid here (the noise below breaks it), so the keys after it are reached.
    mutations = st.dictionaries(
        st.sampled_from([*keys[1:], "unknown_key"]),
        st.one_of(st.none(), mutated_value),
        max_size=3,
    )
    mutated = mutations.map(lambda m: {k: v for k, v in {**base, **m}.items() if v is not None})
    noise = st.dictionaries(st.sampled_from([*keys, "unknown_key"]), values, max_size=8)
    return st.one_of(mutated, mutated, noise)


def numbered(entries: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Base names made unique (a repeated name is a problem of its own, tested elsewhere)."""
    return [
        {**e, "name": f"{e['name']}{n}"} if e.get("name") in ("stock", "files") else e
        for n, e in enumerate(entries)
    ]


documents = st.fixed_dictionaries(
    {},
    optional={
        "http": st.one_of(st.lists(entry(HTTP_BASE, HTTP_KEYS), max_size=4).map(numbered), values),
        "mcp": st.one_of(st.lists(entry(MCP_BASE, MCP_KEYS), max_size=3).map(numbered), values),
        "other": values,
    },
)


def toml_value(value: Any) -> str:
    """A TOML literal (inline form) for a value built by the strategies above."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and not math.isfinite(value):
        return "nan" if math.isnan(value) else ("inf" if value > 0 else "-inf")
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, str):
        return toml_string(value)
    if isinstance(value, list):
        return "[" + ", ".join(toml_value(v) for v in value) + "]"
    pairs = (f"{toml_string(str(k))} = {toml_value(v)}" for k, v in value.items())
    return "{" + ", ".join(pairs) + "}"


def toml_string(text: str) -> str:
    """A TOML basic string: quotes, backslashes and control characters (DEL too) escaped."""
    return '"' + "".join(_ESCAPES.get(ch, ch) for ch in text) + '"'


_ESCAPES = {chr(c): f"\\u{c:04x}" for c in [*range(0x20), 0x7F]} | {'"': '\\"', "\\": "\\\\"}


def toml_document(doc: dict[str, Any]) -> str:
    lines = []
    for key, value in doc.items():
        if isinstance(value, list) and all(isinstance(v, dict) for v in value):
            for table in value:
                lines.append(f"[[{key}]]")
                lines.extend(f"{toml_string(k)} = {toml_value(v)}" for k, v in table.items())
        else:
            lines.append(f"{key} = {toml_value(value)}")
    return "\n".join(lines) + "\n"


def check(config: ToolsConfig) -> None:
    assert isinstance(config, ToolsConfig)
    assert all(isinstance(p, str) and p.strip() for p in config.problems)
    for spec in config.http:
        assert spec.method in HTTP_METHODS
        assert 0 < spec.timeout_s <= MAX_TIMEOUT_S
        assert 1 <= spec.max_response_bytes <= MAX_RESPONSE_BYTES
        host = spec.url.split("://", 1)[1].split("/", 1)[0]
        assert "{" not in host  # a model's argument never picks the server
    for server in config.mcp:
        assert 0 < server.timeout_s <= MAX_TIMEOUT_S
        assert 0 < server.start_timeout_s <= MAX_TIMEOUT_S


@FUZZ
@given(documents)
def test_random_documents_from_the_real_keys(doc: dict[str, Any]) -> None:
    check(parse_config(toml_document(doc)))


@FUZZ
@given(st.text(max_size=400))
def test_random_text(text: str) -> None:
    check(parse_config(text))


@FUZZ
@given(st.lists(st.sampled_from(["[[http]]", "[[mcp]]", "[http]", "name = 'x'", "a = [", "["]),
                max_size=30).map("\n".join))  # fmt: skip
def test_random_fragments_of_the_real_structure(text: str) -> None:
    check(parse_config(text))


def test_deep_nesting_is_a_problem_not_a_crash() -> None:
    check(parse_config("x = " + "[" * 5000 + "]" * 5000))


@FUZZ
@given(
    st.sampled_from(
        [("http", HTTP_BASE, k) for k in ("timeout_s", "max_response_bytes")]
        + [("mcp", MCP_BASE, k) for k in ("timeout_s", "start_timeout_s")]
    ),
    st.one_of(st.floats(), st.integers(min_value=-(2**70), max_value=2**70), values),
)
def test_every_number_key_with_random_values(where: tuple[str, Any, str], value: Any) -> None:
    kind, base, key = where
    config = parse_config(toml_document({kind: [{**base, key: value}]}))
    check(config)
    loaded = config.http or config.mcp
    assert bool(loaded) != bool(config.problems)  # loaded, or one problem saying why
    if config.problems:
        assert f"({base['name']}): {key} must be" in config.problems[0]
