"""Scripted behaviour of the simulator, chosen by tests or by `--scenario` on the command line.

A scenario is plain data. The command-line form is a comma-separated list of `key=value`
items, e.g. `goaway=5:2,resume=reject,delivery=bursty,fault=drop@reply` (see `parse`).
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from typing import Literal

FaultKind = Literal["drop", "close", "unknown_keys", "invalid_json", "huge_frame", "error_body"]
FAULT_KINDS: tuple[str, ...] = (
    "drop",
    "close",
    "unknown_keys",
    "invalid_json",
    "huge_frame",
    "error_body",
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
    # Failures.
    faults: tuple[Fault, ...] = ()
    auth_failure: AuthFailure = "http"  # how the literal "bad-key" is refused
    models: frozenset[str] | None = None  # None: any model name is served
    # The real service has been seen to close 1008 when audio streams during a tool call.
    strict_tool_audio: bool = False
    # Cancel a pending tool call this many seconds after issuing it (None: never).
    cancel_tool_calls_after_s: float | None = None
    huge_frame_bytes: int = 3 * 2**20
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


def parse(text: str) -> Scenario:
    """Parse the command-line form.

    Keys: `goaway=AFTER:TIMELEFT`, `resume=accept|reject`, `delivery=realtime|bursty|slow`,
    `fault=SPEC` (repeatable, see `_parse_fault`), `auth=http|close`, `models=a+b`,
    `strict_tool_audio=1`, `cancel_tools=SECONDS`, `threshold=DBFS`.
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
        elif key == "resume" and value in ("accept", "reject"):
            sc = replace(sc, resume=value)  # type: ignore[arg-type]
        elif key == "delivery" and value in ("realtime", "bursty", "slow"):
            sc = replace(sc, delivery=value)  # type: ignore[arg-type]
        elif key == "fault":
            faults.append(_parse_fault(value))
        elif key == "auth" and value in ("http", "close"):
            sc = replace(sc, auth_failure=value)  # type: ignore[arg-type]
        elif key == "models":
            sc = replace(sc, models=frozenset(value.split("+")))
        elif key == "strict_tool_audio":
            sc = replace(sc, strict_tool_audio=value not in ("0", "false", "no"))
        elif key == "cancel_tools":
            sc = replace(sc, cancel_tool_calls_after_s=float(value))
        elif key == "threshold":
            sc = replace(sc, speech_threshold_dbfs=float(value))
        else:
            known = ", ".join(f.name for f in fields(Scenario))
            raise ScenarioError(f"bad scenario item {item!r} (fields: {known})")
    return replace(sc, faults=tuple(faults))
