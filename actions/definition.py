"""Read the complaint definition back and let the resident correct any part (5.6, 5.7)."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from bot.corrections import NOT_ABOUT_AN_EARLIER_REQUEST
from bot.definition import DraftDefinition

PART_SLOTS = {
    "aspects": ["complaint_aspects", "still_happening", "earlier_request"],
    "outcome": ["outcome_sought"],
    "who": ["acting_for", "representative_details", "representative_consent"],
    "contact": ["contact_name", "contact_details", "contact_preference"],
    "adjustments": ["adjustments_needed", "adjustment_ids", "adjustment_consent"],
}
# Everything the complaint form gathers, cleared when a resident leaves it.
COMPLAINT_SLOTS = [slot for slots in PART_SLOTS.values() for slot in slots]
# What is asked again when a part is chosen for changing: new words for what went wrong do not
# change whether it is still happening or the earlier job, which are kept (round 7).
ASKED_AGAIN = {
    **PART_SLOTS,
    "aspects": ["complaint_aspects"],
    "earlier_request": ["earlier_request"],
}


def draft_from(tracker: Tracker) -> DraftDefinition:
    slot = tracker.get_slot
    adjustments = slot("adjustments_needed")
    return DraftDefinition(
        aspects=slot("complaint_aspects") or "",
        still_happening=slot("still_happening"),
        outcome=slot("outcome_sought") or "",
        representative=slot("representative_details")
        if slot("acting_for") == "someone_else"
        else None,
        contact_name=slot("contact_name") or "",
        contact_details=slot("contact_details") or "",
        contact_preference=slot("contact_preference") or "",
        adjustments=None if adjustments in (None, "none") else adjustments_said(tracker),
        earlier_request=earlier_request_of(tracker),
        consent=slot("representative_consent") if slot("acting_for") == "someone_else" else None,
    )


def adjustments_said(tracker: Tracker) -> str:
    """What would help, as read back: a health condition or disability the resident did not
    want recorded is not read back as if it were (5.10)."""
    if tracker.get_slot("adjustment_consent") is False:
        return "what would help, without the health details you asked us not to record"
    return str(tracker.get_slot("adjustments_needed"))


def earlier_request_of(tracker: Tracker) -> str | None:
    """The job number or description of the earlier request the complaint is about (1.5)."""
    answer = tracker.get_slot("earlier_request")
    return None if answer in (None, NOT_ABOUT_AN_EARLIER_REQUEST) else str(answer)


def read_back_message(draft: DraftDefinition) -> dict[str, Any]:
    return {
        "text": draft.read_back(),
        "buttons": [
            {"title": "Yes, that's right", "payload": "/affirm"},
            {"title": "No, change something", "payload": "/deny"},
        ],
    }


class ActionReadBackDefinition(Action):
    def name(self) -> str:
        return "action_read_back_definition"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        dispatcher.utter_message(**read_back_message(draft_from(tracker)))
        return [SlotSet("awaiting_confirmation", True)]


class ActionCorrectDefinition(Action):
    """Clear the part the resident wants to change, so the form asks for it again."""

    def name(self) -> str:
        return "action_correct_definition"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        part = tracker.get_slot("definition_part")
        slots = ASKED_AGAIN.get(str(part), ASKED_AGAIN["aspects"])
        return [
            SlotSet("awaiting_confirmation", False),
            SlotSet("definition_part", None),
            *(SlotSet(name, None) for name in slots),
        ]
