"""Every form a secret takes in a log, one row each, through the real logging setup writing a
real log file: the file must hold none of the secrets, raw, percent-encoded or base64-encoded.

Secrets are built at run time and are not Google-shaped, so each row tests its own rule (a
registered string, a header by name, a URL parameter, a URL's password), not the AIza pattern.
"""

from __future__ import annotations

import base64
import json
import logging
import urllib.parse
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.infra import logs
from desktop.infra.redact import redact_url_credentials, unregister_secret
from desktop.tools.config import resolve_value


def secret(tag: str) -> str:
    # No tag ends with another one: a secret must never be found inside another row's.
    return f"{tag}-" + "s3cr3t" + "-" + "9f8e7d6c5b"  # built at run time: not a scanner hit


TYPED = secret("typed") + "/+=&?"  # characters that change under percent-encoding
QUOTED = secret("quoted") + '"\\x'  # characters JSON escapes
ENV_TOOL = secret("envtool")
KEYRING_TOOL = secret("kr")
USER, PASSWORD = "tech", secret("pw")
BASIC = base64.b64encode(f"{USER}:{PASSWORD}".encode()).decode()

# (what, the logged text, its secrets, a fragment that must still be there)
ROWS: list[tuple[str, str, list[str], str]] = [
    ("registered, raw", f"connecting with {TYPED}", [TYPED], "connecting with"),
    (
        "registered, percent-encoded in a URL",
        f"GET https://h/x?q={urllib.parse.quote(TYPED, safe='')}",
        [TYPED],
        "GET https://h/x?q=",
    ),
    (
        "registered, form-encoded",
        f"body q={urllib.parse.quote_plus(TYPED)}",
        [TYPED],
        "body q=",
    ),
    ("ENV tool secret, resolved", f"calling with {ENV_TOOL}", [ENV_TOOL], "calling with"),
    ("KEYRING tool secret", f"{{'X-Token': '{KEYRING_TOOL}'}}", [KEYRING_TOOL], "X-Token"),
    ("x-goog-api-key header line", f"x-goog-api-key: {secret('g1')}", [secret("g1")], "x-goog"),
    (
        "x-goog-api-key, dict repr",
        repr({"X-Goog-Api-Key": secret("g2")}),
        [secret("g2")],
        "X-Goog-Api-Key",
    ),
    (
        "x-goog-api-key, JSON",
        json.dumps({"x-goog-api-key": secret("g3")}),
        [secret("g3")],
        "x-goog-api-key",
    ),
    (
        "x-goog-api-key, header tuples (bytes)",
        repr([(b"x-goog-api-key", secret("g4").encode())]),
        [secret("g4")],
        "x-goog-api-key",
    ),
    (
        "Authorization Bearer header line",
        f"Authorization: Bearer {secret('b1')}",
        [secret("b1")],
        "Authorization: Bearer",
    ),
    (
        "authorization Bearer, dict repr",
        repr({"authorization": f"Bearer {secret('b2')}"}),
        [secret("b2")],
        "'authorization': 'Bearer",
    ),
    (
        "AUTHORIZATION Token, JSON",
        json.dumps({"AUTHORIZATION": f"Token {secret('t1')}"}),
        [secret("t1")],
        '"AUTHORIZATION": "Token',
    ),
    (
        "Authorization Basic, user:pass in base64",
        f"headers={{'Authorization': 'Basic {BASIC}'}}",
        [BASIC, PASSWORD],
        "Basic",
    ),
    (
        "Proxy-Authorization, header tuples",
        repr([("proxy-authorization", f"Basic {BASIC}")]),
        [BASIC],
        "proxy-authorization",
    ),
    (
        "JSON inside a string",
        json.dumps(json.dumps({"Authorization": f"Bearer {secret('b3')}"})),
        [secret("b3")],
        "Authorization",
    ),
    ("bare Bearer token", f"sent Bearer {secret('b4')}", [secret("b4")], "sent Bearer"),
    ("X-Api-Key header line", f"X-Api-Key: {secret('x1')}", [secret("x1")], "X-Api-Key"),
    ("x_api_key keyword", f"x_api_key={secret('x2')}", [secret("x2")], "x_api_key="),
    (
        "key in a URL query",
        f"wss://h/ws?alt=sse&key={secret('k1')}&b=1",
        [secret("k1")],
        "alt=sse&key=",
    ),
    ("api_key in a URL query", f"GET /v1?api_key={secret('k2')}", [secret("k2")], "?api_key="),
    (
        "key in a percent-encoded URL",
        urllib.parse.quote(f"https://h/x?key={secret('k3')}&a=1", safe=""),
        [secret("k3")],
        "https%3A%2F%2Fh",
    ),
    (
        "user:pass@ in a stream URL",
        f"opening rtsp://{USER}:{PASSWORD}@cam.local:554/stream1",
        [PASSWORD],
        f"rtsp://{USER}:",
    ),
    (
        "user:pass@ with @ in the password",
        f"opening rtsp://{USER}:{PASSWORD}@x@cam.local/stream1",
        [PASSWORD],
        "cam.local/stream1",
    ),
    (
        "user:pass@, percent-encoded",
        urllib.parse.quote(f"rtsp://{USER}:{PASSWORD}@cam.local/s", safe=""),
        [PASSWORD],
        "rtsp%3A%2F%2F",
    ),
    (
        "token@ with no password in a stream URL",
        f"opening rtsp://{secret('tokA')}@cam.local:554/stream1",
        [secret("tokA")],
        "rtsp://[REDACTED]@cam.local:554/stream1",
    ),
    (
        "token@ with an @ in it",
        f"opening https://{secret('tokB')}@x@cam.local/mjpeg",
        [secret("tokB")],
        "https://[REDACTED]@cam.local/mjpeg",
    ),
    (
        "token@, percent-encoded",
        urllib.parse.quote(f"rtsp://{secret('tokC')}@cam.local/s", safe=""),
        [secret("tokC")],
        "rtsp%3A%2F%2F[REDACTED]%40cam.local",
    ),
    (
        "x-goog-api-key header line, percent-encoded",
        f"x-goog-api-key%3A%20{secret('pgA')}",
        [secret("pgA")],
        "x-goog-api-key%3A%20[REDACTED]",
    ),
    (
        "X-GOOG-API-KEY, percent-encoded in lower-case hex",
        f"q=X-GOOG-API-KEY%3a%20{secret('pgB')}&next=1",
        [secret("pgB")],
        "X-GOOG-API-KEY%3a%20[REDACTED]&next=1",
    ),
    (
        "Authorization Bearer header line, percent-encoded",
        f"Authorization%3A%20Bearer%20{secret('pbA')}",
        [secret("pbA")],
        "Authorization%3A%20Bearer%20[REDACTED]",
    ),
    (
        "authorization bearer, percent-encoded, lower case",
        f"authorization%3a%20bearer%20{secret('pbB')}",
        [secret("pbB")],
        "authorization%3a%20bearer%20[REDACTED]",
    ),
    (
        "Authorization Token, form-encoded (+ for spaces)",
        urllib.parse.quote_plus(f"Authorization: Token {secret('pbC')}"),
        [secret("pbC")],
        "Authorization%3A+Token+[REDACTED]",
    ),
    (
        "a request's header lines, percent-encoded with %0D%0A",
        urllib.parse.quote(f"GET /x\r\nx-goog-api-key: {secret('pgC')}\r\nHost: h", safe=""),
        [secret("pgC")],
        "%0D%0AHost%3A%20h",
    ),
    (
        "Authorization Bearer, encoded twice",
        urllib.parse.quote(
            urllib.parse.quote(f"Authorization: Bearer {secret('pbD')}", safe=""), safe=""
        ),
        [secret("pbD")],
        "Authorization%253A%2520Bearer%2520[REDACTED]",
    ),
    ("registered, inside JSON", json.dumps({"password": QUOTED}), [QUOTED], '{"password": "'),
    ("environment line", f"PASSWORD={secret('envpw')}", [secret("envpw")], "PASSWORD="),
    ("a *_TOKEN variable", f"GITHUB_TOKEN={secret('gh')} x", [secret("gh")], "GITHUB_TOKEN="),
    ("config line", f"db_secret: {secret('dbs')}", [secret("dbs")], "db_secret: "),
]


def forms(value: str) -> list[str]:
    """How a secret may show up: raw, percent-encoded (both ways), base64."""
    return [
        value,
        urllib.parse.quote(value, safe=""),
        urllib.parse.quote_plus(value),
        base64.b64encode(value.encode()).decode().rstrip("="),
    ]


def flushed(path: Path) -> str:
    for handler in logging.getLogger().handlers:
        handler.flush()
    return path.read_text(encoding="utf-8")


@pytest.fixture
def log_file(tmp_path: Path) -> Iterator[Path]:
    path = logs.setup_logging("DEBUG", tmp_path / "logs")
    yield path
    logs.reset_logging()
    for registered in (TYPED, QUOTED, ENV_TOOL, KEYRING_TOOL):
        unregister_secret(registered)


def test_every_form_of_a_secret_is_redacted_in_the_log_file(log_file: Path) -> None:
    # How each kind of secret gets registered in the app: the typed key by the connection
    # test (see test_infra_credentials), tool secrets as they are resolved.
    logs.register_secret(TYPED)
    logs.register_secret(QUOTED)
    env_value = resolve_value(
        "Bearer ${ENV:TOOL_TOKEN}", {"TOOL_TOKEN": ENV_TOOL}, None, logs.register_secret
    )
    keyring_value = resolve_value("${KEYRING:x}", {}, {"x": KEYRING_TOOL}.get, logs.register_secret)
    assert (env_value, keyring_value) == (f"Bearer {ENV_TOOL}", KEYRING_TOOL)

    log = logging.getLogger("desktop.tools.http_tools")  # a child logger: propagates
    for what, text, _, _ in ROWS:
        log.info("row %s | %s", what, text)
    try:
        raise RuntimeError(f"rejected {ROWS[9][1]}")
    except RuntimeError:
        log.exception("a traceback holds one too")
    written = flushed(log_file)

    leaks = [
        (what, form)
        for what, _, secrets, _ in ROWS
        for value in secrets
        for form in forms(value)
        if form in written
    ]
    assert leaks == []
    lines = {line.split(" row ", 1)[1].split(" | ", 1)[0]: line for line in written.splitlines()
             if " row " in line}  # fmt: skip
    for what, _, _, kept in ROWS:
        assert kept in lines[what], what  # redacted, not wiped: the log still says what it was
        assert "[REDACTED]" in lines[what], what
    assert "RuntimeError: rejected Authorization: Bearer [REDACTED]" in written


async def test_a_key_typed_in_settings_is_redacted_once_tested(log_file: Path) -> None:
    """The Settings dialog's "Test connection" with a key typed but not saved: whatever the
    SDK or the link logs afterwards about that key reaches the file redacted."""
    from desktop.app.checks import test_connection
    from desktop.infra.settings import Settings
    from desktop.sim import SimServer

    typed = secret("unsaved") + "+/"
    try:
        async with SimServer() as sim:
            settings = Settings(backend="gemini", endpoint=sim.url, ca_file=str(sim.ca_file))
            message = await test_connection(settings, typed)
        assert message.startswith("Connected to")
        logging.getLogger("desktop.live").warning("server said: bad key %s", typed)
        logging.getLogger("desktop.live").warning("url ?q=%s", urllib.parse.quote(typed, safe=""))
        written = flushed(log_file)
        assert [f for f in forms(typed) if f in written] == []
        assert "server said: bad key [REDACTED]" in written
    finally:
        unregister_secret(typed)


@pytest.mark.parametrize(
    ("shown", "expected"),
    [
        ("rtsp://tech:pw-9f8e7d@cam.local:554/stream1", "rtsp://tech:***@cam.local:554/stream1"),
        ("rtsp://tok-9f8e7d@cam.local/s", "rtsp://***@cam.local/s"),
        (
            "http://cam.local:8080/video?token=9f8e7d&fps=5",
            "http://cam.local:8080/video?token=***&fps=5",
        ),
        ("rtsp://cam.local:554/stream1", "rtsp://cam.local:554/stream1"),
        ("0", "0"),
        ("camera:USB Camera", "camera:USB Camera"),
        ("screen:0,0,640,480", "screen:0,0,640,480"),
        ("/home/tech/clips/pump@2x.mp4", "/home/tech/clips/pump@2x.mp4"),
    ],
)
def test_a_source_url_shown_on_screen_hides_its_credentials_only(shown: str, expected: str) -> None:
    assert redact_url_credentials(shown) == expected
