"""The command line: a contract (issue 2). Extend it; never change what a flag means.

python -m desktop [--backend gemini|vertex|simulator] [--model NAME] [--project P]
    [--location L] [--endpoint URL] [--ca-file PEM] [--video-source SPEC|none]
    [--input-device NAME] [--output-device NAME] [--connect] [--smoke-test]
    [--log-level LEVEL] [--version]

python -m desktop report [--session ID|last] [--format md|json|pdf] [--out PATH]
    [--summarize] [--backend B]       (the job report: desktop/report/cli.py, docs/REPORT.md)

Precedence for every setting: flag > environment > settings file > default. Flags apply
for this run only; apply_cli records them so save_settings does not persist them.
"""

from __future__ import annotations

import argparse
import dataclasses
import importlib.metadata
import os
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from desktop.infra.settings import SPECS, Settings, check_value

PROG = "fieldassist"
DISTRIBUTION = "fieldassist"
# "auto" is what no --backend means, so the flag offers the settings table's other choices.
CLI_BACKENDS = tuple(b for b in SPECS["backend"].choices if b != "auto")
PROJECT_ENV = "GOOGLE_CLOUD_PROJECT"
LOCATION_ENV = "GOOGLE_CLOUD_LOCATION"


def program_version() -> str:
    try:
        return importlib.metadata.version(DISTRIBUTION)
    except importlib.metadata.PackageNotFoundError:
        return "0+source"  # running from a checkout that was never pip-installed


@dataclass(frozen=True)
class CliOptions:
    """Parsed flags. None means "not given on the command line"."""

    backend: str | None = None
    model: str | None = None
    project: str | None = None
    location: str | None = None
    endpoint: str | None = None
    ca_file: str | None = None
    video_source: str | None = None  # "none" = no video
    input_device: str | None = None
    output_device: str | None = None
    connect: bool = False
    smoke_test: bool = False
    log_level: str | None = None


def _non_empty(value: str) -> str:
    if not value.strip():
        raise argparse.ArgumentTypeError("must not be empty")
    return value.strip()


def _checked(name: str) -> Callable[[str], str]:
    """An argparse type that checks a flag's value with the settings table's rule."""

    def parse(value: str) -> str:
        usable, must_be = check_value(name, value.strip())
        if must_be is not None:
            raise argparse.ArgumentTypeError(f"invalid value {value!r}: must be {must_be}")
        return str(usable)

    parse.__name__ = name  # argparse names the type in some messages
    return parse


def _ca_file(value: str) -> str:
    path = Path(value).expanduser()
    if not path.is_file():
        raise argparse.ArgumentTypeError(f"CA file {value!r} does not exist or is not a file")
    return str(path.resolve())


def _video_source(value: str) -> str:
    value = _non_empty(value)
    return "none" if value.lower() == "none" else value


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=PROG,
        description="FieldAssist: a real-time voice and camera assistant on Gemini Live.",
    )
    parser.add_argument("--version", action="version", version=f"{PROG} {program_version()}")
    conn = parser.add_argument_group("connection")
    conn.add_argument(
        "--backend",
        choices=CLI_BACKENDS,
        help="gemini (API key), vertex (project + location, ADC) or the built-in simulator; "
        "default: gemini if an API key is set, else simulator",
    )
    conn.add_argument("--model", type=_non_empty, metavar="NAME", help="Live model name")
    conn.add_argument("--project", type=_non_empty, metavar="P", help="Vertex AI project")
    conn.add_argument("--location", type=_non_empty, metavar="L", help="Vertex AI location")
    conn.add_argument(
        "--endpoint",
        type=_checked("endpoint"),
        metavar="URL",
        help="base URL of a Live-compatible endpoint",
    )
    conn.add_argument(
        "--ca-file", type=_ca_file, metavar="PEM", help="extra CA certificates for --endpoint"
    )
    conn.add_argument(
        "--connect", action="store_true", help="start the session as soon as the window is up"
    )
    media = parser.add_argument_group("media")
    media.add_argument(
        "--video-source",
        type=_video_source,
        metavar="SPEC|none",
        help="camera index, video file, URL, 'screen', or 'none'",
    )
    media.add_argument("--input-device", type=_non_empty, metavar="NAME", help="microphone")
    media.add_argument("--output-device", type=_non_empty, metavar="NAME", help="speaker")
    prog = parser.add_argument_group("program")
    prog.add_argument(
        "--smoke-test",
        action="store_true",
        help="initialise everything that needs no device or network, log 'init finished', exit",
    )
    prog.add_argument(
        "--log-level",
        type=_checked("log_level"),
        metavar="LEVEL",
        help=SPECS["log_level"].must_be(),
    )
    return parser


def parse_args(
    argv: Sequence[str] | None = None,
    settings: Settings | None = None,
    environ: Mapping[str, str] | None = None,
) -> CliOptions:
    """Parse and validate. Invalid input exits with status 2 and a message (parser.error).

    Pass the loaded `settings` so `--backend vertex` can take project/location from the
    settings file; without it only flags and the environment count.
    """
    parser = build_parser()
    ns = parser.parse_args(list(argv) if argv is not None else None)
    opts = CliOptions(**{f.name: getattr(ns, f.name) for f in dataclasses.fields(CliOptions)})
    if opts.backend == "vertex":
        env = os.environ if environ is None else environ
        missing = [
            flag
            for flag, name, var in (
                ("--project", "project", PROJECT_ENV),
                ("--location", "location", LOCATION_ENV),
            )
            if not _first(getattr(opts, name), env.get(var), settings and getattr(settings, name))
        ]
        if missing:
            parser.error(
                "--backend vertex needs "
                + " and ".join(missing)
                + f" (or {PROJECT_ENV}/{LOCATION_ENV}, or the values in Settings)"
            )
    return opts


def _first(*values: Any) -> Any:
    for value in values:
        if value:
            return value
    return None


_ENV_FOR_FIELD = {"project": PROJECT_ENV, "location": LOCATION_ENV}


def apply_cli(
    settings: Settings, opts: CliOptions, environ: Mapping[str, str] | None = None
) -> Settings:
    """A copy of `settings` with environment values and flags applied for this run.

    The returned Settings remembers what it overrode (cli_overrides), so saving it later
    writes the file's own values for those fields.
    """
    env = os.environ if environ is None else environ
    overrides: dict[str, Any] = {}
    for name, var in _ENV_FOR_FIELD.items():
        value = env.get(var, "").strip()
        if value:
            overrides[name] = value
    for name in (
        "backend",
        "model",
        "project",
        "location",
        "endpoint",
        "ca_file",
        "video_source",
        "input_device",
        "output_device",
        "log_level",
    ):
        value = getattr(opts, name)
        if value is not None:
            overrides[name] = value
    changed = {k: v for k, v in overrides.items() if getattr(settings, k) != v}
    result = dataclasses.replace(settings, **changed)
    result.cli_overrides = dict(settings.cli_overrides)
    for name, value in changed.items():
        file_value = settings.cli_overrides.get(name, (getattr(settings, name), None))[0]
        result.cli_overrides[name] = (file_value, value)
    return result
