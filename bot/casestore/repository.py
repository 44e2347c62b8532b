"""Case store reads and writes on one connection; the unit of work owns the transaction."""

from __future__ import annotations

import json
from datetime import date, datetime, timezone
from typing import Any

from sqlalchemy import insert, select, update
from sqlalchemy.engine import Connection, Row

from bot.casestore import tables
from bot.casestore.domain import (
    Adjustment,
    Choice,
    Complaint,
    ComplaintDefinition,
    ContactRecord,
    ExclusionProposal,
    Representative,
    TranscriptLine,
)


def reference_for(year: int, complaint_id: int) -> str:
    """CMP-2026-000123: the year received and the store's own unique number."""
    return f"CMP-{year}-{complaint_id:06d}"


def _utc(value: datetime | None) -> datetime | None:
    """SQLite drops the zone; every stored time is UTC, so put it back."""
    if value is None or value.tzinfo is not None:
        return value
    return value.replace(tzinfo=timezone.utc)


class CaseRepository:
    def __init__(self, connection: Connection) -> None:
        self._db = connection

    # contacts -------------------------------------------------------------------------------
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
            )
        )
        return int(result.inserted_primary_key[0])

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
        if row is None:
            return None
        return ContactRecord(
            id=row.id,
            conversation_id=row.conversation_id,
            channel=row.channel,
            received_at=_utc(row.received_at),  # type: ignore[arg-type]
            text=row.text,
            label=row.label,
            intent=row.intent,
            confidence=row.confidence,
            exclusion_reason=row.exclusion_reason,
            urgency=tuple(row.urgency),
            reasons=tuple(row.reasons),
            choice=row.choice,
            choice_at=_utc(row.choice_at),
        )

    def add_service_request(self, contact_id: int, category: str, urgent: bool) -> None:
        self._db.execute(
            insert(tables.service_requests).values(
                contact_id=contact_id, category=category, urgent=urgent
            )
        )

    def add_exclusion_proposal(self, proposal: ExclusionProposal) -> int:
        result = self._db.execute(
            insert(tables.exclusion_proposals).values(
                contact_id=proposal.contact_id,
                ground=proposal.ground,
                explanation=proposal.explanation,
                explained_at=proposal.explained_at,
                ombudsman_signposted=proposal.ombudsman_signposted,
                decision=proposal.decision,
            )
        )
        return int(result.inserted_primary_key[0])

    def exclusion_proposals(self, decision: str = "pending") -> list[ExclusionProposal]:
        rows = self._db.execute(
            select(tables.exclusion_proposals)
            .where(tables.exclusion_proposals.c.decision == decision)
            .order_by(tables.exclusion_proposals.c.id)
        )
        return [
            ExclusionProposal(
                id=r.id,
                contact_id=r.contact_id,
                ground=r.ground,
                explanation=r.explanation,
                explained_at=_utc(r.explained_at),  # type: ignore[arg-type]
                ombudsman_signposted=r.ombudsman_signposted,
                decision=r.decision,
            )
            for r in rows
        ]

    # complaints -----------------------------------------------------------------------------
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
                    complaint_id=complaint_id, **vars(complaint.representative)
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
        return [self._complaint_from(row) for row in rows]

    def recent_contacts(self, limit: int) -> list[ContactRecord]:
        ids = self._db.execute(
            select(tables.contacts.c.id).order_by(tables.contacts.c.id.desc()).limit(limit)
        ).scalars()
        return [contact for i in ids if (contact := self.get_contact(i)) is not None]

    def count_complaints(self) -> int:
        return len(self._db.execute(select(tables.complaints.c.id)).all())

    def _complaint_where(self, condition: Any) -> Complaint | None:
        row = self._db.execute(select(tables.complaints).where(condition)).first()
        return None if row is None else self._complaint_from(row)

    def _complaint_from(self, row: Row) -> Complaint:
        representative_row = self._db.execute(
            select(tables.representatives).where(tables.representatives.c.complaint_id == row.id)
        ).first()
        adjustment_rows = self._db.execute(
            select(tables.adjustments)
            .where(tables.adjustments.c.complaint_id == row.id)
            .order_by(tables.adjustments.c.id)
        ).all()
        transcript_rows = self._db.execute(
            select(tables.transcript_messages)
            .where(tables.transcript_messages.c.complaint_id == row.id)
            .order_by(tables.transcript_messages.c.id)
        ).all()
        return Complaint(
            id=row.id,
            reference=row.reference,
            stage=row.stage,
            status=row.status,
            conversation_id=row.conversation_id,
            channel=row.channel,
            received_at=_utc(row.received_at),  # type: ignore[arg-type]
            clock_start=row.clock_start,
            acknowledgement_due=row.acknowledgement_due,
            acknowledged_at=_utc(row.acknowledged_at),
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
            else Representative(
                name=representative_row.name,
                relationship=representative_row.relationship,
                acting_for=representative_row.acting_for,
                consent=representative_row.consent,
                consent_at=_utc(representative_row.consent_at),
            ),
            adjustments=tuple(
                Adjustment(
                    need_id=a.need_id,
                    detail=a.detail,
                    agreed=a.agreed,
                    review_due=a.review_due,
                    disability_disclosed=a.disability_disclosed,
                    consent_to_record=a.consent_to_record,
                    consent_at=_utc(a.consent_at),
                )
                for a in adjustment_rows
            ),
            transcript=tuple(
                TranscriptLine(_utc(t.at), t.direction, t.text)  # type: ignore[arg-type]
                for t in transcript_rows
            ),
            extension_reason=row.extension_reason,
            extended_to=row.extended_to,
        )

    # audit ----------------------------------------------------------------------------------
    def audit(self, at: datetime, actor: str, kind: str, subject: str, **detail: Any) -> None:
        """Append-only: there is no update or delete of audit events anywhere."""
        self._db.execute(
            insert(tables.audit_events).values(
                at=at,
                actor=actor,
                kind=kind,
                subject=subject,
                detail=json.loads(json.dumps(detail, default=str)),
            )
        )

    def audit_trail(self, subject: str) -> list[tuple[str, str, dict[str, Any]]]:
        rows = self._db.execute(
            select(tables.audit_events)
            .where(tables.audit_events.c.subject == subject)
            .order_by(tables.audit_events.c.id)
        )
        return [(r.actor, r.kind, r.detail) for r in rows]
