"""The status bar's time left and tokens, in the real window, over the real SDK to the simulator.

The simulator sends a goAway on every connection after 2 s (8 s left): the connection's time
left appears, is forgotten when the handover's new connection opens, and comes back fresh with
that connection's own goAway. With context compression off, the session's own limit counts
down too. Tokens: the session's total is the sum of the per-turn reports, the last turn is
shown beside it, and the tooltip breaks both down by modality."""

from __future__ import annotations

import re

import pytest
from pytestqt.qtbot import QtBot
from support.waiting import wait_until

from desktop.app import SessionDriver, VideoStatus
from desktop.infra.settings import Settings
from desktop.session import events as ev
from desktop.session.states import LinkState
from desktop.sim import Scenario, SimServer
from desktop.ui.controller import Controller
from desktop.ui.main_window import MainWindow
from desktop.ui.status_clock import (
    AUDIO_ONLY_LIMIT_S,
    AUDIO_VIDEO_LIMIT_S,
    StatusClock,
    format_left,
    usage_text,
)

CONNECTION = re.compile(r"connection (\d+):(\d\d)")


def connection_left(window: MainWindow) -> int | None:
    found = CONNECTION.search(window.time_left_label.text())
    return None if found is None else int(found[1]) * 60 + int(found[2])


async def test_time_left_is_fresh_after_each_handover_and_tokens_add_up(qtbot: QtBot) -> None:
    scenario = Scenario(go_away_after_s=2.0, go_away_time_left_s=8.0)
    async with SimServer(scenario=scenario) as sim:
        settings = Settings(
            backend="gemini",
            endpoint=sim.url,
            ca_file=str(sim.ca_file),
            video_source="none",
            input_device="no-such-microphone",
            compression=False,
        )
        window = MainWindow()
        qtbot.addWidget(window)
        holder: list[Controller] = []

        def on_ui(event: ev.UiEvent | VideoStatus) -> None:
            holder[0].on_ui_event(event)

        driver = SessionDriver(settings, "test-key", on_ui)
        controller = Controller(window, driver)
        holder.append(controller)
        window.show()
        controller.start_session()
        await wait_until(lambda: driver.link_state is LinkState.OPEN)

        # Compression off, audio only: the session's own 15-minute limit counts down.
        await wait_until(lambda: "session 1" in window.time_left_label.text())
        assert re.search(r"session 1[45]:\d\d left", window.time_left_label.text())
        assert "15 min" in window.time_left_label.toolTip()

        window.text_box.setText("first question")
        window.text_box.returnPressed.emit()
        await wait_until(lambda: "last turn" in window.usage_label.text())
        first = driver.core.last_usage
        assert first is not None and first.total_tokens
        assert window.usage_label.text() == (
            f"{first.total_tokens:,} tokens (last turn {first.total_tokens:,})"
        )

        # The first connection's goAway: its time left shows, at most the 8 s it said.
        await wait_until(lambda: connection_left(window) is not None)
        assert 0 < (connection_left(window) or 0) <= 8
        # The handover's new connection: nothing pending, so nothing shown for it...
        await wait_until(lambda: sim.connections >= 2 and driver.link_state is LinkState.OPEN)
        assert connection_left(window) is None, window.time_left_label.text()
        # ...until its own goAway, counted from its own timeLeft.
        await wait_until(lambda: connection_left(window) is not None)
        assert (connection_left(window) or 0) >= 7
        assert sim.resumed_connections >= 1

        window.text_box.setText("second question")
        window.text_box.returnPressed.emit()
        await wait_until(lambda: driver.core.last_usage is not first)
        second = driver.core.last_usage
        assert second is not None and second.total_tokens
        total = first.total_tokens + second.total_tokens  # per-turn reports add up
        assert window.usage_label.text() == (
            f"{total:,} tokens (last turn {second.total_tokens:,})"
        )
        tip = window.usage_label.toolTip()
        assert f"This session: {total:,} tokens" in tip
        assert "prompt: text" in tip and "response: audio" in tip

        controller.stop_session()
        await wait_until(lambda: not driver.running)
        await driver.aclose()


def test_countdowns_and_limits() -> None:
    clock = StatusClock()
    clock.start_session(100.0)
    assert clock.text(100.0, compression=True, video=False) == ("", "")
    text, tip = clock.text(160.0, compression=False, video=False)
    assert "about 15 min" in tip
    assert text == f"session {format_left(AUDIO_ONLY_LIMIT_S - 60)} left" == "session 14:00 left"
    assert clock.text(160.0, compression=False, video=True)[0] == "session 1:00 left"
    assert AUDIO_VIDEO_LIMIT_S == 120
    clock.on_usage(ev.UsageChanged(10, time_left_s=50.0), now=200.0)
    assert clock.text(210.0, compression=True, video=False)[0] == "connection 0:40 left"
    assert clock.text(249.9, compression=True, video=False)[0] == "connection 0:01 left"
    assert clock.text(300.0, compression=True, video=False)[0] == "connection 0:00 left"
    clock.on_connection_opened()
    assert clock.text(300.0, compression=True, video=False) == ("", "")


def test_usage_tooltip_by_modality() -> None:
    last = ev.UsageReport(40, 25, 65, (("AUDIO", 30), ("TEXT", 10)), (("AUDIO", 25),))
    event = ev.UsageChanged(
        165, None, last_turn=last, by_modality=(("prompt AUDIO", 90), ("response AUDIO", 75))
    )
    text, tip = usage_text(event)
    assert text == "165 tokens (last turn 65)"
    assert tip.splitlines() == [
        "This session: 165 tokens",
        "  prompt: audio 90",
        "  response: audio 75",
        "Last turn: 65 tokens",
        "  prompt: audio 30, text 10",
        "  response: audio 25",
    ]


@pytest.mark.parametrize(("seconds", "shown"), [(0.2, "0:01"), (-3.0, "0:00"), (61.0, "1:01")])
def test_format_left(seconds: float, shown: str) -> None:
    assert format_left(seconds) == shown
