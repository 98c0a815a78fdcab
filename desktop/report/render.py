"""Markdown and JSON renderings of a `Report`, and writing either to disk with its pictures.

Pictures go beside the report, in `<report name>-images/`, named `snapshot-<n>.<ext>`, and are
linked by relative name, so the folder can be zipped or attached to a ticket as it is.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from desktop.report.model import (
    MISSING_SUMMARY,
    REPORT_FORMAT,
    REPORT_VERSION,
    Picture,
    Report,
    duration_text,
    iso,
    local,
)


def image_dir_name(path: Path) -> str:
    return f"{path.stem}-images"


def picture_name(picture: Picture) -> str:
    return f"snapshot-{picture.number}.{picture.extension}"


def header_rows(report: Report) -> list[tuple[str, str]]:
    """The header as (label, value) rows, shared by every format that shows a table."""
    h = report.header
    end = local(h.ended_at, "%H:%M:%S") if h.ended_at is not None else "not ended"
    return [
        ("Job / ticket", h.job_id or "not given"),
        ("Site", h.site or "not given"),
        ("Equipment", h.equipment or "not given"),
        ("Technician", h.technician or "not given"),
        ("Date", local(h.started_at, "%Y-%m-%d")),
        ("Start", local(h.started_at, "%H:%M:%S")),
        ("End", end),
        ("Duration", duration_text(h.duration_s)),
        ("Session", str(h.session_id)),
    ]


def title(report: Report) -> str:
    job = report.header.job_id
    return f"Job report {job}" if job else f"Job report, session {report.header.session_id}"


# Text from the session (the model's words, notes, tool output, the job's fields) is data,
# never markup: raw HTML must not pass to the viewer and `|` must not split a table row.
_MD_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", "|": "\\|"})


def _md_escape(text: str) -> str:
    return text.strip().translate(_MD_ESCAPES).replace("\n", "  \n")


def _md_cell(text: str) -> str:
    """A table cell is one line: its line breaks become the table's own <br>."""
    return "<br>".join(line.strip().translate(_MD_ESCAPES) for line in text.strip().splitlines())


def _short(value: Any, limit: int = 200) -> str:
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False, default=str)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def to_markdown(report: Report, images: str = "images") -> str:
    """The report as Markdown; pictures linked as `<images>/snapshot-<n>.<ext>`."""
    heading = " ".join(title(report).split()).translate(_MD_ESCAPES)  # one line, no markup
    out = [f"# {heading}", "", "| | |", "|---|---|"]
    out += [f"| **{label}** | {_md_cell(value)} |" for label, value in header_rows(report)]
    out += ["", "## Summary", ""]
    s = report.summary
    if s is None:
        out += [f"*{MISSING_SUMMARY}*", ""]
    else:
        out += [f"**Fault found:** {_md_escape(s.fault_found)}", ""]
        out += [f"**Work done:** {_md_escape(s.work_done)}", ""]
        out += ["**Parts used:**", ""] + (
            [f"- {_md_escape(p)}" for p in s.parts_used] or ["- none"]
        )
        out += ["", "**Follow-ups:**", ""] + (
            [f"- {_md_escape(f)}" for f in s.follow_ups] or ["- none"]
        )
        out += [
            "",
            f"*Written by {_md_escape(s.model or 'the model')} from the session's record.*",
            "",
        ]
    out += ["## Steps", ""]
    out += [
        f"{n}. {local(step.at, '%H:%M:%S')} {_md_escape(step.text)}"
        for n, step in enumerate(report.steps, start=1)
    ] or ["No steps were recorded."]
    out += ["", "## Snapshots", ""]
    for picture in report.pictures:
        caption = _md_escape(picture.caption or f"Snapshot {picture.number}")
        out += [
            f"![{caption}]({images}/{picture_name(picture)})",
            "",
            f"*{picture.number}. {local(picture.at, '%H:%M:%S')}: {caption}*",
            "",
        ]
    if not report.pictures:
        out += ["No snapshots were taken.", ""]
    out += ["## Work notes", ""]
    out += [f"- {local(n.at, '%H:%M:%S')} {_md_escape(n.text)}" for n in report.notes] or [
        "No work notes were logged."
    ]
    out += ["", "## Tool actions", ""]
    for t in report.tools:
        result = "" if t.result is None else f" → {_md_escape(_short(t.result))}"
        name = " ".join(t.name.replace("`", "'").split())  # a code span shows HTML as text
        call = f"`{name}`({_md_escape(_short(t.args))})"
        out.append(f"- {local(t.at, '%H:%M:%S')} {call}: {_md_escape(t.status)}{result}")
    if not report.tools:
        out.append("No tools were used.")
    out += ["", "## Appendix: transcript", ""]
    for line in report.transcript:
        mark = " *(interrupted)*" if line.interrupted else ""
        out += [
            f"**{local(line.at, '%H:%M:%S')} {line.speaker}:** {_md_escape(line.text)}{mark}",
            "",
        ]
    if not report.transcript:
        out += ["The session has no transcript.", ""]
    return "\n".join(out).rstrip() + "\n"


def to_json(report: Report, images: str = "images") -> dict[str, Any]:
    """The report in the versioned schema of docs/REPORT.md."""
    h = report.header
    s = report.summary
    return {
        "format": REPORT_FORMAT,
        "version": REPORT_VERSION,
        "header": {
            "session_id": h.session_id,
            "job_id": h.job_id,
            "site": h.site,
            "equipment": h.equipment,
            "technician": h.technician,
            "date": local(h.started_at, "%Y-%m-%d"),
            "started_at": iso(h.started_at),
            "ended_at": iso(h.ended_at),
            "duration_s": None if h.duration_s is None else round(h.duration_s, 3),
        },
        "summary": None
        if s is None
        else {
            "fault_found": s.fault_found,
            "work_done": s.work_done,
            "parts_used": list(s.parts_used),
            "follow_ups": list(s.follow_ups),
            "model": s.model,
            "made_at": iso(s.made_at) if s.made_at else None,
        },
        "summary_missing": s is None,
        "steps": [{"at": iso(st.at), "kind": st.kind, "text": st.text} for st in report.steps],
        "snapshots": [
            {
                "number": p.number,
                "at": iso(p.at),
                "caption": p.caption,
                "mime": p.mime,
                "bytes": len(p.data),
                "file": f"{images}/{picture_name(p)}",
            }
            for p in report.pictures
        ],
        "notes": [{"at": iso(n.at), "text": n.text} for n in report.notes],
        "tool_actions": [
            {
                "at": iso(t.at),
                "name": t.name,
                "args": t.args,
                "status": t.status,
                "result": t.result,
            }
            for t in report.tools
        ],
        "transcript": [
            {
                "at": iso(ln.at),
                "speaker": ln.speaker,
                "text": ln.text,
                "interrupted": ln.interrupted,
            }
            for ln in report.transcript
        ],
    }


def write_pictures(report: Report, folder: Path) -> None:
    """The folder holds this report's pictures only: what an earlier write left is removed
    (only our own `snapshot-*` files, never anything the user put there)."""
    if folder.is_dir() and not folder.is_symlink():
        for old in folder.glob("snapshot-*"):
            if old.is_file() or old.is_symlink():
                old.unlink()
        if not report.pictures and not any(folder.iterdir()):
            folder.rmdir()
    if not report.pictures:
        return
    folder.mkdir(parents=True, exist_ok=True)
    for picture in report.pictures:
        (folder / picture_name(picture)).write_bytes(picture.data)


def write_text_report(report: Report, fmt: str, path: Path) -> Path:
    """Write the Markdown or JSON report (and its pictures) to `path`; returns `path`.
    Written to a temporary name first, so a half-written report never carries the name."""
    images = image_dir_name(path)
    if fmt == "md":
        text = to_markdown(report, images)
    elif fmt == "json":
        text = json.dumps(to_json(report, images), indent=2, ensure_ascii=False, default=str)
    else:
        raise ValueError(f"not a text format: {fmt!r}")
    path.parent.mkdir(parents=True, exist_ok=True)
    write_pictures(report, path.parent / images)
    partial = path.with_name(path.name + ".partial")
    partial.write_text(text, encoding="utf-8")
    partial.replace(path)
    return path
