"""The website live chat's Rasa input channel: the chat page, the widget files and the history.

Messages themselves go through Rasa's own socket.io channel (`credentials.yml`); this channel
serves what a browser needs around it, under `/chat`:

* `GET /chat`: a page with the widget on it, as a landlord's site would show it;
* `GET /chat/widget.js`, `/chat/widget.css`, `/chat/socket.io.min.js`: the widget, which a landlord
  pastes into its own site with one script tag;
* `GET /chat/config`: the landlord's name and privacy notice from policy_rules;
* `POST /chat/history`: a conversation so far, so a reload or a dropped connection loses nothing.

The JSON routes answer any origin: the widget runs on the landlord's site, and a history is only
given to whoever holds its session id, which the socket.io channel treats the same way.
"""

from __future__ import annotations

import dataclasses
import html
import logging
from collections.abc import Awaitable, Callable
from pathlib import Path
from string import Template
from typing import Any

from rasa.core.channels.channel import InputChannel, UserMessage
from sanic import Blueprint, response
from sanic.exceptions import InvalidUsage
from sanic.request import Request
from sanic.response import HTTPResponse

from bot.bootstrap import server_app
from bot.channels.sender_ids import session_ids
from bot.policy.schema import Landlord
from bot.settings import PROJECT_ROOT
from bot.web.transcript import OPENING_PAYLOAD, TALK_TO_A_PERSON, widget_conversation

logger = logging.getLogger(__name__)

HERE = Path(__file__).resolve().parent
# The socket.io client comes from npm (package-lock.json), installed by scripts/setup.sh.
SOCKET_IO_CLIENT = PROJECT_ROOT / "node_modules" / "socket.io-client" / "dist" / "socket.io.min.js"
FILES = {
    "widget.js": (HERE / "static" / "widget.js", "text/javascript; charset=utf-8"),
    "widget.css": (HERE / "static" / "widget.css", "text/css; charset=utf-8"),
    "socket.io.min.js": (SOCKET_IO_CLIENT, "text/javascript; charset=utf-8"),
}
# The widget posts its JSON as text/plain, a request browsers send across origins without asking
# first (Rasa's CORS set-up answers those preflight requests, for its own origins only).
ANY_ORIGIN = {"Access-Control-Allow-Origin": "*"}
NO_STORE = {"Cache-Control": "no-store"}


class WebChatPage(InputChannel):
    """Registered in credentials.yml as `bot.web.channel.WebChatPage`."""

    @classmethod
    def name(cls) -> str:
        return "web_chat"

    @classmethod
    def from_credentials(cls, credentials: dict[str, Any] | None) -> InputChannel:
        return cls(server_app().policy.landlord)

    def __init__(self, landlord: Landlord) -> None:
        missing = [str(path) for path, _ in FILES.values() if not path.is_file()]
        if missing:
            raise FileNotFoundError(
                f"web chat files missing ({', '.join(missing)}): run make setup"
            )
        self.landlord = landlord

    def url_prefix(self) -> str:
        # Rasa joins this onto "/webhooks/"; an absolute path puts the page at /chat.
        return "/chat"

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        chat = Blueprint("web_chat", url_prefix="/chat")
        page = Template((HERE / "page.html").read_text(encoding="utf-8")).substitute(
            landlord_name=html.escape(self.landlord.name)
        )
        config = {
            "landlord_name": self.landlord.name,
            "privacy_url": self.landlord.privacy_url,
            "opening_payload": OPENING_PAYLOAD,
            "talk_to_a_person": dataclasses.asdict(TALK_TO_A_PERSON),
        }

        @chat.get("/", strict_slashes=False)
        async def chat_page(_: Request) -> HTTPResponse:
            return response.html(page)

        @chat.get("/<name:str>")
        async def widget_file(_: Request, name: str) -> HTTPResponse:
            if name not in FILES:
                return response.text("Not found", status=404)
            path, mime_type = FILES[name]
            return await response.file(
                path, mime_type=mime_type, headers={"Cache-Control": "no-cache"}
            )

        @chat.get("/config")
        async def widget_config(_: Request) -> HTTPResponse:
            return response.json(config, headers=ANY_ORIGIN)

        @chat.post("/history")
        async def history(request: Request) -> HTTPResponse:
            try:
                session_id = str((request.json or {}).get("session_id", ""))
            except (InvalidUsage, AttributeError):
                return response.json({"error": 'send {"session_id": ...}'}, 400, ANY_ORIGIN)
            if not session_ids().issued(session_id):
                return response.json({"entries": []}, headers={**ANY_ORIGIN, **NO_STORE})
            store = request.app.ctx.agent.tracker_store
            tracker = await store.retrieve_full_tracker(session_id)
            events = [event.as_dict() for event in tracker.events] if tracker else []
            entries = widget_conversation(events)
            if entries is None:
                logger.warning("web chat: history refused for a conversation from another channel")
                entries = []
            return response.json(
                {"entries": [dataclasses.asdict(entry) for entry in entries]},
                headers={**ANY_ORIGIN, **NO_STORE},
            )

        return chat
