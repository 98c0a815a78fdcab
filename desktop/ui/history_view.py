"""The history browser: past sessions, one transcript at a time, export and delete.

The rows and the transcript lines are built by plain functions over the HistoryStore
(`session_rows`, `session_timeline`, `entry_text`) so they can be checked without widgets;
the dialog only lays them out. Reads happen on first show and on refresh(), never in the
constructor.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Literal

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.infra.history import HistoryError, HistoryStore, SessionInfo

EntryKind = Literal["turn", "tool", "snapshot", "note"]
ROLE_NAMES = {"user": "Technician", "model": "Assistant", "note": "Note"}
TOOL_MARKS = {
    "pending": "…",
    "ok": "✓",
    "error": "✗",
    "declined": "declined",
    "cancelled": "cancelled",
}
# Confirm(parent, question) -> True to go ahead.
Confirm = Callable[[QWidget, str], bool]


@dataclass(frozen=True)
class SessionRow:
    id: int
    started: str  # local date and time
    duration: str
    turns: int
    title: str


@dataclass(frozen=True)
class TimelineEntry:
    at: float
    kind: EntryKind
    who: str
    text: str
    interrupted: bool = False
    status: str = ""  # tool calls: pending | ok | error | cancelled


def format_duration(seconds: float | None) -> str:
    if seconds is None:
        return "not closed"  # killed or still running: the turns are kept all the same
    seconds = max(0, round(seconds))
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{hours} h {minutes:02d} min"
    if minutes:
        return f"{minutes} min {secs:02d} s"
    return f"{secs} s"


def session_rows(sessions: Sequence[SessionInfo]) -> list[SessionRow]:
    """Rows for the list, in the store's order (newest first)."""
    return [
        SessionRow(
            id=s.id,
            started=datetime.fromtimestamp(s.started_at).strftime("%Y-%m-%d %H:%M"),
            duration=format_duration(None if s.ended_at is None else s.ended_at - s.started_at),
            turns=s.turn_count,
            title=s.title or "(no words)",
        )
        for s in sessions
    ]


def session_timeline(store: HistoryStore, session_id: int) -> list[TimelineEntry]:
    """Turns, tool calls, snapshots and notes of one session in time order."""
    entries: list[tuple[float, int, TimelineEntry]] = []
    for t in store.turns(session_id):
        who = ROLE_NAMES.get(t.role, t.role.capitalize())
        kind: EntryKind = "note" if t.role == "note" else "turn"
        entry = TimelineEntry(t.started_at, kind, who, t.text.strip(), t.interrupted)
        entries.append((t.started_at, 0, entry))
    for c in store.tool_calls(session_id):
        text = f"{c.name}({_short(c.args)})"
        if c.result is not None:
            text += f" → {_short(c.result)}"
        entries.append(
            (c.started_at, 1, TimelineEntry(c.started_at, "tool", "Tool", text, False, c.status))
        )
    for s in store.snapshots(session_id):
        caption = s.caption or "snapshot"
        text = f"{caption} ({len(s.data):,} bytes)"
        entries.append((s.at, 2, TimelineEntry(s.at, "snapshot", "Snapshot", text)))
    for n in store.notes_of(session_id):
        entries.append((n.at, 3, TimelineEntry(n.at, "note", n.level.capitalize(), n.text)))
    entries.sort(key=lambda item: (item[0], item[1]))
    return [entry for _, _, entry in entries]


def entry_text(entry: TimelineEntry) -> str:
    """One transcript line: time, who, words, and the marks that matter for a ticket."""
    when = datetime.fromtimestamp(entry.at).strftime("%H:%M:%S")
    text = entry.text or "…"
    if entry.kind == "tool":
        return f"{when}  {entry.who} {TOOL_MARKS.get(entry.status, entry.status)}: {text}"
    mark = "  [interrupted]" if entry.interrupted else ""
    return f"{when}  {entry.who}: {text}{mark}"


def _short(value: object, limit: int = 80) -> str:
    text = value if isinstance(value, str) else repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def ask_confirmation(parent: QWidget, question: str) -> bool:
    answer = QMessageBox.question(
        parent,
        "Delete session",
        question,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,  # the safe answer is the default one
    )
    return answer == QMessageBox.StandardButton.Yes


class HistoryDialog(QDialog):
    def __init__(
        self,
        store: HistoryStore,
        parent: QWidget | None = None,
        *,
        confirm: Confirm = ask_confirmation,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Session history")
        self.setAccessibleName("Session history")
        self.resize(980, 600)
        self._store = store
        self._confirm = confirm
        self._loaded = False

        self.sessions = QTreeWidget()
        self.sessions.setAccessibleName("Sessions, newest first")
        self.sessions.setHeaderLabels(["Started", "Duration", "Turns", "First words"])
        self.sessions.setRootIsDecorated(False)
        self.sessions.setUniformRowHeights(True)
        self.sessions.setAllColumnsShowFocus(True)
        self.sessions.currentItemChanged.connect(self._on_current_changed)

        self.transcript = QListWidget()
        self.transcript.setAccessibleName("Transcript of the selected session")
        self.transcript.setWordWrap(True)
        self.transcript.setUniformItemSizes(False)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.sessions)
        splitter.addWidget(self.transcript)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)

        self.export_md_button = QPushButton("Export &Markdown…")
        self.export_md_button.setAccessibleName("Export the session as Markdown")
        self.export_md_button.clicked.connect(self.export_markdown_interactive)
        self.export_json_button = QPushButton("Export &JSON…")
        self.export_json_button.setAccessibleName("Export the session as JSON")
        self.export_json_button.clicked.connect(self.export_json_interactive)
        self.delete_button = QPushButton("&Delete…")
        self.delete_button.setAccessibleName("Delete the session")
        self.delete_button.clicked.connect(self.delete_selected)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)

        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)  # shows paths and error texts
        self.status.setAccessibleName("History status")
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        actions = QHBoxLayout()
        for button in (self.export_md_button, self.export_json_button, self.delete_button):
            actions.addWidget(button)
        actions.addStretch(1)
        actions.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.status)
        layout.addLayout(actions)
        self._update_buttons()

    # -- loading ---------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._loaded:
            self.refresh()

    def refresh(self) -> None:
        """Reload the session list, keeping the selection when the session still exists."""
        self._loaded = True
        keep = self.selected_session_id()
        try:
            rows = session_rows(self._store.list_sessions())
        except HistoryError as exc:
            self.status.setText(f"Could not read the history: {exc}")
            return
        self.sessions.clear()
        for row in rows:
            item = QTreeWidgetItem([row.started, row.duration, str(row.turns), row.title])
            item.setData(0, Qt.ItemDataRole.UserRole, row.id)
            item.setTextAlignment(2, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.sessions.addTopLevelItem(item)
        for column in range(3):
            self.sessions.resizeColumnToContents(column)
        if rows:
            self.select_session(keep if keep in {r.id for r in rows} else rows[0].id)
        else:
            self.transcript.clear()
            self.status.setText("No sessions recorded yet.")
        self._update_buttons()

    def _items(self) -> list[QTreeWidgetItem]:
        found = (self.sessions.topLevelItem(i) for i in range(self.sessions.topLevelItemCount()))
        return [item for item in found if item is not None]

    def session_ids(self) -> list[int]:
        """Ids in the order shown."""
        return [int(item.data(0, Qt.ItemDataRole.UserRole)) for item in self._items()]

    def select_session(self, session_id: int) -> None:
        for item in self._items():
            if item.data(0, Qt.ItemDataRole.UserRole) == session_id:
                self.sessions.setCurrentItem(item)
                return
        raise KeyError(session_id)

    def selected_session_id(self) -> int | None:
        item = self.sessions.currentItem()
        return None if item is None else int(item.data(0, Qt.ItemDataRole.UserRole))

    def transcript_lines(self) -> list[str]:
        return [self.transcript.item(i).text() for i in range(self.transcript.count())]

    def _on_current_changed(self) -> None:
        self._update_buttons()
        session_id = self.selected_session_id()
        self.transcript.clear()
        if session_id is None:
            return
        try:
            entries = session_timeline(self._store, session_id)
        except HistoryError as exc:
            self.status.setText(f"Could not read session {session_id}: {exc}")
            return
        for entry in entries:
            item = QListWidgetItem(entry_text(entry))
            if entry.interrupted or entry.kind in ("note", "tool", "snapshot"):
                font = item.font()
                font.setItalic(True)  # set apart by shape, not colour: the palette decides
                item.setFont(font)
            if entry.kind == "turn" and entry.who == ROLE_NAMES["user"]:
                font = item.font()
                font.setBold(True)
                item.setFont(font)
            self.transcript.addItem(item)
        self.status.setText(f"{len(entries)} entries.")

    def _update_buttons(self) -> None:
        has = self.selected_session_id() is not None
        for button in (self.export_md_button, self.export_json_button, self.delete_button):
            button.setEnabled(has)

    # -- export ----------------------------------------------------------------------------

    def export_markdown(self, path: Path) -> Path:
        """Write the selected session as Markdown; snapshots go beside it as image files."""
        session_id = self._require_selection()
        text = self._store.export_markdown(session_id, image_dir=path.parent)
        return self._write(path, text)

    def export_json(self, path: Path, *, include_images: bool = False) -> Path:
        session_id = self._require_selection()
        return self._write(path, self._store.export_json(session_id, include_images))

    def _write(self, path: Path, text: str) -> Path:
        path.write_text(text, encoding="utf-8")
        self.status.setText(f"Exported to {path}")
        return path

    def _require_selection(self) -> int:
        session_id = self.selected_session_id()
        if session_id is None:
            raise LookupError("no session is selected")
        return session_id

    def export_markdown_interactive(self) -> None:
        self._export_interactive("Markdown (*.md)", ".md", self.export_markdown)

    def export_json_interactive(self) -> None:
        self._export_interactive("JSON (*.json)", ".json", self.export_json)

    def _export_interactive(
        self, filter_text: str, suffix: str, export: Callable[[Path], Path]
    ) -> None:
        session_id = self.selected_session_id()
        if session_id is None:
            return
        name, _ = QFileDialog.getSaveFileName(
            self, "Export session", f"session-{session_id}{suffix}", filter_text
        )
        if not name:
            return
        path = Path(name)
        if not path.suffix:
            path = path.with_suffix(suffix)
        try:
            export(path)
        except (HistoryError, OSError) as exc:
            self.status.setText(f"Export failed: {exc}")

    # -- delete ----------------------------------------------------------------------------

    def delete_selected(self) -> bool:
        """Ask, then delete the selected session. Returns True when it was deleted."""
        session_id = self.selected_session_id()
        item = self.sessions.currentItem()
        if session_id is None or item is None:
            return False
        question = (
            f"Delete the session of {item.text(0)} ({item.text(2)} turns)? "
            "Its transcript, tool calls and snapshots (the picture files too) cannot be "
            "recovered."
        )
        if not self._confirm(self, question):
            return False
        try:
            self._store.delete_session(session_id)
        except HistoryError as exc:
            self.status.setText(f"Could not delete the session: {exc}")
            return False
        self.refresh()
        self.status.setText("Session deleted.")
        return True
