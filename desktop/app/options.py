"""The one translation from the user's Settings to the live adapter's LiveOptions."""

from __future__ import annotations

import ssl
from typing import TYPE_CHECKING, cast

from desktop.infra.instructions import instruction_to_send
from desktop.infra.settings import Settings

if TYPE_CHECKING:
    from desktop.live.options import Backend, LiveOptions, VadSensitivity


def live_options(
    settings: Settings,
    backend: str,
    api_key: str | None,
    *,
    endpoint: str | None = None,
    ssl_context: ssl.SSLContext | None = None,
) -> LiveOptions:
    """`endpoint`/`ssl_context` override the settings' (the built-in simulator's address)."""
    # Late: desktop.live imports google.genai (half a second), not wanted before the window.
    from desktop.live.options import LiveOptions

    s = settings
    return LiveOptions(
        backend=cast("Backend", backend),
        model=s.effective_model(backend),
        api_key=api_key,
        project=s.project or None,
        location=s.location or None,
        endpoint=endpoint or s.endpoint or None,
        ca_file=s.ca_file or None,
        ssl_context=ssl_context,
        voice=s.voice or None,
        # Left empty, the spoken language is the interface's (English: the model decides).
        language=s.language or s.interface_language or None,
        system_instruction=instruction_to_send(s.system_instruction, s.interface_language) or None,
        compression=s.compression,
        resumption=s.resumption,
        automatic_activity_detection=not s.push_to_talk,
        vad_sensitivity=cast("VadSensitivity", s.vad_sensitivity),
        vad_silence_ms=s.vad_silence_ms,
    )
