"""The window's languages: Qt's translators, the catalogue files and their tooling.

Every string the window shows goes through `translate(context, text)` (Qt's
`QCoreApplication.translate`; `pyside6-lupdate` finds the calls by that name). The catalogues
are `resources/i18n/fieldassist_<lang>.ts` (sources, edited with Qt Linguist or by hand) and
their compiled `.qm` beside them (committed: the wheel and the frozen build both carry
`resources/`); Qt's own strings (standard buttons, file dialogs) come from Qt's `qtbase_<lang>.qm`.

    python -m desktop.ui.i18n update     # lupdate: new strings into every .ts
    python -m desktop.ui.i18n compile    # lrelease: every .ts -> .qm
    python -m desktop.ui.i18n check      # exit 1 if a .qm is stale or an entry unfinished

docs/TRANSLATING.md says what the extraction relies on and how to add a language.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDateTime, QLibraryInfo, QLocale, QTranslator

from desktop.infra import i18n_marks
from desktop.infra.paths import resources_dir

CATALOGUE = "fieldassist"
# The shipped languages (Qt locale names) and their names in themselves, for the picker.
LANGUAGES: dict[str, str] = {
    "de": "Deutsch",
    "fr": "Français",
    "es": "Español",
    "pt_BR": "Português (Brasil)",
    "ja": "日本語",
}
SOURCE_LANGUAGE = "en"
# Where lupdate looks for strings: the window's code and the app/infra text it shows.
SOURCE_DIRS = ("desktop/ui", "desktop/app", "desktop/infra")

_installed: list[QTranslator] = []  # a QTranslator must outlive its installation
_current = [""]  # the installed language ("" = English)


def translate(context: str, text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """`text` in the interface language (itself when there is no translation)."""
    return QCoreApplication.translate(context, text, disambiguation, n)


def translate_shown(context: str, text: str) -> str:
    """A text that reaches the window whole from elsewhere (a notice, a note, a state): its
    translation when it is one of the marked texts, else itself. Such text may quote the
    server or a tool, lone surrogates included, which Qt cannot take: shown as it is."""
    try:
        return QCoreApplication.translate(context, text)
    except UnicodeEncodeError:
        return text


def i18n_dir() -> Path:
    return resources_dir() / "i18n"


def pick_language(setting: str, system: QLocale | None = None) -> str:
    """The shipped language for the `ui_language` setting ("" = the system's): an exact
    match (pt_BR) first, then the language alone (de_AT -> de); "" means English."""
    wanted = [setting] if setting else (system or QLocale.system()).uiLanguages()
    for tag in wanted:
        name = tag.replace("-", "_")
        if name in LANGUAGES:
            return name
        base = name.split("_", maxsplit=1)[0]
        if base == SOURCE_LANGUAGE:
            return ""
        if base in LANGUAGES:
            return base
        matches = [lang for lang in LANGUAGES if lang.split("_", maxsplit=1)[0] == base]
        if matches:
            return matches[0]
    return ""


def _qt_translation_dirs() -> list[Path]:
    """Qt's own catalogues: copied into resources/i18n/qt by the frozen build, else PySide6's."""
    return [i18n_dir() / "qt", Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))]


def install_translators(app: QCoreApplication, setting: str) -> str:
    """Installs the catalogues of the chosen language (ours and Qt's) and makes it QLocale's
    default, so dates and numbers follow. Returns the language ("" = English). A missing
    catalogue is not an error: the text stays English."""
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    i18n_marks.install(translate)  # text app and infra put together from marked pieces
    language = pick_language(setting)
    _current[0] = language
    # Numbers and dates follow the interface language; in English, the system's own locale.
    QLocale.setDefault(QLocale(language) if language else QLocale.system())
    if not language:
        return ""
    ours = QTranslator(app)
    if ours.load(f"{CATALOGUE}_{language}", str(i18n_dir())):
        _installed.append(ours)
    for folder in _qt_translation_dirs():
        qt = QTranslator(app)
        if qt.load(f"qtbase_{language}", str(folder)):
            _installed.append(qt)
            break
    for translator in _installed:
        app.installTranslator(translator)
    return language


def format_when(at: float) -> str:
    """A date and time for lists: the interface language's short form (05.03.25 14:02 in
    German); in English the sortable ISO form the window has always shown (2025-03-05 14:02)."""
    moment = QDateTime.fromSecsSinceEpoch(int(at))
    if not _current[0]:
        return moment.toString("yyyy-MM-dd HH:mm")
    return QLocale().toString(moment, QLocale.FormatType.ShortFormat)


def spoken_language(ui_language: str) -> str:
    """The BCP-47 tag the model is asked to speak when the response language is left empty:
    the interface's ("" for English, which leaves the choice to the model)."""
    return ui_language.replace("_", "-") if ui_language else ""


# -- tooling: lupdate / lrelease / check ------------------------------------------------------


def _repo_root() -> Path:
    return Path(__file__).resolve().parents[2]


def _tool(name: str) -> str:
    beside = Path(sys.executable).with_name(name)
    found = str(beside) if beside.exists() else shutil.which(name)
    if not found:
        raise SystemExit(f"{name} not found (it comes with PySide6)")
    return found


def catalogues() -> list[Path]:
    return [i18n_dir() / f"{CATALOGUE}_{lang}.ts" for lang in LANGUAGES]


def update() -> None:
    root = _repo_root()
    sources = [
        str(p.relative_to(root)) for d in SOURCE_DIRS for p in sorted((root / d).glob("*.py"))
    ]
    lupdate = [_tool("pyside6-lupdate"), "-silent", "-no-obsolete", "-locations", "none"]
    for ts in catalogues():
        subprocess.run([*lupdate, *sources, "-ts", str(ts)], cwd=root, check=True)


def compile_one(ts: Path, qm: Path) -> None:
    subprocess.run([_tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True)


def compile_all() -> None:
    for ts in catalogues():
        compile_one(ts, ts.with_suffix(".qm"))


def unfinished(ts: Path) -> list[str]:
    """Sources of the entries without a finished translation."""
    root = ET.parse(ts).getroot()  # noqa: S314  (our own catalogue, from the repository)
    missing = []
    for message in root.iter("message"):
        translation = message.find("translation")
        text = "" if translation is None else (translation.text or "").strip()
        if not text or translation is None or translation.get("type") in _NOT_DONE:
            missing.append(message.findtext("source") or "")
    return missing


_NOT_DONE = ("unfinished", "obsolete", "vanished")


def check() -> list[str]:
    """Problems: unfinished entries, and a committed .qm that differs from what its .ts
    compiles to (lrelease's output is deterministic; file times are not kept by git)."""
    problems = []
    with tempfile.TemporaryDirectory() as scratch:
        for ts in catalogues():
            qm, fresh = ts.with_suffix(".qm"), Path(scratch) / f"{ts.stem}.qm"
            compile_one(ts, fresh)
            if not qm.exists() or qm.read_bytes() != fresh.read_bytes():
                problems.append(f"{qm.name} is not {ts.name} compiled: run compile")
            problems += [f"{ts.name}: unfinished: {src!r}" for src in unfinished(ts)]
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m desktop.ui.i18n")
    parser.add_argument("action", choices=("update", "compile", "check"))
    action = parser.parse_args(argv).action
    if action == "update":
        update()
    elif action == "compile":
        compile_all()
    else:
        problems = check()
        print("\n".join(problems) or "all catalogues complete and compiled")
        return 1 if problems else 0
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
