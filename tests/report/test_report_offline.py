"""The report without a connection, and the command line's exit codes: 0 written (the path on
stdout), 2 bad arguments, 3 no such session (said on stderr). A real history file, a real
child process; the summary asked for with no way to get it leaves the report whole, saying
the summary is missing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from report_support import run_report

from desktop.infra import paths
from desktop.infra.history import HistoryStore
from desktop.report.make import ReportRequest, make_report
from desktop.report.model import MISSING_SUMMARY, build_report, file_stem
from desktop.report.render import to_markdown
from desktop.report.summary import SummaryError, SummaryTarget, summarize

T0 = 1_764_000_000.0


def record(db: Path, *, job: str = "T-1/2") -> int:
    paths.private_dir(db.parent)
    store = HistoryStore.open(db)
    try:
        sid = store.start_session({"backend": "gemini", "job_id": job}, at=T0)
        store.upsert_turn(sid, 0, "user", "Valve V-3 sticks", final=True, at=T0 + 5)
        store.upsert_turn(sid, 1, "model", "Try freeing the stem", interrupted=True, at=T0 + 9)
        store.upsert_turn(sid, 2, "note", "Tool call: x", final=True, at=T0 + 10)
        store.add_note(sid, "freed the stem", at=T0 + 20)
        store.end_session(sid, at=T0 + 125)
        return sid
    finally:
        store.close()


def test_no_history_is_no_such_session() -> None:
    done = run_report("--format", "md")
    assert done.returncode == 3
    assert done.stdout == ""
    assert "No sessions have been recorded yet" in done.stderr


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["--format", "docx"], "invalid choice"),
        (["--session", "abc"], "not a session number"),
        (["--session", "0"], "start at 1"),
        (["--colour"], "unrecognized arguments"),
    ],
)
def test_bad_arguments_exit_2(args: list[str], says: str) -> None:
    record(paths.history_path())
    done = run_report(*args)
    assert (done.returncode, done.stdout) == (2, "")
    assert says in done.stderr


def test_unknown_session_exits_3_and_last_is_the_newest(tmp_path: Path) -> None:
    db = paths.history_path()
    record(db, job="OLD-1")
    record(db, job="NEW-2")
    missing = run_report("--session", "7", "--format", "md")
    assert missing.returncode == 3
    assert "There is no session 7" in missing.stderr

    last = run_report("--session", "last", "--format", "json", "--out", str(tmp_path / "a.json"))
    assert last.returncode == 0, last.stderr
    assert json.loads(Path(last.stdout.strip()).read_text())["header"]["job_id"] == "NEW-2"
    first = run_report("--session", "1", "--format", "md", "--out", f"{tmp_path}/")
    assert Path(first.stdout.strip()).name.endswith("_OLD-1_session-1_report.md")


def test_offline_summary_leaves_the_report_whole(tmp_path: Path) -> None:
    record(paths.history_path())
    # --summarize with Gemini and no API key: no connection can be made.
    done = run_report(
        "--format", "md", "--summarize", "--backend", "gemini", "--out", str(tmp_path / "r.md")
    )
    assert done.returncode == 0, done.stderr
    assert "written without a summary" in done.stderr and "API key" in done.stderr
    text = Path(done.stdout.strip()).read_text(encoding="utf-8")
    assert MISSING_SUMMARY in text
    assert "freed the stem" in text
    assert "Try freeing the stem *(interrupted)*" in text


def test_unreachable_service_is_a_summary_error_and_nothing_is_saved(tmp_path: Path) -> None:
    db = paths.history_path()
    sid = record(db)
    dead = SummaryTarget(backend="gemini", api_key="k", endpoint="https://127.0.0.1:9")
    outcome = make_report(
        ReportRequest(fmt="md", out=tmp_path / "r.md", db=db),
        summarize=lambda report: summarize(report, dead),
        save_summary=lambda *_: pytest.fail("nothing to save"),
    )
    assert outcome.summary_problem and outcome.report.summary_missing
    with pytest.raises(SummaryError):
        summarize(outcome.report, dead)
    store = HistoryStore.open_reader(db)
    try:
        assert "report_summary" not in store.get_session(sid).meta
    finally:
        store.close()


def test_names_and_marks() -> None:
    db = paths.history_path()
    sid = record(db, job="WO 12/ä")
    store = HistoryStore.open_reader(db)
    try:
        report = build_report(store, sid, "  Sam  ")
    finally:
        store.close()
    assert file_stem(report).endswith(f"_WO-12_session-{sid}_report")  # file-safe, date first
    assert report.header.technician == "Sam"
    assert report.header.duration_s == 125
    assert [line.speaker for line in report.transcript] == ["Technician", "Assistant"]
    assert "| **Duration** | 2 min 05 s |" in to_markdown(report)


def test_a_history_of_the_previous_version_is_upgraded_and_reported(tmp_path: Path) -> None:
    """The app not run since the upgrade: the command line upgrades the file as the app's
    writer would, rather than call it unreadable."""
    import sqlite3

    from desktop.infra import history

    db = paths.history_path()
    paths.private_dir(db.parent)
    conn = sqlite3.connect(db)
    conn.executescript(history._SCHEMA + "PRAGMA user_version=2;")
    conn.execute("INSERT INTO sessions (started_at, meta) VALUES (?, ?)", (T0, '{"job_id": "V2"}'))
    conn.commit()
    conn.close()
    done = run_report("--format", "md", "--out", str(tmp_path / "v2.md"))
    assert done.returncode == 0, done.stderr
    assert "# Job report V2" in Path(done.stdout.strip()).read_text(encoding="utf-8")


def test_a_kept_summary_is_used_without_connecting(tmp_path: Path) -> None:
    """--summarize asks only when the session has no summary: with one kept, no request is
    made (Gemini without a key would have said it could not)."""
    db = paths.history_path()
    sid = record(db)
    summary = {
        "fault_found": "stem seized",
        "work_done": "freed it",
        "parts_used": [],
        "follow_ups": ["check in a week"],
        "model": "m",
        "made_at": T0,
    }
    with HistoryStore.open(db) as store:
        store.update_meta(sid, {"report_summary": summary})
    done = run_report(
        "--format", "json", "--summarize", "--backend", "gemini", "--out", str(tmp_path / "r.json")
    )
    assert (done.returncode, done.stderr) == (0, "")
    doc = json.loads(Path(done.stdout.strip()).read_text(encoding="utf-8"))
    assert doc["summary"]["follow_ups"] == ["check in a week"]
