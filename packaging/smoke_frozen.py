"""Run a frozen build's `--smoke-test` and judge it, the same way on Windows, macOS and Linux.

    python packaging/smoke_frozen.py PATH_TO_EXECUTABLE

Exits 0 when the app exited 0, logged `init finished`, and neither its output nor its log
shows a missing module, Qt platform plugin or native library. CI runs this after each
build; tests/packaging uses the same patterns. Starting the app through subprocess also
waits for a Windows GUI-subsystem executable, which a shell would not.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

# Signs in the output or the log that something the frozen app needs was left out.
MISSING_PIECE = re.compile(
    r"ModuleNotFoundError|No module named|ImportError"
    r"|Could not (?:find|load) the Qt platform plugin|no Qt platform plugin could be initialized"
    r"|cannot open shared object file|Library not found|library not found"
    r"|Failed to load|Traceback \(most recent call last\)"
)
# Variables that would let the frozen app use a development Python instead of its bundle.
LEAKY_ENV = ("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV", "PYTHONSTARTUP", "PYTHONUSERBASE")


def run_smoke(executable: Path, home: Path, timeout: float = 120.0) -> tuple[int, str, str]:
    """(exit code, stdout+stderr, log file text) of one `--smoke-test` run."""
    env = {k: v for k, v in os.environ.items() if k not in LEAKY_ENV}
    env.update(QT_QPA_PLATFORM="offscreen", FIELDASSIST_HOME=str(home))
    for name in ("GEMINI_API_KEY", "GOOGLE_API_KEY"):
        env.pop(name, None)
    done = subprocess.run(
        [str(executable), "--smoke-test", "--log-level", "DEBUG"],
        env=env,
        cwd=home,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    log_file = home / "logs" / "fieldassist.log"
    log = log_file.read_text(errors="replace") if log_file.exists() else ""
    return done.returncode, done.stdout + done.stderr, log


def problems(code: int, output: str, log: str) -> list[str]:
    found = sorted({m.group(0) for m in MISSING_PIECE.finditer(output + log)})
    if code != 0:
        found.insert(0, f"exit code {code}")
    if "init finished" not in log:
        found.append("no 'init finished' in the log")
    return found


def main() -> int:
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="fieldassist-smoke-") as tmp:
        code, output, log = run_smoke(Path(sys.argv[1]).resolve(), Path(tmp))
    found = problems(code, output, log)
    if found:
        print(f"smoke test FAILED: {found}\n--- output ---\n{output}\n--- log ---\n{log}")
        return 1
    print("smoke test passed: " + "; ".join(ln for ln in log.splitlines() if "smoke:" in ln))
    return 0


if __name__ == "__main__":
    sys.exit(main())
