"""X direct messages through the Account Activity API webhook.

    GET  /webhooks/x/webhook?crc_token=...   challenge-response check, answered with the HMAC
    POST /webhooks/x/webhook                 events, signed in x-twitter-webhooks-signature

Replies go through the v2 endpoint `POST /2/dm_conversations/with/{participant_id}/messages` with
the account's user access token. v2 direct messages have no buttons, so answer choices are sent
as numbered lines (see `bot.channels.choices`).
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import aiohttp
from rasa.core.channels.channel import InputChannel
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from bot.channels.choices import OfferedChoices, numbered_text
from bot.channels.guard import screened
from bot.channels.platform import (
    OnNewMessage,
    PlatformOutput,
    hand_over,
    json_object,
    new_session,
)
from bot.channels.recent import ReplayGuard
from bot.channels.settings import XSettings, settings_from
from bot.channels.signatures import base64_signature, signature_matches

logger = logging.getLogger(__name__)

PLATFORM = "x"
# X retries a failed delivery within minutes; anything older is a replay, not a retry.
REPLAY_WINDOW_SECONDS = 600
REPLAY_MEMORY = 100_000


@dataclass(frozen=True)
class DirectMessage:
    user_id: str
    text: str
    event_id: str
    sent_at: float


def direct_messages_in(payload: dict[str, Any], account_id: str) -> Iterator[DirectMessage]:
    """Messages people sent to our account; our own replies come back as events too, and are
    left out."""
    for event in payload.get("direct_message_events", []):
        if event.get("type") != "message_create":
            continue
        create = event.get("message_create") or {}
        sender = str(create.get("sender_id") or "")
        text = (create.get("message_data") or {}).get("text")
        if not sender or sender == account_id or not text:
            continue
        if "id" not in event or "created_timestamp" not in event:
            continue
        sent_at = float(event["created_timestamp"]) / 1000
        yield DirectMessage(sender, str(text), str(event["id"]), sent_at)


class XOutput(PlatformOutput):
    def __init__(
        self, session: aiohttp.ClientSession, choices: OfferedChoices, settings: XSettings
    ) -> None:
        super().__init__(session, PLATFORM, choices)
        self.settings = settings

    @classmethod
    def name(cls) -> str:
        return PLATFORM

    async def _send(self, user_id: str, text: str, buttons: list[dict[str, Any]]) -> None:
        if buttons:
            text = numbered_text(text, [str(button["title"]) for button in buttons])
        await self._post(
            self.settings.send_url(user_id), {"text": text}, self.settings.access_token
        )


class XInput(InputChannel):
    @classmethod
    def name(cls) -> str:
        return PLATFORM

    @classmethod
    def from_credentials(cls, credentials: dict[str, Any] | None) -> InputChannel:
        if not credentials:
            cls.raise_missing_credentials_exception()
        return cls(settings_from(XSettings, credentials))

    def __init__(self, settings: XSettings) -> None:
        self.settings = settings
        self.replays = ReplayGuard(window_seconds=REPLAY_WINDOW_SECONDS, capacity=REPLAY_MEMORY)
        self.choices = OfferedChoices()

    def blueprint(self, on_new_message: OnNewMessage) -> Blueprint:
        on_new_message = screened(on_new_message)
        webhook = Blueprint("x_webhook", __name__)

        @webhook.route("/", methods=["GET"])
        async def health(_: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        @webhook.route("/webhook", methods=["GET"])
        async def challenge(request: Request) -> HTTPResponse:
            token = request.args.get("crc_token")
            if not token:
                return response.text("crc_token missing", status=400)
            answer = base64_signature(self.settings.consumer_secret, token.encode())
            return response.json({"response_token": answer})

        @webhook.route("/webhook", methods=["POST"])
        async def receive(request: Request) -> HTTPResponse:
            expected = base64_signature(self.settings.consumer_secret, request.body)
            if not signature_matches(request.headers.get("x-twitter-webhooks-signature"), expected):
                logger.warning("x: refused an event whose signature is missing or wrong")
                return response.text("signature missing or wrong", status=403)
            payload = json_object(request.body)
            if payload is None:
                return response.text("body is not a JSON object", status=400)
            fresh = [
                message
                for message in direct_messages_in(payload, self.settings.account_id)
                if self.replays.admit(message.event_id, message.sent_at)
            ]
            async with new_session() as session:
                for message in fresh:
                    output = XOutput(session, self.choices, self.settings)
                    await hand_over(
                        on_new_message, output, message.user_id, message.text, message.event_id
                    )
            logger.debug("x: handled %d new message(s)", len(fresh))
            return response.json({"status": "ok"})

        return webhook
