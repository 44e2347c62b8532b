"""When the assistant cannot help: after two misunderstandings it offers a person."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet, UserUtteranceReverted
from rasa_sdk.executor import CollectingDispatcher

from actions.app import get_app
from bot.nlp.matches import only_other_alphabets
from bot.replies import not_english_reply

OFFER_PERSON_AFTER = 2


class ActionMisunderstood(Action):
    def name(self) -> str:
        return "action_misunderstood"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        count = int(tracker.get_slot("misunderstandings") or 0) + 1
        out_of_scope = tracker.get_intent_of_latest_message() == "out_of_scope"
        if only_other_alphabets(str(tracker.latest_message.get("text") or "")):
            dispatcher.utter_message(text=not_english_reply(get_app().policy))
        else:
            dispatcher.utter_message(
                response="utter_out_of_scope" if out_of_scope else "utter_default"
            )
        if count >= OFFER_PERSON_AFTER:
            dispatcher.utter_message(response="utter_offer_person")
        # The message is set aside so the conversation carries on from where it was.
        return [UserUtteranceReverted(), SlotSet("misunderstandings", count)]
