"""The Rasa server's start-up hook: listed first in credentials.yml, so Rasa builds it at start.

It is an input channel that serves nothing. Rasa builds every channel named in the credentials
file before it serves, which makes this the one place on the Rasa side that runs at each start
and only then: it masks personal data in the server's logs and, in production, refuses missing or
default secrets for the databases and for each social channel that is turned on.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from rasa.core.channels.channel import InputChannel, UserMessage
from sanic import Blueprint

from bot.privacy.startup import RASA_SERVER, start


class PrivacyStartup(InputChannel):
    @classmethod
    def name(cls) -> str:
        return "privacy_startup"

    @classmethod
    def from_credentials(cls, credentials: dict[str, Any] | None) -> InputChannel:
        start(RASA_SERVER)
        return cls()

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        return Blueprint("privacy_startup")
