"""A private PulseAudio daemon with virtual speaker and microphone, as a pytest plugin.

Topology (see docs/TESTING.md):
- null sink ``spk``: the app plays here (default sink); tests listen on ``spk.monitor``;
- null sink ``mic``: tests play speech into it; the app records ``mic.monitor`` (default source).

The daemon is always our own, even when the environment already points at one (CI may start
one): tests must not depend on, or disturb, a server they did not configure. PortAudio on
Debian reaches PulseAudio only through ALSA's ``pulse``/``default`` devices, which read
``PULSE_SERVER`` when a stream is opened; but PortAudio enumerates devices once, at
``Pa_Initialize`` (sounddevice does that at import), and a ``pulse`` device that could not be
reached then is missing until PortAudio is re-initialised. The fixture therefore re-initialises
sounddevice when it was imported before the server existed.

Use: ``pytest_plugins = ["support.pulse"]`` in tests/conftest.py, then a test takes ``pulse``.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import wave
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pytest

SPEAKER = "spk"
MICROPHONE = "mic"
_PULSE_ENV_DROPPED = ("PULSE_SINK", "PULSE_SOURCE", "PULSE_COOKIE", "PULSE_RUNTIME_PATH")


@dataclass
class Recording:
    """Audio captured by a background ``parec``: samples plus when each piece arrived."""

    rate: int
    _chunks: list[tuple[float, bytes]] = field(default_factory=list)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def _add(self, data: bytes) -> None:
        with self._lock:
            self._chunks.append((time.monotonic(), data))

    def samples(self) -> np.ndarray:
        """Everything captured so far, int16 mono."""
        with self._lock:
            raw = b"".join(d for _, d in self._chunks)
        usable = len(raw) - len(raw) % 2
        return np.frombuffer(raw[:usable], dtype=np.int16).copy()

    def arrivals(self) -> list[tuple[float, np.ndarray]]:
        """(monotonic arrival time, int16 samples) per piece read from parec."""
        with self._lock:
            chunks = list(self._chunks)
        out: list[tuple[float, np.ndarray]] = []
        pending = b""
        for t, data in chunks:
            pending += data
            usable = len(pending) - len(pending) % 2
            out.append((t, np.frombuffer(pending[:usable], dtype=np.int16).copy()))
            pending = pending[usable:]
        return out


class Recorder:
    """A running ``parec`` on one source; ``stop()`` ends it and returns the recording."""

    def __init__(self, env: dict[str, str], source: str, rate: int) -> None:
        self.recording = Recording(rate)
        self._proc = subprocess.Popen(
            [
                "parec",
                "--raw",
                f"--device={source}",
                "--format=s16le",
                f"--rate={rate}",
                "--channels=1",
                "--latency-msec=10",
            ],
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            env=env,
        )
        self._thread = threading.Thread(target=self._pump, name="parec-reader", daemon=True)
        self._thread.start()

    def _pump(self) -> None:
        assert self._proc.stdout is not None
        fd = self._proc.stdout.fileno()
        while True:
            data = os.read(fd, 4096)
            if not data:
                return
            self.recording._add(data)

    def stop(self) -> Recording:
        if self._proc.poll() is None:
            self._proc.terminate()
        self._proc.wait(timeout=5)
        self._thread.join(timeout=5)
        if self._proc.stdout is not None:
            self._proc.stdout.close()
        return self.recording

    def __enter__(self) -> Recorder:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()


@dataclass
class PulseServer:
    """Handle on the private daemon, yielded by the ``pulse`` fixture."""

    runtime_dir: Path
    server: str  # value of PULSE_SERVER, e.g. "unix:/tmp/x/pulse/native"
    env: dict[str, str]  # environment for helper subprocesses (pactl, paplay, parec)
    speaker: str = SPEAKER
    microphone: str = MICROPHONE

    def pactl(self, *args: str) -> str:
        done = subprocess.run(
            ["pactl", *args], env=self.env, capture_output=True, text=True, timeout=10, check=False
        )
        if done.returncode != 0:
            raise RuntimeError(f"pactl {' '.join(args)} failed: {done.stderr.strip()}")
        return done.stdout

    def load_module(self, name: str, *args: str) -> int:
        """Load a module (``load_module("module-null-sink", "sink_name=x")``); its index."""
        return int(self.pactl("load-module", name, *args).strip())

    def unload_module(self, index: int) -> None:
        self.pactl("unload-module", str(index))

    def module_index(self, sink_name: str) -> int:
        """Index of the module that owns the sink called ``sink_name``."""
        for line in self.pactl("list", "short", "modules").splitlines():
            parts = line.split("\t")
            if len(parts) >= 3 and f"sink_name={sink_name}" in parts[2].split():
                return int(parts[0])
        raise LookupError(sink_name)

    def add_null_sink(self, name: str, rate: int = 48000) -> int:
        return self.load_module("module-null-sink", f"sink_name={name}", f"rate={rate}")

    def sinks(self) -> list[str]:
        return [ln.split("\t")[1] for ln in self.pactl("list", "short", "sinks").splitlines()]

    def set_defaults(self, sink: str = SPEAKER, source: str = f"{MICROPHONE}.monitor") -> None:
        self.pactl("set-default-sink", sink)
        self.pactl("set-default-source", source)

    def pacmd(self, *args: str) -> str:
        """A command for the CLI protocol (pactl cannot kill streams); loads it on first use."""
        if not (self.runtime_dir / "pulse" / "cli").exists():
            self.load_module("module-cli-protocol-unix")
        done = subprocess.run(
            ["pacmd", *args], env=self.env, capture_output=True, text=True, timeout=10, check=False
        )
        if done.returncode != 0 or "failed" in done.stdout.lower():
            raise RuntimeError(f"pacmd {' '.join(args)} failed: {done.stdout} {done.stderr}")
        return done.stdout

    def kill_streams(self) -> int:
        """Kill every playback and capture stream, as a vanished device does to its clients.

        Returns how many were killed; the clients see an I/O error on their next access.
        """
        killed = 0
        for kind in ("sink-inputs", "source-outputs"):
            for line in self.pactl("list", "short", kind).splitlines():
                command = "kill-sink-input" if kind == "sink-inputs" else "kill-source-output"
                self.pacmd(command, line.split("\t")[0])
                killed += 1
        return killed

    def play(self, wav_path: str | Path, sink: str = MICROPHONE) -> None:
        """Play a WAV file into ``sink`` and wait until it has been played."""
        subprocess.run(
            ["paplay", f"--device={sink}", str(wav_path)],
            env=self.env,
            check=True,
            timeout=60,
            stderr=subprocess.PIPE,
        )

    def play_async(self, wav_path: str | Path, sink: str = MICROPHONE) -> subprocess.Popen[bytes]:
        return subprocess.Popen(
            ["paplay", f"--device={sink}", str(wav_path)], env=self.env, stderr=subprocess.DEVNULL
        )

    def recorder(self, source: str = f"{SPEAKER}.monitor", rate: int = 48000) -> Recorder:
        """Start recording ``source`` in the background (use as a context manager or stop())."""
        return Recorder(self.env, source, rate)

    def record(
        self, seconds: float, source: str = f"{SPEAKER}.monitor", rate: int = 48000
    ) -> np.ndarray:
        """Record ``seconds`` of ``source`` (blocking); int16 mono."""
        rec = self.recorder(source, rate)
        time.sleep(seconds)
        return rec.stop().samples()


def write_wav(path: Path, samples: np.ndarray, rate: int) -> Path:
    """Write int16 mono samples as a WAV file."""
    with wave.open(str(path), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(rate)
        w.writeframes(np.asarray(samples, dtype=np.int16).tobytes())
    return path


def read_wav(path: Path) -> tuple[np.ndarray, int]:
    with wave.open(str(path), "rb") as w:
        assert w.getnchannels() == 1 and w.getsampwidth() == 2
        return np.frombuffer(w.readframes(w.getnframes()), dtype=np.int16).copy(), w.getframerate()


def tone(freq: float, seconds: float, rate: int, amplitude: float = 0.3) -> np.ndarray:
    t = np.arange(int(seconds * rate)) / rate
    return (np.sin(2 * np.pi * freq * t) * amplitude * 32767).astype(np.int16)


def peak_frequency(samples: np.ndarray, rate: int) -> float:
    """Frequency of the strongest FFT bin (Hann window), in Hz."""
    x = samples.astype(np.float64)
    spectrum = np.abs(np.fft.rfft(x * np.hanning(len(x))))
    spectrum[0] = 0.0
    return float(np.argmax(spectrum) * rate / len(x))


def speech_wav(path: Path, text: str, rate: int = 16000) -> Path:
    """Synthesise ``text`` with espeak-ng and resample it to ``rate`` with sox."""
    raw = path.with_suffix(".espeak.wav")
    subprocess.run(["espeak-ng", "-w", str(raw), text], check=True, timeout=30)
    subprocess.run(
        ["sox", str(raw), "-r", str(rate), "-c", "1", "-b", "16", str(path)],
        check=True,
        timeout=30,
    )
    raw.unlink()
    return path


_PULSE_PA = """\
load-module module-native-protocol-unix auth-anonymous=1
load-module module-null-sink sink_name={spk} rate=48000
load-module module-null-sink sink_name={mic} rate=16000
set-default-sink {spk}
set-default-source {mic}.monitor
"""


def _wait_ready(env: dict[str, str], deadline_s: float = 10.0) -> None:
    end = time.monotonic() + deadline_s
    while True:
        probe = subprocess.run(["pactl", "info"], env=env, capture_output=True, check=False)
        if probe.returncode == 0:
            return
        if time.monotonic() > end:
            raise RuntimeError(f"pulseaudio did not become ready: {probe.stderr!r}")
        time.sleep(0.02)


def _reinit_portaudio() -> None:
    """Re-scan PortAudio devices if sounddevice was imported before our server existed."""
    sd = sys.modules.get("sounddevice")
    if sd is not None:
        sd._terminate()
        sd._initialize()


@contextlib.contextmanager
def private_pulse() -> Iterator[PulseServer]:
    """Start a private daemon, point this process at it, and kill it on exit.

    Used by the ``pulse`` fixture and by bench/bench_audio.py.
    """
    if shutil.which("pulseaudio") is None:
        raise RuntimeError("pulseaudio is not installed (apt install pulseaudio pulseaudio-utils)")
    home = Path(tempfile.mkdtemp(prefix="pulse-test-"))
    home.chmod(0o700)
    (home / "pulse.pa").write_text(_PULSE_PA.format(spk=SPEAKER, mic=MICROPHONE))
    socket = home / "pulse" / "native"
    daemon_env = {k: v for k, v in os.environ.items() if not k.startswith("PULSE_")}
    daemon_env.update(XDG_RUNTIME_DIR=str(home), HOME=str(home))
    subprocess.run(
        [
            "pulseaudio",
            "-D",
            "-n",
            f"--file={home / 'pulse.pa'}",
            "--exit-idle-time=-1",
            "--daemonize",
            "--log-target=stderr",
        ],
        env=daemon_env,
        cwd=home,
        check=True,
        timeout=30,
        capture_output=True,
    )
    client_env = dict(daemon_env, PULSE_SERVER=f"unix:{socket}")
    _wait_ready(client_env)
    saved = {name: os.environ.get(name) for name in (*_PULSE_ENV_DROPPED, "PULSE_SERVER")}
    for name in _PULSE_ENV_DROPPED:
        os.environ.pop(name, None)
    # PULSE_SERVER alone points ALSA's pulse plugin (hence PortAudio) at our daemon; HOME and
    # XDG_RUNTIME_DIR of this process stay untouched so other code sees its own.
    os.environ["PULSE_SERVER"] = f"unix:{socket}"
    _reinit_portaudio()
    try:
        yield PulseServer(runtime_dir=home, server=f"unix:{socket}", env=client_env)
    finally:
        pid_file = home / "pulse" / "pid"
        if pid_file.exists():
            pid = int(pid_file.read_text().strip())
            try:
                os.kill(pid, 15)
                for _ in range(100):
                    os.kill(pid, 0)
                    time.sleep(0.02)
            except ProcessLookupError:
                pass
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
        _reinit_portaudio()  # with the caller's environment back in place
        shutil.rmtree(home, ignore_errors=True)


@pytest.fixture(scope="session")
def pulse() -> Iterator[PulseServer]:
    """The private PulseAudio daemon for this test session (see the module docstring)."""
    try:
        with private_pulse() as server:
            yield server
    except RuntimeError as exc:
        if "not installed" in str(exc):
            pytest.fail(str(exc))
        raise
