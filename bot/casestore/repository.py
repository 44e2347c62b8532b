"""Case store reads and writes on one connection; the unit of work owns the transaction."""

from __future__ import annotations

import json
from collections.abc import Collection
from datetime import date, datetime, timezone
from typing import Any

from sqlalchemy import func, insert, select, update
from sqlalchemy.engine import Connection, Row

from bot.casestore import tables
from bot.casestore.domain import (
    Adjustment,
    AdjustmentOnFile,
    AdjustmentReview,
    Choice,
    Complaint,
    ComplaintDefinition,
    ContactRecord,
    Decision,
    ExclusionProposal,
    Handoff,
    HazardClock,
    Representative,
    ResponseOutcome,
    ServiceRequest,
    ServiceRequestRecord,
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


def _moment(value: str) -> datetime | date:
    """A due time as stored: a date-time for hours, a date for working days."""
    return datetime.fromisoformat(value) if "T" in value else date.fromisoformat(value)


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
                service_area=contact.service_area,
                turn_key=contact.turn_key,
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

    def urgent_contacts(self, since: datetime) -> list[ContactRecord]:
        """Contacts flagged for urgent follow-up since then, newest first."""
        rows = self._db.execute(
            select(tables.contacts)
            .where(tables.contacts.c.received_at >= since)
            .order_by(tables.contacts.c.id.desc())
        )
        return [c for c in map(self._contact_from, rows) if c.urgency]

    # hazard clocks --------------------------------------------------------------------------
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
                aware_at=_utc(row.aware_at),  # type: ignore[arg-type]
                due={step: _moment(value) for step, value in row.due.items()},
                contact_id=row.contact_id,
            )
            for row in rows
        ]

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
            service_area=row.service_area,
            turn_key=row.turn_key,
        )

    def add_service_request(self, contact_id: int, request: ServiceRequest) -> None:
        self._db.execute(
            insert(tables.service_requests).values(contact_id=contact_id, **vars(request))
        )

    def set_service_request_contact(
        self, contact_id: int, name: str, details: str, preference: str
    ) -> None:
        requests = tables.service_requests
        self._db.execute(
            update(requests)
            .where(requests.c.contact_id == contact_id)
            .values(contact_name=name, contact_details=details, contact_preference=preference)
        )

    def has_service_request(self, contact_id: int) -> bool:
        service_requests = tables.service_requests
        found = select(service_requests.c.id).where(service_requests.c.contact_id == contact_id)
        return self._db.execute(found.limit(1)).first() is not None

    def has_exclusion_proposal(self, contact_id: int) -> bool:
        proposals = tables.exclusion_proposals
        found = select(proposals.c.id).where(proposals.c.contact_id == contact_id)
        return self._db.execute(found.limit(1)).first() is not None

    def service_request(self, contact_id: int) -> ServiceRequest | None:
        requests = tables.service_requests
        row = self._db.execute(
            select(*(requests.c[name] for name in ServiceRequest.__dataclass_fields__)).where(
                requests.c.contact_id == contact_id
            )
        ).first()
        return None if row is None else ServiceRequest(**row._mapping)

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
        return self._proposals_where(tables.exclusion_proposals.c.decision == decision)

    def exclusion_proposal(self, proposal_id: int) -> ExclusionProposal | None:
        found = self._proposals_where(tables.exclusion_proposals.c.id == proposal_id)
        return found[0] if found else None

    def exclusion_proposals_between(
        self, start: datetime, end: datetime
    ) -> list[ExclusionProposal]:
        """Proposals explained to residents from `start` up to, not including, `end`."""
        explained = tables.exclusion_proposals.c.explained_at
        return self._proposals_where((explained >= start) & (explained < end))

    def decide_exclusion(
        self, proposal_id: int, decision: Decision, officer: str, at: datetime, reason: str,
        refusal_letter: str | None = None,
    ) -> bool:  # fmt: skip
        """Record an officer's decision; False when the proposal was no longer pending."""
        proposals = tables.exclusion_proposals
        result = self._db.execute(
            update(proposals)
            .where(proposals.c.id == proposal_id, proposals.c.decision == "pending")
            .values(
                decision=decision,
                decided_by=officer,
                decided_at=at,
                decision_reason=reason,
                refusal_letter=refusal_letter,
            )
        )
        return result.rowcount == 1

    def _proposals_where(self, condition: Any) -> list[ExclusionProposal]:
        rows = self._db.execute(
            select(tables.exclusion_proposals)
            .where(condition)
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
                decided_by=r.decided_by,
                decided_at=_utc(r.decided_at),
                decision_reason=r.decision_reason,
                refusal_letter=r.refusal_letter,
            )
            for r in rows
        ]

    def service_requests_between(
        self, start: datetime, end: datetime
    ) -> list[ServiceRequestRecord]:
        """Service requests received in the period, each marked if a complaint followed it in
        the same conversation (1.5)."""
        contacts, complaints = tables.contacts, tables.complaints
        followed = (
            select(complaints.c.id)
            .where(
                complaints.c.conversation_id == contacts.c.conversation_id,
                complaints.c.received_at >= contacts.c.received_at,
            )
            .exists()
        )
        rows = self._db.execute(
            select(
                tables.service_requests.c.contact_id,
                tables.service_requests.c.category,
                tables.service_requests.c.urgent,
                contacts.c.received_at,
                followed.label("became_complaint"),
            )
            .join(contacts, contacts.c.id == tables.service_requests.c.contact_id)
            .where(contacts.c.received_at >= start, contacts.c.received_at < end)
            .order_by(tables.service_requests.c.id)
        )
        return [
            ServiceRequestRecord(
                contact_id=r.contact_id,
                category=r.category,
                urgent=r.urgent,
                received_at=_utc(r.received_at),  # type: ignore[arg-type]
                became_complaint=bool(r.became_complaint),
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
        return [self._complaint_from(row) for row in rows]

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

    def open_complaints(self) -> list[Complaint]:
        """Complaints still waiting for their response, oldest first."""
        rows = self._db.execute(
            select(tables.complaints)
            .where(tables.complaints.c.responded_at.is_(None))
            .order_by(tables.complaints.c.id)
        ).all()
        return [self._complaint_from(row) for row in rows]

    def complaints_between(self, start: datetime, end: datetime) -> list[Complaint]:
        """Complaints received from `start` up to, not including, `end`."""
        received = tables.complaints.c.received_at
        rows = self._db.execute(
            select(tables.complaints)
            .where(received >= start, received < end)
            .order_by(tables.complaints.c.id)
        ).all()
        return [self._complaint_from(row) for row in rows]

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
            else _representative_from(representative_row),
            adjustments=tuple(_adjustment_from(a) for a in adjustment_rows),
            transcript=tuple(
                TranscriptLine(_utc(t.at), t.direction, t.text)  # type: ignore[arg-type]
                for t in transcript_rows
            ),
            extension_reason=row.extension_reason,
            extended_to=row.extended_to,
            responded_at=_utc(row.responded_at),
            outcome=row.outcome,
            earlier_request=row.earlier_request,
            request_words=row.request_words,
            postal_address=row.postal_address,
        )

    # adjustments under review (5.10) ----------------------------------------------------------
    def adjustments_due(self, by: date) -> list[AdjustmentOnFile]:
        """Agreed adjustments whose review falls on or before `by`, soonest first."""
        return self._adjustments_where(tables.adjustments.c.review_due <= by)

    def adjustment_on_file(self, adjustment_id: int) -> AdjustmentOnFile | None:
        found = self._adjustments_where(tables.adjustments.c.id == adjustment_id)
        return found[0] if found else None

    def _adjustments_where(self, condition: Any) -> list[AdjustmentOnFile]:
        adjustments = tables.adjustments
        rows = self._db.execute(
            select(adjustments, tables.complaints.c.reference)
            .outerjoin(tables.complaints, tables.complaints.c.id == adjustments.c.complaint_id)
            .where(condition)
            .order_by(adjustments.c.review_due, adjustments.c.id)
        )
        return [
            AdjustmentOnFile(r.id, r.reference or f"contact:{r.contact_id}", _adjustment_from(r))
            for r in rows
        ]

    def contact_adjustments_between(self, start: datetime, end: datetime) -> list[Adjustment]:
        """Adjustments agreed outside a complaint, with contacts received in the period."""
        adjustments, contacts = tables.adjustments, tables.contacts
        rows = self._db.execute(
            select(adjustments)
            .join(contacts, contacts.c.id == adjustments.c.contact_id)
            .where(
                adjustments.c.complaint_id.is_(None),
                contacts.c.received_at >= start,
                contacts.c.received_at < end,
            )
            .order_by(adjustments.c.id)
        )
        return [_adjustment_from(row) for row in rows]

    def add_adjustment_review(self, review: AdjustmentReview) -> None:
        self._db.execute(insert(tables.adjustment_reviews).values(**vars(review)))
        self._db.execute(
            update(tables.adjustments)
            .where(tables.adjustments.c.id == review.adjustment_id)
            .values(review_due=review.next_review_due)
        )

    def adjustment_reviews_between(self, start: datetime, end: datetime) -> list[AdjustmentReview]:
        reviews = tables.adjustment_reviews
        rows = self._db.execute(
            select(reviews)
            .where(reviews.c.reviewed_at >= start, reviews.c.reviewed_at < end)
            .order_by(reviews.c.id)
        )
        return [
            AdjustmentReview(
                adjustment_id=r.adjustment_id,
                reviewed_at=_utc(r.reviewed_at),  # type: ignore[arg-type]
                officer=r.officer,
                note=r.note,
                next_review_due=r.next_review_due,
            )
            for r in rows
        ]

    # audit ----------------------------------------------------------------------------------
    def count_audit_events(self, kind: str, since: datetime, subject: str | None = None) -> int:
        audit = tables.audit_events.c
        counted = select(func.count()).where(audit.kind == kind, audit.at >= since)
        if subject is not None:
            counted = counted.where(audit.subject == subject)
        return int(self._db.execute(counted).scalar_one())

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

    # adjustments agreed outside a complaint (5.10) --------------------------------------------
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
        return [_adjustment_from(row) for row in rows]

    # representatives recorded outside a complaint (1.3, 3.6) ----------------------------------
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
        return [_representative_from(row) for row in rows]

    # handoffs to a person ---------------------------------------------------------------------
    def add_handoff(self, handoff: Handoff) -> int:
        values = {**vars(handoff), "transcript": [_transcript_json(t) for t in handoff.transcript]}
        del values["id"]
        return int(self._db.execute(insert(tables.handoffs).values(values)).inserted_primary_key[0])

    def handoffs(self, status: str) -> list[Handoff]:
        rows = self._db.execute(
            select(tables.handoffs)
            .where(tables.handoffs.c.status == status)
            .order_by(tables.handoffs.c.requested_at)
        )
        return [
            Handoff(
                id=r.id,
                conversation_id=r.conversation_id,
                channel=r.channel,
                requested_at=_utc(r.requested_at),  # type: ignore[arg-type]
                person_from=_utc(r.person_from),
                status=r.status,
                picked_up_by=r.picked_up_by,
                transcript=tuple(
                    TranscriptLine(datetime.fromisoformat(t["at"]), t["direction"], t["text"])
                    for t in r.transcript
                ),
            )
            for r in rows
        ]

    def pick_up_handoff(self, handoff_id: int, staff: str) -> bool:
        """False when nobody was waiting on that handoff (already picked up, or no such id)."""
        result = self._db.execute(
            update(tables.handoffs)
            .where(tables.handoffs.c.id == handoff_id, tables.handoffs.c.status == "waiting")
            .values(status="picked_up", picked_up_by=staff)
        )
        return result.rowcount == 1

    def complaint_escalated_from(self, complaint_id: int) -> Complaint | None:
        """The Stage 2 complaint opened from a Stage 1 complaint, if there is one."""
        return self._complaint_where(tables.complaints.c.escalated_from_id == complaint_id)


def _adjustment_from(row: Row) -> Adjustment:
    return Adjustment(
        need_id=row.need_id,
        detail=row.detail,
        agreed=row.agreed,
        review_due=row.review_due,
        disability_disclosed=row.disability_disclosed,
        consent_to_record=row.consent_to_record,
        consent_at=_utc(row.consent_at),
    )


def _transcript_json(line: TranscriptLine) -> dict[str, str]:
    return {"at": line.at.isoformat(), "direction": line.direction, "text": line.text}


def _representative_from(row: Row) -> Representative:
    return Representative(
        name=row.name,
        relationship=row.relationship,
        acting_for=row.acting_for,
        consent=row.consent,
        consent_at=_utc(row.consent_at),
    )
