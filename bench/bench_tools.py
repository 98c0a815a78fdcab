"""Tool costs: manual index build and query latency, tool call overhead.

Run: .venv/bin/python bench/bench_tools.py [--docs 500] [--pages 10] [--queries 300]
Prints a table, then one JSON line (the last line) for tracking.

- corpus: `--docs` generated documents of `--pages` pages (~250 words a page, a technical
  vocabulary with part numbers); one in ten is a PDF (written by tests/tools/tools_fixtures),
  the rest Markdown with `<!-- page N -->` markers or text with form feeds
- build: a full index from nothing; refresh: nothing changed; incremental: 5 documents changed
- query: ManualIndex.search (2-3 words from the vocabulary), and the search_manuals tool
  through ToolRegistry.call (arguments checked, worker thread, output made plain)
- overhead: ToolRegistry.call of a trivial handler minus awaiting the handler directly
- round trip: toolCall into the session core -> RunTool -> registry -> ToolResult ->
  SendToolResults out (the path between the live adapter's receive and send, no socket)
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "tools"))

from tools_fixtures import write_pdf  # noqa: E402  # after the path set-up above

from desktop.session import events as ev  # noqa: E402
from desktop.session.core import SessionCore  # noqa: E402
from desktop.tools import Tool, Toolbox, ToolContext, ToolRegistry  # noqa: E402
from desktop.tools.manuals import ManualIndex  # noqa: E402

TARGET_QUERY_P95_MS = 50.0
TARGET_OVERHEAD_MS = 10.0
WORDS_PER_PAGE = 250

VOCAB = [
    "pump",
    "impeller",
    "casing",
    "seal",
    "shaft",
    "bearing",
    "flange",
    "bolt",
    "torque",
    "gasket",
    "valve",
    "actuator",
    "pneumatic",
    "hydraulic",
    "pressure",
    "relief",
    "coupling",
    "alignment",
    "motor",
    "starter",
    "contactor",
    "relay",
    "fuse",
    "breaker",
    "terminal",
    "wiring",
    "insulation",
    "resistance",
    "vibration",
    "temperature",
    "sensor",
    "thermocouple",
    "calibration",
    "filter",
    "strainer",
    "cartridge",
    "lubrication",
    "grease",
    "oil",
    "viscosity",
    "compressor",
    "belt",
    "tension",
    "pulley",
    "sprocket",
    "chain",
    "gearbox",
    "reducer",
    "inverter",
    "drive",
    "encoder",
    "clearance",
    "tolerance",
    "inspection",
    "maintenance",
    "interval",
    "replacement",
    "spare",
    "kit",
    "o-ring",
    "diaphragm",
    "piston",
    "cylinder",
    "stroke",
    "nozzle",
    "manifold",
    "hose",
    "fitting",
    "thread",
    "sealant",
    "epoxy",
    "corrosion",
    "coating",
    "weld",
    "bracket",
    "mounting",
    "anchor",
    "foundation",
    "grout",
    "level",
    "shim",
]
FILLER = [
    "the",
    "a",
    "of",
    "to",
    "and",
    "in",
    "for",
    "with",
    "on",
    "at",
    "by",
    "is",
    "be",
    "check",
    "ensure",
    "before",
    "after",
    "when",
]


def page_text(rng: random.Random) -> str:
    words = []
    for _ in range(WORDS_PER_PAGE):
        roll = rng.random()
        if roll < 0.45:
            words.append(rng.choice(VOCAB))
        elif roll < 0.5:
            words.append(f"{rng.randint(1000, 9999)}")
        else:
            words.append(rng.choice(FILLER))
    lines = [" ".join(words[i : i + 12]) for i in range(0, len(words), 12)]
    paras = ["\n".join(lines[i : i + 4]) for i in range(0, len(lines), 4)]
    return "\n\n".join(paras)


def make_corpus(folder: Path, docs: int, pages: int, seed: int = 7) -> int:
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    total_pages = 0
    for d in range(docs):
        texts = [page_text(rng) for _ in range(pages)]
        total_pages += pages
        if d % 10 == 0:
            write_pdf(folder / f"manual-{d:04d}.pdf", texts)
        elif d % 2 == 0:
            body = "\n".join(
                f"<!-- page {i} -->\n## Section {i}\n\n{t}" for i, t in enumerate(texts, 1)
            )
            (folder / f"manual-{d:04d}.md").write_text(f"# Manual {d}\n\n{body}")
        else:
            (folder / f"manual-{d:04d}.txt").write_text("\f".join(texts))
    return total_pages


def pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def bench_index(folder: Path, db: Path, queries: int) -> dict[str, float]:
    index = ManualIndex(db, folder)
    t0 = time.perf_counter()
    built = index.refresh()
    build_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    index.refresh()
    refresh_s = time.perf_counter() - t0
    changed = sorted(folder.iterdir())[1:6]
    for path in changed:
        if path.suffix != ".pdf":
            path.write_text(path.read_text() + "\n\nappended maintenance note 4242")
    t0 = time.perf_counter()
    incremental = index.refresh()
    incremental_s = time.perf_counter() - t0
    docs, passages = index.counts()

    rng = random.Random(11)
    samples: list[float] = []
    hits = 0
    for _ in range(queries):
        q = " ".join(rng.sample(VOCAB, rng.choice((2, 3))))
        t0 = time.perf_counter()
        found = index.search(q, 3)
        samples.append((time.perf_counter() - t0) * 1000)
        hits += bool(found)
    index.close()
    return {
        "documents": docs,
        "passages": passages,
        "failed": len(built.failed),
        "updated": incremental.updated,
        "build_s": round(build_s, 2),
        "refresh_unchanged_s": round(refresh_s, 3),
        "refresh_5_changed_s": round(incremental_s, 3),
        "db_mb": round(db.stat().st_size / 2**20, 1),
        "query_p50_ms": round(pct(samples, 50), 2),
        "query_p95_ms": round(pct(samples, 95), 2),
        "query_max_ms": round(max(samples), 2),
        "queries_with_hits": hits,
    }


async def bench_tool_search(folder: Path, data: Path, queries: int) -> dict[str, float]:
    box = Toolbox(ToolContext(data_dir=data, manuals_dir=folder))
    await box.start()
    task = box.reindex()
    if task is not None:
        await task
    rng = random.Random(13)
    samples: list[float] = []
    for i in range(queries):
        q = " ".join(rng.sample(VOCAB, 2))
        item = ev.ToolCallItem(f"s{i}", "search_manuals", {"query": q})
        t0 = time.perf_counter()
        result = await box.call(item)
        samples.append((time.perf_counter() - t0) * 1000)
        assert not result.is_error, result.response
    await box.aclose()
    return {
        "tool_query_p50_ms": round(pct(samples, 50), 2),
        "tool_query_p95_ms": round(pct(samples, 95), 2),
    }


async def bench_overhead(calls: int) -> dict[str, float]:
    async def part_stock(part_number: str, warehouse: str = "north") -> dict[str, object]:
        """Stock of a part."""
        return {"part": part_number, "stock": 12, "warehouse": warehouse}

    registry = ToolRegistry()
    registry.add(Tool.from_function(part_stock))
    args = {"part_number": "4471"}
    direct: list[float] = []
    via: list[float] = []
    for i in range(calls):
        t0 = time.perf_counter()
        await part_stock(**args)
        direct.append((time.perf_counter() - t0) * 1000)
        item = ev.ToolCallItem(f"c{i}", "part_stock", args)
        t0 = time.perf_counter()
        await registry.call(item)
        via.append((time.perf_counter() - t0) * 1000)

    # toolCall received -> toolResponse sent, through the session core (no socket).
    core = SessionCore()
    core.feed(ev.StartRequested())
    core.feed(ev.LinkOpened())
    core.drain()
    trips: list[float] = []
    for i in range(calls):
        t0 = time.perf_counter()
        core.feed(ev.ToolCallRequested((ev.ToolCallItem(f"r{i}", "part_stock", args),)))
        (run,) = [c for c in core.drain() if isinstance(c, ev.RunTool)]
        result = await registry.call(run.call)
        core.feed(result)
        sent = [c for c in core.drain() if isinstance(c, ev.SendToolResults)]
        trips.append((time.perf_counter() - t0) * 1000)
        assert sent and sent[0].results[0].id == f"r{i}"
        core.drain_ui()
    direct_median = statistics.median(direct)
    return {
        "handler_direct_median_ms": round(direct_median, 4),
        "registry_call_median_ms": round(statistics.median(via), 4),
        "registry_overhead_median_ms": round(statistics.median(via) - direct_median, 4),
        "registry_overhead_p95_ms": round(pct(via, 95) - direct_median, 4),
        "round_trip_median_ms": round(statistics.median(trips), 4),
        "round_trip_p95_ms": round(pct(trips, 95), 4),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=500)
    parser.add_argument("--pages", type=int, default=10)
    parser.add_argument("--queries", type=int, default=300)
    parser.add_argument("--calls", type=int, default=2000)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="bench-tools-") as tmp:
        folder = Path(tmp) / "manuals"
        t0 = time.perf_counter()
        pages = make_corpus(folder, args.docs, args.pages)
        gen_s = time.perf_counter() - t0
        index = bench_index(folder, Path(tmp) / "index" / "manuals.sqlite3", args.queries)
        tool = asyncio.run(bench_tool_search(folder, Path(tmp) / "index", args.queries))
    overhead = asyncio.run(bench_overhead(args.calls))

    rows = [
        ("corpus", f"{args.docs} documents, {pages} pages (generated in {gen_s:.1f} s)"),
        ("index build (full)", f"{index['build_s']} s -> {index['documents']} docs, "
                               f"{index['passages']} passages, {index['db_mb']} MB"),
        ("refresh, nothing changed", f"{index['refresh_unchanged_s']} s"),
        ("refresh, 5 documents changed", f"{index['refresh_5_changed_s']} s"),
        ("query p50 / p95 / max", f"{index['query_p50_ms']} / {index['query_p95_ms']} / "
                                  f"{index['query_max_ms']} ms ({index['queries_with_hits']}"
                                  f"/{args.queries} with hits)"),
        ("search_manuals tool p50 / p95", f"{tool['tool_query_p50_ms']} / "
                                          f"{tool['tool_query_p95_ms']} ms"),
        ("handler direct (median)", f"{overhead['handler_direct_median_ms']} ms"),
        ("registry.call overhead median / p95", f"{overhead['registry_overhead_median_ms']} / "
                                                f"{overhead['registry_overhead_p95_ms']} ms"),
        ("toolCall -> core -> registry -> toolResponse", f"{overhead['round_trip_median_ms']} / "
                                                          f"{overhead['round_trip_p95_ms']} ms "
                                                          "(median / p95)"),
    ]  # fmt: skip
    width = max(len(r[0]) for r in rows)
    for name, value in rows:
        print(f"{name:<{width}}  {value}")
    query_met = index["query_p95_ms"] <= TARGET_QUERY_P95_MS
    tool_met = tool["tool_query_p95_ms"] <= TARGET_QUERY_P95_MS
    overhead_met = overhead["registry_overhead_p95_ms"] <= TARGET_OVERHEAD_MS
    print(
        f"targets: query p95 <= {TARGET_QUERY_P95_MS} ms {'met' if query_met else 'MISSED'} "
        f"(tool path {'met' if tool_met else 'MISSED'}); overhead <= {TARGET_OVERHEAD_MS} ms "
        f"{'met' if overhead_met else 'MISSED'}"
    )
    result = {
        "bench": "tools",
        "python": platform.python_version(),
        "sqlite": sqlite3.sqlite_version,
        "cpus": os.cpu_count(),
        "docs": args.docs,
        "pages": pages,
        "index": index,
        "tool": tool,
        "overhead": overhead,
        "targets": {
            "query_p95_ms": TARGET_QUERY_P95_MS,
            "query_met": query_met,
            "tool_query_met": tool_met,
            "overhead_ms": TARGET_OVERHEAD_MS,
            "overhead_met": overhead_met,
        },
    }
    print(json.dumps(result, separators=(",", ":")))


if __name__ == "__main__":
    main()
