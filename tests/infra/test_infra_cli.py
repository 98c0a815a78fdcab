"""The command-line contract of issue 2, its validation, and override precedence."""

from __future__ import annotations

import pytest

from desktop import cli
from desktop.cli import CLI_BACKENDS, CliOptions, apply_cli, build_parser, parse_args
from desktop.infra.settings import Settings, load_settings, save_settings


def test_no_flags_means_nothing_overridden():
    opts = parse_args([])
    assert opts == CliOptions()
    s = Settings(voice="Kore")
    assert apply_cli(s, opts, environ={}) == s


def test_every_flag_parses(tmp_path):
    pem = tmp_path / "ca.pem"
    pem.write_text("-----BEGIN CERTIFICATE-----\n")
    opts = parse_args(
        [
            "--backend", "vertex",
            "--model", "gemini-live-x",
            "--project", "proj",
            "--location", "us-central1",
            "--endpoint", "https://127.0.0.1:8443",
            "--ca-file", str(pem),
            "--video-source", "clip.mp4",
            "--input-device", "Mic 1",
            "--output-device", "Speaker 2",
            "--connect",
            "--smoke-test",
            "--log-level", "debug",
        ],
        environ={},
    )  # fmt: skip
    assert opts == CliOptions(
        backend="vertex",
        model="gemini-live-x",
        project="proj",
        location="us-central1",
        endpoint="https://127.0.0.1:8443",
        ca_file=str(pem.resolve()),
        video_source="clip.mp4",
        input_device="Mic 1",
        output_device="Speaker 2",
        connect=True,
        smoke_test=True,
        log_level="DEBUG",
    )
    s = apply_cli(Settings(), opts, environ={})
    assert (s.backend, s.model, s.project, s.location) == (
        "vertex",
        "gemini-live-x",
        "proj",
        "us-central1",
    )
    assert (s.endpoint, s.ca_file, s.video_source) == (
        "https://127.0.0.1:8443",
        str(pem.resolve()),
        "clip.mp4",
    )
    assert (s.input_device, s.output_device, s.log_level) == ("Mic 1", "Speaker 2", "DEBUG")


@pytest.mark.parametrize("spelling", ["none", "None", "NONE"])
def test_video_source_none(spelling):
    assert parse_args(["--video-source", spelling]).video_source == "none"


def test_backends_accepted():
    for backend in ("gemini", "simulator"):
        assert parse_args(["--backend", backend]).backend == backend


def test_version(capsys):
    with pytest.raises(SystemExit) as exc:
        parse_args(["--version"])
    assert exc.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith("fieldassist ") and cli.program_version() in out


def test_help_lists_the_contract(capsys):
    with pytest.raises(SystemExit):
        build_parser().parse_args(["--help"])
    out = capsys.readouterr().out
    for flag in (
        "--backend", "--model", "--project", "--location", "--endpoint", "--ca-file",
        "--video-source", "--input-device", "--output-device", "--connect", "--smoke-test",
        "--log-level", "--version",
    ):  # fmt: skip
        assert flag in out


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--ca-file", "/no/such/ca.pem"], "does not exist"),
        (["--log-level", "LOUD"], "'LOUD': must be one of DEBUG, INFO, WARNING, ERROR"),
        (["--backend", "openai"], "invalid choice"),
        (["--endpoint", "gw.example.com"], "must be a URL such as https://"),
        (["--endpoint", "ftp://gw.example.com"], "must be a URL such as https://"),
        (["--model", "  "], "must not be empty"),
        (["--backend", "vertex"], "--project and --location"),
        (["--backend", "vertex", "--project", "p"], "--location"),
        (["--frobnicate"], "unrecognized arguments"),
    ],
)
def test_invalid_values_exit_2_with_a_message(argv, message, capsys):
    with pytest.raises(SystemExit) as exc:
        parse_args(argv, environ={})
    assert exc.value.code == 2
    assert message in capsys.readouterr().err


def test_vertex_takes_project_and_location_from_env_or_settings(capsys):
    env = {"GOOGLE_CLOUD_PROJECT": "ep", "GOOGLE_CLOUD_LOCATION": "el"}
    assert parse_args(["--backend", "vertex"], environ=env).backend == "vertex"
    s = Settings(project="sp", location="sl")
    assert parse_args(["--backend", "vertex"], settings=s, environ={}).backend == "vertex"
    with pytest.raises(SystemExit):
        parse_args(["--backend", "vertex"], settings=Settings(project="sp"), environ={})
    assert "--location" in capsys.readouterr().err


def test_vertex_reads_process_environment_by_default(monkeypatch):
    monkeypatch.setenv("GOOGLE_CLOUD_PROJECT", "ep")
    monkeypatch.setenv("GOOGLE_CLOUD_LOCATION", "el")
    s = apply_cli(Settings(), parse_args(["--backend", "vertex"]))
    assert (s.project, s.location) == ("ep", "el")


@pytest.mark.parametrize(
    ("flag", "env", "file", "expected"),
    [
        ("flag-p", "env-p", "file-p", "flag-p"),
        (None, "env-p", "file-p", "env-p"),
        (None, None, "file-p", "file-p"),
        (None, None, None, ""),
    ],
)
def test_precedence_flag_env_file_default(flag, env, file, expected):
    argv = ["--project", flag] if flag else []
    environ = {"GOOGLE_CLOUD_PROJECT": env} if env else {}
    settings = Settings(project=file) if file else Settings()
    assert apply_cli(settings, parse_args(argv, environ=environ), environ=environ).project == (
        expected
    )


def test_flags_are_not_saved(tmp_path):
    path = tmp_path / "settings.toml"
    save_settings(Settings(backend="gemini", voice="Kore"), path)
    file_settings, _ = load_settings(path)
    run = apply_cli(
        file_settings,
        parse_args(["--backend", "simulator", "--video-source", "none"]),
        environ={"GOOGLE_CLOUD_LOCATION": "el"},
    )
    assert (run.backend, run.video_source, run.location) == ("simulator", "none", "el")
    # The user changes an unrelated setting and one overridden setting during the run.
    run.voice = "Puck"
    run.video_source = "1"
    save_settings(run, path)
    saved, _ = load_settings(path)
    assert saved.backend == "gemini"  # the flag did not leak into the file
    assert saved.location == ""  # nor did the environment
    assert saved.voice == "Puck"
    assert saved.video_source == "1"  # an explicit change after the override is kept
    # apply_cli does not touch its input.
    assert file_settings.backend == "gemini" and file_settings.cli_overrides == {}


def test_apply_twice_keeps_the_file_value():
    once = apply_cli(Settings(model="file-m"), parse_args(["--model", "a"]), environ={})
    twice = apply_cli(once, parse_args(["--model", "b"]), environ={})
    assert twice.model == "b"
    assert twice.cli_overrides["model"] == ("file-m", "b")


def test_flags_check_with_the_settings_tables_rules(capsys):
    """One rule per setting: what the file loader refuses, the flag refuses with the same words."""
    from desktop.infra.settings import SPECS, check_value

    assert set(CLI_BACKENDS) == set(SPECS["backend"].choices) - {"auto"}
    for level in SPECS["log_level"].choices:
        assert parse_args(["--log-level", level.lower()]).log_level == level
    for url in ("wss://gw.example.com/x", "http://127.0.0.1:9"):
        assert parse_args(["--endpoint", url]).endpoint == url
        assert check_value("endpoint", url)[1] is None
    with pytest.raises(SystemExit):
        parse_args(["--endpoint", "https://"])
    assert check_value("endpoint", "https://")[1] in capsys.readouterr().err
