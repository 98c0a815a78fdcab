"""Pure logic: server message -> events in the fixed order, and the close-code decision table."""

from __future__ import annotations

import pytest
from google.genai import errors as genai_errors
from google.genai import types

from desktop.live.config import OptionsError, build_client
from desktop.live.errors import LinkContext, LinkError, classify, classify_close
from desktop.live.options import LiveOptions
from desktop.live.translate import parse_duration, translate
from desktop.session.events import (
    CloseKind,
    GenerationComplete,
    GoAway,
    InputTranscript,
    Interrupted,
    ModelAudio,
    ModelText,
    OutputTranscript,
    ResumptionUpdate,
    ToolCallCancelled,
    ToolCallItem,
    ToolCallRequested,
    TurnComplete,
    UsageReport,
)


def test_every_field_in_the_fixed_order() -> None:
    # Built from the camelCase wire form, the way the SDK parses it.
    msg = types.LiveServerMessage._from_response(  # the SDK's own parser
        response={
            "server_content": {
                "interrupted": True,
                "modelTurn": {
                    "parts": [
                        {"inlineData": {"mimeType": "audio/pcm;rate=24000", "data": "AAEC"}},
                        {"text": "hello"},
                        {"text": "thinking", "thought": True},
                    ]
                },
                "inputTranscription": {"text": "hi", "finished": True},
                "outputTranscription": {"text": "hello"},
                "generationComplete": True,
                "turnComplete": True,
                "turnCompleteReason": "NEED_MORE_INPUT",
            },
            "tool_call": {"functionCalls": [{"id": "c1", "name": "f", "args": {"a": 1}}]},
            "tool_call_cancellation": {"ids": ["c0"]},
            "session_resumption_update": {"newHandle": "h", "resumable": True},
            "usage_metadata": {
                "promptTokenCount": 3,
                "responseTokenCount": 4,
                "totalTokenCount": 7,
            },
            "go_away": {"timeLeft": "50s"},
        },
        kwargs={},
    )
    assert translate(msg) == [
        Interrupted(),
        ModelAudio(pcm=b"\x00\x01\x02", rate=24000),
        ModelText("hello"),
        InputTranscript("hi", finished=True),
        OutputTranscript("hello"),
        GenerationComplete(),
        TurnComplete(reason="NEED_MORE_INPUT"),
        ToolCallRequested((ToolCallItem("c1", "f", {"a": 1}),)),
        ToolCallCancelled(("c0",)),
        ResumptionUpdate("h", resumable=True),
        UsageReport(3, 4, 7),
        GoAway(50.0),
    ]


def test_unresumable_update_has_no_handle() -> None:
    msg = types.LiveServerMessage(
        session_resumption_update=types.LiveServerSessionResumptionUpdate(resumable=False)
    )
    assert translate(msg) == [ResumptionUpdate(None, resumable=False)]


@pytest.mark.parametrize(
    ("text", "seconds"), [("50s", 50.0), ("1.5s", 1.5), ("0s", 0.0), (None, 0.0), ("soon", 0.0)]
)
def test_duration(text: str | None, seconds: float) -> None:
    assert parse_duration(text) == seconds


PLAIN = LinkContext(model="m")
RESUMING = LinkContext(resuming=True, early=True, model="m")


@pytest.mark.parametrize(
    ("code", "reason", "ctx", "kind"),
    [
        (1000, "", PLAIN, CloseKind.TRANSIENT),
        (1000, "", LinkContext(requested=True), CloseKind.REQUESTED),
        (1006, "", LinkContext(requested=True), CloseKind.REQUESTED),
        (1011, "Internal error encountered.", PLAIN, CloseKind.TRANSIENT),
        (1007, "Request contains an invalid argument.", PLAIN, CloseKind.FATAL_ARGUMENT),
        (1007, "API key not valid. Please pass a valid API key.", PLAIN, CloseKind.FATAL_AUTH),
        (1007, "Request contains an invalid argument.", RESUMING, CloseKind.RESUME_REJECTED),
        (
            1008,
            "Operation is not implemented, or supported, or enabled.",
            PLAIN,
            CloseKind.FATAL_POLICY,
        ),
        (
            1008,
            "models/x is not found for API version v1beta, or is not supported for "
            "bidiGenerateContent.",
            PLAIN,
            CloseKind.FATAL_MODEL,
        ),
        (
            1008,
            "the resumption handle expired",
            LinkContext(resuming=True),
            CloseKind.RESUME_REJECTED,
        ),
        (1007, "bad field", LinkContext(resuming=True, early=False), CloseKind.FATAL_ARGUMENT),
        (1009, "", PLAIN, CloseKind.PROTOCOL),
        (1007, "", LinkContext(requested=True), CloseKind.FATAL_ARGUMENT),  # not masked
    ],
)
def test_close_table(code: int, reason: str, ctx: LinkContext, kind: CloseKind) -> None:
    assert classify_close(code, reason, ctx).kind is kind


def test_sdk_errors_classified() -> None:
    closed = genai_errors.APIError(1011, "Deadline expired before operation could complete.")
    err = classify(closed, PLAIN)
    assert (err.kind, err.code) == (CloseKind.TRANSIENT, 1011)
    assert classify(TypeError("'<=' not supported"), PLAIN).kind is CloseKind.PROTOCOL
    assert classify(ConnectionRefusedError(111, "refused"), PLAIN).kind is CloseKind.TRANSIENT


def test_options_repr_hides_the_key() -> None:
    text = repr(LiveOptions(api_key="AIza-secret-value"))
    assert "AIza-secret-value" not in text and "api_key='***'" in text
    assert LiveOptions(backend="vertex").model_name != LiveOptions().model_name


def test_unusable_settings_are_fatal_link_errors() -> None:
    with pytest.raises(OptionsError) as info:
        build_client(LiveOptions(backend="gemini", api_key=None))
    assert isinstance(info.value, LinkError) and info.value.kind.fatal
    assert "GEMINI_API_KEY" in info.value.message
    with pytest.raises(OptionsError, match="CA file"):
        build_client(LiveOptions(backend="simulator", endpoint="https://x", ca_file="/nonexistent"))
