"""Reads, deletions and anonymisation of personal data in the case store, on one connection (the
caller owns the transaction). A conversation id is the channel's sender id: it ties a resident's
contacts, complaints and requests for a person together."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import String, Table, and_, cast, delete, literal, or_, select, union, update
from sqlalchemy.engine import Connection
from sqlalchemy.sql import ColumnElement
from sqlalchemy.sql.expression import CompoundSelect

from bot.casestore import tables

# Staff-written free text in audit event details, which may describe the resident.
FREE_TEXT_DETAILS = ("reason", "reasons", "note")
Rows = list[dict[str, Any]]


class PersonalDataRepository:
    def __init__(self, connection: Connection) -> None:
        self._db = connection

    # what is held about one conversation ------------------------------------------------------
    def held_about(self, conversation_id: str) -> dict[str, Rows]:
        """Every row about the conversation, table by table, with every column."""
        t = tables
        contacts = self._rows(t.contacts, t.contacts.c.conversation_id == conversation_id)
        complaints = self._rows(t.complaints, t.complaints.c.conversation_id == conversation_id)
        contact_ids = [row["id"] for row in contacts]
        complaint_ids = [row["id"] for row in complaints]
        adjustments = self._rows(
            t.adjustments,
            or_(
                t.adjustments.c.complaint_id.in_(complaint_ids),
                t.adjustments.c.contact_id.in_(contact_ids),
            ),
        )
        representatives_of = or_(
            t.representatives.c.complaint_id.in_(complaint_ids),
            t.representatives.c.contact_id.in_(contact_ids),
        )
        handoffs = self._rows(t.handoffs, t.handoffs.c.conversation_id == conversation_id)
        subjects = [
            f"conversation:{conversation_id}",
            *(f"contact:{i}" for i in contact_ids),
            *(row["reference"] for row in complaints),
            *(f"handoff:{row['id']}" for row in handoffs),
        ]
        return {
            "contacts": contacts,
            "complaints": complaints,
            "representatives": self._rows(t.representatives, representatives_of),
            "adjustments": adjustments,
            "adjustment_reviews": self._rows(
                t.adjustment_reviews,
                t.adjustment_reviews.c.adjustment_id.in_([row["id"] for row in adjustments]),
            ),
            "transcript_messages": self._rows(
                t.transcript_messages, t.transcript_messages.c.complaint_id.in_(complaint_ids)
            ),
            "service_requests": self._rows(
                t.service_requests, t.service_requests.c.contact_id.in_(contact_ids)
            ),
            "exclusion_proposals": self._rows(
                t.exclusion_proposals, t.exclusion_proposals.c.contact_id.in_(contact_ids)
            ),
            "handoffs": handoffs,
            "audit_events": self._rows(t.audit_events, t.audit_events.c.subject.in_(subjects)),
        }

    def _rows(self, table: Table, condition: ColumnElement[Any]) -> Rows:
        query = select(table).where(condition).order_by(table.c.id)
        return [dict(row._mapping) for row in self._db.execute(query)]

    def open_complaints(self, conversation_id: str) -> list[str]:
        """References of the conversation's complaints still waiting for their response."""
        complaints = tables.complaints.c
        query = (
            select(complaints.reference)
            .where(complaints.conversation_id == conversation_id)
            .where(complaints.responded_at.is_(None))
            .order_by(complaints.id)
        )
        return list(self._db.execute(query).scalars())

    # erasure ----------------------------------------------------------------------------------
    def erase(self, conversation_id: str, anonymous_id: str, erased: str) -> dict[str, int]:
        """Delete what only identifies or describes the resident; keep each complaint's and
        contact's bare facts under `anonymous_id` (bot.privacy.service.PersonalData.erase)."""
        held = self.held_about(conversation_id)
        complaint_ids = [row["id"] for row in held["complaints"]]
        contact_ids = [row["id"] for row in held["contacts"]]
        adjustment_ids = [row["id"] for row in held["adjustments"]]
        t = tables
        counts = {
            "transcript_messages_deleted": self._delete(
                t.transcript_messages, t.transcript_messages.c.complaint_id.in_(complaint_ids)
            ),
            "representatives_deleted": self._delete(
                t.representatives,
                t.representatives.c.id.in_([row["id"] for row in held["representatives"]]),
            ),
            "adjustment_reviews_deleted": self._delete(
                t.adjustment_reviews, t.adjustment_reviews.c.adjustment_id.in_(adjustment_ids)
            ),
            "adjustments_deleted": self._delete(
                t.adjustments, t.adjustments.c.id.in_(adjustment_ids)
            ),
            "handoffs_deleted": self._delete(
                t.handoffs, t.handoffs.c.conversation_id == conversation_id
            ),
            # A call page's unsaved draft holds whatever the handler typed about the caller.
            "call_drafts_deleted": self._delete(
                t.call_drafts, t.call_drafts.c.contact_id.in_(contact_ids)
            ),
        }
        requests = t.service_requests.c
        counts["service_requests_anonymised"] = self._db.execute(
            update(t.service_requests)
            .where(requests.contact_id.in_(contact_ids))
            .values(
                description=erased,
                property_address="",
                contact_name="",
                contact_details="",
                postal_address="",
                access_times="",
            )
        ).rowcount
        complaints = t.complaints.c
        counts["complaints_anonymised"] = self._db.execute(
            update(t.complaints)
            .where(complaints.id.in_(complaint_ids))
            .values(
                conversation_id=anonymous_id,
                handover_key=literal(f"{anonymous_id}:") + cast(complaints.id, String),
                contact_name=erased,
                contact_details=erased,
                resident_words=erased,
                request_words=None,
                postal_address=None,
                aspects=[],
                outcomes=[],
                earlier_request=None,
            )
        ).rowcount
        self._replace_text(complaints.extension_reason, complaints.id.in_(complaint_ids), erased)
        counts["contacts_anonymised"] = self._db.execute(
            update(t.contacts)
            .where(t.contacts.c.id.in_(contact_ids))
            .values(conversation_id=anonymous_id, text=erased)
        ).rowcount
        proposals = t.exclusion_proposals.c
        for column in (proposals.decision_reason, proposals.refusal_letter):
            self._replace_text(column, proposals.contact_id.in_(contact_ids), erased)
        for event in held["audit_events"]:
            self._anonymise_audit_event(event, conversation_id, anonymous_id, erased)
        counts["audit_events_anonymised"] = len(held["audit_events"])
        return counts

    def _delete(self, table: Table, condition: ColumnElement[Any]) -> int:
        return int(self._db.execute(delete(table).where(condition)).rowcount)

    def _replace_text(self, column: Any, condition: ColumnElement[Any], text: str) -> int:
        """Replace the column's text where there is any, keeping the fact that there was."""
        query = update(column.table).where(condition, column.is_not(None), column != text)
        return int(self._db.execute(query.values({column.name: text})).rowcount)

    def _anonymise_audit_event(
        self, event: dict[str, Any], conversation_id: str, anonymous_id: str, erased: str
    ) -> None:
        """A subject naming the conversation names the anonymous id instead, and staff notes in
        the detail are replaced; the event, its time, actor and kind stay as they were."""
        subject = event["subject"]
        if subject == f"conversation:{conversation_id}":
            subject = f"conversation:{anonymous_id}"
        detail = {
            key: erased if key in FREE_TEXT_DETAILS else value
            for key, value in event["detail"].items()
        }
        audit = tables.audit_events
        self._db.execute(
            update(audit).where(audit.c.id == event["id"]).values(subject=subject, detail=detail)
        )

    # retention --------------------------------------------------------------------------------
    @staticmethod
    def conversations_still_needed(cutoff: datetime) -> CompoundSelect:
        """Conversations with a complaint still open or answered since the cutoff, or with an
        exclusion waiting for an officer: kept whole, however old."""
        complaints, contacts = tables.complaints.c, tables.contacts.c
        proposals = tables.exclusion_proposals.c
        return union(
            select(complaints.conversation_id).where(
                or_(complaints.responded_at.is_(None), complaints.responded_at >= cutoff)
            ),
            select(contacts.conversation_id)
            .join(tables.exclusion_proposals, proposals.contact_id == contacts.id)
            .where(proposals.decision == "pending"),
        )

    def conversation_ids(self, query: CompoundSelect) -> set[str]:
        return set(self._db.execute(query).scalars())

    def remove_old(self, cutoff: datetime, needed: CompoundSelect, removed: str) -> dict[str, int]:
        """Remove contacts' words, transcripts and handoffs from before the cutoff, except in
        conversations still needed. A refusal letter quotes the contact's words: it goes too."""
        t = tables
        contacts = t.contacts.c
        old = and_(contacts.received_at < cutoff, contacts.conversation_id.not_in(needed))
        proposals = t.exclusion_proposals.c
        letters_quoting = proposals.contact_id.in_(select(contacts.id).where(old))
        self._replace_text(proposals.refusal_letter, letters_quoting, removed)
        counts = {"contact_texts_removed": self._replace_text(contacts.text, old, removed)}
        complaints, transcript = t.complaints.c, t.transcript_messages.c
        counts["transcript_messages_deleted"] = self._delete(
            t.transcript_messages,
            transcript.complaint_id.in_(
                select(complaints.id).where(complaints.conversation_id.not_in(needed))
            )
            & (transcript.at < cutoff),
        )
        handoffs = t.handoffs.c
        counts["handoffs_deleted"] = self._delete(
            t.handoffs, (handoffs.requested_at < cutoff) & handoffs.conversation_id.not_in(needed)
        )
        return counts
