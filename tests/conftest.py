"""Test-wide set-up: offscreen Qt, a Qt-driven asyncio loop for UI tests, device fixtures."""

from __future__ import annotations

import asyncio
import gc
import os
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path

import pytest

# In-process widgets render offscreen; tests that need a real X display start the app as a
# subprocess against their own Xvfb (a QApplication cannot change platform once created).
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Settings, logs and history of the app under test never touch the real user's folders.
os.environ.setdefault("FIELDASSIST_HOME", str(Path(__file__).parent / ".home-unused"))

pytest_plugins = ["support.pulse", "support.display", "support.keyrings"]

QT_TEST_DIRS = ("ui", "e2e")


def _qt_loop() -> asyncio.AbstractEventLoop:
    import qasync
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    # As in the program: closing a window must not stop the loop before shutdown finishes.
    app.setQuitOnLastWindowClosed(False)
    return qasync.QEventLoop(app)


def pytest_asyncio_loop_factories(
    config: pytest.Config, item: pytest.Item
) -> Mapping[str, Callable[[], asyncio.AbstractEventLoop]]:
    """UI tests run on a qasync loop bound to the one QApplication, like the program does."""
    parts = Path(str(item.path)).parts
    if any(d in parts for d in QT_TEST_DIRS):
        return {"qt": _qt_loop}
    return {"asyncio": asyncio.new_event_loop}


@pytest.fixture(autouse=True)
def _qt_garbage_on_the_main_thread() -> Iterator[None]:
    """Free the test's widgets here, on the Qt thread. Left to the cyclic collector, a window
    or dialog held in a reference cycle is destroyed by whichever thread next triggers a
    collection (the history writer, a keyring or executor thread), and Qt objects destroyed
    off their thread crashed later tests inside Qt's event processing."""
    yield
    gc.collect()


@pytest.fixture(autouse=True)
def _private_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own settings/log/history root."""
    home = tmp_path / "fieldassist-home"
    home.mkdir()
    monkeypatch.setenv("FIELDASSIST_HOME", str(home))
    names = ("GEMINI_API_KEY", "GOOGLE_API_KEY", "GOOGLE_CLOUD_PROJECT", "GOOGLE_CLOUD_LOCATION")
    for var in names:
        monkeypatch.delenv(var, raising=False)
    return home
