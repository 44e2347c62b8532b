"""Case store services: what the conversation, the console and the CLI ask of the store."""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from copy import copy
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta, timezone
from functools import partial
from typing import Literal

from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError

from bot.calendar import UK_TIME, WorkingCalendar
from bot.casestore.domain import (
    OPEN_HANDOFF,
    RESPONSE_OUTCOMES,
    Adjustment,
    Choice,
    Complaint,
    ComplaintHandover,
    ContactRecord,
    Escalation,
    ExclusionProposal,
    Handoff,
    HandoffStatus,
    HazardClock,
    LiveMessage,
    Representative,
    ResponseOutcome,
    ServiceRequest,
    second_factors,
)
from bot.casestore.unit_of_work import UnitOfWork, UnitOfWorkFactory
from bot.hazards import hazard_clocks
from bot.policy import Policy
from bot.policy.ids import OVER_12_MONTHS
from bot.triage.stage_2 import stage_2_open

ASSISTANT = "assistant"
ADJUSTMENT_REVIEW_AFTER = timedelta(days=182)
IDENTITY_FAILED = "identity_check_failed"
# The urgency of a contact that staff marked urgent without a danger the policy names.
FLAGGED_BY_STAFF = "flagged_by_staff"
# Writers racing for the next place in one live conversation: each retry loses to one more.
LIVE_WRITE_ATTEMPTS = 20
# Seconds a writer that lost a place waits at most, times the attempt number.
LIVE_WRITE_BACKOFF = 0.005


def utc_now() -> datetime:
    return datetime.now(timezone.utc)


@dataclass(frozen=True)
class IdentityLimits:
    """Failed identity checks allowed in a window, counted in the case store so that every
    process and every new conversation shares the count: per reference (a guessed reference is
    safe after a few tries) and overall (guessing across references is slowed for everyone, and
    residents are then told an officer will contact them)."""

    per_reference: int = 5
    overall: int = 100
    window: timedelta = timedelta(hours=1)


@dataclass(frozen=True)
class LiveConversation:
    """A conversation waiting for or with a person, as staff choose which to take: the latest
    triage of what the resident said and every danger they told (the emergency route was given)."""

    handoff: Handoff
    triage: str | None
    urgency: tuple[str, ...]


def _with_triage(uow: UnitOfWork, handoffs: list[Handoff]) -> list[LiveConversation]:
    """Each handoff with its conversation's latest triage and every danger told in it."""
    contacts = uow.cases.conversation_contacts({h.conversation_id for h in handoffs})
    triage: dict[str, str] = {}
    urgency: dict[str, list[str]] = {}
    for contact in contacts:
        triage[contact.conversation_id] = contact.label
        told = urgency.setdefault(contact.conversation_id, [])
        told.extend(u for u in contact.urgency if u not in told)
    return [
        LiveConversation(h, triage.get(c := h.conversation_id), tuple(urgency.get(c, ())))
        for h in handoffs
    ]


class CaseStore:
    def __init__(
        self,
        store: Engine | UnitOfWorkFactory,
        policy: Policy,
        clock: Callable[[], datetime] = utc_now,
        limits: IdentityLimits = IdentityLimits(),
    ) -> None:
        # An engine: each unit of work is a transaction on it. A factory: units of work of its
        # own (a fake in service tests, as cosmicpython does).
        self._unit_of_work = partial(UnitOfWork, store) if isinstance(store, Engine) else store
        self._limits = limits
        self._policy = policy
        self._clock = clock
        self._actor = ASSISTANT
        self.calendar = WorkingCalendar(policy.landlord.nation)

    def acting_as(self, actor: str) -> CaseStore:
        """The same store, naming `actor` (a staff username) in the audit events it writes."""
        acting = copy(self)
        acting._actor = actor
        return acting

    def unit_of_work(self) -> UnitOfWork:
        return self._unit_of_work()

    def now(self) -> datetime:
        """The store's clock: officer decisions and the Code's deadlines read the same time."""
        return self._clock()

    def _stage_2_open(self, stage_1: Complaint) -> bool:
        """Whether this Stage 1 complaint may go to Stage 2 today (policy_rules/stage_2.yml)."""
        return stage_2_open(
            answered=stage_1.responded_at is not None,
            answer_due=stage_1.extended_to or stage_1.response_due,
            today=self.now().astimezone(UK_TIME).date(),
            policy=self._policy,
        )

    def deadlines(self, received_at: datetime, stage: int = 1) -> tuple[date, date, date]:
        """(clock start, acknowledgement due, response due) for something received then.

        The response is due a set number of working days after acknowledgement (6.3, 6.14); until
        an officer acknowledges, that counts from the last day acknowledgement is allowed.
        """
        timescale = self._policy.stages[f"stage_{stage}"]
        start = self.calendar.clock_start(received_at)
        acknowledge_by = self.calendar.add_working_days(start, timescale.acknowledge_within.amount)
        respond_from = acknowledge_by if timescale.respond_from == "acknowledgement" else start
        return (
            start,
            acknowledge_by,
            self.calendar.add_working_days(respond_from, timescale.respond_within.amount),
        )

    def request_contact_by(self, received_at: datetime) -> date:
        """The day the team contacts a resident to arrange a service request, by the landlord's
        own standard (timescales.yml): read out on the phone and said in the chat."""
        start = self.calendar.clock_start(received_at)
        return self.calendar.add_working_days(start, self._policy.service_request_contact.amount)

    def record_contact(self, contact: ContactRecord) -> int:
        """Every triaged contact is kept (1.4, 5.12); danger is flagged for staff at once.

        A contact recorded again for the same turn (the safety check and triage of one message,
        or a retried action call) is the same contact; a danger found the second time is added.
        Its triage is kept without special category data, whichever channel sends it (5.10).
        """
        with self.unit_of_work() as uow:
            contact_id = self._record_contact(uow, contact)
            uow.commit()
        return contact_id

    def _record_contact(self, uow: UnitOfWork, contact: ContactRecord) -> int:
        existing = uow.cases.contact_for_turn(contact.turn_key) if contact.turn_key else None
        if existing is not None and existing.id is not None:
            contact_id = existing.id
            new_dangers = tuple(u for u in contact.urgency if u not in existing.urgency)
            if new_dangers:
                uow.cases.set_urgency(contact_id, existing.urgency + new_dangers)
        else:
            triage = contact.triage and contact.triage.consent_safe(self._policy)
            contact_id = uow.cases.add_contact(replace(contact, triage=triage))
            new_dangers = contact.urgency
            uow.cases.audit(self._clock(), self._actor, "contact_triaged",
                            f"contact:{contact_id}", label=contact.label,
                            channel=contact.channel)  # fmt: skip
        if new_dangers:
            uow.cases.audit(self._clock(), self._actor, "urgent_follow_up",
                            f"contact:{contact_id}", categories=list(new_dangers))  # fmt: skip
        return contact_id

    def start_hazard_clocks(
        self, contact_id: int, dangers: tuple[str, ...], aware_at: datetime
    ) -> list[HazardClock]:
        """The Awaab's Law clocks a report of these dangers starts (hazards.yml), stored once per
        category and contact; returned so the resident can be told the dates."""
        clocks = hazard_clocks(dangers, aware_at, self._policy, self.calendar)
        with self.unit_of_work() as uow:
            started = {clock.category for clock in uow.cases.hazard_clocks([contact_id])}
            for clock in clocks:
                if clock.category not in started:
                    uow.cases.add_hazard_clock(replace(clock, contact_id=contact_id))
            uow.commit()
        return clocks

    def hazard_clocks(self, contact_id: int) -> list[HazardClock]:
        with self.unit_of_work() as uow:
            return uow.cases.hazard_clocks([contact_id])

    def urgent_contacts(self, since: datetime) -> list[ContactRecord]:
        with self.unit_of_work() as uow:
            return uow.cases.urgent_contacts(since)

    def record_handoff(self, handoff: Handoff) -> Handoff:
        """A resident asked for a person: staff find it waiting, with the conversation so far.

        `person_from` is when the office next opens (None while it is open), so the resident is
        told honestly when a person will read it."""
        hours = self._policy.landlord.office_hours
        waiting = replace(
            handoff,
            person_from=self.calendar.next_opening(handoff.requested_at, hours.opens, hours.closes),
        )
        with self.unit_of_work() as uow:
            handoff_id = uow.cases.add_handoff(waiting)
            uow.cases.audit(self._clock(), self._actor, "handoff_requested",
                            f"conversation:{handoff.conversation_id}", channel=handoff.channel,
                            handoff=handoff_id)  # fmt: skip
            uow.commit()
        return replace(waiting, id=handoff_id)

    def withdraw_handoff(self, conversation_id: str) -> bool:
        """The resident says they did not ask for a person, before anyone took the
        conversation: it leaves the queue. False when a person has it, or none waits."""
        with self.unit_of_work() as uow:
            handoff = uow.cases.open_handoff(conversation_id)
            if handoff is None or handoff.id is None or handoff.status != "waiting":
                return False
            ended = uow.cases.end_handoff(
                handoff.id, "closed", self._clock(), self._actor, waiting_too=True
            )
            if ended:
                uow.cases.audit(self._clock(), self._actor, "handoff_withdrawn",
                                f"handoff:{handoff.id}")  # fmt: skip
            uow.commit()
        return ended

    def waiting_handoffs(self) -> list[Handoff]:
        with self.unit_of_work() as uow:
            return uow.cases.handoffs("waiting")

    def pick_up_handoff(self, handoff_id: int, staff: str) -> bool:
        """Staff take the conversation: from now on only they reply in it."""
        with self.unit_of_work() as uow:
            picked = uow.cases.pick_up_handoff(handoff_id, staff)
            if picked:
                uow.cases.audit(self._clock(), staff, "handoff_picked_up", f"handoff:{handoff_id}")
            uow.commit()
        return picked

    # live conversations with a person ------------------------------------------------------------
    def live_handoffs(self) -> list[Handoff]:
        """Conversations waiting for a person or with one, oldest first."""
        with self.unit_of_work() as uow:
            return uow.cases.handoffs(*OPEN_HANDOFF)

    def live_queue(self) -> list[LiveConversation]:
        """Live conversations for staff: any with a danger first, then the longest waiting."""
        with self.unit_of_work() as uow:
            queue = _with_triage(uow, uow.cases.handoffs(*OPEN_HANDOFF))
        return sorted(queue, key=lambda live: not live.urgency)

    def live_conversation(self, handoff_id: int) -> LiveConversation | None:
        """One handoff, open or not, with the triage and dangers of its conversation."""
        with self.unit_of_work() as uow:
            handoff = uow.cases.handoff(handoff_id)
            return None if handoff is None else _with_triage(uow, [handoff])[0]

    def handoff(self, handoff_id: int) -> Handoff | None:
        with self.unit_of_work() as uow:
            return uow.cases.handoff(handoff_id)

    def open_handoff(self, conversation_id: str) -> Handoff | None:
        with self.unit_of_work() as uow:
            return uow.cases.open_handoff(conversation_id)

    def live_messages(self, handoff_id: int, after_seq: int = 0) -> list[LiveMessage]:
        with self.unit_of_work() as uow:
            return uow.cases.live_messages(handoff_id, after_seq)

    def last_heard(self, handoff: Handoff) -> datetime:
        """When the resident last wrote: their latest message since asking for a person, or
        the asking itself (platforms count their reply windows from it)."""
        with self.unit_of_work() as uow:
            since = uow.cases.last_resident_message_at(handoff.id or 0)
        return max(handoff.requested_at, since) if since else handoff.requested_at

    def record_resident_message(self, conversation_id: str, text: str) -> LiveMessage | None:
        """What a resident sends while their conversation waits for or is with a person, kept
        in order for staff; None when no handoff is open (the assistant has the conversation)."""
        return self._append_live(
            lambda uow: uow.cases.open_handoff(conversation_id), "resident", text, None
        )

    def send_staff_message(self, handoff_id: int, staff: str, text: str) -> LiveMessage | None:
        """A reply from the member of staff who took the conversation, kept in order and in the
        audit trail (without its words); None when they do not have the conversation."""

        def taken_by_staff(uow: UnitOfWork) -> Handoff | None:
            handoff = uow.cases.handoff(handoff_id)
            mine = handoff and handoff.status == "picked_up" and handoff.picked_up_by == staff
            return handoff if mine else None

        return self._append_live(taken_by_staff, "staff", text, staff)

    def _append_live(
        self,
        open_handoff: Callable[[UnitOfWork], Handoff | None],
        sender: Literal["resident", "staff"],
        text: str,
        staff: str | None,
    ) -> LiveMessage | None:
        """The message in the next place of its conversation. Two writers that picked the same
        place collide on the unique (handoff, seq) index; the loser waits a random moment, longer
        each time, and takes the next place (without the wait, four busy writers could keep
        colliding until one ran out of attempts)."""
        for attempt in range(LIVE_WRITE_ATTEMPTS):
            with self.unit_of_work() as uow:
                handoff = open_handoff(uow)
                if handoff is None or handoff.id is None:
                    return None
                seq = uow.cases.last_live_seq(handoff.id) + 1
                message = LiveMessage(handoff.id, seq, self._clock(), sender, text, staff)
                try:
                    uow.cases.add_live_message(message)
                    if staff is not None:
                        uow.cases.audit(self._clock(), staff, "live_message_sent",
                                        f"handoff:{handoff.id}", seq=seq)  # fmt: skip
                    uow.commit()
                except IntegrityError:
                    time.sleep(random.uniform(0, LIVE_WRITE_BACKOFF * (attempt + 1)))
                    continue
                return message
        raise RuntimeError(f"no place for a live message after {LIVE_WRITE_ATTEMPTS} attempts")

    def hand_back(self, handoff_id: int, staff: str) -> bool:
        """The member of staff who took the conversation gives it back to the assistant."""
        return self._end_handoff(handoff_id, "handed_back", staff, waiting_too=False)

    def close_handoff(self, handoff_id: int, staff: str) -> bool:
        """Staff end a conversation: anyone may close one still waiting, and whoever took one
        may close it. Nothing more is said in it."""
        return self._end_handoff(handoff_id, "closed", staff, waiting_too=True)

    def _end_handoff(
        self, handoff_id: int, status: HandoffStatus, staff: str, waiting_too: bool
    ) -> bool:
        with self.unit_of_work() as uow:
            ended = uow.cases.end_handoff(handoff_id, status, self._clock(), staff, waiting_too)
            if ended:
                uow.cases.audit(self._clock(), staff, f"handoff_{status}", f"handoff:{handoff_id}")
            uow.commit()
        return ended

    def record_unmatched_escalation(self, conversation_id: str, channel: str) -> None:
        """A Stage 2 request without a reference we can match: an officer finds the complaint."""
        with self.unit_of_work() as uow:
            uow.cases.audit(self._clock(), self._actor, "escalation_unmatched",
                            f"conversation:{conversation_id}", channel=channel)  # fmt: skip
            uow.commit()

    def contact_adjustments(self, contact_id: int) -> list[Adjustment]:
        with self.unit_of_work() as uow:
            return uow.cases.contact_adjustments(contact_id)

    def agree_adjustments(self, contact_id: int, adjustments: tuple[Adjustment, ...]) -> None:
        """Adjustments agreed when a need is disclosed outside a complaint (5.10)."""
        with self.unit_of_work() as uow:
            for adjustment in adjustments:
                uow.cases.add_contact_adjustment(contact_id, adjustment)
            uow.cases.audit(self._clock(), self._actor, "adjustments_agreed",
                            f"contact:{contact_id}",
                            needs=[a.need_id for a in adjustments])  # fmt: skip
            uow.commit()

    def contact_representatives(self, contact_id: int) -> list[Representative]:
        with self.unit_of_work() as uow:
            return uow.cases.contact_representatives(contact_id)

    def record_representative(self, contact_id: int, representative: Representative) -> None:
        """Someone acting for a resident outside a complaint, with the consent status (1.3, 3.6).
        The audit keeps the relationship and consent, not the names."""
        with self.unit_of_work() as uow:
            uow.cases.add_contact_representative(contact_id, representative)
            uow.cases.audit(self._clock(), self._actor, "representative_recorded",
                            f"contact:{contact_id}", relationship=representative.relationship,
                            consent=representative.consent)  # fmt: skip
            uow.commit()

    def record_choice(self, contact_id: int, choice: Choice) -> None:
        """The resident's answer to the offer to complain, either way (1.3).

        The one place, for the chat and the console, where a matter that may be excluded goes
        to a complaints officer: when the resident chooses to complain about it, in the same
        unit of work, once (2.1, 2.5). One who declines has made no complaint for an officer to
        refuse; it was explained with the Ombudsman right (2.4), and the contact keeps the
        ground and the choice."""
        with self.unit_of_work() as uow:
            uow.cases.record_choice(contact_id, choice, self._clock())
            uow.cases.audit(self._clock(), self._actor, "choice_recorded", f"contact:{contact_id}",
                            choice=choice)  # fmt: skip
            contact = uow.cases.get_contact(contact_id)
            ground = contact.exclusion_reason if contact is not None else None
            if (
                choice == "complaint"
                and ground is not None
                and not uow.cases.has_exclusion_proposal(contact_id)
            ):
                self._propose(uow, contact_id, ground)
            uow.commit()

    def record_time_limit(self, contact_id: int, within_time: bool) -> None:
        """The answer to whether a matter from over 12 months ago is still going on or was
        only just found out (2.3). Within time, the ground no longer stands, so a complaint
        about it goes to no officer; otherwise it stays for an officer's discretion."""
        with self.unit_of_work() as uow:
            contact = uow.cases.get_contact(contact_id)
            if within_time and contact is not None and contact.exclusion_reason == OVER_12_MONTHS:
                uow.cases.set_exclusion_reason(contact_id, None)
            uow.cases.audit(self._clock(), self._actor, "time_limit_answered",
                            f"contact:{contact_id}", within_time=within_time)  # fmt: skip
            uow.commit()

    def record_triage(self, contact: ContactRecord, service_request: ServiceRequest | None) -> int:
        """One triaged turn in one transaction: the contact and its service request (the
        message's own, or one asked for beside a complaint). Keyed on the turn, so a retried
        call adds nothing, and a failure part-way leaves none of it for the retry to trip over.
        A possible exclusion waits for the resident's choice (`record_choice`)."""
        with self.unit_of_work() as uow:
            contact_id = self._record_contact(uow, contact)
            if service_request is not None and not uow.cases.has_service_request(contact_id):
                uow.cases.add_service_request(contact_id, service_request)
            uow.commit()
        return contact_id

    def record_service_request(self, contact_id: int, category: str, urgent: bool) -> None:
        """A request the chat heard in one message: its category and whether it is urgent."""
        self.log_service_request(contact_id, ServiceRequest(category, urgent))

    def log_service_request(
        self, contact_id: int, request: ServiceRequest,
        representative: Representative | None = None, adjustments: tuple[Adjustment, ...] = (),
    ) -> ServiceRequest:  # fmt: skip
        """Log a service request (1.4) once per contact, with whoever acts for the resident and
        the adjustments agreed on the call (1.3, 3.6, 5.10); the request as first logged.

        An urgent request flags its contact for urgent follow-up, as a danger told in the chat
        does, unless the contact is flagged already."""
        with self.unit_of_work() as uow:
            logged = uow.cases.service_request(contact_id)
            if logged is not None:
                return logged
            uow.cases.add_service_request(contact_id, request)
            uow.cases.audit(self._clock(), self._actor, "service_request_logged",
                            f"contact:{contact_id}", category=request.category,
                            urgent=request.urgent)  # fmt: skip
            self._add_support(uow, contact_id, representative, adjustments)
            contact = uow.cases.get_contact(contact_id)
            if request.urgent and contact is not None and not contact.urgency:
                uow.cases.set_urgency(contact_id, (FLAGGED_BY_STAFF,))
                uow.cases.audit(self._clock(), self._actor, "urgent_follow_up",
                                f"contact:{contact_id}",
                                categories=[FLAGGED_BY_STAFF])  # fmt: skip
            uow.commit()
        return request

    def add_service_request_contact(
        self, contact_id: int, name: str, details: str, preference: str, address: str = ""
    ) -> bool:
        """How the team can reach the resident about a request the chat logged (1.4), and the
        address of the home where the job is: the chat hears the request first and asks for the
        details after. False when no request was logged for the contact. The audit keeps that
        details (and an address) were given, never the details or the address."""
        with self.unit_of_work() as uow:
            if uow.cases.service_request(contact_id) is None:
                return False
            uow.cases.set_service_request_contact(contact_id, name, details, preference, address)
            uow.cases.audit(self._clock(), self._actor, "service_request_contact_given",
                            f"contact:{contact_id}", preference=preference,
                            **({"address_given": True} if address else {}))  # fmt: skip
            uow.commit()
        return True

    def add_service_request_access(self, contact_id: int, note: str) -> bool:
        """When to visit or how to get in ("mum's carer comes 9 till 11, the best time to
        visit"), added to what the request already holds. False when no request was logged for
        the contact. The audit keeps that a note was added, never the note."""
        with self.unit_of_work() as uow:
            request = uow.cases.service_request(contact_id)
            if request is None:
                return False
            held = request.access_times
            if note.lower() not in held.lower():
                access = f"{held}; {note}" if held else note
                uow.cases.set_service_request_access(contact_id, access)
                uow.cases.audit(self._clock(), self._actor, "service_request_access_given",
                                f"contact:{contact_id}")  # fmt: skip
            uow.commit()
        return True

    def cancel_service_request(self, contact_id: int) -> bool:
        """The resident no longer needs the request the chat logged ("they're coming back
        Thursday, cancel it please"): marked cancelled, so the team does not send anyone or
        contact them about it, and kept in the audit trail once however often it is said.
        False when no request was logged for the contact."""
        with self.unit_of_work() as uow:
            if uow.cases.service_request(contact_id) is None:
                return False
            now = self._clock()
            if uow.cases.cancel_service_request(contact_id, now):
                uow.cases.audit(now, self._actor, "service_request_cancelled",
                                f"contact:{contact_id}")  # fmt: skip
            uow.commit()
        return True

    def record_support(
        self, contact_id: int, representative: Representative | None,
        adjustments: tuple[Adjustment, ...],
    ) -> None:  # fmt: skip
        """Someone acting for the resident and adjustments agreed on any contact, an enquiry
        included (1.3, 3.6, 5.10); each recorded once however often it is sent."""
        with self.unit_of_work() as uow:
            self._add_support(uow, contact_id, representative, adjustments)
            uow.commit()

    def _add_support(
        self, uow: UnitOfWork, contact_id: int, representative: Representative | None,
        adjustments: tuple[Adjustment, ...],
    ) -> None:  # fmt: skip
        """The audit keeps the relationship, consent and needs, not the names or details."""
        subject = f"contact:{contact_id}"
        if representative is not None and not uow.cases.contact_representatives(contact_id):
            uow.cases.add_contact_representative(contact_id, representative)
            uow.cases.audit(self._clock(), self._actor, "representative_recorded", subject,
                            relationship=representative.relationship,
                            consent=representative.consent)  # fmt: skip
        agreed = {adjustment.need_id for adjustment in uow.cases.contact_adjustments(contact_id)}
        new = [adjustment for adjustment in adjustments if adjustment.need_id not in agreed]
        for adjustment in new:
            uow.cases.add_contact_adjustment(contact_id, adjustment)
        if new:
            uow.cases.audit(self._clock(), self._actor, "adjustments_agreed", subject,
                            needs=[adjustment.need_id for adjustment in new])  # fmt: skip

    def service_request(self, contact_id: int) -> ServiceRequest | None:
        with self.unit_of_work() as uow:
            return uow.cases.service_request(contact_id)

    def audit_trail(self, subject: str) -> list[tuple[str, str, dict[str, object]]]:
        """(actor, kind, detail) of every audit event about a subject, oldest first."""
        with self.unit_of_work() as uow:
            return uow.cases.audit_trail(subject)

    def complaint_for_contact(self, contact_id: int) -> Complaint | None:
        with self.unit_of_work() as uow:
            return uow.cases.complaint_for_contact(contact_id)

    def propose_exclusion(self, contact_id: int, ground: str) -> int:
        """Never a refusal: a proposal for a complaints officer, with what the resident was told."""
        with self.unit_of_work() as uow:
            proposal_id = self._propose(uow, contact_id, ground)
            uow.commit()
        return proposal_id

    def _propose(self, uow: UnitOfWork, contact_id: int, ground: str) -> int:
        explanation = self._policy.grounds[ground].explanation
        proposal_id = uow.cases.add_exclusion_proposal(
            ExclusionProposal(contact_id, ground, explanation, self._clock(), True)
        )
        uow.cases.audit(self._clock(), self._actor, "exclusion_proposed",
                        f"contact:{contact_id}", ground=ground)  # fmt: skip
        return proposal_id

    def exclusion_proposed(self, contact_id: int) -> bool:
        """Whether a matter on this contact went to a complaints officer, decided or not."""
        with self.unit_of_work() as uow:
            return uow.cases.has_exclusion_proposal(contact_id)

    def pending_exclusions(self) -> list[ExclusionProposal]:
        with self.unit_of_work() as uow:
            return uow.cases.exclusion_proposals("pending")

    def adjustment(self, need_id: str, detail: str, disability: bool, consent: bool) -> Adjustment:
        """An agreed adjustment with its review date (5.10); disability only with consent."""
        now = self._clock()
        return Adjustment(
            need_id=need_id,
            detail=detail if (consent or not disability) else "(not recorded: no consent)",
            agreed=True,
            review_due=(now + ADJUSTMENT_REVIEW_AFTER).date(),
            disability_disclosed=disability and consent,
            consent_to_record=consent,
            consent_at=now if consent else None,
        )

    def submit_complaint(self, handover: ComplaintHandover) -> Complaint:
        """Hand a defined Stage 1 complaint to the store, atomically and once per handover key."""
        start, acknowledge_by, respond_by = self.deadlines(handover.received_at)
        return self._log_once(
            Complaint(
                reference="",
                stage=1,
                status="open",
                conversation_id=handover.conversation_id,
                channel=handover.channel,
                received_at=handover.received_at,
                clock_start=start,
                acknowledgement_due=acknowledge_by,
                response_due=respond_by,
                definition=handover.definition,
                contact_name=handover.contact_name,
                contact_details=handover.contact_details,
                contact_preference=handover.contact_preference,
                representative=handover.representative,
                adjustments=handover.adjustments,
                transcript=handover.transcript,
                earlier_request=handover.earlier_request,
                postal_address=handover.postal_address,
            ),
            handover.handover_key,
            handover.contact_id,
        )

    def escalate(
        self, stage_1: Complaint, handover_key: str, channel: str, received_at: datetime,
        words: str,
    ) -> Escalation:  # fmt: skip
        """Open Stage 2 of a Stage 1 complaint on request; no reason is required (6.10-6.12).

        The one decision the chat and the console show, in this order: a Stage 2 has no further
        stage, so asking with its reference gets that Stage 2 (`already`); a Stage 1 that went
        before (this request retried, or another) gets the Stage 2 it has, answered or not;
        otherwise it goes once answered or late (policy_rules/stage_2.yml) and else stays at
        Stage 1. Once per Stage 1 whichever channel asks (the schema holds it too). The Stage 1
        record keeps the resident's words; the requester's `words` are kept as theirs on the
        Stage 2."""
        assert stage_1.id is not None, "a stored complaint"
        if stage_1.stage != 1:
            return Escalation(stage_1, stage_1, already=True)
        earlier = self._stage_2_asked_before(stage_1, handover_key)
        if earlier is not None:
            return earlier
        if not self._stage_2_open(stage_1):
            return Escalation(stage_1, None)
        start, acknowledge_by, respond_by = self.deadlines(received_at, stage=2)
        try:
            stage_2 = self._log_once(
                replace(
                    stage_1,
                    id=None,
                    reference="",
                    stage=2,
                    status="open",
                    channel=channel,
                    received_at=received_at,
                    clock_start=start,
                    acknowledgement_due=acknowledge_by,
                    acknowledged_at=None,
                    response_due=respond_by,
                    escalated_from_id=stage_1.id,
                    request_words=words.strip() or None,
                ),
                handover_key,
                None,
            )
        except IntegrityError:
            # Another request took it to Stage 2 at the same moment (the unique Stage 1 link).
            earlier = self._stage_2_asked_before(stage_1, handover_key)
            if earlier is None:
                raise
            return earlier
        return Escalation(stage_1, stage_2, already=False)

    def _stage_2_asked_before(self, stage_1: Complaint, handover_key: str) -> Escalation | None:
        """This same request again (a retried turn), or the Stage 2 another request opened."""
        assert stage_1.id is not None
        with self.unit_of_work() as uow:
            retried = uow.cases.complaint_by_handover_key(handover_key)
            if retried is not None:
                return Escalation(stage_1, retried, already=False)
            earlier = uow.cases.complaint_escalated_from(stage_1.id)
        return None if earlier is None else Escalation(stage_1, earlier, already=True)

    def _log_once(
        self, complaint: Complaint, handover_key: str, contact_id: int | None
    ) -> Complaint:
        """Insert unless this handover key already made a case; then return that case.

        A retried turn, or two processes handing over the same turn at once, get the same case:
        the unique handover key makes the second insert fail, and it then reads the first.
        """
        with self.unit_of_work() as uow:
            existing = uow.cases.complaint_by_handover_key(handover_key)
            if existing is not None:
                return existing
        try:
            with self.unit_of_work() as uow:
                reference = uow.cases.add_complaint(complaint, handover_key, contact_id)
                uow.cases.audit(self._clock(), self._actor, "complaint_logged", reference,
                                stage=complaint.stage, channel=complaint.channel)  # fmt: skip
                logged = uow.cases.complaint_by_reference(reference)
                uow.commit()
            assert logged is not None  # written in this transaction
            return logged
        except IntegrityError:
            with self.unit_of_work() as uow:
                existing = uow.cases.complaint_by_handover_key(handover_key)
            if existing is None:
                raise
            return existing

    def acknowledge(self, reference: str, officer: str) -> Complaint:
        """Record the acknowledgement (6.2, 6.11) and date the response from it (6.3, 6.14).

        The count starts from the acknowledgement or from the day it was due, whichever is
        earlier, so a late acknowledgement gives no extra time for the response.
        """
        complaint = self._existing(reference)
        if complaint.acknowledged_at is not None:
            raise ValueError(f"{reference} was acknowledged at {complaint.acknowledged_at}")
        now = self._clock()
        timescale = self._policy.stages[f"stage_{complaint.stage}"]
        respond_by = complaint.response_due
        if timescale.respond_from == "acknowledgement":
            counted_from = min(self.calendar.clock_start(now), complaint.acknowledgement_due)
            respond_by = self.calendar.add_working_days(
                counted_from, timescale.respond_within.amount
            )
        with self.unit_of_work() as uow:
            uow.cases.record_acknowledgement(reference, now, respond_by)
            uow.cases.audit(now, officer, "complaint_acknowledged", reference,
                            response_due=respond_by)  # fmt: skip
            uow.commit()
        return replace(complaint, acknowledged_at=now, response_due=respond_by)

    def record_response(self, reference: str, outcome: ResponseOutcome, officer: str) -> Complaint:
        """The stage's response was sent, with its outcome; the complaint stops waiting."""
        if outcome not in RESPONSE_OUTCOMES:
            raise ValueError(f"outcome must be one of {', '.join(RESPONSE_OUTCOMES)}")
        complaint = self._existing(reference)
        if complaint.responded_at is not None:
            raise ValueError(f"{reference} was answered on {complaint.responded_at:%Y-%m-%d}")
        now = self._clock()
        with self.unit_of_work() as uow:
            uow.cases.record_response(reference, now, outcome)
            uow.cases.audit(now, officer, "response_sent", reference, outcome=outcome)
            uow.commit()
        return replace(complaint, responded_at=now, outcome=outcome, status="responded")

    def _existing(self, reference: str) -> Complaint:
        complaint = self.complaint(reference)
        if complaint is None:
            raise LookupError(f"no complaint {reference}")
        return complaint

    def extend(self, reference: str, new_date: date, reason: str, officer: str) -> Complaint:
        """Extend the response date with a reason, within the Code's limit (6.4, 6.13)."""
        complaint = self._existing(reference)
        limit = self._policy.stages[f"stage_{complaint.stage}"].extension_at_most.amount
        latest = self.calendar.add_working_days(complaint.response_due, limit)
        if not complaint.response_due < new_date <= latest:
            raise ValueError(
                f"{reference}: an extension must be after {complaint.response_due} and no later "
                f"than {latest} ({limit} working days)"
            )
        if not reason.strip():
            raise ValueError(f"{reference}: an extension needs a reason to give the resident")
        with self.unit_of_work() as uow:
            uow.cases.record_extension(reference, new_date, reason.strip())
            uow.cases.audit(self._clock(), officer, "response_extended", reference,
                            new_date=new_date, reason=reason.strip())  # fmt: skip
            uow.commit()
        return replace(complaint, extended_to=new_date, extension_reason=reason.strip())

    def contact(self, contact_id: int) -> ContactRecord | None:
        with self.unit_of_work() as uow:
            return uow.cases.get_contact(contact_id)

    def identify(self, reference: str, answer: str) -> Complaint | None:
        """The complaint with this reference when `answer` is the email or phone number stored
        with it (the one check for the status and for Stage 2 in the chat); otherwise None.

        None looks the same for a reference that does not exist, wrong details, and too many
        failed tries lately, so nothing tells a stranger whether a reference exists. Failures
        are audited under the reference they named and counted against the limits."""
        since = self._clock() - self._limits.window
        with self.unit_of_work() as uow:
            cases = uow.cases
            throttled = (
                cases.count_audit_events(IDENTITY_FAILED, since, reference)
                >= self._limits.per_reference
                or cases.count_audit_events(IDENTITY_FAILED, since) >= self._limits.overall
            )
            complaint = None if throttled else cases.complaint_by_reference(reference)
            if complaint is not None and complaint.identified_by(answer):
                return complaint
            cases.audit(self._clock(), self._actor, IDENTITY_FAILED, reference)
            uow.commit()
        return None

    def find_for_stage_2(self, surname: str, contact_details: str) -> Complaint | None:
        """For staff on a call: the one Stage 1 complaint, not yet escalated, with this surname
        and this email or phone number on file; None when none or several match (a complaints
        officer then finds it)."""
        given = second_factors(contact_details)
        if len(given) != 1 or not surname.strip():
            return None
        [factor] = given
        # Stored details are free text: narrow by the email, or the last digits of the number.
        hint = factor if "@" in factor else factor[-4:]
        with self.unit_of_work() as uow:
            candidates = uow.cases.stage_1_complaints_not_escalated(hint)
        found = [
            c for c in candidates if c.identified_by(contact_details) and c.has_surname(surname)
        ]
        return found[0] if len(found) == 1 else None

    def complaint(self, reference: str) -> Complaint | None:
        with self.unit_of_work() as uow:
            return uow.cases.complaint_by_reference(reference)

    def stage_2_of(self, stage_1: Complaint) -> Complaint | None:
        """The Stage 2 a Stage 1 complaint went to, if it went."""
        if stage_1.id is None:
            return None
        with self.unit_of_work() as uow:
            return uow.cases.complaint_escalated_from(stage_1.id)
