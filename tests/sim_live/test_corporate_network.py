"""Corporate networks: the OS trust store by default, --ca-file as override, HTTPS proxies
from the environment, all through the real SDK to the simulator over TLS."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator

import certifi
import pytest
import truststore
from sim_live_helpers import EventLog, SimFactory

from desktop.live import LiveLink, LiveOptions, build_client, build_config
from desktop.live.config import ssl_context_for
from desktop.session.events import TurnComplete


@contextlib.asynccontextmanager
async def connect_proxy() -> AsyncIterator[tuple[str, list[str]]]:
    """A minimal HTTP CONNECT proxy on loopback; yields its URL and the targets it tunnelled."""
    seen: list[str] = []

    async def pipe(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        with contextlib.suppress(ConnectionError):
            while data := await reader.read(65536):
                writer.write(data)
                await writer.drain()
        writer.close()

    async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        request = (await reader.readuntil(b"\r\n\r\n")).decode().split("\r\n")[0]
        method, target, _ = request.split()
        seen.append(f"{method} {target}")
        host, port = target.rsplit(":", 1)
        up_reader, up_writer = await asyncio.open_connection(host, int(port))
        writer.write(b"HTTP/1.1 200 Connection established\r\n\r\n")
        await writer.drain()
        await asyncio.gather(pipe(reader, up_writer), pipe(up_reader, writer))

    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    try:
        yield f"http://127.0.0.1:{port}", seen
    finally:
        server.close()
        await server.wait_closed()


async def one_text_turn(opts: LiveOptions) -> str:
    link = LiveLink(build_client(opts), opts.model_name, build_config(opts))
    await link.open()
    log = EventLog(link)
    await link.send_text("through the company network")
    await log.wait_type(TurnComplete)
    await log.stop()
    return log.output_text()


def test_without_ca_file_the_os_trust_store_is_used() -> None:
    ctx = ssl_context_for(LiveOptions(backend="gemini", api_key="k"))
    assert isinstance(ctx, truststore.SSLContext)


def test_ca_file_overrides_the_os_store() -> None:
    ctx = ssl_context_for(LiveOptions(backend="gemini", api_key="k", ca_file=certifi.where()))
    assert not isinstance(ctx, truststore.SSLContext)
    assert ctx.cert_store_stats()["x509_ca"] > 100  # exactly the file's CAs


async def test_company_ca_in_the_system_store_is_trusted(
    make_sim: SimFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    sim = await make_sim()
    assert isinstance(
        ssl_context_for(LiveOptions(backend="simulator", endpoint=sim.url)), truststore.SSLContext
    )
    # On Linux truststore reads the system bundle through OpenSSL's default paths, which
    # SSL_CERT_FILE moves: here the "system store" holds only the simulator's CA.
    monkeypatch.setenv("SSL_CERT_FILE", str(sim.ca_file))
    opts = LiveOptions(backend="simulator", endpoint=sim.url)
    assert await one_text_turn(opts) == "You typed: through the company network"


async def test_https_proxy_from_the_environment_carries_the_live_connection(
    make_sim: SimFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    sim = await make_sim()
    async with connect_proxy() as (proxy_url, seen):
        for name in ("NO_PROXY", "no_proxy", "ALL_PROXY", "all_proxy"):
            monkeypatch.delenv(name, raising=False)
        monkeypatch.setenv("HTTPS_PROXY", proxy_url)
        opts = LiveOptions(backend="simulator", endpoint=sim.url, ca_file=str(sim.ca_file))
        assert await one_text_turn(opts) == "You typed: through the company network"
    assert seen == [f"CONNECT 127.0.0.1:{sim.port}"]


async def test_no_proxy_bypasses_it(make_sim: SimFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    sim = await make_sim()
    async with connect_proxy() as (proxy_url, seen):
        monkeypatch.setenv("HTTPS_PROXY", proxy_url)
        monkeypatch.setenv("NO_PROXY", "127.0.0.1")
        opts = LiveOptions(backend="simulator", endpoint=sim.url, ca_file=str(sim.ca_file))
        assert await one_text_turn(opts) == "You typed: through the company network"
    assert seen == []
