"""The conversations Rasa keeps in its SQL tracker store (endpoints.yml), read and deleted here.

Rasa owns the `events` table (rasa.core.tracker_store.SQLTrackerStore creates it); this mirrors its
columns so the core can export and delete a sender's events without importing Rasa. Each event is
one row: the sender (the channel's conversation id), its type, a UNIX timestamp and its JSON.

Beside it, `event_factors` holds the emails and phone numbers each message gave, normalised
(`second_factors`), one row each: written with the event as Rasa saves it
(bot/privacy/tracker_index.py), deleted with it, and what finds a person's conversations in SQL.
"""

from __future__ import annotations

import json
from collections.abc import Collection, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import (
    Column,
    Float,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    case,
    delete,
    func,
    insert,
    inspect,
    select,
)
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import DBAPIError
from sqlalchemy.schema import CreateIndex, CreateTable

from bot.casestore.domain import second_factors
from bot.casestore.unit_of_work import UnitOfWork

events = Table(
    "events",
    MetaData(),
    Column("id", Integer, primary_key=True),
    Column("sender_id", String(255), nullable=False, index=True),
    Column("type_name", String(255), nullable=False),
    Column("timestamp", Float),
    Column("intent_name", String(255)),
    Column("action_name", String(255)),
    Column("data", Text),
)
SESSION_STARTED = "session_started"
# Ours, not Rasa's: created in the tracker store's database when first needed.
event_factors = Table(
    "event_factors",
    MetaData(),
    Column("id", Integer, primary_key=True),
    Column("event_id", Integer, nullable=False, index=True),
    Column("sender_id", String(255), nullable=False, index=True),
    Column("factor", String(320), nullable=False, index=True),
)


def index_event(connection: Connection, event_id: int, sender_id: str, data: str) -> int:
    """Record the emails and phone numbers an event's message gave, on the connection (and so in
    the transaction) that stored the event; how many. Few messages give one, so looking whether
    the table exists each time costs little."""
    factors = second_factors(str(json.loads(data).get("text") or ""))
    if factors:
        make_event_factors(connection)
        rows = [{"event_id": event_id, "sender_id": sender_id, "factor": f} for f in factors]
        connection.execute(insert(event_factors), rows)
    return len(factors)


def make_event_factors(connection: Connection) -> bool:
    """Create `event_factors` if it is missing; whether this made it. Two replicas making it at
    the same moment on PostgreSQL: the one that loses rolls back to a savepoint, not the whole
    transaction (Rasa's save of the event), and goes on. SQLite has one writer at a time."""
    if inspect(connection).has_table(event_factors.name):
        return False
    if connection.dialect.name == "sqlite":
        _create_event_factors(connection)
        return True
    try:
        with connection.begin_nested():
            _create_event_factors(connection)
    except DBAPIError:
        return False
    return True


def _create_event_factors(connection: Connection) -> None:
    connection.execute(CreateTable(event_factors, if_not_exists=True))
    for index in event_factors.indexes:
        connection.execute(CreateIndex(index, if_not_exists=True))


@dataclass(frozen=True)
class Conversation:
    """One sender's stored events: when the last one came and when the latest session began."""

    sender_id: str
    last_event: float
    latest_session_start: float | None


class TrackerEvents:
    def __init__(self, engine: Engine) -> None:
        self._engine = engine

    @contextmanager
    def _transaction(self, commit: bool) -> Iterator[Connection | None]:
        """One transaction, rolled back unless `commit`; None when Rasa has stored nothing here
        yet (it creates the table when it first starts)."""
        if not inspect(self._engine).has_table(events.name):
            yield None
            return
        with UnitOfWork(self._engine) as uow:
            yield uow.connection
            if commit:
                uow.commit()

    def of_sender(self, sender_id: str) -> list[dict[str, Any]]:
        with self._transaction(commit=False) as connection:
            if connection is None:
                return []
            rows = connection.execute(
                select(events.c.data).where(events.c.sender_id == sender_id).order_by(events.c.id)
            )
            return [json.loads(row.data) for row in rows]

    def senders_giving(self, factor: str) -> set[str]:
        """Conversations in which a message (the resident's or a read-back) gave this email or
        phone number (in `second_factors` form), found in `event_factors`."""
        with self._transaction(commit=False) as connection:
            if connection is None or not inspect(connection).has_table(event_factors.name):
                return set()
            query = select(event_factors.c.sender_id).where(event_factors.c.factor == factor)
            return set(connection.execute(query).scalars())

    def index_earlier_events(self) -> int:
        """The first time `event_factors` is made, the messages stored before it are indexed
        (once, as the Rasa server starts); how many events gave a factor."""
        with self._transaction(commit=True) as connection:
            if connection is None or not make_event_factors(connection):
                return 0
            rows = connection.execute(select(events.c.id, events.c.sender_id, events.c.data))
            return sum(
                bool(index_event(connection, row.id, row.sender_id, row.data)) for row in rows.all()
            )

    def delete_sender(self, sender_id: str) -> int:
        with self._transaction(commit=True) as connection:
            if connection is None:
                return 0
            _delete_factors(connection, event_factors.c.sender_id == sender_id)
            query = delete(events).where(events.c.sender_id == sender_id)
            return int(connection.execute(query).rowcount)

    def delete_expired(self, cutoff: datetime, keep: Collection[str], dry_run: bool) -> int:
        """Delete events from before the cutoff, except the senders in `keep`. A conversation
        idle since before the cutoff goes whole; otherwise its latest session stays whole, since
        Rasa reads that session to carry on. A dry run counts and rolls back."""
        moment = cutoff.timestamp()
        with self._transaction(commit=not dry_run) as connection:
            if connection is None:
                return 0
            return sum(
                _delete_expired(connection, conversation, moment)
                for conversation in _conversations_with_events_before(connection, moment)
                if conversation.sender_id not in keep
            )


def _conversations_with_events_before(connection: Connection, moment: float) -> list[Conversation]:
    session_start = case((events.c.type_name == SESSION_STARTED, events.c.timestamp))
    rows = connection.execute(
        select(events.c.sender_id, func.max(events.c.timestamp), func.max(session_start))
        .group_by(events.c.sender_id)
        .having(func.min(events.c.timestamp) < moment)
        .order_by(events.c.sender_id)
    )
    return [Conversation(sender, last, start) for sender, last, start in rows]


def _delete_expired(connection: Connection, conversation: Conversation, moment: float) -> int:
    sender = events.c.sender_id == conversation.sender_id
    if conversation.last_event < moment:
        _delete_factors(connection, event_factors.c.sender_id == conversation.sender_id)
        return int(connection.execute(delete(events).where(sender)).rowcount)
    if conversation.latest_session_start is None:
        return 0
    keep_from = min(moment, conversation.latest_session_start)
    expired = (sender, events.c.timestamp < keep_from)
    _delete_factors(connection, event_factors.c.event_id.in_(select(events.c.id).where(*expired)))
    query = delete(events).where(*expired)
    return int(connection.execute(query).rowcount)


def _delete_factors(connection: Connection, condition: Any) -> None:
    if inspect(connection).has_table(event_factors.name):
        connection.execute(delete(event_factors).where(condition))
