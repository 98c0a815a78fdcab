"""PlaybackRing: wrap-around, underrun, clear, generations, and a threaded stress run."""

from __future__ import annotations

import threading

import numpy as np

from desktop.audio.ring import PlaybackRing


def ramp(start: int, n: int) -> np.ndarray:
    return (np.arange(start, start + n) % 30000).astype(np.int16)


def test_wraps_around_and_keeps_order() -> None:
    ring = PlaybackRing(10)
    out = np.empty(4, dtype=np.int16)
    assert ring.write(ramp(0, 7), 0) == 7
    assert ring.read_into(out) == 4
    assert out.tolist() == [0, 1, 2, 3]
    assert ring.write(ramp(7, 6), 0) == 6  # crosses the end of the array
    got = []
    while ring.buffered:
        n = ring.read_into(out)
        got.extend(out[:n].tolist())
    assert got == list(range(4, 13))


def test_underrun_zero_fills_the_rest_of_the_block() -> None:
    ring = PlaybackRing(16)
    ring.write(np.full(3, 7, dtype=np.int16), 0)
    out = np.full(8, -1, dtype=np.int16)
    assert ring.read_into(out) == 3
    assert out.tolist() == [7, 7, 7, 0, 0, 0, 0, 0]
    assert ring.read_into(out) == 0
    assert not out.any()


def test_full_ring_drops_what_does_not_fit_and_counts_it() -> None:
    ring = PlaybackRing(8)
    assert ring.write(ramp(0, 5), 0) == 5
    assert ring.write(ramp(5, 5), 0) == 3
    assert ring.overflow == 2
    out = np.empty(8, dtype=np.int16)
    assert ring.read_into(out) == 8
    assert out.tolist() == list(range(8))


def test_clear_during_playback_silences_the_next_block() -> None:
    ring = PlaybackRing(100)
    ring.write(np.full(60, 1000, dtype=np.int16), 0)
    out = np.empty(10, dtype=np.int16)
    ring.read_into(out)
    assert (out == 1000).all()
    gen = ring.clear()
    assert gen == 1 and ring.generation == 1 and ring.buffered == 0
    assert ring.read_into(out) == 0
    assert not out.any()


def test_stale_generation_chunks_are_dropped() -> None:
    ring = PlaybackRing(100)
    ring.write(np.full(10, 5, dtype=np.int16), 0)
    gen = ring.clear()
    assert ring.write(np.full(10, 5, dtype=np.int16), gen - 1) == 0
    assert ring.stale == 10
    assert ring.buffered == 0
    assert ring.write(np.full(4, 9, dtype=np.int16), gen) == 4
    out = np.empty(4, dtype=np.int16)
    ring.read_into(out)
    assert out.tolist() == [9, 9, 9, 9]


def test_newer_generation_supersedes_buffered_audio() -> None:
    ring = PlaybackRing(100)
    ring.write(np.full(10, 5, dtype=np.int16), 0)
    assert ring.write(np.full(3, 8, dtype=np.int16), 4) == 3
    assert ring.generation == 4
    out = np.empty(5, dtype=np.int16)
    assert ring.read_into(out) == 3
    assert out.tolist() == [8, 8, 8, 0, 0]


def test_clear_with_a_core_generation_adopts_it_only_if_newer() -> None:
    ring = PlaybackRing(10)
    assert ring.clear(7) == 7
    assert ring.clear(3) == 8  # older request still bumps: the caller wanted silence


def test_threaded_writer_and_reader_keep_samples_continuous() -> None:
    ring = PlaybackRing(4096)
    total = 400_000
    received: list[np.ndarray] = []
    done = threading.Event()

    def writer() -> None:
        pos = 0
        rng = np.random.default_rng(1)
        while pos < total:
            n = int(rng.integers(1, 2000))
            chunk = ramp(pos, min(n, total - pos))
            accepted = ring.write(chunk, 0)
            pos += accepted  # resend what did not fit, so nothing is lost in this test
        done.set()

    def reader() -> None:
        out = np.empty(480, dtype=np.int16)
        got = 0
        while got < total:
            n = ring.read_into(out)
            if n:
                received.append(out[:n].copy())
                got += n
            elif done.is_set() and ring.buffered == 0:
                break

    threads = [threading.Thread(target=writer), threading.Thread(target=reader)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    data = np.concatenate(received)
    assert len(data) == total
    assert np.array_equal(data, ramp(0, total))
