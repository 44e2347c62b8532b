"""The resident's answer to the offer to complain, recorded either way (Code 1.3)."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher


class ActionRecordChoice(Action):
    def name(self) -> str:
        return "action_record_choice"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        wants_complaint = tracker.get_intent_of_latest_message() == "affirm"
        dispatcher.utter_message(
            response="utter_choice_complaint" if wants_complaint else "utter_choice_no_complaint"
        )
        return [
            SlotSet("complaint_choice", "complaint" if wants_complaint else "no_complaint"),
            SlotSet("choice_pending", False),
        ]
