"""The console as a Rasa input channel, so the Rasa server serves it at /console.

Named in `credentials.yml`; Rasa builds it at start-up and mounts its blueprint. It never
hands messages to the dialogue: the console only parses, through the server's loaded agent.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from rasa.core.channels.channel import InputChannel, UserMessage
from sanic import Blueprint

from bot.console.app import console_blueprint
from bot.console.pages import PATH


class ConsoleInput(InputChannel):
    @classmethod
    def name(cls) -> str:
        return "console"

    def url_prefix(self) -> str:
        # Absolute, so Rasa's urljoin("/webhooks/", ...) serves it at /console, not under webhooks.
        return PATH

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        return console_blueprint()
