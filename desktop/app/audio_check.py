"""Settings' "Test speaker" and "Test microphone", usable with or without a session.

Each test opens its own short-lived audio engine on the devices, gain and volume the dialog
shows (not yet saved), so the user hears what OK would give; a running session keeps its own
streams (PulseAudio mixes both). Opening and closing happen on a worker thread, like the
session's audio (PortAudio enumerates devices when it starts).
"""

from __future__ import annotations

import asyncio
import math
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from desktop.app.audio_port import AudioLevelsSet
from desktop.infra.settings import Settings

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

    from desktop.audio.engine import AudioEngine

CHIME_S = 0.6
RECORD_S = 3.0
SILENT_DBFS = -50.0  # a recording whose peak stays below this heard nothing
# Beyond the clip: a new PulseAudio stream sits still ~1 s before it plays (AUDIO.md).
PLAY_MARGIN_S = 6.0


@dataclass(frozen=True)
class CheckResult:
    ok: bool
    message: str  # for the dialog as it is
    peak_dbfs: float = -math.inf  # the microphone test's loudest sample


class AudioCheck:
    """One test at a time; ``busy`` while one runs. Cancelling a test closes its devices."""

    def __init__(self) -> None:
        self._lock = asyncio.Lock()

    @property
    def busy(self) -> bool:
        return self._lock.locked()

    async def test_speaker(self, settings: Settings) -> CheckResult:
        """Play a short chime on the chosen speaker at the chosen volume."""
        async with self._lock:
            engine = await self._open(settings, capture=False)
            if isinstance(engine, CheckResult):
                return engine
            try:
                if not engine.has_speaker:
                    return CheckResult(False, _joined(engine.notes, "No speaker to play on."))
                played = await _play(engine, _chime())
            finally:
                await _close(engine)
            if not played:
                return CheckResult(False, "The speaker did not play the chime (it stalled).")
            # A saved speaker that is gone was replaced by the default (the note says so).
            where = _where("" if engine.notes else settings.output_device, "speaker")
            volume = (
                f" at {settings.output_volume} % volume" if settings.output_volume < 100 else ""
            )
            text = f"Played a chime on {where}{volume}. Did you hear it?"
            return CheckResult(True, _joined(engine.notes, text))

    async def test_microphone(
        self,
        settings: Settings,
        on_level: Callable[[float], None],
        seconds: float = RECORD_S,
        on_playback: Callable[[], None] | None = None,
    ) -> CheckResult:
        """Record ``seconds`` (``on_level(0..1)`` for every 20 ms chunk: the live meter), then
        play the recording back on the chosen speaker (``on_playback()`` as it starts)."""
        async with self._lock:
            chunks: list[bytes] = []
            enough = asyncio.Event()
            wanted = round(seconds * 50)

            closing = False  # the meter is not touched once the test ends or is cancelled

            def heard(pcm: bytes) -> None:
                if closing:
                    return
                if len(chunks) < wanted:
                    chunks.append(pcm)
                    on_level(_chunk_level(pcm))
                if len(chunks) >= wanted:
                    enough.set()

            engine = await self._open(settings, capture=True, on_chunk=heard)
            if isinstance(engine, CheckResult):
                return engine
            try:
                if not engine.has_microphone:
                    return CheckResult(False, _joined(engine.notes, "No microphone to test."))
                try:
                    await asyncio.wait_for(enough.wait(), seconds + PLAY_MARGIN_S)
                except TimeoutError:
                    return CheckResult(False, "The microphone stopped delivering sound.")
                recording = _samples(b"".join(chunks))
                on_level(0.0)
                peak = _dbfs(recording)
                if on_playback is not None and engine.has_speaker:
                    on_playback()
                played = engine.has_speaker and await _play(engine, _to_model_rate(recording))
            finally:
                closing = True
                await _close(engine)
            return CheckResult(
                peak > SILENT_DBFS, _joined(engine.notes, _verdict(peak, seconds, played))
            )

    async def _open(
        self,
        settings: Settings,
        *,
        capture: bool,
        on_chunk: Callable[[bytes], None] | None = None,
    ) -> AudioEngine | CheckResult:
        loop = asyncio.get_running_loop()
        levels = AudioLevelsSet(settings.input_gain_db, settings.output_volume)
        wanted = [True]  # False once the test is cancelled: the dialog's meter may be gone

        def heard(pcm: bytes) -> None:
            if wanted[0] and on_chunk is not None:
                on_chunk(pcm)

        def open_engine() -> AudioEngine | CheckResult:
            from desktop.audio.devices import AudioDeviceError
            from desktop.audio.engine import AudioEngine, AudioSettings

            engine = AudioEngine(
                heard,
                loop,
                input_device=settings.input_device or None,
                output_device=settings.output_device or None,
                settings=AudioSettings(echo_cancellation=False, vad=False, capture=capture),
            )
            engine.input_gain, engine.output_volume = levels.gain, levels.volume
            try:
                engine.start()
            except AudioDeviceError as exc:
                engine.stop()
                return CheckResult(False, str(exc))
            return engine

        opening = asyncio.ensure_future(asyncio.to_thread(open_engine))
        try:
            return await asyncio.shield(opening)
        except asyncio.CancelledError:
            # The dialog closed while the devices were opening: the thread cannot be stopped,
            # so what it opens is closed as soon as it is open.
            wanted[0] = False
            opening.add_done_callback(_close_when_opened)
            raise


def _close_when_opened(opening: asyncio.Future[AudioEngine | CheckResult]) -> None:
    if opening.cancelled() or opening.exception() is not None:
        return
    engine = opening.result()
    if not isinstance(engine, CheckResult):
        threading.Thread(target=engine.stop, name="audio-check-close", daemon=True).start()


async def _play(engine: AudioEngine, pcm24k: bytes) -> bool:
    """Play and wait until the speaker has played it all (False: it never finished)."""
    idle = asyncio.Event()
    engine.on_playback_idle = idle.set
    engine.play(pcm24k, engine.generation)
    seconds = len(pcm24k) / 2 / 24000
    try:
        await asyncio.wait_for(idle.wait(), seconds + PLAY_MARGIN_S)
    except TimeoutError:
        return False
    return True


async def _close(engine: AudioEngine) -> None:
    # Shielded: a cancelled test (dialog closed) still closes its devices.
    await asyncio.shield(asyncio.to_thread(engine.stop))


def _chime() -> bytes:
    """Two soft bell notes (E6 then A6) with a fast attack and an exponential decay."""
    import numpy as np

    rate = 24000
    t = np.arange(int(rate * CHIME_S / 2)) / rate
    envelope = np.minimum(t / 0.005, 1.0) * np.exp(-t * 9.0)
    notes = [np.sin(2 * np.pi * f * t) * envelope for f in (1318.5, 1760.0)]
    wave = np.concatenate(notes) * 0.35 * 32767
    return bytes(wave.astype("<i2").tobytes())


def _samples(pcm: bytes) -> npt.NDArray[np.int16]:
    import numpy as np

    return np.frombuffer(pcm, dtype="<i2").astype(np.int16)


def _chunk_level(pcm: bytes) -> float:
    """0..1 on a dB scale (-60 dBFS .. 0 dBFS), like the window's meters read."""
    return max(0.0, min(1.0, 1.0 + _dbfs(_samples(pcm)) / 60.0))


def _dbfs(samples: npt.NDArray[np.int16]) -> float:
    import numpy as np

    peak = int(np.abs(samples.astype(np.int32)).max()) if len(samples) else 0
    return 20.0 * math.log10(peak / 32768.0) if peak else -math.inf


def _to_model_rate(samples: npt.NDArray[np.int16]) -> bytes:
    import soxr

    return bytes(soxr.resample(samples, 16000, 24000).astype("<i2").tobytes())


def _verdict(peak: float, seconds: float, played: bool) -> str:
    if peak <= SILENT_DBFS:
        heard = "The microphone recorded silence: check that it is connected and not muted"
        return f"{heard} (or raise the microphone gain)."
    level = f"Recorded {seconds:g} s, loudest {peak:.0f} dBFS"
    return f"{level}; played it back." if played else f"{level}; no speaker to play it back on."


def _where(device: str, label: str) -> str:
    return f"'{device}'" if device else f"the default {label}"


def _joined(notes: list[str], text: str) -> str:
    return " ".join([*notes, text])
