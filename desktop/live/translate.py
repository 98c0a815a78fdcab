"""One LiveServerMessage -> session events, every field, in the fixed order of ARCHITECTURE.md.

interrupted -> model audio/text -> input/output transcription -> generationComplete ->
turnComplete -> toolCall -> toolCallCancellation -> sessionResumptionUpdate -> usage -> goAway.
Fields are not exclusive: one message may carry audio, a transcript and turnComplete at once.
"""

from __future__ import annotations

import re

from google.genai import types

from desktop.session.events import (
    GenerationComplete,
    GoAway,
    InputTranscript,
    Interrupted,
    ModelAudio,
    ModelText,
    OutputTranscript,
    ResumptionUpdate,
    ServerEvent,
    ToolCallCancelled,
    ToolCallItem,
    ToolCallRequested,
    TurnComplete,
    UsageReport,
)

_RATE = re.compile(r"rate=(\d+)")
_DURATION = re.compile(r"^\s*(-?\d+(?:\.\d+)?)s\s*$")


def parse_duration(text: str | None) -> float:
    """google.protobuf.Duration JSON ("50s", "1.5s") -> seconds; unknown forms -> 0."""
    if not text:
        return 0.0
    m = _DURATION.match(text)
    return float(m.group(1)) if m else 0.0


def _audio_rate(mime: str | None) -> int:
    m = _RATE.search(mime or "")
    return int(m.group(1)) if m else 24000


def _model_turn(content: types.Content | None) -> list[ServerEvent]:
    out: list[ServerEvent] = []
    for part in (content.parts if content else None) or []:
        blob = part.inline_data
        if blob is not None and blob.data and (blob.mime_type or "").startswith("audio/"):
            out.append(ModelAudio(pcm=blob.data, rate=_audio_rate(blob.mime_type)))
        if part.text and not part.thought:
            out.append(ModelText(text=part.text))
    return out


def _transcript(tr: types.Transcription | None) -> tuple[str, bool] | None:
    if tr is None or (not tr.text and not tr.finished):
        return None
    return tr.text or "", bool(tr.finished)


def _server_content(sc: types.LiveServerContent) -> list[ServerEvent]:
    out: list[ServerEvent] = []
    if sc.interrupted:
        out.append(Interrupted())
    out.extend(_model_turn(sc.model_turn))
    if (t := _transcript(sc.input_transcription)) is not None:
        out.append(InputTranscript(text=t[0], finished=t[1]))
    if (t := _transcript(sc.output_transcription)) is not None:
        out.append(OutputTranscript(text=t[0], finished=t[1]))
    if sc.generation_complete:
        out.append(GenerationComplete())
    if sc.turn_complete:
        reason = sc.turn_complete_reason
        out.append(TurnComplete(reason=reason.value if reason is not None else None))
    return out


def translate(msg: types.LiveServerMessage) -> list[ServerEvent]:
    out: list[ServerEvent] = []
    if msg.server_content is not None:
        out.extend(_server_content(msg.server_content))
    if msg.tool_call is not None and msg.tool_call.function_calls:
        calls = tuple(
            ToolCallItem(id=fc.id or "", name=fc.name or "", args=dict(fc.args or {}))
            for fc in msg.tool_call.function_calls
        )
        out.append(ToolCallRequested(calls=calls))
    if msg.tool_call_cancellation is not None and msg.tool_call_cancellation.ids:
        out.append(ToolCallCancelled(ids=tuple(msg.tool_call_cancellation.ids)))
    if (upd := msg.session_resumption_update) is not None:
        out.append(ResumptionUpdate(handle=upd.new_handle or None, resumable=bool(upd.resumable)))
    if (usage := msg.usage_metadata) is not None:
        out.append(
            UsageReport(
                prompt_tokens=usage.prompt_token_count,
                response_tokens=usage.response_token_count,
                total_tokens=usage.total_token_count,
            )
        )
    if msg.go_away is not None:
        out.append(GoAway(time_left_s=parse_duration(msg.go_away.time_left)))
    return out
