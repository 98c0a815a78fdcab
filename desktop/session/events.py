"""Messages into and out of the session core.

Everything the core learns arrives as one of the *events* below; everything it wants done
leaves as a *command*. The live adapter turns each server message into events in the fixed
order of ARCHITECTURE.md; the app driver feeds them in and executes the commands.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

# ---------------------------------------------------------------------------
# Server message fields, translated by desktop.live (one event per field, fixed order).
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Interrupted:
    """The server stopped the model's reply because the user spoke over it."""


@dataclass(frozen=True)
class ModelAudio:
    pcm: bytes  # s16le mono
    rate: int = 24000


@dataclass(frozen=True)
class ModelText:
    text: str


@dataclass(frozen=True)
class InputTranscript:
    """A piece of what the server heard the user say (arrives late and in pieces)."""

    text: str
    finished: bool = False


@dataclass(frozen=True)
class OutputTranscript:
    """A piece of what the model is saying."""

    text: str
    finished: bool = False


@dataclass(frozen=True)
class GenerationComplete:
    pass


@dataclass(frozen=True)
class TurnComplete:
    reason: str | None = None


@dataclass(frozen=True)
class ToolCallItem:
    id: str
    name: str
    args: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class ToolCallRequested:
    calls: tuple[ToolCallItem, ...]


@dataclass(frozen=True)
class ToolCallCancelled:
    ids: tuple[str, ...]


@dataclass(frozen=True)
class ResumptionUpdate:
    handle: str | None
    resumable: bool


# Token counts by modality, as the service names them: (("AUDIO", 320), ("TEXT", 12)).
ModalityCounts = tuple[tuple[str, int], ...]


@dataclass(frozen=True)
class UsageReport:
    """One usageMetadata: the Live API reports it per turn (the prompt counts the whole
    context again each turn), so a session's total is the sum of the reports."""

    prompt_tokens: int | None = None
    response_tokens: int | None = None
    total_tokens: int | None = None
    prompt_by_modality: ModalityCounts = ()
    response_by_modality: ModalityCounts = ()


@dataclass(frozen=True)
class GoAway:
    time_left_s: float


ServerEvent = (
    Interrupted
    | ModelAudio
    | ModelText
    | InputTranscript
    | OutputTranscript
    | GenerationComplete
    | TurnComplete
    | ToolCallRequested
    | ToolCallCancelled
    | ResumptionUpdate
    | UsageReport
    | GoAway
)

# ---------------------------------------------------------------------------
# The link: connection opened / lost, with the error already classified by the adapter.
# ---------------------------------------------------------------------------


class CloseKind(enum.Enum):
    """What a closed connection means for the next step."""

    REQUESTED = "requested"  # we closed it (stop, or handover after goAway)
    TRANSIENT = "transient"  # network drop, 1011, timeouts: reconnect with backoff
    PROTOCOL = "protocol"  # malformed server frame: log, reconnect
    RESUME_REJECTED = "resume_rejected"  # handle refused/expired: reconnect fresh and re-seed
    FATAL_ARGUMENT = "fatal_argument"  # 1007: replaying the request cannot help
    FATAL_POLICY = "fatal_policy"  # 1008
    FATAL_AUTH = "fatal_auth"  # bad key, 401/403
    FATAL_MODEL = "fatal_model"  # unknown model / not served in this region

    @property
    def fatal(self) -> bool:
        return self.value.startswith("fatal_")


@dataclass(frozen=True)
class LinkOpened:
    resumed: bool = False


@dataclass(frozen=True)
class LinkClosed:
    kind: CloseKind
    code: int | None = None
    message: str = ""


# ---------------------------------------------------------------------------
# What the user and the devices feed in.
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class StartRequested:
    pass


@dataclass(frozen=True)
class StopRequested:
    pass


@dataclass(frozen=True)
class MicAudio:
    pcm: bytes  # 16 kHz s16le mono, 20-40 ms


@dataclass(frozen=True)
class MicMuted:
    muted: bool


@dataclass(frozen=True)
class TalkKey:
    """Push-to-talk: the key went down (the user starts a turn) or up (the turn ends)."""

    pressed: bool


@dataclass(frozen=True)
class VideoFrame:
    jpeg: bytes


@dataclass(frozen=True)
class UserText:
    text: str


@dataclass(frozen=True)
class SnapshotTaken:
    """A full-resolution still the user (or a tool) took: sent once, noted in the transcript."""

    jpeg: bytes
    name: str
    caption: str = ""  # what the picture shows (the model's take_snapshot tool); "" = none


@dataclass(frozen=True)
class AppNote:
    """Something the app wants in the transcript (a work note, a timer); optionally told to
    the model as text so it can speak up ("the epoxy timer has finished")."""

    text: str
    tell_model: str | None = None


@dataclass(frozen=True)
class PlaybackCut:
    """The speaker's answer to `MeasurePlayback`: how much of the interrupted reply was
    still unplayed when it was cleared (seconds; 0 without a speaker)."""

    unplayed_s: float


@dataclass(frozen=True)
class TalkModeChanged:
    """Push-to-talk switched on or off (the settings): turns are marked by the talk key, or
    by the server's voice activity detection. The connection's setup says which."""

    push_to_talk: bool


@dataclass(frozen=True)
class PlaybackIdle:
    """The speaker has played out everything the model sent (ring buffer empty)."""


@dataclass(frozen=True)
class ToolResult:
    id: str
    name: str
    response: Mapping[str, Any]  # {"output": ...} or {"error": "..."}

    @property
    def is_error(self) -> bool:
        return "error" in self.response


@dataclass(frozen=True)
class ToolResultsSent:
    """The driver wrote these tool answers to the link (fed back after `SendToolResults`).

    Until then the core counts the calls as still in flight: a goAway handover waits for it,
    so an answer is never closed away with the old link."""

    ids: tuple[str, ...]


@dataclass(frozen=True)
class Tick:
    """Time passes; the core has no clock of its own (seconds, monotonic)."""

    now: float


InputEvent = (
    StartRequested
    | StopRequested
    | MicAudio
    | MicMuted
    | TalkKey
    | VideoFrame
    | SnapshotTaken
    | AppNote
    | PlaybackCut
    | TalkModeChanged
    | UserText
    | PlaybackIdle
    | ToolResult
    | ToolResultsSent
    | Tick
    | LinkOpened
    | LinkClosed
)

Event = ServerEvent | InputEvent

# ---------------------------------------------------------------------------
# Commands out of the core, executed by the app driver.
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class HistoryTurn:
    role: str  # "user" or "model"
    text: str


@dataclass(frozen=True)
class OpenLink:
    """Open a new connection after `delay_s` (the driver sleeps: the core has no clock)."""

    resume_handle: str | None = None
    history: tuple[HistoryTurn, ...] = ()  # re-seeded when no handle can be used
    delay_s: float = 0.0


@dataclass(frozen=True)
class CloseLink:
    pass


@dataclass(frozen=True)
class SendAudio:
    pcm: bytes


@dataclass(frozen=True)
class SendAudioStreamEnd:
    pass


@dataclass(frozen=True)
class SendActivityStart:
    pass


@dataclass(frozen=True)
class SendActivityEnd:
    pass


@dataclass(frozen=True)
class SendVideo:
    jpeg: bytes


@dataclass(frozen=True)
class SendText:
    text: str


@dataclass(frozen=True)
class SendToolResults:
    results: tuple[ToolResult, ...]


@dataclass(frozen=True)
class PlayAudio:
    pcm: bytes
    generation: int
    rate: int = 24000


@dataclass(frozen=True)
class ClearPlayback:
    """Drop everything buffered for the speaker at once; chunks of older generations are stale."""

    generation: int


@dataclass(frozen=True)
class MeasurePlayback:
    """Asked on `Interrupted`, before the speaker is cleared: the audio side answers with
    `PlaybackCut` (how much of the reply was never heard)."""


@dataclass(frozen=True)
class RunTool:
    call: ToolCallItem


@dataclass(frozen=True)
class CancelTool:
    id: str


Command = (
    OpenLink
    | CloseLink
    | SendAudio
    | SendAudioStreamEnd
    | SendActivityStart
    | SendActivityEnd
    | SendVideo
    | SendText
    | SendToolResults
    | PlayAudio
    | MeasurePlayback
    | ClearPlayback
    | RunTool
    | CancelTool
)

# ---------------------------------------------------------------------------
# What the UI is told.
# ---------------------------------------------------------------------------


class NoticeLevel(enum.Enum):
    INFO = "info"
    WARNING = "warning"
    ERROR = "error"


@dataclass(frozen=True)
class LinkStatusChanged:
    state: str  # a LinkState value
    detail: str = ""


@dataclass(frozen=True)
class TranscriptChanged:
    """A turn was created or grew. `index` identifies the turn in the transcript."""

    index: int
    role: str  # "user" | "model" | "note"
    text: str
    final: bool
    interrupted: bool = False


@dataclass(frozen=True)
class Notice:
    text: str
    level: NoticeLevel = NoticeLevel.INFO


@dataclass(frozen=True)
class UsageChanged:
    """total_tokens: the session's sum of per-turn totals; time_left_s: the connection's
    time left from the last goAway, None while no goAway is pending (a new connection)."""

    total_tokens: int
    time_left_s: float | None = None
    last_turn: UsageReport | None = None
    # The session's tokens by direction and modality: (("prompt AUDIO", 900), ...).
    by_modality: ModalityCounts = ()


UiEvent = LinkStatusChanged | TranscriptChanged | Notice | UsageChanged
