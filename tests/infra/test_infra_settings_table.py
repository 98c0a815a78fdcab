"""The settings table: every setting has its rules and its moment, a change is grouped by when
it applies, and the banner names exactly the settings that wait."""

from __future__ import annotations

import dataclasses

from desktop.infra.settings import (
    API_KEY,
    SAVED_KEYS,
    SPECS,
    Applies,
    Settings,
    SettingsChanged,
    check_value,
    group_by_applies,
    label,
    load_settings,
    pending_text,
)

# What the issue says applies when; the table must agree key by key.
EXPECTED = {
    Applies.NOW: {
        "input_device",
        "output_device",
        "echo_cancellation",
        "instant_barge_in",
        "push_to_talk",
        "video_source",
        "video_fps",
        "video_long_side",
        "jpeg_quality",
        "log_level",
        "first_run_done",
        "input_gain_db",
        "output_volume",
        "technician_name",
        "report_dir",
        "summary_model",
        "retention_days",
    },
    Applies.NEXT_CONNECTION: {
        "model",
        "voice",
        "language",
        "system_instruction",
        "vad_sensitivity",
        "vad_silence_ms",
        "compression",
        "resumption",
        "manuals_dir",
    },
    Applies.NEXT_SESSION: {"backend", "endpoint", "ca_file", "project", "location"},
    Applies.NEXT_START: {"ui_language"},
}


def test_every_saved_setting_has_exactly_one_moment() -> None:
    assert set(SPECS) == set(SAVED_KEYS) - {"version"}
    for when, names in EXPECTED.items():
        assert {k for k, s in SPECS.items() if s.applies is when} == names, when


def test_labels_are_distinct_words_for_the_user() -> None:
    labels = [label(k) for k in SPECS]
    assert len(set(labels)) == len(labels)
    assert label("vad_silence_ms") == "Silence that ends a turn"
    assert label(API_KEY) == "API key"


def test_a_change_is_grouped_by_when_it_applies() -> None:
    old = Settings()
    new = dataclasses.replace(
        old, voice="Kore", model="m", push_to_talk=True, endpoint="https://gw:1", video_fps=2.0
    )
    change = SettingsChanged(old, new)
    assert change.keys() == ("model", "endpoint", "voice", "push_to_talk", "video_fps")
    assert change.by_applies() == {
        Applies.NOW: ("push_to_talk", "video_fps"),
        Applies.NEXT_CONNECTION: ("model", "voice"),
        Applies.NEXT_SESSION: ("endpoint",),
        Applies.NEXT_START: (),
    }
    assert SettingsChanged(old, dataclasses.replace(old)).keys() == ()


def test_what_a_change_ignores() -> None:
    """Bookkeeping (loaded values, command-line overrides) is not a setting."""
    old = Settings()
    new = dataclasses.replace(old, loaded={"voice": "x"}, cli_overrides={"model": ("a", "b")})
    assert SettingsChanged(old, new).keys() == ()


def test_the_banner_names_exactly_the_waiting_settings() -> None:
    grouped = group_by_applies(["model", "voice", "push_to_talk", API_KEY, "backend"])
    assert grouped[Applies.NEXT_SESSION] == (API_KEY, "backend")
    assert (
        pending_text(grouped[Applies.NEXT_CONNECTION], Applies.NEXT_CONNECTION)
        == "Model, Voice apply at the next connection you start."
    )
    assert (
        pending_text(("backend",), Applies.NEXT_SESSION)
        == "Backend applies when the next session starts."
    )
    assert pending_text(grouped[Applies.NOW], Applies.NOW) == ""
    assert pending_text((), Applies.NEXT_CONNECTION) == ""


def test_check_value_is_the_one_rule_for_ranges_choices_and_formats() -> None:
    assert check_value("log_level", "debug") == ("DEBUG", None)
    assert check_value("backend", "cloud")[1] == "one of auto, gemini, vertex, simulator"
    assert check_value("jpeg_quality", 0)[1] == "between 1 and 100"
    assert check_value("video_fps", 2.5)[1] == "between 0.1 and 2"
    assert check_value("video_fps", float("nan"))[1] is not None
    assert check_value("video_fps", 2**1100)[1] is not None  # too large for a float
    assert check_value("endpoint", "gw.example.com")[1] is not None
    assert check_value("endpoint", "https://gw.example.com:8443") == (
        "https://gw.example.com:8443",
        None,
    )
    assert check_value("endpoint", "") == ("", None)  # empty = the default endpoint
    assert check_value("project", "Not A Project") == ("Not A Project", None)  # advice only


def test_a_file_endpoint_that_is_not_a_url_costs_that_key(tmp_path) -> None:
    """The loader checks with the same rule as the dialog and the command line: a gateway
    written without its scheme is refused with a note, not carried to the connection."""
    path = tmp_path / "settings.toml"
    path.write_text('version = 1\nendpoint = "gw.example.com"\nvoice = "Kore"\n')
    settings, notes = load_settings(path)
    assert (settings.endpoint, settings.voice) == ("", "Kore")
    assert notes == [
        'Setting endpoint = "gw.example.com" must be a URL such as '
        'https://gateway.example.com (scheme and host); using the default "".'
    ]
