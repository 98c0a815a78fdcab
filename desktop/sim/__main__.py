"""`python -m desktop.sim --port N [--scenario SPEC] [--report-setup FILE]`: run the simulator
on its own. `--report-setup` appends one line per setup frame received, "<connection>
<wall-clock time.time()>", so a benchmark in another process can time launch -> setup."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import logging
import signal
import time
from pathlib import Path
from typing import Any

from desktop.sim.scenario import Scenario, ScenarioError, parse
from desktop.sim.server import SimServer


class _ReportingServer(SimServer):
    """The simulator, writing down when each setup frame arrived (wall clock: the reader is
    another process)."""

    def __init__(self, host: str, port: int, scenario: Scenario, report: Path) -> None:
        super().__init__(host=host, port=port, scenario=scenario)
        self._report = report

    def record(self, frame: dict[str, Any], connection: int, kind: str, size: int = 0) -> None:
        arrived = time.time()  # before the record's own work
        super().record(frame, connection, kind, size)
        if kind == "setup":
            with self._report.open("a") as out:
                out.write(f"{connection} {arrived:.6f}\n")


async def _serve(host: str, port: int, scenario_text: str, report: Path | None = None) -> None:
    scenario = parse(scenario_text)
    server = (
        _ReportingServer(host, port, scenario, report)
        if report is not None
        else SimServer(host=host, port=port, scenario=scenario)
    )
    await server.start()
    print(f"Live simulator listening at {server.url}", flush=True)
    print(f"CA file (trust it with --ca-file): {server.ca_file}", flush=True)
    print(f"Use: python -m desktop --endpoint {server.url} --ca-file {server.ca_file}", flush=True)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        with contextlib.suppress(NotImplementedError):  # Windows has no add_signal_handler
            loop.add_signal_handler(sig, stop.set)
    try:
        await stop.wait()
    finally:
        await server.stop()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m desktop.sim", description=__doc__)
    ap.add_argument("--host", default="127.0.0.1")
    ap.add_argument("--port", type=int, default=0, help="0 picks a free port")
    ap.add_argument(
        "--scenario",
        default="",
        help="comma-separated key=value items, e.g. goaway=5:2,resume=reject,"
        "delivery=bursty,fault=drop@reply,fault=close:1008@3",
    )
    ap.add_argument(
        "--report-setup",
        type=Path,
        metavar="FILE",
        help="append '<connection> <time.time()>' to FILE for every setup frame received",
    )
    ap.add_argument("--log-level", default="INFO")
    args = ap.parse_args(argv)
    logging.basicConfig(level=args.log_level.upper(), format="%(asctime)s %(name)s %(message)s")
    try:
        parse(args.scenario)
    except (ScenarioError, ValueError) as exc:
        ap.error(f"--scenario: {exc}")
    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(_serve(args.host, args.port, args.scenario, args.report_setup))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
