"""Stage 2 on request (Code 6.10-6.14): only the reference is asked for, never a reason."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.forms import FormValidationAction
from rasa_sdk.types import DomainDict

from actions.app import get_app
from actions.turns import channel_of, received_at, turn_key
from bot.definition import is_no, long_date
from bot.nlp.matches import first_reference
from bot.replies import ombudsman_line

UNKNOWN = "unknown"
DONT_KNOW = ("don't know", "dont know", "don't have", "dont have", "no idea", "not sure", "lost")


class ValidateEscalationForm(FormValidationAction):
    def name(self) -> str:
        return "validate_escalation_form"

    async def required_slots(
        self,
        domain_slots: list[str],
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: DomainDict,
    ) -> list[str]:
        """Identity details are asked for only when the resident has no reference."""
        if tracker.get_slot("escalation_reference") == UNKNOWN:
            return domain_slots
        return [slot for slot in domain_slots if slot != "escalation_identity"]

    def validate_escalation_identity(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        """One matching complaint becomes the reference; otherwise an officer finds it."""
        text = str(value or "")
        if is_no(text):
            return {"escalation_identity": UNKNOWN}
        found = get_app().cases.find_for_stage_2(text)
        if found is None:
            dispatcher.utter_message(text="I couldn't match those details to one complaint.")
            return {"escalation_identity": UNKNOWN}
        dispatcher.utter_message(text=f"Thank you. I found your complaint {found.reference}.")
        return {"escalation_identity": "matched", "escalation_reference": found.reference}

    def validate_escalation_reference(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        text = str(value or "")
        if text == UNKNOWN or is_no(text) or any(words in text.lower() for words in DONT_KNOW):
            return {"escalation_reference": UNKNOWN}
        reference = first_reference(text)
        if reference is None or get_app().cases.complaint(reference) is None:
            dispatcher.utter_message(response="utter_reference_not_found")
            return {"escalation_reference": None}
        return {"escalation_reference": reference}


class ActionSubmitEscalation(Action):
    def name(self) -> str:
        return "action_submit_escalation"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        app = get_app()
        reference = tracker.get_slot("escalation_reference")
        stage_1 = None if reference in (None, UNKNOWN) else app.cases.complaint(reference)
        channel = channel_of(tracker)
        if stage_1 is None:
            app.cases.record_unmatched_escalation(tracker.sender_id, channel)
            dispatcher.utter_message(
                text=(
                    "Thank you. A complaints officer will find your complaint, move it to Stage 2 "
                    "and write to you with the dates within 5 working days."
                )
            )
        else:
            stage_2 = app.cases.escalate(
                stage_1,
                handover_key=turn_key(tracker, "stage_2"),
                channel=channel,
                received_at=received_at(tracker),
                words=str(tracker.get_slot("triaged_text") or ""),
            )
            dispatcher.utter_message(
                text=(
                    f"Your complaint {stage_1.reference} has gone to Stage 2. The Stage 2 "
                    f"reference is {stage_2.reference}. We will acknowledge it by "
                    f"{long_date(stage_2.acknowledgement_due)} and send you our final response by "
                    f"{long_date(stage_2.response_due)} at the latest."
                )
            )
        dispatcher.utter_message(text=ombudsman_line(app.policy))
        return [SlotSet("escalation_reference", None), SlotSet("escalation_identity", None)]
