"""Errors raised by the video package (OpenCV and mss errors are translated into these)."""

from __future__ import annotations


class VideoError(Exception):
    """Base of every error the video package raises; the message is readable by a user."""


class VideoSourceError(VideoError):
    """A video source cannot be parsed, opened or read (missing, busy, undecodable...)."""


class EncodeError(VideoError):
    """A frame could not be encoded (wrong shape or type, encoder failure)."""
