"""Full-text index of the technician's documents (PDF, Markdown, text) in SQLite FTS5.

Documents are cut into passages (a few paragraphs of one page) so that an answer quotes the
part that matters, with the document's name and page. Pages: a PDF's own pages; in text and
Markdown a form feed starts a new page, and a `<!-- page N -->` line sets the page number.

Re-indexing is incremental: a document is read again only when its size or mtime changed,
and documents that disappeared are dropped. Indexing is blocking work meant for a worker
thread (`refresh`, or `refresh_async` from the event loop); searches may run meanwhile (WAL).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import re
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

log = logging.getLogger(__name__)

SCHEMA_VERSION = "1"
SUFFIXES = frozenset({".pdf", ".md", ".markdown", ".txt", ".text"})
PASSAGE_CHARS = 700  # about one paragraph or two: enough to answer, short enough to speak
PROGRESS_EVERY_S = 0.1

_PAGE_MARK = re.compile(r"^\s*<!--\s*page[:\s]+(\d+)\s*-->\s*$", re.IGNORECASE)
_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$")
_WORD = re.compile(r"\w+", re.UNICODE)

_DDL = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS documents (
    id INTEGER PRIMARY KEY,
    path TEXT UNIQUE NOT NULL,
    mtime_ns INTEGER NOT NULL,
    size INTEGER NOT NULL,
    pages INTEGER NOT NULL DEFAULT 0,
    error TEXT
);
CREATE TABLE IF NOT EXISTS passages (
    id INTEGER PRIMARY KEY,
    doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    page INTEGER NOT NULL,
    heading TEXT NOT NULL,
    title TEXT NOT NULL,
    body TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS passages_doc ON passages(doc_id);
CREATE VIRTUAL TABLE IF NOT EXISTS passages_fts USING fts5(
    body, heading, title,
    content='passages', content_rowid='id',
    tokenize='porter unicode61 remove_diacritics 2'
);
CREATE TRIGGER IF NOT EXISTS passages_ai AFTER INSERT ON passages BEGIN
    INSERT INTO passages_fts(rowid, body, heading, title)
    VALUES (new.id, new.body, new.heading, new.title);
END;
CREATE TRIGGER IF NOT EXISTS passages_ad AFTER DELETE ON passages BEGIN
    INSERT INTO passages_fts(passages_fts, rowid, body, heading, title)
    VALUES ('delete', old.id, old.body, old.heading, old.title);
END;
"""


class ManualIndexError(Exception):
    """The index file cannot be used (and could not be rebuilt)."""


@dataclass(frozen=True)
class IndexProgress:
    """Where a refresh stands: shown in the UI while indexing runs in the background."""

    done: int = 0  # documents looked at
    total: int = 0  # documents found in the folder
    current: str = ""  # the document being read
    added: int = 0
    updated: int = 0
    removed: int = 0
    unchanged: int = 0
    failed: tuple[str, ...] = ()  # "name: reason"
    finished: bool = False
    seconds: float = 0.0


@dataclass(frozen=True)
class Passage:
    document: str  # path relative to the manuals folder
    page: int
    section: str
    text: str
    score: float  # bm25: lower is better


@dataclass(frozen=True)
class _Page:
    number: int
    text: str


@dataclass
class _State:
    progress: IndexProgress = field(default_factory=IndexProgress)
    building: bool = False


ProgressCallback = Callable[[IndexProgress], None]


class ManualIndex:
    """The index of one folder, stored in `db_path`. The constructor does no I/O."""

    def __init__(self, db_path: Path, folder: Path | None) -> None:
        self.db_path = db_path
        self.folder = folder
        self._refresh_lock = threading.Lock()
        self._read_lock = threading.Lock()
        self._reader: sqlite3.Connection | None = None
        self._state = _State()

    # -- status -----------------------------------------------------------------------------

    @property
    def progress(self) -> IndexProgress:
        return self._state.progress

    @property
    def building(self) -> bool:
        return self._state.building

    def counts(self) -> tuple[int, int]:
        """(documents, passages) in the index."""
        with self._reading() as conn:
            docs = conn.execute("SELECT count(*) FROM documents WHERE error IS NULL").fetchone()
            passages = conn.execute("SELECT count(*) FROM passages").fetchone()
        return int(docs[0]), int(passages[0])

    # -- indexing ---------------------------------------------------------------------------

    def refresh(
        self,
        on_progress: ProgressCallback | None = None,
        should_stop: Callable[[], bool] = lambda: False,
    ) -> IndexProgress:
        """Bring the index up to date with the folder (blocking; one refresh at a time)."""
        with self._refresh_lock:
            self._state.building = True
            try:
                return self._refresh(on_progress, should_stop)
            finally:
                self._state.building = False

    async def refresh_async(self, on_progress: ProgressCallback | None = None) -> IndexProgress:
        """`refresh` in a worker thread; progress is delivered on the calling event loop.

        Cancelling stops the worker between documents (or PDF pages) and waits for it.
        """
        loop = asyncio.get_running_loop()
        stop = threading.Event()

        def deliver(p: IndexProgress) -> None:
            if on_progress is not None:
                loop.call_soon_threadsafe(on_progress, p)

        work = asyncio.ensure_future(asyncio.to_thread(self.refresh, deliver, stop.is_set))
        try:
            return await asyncio.shield(work)
        except asyncio.CancelledError:
            stop.set()
            with contextlib.suppress(Exception):
                await work
            raise

    def _refresh(
        self, on_progress: ProgressCallback | None, should_stop: Callable[[], bool]
    ) -> IndexProgress:
        started = time.perf_counter()
        files = self._scan()
        progress = IndexProgress(total=len(files))
        self._state.progress = progress
        last_report = 0.0
        failed: list[str] = []
        with self._writing() as conn:
            known = {
                row[0]: (row[1], row[2], row[3])
                for row in conn.execute("SELECT path, mtime_ns, size, id FROM documents")
            }
            for gone in set(known) - set(files):
                conn.execute("DELETE FROM documents WHERE id = ?", (known[gone][2],))
                progress = replace(progress, removed=progress.removed + 1)
            conn.commit()
            for rel, found in files.items():
                if should_stop():
                    break
                progress = replace(progress, current=rel)
                old = known.get(rel)
                if old is not None and old[:2] == found[1:]:
                    progress = replace(progress, unchanged=progress.unchanged + 1)
                else:
                    error = self._index_one(conn, rel, found, should_stop)
                    if error:
                        failed.append(f"{rel}: {error}")
                    key = "added" if old is None else "updated"
                    progress = replace(progress, **{key: getattr(progress, key) + 1})
                progress = replace(progress, done=progress.done + 1, failed=tuple(failed))
                self._state.progress = progress
                now = time.perf_counter()
                if on_progress is not None and now - last_report >= PROGRESS_EVERY_S:
                    last_report = now
                    on_progress(progress)
            if progress.added or progress.updated or progress.removed:
                conn.execute("INSERT INTO passages_fts(passages_fts) VALUES ('optimize')")
                conn.commit()
        progress = replace(
            progress,
            current="",
            finished=not should_stop(),
            seconds=time.perf_counter() - started,
        )
        self._state.progress = progress
        if on_progress is not None:
            on_progress(progress)
        return progress

    def _scan(self) -> dict[str, tuple[Path, int, int]]:
        """Documents in the folder: relative name -> (path, mtime_ns, size)."""
        found: dict[str, tuple[Path, int, int]] = {}
        if self.folder is None or not self.folder.is_dir():
            return found
        for root, dirs, names in os.walk(self.folder):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            for name in sorted(names):
                path = Path(root, name)
                if name.startswith(".") or path.suffix.lower() not in SUFFIXES:
                    continue
                try:
                    st = path.stat()
                except OSError:
                    continue  # vanished while walking
                found[path.relative_to(self.folder).as_posix()] = (path, st.st_mtime_ns, st.st_size)
        return found

    def _index_one(
        self,
        conn: sqlite3.Connection,
        rel: str,
        found: tuple[Path, int, int],
        should_stop: Callable[[], bool],
    ) -> str:
        """(Re)index one document in one transaction; returns an error text or ""."""
        path, mtime_ns, size = found
        error = ""
        try:
            pages = list(read_pages(path, should_stop))
        except Exception as exc:  # unreadable, encrypted or corrupt: recorded, retried when changed
            log.info("Cannot index %s: %s", rel, exc)
            error = f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
            pages = []
        title = _title(rel)
        conn.execute("DELETE FROM documents WHERE path = ?", (rel,))
        cur = conn.execute(
            "INSERT INTO documents (path, mtime_ns, size, pages, error) VALUES (?, ?, ?, ?, ?)",
            (rel, mtime_ns, size, len(pages), error or None),
        )
        doc_id = cur.lastrowid
        conn.executemany(
            "INSERT INTO passages (doc_id, page, heading, title, body) VALUES (?, ?, ?, ?, ?)",
            (
                (doc_id, page.number, heading, title, body)
                for page in pages
                for heading, body in split_passages(page.text)
            ),
        )
        conn.commit()
        return error

    # -- searching --------------------------------------------------------------------------

    def search(self, query: str, limit: int = 3) -> list[Passage]:
        """The best passages for `query`: all words first, any word if that finds too few."""
        words = [w for w in _WORD.findall(query.lower()) if len(w) > 1 or w.isdigit()]
        if not words:
            return []
        quoted = [f'"{w}"' for w in dict.fromkeys(words)]
        found = self._match(" ".join(quoted), limit)
        if len(found) < limit and len(quoted) > 1:
            seen = {(p.document, p.page, p.text) for p in found}
            for extra in self._match(" OR ".join(quoted), limit * 2):
                if (extra.document, extra.page, extra.text) not in seen and len(found) < limit:
                    found.append(extra)
        return found

    def _match(self, expression: str, limit: int) -> list[Passage]:
        with self._reading() as conn:
            rows = conn.execute(
                "SELECT d.path, p.page, p.heading, p.body, bm25(passages_fts, 1.0, 2.0, 1.5) AS s "
                "FROM passages_fts JOIN passages p ON p.id = passages_fts.rowid "
                "JOIN documents d ON d.id = p.doc_id "
                "WHERE passages_fts MATCH ? ORDER BY s LIMIT ?",
                (expression, limit),
            ).fetchall()
        return [Passage(r[0], int(r[1]), r[2], r[3], float(r[4])) for r in rows]

    # -- connections ------------------------------------------------------------------------

    def close(self) -> None:
        with self._read_lock:
            if self._reader is not None:
                self._reader.close()
                self._reader = None

    @contextlib.contextmanager
    def _reading(self) -> Iterator[sqlite3.Connection]:
        with self._read_lock:
            if self._reader is None:
                self._reader = self._connect()
            yield self._reader

    @contextlib.contextmanager
    def _writing(self) -> Iterator[sqlite3.Connection]:
        conn = self._connect()
        try:
            yield conn
        finally:
            conn.close()

    def _connect(self) -> sqlite3.Connection:
        self.db_path.parent.mkdir(parents=True, exist_ok=True)
        try:
            return self._open()
        except sqlite3.DatabaseError as exc:
            # A damaged index is only a cache of the documents: move it aside and rebuild.
            log.warning("Manual index %s unusable (%s); rebuilding", self.db_path, exc)
            with contextlib.suppress(OSError):
                self.db_path.replace(self.db_path.with_suffix(".damaged"))
            try:
                return self._open()
            except sqlite3.DatabaseError as again:
                raise ManualIndexError(f"cannot open the manual index: {again}") from again

    def _open(self) -> sqlite3.Connection:
        conn = sqlite3.connect(self.db_path, timeout=30, check_same_thread=False)
        try:
            conn.execute("PRAGMA journal_mode=WAL")  # searches read while the indexer writes
            conn.execute("PRAGMA foreign_keys=ON")
            conn.execute("PRAGMA synchronous=NORMAL")
            version = _schema_version(conn)
            if version != SCHEMA_VERSION:  # written only when needed: readers must not wait
                if version is not None:
                    _drop_all(conn)
                conn.executescript(_DDL)
                conn.execute(
                    "INSERT OR REPLACE INTO meta (key, value) VALUES ('schema', ?)",
                    (SCHEMA_VERSION,),
                )
                conn.commit()
        except sqlite3.DatabaseError:
            conn.close()
            raise
        return conn


def _schema_version(conn: sqlite3.Connection) -> str | None:
    if not _has_table(conn, "meta"):
        return None
    row = conn.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone()
    return str(row[0]) if row else ""


def _has_table(conn: sqlite3.Connection, name: str) -> bool:
    row = conn.execute("SELECT 1 FROM sqlite_master WHERE type='table' AND name=?", (name,))
    return row.fetchone() is not None


def _drop_all(conn: sqlite3.Connection) -> None:
    for stmt in (
        "DROP TRIGGER IF EXISTS passages_ai",
        "DROP TRIGGER IF EXISTS passages_ad",
        "DROP TABLE IF EXISTS passages_fts",
        "DROP TABLE IF EXISTS passages",
        "DROP TABLE IF EXISTS documents",
        "DROP TABLE IF EXISTS meta",
    ):
        conn.execute(stmt)


def _title(rel: str) -> str:
    return " ".join(re.split(r"[\s_\-./]+", rel.rsplit(".", 1)[0]))


# -- reading documents --------------------------------------------------------------------


def read_pages(path: Path, should_stop: Callable[[], bool] = lambda: False) -> Iterator[_Page]:
    if path.suffix.lower() == ".pdf":
        yield from _pdf_pages(path, should_stop)
    else:
        yield from text_pages(path.read_bytes().decode("utf-8-sig", errors="replace"))


def _pdf_pages(path: Path, should_stop: Callable[[], bool]) -> Iterator[_Page]:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(path)
        if reader.is_encrypted:
            raise ValueError("the PDF is encrypted")
        pages = reader.pages
        for number, page in enumerate(pages, start=1):
            if should_stop():
                return
            yield _Page(number, page.extract_text() or "")
    except PdfReadError as exc:
        raise ValueError(f"not a readable PDF ({exc})") from exc


def text_pages(text: str) -> Iterator[_Page]:
    """Pages of a text/Markdown document: form feeds and `<!-- page N -->` markers."""
    number = 1
    lines: list[str] = []
    for chunk_no, chunk in enumerate(text.split("\f")):
        if chunk_no:
            if "".join(lines).strip():
                yield _Page(number, "\n".join(lines))
            number += 1
            lines = []
        for line in chunk.splitlines():
            mark = _PAGE_MARK.match(line)
            if mark:
                if "".join(lines).strip():
                    yield _Page(number, "\n".join(lines))
                number = int(mark.group(1))
                lines = []
            else:
                lines.append(line)
    if "".join(lines).strip():
        yield _Page(number, "\n".join(lines))


def split_passages(text: str) -> Iterator[tuple[str, str]]:
    """(nearest heading, passage) pieces of one page, each at most about PASSAGE_CHARS."""
    heading = ""
    buf: list[str] = []
    size = 0

    def flush() -> Iterator[tuple[str, str]]:
        nonlocal buf, size
        if buf:
            yield heading, "\n\n".join(buf)
        buf, size = [], 0

    def add(lines: list[str]) -> Iterator[tuple[str, str]]:
        nonlocal size
        for piece in _cut(" ".join(" ".join(lines).split())):
            if size and size + len(piece) > PASSAGE_CHARS:
                yield from flush()
            buf.append(piece)
            size += len(piece)

    for para in re.split(r"\n\s*\n", text):
        lines: list[str] = []
        for line in para.splitlines():
            match = _HEADING.match(line)
            if match is None:
                lines.append(line)
                continue
            yield from add(lines)
            yield from flush()
            lines, heading = [], match.group(1).strip()
        yield from add(lines)
    yield from flush()


def _cut(para: str) -> Iterator[str]:
    """A paragraph longer than a passage, cut at word boundaries."""
    while len(para) > PASSAGE_CHARS:
        cut = para.rfind(" ", 0, PASSAGE_CHARS)
        cut = cut if cut > PASSAGE_CHARS // 2 else PASSAGE_CHARS
        yield para[:cut]
        para = para[cut:].lstrip()
    if para:
        yield para
