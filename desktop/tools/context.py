"""What the app hands the tools: folders, configuration and callbacks into the rest of it.

The tools package never imports the app, infra or other adapters: everything it needs from
them arrives here. Every callback is optional; a built-in whose callback is missing is simply
not offered to the model.
"""

from __future__ import annotations

import datetime as dt
import os
import ssl
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from desktop.session.events import Notice
from desktop.tools.config import SecretResolver, SecretSink
from desktop.tools.manuals import IndexProgress
from desktop.tools.registry import ActivityCallback, ConfirmCallback


@dataclass(frozen=True)
class WorkNote:
    """A note for the job log (shown in the transcript, included in exports)."""

    text: str
    at: dt.datetime  # local time, with offset
    job: str | None  # the current job, if the app knows one


@dataclass(frozen=True)
class TimerInfo:
    timer_id: str
    label: str
    minutes: float
    due: dt.datetime


def _local_now() -> dt.datetime:
    return dt.datetime.now().astimezone()


@dataclass(frozen=True)
class ToolContext:
    # Where the manual index lives (the user data dir) and what it indexes.
    data_dir: Path
    manuals_dir: Path | None = None
    # tools.toml (HTTP tools and MCP servers); missing file: none.
    config_path: Path | None = None
    # Secrets for ${ENV:...} (default: the process environment) and ${KEYRING:...}.
    env: Mapping[str, str] = field(default_factory=lambda: os.environ)
    resolve_secret: SecretResolver | None = None  # may block: always called off the loop
    on_secret: SecretSink | None = None  # every resolved secret, for the log redaction
    http_verify: ssl.SSLContext | str | bool = True  # a corporate CA file or context
    # The UI.
    confirm: ConfirmCallback | None = None  # may this changes-outside tool run?
    on_activity: ActivityCallback | None = None  # each call: running/done/failed/...
    on_notice: Callable[[Notice], None] | None = None  # config problems, servers lost
    on_index_progress: Callable[[IndexProgress], None] | None = None
    on_tools_changed: Callable[[], None] | None = None  # MCP tools came or went
    # The built-ins' ways into the app.
    take_snapshot: Callable[[str], Awaitable[str]] | None = None  # caption -> saved path/ref
    log_note: Callable[[WorkNote], Awaitable[None] | None] | None = None
    current_job: Callable[[], str | None] | None = None
    # Job details told to the model ({"job_id"|"site"|"equipment": text, "" clears}) -> the
    # job as it now stands.
    set_job: Callable[[Mapping[str, str]], Mapping[str, str]] | None = None
    on_timer: Callable[[TimerInfo], None] | None = None  # a timer fired: make the model say it
    clock: Callable[[], dt.datetime] = _local_now
