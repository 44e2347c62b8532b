"""What the Meta and X channels share: handing a verified message to Rasa, and posting replies to
a platform's send API.

Conversation ids carry the platform (`messenger:<id>`, `instagram:<id>`, `x:<id>`), so two
platforms' user ids can never share a conversation, and staff can see where a contact came from.
Nothing here logs what a resident wrote or who they are.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass
from typing import Any, ClassVar

import aiohttp
from rasa.core.channels.channel import InputChannel, OutputChannel, UserMessage
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from bot.channels.bodies import BodyRefused, load_json
from bot.channels.choices import OfferedChoices
from bot.channels.guard import screened
from bot.channels.live import kept_for_staff, live_chat
from bot.channels.recent import ReplayGuard
from bot.channels.settings import settings_from
from bot.channels.shared import shared_marks

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
        # A member of staff writing after the standard window (Meta's HUMAN_AGENT tag).
        self.human_agent = False

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
        payload = load_json(body)
    except BodyRefused:
        return None
    return payload if isinstance(payload, dict) else None


def paragraphs(text: str) -> list[str]:
    return [part.strip() for part in text.strip().split("\n\n") if part.strip()]


@dataclass(frozen=True)
class PlatformMessage:
    """One message a person sent us on a platform, with the platform's own id for it."""

    user_id: str
    text: str
    message_id: str
    sent_at: float


class SignedWebhookInput(InputChannel):
    """A platform webhook: a GET handshake, then signed POSTs whose new messages go to Rasa.

    A request with a missing or wrong signature is refused (403) and never reaches the bot; a
    redelivered message (same id, within the replay window) is acknowledged but not answered."""

    settings_class: ClassVar[type]
    replay_window_seconds: ClassVar[int]
    replay_memory: ClassVar[int] = 100_000

    @classmethod
    def from_credentials(cls, credentials: dict[str, Any] | None) -> InputChannel:
        if not credentials:
            cls.raise_missing_credentials_exception()
        return cls(settings_from(cls.settings_class, credentials))

    def __init__(self, settings: Any) -> None:
        self.settings = settings
        self.replays = ReplayGuard(
            window_seconds=self.replay_window_seconds,
            capacity=self.replay_memory,
            shared=shared_marks(),
            scope=self.name(),
        )
        self.choices = OfferedChoices()

    async def handshake(self, request: Request) -> HTTPResponse:
        raise NotImplementedError

    def signature_ok(self, request: Request) -> bool:
        raise NotImplementedError

    def messages(self, payload: dict[str, Any]) -> Iterable[PlatformMessage]:
        raise NotImplementedError

    def output(self, session: aiohttp.ClientSession, message: PlatformMessage) -> PlatformOutput:
        return self.output_to(session, self.platforms()[0])

    def output_to(self, session: aiohttp.ClientSession, platform: str) -> PlatformOutput:
        raise NotImplementedError

    def platforms(self) -> tuple[str, ...]:
        """The platforms whose conversations this webhook carries (`<platform>:<user id>`)."""
        raise NotImplementedError

    async def send_to(
        self, platform: str, conversation_id: str, text: str, human_agent: bool = False
    ) -> None:
        """A message to a resident outside a turn: staff in a live chat (bot.channels.live);
        `human_agent` past the platform's standard window, where a person may still write."""
        async with new_session() as session:
            output = self.output_to(session, platform)
            output.human_agent = human_agent
            await output.send_text_message(conversation_id, text)

    def acknowledgement(self) -> HTTPResponse:
        return response.json({"status": "ok"})

    def blueprint(self, on_new_message: OnNewMessage) -> Blueprint:
        on_new_message = screened(kept_for_staff(on_new_message, live_chat))
        live_chat().offer_platforms(self)
        webhook = Blueprint(f"{self.name()}_webhook", __name__)

        @webhook.route("/", methods=["GET"])
        async def health(_: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        @webhook.route("/webhook", methods=["GET"])
        async def handshake(request: Request) -> HTTPResponse:
            return await self.handshake(request)

        @webhook.route("/webhook", methods=["POST"])
        async def receive(request: Request) -> HTTPResponse:
            if not self.signature_ok(request):
                logger.warning("%s: refused an event whose signature is missing or wrong",
                               self.name())  # fmt: skip
                return response.text("signature missing or wrong", status=403)
            payload = json_object(request.body)
            if payload is None:
                return response.text("body is not a JSON object", status=400)
            fresh = [
                message
                for message in self.messages(payload)
                if self.replays.admit(message.message_id, message.sent_at)
            ]
            async with new_session() as session:
                for message in fresh:
                    await hand_over(on_new_message, self.output(session, message),
                                    message.user_id, message.text, message.message_id)  # fmt: skip
            logger.debug("%s: handled %d new message(s)", self.name(), len(fresh))
            return self.acknowledgement()

        return webhook
