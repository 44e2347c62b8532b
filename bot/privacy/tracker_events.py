"""The conversations Rasa keeps in its SQL tracker store (endpoints.yml), read and deleted here.

Rasa owns the `events` table (rasa.core.tracker_store.SQLTrackerStore creates it); this mirrors its
columns so the core can export and delete a sender's events without importing Rasa. Each event is
one row: the sender (the channel's conversation id), its type, a UNIX timestamp and its JSON.
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
    inspect,
    select,
)
from sqlalchemy.engine import Connection, Engine

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

    def senders_giving(self, factor: str, narrowing: str) -> set[str]:
        """Conversations in which a message (the resident's or a read-back) gave this email or
        phone number (in `second_factors` form); `narrowing` is a LIKE pattern every such
        message matches once lower-cased, compared exactly here."""
        with self._transaction(commit=False) as connection:
            if connection is None:
                return set()
            rows = connection.execute(
                select(events.c.sender_id, events.c.data).where(
                    func.lower(events.c.data).like(narrowing)
                )
            )
            return {
                row.sender_id
                for row in rows
                if factor in second_factors(str(json.loads(row.data).get("text") or ""))
            }

    def delete_sender(self, sender_id: str) -> int:
        with self._transaction(commit=True) as connection:
            if connection is None:
                return 0
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
        return int(connection.execute(delete(events).where(sender)).rowcount)
    if conversation.latest_session_start is None:
        return 0
    keep_from = min(moment, conversation.latest_session_start)
    query = delete(events).where(sender, events.c.timestamp < keep_from)
    return int(connection.execute(query).rowcount)
