"""The console's complaint and service request forms: prefilled from triage, checked, and turned
into the same hand-over the chat makes, so the case store cannot tell a phone case apart except
by its channel."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from bot.casestore.domain import (
    ComplaintDefinition,
    ComplaintHandover,
    ContactRecord,
    Representative,
    TranscriptLine,
)
from bot.casestore.services import CaseStore
from bot.definition import PREFERENCES, valid_contact_details
from bot.policy import Policy
from bot.triage import TriageResult

CHANNEL = "phone"
STILL_HAPPENING = {"yes": True, "no": False, "not_known": None}
CONSENT = ("given", "not_yet")
NOT_STATED = "not stated"

Fields = Mapping[str, Sequence[str]]


def first(fields: Fields, name: str) -> str:
    """The first value sent for a field, trimmed; empty when it was not sent."""
    return next(iter(fields.get(name) or ()), "").strip()


@dataclass(frozen=True)
class ComplaintForm:
    aspects: str = ""
    still_happening: str = "not_known"
    outcomes: tuple[str, ...] = ()
    outcome_words: str = ""
    contact_name: str = ""
    contact_details: str = ""
    contact_preference: str = ""
    acting_for_someone: bool = False
    relationship: str = NOT_STATED
    resident_name: str = ""
    representative_consent: str = ""
    needs: tuple[str, ...] = ()
    adjustment_detail: str = ""
    disability_consent: bool = False

    @classmethod
    def prefilled(cls, contact: ContactRecord, result: TriageResult) -> ComplaintForm:
        """What triage already heard: the caller's words, outcomes, helper and needs."""
        named = [r for r in result.relationships if r != "other_representative"]
        return cls(
            aspects=contact.text,
            still_happening="yes" if result.ongoing else "not_known",
            outcomes=result.outcomes,
            acting_for_someone=result.representative,
            relationship=named[0] if named else NOT_STATED,
            needs=result.adjustments,
        )

    @classmethod
    def from_fields(cls, fields: Fields) -> ComplaintForm:
        return cls(
            aspects=first(fields, "aspects"),
            still_happening=first(fields, "still_happening") or "not_known",
            outcomes=tuple(fields.get("outcomes") or ()),
            outcome_words=first(fields, "outcome_words"),
            contact_name=first(fields, "contact_name"),
            contact_details=first(fields, "contact_details"),
            contact_preference=first(fields, "contact_preference"),
            acting_for_someone=first(fields, "acting_for") == "someone_else",
            relationship=first(fields, "relationship") or NOT_STATED,
            resident_name=first(fields, "resident_name"),
            representative_consent=first(fields, "representative_consent"),
            needs=tuple(fields.get("needs") or ()),
            adjustment_detail=first(fields, "adjustment_detail"),
            disability_consent=first(fields, "disability_consent") == "yes",
        )

    def errors(self, policy: Policy) -> dict[str, str]:
        """Field name to message, in the order the fields appear on the page."""
        problems = {
            "aspects": "Enter what went wrong" if len(self.aspects) < 3 else "",
            "still_happening": "Choose whether it is still happening"
            if self.still_happening not in STILL_HAPPENING
            else "",
            "outcomes": "Choose what the caller wants, or write it in their words"
            if not self.outcome_texts(policy) or set(self.outcomes) - set(policy.outcomes)
            else "",
            "contact_name": "Enter the name of the person we should contact"
            if not self.contact_name
            else "",
            "contact_details": "Enter an email address, or a phone number with at least 10 digits"
            if not valid_contact_details(self.contact_details)
            else "",
            "contact_preference": "Choose how we should contact them"
            if self.contact_preference not in PREFERENCES
            else "",
        }
        if self.acting_for_someone:
            problems["relationship"] = (
                "Choose how they know the resident"
                if self.relationship not in (NOT_STATED, *policy.relationships)
                else ""
            )
            problems["resident_name"] = (
                "Enter the name of the resident they are acting for" if not self.resident_name
                else ""
            )  # fmt: skip
            problems["representative_consent"] = (
                "Choose whether the resident has agreed"
                if self.representative_consent not in CONSENT
                else ""
            )
        problems["needs"] = (
            "Choose adjustments from the list" if set(self.needs) - set(policy.needs) else ""
        )
        return {name: message for name, message in problems.items() if message}

    def outcome_texts(self, policy: Policy) -> tuple[str, ...]:
        chosen = tuple(policy.outcomes[o].text for o in self.outcomes if o in policy.outcomes)
        return chosen + ((self.outcome_words,) if self.outcome_words else ())

    def handover(
        self, contact: ContactRecord, cases: CaseStore, policy: Policy
    ) -> ComplaintHandover:
        """The complaint as the case store takes it; one per contact, however often it is sent."""
        assert contact.id is not None, "a stored contact"
        consent = self.representative_consent == "given"
        return ComplaintHandover(
            handover_key=f"{CHANNEL}:{contact.id}:complaint",
            conversation_id=contact.conversation_id,
            channel=CHANNEL,
            received_at=contact.received_at,
            definition=ComplaintDefinition(
                aspects=tuple(line.strip() for line in self.aspects.splitlines() if line.strip()),
                outcomes=self.outcome_texts(policy),
                still_happening=STILL_HAPPENING[self.still_happening],
                resident_words=contact.text,
            ),
            contact_name=self.contact_name,
            contact_details=self.contact_details,
            contact_preference=self.contact_preference,
            representative=Representative(
                name=self.contact_name,
                relationship=self.relationship,
                acting_for=self.resident_name,
                consent="given" if consent else "not_yet",
                consent_at=contact.received_at if consent else None,
            )
            if self.acting_for_someone
            else None,
            adjustments=tuple(
                cases.adjustment(
                    need,
                    self.adjustment_detail or policy.needs[need].offer,
                    disability=policy.needs[need].special_category,
                    consent=self.disability_consent,
                )
                for need in self.needs
            ),
            contact_id=contact.id,
            transcript=(TranscriptLine(contact.received_at, "resident", contact.text),),
        )


@dataclass(frozen=True)
class ServiceRequestForm:
    category: str = ""
    urgent: bool = False

    @classmethod
    def prefilled(cls, result: TriageResult) -> ServiceRequestForm:
        return cls(category=result.service_area, urgent=result.urgent)

    @classmethod
    def from_fields(cls, fields: Fields) -> ServiceRequestForm:
        return cls(category=first(fields, "category"), urgent=first(fields, "urgent") == "yes")

    def errors(self, policy: Policy) -> dict[str, str]:
        if self.category not in policy.service_areas:
            return {"category": "Choose what the request is about"}
        return {}
