"""SDK and websockets failures -> CloseKind plus a message that says what to change.

Everything google-genai or websockets can raise on a Live connection is translated here,
so nothing above desktop.live ever sees a library exception.

What the SDK surfaces (google-genai 3.6.1, websockets 17):
- an HTTP rejection of the upgrade: `websockets.exceptions.InvalidStatus` from connect();
- any WebSocket close, 1000 included: `google.genai.errors.APIError` with `.code` = close code
  (1006 when no close frame arrived) and the close reason as `.details`;
- a frame with no known top-level key or an `{"error": ...}` body: `TypeError` inside
  `_receive` (it compares a missing code with 400); invalid JSON: `ValueError`; JSON that is
  not an object (a list, a string): `AttributeError` (it calls `.get` on it). All PROTOCOL.
"""

from __future__ import annotations

import ssl
from dataclasses import dataclass

import pydantic
from google.auth import exceptions as auth_errors
from google.genai import errors as genai_errors
from websockets.exceptions import (
    ConnectionClosed,
    InvalidHandshake,
    InvalidStatus,
    InvalidURI,
)

from desktop.session.events import CloseKind, LinkClosed

_TRANSIENT_CLOSES = frozenset({1000, 1001, 1006, 1011, 1012, 1013, 1014})
_PROTOCOL_CLOSES = frozenset({1002, 1003, 1009, 1010})


class LinkError(Exception):
    """A classified failure of the Live link, raised from `open()` and the send methods."""

    def __init__(self, kind: CloseKind, code: int | None, message: str) -> None:
        super().__init__(message)
        self.kind = kind
        self.code = code
        self.message = message

    def as_closed(self) -> LinkClosed:
        return LinkClosed(kind=self.kind, code=self.code, message=self.message)

    def __repr__(self) -> str:
        return f"LinkError({self.kind.name}, {self.code}, {self.message!r})"


@dataclass(frozen=True)
class LinkContext:
    """What the classifier needs to know about the link besides the exception."""

    requested: bool = False  # we asked for the close
    resuming: bool = False  # the setup carried a resumption handle
    early: bool = False  # nothing but setupComplete has arrived yet
    vertex: bool = False
    model: str = ""


def _reason(exc: genai_errors.APIError) -> str:
    if exc.message:
        return str(exc.message)
    details = exc.details
    if isinstance(details, str):
        return details
    return "" if details is None else str(details)


def _mentions(text: str, *words: str) -> bool:
    low = text.lower()
    return any(w in low for w in words)


def _auth_message(ctx: LinkContext, detail: str) -> str:
    if ctx.vertex:
        return (
            f"Google Cloud refused the credentials ({detail}): run "
            "`gcloud auth application-default login`, and check the project and location "
            "in Settings."
        )
    return f"The API key was rejected ({detail}): check it in Settings."


def _model_message(ctx: LinkContext, detail: str) -> str:
    where = " in this Vertex location" if ctx.vertex else ""
    return (
        f"The model {ctx.model or '(unnamed)'} is not available{where} ({detail}): "
        "choose another model (or location) in Settings."
    )


def classify_close(code: int | None, reason: str, ctx: LinkContext) -> LinkError:  # noqa: PLR0911 - a decision table reads best as early returns
    """A WebSocket close code and reason (as the server sent them) -> LinkError."""
    shown = reason or "no reason given"
    if ctx.requested and (code is None or code in _TRANSIENT_CLOSES):
        return LinkError(CloseKind.REQUESTED, code, "Session closed.")
    if code in (1007, 1008):
        if _mentions(reason, "api key", "api_key", "unauthenticated", "permission denied"):
            return LinkError(CloseKind.FATAL_AUTH, code, _auth_message(ctx, shown))
        if ctx.resuming and (ctx.early or _mentions(reason, "handle", "resum")):
            # The setup is the one that worked before, plus a handle: the handle is the problem.
            return LinkError(
                CloseKind.RESUME_REJECTED,
                code,
                f"The server would not resume the previous session ({shown}); "
                "starting a fresh one from the transcript.",
            )
        if _mentions(reason, "not found", "not supported") and _mentions(reason, "model"):
            return LinkError(CloseKind.FATAL_MODEL, code, _model_message(ctx, shown))
        if code == 1007:
            return LinkError(
                CloseKind.FATAL_ARGUMENT,
                code,
                f"The server rejected the session settings as invalid ({shown}): check the "
                "model, voice, language and tools in Settings.",
            )
        return LinkError(
            CloseKind.FATAL_POLICY,
            code,
            f"The server ended the session for a policy reason ({shown}). Start a new "
            "session; if it happens again, check the model and tool settings.",
        )
    if code in _PROTOCOL_CLOSES:
        return LinkError(
            CloseKind.PROTOCOL,
            code,
            f"The connection broke on a malformed or oversized message ({shown}); reconnecting.",
        )
    if code is not None and 400 <= code < 600:
        return classify_http(code, shown, ctx)
    return LinkError(CloseKind.TRANSIENT, code, f"Connection lost ({code}: {shown}).")


def classify_http(status: int, detail: str, ctx: LinkContext) -> LinkError:
    if status in (401, 403):
        return LinkError(CloseKind.FATAL_AUTH, status, _auth_message(ctx, f"HTTP {status}"))
    if status == 404:
        return LinkError(
            CloseKind.FATAL_MODEL,
            status,
            f"No Live service at this endpoint for model {ctx.model or '(unnamed)'} "
            f"(HTTP 404): check the endpoint, model and location in Settings.",
        )
    if status == 429 or status >= 500:
        return LinkError(CloseKind.TRANSIENT, status, f"The service is busy ({detail}).")
    return LinkError(
        CloseKind.FATAL_ARGUMENT,
        status,
        f"The server refused the connection (HTTP {status}: {detail}): check the endpoint "
        "settings.",
    )


def _client_initiated_close(exc: genai_errors.APIError) -> int | None:
    """The close code our websockets client sent itself, when the SDK hides it as 1006.

    The SDK builds its APIError from the close frame *received*; when the client fails the
    connection itself (a frame over max_size: 1009), none is received and the SDK says 1006,
    like a network drop. The ConnectionClosed it was handling still knows what was sent.
    """
    if exc.code != 1006:
        return None
    cause = exc.__cause__ or exc.__context__
    if (
        isinstance(cause, ConnectionClosed)
        and cause.rcvd is None
        and cause.sent is not None
        and cause.sent.code in _PROTOCOL_CLOSES
    ):
        return cause.sent.code
    return None


def classify(exc: BaseException, ctx: LinkContext) -> LinkError:  # noqa: PLR0911, PLR0912 - one branch per exception family
    """Any exception from connect/send/receive -> LinkError. Unknown ones become PROTOCOL."""
    if isinstance(exc, LinkError):
        return exc
    if isinstance(exc, genai_errors.APIError):
        if exc.code is None:
            return LinkError(CloseKind.PROTOCOL, None, f"Unreadable server message: {exc}")
        ours = _client_initiated_close(exc)
        if ours is not None:
            return classify_close(ours, "the client refused a server message", ctx)
        return classify_close(int(exc.code), _reason(exc), ctx)
    if isinstance(exc, ConnectionClosed):
        rcvd = exc.rcvd
        return classify_close(rcvd.code if rcvd else 1006, rcvd.reason if rcvd else "", ctx)
    if isinstance(exc, auth_errors.GoogleAuthError):
        return LinkError(CloseKind.FATAL_AUTH, None, _auth_message(ctx, type(exc).__name__))
    if isinstance(exc, InvalidStatus):
        return classify_http(exc.response.status_code, str(exc), ctx)
    if isinstance(exc, InvalidURI):
        return LinkError(
            CloseKind.FATAL_ARGUMENT, None, f"The endpoint URL is not valid ({exc}): fix it."
        )
    if isinstance(exc, ssl.SSLCertVerificationError):
        return LinkError(
            CloseKind.FATAL_AUTH,
            None,
            f"The server's TLS certificate is not trusted ({exc.verify_message}): set the "
            "endpoint's CA file in Settings (--ca-file).",
        )
    if isinstance(exc, InvalidHandshake):
        return LinkError(CloseKind.PROTOCOL, None, f"The WebSocket handshake failed ({exc}).")
    if isinstance(exc, TimeoutError):
        return LinkError(
            CloseKind.TRANSIENT, None, "The Live service did not answer in time; retrying."
        )
    if isinstance(exc, ConnectionError | OSError):
        return LinkError(
            CloseKind.TRANSIENT,
            None,
            f"Cannot reach the Live service ({exc or type(exc).__name__}): check the "
            "network connection.",
        )
    if isinstance(
        exc, TypeError | ValueError | KeyError | AttributeError | pydantic.ValidationError
    ):
        return LinkError(
            CloseKind.PROTOCOL,
            None,
            f"The server sent a message this app could not read ({type(exc).__name__}: "
            f"{str(exc)[:200]}); reconnecting.",
        )
    return LinkError(CloseKind.PROTOCOL, None, f"Unexpected failure: {type(exc).__name__}: {exc}")
