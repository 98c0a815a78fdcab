"""The Live wire format as the simulator reads and writes it.

Client frames arrive with mixed key casing (`realtime_input` at the top, `mimeType` or
`mime_type` inside) and URL-safe or standard base64; everything is normalised to snake_case
keys here so the server logic reads one spelling. Server frames are written in camelCase,
which is what the SDK's parser requires at the top level.
"""

from __future__ import annotations

import base64
import binascii
import json
import re
from typing import Any

# Values under these keys are user data (tool args, tool results, schemas): never rename.
_OPAQUE_KEYS = frozenset({"args", "response", "parameters", "parameters_json_schema"})
_CAMEL = re.compile(r"(?<!^)(?=[A-Z])")


class FrameError(ValueError):
    """A client frame the simulator cannot understand."""


def snake(key: str) -> str:
    return _CAMEL.sub("_", key).lower()


def normalise(obj: Any) -> Any:
    if isinstance(obj, dict):
        return {snake(k): (v if snake(k) in _OPAQUE_KEYS else normalise(v)) for k, v in obj.items()}
    if isinstance(obj, list):
        return [normalise(v) for v in obj]
    return obj


def decode_frame(raw: str | bytes) -> dict[str, Any]:
    try:
        obj = json.loads(raw)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise FrameError(f"not JSON: {exc}") from exc
    if not isinstance(obj, dict):
        raise FrameError("a client frame must be a JSON object")
    return obj


def b64decode_any(data: str) -> bytes:
    """Accept both base64 alphabets, with or without padding."""
    std = data.replace("-", "+").replace("_", "/")
    std += "=" * (-len(std) % 4)
    try:
        return base64.b64decode(std, validate=True)
    except (binascii.Error, ValueError) as exc:
        raise FrameError(f"bad base64: {exc}") from exc


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def dumps(msg: dict[str, Any]) -> str:
    return json.dumps(msg, separators=(",", ":"))


# --- server messages -------------------------------------------------------------------


def setup_complete(session_id: str) -> dict[str, Any]:
    return {"setupComplete": {"sessionId": session_id}}


def content(**fields: Any) -> dict[str, Any]:
    return {"serverContent": fields}


def audio_part(pcm: bytes, rate: int = 24000, mime: str | None = None) -> dict[str, Any]:
    """Model audio; `mime` overrides the mimeType (a scenario sending a format that is wrong)."""
    return {"inlineData": {"mimeType": mime or f"audio/pcm;rate={rate}", "data": b64(pcm)}}


def resumption_update(handle: str | None, resumable: bool) -> dict[str, Any]:
    body: dict[str, Any] = {"resumable": resumable}
    if handle:
        body["newHandle"] = handle
    return {"sessionResumptionUpdate": body}


def usage(prompt: int, response: int, prompt_modality: str = "TEXT") -> dict[str, Any]:
    """One turn's usageMetadata (the service reports it per turn), with the per-modality
    details the real service sends (replies are spoken: the response is AUDIO)."""
    return {
        "promptTokenCount": prompt,
        "responseTokenCount": response,
        "totalTokenCount": prompt + response,
        "promptTokensDetails": [{"modality": prompt_modality, "tokenCount": prompt}],
        "responseTokensDetails": [{"modality": "AUDIO", "tokenCount": response}],
    }


def go_away(time_left_s: float) -> dict[str, Any]:
    # google.protobuf.Duration JSON form: decimal seconds with an "s" suffix.
    return {"goAway": {"timeLeft": f"{time_left_s:g}s"}}
