"""The capture worker on real files: pacing, mailbox, end of file, errors, switch, pause."""

from __future__ import annotations

import gc
import itertools
import time
import weakref
from pathlib import Path

import numpy as np
import pytest

from desktop.video.capture import Backoff, CaptureState, CaptureWorker, FrameMailbox

FAST_RETRY = Backoff(initial_s=0.05, factor=2.0, max_s=0.4)


@pytest.fixture
def workers():
    """Workers created by a test are always stopped, even when it fails."""
    made: list[CaptureWorker] = []

    def make(*args, **kwargs) -> CaptureWorker:
        worker = CaptureWorker(*args, **kwargs)
        made.append(worker)
        return worker

    yield make
    for worker in made:
        worker.stop()
    assert not any(w.alive for w in made)


def test_constructor_does_no_io(tmp_path: Path, status_log) -> None:
    worker = CaptureWorker(str(tmp_path / "missing.mp4"), status_log)
    assert not worker.alive
    assert status_log.items == []
    assert worker.latest() is None
    worker.stop()  # stopping a worker that never started is harmless


def test_file_is_read_at_its_own_rate_then_ends(make_video, status_log, workers) -> None:
    path = make_video(frames=24, fps=12.0)  # two seconds of video
    worker = workers(str(path), status_log)
    worker.start()
    running = status_log.wait_for("running")
    assert running.fps == pytest.approx(12.0)
    ended = status_log.wait_for("ended", timeout=15)
    elapsed = status_log.time_of(ended) - status_log.time_of(running)
    assert 1.5 < elapsed < 8.0  # paced, not read as fast as the decoder goes
    assert worker.frames_captured == 24
    assert ended.message == "End of video"
    assert worker.alive  # waits for a switch or a stop
    worker.stop()
    assert status_log.states()[-1] == "stopped"
    assert not worker.alive


def test_file_rate_is_capped_at_30_fps(make_video, status_log, workers) -> None:
    path = make_video(frames=60, fps=60.0)  # one second at 60 fps, two at the cap
    worker = workers(str(path), status_log)
    worker.start()
    running = status_log.wait_for("running")
    assert running.fps == 30.0
    ended = status_log.wait_for("ended", timeout=15)
    assert status_log.time_of(ended) - status_log.time_of(running) > 1.5
    assert worker.frames_captured == 60


def test_looping_file_does_not_end(make_video, status_log, workers) -> None:
    path = make_video(frames=10, fps=30.0)
    worker = workers(str(path), status_log, loop=True)
    worker.start()
    status_log.wait_for("running")
    deadline = time.monotonic() + 10
    while worker.frames_captured < 25 and time.monotonic() < deadline:
        time.sleep(0.05)
    assert worker.frames_captured >= 25
    assert "ended" not in status_log.states()


def test_mailbox_keeps_only_the_latest_frame(make_video, status_log, workers) -> None:
    path = make_video(frames=200, fps=30.0)
    worker = workers(str(path), status_log)
    worker.start()
    seen: list[weakref.ref[np.ndarray]] = []
    seqs = []
    seq = 0
    for _ in range(6):
        got = worker.wait_frame(seq, timeout=5)
        assert got is not None
        seq, frame = got
        seqs.append(seq)
        seen.append(weakref.ref(frame))
        del frame, got
        time.sleep(0.25)  # a slow consumer: several frames pass meanwhile
    assert all(b - a > 1 for a, b in itertools.pairwise(seqs))  # frames were skipped
    gc.collect()
    current = worker.latest()
    alive = [r for r in seen if r() is not None and (current is None or r() is not current[1])]
    assert alive == []  # nothing but the newest frame is held by the worker


def test_mailbox_unit() -> None:
    box = FrameMailbox()
    assert box.latest() is None
    a, b = np.zeros((2, 2, 3), np.uint8), np.ones((2, 2, 3), np.uint8)
    assert box.put(a) == 1
    assert box.put(b) == 2
    got = box.latest()
    assert got is not None and got[0] == 2 and got[1] is b
    assert box.wait_newer(2, timeout=0.01) is None
    box.clear()
    assert box.latest() is None


def test_missing_file_retries_with_backoff_then_recovers(
    make_video, tmp_path: Path, status_log, workers
) -> None:
    target = tmp_path / "later.avi"
    worker = workers(str(target), status_log, backoff=FAST_RETRY)
    worker.start()
    first = status_log.wait_for("retrying")
    assert "not found" in first.message
    third = None
    deadline = time.monotonic() + 10
    while third is None and time.monotonic() < deadline:
        third = next(
            (s for s in status_log.items if s.state.value == "retrying" and s.attempt == 3), None
        )
        time.sleep(0.02)
    assert third is not None
    assert first.retry_in_s == pytest.approx(0.05)
    assert third.retry_in_s == pytest.approx(0.2)
    assert "error" in status_log.states()
    # The file appears (copied in by the user): the next retry picks it up.
    made = make_video(frames=5, fps=30.0, name="made")
    made.rename(target)
    status_log.wait_for("running")
    status_log.wait_for("ended")
    assert worker.frames_captured == 5


def test_unreadable_file_reports_an_error_not_an_exception(
    tmp_path: Path, status_log, workers
) -> None:
    bad = tmp_path / "bad.avi"
    bad.write_bytes(b"\x00not a video" * 500)
    worker = workers(str(bad), status_log, backoff=FAST_RETRY)
    worker.start()
    err = status_log.wait_for("error")
    assert "Cannot decode bad.avi" in err.message
    assert worker.alive
    assert worker.latest() is None


def test_backoff_grows_and_caps() -> None:
    b = Backoff(initial_s=0.5, factor=2.0, max_s=10.0)
    assert [b.delay(n) for n in (1, 2, 3, 4, 5, 6, 7)] == [0.5, 1, 2, 4, 8, 10, 10]


def test_switch_source_mid_capture(make_video, status_log, workers) -> None:
    first = make_video(frames=300, fps=30.0, size=(320, 240), name="first")
    second = make_video(frames=300, fps=30.0, size=(160, 120), name="second")
    worker = workers(str(first), status_log)
    worker.start()
    got = worker.wait_frame(0, timeout=5)
    assert got is not None and got[1].shape == (240, 320, 3)
    seq = got[0]
    mark = len(status_log.items)
    worker.switch(str(second))
    status_log.wait_for("running", after=mark)
    # Every frame after the switch comes from the new file, and the sequence goes on.
    for _ in range(5):
        got = worker.wait_frame(seq, timeout=5)
        assert got is not None
        seq, frame = got
        assert frame.shape == (120, 160, 3)
    assert "stopped" not in status_log.states()
    assert "second" in worker.spec.describe()


def test_switch_to_none_and_back(make_video, status_log, workers) -> None:
    path = make_video(frames=300, fps=30.0)
    worker = workers(str(path), status_log)
    worker.start()
    status_log.wait_for("running")
    mark = len(status_log.items)
    worker.switch("none")
    status_log.wait_for("idle", after=mark)
    assert worker.latest() is None
    mark = len(status_log.items)
    worker.switch(str(path))
    status_log.wait_for("running", after=mark)
    assert worker.wait_frame(0, timeout=5) is not None


def test_pause_stops_capture_and_resume_continues(make_video, status_log, workers) -> None:
    path = make_video(frames=600, fps=30.0)
    worker = workers(str(path), status_log)
    worker.start()
    assert worker.wait_frame(0, timeout=5) is not None
    worker.paused = True
    status_log.wait_for("paused")
    assert worker.latest() is None  # nothing from before the pause can be sent
    count = worker.frames_captured
    time.sleep(0.4)
    assert worker.frames_captured - count <= 1  # at most the frame being read at the moment
    assert worker.latest() is None
    mark = len(status_log.items)
    worker.paused = False
    status_log.wait_for("running", after=mark)
    assert worker.wait_frame(0, timeout=5) is not None
    assert worker.frames_captured > count


def test_a_failing_status_callback_does_not_kill_capture(make_video, workers) -> None:
    calls = []

    def explode(status) -> None:
        calls.append(status.state)
        raise RuntimeError("ui bug")

    path = make_video(frames=5, fps=30.0)
    worker = workers(str(path), explode)
    worker.start()
    deadline = time.monotonic() + 10
    while CaptureState.ENDED not in calls and time.monotonic() < deadline:
        time.sleep(0.02)
    assert CaptureState.ENDED in calls
    assert worker.frames_captured == 5


def test_start_twice_is_an_error(make_video, status_log, workers) -> None:
    worker = workers(str(make_video(frames=5)), status_log)
    worker.start()
    with pytest.raises(RuntimeError):
        worker.start()
