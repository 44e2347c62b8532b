"""The complaints officer's queue: decide proposed exclusions, review adjustments, and see which
complaints are near or past their deadlines.

Plain methods returning dataclasses, so the CLI and the staff console call the same thing. Every
decision is written to the audit trail with the officer's name.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Literal

from bot.calendar import UK_TIME
from bot.casestore.domain import (
    AdjustmentOnFile,
    AdjustmentReview,
    Complaint,
    ComplaintDefinition,
    ComplaintHandover,
    ContactRecord,
    Decision,
    ExclusionProposal,
)
from bot.casestore.services import ADJUSTMENT_REVIEW_AFTER, CaseStore
from bot.oversight.letters import refusal_letter
from bot.policy import Policy

ADJUSTMENT_REVIEW_NOTICE = timedelta(days=14)
DEADLINE_NOTICE_WORKING_DAYS = 2


class QueueError(ValueError):
    """The decision cannot be made as asked; the message says why, in words for an officer."""


@dataclass(frozen=True)
class PendingExclusion:
    """A proposal waiting for an officer, with the resident's own words (2.1, 2.5)."""

    proposal_id: int
    contact_id: int
    ground: str
    provision: str
    explanation: str
    route: str
    resident_words: str
    channel: str
    received_at: datetime
    explained_at: datetime


@dataclass(frozen=True)
class RefusalLetter:
    proposal_id: int
    ground: str
    officer: str
    text: str


@dataclass(frozen=True)
class DeadlineDue:
    """One step of an open complaint that is due soon or overdue (6.2-6.5, 6.11-6.14)."""

    reference: str
    stage: int
    step: Literal["acknowledgement", "response"]
    due: date
    working_days_left: int  # 0 is today; negative is overdue
    extended: bool

    @property
    def overdue(self) -> bool:
        return self.working_days_left < 0


class OfficerQueue:
    def __init__(self, cases: CaseStore, policy: Policy) -> None:
        self._cases = cases
        self._policy = policy

    def _today(self) -> date:
        return self._cases.now().astimezone(UK_TIME).date()

    # exclusions ------------------------------------------------------------------------------
    def pending_exclusions(self) -> list[PendingExclusion]:
        with self._cases.unit_of_work() as uow:
            proposals = uow.cases.exclusion_proposals("pending")
            contacts = {p.contact_id: uow.cases.get_contact(p.contact_id) for p in proposals}
        pending = []
        for proposal in proposals:
            contact = contacts[proposal.contact_id]
            assert contact is not None and proposal.id is not None  # foreign key, stored row
            ground = self._policy.grounds.get(proposal.ground)
            pending.append(
                PendingExclusion(
                    proposal_id=proposal.id,
                    contact_id=proposal.contact_id,
                    ground=proposal.ground,
                    provision=ground.provision if ground else "no longer in policy",
                    explanation=proposal.explanation,
                    route=ground.route if ground else "",
                    resident_words=contact.text,
                    channel=contact.channel,
                    received_at=contact.received_at,
                    explained_at=proposal.explained_at,
                )
            )
        return pending

    def accept_exclusion(self, proposal_id: int, officer: str, reasons: str) -> RefusalLetter:
        """Refuse the complaint on this ground, with the officer's reasons as evidence (2.1) and
        a letter that gives the resident the Ombudsman route (2.4)."""
        proposal, contact = self._proposal_and_contact(proposal_id, officer, reasons)
        if proposal.ground not in self._policy.grounds:
            raise QueueError(
                f"ground {proposal.ground} is no longer in policy_rules/exclusions.yml: "
                "overrule it, or restore the ground first"
            )
        letter = refusal_letter(self._policy, proposal, contact, reasons)
        self._decide(proposal_id, proposal.ground, contact, "accepted", officer, reasons, letter)
        return RefusalLetter(proposal_id, proposal.ground, officer, letter)

    def overrule_exclusion(self, proposal_id: int, officer: str, reasons: str) -> Complaint:
        """Take it as a Stage 1 complaint after all. The Code's clock runs from the day the
        resident first got in touch, so the complaint keeps that date received (2.3, 5.12).

        The decision is claimed first and the complaint opened after it through the same
        idempotent hand-over as the chat's; asking again for an overruled proposal returns the
        complaint it opened, so an interrupted overrule can be finished by repeating it. A contact
        the handler had already logged as a complaint keeps that one complaint.
        """
        proposal, contact = self._proposal_and_contact(proposal_id, officer, reasons, "overruled")
        if proposal.decision == "pending":
            self._decide(proposal_id, proposal.ground, contact, "overruled", officer, reasons)
        with self._cases.unit_of_work() as uow:
            logged = uow.cases.complaint_for_contact(proposal.contact_id)
        if logged is not None:
            return logged
        return self._cases.acting_as(officer).submit_complaint(
            ComplaintHandover(
                handover_key=f"exclusion-overruled:{proposal_id}",
                conversation_id=contact.conversation_id,
                channel=contact.channel,
                received_at=contact.received_at,
                definition=ComplaintDefinition(
                    aspects=(contact.text,),
                    outcomes=(),
                    still_happening=None,
                    resident_words=contact.text,
                ),
                contact_name="not yet recorded",
                contact_details=f"reply in {contact.channel} conversation "
                f"{contact.conversation_id}",
                contact_preference=contact.channel,
                contact_id=contact.id,
            )
        )

    def _proposal_and_contact(
        self, proposal_id: int, officer: str, reasons: str, also_allowed: str = "pending"
    ) -> tuple[ExclusionProposal, ContactRecord]:
        if not officer.strip():
            raise QueueError("say which officer made the decision")
        if not reasons.strip():
            raise QueueError("a decision needs the officer's reasons (Code 2.1: evidence it)")
        with self._cases.unit_of_work() as uow:
            proposal = uow.cases.exclusion_proposal(proposal_id)
            contact = uow.cases.get_contact(proposal.contact_id) if proposal else None
        if proposal is None or contact is None:
            raise QueueError(f"no exclusion proposal {proposal_id}")
        if proposal.decision not in ("pending", also_allowed):
            raise self._already_decided(proposal_id, proposal)
        return proposal, contact

    def _decide(
        self,
        proposal_id: int,
        ground: str,
        contact: ContactRecord,
        decision: Decision,
        officer: str,
        reasons: str,
        letter: str | None = None,
    ) -> None:
        """Record the decision and its audit event together, unless someone decided first."""
        now = self._cases.now()
        with self._cases.unit_of_work() as uow:
            if not uow.cases.decide_exclusion(
                proposal_id, decision, officer, now, reasons.strip(), letter
            ):
                raise self._already_decided(proposal_id)
            uow.cases.audit(
                now,
                officer,
                f"exclusion_{decision}",
                f"contact:{contact.id}",
                proposal_id=proposal_id,
                ground=ground,
                reasons=reasons.strip(),
            )
            uow.commit()

    def _already_decided(
        self, proposal_id: int, proposal: ExclusionProposal | None = None
    ) -> QueueError:
        if proposal is None:
            with self._cases.unit_of_work() as uow:
                proposal = uow.cases.exclusion_proposal(proposal_id)
        assert proposal is not None
        return QueueError(
            f"proposal {proposal_id} was already {proposal.decision} by {proposal.decided_by} "
            f"at {proposal.decided_at:%Y-%m-%d %H:%M}"
        )

    # adjustments -----------------------------------------------------------------------------
    def adjustments_due(
        self, notice: timedelta = ADJUSTMENT_REVIEW_NOTICE
    ) -> list[AdjustmentOnFile]:
        """Agreed adjustments due for review within `notice`, or overdue (5.10)."""
        with self._cases.unit_of_work() as uow:
            return uow.cases.adjustments_due(self._today() + notice)

    def record_adjustment_review(
        self, adjustment_id: int, officer: str, note: str = "", next_review: date | None = None
    ) -> AdjustmentReview:
        """The adjustment was checked with the resident; it comes back for review later."""
        if not officer.strip():
            raise QueueError("say which officer reviewed the adjustment")
        today = self._today()
        next_review = next_review or today + ADJUSTMENT_REVIEW_AFTER
        if next_review <= today:
            raise QueueError(f"the next review must be after today ({today})")
        now = self._cases.now()
        review = AdjustmentReview(adjustment_id, now, officer, note.strip(), next_review)
        with self._cases.unit_of_work() as uow:
            on_file = uow.cases.adjustment_on_file(adjustment_id)
            if on_file is None:
                raise QueueError(f"no adjustment {adjustment_id}")
            uow.cases.add_adjustment_review(review)
            uow.cases.audit(
                now,
                officer,
                "adjustment_reviewed",
                on_file.reference,
                adjustment_id=adjustment_id,
                need=on_file.adjustment.need_id,
                note=review.note,
                next_review_due=next_review,
            )
            uow.commit()
        return review

    # deadlines -------------------------------------------------------------------------------
    def deadlines(
        self, within_working_days: int = DEADLINE_NOTICE_WORKING_DAYS
    ) -> list[DeadlineDue]:
        """Acknowledgements and responses still to send that fall due within that many working
        days, or are overdue; most overdue first."""
        today = self._today()
        with self._cases.unit_of_work() as uow:
            waiting = uow.cases.open_complaints()
        due = [
            step
            for complaint in waiting
            for step in self._steps(complaint, today)
            if step.working_days_left <= within_working_days
        ]
        return sorted(due, key=lambda d: (d.working_days_left, d.reference, d.step))

    def _steps(self, complaint: Complaint, today: date) -> list[DeadlineDue]:
        steps = []
        if complaint.acknowledged_at is None:
            steps.append(
                self._step(
                    complaint,
                    "acknowledgement",
                    complaint.acknowledgement_due,
                    today,
                    extended=False,
                )
            )
        response_due = complaint.extended_to or complaint.response_due
        steps.append(
            self._step(
                complaint,
                "response",
                response_due,
                today,
                extended=complaint.extended_to is not None,
            )
        )
        return steps

    def _step(
        self,
        complaint: Complaint,
        step: Literal["acknowledgement", "response"],
        due: date,
        today: date,
        extended: bool,
    ) -> DeadlineDue:
        return DeadlineDue(
            complaint.reference,
            complaint.stage,
            step,
            due,
            self._working_days_between(today, due),
            extended,
        )

    def _working_days_between(self, today: date, due: date) -> int:
        """Working days from today to the due date; negative when it has passed."""
        earlier, later = sorted((today, due))
        days = sum(
            self._cases.calendar.is_working_day(earlier + timedelta(days=n))
            for n in range(1, (later - earlier).days + 1)
        )
        return days if due >= today else -days
