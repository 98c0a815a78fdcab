"""The walking skeleton's path: the real SDK against the simulator over TLS on loopback."""

from __future__ import annotations

import asyncio
import base64

import cv2
import numpy as np
import pytest
from sim_live_helpers import EventLog, SimFactory, make_link, speak

from desktop.live import LinkError
from desktop.session.events import (
    CloseKind,
    GenerationComplete,
    InputTranscript,
    Interrupted,
    LinkOpened,
    ModelAudio,
    OutputTranscript,
    ResumptionUpdate,
    TurnComplete,
    UsageReport,
)
from desktop.sim import Scenario, SimServer, signals
from desktop.sim.wire import normalise


def _jpeg(i: int) -> bytes:
    frame = np.zeros((480, 640, 3), np.uint8)
    cv2.rectangle(frame, (40 + 20 * i, 40), (200 + 20 * i, 200), (0, 200, 255), -1)
    ok, buf = cv2.imencode(".jpg", frame, [cv2.IMWRITE_JPEG_QUALITY, 80])
    assert ok
    return buf.tobytes()


def _b64(data: str) -> bytes:
    return base64.urlsafe_b64decode(data + "=" * (-len(data) % 4))


async def test_connect_speak_and_hear_it_back(sim: SimServer) -> None:
    link = make_link(sim)
    opened = await link.open()
    assert opened == LinkOpened(resumed=False)
    log = EventLog(link)
    sent = await speak(link, speech_s=1.2)
    await log.wait_type(TurnComplete)
    await log.stop()

    audio = log.of(ModelAudio)
    assert audio and all(a.rate == 24000 for a in audio)
    # The echo is the utterance at 24 kHz: 1.2 s voiced + a short tail, 2 bytes a sample.
    assert 1.2 * 24000 * 2 <= log.audio_bytes() <= 1.5 * 24000 * 2
    assert log.output_text().startswith("I heard 1.2 s of audio at -20 dBFS; 0 video frames")
    heard = "".join(e.text for e in log.of(InputTranscript))
    assert heard == "(1.2 s of speech)"
    assert log.of(InputTranscript)[-1].finished
    # Order within the turn: audio, then generationComplete, then turnComplete (+ usage).
    kinds = log.kinds()
    assert kinds.index("GenerationComplete") > max(
        i for i, k in enumerate(kinds) if k == "ModelAudio"
    )
    assert kinds.index("TurnComplete") == kinds.index("GenerationComplete") + 1
    assert kinds.index("UsageReport") == kinds.index("TurnComplete") + 1
    usage = log.of(UsageReport)[0]
    assert usage.total_tokens == (usage.prompt_tokens or 0) + (usage.response_tokens or 0) > 0
    assert log.closed is not None and log.closed.kind is CloseKind.REQUESTED
    assert len(sim.frames("realtime_input")) == sent


async def test_echo_is_the_users_audio_resampled(sim: SimServer) -> None:
    link = make_link(sim)
    await link.open()
    log = EventLog(link)
    await speak(link, speech_s=0.8)
    await log.wait_type(TurnComplete)
    await log.stop()
    echoed = np.frombuffer(b"".join(a.pcm for a in log.of(ModelAudio)), "<i2").astype(float)
    spoken = signals.speech_like(0.8).astype(float)
    # Compare in the 16 kHz domain: decimate the echo by 3/2 with interpolation.
    t16 = np.arange(spoken.size) / 16000
    back = np.interp(t16, np.arange(echoed.size) / 24000, echoed)
    corr = float(np.corrcoef(back, spoken)[0, 1])
    assert corr > 0.95


async def test_video_frames_and_text_are_seen(sim: SimServer) -> None:
    link = make_link(sim)
    await link.open()
    log = EventLog(link)
    frames = [_jpeg(i) for i in range(3)]
    for jpeg in frames:
        await link.send_video(jpeg)
    await speak(link)
    await log.wait_type(TurnComplete)
    assert "3 video frames seen" in log.output_text()

    await link.send_text("check the valve")
    await log.wait_type(TurnComplete, count=2)
    await log.stop()
    second_turn = log.events[log.kinds().index("TurnComplete") + 1 :]
    typed = "".join(e.text for e in second_turn if isinstance(e, OutputTranscript))
    assert typed == "You typed: check the valve"
    assert any(isinstance(e, ModelAudio) for e in second_turn)

    # What the client put on the wire: JPEG bytes intact, text as realtime text.
    videos = [
        f["realtime_input"]["video"]
        for f in sim.frames("realtime_input")
        if "video" in f["realtime_input"]
    ]
    assert [_b64(v["data"]) for v in videos] == frames
    assert {v.get("mime_type", v.get("mimeType")) for v in videos} == {"image/jpeg"}
    texts = [
        f["realtime_input"]["text"]
        for f in sim.frames("realtime_input")
        if "text" in f["realtime_input"]
    ]
    assert texts == ["check the valve"]


async def test_speaking_over_a_reply_interrupts_it(sim: SimServer) -> None:
    link = make_link(sim)
    await link.open()
    log = EventLog(link)
    await speak(link, speech_s=3.0)  # a 3 s echo: long enough to talk over
    await log.wait_type(ModelAudio)
    await speak(link, speech_s=0.5)  # barge in
    await log.wait_type(Interrupted)
    await log.wait_type(TurnComplete, count=2)  # the interrupted turn, then the new reply
    await log.stop()

    kinds = log.kinds()
    cut = kinds.index("Interrupted")
    first_turn = kinds[:cut]
    assert "GenerationComplete" not in first_turn  # interrupted: no generationComplete
    assert kinds[cut + 1] == "TurnComplete"
    echoed_first = sum(len(e.pcm) for e in log.events[:cut] if isinstance(e, ModelAudio))
    assert echoed_first < 3.0 * 24000 * 2  # the reply was cut short
    after = log.events[cut + 2 :]
    assert any(isinstance(e, GenerationComplete) for e in after)
    assert "I heard 0.5 s" in "".join(e.text for e in after if isinstance(e, OutputTranscript))


async def test_recorded_frames_show_what_the_client_sent(sim: SimServer) -> None:
    link = make_link(sim, voice="Puck", language="en-US", system_instruction="Be brief.")
    await link.open()
    log = EventLog(link)
    pcm = signals.speech_like(0.1).tobytes()
    await link.send_audio(pcm)
    await link.send_audio_stream_end()
    await log.wait_type(TurnComplete)
    await log.stop()

    raw_setup = sim.received[0]["setup"]
    # The SDK mixes casings (camelCase outside, snake_case inside speechConfig and others).
    assert "generationConfig" in raw_setup
    assert "voice_config" in raw_setup["generationConfig"]["speechConfig"]
    setup = normalise(raw_setup)
    assert setup["model"] == "models/gemini-3.1-flash-live-preview"
    assert setup["generation_config"]["response_modalities"] == ["AUDIO"]
    speech = setup["generation_config"]["speech_config"]
    assert speech["voice_config"]["prebuilt_voice_config"]["voice_name"] == "Puck"
    assert speech["language_code"] == "en-US"
    assert setup["system_instruction"]["parts"][0]["text"] == "Be brief."
    assert setup["input_audio_transcription"] == setup["output_audio_transcription"] == {}
    assert setup["session_resumption"] == {}
    assert setup["context_window_compression"] == {"sliding_window": {}}
    assert "realtime_input_config" not in setup  # automatic activity detection stays on
    rt = sim.received[1]["realtime_input"]["audio"]
    assert rt["mime_type"] == "audio/pcm;rate=16000"
    assert _b64(rt["data"]) == pcm
    assert sim.received[2] == {"realtime_input": {"audioStreamEnd": True}}
    # audioStreamEnd ends the utterance at once: the short burst was answered.
    assert "I heard 0.1 s" in log.output_text()


async def test_resumption_handles_arrive_when_asked(sim: SimServer) -> None:
    link = make_link(sim)
    await link.open()
    log = EventLog(link)
    await speak(link, speech_s=0.4)
    await log.wait_type(TurnComplete)
    updates = await log.wait_type(ResumptionUpdate, count=3)
    await log.stop()
    # One resumable handle after setup, not resumable while replying, a new one after the turn.
    assert [u.resumable for u in updates[:3]] == [True, False, True]
    assert updates[0].handle and updates[2].handle and updates[0].handle != updates[2].handle
    assert updates[1].handle is None


async def test_no_resumption_no_handles(sim: SimServer) -> None:
    link = make_link(sim, resumption=False)
    await link.open()
    log = EventLog(link)
    await link.send_text("hi")
    await log.wait_type(TurnComplete)
    await log.stop()
    assert not log.of(ResumptionUpdate)
    assert "sessionResumption" not in sim.received[0]["setup"]


async def test_bad_key_is_fatal_auth(sim: SimServer) -> None:
    link = make_link(sim, api_key="bad-key")
    with pytest.raises(LinkError) as info:
        await link.open()
    assert info.value.kind is CloseKind.FATAL_AUTH
    assert info.value.code == 401
    assert "check it in Settings" in info.value.message
    assert "bad-key" not in info.value.message  # never echo a credential


async def test_bad_key_closed_after_setup_is_fatal_auth(make_sim: SimFactory) -> None:
    # The real service accepts the upgrade and closes 1007 "API key not valid" after setup.
    server = await make_sim(Scenario(auth_failure="close"))
    link = make_link(server, api_key="bad-key")
    with pytest.raises(LinkError) as info:
        await link.open()
    assert (info.value.kind, info.value.code) == (CloseKind.FATAL_AUTH, 1007)


async def test_link_can_be_reopened_as_a_new_link_and_sim_counts_connections(
    sim: SimServer,
) -> None:
    for _ in range(2):
        link = make_link(sim)
        await link.open()
        log = EventLog(link)
        await log.stop()
        assert log.closed is not None and log.closed.kind is CloseKind.REQUESTED
    assert sim.connections == 2
    with pytest.raises(LinkError) as info:
        await link.send_text("after close")
    assert info.value.kind is CloseKind.REQUESTED


async def test_unreachable_endpoint_is_transient(sim: SimServer) -> None:
    link = make_link(sim)  # built while the server runs; nothing listens once it stops
    await sim.stop()
    with pytest.raises(LinkError) as info:
        await asyncio.wait_for(link.open(), 15)
    assert info.value.kind is CloseKind.TRANSIENT
