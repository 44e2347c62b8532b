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
from sanic import response
from sanic.request import Request
from sanic.response import HTTPResponse

from bot.channels.choices import OfferedChoices, numbered_text, numbered_title
from bot.channels.platform import PlatformMessage, PlatformOutput, SignedWebhookInput
from bot.channels.settings import MetaSettings
from bot.channels.signatures import hex_signature, signature_matches

logger = logging.getLogger(__name__)

PLATFORMS = {"page": "messenger", "instagram": "instagram"}
QUICK_REPLY_TITLE_LIMIT = 20
MAX_QUICK_REPLIES = 13
# A Page may answer only within 24 hours of a person's message, so an older event is of no use.
REPLAY_WINDOW_SECONDS = 24 * 3600


@dataclass(frozen=True)
class MetaMessage(PlatformMessage):
    platform: str = "messenger"


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
            yield MetaMessage(str(user_id), str(text), str(mid), sent_at, platform)


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
        # Past the 24 hours only a person may write, for 7 days, tagged so (bot.channels.live).
        kind = (
            {"messaging_type": "MESSAGE_TAG", "tag": "HUMAN_AGENT"}
            if self.human_agent
            else {"messaging_type": "RESPONSE"}
        )
        body = {"recipient": {"id": user_id}, **kind, "message": message}
        await self._post(self.settings.send_url, body, self.settings.page_access_token)


class MetaInput(SignedWebhookInput):
    settings_class = MetaSettings
    replay_window_seconds = REPLAY_WINDOW_SECONDS
    settings: MetaSettings

    @classmethod
    def name(cls) -> str:
        return "meta"

    async def handshake(self, request: Request) -> HTTPResponse:
        token = request.args.get("hub.verify_token") or ""
        if request.args.get("hub.mode") == "subscribe" and hmac.compare_digest(
            token.encode(), self.settings.verify_token.encode()
        ):
            return response.text(request.args.get("hub.challenge") or "")
        logger.warning("meta: refused a subscription handshake with the wrong verify token")
        return response.text("wrong verify token", status=403)

    def signature_ok(self, request: Request) -> bool:
        expected = hex_signature(self.settings.app_secret, request.body)
        return signature_matches(request.headers.get("X-Hub-Signature-256"), expected)

    def messages(self, payload: dict[str, Any]) -> Iterator[MetaMessage]:
        return messages_in(payload)

    def output(self, session: aiohttp.ClientSession, message: PlatformMessage) -> MetaOutput:
        platform = message.platform if isinstance(message, MetaMessage) else "messenger"
        return self.output_to(session, platform)

    def output_to(self, session: aiohttp.ClientSession, platform: str) -> MetaOutput:
        return MetaOutput(session, platform, self.choices, self.settings)

    def platforms(self) -> tuple[str, ...]:
        return tuple(PLATFORMS.values())

    def acknowledgement(self) -> HTTPResponse:
        return response.text("EVENT_RECEIVED")
