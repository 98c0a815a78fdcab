"""Heavy imports off the Qt/asyncio thread: begun at launch, awaited where they are needed.

Importing google-genai takes about half a second on a laptop (its pydantic types), the
tools package as long again (the MCP SDK), OpenCV a few hundred ms. A session's connect needs
the first two (the built-in tools are declared in the setup); video can arrive later. So one plain
daemon thread imports them in that order from the first moment of the launch
(`start_preload`), and the code that needs a module awaits `imported(...)`, which finishes
the import on a worker thread: when the preload thread holds the module's import lock, it is
that worker, never the window's thread, that waits for it.

No Qt object is made or dropped here: these are plain Python modules.
"""

from __future__ import annotations

import asyncio
import importlib
import logging
import sys
import threading
import time

log = logging.getLogger(__name__)

# In the order a session needs them: the connection first, then what can join later.
LINK_MODULES = ("desktop.live.link", "desktop.live.config", "desktop.live.errors")
TOOLS_MODULES = ("desktop.tools",)
VIDEO_MODULES = ("desktop.video.capture", "desktop.video.encode")
# The audio engine is not preloaded: a session's start imports it on the audio port's worker
# thread, at once and beside the rest (the microphone must open early to catch first words).
PRELOAD_ORDER = (*LINK_MODULES, *TOOLS_MODULES, *VIDEO_MODULES)

_started: threading.Thread | None = None
_lock = threading.Lock()
# One import at a time off the loop: two threads importing into a package with a cycle
# (desktop.live's __init__ imports its own link module) get a partly initialised module.
_import_lock = threading.RLock()


def start_preload(modules: tuple[str, ...] = PRELOAD_ORDER) -> None:
    """Begin importing `modules` on a daemon thread (once per process)."""
    global _started  # noqa: PLW0603 - one preload per process
    with _lock:
        if _started is not None:
            return
        _started = threading.Thread(
            target=_import_all, args=(modules,), name="preload", daemon=True
        )
        _started.start()


# PySide6's import hook (shibokensupport's feature check) inspects modules as they are
# imported; when it meets pydantic half-initialised by this thread while another thread
# imports, pydantic's lazy module attributes raise ImportError ("partially initialized
# module"). Python removes the failed modules, so importing again succeeds (seen once in a
# full test run under load; the second try went through).
ATTEMPTS = 3


def _import_all(modules: tuple[str, ...]) -> None:
    for name in modules:
        started = time.perf_counter()
        for attempt in range(1, ATTEMPTS + 1):
            try:
                import_now(name)
                break
            except ImportError as exc:
                if attempt == ATTEMPTS:  # the caller's own import reports it where it matters
                    log.warning("Preloading %s failed: %s", name, exc)
                else:
                    log.info("Preloading %s: import raced another thread (%s); again", name, exc)
            except Exception as exc:
                log.warning("Preloading %s failed: %s", name, exc)
                break
        log.debug("Preloaded %s in %.0f ms", name, (time.perf_counter() - started) * 1000)


def import_now(*modules: str) -> None:
    """Import `modules` on this (worker) thread, one import at a time with the preload."""
    for name in modules:
        if not _ready(name):
            with _import_lock:
                importlib.import_module(name)


async def imported(*modules: str) -> None:
    """Return once `modules` are imported, without ever blocking the running loop on it."""
    if all(_ready(name) for name in modules):
        return  # the usual case after the preload: no thread hop
    await asyncio.to_thread(import_now, *modules)


def _ready(name: str) -> bool:
    """Imported and finished: a module another thread is still importing is in sys.modules
    already, and importing it again would wait on its lock."""
    module = sys.modules.get(name)
    spec = getattr(module, "__spec__", None)
    return module is not None and not getattr(spec, "_initializing", False)
