"""The transition tables: every legal row works, everything else raises and changes nothing."""

import itertools

import pytest

from desktop.session.core import SessionCore
from desktop.session.states import (
    LINK_TABLE,
    TURN_TABLE,
    IllegalTransition,
    LinkInput,
    LinkState,
    TurnInput,
    TurnState,
)


@pytest.mark.parametrize(("state", "what"), sorted(LINK_TABLE, key=str))
def test_every_legal_link_transition(state: LinkState, what: LinkInput) -> None:
    core = SessionCore()
    core.link = state
    core._link_step(what)
    assert core.link is LINK_TABLE[(state, what)]


ILLEGAL_LINK = [k for k in itertools.product(LinkState, LinkInput) if k not in LINK_TABLE]


@pytest.mark.parametrize(("state", "what"), ILLEGAL_LINK)
def test_every_illegal_link_transition_raises_and_keeps_state(
    state: LinkState, what: LinkInput
) -> None:
    core = SessionCore()
    core.link = state
    with pytest.raises(IllegalTransition):
        core._link_step(what)
    assert core.link is state
    assert core.drain_ui() == []


@pytest.mark.parametrize(("state", "what"), sorted(TURN_TABLE, key=str))
def test_every_legal_turn_transition(state: TurnState, what: TurnInput) -> None:
    core = SessionCore()
    core.turn = state
    core._turn_step(what)
    assert core.turn is TURN_TABLE[(state, what)]


ILLEGAL_TURN = [k for k in itertools.product(TurnState, TurnInput) if k not in TURN_TABLE]


@pytest.mark.parametrize(("state", "what"), ILLEGAL_TURN)
def test_every_illegal_turn_transition_raises_and_keeps_state(
    state: TurnState, what: TurnInput
) -> None:
    core = SessionCore()
    core.turn = state
    with pytest.raises(IllegalTransition):
        core._turn_step(what)
    assert core.turn is state


def test_illegal_events_through_feed_leave_everything_unchanged() -> None:
    from desktop.session import events as ev

    core = SessionCore()
    with pytest.raises(IllegalTransition):
        core.feed(ev.LinkOpened())  # nothing was being opened
    assert core.link is LinkState.DISCONNECTED
    assert core.drain() == []
    with pytest.raises(IllegalTransition):
        core.feed(ev.StopRequested())  # nothing to stop
    assert core.link is LinkState.DISCONNECTED
    assert core.drain() == []


def test_both_tables_have_rows_for_the_illegal_tests_to_mean_something() -> None:
    assert ILLEGAL_LINK and ILLEGAL_TURN
    assert len(LINK_TABLE) + len(ILLEGAL_LINK) == len(LinkState) * len(LinkInput)
