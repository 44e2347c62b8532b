"""Export, erasure and retention of residents' personal data, across the case store and the
conversations Rasa keeps (`python -m bot export|erase|retention`)."""

from __future__ import annotations

import secrets
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from dateutil.relativedelta import relativedelta
from sqlalchemy.engine import Engine

from bot.casestore.domain import second_factors
from bot.casestore.outbox import Outbox
from bot.casestore.repository import CaseRepository
from bot.casestore.services import utc_now
from bot.casestore.unit_of_work import UnitOfWork
from bot.policy import Retention
from bot.privacy.repository import ERASED_ID_PREFIX, PersonalDataRepository
from bot.privacy.tracker_events import TrackerEvents

ERASED = "[erased]"
REMOVED = "[removed after the retention period]"
RETENTION_ACTOR = "retention"


class ErasureRefused(ValueError):
    pass


class PersonNotGiven(ValueError):
    """The request names no email address or phone number, or more than one."""


@dataclass(frozen=True)
class Erasure:
    anonymous_id: str
    counts: dict[str, int]


@dataclass(frozen=True)
class RetentionRun:
    # When it ran: each field's period is counted back from here.
    at: datetime
    counts: dict[str, int]
    dry_run: bool


class PersonalData:
    def __init__(
        self,
        engine: Engine,
        tracker: TrackerEvents,
        outbox: Outbox,
        retention: Retention,
        clock: Callable[[], datetime] = utc_now,
    ) -> None:
        self._engine = engine
        self._tracker = tracker
        self._outbox = outbox
        self._retention = retention
        self._clock = clock

    @contextmanager
    def _transaction(self) -> Iterator[tuple[PersonalDataRepository, CaseRepository]]:
        with UnitOfWork(self._engine) as uow:
            yield PersonalDataRepository(uow.connection), uow.cases
            uow.commit()

    def export(self, sender_id: str, staff: str) -> dict[str, Any]:
        """Everything held about one conversation, for the resident's access request (UK GDPR
        Article 15): every case store row about it, with every column, and Rasa's events."""
        events = self._tracker.of_sender(sender_id)
        now = self._clock()
        with self._transaction() as (personal_data, cases):
            held = personal_data.held_about(sender_id)
            counts = {table: len(rows) for table, rows in held.items()}
            cases.audit(now, staff, "personal_data_exported", f"conversation:{sender_id}",
                        conversation_events=len(events), **counts)  # fmt: skip
        return {
            "sender_id": sender_id,
            "exported_at": now,
            "exported_by": staff,
            "case_store": held,
            "conversation_events": events,
        }

    def conversations_of(self, person: str) -> list[str]:
        """Every conversation, on any channel, in which the person gave this email address or
        phone number, found in the case store and in Rasa's conversations. Compared in the one
        form the identity check uses (`second_factors`: emails lower-cased, phone numbers E.164,
        UK by default), so "07700 900461" finds "+44 7700 900461"."""
        factors = second_factors(person)
        if len(factors) != 1:
            raise PersonNotGiven("give one email address or one phone number")
        [factor] = factors
        with self._transaction() as (personal_data, _):
            found = personal_data.conversations_giving(factor)
        return sorted(found | self._tracker.senders_giving(factor))

    def export_person(self, person: str, staff: str) -> dict[str, Any]:
        """An access request from someone known by their email or phone number: everything held
        about each of their conversations."""
        return {
            "person": person,
            "conversations": [
                self.export(sender, staff) for sender in self.conversations_of(person)
            ],
        }

    def erase_person(self, person: str, staff: str, include_open: bool = False) -> list[Erasure]:
        """An erasure request from someone known by their email or phone number: each of their
        conversations erased, or none when one still has an open complaint."""
        senders = self.conversations_of(person)
        with self._transaction() as (personal_data, _):
            still_open = [
                ref for sender in senders for ref in personal_data.open_complaints(sender)
            ]
        if still_open and not include_open:
            raise _open_refusal(still_open)
        return [self.erase(sender, staff, include_open=True) for sender in senders]

    def erase(self, sender_id: str, staff: str, include_open: bool = False) -> Erasure:
        """Answer the resident's erasure request (UK GDPR Article 17) for one conversation.

        Deleted: Rasa's events for the conversation, complaint transcripts, requests for a
        person, representatives (other people's names) and adjustments with their reviews
        (special category data, needed only while the landlord deals with this resident).

        Kept, anonymised: each complaint and contact with its bare facts (reference, stage,
        channel, dates and deadlines, category, service area, exclusion ground and decision,
        outcome) under a new random id. The landlord has to show how it handled complaints
        (Code 5.12; the annual self-assessment and the timeliness and refusal figures, 8.1 and
        9.7) and the Ombudsman may still investigate, so Article 17(3)(b) and (e) let it keep
        that much; nothing in it says who the resident was. Names, contact details, the
        resident's words, the complaint definition, job numbers, the conversation id and staff
        notes become "[erased]".

        The audit trail keeps every event: subjects that named the conversation name the new id,
        and staff notes in them are replaced. The erasure is recorded under the new id with
        counts only. An open complaint could no longer be answered once erased, so erasure
        stops unless `include_open` (the resident has withdrawn it).
        """
        with self._transaction() as (personal_data, _):
            still_open = personal_data.open_complaints(sender_id)
        if still_open and not include_open:
            raise _open_refusal(still_open)
        deleted_events = self._tracker.delete_sender(sender_id)
        anonymous_id = f"{ERASED_ID_PREFIX}{secrets.token_hex(6)}"
        with self._transaction() as (personal_data, cases):
            counts = {
                "conversation_events_deleted": deleted_events,
                # Keys name the conversation; a pending handover would be logged again.
                "outbox_handovers_deleted": self._outbox.forget(sender_id),
                **personal_data.erase(sender_id, anonymous_id, ERASED),
            }
            cases.audit(self._clock(), staff, "personal_data_erased",
                        f"conversation:{anonymous_id}", **counts)  # fmt: skip
        return Erasure(anonymous_id, counts)

    def apply_retention(self, dry_run: bool = False) -> RetentionRun:
        """Remove each personal field once it is older than retention.yml allows for it, except
        what complaints still open (or answered within the period) and undecided exclusions
        need. A dry run counts the same and changes nothing, not even the audit trail."""
        now = self._clock()
        cutoffs = {
            field: now - relativedelta(months=period.amount)
            for field, period in self._retention.keep_for.items()
        }
        cutoff = cutoffs["conversation_events"]
        needed = PersonalDataRepository.conversations_still_needed(cutoff)
        with self._transaction() as (personal_data, _):
            kept = personal_data.conversation_ids(needed)
        counts = {
            "conversation_events_deleted": self._tracker.delete_expired(cutoff, kept, dry_run),
            "outbox_keys_deleted": self._outbox.remove_delivered(cutoffs["outbox_keys"], dry_run),
        }
        with UnitOfWork(self._engine) as uow:
            counts.update(PersonalDataRepository(uow.connection).remove_old(cutoffs, REMOVED))
            if not dry_run:
                keep_for = {
                    field: str(period) for field, period in self._retention.keep_for.items()
                }
                uow.cases.audit(
                    now, RETENTION_ACTOR, "retention_applied", "retention", keep_for=keep_for,
                    **counts,
                )  # fmt: skip
                uow.commit()
        return RetentionRun(now, counts, dry_run)


def _open_refusal(references: list[str]) -> ErasureRefused:
    return ErasureRefused(
        f"{', '.join(references)} still open: answer it first, or erase with "
        "--include-open if the resident has withdrawn it"
    )
