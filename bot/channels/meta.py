"""Facebook Messenger and Instagram direct messages through one Meta app webhook.

Meta sends both to the same callback: `object: page` for Messenger, `object: instagram` for
Instagram, each with `entry[].messaging[]` events. Replies go through the Graph API send endpoint
with the Page access token; Instagram accounts linked to the Page use the same endpoint and the
same quick replies.

    GET  /webhooks/meta/webhook   subscription handshake (hub.verify_token, hub.challenge)
    POST /webhooks/meta/webhook   events, signed in X-Hub-Signature-256
"""

from __future__ import annotations

import hmac
import logging
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import aiohttp
from rasa.core.channels.channel import InputChannel
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from bot.channels.choices import OfferedChoices, numbered_text, numbered_title
from bot.channels.guard import screened
from bot.channels.platform import (
    OnNewMessage,
    PlatformOutput,
    hand_over,
    json_object,
    new_session,
)
from bot.channels.recent import ReplayGuard
from bot.channels.settings import MetaSettings, settings_from
from bot.channels.signatures import hex_signature, signature_matches

logger = logging.getLogger(__name__)

PLATFORMS = {"page": "messenger", "instagram": "instagram"}
QUICK_REPLY_TITLE_LIMIT = 20
MAX_QUICK_REPLIES = 13
# A Page may answer only within 24 hours of a person's message, so an older event is of no use.
REPLAY_WINDOW_SECONDS = 24 * 3600
REPLAY_MEMORY = 100_000


@dataclass(frozen=True)
class MetaMessage:
    platform: str
    user_id: str
    text: str
    message_id: str
    sent_at: float


def messages_in(payload: dict[str, Any]) -> Iterator[MetaMessage]:
    """Messages and button postbacks people sent; echoes of our own replies, reads, deliveries
    and reactions are left out. A tapped quick reply yields its payload, not its title; a photo
    or file without words yields empty text, so the resident is asked for words."""
    platform = PLATFORMS.get(payload.get("object", ""))
    if platform is None:
        return
    for entry in payload.get("entry", []):
        for event in entry.get("messaging", []):
            message = event.get("message") or {}
            if message.get("is_echo"):
                continue
            postback = event.get("postback") or {}
            text = (
                (message.get("quick_reply") or {}).get("payload")
                or message.get("text")
                or postback.get("payload")
            )
            if not text and message.get("attachments"):
                text = ""  # a photo, sticker or file alone: the guard asks for words
            user_id = (event.get("sender") or {}).get("id")
            if text is None or not user_id or "timestamp" not in event:
                continue
            mid = message.get("mid") or postback.get("mid") or f"{user_id}:{event['timestamp']}"
            sent_at = float(event["timestamp"]) / 1000
            yield MetaMessage(platform, str(user_id), str(text), str(mid), sent_at)


class MetaOutput(PlatformOutput):
    def __init__(
        self,
        session: aiohttp.ClientSession,
        platform: str,
        choices: OfferedChoices,
        settings: MetaSettings,
    ) -> None:
        super().__init__(session, platform, choices)
        self.settings = settings

    @classmethod
    def name(cls) -> str:
        return "meta"

    async def _send(self, user_id: str, text: str, buttons: list[dict[str, Any]]) -> None:
        message: dict[str, Any] = {"text": text}
        if buttons:
            titles = [str(button["title"]) for button in buttons]
            if any(len(title) > QUICK_REPLY_TITLE_LIMIT for title in titles):
                message["text"] = numbered_text(text, titles)
                titles = [
                    numbered_title(number, title, QUICK_REPLY_TITLE_LIMIT)
                    for number, title in enumerate(titles, start=1)
                ]
            message["quick_replies"] = [
                {"content_type": "text", "title": title, "payload": str(button["payload"])}
                for title, button in zip(titles, buttons, strict=True)
            ][:MAX_QUICK_REPLIES]
        body = {"recipient": {"id": user_id}, "messaging_type": "RESPONSE", "message": message}
        await self._post(self.settings.send_url, body, self.settings.page_access_token)


class MetaInput(InputChannel):
    @classmethod
    def name(cls) -> str:
        return "meta"

    @classmethod
    def from_credentials(cls, credentials: dict[str, Any] | None) -> InputChannel:
        if not credentials:
            cls.raise_missing_credentials_exception()
        return cls(settings_from(MetaSettings, credentials))

    def __init__(self, settings: MetaSettings) -> None:
        self.settings = settings
        self.replays = ReplayGuard(window_seconds=REPLAY_WINDOW_SECONDS, capacity=REPLAY_MEMORY)
        self.choices = OfferedChoices()

    def blueprint(self, on_new_message: OnNewMessage) -> Blueprint:
        on_new_message = screened(on_new_message)
        webhook = Blueprint("meta_webhook", __name__)

        @webhook.route("/", methods=["GET"])
        async def health(_: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        @webhook.route("/webhook", methods=["GET"])
        async def verify(request: Request) -> HTTPResponse:
            token = request.args.get("hub.verify_token") or ""
            if request.args.get("hub.mode") == "subscribe" and hmac.compare_digest(
                token.encode(), self.settings.verify_token.encode()
            ):
                return response.text(request.args.get("hub.challenge") or "")
            logger.warning("meta: refused a subscription handshake with the wrong verify token")
            return response.text("wrong verify token", status=403)

        @webhook.route("/webhook", methods=["POST"])
        async def receive(request: Request) -> HTTPResponse:
            expected = hex_signature(self.settings.app_secret, request.body)
            if not signature_matches(request.headers.get("X-Hub-Signature-256"), expected):
                logger.warning("meta: refused an event whose signature is missing or wrong")
                return response.text("signature missing or wrong", status=403)
            payload = json_object(request.body)
            if payload is None:
                return response.text("body is not a JSON object", status=400)
            fresh = [
                message
                for message in messages_in(payload)
                if self.replays.admit(message.message_id, message.sent_at)
            ]
            async with new_session() as session:
                for message in fresh:
                    output = MetaOutput(session, message.platform, self.choices, self.settings)
                    await hand_over(
                        on_new_message, output, message.user_id, message.text, message.message_id
                    )
            logger.debug("meta: handled %d new message(s)", len(fresh))
            return response.text("EVENT_RECEIVED")

        return webhook
