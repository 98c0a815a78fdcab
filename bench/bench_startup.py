"""Start-up and battery as a technician meets them: launch -> setup frame at the server.

Run: .venv/bin/python bench/bench_startup.py [--runs 5] [--cpu-seconds 50] [--variants ...]
     .venv/bin/python bench/bench_startup.py --frozen [--app DIR] [--warm N] [--onefile FILE]
Prints a table, then one JSON line (the last line) for tracking.

The real thing, each part its own process: the simulator (`python -m desktop.sim --port 0
--report-setup FILE`, a TLS Live endpoint) writes the wall-clock time each setup frame
arrives; the program is started with `--backend gemini --endpoint wss://... --ca-file ...
--connect --video-source <a 720p video file>` on a private Xvfb and a private PulseAudio
(null sinks: a real microphone and speaker), in a fresh FIELDASSIST_HOME each run.

- launch -> setup: from spawning the program to the simulator receiving the setup frame;
  `--runs` runs per variant (median and worst). Variants: plain; a stuck MCP server in
  tools.toml (`command = "sleep"`, `args = ["120"]`); a manuals folder of 500 documents to
  index; the key in a slow keyring (answers after 0.8 s, no key in the environment); the
  history database held (BEGIN EXCLUSIVE) by another process.
- baseline: the console quickstart shape (google-genai client, connect, send the setup,
  nothing else) against the same simulator in the same run: the ratio's denominator.
- launch -> window painted: the program's "Window painted" log line (first paint event).
- loop lag: the program runs with FIELDASSIST_LAG_PROBE=1 and logs how late a 10 ms timer
  fires on its Qt/asyncio thread: p99 over its first 3 s (start) and per 10 s (steady).
- steady state CPU: one plain run kept going with speech played into the microphone every
  few seconds (the simulator answers it: full duplex) and the video file looping; CPU from
  10 s after connect over `--cpu-seconds` (default 50: up to 60 s after connect), from
  /proc/<pid>/stat, with a per-thread breakdown from /proc/<pid>/task/*/stat by name.
- --frozen: also the packaging figures of the one-folder build (built into a temp folder
  unless --app is given; minutes): cold and warm start to "Window shown", size, and launch
  -> setup for the frozen program (plain and stuck MCP).
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
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(REPO / "tests"))  # support.pulse, support.db_lock

APP_NAME = "FieldAssist"
MARKER = "Window shown"
PAINTED = "Window painted"
TARGET_COLD_S = 3.0
TARGET_SIZE_MB = 250.0
TARGET_SETUP_MEDIAN_S = 1.0
TARGET_SETUP_WORST_S = 1.5
TARGET_PAINT_S = 0.5
TARGET_CPU_PCT = 15.0
TARGET_LAG_MS = 10.0
BENCH_KEY = "bench-" + "key"  # the simulator accepts any key but "bad-key"
TICKS = os.sysconf("SC_CLK_TCK")
VARIANTS = ("plain", "stuck-mcp", "manuals-500", "slow-keyring", "history-locked")
QUICKSTART = """
import asyncio, ssl, sys
from google import genai
from google.genai import types

async def main() -> None:
    url, ca = sys.argv[1], sys.argv[2]
    ctx = ssl.create_default_context(cafile=ca)
    client = genai.Client(api_key=sys.argv[3], http_options=types.HttpOptions(
        base_url=url, api_version="v1beta", async_client_args={"ssl": ctx}))
    config = types.LiveConnectConfig(response_modalities=["AUDIO"])
    async with client.aio.live.connect(model="gemini-live-2.5-flash-preview", config=config):
        pass

asyncio.run(main())
"""


# -- the parts: display, simulator, one launch ------------------------------------------------


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


@dataclass
class Simulator:
    """`python -m desktop.sim` in its own process, reporting setup arrivals to a file."""

    report: Path
    proc: subprocess.Popen[str] | None = None
    url: str = ""
    ca_file: str = ""

    def start(self) -> Simulator:
        self.proc = subprocess.Popen(
            [
                *(sys.executable, "-m", "desktop.sim", "--port", "0"),
                *("--log-level", "WARNING", "--report-setup", str(self.report)),
            ],
            cwd=REPO,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
        )
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            if "listening at" in line:
                self.url = line.rsplit(" ", 1)[1].strip()
            elif line.startswith("CA file"):
                self.ca_file = line.rsplit(" ", 1)[1].strip()
                break
        if not (self.url and self.ca_file):
            raise RuntimeError("the simulator did not start")
        return self

    def setups(self) -> list[float]:
        if not self.report.exists():
            return []
        return [float(line.split()[1]) for line in self.report.read_text().splitlines()]

    def wait_setup(self, after: int, limit_s: float) -> float:
        """Wall time of setup number `after` + 1 (polled: the report is another process's)."""
        end = time.monotonic() + limit_s
        while time.monotonic() < end:
            found = self.setups()
            if len(found) > after:
                return found[after]
            time.sleep(0.002)
        raise RuntimeError(f"no setup frame within {limit_s} s")

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()


@dataclass
class Launch:
    """One program process; its stderr lines with their wall-clock arrival times."""

    proc: subprocess.Popen[str]
    started: float
    lines: list[tuple[float, str]] = field(default_factory=list)

    def read(self) -> None:
        assert self.proc.stderr is not None
        for line in self.proc.stderr:
            self.lines.append((time.time(), line))

    def line_time(self, marker: str, limit_s: float = 30.0) -> float:
        end = time.monotonic() + limit_s
        while time.monotonic() < end:
            for at, text in list(self.lines):
                if marker in text:
                    return at
            if self.proc.poll() is not None:
                break
            time.sleep(0.005)
        raise RuntimeError(f"no {marker!r} in the program's log")

    def close(self) -> None:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()


def program_env(display_env: dict[str, str], home: Path, pulse_server: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PULSE_",))}
    for name in ("GEMINI_API_KEY", "GOOGLE_API_KEY", "PYTHON_KEYRING_BACKEND"):
        env.pop(name, None)
    env.update(display_env, FIELDASSIST_HOME=str(home), PULSE_SERVER=pulse_server)
    env["GEMINI_API_KEY"] = BENCH_KEY
    env["FIELDASSIST_LAG_PROBE"] = "1"  # "Loop lag (start|steady): ... p99 X ms" log lines
    return env


def launch(command: list[str], env: dict[str, str], cwd: Path) -> Launch:
    started = time.time()
    proc = subprocess.Popen(
        command, env=env, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True
    )
    running = Launch(proc, started)
    threading.Thread(target=running.read, daemon=True).start()
    return running


# -- variants: what each run's home holds ---------------------------------------------------


def prepare_stuck_mcp(home: Path, env: dict[str, str]) -> Callable[[], None]:
    config = home / "config"
    config.mkdir(parents=True, exist_ok=True)
    (config / "tools.toml").write_text(
        '[[mcp]]\nname = "stuck"\ncommand = "sleep"\nargs = ["120"]\n'
    )
    return lambda: None


def prepare_manuals(home: Path, env: dict[str, str]) -> Callable[[], None]:
    folder = home / "data" / "manuals"
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(500):
        body = "\n\n".join(
            f"## Step {j}\nCheck valve V{i}-{j}: torque {10 + j} Nm, then test pump P{i}."
            for j in range(40)
        )
        (folder / f"manual-{i:03d}.md").write_text(f"# Manual {i}\n\n{body}\n")
    return lambda: None


def prepare_slow_keyring(home: Path, env: dict[str, str]) -> Callable[[], None]:
    env.pop("GEMINI_API_KEY", None)
    env["BENCH_KEYRING_KEY"] = BENCH_KEY
    env["PYTHON_KEYRING_BACKEND"] = "startup_keyring.SlowKeyring"
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(BENCH), env.get("PYTHONPATH", "")]))
    return lambda: None


def prepare_history_locked(home: Path, env: dict[str, str]) -> Callable[[], None]:
    from support.db_lock import Locker

    (home / "data").mkdir(parents=True, exist_ok=True)
    locker = Locker(home / "data" / "history.sqlite3")
    release: Callable[[], None] = locker.kill
    return release


PREPARE: dict[str, Callable[[Path, dict[str, str]], Callable[[], None]]] = {
    "plain": lambda home, env: lambda: None,
    "stuck-mcp": prepare_stuck_mcp,
    "manuals-500": prepare_manuals,
    "slow-keyring": prepare_slow_keyring,
    "history-locked": prepare_history_locked,
}


# -- measurements -------------------------------------------------------------------------------


@dataclass
class Rig:
    sim: Simulator
    display_env: dict[str, str]
    pulse_server: str
    video: Path
    workdir: Path
    program: list[str]  # the program's command, without the flags added here

    def command(self) -> list[str]:
        return [
            *self.program,
            "--backend",
            "gemini",
            "--endpoint",
            self.sim.url,
            "--ca-file",
            self.sim.ca_file,
            "--connect",
            "--video-source",
            str(self.video),
        ]

    def home(self, name: str) -> Path:
        return Path(tempfile.mkdtemp(prefix=f"fa-bench-{name}-", dir=self.workdir))


def lag_p99(running: Launch, label: str) -> list[float]:
    """The p99 loop lags (ms) the program logged for windows of this label."""
    found = []
    for _, text in list(running.lines):
        if f"Loop lag ({label})" in text:
            found.append(float(text.split("p99 ")[1].split(" ms")[0]))
    return found


def one_start(rig: Rig, variant: str) -> tuple[float, float, float]:
    """(launch -> setup received, launch -> window painted) in seconds, and the loop's lag
    p99 (ms) over its first 3 s."""
    home = rig.home(variant)
    env = program_env(rig.display_env, home, rig.pulse_server)
    cleanup = PREPARE[variant](home, env)
    before = len(rig.sim.setups())
    try:
        running = launch(rig.command(), env, home)
        try:
            setup_at = rig.sim.wait_setup(before, 60.0)
            painted_at = running.line_time(PAINTED)
            running.line_time("Loop lag (start)", 15.0)
        except RuntimeError:
            tail = "".join(text for _, text in running.lines[-20:])
            print(f"{variant}: the program's log ended with:\n{tail}", file=sys.stderr)
            raise
        finally:
            running.close()
    finally:
        cleanup()
        shutil.rmtree(home, ignore_errors=True)
    (lag,) = lag_p99(running, "start")
    return setup_at - running.started, painted_at - running.started, lag


def quickstart(rig: Rig) -> float:
    before = len(rig.sim.setups())
    script = rig.workdir / "quickstart.py"
    script.write_text(QUICKSTART)
    started = time.time()
    proc = subprocess.Popen(
        [sys.executable, str(script), rig.sim.url, rig.sim.ca_file, BENCH_KEY],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        return rig.sim.wait_setup(before, 30.0) - started
    finally:
        proc.wait(timeout=30)


def thread_cpu(pid: int) -> dict[int, tuple[str, float]]:
    """CPU seconds per thread id, with the OS's name for it."""
    out: dict[int, tuple[str, float]] = {}
    for task in Path(f"/proc/{pid}/task").iterdir():
        with contextlib.suppress(OSError):
            stat = (task / "stat").read_text()
            name = stat[stat.index("(") + 1 : stat.rindex(")")]
            fields = stat[stat.rindex(")") + 2 :].split()
            out[int(task.name)] = (name, (int(fields[11]) + int(fields[12])) / TICKS)
    return out


def python_thread_names(running: Launch) -> dict[int, str]:
    """Thread id -> Python thread name, from the program's last "Threads:" log line (the OS
    names every Python thread "python"); the main thread is the process id."""
    names = {running.proc.pid: "Qt/asyncio (main)"}
    lines = [text for _, text in list(running.lines) if "Threads: " in text]
    if lines:
        for item in lines[-1].split("Threads: ", 1)[1].strip().split(", "):
            name, _, tid = item.rpartition("=")
            if tid.isdigit() and name != "MainThread":
                names[int(tid)] = name
    return names


def per_thread_pct(
    before: dict[int, tuple[str, float]],
    after: dict[int, tuple[str, float]],
    names: dict[int, str],
    wall: float,
) -> dict[str, float]:
    """Percent of a core per thread name (threads of one name summed)."""
    out: dict[str, float] = {}
    for tid, (os_name, cpu) in after.items():
        used = cpu - before.get(tid, (os_name, 0.0))[1]
        name = names.get(tid, os_name)
        name = name.split("_")[0] if name.startswith("asyncio_") else name
        out[name] = out.get(name, 0.0) + 100 * used / wall
    return {k: round(v, 1) for k, v in sorted(out.items(), key=lambda kv: -kv[1]) if v >= 0.1}


def process_cpu(pid: int) -> float:
    stat = Path(f"/proc/{pid}/stat").read_text()
    fields = stat[stat.rindex(")") + 2 :].split()
    return (int(fields[11]) + int(fields[12])) / TICKS


def steady_cpu(rig: Rig, seconds: float, pulse: object) -> dict[str, object]:
    """Percent of one core from 10 s after connect for `seconds`, with speech played into
    the microphone every 4 s (the simulator echoes it: full duplex)."""
    from support.pulse import speech_wav

    wav = speech_wav(rig.workdir / "speech.wav", "Check the pressure on valve three please.")
    home = rig.home("cpu")
    env = program_env(rig.display_env, home, rig.pulse_server)
    before = len(rig.sim.setups())
    running = launch(rig.command(), env, home)
    stop = threading.Event()

    def talk() -> None:
        while not stop.wait(4.0):
            pulse.play(wav)  # type: ignore[attr-defined]

    try:
        rig.sim.wait_setup(before, 60.0)
        talker = threading.Thread(target=talk, daemon=True)
        talker.start()
        time.sleep(10.0)
        pid = running.proc.pid
        cpu0, threads0, t0 = process_cpu(pid), thread_cpu(pid), time.monotonic()
        time.sleep(seconds)
        cpu1, threads1, t1 = process_cpu(pid), thread_cpu(pid), time.monotonic()
        steady_lags = lag_p99(running, "steady")
        names = python_thread_names(running)
    finally:
        stop.set()
        running.close()
        shutil.rmtree(home, ignore_errors=True)
    wall = t1 - t0
    busy = per_thread_pct(threads0, threads1, names, wall)
    return {
        "cpu_pct": round(100 * (cpu1 - cpu0) / wall, 1),
        "window_s": round(wall, 1),
        "threads_pct": busy,
        "steady_lag_p99_ms": max(steady_lags, default=None),
    }


def summary(values: list[float]) -> dict[str, float]:
    return {
        "median_s": round(statistics.median(values), 3),
        "worst_s": round(max(values), 3),
        "runs_s": [round(v, 3) for v in values],  # type: ignore[dict-item]
    }


def source_figures(rig: Rig, runs: int, variants: list[str]) -> dict[str, object]:
    baseline = [quickstart(rig) for _ in range(runs)]
    setup: dict[str, dict[str, float]] = {}
    painted: list[float] = []
    lags: list[float] = []
    for variant in variants:
        times = [one_start(rig, variant) for _ in range(runs)]
        setup[variant] = summary([s for s, _, _ in times])
        painted.extend(p for _, p, _ in times)
        lags.extend(lag for _, _, lag in times)
    return {
        "quickstart": summary(baseline),
        "setup": setup,
        "painted": summary(painted),
        "start_lag_p99_ms": {
            "median": round(statistics.median(lags), 1),
            "worst": round(max(lags), 1),
        },
    }


# -- the frozen build (packaging figures) ---------------------------------------------------


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
    """Seconds from spawn to the "Window shown" log line (simulator, no video, no connect)."""
    home = Path(tempfile.mkdtemp(prefix="fa-bench-home-"))
    run_env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "VIRTUAL_ENV"))}
    run_env.update(env, FIELDASSIST_HOME=str(home))
    for name in ("GEMINI_API_KEY", "GOOGLE_API_KEY"):
        run_env.pop(name, None)
    running = launch(
        [str(executable), "--backend", "simulator", "--video-source", "none"], run_env, home
    )
    try:
        return running.line_time(MARKER, timeout) - running.started
    finally:
        running.close()
        shutil.rmtree(home, ignore_errors=True)


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


def frozen_figures(
    args: argparse.Namespace, tmp: Path, display_env: dict[str, str], rig: Rig
) -> dict[str, object]:
    build_s = None
    folder = args.app
    if folder is None:
        build_s = build(tmp / "build")
        folder = tmp / "build" / APP_NAME
    executable = folder / APP_NAME
    size_mb, files, largest = size_of(folder)
    global_evict = evict(folder)
    cold = start_once(executable, display_env)
    warm = [start_once(executable, display_env) for _ in range(args.warm)]
    frozen_rig = Rig(
        rig.sim, display_env, rig.pulse_server, rig.video, rig.workdir, [str(executable)]
    )
    setup = {
        v: summary([one_start(frozen_rig, v)[0] for _ in range(args.runs)])
        for v in ("plain", "stuck-mcp")
    }
    result: dict[str, object] = {
        "cold_s": round(cold, 3),
        "warm_median_s": round(statistics.median(warm), 3),
        "cold_evicts_all_caches": global_evict,
        "size_mb": round(size_mb, 1),
        "files": files,
        "largest_mb": {k: round(v) for k, v in largest},
        "build_s": round(build_s, 1) if build_s is not None else None,
        "setup": setup,
    }
    if args.onefile is not None:
        evict(args.onefile.parent)
        result["onefile_cold_s"] = round(start_once(args.onefile, display_env), 3)
        result["onefile_size_mb"] = round(args.onefile.stat().st_size / 1e6, 1)
    return result


# -- the report ---------------------------------------------------------------------------------


def mark(ok: bool) -> str:
    return "ok" if ok else "MISSED"


def print_table(result: dict[str, object]) -> None:
    src = result["source"]
    assert isinstance(src, dict)
    q = src["quickstart"]
    print(f"{'measure (source build)':<40} {'median':>7} {'worst':>7}  target")
    print(f"{'quickstart: launch -> setup (s)':<40} {q['median_s']:>7.2f} {q['worst_s']:>7.2f}")
    for variant, s in src["setup"].items():
        ok = s["median_s"] <= TARGET_SETUP_MEDIAN_S and s["worst_s"] <= TARGET_SETUP_WORST_S
        name = f"launch -> setup, {variant} (s)"
        ratio = s["median_s"] / q["median_s"]
        print(
            f"{name:<40} {s['median_s']:>7.2f} {s['worst_s']:>7.2f}  "
            f"<= {TARGET_SETUP_MEDIAN_S} / {TARGET_SETUP_WORST_S} {mark(ok)} (x{ratio:.1f})"
        )
    p = src["painted"]
    print(
        f"{'launch -> window painted (s)':<40} {p['median_s']:>7.2f} {p['worst_s']:>7.2f}  "
        f"<= {TARGET_PAINT_S} {mark(p['worst_s'] <= TARGET_PAINT_S)}"
    )
    lag = src["start_lag_p99_ms"]
    print(
        f"{'loop lag p99 over the start (ms)':<40} {lag['median']:>7.1f} {lag['worst']:>7.1f}  "
        f"<= {TARGET_LAG_MS:.0f} {mark(lag['worst'] <= TARGET_LAG_MS)}"
    )
    cpu = src.get("cpu")
    if isinstance(cpu, dict):
        pct = cpu["cpu_pct"]
        print(
            f"{'steady state CPU (% of a core)':<40} {pct:>7.1f} {'':>7}  "
            f"<= {TARGET_CPU_PCT} {mark(pct <= TARGET_CPU_PCT)}"
        )
        steady = cpu["steady_lag_p99_ms"]
        if steady is not None:
            print(
                f"{'loop lag p99, steady (ms, worst 10 s)':<40} {steady:>7.1f} {'':>7}  "
                f"<= {TARGET_LAG_MS:.0f} {mark(steady <= TARGET_LAG_MS)}"
            )
        print("  per thread: " + ", ".join(f"{k} {v}" for k, v in cpu["threads_pct"].items()))
    frozen = result.get("frozen")
    if isinstance(frozen, dict):
        print(f"{'frozen: cold start to window shown (s)':<40} {frozen['cold_s']:>7.2f}")
        print(f"{'frozen: warm start, median (s)':<40} {frozen['warm_median_s']:>7.2f}")
        print(f"{'frozen: one-folder size (MB)':<40} {frozen['size_mb']:>7.0f}")
        for variant, s in frozen["setup"].items():
            name = f"frozen: launch -> setup, {variant} (s)"
            print(f"{name:<40} {s['median_s']:>7.2f} {s['worst_s']:>7.2f}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="starts per variant")
    parser.add_argument("--variants", default=",".join(VARIANTS), help="comma-separated")
    parser.add_argument("--cpu-seconds", type=float, default=50.0, help="0 skips the CPU run")
    parser.add_argument("--frozen", action="store_true", help="also the frozen build's figures")
    parser.add_argument("--app", type=Path, help="a built one-folder app (OUT_DIR/FieldAssist)")
    parser.add_argument("--warm", type=int, default=5, help="frozen warm starts (median)")
    parser.add_argument("--onefile", type=Path, help="also time a one-file build's cold start")
    args = parser.parse_args()
    variants = [v for v in args.variants.split(",") if v]
    unknown = set(variants) - set(VARIANTS)
    if unknown:
        parser.error(f"unknown variants: {sorted(unknown)}; known: {', '.join(VARIANTS)}")

    from bench_app import write_video
    from support.pulse import private_pulse

    result: dict[str, object] = {"bench": "startup"}
    with contextlib.ExitStack() as stack:
        tmp = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="fa-bench-")))
        display_env = stack.enter_context(display())
        pulse = stack.enter_context(private_pulse())
        sim = Simulator(tmp / "setups.txt").start()
        stack.callback(sim.stop)
        video = write_video(tmp / "noise720.avi")
        program = [sys.executable, "-m", "desktop"]
        rig = Rig(sim, display_env, pulse.server, video, tmp, program)
        os.chdir(REPO)  # `python -m desktop` from the checkout
        source = source_figures(rig, args.runs, variants)
        if args.cpu_seconds > 0:
            source["cpu"] = steady_cpu(rig, args.cpu_seconds, pulse)
        result["source"] = source
        if args.frozen:
            result["frozen"] = frozen_figures(args, tmp, display_env, rig)
        result["platform"] = display_env["QT_QPA_PLATFORM"]
    print(
        f"FieldAssist start-up ({result['platform']}, {platform.machine()}, "
        f"{os.cpu_count()} cores; {args.runs} runs each)"
    )
    print_table(result)
    print(json.dumps(result, separators=(",", ":")))
    return 0


if __name__ == "__main__":
    sys.exit(main())
