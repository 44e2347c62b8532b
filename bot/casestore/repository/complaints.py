"""Complaints at Stage 1 and Stage 2, each with its representative, adjustments and transcript.

A list of complaints loads those children for the whole list in one query each, not per
complaint."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

from sqlalchemy import func, insert, select, update
from sqlalchemy.engine import Row

from bot.casestore import tables
from bot.casestore.domain import (
    Complaint,
    ComplaintDefinition,
    ResponseOutcome,
    TranscriptLine,
)
from bot.casestore.repository.rows import Rows, adjustment_from, representative_from, utc


def reference_for(year: int, complaint_id: int) -> str:
    """CMP-2026-000123: the year received and the store's own unique number."""
    return f"CMP-{year}-{complaint_id:06d}"


class ComplaintRows(Rows):
    def add_complaint(self, complaint: Complaint, handover_key: str, contact_id: int | None) -> str:
        """Insert; the reference comes from the row's own id, so it is unique by construction."""
        definition = complaint.definition
        complaint_id = int(
            self._db.execute(
                insert(tables.complaints).values(
                    handover_key=handover_key,
                    stage=complaint.stage,
                    status=complaint.status,
                    conversation_id=complaint.conversation_id,
                    channel=complaint.channel,
                    contact_id=contact_id,
                    escalated_from_id=complaint.escalated_from_id,
                    received_at=complaint.received_at,
                    clock_start=complaint.clock_start,
                    acknowledgement_due=complaint.acknowledgement_due,
                    response_due=complaint.response_due,
                    aspects=list(definition.aspects),
                    outcomes=list(definition.outcomes),
                    still_happening=definition.still_happening,
                    resident_words=definition.resident_words,
                    contact_name=complaint.contact_name,
                    contact_details=complaint.contact_details,
                    contact_preference=complaint.contact_preference,
                    earlier_request=complaint.earlier_request,
                    request_words=complaint.request_words,
                    postal_address=complaint.postal_address,
                )
            ).inserted_primary_key[0]
        )
        reference = reference_for(complaint.received_at.year, complaint_id)
        self._db.execute(
            update(tables.complaints)
            .where(tables.complaints.c.id == complaint_id)
            .values(reference=reference)
        )
        if complaint.representative is not None:
            self._db.execute(
                insert(tables.representatives).values(
                    complaint_id=complaint_id,
                    contact_id=contact_id,
                    **vars(complaint.representative),
                )
            )
        for adjustment in complaint.adjustments:
            self._db.execute(
                insert(tables.adjustments).values(complaint_id=complaint_id, **vars(adjustment))
            )
        if complaint.transcript:
            self._db.execute(
                insert(tables.transcript_messages),
                [{"complaint_id": complaint_id, **vars(line)} for line in complaint.transcript],
            )
        return reference

    def record_acknowledgement(self, reference: str, at: datetime, response_due: date) -> None:
        self._db.execute(
            update(tables.complaints)
            .where(tables.complaints.c.reference == reference)
            .values(acknowledged_at=at, response_due=response_due)
        )

    def record_response(self, reference: str, at: datetime, outcome: ResponseOutcome) -> None:
        self._db.execute(
            update(tables.complaints)
            .where(tables.complaints.c.reference == reference)
            .values(responded_at=at, outcome=outcome, status="responded")
        )

    def record_extension(self, reference: str, new_date: date, reason: str) -> None:
        self._db.execute(
            update(tables.complaints)
            .where(tables.complaints.c.reference == reference)
            .values(extended_to=new_date, extension_reason=reason)
        )

    def complaint_by_handover_key(self, handover_key: str) -> Complaint | None:
        return self._complaint_where(tables.complaints.c.handover_key == handover_key)

    def complaint_by_reference(self, reference: str) -> Complaint | None:
        return self._complaint_where(tables.complaints.c.reference == reference)

    def complaint_for_contact(self, contact_id: int) -> Complaint | None:
        """The Stage 1 complaint already logged from a contact, however it was logged."""
        complaints = tables.complaints
        return self._complaint_where(
            (complaints.c.contact_id == contact_id) & (complaints.c.stage == 1)
        )

    def complaint_escalated_from(self, complaint_id: int) -> Complaint | None:
        """The Stage 2 complaint opened from a Stage 1 complaint, if there is one."""
        return self._complaint_where(tables.complaints.c.escalated_from_id == complaint_id)

    def stage_1_complaints_not_escalated(self, contact_hint: str) -> list[Complaint]:
        """Stage 1 complaints with no Stage 2 yet whose contact details contain `contact_hint`
        (an email, or the last digits of a phone number): the candidates for an identity check."""
        complaints = tables.complaints
        stage_2 = complaints.alias("stage_2")
        escalated = select(stage_2.c.id).where(stage_2.c.escalated_from_id == complaints.c.id)
        rows = self._db.execute(
            select(complaints)
            .where(
                complaints.c.stage == 1,
                ~escalated.exists(),
                func.lower(complaints.c.contact_details).contains(contact_hint.lower()),
            )
            .order_by(complaints.c.id)
        ).all()
        return self._complaints_from(rows)

    def complaints_for_conversation(self, conversation_id: str) -> list[str]:
        """References of the complaints logged from one conversation."""
        rows = self._db.execute(
            select(tables.complaints.c.reference)
            .where(tables.complaints.c.conversation_id == conversation_id)
            .order_by(tables.complaints.c.id)
        )
        return [row.reference for row in rows]

    def recent_complaints(self, limit: int) -> list[Complaint]:
        rows = self._db.execute(
            select(tables.complaints).order_by(tables.complaints.c.id.desc()).limit(limit)
        ).all()
        return self._complaints_from(rows)

    def open_complaints(self) -> list[Complaint]:
        """Complaints still waiting for their response, oldest first."""
        rows = self._db.execute(
            select(tables.complaints)
            .where(tables.complaints.c.responded_at.is_(None))
            .order_by(tables.complaints.c.id)
        ).all()
        return self._complaints_from(rows)

    def complaints_between(self, start: datetime, end: datetime) -> list[Complaint]:
        """Complaints received from `start` up to, not including, `end`."""
        received = tables.complaints.c.received_at
        rows = self._db.execute(
            select(tables.complaints)
            .where(received >= start, received < end)
            .order_by(tables.complaints.c.id)
        ).all()
        return self._complaints_from(rows)

    def complaint_service_areas(self, start: datetime, end: datetime) -> dict[str, str | None]:
        """Reference -> the service area triage found in the contact that started the complaint
        (a Stage 2 takes its Stage 1's); None when it came without a triaged contact."""
        complaints, contacts = tables.complaints, tables.contacts
        stage_1 = complaints.alias("stage_1")
        rows = self._db.execute(
            select(complaints.c.reference, contacts.c.service_area)
            .select_from(complaints)
            .outerjoin(stage_1, stage_1.c.id == complaints.c.escalated_from_id)
            .outerjoin(
                contacts,
                contacts.c.id == func.coalesce(complaints.c.contact_id, stage_1.c.contact_id),
            )
            .where(complaints.c.received_at >= start, complaints.c.received_at < end)
        )
        return {row.reference: row.service_area for row in rows}

    def count_complaints(self) -> int:
        return len(self._db.execute(select(tables.complaints.c.id)).all())

    def _complaint_where(self, condition: Any) -> Complaint | None:
        row = self._db.execute(select(tables.complaints).where(condition)).first()
        return None if row is None else self._complaints_from([row])[0]

    def _complaints_from(self, rows: Sequence[Row]) -> list[Complaint]:
        """Complaints with their children, each kind loaded for all of them in one query."""
        ids = [row.id for row in rows]
        if not ids:
            return []
        representatives = tables.representatives
        representative_of: dict[int, Row] = {}
        for found in self._db.execute(
            select(representatives)
            .where(representatives.c.complaint_id.in_(ids))
            .order_by(representatives.c.id.desc())
        ):
            representative_of[found.complaint_id] = found  # the first recorded wins
        adjustments: dict[int, list[Row]] = defaultdict(list)
        for found in self._db.execute(
            select(tables.adjustments)
            .where(tables.adjustments.c.complaint_id.in_(ids))
            .order_by(tables.adjustments.c.id)
        ):
            adjustments[found.complaint_id].append(found)
        transcripts: dict[int, list[Row]] = defaultdict(list)
        for found in self._db.execute(
            select(tables.transcript_messages)
            .where(tables.transcript_messages.c.complaint_id.in_(ids))
            .order_by(tables.transcript_messages.c.id)
        ):
            transcripts[found.complaint_id].append(found)
        return [
            self._complaint_from(
                row, representative_of.get(row.id), adjustments[row.id], transcripts[row.id]
            )
            for row in rows
        ]

    @staticmethod
    def _complaint_from(
        row: Row, representative_row: Row | None, adjustment_rows: Sequence[Row],
        transcript_rows: Sequence[Row],
    ) -> Complaint:  # fmt: skip
        return Complaint(
            id=row.id,
            reference=row.reference,
            stage=row.stage,
            status=row.status,
            conversation_id=row.conversation_id,
            channel=row.channel,
            received_at=utc(row.received_at),  # type: ignore[arg-type]
            clock_start=row.clock_start,
            acknowledgement_due=row.acknowledgement_due,
            acknowledged_at=utc(row.acknowledged_at),
            escalated_from_id=row.escalated_from_id,
            response_due=row.response_due,
            definition=ComplaintDefinition(
                aspects=tuple(row.aspects),
                outcomes=tuple(row.outcomes),
                still_happening=row.still_happening,
                resident_words=row.resident_words,
            ),
            contact_name=row.contact_name,
            contact_details=row.contact_details,
            contact_preference=row.contact_preference,
            representative=None
            if representative_row is None
            else representative_from(representative_row),
            adjustments=tuple(adjustment_from(a) for a in adjustment_rows),
            transcript=tuple(
                TranscriptLine(utc(t.at), t.direction, t.text)  # type: ignore[arg-type]
                for t in transcript_rows
            ),
            extension_reason=row.extension_reason,
            extended_to=row.extended_to,
            responded_at=utc(row.responded_at),
            outcome=row.outcome,
            earlier_request=row.earlier_request,
            request_words=row.request_words,
            postal_address=row.postal_address,
        )
