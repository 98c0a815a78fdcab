"""Marks for text made outside the window that the window shows (banners, setting labels).

Only `desktop/ui` may import Qt, so text worded in app or infra cannot be translated with Qt
where it is made. It is marked instead: `QT_TRANSLATE_NOOP("Settings", "Voice")` returns its
text unchanged, and `pyside6-lupdate` (which knows the macro by name, also in Python) extracts
it under that context. Two ways to translate it then:

- the window translates what it shows (`desktop.ui.i18n.translate(context, text)`), for a text
  that reaches it whole (a notice, a state);
- text put together here from marked pieces (the banner naming the settings that wait) calls
  `translated(context, text)` on each piece: the window installs Qt's translate at launch
  (`install`); until then, and in tests without a window, it is the identity.

docs/TRANSLATING.md says more.
"""

from __future__ import annotations

from collections.abc import Callable

_translate: Callable[[str, str], str] = lambda _context, text: text  # noqa: E731


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """`text` unchanged; lupdate finds the pair. The context says which window's table holds
    the translation."""
    del context
    return text


def translated(context: str, text: str) -> str:
    """A marked `text` in the interface language (itself before the window installs Qt's)."""
    return _translate(context, text)


def install(translate: Callable[[str, str], str]) -> None:
    """The window's translate function (QCoreApplication.translate), installed at launch."""
    global _translate  # noqa: PLW0603  (one process-wide language, chosen once at launch)
    _translate = translate
