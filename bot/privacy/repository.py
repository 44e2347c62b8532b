"""Reads, deletions and anonymisation of personal data in the case store, on one connection (the
caller owns the transaction). A conversation id is the channel's sender id: it ties a resident's
contacts, complaints and requests for a person together."""

from __future__ import annotations

import secrets
from collections.abc import Mapping
from datetime import datetime
from typing import Any

from sqlalchemy import String, Table, case, cast, delete, literal, or_, select, union, update
from sqlalchemy.engine import Connection
from sqlalchemy.sql import ColumnElement
from sqlalchemy.sql.expression import CompoundSelect

from bot.casestore import tables
from bot.casestore.domain import factor_word

# Staff-written free text in audit event details, which may describe the resident.
FREE_TEXT_DETAILS = ("reason", "reasons", "note")
Rows = list[dict[str, Any]]
# What an erased conversation is filed under, and one that retention has made anonymous.
ERASED_ID_PREFIX = "erased-"
REMOVED_ID_PREFIX = "removed-"
ANONYMOUS_ID_PREFIXES = (ERASED_ID_PREFIX, REMOVED_ID_PREFIX)


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
            "live_messages": self._rows(
                t.live_messages, t.live_messages.c.handoff_id.in_([row["id"] for row in handoffs])
            ),
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
            # What the resident and staff said after a handoff goes with the handoff.
            "live_messages_deleted": self._delete(
                t.live_messages,
                t.live_messages.c.handoff_id.in_([row["id"] for row in held["handoffs"]]),
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
                contact_factors="",
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
                **personal_complaint_fields(erased),
            )
        ).rowcount
        self._replace_text(complaints.extension_reason, complaints.id.in_(complaint_ids), erased)
        counts["contacts_anonymised"] = self._db.execute(
            update(t.contacts)
            .where(t.contacts.c.id.in_(contact_ids))
            # A turn key starts with the conversation id; the triage quotes the resident's words.
            .values(
                conversation_id=anonymous_id,
                text=erased,
                text_factors="",
                turn_key=None,
                triage=None,
            )
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

    # finding a person ---------------------------------------------------------------------------
    def conversations_giving(self, factor: str) -> set[str]:
        """Conversations in which this email or phone number (in `second_factors` form) was given:
        stored with a complaint or a service request, or typed in a triaged message. Matched in
        SQL on the rows' normalised factors (`factor_words`), exactly."""
        t = tables
        contacts, requests = t.contacts.c, t.service_requests.c
        word = factor_word(factor)
        query = union(
            select(t.complaints.c.conversation_id).where(
                t.complaints.c.contact_factors.contains(word, autoescape=True)
            ),
            select(contacts.conversation_id)
            .join(t.service_requests, requests.contact_id == contacts.id)
            .where(requests.contact_factors.contains(word, autoescape=True)),
            select(contacts.conversation_id).where(
                contacts.text_factors.contains(word, autoescape=True)
            ),
        )
        return set(self._db.execute(query).scalars())

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

    def remove_old(self, cutoffs: Mapping[str, datetime], removed: str) -> dict[str, int]:
        """Remove each personal field once it is older than its cutoff (retention.yml), except in
        conversations still needed; then file each conversation with nothing personal left under
        a random id, as an erasure does."""
        t = tables
        contacts, complaints = t.contacts.c, t.complaints.c

        def old_contacts(field: str) -> Any:
            cutoff = cutoffs[field]
            return select(contacts.id).where(
                contacts.received_at < cutoff,
                contacts.conversation_id.not_in(self.conversations_still_needed(cutoff)),
            )

        def answered_complaints(field: str) -> Any:
            cutoff = cutoffs[field]
            return select(complaints.id).where(
                complaints.responded_at < cutoff,
                complaints.conversation_id.not_in(self.conversations_still_needed(cutoff)),
            )

        # A refusal letter quotes the contact's words: it goes with them.
        proposals = t.exclusion_proposals.c
        in_old_contacts = proposals.contact_id.in_(old_contacts("contact_words"))
        self._replace_text(proposals.refusal_letter, in_old_contacts, removed)
        old_words = contacts.id.in_(old_contacts("contact_words"))
        self._db.execute(
            update(t.contacts).where(old_words, contacts.text_factors != "").values(text_factors="")
        )
        # The kept triage quotes the words (each part's sentence): it goes with them.
        self._db.execute(
            update(t.contacts).where(old_words, contacts.triage.is_not(None)).values(triage=None)
        )
        counts = {
            "contact_texts_removed": self._replace_text(contacts.text, old_words, removed),
            "contact_representatives_deleted": self._delete(
                t.representatives,
                t.representatives.c.contact_id.in_(old_contacts("contact_words"))
                & t.representatives.c.complaint_id.is_(None),
            ),
        }
        transcript, handoffs = t.transcript_messages.c, t.handoffs.c
        cutoff = cutoffs["transcripts"]
        counts["transcript_messages_deleted"] = self._delete(
            t.transcript_messages,
            transcript.complaint_id.in_(
                select(complaints.id).where(
                    complaints.conversation_id.not_in(self.conversations_still_needed(cutoff))
                )
            )
            & (transcript.at < cutoff),
        )
        cutoff = cutoffs["handoffs"]
        old_handoffs = (handoffs.requested_at < cutoff) & handoffs.conversation_id.not_in(
            self.conversations_still_needed(cutoff)
        )
        # What the resident and staff said after a handoff goes with the handoff.
        counts["live_messages_deleted"] = self._delete(
            t.live_messages,
            t.live_messages.c.handoff_id.in_(select(handoffs.id).where(old_handoffs)),
        )
        counts["handoffs_deleted"] = self._delete(t.handoffs, old_handoffs)
        requests = t.service_requests.c
        callers = (
            requests.property_address,
            requests.contact_name,
            requests.contact_details,
            requests.postal_address,
            requests.access_times,
        )
        counts["service_request_callers_removed"] = self._db.execute(
            update(t.service_requests)
            .where(
                requests.contact_id.in_(old_contacts("service_request_callers")),
                or_(requests.description.not_in(["", removed]), *(c != "" for c in callers)),
            )
            .values(
                {
                    **{column.name: "" for column in callers},
                    "contact_factors": "",
                    "description": case((requests.description == "", ""), else_=removed),
                }
            )
        ).rowcount
        counts["call_drafts_deleted"] = self._delete(
            t.call_drafts, t.call_drafts.c.saved_at < cutoffs["call_drafts"]
        )
        counts["complaint_details_removed"] = self._db.execute(
            update(t.complaints)
            .where(
                complaints.id.in_(answered_complaints("complaint_details")),
                complaints.contact_name != removed,
            )
            .values(personal_complaint_fields(removed))
        ).rowcount
        counts["complaint_representatives_deleted"] = self._delete(
            t.representatives,
            t.representatives.c.complaint_id.in_(answered_complaints("complaint_details")),
        )
        counts.update(self._remove_old_adjustments(cutoffs["adjustments"]))
        counts["officer_notes_removed"] = self._remove_old_notes(
            cutoffs["officer_notes"], answered_complaints("officer_notes"), removed
        )
        counts["conversations_anonymised"] = 0
        for conversation_id in self._spent_conversations(cutoffs):
            self.erase(conversation_id, f"{REMOVED_ID_PREFIX}{secrets.token_hex(6)}", removed)
            counts["conversations_anonymised"] += 1
        return counts

    def _remove_old_adjustments(self, cutoff: datetime) -> dict[str, int]:
        """Adjustments past their review date whose complaint (if any) was answered before the
        cutoff, and their reviews."""
        t = tables
        adjustments, complaints = t.adjustments.c, t.complaints.c
        open_or_lately_answered = select(complaints.id).where(
            or_(complaints.responded_at.is_(None), complaints.responded_at >= cutoff)
        )
        old = select(adjustments.id).where(
            adjustments.review_due < cutoff.date(),
            or_(
                adjustments.complaint_id.is_(None),
                adjustments.complaint_id.not_in(open_or_lately_answered),
            ),
        )
        ids = list(self._db.execute(old).scalars())
        return {
            "adjustment_reviews_deleted": self._delete(
                t.adjustment_reviews, t.adjustment_reviews.c.adjustment_id.in_(ids)
            ),
            "adjustments_deleted": self._delete(t.adjustments, adjustments.id.in_(ids)),
        }

    def _remove_old_notes(self, cutoff: datetime, answered: Any, removed: str) -> int:
        """Officers' free text: a complaint's extension reason once it was answered, an exclusion
        decision's reason, and notes in audit events written before the cutoff."""
        t = tables
        proposals = t.exclusion_proposals.c
        count = self._replace_text(
            t.complaints.c.extension_reason, t.complaints.c.id.in_(answered), removed
        )
        decided_before = proposals.decided_at < cutoff
        count += self._replace_text(proposals.decision_reason, decided_before, removed)
        count += self._replace_text(proposals.refusal_letter, decided_before, removed)
        audit = t.audit_events.c
        for event in self._rows(t.audit_events, audit.at < cutoff):
            notes = {k: removed for k, v in event["detail"].items()
                     if k in FREE_TEXT_DETAILS and v not in (removed, None)}  # fmt: skip
            if notes:
                self._db.execute(
                    update(t.audit_events)
                    .where(audit.id == event["id"])
                    .values(detail={**event["detail"], **notes})
                )
                count += 1
        return count

    def _spent_conversations(self, cutoffs: Mapping[str, datetime]) -> list[str]:
        """Conversations whose every personal field is past its period: no contact newer than
        its words' period, no complaint open or answered within its details' period, no
        exclusion pending, no request for a person or adjustment left."""
        t = tables
        contacts, complaints = t.contacts.c, t.complaints.c
        adjustments, handoffs = t.adjustments.c, t.handoffs.c
        live = self.conversation_ids(
            self.conversations_still_needed(cutoffs["complaint_details"])
        ).union(
            *(
                self._db.execute(query).scalars()
                for query in (
                    select(contacts.conversation_id).where(
                        contacts.received_at
                        >= min(cutoffs["contact_words"], cutoffs["service_request_callers"])
                    ),
                    select(handoffs.conversation_id),
                    select(contacts.conversation_id).join(
                        t.adjustments, adjustments.contact_id == contacts.id
                    ),
                    select(complaints.conversation_id).join(
                        t.adjustments, adjustments.complaint_id == complaints.id
                    ),
                )
            )
        )
        everyone = union(select(contacts.conversation_id), select(complaints.conversation_id))
        return sorted(
            conversation_id
            for conversation_id in self.conversation_ids(everyone) - live
            if not conversation_id.startswith(ANONYMOUS_ID_PREFIXES)
        )


def personal_complaint_fields(replacement: str) -> dict[str, Any]:
    """A complaint's columns that say who the resident is or what they said, emptied."""
    return {
        "contact_name": replacement,
        "contact_details": replacement,
        "contact_factors": "",
        "resident_words": replacement,
        "request_words": None,
        "postal_address": None,
        "aspects": [],
        "outcomes": [],
        "earlier_request": None,
    }
