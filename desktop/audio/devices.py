"""Device listing and resolution, with PortAudio's errors translated at this edge.

PortAudio is not thread-safe around its device list: ``Pa_Terminate`` frees the list that
``Pa_GetDeviceInfo`` hands out, so a rescan on one thread while another thread lists devices
reads freed memory (a crash, or an empty listing). Every call here into sounddevice's
query/terminate/initialise goes through one lock; nothing else in the program may call them.
Importing sounddevice initialises PortAudio, which enumerates every device (hundreds of
milliseconds with ALSA and PulseAudio): import this module and call these functions on a
worker thread, never on the Qt/asyncio thread.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, Literal

import sounddevice as sd

Direction = Literal["input", "output"]

# Re-entrant: the engine may hold it across close → rescan → reopen and call resolve inside.
_PORTAUDIO = threading.RLock()


class AudioDeviceError(Exception):
    """A microphone or speaker could not be opened; ``str(err)`` is fit to show to the user."""

    def __init__(self, direction: Direction, message: str) -> None:
        super().__init__(message)
        self.direction: Direction = direction


@contextmanager
def portaudio_lock() -> Iterator[None]:
    """Hold PortAudio's device list still (no rescan, no listing elsewhere) for a while."""
    with _PORTAUDIO:
        yield


def list_devices() -> tuple[list[str], list[str]]:
    """Names of the input and output devices PortAudio currently knows."""
    with _PORTAUDIO:
        try:
            devices: Any = sd.query_devices()
        except sd.PortAudioError:
            return [], []
        inputs = [str(d["name"]) for d in devices if int(d["max_input_channels"]) > 0]
        outputs = [str(d["name"]) for d in devices if int(d["max_output_channels"]) > 0]
    return inputs, outputs


def rescan() -> None:
    """Re-initialise PortAudio so that devices added or removed since start-up are seen.

    PortAudio enumerates devices once, in ``Pa_Initialize``; only a terminate/initialise pair
    refreshes the list (and the default devices). ``Pa_Terminate`` counts: it tears down only
    when called as often as ``Pa_Initialize`` was, so the count is taken down to zero and
    restored. Every stream must be closed first (terminating closes them).
    """
    with _PORTAUDIO:
        count = int(sd._initialized)
        for _ in range(count):
            sd._terminate()
        for _ in range(max(1, count)):
            sd._initialize()


def resolve(direction: Direction, name: str | None) -> int:
    """The PortAudio index of the device called ``name`` (None: the default device)."""
    label = "microphone" if direction == "input" else "speaker"
    channels_key = "max_input_channels" if direction == "input" else "max_output_channels"
    try:
        with _PORTAUDIO:
            if name is None:
                index = int(sd.default.device[0 if direction == "input" else 1])
                if index < 0:
                    raise AudioDeviceError(direction, f"No {label} found on this computer.")
                info: Any = sd.query_devices(index)
            else:
                info = sd.query_devices(name, kind=direction)
                index = int(info["index"])
    except AudioDeviceError:
        raise
    except (sd.PortAudioError, ValueError) as exc:
        which = f"'{name}'" if name else "default"
        raise AudioDeviceError(direction, f"The {which} {label} is not available ({exc}).") from exc
    if int(info[channels_key]) < 1:
        raise AudioDeviceError(direction, f"'{info['name']}' cannot be used as a {label}.")
    return index


def default_rate(index: int) -> int | None:
    """The device's own default sample rate (what it runs at when nobody asks otherwise)."""
    try:
        with _PORTAUDIO:
            info: Any = sd.query_devices(index)
    except (sd.PortAudioError, ValueError):
        return None
    rate = int(float(info.get("default_samplerate") or 0))
    return rate if rate > 0 else None
