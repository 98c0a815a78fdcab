"""The frozen (PyInstaller) app for the packaging tests: built once per session.

Set FIELDASSIST_FROZEN_APP to an already built app folder (the OUT_DIR/FieldAssist of
`bash packaging/build.sh OUT_DIR`) to test that build instead of building again; CI builds
once with build.sh (its artefact) and points the tests at it.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import shutil
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
    with _one_build_per_run(tmp_path_factory) as out:
        log_file = out / "build.log"
        if not (out / APP_NAME).is_dir():
            done = subprocess.run(
                ["bash", str(REPO / "packaging" / "build.sh"), str(out)],
                env=dict(os.environ, PYTHON=sys.executable),
                capture_output=True,
                text=True,
                timeout=600,
                check=False,
            )
            log_file.write_text(done.stdout + done.stderr)
            if done.returncode != 0:
                shutil.rmtree(out / APP_NAME, ignore_errors=True)
                log = log_file.read_text()
                pytest.fail(f"packaging/build.sh failed ({done.returncode}):\n{log[-6000:]}")
    app = app_in(out / APP_NAME)
    yield FrozenApp(folder=app.folder, executable=app.executable, build_log=log_file.read_text())


@contextlib.contextmanager
def _one_build_per_run(factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The build folder, locked while in use. Under pytest-xdist every worker has its own
    session: they share one folder per run (named by xdist's run id) and the first one builds."""
    run_id = os.environ.get("PYTEST_XDIST_TESTRUNUID")
    if run_id is None:
        yield factory.mktemp("frozen")
        return
    out = factory.getbasetemp().parent / f"frozen-{run_id}"
    out.mkdir(exist_ok=True)
    with (out.parent / f"frozen-{run_id}.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # the other workers wait for the first build
        try:
            yield out
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)
