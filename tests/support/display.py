"""A private Xvfb display for tests that need real X windows (screen capture, the real app)."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass

import pytest


@dataclass(frozen=True)
class Display:
    name: str  # ":N"

    def env(self) -> dict[str, str]:
        """The environment for a child process that should open windows on this display."""
        env = dict(os.environ)
        env["DISPLAY"] = self.name
        env["QT_QPA_PLATFORM"] = "xcb"
        return env


@pytest.fixture(scope="session")
def xvfb() -> Iterator[Display]:
    if shutil.which("Xvfb") is None:
        pytest.fail("Xvfb is not installed (apt-get install xvfb): .ci/run installs it")
    read_fd, write_fd = os.pipe()
    proc = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write_fd), "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
        pass_fds=(write_fd,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write_fd)
    with os.fdopen(read_fd) as pipe:
        number = pipe.readline().strip()  # Xvfb writes the display number once it is ready
    if not number:
        proc.kill()
        proc.wait(10)
        pytest.fail("Xvfb did not start")
    try:
        yield Display(f":{number}")
    finally:
        proc.terminate()
        proc.wait(timeout=10)
