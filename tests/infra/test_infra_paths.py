"""Paths: one FIELDASSIST_HOME root for tests/CI, platformdirs otherwise, resources anywhere."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from desktop.infra import paths

REPO = Path(__file__).resolve().parents[2]


def test_home_override_puts_everything_under_one_root(tmp_path, monkeypatch):
    tmp_path = tmp_path / "root"
    tmp_path.mkdir()
    monkeypatch.setenv("FIELDASSIST_HOME", str(tmp_path))
    dirs = [paths.config_dir(), paths.data_dir(), paths.log_dir()]
    assert all(d.parent == tmp_path for d in dirs)
    assert len(set(dirs)) == 3
    assert paths.settings_path() == tmp_path / "config" / "settings.toml"
    assert paths.history_path().parent == tmp_path / "data"
    # Constructing paths does no I/O.
    assert list(tmp_path.iterdir()) == []


def test_platform_dirs_name_the_app_without_override(monkeypatch):
    monkeypatch.delenv("FIELDASSIST_HOME", raising=False)
    for d in (paths.config_dir(), paths.data_dir(), paths.log_dir()):
        assert "FieldAssist" in d.parts
        assert d.is_absolute()


def test_blank_override_is_ignored(monkeypatch):
    monkeypatch.setenv("FIELDASSIST_HOME", "  ")
    assert "FieldAssist" in paths.config_dir().parts


def test_resource_path_from_source_tree():
    assert paths.resources_dir() == REPO / "resources"
    assert paths.resource_path("icons/app.png") == REPO / "resources" / "icons" / "app.png"


def test_resource_path_when_frozen(tmp_path, monkeypatch):
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    (tmp_path / "resources").mkdir()
    (tmp_path / "resources" / "x.txt").write_text("hi")
    assert paths.resource_path("x.txt").read_text() == "hi"


def test_resource_path_refuses_escape():
    with pytest.raises(ValueError, match="escapes"):
        paths.resource_path("../pyproject.toml")
