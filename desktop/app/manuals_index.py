"""The manuals folder for the Settings dialog: which folder, how many documents are indexed,
and a re-index with progress. The index is the one the search_manuals tool reads
(`<data dir>/manuals.sqlite3`, desktop.tools.manuals), so a re-index here is what the next
session searches.
"""

from __future__ import annotations

import asyncio
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from desktop.infra import paths

INDEX_FILE = "manuals.sqlite3"  # desktop.tools.toolbox.INDEX_FILE


@dataclass(frozen=True, slots=True)
class ManualsStatus:
    done: int  # documents looked at in this run
    total: int  # documents found in the folder
    current: str = ""  # the document being read
    documents: int | None = None  # in the index once finished
    failed: tuple[str, ...] = ()  # "name: reason"
    finished: bool = False
    error: str = ""  # the folder or the index could not be used at all


def manuals_folder(setting: str) -> Path:
    """The folder a Settings value means: "" is <data dir>/manuals."""
    return Path(setting).expanduser() if setting.strip() else paths.data_dir() / "manuals"


async def indexed_documents(folder: Path) -> int | None:
    """Documents the index holds now (None: no index yet or unreadable). Off the loop."""
    from desktop.tools.manuals import ManualIndex

    index = ManualIndex(paths.data_dir() / INDEX_FILE, folder)
    if not await asyncio.to_thread(index.db_path.exists):
        return None
    try:
        documents, _ = await asyncio.to_thread(index.counts)
    except Exception:  # a damaged index: the re-index rebuilds it
        return None
    return documents


async def reindex(folder: Path, on_progress: Callable[[ManualsStatus], None]) -> ManualsStatus:
    """Bring the index up to date with `folder`, reporting progress on the calling loop."""
    from desktop.tools.manuals import IndexProgress, ManualIndex

    if not await asyncio.to_thread(folder.is_dir):
        status = ManualsStatus(0, 0, finished=True, error=f"No such folder: {folder}")
        on_progress(status)
        return status
    await asyncio.to_thread(paths.private_dir, paths.data_dir())  # 0700, like all our data
    index = ManualIndex(paths.data_dir() / INDEX_FILE, folder)

    def relay(p: IndexProgress) -> None:
        on_progress(ManualsStatus(p.done, p.total, p.current, failed=p.failed))

    try:
        final = await index.refresh_async(relay)
        documents, _ = await asyncio.to_thread(index.counts)
    except (OSError, sqlite3.Error) as exc:
        status = ManualsStatus(0, 0, finished=True, error=f"Cannot index {folder}: {exc}")
        on_progress(status)
        return status
    status = ManualsStatus(
        final.done, final.total, documents=documents, failed=final.failed, finished=True
    )
    on_progress(status)
    return status
