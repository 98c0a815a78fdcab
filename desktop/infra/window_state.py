"""Where the window was: geometry, splitter positions, the inspector's visibility.

This is the program's own state, not a setting: it lives in `<data dir>/window.toml`, so
closing the window never writes settings.toml (which IT may manage). The blobs are Qt's own
(QWidget.saveGeometry / QMainWindow.saveState / QSplitter.saveState, base64), so restoring is
exactly Qt's logic. Version-1 settings files kept these keys; they are read from there once,
silently, until window.toml exists. Loading never raises: a bad file means a default layout.
"""

from __future__ import annotations

import logging
import tomllib
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

import tomli_w

from desktop.infra import paths
from desktop.infra.settings import write_private_atomically

log = logging.getLogger(__name__)

WINDOW_STATE_FILE = "window.toml"

# window.toml key -> the key the same value had in a version-1 settings.toml.
LEGACY_KEYS = {
    "geometry": "window_geometry",
    "state": "window_state",
    "splitter": "splitter_state",
    "inspector_visible": "inspector_visible",
}


@dataclass
class WindowState:
    geometry: str = ""  # base64 of QWidget.saveGeometry()
    state: str = ""  # base64 of QMainWindow.saveState()
    splitter: str = ""  # base64 of QSplitter.saveState()
    inspector_visible: bool = False


def window_state_path() -> Path:
    return paths.data_dir() / WINDOW_STATE_FILE


def _read_toml(path: Path) -> dict[str, Any] | None:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        log.warning("window layout in %s not used: %s", path, exc)
        return None


def _from_mapping(doc: dict[str, Any], names: dict[str, str]) -> WindowState:
    """Take each field from doc[names[field]] when it has the field's type; skip the rest."""
    defaults = WindowState()
    values: dict[str, Any] = {}
    for f in fields(WindowState):
        value = doc.get(names[f.name])
        if type(value) is type(getattr(defaults, f.name)):
            values[f.name] = value
    return WindowState(**values)


def load_window_state(path: Path | None = None, settings_path: Path | None = None) -> WindowState:
    """The saved layout; from an old settings file if there is no window.toml yet."""
    doc = _read_toml(path or window_state_path())
    if doc is not None:
        return _from_mapping(doc, {name: name for name in LEGACY_KEYS})
    legacy = _read_toml(settings_path or paths.settings_path())
    return _from_mapping(legacy or {}, LEGACY_KEYS)


def save_window_state(state: WindowState, path: Path | None = None) -> Path:
    """Write atomically, readable by the user only. Raises OSError."""
    path = path or window_state_path()
    doc = {f.name: getattr(state, f.name) for f in fields(WindowState)}
    write_private_atomically(path, tomli_w.dumps(doc).encode("utf-8"))
    return path
