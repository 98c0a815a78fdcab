"""A keyring back-end for bench_startup.py's "slow keyring" run: answers after a delay.

Chosen in the app's process with PYTHON_KEYRING_BACKEND=startup_keyring.SlowKeyring (the
bench folder on PYTHONPATH); the key it holds comes from BENCH_KEYRING_KEY.
"""

from __future__ import annotations

import os
import time

import keyring.backend

DELAY_S = float(os.environ.get("BENCH_KEYRING_DELAY_S", "0.8"))


class SlowKeyring(keyring.backend.KeyringBackend):
    priority = 1

    def get_password(self, service: str, username: str) -> str | None:
        time.sleep(DELAY_S)  # an unlock round trip over D-Bus, made slow
        return os.environ.get("BENCH_KEYRING_KEY") if username == "gemini-api-key" else None

    def set_password(self, service: str, username: str, password: str) -> None:
        raise keyring.errors.PasswordSetError("read-only bench keyring")

    def delete_password(self, service: str, username: str) -> None:
        raise keyring.errors.PasswordDeleteError("read-only bench keyring")
