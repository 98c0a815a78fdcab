"""How long a second launch takes to hand its command line over and exit.

Run: .venv/bin/python bench/bench_second_launch.py [--runs 5]
Starts the real program (offscreen, simulator, no video), then launches it again `runs` times
with the same FIELDASSIST_HOME. Prints a table and one JSON line: the whole second process
(interpreter start, imports, settings, hand-over) and the hand-over step alone, timed inside
a child that calls claim_or_hand_over directly.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ARGS = ["--backend", "simulator", "--video-source", "none"]
HANDOVER_ONLY = """
import os, sys, time
from pathlib import Path
from desktop.ui.single_instance import HandOver, claim_or_hand_over
started = time.perf_counter()
lock = claim_or_hand_over(HandOver([], False, os.getpid()), Path(sys.argv[1]))
print(time.perf_counter() - started if lock is None else -1)
"""


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args().runs
    with tempfile.TemporaryDirectory() as folder:
        home = Path(folder)
        env = dict(os.environ, FIELDASSIST_HOME=str(home), QT_QPA_PLATFORM="offscreen")
        first = subprocess.Popen(
            [sys.executable, "-m", "desktop", *ARGS],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            log = home / "logs" / "fieldassist.log"
            deadline = time.monotonic() + 60
            while not (log.exists() and "Window shown" in log.read_text(errors="replace")):
                if time.monotonic() > deadline or first.poll() is not None:
                    raise SystemExit("the first instance did not start")
                time.sleep(0.1)
            whole: list[float] = []
            step: list[float] = []
            for _ in range(runs):
                started = time.perf_counter()
                subprocess.run(
                    [sys.executable, "-m", "desktop", *ARGS],
                    cwd=ROOT,
                    env=env,
                    check=True,
                    capture_output=True,
                    timeout=60,
                )
                whole.append(time.perf_counter() - started)
                out = subprocess.run(
                    [sys.executable, "-c", HANDOVER_ONLY, str(home / "data")],
                    cwd=ROOT,
                    env=env,
                    check=True,
                    capture_output=True,
                    text=True,
                    timeout=60,
                )
                step.append(float(out.stdout.strip()))
        finally:
            first.terminate()
            first.wait(timeout=30)
    rows = {"second launch, whole process (s)": whole, "hand-over step alone (s)": step}
    print(f"{'measure':36} {'median':>8} {'max':>8}")
    for name, values in rows.items():
        print(f"{name:36} {statistics.median(values):8.3f} {max(values):8.3f}")
    print(
        json.dumps(
            {
                "bench": "second_launch",
                "runs": runs,
                "whole_median_s": round(statistics.median(whole), 3),
                "whole_max_s": round(max(whole), 3),
                "handover_median_s": round(statistics.median(step), 4),
                "handover_max_s": round(max(step), 4),
            }
        )
    )


if __name__ == "__main__":
    main()
