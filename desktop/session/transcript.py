"""Transcript assembly: both sides' pieces gathered into turns.

Input transcription lags the audio by seconds and arrives in pieces; output transcription is
interleaved with the model's audio. A user turn stays open until the model's reply to it
completes, so late pieces land in the right place and never start a turn of their own.
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop.session.events import HistoryTurn, TranscriptChanged


@dataclass
class Turn:
    role: str  # "user" | "model" | "note"
    text: str = ""
    final: bool = False
    interrupted: bool = False
    sent: bool = True  # typed text queued during a reconnect is not in the server's history yet


class Transcript:
    def __init__(self) -> None:
        self.turns: list[Turn] = []
        self._user: int | None = None  # index of the open user turn
        self._model: int | None = None  # index of the open model turn
        self._typed = False  # the user typed this exchange's question: no place to reserve

    # -- building ---------------------------------------------------------------------------

    def user_speech(self, text: str) -> TranscriptChanged:
        if self._user is None:
            self._user = self._append(Turn("user"))
        return self._grow(self._user, text)

    def user_typed(self, text: str, sent: bool) -> TranscriptChanged:
        self.close_user()
        self._typed = True
        index = self._append(Turn("user", text, final=True, sent=sent))
        return self._changed(index)

    def mark_sent(self, index: int) -> None:
        self.turns[index].sent = True

    def model_speech(self, text: str) -> TranscriptChanged:
        return self._grow(self.open_model(), text)

    def open_model(self) -> int:
        """The model's turn, reserving the user's place before it if they only spoke so far."""
        if self._model is None:
            if self._user is None and not self._typed:
                self._user = self._append(Turn("user"))
            self._model = self._append(Turn("model"))
        return self._model

    def note(self, text: str) -> TranscriptChanged:
        index = self._append(Turn("note", text, final=True))
        return self._changed(index)

    def interrupt_model(self, heard_fraction: float = 1.0) -> TranscriptChanged | None:
        """Mark the reply interrupted, keeping only the part the user heard (by audio played)."""
        if self._model is None:
            return None
        turn = self.turns[self._model]
        turn.interrupted = True
        if heard_fraction < 1.0:
            turn.text = _cut(turn.text, heard_fraction)
        return self._changed(self._model)

    def complete_exchange(self) -> list[TranscriptChanged]:
        """The model's turn is complete: close it and the user turn it answered."""
        changed = [c for c in (self._close(self._model), self._close(self._user)) if c]
        self._model = None
        self._user = None
        self._typed = False
        return changed

    def close_user(self) -> TranscriptChanged | None:
        changed = self._close(self._user)
        self._user = None
        return changed

    # -- reading ----------------------------------------------------------------------------

    def history(self, limit: int = 40) -> tuple[HistoryTurn, ...]:
        """What the server had heard, for re-seeding a fresh connection."""
        spoken = [
            HistoryTurn(t.role, t.text)
            for t in self.turns
            if t.role in ("user", "model") and t.text.strip() and t.sent
        ]
        return tuple(spoken[-limit:])

    # -- internals --------------------------------------------------------------------------

    def _append(self, turn: Turn) -> int:
        self.turns.append(turn)
        return len(self.turns) - 1

    def _grow(self, index: int, text: str) -> TranscriptChanged:
        self.turns[index].text += text
        return self._changed(index)

    def _close(self, index: int | None) -> TranscriptChanged | None:
        if index is None:
            return None
        self.turns[index].final = True
        return self._changed(index)

    def _changed(self, index: int) -> TranscriptChanged:
        t = self.turns[index]
        return TranscriptChanged(index, t.role, t.text, t.final, t.interrupted)


def _cut(text: str, fraction: float) -> str:
    """The first `fraction` of `text`, ended at a word boundary, marked as cut short."""
    keep = int(len(text) * max(0.0, fraction))
    if keep >= len(text):
        return text
    head = text[:keep]
    if " " in head and not text[keep].isspace():
        head = head.rsplit(" ", 1)[0]
    return head.rstrip() + "…"
