"""The banner for a settings change made while a session runs: it names exactly the
settings that wait, and for what (the settings table says when each applies)."""

from __future__ import annotations

from desktop.infra.settings import (
    API_KEY,
    Applies,
    SettingsChanged,
    group_by_applies,
    pending_text,
)

WAITING = (Applies.NEXT_CONNECTION, Applies.NEXT_SESSION, Applies.NEXT_START)


def waiting_text(change: SettingsChanged, key_changed: bool) -> str:
    """ "Model, Voice apply at the next connection you start. Backend applies when the next
    session starts." ("" when everything applied at once)."""
    names = [*change.keys(), *([API_KEY] if key_changed else [])]
    groups = group_by_applies(names)
    return " ".join(text for text in (pending_text(groups[w], w) for w in WAITING) if text)
