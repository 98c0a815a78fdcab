"""packaging/release_size.py: the one-folder budget fails a build, the archive is real."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tarfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SCRIPT = REPO / "packaging" / "release_size.py"
MIB = 1024 * 1024


def make_app(root: Path) -> Path:
    app = root / "FieldAssist"
    (app / "_internal" / "lib").mkdir(parents=True)
    (app / "FieldAssist").write_bytes(os.urandom(MIB))  # incompressible: sizes add up
    (app / "_internal" / "lib" / "big.so").write_bytes(os.urandom(2 * MIB))
    os.symlink("lib/big.so", app / "_internal" / "alias.so")  # counted once, at its target
    return app


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(SCRIPT), *args],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        env=env,
    )


def test_over_budget_fails_and_under_budget_reports(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    over = run(str(app), "--max-mb", "2.5")
    assert over.returncode == 1 and "3 MiB > 2 MiB" in over.stderr
    summary = tmp_path / "summary.md"
    archive = tmp_path / "out" / "FieldAssist-linux.tar.gz"
    ok = run(
        str(app),
        "--max-mb",
        "4",
        "--archive",
        str(archive),
        env=dict(os.environ, GITHUB_STEP_SUMMARY=str(summary)),
    )
    assert ok.returncode == 0, ok.stderr
    result = json.loads(ok.stdout.splitlines()[-1])
    assert result["folder_mb"] == 3.0 and result["files"] == 2
    assert result["archive_mb"] >= 2.9  # random bytes do not compress
    with tarfile.open(archive) as tar:
        names = tar.getnames()
    assert "FieldAssist/_internal/lib/big.so" in names and "FieldAssist/FieldAssist" in names
    assert "one-folder size (MiB) | 3 |" in summary.read_text(encoding="utf-8")


def test_missing_folder_is_a_message(tmp_path: Path) -> None:
    missing = run(str(tmp_path / "nothing"))
    assert missing.returncode == 2 and "no app folder" in missing.stderr
