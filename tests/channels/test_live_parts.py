"""The parts of live chat that need no server: who staff are shown as, the Redis manager only
when configured, and a resident's message still reaching the assistant when the store is down."""

from __future__ import annotations

import asyncio
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import socketio
from rasa.core.channels.channel import CollectingOutputChannel, UserMessage

from bot.casestore import migrations
from bot.casestore.domain import Handoff
from bot.casestore.engine import make_engine
from bot.casestore.services import CaseStore
from bot.channels.live import (
    LiveChat,
    ReplyWindow,
    kept_for_staff,
    reply_window,
    share_rooms,
    speaking_as,
)
from bot.console.accounts import StaffMember
from bot.policy import Policy
from bot.web.transcript import TALK_TO_A_PERSON


def test_residents_see_a_member_of_staff_by_display_name_or_else_first_name() -> None:
    def member(username: str, display_name: str | None = None) -> StaffMember:
        return StaffMember(username, "handler", True, datetime.now(timezone.utc), display_name)

    assert member("alex.s").shown_name == "Alex" and member("j.khan").shown_name == "J"
    assert member("sam@example.org").shown_name == "Sam"
    assert member("j.khan", "Jamila").shown_name == "Jamila"
    assert speaking_as("Jamila", "Sample Homes") == "Jamila from Sample Homes"


def test_meta_allows_24_hours_then_7_days_for_a_person_and_other_channels_have_no_limit() -> None:
    heard = datetime(2026, 3, 2, 9, tzinfo=timezone.utc)
    week = heard + timedelta(days=7)
    assert reply_window("messenger", heard, heard + timedelta(hours=24)) == ReplyWindow(
        "open", week
    )
    assert reply_window("instagram", heard, heard + timedelta(hours=25)) == ReplyWindow(
        "human_agent", week
    )
    assert reply_window("messenger", heard, week - timedelta(seconds=1)).state == "human_agent"
    assert reply_window("messenger", heard, week).state == "closed"
    for channel in ("x", "socketio"):
        assert reply_window(channel, heard, heard + timedelta(days=30)) == ReplyWindow()


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
