"""Where the program keeps its files: config, data, logs, and bundled resources.

Everything goes through platformdirs so each OS gets its native places. One environment
variable, FIELDASSIST_HOME, moves all three under a single root; tests and CI use it so a
run never touches the real user's files.
"""

from __future__ import annotations

import contextlib
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


def snapshots_dir() -> Path:
    """Directory of the snapshot JPEGs (the history database names its files here)."""
    return data_dir() / "snapshots"


def settings_path() -> Path:
    return config_dir() / "settings.toml"


def history_path() -> Path:
    return data_dir() / "history.sqlite3"


# What the technician's sessions, pictures and logs are: readable by the user only.
PRIVATE_DIR_MODE = 0o700
PRIVATE_FILE_MODE = 0o600


def private_dir(path: Path) -> Path:
    """Create `path` (and missing parents) readable by the user only; returns it.

    An existing folder of ours that others can read is tightened. Where the platform has no
    POSIX modes (Windows), chmod only toggles read-only and this is a plain mkdir.
    """
    missing: list[Path] = []
    probe = path
    while not probe.exists() and probe != probe.parent:
        missing.append(probe)
        probe = probe.parent
    for folder in reversed(missing):
        # Created meanwhile by another thread or process: it is tightened below.
        with contextlib.suppress(FileExistsError):
            folder.mkdir(mode=PRIVATE_DIR_MODE)
    _tighten(path, PRIVATE_DIR_MODE)
    return path


def private_file(path: Path) -> Path:
    """Make sure `path` exists and is readable by the user only, before anyone writes to it.

    SQLite creates a database's -wal and -shm with the database file's mode, and a log
    handler appends to an existing file without changing its mode: so creating the file
    0600 first is what keeps all of them private. Never truncates an existing file.
    """
    private_dir(path.parent)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE_MODE)
    except FileExistsError:
        _tighten(path, PRIVATE_FILE_MODE)
    else:
        os.close(fd)
    return path


def _tighten(path: Path, mode: int) -> None:
    try:
        if path.stat().st_mode & 0o777 & ~mode:
            path.chmod(mode)
    except OSError:
        pass  # read-only file system or not ours: what can be written there is up to others


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
