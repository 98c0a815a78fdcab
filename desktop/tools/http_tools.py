"""HTTP tools declared in `tools.toml`: one request per call, the answer capped for the model.

Arguments named in the URL template are filled in, percent-encoded with nothing kept safe (a
`/` becomes `%2F`, so a value is always one path segment); a path value that would still
move the request elsewhere (`.`, `..`, or empty) is refused with a message to the model. The
rest go to the query string (GET, DELETE) or a JSON body (POST, PUT, PATCH). Any failure
(refused connection, timeout, HTTP error status, a body that is not what it claims to be)
becomes a `ToolError` with a message the model can repeat to the technician.

Redirects are never followed. The configured headers carry credentials meant for the one
server named in tools.toml; a redirect (to another host, port or scheme, or https to http)
would hand them to someone else, and even a same-origin one is one configuration fix away
from the right URL. A 3xx answer is therefore the tool's error, naming where the server
wanted to send the request (its origin only, never the query), so IT can correct the URL.

Header values (`${ENV:...}`, `${KEYRING:...}`) are resolved on a worker thread at each call
(a keyring may prompt and take its time) and each secret is handed to the context's secret
sink (log redaction) before the request is made.
"""

from __future__ import annotations

import json
import logging
import re
import ssl
import urllib.parse
from collections.abc import Awaitable, Callable, Mapping
from typing import Any

import httpx2

from desktop.tools.config import (
    URL_PARAM,
    HttpToolSpec,
    SecretResolver,
    SecretSink,
    resolve_map_off_loop,
)
from desktop.tools.registry import Tool, ToolError

log = logging.getLogger(__name__)

ClientProvider = Callable[[], Awaitable[httpx2.AsyncClient]]
ERROR_BODY_CHARS = 300
# Path values that are not one plain segment once encoded: "" and "." and ".." are
# interpreted by URL normalisation (RFC 3986 dot segments) on our side or the server's.
_REFUSED_SEGMENTS = frozenset({"", ".", ".."})


def make_client(verify: ssl.SSLContext | str | bool = True) -> httpx2.AsyncClient:
    """The client HTTP tools share (connection reuse); `verify` takes a corporate CA.

    Redirects stay off (see the module's docstring): a 3xx is reported, never followed.
    """
    return httpx2.AsyncClient(verify=verify, follow_redirects=False)


def http_tool(
    spec: HttpToolSpec,
    client: ClientProvider,
    env: Mapping[str, str],
    keyring: SecretResolver | None,
    on_secret: SecretSink | None = None,
) -> Tool:
    async def handler(**args: Any) -> Any:
        url, rest = fill_url(spec.url, args)  # a refused argument costs no keyring call
        headers = await resolve_map_off_loop(spec.headers, env, keyring, on_secret)
        query = rest if spec.method in ("GET", "DELETE") else None
        body = None if query is not None else rest
        return await request(await client(), spec, url, headers, query=query, body=body)

    return Tool(
        name=spec.name,
        description=spec.description,
        handler=handler,
        parameters=spec.parameters,
        # The request's own timeout answers first; the registry's is the backstop.
        timeout_s=spec.timeout_s + 1.0,
        changes_outside=spec.changes_outside,
        source="http",
    )


def fill_url(template: str, args: Mapping[str, Any]) -> tuple[str, dict[str, Any]]:
    """The URL with its `{name}` parts filled, and the arguments it did not use.

    Placeholders before the `?` are path segments: a value there is refused when it is
    empty, `.` or `..` (it would climb or collapse the path, even encoded, since `%2E` is
    decoded by servers as `.`). Raises ToolError with the message for the model.
    """
    used: set[str] = set()
    query_at = template.find("?")

    def fill(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in args:
            raise ToolError(f"the argument {name} is needed for this request")
        used.add(name)
        text = _text(args[name])
        in_path = query_at < 0 or match.start() < query_at
        if in_path and text.strip() in _REFUSED_SEGMENTS:
            raise ToolError(
                f"the argument {name} cannot be {text!r}: it must name one item "
                "(not empty, not '.' or '..'); call again with the real value"
            )
        return urllib.parse.quote(text, safe="")

    url = URL_PARAM.sub(fill, template)
    return url, {k: v for k, v in args.items() if k not in used}


def _text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return value if isinstance(value, str) else json.dumps(value)


async def request(
    client: httpx2.AsyncClient,
    spec: HttpToolSpec,
    url: str,
    headers: Mapping[str, str],
    *,
    query: Mapping[str, Any] | None,
    body: Mapping[str, Any] | None,
) -> Any:
    params = {k: _text(v) for k, v in query.items()} if query else None
    try:
        async with client.stream(
            spec.method,
            url,
            params=params,
            json=dict(body) if body else None,
            headers=dict(headers),
            timeout=spec.timeout_s,
        ) as response:
            data, truncated = await _read_capped(response, spec.max_response_bytes)
    except httpx2.TimeoutException as exc:
        raise ToolError(
            f"{spec.name}: the server did not answer within {spec.timeout_s:g} s"
        ) from exc
    except httpx2.HTTPError as exc:
        # The message names the host, never the headers (they carry credentials).
        raise ToolError(f"{spec.name}: the request failed ({type(exc).__name__})") from exc
    if response.is_redirect or 300 <= response.status_code < 400:
        raise ToolError(_redirect_message(spec, url, response))
    return _decode(spec, response, data, truncated)


def _redirect_message(spec: HttpToolSpec, url: str, response: httpx2.Response) -> str:
    """Where the server wanted to send the request: its origin only (a query may hold a key)."""
    location = response.headers.get("location", "")
    target = "elsewhere"
    try:
        moved = urllib.parse.urlsplit(urllib.parse.urljoin(url, location))
        if moved.scheme and moved.hostname:
            port = f":{moved.port}" if moved.port else ""
            target = f"{moved.scheme}://{moved.hostname}{port}{moved.path}"
    except ValueError:
        pass
    return (
        f"{spec.name}: the server answered HTTP {response.status_code}, a redirect to "
        f"{target}; redirects are not followed (the configured headers must not go to "
        "another address), so tools.toml needs the final URL"
    )


async def _read_capped(response: httpx2.Response, cap: int) -> tuple[bytes, bool]:
    """At most `cap` bytes of the body: a huge answer must not fill the model's context."""
    chunks: list[bytes] = []
    size = 0
    async for chunk in response.aiter_bytes():
        chunks.append(chunk)
        size += len(chunk)
        if size > cap:
            return b"".join(chunks)[:cap], True
    return b"".join(chunks), False


def _decode(spec: HttpToolSpec, response: httpx2.Response, data: bytes, truncated: bool) -> Any:
    ctype = response.headers.get("content-type", "").split(";")[0].strip().lower()
    text = data.decode(response.encoding or "utf-8", errors="replace")
    if response.status_code >= 400:
        detail = " ".join(text.split())[:ERROR_BODY_CHARS]
        raise ToolError(
            f"{spec.name}: the server answered HTTP {response.status_code}"
            + (f": {detail}" if detail else "")
        )
    is_json = ctype == "application/json" or ctype.endswith("+json")
    if is_json and not truncated:
        try:
            return json.loads(text) if text.strip() else None
        except ValueError as exc:
            raise ToolError(f"{spec.name}: the server's answer is not valid JSON") from exc
    if not (is_json or ctype.startswith("text/") or ctype in ("", "application/xml")):
        raise ToolError(f"{spec.name}: the server answered with {ctype}, which is not text")
    if "\x00" in text:
        raise ToolError(f"{spec.name}: the server's answer is binary, not text")
    if truncated:
        return {
            "text": text,
            "truncated": f"only the first {spec.max_response_bytes} bytes of the answer",
        }
    return {"text": text}
