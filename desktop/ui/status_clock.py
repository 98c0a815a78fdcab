"""The status bar's clocks and token counts, as plain logic the controller feeds.

- Connection time left: from the goAway's `timeLeft`, counted down on the window's clock;
  forgotten when a connection opens (fresh after each handover) or a usage report says no
  goAway is pending.
- Session time left: only with context compression off, where the service ends a session
  when its context window fills: about 15 minutes with audio only, about 2 minutes with
  audio and video (Google's Live API session-management documentation). Counted from the
  session's start; the shorter limit applies while video is being sent.
- Tokens: the session's total (the sum of the per-turn reports) and the last turn's, with a
  tooltip that breaks both down by modality.
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop.session import events as ev
from desktop.ui.i18n import translate

AUDIO_ONLY_LIMIT_S = 15 * 60.0
AUDIO_VIDEO_LIMIT_S = 2 * 60.0


def format_left(seconds: float) -> str:
    whole = max(0, int(seconds + 0.999))  # 0.2 s left still shows 0:01, never a negative
    return f"{whole // 60:d}:{whole % 60:02d}"


@dataclass
class StatusClock:
    connection_deadline: float | None = None  # monotonic time the connection ends
    session_started: float | None = None

    def start_session(self, now: float) -> None:
        self.session_started = now
        self.connection_deadline = None

    def stop_session(self) -> None:
        self.session_started = None
        self.connection_deadline = None

    def on_usage(self, event: ev.UsageChanged, now: float) -> None:
        self.connection_deadline = None if event.time_left_s is None else now + event.time_left_s

    def on_connection_opened(self) -> None:
        self.connection_deadline = None

    def session_limit_s(self, *, compression: bool, video: bool) -> float | None:
        if compression:
            return None  # the service keeps the context within its window: no session limit
        return AUDIO_VIDEO_LIMIT_S if video else AUDIO_ONLY_LIMIT_S

    def text(self, now: float, *, compression: bool, video: bool) -> tuple[str, str]:
        """(label text, tooltip) for the time-left label; ("", "") when nothing counts down."""
        parts: list[str] = []
        tips: list[str] = []
        if self.connection_deadline is not None:
            parts.append(
                translate("StatusClock", "connection {time}").format(
                    time=format_left(self.connection_deadline - now)
                )
            )
            tips.append(
                translate(
                    "StatusClock",
                    "The service asked to end this connection (goAway); the program hands over "
                    "to a new one before then, and the session goes on.",
                )
            )
        limit = self.session_limit_s(compression=compression, video=video)
        if limit is not None and self.session_started is not None:
            parts.append(
                translate("StatusClock", "session {time}").format(
                    time=format_left(self.session_started + limit - now)
                )
            )
            kind = (
                translate("StatusClock", "audio and video")
                if video
                else translate("StatusClock", "audio only")
            )
            tips.append(
                translate(
                    "StatusClock",
                    "Context compression is off: a session with {kind} ends after about "
                    "{minutes} min. Turn compression on in Settings for longer sessions.",
                ).format(kind=kind, minutes=f"{limit / 60:.0f}")
            )
        if not parts:
            return "", ""
        return translate("StatusClock", "{countdowns} left").format(
            countdowns=" · ".join(parts)
        ), "\n".join(tips)


def _counts(counts: ev.ModalityCounts) -> str:
    return ", ".join(f"{modality.lower()} {count:,}" for modality, count in counts)


def usage_text(event: ev.UsageChanged) -> tuple[str, str]:
    """(label text, tooltip) for the token label."""
    last = event.last_turn
    text = translate("StatusClock", "{count} tokens").format(count=f"{event.total_tokens:,}")
    if last is not None and last.total_tokens is not None:
        text += translate("StatusClock", " (last turn {count})").format(
            count=f"{last.total_tokens:,}"
        )
    tips = [
        translate("StatusClock", "This session: {count} tokens").format(
            count=f"{event.total_tokens:,}"
        )
    ]
    by_side: dict[str, list[tuple[str, int]]] = {}
    for key, count in event.by_modality:
        side, _, modality = key.partition(" ")
        by_side.setdefault(side, []).append((modality, count))
    for side in ("prompt", "response"):
        if side in by_side:
            tips.append(f"  {side}: {_counts(tuple(by_side[side]))}")
    if last is not None:
        tips.append(
            translate("StatusClock", "Last turn: {count} tokens").format(
                count=f"{last.total_tokens or 0:,}"
            )
        )
        for side, counts, total in (
            ("prompt", last.prompt_by_modality, last.prompt_tokens),
            ("response", last.response_by_modality, last.response_tokens),
        ):
            if counts:
                tips.append(f"  {side}: {_counts(counts)}")
            elif total is not None:
                tips.append(f"  {side}: {total:,}")
    return text, "\n".join(tips)
