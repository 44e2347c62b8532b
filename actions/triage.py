"""Triage of the resident's message in the chat: decide, say what happens next, record slots."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.app import get_app
from bot.replies import label_lines, urgent_lines
from bot.triage import triage


class ActionTriage(Action):
    def name(self) -> str:
        return "action_triage"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        policy = get_app().policy
        result = triage(tracker.latest_message, policy)
        for line in urgent_lines(result, policy):
            dispatcher.utter_message(text=line)
        events: list[EventType] = [
            SlotSet("triage_label", result.label),
            SlotSet("triaged_text", tracker.latest_message.get("text")),
        ]
        if result.offers_complaint:
            dispatcher.utter_message(response="utter_offer_complaint")
            return [*events, SlotSet("choice_pending", True)]
        for line in label_lines(result, policy):
            dispatcher.utter_message(text=line)
        return events
