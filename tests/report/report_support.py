"""Shared by the report tests: run `python -m desktop report` as the user would."""

from __future__ import annotations

import os
import subprocess
import sys
import unicodedata
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def run_report(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """The command line in a child process, with this test's FIELDASSIST_HOME."""
    child_env = {**os.environ, **(env or {})}
    child_env.pop("QT_QPA_PLATFORM", None)  # the command must need no display by itself
    child_env.pop("DISPLAY", None)
    child_env.pop("WAYLAND_DISPLAY", None)
    return subprocess.run(
        [sys.executable, "-m", "desktop", "report", *args],
        cwd=REPO,
        env=child_env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def pdf_text(path: Path) -> str:
    """The PDF's text as poppler reads it (apt: poppler-utils)."""
    done = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    )
    return unicodedata.normalize("NFKC", done.stdout)  # the font's "ﬂ" ligature is "fl"


def pdf_page_size(path: Path) -> str:
    done = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True)
    line = next(ln for ln in done.stdout.splitlines() if ln.startswith("Page size:"))
    return line.split(":", 1)[1].strip()
