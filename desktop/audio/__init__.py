"""Microphone and speaker I/O: streams, playback ring buffer, DSP chain, devices."""

from desktop.audio.devices import AudioDeviceError, list_devices
from desktop.audio.dsp import Levels
from desktop.audio.engine import AudioEngine, AudioSettings, EngineStats
from desktop.audio.ring import PlaybackRing

__all__ = [
    "AudioDeviceError",
    "AudioEngine",
    "AudioSettings",
    "EngineStats",
    "Levels",
    "PlaybackRing",
    "list_devices",
]
