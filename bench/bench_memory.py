"""Memory over a long session, compressed in time: RSS growth of the process running the driver.

A 30-minute conversation has roughly 600 exchanges; here they are typed every 0.1 s into a
session against the simulator (reached as a gateway, as in tests/app), while 20 ms microphone
blocks stream and connections rotate by goAway every 15 s. RSS is read from /proc after a
warm-up and at the end.

Run: .venv/bin/python bench/bench_memory.py [--turns 600]
Prints a table and one JSON line. Target (issue 6): growth <= 20 MB over a 30-minute session.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import json
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError("no VmRSS")


async def run(turns: int) -> dict[str, float]:
    from desktop.app import SessionDriver
    from desktop.infra.settings import Settings
    from desktop.session import events as ev
    from desktop.sim import Scenario, SimServer
    from desktop.sim.signals import chunks, silence, utterance

    mic = list(chunks(utterance(0.6, 0.8))) + list(chunks(silence(1.0)))
    async with SimServer(scenario=Scenario(go_away_after_s=15.0, go_away_time_left_s=5.0)) as sim:
        settings = Settings(
            backend="gemini",
            endpoint=sim.url,
            ca_file=str(sim.ca_file),
            video_source="none",
            input_device="none-here",
        )
        driver = SessionDriver(settings, "bench-key", lambda event: None)
        await driver.start()
        while driver.link_state.value != "open":  # noqa: ASYNC110 - polling the driver's state
            await asyncio.sleep(0.05)

        async def microphone() -> None:
            i = 0
            while True:
                driver.feed(ev.MicAudio(mic[i % len(mic)]))
                i += 1
                await asyncio.sleep(0.02)

        mic_task = asyncio.create_task(microphone())
        warmup = max(20, turns // 10)
        started = time.perf_counter()
        for n in range(turns):
            if n == warmup:
                gc.collect()
                baseline = rss_mb()
            driver.send_text(f"reading {n}: pressure 4.{n % 10} bar on gauge G-{n % 7}")
            await asyncio.sleep(0.1)
        await asyncio.sleep(2.0)
        gc.collect()
        end = rss_mb()
        elapsed = time.perf_counter() - started
        mic_task.cancel()
        transcript_turns = len(driver.core.transcript.turns)
        await driver.aclose()
    return {
        "turns": float(turns),
        "elapsed_s": elapsed,
        "connections": float(sim.connections),
        "transcript_turns": float(transcript_turns),
        "rss_after_warmup_mb": baseline,
        "rss_end_mb": end,
        "rss_growth_mb": end - baseline,
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--turns", type=int, default=600)
    args = parser.parse_args()
    os.environ.setdefault("FIELDASSIST_HOME", "/tmp/fieldassist-bench-memory")
    results = asyncio.run(run(args.turns))
    print(f"{'metric':24} {'value':>10}  target")
    for key, value in results.items():
        target = "<= 20 MB" if key == "rss_growth_mb" else ""
        print(f"{key:24} {value:10.1f}  {target}")
    print(json.dumps({"bench": "memory", **{k: round(v, 2) for k, v in results.items()}}))


if __name__ == "__main__":
    main()
