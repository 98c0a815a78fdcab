"""The audio port: the microphone and speaker engine, opened and closed off the loop.

Importing the engine initialises PortAudio (it enumerates every device, ~200 ms) and opening
streams can block as long: both happen on a worker thread, never on the Qt/asyncio thread.
The engine's callbacks arrive on the loop and become events (microphone audio, playback
idle) or UI events (levels, the speaking light, device notes).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from desktop.app.messages import AppEvent, AudioLevels, Speaking
from desktop.app.tasks import OwnedTasks
from desktop.infra.settings import Settings
from desktop.session import events as ev

if TYPE_CHECKING:
    from desktop.audio.dsp import Levels
    from desktop.audio.engine import AudioEngine

log = logging.getLogger(__name__)

# The settings the engine is opened with: a change to any of them reopens it.
ENGINE_KEYS = ("input_device", "output_device", "echo_cancellation", "instant_barge_in")


@dataclass(frozen=True)
class AudioLevelsSet:
    """Microphone gain and speaker volume: applied to running streams, never a reopen."""

    input_gain_db: float = 0.0
    output_volume: int = 100  # percent

    @property
    def gain(self) -> float:
        return float(10.0 ** (self.input_gain_db / 20.0))

    @property
    def volume(self) -> float:
        return self.output_volume / 100.0


@dataclass(frozen=True)
class AudioChoice:
    input_device: str
    output_device: str
    echo_cancellation: bool
    instant_barge_in: bool
    levels: AudioLevelsSet = AudioLevelsSet()

    @classmethod
    def of(cls, settings: Settings) -> AudioChoice:
        return cls(
            settings.input_device,
            settings.output_device,
            settings.echo_cancellation,
            settings.instant_barge_in,
            AudioLevelsSet(settings.input_gain_db, settings.output_volume),
        )

    def same_devices(self, other: AudioChoice | None) -> bool:
        return other is not None and all(
            getattr(self, key) == getattr(other, key) for key in ENGINE_KEYS
        )


class AudioPort:
    def __init__(
        self,
        feed: Callable[[ev.Event], None],
        show: Callable[[AppEvent], None],
        tasks: OwnedTasks,
    ) -> None:
        self._feed = feed
        self._show = show
        self.tasks = tasks
        self.engine: AudioEngine | None = None
        self.choice: AudioChoice | None = None
        self._muted = False
        self._lock = asyncio.Lock()  # one open or close at a time
        self._opening: asyncio.Task[None] | None = None

    # -- opening and closing (off the loop) ---------------------------------------------------

    async def open(self, choice: AudioChoice) -> None:
        """Open the devices; a problem is a notice and the session runs text-only."""
        async with self._lock:
            await self._close()
            self.choice = choice
            loop = asyncio.get_running_loop()
            engine, problem = await asyncio.to_thread(self._open_engine, choice, loop)
            if problem:
                log.warning("Audio unavailable: %s", problem)
                self._show(
                    ev.Notice(f"{problem} The session runs text-only.", ev.NoticeLevel.WARNING)
                )
                return
            if engine is not None:
                engine.muted = self._muted
                self._set_levels(engine, choice.levels)
                log.info("Audio open")  # the devices open beside the connect, not before it
            self.engine = engine

    def open_soon(self, choice: AudioChoice) -> None:
        """Open in the background (a session's connect does not wait for the devices). Not
        an owned task: cancelling it would leave the streams its thread opens unowned; a
        close waits for it instead."""
        task = asyncio.get_running_loop().create_task(self.open(choice), name="audio-open")
        task.add_done_callback(_log_failure)
        self._opening = task

    async def close(self) -> None:
        opening, self._opening = self._opening, None
        if opening is not None:
            await asyncio.wait({opening})  # whatever it opened is closed just below
        async with self._lock:
            await self._close()
            self.choice = None

    async def _close(self) -> None:
        engine, self.engine = self.engine, None
        if engine is not None:
            await asyncio.to_thread(engine.stop)

    def reopen(self, choice: AudioChoice) -> None:
        """New devices or processing while a session runs: reopened in the background; a new
        gain or volume alone is applied to the running streams at once."""
        if choice.same_devices(self.choice):
            self.choice = choice
            if self.engine is not None:
                self._set_levels(self.engine, choice.levels)
        elif choice != self.choice:
            self.tasks.spawn(self.open(choice), "audio-reopen")

    @staticmethod
    def _set_levels(engine: AudioEngine, levels: AudioLevelsSet) -> None:
        engine.input_gain = levels.gain
        engine.output_volume = levels.volume

    def _open_engine(
        self, choice: AudioChoice, loop: asyncio.AbstractEventLoop
    ) -> tuple[AudioEngine | None, str]:
        """On a worker thread: import (PortAudio starts) and open the streams."""
        from desktop.audio.devices import AudioDeviceError
        from desktop.audio.engine import AudioEngine, AudioSettings

        engine = AudioEngine(
            on_mic_chunk=lambda pcm: self._feed(ev.MicAudio(pcm)),
            loop=loop,
            input_device=choice.input_device or None,
            output_device=choice.output_device or None,
            settings=AudioSettings(
                echo_cancellation=choice.echo_cancellation,
                instant_barge_in=choice.instant_barge_in,
            ),
            on_playback_idle=lambda: self._feed(ev.PlaybackIdle()),
            on_speaking=lambda speaking: self._show(Speaking(speaking)),
            on_levels=self._levels,
            on_device_note=lambda text: self._show(ev.Notice(text, ev.NoticeLevel.WARNING)),
        )
        try:
            engine.start()
        except AudioDeviceError as exc:
            engine.stop()
            return None, str(exc)
        return engine, ""

    def _levels(self, lv: Levels) -> None:
        self._show(AudioLevels(lv.input_rms, lv.input_peak, lv.output_rms, lv.output_peak))

    # -- the user --------------------------------------------------------------------------

    def set_muted(self, muted: bool) -> None:
        self._muted = muted
        if self.engine is not None:
            self.engine.muted = muted

    # -- command handlers ---------------------------------------------------------------------

    def play(self, command: ev.PlayAudio) -> None:
        if self.engine is not None and self.engine.has_speaker:
            self.engine.play(to_model_rate(command.pcm, command.rate), command.generation)
        else:
            # No speaker: nothing will ever report the playback idle.
            asyncio.get_running_loop().call_soon(self._feed, ev.PlaybackIdle())

    def measure(self, _: ev.MeasurePlayback) -> None:
        """Asked on an interruption, before the clear: what the speaker still holds."""
        unplayed = self.engine.buffered_seconds if self.engine is not None else 0.0
        self._feed(ev.PlaybackCut(unplayed))

    def clear(self, command: ev.ClearPlayback) -> None:
        if self.engine is not None:
            self.engine.clear(command.generation)


def _log_failure(task: asyncio.Task[None]) -> None:
    with contextlib.suppress(asyncio.CancelledError):
        if task.exception() is not None:
            log.error("Opening the audio failed", exc_info=task.exception())


def to_model_rate(pcm: bytes, rate: int) -> bytes:
    """Model audio at another (valid: the live adapter checked it) rate, brought to the
    player's 24 kHz so it plays at the right pitch and speed."""
    from desktop.audio.engine import MODEL_RATE

    if rate == MODEL_RATE or len(pcm) < 2:
        return pcm
    import numpy as np
    import soxr

    samples = np.frombuffer(pcm[: len(pcm) // 2 * 2], dtype="<i2")
    return bytes(soxr.resample(samples, rate, MODEL_RATE).astype("<i2").tobytes())
