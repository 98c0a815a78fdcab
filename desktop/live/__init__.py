"""The google-genai adapter: settings -> client/config, one Live connection as session events."""

from desktop.live.config import OptionsError, build_client, build_config
from desktop.live.errors import LinkError
from desktop.live.link import LiveLink
from desktop.live.options import DEFAULT_GEMINI_MODEL, DEFAULT_VERTEX_MODEL, LiveOptions

__all__ = [
    "DEFAULT_GEMINI_MODEL",
    "DEFAULT_VERTEX_MODEL",
    "LinkError",
    "LiveLink",
    "LiveOptions",
    "OptionsError",
    "build_client",
    "build_config",
]
