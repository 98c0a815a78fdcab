"""Vertex AI's Application Default Credentials, refreshed through the Live connection's trust
store and proxy.

google-genai refreshes an expired token with `credentials.refresh(google.auth.transport.
requests.Request())`: requests with certifi's bundle, which knows no company root CA (TLS
inspection), so on such a network the Live connection (truststore) works and the token refresh
fails. `load_adc` loads ADC as the SDK would and routes every refresh through `TrustedRequest`:
httpx2 with the same SSLContext as the connection (`config.ssl_context_for`) and the proxy from
the environment (HTTPS_PROXY / NO_PROXY), like the Live WebSocket.
"""

from __future__ import annotations

import ssl
from collections.abc import Mapping
from typing import Any

import google.auth
import google.auth.exceptions
import google.auth.transport
import httpx2

CLOUD_PLATFORM = "https://www.googleapis.com/auth/cloud-platform"  # the SDK's own scope
TOKEN_TIMEOUT_S = 30.0


class _Response(google.auth.transport.Response):
    def __init__(self, response: httpx2.Response) -> None:
        self._response = response

    @property
    def status(self) -> int:
        return self._response.status_code

    @property
    def headers(self) -> Mapping[str, str]:
        return dict(self._response.headers)

    @property
    def data(self) -> bytes:
        return self._response.content


class TrustedRequest(google.auth.transport.Request):
    """google-auth's transport over httpx2 with the connection's SSLContext and env proxy."""

    def __init__(self, context: ssl.SSLContext) -> None:
        self._client = httpx2.Client(verify=context, trust_env=True)

    def __call__(
        self,
        url: str,
        method: str = "GET",
        body: Any = None,
        headers: Mapping[str, str] | None = None,
        timeout: float | None = None,
        **kwargs: Any,
    ) -> _Response:
        try:
            response = self._client.request(
                method, url, content=body, headers=headers, timeout=timeout or TOKEN_TIMEOUT_S
            )
        except httpx2.HTTPError as exc:  # google-auth's callers expect its TransportError
            raise google.auth.exceptions.TransportError(exc) from exc  # type: ignore[no-untyped-call]
        return _Response(response)


def route_refresh(credentials: Any, request: google.auth.transport.Request) -> Any:
    """Make every `credentials.refresh(...)` use `request`, whatever transport the caller
    hands it (the SDK builds its own)."""
    original = credentials.refresh

    def refresh(_their_request: object) -> None:
        original(request)

    credentials.refresh = refresh
    return credentials


def load_adc(context: ssl.SSLContext) -> tuple[Any, str | None]:
    """(credentials, ADC's project) with refreshes through `context` and the env proxy.
    Reads credential files: call it off the Qt thread. Raises google.auth's errors."""
    credentials, project = google.auth.default(scopes=[CLOUD_PLATFORM])
    return route_refresh(credentials, TrustedRequest(context)), project
