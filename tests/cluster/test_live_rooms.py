"""Live chat across replicas: two socket.io servers share their rooms through one Redis, so a staff
reply sent by the replica the console is on reaches a resident connected to the other, every
message in order (bot.channels.live)."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import pytest
import socketio
from aiohttp import web

from bot.casestore.domain import Handoff
from bot.channels.live import REDIS_VARIABLE, LiveChanges, LiveChat, share_rooms
from tools.localservers import LOOPBACK, Redis, free_port, running_redis

SESSION = "0123456789abcdef0123456789abcdef"
NAME = "Alex from Sample Homes"


@pytest.fixture(scope="module")
def redis(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Redis]:
    with running_redis(tmp_path_factory.mktemp("redis")) as server:
        yield server


def redis_env(redis: Redis) -> dict[str, str]:
    return {REDIS_VARIABLE: f"redis://:{redis.password}@{redis.host}:{redis.port}/2"}


@asynccontextmanager
async def replica(env: dict[str, str]) -> AsyncIterator[tuple[socketio.AsyncServer, str]]:
    """A socket.io server as a Rasa replica sets it up: rooms shared when Redis is named, and a
    browser joins the room of its session."""
    sio = socketio.AsyncServer(async_mode="aiohttp")
    share_rooms(sio, env)

    @sio.on("session_request")
    async def session_request(sid: str, data: dict[str, Any]) -> None:
        await sio.enter_room(sid, data["session_id"])
        await sio.emit("session_confirm", data["session_id"], room=sid)

    app = web.Application()
    sio.attach(app)
    runner = web.AppRunner(app)
    await runner.setup()
    port = free_port()
    await web.TCPSite(runner, LOOPBACK, port).start()
    try:
        yield sio, f"http://{LOOPBACK}:{port}"
    finally:
        await sio.shutdown()
        await runner.cleanup()


async def staff_reply_from_the_other_replica(env: dict[str, str], count: int) -> list[Any]:
    """What a resident on replica 1 hears when staff on replica 2 send `count` replies."""
    async with replica(env) as (_, resident_url), replica(env) as (staff_sio, _):
        heard: list[Any] = []
        resident = socketio.AsyncClient()
        resident.on("bot_uttered", heard.append)
        confirmed = asyncio.Event()
        resident.on("session_confirm", lambda _: confirmed.set())
        await resident.connect(resident_url, transports=["polling"])
        await resident.emit("session_request", {"session_id": SESSION})
        await asyncio.wait_for(confirmed.wait(), 10)
        live = LiveChat(lambda: pytest.fail("delivery needs no case store"))
        live.offer_web_chat(staff_sio, None, "bot_uttered")
        handoff = Handoff(SESSION, "socketio", datetime.now(timezone.utc), ())
        # The staff replica's manager connects to Redis on its first message; so does the
        # resident's listener on its first connection: give it a moment to subscribe.
        await asyncio.sleep(1)
        for number in range(1, count + 1):
            assert await live.deliver(handoff, f"Reply {number}", NAME)
        for _ in range(50):
            if len(heard) >= count:
                break
            await asyncio.sleep(0.1)
        await resident.disconnect()
        return heard


def test_a_staff_reply_on_one_replica_reaches_the_resident_on_another_in_order(
    redis: Redis, tmp_path: Path
) -> None:
    heard = asyncio.run(staff_reply_from_the_other_replica(redis_env(redis), 50))
    assert heard == [{"text": f"Reply {n}", "staff_name": NAME} for n in range(1, 51)]


def test_without_the_shared_rooms_the_other_replica_cannot_reach_the_resident() -> None:
    """Why the Redis manager is there: each server alone only knows its own connections."""
    assert asyncio.run(staff_reply_from_the_other_replica({}, 3)) == []


async def changes_heard_on_the_other_replica(env: dict[str, str]) -> tuple[bool, bool]:
    """(whether replica 2's console heard nothing while nothing changed, whether it heard
    replica 1 announce a change)."""
    here, there = LiveChanges(env.get(REDIS_VARIABLE)), LiveChanges(env.get(REDIS_VARIABLE))
    seen = there.version
    quiet = not await there.wait(seen, 1.5)  # also subscribes
    waiting = asyncio.create_task(there.wait(seen, 5))
    await asyncio.sleep(0.2)
    await here.announce()
    return quiet, await waiting


def test_a_change_on_one_replica_wakes_the_consoles_on_another(redis: Redis) -> None:
    assert asyncio.run(changes_heard_on_the_other_replica(redis_env(redis))) == (True, True)


def test_without_redis_a_change_wakes_only_its_own_process() -> None:
    assert asyncio.run(changes_heard_on_the_other_replica({})) == (True, False)
