"""The job report as PDF, drawn by Qt (QTextDocument + QPdfWriter): no new dependency.

The page is A4, or Letter where the locale measures in US units (QLocale's measurement
system: the US and the few places that follow it). The pictures are the saved snapshots, masks
already applied; each is scaled to the text width at most and kept with its caption.
"""

from __future__ import annotations

import html
import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QLocale, QMarginsF, QUrl
from PySide6.QtGui import (
    QGuiApplication,
    QImage,
    QPageLayout,
    QPageSize,
    QPdfWriter,
    QTextDocument,
)

from desktop.report.model import MISSING_SUMMARY, Report, local
from desktop.report.render import header_rows, title

PICTURE_WIDTH_PX = 440  # at the document's 96 dpi: about 11.6 cm, most of an A4 text width
PDF_DPI = 300
LABEL_WIDTH_PX = 110  # the header's label column: "Job / ticket" and a gap

_CSS = """
body { font-family: sans-serif; font-size: 10pt; color: #111; }
h1 { font-size: 18pt; margin-bottom: 4pt; }
h2 { font-size: 13pt; margin-top: 14pt; margin-bottom: 4pt; color: #0b3d6e; }
td.label { font-weight: bold; color: #333; padding-right: 12pt; }
p.missing { color: #8a4b00; font-style: italic; }
p.caption { font-style: italic; color: #333; margin-top: 2pt; }
p.line { margin: 1pt 0; }
span.cut { color: #8a4b00; font-style: italic; }
span.time { color: #666; }
"""


def page_size_for(locale: QLocale | None = None) -> QPageSize.PageSizeId:
    """Letter where the locale measures in US units, A4 everywhere else."""
    system = (locale or QLocale()).measurementSystem()
    if system == QLocale.MeasurementSystem.ImperialUSSystem:
        return QPageSize.PageSizeId.Letter
    return QPageSize.PageSizeId.A4


def _e(text: Any) -> str:
    return html.escape(str(text)).replace("\n", "<br>")


def _short(value: Any, limit: int = 160) -> str:
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False, default=str)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _header(report: Report) -> list[str]:
    rows = [
        f"<tr><td class='label' width='{LABEL_WIDTH_PX}'>{_e(label)}</td><td>{_e(value)}</td></tr>"
        for label, value in header_rows(report)
    ]
    return [
        f"<h1>{_e(title(report))}</h1>",
        "<table class='header' cellpadding='2' cellspacing='0'>",
        *rows,
        "</table>",
    ]


def _summary(report: Report) -> list[str]:
    s = report.summary
    if s is None:
        return [f"<p class='missing'>{_e(MISSING_SUMMARY)}</p>"]
    follow = "".join(f"<li>{_e(f)}</li>" for f in s.follow_ups)
    return [
        f"<p><b>Fault found:</b> {_e(s.fault_found)}</p>",
        f"<p><b>Work done:</b> {_e(s.work_done)}</p>",
        f"<p><b>Parts used:</b> {_e(', '.join(s.parts_used) or 'none')}</p>",
        f"<p><b>Follow-ups:</b></p><ul>{follow}</ul>"
        if follow
        else "<p><b>Follow-ups:</b> none</p>",
    ]


def _time(at: float) -> str:
    return f"<span class='time'>{local(at, '%H:%M:%S')}</span>"


def _steps(report: Report) -> list[str]:
    items = [f"<li>{_time(st.at)} {_e(st.text)}</li>" for st in report.steps]
    return ["<ol>", *items, "</ol>"] if items else ["<p>No steps were recorded.</p>"]


def _snapshots(report: Report) -> list[str]:
    # One table row per picture: Qt moves a row that does not fit to the next page whole,
    # so a caption is never parted from its picture.
    out = [
        "<table cellspacing='0' cellpadding='0'><tr><td>"
        f"<img src='snapshot:{p.number}' width='{PICTURE_WIDTH_PX}'>"
        f"<p class='caption'>{p.number}. {local(p.at, '%H:%M:%S')}: "
        f"{_e(p.caption or f'Snapshot {p.number}')}</p></td></tr></table>"
        for p in report.pictures
    ]
    return out or ["<p>No snapshots were taken.</p>"]


def _notes(report: Report) -> list[str]:
    items = [f"<li>{_time(n.at)} {_e(n.text)}</li>" for n in report.notes]
    return ["<ul>", *items, "</ul>"] if items else ["<p>No work notes were logged.</p>"]


def _tools(report: Report) -> list[str]:
    items = [
        f"<li>{_time(t.at)} <b>{_e(t.name)}</b>({_e(_short(t.args))}): {_e(t.status)}"
        + ("" if t.result is None else f" → {_e(_short(t.result))}")
        + "</li>"
        for t in report.tools
    ]
    return ["<ul>", *items, "</ul>"] if items else ["<p>No tools were used.</p>"]


def _transcript(report: Report) -> list[str]:
    out = [
        f"<p class='line'>{_time(line.at)} <b>{_e(line.speaker)}:</b> {_e(line.text.strip())}"
        + (" <span class='cut'>(interrupted)</span>" if line.interrupted else "")
        + "</p>"
        for line in report.transcript
    ]
    return out or ["<p>The session has no transcript.</p>"]


# The sections in page order: (heading, how it is drawn).
SECTIONS: tuple[tuple[str, Callable[[Report], list[str]]], ...] = (
    ("", _header),
    ("Summary", _summary),
    ("Steps", _steps),
    ("Snapshots", _snapshots),
    ("Work notes", _notes),
    ("Tool actions", _tools),
    ("Appendix: transcript", _transcript),
)


def report_html(report: Report) -> str:
    parts = [f"<html><head><style>{_CSS}</style></head><body>"]
    for heading, draw in SECTIONS:
        if heading:
            parts.append(f"<h2>{_e(heading)}</h2>")
        parts += draw(report)
    parts.append("</body></html>")
    return "\n".join(parts)


def write_pdf(report: Report, path: Path, locale: QLocale | None = None) -> Path:
    """Draw the report into `path` (a QGuiApplication must exist). Written to a temporary
    name first: a failed run never leaves a half PDF under the report's name."""
    doc = QTextDocument()
    for p in report.pictures:
        image = QImage.fromData(p.data)
        if not image.isNull():
            doc.addResource(
                QTextDocument.ResourceType.ImageResource, QUrl(f"snapshot:{p.number}"), image
            )
    doc.setHtml(report_html(report))
    partial = path.with_name(path.name + ".partial")
    writer = QPdfWriter(str(partial))
    writer.setResolution(PDF_DPI)
    writer.setTitle(title(report))
    writer.setCreator("FieldAssist")
    writer.setPageLayout(
        QPageLayout(
            QPageSize(page_size_for(locale)),
            QPageLayout.Orientation.Portrait,
            QMarginsF(18, 18, 18, 18),
            QPageLayout.Unit.Millimeter,
        )
    )
    doc.print_(writer)
    del writer  # the file is finished when the writer goes
    if not partial.exists() or partial.stat().st_size == 0:
        raise OSError(f"Qt wrote no PDF at {partial}")
    partial.replace(path)
    return path


def write_pdf_offscreen(report: Report, path: Path) -> Path:
    """For the command line: a QGuiApplication on the offscreen platform, never a window."""
    if QGuiApplication.instance() is None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        app = QGuiApplication([])
        try:
            return write_pdf(report, path)
        finally:
            del app
    return write_pdf(report, path)
