"""Conversation start: the landlord's details from policy_rules go into slots for responses."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import ActionExecuted, EventType, SessionStarted, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.app import get_app
from actions.turns import said_it_is_automated
from bot.replies import automated_line


def landlord_slots() -> list[EventType]:
    policy = get_app().policy
    values = {
        "landlord_name": policy.landlord.name,
        "privacy_url": policy.landlord.privacy_url,
        "landlord_phone": policy.landlord.phone,
        "ombudsman_phone": policy.ombudsman.phone,
        "ombudsman_website": policy.ombudsman.website,
    }
    return [SlotSet(name, value) for name, value in values.items()]


def say_it_is_automated(dispatcher: CollectingDispatcher, tracker: Tracker) -> None:
    """The first reply of a conversation says the assistant is automated, whatever the first
    message was (a hello gets the greeting, which says it); a danger's route still comes first,
    from the safety check before any other action."""
    if not said_it_is_automated(tracker):
        dispatcher.utter_message(text=automated_line(get_app().policy))


class ActionSessionStart(Action):
    def name(self) -> str:
        return "action_session_start"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        return [SessionStarted(), *landlord_slots(), ActionExecuted("action_listen")]
