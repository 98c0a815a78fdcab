"""Settings' "Test speaker" and "Test microphone" through the real widgets and real PulseAudio
streams, with no session running: the chime at the volume shown, the live meter, the
recording played back, and a clear message when the microphone is missing."""

from __future__ import annotations

import asyncio
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot
from support.pulse import PulseServer, peak_frequency, tone, write_wav
from support.waiting import wait_until

from desktop.infra.settings import Settings
from desktop.ui.settings_dialog import SettingsDialog

pytestmark = pytest.mark.audio

ARTIFACTS = Path(__file__).resolve().parents[2] / "artifacts"


def dialog_on_audio_tab(qtbot: QtBot) -> SettingsDialog:
    dialog = SettingsDialog(Settings(video_source="none"))
    qtbot.addWidget(dialog)
    dialog.tabs.setCurrentIndex(2)
    dialog.show()
    return dialog


SEEN: list[str] = []  # every text the result line showed during the last test


async def result_of(dialog: SettingsDialog, button: QPushButton, qtbot: QtBot) -> str:
    dialog.audio_test_result.setText("")
    SEEN.clear()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert not dialog.test_speaker_button.isEnabled()  # one test at a time

    def done() -> bool:
        text = dialog.audio_test_result.text()
        if text and (not SEEN or SEEN[-1] != text):
            SEEN.append(text)
        return dialog.test_speaker_button.isEnabled()

    await wait_until(done, limit_s=30)
    return dialog.audio_test_result.text()


def loud(samples: np.ndarray) -> np.ndarray:
    where = np.flatnonzero(np.abs(samples.astype(np.int32)) > 300)
    return samples[where[0] : where[-1] + 1] if len(where) else samples[:0]


async def test_test_speaker_plays_a_chime_at_the_volume_shown(
    qtbot: QtBot, pulse: PulseServer
) -> None:
    dialog = dialog_on_audio_tab(qtbot)
    dialog.output_volume.setValue(50)
    with pulse.recorder("spk.monitor", rate=48000) as rec:
        text = await result_of(dialog, dialog.test_speaker_button, qtbot)
        await asyncio.sleep(0.1)
    chime = loud(rec.recording.samples())
    assert text == "Played a chime on the default speaker at 50 % volume. Did you hear it?"
    assert 0.4 * 48000 < len(chime) < 0.8 * 48000, len(chime)  # the whole 0.6 s chime
    assert abs(peak_frequency(chime[: len(chime) // 2], 48000) - 1318.5) < 10.0
    assert abs(peak_frequency(chime[len(chime) // 2 :], 48000) - 1760.0) < 10.0
    full_scale_peak = 0.35 * 32767  # the chime's own peak at 100 %
    peak = int(np.abs(chime.astype(np.int32)).max())
    assert 0.42 < peak / full_scale_peak < 0.58, peak  # at the volume shown, not saved yet
    assert dialog.result_settings().output_volume == 50


async def test_test_microphone_meters_records_and_plays_back(
    qtbot: QtBot, pulse: PulseServer, tmp_path: Path
) -> None:
    dialog = dialog_on_audio_tab(qtbot)
    meter: list[int] = []
    dialog.mic_meter.valueChanged.connect(meter.append)
    wav = write_wav(tmp_path / "voice.wav", tone(1000.0, 5.0, 16000, amplitude=0.25), 16000)
    with pulse.recorder("spk.monitor", rate=48000) as rec:
        speaking = pulse.play_async(wav, "mic")  # the user talks through the whole recording
        try:
            text = await result_of(dialog, dialog.test_mic_button, qtbot)
        finally:
            speaking.wait(timeout=10)
        await asyncio.sleep(0.1)
    played_back = loud(rec.recording.samples())
    assert text.startswith("Recorded 3 s, loudest -12 dBFS; played it back"), text
    assert max(meter) >= 75 and meter[-1] == 0  # live while recording, back to 0 after
    assert SEEN[:3] == ["Recording 3 seconds: say something…", "Playing the recording back…", text]
    assert len(played_back) > 2 * 48000  # the recording, played back on the speaker
    assert abs(peak_frequency(played_back, 48000) - 1000.0) < 5.0
    ARTIFACTS.mkdir(exist_ok=True)
    dialog.grab().save(str(ARTIFACTS / "settings-audio-tests.png"))


async def test_test_microphone_without_a_microphone_says_so(
    qtbot: QtBot, pulse: PulseServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PULSE_SOURCE", "no-such-source")
    dialog = dialog_on_audio_tab(qtbot)
    text = await result_of(dialog, dialog.test_mic_button, qtbot)
    assert "microphone" in text and text.endswith("No microphone to test."), text
