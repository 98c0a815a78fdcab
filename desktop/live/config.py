"""LiveOptions -> google-genai client and LiveConnectConfig (the only place that knows both)."""

from __future__ import annotations

import ssl
from collections.abc import Mapping, Sequence
from typing import Any

from google import genai
from google.auth import exceptions as auth_errors
from google.genai import types

from desktop.live.errors import LinkError
from desktop.live.options import SIMULATOR_API_KEY, LiveOptions, VadSensitivity
from desktop.session.events import CloseKind

GEMINI_API_VERSION = "v1beta"  # the SDK's default v1 does not serve Live

# Our one sensitivity word -> the setup's start- and end-of-speech sensitivities. "high"
# detects speech starting and ending more often (quick turns, more false starts); "low"
# less often (noisy sites). "default" sends neither: the server's own default applies.
VAD_SENSITIVITY: dict[
    VadSensitivity, tuple[types.StartSensitivity, types.EndSensitivity] | None
] = {
    "default": None,
    "low": (types.StartSensitivity.START_SENSITIVITY_LOW, types.EndSensitivity.END_SENSITIVITY_LOW),
    "high": (
        types.StartSensitivity.START_SENSITIVITY_HIGH,
        types.EndSensitivity.END_SENSITIVITY_HIGH,
    ),
}


class OptionsError(LinkError):
    """The settings cannot describe a connection; the message says which one to fix.

    A LinkError (fatal, never retried) so a driver that opens links handles it like any
    other refusal: the session fails with this message and the settings stay as they are.
    """

    def __init__(self, message: str, kind: CloseKind = CloseKind.FATAL_ARGUMENT) -> None:
        super().__init__(kind, None, message)


def ssl_context_for(opts: LiveOptions) -> ssl.SSLContext:
    """The TLS trust for every connection of the client (Live WebSocket and REST).

    Order: an explicit context (tests, the in-process simulator); `--ca-file`, which
    overrides everything and trusts exactly that PEM bundle; otherwise the operating
    system's trust store through truststore, so a company root CA installed by IT (TLS
    inspection on corporate networks) works without configuration. Without this the SDK
    would fall back to certifi's bundle, which knows no company CA.
    """
    if opts.ssl_context is not None:
        return opts.ssl_context
    if opts.ca_file:
        try:
            return ssl.create_default_context(cafile=opts.ca_file)
        except (OSError, ssl.SSLError) as exc:
            raise OptionsError(f"Cannot read the CA file {opts.ca_file}: {exc}") from exc
    return system_trust_context()


def system_trust_context() -> ssl.SSLContext:
    """An SSLContext verifying against the OS store (Windows/macOS APIs; Linux CA bundle).

    On Linux truststore uses OpenSSL's default paths, which honour SSL_CERT_FILE and
    SSL_CERT_DIR, then the distributions' bundle locations; so those variables keep working.
    """
    import truststore  # late: a few ms, and only once a client is built

    return truststore.SSLContext(ssl.PROTOCOL_TLS_CLIENT)


def _http_options(opts: LiveOptions, api_version: str | None) -> types.HttpOptions:
    kwargs: dict[str, Any] = {}
    if api_version:
        kwargs["api_version"] = api_version
    if opts.endpoint:
        # A trailing slash would make the SDK build "//ws/...".
        kwargs["base_url"] = opts.endpoint.rstrip("/")
    ctx = ssl_context_for(opts)
    # "ssl" is what the SDK hands to websockets.connect for Live (and to aiohttp); httpx
    # (REST, token-free model listing) reads "verify". websockets.connect keeps its default
    # proxy=True, so HTTPS_PROXY/https_proxy/NO_PROXY (and the macOS/Windows system proxy via
    # urllib.request.getproxies) apply to the Live connection with no option here.
    kwargs["async_client_args"] = {"ssl": ctx, "verify": ctx}
    kwargs["client_args"] = {"verify": ctx}
    return types.HttpOptions(**kwargs)


def build_client(opts: LiveOptions, *, credentials: Any = None) -> genai.Client:
    """A client for the chosen backend. Raises OptionsError (a fatal LinkError).

    No network I/O for the Gemini API and the simulator. For Vertex, the SDK's constructor
    may read Application Default Credentials files (run it off the UI thread).
    `credentials` (google.auth credentials) is for Vertex only; None means ADC.
    """
    try:
        return _build_client(opts, credentials)
    except OptionsError:
        raise
    except auth_errors.GoogleAuthError as exc:
        raise OptionsError(
            f"No usable Google Cloud credentials ({type(exc).__name__}): run "
            "`gcloud auth application-default login`.",
            CloseKind.FATAL_AUTH,
        ) from exc
    except ValueError as exc:
        raise OptionsError(f"The connection settings are not usable: {exc}") from exc


def _build_client(opts: LiveOptions, credentials: Any) -> genai.Client:
    if opts.backend == "simulator":
        if not opts.endpoint:
            raise OptionsError("The simulator backend needs its URL as the endpoint.")
        # Gemini-API mode with a dummy key: same URL shape, headers and frames as the real thing.
        return genai.Client(
            api_key=opts.api_key or SIMULATOR_API_KEY,
            http_options=_http_options(opts, GEMINI_API_VERSION),
        )
    if opts.backend == "vertex":
        if not (opts.project and opts.location) and not opts.endpoint:
            raise OptionsError("Vertex AI needs a project and a location (Settings > Backend).")
        if credentials is None and opts.project and opts.location:
            # ADC loaded here, not by the SDK, so its token refreshes go through the same
            # trust store and proxy as the Live connection (live/adc.py).
            from desktop.live.adc import load_adc

            credentials, _ = load_adc(ssl_context_for(opts))
        return genai.Client(
            vertexai=True,
            project=opts.project,
            location=opts.location,
            credentials=credentials,
            http_options=_http_options(opts, None),
        )
    if not opts.api_key:
        raise OptionsError("No Gemini API key: add one in Settings or set GEMINI_API_KEY.")
    return genai.Client(api_key=opts.api_key, http_options=_http_options(opts, GEMINI_API_VERSION))


def build_config(
    opts: LiveOptions,
    resume_handle: str | None = None,
    tools: Sequence[types.Tool] | None = None,
    *,
    initial_history: bool = False,
) -> types.LiveConnectConfig:
    cfg = types.LiveConnectConfig(
        # Explicit: in API-key mode the SDK sends no modality, and native-audio models
        # refuse TEXT-only; transcripts come from the transcription settings below.
        response_modalities=[types.Modality.AUDIO],
        input_audio_transcription=types.AudioTranscriptionConfig(),
        output_audio_transcription=types.AudioTranscriptionConfig(),
    )
    if opts.compression:
        cfg.context_window_compression = types.ContextWindowCompressionConfig(
            sliding_window=types.SlidingWindow()
        )
    if opts.resumption or resume_handle:
        cfg.session_resumption = types.SessionResumptionConfig(handle=resume_handle)
    if opts.voice or opts.language:
        voice = None
        if opts.voice:
            voice = types.VoiceConfig(
                prebuilt_voice_config=types.PrebuiltVoiceConfig(voice_name=opts.voice)
            )
        cfg.speech_config = types.SpeechConfig(voice_config=voice, language_code=opts.language)
    if opts.system_instruction:
        cfg.system_instruction = opts.system_instruction
    detection = activity_detection(opts)
    if detection is not None:
        cfg.realtime_input_config = types.RealtimeInputConfig(
            automatic_activity_detection=detection
        )
    if tools:
        cfg.tools = list(tools)
    if initial_history:
        # A fresh session re-seeded from the transcript: the server takes client_content as
        # history until turn_complete, without answering it (gemini-3.1-flash-live accepts
        # client_content only this way; docs/PROTOCOL.md).
        cfg.history_config = types.HistoryConfig(initial_history_in_client_content=True)
    return cfg


def activity_detection(opts: LiveOptions) -> types.AutomaticActivityDetection | None:
    """realtimeInputConfig.automaticActivityDetection, or None when everything is the
    server's default. Push-to-talk turns it off (the client sends activity signals), and
    then sensitivities and silence mean nothing."""
    if not opts.automatic_activity_detection:
        return types.AutomaticActivityDetection(disabled=True)
    detection = types.AutomaticActivityDetection()
    sensitivities = VAD_SENSITIVITY[opts.vad_sensitivity]
    if sensitivities is not None:
        detection.start_of_speech_sensitivity, detection.end_of_speech_sensitivity = sensitivities
    if opts.vad_silence_ms > 0:
        detection.silence_duration_ms = opts.vad_silence_ms
    return detection if detection.model_dump(exclude_none=True) else None


def tools_from_declarations(declarations: Sequence[Mapping[str, Any]]) -> list[types.Tool]:
    """The tool registry's plain declarations as the SDK's Tool list (JSON-schema parameters,
    which MCP and HTTP tools need)."""
    if not declarations:
        return []
    return [
        types.Tool(
            function_declarations=[
                types.FunctionDeclaration(
                    name=d["name"],
                    description=d.get("description", ""),
                    parameters_json_schema=d.get("parameters"),
                )
                for d in declarations
            ]
        )
    ]
