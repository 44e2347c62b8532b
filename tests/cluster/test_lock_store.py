"""A message waiting behind a crashed replica's claim on its conversation is served once the
claim lapses (bot/lock_store.py), where Rasa's own ticket lock can leave it waiting for ever."""

from __future__ import annotations

from pathlib import Path

import pytest
import rasa.core.lock
from rasa.core.lock import TicketLock
from rasa.core.lock_store import LockStore
from rasa.utils.endpoints import read_endpoint_config

import bot.lock_store
from bot.lock_store import QueuedTicketLock, RedisLockStore
from bot.settings import PROJECT_ROOT
from tools.localservers import running_redis

LIFETIME = 20.0


class Clock:
    def __init__(self) -> None:
        self.now = 1_800_000_000.0

    def time(self) -> float:
        return self.now


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Clock:
    clock = Clock()
    monkeypatch.setattr(rasa.core.lock, "time", clock)
    monkeypatch.setattr(bot.lock_store, "time", clock)
    return clock


def served_after_a_crash(lock: TicketLock, clock: Clock) -> bool:
    """Replica 1 takes a message and dies; 0.3 s later nginx passes the message to replica 2,
    whose ticket waits behind the dead one, looking 0.65 s later and then once a second."""
    lock.issue_ticket(LIFETIME)
    clock.now += 0.3
    waiting = lock.issue_ticket(LIFETIME)
    clock.now += 0.65
    for _ in range(60):
        if not lock.is_locked(waiting):
            return True
        clock.now += 1.0
    return False


def test_a_message_waiting_behind_a_crashed_replica_is_served_when_its_claim_lapses(
    clock: Clock,
) -> None:
    assert served_after_a_crash(QueuedTicketLock("conversation"), clock)


def test_with_rasas_own_lock_the_waiting_message_lapses_with_the_dead_claim(clock: Clock) -> None:
    """Why bot.lock_store exists; if this fails, Rasa has fixed it and the subclass can go."""
    assert not served_after_a_crash(TicketLock("conversation"), clock)


def test_tickets_that_do_not_wait_keep_rasas_lifetime(clock: Clock) -> None:
    lock = QueuedTicketLock("conversation")
    first = lock.issue_ticket(LIFETIME)
    assert not lock.is_locked(first)
    clock.now += LIFETIME + 1
    second = lock.issue_ticket(LIFETIME)
    assert not lock.is_locked(second)
    assert lock.tickets[-1].expires == clock.now + LIFETIME


def test_the_cluster_endpoints_give_rasa_this_lock_store_on_redis(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with running_redis(tmp_path) as redis:
        for name, value in {
            "ACTION_ENDPOINT_URL": "http://127.0.0.1:1/webhook",
            "INTAKE_ACTION_TOKEN": "a-token-for-the-endpoints-file",
            "INTAKE_TRACKER_STORE_URL": "sqlite:///unused.sqlite3",
            "LOCK_STORE_HOST": redis.host,
            "LOCK_STORE_PORT": str(redis.port),
            "LOCK_STORE_PASSWORD": redis.password,
        }.items():
            monkeypatch.setenv(name, value)
        config = read_endpoint_config(str(PROJECT_ROOT / "endpoints.cluster.yml"), "lock_store")
        store = LockStore.create(config)
        assert isinstance(store, RedisLockStore)
        ticket = store.issue_ticket("conversation", LIFETIME)
        lock = store.get_lock("conversation")
        assert isinstance(lock, QueuedTicketLock) and not lock.is_locked(ticket)
