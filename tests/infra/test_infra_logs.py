"""Logging: rotating file under the log dir, secrets redacted; exception hooks with one dialog."""

from __future__ import annotations

import asyncio
import logging
import sys
import threading

import pytest

from desktop.infra import logs
from desktop.infra.logs import install_exception_hooks, register_secret, setup_logging

AIZA = "AIzaSyB" + "x" * 32
RUNTIME_SECRET = "sk-runtime-secret-value-99"


@pytest.fixture
def log_file(tmp_path):
    path = setup_logging("DEBUG", tmp_path / "logs")
    yield path
    logs.reset_logging()


def flushed_text(path):
    for handler in logging.getLogger().handlers:
        handler.flush()
    return path.read_text(encoding="utf-8")


def test_log_file_under_the_log_dir_by_default(tmp_path):
    try:
        path = setup_logging("INFO")
        assert path.parent == tmp_path / "fieldassist-home" / "logs"  # FIELDASSIST_HOME
        assert logs.current_log_file() == path
    finally:
        logs.reset_logging()
    assert logs.current_log_file() is None


def test_secrets_never_reach_the_file_or_stderr(log_file, capsys):
    register_secret(RUNTIME_SECRET)
    log = logging.getLogger("desktop.live.some.module")  # a child logger: propagates
    log.info("connecting with %s and %s", RUNTIME_SECRET, AIZA)
    log.warning("url wss://x/ws?key=%s", AIZA)
    try:
        raise RuntimeError(f"server rejected key {RUNTIME_SECRET}")
    except RuntimeError:
        log.exception("connect failed")
    log.debug("stack", stack_info=True)
    text = flushed_text(log_file)
    err = capsys.readouterr().err
    for out in (text, err):
        assert "connecting with [REDACTED] and [REDACTED]" in out
        assert "RuntimeError: server rejected key [REDACTED]" in out
        assert RUNTIME_SECRET not in out
        assert "AIza" not in out


def test_level_and_replacement(log_file):
    setup_logging("WARNING", log_file.parent)
    ours = [h for h in logging.getLogger().handlers if isinstance(h, logs._OurHandler)]
    assert len(ours) == 2  # set up twice, still one file and one stderr handler
    logging.getLogger("x").info("hidden")
    logging.getLogger("x").warning("shown")
    text = flushed_text(log_file)
    assert "shown" in text and "hidden" not in text


def test_debug_level_keeps_camera_frames_out_of_the_log(log_file):
    # qasync logs each call handed to a worker with its arguments: a whole camera frame.
    logging.getLogger("qasync").debug("Submitting callback %r", b"\xff\xd8 frame bytes")
    logging.getLogger("desktop.app").debug("our own debug line")
    text = flushed_text(log_file)
    assert "our own debug line" in text
    assert "frame bytes" not in text


def test_bad_format_args_do_not_lose_the_record(log_file):
    logging.getLogger("x").error("two %s %s", "only-one")  # noqa: PLE1206 - on purpose
    assert "only-one" in flushed_text(log_file)


def test_one_dialog_for_two_rapid_thread_exceptions(log_file):
    shown: list[tuple[str, object]] = []
    entered = threading.Event()
    release = threading.Event()

    def show(summary, log_dir):
        shown.append((summary, log_dir))
        entered.set()
        assert release.wait(30)  # a modal dialog: blocks until the user closes it

    hooks = install_exception_hooks(show)
    try:

        def fail(n):
            raise ValueError(f"boom {n} {AIZA}")

        first = threading.Thread(target=fail, args=(1,), name="worker-1")
        first.start()
        assert entered.wait(30)
        second = threading.Thread(target=fail, args=(2,), name="worker-2")
        second.start()
        second.join(30)
        assert not second.is_alive()  # not stuck behind the open dialog
        release.set()
        first.join(30)
        assert len(shown) == 1
        assert shown[0] == (f"ValueError: boom 1 {logs.redact(AIZA)}", log_file.parent)
        assert hooks.suppressed == 1
        text = flushed_text(log_file)
        assert "worker-1" in text and "worker-2" in text  # both logged with tracebacks
        assert "boom 2" in text and "AIza" not in text
        # After the dialog closed, the next error is shown again.
        third = threading.Thread(target=fail, args=(3,))
        third.start()
        third.join(30)
        assert len(shown) == 2
    finally:
        hooks.uninstall()


def test_non_modal_dialog_released_by_the_ui(log_file):
    shown: list[str] = []
    hooks = install_exception_hooks(lambda s, d: shown.append(s), modal=False)
    try:
        for n in range(2):
            try:
                raise KeyError(n)
            except KeyError:
                sys.excepthook(*sys.exc_info())
        assert shown == ["KeyError: 0"]
        hooks.dialog_closed()
        try:
            raise KeyError(9)
        except KeyError:
            sys.excepthook(*sys.exc_info())
        assert shown == ["KeyError: 0", "KeyError: 9"]
    finally:
        hooks.uninstall()


def test_failing_show_is_logged_and_releases_the_guard(log_file):
    calls: list[str] = []

    def show(summary, log_dir):
        calls.append(summary)
        raise RuntimeError("dialog broke")

    hooks = install_exception_hooks(show)
    try:
        for _ in range(2):
            try:
                raise OSError("disk")
            except OSError:
                sys.excepthook(*sys.exc_info())
        assert len(calls) == 2
        assert "the error dialog failed" in flushed_text(log_file)
    finally:
        hooks.uninstall()


def test_hooks_install_and_uninstall():
    before_sys, before_thread = sys.excepthook, threading.excepthook
    hooks = install_exception_hooks(None)
    assert sys.excepthook == hooks.sys_hook
    assert threading.excepthook == hooks.threading_hook
    hooks.uninstall()
    assert (sys.excepthook, threading.excepthook) == (before_sys, before_thread)


async def test_asyncio_handler_logs_and_shows(log_file):
    shown: list[str] = []
    hooks = install_exception_hooks(lambda s, d: shown.append(s))
    loop = asyncio.get_running_loop()
    previous = loop.get_exception_handler()
    loop.set_exception_handler(hooks.asyncio_handler)
    try:
        done = asyncio.Event()

        def callback():
            done.set()
            raise ZeroDivisionError("in a callback")

        loop.call_soon(callback)
        await asyncio.wait_for(done.wait(), 30)
        await asyncio.sleep(0)
        loop.call_exception_handler({"message": "Task was destroyed but it is pending!"})
    finally:
        loop.set_exception_handler(previous)
        hooks.uninstall()
    assert shown == ["ZeroDivisionError: in a callback"]  # the message-only one: log only
    text = flushed_text(log_file)
    assert "Exception in callback" in text and "ZeroDivisionError" in text
    assert "Task was destroyed" in text
