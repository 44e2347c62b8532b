"""Hand the agreed complaint to the case store and give the resident the reference and dates."""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.adjustments import adjustments_from_slots
from actions.app import get_app
from actions.definition import address_told, as_agreed, draft_from, earlier_request_of
from actions.representatives import representative_from_slots
from actions.turns import (
    SUBMIT_COMPLAINT_ACTION,
    channel_of,
    problem_messages,
    transcript_of,
    triaged_at,
)
from bot.casestore.domain import ComplaintDefinition, ComplaintHandover
from bot.casestore.services import CaseStore
from bot.definition import address_given
from bot.replies import complaint_logged_line, kept_lines, ombudsman_line

# What the resident told us for the complaint. Once it is logged (or kept for later) these leave
# the conversation, so nobody who types into the same session afterwards can bring back the
# read-back with the name, contact details and disability.
COMPLAINT_SLOTS = (
    "triaged_text", "complaint_aspects", "still_happening", "earlier_request", "outcome_sought",
    "acting_for", "representative_name", "representative_details", "representative_relationship",
    "representative_consent", "contact_name", "contact_details", "contact_preference",
    "adjustments_needed", "adjustment_ids", "adjustment_consent", "resident_address",
)  # fmt: skip


def forget_the_complaint() -> list[EventType]:
    return [SlotSet(name, None) for name in COMPLAINT_SLOTS]


def handover_key(conversation_id: str, definition: ComplaintDefinition, contact: str) -> str:
    """The same complaint confirmed twice (a retried call, or a resident who got no answer and
    confirmed again) has the same key, so the case store logs it once."""
    content = json.dumps([asdict(definition), contact], sort_keys=True)
    return f"{conversation_id}:complaint:{hashlib.sha256(content.encode()).hexdigest()[:24]}"


def handover_from(tracker: Tracker, cases: CaseStore) -> ComplaintHandover:
    """Built from the conversation alone, so it can be kept even when the case store is down."""
    slot = tracker.get_slot
    contact_id = slot("contact_id")
    when = triaged_at(tracker)
    representative = (
        representative_from_slots(tracker, slot("contact_name") or "")
        if slot("acting_for") == "someone_else"
        else None
    )
    definition = ComplaintDefinition(
        aspects=(as_agreed(tracker, slot("complaint_aspects") or ""),),
        outcomes=(slot("outcome_sought") or "",),
        still_happening=slot("still_happening"),
        resident_words=as_agreed(
            tracker, " ".join(problem_messages(tracker)) or slot("complaint_aspects") or ""
        ),
    )
    return ComplaintHandover(
        handover_key=handover_key(tracker.sender_id, definition, slot("contact_details") or ""),
        conversation_id=tracker.sender_id,
        channel=channel_of(tracker),
        received_at=when,
        definition=definition,
        contact_name=slot("contact_name") or "",
        contact_details=draft_from(tracker).contact_details,
        contact_preference=draft_from(tracker).contact_preference,
        representative=representative,
        adjustments=adjustments_from_slots(tracker, cases),
        contact_id=int(contact_id) if contact_id is not None else None,
        transcript=transcript_of(tracker),
        earlier_request=earlier_request_of(tracker),
        # The address as read back: where the resident lives, and where a letter goes.
        postal_address=draft_from(tracker).address or None,
    )


class ActionSubmitComplaint(Action):
    def name(self) -> str:
        return SUBMIT_COMPLAINT_ACTION

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        app = get_app()
        handover = handover_from(tracker, app.cases)
        complaint = app.handovers.submit(handover)
        if complaint is None:
            for line in kept_lines(app.policy):
                dispatcher.utter_message(text=line)
            return [SlotSet("awaiting_confirmation", False), *forget_the_complaint()]
        # Anything an earlier failure left waiting goes now that the case store answers.
        app.handovers.relay()
        if handover.contact_id is not None and handover.contact_details:
            # A job asked for beside the complaint (actions.triage) is booked by the same team:
            # they reach the resident the way the complaint says (nothing when none was logged).
            # The address read back with the complaint goes with the job too (round 23).
            app.cases.add_service_request_contact(
                handover.contact_id, handover.contact_name, handover.contact_details,
                handover.contact_preference,
                address_given(tracker.get_slot("resident_address")) or address_told(tracker) or "",
            )  # fmt: skip
        dispatcher.utter_message(text=complaint_logged_line(complaint))
        dispatcher.utter_message(text=ombudsman_line(app.policy))
        return [
            SlotSet("complaint_reference", complaint.reference),
            SlotSet("awaiting_confirmation", False),
            *forget_the_complaint(),
        ]
