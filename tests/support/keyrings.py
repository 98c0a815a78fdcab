"""Keyring back-ends for tests, used through keyring's real API (a pytest plugin).

`file_keyring`: passwords in a JSON file; `refusing_keyring`: a keyring that cannot store
(no secret service on the bus), as on many fresh Linux machines.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import keyring
import keyring.backend
import keyring.errors
import pytest


class FileKeyring(keyring.backend.KeyringBackend):
    """Passwords in a JSON file."""

    priority = 1  # type: ignore[assignment]

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.path = path

    def _load(self) -> dict[str, str]:
        return json.loads(self.path.read_text()) if self.path.exists() else {}

    def get_password(self, service: str, username: str) -> str | None:
        return self._load().get(f"{service}/{username}")

    def set_password(self, service: str, username: str, password: str) -> None:
        data = self._load()
        data[f"{service}/{username}"] = password
        self.path.write_text(json.dumps(data))

    def delete_password(self, service: str, username: str) -> None:
        data = self._load()
        if f"{service}/{username}" not in data:
            raise keyring.errors.PasswordDeleteError("not found")
        del data[f"{service}/{username}"]
        self.path.write_text(json.dumps(data))


class RefusingKeyring(keyring.backend.KeyringBackend):
    priority = 1  # type: ignore[assignment]

    def get_password(self, service: str, username: str) -> str | None:
        return None

    def set_password(self, service: str, username: str, password: str) -> None:
        raise keyring.errors.PasswordSetError("no secret service on this bus")

    def delete_password(self, service: str, username: str) -> None:
        raise keyring.errors.KeyringError("dbus gone")


@pytest.fixture
def file_keyring(tmp_path: Path) -> Iterator[FileKeyring]:
    previous = keyring.get_keyring()
    backend = FileKeyring(tmp_path / "keyring.json")
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


@pytest.fixture
def refusing_keyring() -> Iterator[None]:
    previous = keyring.get_keyring()
    keyring.set_keyring(RefusingKeyring())
    yield
    keyring.set_keyring(previous)
