"""Secret scrubbing shared by logging, error dialogs and credentials.

Two kinds of secrets are removed: anything shaped like a Google API key or OAuth access
token (caught even if nobody registered it), and exact strings registered at run time
(the key actually loaded from the environment or keyring, whatever its shape).
"""

from __future__ import annotations

import re
import threading

REDACTED = "[REDACTED]"

_PATTERNS = (
    # Google API keys: "AIza" + 35 URL-safe characters. Matched a little loosely (30+) so a
    # truncated key in an error message is caught too.
    re.compile(r"AIza[0-9A-Za-z_\-]{30,}"),
    # OAuth access tokens as used by Vertex AI through Application Default Credentials.
    re.compile(r"ya29\.[0-9A-Za-z_\-\.]{10,}"),
    # "?key=..." in URLs (the Gemini API accepts the key as a query parameter).
    re.compile(r"(?<=[?&]key=)[^&\s\"']+"),
    # Authorization / x-goog-api-key header values printed by HTTP libraries.
    re.compile(r"(?i)(?<=x-goog-api-key': ')[^'\s]+"),
    re.compile(r"(?i)(?<=Bearer )[0-9A-Za-z_\-\.]{10,}"),
)

# Shorter registered strings would redact ordinary words; real keys are far longer.
_MIN_SECRET_LEN = 8

_lock = threading.Lock()
_secrets: frozenset[str] = frozenset()


def register_secret(secret: str | None) -> None:
    """Remember a secret so every later redact() call removes it."""
    global _secrets  # noqa: PLW0603 - one process-wide registry, swapped atomically
    if not secret or len(secret) < _MIN_SECRET_LEN:
        return
    with _lock:
        _secrets = _secrets | {secret}


def unregister_secret(secret: str) -> None:
    global _secrets  # noqa: PLW0603 - see register_secret
    with _lock:
        _secrets = _secrets - {secret}


def redact(text: str) -> str:
    """Return `text` with API keys, tokens and registered secrets replaced by [REDACTED]."""
    if not text:
        return text
    # Longest first, so a secret containing another registered one is removed whole.
    for secret in sorted(_secrets, key=len, reverse=True):
        if secret in text:
            text = text.replace(secret, REDACTED)
    for pattern in _PATTERNS:
        text = pattern.sub(REDACTED, text)
    return text
