"""Connection settings for one Live session, independent of where they were read from."""

from __future__ import annotations

import ssl
from dataclasses import dataclass, field, fields
from typing import Literal

from desktop.session.models import default_model_for

Backend = Literal["gemini", "vertex", "simulator"]
# The server's voice activity detection: "default" leaves both sensitivities to the server.
VadSensitivity = Literal["default", "low", "high"]

DEFAULT_GEMINI_MODEL = default_model_for("gemini")
DEFAULT_VERTEX_MODEL = default_model_for("vertex")

SIMULATOR_API_KEY = "simulator"  # not a secret: the local simulator accepts any key but "bad-key"


@dataclass(frozen=True, repr=False)
class LiveOptions:
    backend: Backend = "gemini"
    model: str | None = None  # None: the backend's default (see `model_name`)
    api_key: str | None = None
    project: str | None = None
    location: str | None = None
    endpoint: str | None = None  # base_url: a gateway, or a simulator started separately
    ca_file: str | None = None  # PEM of a private CA for `endpoint`
    ssl_context: ssl.SSLContext | None = field(default=None, compare=False)
    voice: str | None = None
    language: str | None = None  # BCP-47, e.g. "en-US"
    system_instruction: str | None = None
    compression: bool = True  # sliding-window context compression: unlimited session length
    resumption: bool = True
    automatic_activity_detection: bool = True
    vad_sensitivity: VadSensitivity = "default"  # start and end of speech alike
    vad_silence_ms: int = 0  # silence that ends the user's turn; 0 = the server's default

    @property
    def model_name(self) -> str:
        if self.model:
            return self.model
        return DEFAULT_VERTEX_MODEL if self.backend == "vertex" else DEFAULT_GEMINI_MODEL

    def __repr__(self) -> str:
        # Never show the API key: reprs end up in logs and crash reports.
        parts = []
        for f in fields(self):
            value = getattr(self, f.name)
            if f.name == "api_key" and value is not None:
                value = "***"
            parts.append(f"{f.name}={value!r}")
        return f"LiveOptions({', '.join(parts)})"
