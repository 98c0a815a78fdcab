"""Scripted behaviour of the simulator, chosen by tests or by `--scenario` on the command line.

A scenario is plain data. The command-line form is a comma-separated list of `key=value`
items, e.g. `goaway=5:2,resume=reject,delivery=bursty,fault=drop@reply` (see `parse`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, fields, replace
from typing import Any, Literal

FaultKind = Literal[
    "drop", "close", "unknown_keys", "invalid_json", "huge_frame", "error_body", "out_of_order"
]
FAULT_KINDS: tuple[str, ...] = (
    "drop",
    "close",
    "unknown_keys",
    "invalid_json",
    "huge_frame",
    "error_body",
    # Well-formed frames in an order the protocol does not have: `interrupted`, then a
    # `generationComplete` for the interrupted reply (the service sends none after `interrupted`).
    "out_of_order",
)
Delivery = Literal["realtime", "bursty", "slow"]
AuthFailure = Literal["http", "close"]


@dataclass(frozen=True)
class Fault:
    """One injected failure.

    Fires `after_s` seconds after setupComplete, or (when `mid_reply`) halfway through the
    first reply of a connection. `connections` limits it to those connection numbers
    (1-based, counted per server); empty means every connection.
    """

    kind: FaultKind
    after_s: float | None = None
    mid_reply: bool = False
    code: int = 1011
    reason: str = ""
    connections: tuple[int, ...] = ()

    def applies_to(self, connection_no: int) -> bool:
        return not self.connections or connection_no in self.connections


@dataclass(frozen=True)
class Scenario:
    # Replies: "echo" speaks each utterance back.
    behaviour: Literal["echo"] = "echo"
    speech_threshold_dbfs: float = -40.0
    end_silence_s: float = 0.6
    # Audio delivery pacing of replies.
    delivery: Delivery = "realtime"
    chunk_s: float = 0.2
    initial_burst_chunks: int = 2
    # goAway after N seconds of a connection, then close 1011 after timeLeft (every connection).
    go_away_after_s: float | None = None
    go_away_time_left_s: float = 10.0
    # Resumption: "accept" known handles, or "reject" every handle.
    resume: Literal["accept", "reject"] = "accept"
    # client_content: "any" (older models) or "initial_history" only (gemini-3.1-flash-live;
    # desktop/sim/history.py).
    client_content: Literal["any", "initial_history"] = "any"
    # Failures.
    faults: tuple[Fault, ...] = ()
    auth_failure: AuthFailure = "http"  # how the literal "bad-key" is refused
    models: frozenset[str] | None = None  # None: any model name is served
    # The real service has been seen to close 1008 when audio streams during a tool call.
    strict_tool_audio: bool = False
    # Cancel a pending tool call this many seconds after issuing it (None: never).
    cancel_tool_calls_after_s: float | None = None
    huge_frame_bytes: int = 3 * 2**20
    # goAway in the same burst as every toolCall (right behind it), with this much time left.
    go_away_with_tool_call_s: float | None = None
    # The first `bad_audio_replies` replies of the run carry their audio under this mimeType
    # (e.g. "audio/pcm;rate=0", "audio/opus"); later replies are normal 24 kHz PCM.
    bad_audio_mime: str | None = None
    bad_audio_replies: int = 1
    setup_delay_s: float = 0.0  # a slow (or, if long enough, a silent) server at setup


class ScenarioError(ValueError):
    pass


def _parse_fault(spec: str) -> Fault:
    """`KIND[:CODE][@SECONDS|@reply][#N]`, e.g. `close:1008@2`, `drop@reply#1`."""
    connections: tuple[int, ...] = ()
    if "#" in spec:
        spec, conns = spec.split("#", 1)
        connections = tuple(int(c) for c in conns.split("+"))
    when = ""
    if "@" in spec:
        spec, when = spec.split("@", 1)
    kind, _, code = spec.partition(":")
    if kind not in FAULT_KINDS:
        raise ScenarioError(f"unknown fault {kind!r}; one of {', '.join(FAULT_KINDS)}")
    mid_reply = when == "reply"
    after_s = float(when) if when and not mid_reply else None
    if after_s is None and not mid_reply:
        after_s = 1.0
    return Fault(
        kind=kind,  # type: ignore[arg-type]  # checked against FAULT_KINDS above
        after_s=after_s,
        mid_reply=mid_reply,
        code=int(code) if code else 1011,
        connections=connections,
    )


def _flag(value: str) -> bool:
    return value not in ("0", "false", "no")


def _choice(*allowed: str) -> Callable[[str], str]:
    def check(value: str) -> str:
        if value not in allowed:
            raise ScenarioError(f"{value!r} is not one of {', '.join(allowed)}")
        return value

    return check


# key -> (Scenario field, how its value is read); goaway and fault are read apart.
_SIMPLE_KEYS: dict[str, tuple[str, Callable[[str], Any]]] = {
    "resume": ("resume", _choice("accept", "reject")),
    "client_content": ("client_content", _choice("any", "initial_history")),
    "delivery": ("delivery", _choice("realtime", "bursty", "slow")),
    "auth": ("auth_failure", _choice("http", "close")),
    "models": ("models", lambda v: frozenset(v.split("+"))),
    "strict_tool_audio": ("strict_tool_audio", _flag),
    "cancel_tools": ("cancel_tool_calls_after_s", float),
    "threshold": ("speech_threshold_dbfs", float),
    "goaway_tool": ("go_away_with_tool_call_s", float),
    "audio_mime": ("bad_audio_mime", str),
}


def parse(text: str) -> Scenario:
    """Parse the command-line form.

    Keys: `goaway=AFTER:TIMELEFT`, `resume=accept|reject`, `delivery=realtime|bursty|slow`,
    `client_content=any|initial_history`,
    `fault=SPEC` (repeatable, see `_parse_fault`), `auth=http|close`, `models=a+b`,
    `strict_tool_audio=1`, `cancel_tools=SECONDS`, `threshold=DBFS`, `goaway_tool=TIMELEFT`
    (goAway right behind every toolCall), `audio_mime=MIME` (the first reply's audio under
    that mimeType).
    """
    sc = Scenario()
    faults: list[Fault] = []
    for item in filter(None, (p.strip() for p in text.split(","))):
        key, sep, value = item.partition("=")
        if not sep:
            raise ScenarioError(f"expected key=value, got {item!r}")
        if key == "goaway":
            after, _, left = value.partition(":")
            sc = replace(sc, go_away_after_s=float(after), go_away_time_left_s=float(left or 10))
        elif key == "fault":
            faults.append(_parse_fault(value))
        elif key in _SIMPLE_KEYS:
            name, read = _SIMPLE_KEYS[key]
            sc = replace(sc, **{name: read(value)})
        else:
            known = ", ".join(f.name for f in fields(Scenario))
            raise ScenarioError(f"bad scenario item {item!r} (fields: {known})")
    return replace(sc, faults=tuple(faults))
