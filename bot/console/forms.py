"""The console's complaint and service request forms: prefilled from triage, checked, and turned
into the same hand-over the chat makes, so the case store cannot tell a phone case apart except
by its channel."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

from bot.casestore.domain import (
    Adjustment,
    Complaint,
    ComplaintDefinition,
    ComplaintHandover,
    ContactRecord,
    Representative,
    ServiceRequest,
    TranscriptLine,
)
from bot.casestore.repository.complaints import reference_for
from bot.casestore.services import CaseStore
from bot.definition import PREFERENCES, valid_contact_details
from bot.policy import Policy
from bot.policy.ids import ASB_REPORT as ASB
from bot.triage import TriageResult

CHANNEL = "phone"
STILL_HAPPENING = {"yes": True, "no": False, "not_known": None}
CONSENT = ("given", "not_yet")
NOT_STATED = "not stated"
REFERENCE = "stage_2_reference"
SPOKEN_REFERENCE = re.compile(r"(?:[a-z]{1,4}[\s./-]*)?(20\d\d)[\s./-]*(\d{1,6})", re.IGNORECASE)
OR_BY_NAME = "or leave it empty and find the complaint by surname and phone or email"

Fields = Mapping[str, Sequence[str]]


def first(fields: Fields, name: str) -> str:
    """The first value sent for a field, trimmed; empty when it was not sent."""
    return next(iter(fields.get(name) or ()), "").strip()


@dataclass(frozen=True)
class Caller:
    """Who is calling, how to reach them, who they act for and what would help them: the part of
    the call page that a complaint and a service request share (1.3, 3.6, 5.10)."""

    contact_name: str = ""
    contact_details: str = ""
    contact_preference: str = ""
    postal_address: str = ""
    acting_for_someone: bool = False
    relationship: str = NOT_STATED
    resident_name: str = ""
    representative_consent: str = ""
    needs: tuple[str, ...] = ()
    adjustment_detail: str = ""
    disability_consent: bool = False

    @classmethod
    def prefilled(cls, result: TriageResult) -> Caller:
        """The helper and needs triage heard."""
        named = [r for r in result.relationships if r != "other_representative"]
        return cls(
            acting_for_someone=result.representative,
            relationship=named[0] if named else NOT_STATED,
            needs=result.adjustments,
        )

    @classmethod
    def from_fields(cls, fields: Fields) -> Caller:
        return cls(
            contact_name=first(fields, "contact_name"),
            contact_details=first(fields, "contact_details"),
            contact_preference=first(fields, "contact_preference"),
            postal_address=first(fields, "postal_address"),
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
        problems = {**self._contact_problems(), **self._support_problems(policy)}
        return {name: message for name, message in problems.items() if message}

    def support_errors(self, policy: Policy) -> dict[str, str]:
        """What stops the representative and adjustments being recorded on their own."""
        problems = self._support_problems(policy)
        if self.acting_for_someone and not self.contact_name:
            problems = {"contact_name": "Enter the name of the person acting for the resident",
                        **problems}  # fmt: skip
        return {name: message for name, message in problems.items() if message}

    def _contact_problems(self) -> dict[str, str]:
        return {
            "contact_name": "Enter the name of the person we should contact"
            if not self.contact_name
            else "",
            "contact_details": "Enter an email address, or a phone number with at least 10 digits"
            if not valid_contact_details(self.contact_details)
            else "",
            "contact_preference": "Choose how we should contact them"
            if self.contact_preference not in PREFERENCES
            else "",
            "postal_address": "Enter the address to send letters to"
            if self.contact_preference == "letter" and len(self.postal_address) < 5
            else "",
        }

    def _support_problems(self, policy: Policy) -> dict[str, str]:
        problems: dict[str, str] = {}
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
        return problems

    def representative(self, received_at: datetime) -> Representative | None:
        if not self.acting_for_someone:
            return None
        consent = self.representative_consent == "given"
        return Representative(
            name=self.contact_name,
            relationship=self.relationship,
            acting_for=self.resident_name,
            consent="given" if consent else "not_yet",
            consent_at=received_at if consent else None,
        )

    def adjustments(self, cases: CaseStore, policy: Policy) -> tuple[Adjustment, ...]:
        """Agreed adjustments; a disability is kept only with consent (5.10), and so is what was
        agreed when it was typed beside one (it is one field for every need ticked)."""
        health = any(policy.needs[need].special_category for need in self.needs)
        detail = self.adjustment_detail if self.disability_consent or not health else ""
        return tuple(
            cases.adjustment(
                need,
                detail or policy.needs[need].offer,
                disability=policy.needs[need].special_category,
                consent=self.disability_consent,
            )
            for need in self.needs
        )

    @property
    def postal(self) -> str:
        """The postal address, kept only when letters were asked for."""
        return self.postal_address if self.contact_preference == "letter" else ""


@dataclass(frozen=True)
class ComplaintForm:
    aspects: str = ""
    still_happening: str = "not_known"
    outcomes: tuple[str, ...] = ()
    outcome_words: str = ""
    caller: Caller = Caller()

    @classmethod
    def prefilled(cls, contact: ContactRecord, result: TriageResult) -> ComplaintForm:
        """What triage already heard: the caller's words, outcomes, helper and needs."""
        return cls(
            aspects=contact.text,
            still_happening="yes" if result.ongoing else "not_known",
            outcomes=result.outcomes,
            caller=Caller.prefilled(result),
        )

    @classmethod
    def from_fields(cls, fields: Fields) -> ComplaintForm:
        return cls(
            aspects=first(fields, "aspects"),
            still_happening=first(fields, "still_happening") or "not_known",
            outcomes=tuple(fields.get("outcomes") or ()),
            outcome_words=first(fields, "outcome_words"),
            caller=Caller.from_fields(fields),
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
        }
        return {
            **self.caller.errors(policy),
            **{name: message for name, message in problems.items() if message},
        }

    def outcome_texts(self, policy: Policy) -> tuple[str, ...]:
        chosen = tuple(policy.outcomes[o].text for o in self.outcomes if o in policy.outcomes)
        return chosen + ((self.outcome_words,) if self.outcome_words else ())

    def handover(
        self, contact: ContactRecord, cases: CaseStore, policy: Policy
    ) -> ComplaintHandover:
        """The complaint as the case store takes it; one per contact, however often it is sent."""
        assert contact.id is not None, "a stored contact"
        caller = self.caller
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
            contact_name=caller.contact_name,
            contact_details=caller.contact_details,
            contact_preference=caller.contact_preference,
            postal_address=caller.postal or None,
            representative=caller.representative(contact.received_at),
            adjustments=caller.adjustments(cases, policy),
            contact_id=contact.id,
            transcript=(TranscriptLine(contact.received_at, "resident", contact.text),),
        )


def request_categories(policy: Policy) -> dict[str, str]:
    """What a service request can be about, id to words: the policy's service areas, and a first
    report of anti-social behaviour for the ASB team when the policy routes ASB there."""
    categories = {area: in_words(area) for area in policy.service_areas}
    if ASB in policy.grounds:
        categories[ASB] = "Anti-social behaviour report (ASB team)"
    return categories


@dataclass(frozen=True)
class ServiceRequestForm:
    category: str = ""
    urgent: bool = False
    description: str = ""
    property_address: str = ""
    access_times: str = ""
    job_number: str = ""
    caller: Caller = Caller()

    @classmethod
    def prefilled(cls, contact: ContactRecord, result: TriageResult) -> ServiceRequestForm:
        """The caller's words, the area triage found, or the ASB team for a first ASB report."""
        return cls(
            category=result.request_category or result.service_area,
            urgent=result.urgent,
            description=contact.text,
            caller=Caller.prefilled(result),
        )

    @classmethod
    def from_fields(cls, fields: Fields) -> ServiceRequestForm:
        return cls(
            category=first(fields, "category"),
            urgent=first(fields, "urgent") == "yes",
            description=first(fields, "description"),
            property_address=first(fields, "property_address"),
            access_times=first(fields, "access_times"),
            job_number=first(fields, "job_number"),
            caller=Caller.from_fields(fields),
        )

    def errors(self, policy: Policy) -> dict[str, str]:
        problems = {
            "category": ""
            if self.category in request_categories(policy)
            else "Choose what the request is about",
            "description": "Enter what is wrong, in the caller's words"
            if len(self.description) < 3
            else "",
            "property_address": "Enter the address of the home" if len(self.property_address) < 5
            else "",
        }  # fmt: skip
        return {
            **self.caller.errors(policy),
            **{name: message for name, message in problems.items() if message},
        }

    def request(self) -> ServiceRequest:
        caller = self.caller
        return ServiceRequest(
            category=self.category,
            urgent=self.urgent,
            description=self.description,
            property_address=self.property_address,
            contact_name=caller.contact_name,
            contact_details=caller.contact_details,
            contact_preference=caller.contact_preference,
            postal_address=caller.postal,
            access_times=self.access_times,
            job_number=self.job_number,
        )


def in_words(identifier: str) -> str:
    """A policy id as a handler reads it: `damp_and_mould` -> "Damp and mould"."""
    return {"bsl": "British Sign Language (BSL)"}.get(
        identifier, identifier.replace("_", " ").capitalize()
    )


def spoken_reference(said: str) -> str | None:
    """A complaint reference as people say or write it: "CMP-2026-000123", "cmp 2026 123",
    "SH 2026 0012"; the letters are often misheard, so the year and number decide it."""
    found = SPOKEN_REFERENCE.fullmatch(said.strip())
    return reference_for(int(found[1]), int(found[2])) if found else None


@dataclass(frozen=True)
class Stage2Form:
    """A Stage 2 request (6.10-6.12): the complaint by its reference, or by the caller's surname
    and the phone number or email on the complaint (the chat's check); reasons never required."""

    reference: str = ""
    surname: str = ""
    contact_details: str = ""
    reasons: str = ""

    @classmethod
    def prefilled(cls, result: TriageResult) -> Stage2Form:
        return cls(reference=result.references[0] if result.references else "")

    @classmethod
    def from_fields(cls, fields: Fields) -> Stage2Form:
        return cls(
            reference=first(fields, "stage_2_reference"),
            surname=first(fields, "stage_2_surname"),
            contact_details=first(fields, "stage_2_contact"),
            reasons=first(fields, "stage_2_reasons"),
        )

    def errors(self) -> dict[str, str]:
        if self.reference:
            if spoken_reference(self.reference) is None:
                return {REFERENCE: f"Enter a reference like CMP-2026-000123, {OR_BY_NAME}"}
            return {}
        if not (self.surname or self.contact_details):
            return {REFERENCE: "Enter the reference, or the caller's surname and their phone "
                               "number or email"}  # fmt: skip
        problems = {
            "stage_2_surname": "" if self.surname else "Enter the caller's surname",
            "stage_2_contact": ""
            if valid_contact_details(self.contact_details)
            else "Enter the email address, or a phone number with at least 10 digits",
        }
        return {name: message for name, message in problems.items() if message}

    def find(self, cases: CaseStore) -> tuple[Complaint | None, dict[str, str]]:
        """(the Stage 1 complaint, or None when no single one matches; problems with the form).

        A Stage 2 reference is found too: what it comes to is the case store's decision, as in
        the chat (`CaseStore.escalate`)."""
        reference = spoken_reference(self.reference)
        if reference is None:
            return cases.find_for_stage_2(self.surname, self.contact_details), {}
        found = cases.complaint(reference)
        if found is None:
            return None, {REFERENCE: f"There is no complaint {reference}. Check it with the "
                                     f"caller, {OR_BY_NAME}"}  # fmt: skip
        return found, {}

    def words(self, contact: ContactRecord | None) -> str:
        """The caller's words for Stage 2: what they said on the call, and any reasons."""
        return "\n".join(text for text in (contact and contact.text, self.reasons) if text)

    def unmatched(self, conversation_id: str, received_at: datetime) -> ContactRecord:
        """The request as a call record, with what the caller gave to find their complaint."""
        said = f"Stage 2 asked for. Surname {self.surname}; phone or email {self.contact_details}."
        return ContactRecord(
            conversation_id=conversation_id,
            channel=CHANNEL,
            received_at=received_at,
            text="\n".join(text for text in (said, self.reasons) if text),
            label="escalation",
            intent="escalate",
            confidence=1.0,
            exclusion_reason=None,
            urgency=(),
            reasons=({"code": "6.10", "text": "Stage 2 asked for; no single complaint matched"},),
        )
