"""What a well-formed message looks like on the REST and socket.io channels, checked before Rasa
reads it.

Rasa's own channels meet a body that is not a JSON object, or a `message` that is not text, with
a 500, an empty reply or a logged exception that quotes the message. These checks turn each of
those into a clear answer for whoever wrote the client: 400 with what to send (REST), or a reply
saying the message could not be read (socket.io, where there is no status to give).
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from bot.channels.bodies import BodyRefused, NotJson, load_json
from bot.channels.sender_ids import rest_may_use, session_ids

if TYPE_CHECKING:
    from rasa.core.channels.socketio import SocketIOInput
    from socketio import AsyncServer

logger = logging.getLogger(__name__)

MAX_SENDER_CHARACTERS = 256
REST_EXAMPLE = '{"sender": "a conversation id", "message": "what the resident wrote"}'
UNREADABLE = "Sorry, I couldn't read that message. Please try sending it again."


def rest_body_problem(body: bytes) -> tuple[int, str] | None:
    """(status, what is wrong) with a REST webhook body, or None.

    The body is read as JSON whatever its Content-Type says, as Rasa does: `curl -d` (the
    README's example) labels it a form. Its size and nesting are checked before it is parsed.
    """
    try:
        payload = load_json(body)
    except NotJson:
        payload = None  # answered below, with what to send
    except BodyRefused as refused:
        return refused.status, refused.message
    problem = _rest_payload_problem(payload)
    return None if problem is None else (400, problem)


def _rest_payload_problem(payload: Any) -> str | None:
    if not isinstance(payload, dict):
        return f"The body must be a JSON object in UTF-8, like {REST_EXAMPLE}."
    sender = payload.get("sender")
    if isinstance(sender, bool) or not isinstance(sender, (str, int)) or not str(sender).strip():
        return f'"sender" must name the conversation (text or a number), like {REST_EXAMPLE}.'
    if len(str(sender)) > MAX_SENDER_CHARACTERS:
        return f'"sender" must be at most {MAX_SENDER_CHARACTERS} characters.'
    if not rest_may_use(str(sender)):
        return (
            '"sender" names a conversation of another channel (an id with ":", a web chat '
            'session id or a "phone-" call); choose another.'
        )
    if not isinstance(payload.get("message"), str):
        return f'"message" must be text, like {REST_EXAMPLE}.'
    return _metadata_problem(payload.get("metadata"))


def socketio_payload_problem(
    data: Any, metadata_key: str | None, needs_session: bool
) -> str | None:
    """What is wrong with a socket.io `user_uttered` payload, or None (for the log only)."""
    if not isinstance(data, Mapping):
        return "not an object"
    if not isinstance(data.get("message", ""), str):
        return "message is not text"
    if needs_session and not session_ids().issued(data.get("session_id")):
        return "no session id this server issued"
    metadata = data.get(metadata_key)
    if isinstance(metadata, str):
        try:
            metadata = load_json(metadata.encode())
        except BodyRefused:
            return "metadata is not JSON, or too big or deep"
    return _metadata_problem(metadata)


def check_socketio_messages(sio: AsyncServer, channel: SocketIOInput) -> None:
    """Put the payload check in front of the message handler Rasa registered on `sio`.

    A payload that fails it gets UNREADABLE on the sender's own socket: without a well-formed
    session id there is no conversation to answer in.
    """
    read_message = sio.handlers[channel.namespace or "/"][channel.user_message_evt]

    @sio.on(channel.user_message_evt, namespace=channel.namespace)
    async def checked_message(sid: str, data: Any = None, *_: Any) -> None:
        problem = socketio_payload_problem(data, channel.metadata_key, channel.session_persistence)
        if problem is None:
            await read_message(sid, data)
            return
        logger.info("socketio: answered a message it could not read (%s)", problem)
        await sio.emit(
            channel.bot_message_evt, {"text": UNREADABLE}, room=sid, namespace=channel.namespace
        )


def _metadata_problem(metadata: Any) -> str | None:
    if metadata is None or isinstance(metadata, dict):
        return None
    return '"metadata", when sent, must be a JSON object.'
