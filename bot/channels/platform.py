"""What the Meta and X channels share: handing a verified message to Rasa, and posting replies to
a platform's send API.

Conversation ids carry the platform (`messenger:<id>`, `instagram:<id>`, `x:<id>`), so two
platforms' user ids can never share a conversation, and staff can see where a contact came from.
Nothing here logs what a resident wrote or who they are.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Awaitable, Callable
from typing import Any

import aiohttp
from rasa.core.channels.channel import OutputChannel, UserMessage

from bot.channels.choices import OfferedChoices

logger = logging.getLogger(__name__)

OnNewMessage = Callable[[UserMessage], Awaitable[Any]]
SEND_TIMEOUT = aiohttp.ClientTimeout(total=15)


def conversation_id(platform: str, user_id: str) -> str:
    return f"{platform}:{user_id}"


def new_session() -> aiohttp.ClientSession:
    """One session per webhook request: opened and closed inside Sanic's running loop."""
    return aiohttp.ClientSession(timeout=SEND_TIMEOUT)


async def hand_over(
    on_new_message: OnNewMessage,
    output: PlatformOutput,
    user_id: str,
    text: str,
    message_id: str,
) -> None:
    """Give one verified message to the assistant; a failure is logged, never sent back to the
    platform (which would only redeliver the same message)."""
    sender_id = conversation_id(output.platform, user_id)
    message = UserMessage(
        output.choices.resolve(sender_id, text),
        output,
        sender_id,
        input_channel=output.platform,
        message_id=message_id,
    )
    try:
        await on_new_message(message)
    except Exception:
        logger.exception("%s: the assistant failed to handle a message", output.platform)


class PlatformOutput(OutputChannel):
    """Sends the assistant's replies to one platform, one paragraph a message as in web chat.

    Subclasses say how a message with answer buttons looks on their platform (`_send`).
    """

    def __init__(
        self, session: aiohttp.ClientSession, platform: str, choices: OfferedChoices
    ) -> None:
        self.session = session
        self.platform = platform
        self.choices = choices

    async def send_text_message(self, recipient_id: str, text: str, **kwargs: Any) -> None:
        for paragraph in paragraphs(text):
            await self._send(self._user_id(recipient_id), paragraph, [])

    async def send_text_with_buttons(
        self, recipient_id: str, text: str, buttons: list[dict[str, Any]], **kwargs: Any
    ) -> None:
        *before, last = paragraphs(text) or [""]
        for paragraph in before:
            await self._send(self._user_id(recipient_id), paragraph, [])
        self.choices.offer(recipient_id, [str(button["payload"]) for button in buttons])
        await self._send(self._user_id(recipient_id), last, buttons)

    async def _send(self, user_id: str, text: str, buttons: list[dict[str, Any]]) -> None:
        raise NotImplementedError

    async def _post(self, url: str, body: dict[str, Any], token: str) -> None:
        """A refused send is logged with the platform's status, never raised into the turn: the
        conversation is already recorded, and staff see failed sends in the log."""
        headers = {"Authorization": f"Bearer {token}"}
        try:
            async with self.session.post(url, json=body, headers=headers) as response:
                if response.status >= 300:
                    logger.warning(
                        "%s: the send API refused a reply (HTTP %s)", self.platform, response.status
                    )
        except (aiohttp.ClientError, TimeoutError):
            logger.warning("%s: the send API could not be reached", self.platform, exc_info=True)

    def _user_id(self, recipient_id: str) -> str:
        return recipient_id.removeprefix(f"{self.platform}:")


def json_object(body: bytes) -> dict[str, Any] | None:
    try:
        payload = json.loads(body)
    except ValueError:
        return None
    return payload if isinstance(payload, dict) else None


def paragraphs(text: str) -> list[str]:
    return [part.strip() for part in text.strip().split("\n\n") if part.strip()]
