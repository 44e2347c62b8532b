"""Live chat with a person, on the resident's side of every channel.

After a handoff the conversation stays in the same chat: what the resident sends is kept in the
case store for staff (`LiveChat.record`), and what staff send reaches the resident through the
channel code that carries the assistant's replies: Rasa's socket.io server for the web widget,
the Graph send API for Messenger and Instagram, the DM API for X (`LiveChat.deliver`). The
channels offer themselves here when Rasa builds their routes, and the console, served by the
same process, delivers through them.

Across replicas, the web chat's socket.io server shares its rooms through Redis when
`INTAKE_LIVE_REDIS_URL` is set (python-socketio's AsyncRedisManager): a reply sent by staff on one
replica reaches a resident connected to another. Staff messages are also appended to the Rasa
tracker (as the assistant's replies are), so a reloaded widget shows them and a conversation
handed back resumes with what was said.

Nothing here logs what anyone wrote or who they are.
"""

from __future__ import annotations

import asyncio
import logging
import os
import secrets
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import cache, cached_property
from typing import TYPE_CHECKING, Any, Literal

from rasa.server import update_conversation_with_events
from redis import asyncio as aioredis
from redis.exceptions import RedisError
from socketio import AsyncRedisManager
from sqlalchemy.exc import DBAPIError

from bot.bootstrap import server_app
from bot.casestore.domain import Handoff, LiveMessage
from bot.casestore.services import CaseStore
from bot.web.transcript import (
    MESSAGE_ID_KEY,
    STAFF_KEY,
    TALK_TO_A_PERSON,
    WIDGET_CHANNEL,
    message_parts,
)

if TYPE_CHECKING:
    from rasa.core.agent import Agent
    from rasa.core.channels.channel import UserMessage
    from socketio import AsyncServer

    from bot.channels.platform import SignedWebhookInput

logger = logging.getLogger(__name__)

REDIS_VARIABLE = "INTAKE_LIVE_REDIS_URL"


def speaking_as(name: str, landlord: str) -> str:
    """How residents see a member of staff (their display name, bot.console.accounts)."""
    return f"{name} from {landlord}"


def joined_line(name: str) -> str:
    return f"A person has joined the chat: {name}. You can reply here."


# Meta lets a Page answer a person within 24 hours of their last message; after that a person
# (never the assistant) may still answer for 7 days, each message tagged HUMAN_AGENT.
WINDOWED_CHANNELS = frozenset({"messenger", "instagram"})
STANDARD_WINDOW = timedelta(hours=24)
HUMAN_AGENT_WINDOW = timedelta(days=7)


@dataclass(frozen=True)
class ReplyWindow:
    """Whether staff may still write in a conversation's chat: `open`, `human_agent` (past
    Meta's 24 hours, within its 7 days, sent with the HUMAN_AGENT tag) or `closed` (past the 7
    days: the platform refuses). `closes_at` is None where no platform limit applies."""

    state: Literal["open", "human_agent", "closed"] = "open"
    closes_at: datetime | None = None


def reply_window(channel: str, last_heard: datetime, now: datetime) -> ReplyWindow:
    """The window a reply to a resident last heard from at `last_heard` falls in."""
    if channel not in WINDOWED_CHANNELS:
        return ReplyWindow()
    closes_at = last_heard + HUMAN_AGENT_WINDOW
    if now - last_heard <= STANDARD_WINDOW:
        return ReplyWindow("open", closes_at)
    return ReplyWindow("human_agent" if now < closes_at else "closed", closes_at)


HANDED_BACK_LINE = (
    "You're back with the automated assistant. You can ask for a person again at any time."
)
CLOSED_LINE = "The person you were talking to has ended the chat. Thank you for talking to us."


@dataclass
class WebChatRooms:
    """The web chat's socket.io server: each conversation is a room named by its session id."""

    sio: AsyncServer
    namespace: str | None
    event: str

    async def send(
        self, conversation_id: str, text: str, name: str | None, message_id: str = ""
    ) -> None:
        for part_id, part in message_parts(text, message_id):
            message: dict[str, Any] = {"text": part}
            if name is not None:
                message[STAFF_KEY] = name
            if part_id:
                message[MESSAGE_ID_KEY] = part_id
            await self.sio.emit(self.event, message, room=conversation_id, namespace=self.namespace)


class LiveChanges:
    """Wakes the console's open event streams when something in live chat changed (a handoff,
    a message, a take-over, a sign-out), so they read the case store then and only then: an idle
    console costs no queries. Within the process an asyncio event; across replicas a Redis
    channel on the Redis that shares the socket.io rooms. A change missed while Redis is away
    shows when the stream reconnects (STREAM_SECONDS in the console)."""

    CHANNEL = "intake:live-changes"
    RETRY_SECONDS = 1.0

    def __init__(self, redis_url: str | None) -> None:
        self.version = 0
        self._changed: asyncio.Event | None = None
        self._redis_url = redis_url
        self._redis: Any | None = None
        self._listening: asyncio.Task[None] | None = None
        self._me = secrets.token_hex(8).encode()

    def _event(self) -> asyncio.Event:
        if self._changed is None:
            self._changed = asyncio.Event()
        return self._changed

    def _changed_here(self) -> None:
        self.version += 1
        changed, self._changed = self._event(), None
        changed.set()

    def _client(self) -> Any:
        if self._redis is None:
            self._redis = aioredis.from_url(self._redis_url)
        return self._redis

    async def announce(self) -> None:
        """Something changed: wake the streams here, and on the other replicas."""
        self._changed_here()
        if self._redis_url is None:
            return
        try:
            await self._client().publish(self.CHANNEL, self._me)
        except RedisError:
            logger.warning("live chat: Redis did not answer; other replicas see it later")

    async def wait(self, seen: int, timeout: float) -> bool:
        """Whether anything changed since `version` was `seen`, waiting up to `timeout`."""
        if self._redis_url is not None and self._listening is None:
            self._listening = asyncio.create_task(self._listen())
        if self.version != seen:
            return True
        try:
            await asyncio.wait_for(self._event().wait(), max(timeout, 0))
        except asyncio.TimeoutError:
            return self.version != seen
        return True

    async def _listen(self) -> None:
        while True:
            try:
                async with self._client().pubsub() as pubsub:
                    await pubsub.subscribe(self.CHANNEL)
                    async for message in pubsub.listen():
                        if message["type"] == "message" and message["data"] != self._me:
                            self._changed_here()
            except RedisError:
                await asyncio.sleep(self.RETRY_SECONDS)


class LiveChat:
    """The process's way to the residents in live conversations, and their messages' store
    (opened on first use: building the channels' routes touches no database)."""

    def __init__(self, cases: Callable[[], CaseStore], changes: LiveChanges | None = None) -> None:
        self._cases = cases
        self.web_chat: WebChatRooms | None = None
        self.platforms: dict[str, SignedWebhookInput] = {}
        self.changes = changes or LiveChanges(None)

    @cached_property
    def cases(self) -> CaseStore:
        return self._cases()

    def offer_web_chat(self, sio: AsyncServer, namespace: str | None, event: str) -> None:
        self.web_chat = WebChatRooms(sio, namespace, event)

    def offer_platforms(self, channel: SignedWebhookInput) -> None:
        for platform in channel.platforms():
            self.platforms[platform] = channel

    async def record(self, conversation_id: str, text: str) -> LiveMessage | None:
        """Keep a resident's message for staff when a person has (or will have) the
        conversation; None when the assistant has it."""
        # The widget's "Talk to a person" button, pressed again while waiting, as they saw it.
        said = TALK_TO_A_PERSON.title if text == TALK_TO_A_PERSON.payload else text
        return await asyncio.to_thread(self.cases.record_resident_message, conversation_id, said)

    async def after_turn(self, conversation_id: str, kept: LiveMessage | None) -> None:
        """Tell the console when a resident's turn changed live chat: in a live conversation,
        or one whose turn just asked for a person (the action server recorded the handoff)."""
        if kept is None:
            try:
                if await asyncio.to_thread(self.cases.open_handoff, conversation_id) is None:
                    return
            except DBAPIError:
                return
        await self.changes.announce()

    async def deliver(
        self, handoff: Handoff, text: str, name: str | None = None,
        window: ReplyWindow = ReplyWindow(), message_id: str = "",
    ) -> bool:  # fmt: skip
        """Send `text` to the resident in the chat they are in, as `name` (a member of staff)
        or, without one, as a notice. False when their channel is not served here, or its
        platform no longer lets us write (`window`). `message_id` is the one it is stored under,
        so the web chat can tell it from the same message caught up from the tracker."""
        if handoff.channel == WIDGET_CHANNEL and self.web_chat is not None:
            await self.web_chat.send(handoff.conversation_id, text, name, message_id)
            return True
        channel = self.platforms.get(handoff.channel)
        if channel is None:
            logger.warning("live chat: no channel here reaches %s residents", handoff.channel)
            return False
        if window.state == "closed":
            logger.warning(
                "live chat: %s no longer lets us reply in a conversation", handoff.channel
            )
            return False
        said = f"{name}: {text}" if name is not None else text
        await channel.send_to(handoff.channel, handoff.conversation_id, said,
                              human_agent=window.state == "human_agent")  # fmt: skip
        return True


@cache
def live_chat() -> LiveChat:
    """The process's one LiveChat: the channels offer themselves to it and the console uses it;
    its case store is the Rasa server's one App's (bot.bootstrap.server_app)."""
    return LiveChat(lambda: server_app().cases, LiveChanges(os.environ.get(REDIS_VARIABLE)))


def redis_manager(env: Mapping[str, str]) -> Any | None:
    """python-socketio's Redis manager when a URL is set, so replicas share their rooms."""
    url = env.get(REDIS_VARIABLE)
    return AsyncRedisManager(url) if url else None


def share_rooms(sio: AsyncServer, env: Mapping[str, str] | None = None) -> None:
    """Swap in the Redis manager before the server accepts its first connection (Rasa builds
    the server without one)."""
    manager = redis_manager(os.environ if env is None else env)
    if manager is not None:
        sio.manager = manager
        manager.set_server(sio)


OnNewMessage = Callable[["UserMessage"], Awaitable[Any]]


def kept_for_staff(on_new_message: OnNewMessage, live: Callable[[], LiveChat]) -> OnNewMessage:
    """`on_new_message`, after keeping the message for staff when a person has the conversation.
    The assistant still reads it: it stays quiet, except for the safety route."""

    async def keep(message: UserMessage) -> None:
        chat = live()
        kept: LiveMessage | None = None
        try:
            kept = await chat.record(message.sender_id, message.text or "")
        except DBAPIError:
            # The assistant still answers (its safety route above all) while the store is down.
            logger.warning("live chat: the case store did not answer; a message was not kept")
        if kept is not None:
            await chat.changes.announce()  # staff see it as it comes
        await on_new_message(message)
        # The turn may have asked for a person, or told a danger: the console's list changes.
        await chat.after_turn(message.sender_id, kept)

    return keep


async def note_in_tracker(agent: Agent, conversation_id: str, events: list[Any]) -> None:
    """Append events to the conversation's tracker under its lock, as Rasa's own HTTP API
    does, so they fall in order with the resident's messages on any replica."""
    async with agent.lock_store.lock(conversation_id):
        tracker = await update_conversation_with_events(
            conversation_id, agent.processor, agent.domain, events
        )
        await agent.tracker_store.save(tracker)
