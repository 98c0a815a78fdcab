"""One-off checks outside a session: the --smoke-test and the settings' connection test."""

from __future__ import annotations

import asyncio

from desktop.app.options import live_options
from desktop.infra.redact import register_secret
from desktop.infra.settings import Settings


def smoke_check(settings: Settings, api_key: str | None) -> list[str]:
    """Initialise what can be without devices or network; returns what was checked.

    Used by --smoke-test (and the frozen build's test): a missing module, native library or
    model file fails here rather than in front of a technician.
    """
    import numpy as np
    import soxr

    from desktop.audio.devices import list_devices
    from desktop.audio.dsp import EchoCanceller, VoiceActivity
    from desktop.live.config import build_client
    from desktop.video.encode import encode_jpeg

    backend = settings.effective_backend(api_key is not None)
    # The simulator is not started: the client is only constructed, never connected.
    unused = "https://127.0.0.1:9" if backend == "simulator" and not settings.endpoint else None
    options = live_options(settings, backend, api_key, endpoint=unused)
    build_client(options)
    jpeg = encode_jpeg(np.zeros((480, 640, 3), np.uint8), settings.video_long_side, 80)
    inputs, outputs = list_devices()
    # The DSP chain's native parts and model file: missing from a bad build, found here.
    silence = np.zeros(480, np.int16)
    EchoCanceller().process(silence[:160], silence[:160])
    VoiceActivity().process(silence)
    soxr.ResampleStream(24000, 48000, 1, dtype="int16").resample_chunk(silence)
    return [
        f"SDK client for {backend}",
        f"JPEG encoder ({len(jpeg)} bytes)",
        f"audio devices: {len(inputs)} in, {len(outputs)} out",
        "echo canceller, voice activity detector, resampler",
    ]


async def test_connection(settings: Settings, api_key: str | None) -> str:
    """Connect once with these settings and say precisely what happened (Settings' button).

    The key may be one just typed in Settings and not saved anywhere yet: it is registered
    for redaction before anything (the SDK, the link, an error) can print it.
    """
    register_secret(api_key)
    from desktop.live.config import build_client, build_config
    from desktop.live.errors import LinkError
    from desktop.live.link import LiveLink
    from desktop.sim.server import SimServer

    backend = settings.effective_backend(api_key is not None)
    sim: SimServer | None = None
    endpoint, ssl_context = settings.endpoint or None, None
    if backend == "simulator":
        sim = SimServer()
        await sim.start()
        endpoint, ssl_context = sim.url, sim.client_ssl_context()
    options = live_options(settings, backend, api_key, endpoint=endpoint, ssl_context=ssl_context)
    try:
        client = await asyncio.to_thread(build_client, options)
        link = LiveLink(client, options.model_name, build_config(options))
        await link.open()
        await link.close()
    except LinkError as exc:
        return f"Failed: {exc.message}"
    finally:
        if sim is not None:
            await sim.stop()
    return f"Connected to {options.model_name} ({backend})."


def list_audio_devices() -> tuple[list[str], list[str]]:
    """(input names, output names); call it on a worker thread, as the settings dialog does:
    importing sounddevice initialises PortAudio, which enumerates every device."""
    from desktop.audio.devices import list_devices

    return list_devices()
