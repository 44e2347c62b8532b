"""Rasa's socket.io channel, with conversations that survive a page reload again.

With `session_persistence` a browser joins a room named after its session id, and the assistant's
replies go to that room, so a reloaded page (a new socket) still hears them. Rasa 3.6 calls
`AsyncServer.enter_room` without awaiting it; since python-socketio 5.10 that is a coroutine, so
the browser never joins the room and no reply ever reaches it. This channel registers Rasa's
`session_request` handler again, with the await, and issues only signed session ids
(`bot.channels.sender_ids`): a browser cannot name its own conversation, or another channel's.
It also offers its server to live chat with a person (bot.channels.live), sharing rooms across
replicas through Redis when configured. Everything else is Rasa's own.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from rasa.core.channels.channel import UserMessage
from rasa.core.channels.socketio import SocketIOInput
from sanic import Blueprint

from bot.channels.guard import screened
from bot.channels.live import kept_for_staff, live_chat, share_rooms
from bot.channels.payloads import check_socketio_messages
from bot.channels.sender_ids import session_ids


class SocketIOWithSessions(SocketIOInput):
    """Registered in credentials.yml in place of `socketio`; its name is still `socketio`."""

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        # Every message passes the same guard as on the other channels (README: Bad input).
        blueprint = super().blueprint(screened(kept_for_staff(on_new_message, live_chat)))
        sio = self.sio
        issuer = session_ids()
        assert sio is not None, "SocketIOInput.blueprint sets sio"
        # Live chat: staff on any replica reach a resident connected to this one.
        share_rooms(sio)
        live_chat().offer_web_chat(sio, self.namespace, self.bot_message_evt)
        check_socketio_messages(sio, self)

        @sio.on("session_request", namespace=self.namespace)
        async def session_request(sid: str, data: dict[str, Any] | None) -> None:
            """A session this server issued is kept (a reload); any other gets a new one."""
            asked = data.get("session_id") if isinstance(data, dict) else None
            session_id = asked if issuer.issued(asked) else issuer.issue()
            if self.session_persistence:
                await sio.enter_room(sid, session_id, namespace=self.namespace)
            await sio.emit("session_confirm", session_id, room=sid, namespace=self.namespace)

        return blueprint
