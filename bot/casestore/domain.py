"""Case store records as plain dataclasses, free of the ORM.

Each field of personal data is kept for a reason the Code gives: the resident's own words and the
agreed definition (5.6, 5.12), contact details to send the response, representatives and consent
(1.3, 3.6), and adjustments (5.10). A disclosed disability is kept only with recorded consent.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Literal, cast

import phonenumbers

from bot.definition import EMAIL_IN_TEXT, phone_matches
from bot.policy.schema import Label
from bot.triage.result import Reason, TriageResult

Choice = Literal["complaint", "no_complaint"]
Decision = Literal["pending", "accepted", "overruled"]
# How a complaint response ended, as the Ombudsman's annual figures count it (8.1).
ResponseOutcome = Literal["upheld", "partly_upheld", "not_upheld"]
RESPONSE_OUTCOMES: tuple[ResponseOutcome, ...] = ("upheld", "partly_upheld", "not_upheld")


@dataclass(frozen=True)
class ContactRecord:
    """Every triaged message that starts a piece of work, from any channel (1.4, 5.12)."""

    conversation_id: str
    channel: str
    received_at: datetime
    text: str
    label: str
    intent: str
    confidence: float
    exclusion_reason: str | None
    urgency: tuple[str, ...]
    reasons: tuple[dict[str, str], ...]
    id: int | None = None
    choice: Choice | None = None
    choice_at: datetime | None = None
    service_area: str | None = None
    # The conversation turn it was recorded for (one contact per turn, however often recorded).
    turn_key: str | None = None
    # The whole triage, kept without special category data (CaseStore.record_contact makes it
    # consent-safe), so staff see what was decided without the message being parsed again.
    triage: TriageResult | None = None
    # The trained model that parsed the message, when the channel knows it.
    model_version: str | None = None

    @classmethod
    def triaged(
        cls, result: TriageResult, conversation_id: str, channel: str, received_at: datetime,
        text: str, turn_key: str | None = None, model_version: str | None = None,
    ) -> ContactRecord:  # fmt: skip
        """The record every channel keeps of a triaged contact (1.4, 5.12), without the reasons
        that tell of special category data."""
        return cls(
            conversation_id=conversation_id,
            channel=channel,
            received_at=received_at,
            text=text,
            label=result.label,
            intent=result.intent,
            confidence=result.confidence,
            exclusion_reason=result.exclusion_reason,
            urgency=result.urgency,
            reasons=tuple(
                {"code": r.code, "text": r.text} for r in result.reasons if not r.special_category
            ),
            service_area=result.service_area,
            turn_key=turn_key,
            triage=result,
            model_version=model_version,
        )

    def triage_shown(self) -> TriageResult:
        """The triage kept with the contact; for one recorded before the whole triage was kept,
        what its own columns say of it."""
        if self.triage is not None:
            return self.triage
        return TriageResult(
            label=cast(Label, self.label), intent=self.intent, confidence=self.confidence,
            exclusion_reason=self.exclusion_reason, relationships=(), adjustments=(),
            urgency=self.urgency, references=(), outcomes=(),
            service_area=self.service_area or "", ongoing=False, months_ago=None,
            reasons=tuple(Reason(reason["code"], reason["text"]) for reason in self.reasons),
        )  # fmt: skip


@dataclass(frozen=True)
class Representative:
    name: str
    relationship: str
    acting_for: str
    # "power_of_attorney": the helper holds a lasting power of attorney for the resident.
    # "executor": the resident has died and the helper acts for their estate (round 24).
    consent: Literal["given", "not_yet", "power_of_attorney", "executor"]
    consent_at: datetime | None


@dataclass(frozen=True)
class Adjustment:
    need_id: str
    detail: str
    agreed: bool
    review_due: date
    disability_disclosed: bool = False
    consent_to_record: bool = False
    consent_at: datetime | None = None


@dataclass(frozen=True)
class AdjustmentOnFile:
    """An agreed adjustment for review (5.10), with the reference of the complaint it was agreed
    in, or `contact:ID` when it was agreed outside a complaint."""

    adjustment_id: int
    reference: str
    adjustment: Adjustment


@dataclass(frozen=True)
class AdjustmentReview:
    """An officer's review of an adjustment: still right, changed, and when to look again."""

    adjustment_id: int
    reviewed_at: datetime
    officer: str
    note: str
    next_review_due: date


@dataclass(frozen=True)
class ServiceRequest:
    """What a team needs to do a job (1.4): what is wrong in the caller's words, where, who and
    how to reach them, when they are in, and the job number of any earlier request. The chat
    logs a request from one message, so everything after `urgent` may be empty."""

    category: str
    urgent: bool
    description: str = ""
    property_address: str = ""
    contact_name: str = ""
    contact_details: str = ""
    contact_preference: str = ""
    postal_address: str = ""
    access_times: str = ""
    job_number: str = ""


@dataclass(frozen=True)
class ServiceRequestRecord:
    """A service request (1.4), whether a complaint followed it in the same conversation, and
    whether the resident said it is no longer needed."""

    contact_id: int
    category: str
    urgent: bool
    received_at: datetime
    became_complaint: bool
    cancelled: bool = False


@dataclass(frozen=True)
class TranscriptLine:
    """One message of the conversation, kept with the case as correspondence (5.12)."""

    at: datetime
    direction: Literal["resident", "assistant"]
    text: str


@dataclass(frozen=True)
class ComplaintDefinition:
    """What went wrong and what the resident wants, as agreed with them (5.6)."""

    aspects: tuple[str, ...]
    outcomes: tuple[str, ...]
    still_happening: bool | None
    resident_words: str


@dataclass(frozen=True)
class ComplaintHandover:
    """Everything the conversation hands to the case store; `handover_key` makes it idempotent."""

    handover_key: str
    conversation_id: str
    channel: str
    received_at: datetime
    definition: ComplaintDefinition
    contact_name: str
    contact_details: str
    contact_preference: str
    representative: Representative | None = None
    adjustments: tuple[Adjustment, ...] = ()
    contact_id: int | None = None
    transcript: tuple[TranscriptLine, ...] = ()
    earlier_request: str | None = None
    postal_address: str | None = None


@dataclass(frozen=True)
class Complaint:
    reference: str
    stage: int
    status: str
    conversation_id: str
    channel: str
    received_at: datetime
    clock_start: date
    acknowledgement_due: date
    response_due: date
    definition: ComplaintDefinition
    contact_name: str
    contact_details: str
    contact_preference: str
    id: int | None = None
    acknowledged_at: datetime | None = None
    escalated_from_id: int | None = None
    representative: Representative | None = None
    adjustments: tuple[Adjustment, ...] = field(default=())
    transcript: tuple[TranscriptLine, ...] = field(default=())
    extension_reason: str | None = None
    extended_to: date | None = None
    responded_at: datetime | None = None
    outcome: ResponseOutcome | None = None
    earlier_request: str | None = None
    # Stage 2 only: the requester's own words when asking for it (the definition is Stage 1's).
    request_words: str | None = None
    postal_address: str | None = None

    def identified_by(self, answer: str) -> bool:
        """The answer gives one email or phone number, and it is one stored with the complaint.

        A surname is not enough (it is easy to find out), and an answer with several numbers or
        emails matches nothing, so stuffing one message with guesses gets nowhere."""
        given = second_factors(answer)
        return len(given) == 1 and given <= second_factors(self.contact_details)

    def has_surname(self, surname: str) -> bool:
        """For staff on a call, with the email or phone number too: the last name on file."""
        names = self.contact_name.casefold().split()
        return bool(names) and names[-1] == surname.strip().casefold()


@dataclass(frozen=True)
class Escalation:
    """What a Stage 2 request came to, the same on every channel (`CaseStore.escalate`).
    `stage_2` is None when the Stage 1 stays at Stage 1 (neither answered nor late: explained,
    nothing opened). `already` when it was at Stage 2 before: nothing new was logged, and the
    requester is told the Stage 2 they have."""

    stage_1: Complaint
    stage_2: Complaint | None
    already: bool = False


def second_factors(text: str) -> frozenset[str]:
    """The emails (lower case) and phone numbers (E.164, UK by default) in a text, each in the
    one form they are compared in. A complaint reference typed beside the number is no phone
    number (round 8 r8c-22: "CMP-2026-000009 ... my phone is 07700 900321" read as two)."""
    emails = {found.strip(".'").lower() for found in EMAIL_IN_TEXT.findall(text)}
    phones = {
        phonenumbers.format_number(found.number, phonenumbers.PhoneNumberFormat.E164)
        for found in phone_matches(EMAIL_IN_TEXT.sub(" ", text))
    }
    return frozenset(emails | phones)


def factor_words(text: str) -> str:
    """The text's `second_factors` as stored for searching: space-separated, with a space either
    side, so SQL finds one exactly by looking for " factor " (bot.privacy finds a person so)."""
    found = sorted(second_factors(text))
    return f" {' '.join(found)} " if found else ""


def factor_word(factor: str) -> str:
    """One factor as it stands in `factor_words`."""
    return f" {factor} "


@dataclass(frozen=True)
class ExclusionProposal:
    """An apparent exclusion, explained to the resident and left for an officer (2.1, 2.4, 2.5)."""

    contact_id: int
    ground: str
    explanation: str
    explained_at: datetime
    ombudsman_signposted: bool
    decision: Decision = "pending"
    id: int | None = None
    decided_by: str | None = None
    decided_at: datetime | None = None
    decision_reason: str | None = None
    refusal_letter: str | None = None


# A handoff waits for a person, is picked up (taken) by one, and ends handed back to the
# assistant or closed.
HandoffStatus = Literal["waiting", "picked_up", "handed_back", "closed"]
OPEN_HANDOFF: tuple[HandoffStatus, ...] = ("waiting", "picked_up")


@dataclass(frozen=True)
class Handoff:
    """A resident asked for a person: the chat pauses and staff read the conversation so far,
    then talk with the resident in the same chat (LiveMessage) until they hand it back."""

    conversation_id: str
    channel: str
    requested_at: datetime
    transcript: tuple[TranscriptLine, ...]
    person_from: datetime | None = None
    status: HandoffStatus = "waiting"
    picked_up_by: str | None = None
    id: int | None = None
    ended_at: datetime | None = None
    # Why staff should pick it up, when the resident did not ask for a person.
    reason: str | None = None


@dataclass(frozen=True)
class LiveMessage:
    """One message after the handoff, by the resident or a member of staff, in its place (seq)
    in that live conversation."""

    handoff_id: int
    seq: int
    at: datetime
    sender: Literal["resident", "staff"]
    text: str
    staff: str | None = None


@dataclass(frozen=True)
class HazardClock:
    """Awaab's Law deadlines started by a report of a potential hazard: when the landlord became
    aware, and when each step is due (a date-time for hours, a date for working days)."""

    category: str
    kind: str
    aware_at: datetime
    due: dict[str, datetime | date]
    contact_id: int | None = None
