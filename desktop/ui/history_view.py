"""The history browser: past sessions, one transcript at a time, export and delete.

The rows and the transcript lines are built by plain functions over the HistoryStore
(`session_rows`, `session_timeline`, `entry_text`) so they can be checked without widgets;
the dialog only lays them out. Reads happen on first show and on refresh(), never in the
constructor.

Nothing here waits on the database on the Qt thread: the dialog reads through a read-only
connection of its own (`HistoryStore.open_reader`: it never shares the writer's lock, and in
WAL mode never waits for another program's write lock), on worker threads (asyncio.to_thread;
"Loading…" meanwhile); deletes go through the history writer's queue like every other write,
and exports are read and written on a worker thread too. The session being recorded is never
deleted: its later turns would have nowhere to go.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable, Coroutine, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from typing import Any, Literal, TypeVar

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
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

from desktop.infra import paths
from desktop.infra.history import HistoryError, HistoryStore, SessionInfo
from desktop.infra.history_writer import HistoryWriter
from desktop.infra.i18n_marks import QT_TRANSLATE_NOOP
from desktop.ui.i18n import format_when, translate

EntryKind = Literal["turn", "tool", "snapshot", "note"]
ROLE_NAMES = {
    "user": QT_TRANSLATE_NOOP("History", "Technician"),
    "model": QT_TRANSLATE_NOOP("History", "Assistant"),
    "note": QT_TRANSLATE_NOOP("History", "Note"),
}
TOOL_MARKS = {
    "pending": "…",
    "ok": "✓",
    "error": "✗",
    "declined": QT_TRANSLATE_NOOP("History", "declined"),
    "cancelled": QT_TRANSLATE_NOOP("History", "cancelled"),
}
# Confirm(parent, question) -> True to go ahead.
Confirm = Callable[[QWidget, str], bool]
# The row id of the session being recorded now, if any (the writer's recording_session).
CurrentSession = Callable[[], int | None]
# make_report(session row id): writes that session's job report in the background.
MakeReport = Callable[[int], None]
T = TypeVar("T")

LOADING_TEXT = QT_TRANSLATE_NOOP("History", "Loading…")
SEARCH_DELAY_MS = 250  # typing pauses this long before the search runs
RECORDING_TEXT = QT_TRANSLATE_NOOP(
    "History",
    "This session is being recorded and cannot be deleted now; delete it once it has ended.",
)
DELETING_TEXT = QT_TRANSLATE_NOOP(
    "History", "Deleting… (as soon as the history database can be written)"
)


@dataclass(frozen=True)
class SessionRow:
    id: int
    started: str  # local date and time
    duration: str
    turns: int
    title: str
    job: str = ""  # the job or ticket ID the session was for, if one was given


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
        return translate(
            "History", "not closed"
        )  # killed or still running: the turns are kept all the same
    seconds = max(0, round(seconds))
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return translate("History", "{hours} h {minutes} min").format(
            hours=hours, minutes=f"{minutes:02d}"
        )
    if minutes:
        return translate("History", "{minutes} min {seconds} s").format(
            minutes=minutes, seconds=f"{secs:02d}"
        )
    return translate("History", "{seconds} s").format(seconds=secs)


def session_rows(sessions: Sequence[SessionInfo]) -> list[SessionRow]:
    """Rows for the list, in the store's order (newest first)."""
    return [
        SessionRow(
            id=s.id,
            started=format_when(s.started_at),
            duration=format_duration(None if s.ended_at is None else s.ended_at - s.started_at),
            turns=s.turn_count,
            title=s.title or translate("History", "(no words)"),
            job=str(s.meta.get("job_id", "")),
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


def matching_rows(store: HistoryStore, query: str) -> list[SessionRow]:
    """Every session, or those whose turns, notes or tool calls match `query`, newest first;
    with a query each row's title is its best match, the words found in [brackets]."""
    rows = session_rows(store.list_sessions())
    if not query.strip():
        return rows
    found: dict[int, str] = {}
    for hit in store.search(query):
        found.setdefault(hit.session_id, " ".join(hit.snippet.split()))
    return [replace(row, title=found[row.id]) for row in rows if row.id in found]


def entry_text(entry: TimelineEntry) -> str:
    """One transcript line: time, who, words, and the marks that matter for a ticket."""
    when = datetime.fromtimestamp(entry.at).strftime("%H:%M:%S")
    text = entry.text or "…"
    if entry.kind == "tool":
        mark = translate("History", TOOL_MARKS.get(entry.status, entry.status))
        return f"{when}  {translate('History', entry.who)} {mark}: {text}"
    mark = "  " + translate("History", "[interrupted]") if entry.interrupted else ""
    return f"{when}  {translate('History', entry.who)}: {text}{mark}"


def _short(value: object, limit: int = 80) -> str:
    text = value if isinstance(value, str) else repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def ask_confirmation(parent: QWidget, question: str) -> bool:
    answer = QMessageBox.question(
        parent,
        translate("History", "Delete session"),
        question,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,  # the safe answer is the default one
    )
    return answer == QMessageBox.StandardButton.Yes


class _Reader:
    """The dialog's read-only connection, opened by the first worker that needs it."""

    def __init__(self, path: Path, snapshot_dir: Path | None) -> None:
        self._path = path
        self._snapshot_dir = snapshot_dir
        self._lock = threading.Lock()
        self._store: HistoryStore | None = None

    def read(self, read: Callable[[HistoryStore], T]) -> T:
        with self._lock:
            if self._store is None:
                self._store = HistoryStore.open_reader(self._path, snapshot_dir=self._snapshot_dir)
            store = self._store
        return read(store)

    def close(self) -> None:
        with self._lock:
            store, self._store = self._store, None
        if store is not None:
            store.close()


class HistoryDialog(QDialog):
    """`history`: the app's writer (deletes are queued on it) or, for tools and tests, an open
    store (deleted from on a worker thread). Either way reads use a read-only connection of
    the dialog's own to the same file. `current_session` names the session being recorded,
    which is never deleted; with a writer it defaults to the writer's recording_session."""

    def __init__(
        self,
        history: HistoryWriter | HistoryStore,
        parent: QWidget | None = None,
        *,
        confirm: Confirm = ask_confirmation,
        current_session: CurrentSession | None = None,
        make_report: MakeReport | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("History", "Session history"))
        self.setAccessibleName(translate("History", "Session history"))
        self.resize(980, 600)
        self._writer = history if isinstance(history, HistoryWriter) else None
        self._owner_store = history if isinstance(history, HistoryStore) else None
        if current_session is None and self._writer is not None:
            current_session = self._writer.recording_session
        self._current_session: CurrentSession = current_session or (lambda: None)
        self._confirm = confirm
        self._make_report = make_report
        self._loaded = False
        self.query = ""  # the search the list shows ("" = every session)
        folder = None if self._owner_store is None else self._owner_store.snapshot_dir
        self._reader = _Reader(history.path or paths.history_path(), folder)
        self._tasks: set[asyncio.Task[None]] = set()
        self._generation = 0  # a newer load or selection makes an older answer stale
        self._build()

    def _build_report_button(self) -> None:
        self.report_button = QPushButton(translate("History", "Job &report…"))
        self.report_button.setAccessibleName(
            translate("History", "Write the job report of the session")
        )
        self.report_button.setToolTip(
            translate("History", "The job report (PDF) of the selected session")
        )
        self.report_button.clicked.connect(self.report_selected)
        self.report_button.setVisible(self._make_report is not None)

    def _build_search(self) -> None:
        """Search across sessions (turns, notes, tool calls; FTS5 in the history database),
        run off the Qt thread a moment after the typing stops."""
        self.search_box = QLineEdit()
        self.search_box.setPlaceholderText(
            translate("History", "Search all sessions: words said, notes, tools…")
        )
        self.search_box.setAccessibleName(translate("History", "Search all sessions"))
        self.search_box.setClearButtonEnabled(True)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self._search_now)
        self.search_box.textChanged.connect(lambda _text: self._search_timer.start())
        self.search_box.returnPressed.connect(self._search_now)

    def _build(self) -> None:
        self._build_search()
        self._build_report_button()
        self.sessions = QTreeWidget()
        self.sessions.setAccessibleName(translate("History", "Sessions, newest first"))
        self.sessions.setHeaderLabels(
            [
                translate("History", "Started"),
                translate("History", "Duration"),
                translate("History", "Turns"),
                translate("History", "First words"),
                translate("History", "Job"),
            ]
        )
        self.sessions.setRootIsDecorated(False)
        self.sessions.setUniformRowHeights(True)
        self.sessions.setAllColumnsShowFocus(True)
        self.sessions.currentItemChanged.connect(self._on_current_changed)

        self.transcript = QListWidget()
        self.transcript.setAccessibleName(
            translate("History", "Transcript of the selected session")
        )
        self.transcript.setWordWrap(True)
        self.transcript.setUniformItemSizes(False)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.sessions)
        splitter.addWidget(self.transcript)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)

        self.export_md_button = QPushButton(translate("History", "Export &Markdown…"))
        self.export_md_button.setAccessibleName(
            translate("History", "Export the session as Markdown")
        )
        self.export_md_button.clicked.connect(self.export_markdown_interactive)
        self.export_json_button = QPushButton(translate("History", "Export &JSON…"))
        self.export_json_button.setAccessibleName(
            translate("History", "Export the session as JSON")
        )
        self.export_json_button.clicked.connect(self.export_json_interactive)
        self.delete_button = QPushButton(translate("History", "&Delete…"))
        self.delete_button.setAccessibleName(translate("History", "Delete the session"))
        self.delete_button.clicked.connect(self.delete_selected)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)

        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)  # shows paths and error texts
        self.status.setAccessibleName(translate("History", "History status"))
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        actions = QHBoxLayout()
        for button in (
            self.report_button,
            self.export_md_button,
            self.export_json_button,
            self.delete_button,
        ):
            actions.addWidget(button)
        actions.addStretch(1)
        actions.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.search_box)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.status)
        layout.addLayout(actions)
        self._update_buttons()

    # -- work off the Qt thread --------------------------------------------------------------

    def _spawn(self, work: Coroutine[Any, Any, None], name: str) -> None:
        """Run `work` on the app's loop (qasync). Without one nothing can run off the Qt
        thread, and the dialog says so rather than block."""
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            work.close()
            self.status.setText(
                translate("History", "The history can only be read while the app is running.")
            )
            return
        task = loop.create_task(work, name=name)
        self._tasks.add(task)  # referenced until done
        task.add_done_callback(self._tasks.discard)

    async def settled(self) -> None:
        """Wait until every load, delete and export started so far has finished."""
        while self._tasks:
            await asyncio.gather(*list(self._tasks), return_exceptions=True)

    @property
    def busy(self) -> bool:
        return bool(self._tasks)

    def _read(self, read: Callable[[HistoryStore], T]) -> Coroutine[Any, Any, T]:
        """`read` on a worker thread, over the dialog's own read-only connection (the worker
        touches no widget)."""
        return asyncio.to_thread(self._reader.read, read)

    def done(self, result: int) -> None:
        # A read may still be running: the connection is closed on a thread of its own.
        closing = threading.Thread(target=self._reader.close, name="history-reader-close")
        closing.daemon = True
        closing.start()
        super().done(result)

    # -- loading ---------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._loaded:
            self.refresh()

    def refresh(self) -> None:
        """Reload the session list (off the Qt thread), keeping the selection when the
        session still exists."""
        self._loaded = True
        self.status.setText(translate("History", LOADING_TEXT))  # at once, not when the task starts
        self._spawn(self.reload(), "history-load")

    async def reload(self) -> None:
        self._generation += 1
        generation = self._generation
        keep = self.selected_session_id()
        self.status.setText(translate("History", LOADING_TEXT))
        query = self.query
        try:
            rows = await self._read(lambda store: matching_rows(store, query))
        except HistoryError as exc:
            if generation == self._generation:
                self.status.setText(
                    translate("History", "Could not read the history: {reason}").format(
                        reason=exc.reason
                    )
                )
            return
        if generation != self._generation:
            return
        header = self.sessions.headerItem()
        header.setText(
            3, translate("History", "Best match") if query else translate("History", "First words")
        )
        self.sessions.blockSignals(True)  # the transcript is loaded below, once
        try:
            self.sessions.clear()
            for row in rows:
                item = QTreeWidgetItem(
                    [row.started, row.duration, str(row.turns), row.title, row.job]
                )
                item.setData(0, Qt.ItemDataRole.UserRole, row.id)
                item.setTextAlignment(
                    2, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                )
                self.sessions.addTopLevelItem(item)
            for column in range(3):
                self.sessions.resizeColumnToContents(column)
            if rows:
                self.select_session(keep if keep in {r.id for r in rows} else rows[0].id)
        finally:
            self.sessions.blockSignals(False)
        self._update_buttons()
        if rows:
            await self._show_transcript()
            if query:
                self.status.setText(
                    translate("History", "“{query}” found in {count} sessions.").format(
                        query=query, count=len(rows)
                    )
                )
        else:
            self.transcript.clear()
            self.status.setText(
                translate("History", "Nothing found for “{query}”.").format(query=query)
                if query
                else translate("History", "No sessions recorded yet.")
            )

    def _search_now(self) -> None:
        self._search_timer.stop()
        query = self.search_box.text().strip()
        if query != self.query:
            self.query = query
            self.refresh()

    def _items(self) -> list[QTreeWidgetItem]:
        found = (self.sessions.topLevelItem(i) for i in range(self.sessions.topLevelItemCount()))
        return [item for item in found if item is not None]

    def session_ids(self) -> list[int]:
        """Ids in the order shown."""
        return [int(item.data(0, Qt.ItemDataRole.UserRole)) for item in self._items()]

    def select_session(self, session_id: int) -> None:
        """Select a session; its transcript is loaded off the Qt thread (see settled())."""
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
        self._spawn(self._show_transcript(), "history-transcript")

    async def _show_transcript(self) -> None:
        self._generation += 1
        generation = self._generation
        session_id = self.selected_session_id()
        self.transcript.clear()
        if session_id is None:
            return
        self.status.setText(translate("History", LOADING_TEXT))
        try:
            entries = await self._read(lambda store: session_timeline(store, session_id))
        except HistoryError as exc:
            if generation == self._generation:
                self.status.setText(
                    translate("History", "Could not read session {session}: {reason}").format(
                        session=session_id, reason=exc.reason
                    )
                )
            return
        if generation != self._generation:
            return  # another session was selected meanwhile
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
        self.status.setText(translate("History", "{count} entries.").format(count=len(entries)))

    def _update_buttons(self) -> None:
        has = self.selected_session_id() is not None
        for button in (
            self.report_button,
            self.export_md_button,
            self.export_json_button,
            self.delete_button,
        ):
            button.setEnabled(has)

    # -- the job report --------------------------------------------------------------------

    def report_selected(self) -> bool:
        """Hand the selected session to the window's report maker (which works off the Qt
        thread and says in the main window where the report went)."""
        session_id = self.selected_session_id()
        if session_id is None or self._make_report is None:
            return False
        self._make_report(session_id)
        self.status.setText(
            translate("History", "Writing the job report of session {session}…").format(
                session=session_id
            )
        )
        return True

    # -- export ----------------------------------------------------------------------------

    async def export_markdown(self, path: Path) -> Path:
        """Write the selected session as Markdown; snapshots go beside it as image files."""
        session_id = self._require_selection()
        text = await self._read(lambda s: s.export_markdown(session_id, image_dir=path.parent))
        return await self._write(path, text)

    async def export_json(self, path: Path, *, include_images: bool = False) -> Path:
        session_id = self._require_selection()
        text = await self._read(lambda s: s.export_json(session_id, include_images))
        return await self._write(path, text)

    async def _write(self, path: Path, text: str) -> Path:
        await asyncio.to_thread(path.write_text, text, encoding="utf-8")
        self.status.setText(translate("History", "Exported to {path}").format(path=path))
        return path

    def _require_selection(self) -> int:
        session_id = self.selected_session_id()
        if session_id is None:
            raise LookupError("no session is selected")
        return session_id

    def export_markdown_interactive(self) -> None:
        self._export_interactive(
            translate("History", "Markdown (*.md)"), ".md", self.export_markdown
        )

    def export_json_interactive(self) -> None:
        self._export_interactive(translate("History", "JSON (*.json)"), ".json", self.export_json)

    def _export_interactive(
        self,
        filter_text: str,
        suffix: str,
        export: Callable[[Path], Coroutine[Any, Any, Path]],
    ) -> None:
        session_id = self.selected_session_id()
        if session_id is None:
            return
        name, _ = QFileDialog.getSaveFileName(
            self,
            translate("History", "Export session"),
            f"session-{session_id}{suffix}",
            filter_text,
        )
        if not name:
            return
        path = Path(name)
        if not path.suffix:
            path = path.with_suffix(suffix)
        self.status.setText(translate("History", "Exporting to {path}…").format(path=path))
        self._spawn(self._export_reporting(export, path), "history-export")

    async def _export_reporting(
        self, export: Callable[[Path], Coroutine[Any, Any, Path]], path: Path
    ) -> None:
        try:
            await export(path)
        except HistoryError as exc:
            self.status.setText(
                translate("History", "Export failed: {reason}").format(reason=exc.reason)
            )
        except OSError as exc:
            self.status.setText(translate("History", "Export failed: {reason}").format(reason=exc))

    # -- delete ----------------------------------------------------------------------------

    def delete_selected(self) -> bool:
        """Ask, then delete the selected session (through the writer's queue, off the Qt
        thread; see settled()). Returns True when the delete was started. The session being
        recorded is refused with a message, without asking."""
        session_id = self.selected_session_id()
        item = self.sessions.currentItem()
        if session_id is None or item is None:
            return False
        if session_id == self._current_session():
            self.status.setText(translate("History", RECORDING_TEXT))
            return False
        question = translate(
            "History",
            "Delete the session of {started} ({turns} turns)? "
            "Its transcript, tool calls and snapshots (the picture files too) cannot be "
            "recovered.",
        ).format(started=item.text(0), turns=item.text(2))
        if not self._confirm(self, question):
            return False
        self.status.setText(translate("History", DELETING_TEXT))
        self.delete_button.setEnabled(False)
        self._spawn(self._delete(session_id), "history-delete")
        return True

    async def _delete(self, session_id: int) -> None:
        try:
            if self._writer is not None:
                await asyncio.wrap_future(self._writer.delete_session(session_id))
            elif self._owner_store is not None:
                await asyncio.to_thread(self._owner_store.delete_session, session_id)
        except HistoryError as exc:
            self.status.setText(
                translate("History", "Could not delete the session: {reason}").format(
                    reason=exc.reason
                )
            )
            self._update_buttons()
            return
        await self.reload()
        self.status.setText(translate("History", "Session deleted."))
