"""A user who talks over the very start of a reply gets through, and echo still does not.

Issue 14, found by the whole-program test: with no echo path (a headset, or speakers far
away) a user who started within ~150 ms of a reply reached the server at RMS 0-50 for the
whole utterance. AEC3 held the user down itself (RMS ~1), the gate took those frames for
cancelled echo and "no echo path" was never learnt (it needs 0.3 s of reply with the
microphone quiet). The gate now tells a user from echo by waveform correlation with the
reference (``NearEndTalk``): echo is the reference through a path, the user is not.
Deterministic replays (``support.echo_sim``); the same on real streams in
``test_talk_over_start_pulse.py``.
"""

from __future__ import annotations

import numpy as np
import pytest
from support.echo_sim import Reply, Scenario, replay, scaled
from support.pulse import read_wav, speech_wav

REPLY_TEXT = (
    "The replacement filter goes behind the lower panel. Turn the unit off first, then remove "
    "the four screws at the corners."
)


@pytest.fixture(scope="module")
def reply(tmp_path_factory: pytest.TempPathFactory) -> np.ndarray:
    samples, _ = read_wav(speech_wav(tmp_path_factory.mktemp("r") / "r.wav", REPLY_TEXT, 24000))
    return scaled(samples, 5000.0)


@pytest.fixture(scope="module")
def user(tmp_path_factory: pytest.TempPathFactory) -> np.ndarray:
    wav = speech_wav(tmp_path_factory.mktemp("u") / "u.wav", "Hold on, I can see oil on the seat.")
    samples, _ = read_wav(wav)
    return samples


@pytest.mark.parametrize("start_s", [0.0, 0.05, 0.15])
def test_user_over_the_start_of_a_reply_with_no_echo_path_gets_through(
    reply: np.ndarray, user: np.ndarray, start_s: float
) -> None:
    at = 1.0 + start_s
    run = replay(
        Scenario(
            duration_s=4.5,
            replies=[Reply(1.0, reply)],
            gain_db=-90.0,  # the microphone hears only the user
            user=[(at, scaled(user, 3000))],
        )
    )
    delay = run.user_delay_s(at)
    # Before: never (the whole utterance at RMS <= 50). Deciding takes 3 estimates of a
    # loud 200 ms window: 0.2-0.3 s from the user's first loud chunk.
    assert delay is not None and delay <= 0.4, f"user reached the server after {delay} s"
    assert run.user_passed_share(at, 2.0) >= 0.6
    assert run.self_interruptions() == 0


@pytest.mark.parametrize(
    ("path_ms", "room", "user_rms"),
    [
        (40, False, 16000),
        # A user far louder than the echo (clipped): the raw microphone passes while they
        # talk; undoing what was learnt from them once let this path pass for "no echo path"
        # afterwards (56 chunks of echo at up to RMS 8,900), before echo_heard.
        (90, True, 50000),
    ],
)
def test_echo_with_the_user_at_the_start_of_a_reply_is_not_sent(
    reply: np.ndarray, user: np.ndarray, path_ms: float, room: bool, user_rms: float
) -> None:
    # The same moment with an echo path: the echo correlates with its reference, so it is
    # never passed raw as the user, during the user's words or after them.
    run = replay(
        Scenario(
            duration_s=5.5,
            replies=[Reply(1.0, reply)],
            path_ms=path_ms,
            room=room,
            user=[(1.05, scaled(user, user_rms))],
        )
    )
    assert run.self_interruptions() == 0, f"echo sent as speech, worst {run.worst_echo_chunk()}"
    gate = run.processor.gate
    assert gate is not None and not gate.no_echo_path


def test_the_talk_detector_tells_echo_from_a_user(reply: np.ndarray, user: np.ndarray) -> None:
    """The fact the gate relies on: echo follows its reference's waveform, a user does not."""
    import soxr

    from desktop.audio.dsp import GateSettings, NearEndTalk

    ref = soxr.resample(reply, 24000, 16000).astype(np.int16)[: 16000 * 3]
    lag = 16000 * 120 // 1000  # 120 ms behind its reference
    echo = np.concatenate((np.zeros(lag, np.int16), ref[:-lag]))
    voice = np.zeros(len(ref), np.int16)
    voice[: min(len(user), len(ref))] = scaled(user, 3000)[: len(ref)]

    def worst(mic: np.ndarray, best: bool) -> float:
        talk = NearEndTalk(GateSettings())
        found = []
        for i in range(0, len(ref), 320):
            talk.push(mic[i : i + 320], ref[i : i + 320])
            window = mic[max(0, i - 3200) : i + 320].astype(np.float64)
            if i >= 16000 * 7 // 10 and np.sqrt(np.mean(window**2)) >= 300:
                found.append(talk.correlation(50))
        return min(found) if best else max(found)

    assert worst(echo, best=True) >= 0.9  # a digital path: the waveform itself
    assert worst(voice, best=False) < 0.4  # a user never looks like clear echo
