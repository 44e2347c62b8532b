"""Where a complaint has got to: shared only after the reference and a second detail match."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.forms import FormValidationAction
from rasa_sdk.types import DomainDict

from actions.app import get_app
from bot.casestore.domain import Complaint
from bot.definition import long_date
from bot.nlp.matches import first_reference


def status_text(complaint: Complaint) -> str:
    lines = [
        f"Complaint {complaint.reference} is at Stage {complaint.stage} and is {complaint.status}."
    ]
    if complaint.acknowledged_at is None:
        lines.append(f"We will acknowledge it by {long_date(complaint.acknowledgement_due)}.")
    else:
        lines.append(f"We acknowledged it on {long_date(complaint.acknowledged_at.date())}.")
    if complaint.extended_to is not None:
        lines.append(
            f"Our response is now due by {long_date(complaint.extended_to)}, because "
            f"{complaint.extension_reason}."
        )
    else:
        lines.append(f"Our response is due by {long_date(complaint.response_due)}.")
    return " ".join(lines)


class ValidateStatusForm(FormValidationAction):
    def name(self) -> str:
        return "validate_status_form"

    def validate_status_reference(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        reference = first_reference(str(value or ""))
        if reference is None or get_app().cases.complaint(reference) is None:
            dispatcher.utter_message(response="utter_status_reference_not_found")
            return {"status_reference": None}
        return {"status_reference": reference}


class ActionComplaintStatus(Action):
    def name(self) -> str:
        return "action_complaint_status"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        complaint = get_app().cases.complaint(str(tracker.get_slot("status_reference") or ""))
        if complaint is None or not complaint.confirmed_by(
            str(tracker.get_slot("status_check") or "")
        ):
            dispatcher.utter_message(response="utter_status_not_matched")
        else:
            dispatcher.utter_message(text=status_text(complaint))
        # The check is not kept: the next enquiry asks again.
        return [SlotSet("status_reference", None), SlotSet("status_check", None)]
