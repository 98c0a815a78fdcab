"""Secret scrubbing shared by logging, error dialogs and credentials.

Three kinds of secrets are removed:

- exact strings registered at run time (the API key loaded from the environment or keyring,
  a key typed in Settings before a connection test, each `${ENV:...}`/`${KEYRING:...}` value
  a tool resolves), also in the forms a library may print them: percent-encoded (in a URL)
  and base64 (inside a Basic credential);
- values by position, whatever their shape: credential headers (`Authorization` with its
  Bearer/Token/Basic/... scheme, `Proxy-Authorization`, `x-goog-api-key`, `X-Api-Key`, ...)
  in any case or quoting (an HTTP header line, a dict's repr, JSON, `name=value`), `key=`,
  `api_key=`, `access_token=`... in URLs (plain or percent-encoded), and the password in a
  URL's `user:pass@` (rtsp://, https://, ...);
- anything shaped like a Google API key or OAuth access token, even if nobody registered it.

The rules are tables (`_HEADER_NAMES`, `_QUERY_NAMES`, `_RULES`): add a name, not a branch.
"""

from __future__ import annotations

import base64
import re
import threading
import urllib.parse

REDACTED = "[REDACTED]"

# Header (or field) names whose value is a credential. `[-_ ]?` between words: printed
# headers come as x-goog-api-key, X_GOOG_API_KEY, x_goog_api_key (kwargs) alike.
_HEADER_NAMES = (
    r"(?:proxy[-_ ]?)?authorization",
    r"x[-_ ]?goog[-_ ]?api[-_ ]?key",
    r"x[-_ ]?api[-_ ]?key",
    r"api[-_ ]?key",
    r"x[-_ ]?auth[-_ ]?token",
    r"private[-_ ]?token",
)
# Query parameters whose value is a credential.
_QUERY_NAMES = r"(?:key|api[-_]?key|apikey|access[-_]?token|token|auth|password|secret|sig)"
# Authorization schemes: kept in the output (they say what kind of credential was there).
_SCHEMES = r"(?:Bearer|Token|Basic|Digest|Negotiate|ApiKey|Key)"

_QUOTE = r"""(?:\\*["'])"""  # a quote, maybe escaped (JSON inside a string)
_HEADER = re.compile(
    # name (maybe quoted, maybe b'...'), a separator (": ", "=", or "', '" in a list of
    # tuples), an optional opening quote, an optional scheme, then the value up to a
    # quote, space or end.
    rf"""(?ix)
    (?P<head>\b(?:{"|".join(_HEADER_NAMES)})\b
        (?:{_QUOTE}?\s*[:=]|{_QUOTE}\s*,)\s*(?:b?{_QUOTE})?)
    (?P<scheme>{_SCHEMES}\s+)?
    (?P<value>(?!{_SCHEMES}\s)[^\s"'\\,;&<>()\[\]{{}}]+)
    """
)
_QUERY = re.compile(rf"(?i)(?P<head>[?&;]{_QUERY_NAMES}=)(?P<value>[^&\s\"'#<>]+)")
# The same in a percent-encoded URL (a URL inside another URL's query, or logged encoded).
_QUERY_ENCODED = re.compile(
    rf"(?i)(?P<head>(?:%3F|%26|%3B){_QUERY_NAMES}(?:%3D|=))(?P<value>(?:(?!%26|%23)[^&\s\"'#<>])+)"
)
# scheme://user:password@host: the password goes, the user stays (it helps IT).
_USERINFO = re.compile(r"(?i)(?P<head>\b[a-z][a-z0-9+.\-]*://[^/\s:@\"']+:)(?P<value>[^/\s\"']+)@")
_USERINFO_ENCODED = re.compile(
    r"(?i)(?P<head>\b[a-z][a-z0-9+.\-]*%3A%2F%2F(?:(?!%3A|%40|%2F)[^/\s\"'])+%3A)"
    r"(?P<value>(?:(?!%40|%2F)[^/\s\"'])+)%40"
)
# A bare "Bearer <token>" with no header name in front (e.g. a value logged on its own).
_BEARER = re.compile(r"(?i)(?P<head>\bBearer\s+)(?P<value>[0-9A-Za-z_\-\.~+/]{8,}=*)")

_KEEP_HEAD = rf"\g<head>{REDACTED}"
_RULES: tuple[tuple[re.Pattern[str], str], ...] = (
    (_HEADER, rf"\g<head>\g<scheme>{REDACTED}"),
    (_QUERY, _KEEP_HEAD),
    (_QUERY_ENCODED, _KEEP_HEAD),
    (_USERINFO, rf"\g<head>{REDACTED}@"),
    (_USERINFO_ENCODED, rf"\g<head>{REDACTED}%40"),
    (_BEARER, _KEEP_HEAD),
    # Google API keys: "AIza" + 35 URL-safe characters. Matched a little loosely (30+) so a
    # truncated key in an error message is caught too.
    (re.compile(r"AIza[0-9A-Za-z_\-]{30,}"), REDACTED),
    # OAuth access tokens as used by Vertex AI through Application Default Credentials.
    (re.compile(r"ya29\.[0-9A-Za-z_\-\.]{10,}"), REDACTED),
)

# Shorter registered strings would redact ordinary words; real keys are far longer.
_MIN_SECRET_LEN = 8

_lock = threading.Lock()
_secrets: frozenset[str] = frozenset()
_forms: tuple[str, ...] = ()  # every form of every secret, longest first


def _forms_of(secret: str) -> set[str]:
    """The secret as printed raw, percent-encoded (either way) and base64-encoded."""
    forms = {
        secret,
        urllib.parse.quote(secret, safe=""),
        urllib.parse.quote_plus(secret, safe=""),
        base64.b64encode(secret.encode()).decode().rstrip("="),
    }
    return {f for f in forms if len(f) >= _MIN_SECRET_LEN}


def _rebuild(secrets: frozenset[str]) -> None:
    global _secrets, _forms  # noqa: PLW0603 - one process-wide registry, swapped atomically
    forms: set[str] = set()
    for secret in secrets:
        forms |= _forms_of(secret)
    # Longest first, so a secret containing another registered one is removed whole.
    _forms = tuple(sorted(forms, key=len, reverse=True))
    _secrets = secrets


def register_secret(secret: str | None) -> None:
    """Remember a secret so every later redact() call removes it (in all its forms)."""
    if not secret or len(secret) < _MIN_SECRET_LEN:
        return
    with _lock:
        if secret not in _secrets:
            _rebuild(_secrets | {secret})


def unregister_secret(secret: str) -> None:
    with _lock:
        if secret in _secrets:
            _rebuild(_secrets - {secret})


def redact(text: str) -> str:
    """Return `text` with API keys, tokens and registered secrets replaced by [REDACTED]."""
    if not text:
        return text
    for form in _forms:
        if form in text:
            text = text.replace(form, REDACTED)
    for pattern, replacement in _RULES:
        text = pattern.sub(replacement, text)
    return text
