"""Job reports (issue 16): the model (`model.py`), Markdown/JSON (`render.py`), the summary
(`summary.py`), making a file (`make.py`) and the `report` subcommand (`cli.py`). No Qt here:
the PDF renderer is `desktop/ui/report_pdf.py`, handed in."""

from desktop.report.make import (
    FORMATS,
    NoSuchSession,
    ReportOutcome,
    ReportRequest,
    default_reports_dir,
    make_report,
)
from desktop.report.model import REPORT_VERSION, Report, Summary, build_report

__all__ = [
    "FORMATS",
    "REPORT_VERSION",
    "NoSuchSession",
    "Report",
    "ReportOutcome",
    "ReportRequest",
    "Summary",
    "build_report",
    "default_reports_dir",
    "make_report",
]
