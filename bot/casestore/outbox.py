"""Store and forward for complaint handovers, so no complaint is lost or doubled.

A handover is written first to a small SQLite file on the action server's own disk (the outbox),
then to the case store. If the case store cannot be reached, or the process dies between the two,
the handover stays pending in the outbox and a relay delivers it later. Delivery is idempotent on
the handover key, so a handover the case store already holds is never logged twice.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from dataclasses import asdict
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import (
    Column,
    DateTime,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    delete,
    insert,
    select,
    update,
)
from sqlalchemy.exc import DBAPIError

from bot.casestore.domain import (
    Adjustment,
    Complaint,
    ComplaintDefinition,
    ComplaintHandover,
    Representative,
    TranscriptLine,
)
from bot.casestore.engine import make_engine
from bot.casestore.services import CaseStore, utc_now
from bot.casestore.unit_of_work import UnitOfWork

log = logging.getLogger(__name__)

outbox_metadata = MetaData()
outbox = Table(
    "outbox",
    outbox_metadata,
    Column("id", Integer, primary_key=True),
    Column("handover_key", String(300), nullable=False, unique=True),
    Column("payload", Text, nullable=False),
    Column("queued_at", DateTime(timezone=True), nullable=False),
    Column("attempts", Integer, nullable=False, default=0),
    Column("delivered_at", DateTime(timezone=True)),
    Column("reference", String(20)),
    Column("last_error", String(200)),
)


def handover_to_json(handover: ComplaintHandover) -> str:
    return json.dumps(asdict(handover), default=_iso)


def handover_from_json(text: str) -> ComplaintHandover:
    data = json.loads(text)
    definition, representative = data["definition"], data["representative"]
    return ComplaintHandover(
        **{
            **data,
            "received_at": datetime.fromisoformat(data["received_at"]),
            "definition": ComplaintDefinition(
                aspects=tuple(definition["aspects"]),
                outcomes=tuple(definition["outcomes"]),
                still_happening=definition["still_happening"],
                resident_words=definition["resident_words"],
            ),
            "representative": representative
            and Representative(
                **{**representative, "consent_at": _when(representative["consent_at"])}
            ),
            "adjustments": tuple(
                Adjustment(
                    **{
                        **adjustment,
                        "review_due": date.fromisoformat(adjustment["review_due"]),
                        "consent_at": _when(adjustment["consent_at"]),
                    }
                )
                for adjustment in data["adjustments"]
            ),
            "transcript": tuple(
                TranscriptLine(datetime.fromisoformat(t["at"]), t["direction"], t["text"])
                for t in data["transcript"]
            ),
        }
    )


def _iso(value: Any) -> str:
    if isinstance(value, date | datetime):
        return value.isoformat()
    raise TypeError(f"cannot store {type(value).__name__} in the outbox")


def _when(value: str | None) -> datetime | None:
    return None if value is None else datetime.fromisoformat(value)


class Outbox:
    """The pending handovers, in a SQLite file that survives the process."""

    def __init__(self, path: Path, clock: Callable[[], datetime] = utc_now) -> None:
        self._engine = make_engine(f"sqlite:///{path}")
        outbox_metadata.create_all(self._engine)
        self._clock = clock

    def put(self, handover: ComplaintHandover) -> None:
        """Keep the handover durably; a second put of the same key changes nothing."""
        with UnitOfWork(self._engine) as uow:
            known = uow.connection.execute(
                select(outbox.c.id).where(outbox.c.handover_key == handover.handover_key)
            ).first()
            if known is None:
                uow.connection.execute(
                    insert(outbox).values(
                        handover_key=handover.handover_key,
                        payload=handover_to_json(handover),
                        queued_at=self._clock(),
                        attempts=0,
                    )
                )
                uow.commit()

    def pending(self) -> list[ComplaintHandover]:
        with UnitOfWork(self._engine) as uow:
            rows = uow.connection.execute(
                select(outbox.c.payload)
                .where(outbox.c.delivered_at.is_(None))
                .order_by(outbox.c.id)
            )
            return [handover_from_json(row.payload) for row in rows]

    def delivered(self, handover_key: str, reference: str) -> None:
        """Once the case store has it, the outbox keeps only the key and the reference: the
        resident's details and words are not left on the action server's disk."""
        with UnitOfWork(self._engine) as uow:
            uow.connection.execute(
                update(outbox)
                .where(outbox.c.handover_key == handover_key)
                .values(
                    delivered_at=self._clock(), reference=reference, last_error=None, payload=""
                )
            )
            uow.commit()

    def forget(self, conversation_id: str) -> int:
        """Erasure: delete every handover of the conversation, delivered or not, so no key
        links `<conversation id>:...` to a reference and the relay cannot log an erased
        complaint again (`bot.privacy.service.PersonalData.erase`)."""
        key = outbox.c.handover_key
        with UnitOfWork(self._engine) as uow:
            query = delete(outbox).where(key.startswith(f"{conversation_id}:", autoescape=True))
            deleted = int(uow.connection.execute(query).rowcount)
            uow.commit()
        return deleted

    def remove_delivered(self, before: datetime, dry_run: bool = False) -> int:
        """Retention: delete what was delivered before the cutoff (only its key and reference
        are left by then); a handover not yet delivered stays however old."""
        with UnitOfWork(self._engine) as uow:
            query = delete(outbox).where(outbox.c.delivered_at < before)
            count = int(uow.connection.execute(query).rowcount)
            if not dry_run:
                uow.commit()
        return count

    def failed(self, handover_key: str, error: str) -> None:
        with UnitOfWork(self._engine) as uow:
            uow.connection.execute(
                update(outbox)
                .where(outbox.c.handover_key == handover_key)
                .values(attempts=outbox.c.attempts + 1, last_error=error[:200])
            )
            uow.commit()


class ComplaintHandovers:
    """Hands complaints to the case store through the outbox."""

    def __init__(self, outbox_store: Outbox, cases: CaseStore) -> None:
        self._outbox = outbox_store
        self._cases = cases

    def submit(self, handover: ComplaintHandover) -> Complaint | None:
        """The logged complaint, or None when the case store cannot be reached now: the handover
        is then safe in the outbox and will be logged, once, when the store is back."""
        self._outbox.put(handover)
        return self._deliver(handover)

    def pending(self) -> list[ComplaintHandover]:
        return self._outbox.pending()

    def relay(self) -> tuple[int, int]:
        """Deliver what is pending, oldest first; (delivered, still pending). Stops at the first
        failure, since the next would most likely fail the same way."""
        waiting = self._outbox.pending()
        for done, handover in enumerate(waiting):
            if self._deliver(handover) is None:
                return done, len(waiting) - done
        return len(waiting), 0

    def _deliver(self, handover: ComplaintHandover) -> Complaint | None:
        try:
            complaint = self._cases.submit_complaint(handover)
        except DBAPIError as error:
            # The driver's message names the server, never the resident's data.
            log.warning("case store unavailable; handover kept in the outbox: %s", error.orig)
            self._outbox.failed(handover.handover_key, type(error.orig).__name__)
            return None
        self._outbox.delivered(handover.handover_key, complaint.reference)
        return complaint

    def acting_as(self, actor: str) -> ComplaintHandovers:
        """The same outbox, delivering through a store that names `actor` (a staff username) in
        the audit trail, as `CaseStore.acting_as` does."""
        return ComplaintHandovers(self._outbox, self._cases.acting_as(actor))
