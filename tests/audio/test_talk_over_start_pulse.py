"""The whole-program failure of issue 14 on real streams: no echo path, and the user starts
talking just after a reply starts playing (before the gate could learn "no echo path").

Real PortAudio streams on a private PulseAudio, no loopback: the microphone hears only the
user. Before the fix the user's words went out at RMS 0-50 for the whole utterance (AEC3
held them down and the gate learnt an echo coupling from them), so the server was never
interrupted.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest
from support.echo_live import run_reply
from support.echo_sim import scaled
from support.pulse import PulseServer, read_wav, speech_wav, write_wav
from test_engine_pulse import first_loud, flowing, last_loud

from desktop.audio import AudioEngine

pytestmark = pytest.mark.audio

SPEECH_RMS = 300.0  # the Live server's rule for a 20 ms chunk


async def until(condition: Callable[[], bool], within_s: float = 10.0) -> None:
    end = time.monotonic() + within_s
    while not condition():
        assert time.monotonic() < end, "the reply never reached the speaker"
        await asyncio.sleep(0.01)


async def test_user_over_the_start_of_a_reply_reaches_the_server(
    pulse: PulseServer, tmp_path: Path
) -> None:
    reply, _ = read_wav(
        speech_wav(
            tmp_path / "r.wav",
            "The replacement filter goes behind the lower panel, turn the unit off first.",
            24000,
        )
    )
    user, _ = read_wav(speech_wav(tmp_path / "u.wav", "Hold on, I can see oil on the seat."))
    user_wav = write_wav(tmp_path / "user.wav", scaled(user, 3000.0), 16000)
    chunks: list[tuple[float, float]] = []  # (arrival, RMS) of what goes to the server
    engine = AudioEngine(
        lambda pcm: chunks.append(
            (time.monotonic(), float(np.sqrt(np.mean(np.frombuffer(pcm, np.int16) ** 2.0))))
        ),
        asyncio.get_running_loop(),
    )
    engine.start()
    try:
        await flowing(engine)
        await asyncio.sleep(0.3)
        with (
            pulse.recorder("mic.monitor", rate=16000) as rec,
            pulse.recorder("spk.monitor", rate=48000) as played,
        ):
            engine.play(scaled(reply, 5000.0).tobytes(), engine.generation)
            # the user starts as soon as the reply is heard (a stream can sit still first)
            await until(lambda: first_loud(played.recording.arrivals(), 1000) is not None)
            await asyncio.to_thread(pulse.play, user_wav, "mic")
            await asyncio.sleep(0.3)
        heard = rec.recording.arrivals()
        reply_at = first_loud(played.recording.arrivals(), 1000)
    finally:
        engine.stop()
    onset, end = first_loud(heard, 1000), last_loud(heard, 1000)
    assert onset is not None and end is not None, "the user was not heard at the microphone"
    assert reply_at is not None and 0.0 <= onset - reply_at <= 0.4, "not over a reply's start"
    during = [rms for t, rms in chunks if onset <= t <= end + 0.1]
    loud = [rms for rms in during if rms >= SPEECH_RMS]
    # Before: no chunk of the utterance at speech level (worst RMS ~50).
    assert loud, f"the user never reached the server (worst chunk {max(during, default=0):.0f})"
    first = next(t for t, rms in chunks if t >= onset and rms >= SPEECH_RMS)
    assert first - onset <= 0.6, f"the user reached the server {first - onset:.2f} s late"
    assert len(loud) >= 0.3 * len(during)


@pytest.mark.parametrize("path_ms", [40, 150])
async def test_echo_around_a_user_over_the_start_of_a_reply_is_not_sent(
    pulse: PulseServer, tmp_path: Path, path_ms: int
) -> None:
    # The same moment with an echo path (a loopback from the speaker's monitor): the echo
    # follows its reference, so it is never passed raw as the user.
    reply, _ = read_wav(
        speech_wav(
            tmp_path / "r.wav",
            "Remove the four screws at the corners and slide the panel towards you.",
            24000,
        )
    )
    user, _ = read_wav(speech_wav(tmp_path / "u.wav", "Wait, which screws?"))
    run = await run_reply(
        pulse,
        tmp_path,
        scaled(reply, 5000.0),
        path_ms=path_ms,
        user16k=scaled(user, 16000.0),
        user_at_s=(0.1,),
        after_s=0.5,
    )
    assert run.self_interruption_times() == [], f"echo sent as speech, worst {run.worst_chunk()}"
    # Not asserted: the user getting through here. A user 10 dB over the echo makes up 90%
    # of the microphone, too little for the correlation to rule the echo out (it needs 94%),
    # and the first reply's canceller has not proven itself: the known gap (old and new code
    # alike on real streams; in replays the same user 0.05 s into a reply got through in 0.22 s).
