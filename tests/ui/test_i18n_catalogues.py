"""The translation catalogues (issue 17): every shipped language is complete, its committed .qm
is its .ts compiled, no string in the code is missing from the catalogues, translations keep
their placeholders, and an installed language reaches real widgets, Qt's own buttons included."""

from __future__ import annotations

import re
import subprocess
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from pytestqt.qtbot import QtBot

from desktop.ui import i18n

ROOT = Path(__file__).resolve().parents[2]


def messages(ts: Path) -> dict[tuple[str, str], str]:
    """(context, source) -> translation text."""
    root = ET.parse(ts).getroot()  # noqa: S314  (the repository's own file)
    return {
        (ctx.findtext("name") or "", m.findtext("source") or ""): m.findtext("translation") or ""
        for ctx in root.iter("context")
        for m in ctx.iter("message")
    }


@pytest.fixture
def app() -> Iterator[QApplication]:
    instance = QCoreApplication.instance()
    assert isinstance(instance, QApplication)
    yield instance
    i18n.install_translators(instance, "en")  # the next test sees English again


def test_every_language_complete_and_compiled() -> None:
    """`python -m desktop.ui.i18n check`: nothing unfinished, no stale .qm."""
    assert i18n.check() == []


def test_the_code_has_no_string_the_catalogues_lack(tmp_path: Path) -> None:
    """lupdate over the code now, into a fresh file: the same entries as the catalogues."""
    fresh = tmp_path / "fresh.ts"
    sources = [
        str(p.relative_to(ROOT)) for d in i18n.SOURCE_DIRS for p in sorted((ROOT / d).glob("*.py"))
    ]
    lupdate = str(Path(i18n._tool("pyside6-lupdate")))
    subprocess.run([lupdate, "-silent", *sources, "-ts", str(fresh)], cwd=ROOT, check=True)
    wanted = set(messages(fresh))
    assert len(wanted) > 300
    for ts in i18n.catalogues():
        assert set(messages(ts)) == wanted, f"{ts.name}: run python -m desktop.ui.i18n update"


_PLACEHOLDER = re.compile(r"\{\w*\}|%[nvm]|<a href=\"\{\w+\}\">")


@pytest.mark.parametrize("language", list(i18n.LANGUAGES))
def test_translations_keep_placeholders_and_one_mnemonic(language: str) -> None:
    for (context, source), text in messages(i18n.i18n_dir() / f"fieldassist_{language}.ts").items():
        where = f"{language} {context}: {source!r} -> {text!r}"
        assert sorted(_PLACEHOLDER.findall(text)) == sorted(_PLACEHOLDER.findall(source)), where
        assert text.replace("&&", "").count("&") == source.replace("&&", "").count("&"), where


@pytest.mark.parametrize(
    ("setting", "system", "chosen"),
    [
        ("", "de_AT", "de"),
        ("", "pt_PT", "pt_BR"),
        ("", "ja_JP", "ja"),
        ("", "en_GB", ""),
        ("", "sw_KE", ""),
        ("fr", "de_DE", "fr"),  # the setting wins over the system
        ("en", "de_DE", ""),
        ("pt_BR", "en_US", "pt_BR"),
    ],
)
def test_language_chosen_from_setting_then_system(setting: str, system: str, chosen: str) -> None:
    assert i18n.pick_language(setting, QLocale(system)) == chosen


def test_german_reaches_the_window_and_qt_own_buttons(qtbot: QtBot, app: QApplication) -> None:
    from desktop.ui.main_window import MainWindow

    assert i18n.install_translators(app, "de") == "de"
    window = MainWindow()
    qtbot.addWidget(window)
    assert window.start_button.text() == "Sitzung starten"
    assert window.headset_button.text() == "Headset-Modus"
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    qtbot.addWidget(box)
    assert box.buttons()[0].text() == "Abbrechen"  # Qt's own catalogue ships too
    assert QLocale().toString(1234.5, "f", 1) == "1.234,5"  # numbers follow the language


def test_english_installs_nothing(app: QApplication) -> None:
    assert i18n.install_translators(app, "en") == ""
    assert i18n.translate("MainWindow", "Start session") == "Start session"


def test_banner_put_together_outside_the_window_is_translated(app: QApplication) -> None:
    """The settings that wait are named by infra (marked pieces, translated at launch)."""
    from desktop.infra.settings import Applies, pending_text

    english = pending_text(("model", "voice"), Applies.NEXT_CONNECTION)
    assert english == "Model, Voice apply at the next connection you start."
    i18n.install_translators(app, "de")
    assert pending_text(("model", "voice"), Applies.NEXT_CONNECTION) == (
        "Modell, Stimme gelten ab der nächsten Verbindung, die Sie starten."
    )
    assert pending_text(("ui_language",), Applies.NEXT_START) == (
        "Oberflächensprache gilt beim nächsten Start von FieldAssist."
    )


def test_dates_follow_the_language(app: QApplication) -> None:
    from datetime import datetime

    at = datetime(2025, 3, 5, 14, 2).timestamp()
    assert i18n.format_when(at) == "2025-03-05 14:02"  # English: as before, sortable
    i18n.install_translators(app, "de")
    assert i18n.format_when(at) == "05.03.25 14:02"
    i18n.install_translators(app, "ja")
    assert i18n.format_when(at) == "2025/03/05 14:02"


def test_settings_problem_reads_in_one_language(qtbot: QtBot, app: QApplication) -> None:
    """The field label and the rule come from the settings table (marked there)."""
    from desktop.infra.settings import Settings
    from desktop.ui.settings_dialog import SettingsDialog

    i18n.install_translators(app, "de")
    dialog = SettingsDialog(Settings(backend="vertex", location="Mars", video_source="none"))
    qtbot.addWidget(dialog)
    dialog.revalidate()
    assert dialog.error_text("location") == (
        "⚠ Region: muss eine Region wie us-central1, europe-west4 oder global sein."
    )
