"""The settings dialog: four tabs over one Settings value, validated as the user types.

The logic that needs no widgets (what is valid, which message to show) is the module-level
function `validate_settings`; the dialog only maps widgets to a Settings value and shows the
messages next to their fields. The API key never enters Settings: it goes to the OS keyring
through an injected `store_key` (infra.credentials.store_api_key by default) when the user
presses OK.

The keyring may prompt or hang, so with an event loop running (the app) every keyring call
(save on OK, "Forget", and the read when `find_key` is given) runs on a worker thread with a
time limit, and the dialog says what it is waiting for; without a loop (a plain modal use)
they are made directly.
"""

from __future__ import annotations

import asyncio
import dataclasses
from collections.abc import Awaitable, Callable, Coroutine, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.infra.credentials import (
    CredentialError,
    api_key_from_env,
    delete_api_key,
    keyring_call,
    redact,
    store_api_key,
)
from desktop.infra.i18n_marks import QT_TRANSLATE_NOOP
from desktop.infra.instructions import default_instruction, instruction_to_send
from desktop.infra.redact import register_secret
from desktop.infra.settings import (
    DEFAULT_SYSTEM_INSTRUCTION,
    SPECS,
    Settings,
    advice_for,
    check_value,
)
from desktop.infra.settings import label as setting_label
from desktop.ui.i18n import LANGUAGES as INTERFACE_LANGUAGES
from desktop.ui.i18n import translate, translate_shown
from desktop.ui.manuals_page import PAGE_TITLE as MANUALS_TITLE
from desktop.ui.manuals_page import ManualsSettingsPage
from desktop.ui.report_settings import PAGE_TITLE as REPORTS_TITLE
from desktop.ui.report_settings import ReportSettingsPage
from desktop.ui.widgets import make_plain

if TYPE_CHECKING:
    from desktop.app.audio_check import AudioCheck, CheckResult

# (input device names, output device names), as desktop.audio.devices.list_devices returns.
DeviceLists = tuple[Sequence[str], Sequence[str]]
DeviceSource = DeviceLists | Callable[[], DeviceLists]
# test_connection(settings, api_key) -> the message to show, exactly as returned.
ConnectionTest = Callable[[Settings, str | None], Awaitable[str]]
# A video source text -> an error message, or None when it can be used.
SourceCheck = Callable[[str], str | None]

# How each of the settings table's backend choices reads in the combo box.
BACKEND_TEXTS = {
    "auto": QT_TRANSLATE_NOOP(
        "SettingsDialog", "Automatic: Gemini API when a key is available, else the simulator"
    ),
    "gemini": QT_TRANSLATE_NOOP("SettingsDialog", "Gemini API (API key)"),
    "vertex": QT_TRANSLATE_NOOP(
        "SettingsDialog", "Vertex AI (project, location, Application Default Credentials)"
    ),
    "simulator": QT_TRANSLATE_NOOP("SettingsDialog", "Offline simulator"),
}
# Prebuilt voices of the Live native-audio models. google-genai has no list of them
# (PrebuiltVoiceConfig.voice_name is a free string): this is Google's published table of 30
# (docs/TRANSLATING.md); the field stays editable for new ones.
VOICES = (
    *("Zephyr", "Puck", "Charon", "Kore", "Fenrir", "Leda", "Orus", "Aoede", "Callirrhoe"),
    *("Autonoe", "Enceladus", "Iapetus", "Umbriel", "Algieba", "Despina", "Erinome"),
    *("Algenib", "Rasalgethi", "Laomedeia", "Achernar", "Alnilam", "Schedar", "Gacrux"),
    *("Pulcherrima", "Achird", "Zubenelgenubi", "Vindemiatrix", "Sadachbia", "Sadaltager"),
    "Sulafat",
)
LANGUAGES = (
    *("en-US", "en-GB", "de-DE", "fr-FR", "es-ES", "es-US", "pt-BR", "ja-JP", "it-IT"),
    *("nl-NL", "pl-PL"),
)
VIDEO_SOURCE_EXAMPLES = ("0", "camera:1", "screen", "screen:1", "none")
VIDEO_SOURCE_HELP = QT_TRANSLATE_NOOP(
    "SettingsDialog",
    "Examples: 0 (first camera), camera:1, screen, screen:0,0,1280,720, "
    "rtsp://camera.local/stream, /path/to/video.mp4, none",
)
LOOKING_FOR_KEY = QT_TRANSLATE_NOOP("SettingsDialog", "Looking in the system keyring…")
SPEAKER_MODE = QT_TRANSLATE_NOOP("SettingsDialog", "Speaker mode (echo cancellation on)")
HEADSET_MODE = QT_TRANSLATE_NOOP("SettingsDialog", "Headset mode (echo cancellation off)")

# Text fields checked by the settings table (a rule or the dialog's advice), and where a
# problem is shown; video_source and ca_file have checks of their own below.
TABLE_CHECKED = ("project", "location", "model", "endpoint", "language")


def _is_file(path: str) -> bool:
    return Path(path).expanduser().is_file()


def check_video_source(text: str) -> str | None:
    """The video package's own parser decides (through the app); a file must also exist."""
    from desktop.app import check_video_source as check  # late: OpenCV loads with it

    return check(text)


def validate_settings(
    settings: Settings,
    *,
    api_key_available: bool,
    typed_key: str = "",
    is_file: Callable[[str], bool] = _is_file,
    check_source: SourceCheck = check_video_source,
) -> dict[str, str]:
    """Field name -> message for every value that cannot be used. Empty means valid."""
    errors: dict[str, str] = {}
    if typed_key and any(c.isspace() for c in typed_key.strip()):
        errors["api_key"] = translate(
            "SettingsDialog", "An API key has no spaces in it; paste it again."
        )
    elif settings.backend == "gemini" and not (api_key_available or typed_key.strip()):
        errors["api_key"] = translate(
            "SettingsDialog", "The Gemini API needs a key: enter one here or set GEMINI_API_KEY."
        )
    for name in TABLE_CHECKED:
        value = getattr(settings, name)
        problem = check_value(name, value)[1] or advice_for(name, value)
        if problem:
            # The rule as the settings table words it ("must be …", marked there).
            rule = translate_shown("Settings", f"must be {problem}")
            errors[name] = translate("SettingsDialog", "{setting} {rule}.").format(
                setting=translate("Settings", setting_label(name)), rule=rule
            )
    if settings.ca_file and not is_file(settings.ca_file):
        errors["ca_file"] = translate("SettingsDialog", "No file at {path}.").format(
            path=settings.ca_file
        )
    source_error = check_source(settings.video_source)
    if source_error:
        errors["video_source"] = source_error
    return errors


# Which tab each validated field sits on, to mark tabs that hold an error.
FIELD_TABS = {
    "api_key": 0,
    "project": 0,
    "location": 0,
    "model": 0,
    "endpoint": 0,
    "ca_file": 0,
    "language": 1,
    "video_source": 3,
}
# How the settings table's sensitivity words read in the combo box.
SENSITIVITY_TEXTS = {
    "default": QT_TRANSLATE_NOOP("SettingsDialog", "Default"),
    "high": QT_TRANSLATE_NOOP("SettingsDialog", "High"),
    "low": QT_TRANSLATE_NOOP("SettingsDialog", "Low"),
}
TAB_TITLES = (
    QT_TRANSLATE_NOOP("SettingsDialog", "Co&nnection"),
    QT_TRANSLATE_NOOP("SettingsDialog", "Con&versation"),
    QT_TRANSLATE_NOOP("SettingsDialog", "&Audio"),
    QT_TRANSLATE_NOOP("SettingsDialog", "V&ideo"),
)


class SettingsDialog(QDialog):
    """Edit a copy of `settings`; read the outcome with result_settings() after exec().

    current_api_key: the key the program runs with (used by "Test connection" when the user
    has not typed a new one); key_source: where it came from ("env:GEMINI_API_KEY",
    "keyring" or ""), so the dialog can say that the environment overrides the keyring.
    """

    _audio_task: asyncio.Task[str] | None = None  # the running speaker or microphone test

    def __init__(
        self,
        settings: Settings,
        parent: QWidget | None = None,
        *,
        devices: DeviceSource | None = None,
        test_connection: ConnectionTest | None = None,
        current_api_key: str | None = None,
        key_source: str = "",
        store_key: Callable[[str], None] = store_api_key,
        delete_key: Callable[[], bool] = delete_api_key,
        find_key: Callable[[], tuple[str | None, str]] | None = None,
        is_file: Callable[[str], bool] = _is_file,
        check_source: SourceCheck = check_video_source,
        audio_check: AudioCheck | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("SettingsDialog", "Settings"))
        self.setAccessibleName(translate("SettingsDialog", "Settings"))
        self._settings = settings
        self._devices = devices
        self._test_connection = test_connection
        self._current_key = current_api_key
        self._key_source = key_source
        self._store_key = store_key
        self._delete_key = delete_key
        self._find_key = find_key  # (key, source), read on show when given
        self._keyring_task: asyncio.Task[bool] | None = None
        self._key_read = False
        self._is_file = is_file
        # The speaker/microphone tests: made on the first test when not given.
        self._check_source, self._audio_check = check_source, audio_check
        self._test_task: asyncio.Task[str] | None = None
        self._testing = False
        self._devices_loaded = False
        self.key_stored = False  # True once OK has put a new key in the keyring
        self.key_deleted = False
        self._errors: dict[str, str] = {}
        self._error_labels: dict[str, QLabel] = {}
        self._fields: dict[str, QWidget] = {}
        self._rows: dict[str, int] = {}  # field name -> its row in its tab's form
        self._device_task: asyncio.Task[None] | None = None

        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(translate("SettingsDialog", "Settings sections"))
        self.reports_page = ReportSettingsPage()  # the job report (issue 16)
        self.manuals_page = ManualsSettingsPage()  # folder, document count, re-index
        for page, title in (
            (self._connection_tab(), translate("SettingsDialog", TAB_TITLES[0])),
            (self._conversation_tab(), translate("SettingsDialog", TAB_TITLES[1])),
            (self._audio_tab(), translate("SettingsDialog", TAB_TITLES[2])),
            (self._video_tab(), translate("SettingsDialog", TAB_TITLES[3])),
            (self.reports_page, translate("ReportSettings", REPORTS_TITLE)),
            (self.manuals_page, translate("Manuals", MANUALS_TITLE)),
        ):
            self.tabs.addTab(page, title)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setAccessibleName(translate("SettingsDialog", "Save settings"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setAccessibleName(
            translate("SettingsDialog", "Cancel without saving")
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName(translate("SettingsDialog", "Problems to fix"))

        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.summary)
        layout.addWidget(self.buttons)

        self._load(settings)
        self._connect_changes()
        self._on_backend_changed()
        if isinstance(devices, tuple):
            self._fill_devices(devices)  # a given list costs nothing; a callable waits for show
        make_plain(self)  # messages quote exceptions, the server and the keyring: literal

    # -- building -------------------------------------------------------------------------

    def _connection_tab(self) -> QWidget:
        page = QWidget()
        self.connection_form = form = QFormLayout(page)
        self.backend = QComboBox()
        for value in SPECS["backend"].choices:
            self.backend.addItem(translate("SettingsDialog", BACKEND_TEXTS[value]), value)
        self._row(form, translate("SettingsDialog", "&Backend:"), self.backend, "Backend")

        self.api_key = QLineEdit()
        self.api_key.setEchoMode(QLineEdit.EchoMode.Password)
        self.api_key.setAccessibleName(translate("SettingsDialog", "Gemini API key"))
        self.api_key.setToolTip(
            translate("SettingsDialog", "Stored in the system keyring, never in the settings file")
        )
        self.forget_key_button = QPushButton(translate("SettingsDialog", "&Remove stored key"))
        self.forget_key_button.setAccessibleName(
            translate("SettingsDialog", "Remove the stored API key")
        )
        self.forget_key_button.clicked.connect(self._forget_key)
        key_row = QHBoxLayout()
        key_row.addWidget(self.api_key, 1)
        key_row.addWidget(self.forget_key_button)
        self.key_note = QLabel()
        self.key_note.setWordWrap(True)
        self._row(
            form, translate("SettingsDialog", "API &key:"), self.api_key, "api_key", layout=key_row
        )
        self._rows["key_note"] = form.rowCount()
        form.addRow("", self.key_note)

        self.project = QLineEdit()
        self.project.setPlaceholderText(
            translate("SettingsDialog", "From GOOGLE_CLOUD_PROJECT or the ADC project")
        )
        self._row(form, translate("SettingsDialog", "&Project:"), self.project, "project")
        self.location = QLineEdit()
        self.location.setPlaceholderText(
            translate("SettingsDialog", "From GOOGLE_CLOUD_LOCATION, e.g. us-central1")
        )
        self._row(form, translate("SettingsDialog", "&Location:"), self.location, "location")
        self.model = QLineEdit()
        self._row(form, translate("SettingsDialog", "&Model:"), self.model, "model")
        self.endpoint = QLineEdit()
        self.endpoint.setPlaceholderText(
            translate("SettingsDialog", "Default Google endpoint; set for a corporate gateway")
        )
        self._row(form, translate("SettingsDialog", "&Endpoint:"), self.endpoint, "endpoint")

        self.ca_file = QLineEdit()
        self.ca_file.setPlaceholderText(translate("SettingsDialog", "System certificates only"))
        self.ca_browse = QPushButton(translate("SettingsDialog", "Bro&wse…"))
        self.ca_browse.setAccessibleName(
            translate("SettingsDialog", "Choose a CA certificate file")
        )
        self.ca_browse.clicked.connect(self._pick_ca_file)
        ca_row = QHBoxLayout()
        ca_row.addWidget(self.ca_file, 1)
        ca_row.addWidget(self.ca_browse)
        self._row(
            form, translate("SettingsDialog", "&CA file:"), self.ca_file, "ca_file", layout=ca_row
        )

        self._test_row(form)
        return page

    def _test_row(self, form: QFormLayout) -> None:
        self.test_button = QPushButton(translate("SettingsDialog", "&Test connection"))
        self.test_button.setAccessibleName(translate("SettingsDialog", "Test connection"))
        self.test_button.clicked.connect(self._on_test_clicked)
        self.test_result = QLabel()
        self.test_result.setWordWrap(True)
        self.test_result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.test_result.setAccessibleName(translate("SettingsDialog", "Connection test result"))
        form.addRow(self.test_button, self.test_result)
        self.test_button.setEnabled(self._test_connection is not None)
        if self._test_connection is None:
            self.test_button.setToolTip(translate("SettingsDialog", "Not available in this build"))

    def _conversation_tab(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        self.voice = _editable_combo(
            ("", *VOICES), translate("SettingsDialog", "The model's default voice")
        )
        self._row(form, translate("SettingsDialog", "V&oice:"), self.voice, "Voice")
        # Left empty, the interface language is spoken (app/options.py); English: the model's.
        spoken = self._settings.interface_language
        self.language = _editable_combo(
            ("", *LANGUAGES),
            translate("SettingsDialog", "As the interface: {language}").format(language=spoken)
            if spoken
            else translate("SettingsDialog", "The model decides"),
        )
        self._row(
            form, translate("SettingsDialog", "Response &language:"), self.language, "language"
        )
        self.ui_language = QComboBox()
        self.ui_language.addItem(translate("SettingsDialog", "System language"), "")
        self.ui_language.addItem("English", "en")
        for code, name in INTERFACE_LANGUAGES.items():
            self.ui_language.addItem(name, code)
        self.ui_language.setToolTip(
            translate(
                "SettingsDialog", "The window's language; it changes when FieldAssist starts again"
            )
        )
        self._row(
            form,
            translate("SettingsDialog", "&Interface language:"),
            self.ui_language,
            "ui_language",
        )
        self.system_instruction = QPlainTextEdit()
        # Tab moves focus out of the box: keyboard users must not get trapped in it.
        self.system_instruction.setTabChangesFocus(True)
        self._row(
            form,
            translate("SettingsDialog", "&System instruction:"),
            self.system_instruction,
            "System instruction",
        )
        self.restore_instruction = QPushButton(
            translate("SettingsDialog", "&Restore default instruction")
        )
        self.restore_instruction.setAccessibleName(
            translate("SettingsDialog", "Restore the default system instruction")
        )
        self.restore_instruction.clicked.connect(
            lambda: self.system_instruction.setPlainText(
                default_instruction(self._settings.interface_language)
            )
        )
        form.addRow("", self.restore_instruction)
        return page

    def _audio_tab(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        self.input_device = QComboBox()
        self._row(
            form, translate("SettingsDialog", "&Microphone:"), self.input_device, "Microphone"
        )
        self.output_device = QComboBox()
        self._row(form, translate("SettingsDialog", "S&peaker:"), self.output_device, "Speaker")
        self.refresh_devices_button = QPushButton(translate("SettingsDialog", "Re&fresh devices"))
        self.refresh_devices_button.setAccessibleName(
            translate("SettingsDialog", "Refresh the device lists")
        )
        self.refresh_devices_button.setEnabled(callable(self._devices))
        self.refresh_devices_button.clicked.connect(self._on_refresh_devices)
        self.devices_note = QLabel()
        self.devices_note.setWordWrap(True)
        form.addRow(self.refresh_devices_button, self.devices_note)
        self._levels_rows(form)
        self.echo_mode = QComboBox()
        self.echo_mode.addItems(
            [translate("SettingsDialog", SPEAKER_MODE), translate("SettingsDialog", HEADSET_MODE)]
        )
        self._row(
            form,
            translate("SettingsDialog", "&Echo cancellation:"),
            self.echo_mode,
            "Echo cancellation",
        )
        self.instant_barge_in = QCheckBox(
            translate(
                "SettingsDialog",
                "Instant &barge-in: stop the reply on this computer once I have spoken for 0.25 s",
            )
        )
        self.instant_barge_in.setAccessibleName(translate("SettingsDialog", "Instant barge-in"))
        form.addRow("", self.instant_barge_in)
        self.push_to_talk = QCheckBox(
            translate("SettingsDialog", "P&ush-to-talk (send the microphone only while held)")
        )
        self.push_to_talk.setAccessibleName(translate("SettingsDialog", "Push-to-talk"))
        form.addRow("", self.push_to_talk)
        self.vad_sensitivity = QComboBox()
        for value in SPECS["vad_sensitivity"].choices:
            self.vad_sensitivity.addItem(
                translate("SettingsDialog", SENSITIVITY_TEXTS.get(value, value)), value
            )
        self._row(
            form,
            translate("SettingsDialog", "Speech &detection sensitivity:"),
            self.vad_sensitivity,
            "VAD sensitivity",
        )
        self.vad_silence_ms = QSpinBox()
        _set_range(self.vad_silence_ms, "vad_silence_ms")
        self.vad_silence_ms.setSingleStep(100)
        self.vad_silence_ms.setSuffix(" ms")
        self.vad_silence_ms.setSpecialValueText(translate("SettingsDialog", "Server default"))
        self._row(
            form,
            translate("SettingsDialog", "Silence &that ends a turn:"),
            self.vad_silence_ms,
            "Silence duration",
        )
        return page

    def _levels_rows(self, form: QFormLayout) -> None:
        """Volume and gain (applied at once to a running session), and the device tests."""
        self.output_volume = QSpinBox()
        _set_range(self.output_volume, "output_volume")
        self.output_volume.setSingleStep(5)
        self.output_volume.setSuffix(" %")
        self._row(
            form,
            translate("SettingsDialog", "Speaker v&olume:"),
            self.output_volume,
            "Speaker volume",
        )
        self.input_gain_db = QDoubleSpinBox()
        _set_range(self.input_gain_db, "input_gain_db")
        self.input_gain_db.setDecimals(1)
        self.input_gain_db.setSingleStep(1.0)
        self.input_gain_db.setSuffix(" dB")
        self._row(
            form,
            translate("SettingsDialog", "Microphone &gain:"),
            self.input_gain_db,
            "Microphone gain",
        )
        self.test_speaker_button = QPushButton(translate("SettingsDialog", "Test spea&ker"))
        self.test_speaker_button.setAccessibleName(
            translate("SettingsDialog", "Test speaker: play a short chime")
        )
        self.test_speaker_button.clicked.connect(lambda: self._start_audio_test(speaker=True))
        self.test_mic_button = QPushButton(translate("SettingsDialog", "Test mi&crophone"))
        self.test_mic_button.setAccessibleName(
            translate("SettingsDialog", "Test microphone: record 3 seconds and play them back")
        )
        self.test_mic_button.clicked.connect(lambda: self._start_audio_test(speaker=False))
        self.mic_meter = QProgressBar()
        self.mic_meter.setRange(0, 100)
        self.mic_meter.setTextVisible(False)
        self.mic_meter.setAccessibleName(translate("SettingsDialog", "Microphone level"))
        buttons = QHBoxLayout()
        for widget in (self.test_speaker_button, self.test_mic_button, self.mic_meter):
            buttons.addWidget(widget)
        form.addRow("", buttons)
        self.audio_test_result = QLabel()
        self.audio_test_result.setWordWrap(True)
        self.audio_test_result.setAccessibleName(translate("SettingsDialog", "Audio test result"))
        form.addRow("", self.audio_test_result)

    def _video_tab(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        self.video_source = _editable_combo(
            VIDEO_SOURCE_EXAMPLES, translate("SettingsDialog", "none")
        )
        self.video_source.setToolTip(translate("SettingsDialog", VIDEO_SOURCE_HELP))
        self._row(form, translate("SettingsDialog", "&Source:"), self.video_source, "video_source")
        help_label = QLabel(translate("SettingsDialog", VIDEO_SOURCE_HELP))
        help_label.setWordWrap(True)
        form.addRow("", help_label)
        self.video_fps = QDoubleSpinBox()
        _set_range(self.video_fps, "video_fps")
        self.video_fps.setSingleStep(0.5)
        self.video_fps.setDecimals(1)
        self.video_fps.setSuffix(" fps")
        self._row(
            form,
            translate("SettingsDialog", "&Frames per second:"),
            self.video_fps,
            "Frames per second",
        )
        self.video_long_side = QSpinBox()
        _set_range(self.video_long_side, "video_long_side")
        self.video_long_side.setSingleStep(32)
        self.video_long_side.setSuffix(" px")
        self._row(
            form,
            translate("SettingsDialog", "&Longest side:"),
            self.video_long_side,
            "Longest side of sent frames",
        )
        self.jpeg_quality = QSpinBox()
        _set_range(self.jpeg_quality, "jpeg_quality")
        self.jpeg_quality.setSingleStep(5)
        self._row(
            form, translate("SettingsDialog", "&JPEG quality:"), self.jpeg_quality, "JPEG quality"
        )
        return page

    def _row(
        self,
        form: QFormLayout,
        text: str,
        field: QWidget,
        name: str,
        *,
        layout: QHBoxLayout | None = None,
    ) -> None:
        """A labelled row with a buddy (Alt+mnemonic) and an error line for validated fields."""
        self._rows[name] = form.rowCount()
        label = QLabel(text)
        label.setBuddy(field)
        if not field.accessibleName():
            field.setAccessibleName(text.replace("&", "").rstrip(":"))
        if name not in FIELD_TABS:
            form.addRow(label, layout or field)
            return
        box = QVBoxLayout()
        box.setSpacing(2)
        if layout is not None:
            box.addLayout(layout)
        else:
            box.addWidget(field)
        error = QLabel()
        error.setWordWrap(True)
        error.setAccessibleName(
            translate("SettingsDialog", "{field} problem").format(field=field.accessibleName())
        )
        font = error.font()
        font.setBold(True)
        error.setFont(font)  # no fixed colour: the palette decides, bold and ⚠ carry it
        error.hide()
        box.addWidget(error)
        form.addRow(label, box)
        self._error_labels[name] = error
        self._fields[name] = field

    # -- Settings <-> widgets ------------------------------------------------------------

    def _load(self, s: Settings) -> None:
        self.backend.setCurrentIndex(max(0, self.backend.findData(s.backend)))
        self.project.setText(s.project)
        self.location.setText(s.location)
        self.model.setText(s.model)
        self.endpoint.setText(s.endpoint)
        self.ca_file.setText(s.ca_file)
        self.voice.setCurrentText(s.voice)
        self.language.setCurrentText(s.language)
        self.ui_language.setCurrentIndex(max(0, self.ui_language.findData(s.ui_language)))
        # The untouched default reads in the interface language (and is sent so).
        self.system_instruction.setPlainText(
            instruction_to_send(s.system_instruction, s.interface_language)
        )
        self.echo_mode.setCurrentIndex(0 if s.echo_cancellation else 1)
        self.instant_barge_in.setChecked(s.instant_barge_in)
        self.push_to_talk.setChecked(s.push_to_talk)
        self.vad_sensitivity.setCurrentIndex(
            max(0, self.vad_sensitivity.findData(s.vad_sensitivity))
        )
        self.vad_silence_ms.setValue(s.vad_silence_ms)
        self.output_volume.setValue(s.output_volume)
        self.input_gain_db.setValue(s.input_gain_db)
        self.video_source.setCurrentText(s.video_source)
        self.video_fps.setValue(s.video_fps)
        self.video_long_side.setValue(s.video_long_side)
        self.jpeg_quality.setValue(s.jpeg_quality)
        self.reports_page.load(s)
        self.manuals_page.load(s)
        self._set_device_items(self.input_device, [], s.input_device)
        self._set_device_items(self.output_device, [], s.output_device)
        self._show_key_state()

    @property
    def current_api_key(self) -> str | None:
        """The key the program runs with, as the dialog knows it (see `key_known`)."""
        return None if self.key_deleted else self._current_key

    @property
    def key_known(self) -> bool:
        """False while `find_key` has not answered (or failed): keep the key you had."""
        return self._find_key is None or self._key_read

    def key_to_use(self, previous: str | None) -> str | None:
        """After OK: the key the program runs with, without touching the keyring here.

        The key just stored; after "Forget", only one from the environment; else the key the
        dialog read, or `previous` while that read has not answered.
        """
        if self.key_stored:
            return self.entered_api_key()
        if self.key_deleted:
            return api_key_from_env()
        return self.current_api_key if self.key_known else previous

    def _show_key_state(self) -> None:
        if self._key_source.startswith("env:"):
            var = self._key_source.removeprefix("env:")
            self.key_note.setText(
                translate(
                    "SettingsDialog",
                    "{variable} is set in the environment and overrides a stored key.",
                ).format(variable=var)
            )
        elif self._key_source == "keyring":
            self.key_note.setText(
                translate("SettingsDialog", "A key is stored in the system keyring.")
            )
        else:
            self.key_note.setText(translate("SettingsDialog", "No key stored yet."))
        self.api_key.setPlaceholderText(
            translate("SettingsDialog", "Type a new key to replace the stored one")
            if self._current_key
            else translate("SettingsDialog", "Paste your key")
        )
        self.forget_key_button.setVisible(self._key_source == "keyring")

    def result_settings(self) -> Settings:
        """The input Settings with the dialog's values (dataclasses.replace; no API key)."""
        return dataclasses.replace(
            self._settings,
            backend=str(self.backend.currentData()),
            project=self.project.text().strip(),
            location=self.location.text().strip(),
            model=self.model.text().strip(),
            endpoint=self.endpoint.text().strip(),
            ca_file=self.ca_file.text().strip(),
            voice=self.voice.currentText().strip(),
            language=self.language.currentText().strip(),
            ui_language=str(self.ui_language.currentData() or ""),
            system_instruction=self._instruction(),
            input_device=str(self.input_device.currentData() or ""),
            output_device=str(self.output_device.currentData() or ""),
            output_volume=self.output_volume.value(),
            input_gain_db=round(self.input_gain_db.value(), 1),
            echo_cancellation=self.echo_mode.currentIndex() == 0,
            instant_barge_in=self.instant_barge_in.isChecked(),
            push_to_talk=self.push_to_talk.isChecked(),
            vad_sensitivity=str(self.vad_sensitivity.currentData()),
            vad_silence_ms=self.vad_silence_ms.value(),
            video_source=self.video_source.currentText().strip(),
            video_fps=round(self.video_fps.value(), 1),
            video_long_side=self.video_long_side.value(),
            jpeg_quality=self.jpeg_quality.value(),
            **self.reports_page.values(),
            **self.manuals_page.values(),
        )

    def _instruction(self) -> str:
        """The box's text; the interface language's default is saved as the default."""
        text = self.system_instruction.toPlainText().strip()
        shipped = default_instruction(self._settings.interface_language)
        return DEFAULT_SYSTEM_INSTRUCTION if text == shipped.strip() else text

    def entered_api_key(self) -> str | None:
        """The key typed in this dialog (for this run, after OK stored it), or None."""
        return self.api_key.text().strip() or None

    # -- validation ------------------------------------------------------------------------

    def _connect_changes(self) -> None:
        for line in (
            self.api_key,
            self.project,
            self.location,
            self.model,
            self.endpoint,
            self.ca_file,
        ):
            line.textChanged.connect(self.revalidate)
        for combo in (self.language, self.video_source):
            combo.currentTextChanged.connect(self.revalidate)
        self.backend.currentIndexChanged.connect(self._on_backend_changed)

    def _on_backend_changed(self) -> None:
        backend = str(self.backend.currentData())
        form = self.connection_form
        form.setRowVisible(self._rows["api_key"], backend in ("auto", "gemini"))
        form.setRowVisible(self._rows["key_note"], backend in ("auto", "gemini"))
        form.setRowVisible(self._rows["project"], backend == "vertex")
        form.setRowVisible(self._rows["location"], backend == "vertex")
        # Showing a row shows all its widgets; the remove button has its own condition.
        self.forget_key_button.setVisible(self._key_source == "keyring" and not self.key_deleted)
        shown = "gemini" if backend == "auto" else backend
        default = Settings(model="").effective_model(shown)
        self.model.setPlaceholderText(
            translate("SettingsDialog", "Default: {model}").format(model=default)
        )
        self.revalidate()

    def errors(self) -> dict[str, str]:
        """Recompute and return the current problems (field name -> message)."""
        return validate_settings(
            self.result_settings(),
            api_key_available=self._current_key is not None and not self.key_deleted,
            typed_key=self.api_key.text(),
            is_file=self._is_file,
            check_source=self._check_source,
        )

    def revalidate(self) -> None:
        self._errors = self.errors()
        for name, label in self._error_labels.items():
            message = self._errors.get(name, "")
            label.setText(f"⚠ {message}" if message else "")
            label.setVisible(bool(message))
            self._fields[name].setAccessibleDescription(message)
        bad_tabs = {FIELD_TABS[name] for name in self._errors}
        for i, title in enumerate(TAB_TITLES):
            shown = translate("SettingsDialog", title)
            self.tabs.setTabText(i, f"{shown} ⚠" if i in bad_tabs else shown)
        count = len(self._errors)
        self.summary.setText(
            ""
            if not count
            else translate("SettingsDialog", "Fix 1 problem to save.")
            if count == 1
            else translate("SettingsDialog", "Fix {count} problems to save.").format(count=count)
        )
        self.ok_button.setEnabled(not self._errors)
        self.test_button.setEnabled(
            self._test_connection is not None and not self._errors and not self._testing
        )

    def error_text(self, name: str) -> str:
        """The message shown under field `name` ("" when it is fine)."""
        return self._error_labels[name].text()

    # -- actions -----------------------------------------------------------------------------

    def accept(self) -> None:
        self.revalidate()
        if self._errors:
            return
        key = self.entered_api_key()
        if key is None:
            super().accept()
            return
        if self._keyring_busy():
            return  # a save is on its way: OK once is enough
        self._say_saving()  # at once, not when the task starts
        if not self._start_keyring_task(self.store_key_async(key), "settings-store-key"):
            try:  # no event loop: nothing else to keep running
                self._store_key(key)
            except CredentialError as exc:
                self._show_key_state()
                self.revalidate()
                self._show_error("api_key", str(exc))
                return
            self.key_stored = True
            super().accept()

    async def store_key_async(self, key: str) -> bool:
        """Save the typed key on a worker thread; the dialog closes once it is stored."""
        register_secret(key)
        self._say_saving()
        try:
            await keyring_call(self._store_key, key, what="saving the API key")
        except CredentialError as exc:
            self._show_key_state()
            self.revalidate()
            self._show_error("api_key", str(exc))
            return False
        self.key_stored = True
        super().accept()
        return True

    def _say_saving(self) -> None:
        self.ok_button.setEnabled(False)
        self.key_note.setText(translate("SettingsDialog", "Saving the key in the system keyring…"))

    def _keyring_busy(self) -> bool:
        return self._keyring_task is not None and not self._keyring_task.done()

    def _start_keyring_task(self, coro: Coroutine[Any, Any, bool], name: str) -> bool:
        """Run a keyring coroutine on the loop; False (coroutine closed) without a loop."""
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            coro.close()
            return False
        self._keyring_task = loop.create_task(coro, name=name)
        return True

    def _show_error(self, name: str, message: str) -> None:
        label = self._error_labels[name]
        label.setText(f"⚠ {message}")
        label.show()
        self.tabs.setCurrentIndex(FIELD_TABS[name])
        self._fields[name].setFocus()

    def _forget_key(self) -> None:
        if self._keyring_busy():
            return
        if self._start_keyring_task(self.forget_key_async(), "settings-forget-key"):
            return
        try:  # no event loop: nothing else to keep running
            self._delete_key()
        except CredentialError as exc:
            self._show_error("api_key", str(exc))
            return
        self._key_forgotten()

    async def forget_key_async(self) -> bool:
        """Remove the stored key on a worker thread."""
        self.forget_key_button.setEnabled(False)
        try:
            await keyring_call(self._delete_key, what="removing the API key")
        except CredentialError as exc:
            self._show_error("api_key", str(exc))
            return False
        finally:
            self.forget_key_button.setEnabled(True)
        self._key_forgotten()
        return True

    async def load_key(self) -> bool:
        """Read where the key comes from on a worker thread (`find_key`), then show it."""
        if self._find_key is None:
            return False
        self.key_note.setText(translate("SettingsDialog", LOOKING_FOR_KEY))
        try:
            key, source = await keyring_call(self._find_key, what="reading the API key")
        except CredentialError as exc:
            self.key_note.setText(str(exc))
            return False
        self._current_key, self._key_source = key, source
        self._key_read = True
        self._show_key_state()
        self.forget_key_button.setVisible(self._key_source == "keyring" and not self.key_deleted)
        self.revalidate()
        return True

    def _key_forgotten(self) -> None:
        self.key_deleted = True
        self.key_note.setText(translate("SettingsDialog", "The stored key was removed."))
        self.forget_key_button.hide()
        self.revalidate()

    def _pick_ca_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            translate("SettingsDialog", "CA certificate bundle"),
            self.ca_file.text(),
            translate("SettingsDialog", "PEM files (*.pem *.crt);;All (*)"),
        )
        if path:
            self.ca_file.setText(path)

    # -- connection test -------------------------------------------------------------------

    async def run_connection_test(self) -> str:
        """Run the injected test with the dialog's current values and show its message."""
        if self._test_connection is None:
            raise RuntimeError("no connection test was given to the dialog")
        self.test_result.setText(translate("SettingsDialog", "Testing…"))
        self._testing = True
        self.test_button.setEnabled(False)
        key = self.entered_api_key() or (None if self.key_deleted else self._current_key)
        register_secret(key)  # a typed key is not saved yet, but the test may print it
        try:
            message = await self._test_connection(self.result_settings(), key)
        except asyncio.CancelledError:
            self.test_result.setText(translate("SettingsDialog", "Test cancelled."))
            raise
        except Exception as exc:  # the test's own bug: still tell the user something true
            message = translate("SettingsDialog", "The test itself failed: {reason}").format(
                reason=redact(str(exc)) or type(exc).__name__
            )
        finally:
            self._testing = False
            self.revalidate()
        self.test_result.setText(message)
        return message

    def _on_test_clicked(self) -> None:
        if self._test_task is not None and not self._test_task.done():
            return
        self._test_task = asyncio.get_running_loop().create_task(
            self.run_connection_test(), name="settings-connection-test"
        )

    def _cancel_test(self) -> None:
        if self._test_task is not None and not self._test_task.done():
            self._test_task.cancel()

    # -- speaker and microphone tests ------------------------------------------------------

    def _start_audio_test(self, *, speaker: bool) -> None:
        if self._audio_task is not None and not self._audio_task.done():
            return
        for button in (self.test_speaker_button, self.test_mic_button):
            button.setEnabled(False)  # at once, not when the task starts
        test = self.run_speaker_test() if speaker else self.run_microphone_test()
        self._audio_task = asyncio.get_running_loop().create_task(test, name="settings-audio")

    async def run_speaker_test(self) -> str:
        """A short chime on the speaker and volume shown (not yet saved)."""
        self.audio_test_result.setText(translate("SettingsDialog", "Playing a chime…"))
        return await self._audio_test(lambda check: check.test_speaker(self.result_settings()))

    async def run_microphone_test(self) -> str:
        """Three seconds recorded with the gain shown, the meter live, then played back."""
        self.audio_test_result.setText(
            translate("SettingsDialog", "Recording 3 seconds: say something…")
        )

        def level(value: float) -> None:
            self.mic_meter.setValue(round(value * 100))

        def playing() -> None:
            self.audio_test_result.setText(
                translate("SettingsDialog", "Playing the recording back…")
            )

        return await self._audio_test(
            lambda check: check.test_microphone(self.result_settings(), level, on_playback=playing)
        )

    async def _audio_test(self, run: Callable[[AudioCheck], Awaitable[CheckResult]]) -> str:
        if self._audio_check is None:
            from desktop.app.audio_check import AudioCheck

            self._audio_check = AudioCheck()
        for button in (self.test_speaker_button, self.test_mic_button):
            button.setEnabled(False)
        try:
            message = (await run(self._audio_check)).message
        except asyncio.CancelledError:
            raise
        except Exception as exc:  # the test's own bug: still tell the user something true
            message = translate("SettingsDialog", "The audio test failed: {reason}").format(
                reason=exc or type(exc).__name__
            )
        finally:
            self.mic_meter.setValue(0)
            for button in (self.test_speaker_button, self.test_mic_button):
                button.setEnabled(True)
        self.audio_test_result.setText(message)
        return message

    # -- devices ---------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.revalidate()  # the CA file and video file may have appeared or gone
        if self._find_key is not None and self._keyring_task is None:
            self.key_note.setText(
                translate("SettingsDialog", LOOKING_FOR_KEY)
            )  # at once, not when the task starts
            self._start_keyring_task(self.load_key(), "settings-read-key")
        if callable(self._devices) and not self._devices_loaded:
            self._devices_loaded = True
            self._on_refresh_devices()

    def _on_refresh_devices(self) -> None:
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            return
        if self._device_task is not None and not self._device_task.done():
            return  # one listing at a time: a second click waits for the first answer
        self.devices_note.setText(
            translate("SettingsDialog", "Looking for devices…")
        )  # at once, not when the task starts
        # Referenced until done; a device listing is short and left to finish.
        self._device_task = loop.create_task(self.load_devices(), name="settings-devices")

    async def load_devices(self) -> None:
        """Call the device callable on a worker thread (PortAudio may be slow) and fill."""
        if not callable(self._devices):
            return
        self.devices_note.setText(translate("SettingsDialog", "Looking for devices…"))
        try:
            lists = await asyncio.to_thread(self._devices)
        except Exception as exc:
            self.devices_note.setText(
                translate("SettingsDialog", "Could not list audio devices: {reason}").format(
                    reason=exc
                )
            )
            return
        self._fill_devices(lists)

    def _fill_devices(self, lists: DeviceLists) -> None:
        inputs, outputs = lists
        self._set_device_items(self.input_device, inputs, self._selected(self.input_device))
        self._set_device_items(self.output_device, outputs, self._selected(self.output_device))
        self.devices_note.setText(
            translate(
                "SettingsDialog", "{microphones} microphones, {speakers} speakers found."
            ).format(microphones=len(inputs), speakers=len(outputs))
        )

    @staticmethod
    def _selected(combo: QComboBox) -> str:
        return str(combo.currentData() or "")

    @staticmethod
    def _set_device_items(combo: QComboBox, names: Sequence[str], current: str) -> None:
        combo.clear()
        combo.addItem(translate("SettingsDialog", "System default"), "")
        for name in names:
            combo.addItem(name, name)
        if current and current not in names:
            # Keep a saved device that is unplugged now, rather than silently dropping it.
            combo.addItem(
                translate("SettingsDialog", "{device} (not connected)").format(device=current),
                current,
            )
        combo.setCurrentIndex(max(0, combo.findData(current)))

    def done(self, result: int) -> None:
        self._cancel_test()  # OK, Cancel, Escape and the close button all end here
        if self._audio_task is not None and not self._audio_task.done():
            self._audio_task.cancel()  # its devices are closed by the test itself
        if self._keyring_busy() and result != QDialog.DialogCode.Accepted:
            assert self._keyring_task is not None
            self._keyring_task.cancel()  # the dialog is gone; its thread may finish unwatched
        super().done(result)


def _set_range(box: QSpinBox | QDoubleSpinBox, name: str) -> None:
    """The settings table's limits, so the box cannot hold what the file would refuse."""
    spec = SPECS[name]
    assert spec.low is not None and spec.high is not None, name
    if isinstance(box, QDoubleSpinBox):
        box.setRange(spec.low, spec.high)
    else:
        box.setRange(int(spec.low), int(spec.high))


def _editable_combo(items: Sequence[str], placeholder: str) -> QComboBox:
    combo = QComboBox()
    combo.setEditable(True)
    combo.addItems(list(items))
    combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)  # typing is not adding presets
    line = combo.lineEdit()
    if line is not None:
        line.setPlaceholderText(placeholder)
    return combo
