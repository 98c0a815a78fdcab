"""What the app tells the UI beyond the session core's UI events, and the inspector's view
of a message."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass

from desktop.infra.i18n_marks import QT_TRANSLATE_NOOP
from desktop.session import events as ev

SIMULATOR_BANNER = QT_TRANSLATE_NOOP(
    "Notices", "Offline simulator: add a Gemini API key in Settings to talk to Gemini"
)


@dataclass(frozen=True)
class VideoStatus:
    """The capture worker's state, for the preview pane's overlay."""

    state: str
    message: str = ""


@dataclass(frozen=True)
class AudioLevels:
    """Meter readings, 0..1 linear (rms and peak), for the status bar."""

    input_rms: float
    input_peak: float
    output_rms: float
    output_peak: float


@dataclass(frozen=True)
class Speaking:
    """Local voice activity after echo cancellation: the "you are speaking" light."""

    speaking: bool


@dataclass(frozen=True)
class HistoryNotice:
    """The history database changed state: "unavailable" (held in memory, retried),
    "recovered" (saved again), "damaged" (moved aside, a new one started) or "overflow" (the
    memory held for it is full). `text` is for the window as it is."""

    state: str
    text: str


JOB_FIELDS = ("job_id", "site", "equipment")  # keys in a session's meta (the job report)


@dataclass(frozen=True)
class JobDetails:
    """The job the session is for, as it now stands (typed, or told to the model)."""

    job_id: str = ""
    site: str = ""
    equipment: str = ""


AppEvent = ev.UiEvent | VideoStatus | AudioLevels | Speaking | HistoryNotice | JobDetails
UiCallback = Callable[[AppEvent], None]
# The user's answer to "may this tool run?": "deny", "once", or "session" (don't ask again).
ConfirmTool = Callable[[str, Mapping[str, object]], Awaitable[str]]


def describe_message(message: object) -> tuple[str, int, str]:
    """(type, size in bytes, one-line summary) for the inspector; audio is summarised."""
    kind = type(message).__name__
    match message:
        case ev.SendAudio(pcm=pcm):
            return kind, len(pcm), f"audio {len(pcm):,} B ({len(pcm) * 1000 // 32000} ms)"
        case ev.ModelAudio(pcm=pcm, rate=rate):
            return kind, len(pcm), f"audio {len(pcm):,} B ({len(pcm) * 500 // rate} ms)"
        case ev.SendVideo(jpeg=jpeg):
            return kind, len(jpeg), f"JPEG {len(jpeg):,} B"
        case (
            ev.SendText(text=text) | ev.InputTranscript(text=text) | ev.OutputTranscript(text=text)
        ):
            return kind, len(text.encode()), text[:120]
        case ev.LinkClosed(kind=close_kind, code=code, message=reason):
            return kind, 0, f"{close_kind.value} {code or ''} {reason}".strip()
    text = repr(message)
    return kind, len(text), text[:120]
