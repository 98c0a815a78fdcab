"""Marks for text made outside the window that the window shows (banners, setting labels).

Only `desktop/ui` may import Qt, so text worded in app or infra cannot be translated where it
is made. It is marked instead: `QT_TRANSLATE_NOOP("Settings", "Voice")` returns its text
unchanged, and `pyside6-lupdate` (which knows the macro by name, also in Python) extracts it
under that context. The window translates it when it shows it
(`desktop.ui.i18n.translate(context, text)`); see docs/TRANSLATING.md.
"""

from __future__ import annotations


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """`text` unchanged; lupdate finds the pair. The context says which window's table holds
    the translation."""
    del context
    return text
