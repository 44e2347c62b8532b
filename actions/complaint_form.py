"""Validation for complaint_form: the questions adapt to representatives and disclosed needs."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.forms import FormValidationAction
from rasa_sdk.types import DomainDict

from actions.app import get_app
from bot.definition import contact_preference, is_no, valid_contact_details
from bot.nlp.matches import RuleMatches

HELPING_WORDS = ("someone else", "helping", "behalf", "for my", "carer", "representative")


def matches_in(tracker: Tracker) -> RuleMatches:
    """What the policy rules found in the answer just given."""
    return RuleMatches.from_entities(tracker.latest_message.get("entities", []))


def answered_now(tracker: Tracker, slot: str) -> bool:
    """True when the resident has just answered this slot's question. When a form restarts after
    a correction, Rasa validates the answers already given again: those are kept as they are."""
    return tracker.get_slot("requested_slot") == slot


class ValidateComplaintForm(FormValidationAction):
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
        skipped = set()
        if tracker.get_slot("acting_for") != "someone_else":
            skipped |= {"representative_details", "representative_consent"}
        if not self._special_category(tracker.get_slot("adjustment_ids") or []):
            skipped.add("adjustment_consent")
        return [slot for slot in domain_slots if slot not in skipped]

    @staticmethod
    def _special_category(need_ids: list[str]) -> bool:
        needs = get_app().policy.needs
        return any(needs[n].special_category for n in need_ids if n in needs)

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
        text = str(value or "").lower()
        helping = any(word in text for word in HELPING_WORDS) or bool(
            matches_in(tracker).relationships
        )
        return {"acting_for": "someone_else" if helping else "resident"}

    def validate_representative_details(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        if not answered_now(tracker, "representative_details"):
            return {"representative_details": value}
        relationships = [
            r for r in matches_in(tracker).relationships if r != "other_representative"
        ]
        return {
            "representative_details": str(value or "").strip() or None,
            "representative_relationship": relationships[0] if relationships else "not stated",
        }

    def validate_contact_details(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        if valid_contact_details(str(value or "")):
            return {"contact_details": str(value).strip()}
        dispatcher.utter_message(response="utter_invalid_contact_details")
        return {"contact_details": None}

    def validate_contact_preference(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        return {"contact_preference": contact_preference(str(value or ""))}

    def validate_adjustments_needed(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        if not answered_now(tracker, "adjustments_needed"):
            return {"adjustments_needed": value}
        text = str(value or "").strip()
        if tracker.get_intent_of_latest_message() == "deny" or is_no(text):
            return {"adjustments_needed": "none", "adjustment_ids": []}
        return {
            "adjustments_needed": text,
            "adjustment_ids": list(matches_in(tracker).adjustments) or ["other"],
        }
