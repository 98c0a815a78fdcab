"""The session's two state machines, as tables.

Every legal transition is a row. Anything else raises `IllegalTransition` and leaves the
state as it was (the core checks the table before it changes anything).
"""

from __future__ import annotations

import enum


class LinkState(enum.Enum):
    DISCONNECTED = "disconnected"  # never started
    CONNECTING = "connecting"
    OPEN = "open"
    DRAINING = "draining"  # goAway received: hand over at the first quiet point
    RECONNECTING = "reconnecting"  # waiting out a backoff, or opening the next connection
    CLOSED = "closed"  # the user stopped the session
    FAILED = "failed"  # a fatal error: no retry until the user starts again


class TurnState(enum.Enum):
    LISTENING = "listening"  # the user has the floor
    RESPONDING = "responding"  # the model is generating
    PLAYOUT = "playout"  # generation done, the speaker is still playing it
    INTERRUPTED = "interrupted"  # barge-in: waiting for the server's turnComplete
    AWAITING_TOOLS = "awaiting_tools"  # tool calls pending: microphone held back


class LinkInput(enum.Enum):
    START = "start"
    STOP = "stop"
    OPENED = "opened"
    CLOSED_RETRY = "closed_retry"  # transient, protocol, rejected handle
    CLOSED_FATAL = "closed_fatal"
    GO_AWAY = "go_away"
    HANDOVER = "handover"  # quiet point reached (or deadline) while draining


class TurnInput(enum.Enum):
    MODEL_OUTPUT = "model_output"  # audio, text or output transcription
    STALE_OUTPUT = "stale_output"  # output of the interrupted turn, before its turnComplete
    GENERATION_COMPLETE = "generation_complete"
    TURN_COMPLETE_PLAYING = "turn_complete_playing"  # turnComplete while audio still plays
    TURN_COMPLETE_IDLE = "turn_complete_idle"
    PLAYBACK_IDLE = "playback_idle"
    INTERRUPTED = "interrupted"
    TOOL_CALL = "tool_call"
    TOOLS_SETTLED = "tools_settled"  # last pending call answered or cancelled
    RESET = "reset"  # the connection went away: nothing is in flight any more


class IllegalTransition(Exception):
    """An event that the current state does not accept."""

    def __init__(self, machine: str, state: enum.Enum, event: enum.Enum) -> None:
        super().__init__(f"{machine}: {event.value!r} is not allowed in state {state.value!r}")
        self.state = state
        self.event = event


L, LI = LinkState, LinkInput

LINK_TABLE: dict[tuple[LinkState, LinkInput], LinkState] = {
    (L.DISCONNECTED, LI.START): L.CONNECTING,
    (L.CLOSED, LI.START): L.CONNECTING,
    (L.FAILED, LI.START): L.CONNECTING,
    (L.CONNECTING, LI.OPENED): L.OPEN,
    (L.CONNECTING, LI.CLOSED_RETRY): L.RECONNECTING,
    (L.CONNECTING, LI.CLOSED_FATAL): L.FAILED,
    (L.CONNECTING, LI.STOP): L.CLOSED,
    (L.OPEN, LI.GO_AWAY): L.DRAINING,
    (L.OPEN, LI.CLOSED_RETRY): L.RECONNECTING,
    (L.OPEN, LI.CLOSED_FATAL): L.FAILED,
    (L.OPEN, LI.STOP): L.CLOSED,
    (L.DRAINING, LI.GO_AWAY): L.DRAINING,  # a later goAway only moves the deadline
    (L.DRAINING, LI.HANDOVER): L.RECONNECTING,
    (L.DRAINING, LI.CLOSED_RETRY): L.RECONNECTING,  # the server closed before our quiet point
    (L.DRAINING, LI.CLOSED_FATAL): L.FAILED,
    (L.DRAINING, LI.STOP): L.CLOSED,
    (L.RECONNECTING, LI.OPENED): L.OPEN,
    (L.RECONNECTING, LI.CLOSED_RETRY): L.RECONNECTING,
    (L.RECONNECTING, LI.CLOSED_FATAL): L.FAILED,
    (L.RECONNECTING, LI.STOP): L.CLOSED,
    (L.FAILED, LI.STOP): L.CLOSED,
}

T, TI = TurnState, TurnInput

TURN_TABLE: dict[tuple[TurnState, TurnInput], TurnState] = {
    (T.LISTENING, TI.MODEL_OUTPUT): T.RESPONDING,
    (T.LISTENING, TI.TURN_COMPLETE_IDLE): T.LISTENING,  # an empty turn (e.g. after a tool reply)
    (T.LISTENING, TI.PLAYBACK_IDLE): T.LISTENING,
    (T.LISTENING, TI.INTERRUPTED): T.LISTENING,
    (T.LISTENING, TI.TOOL_CALL): T.AWAITING_TOOLS,
    (T.LISTENING, TI.GENERATION_COMPLETE): T.LISTENING,
    (T.RESPONDING, TI.MODEL_OUTPUT): T.RESPONDING,
    (T.RESPONDING, TI.GENERATION_COMPLETE): T.RESPONDING,
    (T.RESPONDING, TI.TURN_COMPLETE_PLAYING): T.PLAYOUT,
    (T.RESPONDING, TI.TURN_COMPLETE_IDLE): T.LISTENING,
    (T.RESPONDING, TI.PLAYBACK_IDLE): T.RESPONDING,  # the jitter buffer ran dry mid-reply
    (T.RESPONDING, TI.INTERRUPTED): T.INTERRUPTED,
    (T.RESPONDING, TI.TOOL_CALL): T.AWAITING_TOOLS,
    (T.PLAYOUT, TI.PLAYBACK_IDLE): T.LISTENING,
    (T.PLAYOUT, TI.INTERRUPTED): T.LISTENING,  # interrupted after turnComplete, audio still playing
    (T.PLAYOUT, TI.MODEL_OUTPUT): T.RESPONDING,  # the next reply starts before playout ends
    (T.PLAYOUT, TI.TOOL_CALL): T.AWAITING_TOOLS,
    (T.PLAYOUT, TI.TURN_COMPLETE_PLAYING): T.PLAYOUT,
    (T.PLAYOUT, TI.TURN_COMPLETE_IDLE): T.LISTENING,
    (T.INTERRUPTED, TI.TURN_COMPLETE_PLAYING): T.LISTENING,
    (T.INTERRUPTED, TI.TURN_COMPLETE_IDLE): T.LISTENING,
    (T.INTERRUPTED, TI.INTERRUPTED): T.INTERRUPTED,
    (T.INTERRUPTED, TI.PLAYBACK_IDLE): T.INTERRUPTED,
    (T.INTERRUPTED, TI.MODEL_OUTPUT): T.RESPONDING,  # a new reply to what the user said
    (T.INTERRUPTED, TI.STALE_OUTPUT): T.INTERRUPTED,  # dropped: never ghost-play the old reply
    (T.INTERRUPTED, TI.TOOL_CALL): T.AWAITING_TOOLS,
    (T.AWAITING_TOOLS, TI.TOOL_CALL): T.AWAITING_TOOLS,
    (T.AWAITING_TOOLS, TI.MODEL_OUTPUT): T.AWAITING_TOOLS,  # the model may talk while tools run
    (T.AWAITING_TOOLS, TI.GENERATION_COMPLETE): T.AWAITING_TOOLS,
    (T.AWAITING_TOOLS, TI.TURN_COMPLETE_PLAYING): T.AWAITING_TOOLS,
    (T.AWAITING_TOOLS, TI.TURN_COMPLETE_IDLE): T.AWAITING_TOOLS,
    (T.AWAITING_TOOLS, TI.PLAYBACK_IDLE): T.AWAITING_TOOLS,
    (T.AWAITING_TOOLS, TI.INTERRUPTED): T.AWAITING_TOOLS,
    (T.AWAITING_TOOLS, TI.TOOLS_SETTLED): T.LISTENING,
}
# A lost connection resets the turn from any state: nothing of the old one is still in flight.
TURN_TABLE.update({(state, TI.RESET): T.LISTENING for state in TurnState})
