"""One LiveServerMessage -> session events, every field, in the fixed order of ARCHITECTURE.md.

interrupted -> model audio/text -> input/output transcription -> generationComplete ->
turnComplete -> toolCall -> toolCallCancellation -> sessionResumptionUpdate -> usage -> goAway.
Fields are not exclusive: one message may carry audio, a transcript and turnComplete at once.

Model audio is checked at this edge: only `audio/pcm` with a plausible rate becomes
`ModelAudio`. A part with an impossible mimeType (rate 0, negative, not a number, absurd, or a
codec we do not decode) is dropped: playing it as PCM would be noise at best, and a zero rate
used to raise in the core (a division by the rate) and kill the receive task. The `Translator`
of a link logs one warning per kind of bad mimeType, not one per chunk.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field

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

log = logging.getLogger(__name__)

DEFAULT_AUDIO_RATE = 24000  # what the service sends, and what `audio/pcm` without a rate means
MIN_AUDIO_RATE = 8000
MAX_AUDIO_RATE = 192000
MAX_WARNED_FORMATS = 8  # a server inventing a new mimeType per chunk still gets a few lines
PCM_TYPES = frozenset({"audio/pcm", "audio/l16"})  # signed 16-bit little-endian, mono
_DURATION = re.compile(r"^\s*(-?\d+(?:\.\d+)?)s\s*$")


def parse_duration(text: str | None) -> float:
    """google.protobuf.Duration JSON ("50s", "1.5s") -> seconds; unknown forms -> 0."""
    if not text:
        return 0.0
    m = _DURATION.match(text)
    return float(m.group(1)) if m else 0.0


class BadAudioFormat(ValueError):
    """A model audio part this app cannot play; the message says why."""


def audio_rate(mime: str | None) -> int:
    """The sample rate of a playable model audio mimeType; raises BadAudioFormat otherwise.

    `audio/pcm;rate=24000` -> 24000; `audio/pcm` -> 24000. Parameters are `;`-separated
    `key=value` pairs (RFC 2045), case-insensitive keys, optional quotes and spaces.
    """
    base, *params = (mime or "").split(";")
    if base.strip().lower() not in PCM_TYPES:
        raise BadAudioFormat(f"not PCM audio: {mime!r}")
    rate_text: str | None = None
    for param in params:
        key, sep, value = param.partition("=")
        if sep and key.strip().lower() == "rate":
            rate_text = value.strip().strip('"')
    if rate_text is None:
        return DEFAULT_AUDIO_RATE
    if not rate_text.isascii() or not rate_text.isdigit():
        raise BadAudioFormat(f"rate is not a whole number: {mime!r}")
    rate = int(rate_text)
    if not MIN_AUDIO_RATE <= rate <= MAX_AUDIO_RATE:
        raise BadAudioFormat(f"rate out of range ({MIN_AUDIO_RATE}-{MAX_AUDIO_RATE} Hz): {mime!r}")
    return rate


@dataclass
class Translator:
    """Translation for one connection: remembers which bad audio formats it has warned about."""

    warned: set[str] = field(default_factory=set)
    dropped_audio_parts: int = 0

    def translate(self, msg: types.LiveServerMessage) -> list[ServerEvent]:
        out: list[ServerEvent] = []
        if msg.server_content is not None:
            out.extend(self._server_content(msg.server_content))
        out.extend(_other_fields(msg))
        return out

    def _server_content(self, sc: types.LiveServerContent) -> list[ServerEvent]:
        out: list[ServerEvent] = []
        if sc.interrupted:
            out.append(Interrupted())
        out.extend(self._model_turn(sc.model_turn))
        out.extend(_content_tail(sc))
        return out

    def _model_turn(self, content: types.Content | None) -> list[ServerEvent]:
        out: list[ServerEvent] = []
        for part in (content.parts if content else None) or []:
            blob = part.inline_data
            is_audio = blob is not None and (blob.mime_type or "").lower().startswith("audio/")
            if blob is not None and blob.data and is_audio:
                audio = self._audio(blob.data, blob.mime_type)
                if audio is not None:
                    out.append(audio)
            if part.text and not part.thought:
                out.append(ModelText(text=part.text))
        return out

    def _audio(self, pcm: bytes, mime: str | None) -> ModelAudio | None:
        try:
            return ModelAudio(pcm=pcm, rate=audio_rate(mime))
        except BadAudioFormat as exc:
            self.dropped_audio_parts += 1
            if str(mime) not in self.warned and len(self.warned) < MAX_WARNED_FORMATS:
                self.warned.add(str(mime))
                log.warning("Model audio dropped, this and later parts like it: %s", exc)
            return None


def _transcript(tr: types.Transcription | None) -> tuple[str, bool] | None:
    if tr is None or (not tr.text and not tr.finished):
        return None
    return tr.text or "", bool(tr.finished)


def _content_tail(sc: types.LiveServerContent) -> list[ServerEvent]:
    """The server content fields after the model's turn, in the fixed order."""
    out: list[ServerEvent] = []
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
    """One message with a fresh Translator (a link keeps one, to warn once per bad format)."""
    return Translator().translate(msg)


def _other_fields(msg: types.LiveServerMessage) -> list[ServerEvent]:
    out: list[ServerEvent] = []
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
                prompt_by_modality=_modality_counts(usage.prompt_tokens_details),
                response_by_modality=_modality_counts(usage.response_tokens_details),
            )
        )
    if msg.go_away is not None:
        out.append(GoAway(time_left_s=parse_duration(msg.go_away.time_left)))
    return out


def _modality_counts(details: list[types.ModalityTokenCount] | None) -> tuple[tuple[str, int], ...]:
    """usageMetadata's per-modality list as (("AUDIO", 320), ...); unnamed entries dropped."""
    return tuple(
        (str(getattr(d.modality, "value", d.modality)), int(d.token_count or 0))
        for d in details or ()
        if d.modality is not None
    )
