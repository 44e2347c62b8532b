"""Contacts, from any channel, with what is kept beside one outside a complaint: its Awaab's Law
clocks, and the adjustments and representatives agreed on the call (1.3, 3.6, 5.10)."""

from __future__ import annotations

from collections.abc import Collection
from datetime import datetime

from sqlalchemy import insert, select, update
from sqlalchemy.engine import Row

from bot.casestore import tables
from bot.casestore.domain import (
    Adjustment,
    Choice,
    ContactRecord,
    HazardClock,
    Representative,
)
from bot.casestore.repository.rows import Rows, adjustment_from, moment, representative_from, utc
from bot.triage.result import TriageResult


class ContactRows(Rows):
    def add_contact(self, contact: ContactRecord) -> int:
        result = self._db.execute(
            insert(tables.contacts).values(
                conversation_id=contact.conversation_id,
                channel=contact.channel,
                received_at=contact.received_at,
                text=contact.text,
                label=contact.label,
                intent=contact.intent,
                confidence=contact.confidence,
                exclusion_reason=contact.exclusion_reason,
                urgency=list(contact.urgency),
                reasons=list(contact.reasons),
                service_area=contact.service_area,
                turn_key=contact.turn_key,
                triage=None if contact.triage is None else contact.triage.as_stored(),
                model_version=contact.model_version,
            )
        )
        return int(result.inserted_primary_key[0])

    def contact_for_turn(self, turn_key: str) -> ContactRecord | None:
        row = self._db.execute(
            select(tables.contacts).where(tables.contacts.c.turn_key == turn_key)
        ).first()
        return None if row is None else self._contact_from(row)

    def set_urgency(self, contact_id: int, urgency: tuple[str, ...]) -> None:
        self._db.execute(
            update(tables.contacts)
            .where(tables.contacts.c.id == contact_id)
            .values(urgency=list(urgency))
        )

    def set_exclusion_reason(self, contact_id: int, ground: str | None) -> None:
        self._db.execute(
            update(tables.contacts)
            .where(tables.contacts.c.id == contact_id)
            .values(exclusion_reason=ground)
        )

    def record_choice(self, contact_id: int, choice: Choice, at: datetime) -> None:
        self._db.execute(
            update(tables.contacts)
            .where(tables.contacts.c.id == contact_id)
            .values(choice=choice, choice_at=at)
        )

    def get_contact(self, contact_id: int) -> ContactRecord | None:
        row = self._db.execute(
            select(tables.contacts).where(tables.contacts.c.id == contact_id)
        ).first()
        return None if row is None else self._contact_from(row)

    def recent_contacts(self, limit: int) -> list[ContactRecord]:
        rows = self._db.execute(
            select(tables.contacts).order_by(tables.contacts.c.id.desc()).limit(limit)
        )
        return [self._contact_from(row) for row in rows]

    def urgent_contacts(self, since: datetime) -> list[ContactRecord]:
        """Contacts flagged for urgent follow-up since then, newest first."""
        rows = self._db.execute(
            select(tables.contacts)
            .where(tables.contacts.c.received_at >= since)
            .order_by(tables.contacts.c.id.desc())
        )
        return [c for c in map(self._contact_from, rows) if c.urgency]

    def conversation_contacts(self, conversation_ids: Collection[str]) -> list[ContactRecord]:
        """The contacts of these conversations, oldest first."""
        rows = self._db.execute(
            select(tables.contacts)
            .where(tables.contacts.c.conversation_id.in_(conversation_ids))
            .order_by(tables.contacts.c.id)
        )
        return [self._contact_from(row) for row in rows]

    def contacts_between(self, start: datetime, end: datetime) -> list[ContactRecord]:
        """Contacts received from `start` up to, not including, `end`."""
        received = tables.contacts.c.received_at
        rows = self._db.execute(
            select(tables.contacts)
            .where(received >= start, received < end)
            .order_by(tables.contacts.c.id)
        )
        return [self._contact_from(row) for row in rows]

    @staticmethod
    def _contact_from(row: Row) -> ContactRecord:
        return ContactRecord(
            id=row.id,
            conversation_id=row.conversation_id,
            channel=row.channel,
            received_at=utc(row.received_at),  # type: ignore[arg-type]
            text=row.text,
            label=row.label,
            intent=row.intent,
            confidence=row.confidence,
            exclusion_reason=row.exclusion_reason,
            urgency=tuple(row.urgency),
            reasons=tuple(row.reasons),
            choice=row.choice,
            choice_at=utc(row.choice_at),
            service_area=row.service_area,
            turn_key=row.turn_key,
            triage=None if row.triage is None else TriageResult.from_stored(row.triage),
            model_version=row.model_version,
        )

    def add_hazard_clock(self, clock: HazardClock) -> None:
        self._db.execute(
            insert(tables.hazard_clocks).values(
                contact_id=clock.contact_id,
                category=clock.category,
                kind=clock.kind,
                aware_at=clock.aware_at,
                due={step: moment.isoformat() for step, moment in clock.due.items()},
            )
        )

    def hazard_clocks(self, contact_ids: Collection[int]) -> list[HazardClock]:
        rows = self._db.execute(
            select(tables.hazard_clocks)
            .where(tables.hazard_clocks.c.contact_id.in_(contact_ids))
            .order_by(tables.hazard_clocks.c.id)
        )
        return [
            HazardClock(
                category=row.category,
                kind=row.kind,
                aware_at=utc(row.aware_at),  # type: ignore[arg-type]
                due={step: moment(value) for step, value in row.due.items()},
                contact_id=row.contact_id,
            )
            for row in rows
        ]

    def add_contact_adjustment(self, contact_id: int, adjustment: Adjustment) -> int:
        result = self._db.execute(
            insert(tables.adjustments).values(contact_id=contact_id, **vars(adjustment))
        )
        return int(result.inserted_primary_key[0])

    def contact_adjustments(self, contact_id: int) -> list[Adjustment]:
        rows = self._db.execute(
            select(tables.adjustments)
            .where(tables.adjustments.c.contact_id == contact_id)
            .order_by(tables.adjustments.c.id)
        )
        return [adjustment_from(row) for row in rows]

    def add_contact_representative(self, contact_id: int, representative: Representative) -> int:
        result = self._db.execute(
            insert(tables.representatives).values(contact_id=contact_id, **vars(representative))
        )
        return int(result.inserted_primary_key[0])

    def contact_representatives(self, contact_id: int) -> list[Representative]:
        rows = self._db.execute(
            select(tables.representatives)
            .where(tables.representatives.c.contact_id == contact_id)
            .order_by(tables.representatives.c.id)
        )
        return [representative_from(row) for row in rows]
