"""The settings file: a versioned TOML document under the platform config dir.

The file is often written by IT, not by this program, so the rules are about not losing
what is in it:

- loading never raises. A missing file gives defaults.
- a value of the wrong type (`video_fps = "1"`), out of range or not one of the choices
  costs that one key: it is reset to its default with a note naming the key, the value found
  and the default used; every other key applies. The file is left as it is (IT fixes it).
- unknown keys get a note, are ignored, and stay in the file (a newer version may use them).
- a file that is not TOML at all (a syntax typo, not UTF-8) cannot be read key by key: the
  program runs on defaults with a note quoting the parser (line and column), and the file is
  never moved, rewritten or overwritten because of it. Saving refuses while it stays broken
  (SettingsNotSaved), so the user's changes apply for this run only and the note says so.
- saving writes only the keys that changed in this run (against what was loaded), merged onto
  the file as it is on disk at that moment, atomically (temporary file + os.replace), mode
  0600 in a 0700 folder. Nothing changed means nothing is written, so comments and keys equal
  to their defaults survive a run that never touched them.
- command-line flags and environment values are for one run: saving writes the file's value
  for them unless the user changed that setting since.
- window geometry is not a setting (see window_state.py); old files' window keys are ignored
  silently here and dropped when the file is next written.
- the API key is never stored here (it lives in the OS keyring, see credentials.py).

Empty strings mean "not set" for optional text fields, because TOML has no null.
"""

from __future__ import annotations

import enum
import json
import math
import os
import re
import tempfile
import tomllib
from collections.abc import Callable
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import urlsplit

import tomli_w

from desktop.infra import paths
from desktop.infra.i18n_marks import QT_TRANSLATE_NOOP, translated
from desktop.session.models import default_model_for

SETTINGS_VERSION = 1

BACKENDS = ("auto", "gemini", "vertex", "simulator")
LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR")
VAD_SENSITIVITIES = ("default", "low", "high")

# Keys of version-1 files that moved to the window state file (window_state.py).
WINDOW_KEYS = ("window_geometry", "window_state", "splitter_state", "inspector_visible")

PRIVATE_DIR_MODE = 0o700

T = TypeVar("T")


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


class Applies(enum.Enum):
    """When a changed setting takes effect in a running program."""

    NOW = "now"  # the ports apply it at once (devices, video, push-to-talk, ...)
    NEXT_CONNECTION = "next connection"  # sent in the setup of the next connection started
    NEXT_SESSION = "next session"  # never under a running session: at the next Start
    NEXT_START = "next start"  # read once at launch (the interface language)


@dataclass(frozen=True)
class SettingSpec:
    """Everything about one setting except its type and default (the dataclass field's).

    `normalise` turns an accepted spelling into the canonical value (raising ValueError or
    OverflowError means "refused"); `choices`, `low`/`high` (inclusive) and `check` (a
    message when the text is not usable, else None) are then tested in that order, by
    check_value, wherever a value comes from.
    """

    label: str  # what the user reads: the dialog's row, the banner's list
    applies: Applies
    choices: tuple[str, ...] = ()
    low: float | None = None
    high: float | None = None
    normalise: Callable[[Any], Any] | None = None
    check: Callable[[str], str | None] | None = None
    # A format the dialog asks for before it saves; files and flags are trusted with it
    # (IT may know better: domain-scoped project IDs, new location names).
    advice: Callable[[str], str | None] | None = None

    def in_range(self, value: float) -> bool:
        above = self.low is None or value >= self.low
        return above and (self.high is None or value <= self.high)

    def must_be(self) -> str:
        """The rule in words, for notes and command-line errors ("" when any value goes)."""
        if self.choices:
            return "one of " + ", ".join(self.choices)
        if self.low is not None and self.high is not None:
            return f"between {_number(self.low)} and {_number(self.high)}"
        return ""


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)


def setting(default: T, label: str, applies: Applies, **rule: Any) -> T:
    """A Settings field with its SettingSpec (read back through SPECS)."""
    spec = SettingSpec(label, applies, **rule)
    made: T = field(default=default, metadata={"spec": spec})
    return made


# -- text checks shared by the loader, the dialog and the command line --------------------

ENDPOINT_SCHEMES = ("https", "http", "wss", "ws")
_PROJECT_ID = re.compile(r"^[a-z][a-z0-9-]{4,28}[a-z0-9]$")
_LOCATION = re.compile(r"^(global|[a-z]+(-[a-z]+)+\d+)$")
_LANGUAGE = re.compile(r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$")


def check_endpoint(value: str) -> str | None:
    """The one endpoint check: a URL with a scheme we can connect with and a host."""
    if not value:
        return None
    parts = urlsplit(value.strip())
    if parts.scheme not in ENDPOINT_SCHEMES or not parts.netloc:
        return QT_TRANSLATE_NOOP(
            "Settings", "must be a URL such as https://gateway.example.com (scheme and host)"
        )
    return None


def _check_project(value: str) -> str | None:
    if value and not _PROJECT_ID.match(value):
        return QT_TRANSLATE_NOOP(
            "Settings",
            "must be a project ID: 6-30 lowercase letters, digits or hyphens, from a letter",
        )
    return None


def _check_location(value: str) -> str | None:
    if value and not _LOCATION.match(value):
        return QT_TRANSLATE_NOOP(
            "Settings", "must be a location such as us-central1, europe-west4 or global"
        )
    return None


def _check_language(value: str) -> str | None:
    if value and not _LANGUAGE.match(value):
        return QT_TRANSLATE_NOOP(
            "Settings", "must be a language tag such as en-US or de-DE, or empty"
        )
    return None


def _check_model(value: str) -> str | None:
    spaces = any(c.isspace() for c in value)
    return QT_TRANSLATE_NOOP("Settings", "must be a name without spaces") if spaces else None


def _check_source(value: str) -> str | None:
    return None if value.strip() else "must not be empty (use none for no video)"


def _finite(value: Any) -> float:
    number = float(value)
    if math.isnan(number):
        raise ValueError("not a number")
    return number


NOW, NEXT_CONNECTION, NEXT_SESSION = Applies.NOW, Applies.NEXT_CONNECTION, Applies.NEXT_SESSION


@dataclass
class Settings:
    """Everything the user can set. Field names are the TOML keys (one flat table); each
    field's rules (label, when it applies, choices, range, check) are its SettingSpec."""

    version: int = SETTINGS_VERSION

    # Connection. backend "auto": the Gemini API if an API key is available, else simulator.
    backend: str = setting(
        "auto", QT_TRANSLATE_NOOP("Settings", "Backend"), NEXT_SESSION, choices=BACKENDS
    )
    model: str = setting(
        "", QT_TRANSLATE_NOOP("Settings", "Model"), NEXT_CONNECTION, advice=_check_model
    )  # "" = backend's
    # Vertex AI project / location ("" = GOOGLE_CLOUD_PROJECT / _LOCATION or ADC's project)
    project: str = setting(
        "", QT_TRANSLATE_NOOP("Settings", "Project"), NEXT_SESSION, advice=_check_project
    )
    location: str = setting(
        "", QT_TRANSLATE_NOOP("Settings", "Location"), NEXT_SESSION, advice=_check_location
    )
    # base URL of a Live-compatible endpoint (corporate gateway)
    endpoint: str = setting(
        "", QT_TRANSLATE_NOOP("Settings", "Endpoint"), NEXT_SESSION, check=check_endpoint
    )
    # PEM bundle trusted instead of the OS trust store (corporate gateways)
    ca_file: str = setting("", QT_TRANSLATE_NOOP("Settings", "CA file"), NEXT_SESSION)
    # context window compression (sliding window)
    compression: bool = setting(
        True, QT_TRANSLATE_NOOP("Settings", "Context compression"), NEXT_CONNECTION
    )
    # session resumption handles across connections
    resumption: bool = setting(
        True, QT_TRANSLATE_NOOP("Settings", "Session resumption"), NEXT_CONNECTION
    )

    # Conversation. "" = the model's default voice / the model decides the language (BCP-47)
    voice: str = setting("", QT_TRANSLATE_NOOP("Settings", "Voice"), NEXT_CONNECTION)
    language: str = setting(
        "",
        QT_TRANSLATE_NOOP("Settings", "Response language"),
        NEXT_CONNECTION,
        advice=_check_language,
    )
    system_instruction: str = setting(
        DEFAULT_SYSTEM_INSTRUCTION,
        QT_TRANSLATE_NOOP("Settings", "System instruction"),
        NEXT_CONNECTION,
    )
    # The window's language (a Qt locale name such as de or pt_BR); "" = the system's.
    ui_language: str = setting(
        "", QT_TRANSLATE_NOOP("Settings", "Interface language"), Applies.NEXT_START
    )

    # Audio. "" = system default device.
    input_device: str = setting("", QT_TRANSLATE_NOOP("Settings", "Microphone"), NOW)
    output_device: str = setting("", QT_TRANSLATE_NOOP("Settings", "Speaker"), NOW)
    # applied to the running streams at once (no reopen); -20..+20 dB, 0..100 %
    input_gain_db: float = setting(
        0.0,
        QT_TRANSLATE_NOOP("Settings", "Microphone gain"),
        NOW,
        low=-20.0,
        high=20.0,
        normalise=_finite,
    )
    output_volume: int = setting(
        100, QT_TRANSLATE_NOOP("Settings", "Speaker volume"), NOW, low=0, high=100
    )
    # server VAD start/end of speech sensitivity
    vad_sensitivity: str = setting(
        "default",
        QT_TRANSLATE_NOOP("Settings", "Speech detection sensitivity"),
        NEXT_CONNECTION,
        choices=VAD_SENSITIVITIES,
    )
    # silence that ends a user turn; 0 = server default
    vad_silence_ms: int = setting(
        0,
        QT_TRANSLATE_NOOP("Settings", "Silence that ends a turn"),
        NEXT_CONNECTION,
        low=0,
        high=10_000,
    )
    # speaker mode; turn off with a headset
    echo_cancellation: bool = setting(True, QT_TRANSLATE_NOOP("Settings", "Echo cancellation"), NOW)
    # local VAD silences playback before the server does
    instant_barge_in: bool = setting(False, QT_TRANSLATE_NOOP("Settings", "Instant barge-in"), NOW)
    push_to_talk: bool = setting(False, QT_TRANSLATE_NOOP("Settings", "Push-to-talk"), NOW)

    # Video. manuals_dir: PDF/Markdown/text manuals; "" = <data dir>/manuals (a tool: the
    # tools are declared when a connection opens).
    manuals_dir: str = setting("", QT_TRANSLATE_NOOP("Settings", "Manuals folder"), NEXT_CONNECTION)
    # camera index, file path, URL, "screen", or "none"
    video_source: str = setting(
        "0", QT_TRANSLATE_NOOP("Settings", "Video source"), NOW, check=_check_source
    )
    # frames sent per second (the Live API takes at most ~2)
    video_fps: float = setting(
        1.0,
        QT_TRANSLATE_NOOP("Settings", "Frames per second"),
        NOW,
        low=0.1,
        high=2.0,
        normalise=_finite,
    )
    # frames are scaled so their longer side is at most this
    video_long_side: int = setting(
        768, QT_TRANSLATE_NOOP("Settings", "Longest side of sent frames"), NOW, low=64, high=4096
    )
    jpeg_quality: int = setting(
        80, QT_TRANSLATE_NOOP("Settings", "JPEG quality"), NOW, low=1, high=100
    )

    # Job reports (issue 16). report_dir "" = <Documents>/FieldAssist/Reports; summary_model
    # "" = the backend's text model (desktop/report/summary.py); retention_days 0 = keep all.
    technician_name: str = setting("", QT_TRANSLATE_NOOP("Settings", "Technician name"), NOW)
    report_dir: str = setting("", QT_TRANSLATE_NOOP("Settings", "Reports folder"), NOW)
    summary_model: str = setting(
        "", QT_TRANSLATE_NOOP("Settings", "Summary model"), NOW, advice=_check_model
    )
    retention_days: int = setting(
        0,
        QT_TRANSLATE_NOOP("Settings", "Delete sessions older than (days, 0 = never)"),
        NOW,
        low=0,
        high=3650,
    )

    # Program.
    log_level: str = setting(
        "INFO",
        QT_TRANSLATE_NOOP("Settings", "Log level"),
        NOW,
        choices=LOG_LEVELS,
        normalise=str.upper,
    )
    first_run_done: bool = setting(False, QT_TRANSLATE_NOOP("Settings", "First run done"), NOW)

    # Not saved. Command-line overrides for this run: name -> (file value, flag value).
    # save_settings writes the file value back unless the user changed the setting since,
    # so `--backend simulator` once does not become the saved backend.
    cli_overrides: dict[str, tuple[Any, Any]] = field(
        default_factory=dict, repr=False, compare=False, metadata={"saved": False}
    )
    # Not saved. The BCP-47 tag of the interface language the window chose at launch ("" =
    # English): the spoken language and the shipped instruction follow it while `language`
    # is empty and `system_instruction` is the default (app/options.py).
    interface_language: str = field(
        default="", repr=False, compare=False, metadata={"saved": False}
    )
    # Not saved. The saved values as loaded (or last saved): save_settings writes only the
    # keys that differ from these. None = nothing was loaded, so compare with the defaults.
    # dataclasses.replace carries it, so a dialog's copy still knows where it came from.
    loaded: dict[str, Any] | None = field(
        default=None, repr=False, compare=False, metadata={"saved": False}
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


def _saved_fields() -> list[Any]:
    return [f for f in fields(Settings) if f.metadata.get("saved", True)]


SAVED_KEYS = tuple(f.name for f in _saved_fields())

# The table every reader of settings uses: key -> its rules, in the dataclass's order.
SPECS: dict[str, SettingSpec] = {
    f.name: f.metadata["spec"] for f in fields(Settings) if "spec" in f.metadata
}
assert set(SPECS) == set(SAVED_KEYS) - {"version"}, "every saved setting needs a SettingSpec"

# The API key is not a Settings field (it lives in the keyring) but changes like one.
API_KEY = "api_key"
API_KEY_SPEC = SettingSpec(QT_TRANSLATE_NOOP("Settings", "API key"), NEXT_SESSION)


def spec_of(name: str) -> SettingSpec:
    """The rules of setting `name` (the API key included). KeyError for unknown names."""
    return API_KEY_SPEC if name == API_KEY else SPECS[name]


def label(name: str) -> str:
    """What the user calls setting `name` ("vad_silence_ms" -> "Silence that ends a turn")."""
    return spec_of(name).label


def advice_for(name: str, value: str) -> str | None:
    """The dialog's format advice for `value` of setting `name` (what it must be), or None."""
    spec = SPECS[name]
    problem = spec.advice(value) if spec.advice else None
    return problem.removeprefix("must be ") if problem else None


def check_value(name: str, value: Any) -> tuple[Any, str | None]:
    """(the canonical value, None) or (value, what it must be) for a well-typed value.

    The one check of choices, ranges and formats: the loader, the dialog and the command
    line all call it.
    """
    spec = SPECS[name]
    try:
        usable = spec.normalise(value) if spec.normalise else value
    except (ValueError, OverflowError):  # e.g. an integer too large for a float
        return value, spec.must_be() or "usable"
    if spec.choices and usable not in spec.choices:
        return value, spec.must_be()
    if not spec.in_range(usable):
        return value, spec.must_be()
    problem = spec.check(usable) if spec.check else None
    return (value, problem.removeprefix("must be ")) if problem else (usable, None)


@dataclass(frozen=True)
class SettingsChanged:
    """The user changed settings: `old` was in force, `new` is. An event for the ports."""

    old: Settings
    new: Settings

    def keys(self) -> tuple[str, ...]:
        """The changed settings, in the dataclass's order."""
        return tuple(k for k in SPECS if getattr(self.old, k) != getattr(self.new, k))

    def by_applies(self) -> dict[Applies, tuple[str, ...]]:
        """The changed keys grouped by when they apply; every Applies is present."""
        return group_by_applies(self.keys())


def group_by_applies(names: tuple[str, ...] | list[str]) -> dict[Applies, tuple[str, ...]]:
    """`names` (setting keys, the API key included) grouped by when they apply, order kept."""
    return {when: tuple(n for n in names if spec_of(n).applies is when) for when in Applies}


# (one setting, several settings): whole sentences, so a translation can order them freely.
_WHEN_TEXT = {
    Applies.NEXT_CONNECTION: (
        QT_TRANSLATE_NOOP("Settings", "{names} applies at the next connection you start."),
        QT_TRANSLATE_NOOP("Settings", "{names} apply at the next connection you start."),
    ),
    Applies.NEXT_SESSION: (
        QT_TRANSLATE_NOOP("Settings", "{names} applies when the next session starts."),
        QT_TRANSLATE_NOOP("Settings", "{names} apply when the next session starts."),
    ),
    Applies.NEXT_START: (
        QT_TRANSLATE_NOOP("Settings", "{names} applies when FieldAssist starts again."),
        QT_TRANSLATE_NOOP("Settings", "{names} apply when FieldAssist starts again."),
    ),
}


def pending_text(names: tuple[str, ...] | list[str], when: Applies) -> str:
    """The banner's sentence for settings waiting to apply: "Model, Voice apply at the
    next connection you start." ("" when none; settings that apply NOW never wait), in the
    interface language (i18n_marks.translated)."""
    if not names or when is Applies.NOW:
        return ""
    one, several = _WHEN_TEXT[when]
    shown = ", ".join(translated("Settings", label(n)) for n in names)
    return translated("Settings", one if len(names) == 1 else several).format(names=shown)


class SettingsNotSaved(OSError):
    """The file on disk cannot be merged into (it is not TOML): it is left as it is."""


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
    # Other tables are kept, so the loader reports them as unknown rather than losing them.
    out = {k: v for k, v in doc.items() if k not in ("video", "audio") or not isinstance(v, dict)}
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


def _document_version(doc: dict[str, Any]) -> tuple[int, list[str]]:
    """The document's format version. A missing version means 0 (the prototype); a
    wrongly typed or negative one is reported and read as the current format."""
    if "version" not in doc:
        return 0, []
    version = doc["version"]
    if isinstance(version, int) and not isinstance(version, bool) and version >= 0:
        return version, []
    return SETTINGS_VERSION, [
        f"Setting version = {_show(version)} should be a whole number; "
        f"using the default {SETTINGS_VERSION}."
    ]


def migrate(doc: dict[str, Any]) -> tuple[dict[str, Any], list[str]]:
    """Bring a parsed document to SETTINGS_VERSION (newer documents are left as they are)."""
    version, notes = _document_version(doc)
    if notes:
        doc = doc | {"version": version}
    while version < SETTINGS_VERSION:
        doc, step_notes = MIGRATIONS[version](dict(doc))
        notes.extend(step_notes)
        version = doc["version"]
    return doc, notes


# --------------------------------------------------------------------------------------
# Checking one key at a time.
# --------------------------------------------------------------------------------------

# What a value of each default's type must look like, in the words of the note.
_KIND = {bool: "true or false", int: "a whole number", float: "a number", str: "text"}


def _accepts(default: Any, value: Any) -> bool:
    """Is `value` of the type of `default`? bool is an int in Python but not in TOML."""
    if isinstance(default, bool) or isinstance(value, bool):
        return isinstance(default, bool) and isinstance(value, bool)
    if isinstance(default, float):
        return isinstance(value, int | float)
    return isinstance(value, type(default))


def _show(value: Any, limit: int = 60) -> str:
    """A value as it looks in TOML, shortened: notes quote what the file says."""
    if isinstance(value, bool):
        text = "true" if value else "false"
    elif isinstance(value, str):
        text = json.dumps(value, ensure_ascii=False)
    elif isinstance(value, dict):
        text = "a table"
    else:
        text = repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _read_key(name: str, value: Any, default: Any) -> tuple[Any, str | None]:
    """The value to use for one key, and a note when the file's value was refused."""
    if not _accepts(default, value):
        why = f"should be {_KIND[type(default)]}"
    else:
        usable, must_be = check_value(name, value)
        if must_be is None:
            return usable, None
        why = f"must be {must_be}"
    return default, f"Setting {name} = {_show(value)} {why}; using the default {_show(default)}."


def _from_document(doc: dict[str, Any]) -> tuple[Settings, list[str]]:
    """Settings from a parsed document, one key at a time; never raises."""
    doc, notes = migrate(doc)
    defaults = Settings()
    values: dict[str, Any] = {}
    for key, value in doc.items():
        if key == "version" or key in WINDOW_KEYS:
            continue  # version: handled by migrate; window keys: window_state.py reads them
        if key not in SAVED_KEYS:
            notes.append(f"Unknown setting {key!r} ignored (it stays in the file).")
            continue
        values[key], note = _read_key(key, value, getattr(defaults, key))
        if note:
            notes.append(note)
    if doc.get("version", SETTINGS_VERSION) > SETTINGS_VERSION:
        notes.append(
            "The settings file was written by a newer version of FieldAssist; "
            "settings it added are ignored."
        )
    settings = Settings(**values)
    settings.loaded = _values(settings)
    return settings, notes


def notes_banner(notes: list[str], limit: int = 3) -> str:
    """One banner for every note from loading (the window shows one banner at a time)."""
    shown = notes[:limit]
    if len(notes) > limit:
        shown.append(f"…and {len(notes) - limit} more about settings (see the log).")
    return "\n".join(shown)


# --------------------------------------------------------------------------------------
# Loading and saving.
# --------------------------------------------------------------------------------------


def _parse(raw: bytes) -> dict[str, Any]:
    """The document, or ValueError with the parser's own words (line and column)."""
    try:
        return tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise ValueError(f"not UTF-8 text at byte {exc.start}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ValueError(str(exc)) from None


def load_settings(path: Path | None = None) -> tuple[Settings, list[str]]:
    """Read settings; never raises. Returns (settings, notes for the caller to log and show:
    loading happens before logging is set up)."""
    path = path or paths.settings_path()
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return Settings(), []
    except OSError as exc:
        return Settings(), [f"Could not read the settings file ({exc.strerror}); using defaults."]
    try:
        doc = _parse(raw)
    except ValueError as exc:
        return Settings(), [
            f"The settings file {path} could not be read ({exc}). It was left as it is; "
            "every setting uses its default until it is fixed, and changes made in this "
            "run are not saved."
        ]
    settings, notes = _from_document(doc)
    if _migration_changes(doc):
        # Rewrite migrated files at once so an old secret (v0 api_key) leaves the disk.
        try:
            _write_document(migrate(doc)[0], path)
        except OSError as exc:
            notes.append(f"Could not save the updated settings file ({exc.strerror}).")
    return settings, notes


def _migration_changes(doc: dict[str, Any]) -> bool:
    """Does migrating change more than the version number? (An IT file that only lacks
    `version` is not rewritten: that would drop its comments for nothing.)"""
    if _document_version(doc)[0] >= SETTINGS_VERSION:
        return False
    migrated, _ = migrate(doc)
    return {k: v for k, v in migrated.items() if k != "version"} != {
        k: v for k, v in doc.items() if k != "version"
    }


def _values(settings: Settings) -> dict[str, Any]:
    return {name: getattr(settings, name) for name in SAVED_KEYS}


def settings_to_document(settings: Settings) -> dict[str, Any]:
    """Every saved key of `settings`, with this run's command-line overrides undone."""
    doc = _values(settings)
    for name, (file_value, flag_value) in settings.cli_overrides.items():
        if doc.get(name) == flag_value:
            doc[name] = file_value
    return doc


def changed_keys(settings: Settings) -> dict[str, Any]:
    """The keys the user changed in this run: what save_settings would write."""
    base = settings.loaded if settings.loaded is not None else _values(Settings())
    current = settings_to_document(settings)
    return {k: v for k, v in current.items() if k != "version" and base.get(k) != v}


def save_settings(settings: Settings, path: Path | None = None) -> Path:
    """Merge this run's changes onto the file on disk, atomically; write nothing if none.

    Raises OSError on failure, SettingsNotSaved if the file on disk is not TOML (it is
    never overwritten for that). On success `settings.loaded` becomes what was saved.
    """
    path = path or paths.settings_path()
    changes = changed_keys(settings)
    if not changes:
        return path
    merged = _document_on_disk(path) | changes
    for key in WINDOW_KEYS:  # moved to window.toml; the file is being written anyway
        merged.pop(key, None)
    version, _ = _document_version(merged)
    merged["version"] = max(version, SETTINGS_VERSION)
    _write_document(merged, path)
    settings.loaded = settings_to_document(settings)
    return path


def settings_file_unreadable(path: Path | None = None) -> bool:
    """True when a settings file exists but is not TOML: IT's file to fix, never ours to write."""
    try:
        _document_on_disk(path or paths.settings_path())
    except SettingsNotSaved:
        return True
    except OSError:
        return False
    return False


def _document_on_disk(path: Path) -> dict[str, Any]:
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return {}
    try:
        doc, _ = migrate(_parse(raw))
    except ValueError as exc:
        raise SettingsNotSaved(
            f"{path.name} has an error ({exc}); it was left as it is and this change applies "
            "to this run only"
        ) from None
    return doc


def _write_document(doc: dict[str, Any], path: Path) -> None:
    write_private_atomically(path, tomli_w.dumps(doc).encode("utf-8"))


def write_private_atomically(path: Path, data: bytes) -> None:
    """Write `data` to `path` readable by the user only: a 0600 temporary file in the same
    (0700 when created) folder, fsync, then os.replace, so readers see the old or the new
    file, never half of one. Raises OSError; no temporary file is left behind."""
    path.parent.mkdir(mode=PRIVATE_DIR_MODE, parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as tmp:  # mkstemp creates the file 0600
            tmp.write(data)
            tmp.flush()
            os.fsync(tmp.fileno())
        os.replace(tmp_name, path)
    except BaseException:
        Path(tmp_name).unlink(missing_ok=True)
        raise
