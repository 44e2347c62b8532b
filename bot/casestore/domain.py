"""Case store records as plain dataclasses, free of the ORM.

Each field of personal data is kept for a reason the Code gives: the resident's own words and the
agreed definition (5.6, 5.12), contact details to send the response, representatives and consent
(1.3, 3.6), and adjustments (5.10). A disclosed disability is kept only with recorded consent.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Literal

Choice = Literal["complaint", "no_complaint"]
Decision = Literal["pending", "accepted", "overruled"]


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


@dataclass(frozen=True)
class Representative:
    name: str
    relationship: str
    acting_for: str
    consent: Literal["given", "not_yet"]
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
