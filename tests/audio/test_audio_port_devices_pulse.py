"""The app's audio port on what the computer has: a saved device that is gone is a notice, not
a text-only session; a session without a speaker still hears the user and reports its replies
as played (nothing would ever report them idle otherwise)."""

from __future__ import annotations

import pytest
from support.pulse import PulseServer
from support.waiting import wait_until

from desktop.app.audio_port import AudioChoice, AudioPort
from desktop.app.messages import AppEvent
from desktop.app.tasks import OwnedTasks
from desktop.infra.settings import Settings
from desktop.session import events as ev

pytestmark = pytest.mark.audio


def notices(shown: list[AppEvent]) -> list[str]:
    return [e.text for e in shown if isinstance(e, ev.Notice)]


async def test_a_saved_microphone_that_is_gone_is_a_notice_and_audio_runs(
    pulse: PulseServer,
) -> None:
    fed: list[ev.Event] = []
    shown: list[AppEvent] = []
    port = AudioPort(fed.append, shown.append, OwnedTasks())
    settings = Settings(input_device="Jabra Evolve 40", echo_cancellation=False)
    await port.open(AudioChoice.of(settings))
    try:
        assert port.engine is not None and port.engine.has_microphone
        await wait_until(lambda: any(isinstance(e, ev.MicAudio) for e in fed))
        await wait_until(lambda: bool(notices(shown)))
    finally:
        await port.close()
    (text,) = notices(shown)
    assert "Jabra Evolve 40" in text and "default microphone" in text
    assert "text-only" not in text


async def test_without_a_speaker_replies_are_reported_played_and_the_mic_still_sends(
    pulse: PulseServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PULSE_SINK", "no-such-sink")
    fed: list[ev.Event] = []
    shown: list[AppEvent] = []
    port = AudioPort(fed.append, shown.append, OwnedTasks())
    await port.open(AudioChoice.of(Settings()))
    try:
        assert port.engine is not None and not port.engine.has_speaker
        port.play(ev.PlayAudio(b"\x00\x10" * 2400, port.engine.generation))
        await wait_until(lambda: any(isinstance(e, ev.PlaybackIdle) for e in fed))
        await wait_until(lambda: any(isinstance(e, ev.MicAudio) for e in fed))
        await wait_until(lambda: bool(notices(shown)))
    finally:
        await port.close()
    (text,) = notices(shown)
    assert "speaker" in text and "text-only" not in text


async def test_gain_and_volume_reach_the_running_engine_without_a_reopen(
    pulse: PulseServer,
) -> None:
    port = AudioPort(lambda _: None, lambda _: None, OwnedTasks())
    await port.open(AudioChoice.of(Settings(output_volume=80, input_gain_db=6.0)))
    try:
        engine = port.engine
        assert engine is not None
        assert engine.output_volume == pytest.approx(0.8)
        assert engine.input_gain == pytest.approx(1.995, abs=0.01)
        port.reopen(AudioChoice.of(Settings(output_volume=30, input_gain_db=-6.0)))
        assert port.engine is engine and not port.tasks.named("audio-reopen")
        assert engine.output_volume == pytest.approx(0.3)
        assert engine.input_gain == pytest.approx(0.501, abs=0.01)
    finally:
        await port.close()
