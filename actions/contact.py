"""How to reach the resident, asked by the complaint form and after a service request: answers
typed in sentences ("it's Ayesha Khan", "my email is ...", "07700 900456 txt me dont ring")."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.turns import earlier_messages
from bot.definition import (
    contact_details_in,
    contact_preference,
    introduced_name,
    name_in,
    preference_beside_details,
)


def contact_already_told(tracker: Tracker) -> list[EventType]:
    """A name and contact details the conversation has already given ("I'm Dev, 07700 900221"),
    so a form does not ask for them again."""
    events: list[EventType] = []
    for text in earlier_messages(tracker):
        name = introduced_name(text)
        details = contact_details_in(text)
        if name:
            events.append(SlotSet("contact_name", name))
        if details:
            events.append(SlotSet("contact_details", details))
    return events


class ContactQuestions:
    """Validation of the name, contact details and contact preference slots, for any form."""

    def validate_contact_name(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        """The name from "it's Ayesha Khan"; details given in the same breath are kept too."""
        text = str(value or "")
        name = name_in(text)
        if name is None:
            dispatcher.utter_message(response="utter_invalid_contact_name")
            return {"contact_name": None}
        return {"contact_name": name, **self._details_given(text, tracker)}

    def validate_contact_details(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        """An email or phone found in the sentence, normalised; "txt me dont ring" also answers
        the next question."""
        text = str(value or "")
        details = contact_details_in(text)
        if details is None:
            dispatcher.utter_message(response="utter_invalid_contact_details")
            return {"contact_details": None}
        preference = preference_beside_details(text)
        return {
            "contact_details": details,
            **(
                {"contact_preference": preference}
                if preference and not tracker.get_slot("contact_preference")
                else {}
            ),
        }

    def validate_contact_preference(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        return {"contact_preference": contact_preference(str(value or ""))}

    @staticmethod
    def _details_given(text: str, tracker: Tracker) -> dict[str, Any]:
        """Contact details, and how to use them, given with the name ("Dev Patel, 07700 900221,
        call me any time")."""
        details = contact_details_in(text)
        if details is None or tracker.get_slot("contact_details"):
            return {}
        preference = preference_beside_details(text)
        return {
            "contact_details": details,
            **({"contact_preference": preference} if preference else {}),
        }
