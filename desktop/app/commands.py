"""The one command → handler table the ports register into.

mypy proves it complete and single-valued: `CommandHandlers` has one required field per
command type (a missing handler is a missing constructor argument, a second one a repeated
keyword), each typed for its command (a port's handler for another command does not fit),
and `run` matches every member of `ev.Command` with `assert_never` behind the last case (a new
command without a field and a case is a type error). tests/app/test_command_table.py checks
the same at run time against `typing.get_args(ev.Command)`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, assert_never

from desktop.session import events as ev

if TYPE_CHECKING:
    from desktop.app.audio_port import AudioPort
    from desktop.app.link_port import LinkPort
    from desktop.app.tools_port import ToolsPort


@dataclass(frozen=True, kw_only=True)
class CommandHandlers:
    open_link: Callable[[ev.OpenLink], None]
    close_link: Callable[[ev.CloseLink], None]
    send_audio: Callable[[ev.SendAudio], None]
    send_audio_stream_end: Callable[[ev.SendAudioStreamEnd], None]
    send_activity_start: Callable[[ev.SendActivityStart], None]
    send_activity_end: Callable[[ev.SendActivityEnd], None]
    send_video: Callable[[ev.SendVideo], None]
    send_text: Callable[[ev.SendText], None]
    send_tool_results: Callable[[ev.SendToolResults], None]
    play_audio: Callable[[ev.PlayAudio], None]
    measure_playback: Callable[[ev.MeasurePlayback], None]
    clear_playback: Callable[[ev.ClearPlayback], None]
    run_tool: Callable[[ev.RunTool], None]
    cancel_tool: Callable[[ev.CancelTool], None]

    def run(self, command: ev.Command) -> None:  # noqa: PLR0912 - one case per command type
        match command:
            case ev.OpenLink():
                self.open_link(command)
            case ev.CloseLink():
                self.close_link(command)
            case ev.SendAudio():
                self.send_audio(command)
            case ev.SendAudioStreamEnd():
                self.send_audio_stream_end(command)
            case ev.SendActivityStart():
                self.send_activity_start(command)
            case ev.SendActivityEnd():
                self.send_activity_end(command)
            case ev.SendVideo():
                self.send_video(command)
            case ev.SendText():
                self.send_text(command)
            case ev.SendToolResults():
                self.send_tool_results(command)
            case ev.PlayAudio():
                self.play_audio(command)
            case ev.MeasurePlayback():
                self.measure_playback(command)
            case ev.ClearPlayback():
                self.clear_playback(command)
            case ev.RunTool():
                self.run_tool(command)
            case ev.CancelTool():
                self.cancel_tool(command)
            case _:
                assert_never(command)


def port_handlers(link: LinkPort, audio: AudioPort, tools: ToolsPort) -> CommandHandlers:
    """Where each port registers: sends go to the link's outbox, playback to the audio
    port, tool calls to the tools port."""
    return CommandHandlers(
        open_link=link.open_link,
        close_link=link.close_link,
        send_audio=link.outbox.put,
        send_audio_stream_end=link.outbox.put,
        send_activity_start=link.outbox.put,
        send_activity_end=link.outbox.put,
        send_video=link.outbox.put_video,
        send_text=link.outbox.put,
        send_tool_results=link.outbox.put,
        play_audio=audio.play,
        measure_playback=audio.measure,
        clear_playback=audio.clear,
        run_tool=tools.run,
        cancel_tool=tools.cancel,
    )
