"""The job report as data: what a session recorded, arranged for the technician's write-up.

Built from the history database (any session, the one just stopped or one from the History
window) and rendered by `render.py` (Markdown, JSON) or `desktop/ui/report_pdf.py` (PDF). The
JSON form is the documented, versioned schema of docs/REPORT.md: change a field's meaning only
with a new REPORT_VERSION.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from desktop.infra.history import HistoryStore, SessionInfo

REPORT_FORMAT = "fieldassist-report"
REPORT_VERSION = 1
# Where a session keeps what the report reads besides the recording (sessions.meta keys).
JOB_KEYS = ("job_id", "site", "equipment")
SUMMARY_KEY = "report_summary"
SPEAKERS = {"user": "Technician", "model": "Assistant"}
# The appendix is the conversation; the app's own notes in the transcript (tool calls,
# snapshots sent) are in the report's steps, notes and tool actions already.
CONVERSATION = ("user", "model")
MISSING_SUMMARY = (
    "The summary is missing: it is written by the model, and no connection was made. "
    "Make the report again when online to add it."
)


@dataclass(frozen=True)
class Summary:
    """The model's write-up of the job (the only part of the report not taken verbatim)."""

    fault_found: str
    work_done: str
    parts_used: tuple[str, ...] = ()
    follow_ups: tuple[str, ...] = ()
    model: str = ""  # which model wrote it
    made_at: float = 0.0

    def to_meta(self) -> dict[str, Any]:
        return {
            "fault_found": self.fault_found,
            "work_done": self.work_done,
            "parts_used": list(self.parts_used),
            "follow_ups": list(self.follow_ups),
            "model": self.model,
            "made_at": self.made_at,
        }

    @classmethod
    def from_meta(cls, value: Any) -> Summary | None:
        """The summary kept in a session's meta; None when absent or not one."""
        if not isinstance(value, dict):
            return None
        try:
            return cls(
                fault_found=str(value["fault_found"]),
                work_done=str(value["work_done"]),
                parts_used=tuple(str(p) for p in value.get("parts_used", ())),
                follow_ups=tuple(str(f) for f in value.get("follow_ups", ())),
                model=str(value.get("model", "")),
                made_at=float(value.get("made_at", 0.0)),
            )
        except (KeyError, TypeError, ValueError):
            return None


@dataclass(frozen=True)
class Header:
    session_id: int
    job_id: str
    site: str
    equipment: str
    technician: str
    started_at: float
    ended_at: float | None  # None: the session never ended cleanly (a crash)

    @property
    def duration_s(self) -> float | None:
        return None if self.ended_at is None else max(0.0, self.ended_at - self.started_at)


@dataclass(frozen=True)
class Step:
    """One thing done, in time order: a work note, a tool action or a snapshot."""

    at: float
    kind: str  # "note" | "tool" | "snapshot"
    text: str


@dataclass(frozen=True)
class Picture:
    number: int  # 1-based, the order taken
    at: float
    caption: str
    mime: str
    data: bytes  # as sent: privacy masks were applied before it was saved

    @property
    def extension(self) -> str:
        return "png" if self.mime == "image/png" else "jpg"


@dataclass(frozen=True)
class Note:
    at: float
    text: str


@dataclass(frozen=True)
class ToolAction:
    at: float
    name: str
    args: Any
    status: str  # history.TOOL_STATUSES
    result: Any


@dataclass(frozen=True)
class Line:
    """A transcript turn in the appendix."""

    at: float
    speaker: str
    text: str
    interrupted: bool


@dataclass(frozen=True)
class Report:
    header: Header
    summary: Summary | None
    steps: tuple[Step, ...] = ()
    pictures: tuple[Picture, ...] = ()
    notes: tuple[Note, ...] = ()
    tools: tuple[ToolAction, ...] = ()
    transcript: tuple[Line, ...] = field(default=())

    @property
    def summary_missing(self) -> bool:
        return self.summary is None


def build_report(store: HistoryStore, session_id: int, technician: str = "") -> Report:
    """The report of one session (HistoryError when it cannot be read; INVALID when there is
    no such session)."""
    info = store.get_session(session_id)
    pictures = tuple(
        Picture(n, s.at, s.caption, s.mime, s.data)
        for n, s in enumerate(store.snapshots(session_id), start=1)
    )
    notes = tuple(Note(n.at, n.text) for n in store.notes_of(session_id))
    tools = tuple(
        ToolAction(c.started_at, c.name, c.args, c.status, c.result)
        for c in store.tool_calls(session_id)
    )
    transcript = tuple(
        Line(t.started_at, SPEAKERS.get(t.role, t.role.capitalize()), t.text, t.interrupted)
        for t in store.turns(session_id)
        if t.text.strip() and t.role in CONVERSATION
    )
    return Report(
        header=_header(info, technician),
        summary=Summary.from_meta(info.meta.get(SUMMARY_KEY)),
        steps=_steps(pictures, notes, tools),
        pictures=pictures,
        notes=notes,
        tools=tools,
        transcript=transcript,
    )


def _header(info: SessionInfo, technician: str) -> Header:
    meta = info.meta
    return Header(
        session_id=info.id,
        job_id=str(meta.get("job_id", "")),
        site=str(meta.get("site", "")),
        equipment=str(meta.get("equipment", "")),
        technician=technician.strip(),
        started_at=info.started_at,
        ended_at=info.ended_at,
    )


def _steps(
    pictures: tuple[Picture, ...], notes: tuple[Note, ...], tools: tuple[ToolAction, ...]
) -> tuple[Step, ...]:
    # Notes and snapshots a tool made appear as their own steps: the tool's step is skipped.
    own_steps = {"log_work_note", "take_snapshot"}
    steps = [Step(n.at, "note", n.text) for n in notes]
    steps += [Step(p.at, "snapshot", f"Snapshot {p.number}: {p.caption}") for p in pictures]
    steps += [
        Step(t.at, "tool", f"{t.name}: {t.status}")
        for t in tools
        if not (t.name in own_steps and t.status == "ok")
    ]
    return tuple(sorted(steps, key=lambda s: s.at))


# -- words and names shared by the renderers -----------------------------------------------


def local(at: float, fmt: str = "%Y-%m-%d %H:%M:%S") -> str:
    """Local wall-clock time: what the technician saw on the screen."""
    return datetime.fromtimestamp(at).astimezone().strftime(fmt)


def iso(at: float | None) -> str | None:
    return None if at is None else datetime.fromtimestamp(at).astimezone().isoformat("T", "seconds")


def duration_text(seconds: float | None) -> str:
    if seconds is None:
        return "not ended"
    total = round(seconds)
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours} h {minutes:02d} min" if hours else f"{minutes} min {secs:02d} s"


_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


def file_stem(report: Report) -> str:
    """`<date>_<job ID>_session-<N>_report` (`<date>_session-<N>_report` without a job ID):
    the date the job started, a file-safe job ID, and the session number, so two sessions of
    one job on one day never write the same file."""
    header = report.header
    job = _UNSAFE.sub("-", header.job_id).strip("-.")[:60]
    parts = [local(header.started_at, "%Y-%m-%d"), job, f"session-{header.session_id}", "report"]
    return "_".join(p for p in parts if p)
