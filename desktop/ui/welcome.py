"""First run without credentials: enter a key, use Vertex AI with ADC, or try the simulator.

`needs_welcome` decides whether to show it, `WelcomeDialog.choice()` says what the user
picked, and `apply_choice` turns that into the Settings to save. The key goes to the OS
keyring when the user confirms, never into Settings.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from typing import Literal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.infra.credentials import CredentialError, store_api_key
from desktop.infra.settings import Settings
from desktop.ui.i18n import translate
from desktop.ui.settings_dialog import validate_settings

Backend = Literal["gemini", "vertex", "simulator"]
KEY_PAGE_URL = "https://aistudio.google.com/apikey"


@dataclass(frozen=True)
class WelcomeChoice:
    backend: Backend
    project: str = ""
    location: str = ""
    key_stored: bool = False
    # The key just stored, so this run can use it without reading the keyring back.
    api_key: str | None = field(default=None, repr=False)


def needs_welcome(settings: Settings, api_key: str | None) -> bool:
    """Show the welcome when nothing was chosen yet and no key is available."""
    return not settings.first_run_done and settings.backend == "auto" and api_key is None


def apply_choice(settings: Settings, choice: WelcomeChoice | None) -> Settings:
    """The settings to save after the welcome (cancelled: remember it was shown, change nothing)."""
    if choice is None:
        return replace(settings, first_run_done=True)
    if choice.backend == "vertex":
        return replace(
            settings,
            backend="vertex",
            project=choice.project,
            location=choice.location,
            first_run_done=True,
        )
    return replace(settings, backend=choice.backend, first_run_done=True)


class WelcomeDialog(QDialog):
    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        store_key: Callable[[str], None] = store_api_key,
        environ: Mapping[str, str] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("Welcome", "Welcome to FieldAssist"))
        self.setAccessibleName(translate("Welcome", "Welcome"))
        self._store_key = store_key
        env = os.environ if environ is None else environ
        self._env_project = env.get("GOOGLE_CLOUD_PROJECT", "").strip()
        self._env_location = env.get("GOOGLE_CLOUD_LOCATION", "").strip()
        self._choice: WelcomeChoice | None = None

        intro = QLabel(
            translate(
                "Welcome",
                "FieldAssist talks to Gemini. Choose how to connect; you can change this later "
                "in Settings.",
            )
        )
        intro.setWordWrap(True)

        self.key_option = QRadioButton(translate("Welcome", "Enter a Gemini &API key"))
        self.vertex_option = QRadioButton(
            translate("Welcome", "Use &Vertex AI with Application Default Credentials")
        )
        self.simulator_option = QRadioButton(
            translate("Welcome", "Continue with the offline &simulator")
        )
        self.options = QButtonGroup(self)
        for i, button in enumerate((self.key_option, self.vertex_option, self.simulator_option)):
            button.setAccessibleName(button.text().replace("&", ""))
            self.options.addButton(button, i)
        self.key_option.setChecked(True)

        self.pages = QStackedWidget()
        self.pages.addWidget(self._key_page())
        self.pages.addWidget(self._vertex_page())
        self.pages.addWidget(self._simulator_page())

        self.message = QLabel()
        self.message.setTextFormat(Qt.TextFormat.PlainText)  # may quote the keyring's error
        self.message.setWordWrap(True)
        self.message.setAccessibleName(translate("Welcome", "Problem"))
        font = self.message.font()
        font.setBold(True)
        self.message.setFont(font)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(translate("Welcome", "&Continue"))
        self.ok_button.setAccessibleName(translate("Welcome", "Continue"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        for button in (self.key_option, self.vertex_option, self.simulator_option):
            layout.addWidget(button)
        layout.addWidget(self.pages)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)

        self.options.idToggled.connect(self._on_option)
        self.api_key.textChanged.connect(self.revalidate)
        self.project.textChanged.connect(self.revalidate)
        self.location.textChanged.connect(self.revalidate)
        self.revalidate()

    def _key_page(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        form.setContentsMargins(24, 0, 0, 0)
        self.api_key = QLineEdit()
        self.api_key.setEchoMode(QLineEdit.EchoMode.Password)
        self.api_key.setAccessibleName(translate("Welcome", "Gemini API key"))
        label = QLabel(translate("Welcome", "&Key:"))
        label.setBuddy(self.api_key)
        form.addRow(label, self.api_key)
        where = QLabel(
            translate(
                "Welcome",
                'Create a key at <a href="{url}">{url}</a>. It is kept in the system keyring.',
            ).format(url=KEY_PAGE_URL)
        )
        where.setTextFormat(Qt.TextFormat.RichText)  # the one label with a link
        where.setOpenExternalLinks(True)
        where.setWordWrap(True)
        form.addRow("", where)
        return page

    def _vertex_page(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        form.setContentsMargins(24, 0, 0, 0)
        self.project = QLineEdit()
        self.project.setAccessibleName(translate("Welcome", "Google Cloud project"))
        self.project.setPlaceholderText(self._env_project or "my-project-id")
        self.location = QLineEdit()
        self.location.setAccessibleName(translate("Welcome", "Google Cloud location"))
        self.location.setPlaceholderText(self._env_location or "us-central1")
        for text, widget in (
            (translate("Welcome", "&Project:"), self.project),
            (translate("Welcome", "&Location:"), self.location),
        ):
            label = QLabel(text)
            label.setBuddy(widget)
            form.addRow(label, widget)
        hint = QLabel(
            translate("Welcome", "Sign in first with: gcloud auth application-default login")
        )
        hint.setWordWrap(True)
        form.addRow("", hint)
        return page

    @staticmethod
    def _simulator_page() -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(24, 0, 0, 0)
        note = QLabel(
            translate(
                "Welcome",
                "A local stand-in that echoes what it hears. Nothing leaves this computer; "
                "useful to try the controls and the camera.",
            )
        )
        note.setWordWrap(True)
        layout.addWidget(note)
        return page

    def _on_option(self, option: int, checked: bool) -> None:
        if checked:
            self.pages.setCurrentIndex(option)
            self.revalidate()

    def selected_backend(self) -> Backend:
        backends: tuple[Backend, ...] = ("gemini", "vertex", "simulator")
        return backends[max(0, self.options.checkedId())]

    def problem(self) -> str:
        """Why Continue is not possible yet ("" when it is)."""
        backend = self.selected_backend()
        if backend == "gemini":
            key = self.api_key.text().strip()
            if not key:
                return translate("Welcome", "Paste your API key, or pick another option.")
            errors = validate_settings(
                Settings(backend="gemini", video_source="none"),
                api_key_available=True,
                typed_key=key,
                check_source=lambda _: None,
            )
            return errors.get("api_key", "")
        if backend == "vertex":
            project = self.project.text().strip()
            location = self.location.text().strip()
            errors = validate_settings(
                Settings(backend="vertex", project=project, location=location, video_source="none"),
                api_key_available=False,
                check_source=lambda _: None,
            )
            if errors:  # a malformed value first: it is what the user is typing now
                return next(iter(errors.values()))
            if not (project or self._env_project):
                return translate("Welcome", "Enter the Google Cloud project to bill.")
            if not (location or self._env_location):
                return translate("Welcome", "Enter a location such as us-central1.")
        return ""

    def revalidate(self) -> None:
        problem = self.problem()
        # A blank field is not an error yet: say nothing until the user typed something.
        typed = any(w.text() for w in (self.api_key, self.project, self.location))
        self.message.setText(f"⚠ {problem}" if problem and typed else "")
        self.ok_button.setEnabled(not problem)

    def accept(self) -> None:
        if self.problem():
            return
        backend = self.selected_backend()
        if backend == "gemini":
            key = self.api_key.text().strip()
            try:
                self._store_key(key)
            except CredentialError as exc:
                self.message.setText(f"⚠ {exc}")
                return
            self._choice = WelcomeChoice("gemini", key_stored=True, api_key=key)
        elif backend == "vertex":
            self._choice = WelcomeChoice(
                "vertex",
                project=self.project.text().strip(),
                location=self.location.text().strip(),
            )
        else:
            self._choice = WelcomeChoice("simulator")
        super().accept()

    def choice(self) -> WelcomeChoice | None:
        """What the user chose, or None if the welcome was dismissed."""
        return self._choice if self.result() == QDialog.DialogCode.Accepted else None
