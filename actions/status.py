"""Where a complaint has got to: shared only when the reference and the email or phone number
given with it match (`CaseStore.identify`, the check Stage 2 uses too). A reference that does not
exist gets the same reply as wrong details, so nobody learns which references exist."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.forms import FormValidationAction
from rasa_sdk.types import DomainDict

from actions.app import get_app
from actions.references import UNKNOWN, details_beside_reference, not_given
from bot.nlp.matches import first_reference
from bot.replies import status_text, status_without_reference


class ValidateStatusForm(FormValidationAction):
    def name(self) -> str:
        return "validate_status_form"

    async def required_slots(
        self,
        domain_slots: list[str],
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: DomainDict,
    ) -> list[str]:
        """Without a reference there is nothing to check details against: a person helps."""
        if tracker.get_slot("status_reference") == UNKNOWN:
            return [slot for slot in domain_slots if slot != "status_check"]
        return domain_slots

    def validate_status_reference(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        """Only the form of the reference is checked here; whether it exists is never said."""
        text = str(value or "")
        if not_given(text):
            return {"status_reference": UNKNOWN}
        reference = first_reference(text)
        if reference is None:
            dispatcher.utter_message(response="utter_status_reference_not_found")
        check = details_beside_reference(tracker) if reference else None
        return {"status_reference": reference, **({"status_check": check} if check else {})}


class ActionComplaintStatus(Action):
    def name(self) -> str:
        return "action_complaint_status"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        app = get_app()
        if tracker.get_slot("status_reference") == UNKNOWN:
            dispatcher.utter_message(text=status_without_reference(app.policy))
            return [SlotSet("status_reference", None), SlotSet("status_check", None)]
        complaint = app.cases.identify(
            str(tracker.get_slot("status_reference") or ""),
            str(tracker.get_slot("status_check") or ""),
        )
        if complaint is None:
            dispatcher.utter_message(response="utter_status_not_matched")
        else:
            dispatcher.utter_message(text=status_text(complaint))
        # The check is not kept: the next enquiry asks again.
        return [SlotSet("status_reference", None), SlotSet("status_check", None)]
