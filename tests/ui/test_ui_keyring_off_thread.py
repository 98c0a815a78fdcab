"""Keyring calls never run on the Qt/asyncio thread: a keyring that takes 3 s to answer (as a
Secret Service unlock prompt does) leaves the loop running, at launch and in Settings.

A probe (a QTimer every 50 ms on the loop) records when it ran; the largest gap between two
runs says whether the loop was held. A blocked loop shows the keyring's 3 s; the bound is 1 s.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Iterator

import keyring
import keyring.backend
import keyring.errors
import pytest
import qasync
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog
from pytestqt.qtbot import QtBot
from support.waiting import wait_until

from desktop.infra.credentials import (
    KEYRING_SERVICE,
    KEYRING_USERNAME,
    KeyLookup,
    KeyringTimeout,
    find_api_key,
    keyring_call,
)
from desktop.infra.settings import Settings
from desktop.ui.run import _api_key_at_launch
from desktop.ui.settings_dialog import SettingsDialog

SLOW_S = 3.0
HELD_S = 1.0  # a gap this long means the loop was held (it ticks every 50 ms)
STORED = "stored-" + "k" * 24


class SlowKeyring(keyring.backend.KeyringBackend):
    """Answers after SLOW_S, like a Secret Service waiting on its unlock prompt."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.data: dict[str, str] = {f"{KEYRING_SERVICE}/{KEYRING_USERNAME}": STORED}

    def get_password(self, service: str, username: str) -> str | None:
        time.sleep(SLOW_S)
        return self.data.get(f"{service}/{username}")

    def set_password(self, service: str, username: str, password: str) -> None:
        time.sleep(SLOW_S)
        self.data[f"{service}/{username}"] = password

    def delete_password(self, service: str, username: str) -> None:
        time.sleep(SLOW_S)
        if self.data.pop(f"{service}/{username}", None) is None:
            raise keyring.errors.PasswordDeleteError("not found")


@pytest.fixture
def slow_keyring() -> Iterator[SlowKeyring]:
    previous = keyring.get_keyring()
    backend = SlowKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


class LoopProbe:
    """A QTimer on the loop's thread: the longest gap between its runs."""

    def __init__(self) -> None:
        self.times: list[float] = [time.monotonic()]
        self.timer = QTimer()
        self.timer.setInterval(50)
        self.timer.timeout.connect(lambda: self.times.append(time.monotonic()))
        self.timer.start()

    def stop(self) -> float:
        self.timer.stop()
        self.times.append(time.monotonic())
        return max(b - a for a, b in zip(self.times, self.times[1:], strict=False))


def test_launch_reads_the_key_while_the_loop_runs(slow_keyring: SlowKeyring) -> None:
    """What run() does: the lookup starts at once, and is awaited with the Qt loop running."""
    app = QApplication.instance() or QApplication([])
    loop = qasync.QEventLoop(app)
    try:
        probe = LoopProbe()  # first: a lookup made on this thread would show in its gaps
        lookup = KeyLookup(environ={}).start()
        key, problem = _api_key_at_launch(loop, lookup)
        gap = probe.stop()
    finally:
        loop.close()
    assert (key, problem) == (STORED, "")
    assert gap < HELD_S, f"the loop was held {gap:.1f} s"


async def test_a_keyring_that_does_not_answer_is_a_message_not_a_hang(
    slow_keyring: SlowKeyring,
) -> None:
    found = await KeyLookup(environ={}).start().result(timeout_s=0.3)
    assert found.key is None
    assert found.problem.startswith(
        "The system keyring did not answer within 0.3 s while reading the API key."
    )
    with pytest.raises(KeyringTimeout, match=r"did not answer within 0\.3 s while saving"):
        await keyring_call(keyring.set_password, "s", "u", "p", what="saving", timeout_s=0.3)


async def test_settings_saves_the_key_off_the_qt_thread(
    qtbot: QtBot, slow_keyring: SlowKeyring
) -> None:
    dialog = SettingsDialog(Settings(backend="gemini", video_source="none"))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.api_key.setText("typed-" + "n" * 30)
    probe = LoopProbe()
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.key_note.text() == "Saving the key in the system keyring…"
    assert not dialog.ok_button.isEnabled()  # one save at a time
    await wait_until(lambda: dialog.result() == QDialog.DialogCode.Accepted, limit_s=20)
    gap = probe.stop()
    assert dialog.key_stored
    assert slow_keyring.data[f"{KEYRING_SERVICE}/{KEYRING_USERNAME}"] == "typed-" + "n" * 30
    assert gap < HELD_S, f"the loop was held {gap:.1f} s"


async def test_settings_reads_and_forgets_the_key_off_the_qt_thread(
    qtbot: QtBot, slow_keyring: SlowKeyring
) -> None:
    dialog = SettingsDialog(Settings(backend="gemini", video_source="none"), find_key=find_api_key)
    qtbot.addWidget(dialog)
    probe = LoopProbe()
    dialog.show()
    assert dialog.key_note.text() == "Looking in the system keyring…"
    assert not dialog.key_known  # the caller keeps the key it had until the read answers
    assert dialog.key_to_use("the-previous-key") == "the-previous-key"
    await wait_until(dialog.forget_key_button.isVisible, limit_s=20)
    assert dialog.key_note.text() == "A key is stored in the system keyring."
    assert dialog.key_known and dialog.current_api_key == STORED
    assert dialog.key_to_use("the-previous-key") == STORED
    qtbot.mouseClick(dialog.forget_key_button, Qt.MouseButton.LeftButton)
    await wait_until(lambda: dialog.key_deleted, limit_s=20)
    gap = probe.stop()
    assert slow_keyring.data == {}
    assert dialog.key_note.text() == "The stored key was removed."
    assert dialog.key_to_use("the-previous-key") is None  # no key in the environment
    assert gap < HELD_S, f"the loop was held {gap:.1f} s"
    await asyncio.sleep(0)
