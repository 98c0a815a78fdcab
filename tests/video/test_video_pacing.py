"""The frame pacer and the adaptive drop policy, from fake timestamps."""

from __future__ import annotations

import itertools
import math
import random

import pytest

from desktop.session.pacing import MAX_SEND_FPS, FramePacer, VideoDropPolicy


def run_pacer(pacer: FramePacer, offer_times: list[float]) -> list[float]:
    """Offer a frame at each time; send whenever the pacer says so. Returns send times."""
    sent = []
    for t in offer_times:
        if pacer.ready(t):
            pacer.mark_sent(t)
            sent.append(t)
    return sent


def max_in_window(times: list[float], window: float) -> int:
    """The most send times that fall in any half-open window [t, t + window)."""
    best = 0
    j = 0
    for i, start in enumerate(times):
        j = max(j, i)
        while j < len(times) and times[j] < start + window:
            j += 1
        best = max(best, j - i)
    return best


@pytest.mark.parametrize("fps", [0.5, 1.0, 1.5, 2.0])
def test_30_s_of_30_fps_offers_never_exceeds_rate(fps: float) -> None:
    pacer = FramePacer(fps)
    offers = [i / 30 for i in range(30 * 30)]  # a 30 fps source for 30 s
    sent = run_pacer(pacer, offers)
    gaps = [b - a for a, b in itertools.pairwise(sent)]
    assert min(gaps) >= 1 / fps - 1e-9
    for window in (1.0, 2.0, 5.0, 10.0):
        assert max_in_window(sent, window) <= math.floor(window * fps) + 1
    # ... and it does not starve: a frame slot may slip by one 1/30 s source frame at most.
    assert len(sent) >= 30 * fps * 0.9
    assert len(sent) <= 30 * fps + 1


def test_irregular_jittery_source_keeps_the_bound() -> None:
    rng = random.Random(5)
    t, offers = 0.0, []
    while t < 30:
        t += rng.uniform(0.001, 0.4)  # bursts and gaps
        offers.append(t)
    pacer = FramePacer(2.0)
    sent = run_pacer(pacer, offers)
    assert all(b - a >= 0.5 - 1e-9 for a, b in itertools.pairwise(sent))
    assert max_in_window(sent, 1.0) <= 2


@pytest.mark.parametrize("configured", [2.0001, 5.0, 30.0, 1000.0])
def test_hard_cap_of_2_fps_whatever_is_configured(configured: float) -> None:
    pacer = FramePacer(configured)
    assert pacer.max_fps == MAX_SEND_FPS
    sent = run_pacer(pacer, [i / 100 for i in range(3000)])  # 100 fps offers for 30 s
    assert max_in_window(sent, 1.0) <= 2
    assert len(sent) <= 61


def test_setter_caps_too_and_changes_the_interval() -> None:
    pacer = FramePacer(1.0)
    pacer.max_fps = 50
    assert pacer.max_fps == 2.0
    pacer.max_fps = 0.5
    assert pacer.interval_s == 2.0


@pytest.mark.parametrize("bad", [0.0, -1.0, float("nan")])
def test_nonsense_rates_are_refused(bad: float) -> None:
    with pytest.raises(ValueError, match="frame rate"):
        FramePacer(bad)


def test_ready_does_not_record_only_mark_sent_does() -> None:
    pacer = FramePacer(1.0)
    assert pacer.ready(10.0)
    assert pacer.ready(10.0)  # asking twice is not sending
    pacer.mark_sent(10.0)
    assert not pacer.ready(10.5)
    assert pacer.next_due() == 11.0
    assert pacer.ready(11.0)


def test_a_clock_that_goes_backwards_never_opens_the_gate() -> None:
    pacer = FramePacer(2.0)
    pacer.mark_sent(100.0)
    assert not pacer.ready(50.0)
    pacer.mark_sent(50.0)  # a confused caller: the latest time still rules
    assert not pacer.ready(100.2)
    assert pacer.ready(100.5)


def test_effective_fps_follows_what_was_really_sent() -> None:
    pacer = FramePacer(2.0, window_s=5.0)
    assert pacer.effective_fps(0.0) == 0.0
    run_pacer(pacer, [i / 30 for i in range(30 * 20)])  # 20 s at the full 2 fps
    assert pacer.effective_fps(19.99) == pytest.approx(2.0, abs=0.2)
    # The uplink backs up: only one frame per 2 s gets out for the next 10 s.
    for t in range(20, 30, 2):
        pacer.mark_sent(float(t))
    assert pacer.effective_fps(29.5) == pytest.approx(0.6, abs=0.21)
    # Nothing sent for a while: the rate falls to zero once the window has passed.
    assert pacer.effective_fps(40.0) == 0.0


def test_reset_forgets_history() -> None:
    pacer = FramePacer(1.0)
    pacer.mark_sent(1.0)
    pacer.reset()
    assert pacer.ready(1.1)
    assert pacer.effective_fps(1.1) == 0.0


def test_drop_policy_drops_video_when_backed_up_with_hysteresis() -> None:
    policy = VideoDropPolicy(max_depth=4, resume_depth=1)
    assert policy.admit_video(0)
    assert policy.admit_video(4)  # at the threshold: still fine
    assert not policy.admit_video(5)  # above: drop
    assert not policy.admit_video(3)  # draining, but not yet short enough
    assert not policy.admit_video(2)
    assert policy.admit_video(1)  # drained: video flows again
    assert policy.admit_video(3)
    assert (policy.admitted, policy.dropped) == (4, 3)


def test_drop_policy_with_pacer_during_congestion() -> None:
    """A simulated uplink: audio keeps the queue deep for 10 s; video is dropped, not queued."""
    pacer = FramePacer(2.0)
    policy = VideoDropPolicy(max_depth=3, resume_depth=1)
    sent = []
    for i in range(30 * 30):
        now = i / 30
        depth = 8 if 10 <= now < 20 else 0
        if pacer.ready(now) and policy.admit_video(depth):
            pacer.mark_sent(now)
            sent.append(now)
    assert not any(10 <= t < 20 for t in sent)
    assert any(t >= 20 for t in sent)
    assert max_in_window(sent, 1.0) <= 2


def test_drop_policy_rejects_inconsistent_thresholds() -> None:
    with pytest.raises(ValueError):
        VideoDropPolicy(max_depth=1, resume_depth=2)
