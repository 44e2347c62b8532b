"""The parts of live chat that need no server: who staff are shown as, the Redis manager only
when configured, and a resident's message still reaching the assistant when the store is down."""

from __future__ import annotations

import asyncio
from typing import Any

import socketio
from rasa.core.channels.channel import CollectingOutputChannel, UserMessage

from bot.casestore.engine import make_engine
from bot.casestore.services import CaseStore
from bot.channels.live import LiveChat, first_name, kept_for_staff, share_rooms, speaking_as
from bot.policy import Policy


def test_residents_see_a_member_of_staff_by_first_name_and_landlord() -> None:
    assert first_name("alex.s") == "Alex" and first_name("j.khan") == "J"
    assert first_name("sam@example.org") == "Sam"
    assert speaking_as("alex.smith", "Sample Homes") == "Alex from Sample Homes"


def test_rooms_are_shared_through_redis_only_when_a_url_is_set() -> None:
    alone, shared = socketio.AsyncServer(), socketio.AsyncServer()
    share_rooms(alone, {})
    share_rooms(shared, {"INTAKE_LIVE_REDIS_URL": "redis://127.0.0.1:1/2"})
    assert type(alone.manager) is socketio.AsyncManager
    assert isinstance(shared.manager, socketio.AsyncRedisManager)
    assert shared.manager.server is shared


def test_a_message_still_reaches_the_assistant_when_the_case_store_is_down(
    policy: Policy,
) -> None:
    down = CaseStore(make_engine("postgresql://nobody@127.0.0.1:1/none"), policy)
    live = LiveChat(lambda: down)
    read: list[Any] = []

    async def assistant(message: UserMessage) -> None:
        read.append(message.text)

    message = UserMessage("there's a gas smell", CollectingOutputChannel(), "chat-down")
    asyncio.run(kept_for_staff(assistant, lambda: live)(message))
    assert read == ["there's a gas smell"]
