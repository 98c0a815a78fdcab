"""Frozen app: start-up to window shown (cold and warm) and build size.

Run: .venv/bin/python bench/bench_startup.py [--app DIR] [--warm N] [--onefile FILE]
Prints a table, then one JSON line (the last line) for tracking.

- build: without --app, `bash packaging/build.sh` builds the one-folder app into a temp
  folder first (its wall time is reported too).
- start-up: from spawning the executable to the app's log line "Window shown" on stderr,
  on a private Xvfb (xcb, as a user sees it; offscreen when Xvfb is missing), simulator
  backend, no video, no connection. The app is then closed with SIGTERM.
- cold: every file of the bundle is evicted from the page cache first (posix_fadvise
  DONTNEED; plus /proc/sys/vm/drop_caches when permitted, which also evicts system
  libraries). warm: the median of N further starts.
- size: the one-folder build on disk (du, apparent sizes of regular files) and its largest
  parts.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import platform
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
APP_NAME = "FieldAssist"
MARKER = "Window shown"
TARGET_COLD_S = 3.0
TARGET_SIZE_MB = 250.0


def build(out: Path) -> float:
    started = time.monotonic()
    subprocess.run(
        ["bash", str(REPO / "packaging" / "build.sh"), str(out)],
        env=dict(os.environ, PYTHON=sys.executable),
        check=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,  # PyInstaller's warnings; build.sh fails loudly on errors
    )
    return time.monotonic() - started


@contextlib.contextmanager
def display() -> Iterator[dict[str, str]]:
    """A private Xvfb, or offscreen Qt when Xvfb is not installed."""
    if shutil.which("Xvfb") is None:
        yield {"QT_QPA_PLATFORM": "offscreen"}
        return
    read_fd, write_fd = os.pipe()
    proc = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write_fd), "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
        pass_fds=(write_fd,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write_fd)
    with os.fdopen(read_fd) as pipe:
        number = pipe.readline().strip()
    try:
        yield {"DISPLAY": f":{number}", "QT_QPA_PLATFORM": "xcb"}
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def evict(folder: Path) -> bool:
    """Drop the bundle (and, if allowed, everything) from the page cache; True if global."""
    for path in folder.rglob("*"):
        if path.is_file() and not path.is_symlink():
            fd = os.open(path, os.O_RDONLY)
            try:
                os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
            finally:
                os.close(fd)
    try:
        os.sync()
        Path("/proc/sys/vm/drop_caches").write_text("3\n")
    except OSError:
        return False
    return True


def start_once(executable: Path, env: dict[str, str], timeout: float = 60.0) -> float:
    """Seconds from spawn to the "Window shown" log line."""
    home = Path(tempfile.mkdtemp(prefix="fa-bench-home-"))
    run_env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "VIRTUAL_ENV"))}
    run_env.update(env, FIELDASSIST_HOME=str(home))
    for name in ("GEMINI_API_KEY", "GOOGLE_API_KEY"):
        run_env.pop(name, None)
    started = time.monotonic()
    proc = subprocess.Popen(
        [str(executable), "--backend", "simulator", "--video-source", "none"],
        env=run_env,
        cwd=home,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert proc.stderr is not None
        for line in proc.stderr:
            if MARKER in line:
                elapsed = time.monotonic() - started
                break
            if time.monotonic() - started > timeout:
                raise RuntimeError(f"no {MARKER!r} within {timeout} s")
        else:
            raise RuntimeError(f"the app exited ({proc.wait()}) before {MARKER!r}")
        proc.send_signal(signal.SIGTERM)
        proc.communicate(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        shutil.rmtree(home, ignore_errors=True)
    return elapsed


def size_of(folder: Path) -> tuple[float, int, list[tuple[str, float]]]:
    parts: dict[str, int] = {}
    total, files = 0, 0
    internal = folder / "_internal"
    for path in folder.rglob("*"):
        if path.is_file() and not path.is_symlink():
            size = path.stat().st_size
            total += size
            files += 1
            rel = path.relative_to(internal if internal in path.parents else folder)
            key = rel.parts[0] if len(rel.parts) > 1 else "(top-level libraries)"
            parts[key] = parts.get(key, 0) + size
    largest = sorted(parts.items(), key=lambda kv: -kv[1])[:8]
    return total / 1e6, files, [(k, v / 1e6) for k, v in largest]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--app", type=Path, help="a built one-folder app (OUT_DIR/FieldAssist)")
    parser.add_argument("--warm", type=int, default=5, help="warm starts to take the median of")
    parser.add_argument("--onefile", type=Path, help="also time a one-file build's cold start")
    args = parser.parse_args()

    build_s = None
    with tempfile.TemporaryDirectory(prefix="fa-bench-build-") as tmp:
        folder = args.app
        if folder is None:
            build_s = build(Path(tmp))
            folder = Path(tmp) / APP_NAME
        executable = folder / APP_NAME
        size_mb, files, largest = size_of(folder)
        with display() as env:
            global_evict = evict(folder)
            cold = start_once(executable, env)
            warm = [start_once(executable, env) for _ in range(args.warm)]
            onefile_cold = onefile_warm = None
            if args.onefile is not None:
                evict(args.onefile.parent)
                onefile_cold = start_once(args.onefile, env)
                onefile_warm = start_once(args.onefile, env)
        platform_name = env["QT_QPA_PLATFORM"]

    warm_median = statistics.median(warm)
    rows = [
        ("cold start to window shown (s)", f"{cold:.2f}", f"<= {TARGET_COLD_S}"),
        (f"warm start, median of {len(warm)} (s)", f"{warm_median:.2f}", ""),
        ("one-folder size (MB)", f"{size_mb:.0f}", f"<= {TARGET_SIZE_MB:.0f}"),
        ("files", str(files), ""),
    ]
    if build_s is not None:
        rows.append(("build time (s)", f"{build_s:.0f}", ""))
    if onefile_cold is not None and onefile_warm is not None and args.onefile is not None:
        rows.append(("one-file cold start (s)", f"{onefile_cold:.2f}", ""))
        rows.append(("one-file warm start (s)", f"{onefile_warm:.2f}", ""))
        rows.append(("one-file size (MB)", f"{args.onefile.stat().st_size / 1e6:.0f}", ""))
    print(
        f"FieldAssist frozen start-up ({platform_name}, {platform.machine()}, "
        f"{os.cpu_count()} cores; cold = {'all caches' if global_evict else 'bundle'} evicted)"
    )
    print(f"{'measure':<36} {'value':>8}  target")
    for name, value, target in rows:
        print(f"{name:<36} {value:>8}  {target}")
    print("largest parts (MB): " + ", ".join(f"{k} {v:.0f}" for k, v in largest))
    result = {
        "bench": "startup",
        "platform": platform_name,
        "cold_s": round(cold, 3),
        "warm_median_s": round(warm_median, 3),
        "warm_s": [round(w, 3) for w in warm],
        "cold_evicts_all_caches": global_evict,
        "size_mb": round(size_mb, 1),
        "files": files,
        "build_s": round(build_s, 1) if build_s is not None else None,
        "onefile_cold_s": round(onefile_cold, 3) if onefile_cold is not None else None,
        "onefile_warm_s": round(onefile_warm, 3) if onefile_warm is not None else None,
        "target_cold_s": TARGET_COLD_S,
        "target_size_mb": TARGET_SIZE_MB,
    }
    print(json.dumps(result, separators=(",", ":")))
    return 0


if __name__ == "__main__":
    sys.exit(main())
