"""Tool calls and snapshot captions through the whole driver into a real SQLite history: the
simulated model calls tools, every call lands in the history's tool_calls table with its
outcome, and a snapshot the model takes keeps its caption in the history and the transcript."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from support.waiting import wait_until

from desktop.app import AppEvent, SessionDriver
from desktop.infra.history_writer import HistoryWriter
from desktop.infra.settings import Settings
from desktop.session.states import LinkState


def rows(db: Path, sql: str) -> list[tuple[object, ...]]:
    conn = sqlite3.connect(db, timeout=30)
    try:
        return list(conn.execute(sql))
    finally:
        conn.close()


def write_video(path: Path, frames: int = 60) -> Path:
    import cv2
    import numpy as np

    writer = cv2.VideoWriter(str(path), cv2.VideoWriter_fourcc(*"MJPG"), 15, (640, 480))
    for _ in range(frames):
        writer.write(np.full((480, 640, 3), 200, np.uint8))
    writer.release()
    return path


async def run_calls(tmp_path: Path, video_source: str, calls: list[str]) -> SessionDriver:
    db = tmp_path / "history.sqlite3"
    writer = HistoryWriter(db).start()
    events: list[AppEvent] = []
    settings = Settings(
        backend="simulator", video_source=video_source, input_device="no-such-microphone"
    )
    driver = SessionDriver(settings, None, events.append, writer)
    try:
        await driver.start()
        await wait_until(lambda: driver.link_state is LinkState.OPEN)
        for n, call in enumerate(calls, start=1):
            driver.send_text(f"call tool {call}")
            await wait_until(
                lambda n=n: (
                    len(rows(db, "SELECT 1 FROM tool_calls WHERE finished_at IS NOT NULL")) >= n
                )
            )
    finally:
        await driver.aclose()
    return driver


async def test_every_call_is_recorded_with_its_outcome(tmp_path: Path) -> None:
    await run_calls(
        tmp_path,
        "none",
        [
            "get_current_time {}",
            'no_such_tool {"x": 1}',
            'take_snapshot {"caption": "corroded flange"}',  # no picture: an error
        ],
    )
    recorded = rows(
        tmp_path / "history.sqlite3",
        "SELECT name, status, result IS NOT NULL, finished_at >= started_at "
        "FROM tool_calls ORDER BY started_at, id",
    )
    assert recorded == [
        ("get_current_time", "ok", 1, 1),
        ("no_such_tool", "error", 1, 1),
        ("take_snapshot", "error", 1, 1),
    ]


async def test_a_snapshot_keeps_its_caption_in_the_history_and_the_transcript(
    tmp_path: Path,
) -> None:
    video = write_video(tmp_path / "grey.avi")
    driver = await run_calls(
        tmp_path, str(video), ['take_snapshot {"caption": "corroded flange, pump P-200"}']
    )
    db = tmp_path / "history.sqlite3"
    assert rows(db, "SELECT caption FROM snapshots") == [("corroded flange, pump P-200",)]
    notes = [t.text for t in driver.core.transcript.turns if t.role == "note"]
    assert any("corroded flange, pump P-200" in n for n in notes), notes
    assert rows(db, "SELECT status FROM tool_calls") == [("ok",)]
