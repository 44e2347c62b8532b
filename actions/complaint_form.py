"""Validation for complaint_form: the questions adapt to representatives and disclosed needs."""

from __future__ import annotations

import re
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.forms import FormValidationAction
from rasa_sdk.types import DomainDict

from actions.adjustments import AdjustmentQuestions, answered_now, matches_in
from actions.contact import ContactQuestions
from actions.definition import NOT_ABOUT_AN_EARLIER_REQUEST
from actions.representatives import RepresentativeQuestions
from bot.definition import introduced_name, is_no

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
        helping = any(word in text.lower() for word in HELPING_WORDS) or bool(
            matches_in(tracker).relationships
        )
        acting_for = "someone_else" if helping else "resident"
        # "I'm the tenant. Name Katarzyna Nowak": the name is not asked for again.
        name = None if helping else introduced_name(text) or role_then_name(text)
        return {"acting_for": acting_for, **({"contact_name": name} if name else {})}

    def validate_earlier_request(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        text = str(value or "").strip()
        if tracker.get_intent_of_latest_message() == "deny" or is_no(text):
            return {"earlier_request": NOT_ABOUT_AN_EARLIER_REQUEST}
        return {"earlier_request": text[:200] or None}
