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
from actions.references import KNOWN_REFERENCE, UNKNOWN, ReferenceQuestions, known_complaint
from actions.session import say_it_is_automated
from bot.replies import status_text, status_without_reference


class ValidateStatusForm(ReferenceQuestions, FormValidationAction):
    reference_slot = "status_reference"
    check_slot = "status_check"
    not_a_reference = "utter_status_reference_not_found"

    def name(self) -> str:
        return "validate_status_form"

    async def extract_status_reference(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        if tracker.get_slot("requested_slot") is None:
            # A conversation that opens with "when will I hear back?" is told who it talks to.
            say_it_is_automated(dispatcher, tracker)
        return self.reference_before_asking(tracker, dispatcher)

    def validate_status_reference(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        return self.read_reference(value, dispatcher, tracker)

    def validate_status_check(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        return self.read_check(value, tracker)


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
        reference = str(tracker.get_slot("status_reference") or "")
        complaint = (
            app.cases.complaint(reference)
            if known_complaint(tracker, reference)
            else app.cases.identify(reference, str(tracker.get_slot("status_check") or ""))
        )
        events: list[EventType] = [SlotSet("status_reference", None), SlotSet("status_check", None)]
        if complaint is None:
            dispatcher.utter_message(response="utter_status_not_matched")
        else:
            dispatcher.utter_message(text=status_text(complaint))
            # The details are not kept, only that this conversation matched them: Stage 2 for
            # the same complaint is not checked again.
            events.append(SlotSet(KNOWN_REFERENCE, complaint.reference))
        return events
