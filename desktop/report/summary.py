"""The report's summary: one `generate_content` call with a text model on the session's record.

Why not a text request over the Live session before it closes: the Live models answer in
audio (native-audio models give text only as a transcription), the request would hold the
technician at the end of every session and bill the whole Live context again, and a session
from the History window has no Live session left at all. A separate request with a small text
model works for any session, later, from the record alone, and costs a few cents of text
tokens. The model is a setting (`summary_model`, "" = SUMMARY_MODELS' choice for the backend).

The simulator backend answers through `desktop.sim.rest.SimRest`, started for the call, so
the whole path runs offline in tests. Every failure leaves here as SummaryError: the report is
then made without the summary and says so.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from desktop.report.model import Report, Summary, local

SUMMARY_MODELS = {
    "gemini": "gemini-2.5-flash",
    "vertex": "gemini-2.5-flash",
    "simulator": "gemini-2.5-flash",
}
# A flash model answers in seconds; a server that accepts and stays silent must not hold the
# report (or the window's Report action) for ever.
SUMMARY_TIMEOUT_S = 60.0
MAX_TRANSCRIPT_CHARS = 200_000  # far inside a flash model's context; a day-long session fits
SUMMARY_SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {
        "fault_found": {"type": "string"},
        "work_done": {"type": "string"},
        "parts_used": {"type": "array", "items": {"type": "string"}},
        "follow_ups": {"type": "array", "items": {"type": "string"}},
    },
    "required": ["fault_found", "work_done", "parts_used", "follow_ups"],
}
INSTRUCTION = (
    "You write the summary of a field service job for the technician's report, from the "
    "record of their session with a voice assistant. Use only what the record says; write "
    "'not stated' rather than guess. fault_found: what was wrong. work_done: what the "
    "technician did, in order, in two to five sentences. parts_used: each part fitted or "
    "consumed, with its number when said. follow_ups: what is still open or must be checked."
)


class SummaryError(Exception):
    """No summary could be written; the message says why in plain words."""


@dataclass(frozen=True)
class SummaryTarget:
    """Where the summary request goes. `api_key` is never logged or shown."""

    backend: str  # "gemini" | "vertex" | "simulator"
    model: str = ""  # "" = SUMMARY_MODELS[backend]
    api_key: str | None = None
    project: str | None = None
    location: str | None = None
    endpoint: str | None = None
    ca_file: str | None = None
    timeout_s: float = SUMMARY_TIMEOUT_S  # the longest wait: to connect, or for the answer

    @property
    def model_name(self) -> str:
        return self.model or SUMMARY_MODELS.get(self.backend, SUMMARY_MODELS["gemini"])


def prompt_for(report: Report) -> str:
    """The session's record as the request's text: header, notes, tool actions, transcript."""
    h = report.header
    lines = [
        f"Job: {h.job_id or 'not given'}; site: {h.site or 'not given'}; "
        f"equipment: {h.equipment or 'not given'}.",
        "",
        "WORK NOTES:",
    ]
    lines += [f"- note: {n.text}" for n in report.notes] or ["(none)"]
    lines += ["", "TOOL ACTIONS:"]
    lines += [
        f"- {t.name} {json.dumps(t.args, ensure_ascii=False, default=str)}: {t.status}"
        for t in report.tools
    ] or ["(none)"]
    lines += ["", "SNAPSHOTS:"]
    lines += [f"- {p.caption or 'no caption'}" for p in report.pictures] or ["(none)"]
    lines += ["", "TRANSCRIPT:"]
    for line in report.transcript:
        cut = " (interrupted)" if line.interrupted else ""
        lines.append(f"[{local(line.at, '%H:%M:%S')}] {line.speaker}: {line.text.strip()}{cut}")
    text = "\n".join(lines)
    # The end of a long session holds the outcome: keep it, cut from the start of the talk.
    return text if len(text) <= MAX_TRANSCRIPT_CHARS else text[-MAX_TRANSCRIPT_CHARS:]


def parse_summary(text: str, model: str, now: Callable[[], float] = time.time) -> Summary:
    try:
        doc = json.loads(text)
        return Summary(
            fault_found=str(doc["fault_found"]).strip(),
            work_done=str(doc["work_done"]).strip(),
            parts_used=tuple(str(p).strip() for p in doc.get("parts_used") or () if str(p).strip()),
            follow_ups=tuple(str(f).strip() for f in doc.get("follow_ups") or () if str(f).strip()),
            model=model,
            made_at=now(),
        )
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise SummaryError(f"The model's summary was not in the expected form ({exc}).") from exc


def summarize(report: Report, target: SummaryTarget) -> Summary:
    """Ask the model for the summary (blocking: call it off the UI thread)."""
    if target.backend == "simulator" and not target.endpoint:
        from desktop.sim.rest import SimRest

        with SimRest() as sim:
            return _ask(report, target, sim.url, sim.client_ssl_context())
    return _ask(report, target, target.endpoint, None)


def _timeout_errors() -> tuple[type[BaseException], ...]:
    """The transport's timeout classes: the SDK runs on httpx2 or httpx, whichever is there."""
    import importlib

    found: list[type[BaseException]] = [TimeoutError]
    for name in ("httpx2", "httpx"):
        try:
            found.append(importlib.import_module(name).TimeoutException)
        except (ImportError, AttributeError):
            continue
    return tuple(found)


def _ask(report: Report, target: SummaryTarget, endpoint: str | None, ssl_ctx: Any) -> Summary:
    from google.genai import errors, types

    from desktop.live.config import build_client
    from desktop.live.errors import LinkError
    from desktop.live.options import LiveOptions

    options = LiveOptions(
        backend=target.backend,  # type: ignore[arg-type]  # checked by the settings table
        api_key=target.api_key,
        project=target.project,
        location=target.location,
        endpoint=endpoint,
        ca_file=target.ca_file,
        ssl_context=ssl_ctx,
    )
    config = types.GenerateContentConfig(
        system_instruction=INSTRUCTION,
        response_mime_type="application/json",
        response_json_schema=SUMMARY_SCHEMA,
        temperature=0.2,
        # Without a bound a server that accepts and never answers holds the report (and the
        # window's Report action) forever. The SDK takes milliseconds and merges this with
        # the client's options, so the endpoint and TLS settings stay.
        http_options=types.HttpOptions(timeout=max(1, round(target.timeout_s * 1000))),
    )
    try:
        client = build_client(options)
        reply = client.models.generate_content(
            model=target.model_name, contents=prompt_for(report), config=config
        )
    except LinkError as exc:
        raise SummaryError(str(exc)) from exc
    except errors.APIError as exc:
        raise SummaryError(f"The service refused the summary request: {exc.message}") from exc
    except _timeout_errors() as exc:
        raise SummaryError(
            f"The summary service did not answer within {target.timeout_s:g} s."
        ) from exc
    except (OSError, ValueError) as exc:  # no network, TLS, a proxy refusing
        raise SummaryError(f"The summary service could not be reached ({exc}).") from exc
    except Exception as exc:  # httpx's transport errors are not OSErrors
        raise SummaryError(f"The summary request failed ({type(exc).__name__}: {exc}).") from exc
    if not reply.text:
        raise SummaryError("The model returned no summary.")
    return parse_summary(reply.text, target.model_name)
