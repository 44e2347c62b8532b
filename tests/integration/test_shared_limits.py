"""Replay protection and the message rate limit hold across processes: two Rasa replicas (two
guards with engines of their own) on one real SQLite or PostgreSQL database count together."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

from sqlalchemy import select

from bot.casestore.engine import make_engine
from bot.casestore.tables import recent_messages, seen_webhook_events
from bot.channels.guard import Limits, MessageGuard
from bot.channels.recent import ReplayGuard
from bot.channels.shared import SharedMarks, shared_marks

SENDER = "x:1500000000000000001"


class Clock:
    def __init__(self) -> None:
        self.now = 1_800_000_000.0

    def __call__(self) -> float:
        return self.now


def replica(database_url: str, clock: Clock | None = None) -> SharedMarks:
    """What one process has: its own engine on the shared database."""
    return SharedMarks(make_engine(database_url), clock or Clock())


def test_a_flood_spread_over_two_replicas_is_limited_as_one(database_url: str) -> None:
    clock = Clock()
    limits = Limits(messages_per_minute=3)
    replicas = [MessageGuard(limits, shared=replica(database_url, clock)) for _ in range(2)]
    answers = [replicas[n % 2].refusal(SENDER, "hello") for n in range(5)]
    assert [a and a.reason for a in answers] == [None, None, None, "too_fast", "too_fast"]
    assert replicas[1].refusal("x:42", "hello") is None, "another conversation is not held up"
    clock.now += 61
    assert replicas[0].refusal(SENDER, "hello") is None, "a minute later it may write again"


def test_parallel_messages_never_get_more_than_the_limit_through(database_url: str) -> None:
    clock = Clock()
    replicas = [replica(database_url, clock) for _ in range(4)]

    def send(number: int) -> bool:
        return replicas[number % 4].admit_message(SENDER, 60, limit=5)

    with ThreadPoolExecutor(max_workers=8) as pool:
        admitted = sum(pool.map(send, range(24)))
    assert 1 <= admitted <= 5
    engine = make_engine(database_url)
    with engine.connect() as db:
        senders = set(db.execute(select(recent_messages.c.sender)).scalars())
    assert SENDER not in senders and len(senders) == 1, "only a digest of the id is kept"


def test_an_event_handled_by_one_replica_is_a_replay_at_the_other(database_url: str) -> None:
    clock = Clock()
    guards = [
        ReplayGuard(window_seconds=600, capacity=10, clock=clock,
                    shared=replica(database_url, clock), scope="x")
        for _ in range(2)
    ]  # fmt: skip
    sent_at = clock.now - 5
    assert guards[0].admit("event-1", sent_at)
    assert not guards[1].admit("event-1", sent_at), "the same event through the other replica"
    assert guards[1].admit("event-2", sent_at)
    clock.now += 901  # past the window and the clock skew: too old to admit, and forgotten
    assert not guards[0].admit("event-1", sent_at)
    assert guards[0].admit("event-3", clock.now)
    with make_engine(database_url).connect() as db:
        assert len(list(db.execute(select(seen_webhook_events)))) == 1


def test_the_channels_share_marks_only_when_a_database_is_configured(database_url: str) -> None:
    assert shared_marks({}) is None
    assert shared_marks({"INTAKE_DATABASE_URL": database_url}) is shared_marks(
        {"INTAKE_DATABASE_URL": database_url}
    )
