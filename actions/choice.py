"""The resident's answer to the offer to complain, recorded either way (Code 1.3)."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.app import get_app
from bot.casestore.domain import Choice


class ActionRecordChoice(Action):
    def name(self) -> str:
        return "action_record_choice"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        wants_complaint = tracker.get_intent_of_latest_message() == "affirm"
        choice: Choice = "complaint" if wants_complaint else "no_complaint"
        contact_id = tracker.get_slot("contact_id")
        if contact_id is not None:
            get_app().cases.record_choice(int(contact_id), choice)
        dispatcher.utter_message(
            response="utter_choice_complaint" if wants_complaint else "utter_choice_no_complaint"
        )
        events: list[EventType] = [
            SlotSet("complaint_choice", choice),
            SlotSet("choice_pending", False),
        ]
        if wants_complaint:
            # What they first told us is what went wrong; the read-back lets them change it.
            events.append(SlotSet("complaint_aspects", tracker.get_slot("triaged_text")))
        return events
