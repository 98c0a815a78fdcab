"""Defects found by review: a summary server that never answers, two sessions of one job on
one day, `--out` at a symlink or a FIFO, a session number beyond SQLite's range, and table
breaking or raw HTML text in the Markdown report. Real sockets, files and child processes."""

from __future__ import annotations

import os
import re
import socket
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from report_support import run_report

from desktop.infra import paths
from desktop.infra.history import HistoryStore
from desktop.report.make import ReportRequest, make_report
from desktop.report.model import MISSING_SUMMARY, build_report
from desktop.report.render import to_markdown
from desktop.report.summary import SummaryTarget, summarize

T0 = 1_764_000_000.0
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000100e221bc330000000049454e44ae426082"
)


def record(db: Path, *, job: str = "WO-1", pictures: int = 0, at: float = T0) -> int:
    paths.private_dir(db.parent)
    store = HistoryStore.open(db)
    try:
        sid = store.start_session({"backend": "gemini", "job_id": job}, at=at)
        store.upsert_turn(sid, 0, "user", "Valve V-3 sticks", final=True, at=at + 5)
        for n in range(pictures):
            store.add_snapshot(sid, PNG, f"photo {n}", "image/png", at=at + 10 + n)
        store.end_session(sid, at=at + 60)
        return sid
    finally:
        store.close()


@pytest.fixture
def silent_server() -> Iterator[str]:
    """Accepts connections and never answers a byte."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(8)
    held: list[socket.socket] = []
    stop = threading.Event()

    def accept() -> None:
        server.settimeout(0.2)
        while not stop.is_set():
            try:
                held.append(server.accept()[0])
            except OSError:
                continue

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.getsockname()[1]}"
    stop.set()
    thread.join(5)
    for conn in held:
        conn.close()
    server.close()


def test_a_summary_server_that_never_answers_times_out(tmp_path: Path, silent_server: str) -> None:
    db = paths.history_path()
    record(db)
    target = SummaryTarget(backend="gemini", api_key="k", endpoint=silent_server, timeout_s=1.0)
    box: dict[str, object] = {}

    def run() -> None:
        box["outcome"] = make_report(
            ReportRequest(fmt="md", out=tmp_path / "r.md", db=db),
            summarize=lambda report: summarize(report, target),
            save_summary=lambda *_: pytest.fail("nothing to save"),
        )

    worker = threading.Thread(target=run, daemon=True)
    worker.start()
    worker.join(30)  # generous: the bound is 1 s; the old code never returns
    assert not worker.is_alive(), "the summary request was not bounded"
    outcome = box["outcome"]
    assert outcome.summary_problem is not None  # type: ignore[attr-defined]
    assert "did not answer within 1 s" in outcome.summary_problem  # type: ignore[attr-defined]
    assert MISSING_SUMMARY in (tmp_path / "r.md").read_text(encoding="utf-8")


def test_two_sessions_of_one_job_on_one_day_write_two_reports(tmp_path: Path) -> None:
    db = paths.history_path()
    first = record(db, job="WO-7", pictures=2)
    second = record(db, job="WO-7", pictures=1, at=T0 + 3600)
    out = tmp_path / "reports"
    out.mkdir()
    paths_written = []
    for sid in (first, second):
        done = run_report("--session", str(sid), "--format", "md", "--out", f"{out}/")
        assert done.returncode == 0, done.stderr
        paths_written.append(Path(done.stdout.strip()))
    assert paths_written[0] != paths_written[1]
    assert f"_WO-7_session-{second}_report.md" in paths_written[1].name
    assert all(p.exists() for p in paths_written)
    # Writing the first session again with fewer pictures (one deleted) leaves none behind.
    images = out / f"{paths_written[1].stem}-images"
    (images / "snapshot-9.png").write_bytes(PNG)  # as an older write with more pictures left
    again = run_report("--session", str(second), "--format", "md", "--out", f"{out}/")
    assert again.returncode == 0, again.stderr
    assert sorted(p.name for p in images.iterdir()) == ["snapshot-1.png"]


def test_out_through_a_symlink_writes_the_target(tmp_path: Path) -> None:
    record(paths.history_path())
    target = tmp_path / "real.md"
    target.write_text("old", encoding="utf-8")
    link = tmp_path / "link.md"
    link.symlink_to(target)
    done = run_report("--format", "md", "--out", str(link))
    assert done.returncode == 0, done.stderr
    assert link.is_symlink()
    assert "# Job report WO-1" in target.read_text(encoding="utf-8")


def test_out_at_a_fifo_is_refused_and_left_alone(tmp_path: Path) -> None:
    record(paths.history_path())
    fifo = tmp_path / "pipe.md"
    os.mkfifo(fifo)
    link = tmp_path / "to-pipe.md"
    link.symlink_to(fifo)
    for out in (fifo, link):
        done = run_report("--format", "md", "--out", str(out))
        assert (done.returncode, done.stdout) == (1, "")
        assert "is not a regular file" in done.stderr and "Traceback" not in done.stderr
    assert fifo.is_fifo() and link.is_symlink()
    assert not list(tmp_path.glob("*.partial"))


def test_a_session_number_beyond_sqlite_is_a_bad_argument() -> None:
    record(paths.history_path())
    done = run_report("--session", "99999999999999999999999", "--format", "md")
    assert (done.returncode, done.stdout) == (2, "")
    assert "not a session number" in done.stderr and "Traceback" not in done.stderr
    largest = run_report("--session", str(2**63 - 1), "--format", "md")
    assert largest.returncode == 3, largest.stderr


def test_markdown_keeps_session_text_as_text() -> None:
    db = paths.history_path()
    paths.private_dir(db.parent)
    with HistoryStore.open(db) as store:
        sid = store.start_session(
            {"job_id": "WO|47", "site": "A | B\nC", "equipment": "P-200 <b>x</b>"}, at=T0
        )
        store.upsert_turn(sid, 0, "user", "hi <script>alert(1)</script> | x", final=True, at=T0)
        store.add_note(sid, "note <img src=x onerror=y> & co", at=T0 + 1)
        store.end_session(sid, at=T0 + 2)
    with HistoryStore.open_reader(db) as store:
        text = to_markdown(build_report(store, sid, "Sam | Lee"))
    table = [ln for ln in text.splitlines() if ln.startswith("| **")]
    # Each header row has exactly its three unescaped cell borders.
    assert all(len(re.findall(r"(?<!\\)\|", row)) == 3 for row in table), table
    assert "| **Job / ticket** | WO\\|47 |" in table
    assert "| **Site** | A \\| B<br>C |" in table
    assert "| **Technician** | Sam \\| Lee |" in table
    for raw in ("<script>", "<img", "<b>"):
        assert raw not in text
    assert "&lt;script&gt;" in text and "&amp; co" in text
