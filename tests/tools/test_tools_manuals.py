"""The manual index over generated PDF, Markdown and text documents."""

from __future__ import annotations

import asyncio
import os
from pathlib import Path

import pytest
from tools_fixtures import markdown_with_pages, write_pdf

from desktop.tools.manuals import IndexProgress, ManualIndex, split_passages, text_pages

PUMP_PAGES = [
    "P-200 centrifugal pump service manual\nSafety: isolate the motor before opening the casing.",
    "Impeller clearance\nSet the impeller clearance to 0.35 mm using feeler gauges.",
    "Flange bolts\nTighten the discharge flange bolts in a star pattern to 85 Nm.",
]

VALVE_PAGES = [
    "Overview of the V-12 butterfly valve and its actuator.",
    "## Seal replacement\n\nReplace the shaft seal with kit 4471 and grease the O-rings.",
    "## Actuator\n\nThe pneumatic actuator needs 6 bar supply pressure.",
]


@pytest.fixture
def manuals(tmp_path: Path) -> Path:
    folder = tmp_path / "manuals"
    (folder / "valves").mkdir(parents=True)
    write_pdf(folder / "pump-p200.pdf", PUMP_PAGES)
    (folder / "valves" / "v12.md").write_text(markdown_with_pages("V-12 valve", VALVE_PAGES))
    (folder / "compressor.txt").write_text(
        "Compressor C-9 quick guide\fOil change every 2000 hours with ISO VG 46 oil.\f"
        "Belt tension: 10 mm deflection at midspan."
    )
    (folder / "broken.pdf").write_bytes(b"%PDF-1.4 this is not really a pdf")
    (folder / "photo.jpg").write_bytes(b"\xff\xd8not indexed")
    return folder


def make_index(tmp_path: Path, folder: Path) -> ManualIndex:
    return ManualIndex(tmp_path / "data" / "manuals.sqlite3", folder)


def test_finds_the_right_document_and_page(tmp_path: Path, manuals: Path) -> None:
    index = make_index(tmp_path, manuals)
    progress = index.refresh()
    assert progress.total == 4 and progress.added == 4 and progress.finished
    assert len(progress.failed) == 1 and progress.failed[0].startswith("broken.pdf: ")
    try:
        hits = index.search("impeller clearance")
        assert (hits[0].document, hits[0].page) == ("pump-p200.pdf", 2)
        assert "0.35 mm" in hits[0].text

        hits = index.search("what torque for the flange bolts?")
        assert (hits[0].document, hits[0].page) == ("pump-p200.pdf", 3)

        hits = index.search("seal kit")
        assert (hits[0].document, hits[0].page, hits[0].section) == (
            "valves/v12.md",
            2,
            "Seal replacement",
        )
        hits = index.search("oil change interval")  # not every word is there: any-word fallback
        assert (hits[0].document, hits[0].page) == ("compressor.txt", 2)

        hits = index.search("actuator pressure", limit=1)
        assert len(hits) == 1 and (hits[0].document, hits[0].page) == ("valves/v12.md", 3)
        assert index.counts()[0] == 3
    finally:
        index.close()


def test_queries_with_search_syntax_and_nothing_found(tmp_path: Path, manuals: Path) -> None:
    index = make_index(tmp_path, manuals)
    index.refresh()
    try:
        assert index.search('torque "spec AND (NOT * -x') != []
        assert index.search("zebra giraffe") == []
        assert index.search("  ?! ") == []
    finally:
        index.close()


def test_incremental_reindex_after_changes(tmp_path: Path, manuals: Path) -> None:
    index = make_index(tmp_path, manuals)
    index.refresh()
    try:
        again = index.refresh()
        assert (again.added, again.updated, again.removed, again.unchanged) == (0, 0, 0, 4)

        doc = manuals / "valves" / "v12.md"
        new_pages = [*VALVE_PAGES[:2], "## Actuator\n\nThe electric actuator runs on 24 V DC."]
        doc.write_text(markdown_with_pages("V-12 valve", new_pages))
        stat = doc.stat()
        os.utime(doc, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
        changed = index.refresh()
        assert (changed.added, changed.updated, changed.unchanged) == (0, 1, 3)
        assert [(h.document, h.page) for h in index.search("electric actuator 24 V")][:1] == [
            ("valves/v12.md", 3)
        ]
        assert index.search("pneumatic") == []

        (manuals / "compressor.txt").unlink()
        write_pdf(manuals / "pump-p300.pdf", ["P-300 manual", "Coupling alignment within 0.05 mm."])
        moved = index.refresh()
        assert (moved.added, moved.removed) == (1, 1)
        assert index.search("belt tension") == []
        assert (index.search("coupling alignment")[0].document, 2) == ("pump-p300.pdf", 2)
    finally:
        index.close()


def test_the_index_survives_reopening_and_a_damaged_file(tmp_path: Path, manuals: Path) -> None:
    first = make_index(tmp_path, manuals)
    first.refresh()
    first.close()
    reopened = make_index(tmp_path, manuals)
    try:
        assert reopened.search("impeller")[0].page == 2  # no refresh needed
        assert reopened.refresh().unchanged == 4
    finally:
        reopened.close()

    db = tmp_path / "data" / "manuals.sqlite3"
    for side in (db.with_name(db.name + "-wal"), db.with_name(db.name + "-shm")):
        side.unlink(missing_ok=True)
    db.write_bytes(b"garbage, not a database" * 100)
    damaged = make_index(tmp_path, manuals)
    try:
        assert damaged.refresh().added == 4
        assert damaged.search("impeller")[0].page == 2
    finally:
        damaged.close()


async def test_background_refresh_reports_progress_on_the_loop(
    tmp_path: Path, manuals: Path
) -> None:
    for i in range(30):
        (manuals / f"note-{i:02d}.md").write_text(f"# Note {i}\n\nInspection round {i} done.")
    index = make_index(tmp_path, manuals)
    seen: list[IndexProgress] = []
    loop_thread: list[bool] = []

    def on_progress(p: IndexProgress) -> None:
        loop_thread.append(asyncio.get_running_loop() is not None)
        seen.append(p)

    try:
        final = await asyncio.wait_for(index.refresh_async(on_progress), 60)
        await asyncio.sleep(0)  # the last progress callback was scheduled on this loop
        assert final.finished and final.done == final.total == 34
        assert seen and seen[-1] == final and all(loop_thread)
        assert index.search("inspection round 17")[0].document == "note-17.md"
    finally:
        index.close()


def test_missing_folder_is_an_empty_index(tmp_path: Path) -> None:
    index = make_index(tmp_path, tmp_path / "nowhere")
    try:
        progress = index.refresh()
        assert progress.total == 0 and progress.finished
        assert index.search("anything") == []
    finally:
        index.close()


def test_pages_and_passages_of_text() -> None:
    pages = list(text_pages("one\fsecond page\n<!-- page 7 -->\nseventh\f\feighth? no: ninth"))
    assert [(p.number, p.text.strip()) for p in pages] == [
        (1, "one"),
        (2, "second page"),
        (7, "seventh"),
        (9, "eighth? no: ninth"),
    ]
    long = " ".join(f"word{i}" for i in range(400))
    pieces = list(split_passages(f"# Intro\nFirst line\n\n{long}\n\n## Next\ntail"))
    assert pieces[0] == ("Intro", "First line")
    assert all(len(body) <= 700 for _, body in pieces)
    assert pieces[-1] == ("Next", "tail")
    assert " ".join(body for h, body in pieces if h == "Intro").count("word") == 400
