"""Model audio formats checked at the live edge, and the simulator's bounded record."""

from __future__ import annotations

import logging

import pytest
from google.genai import types
from sim_live_helpers import SimFactory, make_link

from desktop.live.translate import BadAudioFormat, Translator, audio_rate
from desktop.session.events import ModelAudio, OutputTranscript
from desktop.sim import FrameRecord, SimServer, signals


@pytest.mark.parametrize(
    ("mime", "rate"),
    [
        ("audio/pcm;rate=24000", 24000),
        ("audio/pcm", 24000),  # no rate: the service's rate
        ("audio/pcm; rate=16000", 16000),
        ("AUDIO/PCM;RATE=48000", 48000),
        ('audio/pcm;rate="22050"', 22050),
        ("audio/L16;codec=pcm;rate=8000", 8000),
    ],
)
def test_playable_pcm_formats_give_their_rate(mime: str, rate: int) -> None:
    assert audio_rate(mime) == rate


@pytest.mark.parametrize(
    "mime",
    [
        "audio/pcm;rate=0",
        "audio/pcm;rate=-24000",
        "audio/pcm;rate=fast",
        "audio/pcm;rate=24000.5",
        "audio/pcm;rate=99999999999",
        "audio/pcm;rate=²⁴",  # digits to str.isdigit, not to int()
        "audio/pcm;rate=",
        "audio/opus",
        "audio/mpeg;rate=24000",
        "",
        None,
    ],
)
def test_impossible_formats_are_refused(mime: str | None) -> None:
    with pytest.raises(BadAudioFormat):
        audio_rate(mime)


def _message(mime: str, text: str = "") -> types.LiveServerMessage:
    parts: list[dict[str, object]] = [{"inlineData": {"mimeType": mime, "data": "AAEC"}}]
    content: dict[str, object] = {"modelTurn": {"parts": parts}}
    if text:
        content["outputTranscription"] = {"text": text}
    return types.LiveServerMessage._from_response(response={"server_content": content}, kwargs={})


def test_a_link_warns_once_per_bad_format_and_keeps_the_rest_of_the_message(
    caplog: pytest.LogCaptureFixture,
) -> None:
    translator = Translator()
    with caplog.at_level(logging.WARNING, logger="desktop.live.translate"):
        for i in range(5):
            events = translator.translate(_message("audio/pcm;rate=0", f"word{i} "))
            assert events == [OutputTranscript(f"word{i} ")]  # the transcript still arrives
        assert translator.translate(_message("audio/pcm;rate=24000")) == [
            ModelAudio(b"\x00\x01\x02", 24000)
        ]
    warnings = [r for r in caplog.records if "Model audio dropped" in r.getMessage()]
    assert len(warnings) == 1 and "rate=0" in warnings[0].getMessage()
    assert translator.dropped_audio_parts == 5


def test_the_frame_record_is_bounded_and_counts_everything() -> None:
    from desktop.sim.record import Arrival

    record = FrameRecord(control_limit=3, media_limit=5, media_bytes=10_000)
    record.add({"setup": {}}, Arrival(0.0, 1, "setup"), 50)
    for i in range(100):
        record.add({"n": i}, Arrival(float(i), 1, "audio"), 1_000)
    for i in range(10):
        record.add({"t": i}, Arrival(100.0 + i, 1, "text"), 20)
    assert record.counts == {"setup": 1, "audio": 100, "text": 10}
    assert record.sizes["audio"] == 100_000
    assert record.kept == 3 + 5
    frames = record.frames()
    assert frames[:5] == [{"n": i} for i in range(95, 100)]  # in arrival order
    assert frames[5:] == [{"t": i} for i in range(7, 10)]
    big = FrameRecord(media_limit=100, media_bytes=2_500)
    for i in range(10):
        big.add({"n": i}, Arrival(float(i), 1, "video"), 1_000)
    assert big.kept == 2  # the byte budget binds before the count


async def test_a_long_stream_leaves_counters_and_a_bounded_record(make_sim: SimFactory) -> None:
    sim: SimServer = await make_sim()
    sim.record_of_frames = FrameRecord(media_limit=40)
    link = make_link(sim)
    await link.open()
    block = signals.silence(0.02).tobytes()
    for _ in range(300):  # six seconds of microphone audio
        await link.send_audio(block)
    await link.send_text("done")
    await link.close()
    assert sim.counts["audio"] == 300 and sim.counts["text"] == 1
    audio_held = [f for f in sim.frames("realtime_input") if "audio" in f["realtime_input"]]
    assert len(audio_held) == 40  # the newest only
    assert sim.frames("realtime_input")[-1]["realtime_input"] == {"text": "done"}
