"""The DSP chain offline: AEC3 on a simulated echo path, Silero VAD on known speech regions.

Speech is synthesised at test time with espeak-ng. The room follows docs/AUDIO.md: 150 ms decay,
echo as loud as the user at the mic, noise 35 dB below. Floors are conservative against the
measured figures (ERLE 37.5 dB, residual echo judged speech 0%, VAD F1 0.96 at 10 dB SNR).
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from support.pulse import read_wav, speech_wav

from desktop.audio.dsp import FRAME, EchoCanceller, VadSettings, VoiceActivity

RATE = 16000
FAR_TEXT = (
    "The replacement filter goes behind the lower panel. Turn the unit off first, then remove "
    "the four screws at the corners and slide the panel towards you. Check the seal for cracks."
)
NEAR_TEXT = "Wait, which screws do you mean exactly?"


@pytest.fixture(scope="module")
def far_speech(tmp_path_factory: pytest.TempPathFactory) -> np.ndarray:
    path = speech_wav(tmp_path_factory.mktemp("tts") / "far.wav", FAR_TEXT, RATE)
    samples, rate = read_wav(path)
    assert rate == RATE
    return samples


@pytest.fixture(scope="module")
def near_speech(tmp_path_factory: pytest.TempPathFactory) -> np.ndarray:
    samples, _ = read_wav(speech_wav(tmp_path_factory.mktemp("tts") / "near.wav", NEAR_TEXT, RATE))
    return samples


def room_echo(far: np.ndarray, delay_ms: float = 40.0, decay_ms: float = 150.0) -> np.ndarray:
    """Far-end speech through a synthetic room: a delay and an exponentially decaying tail."""
    rng = np.random.default_rng(7)
    n = int(RATE * decay_ms / 1000 * 3)
    t = np.arange(n) / RATE
    ir = rng.standard_normal(n) * np.exp(-t / (decay_ms / 1000 / 6.9))  # -60 dB at decay_ms
    ir[0] += 3.0  # the direct path
    ir /= np.sqrt(np.sum(ir**2))
    delay = int(RATE * delay_ms / 1000)
    wet = np.convolve(far.astype(np.float64), ir)[: len(far)]
    return np.concatenate((np.zeros(delay), wet))[: len(far)]


def db(x: np.ndarray) -> float:
    return float(10 * np.log10(np.mean(np.asarray(x, dtype=np.float64) ** 2) + 1e-9))


def cancel(near: np.ndarray, far: np.ndarray) -> np.ndarray:
    aec = EchoCanceller()
    out = np.zeros_like(near)
    for i in range(0, len(near) - FRAME + 1, FRAME):
        out[i : i + FRAME] = aec.process(near[i : i + FRAME], far[i : i + FRAME])
    return out


def to_int16(x: np.ndarray) -> np.ndarray:
    return np.clip(np.round(x), -32768, 32767).astype(np.int16)


def speech_probabilities(samples: np.ndarray) -> np.ndarray:
    vad = VoiceActivity()
    vad.recording = True
    vad.process(samples)
    return np.array(vad.probabilities)


def test_echo_canceller_removes_room_echo(far_speech: np.ndarray) -> None:
    far = np.tile(far_speech, 2)  # ~16 s: time to converge, then measure
    echo = room_echo(far)
    noise = np.random.default_rng(3).standard_normal(len(far)) * 10 ** ((db(echo) - 35) / 20)
    near = to_int16(echo + noise)
    out = cancel(near, far)
    settled = slice(len(far) // 2, None)
    active = np.abs(echo[settled]) > 0  # measure where the echo exists
    erle = db(near[settled][active]) - db(out[settled][active])
    assert erle >= 20.0, f"ERLE {erle:.1f} dB"


def test_residual_echo_is_not_taken_for_speech(far_speech: np.ndarray) -> None:
    far = np.tile(far_speech, 2)
    echo = room_echo(far)
    noise = np.random.default_rng(3).standard_normal(len(far)) * 10 ** ((db(echo) - 35) / 20)
    near = to_int16(echo + noise)
    out = cancel(near, far)
    half = len(far) // 2
    raw = speech_probabilities(near[half:])
    residual = speech_probabilities(out[half:])
    # The raw echo is speech to any VAD (that is why the VAD runs after the canceller) ...
    assert (raw >= 0.5).mean() > 0.3
    # ... and what the canceller leaves is not.
    assert (residual >= 0.5).mean() <= 0.05


def test_user_speech_passes_the_canceller_with_no_far_end(near_speech: np.ndarray) -> None:
    silence = np.zeros(len(near_speech) + RATE, dtype=np.int16)
    near = np.concatenate((np.zeros(RATE, dtype=np.int16), near_speech))
    out = cancel(near, silence)
    assert abs(db(out[RATE:]) - db(near[RATE:])) < 3.0


def test_vad_marks_known_speech_regions(near_speech: np.ndarray) -> None:
    gap = np.zeros(int(1.5 * RATE))
    clean = np.concatenate((gap, near_speech, gap, near_speech, gap)).astype(np.float64)
    noise = np.random.default_rng(5).standard_normal(len(clean))
    noise *= 10 ** ((db(near_speech) - 10) / 20)  # 10 dB SNR
    probs = speech_probabilities(to_int16(clean + noise))
    # Ground truth per 512-sample window from the clean signal's energy, widened by 100 ms on
    # each side (the end of a word is still speech to a listener).
    win = VoiceActivity.WINDOW
    energy = np.array([db(clean[i * win : (i + 1) * win]) for i in range(len(probs))])
    voiced = energy > db(near_speech) - 30
    pad = 3
    truth = np.convolve(voiced, np.ones(2 * pad + 1), mode="same") > 0
    guess = probs >= 0.5
    tp = np.sum(guess & truth)
    precision = tp / max(1, guess.sum())
    recall = tp / max(1, truth.sum())
    f1 = 2 * precision * recall / max(1e-9, precision + recall)
    assert f1 >= 0.8, f"F1 {f1:.2f} (precision {precision:.2f}, recall {recall:.2f})"


def test_speaking_state_turns_on_in_speech_and_off_in_silence(near_speech: np.ndarray) -> None:
    vad = VoiceActivity(VadSettings(min_speech_ms=256, hangover_ms=480))
    assert not vad.process(np.zeros(RATE, dtype=np.int16))
    states = []
    for i in range(0, len(near_speech), 320):
        states.append(vad.process(near_speech[i : i + 320]))
    assert any(states)
    assert not states[0]  # 256 ms of speech is needed first
    assert not vad.process(np.zeros(RATE, dtype=np.int16))


def test_wav_fixture_is_speech_not_silence(tmp_path: Path) -> None:
    samples, _ = read_wav(speech_wav(tmp_path / "s.wav", "hello there", RATE))
    assert db(samples) > 40  # espeak-ng produced audible samples
