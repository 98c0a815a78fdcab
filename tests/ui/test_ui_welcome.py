"""The first-run welcome: three ways in, the key into a real (file-backed) keyring."""

from __future__ import annotations

import keyring
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot
from support.keyrings import FileKeyring
from test_ui_settings_dialog import KEY

from desktop.infra.credentials import load_api_key
from desktop.infra.settings import Settings
from desktop.ui.welcome import WelcomeChoice, WelcomeDialog, apply_choice, needs_welcome


def make(qtbot: QtBot, environ: dict[str, str] | None = None) -> WelcomeDialog:
    dialog = WelcomeDialog(environ=environ or {})
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_shown_only_on_a_first_run_without_credentials() -> None:
    assert needs_welcome(Settings(), None)
    assert not needs_welcome(Settings(), KEY)
    assert not needs_welcome(Settings(first_run_done=True), None)
    assert not needs_welcome(Settings(backend="vertex"), None)


def test_api_key_choice_stores_the_key(qtbot: QtBot, file_keyring: FileKeyring) -> None:
    dialog = make(qtbot)
    assert dialog.key_option.isChecked() and dialog.api_key.isVisible()
    assert not dialog.ok_button.isEnabled()
    assert dialog.message.text() == ""  # nothing typed yet: no scolding
    dialog.api_key.setText(f"{KEY}\n")
    assert dialog.ok_button.isEnabled()
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    choice = dialog.choice()
    assert choice == WelcomeChoice("gemini", key_stored=True, api_key=KEY)
    assert KEY not in repr(choice)
    assert load_api_key(environ={}) == KEY
    settings = apply_choice(Settings(), choice)
    assert (settings.backend, settings.first_run_done) == ("gemini", True)


def test_a_refusing_keyring_keeps_the_welcome_open(qtbot: QtBot, refusing_keyring: None) -> None:
    dialog = make(qtbot)
    dialog.api_key.setText(KEY)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and dialog.choice() is None
    assert "keyring refused" in dialog.message.text()
    assert "GEMINI_API_KEY" in dialog.message.text()


def test_vertex_choice_needs_a_valid_project(qtbot: QtBot) -> None:
    dialog = make(qtbot)
    qtbot.mouseClick(dialog.vertex_option, Qt.MouseButton.LeftButton)
    assert dialog.project.isVisible() and not dialog.api_key.isVisible()
    assert not dialog.ok_button.isEnabled()
    dialog.project.setText("Plant Ops")
    assert "project ID" in dialog.message.text()
    dialog.project.setText("plant-ops-42")
    assert "location" in dialog.message.text()
    dialog.location.setText("europe-west4")
    assert dialog.message.text() == ""
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    choice = dialog.choice()
    assert choice == WelcomeChoice("vertex", project="plant-ops-42", location="europe-west4")
    settings = apply_choice(Settings(video_source="1"), choice)
    assert (settings.backend, settings.project, settings.location) == (
        "vertex",
        "plant-ops-42",
        "europe-west4",
    )
    assert settings.video_source == "1"


def test_vertex_project_from_the_environment_may_stay_blank(qtbot: QtBot) -> None:
    env = {"GOOGLE_CLOUD_PROJECT": "env-project", "GOOGLE_CLOUD_LOCATION": "us-central1"}
    dialog = make(qtbot, env)
    dialog.vertex_option.setChecked(True)
    assert dialog.project.placeholderText() == "env-project"
    assert dialog.ok_button.isEnabled()
    dialog.accept()
    assert dialog.choice() == WelcomeChoice("vertex")


def test_simulator_choice_and_dismissal(qtbot: QtBot) -> None:
    dialog = make(qtbot)
    dialog.simulator_option.setChecked(True)
    assert dialog.ok_button.isEnabled()
    dialog.accept()
    assert dialog.choice() == WelcomeChoice("simulator")
    assert apply_choice(Settings(), dialog.choice()).backend == "simulator"

    dismissed = make(qtbot)
    dismissed.reject()
    assert dismissed.result() == QDialog.DialogCode.Rejected
    assert dismissed.choice() is None
    after = apply_choice(Settings(), None)
    assert (after.backend, after.first_run_done) == ("auto", True)  # not asked again


def test_options_have_mnemonics_and_names(qtbot: QtBot) -> None:
    dialog = make(qtbot)
    for option in (dialog.key_option, dialog.vertex_option, dialog.simulator_option):
        assert "&" in option.text() and option.accessibleName()
    for field in (dialog.api_key, dialog.project, dialog.location):
        assert field.accessibleName()
    assert keyring.get_keyring() is not None
