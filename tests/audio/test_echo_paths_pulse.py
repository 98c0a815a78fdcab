"""No echo reaches the server as speech on real streams, and the user still gets through.

Real PortAudio streams on a private PulseAudio; the echo path is ``module-loopback`` from the
speaker sink's monitor into the microphone sink. The reply arrives in bursts; the Live
server's rule is applied to the chunks the engine sends (a 20 ms chunk with RMS >= 300 is
speech). See ``support.echo_live``. Before this change the same set-up showed 1-3
self-interruptions per 22 s run with speech on 40 ms, 2-3 on 90 ms, 3-8 with a pure tone.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from support.echo_live import run_reply
from support.echo_sim import scaled
from support.pulse import PulseServer, read_wav, speech_wav, tone

pytestmark = pytest.mark.audio

REPLY_TEXT = (
    "The replacement filter goes behind the lower panel. Turn the unit off first, then remove "
    "the four screws at the corners and slide the panel towards you."
)


@pytest.fixture(scope="module")
def reply(tmp_path_factory: pytest.TempPathFactory) -> np.ndarray:
    samples, _ = read_wav(speech_wav(tmp_path_factory.mktemp("r") / "r.wav", REPLY_TEXT, 24000))
    return scaled(samples, 5000.0)


@pytest.fixture(scope="module")
def user(tmp_path_factory: pytest.TempPathFactory) -> np.ndarray:
    wav = speech_wav(tmp_path_factory.mktemp("u") / "u.wav", "Wait, which screws?", 16000)
    samples, _ = read_wav(wav)
    return scaled(samples, 16000.0)  # about 10 dB above the echo on this 0 dB path


@pytest.mark.parametrize("path_ms", [40, 150])
async def test_speech_reply_double_talk_and_barge_in_send_no_echo(
    pulse: PulseServer, tmp_path: Path, reply: np.ndarray, user: np.ndarray, path_ms: int
) -> None:
    run = await run_reply(
        pulse, tmp_path, reply, path_ms=path_ms, user16k=user, user_at_s=(2.5,), clear_at_s=5.0
    )
    assert run.self_interruption_times() == [], f"echo sent as speech, worst {run.worst_chunk()}"
    erle = run.erle_per_second()
    assert erle and min(erle) >= 30.0, f"ERLE per second {erle}"
    # The user talking over the reply reaches the server (target 100 ms; margin for load).
    delays = run.mic_to_wire_s()
    assert delays and delays[0] <= 0.3, f"user reached the server after {delays}"
    assert run.false_barge_in_share() <= 0.02


async def test_pure_tone_reply_sends_no_echo(pulse: PulseServer, tmp_path: Path) -> None:
    voice = tone(440.0, 8.0, 24000, amplitude=0.2)
    run = await run_reply(pulse, tmp_path, voice, path_ms=90)
    assert run.self_interruption_times() == [], f"echo sent as speech, worst {run.worst_chunk()}"
    erle = run.erle_per_second()
    assert erle and min(erle) >= 30.0, f"ERLE per second {erle}"
