"""One running session and its checks, composed from the adapters; knows nothing of Qt.

The window's façade (everything `desktop.ui` may use of the program below it):

- `SessionDriver`: commands in (start, stop, text, mute, talk, video, settings), UI events out;
- `AppEvent` and its members, `SIMULATOR_BANNER`: what the window is told;
- `list_audio_devices`, `check_video_source`, `video_source_choices`: device and source
  questions for the dialogs (each loads native libraries: call them off the Qt thread);
- `smoke_check`, `test_connection`: the --smoke-test and the settings' connection test.

Inside: `pump` (events → core → commands), `commands` (the one command → handler table),
one port per adapter (`link_port` + `outbox`, `audio_port`, `video_port`, `tools_port`,
`recorder`), `changes` (a settings change and the banner for what waits), `options`
(Settings → LiveOptions), `tasks` (task ownership), `messages` (the app's UI events).
"""

from desktop.app.checks import list_audio_devices, smoke_check, test_connection
from desktop.app.driver import SessionDriver
from desktop.app.messages import (
    SIMULATOR_BANNER,
    AppEvent,
    AudioLevels,
    HistoryNotice,
    Speaking,
    VideoStatus,
    describe_message,
)
from desktop.app.tasks import OwnedTasks
from desktop.app.video_port import check_video_source, video_source_choices

__all__ = [
    "SIMULATOR_BANNER",
    "AppEvent",
    "AudioLevels",
    "HistoryNotice",
    "OwnedTasks",
    "SessionDriver",
    "Speaking",
    "VideoStatus",
    "check_video_source",
    "describe_message",
    "list_audio_devices",
    "smoke_check",
    "test_connection",
    "video_source_choices",
]
