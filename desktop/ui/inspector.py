"""The inspector: a network-tab-like list of the messages a session sent and received.

`MessageLogModel` holds at most `capacity` rows; `record()` appends one row with a single
beginInsertRows and, when full, drops the oldest 5 % in one beginRemoveRows, so both the
model and the filter proxy see few, cheap changes even at ~100 messages a second. The panel
is hidden by default and keeps recording while hidden (bounded), so opening it after a problem
shows what led to it, and "Export…" writes what it holds as JSON Lines for IT support.

Filter words are the app's own: "in"/"out" are directions (the link port's tap) and match the
direction alone (so "out" never finds an OutputTranscript received from the server); any other
word matches the type (the event's class name) or the summary.
"""

from __future__ import annotations

import json
from collections import deque
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QHideEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.infra.i18n_marks import QT_TRANSLATE_NOOP
from desktop.ui.i18n import translate
from desktop.ui.widgets import make_plain, one_block, plain_tooltip

DEFAULT_CAPACITY = 5_000
# The filter box's example, in the words the rows hold: a direction and a message type.
FILTER_EXAMPLE = "in ToolCall"
DIRECTIONS = frozenset({"in", "out"})  # desktop.app's link port: received / sent
COLUMNS = (
    QT_TRANSLATE_NOOP("Inspector", "Time"),
    QT_TRANSLATE_NOOP("Inspector", "Direction"),
    QT_TRANSLATE_NOOP("Inspector", "Type"),
    QT_TRANSLATE_NOOP("Inspector", "Size"),
    QT_TRANSLATE_NOOP("Inspector", "Summary"),
)
TIME, DIRECTION, KIND, SIZE, SUMMARY = range(len(COLUMNS))
RawRole = Qt.ItemDataRole.UserRole  # the unformatted value of a cell (float, str, int)
_Index = QModelIndex | QPersistentModelIndex


def audio_summary(nbytes: int, rate: int, *, channels: int = 1, sample_bytes: int = 2) -> str:
    """ "audio 3,840 B (120 ms)" for a PCM payload (16 kHz mic, 24 kHz model audio)."""
    frames = nbytes / (channels * sample_bytes)
    return f"audio {nbytes:,} B ({frames * 1000 / rate:.0f} ms)"


def format_size(nbytes: int) -> str:
    return f"{nbytes:,} B" if nbytes < 10_240 else f"{nbytes / 1024:,.1f} KiB"


@dataclass(frozen=True, slots=True)
class MessageRow:
    at: float  # time.time() of the message
    direction: str  # the app's words (desktop.app's tap): "out" (sent) / "in" (received)
    kind: str  # the message's class (describe_message): "SendAudio", "ToolCallRequested"
    size: int  # bytes on the wire (or payload bytes)
    summary: str


class MessageLogModel(QAbstractTableModel):
    def __init__(self, capacity: int = DEFAULT_CAPACITY, parent: Any = None) -> None:
        super().__init__(parent)
        if capacity < 1:
            raise ValueError("capacity must be at least 1")
        self.capacity = capacity
        # Dropping a batch at once keeps the proxy's bookkeeping to one change per batch.
        self.trim_batch = max(1, capacity // 20)
        self._rows: deque[MessageRow] = deque()
        self.total_recorded = 0  # every message ever recorded, including trimmed ones

    # -- writing ----------------------------------------------------------------------------

    def record(self, direction: str, kind: str, size: int, summary: str, at: float) -> None:
        if len(self._rows) >= self.capacity:
            drop = min(self.trim_batch, len(self._rows))
            self.beginRemoveRows(QModelIndex(), 0, drop - 1)
            for _ in range(drop):
                self._rows.popleft()
            self.endRemoveRows()
        row = len(self._rows)
        self.beginInsertRows(QModelIndex(), row, row)
        self._rows.append(MessageRow(at, direction, kind, size, summary))
        self.endInsertRows()
        self.total_recorded += 1

    def clear(self) -> None:
        self.beginResetModel()
        self._rows.clear()
        self.endResetModel()

    def row_at(self, row: int) -> MessageRow:
        return self._rows[row]

    def rows(self) -> Iterator[MessageRow]:
        """The rows held, oldest first."""
        return iter(tuple(self._rows))

    # -- reading (Qt) -------------------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation is Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return translate("Inspector", COLUMNS[section])
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        # Formatting happens here, so only the rows on screen are ever formatted.
        message = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return _display(message, column)
        if role == RawRole:
            return (message.at, message.direction, message.kind, message.size, message.summary)[
                column
            ]
        if role == Qt.ItemDataRole.ToolTipRole and column == SUMMARY:
            # Summaries quote the server and tools: never let Qt read them as HTML.
            return plain_tooltip(message.summary)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == SIZE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


def _display(message: MessageRow, column: int) -> str:
    if column == TIME:
        return datetime.fromtimestamp(message.at).strftime("%H:%M:%S.%f")[:-3]
    if column == DIRECTION:
        return message.direction
    if column == KIND:
        return message.kind
    if column == SIZE:
        return format_size(message.size)
    # One line per row (the rows have a fixed height): line breaks are shown, not followed.
    return one_block(message.summary).replace("\u2028", " ⏎ ")


class MessageFilterProxy(QSortFilterProxyModel):
    """Keeps rows whose direction, type or summary contain every word of the filter."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._words: tuple[str, ...] = ()

    def set_filter_text(self, text: str) -> None:
        words = tuple(text.lower().split())
        if words == self._words:
            return
        self.beginFilterChange()
        self._words = words
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: _Index) -> bool:
        if not self._words:
            return True
        model = self.sourceModel()
        assert isinstance(model, MessageLogModel)
        return row_matches(model.row_at(source_row), self._words)


def row_matches(message: MessageRow, words: tuple[str, ...]) -> bool:
    """Every word matches: a direction word the direction exactly, others type or summary."""
    haystack = f"{message.kind} {message.summary}".lower()
    return all(
        message.direction == word if word in DIRECTIONS else word in haystack for word in words
    )


def row_as_json(message: MessageRow) -> str:
    """One JSON Lines record: the row's fields plus an ISO time a person can read."""
    record = asdict(message)
    record["time"] = (
        datetime.fromtimestamp(message.at).astimezone().isoformat(timespec="milliseconds")
    )
    return json.dumps(record, ensure_ascii=False)


def export_jsonl(rows: Iterator[MessageRow] | list[MessageRow], path: Path) -> int:
    """Write rows as JSON Lines (written aside, then renamed); returns the count written."""
    partial = path.with_name(path.name + ".part")
    count = 0
    with partial.open("w", encoding="utf-8", newline="\n") as fh:
        for message in rows:
            fh.write(row_as_json(message) + "\n")
            count += 1
    partial.replace(path)
    return count


class InspectorPanel(QWidget):
    """Hidden by default. Call record() for every message; toggle with setVisible()."""

    visibility_changed = Signal(bool)  # to save WindowState.inspector_visible

    def __init__(self, parent: QWidget | None = None, capacity: int = DEFAULT_CAPACITY) -> None:
        super().__init__(parent)
        self.setAccessibleName(translate("Inspector", "Message inspector"))
        self.model = MessageLogModel(capacity, self)
        self.proxy = MessageFilterProxy(self)
        self.proxy.setSourceModel(self.model)

        self.filter_box = QLineEdit()
        self.filter_box.setPlaceholderText(
            translate(
                "Inspector", "Filter by direction (in, out) or type, e.g. “{example}”"
            ).format(example=FILTER_EXAMPLE)
        )
        self.filter_box.setAccessibleName(translate("Inspector", "Filter messages"))
        self.filter_box.setClearButtonEnabled(True)
        self.filter_box.textChanged.connect(self.proxy.set_filter_text)
        filter_label = QLabel(translate("Inspector", "&Filter:"))
        filter_label.setBuddy(self.filter_box)
        self.count_label = QLabel()
        self.count_label.setAccessibleName(translate("Inspector", "Message count"))
        self.clear_button = QPushButton(translate("Inspector", "C&lear"))
        self.clear_button.setAccessibleName(translate("Inspector", "Clear the message list"))
        self.clear_button.clicked.connect(self.clear)
        self.export_button = QPushButton(translate("Inspector", "E&xport…"))
        self.export_button.setAccessibleName(
            translate("Inspector", "Export the messages as JSON Lines")
        )
        self.export_button.setToolTip(
            translate("Inspector", "Save the messages held here as JSON Lines, for IT support")
        )
        self.export_button.clicked.connect(self._choose_export_path)
        self.status_label = QLabel()  # the last export's outcome, or its error
        self.status_label.setAccessibleName(translate("Inspector", "Export result"))

        self.view = self._build_view()

        self._follow = True  # scroll with new rows unless the user scrolled up
        bar = self.view.verticalScrollBar()
        bar.valueChanged.connect(self._on_scrolled)
        bar.rangeChanged.connect(self._on_range_changed)

        # The count label is refreshed at most 5 times a second, not once per message.
        self._count_timer = QTimer(self)
        self._count_timer.setSingleShot(True)
        self._count_timer.setInterval(200)
        self._count_timer.timeout.connect(self._update_count)
        self.proxy.rowsInserted.connect(self._schedule_count)
        self.proxy.rowsRemoved.connect(self._schedule_count)
        self.proxy.modelReset.connect(self._schedule_count)
        self.proxy.layoutChanged.connect(self._schedule_count)

        top = QHBoxLayout()
        top.addWidget(filter_label)
        top.addWidget(self.filter_box, 1)
        top.addWidget(self.count_label)
        top.addWidget(self.clear_button)
        top.addWidget(self.export_button)
        top.addWidget(self.status_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        self._update_count()
        make_plain(self)
        self.hide()

    def _build_view(self) -> QTableView:
        view = QTableView()
        view.setModel(self.proxy)
        view.setAccessibleName(translate("Inspector", "Messages"))
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setWordWrap(False)
        view.setAlternatingRowColors(True)
        view.verticalHeader().hide()
        # Fixed row heights and column widths: no per-row measuring as rows stream in.
        view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        view.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 6)
        header = view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, chars in ((TIME, 13), (DIRECTION, 10), (KIND, 24), (SIZE, 10)):
            header.resizeSection(column, self.fontMetrics().averageCharWidth() * chars + 12)
        return view

    def record(self, direction: str, kind: str, size: int, summary: str, at: float) -> None:
        self.model.record(direction, kind, size, summary, at)

    def clear(self) -> None:
        self.model.clear()

    def export_to(self, path: Path) -> bool:
        """Write every message held (not only the filtered ones) to path; say how it went."""
        try:
            count = export_jsonl(self.model.rows(), path)
        except OSError as exc:
            self.status_label.setText(
                translate("Inspector", "Export failed: {reason}").format(reason=exc.strerror or exc)
            )
            return False
        self.status_label.setText(
            translate("Inspector", "Exported {count} messages to {file}").format(
                count=f"{count:,}", file=path.name
            )
        )
        return True

    def _choose_export_path(self) -> None:
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        name, _ = QFileDialog.getSaveFileName(
            self,
            translate("Inspector", "Export messages"),
            f"fieldassist-messages-{stamp}.jsonl",
            translate("Inspector", "JSON Lines (*.jsonl)"),
        )
        if name:
            self.export_to(Path(name))

    def visible_rows(self) -> int:
        return self.proxy.rowCount()

    def _schedule_count(self) -> None:
        if not self._count_timer.isActive():
            self._count_timer.start()

    def _update_count(self) -> None:
        shown, held = self.proxy.rowCount(), self.model.rowCount()
        text = (
            translate("Inspector", "{held} messages").format(held=f"{held:,}")
            if shown == held
            else translate("Inspector", "{shown} of {held} messages").format(
                shown=f"{shown:,}", held=f"{held:,}"
            )
        )
        self.count_label.setText(text)

    def _on_scrolled(self, value: int) -> None:
        bar = self.view.verticalScrollBar()
        self._follow = value >= bar.maximum() - 2

    def _on_range_changed(self, _minimum: int, maximum: int) -> None:
        if self._follow:
            self.view.verticalScrollBar().setValue(maximum)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._update_count()
        self.visibility_changed.emit(True)

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        self.visibility_changed.emit(False)
