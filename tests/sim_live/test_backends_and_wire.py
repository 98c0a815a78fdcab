"""Vertex-shaped connections, manual activity control, and the simulator's tolerant parser."""

from __future__ import annotations

import base64
import json

import pytest
from google.oauth2.credentials import Credentials
from sim_live_helpers import WAIT_S, EventLog, make_link
from websockets.asyncio.client import connect
from websockets.exceptions import InvalidStatus

from desktop.live import LiveLink, LiveOptions, build_client, build_config
from desktop.session.events import TurnComplete
from desktop.sim import SimServer, signals
from desktop.sim.wire import normalise

GEMINI_PATH = "/ws/google.ai.generativelanguage.v1beta.GenerativeService.BidiGenerateContent"


async def test_vertex_backend_through_an_endpoint(sim: SimServer) -> None:
    opts = LiveOptions(
        backend="vertex",
        project="proj",
        location="europe-west4",
        endpoint=sim.url,
        ssl_context=sim.client_ssl_context(),
    )
    # A token credential avoids any Application Default Credentials lookup in tests.
    client = build_client(opts, credentials=Credentials(token="test-token"))  # type: ignore[no-untyped-call]
    link = LiveLink(client, opts.model_name, build_config(opts))
    await link.open()
    log = EventLog(link)
    await link.send_text("over vertex")
    await log.wait_type(TurnComplete)
    await log.stop()
    assert log.output_text() == "You typed: over vertex"
    setup = normalise(sim.received[0])["setup"]
    assert setup["model"] == (
        "projects/proj/locations/europe-west4/publishers/google/models/"
        "gemini-live-2.5-flash-native-audio"
    )
    assert setup["generation_config"]["response_modalities"] == ["AUDIO"]


async def test_manual_activity_control(sim: SimServer) -> None:
    link = make_link(sim, automatic_activity_detection=False)
    await link.open()
    log = EventLog(link)
    await link.send_activity_start()
    # Quiet audio: energy detection would never start an utterance; activityStart does.
    for block in signals.chunks(signals.speech_like(0.6, level_dbfs=-55)):
        await link.send_audio(block)
    await link.send_activity_end()
    await log.wait_type(TurnComplete)
    await log.stop()
    assert "I heard 0.6 s of audio at -55 dBFS" in log.output_text()
    setup = normalise(sim.received[0])["setup"]
    assert setup["realtime_input_config"] == {"automatic_activity_detection": {"disabled": True}}


async def test_simulator_accepts_camel_case_and_standard_base64(sim: SimServer) -> None:
    pcm = signals.utterance(0.5, 0.8).astype("<i2").tobytes()
    async with connect(
        sim.url.replace("https", "wss") + GEMINI_PATH,
        ssl=sim.client_ssl_context(),
        additional_headers={"x-goog-api-key": "anything"},
    ) as ws:
        await ws.send(json.dumps({"setup": {"model": "models/m"}}))
        assert "setupComplete" in json.loads(await ws.recv())
        for i in range(0, len(pcm), 640):
            blob = {
                "mimeType": "audio/pcm;rate=16000",
                "data": base64.b64encode(pcm[i : i + 640]).decode(),
            }
            await ws.send(json.dumps({"realtimeInput": {"audio": blob}}))
        texts = []
        while True:
            msg = json.loads(await ws.recv())
            sc = msg.get("serverContent", {})
            texts.append(sc.get("outputTranscription", {}).get("text", ""))
            if sc.get("turnComplete"):
                break
    assert "".join(texts).startswith("I heard 0.5 s of audio")


async def test_unknown_path_is_404(sim: SimServer) -> None:
    with pytest.raises(InvalidStatus) as info:
        async with connect(
            sim.url.replace("https", "wss") + "/ws/other",
            ssl=sim.client_ssl_context(),
            open_timeout=WAIT_S,
        ):
            pass
    assert info.value.response.status_code == 404
