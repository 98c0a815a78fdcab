"""Making a report file: find the session, add the summary when asked and possible, render.

Shared by the command line (`python -m desktop report`) and the window (the report action in
the main window and the History window), which run it on a worker thread. The PDF renderer
needs Qt, so it is handed in (`desktop/ui/report_pdf.py`): this package stays free of Qt.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from desktop.infra import paths
from desktop.infra.history import Fault, HistoryError, HistoryStore
from desktop.report.model import SUMMARY_KEY, Report, Summary, build_report, file_stem
from desktop.report.render import write_text_report
from desktop.report.summary import SummaryError

log = logging.getLogger(__name__)

FORMATS = ("md", "json", "pdf")
REPORTS_SUBDIR = ("FieldAssist", "Reports")

PdfWriter = Callable[[Report, Path], Path]
Summarizer = Callable[[Report], Summary]
SaveSummary = Callable[[int, dict[str, Any]], None]  # session row, meta updates


class NoSuchSession(Exception):
    """The session asked for is not in the history (or there is no history yet)."""


@dataclass(frozen=True)
class ReportRequest:
    session: int | None = None  # None: the newest session
    fmt: str = "pdf"
    out: Path | None = None  # a file, or a folder for the default name; None: report_dir
    report_dir: str = ""  # the setting; "" = default_reports_dir()
    technician: str = ""
    db: Path | None = None  # None: the history database in the data folder


@dataclass(frozen=True)
class ReportOutcome:
    path: Path
    report: Report
    summary_problem: str | None = None  # why a summary asked for is missing


def default_reports_dir() -> Path:
    """<Documents>/FieldAssist/Reports (under FIELDASSIST_HOME for tests and CI)."""
    home = os.environ.get(paths.HOME_ENV, "").strip()
    if home:
        return Path(home).expanduser() / "Reports"
    import platformdirs

    return Path(platformdirs.user_documents_dir()).joinpath(*REPORTS_SUBDIR)


def reports_dir(setting: str) -> Path:
    return Path(setting).expanduser() if setting.strip() else default_reports_dir()


def output_path(report: Report, request: ReportRequest) -> Path:
    name = f"{file_stem(report)}.{request.fmt}"
    out = request.out
    if out is None:
        return reports_dir(request.report_dir) / name
    out = out.expanduser()
    return out / name if out.is_dir() or str(out).endswith(os.sep) else out


def checked_target(path: Path) -> Path:
    """Where the report really goes: through a symlink to its target, and never over something
    that is not a regular file (a FIFO, a device, a socket), which the write-then-rename would
    replace. Raises OSError with the reason."""
    target = path.resolve() if path.is_symlink() else path
    if target.exists() and not target.is_file():
        raise OSError(f"{path} exists and is not a regular file; choose another name")
    return target


def open_history(db: Path | None) -> HistoryStore:
    """A read-only view of the history; NoSuchSession when there is none yet."""
    path = db or paths.history_path()
    if not path.exists():
        raise NoSuchSession(f"No sessions have been recorded yet (no history at {path}).")
    try:
        return HistoryStore.open_reader(path)
    except HistoryError as exc:
        if exc.fault is not Fault.UNAVAILABLE or "not ready" not in exc.reason:
            raise
    # Written by the previous version and not opened by the app since: upgrade it, as the
    # app's writer would at launch, then read.
    HistoryStore.open(path).close()
    return HistoryStore.open_reader(path)


def resolve_session(store: HistoryStore, session: int | None) -> int:
    if session is None:
        sessions = store.list_sessions()
        if not sessions:
            raise NoSuchSession("No sessions have been recorded yet.")
        return sessions[0].id
    if not store.session_exists(session):
        raise NoSuchSession(f"There is no session {session} in the history.")
    return session


def load_report(request: ReportRequest) -> Report:
    store = open_history(request.db)
    try:
        session_id = resolve_session(store, request.session)
        try:
            return build_report(store, session_id, request.technician)
        except HistoryError as exc:
            if exc.fault is Fault.INVALID:  # deleted between the two reads
                raise NoSuchSession(f"There is no session {session_id} in the history.") from exc
            raise
    finally:
        store.close()


def save_summary_to(db: Path | None) -> SaveSummary:
    """Keep a summary in the session's meta through a short-lived writable connection (the
    command line; the window goes through its history writer instead)."""

    def save(session_id: int, updates: dict[str, Any]) -> None:
        store = HistoryStore.open(db or paths.history_path())
        try:
            store.update_meta(session_id, updates)
        finally:
            store.close()

    return save


def make_report(
    request: ReportRequest,
    *,
    summarize: Summarizer | None = None,
    save_summary: SaveSummary | None = None,
    pdf_writer: PdfWriter | None = None,
) -> ReportOutcome:
    """Write the report; `summarize` is asked only when the session has no summary yet.

    Raises NoSuchSession, HistoryError (the history cannot be read), OSError (the file cannot
    be written) and ValueError (a format without its writer). A failed summary is not an error:
    the report is written without it and `summary_problem` says why.
    """
    if request.fmt not in FORMATS:
        raise ValueError(f"format must be one of {', '.join(FORMATS)}")
    if request.fmt == "pdf" and pdf_writer is None:
        raise ValueError("PDF reports need the window's PDF writer")
    report = load_report(request)
    problem = None
    if summarize is not None and report.summary is None:
        report, problem = _with_summary(report, summarize, save_summary)
    path = checked_target(output_path(report, request))
    if request.fmt == "pdf":
        assert pdf_writer is not None
        path.parent.mkdir(parents=True, exist_ok=True)
        pdf_writer(report, path)
    else:
        write_text_report(report, request.fmt, path)
    log.info("Report of session %d written to %s", report.header.session_id, path)
    return ReportOutcome(path, report, problem)


def _with_summary(
    report: Report, summarize: Summarizer, save: SaveSummary | None
) -> tuple[Report, str | None]:
    try:
        summary = summarize(report)
    except SummaryError as exc:
        log.warning("Report without a summary: %s", exc)
        return report, str(exc)
    if save is not None:
        try:
            save(report.header.session_id, {SUMMARY_KEY: summary.to_meta()})
        except HistoryError as exc:  # the report still gets it; the next one asks again
            log.warning("The summary was not kept in the history: %s", exc)
    return replace(report, summary=summary), None
