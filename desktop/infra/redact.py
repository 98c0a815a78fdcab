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
  URL's `user:pass@` (rtsp://, https://, ...), or the whole `token@` when there is no
  password; header lines also percent-encoded (`Authorization%3A%20Bearer%20...`);
- anything shaped like a Google API key or OAuth access token, even if nobody registered it.

The rules are tables (`_HEADER_NAMES`, `_QUERY_NAMES`, `_RULES`): add a name, not a branch.
`redact_url_credentials()` masks only what a URL carries, for showing a URL on screen.
"""

from __future__ import annotations

import base64
import json
import re
import threading
import urllib.parse
from collections.abc import Callable

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


def _pct(*codes: str) -> str:
    """Percent-escapes of these hex codes, once or twice encoded (%3A, %253A), any case."""
    return rf"(?:%(?:25)?(?:{'|'.join(codes)}))"


_PCT_QUOTE = _pct("22", "27")
_PCT_SPACE = rf"(?:{_pct('20', '09')}|\+)"  # quote() gives %20, quote_plus() gives +
_PCT_STOP = _pct("20", "09", "0D", "0A", "22", "27", "26", "2C", "3B", "3C", "3E", "23")
# The same header lines percent-encoded (a request logged inside a URL or a form): the name
# may follow an escape such as %0A, which \b does not see as a word boundary.
_HEADER_ENCODED = re.compile(
    rf"""(?ix)
    (?P<head>(?:(?<![0-9A-Za-z_])|(?<=%[0-9A-Fa-f]{{2}}))(?:{"|".join(_HEADER_NAMES)})
        {_PCT_QUOTE}?(?:{_pct("3A", "3D")}){_PCT_SPACE}*{_PCT_QUOTE}?)
    (?P<scheme>{_SCHEMES}{_PCT_SPACE}+)?
    (?P<value>(?!{_SCHEMES}{_PCT_SPACE})(?:(?!{_PCT_STOP})[^\s"'\\,;&<>()\[\]{{}}+])+)
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
# scheme://token@host, no password: a camera's or a service's token sits where the user name
# goes, so the whole userinfo goes (a user:password@ was handled above and has a colon).
_USERINFO_TOKEN = re.compile(r"(?i)(?P<head>\b[a-z][a-z0-9+.\-]*://)(?P<value>[^/\s:\"'?#]+)@")
_USERINFO_TOKEN_ENCODED = re.compile(
    r"(?i)(?P<head>\b[a-z][a-z0-9+.\-]*%3A%2F%2F)(?P<value>(?:(?!%3A|%2F|%3F|%23)[^/\s:\"'?#])+)%40"
)
# A bare "Bearer <token>" with no header name in front (e.g. a value logged on its own).
# name=value / name: value outside a URL (an environment dump, a config line, a command
# line): any word ending in a credential's name, e.g. PASSWORD=, GITHUB_TOKEN=, db_secret: .
_ASSIGNED = re.compile(
    r"(?i)(?P<head>\b\w*(?:password|passwd|secret|token|api[-_]?key|apikey)\s*[=:]\s*)"
    r"(?P<value>[^\s\"'&,;]{4,})"
)
_BEARER = re.compile(r"(?i)(?P<head>\bBearer\s+)(?P<value>[0-9A-Za-z_\-\.~+/]{8,}=*)")

# Credentials a URL carries: what redact_url_credentials() hides for display. Order matters:
# user:password@ before token@ (which then no longer sees an @ after a colon-free userinfo).
_URL_RULES: tuple[re.Pattern[str], ...] = (
    _QUERY,
    _QUERY_ENCODED,
    _USERINFO,
    _USERINFO_ENCODED,
    _USERINFO_TOKEN,
    _USERINFO_TOKEN_ENCODED,
)
# Every rule replaces its `value` group (what is around it stays: it says what was there), or
# the whole match when it has none.
_RULES: tuple[re.Pattern[str], ...] = (
    _HEADER,
    _HEADER_ENCODED,
    *_URL_RULES,
    _ASSIGNED,
    _BEARER,
    # Google API keys: "AIza" + 35 URL-safe characters. Matched a little loosely (30+) so a
    # truncated key in an error message is caught too.
    re.compile(r"AIza[0-9A-Za-z_\-]{30,}"),
    # OAuth access tokens as used by Vertex AI through Application Default Credentials.
    re.compile(r"ya29\.[0-9A-Za-z_\-\.]{10,}"),
)


def _masking(mask: str) -> Callable[[re.Match[str]], str]:
    def replace(match: re.Match[str]) -> str:
        if "value" not in match.re.groupindex:
            return mask
        start, end = match.span("value")
        return match.string[match.start() : start] + mask + match.string[end : match.end()]

    return replace


_TO_REDACTED = _masking(REDACTED)

# Shorter registered strings would redact ordinary words; real keys are far longer.
_MIN_SECRET_LEN = 8

_lock = threading.Lock()
_secrets: frozenset[str] = frozenset()
_forms: tuple[str, ...] = ()  # every form of every secret, longest first


def _forms_of(secret: str) -> set[str]:
    """The secret as printed raw, JSON-escaped, percent-encoded (either way) and
    base64-encoded."""
    forms = {
        secret,
        json.dumps(secret)[1:-1],  # a secret with " or \ logged inside a JSON document
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
    for pattern in _RULES:
        text = pattern.sub(_TO_REDACTED, text)
    return text


def redact_url_credentials(text: str, mask: str = "***") -> str:
    """`text` with the credentials a URL carries masked, for showing it on screen: the
    password of user:password@ (the user stays), a token@ in the user's place, and key=,
    token=... parameters. Everything else (host, path, camera index, file name) is kept, so
    the technician still sees which source it is. Registered secrets are not looked up."""
    replace = _masking(mask)
    for pattern in _URL_RULES:
        text = pattern.sub(replace, text)
    return text
