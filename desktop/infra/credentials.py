"""The Gemini API key: environment first, then the OS keyring. Never the settings file.

Keyring back-ends fail in many ways (no Secret Service on a headless box, a locked
KWallet, a denied macOS prompt); every such failure is translated here so callers see
None on reads and CredentialError on writes. Every key that passes through this module is
registered for redaction, so it cannot reach a log file or an error dialog.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Mapping

import keyring
import keyring.errors

from desktop.infra.redact import redact, register_secret

__all__ = [
    "ENV_VARS",
    "KEYRING_SERVICE",
    "KEYRING_USERNAME",
    "CredentialError",
    "api_key_from_env",
    "delete_api_key",
    "find_api_key",
    "load_api_key",
    "redact",
    "store_api_key",
]

log = logging.getLogger(__name__)

KEYRING_SERVICE = "FieldAssist"
KEYRING_USERNAME = "gemini-api-key"
# Same order as the google-genai SDK reads them.
ENV_VARS = ("GEMINI_API_KEY", "GOOGLE_API_KEY")


class CredentialError(Exception):
    """The key could not be stored or deleted; the message is safe to show."""


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
