"""X direct messages through the Account Activity API webhook.

    GET  /webhooks/x/webhook?crc_token=...   challenge-response check, answered with the HMAC
    POST /webhooks/x/webhook                 events, signed in x-twitter-webhooks-signature

Replies go through the v2 endpoint `POST /2/dm_conversations/with/{participant_id}/messages` with
the account's user access token. v2 direct messages have no buttons, so answer choices are sent
as numbered lines (see `bot.channels.choices`).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from typing import Any

import aiohttp
from sanic import response
from sanic.request import Request
from sanic.response import HTTPResponse

from bot.channels.choices import OfferedChoices, numbered_text
from bot.channels.platform import PlatformMessage, PlatformOutput, SignedWebhookInput
from bot.channels.settings import XSettings
from bot.channels.signatures import base64_signature, signature_matches

logger = logging.getLogger(__name__)

PLATFORM = "x"
# A CRC token as X issues it: letters, digits and a few punctuation marks, never JSON. X signs
# event bodies with the same key and construction as the CRC answer, so answering for any text
# would sign a forged event for whoever asked.
CRC_TOKEN = re.compile(r"^[A-Za-z0-9_\-+/=.]{8,128}$")
# X user ids are numbers; anything else is not an X user.
X_USER_ID = re.compile(r"^[0-9]{1,20}$")
# X retries a failed delivery within minutes; anything older is a replay, not a retry.
REPLAY_WINDOW_SECONDS = 600


def direct_messages_in(payload: dict[str, Any], account_id: str) -> Iterator[PlatformMessage]:
    """Messages people sent to our account; our own replies come back as events too, and are
    left out, as are events for another account and senders that are not X user ids."""
    if str(payload.get("for_user_id") or "") != account_id:
        return
    for event in payload.get("direct_message_events", []):
        if event.get("type") != "message_create":
            continue
        create = event.get("message_create") or {}
        sender = str(create.get("sender_id") or "")
        text = (create.get("message_data") or {}).get("text")
        if not X_USER_ID.match(sender) or sender == account_id or not text:
            continue
        if "id" not in event or "created_timestamp" not in event:
            continue
        sent_at = float(event["created_timestamp"]) / 1000
        yield PlatformMessage(sender, str(text), str(event["id"]), sent_at)


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


class XInput(SignedWebhookInput):
    settings_class = XSettings
    replay_window_seconds = REPLAY_WINDOW_SECONDS
    settings: XSettings

    @classmethod
    def name(cls) -> str:
        return PLATFORM

    async def handshake(self, request: Request) -> HTTPResponse:
        """The CRC check: the token signed with our consumer secret proves we hold it."""
        token = request.args.get("crc_token")
        if not token or not CRC_TOKEN.match(token):
            return response.text("crc_token missing or not a token X issues", status=400)
        answer = base64_signature(self.settings.consumer_secret, token.encode())
        return response.json({"response_token": answer})

    def signature_ok(self, request: Request) -> bool:
        expected = base64_signature(self.settings.consumer_secret, request.body)
        return signature_matches(request.headers.get("x-twitter-webhooks-signature"), expected)

    def messages(self, payload: dict[str, Any]) -> Iterator[PlatformMessage]:
        return direct_messages_in(payload, self.settings.account_id)

    def output_to(self, session: aiohttp.ClientSession, platform: str) -> XOutput:
        return XOutput(session, self.choices, self.settings)

    def platforms(self) -> tuple[str, ...]:
        return (PLATFORM,)
