"""Pseudo-locale walk (issue 17): with a translator that wraps every string in [[…]], every
window and dialog is opened and every text a user can see or hear (labels, buttons, titles,
tabs, headers, menus, placeholders, tooltips, accessible names, list choices) must be wrapped;
what is left outside the brackets may be numbers, punctuation and user data only."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QTabWidget,
    QTreeWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot

from desktop.infra.history import HistoryStore
from desktop.infra.settings import Settings
from desktop.ui.i18n import LANGUAGES


class PseudoTranslator(QTranslator):
    """Every string Qt translates, ours and Qt's own, comes back as [[string]]."""

    def translate(
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str:
        del context, disambiguation, n
        return f"[[{source}]]" if source else source

    def isEmpty(self) -> bool:
        return False


_WORD = re.compile(r"[^\W\d_]{2,}")
# User data and names that are not words to translate: the app's name, the interface
# languages in themselves, the voices, language tags and video source examples offered
# in the pickers, units after numbers.
DATA = {
    "FieldAssist",
    "English",
    *(word for name in LANGUAGES.values() for word in _WORD.findall(name)),
    *("Puck", "Charon", "Kore", "Fenrir", "Aoede", "Leda", "Orus", "Zephyr"),
    *("en", "US", "GB", "de", "DE", "fr", "FR", "es", "ES", "it", "IT", "nl", "NL"),
    *("pl", "PL", "pt", "BR", "camera", "screen", "none", "dB", "ms", "px", "fps"),
    *("us", "central"),  # us-central1, the Vertex location example
}


def unwrapped(text: str) -> list[str]:
    """The words of `text` outside every [[…]] (formatted texts nest: depth is counted)."""
    outside, depth, i = [], 0, 0
    while i < len(text):
        if text.startswith("[[", i):
            depth, i = depth + 1, i + 2
        elif text.startswith("]]", i) and depth:
            depth, i = depth - 1, i + 2
        else:
            outside.append(text[i] if depth == 0 else " ")
            i += 1
    return [w for w in _WORD.findall("".join(outside)) if w not in DATA]


def visible_texts(top: QWidget) -> Iterator[tuple[str, str]]:
    """(where, text) for every user-facing text under `top`."""
    yield "window title", top.windowTitle()
    for w in [top, *top.findChildren(QWidget)]:
        name = f"{type(w).__name__}#{w.objectName() or w.accessibleName()[:20]}"
        yield f"{name} tooltip", w.toolTip()
        yield f"{name} accessible name", w.accessibleName()
        for what, text in [*_own_texts(w), *_list_texts(w)]:
            yield f"{name} {what}", text


def _own_texts(w: QWidget) -> Iterator[tuple[str, str]]:
    if isinstance(w, QLabel | QAbstractButton):
        yield "text", w.text()
    if isinstance(w, QLineEdit) and " " in w.placeholderText():
        # One word with no space is an example value: a path, a model, a location.
        yield "placeholder", w.placeholderText()
    if isinstance(w, QGroupBox):
        yield "title", w.title()
    if isinstance(w, QMenu):
        yield "title", w.title()
        for action in w.actions():
            yield "action", action.text()
            yield "action tip", action.toolTip()


def _list_texts(w: QWidget) -> Iterator[tuple[str, str]]:
    if isinstance(w, QTabWidget):
        for i in range(w.count()):
            yield f"tab {i}", w.tabText(i)
    if isinstance(w, QComboBox) and not w.isEditable():
        for i in range(w.count()):
            if w.itemData(i) != w.itemText(i):  # a device's own name is data
                yield f"item {i}", w.itemText(i)
    if isinstance(w, QTreeWidget):
        header = w.headerItem()
        for c in range(header.columnCount()):
            yield f"header {c}", header.text(c)


def problems(top: QWidget) -> list[str]:
    found = []
    for where, text in visible_texts(top):
        words = unwrapped(text)
        if words:
            found.append(f"{where}: {text!r} (unwrapped: {words})")
    return sorted(set(found))


@pytest.fixture
def pseudo() -> Iterator[PseudoTranslator]:
    app = QCoreApplication.instance()
    assert isinstance(app, QApplication)
    translator = PseudoTranslator()
    app.installTranslator(translator)
    yield translator
    app.removeTranslator(translator)


def test_the_walk_tells_wrapped_from_unwrapped() -> None:
    """The rule itself: nested formatting passes, a word outside the brackets does not."""
    assert unwrapped("[[[[Microphone]]: silent]]") == []
    assert unwrapped("[[Settings saved. {waiting}]] 12:05 1.0") == []
    assert unwrapped("[[Settings saved.]] Model applies") == ["Model", "applies"]
    assert unwrapped("Start session") == ["Start", "session"]
    assert unwrapped("[[[interrupted]]]") == []


def test_main_window_every_text_translated(qtbot: QtBot, pseudo: PseudoTranslator) -> None:
    from desktop.ui.main_window import MainWindow

    window = MainWindow()
    qtbot.addWidget(window)
    assert problems(window) == []


def test_settings_dialog_every_tab_translated(qtbot: QtBot, pseudo: PseudoTranslator) -> None:
    from desktop.ui.settings_dialog import SettingsDialog

    # An API key with a space and a missing CA file: the problem texts show too.
    dialog = SettingsDialog(
        Settings(video_source="none", ca_file="/nowhere.pem", backend="gemini"),
        devices=(["Mic A"], ["Speaker A"]),
    )
    qtbot.addWidget(dialog)
    dialog.api_key.setText("a b")
    dialog.revalidate()
    assert "[[" in dialog.error_text("api_key")
    assert problems(dialog) == []


def test_welcome_translated(qtbot: QtBot, pseudo: PseudoTranslator) -> None:
    from desktop.ui.welcome import WelcomeDialog

    dialog = WelcomeDialog()
    qtbot.addWidget(dialog)
    assert problems(dialog) == []


async def test_history_translated(qtbot: QtBot, pseudo: PseudoTranslator, tmp_path: Path) -> None:
    from desktop.ui.history_view import HistoryDialog

    store = HistoryStore.open(tmp_path / "history.sqlite3")
    session = store.start_session({"backend": "simulator"}, at=1_700_000_000)
    store.upsert_turn(session, 0, "user", "is the breaker off?", final=True, at=1_700_000_001)
    store.end_session(session, at=1_700_000_100)
    dialog = HistoryDialog(store)
    qtbot.addWidget(dialog)
    dialog.show()
    await dialog.settled()
    try:
        assert problems(dialog) == []
        lines = dialog.transcript_lines()
        assert "[[Technician]]" in lines[0]  # the speaker's role; the words are data
    finally:
        dialog.close()
        await dialog.settled()
        store.close()


def test_about_and_region_picker_translated(qtbot: QtBot, pseudo: PseudoTranslator) -> None:
    from desktop.app.screen_region import ShotFailed
    from desktop.ui.about import AboutDialog, about_info
    from desktop.ui.region_picker import RegionPickerDialog

    info = about_info()
    about = AboutDialog(info)
    qtbot.addWidget(about)
    # Versions, the platform, the log folder and product names are data.
    data = (info.qt, info.python, info.platform, str(info.log_folder), "Python:", "Qt:")
    assert [p for p in problems(about) if not any(f"text: {d!r}" in p for d in data)] == []
    picker = RegionPickerDialog(ShotFailed("[[no screen]]"))
    qtbot.addWidget(picker)
    assert problems(picker) == []
