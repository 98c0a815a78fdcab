"""Where the program keeps its files: config, data, logs, and bundled resources.

Everything goes through platformdirs so each OS gets its native places. One environment
variable, FIELDASSIST_HOME, moves all three under a single root; tests and CI use it so a
run never touches the real user's files.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs

APP_NAME = "FieldAssist"
HOME_ENV = "FIELDASSIST_HOME"


def _home_override() -> Path | None:
    value = os.environ.get(HOME_ENV, "").strip()
    return Path(value).expanduser() if value else None


def config_dir() -> Path:
    """Directory of settings.toml (not created here; writers create it on demand)."""
    home = _home_override()
    if home is not None:
        return home / "config"
    # appauthor=False: no "FieldAssist/FieldAssist" nesting on Windows.
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))


def data_dir() -> Path:
    """Directory of the history database and snapshots."""
    home = _home_override()
    if home is not None:
        return home / "data"
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def log_dir() -> Path:
    """Directory of the rotating log files (the "open log folder" button points here)."""
    home = _home_override()
    if home is not None:
        return home / "logs"
    return Path(platformdirs.user_log_dir(APP_NAME, appauthor=False))


def settings_path() -> Path:
    return config_dir() / "settings.toml"


def history_path() -> Path:
    return data_dir() / "history.sqlite3"


def resources_dir() -> Path:
    """The bundled `resources/` folder, from a source checkout or a PyInstaller bundle.

    PyInstaller unpacks data files under sys._MEIPASS; the spec file must add the
    repository's `resources/` as `resources` for this to resolve.
    """
    bundle = getattr(sys, "_MEIPASS", None)
    if getattr(sys, "frozen", False) and bundle:
        return Path(bundle) / "resources"
    # desktop/infra/paths.py -> repository root is two levels above the package.
    return Path(__file__).resolve().parents[2] / "resources"


def resource_path(name: str) -> Path:
    """Absolute path of a bundled resource such as "icons/app.png".

    Refuses names that would escape the resources folder, so a settings value can never
    be turned into an arbitrary file read through this helper.
    """
    root = resources_dir()
    candidate = (root / name).resolve()
    if candidate != root.resolve() and root.resolve() not in candidate.parents:
        raise ValueError(f"resource name escapes the resources folder: {name!r}")
    return candidate
