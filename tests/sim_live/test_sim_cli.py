"""`python -m desktop.sim` runs the simulator alone and says where it is."""

from __future__ import annotations

import asyncio
import re
import signal
import sys
from pathlib import Path

from sim_live_helpers import WAIT_S, EventLog

from desktop.live import LiveLink, LiveOptions, build_client, build_config
from desktop.session.events import GoAway, TurnComplete

ROOT = Path(__file__).resolve().parents[2]


async def test_cli_serves_until_terminated() -> None:
    proc = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "desktop.sim",
        "--port",
        "0",
        "--scenario",
        "goaway=0.5:5",
        cwd=ROOT,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    try:
        assert proc.stdout is not None
        first = (await asyncio.wait_for(proc.stdout.readline(), WAIT_S)).decode()
        second = (await asyncio.wait_for(proc.stdout.readline(), WAIT_S)).decode()
        url = re.search(r"https://127\.0\.0\.1:\d+", first)
        ca = re.search(r"CA file.*: (\S+)", second)
        assert url and ca, (first, second)
        opts = LiveOptions(backend="simulator", endpoint=url.group(0), ca_file=ca.group(1))
        link = LiveLink(build_client(opts), opts.model_name, build_config(opts))
        await link.open()
        log = EventLog(link)
        await link.send_text("from outside")
        await log.wait_type(TurnComplete)
        await log.wait_type(GoAway)  # the scenario given on the command line applies
        await log.stop()
        assert log.output_text() == "You typed: from outside"
    finally:
        proc.send_signal(signal.SIGTERM)
        assert await asyncio.wait_for(proc.wait(), WAIT_S) == 0
    # The temporary certificate is cleaned up.
    assert not await asyncio.to_thread(Path(ca.group(1)).exists)


async def test_cli_rejects_a_bad_scenario() -> None:
    proc = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "desktop.sim",
        "--scenario",
        "fault=explode",
        cwd=ROOT,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    _, err = await asyncio.wait_for(proc.communicate(), WAIT_S)
    assert proc.returncode == 2 and b"unknown fault" in err
