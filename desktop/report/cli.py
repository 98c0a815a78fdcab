"""`python -m desktop report`: write a session's job report and print its path.

    python -m desktop report [--session ID|last] [--format md|json|pdf] [--out PATH]
        [--summarize] [--backend gemini|vertex|simulator]

Exit status: 0 written (the path on stdout), 2 bad arguments, 3 no such session, 1 the history
or the file could not be used. Never opens a window (the PDF is drawn by Qt offscreen) and
never connects unless `--summarize` is given and the session has no summary yet.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.infra.history import HistoryError

if TYPE_CHECKING:
    from desktop.infra.settings import Settings
    from desktop.report.make import PdfWriter, Summarizer

EXIT_WRITTEN, EXIT_FAILED, EXIT_BAD_ARGS, EXIT_NO_SESSION = 0, 1, 2, 3
SQLITE_MAX_ROWID = 2**63 - 1  # a larger number overflows SQLite's integer binding


@dataclass(frozen=True)
class ReportArgs:
    session: int | None
    fmt: str
    out: Path | None
    summarize: bool
    backend: str | None


def _session(value: str) -> int | None:
    if value.strip().lower() == "last":
        return None
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a session number or 'last'") from None
    if number < 1:
        raise argparse.ArgumentTypeError("session numbers start at 1")
    if number > SQLITE_MAX_ROWID:
        raise argparse.ArgumentTypeError(f"{value!r} is not a session number (too large)")
    return number


def _out(value: str) -> Path:
    """A path ending in a separator is a folder, created when missing (Path drops the
    separator, so the folder must exist for make.output_path to see one)."""
    if not value.strip():
        raise argparse.ArgumentTypeError("must not be empty")
    path = Path(value).expanduser()
    if value.endswith(("/", os.sep)):
        try:
            path.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise argparse.ArgumentTypeError(f"cannot create the folder {value!r}: {exc}") from exc
    return path


def build_parser() -> argparse.ArgumentParser:
    from desktop.cli import CLI_BACKENDS, PROG
    from desktop.report.make import FORMATS

    parser = argparse.ArgumentParser(
        prog=f"{PROG} report",
        description="Write the job report of a recorded session and print the file's path.",
    )
    parser.add_argument(
        "--session", type=_session, default=None, metavar="ID|last", help="default: last"
    )
    parser.add_argument("--format", dest="fmt", choices=FORMATS, default="pdf")
    parser.add_argument(
        "--out",
        type=_out,
        metavar="PATH",
        help="the file, or a folder for the default name (default: the reports folder)",
    )
    parser.add_argument(
        "--summarize",
        action="store_true",
        help="if the session has no summary yet, ask the model for one (connects)",
    )
    parser.add_argument(
        "--backend", choices=CLI_BACKENDS, help="where --summarize asks (default: Settings)"
    )
    return parser


def parse(argv: Sequence[str]) -> ReportArgs:
    ns = build_parser().parse_args(list(argv))  # exits 2 with a message on bad input
    return ReportArgs(ns.session, ns.fmt, ns.out, ns.summarize, ns.backend)


def main(argv: Sequence[str]) -> int:
    args = parse(argv)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    from desktop.infra.settings import load_settings
    from desktop.report.make import NoSuchSession, ReportRequest, make_report, save_summary_to

    settings, _notes = load_settings()
    request = ReportRequest(
        session=args.session,
        fmt=args.fmt,
        out=args.out,
        report_dir=settings.report_dir,
        technician=settings.technician_name,
    )
    summarize = None
    if args.summarize:
        summarize = _summarizer(settings, args.backend)
    try:
        outcome = make_report(
            request,
            summarize=summarize,
            save_summary=save_summary_to(None),
            pdf_writer=_pdf_writer() if args.fmt == "pdf" else None,
        )
    except NoSuchSession as exc:
        print(f"fieldassist report: {exc}", file=sys.stderr)
        return EXIT_NO_SESSION
    except HistoryError as exc:
        print(f"fieldassist report: the history cannot be read: {exc.reason}", file=sys.stderr)
        return EXIT_FAILED
    except OSError as exc:
        print(f"fieldassist report: the report cannot be written: {exc}", file=sys.stderr)
        return EXIT_FAILED
    if outcome.summary_problem:
        print(
            f"fieldassist report: written without a summary: {outcome.summary_problem}",
            file=sys.stderr,
        )
    elif outcome.report.summary_missing:
        print(
            "fieldassist report: the summary is missing; add --summarize to ask the model for it",
            file=sys.stderr,
        )
    print(outcome.path)
    return EXIT_WRITTEN


def _summarizer(settings: Settings, backend: str | None) -> Summarizer:
    from desktop.infra.credentials import load_api_key
    from desktop.report.summary import SummaryTarget, summarize

    api_key = None if backend == "simulator" else load_api_key()
    chosen = backend or settings.effective_backend(api_key is not None)
    target = SummaryTarget(
        backend=chosen,
        model=settings.summary_model,
        api_key=api_key,
        project=settings.project or None,
        location=settings.location or None,
        endpoint=(settings.endpoint or None) if chosen != "simulator" else None,
        ca_file=settings.ca_file or None,
    )
    return lambda report: summarize(report, target)


def _pdf_writer() -> PdfWriter:
    """Qt, offscreen: no window and no display needed."""
    from desktop.ui.report_pdf import write_pdf_offscreen

    return write_pdf_offscreen
