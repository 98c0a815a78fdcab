"""Opening Settings never enumerates audio devices on the Qt/asyncio thread.

Importing sounddevice initialises PortAudio, which enumerates every ALSA/PulseAudio device;
listing may be slow too. The window must keep running while that happens on a worker thread:
the dialog says "Looking for devices…" and fills its lists when they arrive.
"""

from __future__ import annotations

import asyncio
import json
import os
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from pytestqt.qtbot import QtBot
from support.pulse import PulseServer
from support.waiting import wait_until

import desktop.audio.devices
from desktop.app import SessionDriver
from desktop.infra.settings import Settings
from desktop.ui.controller import Controller
from desktop.ui.main_window import MainWindow
from desktop.ui.settings_dialog import SettingsDialog

ROOT = Path(__file__).resolve().parents[2]

# A fresh process, where PortAudio has not been initialised yet: records on which thread
# sounddevice (hence Pa_Initialize) is imported when the technician opens Settings.
OPEN_SETTINGS = textwrap.dedent(
    """
    import asyncio, importlib.abc, json, os, sys, threading

    importing_threads = []

    class Spy(importlib.abc.MetaPathFinder):
        def find_spec(self, name, path=None, target=None):
            if name == "sounddevice":
                importing_threads.append(threading.current_thread().name)
            return None

    sys.meta_path.insert(0, Spy())

    import qasync
    from PySide6.QtWidgets import QApplication

    from desktop.app import SessionDriver
    from desktop.infra.settings import Settings
    from desktop.ui.controller import Controller
    from desktop.ui.main_window import MainWindow

    app = QApplication([])
    loop = qasync.QEventLoop(app)
    window = MainWindow()
    settings = Settings(backend="simulator", video_source="none")
    controller = Controller(window, SessionDriver(settings, None, lambda event: None, None))
    before = "sounddevice" in sys.modules

    async def main():
        controller.open_settings()
        dialog = controller._dialog
        first_note = dialog.devices_note.text()
        for _ in range(1200):
            if "found" in dialog.devices_note.text() or "Could not" in dialog.devices_note.text():
                break
            await asyncio.sleep(0.05)
        combo = dialog.input_device
        print(json.dumps({
            "imported_before_opening": before,
            "importing_threads": importing_threads,
            "main": threading.main_thread().name,
            "first_note": first_note,
            "note": dialog.devices_note.text(),
            "inputs": [combo.itemText(i) for i in range(combo.count())],
        }))
        dialog.reject()

    loop.run_until_complete(main())
    loop.run_until_complete(controller.shutdown())
    loop.close()  # joins the worker threads before Qt goes away
    """
)


def test_opening_settings_initialises_portaudio_on_a_worker_thread(
    pulse: PulseServer, tmp_path: Path
) -> None:
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring",  # no Secret Service prompt
    )
    done = subprocess.run(
        [sys.executable, "-c", OPEN_SETTINGS],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    report = json.loads(done.stdout.strip().splitlines()[-1])
    assert report["imported_before_opening"] is False  # else this test would prove nothing
    assert report["importing_threads"], "sounddevice was never imported"
    assert report["main"] not in report["importing_threads"]
    assert report["first_note"] == "Looking for devices…"
    assert "microphones" in report["note"] and "pulse" in report["inputs"]


@pytest.fixture
def controller(qtbot: QtBot) -> Controller:
    window = MainWindow()
    qtbot.addWidget(window)
    settings = Settings(backend="simulator", video_source="none")
    return Controller(window, SessionDriver(settings, None, lambda _event: None, None))


async def test_a_slow_device_listing_leaves_the_window_running(
    controller: Controller, monkeypatch: pytest.MonkeyPatch, qtbot: QtBot
) -> None:
    listed_on: list[threading.Thread] = []
    release = threading.Event()

    def slow_listing() -> tuple[list[str], list[str]]:
        listed_on.append(threading.current_thread())
        release.wait(2.0)  # a PortAudio that takes 2 s to answer
        return ["Headset Mic"], ["Headset", "HDMI"]

    monkeypatch.setattr(desktop.audio.devices, "list_devices", slow_listing)
    monkeypatch.setattr(
        "desktop.infra.credentials.find_api_key", lambda *a, **k: (None, "")
    )  # the keyring is another part's concern
    ticks: list[float] = []
    probe = QTimer()
    probe.setInterval(20)
    probe.timeout.connect(lambda: ticks.append(time.monotonic()))
    probe.start()
    controller.open_settings()
    dialog = controller._dialog
    assert isinstance(dialog, SettingsDialog)
    assert dialog.devices_note.text() == "Looking for devices…"  # said at once
    await wait_until(lambda: bool(listed_on))
    assert dialog.devices_note.text() == "Looking for devices…"
    during = len(ticks)
    await asyncio.sleep(0.5)  # the listing is still running: the loop must keep ticking
    assert len(ticks) > during + 5
    release.set()
    await wait_until(lambda: "found" in dialog.devices_note.text())
    probe.stop()
    assert listed_on[0] is not threading.main_thread()
    assert dialog.devices_note.text() == "1 microphones, 2 speakers found."
    assert [dialog.output_device.itemText(i) for i in range(3)] == [
        "System default",
        "Headset",
        "HDMI",
    ]
    dialog.reject()
