"""The job report in the window: the job fields, the Report… button (Ctrl+R), the offer when
a session stops, and reports of earlier sessions from the History window.

The report is made on a worker thread (reading the history, asking for the summary, drawing
the PDF): the window never waits for it. The summary is asked for with the window's current
connection settings; without a connection the report is written without it and says so.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Coroutine
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QLineEdit

from desktop.app import SessionDriver
from desktop.app.messages import JobDetails
from desktop.infra.i18n_marks import QT_TRANSLATE_NOOP
from desktop.report.make import ReportOutcome, ReportRequest, make_report
from desktop.report.summary import SummaryTarget, summarize
from desktop.ui.i18n import translate
from desktop.ui.main_window import MainWindow
from desktop.ui.report_pdf import write_pdf

log = logging.getLogger(__name__)

Spawn = Callable[[Coroutine[Any, Any, None]], object]
Banner = Callable[..., None]  # show_banner(text, *, error=False, topic="")
# Banners: shown through the controller, which translates them under "Notices".
OFFER_TEXT = QT_TRANSLATE_NOOP(
    "Notices", "Session saved. Write its job report with Report… (Ctrl+R)."
)


class ReportActions(QObject):
    """Owned by the controller; `spawn` runs a coroutine as one of its owned tasks."""

    report_written = Signal(object)  # ReportOutcome, for tests and the History window

    def __init__(
        self, window: MainWindow, driver: SessionDriver, spawn: Spawn, banner: Banner
    ) -> None:
        super().__init__(window)
        self.window = window
        self.driver = driver
        self._spawn = spawn
        self._banner = banner
        self.busy = False
        self.last: ReportOutcome | None = None
        for key, field in window.job_fields.items():
            field.editingFinished.connect(lambda key=key, field=field: self._typed(key, field))
        window.report_button.clicked.connect(lambda: self.make(None))

    # -- the job fields ---------------------------------------------------------------------

    def _typed(self, key: str, field: QLineEdit) -> None:
        if field.text().strip() != self.driver.job.get(key, ""):
            self.driver.set_job({key: field.text()})

    def show_job(self, job: JobDetails) -> None:
        """The job as it now stands (typed, or told to the model)."""
        for key, field in self.window.job_fields.items():
            value = getattr(job, key)
            if field.text() != value and not field.hasFocus():  # never under the cursor
                field.setText(value)

    # -- reports ----------------------------------------------------------------------------

    def offer(self) -> None:
        """A session stopped: say the report is one key away."""
        self._banner(OFFER_TEXT, topic="report")

    def make(self, session: int | None, fmt: str = "pdf") -> None:
        """Write the report of `session` (None: the newest) in the background."""
        if self.busy:
            self._banner(
                QT_TRANSLATE_NOOP("Notices", "A job report is already being written."),
                topic="report",
            )
            return
        writer = self.driver.history
        if writer is None:
            self._banner(
                QT_TRANSLATE_NOOP(
                    "Notices", "The history is not available, so no report can be made."
                ),
                error=True,
                topic="report",
            )
            return
        self.busy = True
        self.window.report_button.setEnabled(False)
        self._banner(QT_TRANSLATE_NOOP("Notices", "Writing the job report…"), topic="report")
        settings = self.driver.settings
        request = ReportRequest(
            session=session,
            fmt=fmt,
            report_dir=settings.report_dir,
            technician=settings.technician_name,
            db=writer.path,
        )
        target = SummaryTarget(
            backend=self.driver.backend,
            model=settings.summary_model,
            api_key=self.driver.api_key,
            project=settings.project or None,
            location=settings.location or None,
            endpoint=(settings.endpoint or None) if self.driver.backend != "simulator" else None,
            ca_file=settings.ca_file or None,
        )
        self._spawn(self._make(request, target))

    async def _make(self, request: ReportRequest, target: SummaryTarget) -> None:
        writer = self.driver.history
        assert writer is not None
        try:
            outcome = await asyncio.to_thread(
                make_report,
                request,
                summarize=lambda report: summarize(report, target),
                save_summary=writer.update_row_meta,
                pdf_writer=write_pdf,
            )
        except Exception as exc:  # every failure is a message, never a traceback dialog
            log.warning("The job report was not written: %s", exc, exc_info=True)
            self._banner(
                translate("Notices", "The job report was not written: {reason}").format(reason=exc),
                error=True,
                topic="report",
            )
            return
        finally:
            self.busy = False
            self.window.report_button.setEnabled(True)
        self.last = outcome
        self._banner(_done_text(outcome.path, outcome.summary_problem), topic="report")
        self.report_written.emit(outcome)


def _done_text(path: Path, problem: str | None) -> str:
    if problem:
        return translate(
            "Notices",
            "Job report saved without the summary ({problem}): {path}. "
            "Write it again when online to add the summary.",
        ).format(problem=problem, path=path)
    return translate("Notices", "Job report saved: {path}").format(path=path)
