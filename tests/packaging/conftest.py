"""The frozen (PyInstaller) app for the packaging tests: built once per session.

Set FIELDASSIST_FROZEN_APP to an already built app folder (the OUT_DIR/FieldAssist of
`bash packaging/build.sh OUT_DIR`) to test that build instead of building again; CI builds
once with build.sh (its artefact) and points the tests at it.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from frozen_build import APP_NAME, REPO, FrozenApp, app_in

PREBUILT_ENV = "FIELDASSIST_FROZEN_APP"


@pytest.fixture(scope="session")
def frozen_app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[FrozenApp]:
    if not sys.platform.startswith("linux"):
        pytest.skip("the frozen-build tests target the Linux build (CI builds the others)")
    prebuilt = os.environ.get(PREBUILT_ENV, "").strip()
    if prebuilt:
        yield app_in(Path(prebuilt))
        return
    out = tmp_path_factory.mktemp("frozen")
    env = dict(os.environ, PYTHON=sys.executable)
    done = subprocess.run(
        ["bash", str(REPO / "packaging" / "build.sh"), str(out)],
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    log = done.stdout + done.stderr
    if done.returncode != 0:
        pytest.fail(f"packaging/build.sh failed ({done.returncode}):\n{log[-6000:]}")
    app = app_in(out / APP_NAME)
    yield FrozenApp(folder=app.folder, executable=app.executable, build_log=log)
