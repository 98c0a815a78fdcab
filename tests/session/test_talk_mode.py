"""Push-to-talk switched while a session runs: the policy changes at once and the connection
is handed over (at the first quiet point, bounded) so that its setup says how turns are
marked; a reply in progress is never cut for it."""

from test_core import PCM, open_core

from desktop.session import events as ev
from desktop.session.states import LinkState


def test_switched_on_while_quiet_hands_over_at_once_with_the_handle() -> None:
    core = open_core()
    core.feed(ev.ResumptionUpdate("h1", resumable=True))
    core.feed(ev.TalkModeChanged(push_to_talk=True))
    assert core.drain() == [ev.CloseLink(), ev.OpenLink("h1")]
    assert core.link is LinkState.RECONNECTING
    core.feed(ev.LinkOpened(resumed=True))
    core.drain()
    core.feed(ev.MicAudio(PCM))
    assert core.drain() == []  # push-to-talk: nothing until the key is down
    core.feed(ev.TalkKey(True))
    core.feed(ev.MicAudio(PCM))
    core.feed(ev.TalkKey(False))
    assert core.drain() == [ev.SendActivityStart(), ev.SendAudio(PCM), ev.SendActivityEnd()]


def test_a_reply_in_progress_is_heard_out_then_the_link_is_handed_over() -> None:
    core = open_core()
    core.feed(ev.ResumptionUpdate("h1", resumable=True))
    core.feed(ev.ModelAudio(b"\x00\x00" * 2400))
    core.drain()
    core.feed(ev.TalkModeChanged(push_to_talk=True))
    assert core.drain() == [] and core.link is LinkState.DRAINING
    core.feed(ev.TurnComplete())
    core.feed(ev.PlaybackIdle())
    assert core.drain() == [ev.CloseLink(), ev.OpenLink("h1")]


def test_switched_off_while_the_key_is_down_ends_the_turn_and_the_same_mode_changes_nothing() -> (
    None
):
    core = open_core(push_to_talk=True)
    core.feed(ev.TalkModeChanged(push_to_talk=True))
    assert core.drain() == [] and core.link is LinkState.OPEN
    core.feed(ev.TalkKey(True))
    core.drain()
    core.feed(ev.TalkModeChanged(push_to_talk=False))
    assert core.drain()[0] == ev.SendActivityEnd()
    assert not core.policy.push_to_talk


def test_switched_between_sessions_only_changes_the_policy() -> None:
    core = open_core()
    core.feed(ev.StopRequested())
    core.drain()
    core.feed(ev.TalkModeChanged(push_to_talk=True))
    assert core.drain() == [] and core.policy.push_to_talk and core.link is LinkState.CLOSED
