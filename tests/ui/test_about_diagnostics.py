"""Help ▸ About and Help ▸ Save diagnostics… through the real window, controller and dialog.

The diagnostics test plants an API key (registered, as the app registers the key it loads
from the keyring), a bearer token, a Google-shaped key, a stream password and a gateway key in
the logs, the settings and the inspector, checks they really are there, then proves the zip
holds none of them in any form (raw, percent-encoded, base64), in any member or member name.
"""

from __future__ import annotations

import asyncio
import base64
import json
import urllib.parse
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot
from support.waiting import wait_until

from desktop.app import AppEvent, SessionDriver, describe_message
from desktop.infra.paths import log_dir
from desktop.infra.redact import register_secret, unregister_secret
from desktop.infra.settings import Settings
from desktop.session import events as ev
from desktop.ui.about import AboutDialog
from desktop.ui.controller import Controller
from desktop.ui.main_window import MainWindow

API_KEY = "AIza" + "SyPlanted-Key_0123456789abcdefghijk"  # registered, like the keyring's key
UNREGISTERED_KEY = "AIza" + "SyUnregistered0123456789abcdefghij"  # shaped like one: still removed
TOKEN = "ya29.a0PlantedOAuthToken_abcdefghijklmnop"
CAMERA_PASSWORD = "CamPass-77812x"
GATEWAY_KEY = "GatewaySecret-5512093"


def forms(secret: str) -> set[str]:
    return {
        secret,
        urllib.parse.quote(secret, safe=""),
        urllib.parse.quote_plus(secret, safe=""),
        base64.b64encode(secret.encode()).decode().rstrip("="),
    }


@pytest.fixture
def registered_key() -> Iterator[str]:
    register_secret(API_KEY)
    yield API_KEY
    unregister_secret(API_KEY)


@pytest.fixture
def ui(qtbot: QtBot) -> tuple[MainWindow, Controller]:
    settings = Settings(
        backend="simulator",
        video_source=f"rtsp://admin:{CAMERA_PASSWORD}@10.0.0.5/stream1",
        endpoint=f"https://gateway.example.com/live?key={GATEWAY_KEY}",
        system_instruction=f"Be brief. (debug: api_key={API_KEY})",
        input_device="no-such-mic",
    )
    window = MainWindow()
    qtbot.addWidget(window)
    holder: list[Controller] = []

    def on_ui(event: AppEvent) -> None:
        holder[0].on_ui_event(event)

    controller = Controller(window, SessionDriver(settings, None, on_ui))
    holder.append(controller)
    window.show()
    return window, controller


def plant_logs() -> list[Path]:
    folder = log_dir()
    folder.mkdir(parents=True, exist_ok=True)
    lines = [
        f"2026-12-03 10:00:00 INFO desktop.live: connecting with key {API_KEY}",
        f"GET /v1beta/models?key={urllib.parse.quote(API_KEY, safe='')} HTTP/1.1",
        f"proxy said: Basic {base64.b64encode(API_KEY.encode()).decode()}",
        f"headers: {{'Authorization': 'Bearer {TOKEN}', 'x-goog-api-key': '{UNREGISTERED_KEY}'}}",
        f"video: opening rtsp://admin:{CAMERA_PASSWORD}@10.0.0.5/stream1",
        "2026-12-03 10:00:01 INFO desktop.app: ordinary line that must stay",
    ]
    current = folder / "fieldassist.log"
    rotated = folder / "fieldassist.log.1"
    current.write_text("\n".join(lines) + "\n", encoding="utf-8")
    rotated.write_text(lines[0] + "\n", encoding="utf-8")
    return [current, rotated]


def test_about_shows_version_licences_and_log_folder(
    ui: tuple[MainWindow, Controller], qtbot: QtBot
) -> None:
    window, controller = ui
    window.about_action.trigger()
    dialog = controller.help.dialog
    assert isinstance(dialog, AboutDialog)
    qtbot.waitUntil(dialog.isVisible)
    texts = " ".join(label.text() for label in dialog.findChildren(type(dialog.status_label)))
    assert f"FieldAssist {dialog.info.version}" in texts
    assert dialog.info.version not in ("", "not installed")
    assert dialog.log_folder_label.text() == str(log_dir())
    assert "LGPL" in dialog.licences.toPlainText()
    assert dialog.info.licences_folder.is_dir()
    dialog.reject()
    qtbot.waitUntil(lambda: controller.help.dialog is None)


async def test_save_diagnostics_holds_everything_and_no_secret(
    ui: tuple[MainWindow, Controller],
    registered_key: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window, controller = ui
    planted = plant_logs()
    assert all(API_KEY in p.read_text(encoding="utf-8") for p in planted)
    kind, size, summary = describe_message(ev.SendText(f"my key is {API_KEY}"))
    window.inspector.record("out", kind, size, summary, 1.0)  # the app's own tap, hidden
    assert API_KEY in window.inspector.model.row_at(0).summary

    target = tmp_path / "diag.zip"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), ""))
    )
    dialog = controller.help.open_about()
    dialog.diagnostics_button.click()
    await wait_until(lambda: controller.help.last_saved == target, limit_s=20)
    assert "Diagnostics saved" in dialog.status_label.text()

    with zipfile.ZipFile(target) as archive:
        names = archive.namelist()
        contents = {name: archive.read(name).decode("utf-8") for name in names}
    assert {
        "README.txt",
        "versions.json",
        "settings.json",
        "devices.json",
        "messages.jsonl",
    } <= set(names)
    assert {"logs/fieldassist.log", "logs/fieldassist.log.1"} <= set(names)

    settings = json.loads(contents["settings.json"])
    assert (
        settings["video_source"].startswith("rtsp://admin:")
        and "10.0.0.5" in settings["video_source"]
    )
    assert "gateway.example.com" in settings["endpoint"]
    versions = json.loads(contents["versions.json"])
    assert versions["fieldassist"] and versions["python"] and versions["qt"]
    devices = json.loads(contents["devices.json"])
    assert "inputs" in devices or "error" in devices
    messages = [json.loads(line) for line in contents["messages.jsonl"].splitlines()]
    assert messages[0]["direction"] == "out" and messages[0]["kind"] == "SendText"
    assert "ordinary line that must stay" in contents["logs/fieldassist.log"]

    secrets = set().union(
        *(forms(s) for s in (API_KEY, UNREGISTERED_KEY, TOKEN, CAMERA_PASSWORD, GATEWAY_KEY))
    )
    everything = "\n".join([*names, *contents.values()])
    leaks = sorted(s for s in secrets if s in everything)
    assert not leaks, f"the diagnostics zip leaks {leaks}"
    assert "[REDACTED]" in contents["logs/fieldassist.log"]
    raw = target.read_bytes()
    assert not [s for s in secrets if s.encode() in raw]


async def test_diagnostics_to_an_unwritable_place_is_a_notice(
    ui: tuple[MainWindow, Controller], tmp_path: Path
) -> None:
    window, controller = ui
    task = controller.help.save_to(tmp_path / "missing-folder" / "diag.zip")
    await asyncio.wait_for(task, 20)
    rows = window.findChildren(type(window.connection_label))
    assert any("Could not save diagnostics" in label.text() for label in rows)
    assert not (tmp_path / "missing-folder").exists()


async def test_diagnostics_with_a_lone_surrogate_in_the_inspector_are_saved(
    ui: tuple[MainWindow, Controller], tmp_path: Path
) -> None:
    """The SDK keeps lone surrogates in server text; the zip holds U+FFFD in their place."""
    window, controller = ui
    window.inspector.record("in", "ServerText", 12, "pump \ud800 valve", 1.0)
    target = tmp_path / "diag.zip"
    task = controller.help.save_to(target)
    await asyncio.wait_for(task, 20)
    assert controller.help.last_saved == target
    with zipfile.ZipFile(target) as archive:
        lines = archive.read("messages.jsonl").decode("utf-8").splitlines()
    assert [json.loads(line)["summary"] for line in lines] == ["pump \ufffd valve"]
    rows = window.findChildren(type(window.connection_label))
    assert any("Diagnostics saved" in label.text() for label in rows)


async def test_a_save_failing_for_another_reason_says_so_plainly(
    ui: tuple[MainWindow, Controller], tmp_path: Path
) -> None:
    """Not a file error (here a name the file system cannot encode): a clear line in the
    window and the dialog, not the task's generic one, and the dialog leaves "Saving…"."""
    window, controller = ui
    dialog = controller.help.open_about()
    task = controller.help.save_to(tmp_path / "diag-\ud800.zip")
    await asyncio.wait_for(task, 20)
    assert controller.help.last_saved is None
    status = dialog.status_label.text()
    assert status.startswith("Could not save diagnostics to ")
    assert "an unexpected error (UnicodeEncodeError); the details are in the log" in status
    rows = window.findChildren(type(window.connection_label))
    assert any(label.text() == status for label in rows)
