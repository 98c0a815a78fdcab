"""Device listings and rescans from many threads at once, on the private PulseAudio server.

Runs in a child process: a PortAudio rescan racing a listing can crash the interpreter
(``Pa_Terminate`` frees the device list being read), and a crash must fail this test, not end
the test run.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from support.pulse import PulseServer

pytestmark = pytest.mark.audio

ROOT = Path(__file__).resolve().parents[2]

STRESS = textwrap.dedent(
    """
    import json, threading
    from desktop.audio import devices

    expected = devices.list_devices()
    listings, incomplete, errors = [], [], []
    start = threading.Barrier(10)

    def lister():
        start.wait()
        for _ in range(60):
            got = devices.list_devices()
            listings.append(got)
            if got != expected:
                incomplete.append(got)
            try:
                for direction in ("input", "output"):
                    devices.resolve(direction, None)
            except Exception as exc:
                errors.append(repr(exc))

    def rescanner():
        start.wait()
        for _ in range(15):
            try:
                devices.rescan()
            except Exception as exc:
                errors.append(repr(exc))

    threads = [threading.Thread(target=lister) for _ in range(7)]
    threads += [threading.Thread(target=rescanner) for _ in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    print(json.dumps({
        "expected": expected,
        "listings": len(listings),
        "incomplete": incomplete[:3],
        "errors": errors[:3],
    }))
    """
)


def test_many_threads_listing_and_rescanning_never_crash_or_see_a_partial_list(
    pulse: PulseServer,
) -> None:
    done = subprocess.run(
        [sys.executable, "-c", STRESS],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=240,
        check=False,
    )
    assert done.returncode == 0, (done.returncode, done.stderr[-2000:])
    report = json.loads(done.stdout.strip().splitlines()[-1])
    inputs, outputs = report["expected"]
    assert "pulse" in inputs and "pulse" in outputs  # the private server is reachable
    assert report["listings"] == 7 * 60
    assert report["incomplete"] == []
    assert report["errors"] == []
