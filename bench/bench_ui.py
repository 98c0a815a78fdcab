"""Transcript pane and inspector costs with 5,000 turns, offscreen Qt.

Run: QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_ui.py [--turns N] [--updates N]
Prints a table, then one JSON line (the last line) for tracking.

Each step is timed including QApplication.processEvents(), so the view's layout and paint
work that the change causes is counted, as in the running app (pessimistic: the app coalesces
several changes per loop pass).

- append: add N turns (alternating user/model, ~20 words each)
- update: with N turns shown, grow the last model turn word by word (streaming transcription)
- update-old: rewrite turn N/2 (an interrupted reply trimmed), view scrolled to the end
- late-insert: a turn whose index is lower than the newest (user words transcribed late)
- record: InspectorPanel.record() of audio-sized messages, panel shown and hidden
Candidates: the window's `TranscriptTextView` (desktop.ui.widgets), a word-wrapped QListView
over the same TranscriptModel (defined here: the comparison the window's choice rests on) and
the older controller's QListWidget approach (dict of items, row found by counting lower
indices), rebuilt here without a driver. The QListView-based ones get
--list-turns (default 2,000) because each of their steps re-measures every row.

PySide6 6.12.0 on Python 3.11 loses a reference to None on every void Qt call and aborts
("none_dealloc") after a few thousand; run this with another PySide6 (6.11.3 was used).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QListView,
    QListWidget,
    QListWidgetItem,
)

from desktop.ui.inspector import InspectorPanel, audio_summary
from desktop.ui.widgets import TranscriptModel, TranscriptTextView

CANDIDATES = ("TranscriptTextView", "QListView (model)", "QListWidget (controller)")
PHRASE = (
    "check the pressure relief valve before you open the housing and make sure the "
    "isolator is locked out then read me the serial number on the plate"
)
WORDS = PHRASE.split(" ")


def sentence(i: int, n: int = 20) -> str:
    return " ".join(WORDS[(i + k) % len(WORDS)] for k in range(n))


class ListWidgetTranscript:
    """The controller's current approach (controller._show_turn), without its driver."""

    def __init__(self) -> None:
        self.view = QListWidget()
        self.view.setWordWrap(True)
        self._items: dict[int, QListWidgetItem] = {}

    def set_turn(self, index: int, role: str, text: str, interrupted: bool = False) -> None:
        item = self._items.get(index)
        if item is None:
            if not text:
                return
            item = QListWidgetItem()
            self._items[index] = item
            row = sum(1 for i in self._items if i < index)
            self.view.insertItem(row, item)
        label = {"user": "You", "model": "Assistant"}.get(role, role)
        item.setText(f"{label}: {text}{' [interrupted]' if interrupted else ''}")
        bar = self.view.verticalScrollBar()
        if bar.value() >= bar.maximum() - 4:
            self.view.scrollToBottom()


class ListViewTranscript(QListView):
    """A word-wrapped QListView over the TranscriptModel that follows new words unless the
    user scrolled up: what the window used before TranscriptTextView. Word-wrapped rows have
    no uniform size, so it re-measures every row on each change."""

    FOLLOW_SLACK_PX = 4

    def __init__(self) -> None:
        super().__init__()
        self.transcript = TranscriptModel(self)
        self.setModel(self.transcript)
        self.setWordWrap(True)
        self.setUniformItemSizes(False)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setSpacing(2)
        self.following = True
        bar = self.verticalScrollBar()
        bar.valueChanged.connect(self._on_scrolled)
        bar.rangeChanged.connect(self._on_range_changed)

    def _on_scrolled(self, value: int) -> None:
        self.following = value >= self.verticalScrollBar().maximum() - self.FOLLOW_SLACK_PX

    def _on_range_changed(self, _minimum: int, maximum: int) -> None:
        if self.following:
            self.verticalScrollBar().setValue(maximum)


class ModelTranscript:
    def __init__(self) -> None:
        self.view = ListViewTranscript()

    def set_turn(self, index: int, role: str, text: str, interrupted: bool = False) -> None:
        self.view.transcript.set_turn(index, role, text, interrupted=interrupted, final=True)


class TextTranscript:
    def __init__(self) -> None:
        self.view = TranscriptTextView()

    def set_turn(self, index: int, role: str, text: str, interrupted: bool = False) -> None:
        self.view.transcript.set_turn(index, role, text, interrupted=interrupted, final=True)


def timed(app: QApplication, step: Callable[[], None]) -> float:
    start = time.perf_counter()
    step()
    app.processEvents()
    return (time.perf_counter() - start) * 1000.0


def stats(samples: list[float]) -> dict[str, float]:
    ordered = sorted(samples)
    return {
        "median_ms": round(statistics.median(ordered), 4),
        "p99_ms": round(ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))], 4),
        "total_ms": round(sum(ordered), 1),
    }


def bench_transcript(
    app: QApplication, name: str, make: Callable[[], object], turns: int, updates: int
) -> dict[str, dict[str, float]]:
    candidate = make()
    view = candidate.view  # type: ignore[attr-defined]
    view.resize(520, 720)
    view.show()
    app.processEvents()
    set_turn = candidate.set_turn  # type: ignore[attr-defined]
    out: dict[str, dict[str, float]] = {}
    # Indices leave gaps so that late turns can be placed between existing ones.
    out["append"] = stats(
        [
            timed(app, lambda i=i: set_turn(2 * i, "user" if i % 2 else "model", sentence(i)))
            for i in range(turns)
        ]
    )
    last = 2 * (turns - 1)
    words: list[str] = []
    samples = []
    for k in range(updates):
        words.append(WORDS[k % len(WORDS)])
        text = " ".join(words[-60:])  # a long reply, still growing
        samples.append(timed(app, lambda t=text: set_turn(last, "model", t)))
    out["update"] = stats(samples)
    middle = 2 * (turns // 2)
    out["update-old"] = stats(
        [
            timed(app, lambda k=k: set_turn(middle, "model", sentence(k, 8), True))
            for k in range(min(updates, 200))
        ]
    )
    out["late-insert"] = stats(
        [
            timed(app, lambda k=k: set_turn(last - 2 * k - 1, "user", sentence(k, 6)))
            for k in range(50)
        ]
    )
    at_end = view.verticalScrollBar().value() == view.verticalScrollBar().maximum()
    out["followed"] = {"at_end": float(at_end), "turns": float(turns)}
    view.close()
    view.deleteLater()
    app.processEvents()
    print(f"  {name}: done", file=sys.stderr)
    return out


def bench_inspector(app: QApplication, records: int, shown: bool) -> dict[str, float]:
    panel = InspectorPanel(capacity=5_000)
    panel.resize(900, 400)
    panel.setVisible(shown)
    app.processEvents()
    summary = audio_summary(1280, 16_000)
    samples = []
    t0 = time.time()
    batch = 20  # the loop delivers several messages per pass at 50+ messages a second
    for i in range(0, records, batch):

        def step(i: int = i) -> None:
            for j in range(batch):
                panel.record("sent", "realtimeInput.audio", 1280, summary, t0 + (i + j) * 0.02)

        samples.append(timed(app, step) / batch)
    result = stats(samples)
    result["rows_held"] = panel.model.rowCount()
    panel.close()
    panel.deleteLater()
    app.processEvents()
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--turns", type=int, default=5_000)
    parser.add_argument(
        "--list-turns",
        type=int,
        default=2_000,
        help="turns for the QListView-based candidates (their cost grows with every row)",
    )
    parser.add_argument("--updates", type=int, default=500)
    parser.add_argument("--records", type=int, default=20_000)
    args = parser.parse_args()
    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)

    results: dict[str, object] = {
        "TranscriptTextView": bench_transcript(
            app, "TranscriptTextView", TextTranscript, args.turns, args.updates
        ),
        "QListView (model)": bench_transcript(
            app, "QListView (model)", ModelTranscript, args.list_turns, args.updates
        ),
        "QListWidget (controller)": bench_transcript(
            app, "QListWidget", ListWidgetTranscript, args.list_turns, args.updates
        ),
        "inspector shown": bench_inspector(app, args.records, shown=True),
        "inspector hidden": bench_inspector(app, args.records, shown=False),
    }

    print(f"\nTranscript pane, {args.updates} streaming updates (ms per step, incl. layout+paint)")
    print(f"{'candidate':<26}{'turns':>6} {'step':<13}{'median':>10}{'p99':>10}{'total':>11}")
    for name in CANDIDATES:
        steps = results[name]
        if not isinstance(steps, dict):
            continue
        for step in ("append", "update", "update-old", "late-insert"):
            s = steps[step]
            turns = steps["followed"]["turns"]
            print(
                f"{name:<26}{turns:>6,.0f} {step:<13}{s['median_ms']:>10.3f}{s['p99_ms']:>10.3f}"
                f"{s['total_ms']:>11.1f}"
            )
        followed = "yes" if steps["followed"]["at_end"] else "NO"
        print(f"{name:<26}{'':>6} {'followed end':<13}{followed:>10}")
    print(f"\nInspector record() of {args.records:,} messages, capacity 5,000 (ms/message)")
    for name in ("inspector shown", "inspector hidden"):
        s = results[name]
        assert isinstance(s, dict)
        print(
            f"{name:<26}{'':>6} {'record':<13}{s['median_ms']:>10.4f}{s['p99_ms']:>10.4f}"
            f"{s['total_ms']:>11.1f}  rows held {s['rows_held']:,.0f}"
        )
    line = {
        "bench": "ui",
        "turns": args.turns,
        "list_turns": args.list_turns,
        "updates": args.updates,
        "records": args.records,
        "python": platform.python_version(),
        "pyside": pyside_version,
        "platform": os.environ["QT_QPA_PLATFORM"],
        "results": results,
    }
    print(json.dumps(line))


if __name__ == "__main__":
    main()
