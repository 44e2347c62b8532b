"""Validation for complaint_form: the questions adapt to representatives and disclosed needs."""

from __future__ import annotations

import re
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.forms import FormValidationAction
from rasa_sdk.types import DomainDict

from actions.adjustments import AdjustmentQuestions, answered_now, matches_in
from actions.contact import ContactQuestions, told_beside
from actions.definition import NOT_ABOUT_AN_EARLIER_REQUEST
from actions.representatives import RepresentativeQuestions
from bot.answers import STILL_WORDS
from bot.definition import consent_told, introduced_name, is_no
from bot.text import contains, words
from bot.told import own_name_in, without_outcome

ROLE_THEN_NAME = re.compile(
    r"^(?:i'?m |i am )?(?:the )?(?:resident|tenant)\b[.,]?\s+([A-Z][a-z'-]+(?:\s+[A-Z][a-z'-]+)+)",
    re.IGNORECASE,
)


def role_then_name(text: str) -> str | None:
    """ "resident. Leanne Price": the name given with the answer to "are you the resident?"."""
    match = ROLE_THEN_NAME.match(text.strip())
    if match is None or not all(word[0].isupper() for word in match.group(1).split()):
        return None
    return match.group(1)


HELPING_WORDS = ("someone else", "helping", "behalf", "for my", "carer", "representative")
# "like i said im her daughter", "I'm his son": the writer's role towards the resident.
HELPER_ROLE = re.compile(r"\b(?:i'?m|im|i am)\s+(?:her|his|their)\s+\w+", re.IGNORECASE)


class ValidateComplaintForm(
    ContactQuestions, AdjustmentQuestions, RepresentativeQuestions, FormValidationAction
):
    def name(self) -> str:
        return "validate_complaint_form"

    async def required_slots(
        self,
        domain_slots: list[str],
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: DomainDict,
    ) -> list[str]:
        """Only a helper is asked about the resident's consent (1.3, 3.6), and only a disclosed
        health need or disability leads to asking consent to record it."""
        skipped = self.skipped_adjustment_slots(tracker)
        if tracker.get_slot("service_area") in (None, "general"):
            skipped.add("earlier_request")
        if tracker.get_slot("acting_for") != "someone_else":
            skipped |= {"representative_details", "representative_consent"}
        return [slot for slot in domain_slots if slot not in skipped]

    async def get_extraction_events(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        """Answers given beside the one asked for are kept (and validated like any answer)."""
        events = await super().get_extraction_events(dispatcher, tracker, domain)
        return [*events, *(SlotSet(slot, value) for slot, value in told_beside(tracker).items())]

    def validate_complaint_aspects(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        text = str(value or "").strip()
        return {"complaint_aspects": text if len(text) >= 3 else None}

    def validate_acting_for(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        if not answered_now(tracker, "acting_for") or value in ("resident", "someone_else"):
            return {"acting_for": value}
        text = str(value or "")
        helping = (
            any(word in text.lower() for word in HELPING_WORDS)
            or HELPER_ROLE.search(text) is not None
            or bool(matches_in(tracker).relationships)
        )
        acting_for = "someone_else" if helping else "resident"
        told: dict[str, Any] = {"acting_for": acting_for}
        # "I'm the tenant. Name Katarzyna Nowak", "It's Ayesha Khan": the name is not asked for
        # again; for a helper, their own ("im Chloe Martin, his daughter").
        name = (
            introduced_name(text)
            or own_name_in(text)
            or (None if helping else role_then_name(text))
        )
        if name and not tracker.get_slot("contact_name"):
            told["contact_name"] = name
        if helping and consent_told(text):
            # "helping someone else - son for T, consent given".
            told["representative_consent"] = True
        return told

    def validate_earlier_request(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        text = str(value or "").strip()
        if tracker.get_intent_of_latest_message() == "deny" or is_no(text):
            return {"earlier_request": NOT_ABOUT_AN_EARLIER_REQUEST}
        if answered_now(tracker, "earlier_request") and only_still_happening(text):
            # "yh still bangin" answers whether it is still happening, not this: asked again.
            return {"earlier_request": None, "still_happening": True}
        # "...no job number. I'd like the roof fixed properly": the outcome is its own answer.
        return {"earlier_request": (without_outcome(text) or text)[:200] or None}


# What tells of an earlier report: "rang in July", "job 4411", "the roofer came in May".
EARLIER_REPORT_WORDS = re.compile(
    r"\d|\b(?:rang|called|phoned|reported|report|told|job|ref|came|visit|visited|booked|"
    r"engineer|emailed|wrote|before|ago|last|january|february|march|april|may|june|july|"
    r"august|september|october|november|december|week|weeks|month|months)\b",
    re.IGNORECASE,
)


def only_still_happening(text: str) -> bool:
    """An answer that only says the problem goes on ("yh still bangin", "every night yes")."""
    said = words(text)
    return (
        any(contains(said, still) for still in STILL_WORDS)
        and EARLIER_REPORT_WORDS.search(text) is None
    )
