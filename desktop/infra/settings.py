"""The settings file: a versioned TOML document under the platform config dir.

Rules this module keeps:
- loading never raises: a missing file gives defaults, a corrupt or wrongly typed file is
  moved aside (settings.toml.corrupt-<timestamp>) and replaced by defaults, and every such
  event comes back as a human-readable note for the UI;
- saving is atomic (temporary file in the same folder, then os.replace);
- the API key is never stored here (it lives in the OS keyring, see credentials.py).

Empty strings mean "not set" for optional text fields, because TOML has no null.
"""

from __future__ import annotations

import dataclasses
import logging
import os
import tempfile
import tomllib
from collections.abc import Callable
from dataclasses import dataclass, field, fields
from datetime import datetime
from pathlib import Path
from typing import Any

import tomli_w

from desktop.infra import paths
from desktop.session.models import default_model_for

log = logging.getLogger(__name__)

SETTINGS_VERSION = 1

BACKENDS = ("auto", "gemini", "vertex", "simulator")
LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR")
VAD_SENSITIVITIES = ("default", "low", "high")


DEFAULT_SYSTEM_INSTRUCTION = (
    "You are a hands-free assistant for a field service technician who is working on "
    "equipment right now and hears you through a headset.\n"
    "- Answer in short spoken sentences: one step at a time, then wait. No lists, no "
    "markdown, no long preambles.\n"
    "- Safety first: before any step that involves electricity, pressure, heat, moving "
    "parts or chemicals, say how to make it safe (isolate, lock out, depressurise, cool "
    "down, wear protection) and ask for confirmation.\n"
    "- When you are not sure what you are looking at, ask the technician to show you the "
    "part, the label or the nameplate up close and hold still, rather than guess.\n"
    "- Say plainly when you do not know, or when the camera image is too unclear to tell.\n"
    "- Use the units and part names printed on the equipment; read model and serial "
    "numbers back to confirm them.\n"
    "- If the technician interrupts, stop and answer the new question."
)


@dataclass
class Settings:
    """Everything the user can set. Field names are the TOML keys (one flat table)."""

    version: int = SETTINGS_VERSION

    # Connection. backend "auto": the Gemini API if an API key is available, else simulator.
    backend: str = "auto"
    model: str = ""  # "" = default_model_for(backend)
    project: str = ""  # Vertex AI project ("" = GOOGLE_CLOUD_PROJECT / ADC's project)
    location: str = ""  # Vertex AI location ("" = GOOGLE_CLOUD_LOCATION)
    endpoint: str = ""  # base URL of a Live-compatible endpoint (corporate gateway)
    ca_file: str = ""  # PEM bundle trusted instead of the OS trust store (corporate gateways)
    compression: bool = True  # context window compression (sliding window)
    resumption: bool = True  # session resumption handles across connections

    # Conversation.
    voice: str = ""  # "" = the model's default voice
    language: str = ""  # BCP-47 response language, "" = the model decides
    system_instruction: str = DEFAULT_SYSTEM_INSTRUCTION

    # Audio.
    input_device: str = ""  # "" = system default
    output_device: str = ""
    vad_sensitivity: str = "default"  # server VAD start/end sensitivity: default|low|high
    vad_silence_ms: int = 0  # silence that ends a user turn; 0 = server default
    echo_cancellation: bool = True  # speaker mode; turn off with a headset
    instant_barge_in: bool = False  # local VAD silences playback before the server does
    push_to_talk: bool = False

    # Video.
    manuals_dir: str = ""  # folder of PDF/Markdown/text manuals; "" = <data dir>/manuals
    video_source: str = "0"  # camera index, file path, URL, "screen", or "none"
    video_fps: float = 1.0  # frames sent per second (the Live API takes at most ~2)
    video_long_side: int = 768  # frames are scaled so their longer side is at most this
    jpeg_quality: int = 80

    # Program.
    log_level: str = "INFO"

    # Window (opaque base64 blobs from QWidget.saveGeometry / QMainWindow.saveState /
    # QSplitter.saveState, so restoring is exactly Qt's own logic).
    window_geometry: str = ""
    window_state: str = ""
    splitter_state: str = ""
    inspector_visible: bool = False
    first_run_done: bool = False

    # Not saved. Command-line overrides for this run: name -> (file value, flag value).
    # save_settings writes the file value back unless the user changed the setting since,
    # so `--backend simulator` once does not become the saved backend.
    cli_overrides: dict[str, tuple[Any, Any]] = field(
        default_factory=dict, repr=False, compare=False, metadata={"saved": False}
    )

    def effective_backend(self, has_api_key: bool) -> str:
        """The concrete backend: resolves "auto" by whether an API key is available."""
        if self.backend != "auto":
            return self.backend
        return "gemini" if has_api_key else "simulator"

    def effective_model(self, backend: str | None = None) -> str:
        """The model to request: the user's choice, else the backend's default."""
        if self.model:
            return self.model
        return default_model_for(backend or self.backend)


def _saved_fields() -> list[dataclasses.Field[Any]]:
    return [f for f in fields(Settings) if f.metadata.get("saved", True)]


# --------------------------------------------------------------------------------------
# Migrations: MIGRATIONS[n] turns a version-n document into a version-(n+1) document.
# Each returns the new document and notes for the user. Add one entry per format change
# and bump SETTINGS_VERSION; never edit an old entry.
# --------------------------------------------------------------------------------------

Migration = Callable[[dict[str, Any]], tuple[dict[str, Any], list[str]]]


def _v0_to_v1(doc: dict[str, Any]) -> tuple[dict[str, Any], list[str]]:
    """Version 0 (the prototype) grouped keys in tables and could hold the API key.

    [video] camera/fps and [audio] input/output became flat keys; an `api_key` is dropped
    because secrets belong in the OS keyring.
    """
    notes: list[str] = []
    out = {k: v for k, v in doc.items() if not isinstance(v, dict)}
    renames = {
        ("video", "camera"): "video_source",
        ("video", "fps"): "video_fps",
        ("audio", "input"): "input_device",
        ("audio", "output"): "output_device",
    }
    for table_name in ("video", "audio"):
        table = doc.get(table_name)
        if not isinstance(table, dict):
            continue
        for key, value in table.items():
            new_key = renames.get((table_name, key))
            if new_key is None:
                notes.append(f"Setting [{table_name}] {key} is no longer used and was dropped.")
                continue
            out[new_key] = str(value) if new_key == "video_source" else value
    if "api_key" in out:
        del out["api_key"]
        notes.append(
            "An API key was found in the settings file and removed from it; "
            "enter it again in Settings to keep it in the system keyring."
        )
    out["version"] = 1
    return out, notes


MIGRATIONS: dict[int, Migration] = {0: _v0_to_v1}


def migrate(doc: dict[str, Any]) -> tuple[dict[str, Any], list[str]]:
    """Bring a parsed document to SETTINGS_VERSION. A missing version means version 0."""
    version = doc.get("version", 0)
    if isinstance(version, bool) or not isinstance(version, int) or version < 0:
        raise _BadFile(f"invalid version {version!r}")
    notes: list[str] = []
    while version < SETTINGS_VERSION:
        step = MIGRATIONS.get(version)
        if step is None:
            raise _BadFile(f"no migration from version {version}")
        doc, step_notes = step(dict(doc))
        notes.extend(step_notes)
        version = doc["version"]
    return doc, notes


# --------------------------------------------------------------------------------------
# Loading and saving.
# --------------------------------------------------------------------------------------


class _BadFile(Exception):
    """The file cannot be used as a whole (parse error, wrong type, bad version)."""


def _coerce(name: str, value: Any, default: Any) -> Any:
    """Check one value against the type of its default; raise _BadFile on a mismatch."""
    # bool is a subclass of int: check it first so `video_long_side = true` is rejected.
    if isinstance(default, bool):
        if isinstance(value, bool):
            return value
    elif isinstance(default, int):
        if isinstance(value, int) and not isinstance(value, bool):
            return value
    elif isinstance(default, float):
        if isinstance(value, int | float) and not isinstance(value, bool):
            return float(value)
    elif isinstance(default, str) and isinstance(value, str):
        return value
    raise _BadFile(
        f"{name} should be {type(default).__name__}, found {type(value).__name__} {value!r}"
    )


def _check_values(settings: Settings) -> list[str]:
    """Reset out-of-range values to their defaults (well-typed, so not worth a backup)."""
    defaults = Settings()
    notes: list[str] = []

    def reset(name: str, why: str) -> None:
        notes.append(f"Setting {name} {why}; using the default instead.")
        setattr(settings, name, getattr(defaults, name))

    if settings.backend not in BACKENDS:
        reset("backend", f"must be one of {', '.join(BACKENDS)}")
    settings.log_level = settings.log_level.upper()
    if settings.log_level not in LOG_LEVELS:
        reset("log_level", f"must be one of {', '.join(LOG_LEVELS)}")
    if settings.vad_sensitivity not in VAD_SENSITIVITIES:
        reset("vad_sensitivity", f"must be one of {', '.join(VAD_SENSITIVITIES)}")
    if not 0 <= settings.vad_silence_ms <= 10_000:
        reset("vad_silence_ms", "must be between 0 and 10000")
    if not 0.0 < settings.video_fps <= 2.0:
        reset("video_fps", "must be above 0 and at most 2")
    if not 64 <= settings.video_long_side <= 4096:
        reset("video_long_side", "must be between 64 and 4096")
    if not 1 <= settings.jpeg_quality <= 100:
        reset("jpeg_quality", "must be between 1 and 100")
    if not settings.video_source.strip():
        reset("video_source", "is empty")
    return notes


def _from_document(doc: dict[str, Any]) -> tuple[Settings, list[str]]:
    doc, notes = migrate(doc)
    known = {f.name: f for f in _saved_fields()}
    defaults = Settings()
    values: dict[str, Any] = {}
    for key, value in doc.items():
        if key not in known:
            notes.append(f"Unknown setting {key!r} ignored.")
            continue
        values[key] = _coerce(key, value, getattr(defaults, key))
    if values.get("version", SETTINGS_VERSION) > SETTINGS_VERSION:
        notes.append(
            "The settings file was written by a newer version of FieldAssist; "
            "settings it added are ignored."
        )
    values["version"] = SETTINGS_VERSION
    settings = Settings(**values)
    notes.extend(_check_values(settings))
    return settings, notes


def _backup_corrupt(path: Path) -> Path | None:
    stamp = datetime.now().strftime("%Y%m%dT%H%M%S")
    target = path.with_name(f"{path.name}.corrupt-{stamp}")
    n = 1
    while target.exists():  # two failures in one second must not overwrite each other
        target = path.with_name(f"{path.name}.corrupt-{stamp}-{n}")
        n += 1
    try:
        path.replace(target)
    except OSError:
        log.exception("could not move the corrupt settings file aside")
        return None
    return target


def load_settings(path: Path | None = None) -> tuple[Settings, list[str]]:
    """Read settings; never raises. Returns (settings, notes to show the user)."""
    path = path or paths.settings_path()
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return Settings(), []
    except OSError as exc:
        log.warning("cannot read settings file %s: %s", path, exc)
        return Settings(), [f"Could not read the settings file ({exc.strerror}); using defaults."]
    try:
        doc = tomllib.loads(raw.decode("utf-8"))
        original_version = doc.get("version", 0)
        settings, notes = _from_document(doc)
    except (UnicodeDecodeError, tomllib.TOMLDecodeError, _BadFile, TypeError) as exc:
        log.warning("settings file %s is unusable: %s", path, exc)
        backup = _backup_corrupt(path)
        where = f" A copy was kept as {backup.name}." if backup else ""
        return Settings(), [f"The settings file was damaged ({exc}); defaults are in use.{where}"]
    if original_version != SETTINGS_VERSION and original_version < SETTINGS_VERSION:
        # Rewrite migrated files at once so an old secret (v0 api_key) leaves the disk.
        try:
            save_settings(settings, path)
        except OSError as exc:
            notes.append(f"Could not save the updated settings file ({exc.strerror}).")
    for note in notes:
        log.info("settings: %s", note)
    return settings, notes


def settings_to_document(settings: Settings) -> dict[str, Any]:
    """The TOML document for `settings`, with this run's command-line overrides undone."""
    doc = {f.name: getattr(settings, f.name) for f in _saved_fields()}
    for name, (file_value, flag_value) in settings.cli_overrides.items():
        if doc.get(name) == flag_value:
            doc[name] = file_value
    return doc


def save_settings(settings: Settings, path: Path | None = None) -> Path:
    """Write settings atomically (temp file + os.replace). Raises OSError on failure."""
    path = path or paths.settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    data = tomli_w.dumps(settings_to_document(settings)).encode("utf-8")
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as tmp:
            tmp.write(data)
            tmp.flush()
            os.fsync(tmp.fileno())
        os.replace(tmp_name, path)
    except BaseException:
        Path(tmp_name).unlink(missing_ok=True)
        raise
    return path
