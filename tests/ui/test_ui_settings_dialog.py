"""The settings dialog, offscreen: values, inline validation, the keyring, the connection test."""

from __future__ import annotations

import asyncio
import dataclasses
from pathlib import Path

import keyring
import keyring.backend
import keyring.errors
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QDialog,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot
from support.keyrings import FileKeyring

from desktop.infra.credentials import load_api_key
from desktop.infra.settings import DEFAULT_SYSTEM_INSTRUCTION, SPECS, Settings, save_settings
from desktop.ui.settings_dialog import (
    HEADSET_MODE,
    SettingsDialog,
    validate_settings,
)

KEY = "AIza" + "SyB0987654321zyxwvutsrqponmlkjihgfe"  # key-shaped, not a key


def make(qtbot: QtBot, settings: Settings | None = None, **kwargs: object) -> SettingsDialog:
    dialog = SettingsDialog(settings or Settings(video_source="none"), **kwargs)  # type: ignore[arg-type]
    qtbot.addWidget(dialog)
    return dialog


def test_unchanged_dialog_returns_the_same_settings(qtbot: QtBot) -> None:
    original = Settings(
        backend="vertex",
        project="plant-ops-42",
        location="europe-west4",
        model="gemini-live-2.5-flash-native-audio",
        voice="Kore",
        language="de-DE",
        system_instruction="Be brief.",
        input_device="USB Headset",
        output_device="USB Headset",
        echo_cancellation=False,
        instant_barge_in=True,
        push_to_talk=True,
        vad_sensitivity="low",
        vad_silence_ms=700,
        video_source="screen:1",
        video_fps=0.5,
        video_long_side=1024,
        jpeg_quality=60,
        first_run_done=True,
    )
    dialog = make(qtbot, original, devices=(["USB Headset"], ["USB Headset", "HDMI"]))
    assert dialog.result_settings() == original
    assert dialog.ok_button.isEnabled()


def test_edits_come_back_through_replace(qtbot: QtBot) -> None:
    dialog = make(qtbot, Settings(video_source="none", first_run_done=True))
    dialog.backend.setCurrentIndex(dialog.backend.findData("simulator"))
    dialog.model.setText("  gemini-test-model ")
    dialog.voice.setCurrentText("Puck")
    dialog.language.setCurrentText("fr-FR")
    dialog.echo_mode.setCurrentText(HEADSET_MODE)
    dialog.instant_barge_in.setChecked(True)
    dialog.vad_sensitivity.setCurrentIndex(dialog.vad_sensitivity.findData("high"))
    dialog.vad_silence_ms.setValue(1200)
    dialog.video_source.setCurrentText("screen")
    dialog.video_fps.setValue(2.0)
    dialog.video_long_side.setValue(640)
    dialog.jpeg_quality.setValue(90)
    result = dialog.result_settings()
    assert result.backend == "simulator"
    assert result.model == "gemini-test-model"
    assert (result.voice, result.language) == ("Puck", "fr-FR")
    assert result.echo_cancellation is False and result.instant_barge_in is True
    assert (result.vad_sensitivity, result.vad_silence_ms) == ("high", 1200)
    assert (result.video_source, result.video_fps) == ("screen", 2.0)
    assert (result.video_long_side, result.jpeg_quality) == (640, 90)
    assert result.first_run_done is True  # fields the dialog does not show survive


def test_number_limits_are_the_settings_tables(qtbot: QtBot) -> None:
    """The boxes stop exactly where the file loader would refuse a value: beyond the
    table's limits they clamp to them, and every value the file accepts stays as it is."""
    dialog = make(qtbot)
    for name in ("video_fps", "video_long_side", "jpeg_quality", "vad_silence_ms"):
        box = getattr(dialog, name)
        spec = SPECS[name]
        box.setValue(spec.high * 10)
        assert getattr(dialog.result_settings(), name) == spec.high, name
        box.setValue(spec.low - 1)
        assert getattr(dialog.result_settings(), name) == spec.low, name


def test_a_file_value_the_loader_accepts_survives_the_dialog(qtbot: QtBot) -> None:
    """IT wrote small frames and a low quality: pressing OK must not quietly change them."""
    original = Settings(video_source="none", video_long_side=320, jpeg_quality=30, video_fps=0.2)
    dialog = make(qtbot, original)
    assert dialog.result_settings() == original


def test_combo_choices_are_the_settings_tables(qtbot: QtBot) -> None:
    dialog = make(qtbot)
    for name in ("backend", "vad_sensitivity"):
        combo: QComboBox = getattr(dialog, name)
        assert tuple(combo.itemData(i) for i in range(combo.count())) == SPECS[name].choices


def test_restore_default_instruction(qtbot: QtBot) -> None:
    dialog = make(qtbot, Settings(video_source="none", system_instruction="old"))
    qtbot.mouseClick(dialog.restore_instruction, Qt.MouseButton.LeftButton)
    assert dialog.result_settings().system_instruction == DEFAULT_SYSTEM_INSTRUCTION


@pytest.mark.parametrize(
    ("field", "value", "needle"),
    [
        ("project", "My Project", "project ID"),
        ("location", "moon base", "us-central1"),
        ("endpoint", "gateway.example.com", "https://"),
        ("model", "gemini live", "without spaces"),
    ],
)
def test_bad_connection_values_are_shown_inline_and_block_ok(
    qtbot: QtBot, field: str, value: str, needle: str
) -> None:
    dialog = make(qtbot, Settings(backend="vertex", video_source="none"))
    dialog.show()
    line: QLineEdit = getattr(dialog, field)
    line.setText(value)
    assert needle in dialog.error_text(field)
    assert not dialog.ok_button.isEnabled()
    assert dialog.tabs.tabText(0).endswith("⚠")
    assert line.accessibleDescription() in dialog.error_text(field)
    line.setText("")
    assert dialog.error_text(field) == ""
    assert dialog.ok_button.isEnabled()
    assert not dialog.tabs.tabText(0).endswith("⚠")


def test_ca_file_must_exist(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = make(qtbot)
    dialog.show()
    missing = tmp_path / "corp-ca.pem"
    dialog.ca_file.setText(str(missing))
    assert dialog.error_text("ca_file") == f"⚠ No file at {missing}."
    assert not dialog.ok_button.isEnabled()
    missing.write_text("-----BEGIN CERTIFICATE-----\n")
    dialog.ca_file.setText(f" {missing}")  # re-typed: checked again against the disk
    assert dialog.error_text("ca_file") == ""
    assert dialog.result_settings().ca_file == str(missing)


def test_video_source_is_checked_by_the_video_parser(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = make(qtbot)
    dialog.show()
    dialog.video_source.setCurrentText("screen:0,0,1,1")
    assert "too small" in dialog.error_text("video_source")
    assert dialog.tabs.tabText(3).endswith("⚠")
    dialog.video_source.setCurrentText("ftp://camera/feed")
    assert "Unsupported stream address" in dialog.error_text("video_source")
    clip = tmp_path / "pump.mp4"
    dialog.video_source.setCurrentText(str(clip))
    assert "No video file" in dialog.error_text("video_source")
    clip.write_bytes(b"\0")
    dialog.video_source.setCurrentText(f"{clip} ")
    assert dialog.error_text("video_source") == ""
    dialog.video_source.setCurrentText("rtsp://cam.local/stream")
    assert dialog.ok_button.isEnabled()


def test_validation_rules_without_widgets() -> None:
    ok = Settings(video_source="none")
    assert validate_settings(ok, api_key_available=False) == {}
    gemini = dataclasses.replace(ok, backend="gemini")
    assert "api_key" in validate_settings(gemini, api_key_available=False)
    assert validate_settings(gemini, api_key_available=True) == {}
    assert validate_settings(gemini, api_key_available=False, typed_key=KEY) == {}
    assert (
        "no spaces"
        in validate_settings(ok, api_key_available=True, typed_key="AIza abc")["api_key"]
    )
    assert (
        validate_settings(dataclasses.replace(ok, language="en-US"), api_key_available=True) == {}
    )
    assert "language" in validate_settings(
        dataclasses.replace(ok, language="English please"), api_key_available=True
    )


def test_gemini_without_a_key_blocks_ok_until_one_is_typed(qtbot: QtBot) -> None:
    dialog = make(qtbot, Settings(backend="gemini", video_source="none"))
    dialog.show()
    assert "needs a key" in dialog.error_text("api_key")
    assert not dialog.ok_button.isEnabled()
    dialog.api_key.setText(KEY)
    assert dialog.ok_button.isEnabled()
    assert dialog.api_key.echoMode() is QLineEdit.EchoMode.Password


def test_fields_follow_the_backend(qtbot: QtBot) -> None:
    dialog = make(qtbot)
    dialog.show()
    dialog.backend.setCurrentIndex(dialog.backend.findData("vertex"))
    assert dialog.project.isVisible() and not dialog.api_key.isVisible()
    assert "gemini-live-2.5" in dialog.model.placeholderText()
    dialog.backend.setCurrentIndex(dialog.backend.findData("gemini"))
    assert dialog.api_key.isVisible() and not dialog.project.isVisible()
    assert "gemini-3.1" in dialog.model.placeholderText()


def test_ok_stores_the_key_in_the_keyring_never_in_settings(
    qtbot: QtBot, file_keyring: FileKeyring, tmp_path: Path
) -> None:
    dialog = make(qtbot, Settings(backend="gemini", video_source="none"))
    dialog.show()
    dialog.api_key.setText(f" {KEY} ")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.key_stored
    assert load_api_key(environ={}) == KEY
    assert dialog.entered_api_key() == KEY
    settings_file = save_settings(dialog.result_settings(), tmp_path / "settings.toml")
    assert KEY not in settings_file.read_text()
    assert KEY not in repr(dataclasses.asdict(dialog.result_settings()))


def test_a_refusing_keyring_keeps_the_dialog_open_with_its_message(
    qtbot: QtBot, refusing_keyring: None
) -> None:
    dialog = make(qtbot, Settings(backend="gemini", video_source="none"))
    dialog.show()
    dialog.api_key.setText(KEY)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and dialog.result() != QDialog.DialogCode.Accepted
    assert "keyring refused" in dialog.error_text("api_key")
    assert KEY not in dialog.error_text("api_key")
    assert not dialog.key_stored


def test_remove_stored_key(qtbot: QtBot, file_keyring: FileKeyring) -> None:
    keyring.set_password("FieldAssist", "gemini-api-key", KEY)
    dialog = make(
        qtbot,
        Settings(backend="gemini", video_source="none"),
        current_api_key=KEY,
        key_source="keyring",
    )
    dialog.show()
    assert dialog.ok_button.isEnabled()
    assert dialog.forget_key_button.isVisible()
    qtbot.mouseClick(dialog.forget_key_button, Qt.MouseButton.LeftButton)
    assert load_api_key(environ={}) is None
    assert dialog.key_deleted
    assert "needs a key" in dialog.error_text("api_key")  # nothing left to connect with
    assert not dialog.ok_button.isEnabled()


def test_environment_key_is_said_to_override(qtbot: QtBot) -> None:
    dialog = make(qtbot, current_api_key=KEY, key_source="env:GEMINI_API_KEY")
    assert "GEMINI_API_KEY is set in the environment" in dialog.key_note.text()
    assert not dialog.forget_key_button.isVisibleTo(dialog)


class RecordingTest:
    def __init__(self, reply: str | Exception) -> None:
        self.reply = reply
        self.calls: list[tuple[Settings, str | None]] = []
        self.release = asyncio.Event()

    async def __call__(self, settings: Settings, api_key: str | None) -> str:
        self.calls.append((settings, api_key))
        await self.release.wait()
        if isinstance(self.reply, Exception):
            raise self.reply
        return self.reply


async def test_connection_test_shows_the_exact_message(qtbot: QtBot) -> None:
    reply = "Model gemini-x not found in europe-west4 (404): pick another model or region."
    fake = RecordingTest(reply)
    dialog = make(
        qtbot,
        Settings(backend="gemini", video_source="none"),
        test_connection=fake,
        current_api_key=KEY,
    )
    dialog.show()
    dialog.model.setText("gemini-x")
    qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)
    await asyncio.sleep(0)
    assert dialog.test_result.text() == "Testing…"
    assert not dialog.test_button.isEnabled()  # one test at a time
    fake.release.set()
    await wait_for(lambda: dialog.test_result.text() == reply)
    assert dialog.test_button.isEnabled()
    ((settings, key),) = fake.calls
    assert settings.model == "gemini-x" and key == KEY


async def test_connection_test_uses_a_newly_typed_key(qtbot: QtBot) -> None:
    fake = RecordingTest("Connected: gemini-3.1-flash-live-preview answered in 420 ms")
    fake.release.set()
    dialog = make(qtbot, test_connection=fake, current_api_key="old-key-123456")
    dialog.api_key.setText(KEY)
    assert await dialog.run_connection_test() == fake.reply
    assert fake.calls[0][1] == KEY


async def test_a_failing_test_callable_is_reported_without_the_key(qtbot: QtBot) -> None:
    fake = RecordingTest(RuntimeError(f"boom while using {KEY}"))
    fake.release.set()
    dialog = make(qtbot, test_connection=fake)
    dialog.api_key.setText(KEY)
    message = await dialog.run_connection_test()
    assert message.startswith("The test itself failed: boom")
    assert KEY not in dialog.test_result.text()


async def test_closing_the_dialog_cancels_a_running_test(qtbot: QtBot) -> None:
    fake = RecordingTest("never")
    dialog = make(qtbot, test_connection=fake)
    dialog.show()
    qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)
    await asyncio.sleep(0)
    task = dialog._test_task
    assert task is not None
    dialog.reject()
    with pytest.raises(asyncio.CancelledError):
        await task
    assert dialog.test_result.text() == "Test cancelled."


def test_without_a_test_callable_the_button_is_off(qtbot: QtBot) -> None:
    dialog = make(qtbot)
    dialog.show()
    assert not dialog.test_button.isEnabled()


def test_device_lists_keep_an_unplugged_choice(qtbot: QtBot) -> None:
    dialog = make(
        qtbot,
        Settings(video_source="none", input_device="Old USB Mic"),
        devices=(["Built-in Mic", "Headset Mic"], ["Speakers"]),
    )
    items = [dialog.input_device.itemText(i) for i in range(dialog.input_device.count())]
    assert items == ["System default", "Built-in Mic", "Headset Mic", "Old USB Mic (not connected)"]
    assert dialog.result_settings().input_device == "Old USB Mic"
    dialog.input_device.setCurrentIndex(2)
    dialog.output_device.setCurrentIndex(0)
    assert dialog.result_settings().input_device == "Headset Mic"
    assert dialog.result_settings().output_device == ""


async def test_device_callable_is_called_off_the_qt_thread_when_shown(qtbot: QtBot) -> None:
    import threading

    seen: list[str] = []

    def list_devices() -> tuple[list[str], list[str]]:
        seen.append(threading.current_thread().name)
        return ["Mic A"], ["Out A", "Out B"]

    dialog = make(qtbot, Settings(video_source="none", output_device="Out B"), devices=list_devices)
    assert seen == []  # the constructor does no I/O
    dialog.show()
    await wait_for(lambda: dialog.output_device.count() == 3)
    assert seen and seen[0] != threading.main_thread().name
    assert dialog.output_device.currentText() == "Out B"
    assert dialog.devices_note.text() == "1 microphones, 2 speakers found."


async def test_a_failing_device_listing_is_reported(qtbot: QtBot) -> None:
    def broken() -> tuple[list[str], list[str]]:
        raise OSError("PortAudio not initialised")

    dialog = make(qtbot, devices=broken)
    await dialog.load_devices()
    assert "Could not list audio devices: PortAudio not initialised" in dialog.devices_note.text()


def _inputs(dialog: QWidget) -> list[QWidget]:
    found: list[QWidget] = []
    for kind in (QLineEdit, QComboBox, QAbstractSpinBox, QPlainTextEdit, QAbstractButton):
        for widget in dialog.findChildren(kind):
            parent = widget.parentWidget()
            if isinstance(parent, QComboBox | QAbstractSpinBox):
                continue  # the line edit inside a combo or spin box is part of it
            if widget.metaObject().className() in ("QTabBar", "QToolButton"):
                continue
            found.append(widget)
    return found


def test_every_field_has_an_accessible_name_and_is_reachable_by_tab(qtbot: QtBot) -> None:
    dialog = make(qtbot, test_connection=RecordingTest("x"), devices=(["a"], ["b"]))
    dialog.backend.setCurrentIndex(dialog.backend.findData("auto"))
    dialog.show()
    inputs = _inputs(dialog)
    assert len(inputs) >= 20
    for widget in inputs:
        name = widget.accessibleName() or getattr(widget, "text", lambda: "")()
        assert name.strip(), f"{widget.metaObject().className()} has no accessible name"
    for page in range(dialog.tabs.count()):
        dialog.tabs.setCurrentIndex(page)
        reachable = set()
        widget: QWidget | None = dialog.tabs
        for _ in range(200):
            assert widget is not None
            widget = widget.nextInFocusChain()
            if (
                widget.isVisible()
                and widget.isEnabled()
                and widget.focusPolicy() & (Qt.FocusPolicy.TabFocus)
            ):
                reachable.add(widget)
        shown = [w for w in inputs if w.isVisible() and w.isEnabled()]
        assert shown
        # An editable combo or a spin box is reached through its inner line edit.
        unreachable = [
            w.accessibleName()
            for w in shown
            if w not in reachable and not any(c in reachable for c in w.findChildren(QWidget))
        ]
        assert unreachable == [], f"tab {page}: not reachable with Tab: {unreachable}"


def test_every_label_has_a_buddy_with_a_mnemonic(qtbot: QtBot) -> None:
    dialog = make(qtbot)
    for label in dialog.findChildren(QLabel):
        if label.buddy() is not None:
            assert "&" in label.text()
    buddies = [label for label in dialog.findChildren(QLabel) if label.buddy() is not None]
    assert len(buddies) >= 18


async def wait_for(condition, limit_s: float = 10.0) -> None:  # type: ignore[no-untyped-def]
    loop = asyncio.get_running_loop()
    deadline = loop.time() + limit_s
    while not condition():
        if loop.time() > deadline:
            raise AssertionError("condition not met in time")
        await asyncio.sleep(0.02)
