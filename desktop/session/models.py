"""The one place Live model names are written down.

The Gemini API and Vertex AI name their Live models differently. Settings, the live adapter
and the settings dialog all read the defaults from here (a pure table, importable everywhere).
"""

from __future__ import annotations

DEFAULT_MODELS: dict[str, str] = {
    "gemini": "gemini-3.1-flash-live-preview",
    "vertex": "gemini-live-2.5-flash-native-audio",
    "simulator": "gemini-3.1-flash-live-preview",
}


def default_model_for(backend: str) -> str:
    """The default model of a backend ("auto" and unknown names get the Gemini API's)."""
    return DEFAULT_MODELS.get(backend, DEFAULT_MODELS["gemini"])
