"""The parts of live chat that need no server: who staff are shown as, the Redis manager only
when configured, and a resident's message still reaching the assistant when the store is down."""

from __future__ import annotations

import asyncio
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import socketio
from rasa.core.channels.channel import CollectingOutputChannel, UserMessage

from bot.casestore import migrations
from bot.casestore.domain import Handoff
from bot.casestore.engine import make_engine
from bot.casestore.services import CaseStore
from bot.channels.live import LiveChat, first_name, kept_for_staff, share_rooms, speaking_as
from bot.policy import Policy
from bot.web.transcript import TALK_TO_A_PERSON


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


def test_staff_see_the_talk_to_a_person_button_as_the_resident_saw_it(
    policy: Policy, tmp_path: Path
) -> None:
    url = f"sqlite:///{tmp_path / 'cases.sqlite3'}"
    migrations.upgrade(url)
    cases = CaseStore(make_engine(url), policy)
    handoff = cases.record_handoff(
        Handoff("chat-again", "socketio", datetime.now(timezone.utc), ())
    )
    live = LiveChat(lambda: cases)
    asyncio.run(live.record("chat-again", TALK_TO_A_PERSON.payload))
    asyncio.run(live.record("chat-again", "/affirm"))
    said = [m.text for m in cases.live_messages(handoff.id or 0)]
    assert said == [TALK_TO_A_PERSON.title, "/affirm"]
