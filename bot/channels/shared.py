"""Replay protection and rate limits that every process sees, in the case store's database.

Each Rasa replica remembers on its own which webhook events it handled and how fast each
conversation is writing, so behind a load balancer a replayed event or a flood spread over the
replicas would get through each of them. With `INTAKE_DATABASE_URL` set (always, in production)
the channels keep both here instead, as the identity check keeps its failed tries
(bot.casestore.services.CaseStore.identify). Rows hold SHA-256 digests, never an id, and go when
they expire.
"""

from __future__ import annotations

import hashlib
import os
import time
from collections.abc import Callable, Mapping
from functools import cache

from sqlalchemy import delete, func, insert, select
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError

from bot.casestore.engine import make_engine
from bot.casestore.tables import recent_messages, seen_webhook_events
from bot.casestore.unit_of_work import UnitOfWork


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


class SharedMarks:
    def __init__(self, engine: Engine, clock: Callable[[], float] = time.time) -> None:
        self._engine = engine
        self._clock = clock

    def first_delivery(self, event: str, keep_seconds: float) -> bool:
        """True the first time any process is handed this event; it is remembered for
        `keep_seconds`. The unique index settles two processes handed it at once."""
        now = self._clock()
        table = seen_webhook_events
        with UnitOfWork(self._engine) as uow:
            uow.connection.execute(delete(table).where(table.c.expires_at < now))
            uow.commit()
        try:
            with UnitOfWork(self._engine) as uow:
                uow.connection.execute(
                    insert(table).values(event=_digest(event), expires_at=now + keep_seconds)
                )
                uow.commit()
        except IntegrityError:
            return False
        return True

    def admit_message(self, sender_id: str, window_seconds: float, limit: int) -> bool:
        """Whether the conversation has sent fewer than `limit` messages in the window, across
        every process. The message is counted first and uncounted if refused, so processes
        racing each other refuse too many rather than admit too many."""
        now = self._clock()
        table, sender = recent_messages, _digest(sender_id)
        with UnitOfWork(self._engine) as uow:
            uow.connection.execute(delete(table).where(table.c.at <= now - window_seconds))
            uow.commit()
        with UnitOfWork(self._engine) as uow:
            marked = uow.connection.execute(insert(table).values(sender=sender, at=now))
            mark = marked.inserted_primary_key[0]
            uow.commit()
        # Counted after the mark is committed: of two processes racing, each sees the other's.
        with UnitOfWork(self._engine) as uow:
            counted = uow.connection.execute(
                select(func.count())
                .select_from(table)
                .where(table.c.sender == sender, table.c.at > now - window_seconds)
            ).scalar_one()
            if counted <= limit:
                return True
            uow.connection.execute(delete(table).where(table.c.id == mark))
            uow.commit()
        return False


@cache
def _shared_for(database_url: str) -> SharedMarks:
    return SharedMarks(make_engine(database_url))


def shared_marks(env: Mapping[str, str] | None = None) -> SharedMarks | None:
    """The marks in the configured case store, one engine per process; None when no database is
    configured (a single development process remembers in memory)."""
    url = (os.environ if env is None else env).get("INTAKE_DATABASE_URL")
    return _shared_for(url) if url else None
