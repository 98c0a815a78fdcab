"""One running session and its checks, composed from the adapters; knows nothing of Qt.

- `driver`: SessionDriver, which pumps events into the session core and executes its commands;
- `messages`: what the app tells the UI beyond the core's UI events, and the inspector's view;
- `options`: Settings to LiveOptions, written once;
- `tasks`: task ownership (named, held, cancelled and awaited);
- `checks`: the --smoke-test and the settings' connection test.
"""

from desktop.app.checks import smoke_check, test_connection
from desktop.app.driver import SessionDriver
from desktop.app.messages import (
    SIMULATOR_BANNER,
    AppEvent,
    AudioLevels,
    Speaking,
    VideoStatus,
    describe_message,
)

__all__ = [
    "SIMULATOR_BANNER",
    "AppEvent",
    "AudioLevels",
    "SessionDriver",
    "Speaking",
    "VideoStatus",
    "describe_message",
    "smoke_check",
    "test_connection",
]
