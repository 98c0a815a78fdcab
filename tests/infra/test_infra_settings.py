"""Settings file: defaults, round trip, corrupt/wrong-typed recovery, migration, atomicity."""

from __future__ import annotations

import dataclasses
import os
import tomllib

import pytest
import tomli_w

from desktop.infra import settings as settings_mod
from desktop.infra.settings import (
    SETTINGS_VERSION,
    Settings,
    load_settings,
    save_settings,
)
from desktop.session.models import DEFAULT_MODELS


@pytest.fixture
def home(tmp_path, monkeypatch):
    monkeypatch.setenv("FIELDASSIST_HOME", str(tmp_path))
    return tmp_path


def backups(path):
    return sorted(path.parent.glob(path.name + ".corrupt-*"))


def test_missing_file_gives_defaults_without_notes_or_files(home):
    s, notes = load_settings()
    assert s == Settings()
    assert notes == []
    assert not (home / "config").exists()


def test_defaults_match_the_brief():
    s = Settings()
    assert s.version == SETTINGS_VERSION
    assert s.backend == "auto"
    assert (s.video_source, s.video_fps, s.video_long_side, s.jpeg_quality) == ("0", 1.0, 768, 80)
    assert s.echo_cancellation and s.compression and s.resumption
    assert not s.instant_barge_in and not s.push_to_talk
    assert s.log_level == "INFO"
    assert "safe" in s.system_instruction.lower()
    assert "api_key" not in {f.name for f in dataclasses.fields(Settings)}


def test_auto_backend_and_model_defaults():
    s = Settings()
    assert s.effective_backend(has_api_key=True) == "gemini"
    assert s.effective_backend(has_api_key=False) == "simulator"
    assert s.effective_model("gemini") == "gemini-3.1-flash-live-preview"
    assert s.effective_model("vertex") == "gemini-live-2.5-flash-native-audio"
    assert s.effective_model("vertex") == DEFAULT_MODELS["vertex"]
    pinned = Settings(backend="vertex", model="my-model")
    assert pinned.effective_backend(has_api_key=True) == "vertex"
    assert pinned.effective_model() == "my-model"


def test_round_trip_of_every_field(home):
    changed = Settings(
        backend="vertex",
        model="m",
        project="p",
        location="europe-west4",
        endpoint="https://gw.example:8443",
        ca_file="/etc/ca.pem",
        compression=False,
        resumption=False,
        voice="Kore",
        language="de-DE",
        system_instruction='Be brief.\nLine two with "quotes" and ünïcode.',
        input_device="USB Mic",
        output_device="Headset",
        vad_sensitivity="low",
        vad_silence_ms=650,
        echo_cancellation=False,
        instant_barge_in=True,
        push_to_talk=True,
        video_source="rtsp://cam/1",
        manuals_dir="/srv/manuals",
        video_fps=0.5,
        video_long_side=1024,
        jpeg_quality=70,
        log_level="DEBUG",
        window_geometry="AdnQywADAAA=",
        window_state="AAAA/wAAAAD9",
        splitter_state="AAAA",
        inspector_visible=True,
        first_run_done=True,
    )
    # Every saved field differs from its default, so the round trip proves each one.
    for f in dataclasses.fields(Settings):
        if f.name not in ("version", "cli_overrides"):
            assert getattr(changed, f.name) != getattr(Settings(), f.name), f.name
    path = save_settings(changed)
    assert path == home / "config" / "settings.toml"
    loaded, notes = load_settings()
    assert notes == []
    assert loaded == changed


def test_corrupt_file_is_backed_up_and_defaults_used(home):
    path = home / "config" / "settings.toml"
    path.parent.mkdir(parents=True)
    garbage = b'backend = "gemini"\nthis is [not toml\n'
    path.write_bytes(garbage)
    s, notes = load_settings()
    assert s == Settings()
    assert len(notes) == 1 and "damaged" in notes[0]
    [backup] = backups(path)
    assert backup.read_bytes() == garbage
    assert backup.name in notes[0]
    assert not path.exists()
    # A second corrupt file in the same second gets its own backup.
    path.write_bytes(b"\xff\xfe binary")
    s2, notes2 = load_settings()
    assert s2 == Settings() and notes2
    assert len(backups(path)) == 2


@pytest.mark.parametrize(
    "doc",
    [
        {"version": 1, "video_fps": "fast"},
        {"version": 1, "video_long_side": True},  # bool is not an int here
        {"version": 1, "echo_cancellation": "yes"},
        {"version": 1, "backend": 3},
        {"version": 1, "model": ["a"]},
        {"version": "one"},
    ],
)
def test_wrong_types_are_backed_up(home, doc):
    path = home / "config" / "settings.toml"
    path.parent.mkdir(parents=True)
    path.write_text(tomli_w.dumps(doc))
    s, notes = load_settings()
    assert s == Settings()
    assert len(notes) == 1
    assert len(backups(path)) == 1


def test_int_accepted_for_float(home):
    path = home / "config" / "settings.toml"
    path.parent.mkdir(parents=True)
    path.write_text("version = 1\nvideo_fps = 2\n")
    s, notes = load_settings()
    assert s.video_fps == 2.0 and isinstance(s.video_fps, float)
    assert notes == []


def test_unknown_keys_ignored_with_a_note(home):
    path = home / "config" / "settings.toml"
    path.parent.mkdir(parents=True)
    path.write_text('version = 1\nvoice = "Puck"\ncolour = "blue"\n')
    s, notes = load_settings()
    assert s.voice == "Puck"
    assert notes == ["Unknown setting 'colour' ignored."]
    assert backups(path) == []


def test_out_of_range_values_reset_individually(home):
    path = home / "config" / "settings.toml"
    path.parent.mkdir(parents=True)
    path.write_text(
        'version = 1\nbackend = "cloud"\njpeg_quality = 0\nvideo_fps = 30.0\n'
        'log_level = "debug"\nvoice = "Kore"\n'
    )
    s, notes = load_settings()
    assert (s.backend, s.jpeg_quality, s.video_fps) == ("auto", 80, 1.0)
    assert s.log_level == "DEBUG"  # case normalised, not an error
    assert s.voice == "Kore"  # the good values survive
    assert len(notes) == 3
    assert backups(path) == []


def test_migration_from_v0(home):
    path = home / "config" / "settings.toml"
    path.parent.mkdir(parents=True)
    path.write_text(
        'backend = "gemini"\napi_key = "AIza' + 'SyD-not-a-real-key-000000000000000"\n'
        '[video]\ncamera = 2\nfps = 0.5\nmirror = true\n[audio]\ninput = "USB"\n'
    )
    s, notes = load_settings()
    assert s.version == SETTINGS_VERSION
    assert (s.backend, s.video_source, s.video_fps, s.input_device) == ("gemini", "2", 0.5, "USB")
    assert any("API key" in n for n in notes)
    assert any("mirror" in n for n in notes)
    # The file was rewritten at once: the secret is gone from disk, the version is current.
    on_disk = tomllib.loads(path.read_text())
    assert "api_key" not in on_disk and "AIza" not in path.read_text()
    assert on_disk["version"] == SETTINGS_VERSION
    again, notes_again = load_settings()
    assert again == s and notes_again == []


def test_migration_table_is_complete():
    for v in range(SETTINGS_VERSION):
        assert v in settings_mod.MIGRATIONS


def test_newer_file_loads_known_keys_with_a_note(home):
    path = home / "config" / "settings.toml"
    path.parent.mkdir(parents=True)
    path.write_text(f'version = {SETTINGS_VERSION + 1}\nvoice = "Kore"\n')
    s, notes = load_settings()
    assert s.voice == "Kore"
    assert any("newer version" in n for n in notes)


def test_save_is_atomic_when_replace_fails(home, monkeypatch):
    path = save_settings(Settings(voice="Kore"))
    before = path.read_bytes()

    def broken_replace(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(settings_mod.os, "replace", broken_replace)
    with pytest.raises(OSError):
        save_settings(Settings(voice="Puck"))
    assert path.read_bytes() == before
    assert os.listdir(path.parent) == ["settings.toml"]  # no temp file left behind


def test_explicit_path(tmp_path):
    target = tmp_path / "x" / "s.toml"
    save_settings(Settings(language="fr-FR"), target)
    assert load_settings(target)[0].language == "fr-FR"
