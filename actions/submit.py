"""Hand the agreed complaint to the case store and give the resident the reference and dates."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.adjustments import adjustments_from_slots
from actions.app import get_app
from actions.definition import earlier_request_of
from actions.turns import channel_of, received_at, transcript_of, turn_key
from bot.casestore.domain import (
    ComplaintDefinition,
    ComplaintHandover,
    Representative,
)
from bot.casestore.services import CaseStore
from bot.definition import long_date
from bot.replies import ombudsman_line


def handover_from(tracker: Tracker, cases: CaseStore) -> ComplaintHandover:
    slot = tracker.get_slot
    contact_id = slot("contact_id")
    contact = cases.contact(int(contact_id)) if contact_id is not None else None
    when = contact.received_at if contact else received_at(tracker)
    representative = None
    if slot("acting_for") == "someone_else":
        consent = bool(slot("representative_consent"))
        representative = Representative(
            name=slot("contact_name") or "",
            relationship=slot("representative_relationship") or "not stated",
            acting_for=slot("representative_details") or "",
            consent="given" if consent else "not_yet",
            consent_at=when if consent else None,
        )
    return ComplaintHandover(
        handover_key=turn_key(tracker, "complaint"),
        conversation_id=tracker.sender_id,
        channel=channel_of(tracker),
        received_at=when,
        definition=ComplaintDefinition(
            aspects=(slot("complaint_aspects") or "",),
            outcomes=(slot("outcome_sought") or "",),
            still_happening=slot("still_happening"),
            resident_words=slot("triaged_text") or slot("complaint_aspects") or "",
        ),
        contact_name=slot("contact_name") or "",
        contact_details=slot("contact_details") or "",
        contact_preference=slot("contact_preference") or "",
        representative=representative,
        adjustments=adjustments_from_slots(tracker, cases),
        contact_id=int(contact_id) if contact_id is not None else None,
        transcript=transcript_of(tracker),
        earlier_request=earlier_request_of(tracker),
    )


class ActionSubmitComplaint(Action):
    def name(self) -> str:
        return "action_submit_complaint"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        app = get_app()
        complaint = app.cases.submit_complaint(handover_from(tracker, app.cases))
        dispatcher.utter_message(
            text=(
                f"Your complaint is logged. Your reference is {complaint.reference}. "
                f"We will acknowledge it by {long_date(complaint.acknowledgement_due)} and send "
                f"you our response by {long_date(complaint.response_due)} at the latest. If we "
                "need longer, we will tell you why and give you a new date."
            )
        )
        dispatcher.utter_message(text=ombudsman_line(app.policy))
        return [
            SlotSet("complaint_reference", complaint.reference),
            SlotSet("awaiting_confirmation", False),
        ]
