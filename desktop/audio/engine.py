"""Microphone and speaker streams for the Live session.

Shape (see docs/AUDIO.md for the measurements behind it):

- one ``sd.InputStream`` (16 kHz int16 mono, PulseAudio resamples) and one ``sd.OutputStream``
  (48 kHz int16, blocks of 480, 30 ms of latency so a barge-in is heard at once): a duplex
  stream cannot take two rates and recorded silence through ALSA->PulseAudio;
- the model's 24 kHz audio is upsampled to the device rate with a streaming soxr resampler in
  the producer (``play``, on the asyncio loop), before the ring buffer; the output callback only
  copies from the ring (zero-fill on underrun) and into the output tap;
- the input callback only copies its block into a preallocated queue; one worker thread does
  everything else (echo cancellation, VAD, levels, idle detection, device watchdog) and hands
  results to the asyncio loop with ``call_soon_threadsafe``.

Nothing here logs, allocates buffers or touches Qt inside a callback.
"""

from __future__ import annotations

import asyncio
import contextlib
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import numpy.typing as npt
import sounddevice as sd
import soxr

from desktop.audio.devices import (
    AudioDeviceError,
    Direction,
    default_rate,
    list_devices,
    rescan,
    resolve,
)
from desktop.audio.dsp import Levels, MicProcessor, measure_levels
from desktop.audio.ring import PlaybackRing
from desktop.audio.taps import BlockQueue, OutputTap

Int16Array = npt.NDArray[np.int16]

MIC_RATE = 16000
MODEL_RATE = 24000

LABELS: dict[Direction, str] = {"input": "microphone", "output": "speaker"}
# What still works when one side is missing (the other side was opened).
STILL_WORKS: dict[Direction, str] = {
    "input": "The assistant's voice still plays; type your questions or fix the microphone.",
    "output": "The microphone still works; replies are shown as text.",
}


@dataclass(frozen=True)
class AudioSettings:
    """How the engine runs; the defaults are the measured choices of AUDIO.md."""

    echo_cancellation: bool = True
    vad: bool = True
    # Stop the playing reply locally as soon as the VAD has heard the user for
    # VadSettings.min_speech_ms (256 ms), before the server's `interrupted` arrives; the rest
    # of that reply is dropped, the next one plays.
    instant_barge_in: bool = False
    capture: bool = True  # False: playback only (no microphone on this computer)
    chunk_ms: int = 20  # microphone block and chunk length
    output_rates: tuple[int, ...] = (48000, MODEL_RATE)  # tried in order
    # The microphone is opened at 16 kHz and the sound server resamples (AUDIO.md: soxr on
    # 10 ms chunks added 20-27 ms); devices that refuse 16 kHz get their own rate and soxr.
    input_rates: tuple[int, ...] = (MIC_RATE, 48000, 44100)
    latency: str = "high"  # the microphone's
    # The speaker's: what it holds is still played after a barge-in (PortAudio cannot flush
    # it). 'high' (40 ms here) left 44-68 ms of the reply at the device after clear(); 'low'
    # (20 ms: two blocks) 18-39 ms, but on a machine loaded 6-9 deep it underran 1-19 times
    # per reply, and each underrun remakes the echo pairing: on a 20 ms loopback 0 of 7 runs
    # were free of self-interruptions. 30 ms: 4 of 6 runs clean, 0-1 underruns, 17-38 ms
    # left after clear() (bench_audio.py / issue 14 diagnosis). None: the same as ``latency``.
    output_latency: str | float | None = 0.03
    ring_seconds: float = 120.0  # replies arrive faster than real time; keep a whole answer
    level_interval_s: float = 0.05
    # No callback for this long while running: the device is gone. Generous, because a new
    # stream through ALSA->PulseAudio sits still for 0.8-1.3 s after start (measured) before
    # its callbacks run in real time.
    watchdog_s: float = 2.5


@dataclass
class EngineStats:
    """Counters and recent timings, for tests, logs and bench/bench_audio.py."""

    output_underflows: int = 0
    input_overflows: int = 0
    mic_blocks_dropped: int = 0
    output_blocks: int = 0
    input_blocks: int = 0
    restarts: int = 0
    local_barge_ins: int = 0  # replies stopped by instant_barge_in
    # seconds from the input callback to on_mic_chunk running on the loop (recent chunks)
    capture_delays: deque[float] = field(default_factory=lambda: deque(maxlen=2000))


class AudioEngine:
    """Microphone in, model audio out, with barge-in clearing and (phase 2) echo cancellation.

    Callbacks run on the asyncio ``loop``: ``on_mic_chunk(pcm16k)`` with 20 ms of 16 kHz s16le
    (not while muted), ``on_playback_idle()`` when the speaker has played out everything it was
    given, ``on_speaking(bool)`` from the local VAD, ``on_levels(Levels)`` a few times a second,
    ``on_device_note(text)`` when a device vanished and the engine moved to another one.
    """

    def __init__(
        self,
        on_mic_chunk: Callable[[bytes], None],
        loop: asyncio.AbstractEventLoop,
        input_device: str | None = None,
        output_device: str | None = None,
        *,
        settings: AudioSettings | None = None,
        on_playback_idle: Callable[[], None] | None = None,
        on_speaking: Callable[[bool], None] | None = None,
        on_levels: Callable[[Levels], None] | None = None,
        on_device_note: Callable[[str], None] | None = None,
    ) -> None:
        self._settings = settings or AudioSettings()
        self._on_mic_chunk = on_mic_chunk
        self._loop = loop
        self._input_device = input_device
        self._output_device = output_device
        self.on_playback_idle = on_playback_idle
        self.on_speaking = on_speaking
        self.on_levels = on_levels
        self.on_device_note = on_device_note
        self.stats = EngineStats()

        self._mic_block = MIC_RATE * self._settings.chunk_ms // 1000
        self._mic_queue = BlockQueue(self._mic_block, slots=64)
        self.input_rate = MIC_RATE
        self._mic_resampler: soxr.ResampleStream | None = None
        self._mic_pending = np.zeros(0, dtype=np.int16)
        self._output_rate = self._settings.output_rates[0]
        self._out_block = self._output_rate // 100
        self._ring = PlaybackRing(int(self._output_rate * self._settings.ring_seconds))
        self._tap = OutputTap(self._output_rate, seconds=4.0)
        self._processor: MicProcessor | None = None

        self._muted = False
        self._volume = 1.0  # output scale, applied in the callback (the reference sees it)
        self._gain = 1.0  # microphone scale, applied before the canceller like a device gain
        self.notes: list[str] = []  # what the last open had to settle for, in words
        self._halted_generation = -1  # a reply stopped locally: its late chunks are dropped
        self._running = False
        self._state_lock = threading.Lock()  # start/stop/restart
        self._in_stream: sd.InputStream | None = None
        self._out_stream: sd.OutputStream | None = None
        self._worker: threading.Thread | None = None
        self._stop_worker = threading.Event()

        # producer side (asyncio loop): resampler per generation, guarded for the drain flush
        self._play_lock = threading.Lock()
        self._resampler: soxr.ResampleStream | None = None
        self._resampler_generation = -1
        self._resampler_pending = False
        self._last_play = 0.0

        # output-callback-side flags the worker watches (plain ints: written by one side only)
        self._played_blocks = 0  # blocks that carried model audio
        self._idle_blocks = 0  # transitions from playing to drained
        self._was_playing = False
        self._stream_failures = 0  # finished_callback while running: device gone

        self._speaking = False
        self._levels = Levels()
        self._last_note = ""

    # ------------------------------------------------------------------ public API

    @property
    def muted(self) -> bool:
        return self._muted

    @muted.setter
    def muted(self, value: bool) -> None:
        """While muted nothing reaches ``on_mic_chunk`` (the streams keep running)."""
        self._muted = value

    @property
    def output_volume(self) -> float:
        return self._volume

    @output_volume.setter
    def output_volume(self, value: float) -> None:
        """Speaker volume 0..1, applied from the next output block (so to what is buffered)."""
        self._volume = min(1.0, max(0.0, float(value)))

    @property
    def input_gain(self) -> float:
        return self._gain

    @input_gain.setter
    def input_gain(self, value: float) -> None:
        """Linear microphone gain, applied from the next block (clipped to int16)."""
        self._gain = max(0.0, float(value))

    @property
    def has_speaker(self) -> bool:
        """An output stream is open (False: no usable speaker, playback is dropped)."""
        return self._out_stream is not None

    @property
    def has_microphone(self) -> bool:
        return self._in_stream is not None

    @property
    def running(self) -> bool:
        return self._running

    @property
    def output_rate(self) -> int:
        """The rate the output stream runs at (48 kHz, or 24 kHz when 48 kHz was refused)."""
        return self._output_rate

    @property
    def output_block(self) -> int:
        return self._out_block

    @property
    def generation(self) -> int:
        return self._ring.generation

    @property
    def buffered_seconds(self) -> float:
        return self._ring.buffered / self._output_rate

    @property
    def speaking(self) -> bool:
        """The local VAD's verdict on the (echo-cancelled) microphone."""
        return self._speaking

    @property
    def levels(self) -> Levels:
        """The latest input/output levels (also pushed through ``on_levels``)."""
        return self._levels

    @staticmethod
    def list_devices() -> tuple[list[str], list[str]]:
        """(input names, output names) as PortAudio knows them now."""
        return list_devices()

    def start(self) -> None:
        """Open and start the streams.

        A named device that is missing is replaced by the default one, and a side with no
        usable device is left out (``notes`` says so, each note also goes to
        ``on_device_note``); raises ``AudioDeviceError`` only when neither side can be opened.
        """
        with self._state_lock:
            if self._running:
                return
            self.notes = self._open_streams(self._input_device, self._output_device)
            for note in self.notes:
                self._post(self.on_device_note, note)
            self._running = True
            self._stop_worker.clear()
            self._worker = threading.Thread(target=self._work, name="audio-worker", daemon=True)
            self._worker.start()

    def stop(self) -> None:
        """Stop and close everything; safe to call twice or before ``start``."""
        with self._state_lock:
            if not self._running:
                return
            self._running = False
            self._stop_worker.set()
            self._mic_queue.wake()
        if self._worker is not None and self._worker is not threading.current_thread():
            self._worker.join(timeout=5)
        self._worker = None
        with self._state_lock:
            self._close_streams()

    def play(self, pcm24k: bytes, generation: int) -> None:
        """Queue 24 kHz s16le model audio of ``generation`` (stale generations are dropped)."""
        if generation < self._ring.generation or not pcm24k or self._out_stream is None:
            return
        samples = np.frombuffer(pcm24k[: len(pcm24k) // 2 * 2], dtype=np.int16)
        with self._play_lock:
            if generation == self._halted_generation:
                return
            if self._output_rate != MODEL_RATE:
                samples = self._resample(samples, generation)
            self._last_play = time.monotonic()
            self._ring.write(samples, generation)

    def clear(self, generation: int | None = None) -> int:
        """Barge-in: silence from the next output block on; returns the new generation."""
        new = self._ring.clear(generation)
        with self._play_lock:
            self._resampler = None  # its held-back tail belongs to the interrupted reply
            self._resampler_pending = False
        return new

    # ------------------------------------------------------------------ stream management

    def _open_streams(self, input_device: str | None, output_device: str | None) -> list[str]:
        """Open both sides, each on its named device or else the default; the notes say what
        had to change. Raises ``AudioDeviceError`` when neither side could be opened."""
        # A fresh tap per stream: the echo reference is anchored on this stream's clock.
        self._tap = OutputTap(self._output_rate, seconds=4.0)
        self._out_stream, out_note = self._open_side("output", output_device)
        self._in_stream, in_note = (
            self._open_side("input", input_device) if self._settings.capture else (None, "")
        )
        if self._out_stream is None and self._in_stream is None:
            raise AudioDeviceError("output", " ".join(n for n in (in_note, out_note) if n))
        sides: tuple[tuple[Direction, object, str], ...] = (
            ("output", self._out_stream, out_note),
            ("input", self._in_stream, in_note),
        )
        notes = [
            # One side missing: say what still works (only now is it known that it does).
            note if stream is not None else f"{note} {STILL_WORKS[direction]}"
            for direction, stream, note in sides
            if note
        ]
        self._processor = MicProcessor(
            self._mic_block,
            self._tap,
            # Nothing plays without a speaker: no echo to cancel, no reference to wait for.
            echo_cancellation=self._settings.echo_cancellation and self._out_stream is not None,
            vad=self._settings.vad,
        )
        try:
            for stream in (self._out_stream, self._in_stream):
                if stream is not None:
                    stream.start()
        except sd.PortAudioError as exc:
            self._close_streams()
            raise AudioDeviceError("output", f"Audio could not start ({exc}).") from exc
        return notes

    def _open_side(self, direction: Direction, name: str | None) -> tuple[Any, str]:
        """(stream, "") on the named device; (stream, note) on the default one instead;
        (None, the problem) when neither opens."""
        label = LABELS[direction]
        opener = self._open_output if direction == "output" else self._open_input
        problem = ""
        for candidate in (name, None) if name else (None,):
            try:
                stream = opener(resolve(direction, candidate))
            except AudioDeviceError as exc:
                problem = problem or str(exc)
                continue
            note = f"{problem} Using the default {label} instead." if candidate != name else ""
            return stream, note
        return None, problem

    def _rates(self, ours: tuple[int, ...], index: int) -> tuple[int, ...]:
        """Our rates in order, then the device's own default rate (44.1 kHz on many outputs)."""
        own = default_rate(index)
        return ours if own is None or own in ours else (*ours, own)

    def _output_latency(self) -> str | float:
        chosen = self._settings.output_latency
        return self._settings.latency if chosen is None else chosen

    def _open_output(self, index: int) -> sd.OutputStream:
        last: Exception | None = None
        for rate in self._rates(self._settings.output_rates, index):
            try:
                stream = sd.OutputStream(
                    samplerate=rate,
                    blocksize=rate // 100,
                    device=index,
                    channels=1,
                    dtype="int16",
                    latency=self._output_latency(),
                    callback=self._output_callback,
                    finished_callback=self._stream_finished,
                )
            except (sd.PortAudioError, ValueError) as exc:
                last = exc
                continue
            self._set_output_rate(rate)
            return stream
        raise AudioDeviceError("output", f"The speaker could not be opened ({last}).")

    def _open_input(self, index: int) -> sd.InputStream:
        last: Exception | None = None
        for rate in self._rates(self._settings.input_rates, index):
            block = rate * self._settings.chunk_ms // 1000
            try:
                stream = sd.InputStream(
                    samplerate=rate,
                    blocksize=block,
                    device=index,
                    channels=1,
                    dtype="int16",
                    latency=self._settings.latency,
                    callback=self._input_callback,
                    finished_callback=self._stream_finished,
                )
            except (sd.PortAudioError, ValueError) as exc:
                last = exc
                continue
            self._set_input_rate(rate, block)
            return stream
        raise AudioDeviceError("input", f"The microphone could not be opened ({last}).")

    def _set_input_rate(self, rate: int, block: int) -> None:
        """Queue blocks at the device's rate; the worker brings them to 16 kHz (no I/O here)."""
        self.input_rate = rate
        if block != self._mic_queue.block:
            self._mic_queue = BlockQueue(block, slots=64)  # before the stream starts
        self._mic_resampler = (
            None if rate == MIC_RATE else soxr.ResampleStream(rate, MIC_RATE, 1, dtype="int16")
        )
        self._mic_pending = np.zeros(0, dtype=np.int16)

    def _set_output_rate(self, rate: int) -> None:
        if rate == self._output_rate:
            return
        # Buffers are sized by rate: rebuild them (only ever before the stream starts).
        self._output_rate = rate
        self._out_block = rate // 100
        generation = self._ring.generation
        self._ring = PlaybackRing(int(rate * self._settings.ring_seconds))
        self._ring.clear(generation)
        self._tap = OutputTap(rate, seconds=4.0)
        with self._play_lock:
            self._resampler = None

    def _close_streams(self) -> None:
        for stream in (self._in_stream, self._out_stream):
            if stream is None:
                continue
            with contextlib.suppress(sd.PortAudioError):
                stream.abort()
            with contextlib.suppress(sd.PortAudioError):
                stream.close()
        self._in_stream = None
        self._out_stream = None

    # ------------------------------------------------------------------ callbacks (real time)

    def _output_callback(self, outdata: Any, frames: int, time_info: Any, status: Any) -> None:
        out = outdata[:, 0]
        if status.output_underflow:
            self.stats.output_underflows += 1
        n = self._ring.read_into(out)
        if n and self._volume != 1.0:
            np.multiply(out, self._volume, out=out, casting="unsafe")
        if n:
            self._played_blocks += 1
            self._was_playing = True
        elif self._was_playing:
            self._was_playing = False
            self._idle_blocks += 1
        self._tap.put(out, time_info.outputBufferDacTime, bool(status.output_underflow))
        self.stats.output_blocks += 1

    def _input_callback(self, indata: Any, frames: int, time_info: Any, status: Any) -> None:
        if status.input_overflow:
            self.stats.input_overflows += 1
        if not self._mic_queue.put(indata[:, 0], time_info.inputBufferAdcTime, time.perf_counter()):
            self.stats.mic_blocks_dropped += 1
        self.stats.input_blocks += 1

    def _stream_finished(self) -> None:
        # PortAudio ends a stream by itself only when the device failed under it.
        if self._running:
            self._stream_failures += 1

    # ------------------------------------------------------------------ worker thread

    def _work(self) -> None:
        idle_seen = self._idle_blocks
        last_levels = 0.0
        watch_out, watch_in = self.stats.output_blocks, self.stats.input_blocks
        watch_since = time.monotonic()
        failures_seen = self._stream_failures
        while not self._stop_worker.is_set():
            item = self._mic_queue.get(timeout=0.01)
            if self._stop_worker.is_set():
                return
            if item is not None:
                self._handle_mic_block(*item)
            if self._idle_blocks != idle_seen:
                idle_seen = self._idle_blocks
                if self._ring.buffered == 0:
                    self._post(self.on_playback_idle)
            self._flush_resampler_if_drained()
            now = time.monotonic()
            if now - last_levels >= self._settings.level_interval_s:
                last_levels = now
                self._publish_levels()
            # Device watchdog: a finished stream, or callbacks that stopped arriving.
            blocks = (self.stats.output_blocks, self.stats.input_blocks)
            if self._streams_alive(blocks[0] != watch_out, blocks[1] != watch_in):
                watch_out, watch_in, watch_since = *blocks, now
            failed = self._stream_failures != failures_seen
            if failed or now - watch_since > self._settings.watchdog_s:
                failures_seen = self._stream_failures
                self._recover()
                watch_out, watch_in = self.stats.output_blocks, self.stats.input_blocks
                watch_since = time.monotonic()
                failures_seen = self._stream_failures

    def _streams_alive(self, output_moved: bool, input_moved: bool) -> bool:
        """Every open stream has called back since the last look (a side left out counts as
        alive; with none open, nothing is: the watchdog keeps trying to reopen)."""
        out, inp = self._out_stream, self._in_stream
        if out is None and inp is None:
            return False
        return (output_moved or out is None) and (input_moved or inp is None)

    def _handle_mic_block(self, block: Int16Array, adc_time: float, wall: float) -> None:
        if self._mic_resampler is None:
            self._process_mic_block(block, adc_time, wall)
            return
        # Device rate -> 16 kHz, then re-blocked: the canceller and VAD take exact 20 ms blocks.
        converted = self._mic_resampler.resample_chunk(block)
        pending = np.concatenate((self._mic_pending, converted))
        while len(pending) >= self._mic_block:
            self._process_mic_block(pending[: self._mic_block].copy(), adc_time, wall)
            pending = pending[self._mic_block :]
        self._mic_pending = pending

    def _process_mic_block(self, block: Int16Array, adc_time: float, wall: float) -> None:
        if self._gain != 1.0:
            scaled = np.clip(block.astype(np.float32) * self._gain, -32768, 32767)
            block = scaled.astype(np.int16)
        processor = self._processor
        if processor is not None:
            block = processor.process(block, adc_time)
            speaking = processor.speaking
            if speaking != self._speaking:
                self._speaking = speaking
                if speaking and self._settings.instant_barge_in:
                    self._halt_playback()
                self._post(self.on_speaking, speaking)
            self._levels = measure_levels(block, self._levels, mic=True)
        if self._muted:
            return
        self._post_mic(block.tobytes(), wall)

    def _halt_playback(self) -> None:
        """Local barge-in: silence from the next output block, and drop the rest of the reply.

        The generation is kept (the session core numbers them; its own clear follows when the
        server says `interrupted`), so the next reply plays.
        """
        with self._play_lock:
            self._halted_generation = self._ring.generation
            self._resampler = None
            self._resampler_pending = False
            self._ring.drop()
        self.stats.local_barge_ins += 1

    def _post_mic(self, chunk: bytes, wall: float) -> None:
        def deliver() -> None:
            if not self._running or self._muted:
                return
            self.stats.capture_delays.append(time.perf_counter() - wall)
            self._on_mic_chunk(chunk)

        with contextlib.suppress(RuntimeError):  # loop closed during shutdown
            self._loop.call_soon_threadsafe(deliver)

    def _post(self, callback: Callable[..., None] | None, *args: Any) -> None:
        if callback is None:
            return
        with contextlib.suppress(RuntimeError):
            self._loop.call_soon_threadsafe(callback, *args)

    def _publish_levels(self) -> None:
        start = self._tap.samples_written - self._out_block * 5
        played = self._tap.read(start, self._out_block * 5) if start >= 0 else None
        if played is not None:
            self._levels = measure_levels(played, self._levels, mic=False)
        self._post(self.on_levels, self._levels)

    # ------------------------------------------------------------------ producer helpers

    def _resample(self, samples: Int16Array, generation: int) -> Int16Array:
        if self._resampler is None or self._resampler_generation != generation:
            self._resampler = soxr.ResampleStream(
                MODEL_RATE, self._output_rate, 1, dtype="int16", quality="HQ"
            )
            self._resampler_generation = generation
        self._resampler_pending = True
        out: Int16Array = self._resampler.resample_chunk(samples)
        return out

    def _flush_resampler_if_drained(self) -> None:
        """Play the resampler's held-back tail once the reply has stopped arriving.

        soxr holds back ~20-30 ms; without this the last syllable of every reply would wait
        for the next reply.
        """
        if not self._resampler_pending or self._ring.buffered > self._out_block * 2:
            return
        if time.monotonic() - self._last_play < 0.06:
            return
        with self._play_lock:
            resampler, generation = self._resampler, self._resampler_generation
            if resampler is None or generation != self._ring.generation:
                self._resampler_pending = False
                return
            tail: Int16Array = resampler.resample_chunk(np.zeros(0, dtype=np.int16), last=True)
            self._resampler = None
            self._resampler_pending = False
        if len(tail):
            self._ring.write(tail, generation)

    # ------------------------------------------------------------------ device loss

    def _recover(self) -> None:
        """Reopen on the chosen devices or, when they are gone, on the defaults."""
        with self._state_lock:
            if not self._running:
                return
            self._close_streams()
            rescan()
            self.stats.restarts += 1
            try:
                notes = self._open_streams(self._input_device, self._output_device)
            except AudioDeviceError as exc:
                # Streams stay closed; the watchdog tries again every watchdog_s, so a device
                # that comes back is picked up. Say so once, not on every attempt.
                note = f"No usable audio device: {exc}"
            else:
                note = " ".join(notes) or "Audio devices restarted after an interruption."
            if note == self._last_note:
                return
            self._last_note = note
        self._post(self.on_device_note, note)
