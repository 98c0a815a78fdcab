"""The Gemini API key: environment first, then the OS keyring. Never the settings file.

Keyring back-ends fail in many ways (no Secret Service on a headless box, a locked
KWallet, a denied macOS prompt); every such failure is translated here so callers see
None on reads and CredentialError on writes. Every key that passes through this module is
registered for redaction, so it cannot reach a log file or an error dialog.

A keyring call may also simply not return for a long time (Secret Service shows an unlock
prompt, D-Bus waits on a hung daemon), so the window never makes one on its own thread:
`KeyLookup` reads the key on a worker thread started at launch and is awaited, with a time
limit, where the key is needed; `keyring_call` does the same for one operation (the Settings
dialog's save, delete and read). The worker threads are daemons: a keyring that never answers
cannot keep the process alive after the window closed.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import logging
import os
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TypeVar

import keyring
import keyring.errors

from desktop.infra.redact import redact, register_secret

__all__ = [
    "ENV_VARS",
    "KEYRING_SERVICE",
    "KEYRING_TIMEOUT_S",
    "KEYRING_USERNAME",
    "CredentialError",
    "KeyFound",
    "KeyLookup",
    "KeyringTimeout",
    "api_key_from_env",
    "delete_api_key",
    "find_api_key",
    "keyring_call",
    "load_api_key",
    "redact",
    "store_api_key",
]

log = logging.getLogger(__name__)

KEYRING_SERVICE = "FieldAssist"
KEYRING_USERNAME = "gemini-api-key"
# Same order as the google-genai SDK reads them.
ENV_VARS = ("GEMINI_API_KEY", "GOOGLE_API_KEY")
# How long the window waits for the keyring (an unlock prompt needs the user: be patient).
KEYRING_TIMEOUT_S = 20.0

T = TypeVar("T")


class CredentialError(Exception):
    """The key could not be stored or deleted; the message is safe to show."""


class KeyringTimeout(CredentialError):
    """The keyring did not answer in time (the call goes on, unwatched, on its thread)."""


def _in_thread(func: Callable[..., T], *args: object) -> concurrent.futures.Future[T]:
    """Run `func(*args)` on a new daemon thread; its outcome in a concurrent Future."""
    future: concurrent.futures.Future[T] = concurrent.futures.Future()

    def work() -> None:
        if not future.set_running_or_notify_cancel():
            return
        try:
            future.set_result(func(*args))
        except BaseException as exc:  # handed to the awaiting side, which decides
            future.set_exception(exc)

    threading.Thread(target=work, name="keyring", daemon=True).start()
    return future


def _timeout_message(what: str, timeout_s: float) -> str:
    return (
        f"The system keyring did not answer within {timeout_s:g} s while {what}. "
        "It may be waiting for you to unlock it; "
        "or set GEMINI_API_KEY in the environment instead."
    )


async def keyring_call(
    func: Callable[..., T], *args: object, what: str, timeout_s: float = KEYRING_TIMEOUT_S
) -> T:
    """`func(*args)` on a worker thread, awaited for at most `timeout_s`.

    Raises KeyringTimeout (a CredentialError, showable) when it does not answer in time;
    anything `func` raises comes through as it is.
    """
    future = _in_thread(func, *args)
    try:
        return await asyncio.wait_for(asyncio.wrap_future(future), timeout_s)
    except TimeoutError:
        log.warning("keyring: no answer within %g s while %s", timeout_s, what)
        raise KeyringTimeout(_timeout_message(what, timeout_s)) from None


@dataclass(frozen=True)
class KeyFound:
    key: str | None
    source: str  # as find_api_key: "env:GEMINI_API_KEY", "keyring" or ""
    problem: str = ""  # for the window: why there is no key although one may be stored


class KeyLookup:
    """The API key looked up at launch on a worker thread, awaited where it is needed.

    lookup = KeyLookup().start()     # first thing at launch
    ...                              # Qt and the window come up meanwhile
    found = await lookup.result()    # KeyFound; never raises, never waits past the limit
    """

    def __init__(self, environ: Mapping[str, str] | None = None) -> None:
        self._environ = environ
        self._future: concurrent.futures.Future[tuple[str | None, str]] | None = None

    def start(self) -> KeyLookup:
        if self._future is None:
            self._future = _in_thread(find_api_key, self._environ)
        return self

    async def result(self, timeout_s: float = KEYRING_TIMEOUT_S) -> KeyFound:
        future = self.start()._future
        assert future is not None
        try:
            key, source = await asyncio.wait_for(asyncio.wrap_future(future), timeout_s)
        except TimeoutError:
            log.warning("keyring: no answer within %g s at launch", timeout_s)
            return KeyFound(None, "", _timeout_message("reading the API key", timeout_s))
        except Exception as exc:  # find_api_key translates back-end errors; this is a bug
            log.warning("reading the API key failed (%s)", type(exc).__name__)
            return KeyFound(None, "", "The API key could not be read; see the log.")
        return KeyFound(key, source)


def api_key_from_env(environ: Mapping[str, str] | None = None) -> str | None:
    key, _ = _from_env(os.environ if environ is None else environ)
    return key


def _from_env(environ: Mapping[str, str]) -> tuple[str | None, str]:
    for name in ENV_VARS:
        value = environ.get(name, "").strip()
        if value:
            register_secret(value)
            return value, f"env:{name}"
    return None, ""


def _from_keyring() -> str | None:
    try:
        value = keyring.get_password(KEYRING_SERVICE, KEYRING_USERNAME)
    except Exception as exc:  # any back-end failure means "no key"
        # Only the exception type and redacted text: some back-ends echo what they read.
        # No back-end at all is normal on many Linux desktops; anything else is worth a warning.
        level = logging.INFO if isinstance(exc, keyring.errors.NoKeyringError) else logging.WARNING
        log.log(level, "keyring unavailable (%s): %s", type(exc).__name__, redact(str(exc)))
        return None
    if value:
        value = value.strip()
        register_secret(value)
        return value or None
    return None


def lookup_secret(name: str) -> str | None:
    """Another secret from the OS keyring (HTTP tool headers name them); None if absent."""
    try:
        value = keyring.get_password(KEYRING_SERVICE, name)
    except Exception as exc:  # any back-end failure means "no secret"
        log.warning("keyring unavailable (%s): %s", type(exc).__name__, redact(str(exc)))
        return None
    if value:
        register_secret(value)
    return value or None


def find_api_key(environ: Mapping[str, str] | None = None) -> tuple[str | None, str]:
    """(key, source): source is "env:GEMINI_API_KEY", "env:GOOGLE_API_KEY", "keyring" or ""."""
    key, source = _from_env(os.environ if environ is None else environ)
    if key:
        return key, source
    key = _from_keyring()
    return (key, "keyring") if key else (None, "")


def load_api_key(environ: Mapping[str, str] | None = None) -> str | None:
    """The API key to use: GEMINI_API_KEY, then GOOGLE_API_KEY, then the keyring."""
    return find_api_key(environ)[0]


def store_api_key(key: str) -> None:
    """Save the key in the OS keyring. Raises CredentialError with a showable message."""
    key = key.strip()
    if not key:
        raise CredentialError("The API key is empty.")
    register_secret(key)
    try:
        keyring.set_password(KEYRING_SERVICE, KEYRING_USERNAME, key)
    except Exception as exc:
        log.warning("could not store the API key (%s): %s", type(exc).__name__, redact(str(exc)))
        raise CredentialError(
            f"The system keyring refused to store the key ({type(exc).__name__}). "
            "Set GEMINI_API_KEY in the environment instead."
        ) from None


def delete_api_key() -> bool:
    """Remove the stored key. Returns False if none was stored; CredentialError on failure."""
    try:
        keyring.delete_password(KEYRING_SERVICE, KEYRING_USERNAME)
    except keyring.errors.PasswordDeleteError:
        return False
    except Exception as exc:
        log.warning("could not delete the API key (%s): %s", type(exc).__name__, redact(str(exc)))
        raise CredentialError(
            f"The system keyring refused to delete the key ({type(exc).__name__})."
        ) from None
    return True
