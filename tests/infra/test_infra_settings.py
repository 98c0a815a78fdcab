"""Settings file: defaults, round trip, one bad key costs one key, syntax errors leave the file
alone, saving merges only this run's changes, migration, atomicity, permissions."""

from __future__ import annotations

import dataclasses
import os
import tomllib
from pathlib import Path

import pytest

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
        ui_language="ja",
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
        first_run_done=True,
        input_gain_db=-6.5,
        output_volume=70,
        technician_name="Sam Okafor",
        report_dir="/srv/reports",
        summary_model="gemini-2.5-flash-lite",
        retention_days=30,
    )
    # Every saved field differs from its default, so the round trip proves each one.
    for f in dataclasses.fields(Settings):
        if f.name not in ("version", "cli_overrides", "loaded", "interface_language"):
            assert getattr(changed, f.name) != getattr(Settings(), f.name), f.name
    path = save_settings(changed)
    assert path == home / "config" / "settings.toml"
    loaded, notes = load_settings()
    assert notes == []
    assert loaded == changed


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
    assert notes == ["Unknown setting 'colour' ignored (it stays in the file)."]
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


# -- one bad value costs one value ------------------------------------------------------------

IT_FILE = """\
# Managed by IT: do not edit by hand.
version = 1
backend = "vertex"        # the corporate project
project = "plant-42"
location = "europe-west4"
video_fps = 1.0           # equal to the default, still IT's choice
jpeg_quality = 80
rollout_wave = 3          # a key from a newer FieldAssist
"""


def write(home, text):
    path = home / "config" / "settings.toml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    return path


@pytest.mark.parametrize(
    ("line", "key", "shown", "default"),
    [
        ('video_fps = "1"', "video_fps", '"1"', "1.0"),
        ('video_fps = "fast"', "video_fps", '"fast"', "1.0"),
        ("video_long_side = true", "video_long_side", "true", "768"),  # bool is not an int
        ('echo_cancellation = "yes"', "echo_cancellation", '"yes"', "true"),
        ("backend = 3", "backend", "3", '"auto"'),
        ('model = ["a"]', "model", "['a']", '""'),
        ("jpeg_quality = 1.5", "jpeg_quality", "1.5", "80"),
        ("video_fps = 99999999999999999999", "video_fps", "99999999999999999999", "1.0"),
        ("video_fps = nan", "video_fps", "nan", "1.0"),
        ('backend = "cloud"', "backend", '"cloud"', '"auto"'),
        ("vad_silence_ms = -5", "vad_silence_ms", "-5", "0"),
        ("push_to_talk = {a = 1}", "push_to_talk", "a table", "false"),
    ],
)
def test_a_wrongly_typed_value_costs_that_key_alone(home, line, key, shown, default):
    path = write(home, f'version = 1\nvoice = "Kore"\n{line}\nlanguage = "de-DE"\n')
    before = path.read_bytes()
    s, notes = load_settings()
    assert getattr(s, key) == getattr(Settings(), key)
    assert (s.voice, s.language) == ("Kore", "de-DE")  # the rest of the file applies
    [note] = notes  # exactly one, naming the key, the value found and the default used
    assert note.startswith(f"Setting {key} = {shown} ")
    assert note.endswith(f"; using the default {default}.")
    assert path.read_bytes() == before  # the file is IT's: left exactly as it was
    assert backups(path) == []


def test_a_wrongly_typed_version_is_one_note_and_the_keys_apply(home):
    path = write(home, 'version = "1"\nvoice = "Kore"\nvideo_fps = 0.5\n')
    before = path.read_bytes()
    s, notes = load_settings()
    assert (s.voice, s.video_fps, s.version) == ("Kore", 0.5, SETTINGS_VERSION)
    assert notes == [
        f'Setting version = "1" should be a whole number; using the default {SETTINGS_VERSION}.'
    ]
    assert path.read_bytes() == before


def test_a_syntax_error_leaves_the_file_alone_and_is_never_written_over(home):
    text = IT_FILE.replace('project = "plant-42"', 'project = "plant-42')  # unclosed string
    path = write(home, text)
    s, notes = load_settings()
    assert s == Settings()
    [note] = notes
    assert "line 4" in note and "column" in note and "left as it is" in note
    assert path.read_text() == text and backups(path) == []
    save_settings(s)  # closing the window without changes: nothing written
    assert path.read_text() == text
    s.voice = "Puck"  # a change in the dialog cannot be merged into a file that is not TOML
    with pytest.raises(settings_mod.SettingsNotSaved, match="left as it is"):
        save_settings(s)
    assert path.read_text() == text
    assert sorted(os.listdir(path.parent)) == ["settings.toml"]


def test_bytes_that_are_not_utf8_are_a_syntax_error(home):
    path = write(home, "")
    path.write_bytes(b'voice = "\xff\xfe"\n')
    s, notes = load_settings()
    assert s == Settings() and len(notes) == 1 and "UTF-8" in notes[0]
    assert path.read_bytes() == b'voice = "\xff\xfe"\n'


# -- saving writes only what changed ----------------------------------------------------------


def test_closing_without_changes_writes_nothing(home):
    path = write(home, IT_FILE)
    s, notes = load_settings()
    assert (s.backend, s.project) == ("vertex", "plant-42")
    assert notes == ["Unknown setting 'rollout_wave' ignored (it stays in the file)."]
    stat = path.stat()
    save_settings(s)
    assert path.read_text() == IT_FILE  # comments and all
    assert path.stat().st_mtime_ns == stat.st_mtime_ns


def test_a_change_is_merged_onto_the_file_as_it_is_on_disk(home):
    path = write(home, IT_FILE)
    s, _ = load_settings()
    # IT rolls out a new file while the program runs; the user changes only the voice.
    path.write_text(IT_FILE.replace("plant-42", "plant-43") + 'language = "fr-FR"\n')
    s.voice = "Puck"
    save_settings(s)
    on_disk = tomllib.loads(path.read_text())
    assert on_disk == {
        "version": 1,
        "backend": "vertex",
        "project": "plant-43",  # IT's newer value, not the one loaded at start
        "location": "europe-west4",
        "video_fps": 1.0,  # equal to the default, kept because IT wrote it
        "jpeg_quality": 80,
        "rollout_wave": 3,  # unknown here, kept for the newer version
        "language": "fr-FR",
        "voice": "Puck",
    }
    # Saved once: a second save (the window closing) has nothing left to write.
    path.write_text(IT_FILE)
    save_settings(s)
    assert path.read_text() == IT_FILE


def test_a_bad_value_stays_for_it_to_fix_unless_the_user_sets_it(home):
    path = write(home, 'version = 1\nvideo_fps = "1"\njpeg_quality = 0\n')
    s, notes = load_settings()
    assert len(notes) == 2
    s.voice = "Kore"
    save_settings(s)
    assert tomllib.loads(path.read_text()) == {
        "version": 1,
        "video_fps": "1",
        "jpeg_quality": 0,
        "voice": "Kore",
    }
    s.jpeg_quality = 70  # the user fixes one in the dialog: that one is written
    save_settings(s)
    assert tomllib.loads(path.read_text())["jpeg_quality"] == 70
    assert tomllib.loads(path.read_text())["video_fps"] == "1"


def test_flags_and_environment_are_never_written_back(home):
    from desktop.cli import apply_cli, parse_args

    path = write(home, IT_FILE)
    loaded, _ = load_settings()
    run = apply_cli(
        loaded,
        parse_args(["--backend", "simulator", "--video-source", "none", "--log-level", "DEBUG"]),
        environ={"GOOGLE_CLOUD_PROJECT": "from-env"},
    )
    assert (run.backend, run.video_source, run.project) == ("simulator", "none", "from-env")
    save_settings(run)
    assert path.read_text() == IT_FILE
    run.voice = "Puck"
    save_settings(run)
    on_disk = tomllib.loads(path.read_text())
    assert (on_disk["backend"], on_disk["project"], on_disk["voice"]) == (
        "vertex",
        "plant-42",
        "Puck",
    )
    assert "video_source" not in on_disk and "log_level" not in on_disk


def test_a_file_without_version_is_not_rewritten_at_load(home):
    text = '# IT\nbackend = "simulator"\n'
    path = write(home, text)
    s, notes = load_settings()
    assert s.backend == "simulator" and notes == []
    assert path.read_text() == text


def test_files_are_private(home):
    path = save_settings(Settings(voice="Kore"))
    assert path.stat().st_mode & 0o777 == 0o600
    assert path.parent.stat().st_mode & 0o777 == 0o700


# -- window layout moved out of settings.toml -------------------------------------------------


def test_old_window_keys_move_to_the_window_state_file_silently(home):
    from desktop.infra.window_state import WindowState, load_window_state, save_window_state

    path = write(
        home,
        'version = 1\nvoice = "Kore"\nwindow_geometry = "AdnQ"\nsplitter_state = "AAAA"\n'
        "inspector_visible = true\nwindow_state = 5\n",
    )
    s, notes = load_settings()
    assert s.voice == "Kore" and notes == []  # no note for keys the program itself moved
    assert load_window_state() == WindowState(
        geometry="AdnQ", splitter="AAAA", inspector_visible=True
    )
    state_file = save_window_state(WindowState(geometry="BBBB"))
    assert state_file == home / "data" / "window.toml"
    assert state_file.stat().st_mode & 0o777 == 0o600
    assert load_window_state() == WindowState(geometry="BBBB")  # window.toml wins from now on
    s.language = "fr-FR"
    save_settings(s)  # the next write of settings.toml drops the moved keys
    assert tomllib.loads(path.read_text()) == {"version": 1, "voice": "Kore", "language": "fr-FR"}


def test_a_broken_window_state_file_means_a_default_layout(home):
    from desktop.infra.window_state import WindowState, load_window_state

    (home / "data").mkdir()
    (home / "data" / "window.toml").write_bytes(b"geometry = [\xff")
    assert load_window_state() == WindowState()


def test_a_file_with_a_syntax_error_is_known_as_unreadable(tmp_path: Path) -> None:
    """run.py skips the welcome for it: the welcome could not save its choice and would come
    back at every launch (hostile review of issue 11)."""
    from desktop.infra.settings import settings_file_unreadable

    path = tmp_path / "settings.toml"
    assert not settings_file_unreadable(path)  # no file: a real first run
    path.write_text('video_fps = "1"\n')
    assert not settings_file_unreadable(path)  # a typed value is one key, not the file
    path.write_text("video_fps = = 1\n")
    assert settings_file_unreadable(path)
