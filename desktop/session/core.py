"""The session core: events in, commands and UI events out. No sockets, no clock, no tasks.

Feed, then drain: the driver calls `feed(event)` for every input and then executes
`drain()` and shows `drain_ui()`. Time arrives as `Tick` events.
"""

from __future__ import annotations

import json
import random
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from desktop.session import events as ev
from desktop.session.states import (
    LINK_TABLE,
    TURN_TABLE,
    IllegalTransition,
    LinkInput,
    LinkState,
    TurnInput,
    TurnState,
)
from desktop.session.transcript import Transcript

MIC_BYTES_PER_SECOND = 16000 * 2


@dataclass(frozen=True)
class CorePolicy:
    mic_buffer_s: float = 3.0  # speech kept while reconnecting, then the oldest is dropped
    backoff_base_s: float = 0.5
    backoff_cap_s: float = 15.0
    stable_after_s: float = 30.0  # an open link this old resets the backoff counter
    handover_margin_s: float = 2.0  # hand over this long before the goAway deadline at the latest
    history_turns: int = 40
    pending_text_limit: int = 20
    mic_gap_s: float = 1.0  # no microphone audio this long: tell the server the stream paused
    push_to_talk: bool = False  # turns are marked by the talk key, not the server's VAD
    # After `interrupted`, output is the old reply's until its turnComplete; past this long,
    # output is taken as a new reply even without one (a server that never sends it).
    stale_after_interrupt_s: float = 2.0
    # Push-to-talk switched mid-session: the connection's setup must say how turns are marked
    # (a server with its own VAD refuses activityStart), so it is handed over to a new one at
    # the first quiet point, and within this long at the latest.
    talk_mode_handover_s: float = 10.0


LINK_IS_UP = (LinkState.OPEN, LinkState.DRAINING)
LINK_IS_COMING = (LinkState.CONNECTING, LinkState.RECONNECTING)

STATUS_TEXT = {
    LinkState.DISCONNECTED: "Not connected",
    LinkState.CONNECTING: "Connecting…",
    LinkState.OPEN: "Connected",
    LinkState.DRAINING: "Connected (rotating connection soon)",
    LinkState.RECONNECTING: "Reconnecting…",
    LinkState.CLOSED: "Session stopped",
    LinkState.FAILED: "Session failed",
}


class SessionCore:
    def __init__(self, policy: CorePolicy | None = None, rng: random.Random | None = None) -> None:
        self.policy = policy or CorePolicy()
        self._rng = rng or random.Random()
        self.link = LinkState.DISCONNECTED
        self.turn = TurnState.LISTENING
        self.transcript = Transcript()
        self.handle: str | None = None
        self.generation = 0
        self.playing = False
        self.muted = False
        self.pending_tools: dict[str, ev.ToolCallItem] = {}
        self._tool_started: dict[str, float] = {}
        self.now = 0.0
        self.deadline: float | None = None
        self.attempts = 0
        self.total_tokens = 0
        self.last_usage: ev.UsageReport | None = None
        self._tokens_by_modality: dict[str, int] = {}
        self._opened_at: float | None = None
        self._mic_buffer: deque[bytes] = deque()
        self._mic_buffered = 0
        self._mic_drop_noted = False
        # Text for the model not sent yet (reconnecting, or held behind pending tool calls):
        # (transcript index of a typed turn, or None for an app note told to the model, text).
        self._pending_texts: deque[tuple[int | None, str]] = deque()
        # Tool answers handed to the driver but not yet confirmed written (`ToolResultsSent`).
        self._unconfirmed: set[str] = set()
        # Something was sent that the model will answer (tool results, text): closing the link
        # before its reply starts would lose the reply, and the resumption handle predates it.
        self._awaiting_reply = False
        # The server said "not resumable now" (a reply or tool call in progress) after our last
        # handle: resuming with it would lose what happened since. A handover waits for the
        # next resumable handle (or the deadline).
        self._handle_behind = False
        self._reseeded = False
        self._last_mic_at: float | None = None
        self._mic_stream_ended = False
        self._talking = False
        self._interrupted_at = 0.0
        self._reply_audio_s = 0.0  # audio of the current reply handed to the speaker
        self._cut_reply_s = 0.0  # audio of the interrupted reply, until its PlaybackCut
        self._commands: list[ev.Command] = []
        self._ui: list[ev.UiEvent] = []
        self._handlers: dict[type[Any], Callable[[Any], None]] = {
            ev.StartRequested: self._on_start,
            ev.StopRequested: self._on_stop,
            ev.LinkOpened: self._on_opened,
            ev.LinkClosed: self._on_closed,
            ev.GoAway: self._on_go_away,
            ev.Tick: self._on_tick,
            ev.MicAudio: self._on_mic,
            ev.MicMuted: self._on_muted,
            ev.TalkKey: self._on_talk_key,
            ev.VideoFrame: self._on_video,
            ev.SnapshotTaken: self._on_snapshot,
            ev.AppNote: self._on_app_note,
            ev.PlaybackCut: self._on_playback_cut,
            ev.TalkModeChanged: self._on_talk_mode,
            ev.UserText: self._on_text,
            ev.PlaybackIdle: self._on_playback_idle,
            ev.ToolResult: self._on_tool_result,
            ev.ToolResultsSent: self._on_results_sent,
            ev.Interrupted: self._on_interrupted,
            ev.ModelAudio: self._on_model_audio,
            ev.ModelText: self._on_model_text,
            ev.InputTranscript: self._on_input_transcript,
            ev.OutputTranscript: self._on_output_transcript,
            ev.GenerationComplete: self._on_generation_complete,
            ev.TurnComplete: self._on_turn_complete,
            ev.ToolCallRequested: self._on_tool_call,
            ev.ToolCallCancelled: self._on_tool_cancel,
            ev.ResumptionUpdate: self._on_resumption,
            ev.UsageReport: self._on_usage,
        }

    # -- the interface ----------------------------------------------------------------------

    def feed(self, event: ev.Event) -> None:
        self._handlers[type(event)](event)

    def drain(self) -> list[ev.Command]:
        out, self._commands = self._commands, []
        return out

    def drain_ui(self) -> list[ev.UiEvent]:
        out, self._ui = self._ui, []
        return out

    @property
    def quiet(self) -> bool:
        """Nothing would be cut off by closing the connection now: no reply playing or due,
        no tool call pending, no tool answer still on its way out."""
        return (
            self.turn is TurnState.LISTENING
            and not self.playing
            and not self.pending_tools
            and not self._unconfirmed
            and not self._awaiting_reply
        )

    # -- state machines ---------------------------------------------------------------------

    def _link_step(self, what: LinkInput, detail: str = "") -> None:
        key = (self.link, what)
        if key not in LINK_TABLE:
            raise IllegalTransition("link", self.link, what)
        self.link = LINK_TABLE[key]
        self._ui.append(ev.LinkStatusChanged(self.link.value, detail or STATUS_TEXT[self.link]))

    def _turn_step(self, what: TurnInput) -> None:
        key = (self.turn, what)
        if key not in TURN_TABLE:
            raise IllegalTransition("turn", self.turn, what)
        self.turn = TURN_TABLE[key]

    # -- user and link events ---------------------------------------------------------------

    def _on_start(self, _: ev.StartRequested) -> None:
        self._link_step(LinkInput.START)
        self.handle = None
        self.attempts = 0
        self.deadline = None
        self.total_tokens = 0  # the token counts are per session
        self.last_usage = None
        self._tokens_by_modality = {}
        self._commands.append(ev.OpenLink())

    def _on_stop(self, _: ev.StopRequested) -> None:
        self._link_step(LinkInput.STOP)
        self._commands.append(ev.CloseLink())
        self._clear_playback()
        self._lose_turn("session stopped")
        self._mic_buffer.clear()
        self._mic_buffered = 0
        self.deadline = None

    def _on_opened(self, opened: ev.LinkOpened) -> None:
        self._link_step(LinkInput.OPENED)
        self._opened_at = self.now
        self._handle_behind = False  # a new connection: its first handle comes with the setup
        self._mic_stream_ended = False
        self.deadline = None
        if self._reseeded:
            self._reseeded = False
            self._note("The session was restored from the local transcript.", ev.NoticeLevel.INFO)
        while self._mic_buffer:
            self._commands.append(ev.SendAudio(self._mic_buffer.popleft()))
        self._mic_buffered = 0
        self._mic_drop_noted = False
        self._flush_texts()

    def _on_closed(self, closed: ev.LinkClosed) -> None:
        if closed.kind.fatal:
            self._link_step(LinkInput.CLOSED_FATAL, closed.message)
            self._lose_turn("the connection failed")
            message = closed.message or "The session failed."
            self._ui.append(ev.Notice(message, ev.NoticeLevel.ERROR))
            return
        self._link_step(LinkInput.CLOSED_RETRY)
        if closed.kind is ev.CloseKind.RESUME_REJECTED:
            self.handle = None
        self._lose_turn("the connection dropped")
        delay = self._backoff()
        reason = closed.message or "connection lost"
        self._ui.append(
            ev.LinkStatusChanged(
                self.link.value,
                f"Reconnecting ({reason}; attempt {self.attempts}"
                + (f", in {delay:.1f} s)" if delay else ")"),
            )
        )
        self._reopen(delay)

    def _on_go_away(self, go_away: ev.GoAway) -> None:
        self._link_step(LinkInput.GO_AWAY)
        self.deadline = self.now + go_away.time_left_s
        self._ui.append(self._usage_changed(go_away.time_left_s))
        self._maybe_hand_over()

    def _on_tick(self, tick: ev.Tick) -> None:
        self.now = tick.now
        if (
            self.link is LinkState.OPEN
            and self._opened_at is not None
            and self.now - self._opened_at >= self.policy.stable_after_s
        ):
            self.attempts = 0
        self._check_mic_gap()
        self._maybe_hand_over()

    def _on_mic(self, mic: ev.MicAudio) -> None:
        if self.muted or self.turn is TurnState.AWAITING_TOOLS:
            return  # muted sends nothing; audio during a tool call has closed sessions (1008)
        if self.policy.push_to_talk and not self._talking:
            return  # push-to-talk: only what is said while the key is down
        self._last_mic_at = self.now
        self._mic_stream_ended = False
        if self.link in LINK_IS_UP:
            self._commands.append(ev.SendAudio(mic.pcm))
        elif self.link in LINK_IS_COMING:
            self._buffer_mic(mic.pcm)

    def _on_muted(self, muted: ev.MicMuted) -> None:
        self.muted = muted.muted
        if muted.muted and self.link in LINK_IS_UP and not self._mic_stream_ended:
            self._mic_stream_ended = True
            self._commands.append(ev.SendAudioStreamEnd())

    def _on_talk_key(self, key: ev.TalkKey) -> None:
        if not self.policy.push_to_talk or key.pressed == self._talking:
            return
        self._talking = key.pressed
        if self.link in LINK_IS_UP:
            self._commands.append(ev.SendActivityStart() if key.pressed else ev.SendActivityEnd())

    def _on_talk_mode(self, mode: ev.TalkModeChanged) -> None:
        if mode.push_to_talk == self.policy.push_to_talk:
            return
        if self._talking and self.link in LINK_IS_UP:
            self._commands.append(ev.SendActivityEnd())  # the turn held open ends here
        self._talking = False
        self.policy = replace(self.policy, push_to_talk=mode.push_to_talk)
        if self.link in LINK_IS_UP:
            self._link_step(LinkInput.GO_AWAY, "Switching how turns are marked…")
            deadline = self.now + self.policy.talk_mode_handover_s
            self.deadline = deadline if self.deadline is None else min(self.deadline, deadline)
            self._maybe_hand_over()

    def _check_mic_gap(self) -> None:
        """The microphone stopped delivering (device lost, stream restarting): say so once."""
        if (
            self.link in LINK_IS_UP
            and not self._mic_stream_ended
            and self._last_mic_at is not None
            and self.now - self._last_mic_at > self.policy.mic_gap_s
        ):
            self._mic_stream_ended = True
            self._commands.append(ev.SendAudioStreamEnd())

    def _on_video(self, frame: ev.VideoFrame) -> None:
        if self.link in LINK_IS_UP:
            self._commands.append(ev.SendVideo(frame.jpeg))

    def _on_snapshot(self, snap: ev.SnapshotTaken) -> None:
        if self.link in LINK_IS_UP:
            self._commands.append(ev.SendVideo(snap.jpeg))
            self._note(f"Snapshot sent ({_snapshot_label(snap)})", notice=False)
        else:
            self._note(
                f"Snapshot saved, not sent: not connected ({_snapshot_label(snap)})", notice=False
            )

    def _on_app_note(self, note: ev.AppNote) -> None:
        self._note(note.text, notice=False)
        if note.tell_model and self.link in LINK_IS_UP:
            if self._holding_text:
                self._pending_texts.append((None, note.tell_model))
            else:
                self._send_text(note.tell_model)

    @property
    def _holding_text(self) -> bool:
        # Like the microphone, text waits while tool calls are pending: input that crosses a
        # pending call has closed sessions, and the answer must reach the server first.
        return self.turn is TurnState.AWAITING_TOOLS or bool(self._pending_texts)

    def _on_text(self, typed: ev.UserText) -> None:
        text = typed.text.strip()
        if not text:
            return
        if self.link in LINK_IS_UP and not self._holding_text:
            self._ui.append(self.transcript.user_typed(text, sent=True))
            self._send_text(text)
        elif (self.link in LINK_IS_UP or self.link in LINK_IS_COMING) and (
            len(self._pending_texts) < self.policy.pending_text_limit
        ):
            change = self.transcript.user_typed(text, sent=False)
            self._ui.append(change)
            self._pending_texts.append((change.index, text))
        else:
            self._ui.append(
                ev.Notice("Start the session to send a message.", ev.NoticeLevel.WARNING)
            )

    def _on_playback_idle(self, _: ev.PlaybackIdle) -> None:
        self.playing = False
        if self.turn is not TurnState.RESPONDING:
            self._reply_audio_s = 0.0  # the reply has been heard in full
        self._turn_step(TurnInput.PLAYBACK_IDLE)
        self._maybe_hand_over()

    def _on_tool_result(self, result: ev.ToolResult) -> None:
        if self.pending_tools.pop(result.id, None) is None:
            return  # cancelled, answered already, or from a lost connection: never answer twice
        if self.link in LINK_IS_UP:
            self._unconfirmed.add(result.id)  # answered only once the driver says it is sent
            self._awaiting_reply = True
            self._commands.append(ev.SendToolResults((result,)))
        status = "failed" if result.is_error else "done"
        took = self.now - self._tool_started.pop(result.id, self.now)
        summary = _short_args(result.response.get("error", result.response.get("output")), 100)
        note = f"Tool {result.name}: {status} in {took:.1f} s: {summary}"
        self._note(note, ev.NoticeLevel.INFO, notice=False)
        self._settle_tools()

    def _on_results_sent(self, sent: ev.ToolResultsSent) -> None:
        self._unconfirmed.difference_update(sent.ids)
        self._maybe_hand_over()

    # -- server events, in the order the live adapter emits them ----------------------------

    def _on_interrupted(self, _: ev.Interrupted) -> None:
        self._turn_step(TurnInput.INTERRUPTED)
        self._interrupted_at = self.now
        # Asked before the clear: what the speaker still held is what was never heard.
        self._commands.append(ev.MeasurePlayback())
        self._clear_playback()
        self._cut_reply_s, self._reply_audio_s = self._reply_audio_s, 0.0
        change = self.transcript.interrupt_model()
        if change:
            self._ui.append(change)

    def _on_playback_cut(self, cut: ev.PlaybackCut) -> None:
        """The answer to `MeasurePlayback`: the interrupted reply keeps what was heard."""
        reply_s, self._cut_reply_s = self._cut_reply_s, 0.0
        if reply_s <= 0 or cut.unplayed_s <= 0:
            return
        change = self.transcript.interrupt_model(max(0.0, 1.0 - cut.unplayed_s / reply_s))
        if change:
            self._ui.append(change)

    def _model_output(self) -> bool:
        """Step the turn for model output; False when it is the interrupted reply's (dropped)."""
        if (
            self.turn is TurnState.INTERRUPTED
            and self.now - self._interrupted_at < self.policy.stale_after_interrupt_s
        ):
            self._turn_step(TurnInput.STALE_OUTPUT)
            return False
        self._turn_step(TurnInput.MODEL_OUTPUT)
        self._awaiting_reply = False  # the reply has started: the turn state guards it now
        return True

    def _on_model_audio(self, audio: ev.ModelAudio) -> None:
        if not self._model_output():
            return
        self.transcript.open_model()
        self._reply_audio_s += len(audio.pcm) / 2 / audio.rate
        self.playing = True
        self._commands.append(ev.PlayAudio(audio.pcm, self.generation, audio.rate))

    def _on_model_text(self, text: ev.ModelText) -> None:
        if not self._model_output():
            return
        self._ui.append(self.transcript.model_speech(text.text))

    def _on_input_transcript(self, piece: ev.InputTranscript) -> None:
        self._ui.append(self.transcript.user_speech(piece.text))

    def _on_output_transcript(self, piece: ev.OutputTranscript) -> None:
        if not self._model_output():
            return
        self._ui.append(self.transcript.model_speech(piece.text))

    def _on_generation_complete(self, _: ev.GenerationComplete) -> None:
        self._turn_step(TurnInput.GENERATION_COMPLETE)

    def _on_turn_complete(self, _: ev.TurnComplete) -> None:
        playing = TurnInput.TURN_COMPLETE_PLAYING if self.playing else TurnInput.TURN_COMPLETE_IDLE
        self._turn_step(playing)
        if not self.playing:
            self._reply_audio_s = 0.0
        self._ui.extend(self.transcript.complete_exchange())
        self._maybe_hand_over()

    def _on_tool_call(self, call: ev.ToolCallRequested) -> None:
        self._turn_step(TurnInput.TOOL_CALL)
        for item in call.calls:
            if item.id in self.pending_tools:
                continue  # a repeated id is one call: it gets one answer
            self.pending_tools[item.id] = item
            self._tool_started[item.id] = self.now
            self._note(f"Tool call: {item.name}({_short_args(item.args)})", notice=False)
            self._commands.append(ev.RunTool(item))

    def _on_tool_cancel(self, cancel: ev.ToolCallCancelled) -> None:
        for call_id in cancel.ids:
            item = self.pending_tools.pop(call_id, None)
            if item is not None:
                self._commands.append(ev.CancelTool(call_id))
                self._note(f"Tool {item.name}: cancelled", notice=False)
        self._settle_tools()

    def _on_resumption(self, update: ev.ResumptionUpdate) -> None:
        if update.resumable and update.handle:
            self.handle = update.handle
            self._handle_behind = False
            self._maybe_hand_over()
        elif not update.resumable:
            self._handle_behind = True

    def _on_usage(self, usage: ev.UsageReport) -> None:
        # Per-turn reports (the prompt re-counts the context each turn): the session's
        # total is their sum, what the turns were billed.
        if usage.total_tokens is not None:
            self.total_tokens += usage.total_tokens
        for side, counts in (
            ("prompt", usage.prompt_by_modality),
            ("response", usage.response_by_modality),
        ):
            for modality, count in counts:
                key = f"{side} {modality}"
                self._tokens_by_modality[key] = self._tokens_by_modality.get(key, 0) + count
        self.last_usage = usage
        time_left = None if self.deadline is None else max(0.0, self.deadline - self.now)
        self._ui.append(self._usage_changed(time_left))

    def _usage_changed(self, time_left: float | None) -> ev.UsageChanged:
        return ev.UsageChanged(
            self.total_tokens,
            time_left,
            last_turn=self.last_usage,
            by_modality=tuple(sorted(self._tokens_by_modality.items())),
        )

    # -- helpers ----------------------------------------------------------------------------

    def _maybe_hand_over(self) -> None:
        if self.link is not LinkState.DRAINING or self.deadline is None:
            return
        due = self.now >= self.deadline - self.policy.handover_margin_s
        current = self.handle is None or not self._handle_behind
        if not ((self.quiet and current) or due):
            return
        self._link_step(LinkInput.HANDOVER, "Handing over to a new connection…")
        self.deadline = None
        if not self.quiet:
            self._lose_turn("the connection was rotated")
        self._commands.append(ev.CloseLink())  # close first: a resume beside the old socket fails
        self._reopen(0.0)

    def _reopen(self, delay: float) -> None:
        history: tuple[ev.HistoryTurn, ...] = ()
        if self.handle is None:
            history = self.transcript.history(self.policy.history_turns)
            self._reseeded = bool(history)
        self._commands.append(ev.OpenLink(self.handle, history, delay))

    def _backoff(self) -> float:
        attempt = self.attempts
        self.attempts += 1
        if attempt == 0:
            return 0.0  # the first retry is immediate: most drops are momentary
        ceiling = min(self.policy.backoff_cap_s, self.policy.backoff_base_s * 2.0 ** (attempt - 1))
        return ceiling * self._rng.uniform(0.5, 1.0)

    def _clear_playback(self) -> None:
        self.generation += 1
        self.playing = False
        self._commands.append(ev.ClearPlayback(self.generation))

    def _lose_turn(self, why: str) -> None:
        """The connection is gone: nothing of the current turn is in flight any more."""
        for call_id, item in list(self.pending_tools.items()):
            self._commands.append(ev.CancelTool(call_id))
            self._note(f"Tool {item.name}: cancelled ({why})", notice=False)
        self.pending_tools.clear()
        # An answer still in the driver's outbox goes to the old link before it closes (the
        # driver flushes sends before closing); it is never re-sent on the next link: the
        # resumed session predates the call (handles are not resumable while calls run).
        self._unconfirmed.clear()
        self._awaiting_reply = False
        self._turn_step(TurnInput.RESET)
        self._ui.extend(self.transcript.complete_exchange())

    def _settle_tools(self) -> None:
        if not self.pending_tools and self.turn is TurnState.AWAITING_TOOLS:
            self._turn_step(TurnInput.TOOLS_SETTLED)
            if self.link in LINK_IS_UP:
                self._flush_texts()  # held behind the calls: after the answers, in order
            self._maybe_hand_over()

    def _send_text(self, text: str) -> None:
        self._awaiting_reply = True
        self._commands.append(ev.SendText(text))

    def _flush_texts(self) -> None:
        while self._pending_texts:
            index, text = self._pending_texts.popleft()
            if index is not None:
                self.transcript.mark_sent(index)
            self._send_text(text)

    def _buffer_mic(self, pcm: bytes) -> None:
        self._mic_buffer.append(pcm)
        self._mic_buffered += len(pcm)
        limit = int(self.policy.mic_buffer_s * MIC_BYTES_PER_SECOND)
        while self._mic_buffered > limit:
            self._mic_buffered -= len(self._mic_buffer.popleft())
            if not self._mic_drop_noted:
                self._mic_drop_noted = True
                self._ui.append(
                    ev.Notice(
                        "Still reconnecting: older microphone audio was dropped.",
                        ev.NoticeLevel.WARNING,
                    )
                )

    def _note(
        self, text: str, level: ev.NoticeLevel = ev.NoticeLevel.INFO, *, notice: bool = True
    ) -> None:
        self._ui.append(self.transcript.note(text))
        if notice:
            self._ui.append(ev.Notice(text, level))


def _short_args(args: object, limit: int = 80) -> str:
    text = json.dumps(args, ensure_ascii=False, default=str)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _snapshot_label(snap: ev.SnapshotTaken) -> str:
    """ "corroded flange: snapshot-....jpg" with a caption, else the file name."""
    return f"{snap.caption}: {snap.name}" if snap.caption else snap.name
