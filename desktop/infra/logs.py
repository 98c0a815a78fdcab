"""Logging to a rotating file plus stderr, with secrets scrubbed, and the exception hooks.

The redacting filter sits on the handlers (not the root logger) because logger filters
do not see records propagated from child loggers; handler filters see everything that is
actually written.
"""

from __future__ import annotations

import asyncio
import logging
import logging.handlers
import sys
import threading
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import Any

from desktop.infra import paths
from desktop.infra.redact import redact, register_secret, unregister_secret

__all__ = [
    "LOG_FILE_NAME",
    "ExceptionHooks",
    "RedactingFilter",
    "current_log_file",
    "install_exception_hooks",
    "redact",
    "register_secret",
    "reset_logging",
    "setup_logging",
    "unregister_secret",
]

LOG_FILE_NAME = "fieldassist.log"
_MAX_BYTES = 2 * 1024 * 1024
_BACKUPS = 5
_FORMAT = "%(asctime)s %(levelname)-7s %(threadName)s %(name)s: %(message)s"

log = logging.getLogger(__name__)

ShowError = Callable[[str, Path], None]


class RedactingFilter(logging.Filter):
    """Rewrites each record so its message, traceback and stack hold no secrets."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # a bad format string must not lose the record
            message = f"{record.msg!r} % {record.args!r}"
        record.msg = redact(message)
        record.args = None
        if record.exc_info and not record.exc_text:
            # Formatter.format reuses exc_text when set, so the redacted text is what prints.
            record.exc_text = "".join(traceback.format_exception(*record.exc_info)).rstrip()
        if record.exc_text:
            record.exc_text = redact(record.exc_text)
        if record.stack_info:
            record.stack_info = redact(record.stack_info)
        return True


class _OurHandler:
    """Marker so reset_logging removes exactly the handlers setup_logging added."""


class _FileHandler(logging.handlers.RotatingFileHandler, _OurHandler):
    def _open(self) -> Any:
        # Every log file (the first and each one after a rollover) is created 0600 before
        # it is opened for appending: the log describes the technician's work.
        paths.private_file(Path(self.baseFilename))
        return super()._open()


class _StderrHandler(logging.StreamHandler, _OurHandler):  # type: ignore[type-arg]
    """Writes to whatever sys.stderr is at emit time (like logging.lastResort).

    A windowed frozen build has sys.stderr = None; then this handler stays quiet.
    """

    def __init__(self) -> None:
        logging.Handler.__init__(self)

    @property
    def stream(self) -> Any:
        return sys.stderr

    @stream.setter
    def stream(self, value: Any) -> None:
        pass  # StreamHandler.setStream/close may assign; the property stays dynamic

    def emit(self, record: logging.LogRecord) -> None:
        if sys.stderr is not None:
            super().emit(record)


_current_log_file: Path | None = None

# Libraries whose DEBUG lines are no use to IT support and harmful in a log file: qasync logs
# every call handed to a worker thread with its arguments (whole camera frames and audio).
_AT_MOST_INFO = ("qasync",)


def setup_logging(level: str | int = "INFO", log_dir: Path | None = None) -> Path:
    """Log to <log_dir>/fieldassist.log (rotating) and stderr. Returns the log file path.

    Calling it again replaces the handlers it installed before (level change, tests).
    """
    global _current_log_file  # noqa: PLW0603 - the process has one logging setup
    log_dir = log_dir or paths.log_dir()
    paths.private_dir(log_dir)  # 0700
    log_file = log_dir / LOG_FILE_NAME
    reset_logging()

    formatter = logging.Formatter(_FORMAT)
    redactor = RedactingFilter()
    file_handler = _FileHandler(
        log_file, maxBytes=_MAX_BYTES, backupCount=_BACKUPS, encoding="utf-8"
    )
    stderr_handler = _StderrHandler()
    for handler in (file_handler, stderr_handler):
        handler.setFormatter(formatter)
        handler.addFilter(redactor)
    # The file gets everything the root level lets through; stderr stays readable.
    root = logging.getLogger()
    root.setLevel(level if isinstance(level, int) else level.upper())
    root.addHandler(file_handler)
    root.addHandler(stderr_handler)
    for name in _AT_MOST_INFO:
        logging.getLogger(name).setLevel(max(root.level, logging.INFO))
    _current_log_file = log_file
    return log_file


def reset_logging() -> None:
    """Remove and close the handlers setup_logging installed (shutdown, tests)."""
    global _current_log_file  # noqa: PLW0603 - see setup_logging
    root = logging.getLogger()
    for handler in list(root.handlers):
        if isinstance(handler, _OurHandler):
            root.removeHandler(handler)
            handler.close()
    _current_log_file = None


def current_log_file() -> Path | None:
    return _current_log_file


# --------------------------------------------------------------------------------------
# Exception hooks
# --------------------------------------------------------------------------------------

ExcInfo = tuple[type[BaseException], BaseException, TracebackType | None]


def _summary(exc: BaseException) -> str:
    text = f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
    text = redact(text)
    return text if len(text) <= 300 else text[:297] + "..."


class ExceptionHooks:
    """The one place that catches what nobody else handled.

    Each unhandled exception is logged with its traceback; the UI's `show(summary,
    log_dir)` is called for it unless an earlier error is still being shown. With
    modal=True (show() blocks until the dialog is closed) the guard is released when
    show() returns; with modal=False the UI calls dialog_closed() when its dialog closes.
    """

    def __init__(self, show: ShowError | None, log_dir: Path, *, modal: bool = True) -> None:
        self._show = show
        self._log_dir = log_dir
        self._modal = modal
        self._lock = threading.Lock()
        self._showing = False
        self.suppressed = 0  # errors logged but not shown because a dialog was up
        self._previous_sys: Callable[..., Any] | None = None
        self._previous_threading: Callable[..., Any] | None = None

    # -- installation --------------------------------------------------------------
    def install(self) -> None:
        self._previous_sys = sys.excepthook
        self._previous_threading = threading.excepthook
        sys.excepthook = self.sys_hook
        threading.excepthook = self.threading_hook

    def uninstall(self) -> None:
        if self._previous_sys is not None and sys.excepthook == self.sys_hook:
            sys.excepthook = self._previous_sys
        if self._previous_threading is not None and threading.excepthook == self.threading_hook:
            threading.excepthook = self._previous_threading

    # -- the three entry points ----------------------------------------------------
    def sys_hook(
        self, exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None
    ) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        self.report((exc_type, exc, tb), "Unhandled exception")

    def threading_hook(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_type is SystemExit or args.exc_value is None:
            return
        name = args.thread.name if args.thread is not None else "?"
        self.report(
            (args.exc_type, args.exc_value, args.exc_traceback),
            f"Unhandled exception in thread {name}",
        )

    def asyncio_handler(self, loop: asyncio.AbstractEventLoop, context: dict[str, Any]) -> None:
        """For loop.set_exception_handler(hooks.asyncio_handler)."""
        exc = context.get("exception")
        message = str(context.get("message") or "asyncio error")
        where = context.get("task") or context.get("future") or context.get("handle")
        if where is not None:
            message = f"{message} ({where!r})"
        if isinstance(exc, BaseException):
            self.report((type(exc), exc, exc.__traceback__), message)
        else:
            # e.g. "Task was destroyed but it is pending": worth the log, not a dialog.
            log.error("asyncio: %s", message)

    # -- common path ----------------------------------------------------------------
    def report(self, exc_info: ExcInfo, what: str) -> None:
        log.critical("%s", what, exc_info=exc_info)
        if self._show is None:
            return
        with self._lock:
            if self._showing:
                self.suppressed += 1
                return
            self._showing = True
        try:
            self._show(_summary(exc_info[1]), self._log_dir)
        except Exception:  # the dialog itself failed; never recurse into the hook
            log.exception("the error dialog failed")
            self.dialog_closed()
            return
        if self._modal:
            self.dialog_closed()

    def dialog_closed(self) -> None:
        with self._lock:
            self._showing = False


_installed: ExceptionHooks | None = None


def install_exception_hooks(
    show: ShowError | None, log_dir: Path | None = None, *, modal: bool = True
) -> ExceptionHooks:
    """Install sys/threading hooks; returns them (use .asyncio_handler for the loop).

    Installing again replaces the previous hooks.
    """
    global _installed  # noqa: PLW0603 - the interpreter has one set of hooks
    if _installed is not None:
        _installed.uninstall()
    if log_dir is None:
        log_file = current_log_file()
        log_dir = log_file.parent if log_file else paths.log_dir()
    hooks = ExceptionHooks(show, log_dir, modal=modal)
    hooks.install()
    _installed = hooks
    return hooks
