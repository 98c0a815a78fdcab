"""The spoken language on the wire (issue 17): Settings -> app options -> the SDK's setup,
received by the simulator over TLS. Left empty, the response language is the interface's
and the shipped instruction is the interface language's; a language or an instruction the
user chose is sent as chosen; an English interface leaves the language to the model."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import pytest

from desktop.app.options import live_options
from desktop.infra.instructions import DEFAULT_INSTRUCTIONS
from desktop.infra.settings import Settings
from desktop.live import LiveLink, build_client, build_config
from desktop.sim import SimServer
from desktop.sim.wire import normalise
from desktop.ui.i18n import pick_language, spoken_language


@pytest.fixture
async def sim() -> AsyncIterator[SimServer]:
    server = SimServer()
    await server.start()
    yield server
    await server.stop()


async def setup_sent(sim: SimServer, settings: Settings) -> dict[str, Any]:
    opts = live_options(
        settings, "simulator", None, endpoint=sim.url, ssl_context=sim.client_ssl_context()
    )
    link = LiveLink(build_client(opts), opts.model_name, build_config(opts, None))
    await link.open()
    await link.close()
    setup: dict[str, Any] = normalise(sim.received[-1]["setup"])
    return setup


def interface(ui_language: str) -> Settings:
    """Settings as the window leaves them at launch (run.py's _interface_language)."""
    return Settings(
        ui_language=ui_language, interface_language=spoken_language(pick_language(ui_language))
    )


async def test_german_interface_asks_for_german_speech_and_instruction(sim: SimServer) -> None:
    setup = await setup_sent(sim, interface("de"))
    assert setup["generation_config"]["speech_config"]["language_code"] == "de"
    assert setup["system_instruction"]["parts"][0]["text"] == DEFAULT_INSTRUCTIONS["de"]


async def test_brazilian_interface_sends_a_bcp47_tag(sim: SimServer) -> None:
    setup = await setup_sent(sim, interface("pt_BR"))
    assert setup["generation_config"]["speech_config"]["language_code"] == "pt-BR"
    assert "português do Brasil" in setup["system_instruction"]["parts"][0]["text"]


async def test_the_users_choices_win_over_the_interface(sim: SimServer) -> None:
    settings = Settings(
        ui_language="ja", interface_language="ja", language="fr-FR", system_instruction="Be brief."
    )
    setup = await setup_sent(sim, settings)
    assert setup["generation_config"]["speech_config"]["language_code"] == "fr-FR"
    assert setup["system_instruction"]["parts"][0]["text"] == "Be brief."


async def test_english_interface_leaves_the_language_to_the_model(sim: SimServer) -> None:
    setup = await setup_sent(sim, interface("en"))
    assert "speech_config" not in setup.get("generation_config", {})
    assert setup["system_instruction"]["parts"][0]["text"] == Settings().system_instruction


def test_settings_dialog_shows_the_shipped_instruction_and_saves_the_default(qtbot: Any) -> None:
    """In a German window the untouched instruction reads in German and is saved as the
    default (so it follows a later language change); an edited one is saved as edited."""
    from desktop.ui.settings_dialog import SettingsDialog

    dialog = SettingsDialog(interface("de"), devices=([], []))
    qtbot.addWidget(dialog)
    assert dialog.system_instruction.toPlainText() == DEFAULT_INSTRUCTIONS["de"]
    line = dialog.language.lineEdit()
    assert line is not None and line.placeholderText().endswith(": de")
    assert dialog.result_settings().system_instruction == Settings().system_instruction
    dialog.system_instruction.setPlainText("Kurz antworten.")
    assert dialog.result_settings().system_instruction == "Kurz antworten."
    dialog.restore_instruction.click()
    assert dialog.system_instruction.toPlainText() == DEFAULT_INSTRUCTIONS["de"]
