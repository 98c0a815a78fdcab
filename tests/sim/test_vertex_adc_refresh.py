"""Vertex AI on a company network: the Application Default Credentials token refresh goes
through the same trust store (truststore) and HTTPS proxy as the Live connection.

A loopback OAuth token endpoint with a private CA (the "company" CA: trusted only through the
system store, SSL_CERT_FILE on Linux) stands behind a CONNECT proxy (HTTPS_PROXY). ADC is a
service-account key file whose token_uri points there (google-auth ignores an authorized_user
file's token_uri). The app's client opens a real Vertex Live
session to the simulator: the SDK refreshes the token on connect, through the proxy, and the
turn completes. The SDK's own transport (certifi) cannot reach that endpoint: shown too.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import urllib.parse
from collections.abc import AsyncIterator
from pathlib import Path

import google.auth.exceptions
import google.auth.transport.requests
import google.oauth2.service_account
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from support.waiting import wait_until

from desktop.live import LiveLink, LiveOptions, build_client, build_config
from desktop.session.events import TurnComplete
from desktop.sim import SimServer
from desktop.sim.certs import CertPair, server_context

FRESH_TOKEN = "ya29.fresh-from-the-company-network"


@contextlib.asynccontextmanager
async def connect_proxy() -> AsyncIterator[tuple[str, list[str]]]:
    """An HTTP CONNECT proxy on loopback: its URL and the targets it tunnelled."""
    seen: list[str] = []

    async def pipe(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        with contextlib.suppress(ConnectionError):
            while data := await reader.read(65536):
                writer.write(data)
                await writer.drain()
        writer.close()

    async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        method, target, _ = (await reader.readuntil(b"\r\n\r\n")).decode().split("\r\n")[0].split()
        seen.append(f"{method} {target}")
        host, port = target.rsplit(":", 1)
        up_reader, up_writer = await asyncio.open_connection(host, int(port))
        writer.write(b"HTTP/1.1 200 Connection established\r\n\r\n")
        await writer.drain()
        await asyncio.gather(pipe(reader, up_writer), pipe(up_reader, writer))

    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    try:
        yield f"http://127.0.0.1:{server.sockets[0].getsockname()[1]}", seen
    finally:
        server.close()
        await server.wait_closed()


@contextlib.asynccontextmanager
async def token_endpoint(pair: CertPair) -> AsyncIterator[tuple[int, list[dict[str, str]]]]:
    """An OAuth token endpoint over TLS with `pair`'s certificate: (port, requests seen)."""
    grants: list[dict[str, str]] = []

    async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        head = (await reader.readuntil(b"\r\n\r\n")).decode()
        length = next(
            int(line.split(":", 1)[1])
            for line in head.split("\r\n")
            if line.lower().startswith("content-length:")
        )
        form = dict(urllib.parse.parse_qsl((await reader.readexactly(length)).decode()))
        grants.append(form)
        body = json.dumps({"access_token": FRESH_TOKEN, "expires_in": 3600, "token_type": "Bearer"})
        writer.write(
            b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\n"
            + f"Content-Length: {len(body)}\r\n\r\n{body}".encode()
        )
        await writer.drain()
        writer.close()

    server = await asyncio.start_server(handle, "127.0.0.1", 0, ssl=server_context(pair))
    try:
        yield server.sockets[0].getsockname()[1], grants
    finally:
        server.close()
        await server.wait_closed()


def service_account_key(token_uri: str) -> dict[str, str]:
    """A service-account key file (fresh RSA key) whose token endpoint is `token_uri`."""
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    pem = key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    ).decode()
    return {
        "type": "service_account",
        "project_id": "proj",
        "private_key_id": "test-key-1",
        "private_key": pem,
        "client_email": "fieldassist-test@proj.iam.gserviceaccount.com",
        "client_id": "1234567890",
        "token_uri": token_uri,
    }


def write_adc(folder: Path, port: int) -> Path:
    adc = folder / "adc.json"
    adc.write_text(json.dumps(service_account_key(f"https://127.0.0.1:{port}/token")))
    return adc


async def test_adc_token_refresh_uses_the_trust_store_and_the_proxy(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    async with SimServer() as sim:
        # One private CA for the token endpoint and the simulator ("the company's"): OpenSSL
        # finds a CA by its name, and two self-signed ones of one name would collide.
        ca, sim_port = Path(sim.ca_file), sim.port
        pair = CertPair(cert_file=ca, key_file=ca.parent / "sim-key.pem")
        async with token_endpoint(pair) as (port, grants), connect_proxy() as (proxy_url, seen):
            adc = write_adc(tmp_path, port)
            for name in ("NO_PROXY", "no_proxy", "ALL_PROXY", "all_proxy"):
                monkeypatch.delenv(name, raising=False)
            for name in ("REQUESTS_CA_BUNDLE", "CURL_CA_BUNDLE"):
                monkeypatch.delenv(name, raising=False)
            monkeypatch.setenv("SSL_CERT_FILE", str(ca))  # the system store, as truststore reads it
            monkeypatch.setenv("HTTPS_PROXY", proxy_url)
            monkeypatch.setenv("GOOGLE_APPLICATION_CREDENTIALS", str(adc))

            # The SDK's own transport (requests + certifi) does not know the company CA.
            plain = google.oauth2.service_account.Credentials.from_service_account_file(
                str(adc), scopes=["https://www.googleapis.com/auth/cloud-platform"]
            )
            with pytest.raises(google.auth.exceptions.TransportError):
                await asyncio.to_thread(plain.refresh, google.auth.transport.requests.Request())  # type: ignore[no-untyped-call]
            assert not grants

            opts = LiveOptions(
                backend="vertex", project="proj", location="europe-west4", endpoint=sim.url
            )
            await one_turn(opts)

    assert [g["grant_type"] for g in grants] == ["urn:ietf:params:oauth:grant-type:jwt-bearer"]
    assert grants[0]["assertion"].count(".") == 2  # a JWT signed with the key file's key
    assert f"CONNECT 127.0.0.1:{port}" in seen  # the refresh went through the proxy
    assert f"CONNECT 127.0.0.1:{sim_port}" in seen  # like the Live connection itself


async def one_turn(opts: LiveOptions) -> None:
    """The app's client (ADC loaded by build_client), a Live session, one typed turn."""
    client = await asyncio.to_thread(build_client, opts)
    link = LiveLink(client, opts.model_name, build_config(opts))
    await link.open()  # the SDK refreshes the ADC token here
    turn_done = asyncio.Event()

    async def receive() -> None:
        async for event in link.events():
            if isinstance(event, TurnComplete):
                turn_done.set()

    receiver = asyncio.create_task(receive())
    await link.send_text("over the company network")
    await wait_until(turn_done.is_set)
    await link.close()
    await receiver
