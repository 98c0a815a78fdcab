"""Scenario tests for the pure session core: events in, commands and UI events out."""

import random

from desktop.session import events as ev
from desktop.session.core import CorePolicy, SessionCore
from desktop.session.states import LinkState, TurnState

PCM = b"\x01\x00" * 320  # 20 ms at 16 kHz


def open_core(**policy: float) -> SessionCore:
    core = SessionCore(CorePolicy(**policy), random.Random(7))  # type: ignore[arg-type]
    core.feed(ev.StartRequested())
    assert core.drain() == [ev.OpenLink()]
    core.feed(ev.LinkOpened())
    core.drain()
    core.drain_ui()
    return core


def kinds(commands: list[ev.Command]) -> list[str]:
    return [type(c).__name__ for c in commands]


def test_bundled_audio_transcript_and_turn_complete_in_one_message() -> None:
    core = open_core()
    for event in (
        ev.ModelAudio(b"\x00\x01" * 100),
        ev.InputTranscript("is the pump "),
        ev.OutputTranscript("Check the seal."),
        ev.GenerationComplete(),
        ev.TurnComplete(),
    ):
        core.feed(event)
    assert kinds(core.drain()) == ["PlayAudio"]
    assert core.turn is TurnState.PLAYOUT  # turn complete, the speaker is still playing
    ui = [u for u in core.drain_ui() if isinstance(u, ev.TranscriptChanged)]
    user = [u for u in ui if u.role == "user"]
    model = [u for u in ui if u.role == "model"]
    assert user[-1].text == "is the pump " and user[-1].final
    assert model[-1].text == "Check the seal." and model[-1].final
    assert user[-1].index < model[-1].index  # the user's words sit before the reply
    core.feed(ev.PlaybackIdle())
    assert core.turn is TurnState.LISTENING


def test_late_input_transcription_joins_the_turn_it_belongs_to() -> None:
    core = open_core()
    core.feed(ev.OutputTranscript("Sure, "))
    core.feed(ev.InputTranscript("what torque"))  # arrives after the reply started
    core.feed(ev.OutputTranscript("twelve newton metres."))
    core.feed(ev.TurnComplete())
    turns = core.transcript.turns
    assert [(t.role, t.text) for t in turns] == [
        ("user", "what torque"),
        ("model", "Sure, twelve newton metres."),
    ]


def test_interrupted_then_turn_complete_without_generation_complete() -> None:
    core = open_core()
    core.feed(ev.ModelAudio(b"\x00" * 960))
    play = core.drain()
    assert isinstance(play[0], ev.PlayAudio) and play[0].generation == 0
    core.feed(ev.Interrupted())
    assert core.drain() == [ev.MeasurePlayback(), ev.ClearPlayback(1)]
    assert core.turn is TurnState.INTERRUPTED
    core.feed(ev.TurnComplete())
    assert core.turn is TurnState.LISTENING
    assert core.transcript.turns[-1].interrupted
    core.feed(ev.ModelAudio(b"\x00" * 960))  # the next reply carries the new generation
    (next_play,) = core.drain()
    assert isinstance(next_play, ev.PlayAudio) and next_play.generation == 1


def test_interrupted_after_turn_complete_while_audio_still_plays() -> None:
    core = open_core()
    core.feed(ev.ModelAudio(b"\x00" * 960))
    core.feed(ev.GenerationComplete())
    core.feed(ev.TurnComplete())
    core.drain()
    assert core.turn is TurnState.PLAYOUT
    core.feed(ev.Interrupted())
    assert core.drain() == [ev.MeasurePlayback(), ev.ClearPlayback(1)]
    assert core.turn is TurnState.LISTENING and not core.playing


def test_tool_call_holds_the_microphone_and_is_answered_once() -> None:
    core = open_core()
    call = ev.ToolCallItem("c1", "get_current_time", {})
    core.feed(ev.ToolCallRequested((call,)))
    assert core.drain() == [ev.RunTool(call)]
    core.feed(ev.MicAudio(PCM))
    assert core.drain() == []  # held back while the call is pending
    result = ev.ToolResult("c1", "get_current_time", {"output": "12:00"})
    core.feed(result)
    core.feed(result)  # a second answer for the same id is never sent
    assert core.drain() == [ev.SendToolResults((result,))]
    core.feed(ev.MicAudio(PCM))
    assert core.drain() == [ev.SendAudio(PCM)]


def test_tool_call_then_cancellation_is_not_answered() -> None:
    core = open_core()
    a, b = ev.ToolCallItem("a", "search_manuals", {"q": "x"}), ev.ToolCallItem("b", "t", {})
    core.feed(ev.ToolCallRequested((a, b)))
    core.drain()
    core.feed(ev.ToolCallCancelled(("a",)))
    assert core.drain() == [ev.CancelTool("a")]
    core.feed(ev.ToolResult("a", "search_manuals", {"output": "late"}))
    assert core.drain() == []
    assert core.turn is TurnState.AWAITING_TOOLS  # b still pending
    core.feed(ev.ToolResult("b", "t", {"error": "boom"}))
    assert kinds(core.drain()) == ["SendToolResults"]
    assert core.turn is TurnState.LISTENING


def test_non_resumable_handles_are_ignored() -> None:
    core = open_core()
    core.feed(ev.ResumptionUpdate("h1", True))
    core.feed(ev.ResumptionUpdate("h2", False))
    core.feed(ev.ResumptionUpdate(None, True))
    assert core.handle == "h1"


def test_go_away_mid_reply_hands_over_at_the_quiet_point_with_the_handle() -> None:
    core = open_core()
    core.feed(ev.ResumptionUpdate("h1", True))
    core.feed(ev.Tick(100.0))
    core.feed(ev.ModelAudio(b"\x00" * 960))
    core.feed(ev.GoAway(50.0))
    assert core.link is LinkState.DRAINING
    assert kinds(core.drain()) == ["PlayAudio"]  # the reply is not cut off
    core.feed(ev.TurnComplete())
    assert core.drain() == []  # still playing
    core.feed(ev.PlaybackIdle())
    assert core.drain() == [ev.CloseLink(), ev.OpenLink("h1")]  # close first, then resume
    assert core.link is LinkState.RECONNECTING
    core.feed(ev.MicAudio(PCM))  # buffered, not sent into a closed socket
    assert core.drain() == []
    core.feed(ev.LinkOpened(resumed=True))
    assert core.drain() == [ev.SendAudio(PCM)]


def test_go_away_hands_over_at_the_deadline_even_when_not_quiet() -> None:
    core = open_core(handover_margin_s=2.0)
    core.feed(ev.ResumptionUpdate("h1", True))
    core.feed(ev.Tick(10.0))
    core.feed(ev.ModelAudio(b"\x00" * 960))
    core.feed(ev.GoAway(5.0))
    core.drain()
    core.feed(ev.Tick(12.9))
    assert core.drain() == []
    core.feed(ev.Tick(13.0))  # deadline 15 s minus the 2 s margin
    assert core.drain() == [ev.CloseLink(), ev.OpenLink("h1")]


def test_drop_reconnects_with_backoff_and_resets_after_a_stable_period() -> None:
    core = open_core(stable_after_s=30.0)
    core.feed(ev.ResumptionUpdate("h1", True))
    delays = []
    for _ in range(4):
        core.feed(ev.LinkClosed(ev.CloseKind.TRANSIENT, 1011, "internal error"))
        (cmd,) = core.drain()
        assert isinstance(cmd, ev.OpenLink) and cmd.resume_handle == "h1"
        delays.append(cmd.delay_s)
    assert delays[0] == 0.0
    assert 0.25 <= delays[1] <= 0.5 and 0.5 <= delays[2] <= 1.0 and 1.0 <= delays[3] <= 2.0
    core.feed(ev.Tick(0.0))
    core.feed(ev.LinkOpened(resumed=True))
    core.feed(ev.Tick(31.0))
    assert core.attempts == 0
    core.feed(ev.LinkClosed(ev.CloseKind.TRANSIENT, 1006, ""))
    (cmd,) = core.drain()
    assert isinstance(cmd, ev.OpenLink) and cmd.delay_s == 0.0


def test_rejected_handle_reconnects_fresh_and_reseeds_from_the_transcript() -> None:
    core = open_core()
    core.feed(ev.UserText("the pump hums"))
    core.feed(ev.OutputTranscript("Check the impeller."))
    core.feed(ev.TurnComplete())
    core.feed(ev.ResumptionUpdate("old", True))
    core.drain()
    core.feed(ev.LinkClosed(ev.CloseKind.RESUME_REJECTED, 1008, "handle expired"))
    (cmd,) = core.drain()
    assert cmd == ev.OpenLink(
        None,
        (ev.HistoryTurn("user", "the pump hums"), ev.HistoryTurn("model", "Check the impeller.")),
    )
    core.drain_ui()
    core.feed(ev.LinkOpened())
    notices = [u for u in core.drain_ui() if isinstance(u, ev.Notice)]
    assert any("restored from the local transcript" in n.text for n in notices)


def test_fatal_close_fails_without_retry_and_keeps_the_transcript() -> None:
    core = open_core()
    core.feed(ev.UserText("hello"))
    core.drain()
    core.feed(ev.LinkClosed(ev.CloseKind.FATAL_AUTH, 1008, "The API key was rejected."))
    assert core.link is LinkState.FAILED
    assert core.drain() == []  # no reconnect
    ui = core.drain_ui()
    assert ev.Notice("The API key was rejected.", ev.NoticeLevel.ERROR) in ui
    assert core.transcript.turns[0].text == "hello"


def test_text_typed_while_reconnecting_is_sent_once_after_reopen() -> None:
    core = open_core()
    core.feed(ev.LinkClosed(ev.CloseKind.TRANSIENT, None, "network"))
    core.drain()
    core.feed(ev.UserText("still there?"))
    assert core.drain() == []
    core.feed(ev.LinkOpened())
    assert core.drain() == [ev.SendText("still there?")]
    core.feed(ev.LinkClosed(ev.CloseKind.TRANSIENT, None, "network"))
    core.feed(ev.LinkOpened())
    assert ev.SendText("still there?") not in core.drain()


def test_microphone_buffer_while_reconnecting_is_bounded_with_a_notice() -> None:
    core = open_core(mic_buffer_s=0.1)  # 3200 bytes = 5 chunks of 640
    core.feed(ev.LinkClosed(ev.CloseKind.TRANSIENT, None, "network"))
    core.drain()
    core.drain_ui()
    chunks = [bytes([i]) * 640 for i in range(8)]
    for chunk in chunks:
        core.feed(ev.MicAudio(chunk))
    assert any(isinstance(u, ev.Notice) for u in core.drain_ui())
    core.feed(ev.LinkOpened())
    assert core.drain() == [ev.SendAudio(c) for c in chunks[3:]]  # the newest 5 kept


def test_mute_sends_audio_stream_end_and_then_nothing() -> None:
    core = open_core()
    core.feed(ev.MicMuted(True))
    core.feed(ev.MicAudio(PCM))
    assert core.drain() == [ev.SendAudioStreamEnd()]
    core.feed(ev.MicMuted(False))
    core.feed(ev.MicAudio(PCM))
    assert core.drain() == [ev.SendAudio(PCM)]


def test_drop_with_a_pending_tool_call_cancels_it_and_never_answers_it() -> None:
    core = open_core()
    call = ev.ToolCallItem("c9", "set_timer", {"seconds": 60})
    core.feed(ev.ToolCallRequested((call,)))
    core.drain()
    core.feed(ev.LinkClosed(ev.CloseKind.TRANSIENT, 1011, ""))
    cmds = core.drain()
    assert ev.CancelTool("c9") in cmds
    core.feed(ev.LinkOpened())
    core.feed(ev.ToolResult("c9", "set_timer", {"output": "ok"}))
    assert not any(isinstance(c, ev.SendToolResults) for c in core.drain())
    assert core.turn is TurnState.LISTENING


def test_stop_clears_playback_and_closes() -> None:
    core = open_core()
    core.feed(ev.ModelAudio(b"\x00" * 960))
    core.drain()
    core.feed(ev.StopRequested())
    assert core.drain() == [ev.CloseLink(), ev.ClearPlayback(1)]
    assert core.link is LinkState.CLOSED
    core.feed(ev.MicAudio(PCM))
    assert core.drain() == []


def test_a_typed_question_gets_no_empty_place_reserved_before_the_reply() -> None:
    core = open_core()
    core.feed(ev.UserText("torque?"))
    core.feed(ev.OutputTranscript("Twelve."))
    core.feed(ev.TurnComplete())
    assert [(t.role, t.text) for t in core.transcript.turns] == [
        ("user", "torque?"),
        ("model", "Twelve."),
    ]


def test_snapshot_is_sent_once_and_noted_or_only_saved_when_offline() -> None:
    core = open_core()
    core.feed(ev.SnapshotTaken(b"jpeg", "snapshot-1.jpg"))
    assert core.drain() == [ev.SendVideo(b"jpeg")]
    assert core.transcript.turns[-1].text == "Snapshot sent (snapshot-1.jpg)"
    core.feed(ev.StopRequested())
    core.drain()
    core.feed(ev.SnapshotTaken(b"jpeg", "snapshot-2.jpg"))
    assert core.drain() == []
    assert "not sent" in core.transcript.turns[-1].text


def test_app_note_is_shown_and_told_to_the_model_when_asked() -> None:
    core = open_core()
    core.feed(ev.AppNote("Timer 'epoxy' finished", tell_model="Tell the technician: epoxy cured"))
    assert core.drain() == [ev.SendText("Tell the technician: epoxy cured")]
    assert core.transcript.turns[-1].text == "Timer 'epoxy' finished"
    core.feed(ev.AppNote("Work note: replaced the seal"))
    assert core.drain() == []


def test_audio_stream_end_once_when_the_microphone_stops_delivering() -> None:
    core = open_core()
    core.feed(ev.Tick(10.0))
    core.feed(ev.MicAudio(PCM))
    core.drain()
    core.feed(ev.Tick(10.9))
    assert core.drain() == []
    core.feed(ev.Tick(11.1))
    assert core.drain() == [ev.SendAudioStreamEnd()]
    core.feed(ev.Tick(12.0))
    assert core.drain() == []  # said once
    core.feed(ev.MicAudio(PCM))  # the microphone is back
    core.feed(ev.Tick(13.5))
    assert core.drain() == [ev.SendAudio(PCM), ev.SendAudioStreamEnd()]


def test_push_to_talk_marks_turns_and_sends_only_while_the_key_is_down() -> None:
    core = SessionCore(CorePolicy(push_to_talk=True))
    core.feed(ev.StartRequested())
    core.feed(ev.LinkOpened())
    core.drain()
    core.feed(ev.MicAudio(PCM))
    assert core.drain() == []
    core.feed(ev.TalkKey(True))
    core.feed(ev.TalkKey(True))  # key repeat
    core.feed(ev.MicAudio(PCM))
    core.feed(ev.TalkKey(False))
    core.feed(ev.MicAudio(PCM))
    assert core.drain() == [ev.SendActivityStart(), ev.SendAudio(PCM), ev.SendActivityEnd()]


def test_an_interrupted_reply_keeps_only_the_words_that_were_heard() -> None:
    core = open_core()
    one_second = b"\x00\x00" * 24000
    core.feed(ev.ModelAudio(one_second))
    core.feed(ev.ModelAudio(one_second))
    core.feed(ev.OutputTranscript("Close the inlet valve first and then drain the pump casing."))
    core.feed(ev.Interrupted())
    assert ev.MeasurePlayback() in core.drain()  # asked before the speaker is cleared
    core.feed(ev.PlaybackCut(unplayed_s=1.0))  # half of the two seconds never played
    reply = core.transcript.turns[-1]
    assert reply.interrupted
    assert reply.text == "Close the inlet valve first…"  # half, cut at a word boundary


def test_a_reply_heard_in_full_is_not_trimmed_when_a_later_one_is_interrupted() -> None:
    core = open_core()
    core.feed(ev.ModelAudio(b"\x00\x00" * 24000))
    core.feed(ev.OutputTranscript("First answer."))
    core.feed(ev.TurnComplete())
    core.feed(ev.PlaybackIdle())
    core.feed(ev.ModelAudio(b"\x00\x00" * 24000))
    core.feed(ev.OutputTranscript("Second answer goes on."))
    core.feed(ev.Interrupted())
    core.feed(ev.PlaybackCut(unplayed_s=0.0))
    assert [t.text for t in core.transcript.turns if t.role == "model"] == [
        "First answer.",
        "Second answer goes on.",
    ]


def test_a_tool_note_says_how_long_the_call_took_and_what_it_returned() -> None:
    core = open_core()
    core.feed(ev.Tick(5.0))
    core.feed(ev.ToolCallRequested((ev.ToolCallItem("t1", "check_inventory", {"part": "4471"}),)))
    core.feed(ev.Tick(6.5))
    core.feed(ev.ToolResult("t1", "check_inventory", {"output": {"in_stock": 3}}))
    assert core.transcript.turns[-1].text == (
        'Tool check_inventory: done in 1.5 s: {"in_stock": 3}'
    )


def test_audio_of_the_interrupted_reply_is_never_played_before_its_turn_complete() -> None:
    core = open_core()
    core.feed(ev.Tick(1.0))
    core.feed(ev.ModelAudio(b"\x01\x00" * 480))
    core.feed(ev.OutputTranscript("Loosen the four "))
    core.feed(ev.Interrupted())
    core.drain()
    core.feed(ev.ModelAudio(b"\x02\x00" * 480))  # still in flight from the old reply
    core.feed(ev.OutputTranscript("bolts on the cover."))
    assert core.drain() == []  # dropped: no ghost audio
    assert core.turn is TurnState.INTERRUPTED
    assert core.transcript.turns[-1].text == "Loosen the four "
    core.feed(ev.TurnComplete())
    core.feed(ev.ModelAudio(b"\x03\x00" * 480))  # the answer to what the user said
    (play,) = core.drain()
    assert isinstance(play, ev.PlayAudio) and play.pcm == b"\x03\x00" * 480


def test_a_server_that_never_completes_the_interrupted_turn_is_not_muted_forever() -> None:
    core = open_core(stale_after_interrupt_s=2.0)
    core.feed(ev.Tick(1.0))
    core.feed(ev.ModelAudio(b"\x01\x00" * 480))
    core.feed(ev.Interrupted())
    core.drain()
    core.feed(ev.Tick(3.5))
    core.feed(ev.ModelAudio(b"\x02\x00" * 480))
    (play,) = core.drain()
    assert isinstance(play, ev.PlayAudio) and core.turn is TurnState.RESPONDING


def test_go_away_right_behind_a_tool_call_hands_over_after_the_answer_is_sent_and_answered() -> (
    None
):
    core = open_core()
    core.feed(ev.ResumptionUpdate("h1", True))
    call = ev.ToolCallItem("c1", "get_current_time", {})
    core.feed(ev.ToolCallRequested((call,)))
    core.feed(ev.GoAway(30.0))  # the same burst
    assert core.drain() == [ev.RunTool(call)]
    result = ev.ToolResult("c1", "get_current_time", {"output": "12:00"})
    core.feed(result)
    # The answer goes out; the link is not closed in the same step.
    assert core.drain() == [ev.SendToolResults((result,))]
    core.feed(ev.Tick(1.0))
    assert core.drain() == []  # not yet confirmed sent by the driver
    core.feed(ev.ToolResultsSent(("c1",)))
    assert core.drain() == []  # sent, but the model's reply to it has not started
    core.feed(ev.OutputTranscript("It is noon."))
    core.feed(ev.TurnComplete())
    assert core.drain() == [ev.CloseLink(), ev.OpenLink("h1")]  # now quiet: hand over


def test_text_typed_while_a_tool_call_is_pending_follows_the_answer() -> None:
    core = open_core()
    call = ev.ToolCallItem("c1", "check_inventory", {})
    core.feed(ev.ToolCallRequested((call,)))
    core.drain()
    core.feed(ev.UserText("the breaker is off"))
    assert core.drain() == []  # held like the microphone: nothing crosses a pending call
    assert core.transcript.turns[-1].text == "the breaker is off"
    assert not core.transcript.turns[-1].sent
    result = ev.ToolResult("c1", "check_inventory", {"output": 3})
    core.feed(result)
    assert core.drain() == [ev.SendToolResults((result,)), ev.SendText("the breaker is off")]
    assert core.transcript.turns[-2].sent  # the note about the tool came after it


def test_a_handover_forced_by_the_deadline_never_resends_an_answer_on_the_next_link() -> None:
    core = open_core(handover_margin_s=2.0)
    core.feed(ev.ResumptionUpdate("h1", True))
    core.feed(ev.Tick(10.0))
    core.feed(ev.ToolCallRequested((ev.ToolCallItem("c1", "slow", {}),)))
    core.feed(ev.GoAway(5.0))
    result = ev.ToolResult("c1", "slow", {"output": "done"})
    core.feed(result)
    core.drain()
    core.feed(ev.Tick(13.0))  # deadline minus margin: go, answer confirmed or not
    assert core.drain() == [ev.CloseLink(), ev.OpenLink("h1")]
    core.feed(ev.LinkOpened(resumed=True))
    core.feed(ev.ToolResultsSent(("c1",)))  # the old link's confirmation, late: ignored
    core.feed(ev.ToolResult("c1", "slow", {"output": "done"}))
    assert not any(isinstance(c, ev.SendToolResults) for c in core.drain())
    assert core.quiet


def test_a_handover_waits_for_a_handle_newer_than_the_reply_it_would_lose() -> None:
    core = open_core(handover_margin_s=2.0)
    core.feed(ev.ResumptionUpdate("h1", True))
    core.feed(ev.Tick(10.0))
    core.feed(ev.ResumptionUpdate(None, False))  # a reply starts: h1 no longer has it all
    core.feed(ev.OutputTranscript("Twelve newton metres."))
    core.feed(ev.GoAway(30.0))
    core.feed(ev.TurnComplete())
    core.feed(ev.PlaybackIdle())
    assert core.drain() == []  # quiet, but resuming with h1 would lose that reply
    core.feed(ev.ResumptionUpdate("h2", True))
    assert core.drain() == [ev.CloseLink(), ev.OpenLink("h2")]


def test_a_stale_handle_never_holds_the_handover_past_the_deadline() -> None:
    core = open_core(handover_margin_s=2.0)
    core.feed(ev.ResumptionUpdate("h1", True))
    core.feed(ev.Tick(10.0))
    core.feed(ev.ResumptionUpdate(None, False))
    core.feed(ev.GoAway(5.0))  # quiet, but the handle is behind
    core.feed(ev.Tick(12.9))
    assert core.drain() == []
    core.feed(ev.Tick(13.0))
    assert core.drain() == [ev.CloseLink(), ev.OpenLink("h1")]
