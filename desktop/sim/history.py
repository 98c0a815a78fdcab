"""How the simulator takes `client_content` (history), as the Live models do.

- A setup with `history_config.initial_history_in_client_content: true` makes the server wait
  for history: `client_content` messages are taken as history until one has
  `turn_complete: true`, and that history is not answered (the SDK's HistoryConfig docs).
- `Scenario.client_content = "initial_history"` plays gemini-3.1-flash-live, which accepts
  `client_content` only that way: any other `client_content` closes 1007, as does realtime
  input sent while the announced history has not ended yet (stricter than documented: it
  proves the client sends the history first).
- `"any"` (the default) keeps the older models' behaviour: `client_content` adds turns, and
  `turn_complete: true` asks for a reply.
"""

from __future__ import annotations

import enum
from typing import Any, Literal

ClientContentMode = Literal["any", "initial_history"]

REASON_NOT_INITIAL = (
    "client_content is only accepted as initial history "
    "(setup.historyConfig.initialHistoryInClientContent) for this model."
)
REASON_INPUT_BEFORE_HISTORY = "Realtime input received before the initial history ended."


class Phase(enum.Enum):
    NONE = "none"  # no history announced
    AWAITING = "awaiting"  # announced at setup, not ended yet
    DONE = "done"  # the announced history ended (turn_complete)


def phase_after_setup(setup: dict[str, Any]) -> Phase:
    config = setup.get("history_config")
    if isinstance(config, dict) and config.get("initial_history_in_client_content"):
        return Phase.AWAITING
    return Phase.NONE


def on_client_content(
    mode: ClientContentMode, phase: Phase, turn_complete: bool
) -> tuple[Phase, bool, str | None]:
    """(next phase, whether to answer it, close reason or None) for one client_content."""
    if phase is Phase.AWAITING:
        return (Phase.DONE if turn_complete else Phase.AWAITING), False, None
    if mode == "initial_history":
        return phase, False, REASON_NOT_INITIAL
    return phase, turn_complete, None


def realtime_refusal(mode: ClientContentMode, phase: Phase) -> str | None:
    if mode == "initial_history" and phase is Phase.AWAITING:
        return REASON_INPUT_BEFORE_HISTORY
    return None
