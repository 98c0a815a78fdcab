"""The transcript view keeps one block per model row, whatever the text holds (issue 11).

A work note, a timer label or the model's text may contain line breaks of any kind, control
characters, lone surrogates from JSON, or a very long line; none of it may shift the rows, or
later rows would show earlier turns' text. Real widgets, offscreen.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pytestqt.qtbot import QtBot

from desktop.ui.widgets import (
    ROLE_ROLE,
    ROW_SHOWN_CHARS,
    TranscriptModel,
    TranscriptTextView,
    one_block,
)

T = datetime(2025, 3, 5, 14, 2, 3).timestamp()
# Everything that ends a block in QTextDocument, or a line in Unicode, plus what Qt drops or
# treats specially (NUL, frame markers, a lone surrogate), rich-text look-alikes and a line
# long enough to be cut.
AWKWARD = (
    "\n",
    "\r",
    "\r\n",
    "\n\n",
    "\u2028",
    "\u2029",
    "\x0b",
    "\x0c",
    "\x1c",
    "\x85",
    "\x00",
    "\x1b",
    "\t",
    "\ufdd0",
    "\ufdd1",
    "\ufffc",
    "\ud800",
    "\udfff",
    "\ud83d\ude00",
    "😀",
    "<b>bold</b><img src=x>",
    "ü",
    "x" * (ROW_SHOWN_CHARS + 5),
)
texts = st.lists(st.one_of(st.text(max_size=8), st.sampled_from(AWKWARD)), max_size=6).map("".join)
ROLES = ("user", "model", "note")


@dataclass(frozen=True)
class AddTurn:
    role: str
    text: str
    late: bool  # below the highest index shown: a turn transcribed after the reply began


@dataclass(frozen=True)
class AddTool:
    name: str


@dataclass(frozen=True)
class UpdateRow:
    pick: int  # which existing row, modulo the row count
    text: str


operations = st.lists(
    st.one_of(
        st.builds(AddTurn, st.sampled_from(ROLES), texts, st.booleans()),
        st.builds(AddTool, texts),
        st.builds(UpdateRow, st.integers(0, 1_000), texts),
    ),
    min_size=1,
    max_size=12,
)


class Driver:
    """Applies operations to the model the way the controller does (by turn index / call id)."""

    def __init__(self, model: TranscriptModel) -> None:
        self.model = model
        self.next_index = 10
        self.keys: list[tuple[str, object]] = []

    def apply(self, op: AddTurn | AddTool | UpdateRow) -> None:
        match op:
            case AddTurn(role=role, text=text, late=late):
                taken = {k for kind, k in self.keys if kind == "turn"}
                index = self.next_index
                if late:
                    free = [i for i in range(self.next_index) if i not in taken]
                    index = free[len(free) // 2] if free else index
                if index == self.next_index:
                    self.next_index += 2
                if self.model.set_turn(index, role, text or "…") is not None:
                    self.keys.append(("turn", index))
            case AddTool(name=name):
                call_id = f"call-{len(self.keys)}"
                self.model.set_tool_call(call_id, name)
                self.keys.append(("tool", call_id))
            case UpdateRow(pick=pick, text=text):
                if not self.keys:
                    return
                kind, key = self.keys[pick % len(self.keys)]
                if kind == "tool":
                    self.model.set_tool_call(str(key), "x", "ok")
                    return
                row = self.model.row_of_turn(int(str(key)))
                assert row is not None
                role = str(self.model.index(row).data(ROLE_ROLE))
                self.model.set_turn(int(str(key)), role, text or "…", interrupted=pick % 3 == 0)


def assert_view_equals_model(view: TranscriptTextView, model: TranscriptModel) -> None:
    rows = model.rowCount()
    assert view.document().blockCount() == max(1, rows)
    for row in range(rows):
        assert view.row_text(row) == one_block(str(model.index(row).data())), row


@settings(
    max_examples=60,
    derandomize=True,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(ops=operations)
def test_any_text_keeps_the_view_equal_to_the_model_row_by_row(
    qtbot: QtBot, caplog: pytest.LogCaptureFixture, ops: list[AddTurn | AddTool | UpdateRow]
) -> None:
    caplog.clear()
    model = TranscriptModel(clock=lambda: T)
    view = TranscriptTextView(model)
    view.resize(400, 300)
    driver = Driver(model)
    with caplog.at_level(logging.ERROR, logger="desktop.ui.widgets"):
        for op in ops:
            driver.apply(op)
            assert_view_equals_model(view, model)
    # Equal by construction, not by the view noticing a mismatch and rebuilding itself.
    assert not caplog.records
    view.deleteLater()


def test_a_note_with_newlines_does_not_shift_later_rows(qtbot: QtBot) -> None:
    """The reported case: one multi-line note, then later turns show their own text."""
    model = TranscriptModel(clock=lambda: T)
    view = TranscriptTextView(model)
    qtbot.addWidget(view)
    view.resize(500, 400)
    view.show()
    model.set_turn(0, "user", "check the pump")
    model.set_turn(1, "note", "Work note:\nstep 1 valve closed\r\nstep 2\u2029done")
    model.set_turn(2, "model", "first reply")
    model.set_turn(3, "user", "thanks")
    model.set_turn(2, "model", "first reply, corrected")
    assert view.document().blockCount() == 4
    assert view.row_text(2).endswith("Assistant: first reply, corrected")
    assert view.row_text(3).endswith("You: thanks")
    # Still readable as several lines: the note's block is laid out on 4 lines.
    note = view.document().findBlockByNumber(1)
    qtbot.waitUntil(lambda: note.layout().lineCount() == 4)
    assert view.row_text(1).split("\u2028")[1:] == ["step 1 valve closed", "step 2", "done"]


def test_one_block_keeps_the_text_and_removes_only_what_splits_blocks() -> None:
    plain = "Torque 45 Nm <b>not bold</b> ü 😀\tend"
    assert one_block(plain) == plain  # ordinary text, tabs and markup-looking text unchanged
    assert one_block("a\r\nb\rc\nd\u2029e\x0cf") == "a\u2028b\u2028c\u2028d\u2028e\u2028f"
    assert one_block("nul\x00esc\x1b") == "nul\u2400esc\u241b"  # visible control pictures
    assert one_block("x\ud800y") == "x\ufffdy"  # Qt would drop it silently
    # Every control character but tab is replaced, even alone (the fast path skips none).
    controls = [chr(c) for c in (*range(0x20), 0x7F, 0x85, 0x2029) if c != 0x09]
    assert all(one_block(c) != c for c in controls)
    long = "y" * (ROW_SHOWN_CHARS + 1234)
    shown = one_block(long)
    assert shown.startswith("y" * ROW_SHOWN_CHARS) and shown.endswith(
        "[1,234 more characters not shown]"
    )
