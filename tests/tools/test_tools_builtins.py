"""Built-in tools through the Toolbox the app builds: manuals, notes, snapshots, time, timers."""

from __future__ import annotations

import asyncio
import datetime as dt
from pathlib import Path
from typing import Any

from tools_fixtures import markdown_with_pages, write_pdf

from desktop.session.events import ToolCallItem
from desktop.tools import IndexProgress, TimerInfo, Toolbox, ToolContext, WorkNote

NOW = dt.datetime(2025, 3, 14, 9, 26, 53, tzinfo=dt.timezone(dt.timedelta(hours=1)))
WAIT_S = 20.0


class App:
    """What the app would plug in: a job log, a snapshot saver, a timer announcer."""

    def __init__(self) -> None:
        self.notes: list[WorkNote] = []
        self.snapshots: list[str] = []
        self.fired: list[TimerInfo] = []
        self.progress: list[IndexProgress] = []
        self.timer_fired = asyncio.Event()

    async def log_note(self, note: WorkNote) -> None:
        self.notes.append(note)

    async def take_snapshot(self, caption: str) -> str:
        self.snapshots.append(caption)
        return f"/data/snapshots/{len(self.snapshots)}.jpg"

    def on_timer(self, info: TimerInfo) -> None:
        self.fired.append(info)
        self.timer_fired.set()


def context(tmp_path: Path, app: App) -> ToolContext:
    manuals = tmp_path / "manuals"
    manuals.mkdir()
    write_pdf(manuals / "pump.pdf", ["Pump overview", "Impeller clearance 0.35 mm", "Torque"])
    (manuals / "valve.md").write_text(
        markdown_with_pages("Valve", ["Intro", "Seal kit 4471 for the shaft"])
    )
    return ToolContext(
        data_dir=tmp_path / "data",
        manuals_dir=manuals,
        log_note=app.log_note,
        current_job=lambda: "JOB-2231",
        take_snapshot=app.take_snapshot,
        on_timer=app.on_timer,
        on_index_progress=app.progress.append,
        clock=lambda: NOW,
    )


async def call(toolbox: Toolbox, name: str, **args: Any) -> dict[str, Any]:
    result = await asyncio.wait_for(toolbox.call(ToolCallItem("c-" + name, name, args)), WAIT_S)
    return dict(result.response)


async def test_builtins_with_every_callback(tmp_path: Path) -> None:
    app = App()
    toolbox = Toolbox(context(tmp_path, app))
    await toolbox.start()
    try:
        task = toolbox.reindex()  # the refresh start() began
        assert task is not None
        final = await asyncio.wait_for(task, WAIT_S)
        assert final.finished and final.added == 2
        await asyncio.sleep(0)
        assert app.progress and app.progress[-1].finished

        names = [d["name"] for d in toolbox.declarations()]
        assert names == [
            "cancel_timer",
            "get_current_time",
            "list_timers",
            "log_work_note",
            "search_manuals",
            "set_timer",
            "take_snapshot",
        ]

        found = await call(toolbox, "search_manuals", query="impeller clearance", max_results=2)
        first = found["output"]["results"][0]
        assert (first["document"], first["page"]) == ("pump.pdf", 2)
        nothing = await call(toolbox, "search_manuals", query="zebra")
        assert nothing["output"] == {
            "results": [],
            "note": "No passage matched. Try other or fewer keywords.",
        }

        assert await call(toolbox, "get_current_time") == {
            "output": {
                "local_time": "2025-03-14T09:26:53+01:00",
                "weekday": "Friday",
                "timezone": "UTC+01:00",
            }
        }

        logged = await call(toolbox, "log_work_note", note="  Replaced the shaft seal  ")
        assert logged == {
            "output": {
                "logged": "Replaced the shaft seal",
                "at": "2025-03-14T09:26:53+01:00",
                "job": "JOB-2231",
            }
        }
        assert app.notes == [WorkNote("Replaced the shaft seal", NOW, "JOB-2231")]
        empty = await call(toolbox, "log_work_note", note="   ")
        assert empty == {"error": "The note is empty: say what should be logged."}

        shot = await call(toolbox, "take_snapshot", caption="corroded flange")
        assert shot == {"output": {"saved": "/data/snapshots/1.jpg", "caption": "corroded flange"}}
    finally:
        await toolbox.aclose()


async def test_timers_fire_list_cancel_and_stop_with_the_toolbox(tmp_path: Path) -> None:
    app = App()
    toolbox = Toolbox(context(tmp_path, app))
    await toolbox.start()
    try:
        long = await call(toolbox, "set_timer", minutes=30, label="check the pressure")
        assert long["output"]["fires_at"] == "2025-03-14T09:56:53+01:00"
        short = await call(toolbox, "set_timer", minutes=0.002, label="the epoxy has cured")
        listed = await call(toolbox, "list_timers")
        assert [t["label"] for t in listed["output"]["timers"]] == [
            "the epoxy has cured",
            "check the pressure",
        ]
        await asyncio.wait_for(app.timer_fired.wait(), WAIT_S)
        assert [f.label for f in app.fired] == ["the epoxy has cured"]
        assert app.fired[0].timer_id == short["output"]["timer_id"]

        too_long = await call(toolbox, "set_timer", minutes=2000, label="x")
        assert too_long == {"error": "minutes must be more than 0 and at most 1440."}
        assert (await call(toolbox, "set_timer", minutes=-1, label="x"))["error"]
        cancelled = await call(toolbox, "cancel_timer", timer_id=long["output"]["timer_id"])
        assert cancelled["output"]["label"] == "check the pressure"
        again = await call(toolbox, "cancel_timer", timer_id=long["output"]["timer_id"])
        assert "No running timer" in again["error"]

        await call(toolbox, "set_timer", minutes=0.01, label="never heard")
    finally:
        await toolbox.aclose()
    await asyncio.sleep(1.0)  # past the last timer's due time: closing cancelled it
    assert [f.label for f in app.fired] == ["the epoxy has cured"]


async def test_without_app_callbacks_only_the_clock_is_offered(tmp_path: Path) -> None:
    toolbox = Toolbox(ToolContext(data_dir=tmp_path))
    await toolbox.start()
    try:
        assert [d["name"] for d in toolbox.declarations()] == ["get_current_time"]
        assert toolbox.reindex() is None
        out = await call(toolbox, "get_current_time")
        assert dt.datetime.fromisoformat(out["output"]["local_time"]).tzinfo is not None
    finally:
        await toolbox.aclose()


def test_constructing_the_toolbox_does_no_io(tmp_path: Path) -> None:
    app = App()
    ctx = context(tmp_path, app)
    Toolbox(ctx)
    assert not (tmp_path / "data").exists()
