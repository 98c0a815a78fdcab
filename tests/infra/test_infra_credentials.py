"""API key lookup: environment first, then a real keyring back-end (file-backed)."""

from __future__ import annotations

import json
import logging

import keyring
import keyring.backend
import keyring.errors
import pytest

from desktop.infra import credentials
from desktop.infra.credentials import (
    CredentialError,
    api_key_from_env,
    delete_api_key,
    find_api_key,
    load_api_key,
    redact,
    store_api_key,
)

KEY = "AIza" + "SyA1234567890abcdefghijklmnopqrstuv"  # key-shaped, not a key


class BrokenKeyring(keyring.backend.KeyringBackend):
    priority = 1  # type: ignore[assignment]

    def get_password(self, service, username):
        raise keyring.errors.KeyringLocked(f"locked while reading {KEY}")

    def set_password(self, service, username, password):
        raise keyring.errors.PasswordSetError("no secret service")

    def delete_password(self, service, username):
        raise keyring.errors.KeyringError("dbus gone")


@pytest.fixture
def broken_keyring():
    previous = keyring.get_keyring()
    keyring.set_keyring(BrokenKeyring())
    yield
    keyring.set_keyring(previous)


def test_store_load_delete_through_the_keyring(file_keyring):
    assert load_api_key(environ={}) is None
    store_api_key(f"  {KEY}\n")
    assert json.loads(file_keyring.path.read_text()) == {"FieldAssist/gemini-api-key": KEY}
    assert load_api_key(environ={}) == KEY
    assert find_api_key(environ={}) == (KEY, "keyring")
    assert delete_api_key() is True
    assert load_api_key(environ={}) is None
    assert delete_api_key() is False


def test_environment_wins_over_keyring(file_keyring, monkeypatch):
    store_api_key(KEY)
    assert find_api_key(environ={"GOOGLE_API_KEY": "g-key-12345"}) == (
        "g-key-12345",
        "env:GOOGLE_API_KEY",
    )
    both = {"GOOGLE_API_KEY": "g-key-12345", "GEMINI_API_KEY": "gem-key-12345"}
    assert find_api_key(environ=both) == ("gem-key-12345", "env:GEMINI_API_KEY")
    # Blank variables do not count.
    assert find_api_key(environ={"GEMINI_API_KEY": "  "}) == (KEY, "keyring")
    monkeypatch.setenv("GEMINI_API_KEY", "from-process-env")
    assert api_key_from_env() == "from-process-env"
    assert load_api_key() == "from-process-env"


def test_keyring_failure_reads_as_no_key_and_logs_no_secret(broken_keyring, caplog):
    with caplog.at_level(logging.WARNING, logger="desktop.infra.credentials"):
        assert load_api_key(environ={}) is None
    assert "KeyringLocked" in caplog.text
    assert KEY not in caplog.text


def test_keyring_write_failures_are_translated(broken_keyring):
    with pytest.raises(CredentialError, match="keyring refused"):
        store_api_key(KEY)
    with pytest.raises(CredentialError):
        delete_api_key()


def test_empty_key_refused(file_keyring):
    with pytest.raises(CredentialError, match="empty"):
        store_api_key("   ")


def test_loaded_keys_are_registered_for_redaction(file_keyring):
    odd_key = "not-google-shaped-secret-42"
    file_keyring.set_password(credentials.KEYRING_SERVICE, credentials.KEYRING_USERNAME, odd_key)
    assert load_api_key(environ={}) == odd_key
    assert redact(f"token {odd_key} here") == "token [REDACTED] here"


def test_redact_patterns():
    assert redact(f"key {KEY}.") == "key [REDACTED]."
    assert "ya29" not in redact("Authorization: Bearer ya29.a0AfH6SMBx-abcdefghijkl")
    assert redact("wss://h/ws?key=secretvalue&alt=1") == "wss://h/ws?key=[REDACTED]&alt=1"
    assert redact("plain text stays") == "plain text stays"
    assert redact("") == ""
