"""Rasa's socket.io channel, with conversations that survive a page reload again.

With `session_persistence` a browser joins a room named after its session id, and the assistant's
replies go to that room, so a reloaded page (a new socket) still hears them. Rasa 3.6 calls
`AsyncServer.enter_room` without awaiting it; since python-socketio 5.10 that is a coroutine, so
the browser never joins the room and no reply ever reaches it. This channel registers Rasa's
`session_request` handler again, with the await. Everything else is Rasa's own.
"""

from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable
from typing import Any

from rasa.core.channels.channel import UserMessage
from rasa.core.channels.socketio import SocketIOInput
from sanic import Blueprint

from bot.channels.guard import screened
from bot.channels.payloads import check_socketio_messages


class SocketIOWithSessions(SocketIOInput):
    """Registered in credentials.yml in place of `socketio`; its name is still `socketio`."""

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        # Every message passes the same guard as on the other channels (README: Bad input).
        blueprint = super().blueprint(screened(on_new_message))
        sio = self.sio
        assert sio is not None, "SocketIOInput.blueprint sets sio"
        check_socketio_messages(sio, self)

        @sio.on("session_request", namespace=self.namespace)
        async def session_request(sid: str, data: dict[str, Any] | None) -> None:
            session_id = (data or {}).get("session_id") or uuid.uuid4().hex
            if self.session_persistence:
                await sio.enter_room(sid, session_id, namespace=self.namespace)
            await sio.emit("session_confirm", session_id, room=sid, namespace=self.namespace)

        return blueprint
