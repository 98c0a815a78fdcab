"""Small widgets for the main window: level meters, a speaking indicator, a transcript view.

All painting uses palette roles (Base, Highlight, Text, Mid, ...) so the widgets follow the
system's light or dark palette; nothing here names a colour.
"""

from __future__ import annotations

import bisect
import html
import logging
import math
import re
import time
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
)
from PySide6.QtGui import (
    QFont,
    QPainter,
    QPaintEvent,
    QPalette,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
)
from PySide6.QtWidgets import (
    QLabel,
    QPlainTextEdit,
    QSizePolicy,
    QWidget,
)

from desktop.infra.i18n_marks import QT_TRANSLATE_NOOP
from desktop.session import events as ev
from desktop.ui.i18n import translate, translate_shown

log = logging.getLogger(__name__)

FLOOR_DBFS = -60.0
CLIP_DBFS = -1.0
_Index = QModelIndex | QPersistentModelIndex


def level_fraction(dbfs: float, floor_dbfs: float = FLOOR_DBFS) -> float:
    """0..1 along a meter from floor_dbfs to 0 dBFS (silence, -inf and NaN are 0)."""
    if math.isnan(dbfs) or dbfs <= floor_dbfs:
        return 0.0
    return min(1.0, (dbfs - floor_dbfs) / -floor_dbfs)


def level_description(name: str, rms_dbfs: float, peak_dbfs: float) -> str:
    """What a screen reader says about a meter; whole decibels, so it changes rarely."""
    if level_fraction(peak_dbfs) == 0.0:
        return translate("Widgets", "{meter}: silent").format(meter=name)
    clip = translate("Widgets", ", clipping") if peak_dbfs >= CLIP_DBFS else ""
    rms = (
        translate("Widgets", "below -60") if level_fraction(rms_dbfs) == 0.0 else f"{rms_dbfs:.0f}"
    )
    return translate("Widgets", "{meter}: {rms} dBFS, peak {peak} dBFS{clip}").format(
        meter=name, rms=rms, peak=f"{peak_dbfs:.0f}", clip=clip
    )


class LevelMeter(QWidget):
    """A horizontal bar for the RMS level with a tick for the peak, -60..0 dBFS."""

    def __init__(self, name: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        name = name or translate("Widgets", "Level")
        self._name = name
        self.rms_dbfs = -math.inf
        self.peak_dbfs = -math.inf
        self.setAccessibleName(translate("Widgets", "{meter} meter").format(meter=name))
        self.setAccessibleDescription(level_description(name, -math.inf, -math.inf))
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.setToolTip(translate("Widgets", "{meter} level").format(meter=name))

    def set_level(self, rms_dbfs: float, peak_dbfs: float) -> None:
        old = (level_fraction(self.rms_dbfs), level_fraction(self.peak_dbfs))
        self.rms_dbfs, self.peak_dbfs = rms_dbfs, peak_dbfs
        if (level_fraction(rms_dbfs), level_fraction(peak_dbfs)) != old:
            self.update()  # only repaint when the bar moves
        description = level_description(self._name, rms_dbfs, peak_dbfs)
        if description != self.accessibleDescription():
            self.setAccessibleDescription(description)

    def sizeHint(self) -> QSize:
        return QSize(120, max(10, self.fontMetrics().height() // 2 + 4))

    def minimumSizeHint(self) -> QSize:
        return QSize(40, 8)

    def paintEvent(self, event: QPaintEvent) -> None:
        palette = self.palette()
        painter = QPainter(self)
        frame = self.rect().adjusted(0, 0, -1, -1)
        painter.fillRect(frame, palette.color(QPalette.ColorRole.Base))
        inner = frame.adjusted(1, 1, 0, 0)
        bar = round(inner.width() * level_fraction(self.rms_dbfs))
        if bar > 0:
            painter.fillRect(
                QRect(inner.left(), inner.top(), bar, inner.height()),
                palette.color(QPalette.ColorRole.Highlight),
            )
        peak = level_fraction(self.peak_dbfs)
        if peak > 0:
            x = inner.left() + min(inner.width() - 1, round(inner.width() * peak))
            width = 3 if self.peak_dbfs >= CLIP_DBFS else 1  # clipping: a heavier tick
            painter.fillRect(
                QRect(x - width // 2, inner.top(), width, inner.height()),
                palette.color(QPalette.ColorRole.Text),
            )
        painter.setPen(palette.color(QPalette.ColorRole.Mid))
        painter.drawRect(frame)
        painter.end()


SPEAKING_TEXT = {
    (False, False): QT_TRANSLATE_NOOP("Widgets", "Listening"),
    (True, False): QT_TRANSLATE_NOOP("Widgets", "You are speaking"),
    (False, True): QT_TRANSLATE_NOOP("Widgets", "Assistant speaking"),
    (True, True): QT_TRANSLATE_NOOP("Widgets", "Both speaking"),
}


class SpeakingIndicator(QWidget):
    """A dot and a word: who is speaking now (the user, the assistant, both, nobody)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.user = False
        self.model = False
        self.setAccessibleName(translate("Widgets", "Speaking indicator"))
        self.setAccessibleDescription(self.text())
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)

    def text(self) -> str:
        return translate("Widgets", SPEAKING_TEXT[(self.user, self.model)])

    def set_speaking(self, *, user: bool | None = None, model: bool | None = None) -> None:
        """Change either side; the other keeps its state."""
        before = (self.user, self.model)
        self.user = self.user if user is None else user
        self.model = self.model if model is None else model
        if (self.user, self.model) != before:
            self.setAccessibleDescription(self.text())
            self.setToolTip(self.text())
            self.updateGeometry()
            self.update()

    def sizeHint(self) -> QSize:
        metrics = self.fontMetrics()
        widest = max(
            metrics.horizontalAdvance(translate("Widgets", t)) for t in SPEAKING_TEXT.values()
        )
        return QSize(metrics.height() + 6 + widest, metrics.height() + 4)

    def paintEvent(self, event: QPaintEvent) -> None:
        palette = self.palette()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        size = self.fontMetrics().height() - 4
        dot = QRect(2, (self.height() - size) // 2, size, size)
        active = self.user or self.model
        painter.setPen(palette.color(QPalette.ColorRole.Mid))
        painter.setBrush(
            palette.color(QPalette.ColorRole.Highlight) if active else Qt.BrushStyle.NoBrush
        )
        painter.drawEllipse(dot)
        painter.setPen(palette.color(QPalette.ColorRole.WindowText))
        text_rect = self.rect().adjusted(dot.right() + 6, 0, 0, 0)
        align = Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft
        painter.drawText(text_rect, int(align), self.text())
        painter.end()


# -- text from outside (server, MCP servers, tools, the model) -----------------------------


def make_plain(root: QWidget) -> None:
    """Every QLabel under ``root`` (and root itself) shows its text literally.

    QLabel's default AutoText guesses rich text (Qt.mightBeRichText), so a notice or a close
    reason such as ``<img src=x>`` would be rendered, not shown. Call it once the widgets are
    built; a label that is meant to hold a link sets RichText afterwards, by name.
    """
    labels = root.findChildren(QLabel)
    if isinstance(root, QLabel):
        labels.append(root)
    for label in labels:
        label.setTextFormat(Qt.TextFormat.PlainText)


TOOLTIP_MAX_CHARS = 2_000


def plain_tooltip(text: str) -> str:
    """A tooltip that Qt shows literally.

    Tooltips have no text format: QToolTip renders anything Qt.mightBeRichText() accepts as
    HTML. Escaping the text and wrapping it in a paragraph that keeps spaces and line breaks
    makes it always rich text whose rendering is the original text.
    """
    if len(text) > TOOLTIP_MAX_CHARS:
        text = text[:TOOLTIP_MAX_CHARS] + "…"
    body = html.escape(_no_lone_surrogates(text), quote=False)
    return f'<p style="white-space:pre-wrap">{body}</p>'


# Characters that end a QTextDocument block (QTextCursor.insertText splits on them) or that
# Unicode counts as line breaks: inside a transcript row they become U+2028, the line
# separator, which breaks the line on screen but stays in the row's one block.
_LINE_BREAKS = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2029"
_ONE_BLOCK = {ord(c): "\u2028" for c in _LINE_BREAKS}
# Other control characters (NUL, escape, ...) are shown by their Unicode control pictures
# (␀, ␛): visible, and never a surprise to the text layout. Tab stays a tab.
_ONE_BLOCK.update(
    {c: chr(0x2400 + c) for c in range(0x20) if c not in _ONE_BLOCK and c != ord("\t")}
)
_ONE_BLOCK[0x7F] = "\u2421"
# QTextDocument's own frame markers: as text they would open or close a frame.
_ONE_BLOCK.update({0xFDD0: "\ufffd", 0xFDD1: "\ufffd"})
_SURROGATE = re.compile("[\ud800-\udfff]")
# Anything one_block would change (a quick scan: most rows need nothing).
_NOT_ONE_BLOCK = re.compile("[\x00-\x08\x0a-\x1f\x7f\x85\u2029\ufdd0\ufdd1\ud800-\udfff]")
ROW_SHOWN_CHARS = 20_000  # a longer row is cut: laying out 1 MB of text takes half a second


def _no_lone_surrogates(text: str) -> str:
    """Qt silently drops a lone surrogate (JSON may carry one); show U+FFFD instead."""
    if _SURROGATE.search(text) is None:
        return text
    return text.encode("utf-16", "surrogatepass").decode("utf-16", "replace")


def one_block(text: str) -> str:
    """A transcript row's text as it sits in its one QPlainTextEdit block.

    Line breaks of every kind become U+2028 (shown as a line break inside the block), other
    control characters their visible pictures, and a very long row is cut with a note of how
    much is not shown (the model, and the history, keep all of it).
    """
    if len(text) <= ROW_SHOWN_CHARS and _NOT_ONE_BLOCK.search(text) is None:
        return text
    if len(text) > ROW_SHOWN_CHARS:
        hidden = len(text) - ROW_SHOWN_CHARS
        text = translate("Widgets", "{text}… [{hidden} more characters not shown]").format(
            text=text[:ROW_SHOWN_CHARS], hidden=f"{hidden:,}"
        )
    return _no_lone_surrogates(text.replace("\r\n", "\n").translate(_ONE_BLOCK))


# -- transcript ---------------------------------------------------------------------------

ROLE_LABELS = {
    "user": QT_TRANSLATE_NOOP("Widgets", "You"),
    "model": QT_TRANSLATE_NOOP("Widgets", "Assistant"),
    "note": QT_TRANSLATE_NOOP("Widgets", "Note"),
    "tool": QT_TRANSLATE_NOOP("Widgets", "Tool"),
}
TOOL_STATUS_TEXT = {
    "pending": QT_TRANSLATE_NOOP("Widgets", "running…"),
    "ok": QT_TRANSLATE_NOOP("Widgets", "done"),
    "error": QT_TRANSLATE_NOOP("Widgets", "failed"),
    "cancelled": QT_TRANSLATE_NOOP("Widgets", "cancelled"),
}
ROLE_ROLE = Qt.ItemDataRole.UserRole + 1  # "user" | "model" | "note" | "tool"
TEXT_ROLE = Qt.ItemDataRole.UserRole + 2
TIME_ROLE = Qt.ItemDataRole.UserRole + 3  # float, time.time() when the row appeared
INTERRUPTED_ROLE = Qt.ItemDataRole.UserRole + 4
FINAL_ROLE = Qt.ItemDataRole.UserRole + 5
TOOL_STATUS_ROLE = Qt.ItemDataRole.UserRole + 6  # "" for turns


@dataclass(slots=True)
class TranscriptRow:
    role: str
    text: str
    at: float
    final: bool = False
    interrupted: bool = False
    tool_status: str = ""  # tool rows only: pending | ok | error | cancelled
    display: str = ""  # cached: data() is called far more often than rows change


def _display(row: TranscriptRow) -> str:
    when = datetime.fromtimestamp(row.at).strftime("%H:%M:%S")
    if row.role == "tool":
        status = translate("Widgets", TOOL_STATUS_TEXT.get(row.tool_status, row.tool_status))
        return f"{when}  " + translate("Widgets", "Tool {name}: {status}").format(
            name=row.text, status=status
        )
    if row.role == "note":  # the session's own notes are marked under "Notices"
        return f"{when}  {translate_shown('Notices', row.text)}"
    mark = "  " + translate("Widgets", "[interrupted]") if row.interrupted else ""
    return f"{when}  {translate('Widgets', ROLE_LABELS.get(row.role, row.role))}: {row.text}{mark}"


class TranscriptModel(QAbstractListModel):
    """Turns keyed by their transcript index, tool calls by their id; updates are O(1).

    Turns normally arrive in index order and are appended. A turn whose index is lower
    than one already shown (the user's words transcribed after the reply began) is
    inserted before it; only that rare case renumbers the rows after it.
    """

    def __init__(self, parent: Any = None, clock: Any = time.time) -> None:
        super().__init__(parent)
        self._rows: list[TranscriptRow] = []
        self._turn_rows: dict[int, int] = {}  # transcript index -> row
        self._tool_rows: dict[str, int] = {}  # tool call id -> row
        self._turn_indices: list[int] = []  # sorted, to place a late turn
        self._row_keys: list[tuple[str, object]] = []  # row -> ("turn", index) | ("tool", id)
        self._font_italic: QFont | None = None
        self._clock = clock

    # -- writing --------------------------------------------------------------------------

    def apply(self, change: ev.TranscriptChanged, at: float | None = None) -> int | None:
        """Show a TranscriptChanged; returns the row, or None for a still-empty turn."""
        return self.set_turn(
            change.index,
            change.role,
            change.text,
            final=change.final,
            interrupted=change.interrupted,
            at=at,
        )

    def set_turn(
        self,
        index: int,
        role: str,
        text: str,
        *,
        final: bool = False,
        interrupted: bool = False,
        at: float | None = None,
    ) -> int | None:
        row = self._turn_rows.get(index)
        if row is None:
            if not text:
                return None  # a reserved place for words not heard yet
            when = self._clock() if at is None else at
            item = TranscriptRow(role, text, when, final, interrupted)
            item.display = _display(item)
            return self._insert_turn(index, item)
        item = self._rows[row]
        item.role, item.text, item.final, item.interrupted = role, text, final, interrupted
        item.display = _display(item)
        model_index = self.index(row)
        self.dataChanged.emit(model_index, model_index)
        return row

    def set_tool_call(
        self, call_id: str, name: str, status: str = "pending", at: float | None = None
    ) -> int:
        """Add a tool call row at the end, or change its status."""
        row = self._tool_rows.get(call_id)
        if row is None:
            item = TranscriptRow("tool", name, self._clock() if at is None else at)
            item.tool_status = status
            item.display = _display(item)
            row = len(self._rows)
            self._append(item, ("tool", call_id))
            self._tool_rows[call_id] = row
            return row
        item = self._rows[row]
        item.tool_status = status
        item.display = _display(item)
        model_index = self.index(row)
        self.dataChanged.emit(model_index, model_index)
        return row

    def clear(self) -> None:
        self.beginResetModel()
        self._rows.clear()
        self._turn_rows.clear()
        self._tool_rows.clear()
        self._turn_indices.clear()
        self._row_keys.clear()
        self.endResetModel()

    def _append(self, item: TranscriptRow, key: tuple[str, object]) -> None:
        row = len(self._rows)
        self.beginInsertRows(QModelIndex(), row, row)
        self._rows.append(item)
        self._row_keys.append(key)
        self.endInsertRows()

    def _insert_turn(self, index: int, item: TranscriptRow) -> int:
        position = bisect.bisect_left(self._turn_indices, index)
        if position == len(self._turn_indices):  # the usual case: a newer turn
            self._turn_indices.append(index)
            row = len(self._rows)
            self._append(item, ("turn", index))
            self._turn_rows[index] = row
            return row
        # A late turn goes just before the first turn with a higher index.
        row = self._turn_rows[self._turn_indices[position]]
        self._turn_indices.insert(position, index)
        self.beginInsertRows(QModelIndex(), row, row)
        self._rows.insert(row, item)
        self._row_keys.insert(row, ("turn", index))
        for later in range(row, len(self._row_keys)):
            kind, key = self._row_keys[later]
            if kind == "turn":
                self._turn_rows[key] = later  # type: ignore[index]
            else:
                self._tool_rows[key] = later  # type: ignore[index]
        self.endInsertRows()
        return row

    # -- reading --------------------------------------------------------------------------

    def row_of_turn(self, index: int) -> int | None:
        return self._turn_rows.get(index)

    def row_of_tool_call(self, call_id: str) -> int | None:
        return self._tool_rows.get(call_id)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        item = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return item.display
        if role == Qt.ItemDataRole.FontRole:
            if item.interrupted or item.role in ("note", "tool"):
                return self._italic()  # set apart by shape: colour is the palette's
            return None
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return item.display
        return _ROLE_GETTERS[role](item) if role in _ROLE_GETTERS else None

    def _italic(self) -> QFont:
        if self._font_italic is None:
            self._font_italic = QFont()
            self._font_italic.setItalic(True)
        return self._font_italic


_ROLE_GETTERS = {
    ROLE_ROLE: lambda r: r.role,
    TEXT_ROLE: lambda r: r.text,
    TIME_ROLE: lambda r: r.at,
    INTERRUPTED_ROLE: lambda r: r.interrupted,
    FINAL_ROLE: lambda r: r.final,
    TOOL_STATUS_ROLE: lambda r: r.tool_status,
}


class TranscriptTextView(QPlainTextEdit):
    """The TranscriptModel shown as one text block per row: O(1) work per change.

    QListView re-measures every row whenever one row changes or is added (word-wrapped rows
    have no uniform size), which costs tens of milliseconds at a few thousand turns;
    QPlainTextEdit lays out only the block that changed and the blocks on screen. Rows map
    to blocks by number, so a row's text must never make a second block: it goes through
    `one_block` (line breaks become in-block line separators). Read-only, no undo history
    (it would keep every streamed word).
    """

    FOLLOW_SLACK = 1  # lines

    def __init__(self, model: TranscriptModel | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.transcript = model or TranscriptModel(self)
        self.setReadOnly(True)
        self.setUndoRedoEnabled(False)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.setAccessibleName(translate("Widgets", "Transcript"))
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self._block_format = QTextBlockFormat()
        self._block_format.setBottomMargin(4)
        self._plain = QTextCharFormat()
        self._italic = QTextCharFormat()
        self._italic.setFontItalic(True)
        self.following = True
        bar = self.verticalScrollBar()
        bar.valueChanged.connect(self._on_scrolled)
        bar.rangeChanged.connect(self._on_range_changed)
        self.transcript.rowsInserted.connect(self._on_rows_inserted)
        self.transcript.dataChanged.connect(self._on_data_changed)
        self.transcript.rowsRemoved.connect(self._rebuild)
        self.transcript.modelReset.connect(self._rebuild)
        self.transcript.layoutChanged.connect(self._rebuild)
        self._rows = 0  # blocks that hold a row (an empty document still has one block)
        self._rebuild()

    def row_text(self, row: int) -> str:
        return self.document().findBlockByNumber(row).text()

    def _text_of(self, row: int) -> str:
        return one_block(str(self.transcript.index(row).data()))

    def _format_of(self, row: int) -> QTextCharFormat:
        index = self.transcript.index(row)
        italic = index.data(INTERRUPTED_ROLE) or index.data(ROLE_ROLE) in ("note", "tool")
        return self._italic if italic else self._plain

    def _on_rows_inserted(self, _parent: QModelIndex, first: int, last: int) -> None:
        self._insert_rows(first, last)
        self._check_alignment()

    def _insert_rows(self, first: int, last: int) -> None:
        cursor = QTextCursor(self.document())
        for row in range(first, last + 1):
            text = self._text_of(row)
            fmt = self._format_of(row)
            if self._rows == 0:  # the document's first, empty block takes the first row
                cursor.movePosition(QTextCursor.MoveOperation.Start)
                cursor.setBlockFormat(self._block_format)
                cursor.insertText(text, fmt)
            elif row >= self._rows:  # appended
                cursor.movePosition(QTextCursor.MoveOperation.End)
                cursor.insertBlock(self._block_format, fmt)
                cursor.insertText(text, fmt)
            else:  # a late turn: new block before the block now at `row`
                cursor.setPosition(self.document().findBlockByNumber(row).position())
                cursor.insertText(text, fmt)
                cursor.insertBlock(self._block_format, fmt)
            self._rows += 1

    def _on_data_changed(self, top: QModelIndex, bottom: QModelIndex, *_roles: object) -> None:
        for row in range(top.row(), bottom.row() + 1):
            block = self.document().findBlockByNumber(row)
            cursor = QTextCursor(block)
            cursor.movePosition(
                QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor
            )
            cursor.insertText(self._text_of(row), self._format_of(row))
        self._check_alignment()

    def _check_alignment(self) -> None:
        """One block per row, or every later row would show another row's text."""
        if self.document().blockCount() != max(1, self._rows):
            log.error(
                "Transcript view had %d blocks for %d rows; rebuilt",
                self.document().blockCount(),
                self._rows,
            )
            self._rebuild()

    def _rebuild(self, *_args: object) -> None:
        self.clear()
        self._rows = 0
        count = self.transcript.rowCount()
        if count:
            self._insert_rows(0, count - 1)

    def _on_scrolled(self, value: int) -> None:
        self.following = value >= self.verticalScrollBar().maximum() - self.FOLLOW_SLACK

    def _on_range_changed(self, _minimum: int, maximum: int) -> None:
        if self.following:
            self.verticalScrollBar().setValue(maximum)


@dataclass
class _Notice:
    topic: str
    error: bool
    row: QWidget
    label: QLabel


_NOTICE_STYLE = {  # warning, error: readable on light and dark palettes alike
    False: "background: #fff4ce; color: #3b2f00;",
    True: "background: #fde7e9; color: #5c0011;",
}


class NoticeBoard(QWidget):
    """The window's notices, one row each, so a later notice never hides an earlier one.

    A notice with a topic ("history", "settings", ...) replaces the earlier notice of that
    topic (the history's "saved again" replaces its "unavailable"); a notice without one is its
    own topic, so the same text posted twice stays one row. At most MAX_ROWS are shown: past
    that, the oldest warning goes first, then the oldest error. Each row can be dismissed.
    """

    MAX_ROWS = 5

    def __init__(self, parent: QWidget | None = None) -> None:
        from PySide6.QtWidgets import QVBoxLayout

        super().__init__(parent)
        self.setObjectName("banner")
        self.setAccessibleName(translate("Widgets", "Notices"))
        self._notices: list[_Notice] = []
        self._rows = QVBoxLayout(self)
        self._rows.setContentsMargins(0, 0, 0, 0)
        self._rows.setSpacing(1)
        self.hide()

    def post(self, text: str, *, topic: str = "", error: bool = False) -> None:
        topic = topic or f"text:{text}"
        for notice in self._notices:
            if notice.topic == topic:
                self._remove(notice)
                break
        self._notices.append(self._make(topic, text, error))
        while len(self._notices) > self.MAX_ROWS:
            oldest = min(self._notices, key=lambda n: (n.error, self._notices.index(n)))
            self._remove(oldest)
        self.show()

    def withdraw(self, topic: str) -> None:
        for notice in [n for n in self._notices if n.topic == topic]:
            self._remove(notice)

    def text(self) -> str:
        """Every notice shown, oldest first, one per line (what tests and screen readers read)."""
        return "\n".join(n.label.text() for n in self._notices)

    def texts(self) -> list[tuple[str, str, bool]]:
        return [(n.topic, n.label.text(), n.error) for n in self._notices]

    def _make(self, topic: str, text: str, error: bool) -> _Notice:
        from PySide6.QtWidgets import QHBoxLayout, QToolButton

        row = QWidget(self)
        row.setObjectName("notice")
        row.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        row.setStyleSheet(f"QWidget#notice {{ {_NOTICE_STYLE[error]} }}")
        label = QLabel(text, row)
        label.setTextFormat(Qt.TextFormat.PlainText)  # text from servers, tools and files
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        label.setStyleSheet(f"QLabel {{ {_NOTICE_STYLE[error]} padding: 6px 10px; }}")
        close = QToolButton(row)
        close.setText("✕")
        close.setAutoRaise(True)
        close.setAccessibleName(translate("Widgets", "Dismiss notice"))
        close.setToolTip(translate("Widgets", "Dismiss this notice"))
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 4, 0)
        layout.addWidget(label, 1)
        layout.addWidget(close, 0, Qt.AlignmentFlag.AlignTop)
        self._rows.addWidget(row)
        notice = _Notice(topic, error, row, label)
        close.clicked.connect(lambda: self._remove(notice))
        return notice

    def _remove(self, notice: _Notice) -> None:
        if notice in self._notices:
            self._notices.remove(notice)
        notice.row.hide()
        notice.row.deleteLater()
        self.setVisible(bool(self._notices))
