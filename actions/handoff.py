"""A person on request, at any time: the request is recorded so staff can pick it up."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher

from actions.app import get_app
from actions.turns import channel_of


class ActionHandoff(Action):
    def name(self) -> str:
        return "action_handoff"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        get_app().cases.record_handoff(tracker.sender_id, channel_of(tracker))
        dispatcher.utter_message(response="utter_handoff")
        return []
