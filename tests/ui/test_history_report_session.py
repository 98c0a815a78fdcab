"""The job report of a real session: the app's driver talks to the simulator over TLS (speech
into the virtual microphone, typed text, the job details told to the model, a work note, a
snapshot of a video file, a time query), the history is a real SQLite file, and the report is
made by the command line in a child process in all three formats: without a summary first
(none was asked for), then with the summary the simulator's generateContent writes, which is
kept for the next report."""

from __future__ import annotations

import asyncio
import json
import re
import sqlite3
import subprocess
from pathlib import Path

import pytest
from report.report_support import pdf_page_size, pdf_text, run_report
from support.pulse import PulseServer, speech_wav
from support.waiting import wait_until

from desktop.app import AppEvent, SessionDriver
from desktop.app.messages import JobDetails
from desktop.infra import paths
from desktop.infra.history_writer import HistoryWriter
from desktop.infra.settings import Settings, save_settings
from desktop.session.states import LinkState

ARTIFACTS = Path(__file__).resolve().parents[2] / "artifacts"
JOB = {"job_id": "WO-4711", "site": "Northside water plant", "equipment": "Pump P-200"}


def write_video(path: Path) -> Path:
    import cv2
    import numpy as np

    frame = np.full((480, 640, 3), 90, np.uint8)
    cv2.putText(frame, "P-200", (120, 260), cv2.FONT_HERSHEY_SIMPLEX, 3, (0, 0, 255), 8)
    writer = cv2.VideoWriter(str(path), cv2.VideoWriter_fourcc(*"MJPG"), 15, (640, 480))
    for _ in range(45):
        writer.write(frame)
    writer.release()
    return path


def first_page_png(pdf: Path) -> None:
    """Page 1 of the report as artifacts/report-page1.png, for people to look at."""
    ARTIFACTS.mkdir(exist_ok=True)
    subprocess.run(
        [
            "pdftoppm",
            "-png",
            "-r",
            "70",
            "-f",
            "1",
            "-l",
            "1",
            "-singlefile",
            str(pdf),
            str(ARTIFACTS / "report-page1"),
        ],
        check=True,
    )


def finished_calls(db: Path) -> int:
    conn = sqlite3.connect(db, timeout=30)
    try:
        return int(
            conn.execute(
                "SELECT COUNT(*) FROM tool_calls WHERE finished_at IS NOT NULL"
            ).fetchone()[0]
        )
    finally:
        conn.close()


async def record_session(tmp_path: Path, pulse: PulseServer) -> list[AppEvent]:
    db = paths.history_path()
    paths.private_dir(db.parent)
    writer = HistoryWriter(db).start()
    events: list[AppEvent] = []
    settings = Settings(
        backend="simulator",
        video_source=str(write_video(tmp_path / "pump.avi")),
    )
    question = speech_wav(tmp_path / "q.wav", "The pump is leaking at the flange again.")
    driver = SessionDriver(settings, None, events.append, writer)
    texts = [
        "The pump P-200 is leaking at the flange",
        "call tool set_job_details " + json.dumps(JOB),
        'call tool log_work_note {"note": "Replaced the flange gasket, torqued to 45 Nm"}',
        'call tool take_snapshot {"caption": "corroded flange, pump P-200"}',
        "call tool get_current_time {}",
    ]
    try:
        await driver.start()
        await wait_until(lambda: driver.link_state is LinkState.OPEN)
        await wait_until(lambda: driver.preview_frame(-1, 64, 64) is not None)
        await wait_until(lambda: driver.audio_port.engine is not None)  # opened alongside
        driver.send_text(texts[0])
        await wait_until(lambda: any("You typed" in t.text for t in driver.core.transcript.turns))
        await wait_until(lambda: not driver.core.playing, limit_s=20)
        await asyncio.to_thread(pulse.play, question)
        await wait_until(lambda: any("I heard" in t.text for t in driver.core.transcript.turns))
        await wait_until(lambda: not driver.core.playing, limit_s=20)  # the reply spoken back
        for n, text in enumerate(texts[1:], start=1):
            driver.send_text(text)
            await wait_until(lambda n=n: finished_calls(db) >= n)
    finally:
        await driver.aclose()
    return events


@pytest.fixture
async def recorded(tmp_path: Path, pulse: PulseServer) -> list[AppEvent]:
    save_settings(Settings(technician_name="Alex Fielding"))
    return await record_session(tmp_path, pulse)


@pytest.mark.audio
def test_a_session_makes_all_three_reports(recorded: list[AppEvent], tmp_path: Path) -> None:
    # The model's tool call reached the window as the job, and the session's record.
    assert JobDetails(**JOB) in recorded
    out = tmp_path / "reports"

    md = run_report("--format", "md", "--out", f"{out}/")
    assert md.returncode == 0, md.stderr
    md_path = Path(md.stdout.strip())
    assert md_path.parent == out
    assert (
        re.search(r"_WO-4711_session-\d+_report\.md$", md_path.name) and md_path.name[:4].isdigit()
    )
    text = md_path.read_text(encoding="utf-8")
    for expected in (
        "# Job report WO-4711",
        "| **Site** | Northside water plant |",
        "| **Equipment** | Pump P-200 |",
        "| **Technician** | Alex Fielding |",
        "The summary is missing",
        "Replaced the flange gasket, torqued to 45 Nm",
        "corroded flange, pump P-200",
        "`get_current_time`({}): ok",
        "s of speech)",  # the spoken turn, as the service transcribed it
        "Assistant:** I heard",
        "Technician:** The pump P-200 is leaking at the flange",
        "Assistant:** You typed: The pump P-200 is leaking at the flange",
    ):
        assert expected in text, expected
    assert "Note:**" not in text  # the app's notes are steps, not conversation
    picture = md_path.parent / f"{md_path.stem}-images" / "snapshot-1.jpg"
    assert picture.read_bytes()[:2] == b"\xff\xd8"  # the JPEG as saved and sent
    assert "summary is missing" in md.stderr

    # Asked for, the summary comes from the simulator's generateContent and is kept.
    js = run_report(
        "--format", "json", "--out", str(out / "r.json"), "--summarize", "--backend", "simulator"
    )
    assert js.returncode == 0, js.stderr
    doc = json.loads(Path(js.stdout.strip()).read_text(encoding="utf-8"))
    assert (doc["format"], doc["version"], doc["summary_missing"]) == (
        "fieldassist-report",
        1,
        False,
    )
    assert {k: doc["header"][k] for k in JOB} == JOB
    assert doc["header"]["technician"] == "Alex Fielding"
    assert doc["header"]["duration_s"] > 0
    assert doc["summary"]["fault_found"] == "The pump P-200 is leaking at the flange"
    assert doc["summary"]["parts_used"] == ["Replaced the flange gasket, torqued to 45 Nm"]
    assert [(s["kind"], s["text"]) for s in doc["steps"]] == [
        ("tool", "set_job_details: ok"),
        ("note", "Replaced the flange gasket, torqued to 45 Nm"),
        ("snapshot", "Snapshot 1: corroded flange, pump P-200"),
        ("tool", "get_current_time: ok"),
    ]
    assert doc["snapshots"][0]["caption"] == "corroded flange, pump P-200"
    assert (out / doc["snapshots"][0]["file"]).is_file()
    tools = {t["name"]: t["status"] for t in doc["tool_actions"]}
    assert tools == {
        name: "ok"
        for name in ("set_job_details", "log_work_note", "take_snapshot", "get_current_time")
    }
    assert doc["transcript"][0] == {
        **doc["transcript"][0],
        "speaker": "Technician",
        "interrupted": False,
    }

    # The PDF, in the default folder, without --summarize: the kept summary is in it.
    pdf = run_report("--format", "pdf", env={"LC_ALL": "de_DE.UTF-8"})
    assert pdf.returncode == 0, pdf.stderr
    pdf_path = Path(pdf.stdout.strip())
    assert pdf_path.parent == paths.data_dir().parent / "Reports"
    words = " ".join(pdf_text(pdf_path).split())
    for expected in (
        "Job report WO-4711",
        "Alex Fielding",
        "Fault found: The pump P-200 is leaking at the flange",
        "Replaced the flange gasket",
        "corroded flange, pump P-200",
        "Appendix: transcript",
        "You typed: The pump P-200 is leaking at the flange",
    ):
        assert expected in words, expected
    assert "(A4)" in pdf_page_size(pdf_path)
    first_page_png(pdf_path)
    letter = run_report(
        "--format", "pdf", "--out", str(out / "us.pdf"), env={"LC_ALL": "en_US.UTF-8"}
    )
    assert letter.returncode == 0, letter.stderr
    assert "(letter)" in pdf_page_size(Path(letter.stdout.strip())).lower()
