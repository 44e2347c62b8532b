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
from actions.references import (
    KNOWN_REFERENCE,
    UNKNOWN,
    ReferenceQuestions,
    known_complaint,
    new_details_line,
)
from actions.session import say_it_is_automated
from actions.turns import received_at
from bot.calendar import UK_TIME
from bot.policy import Policy
from bot.replies import status_text, status_without_reference
from bot.reply_dates import day_told, reply_dates_line
from bot.triage.safety import WITH_PERSON_SLOT

# The status questions looked through for the day the complaint was made ("i rang it in on 13
# november"): the last few messages, which hold the reference and the check.
STATUS_MESSAGES = 4


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

    async def extract_status_check(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        return self.check_before_asking(tracker)

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
            dispatcher.utter_message(text=when_the_reply_was_due(tracker, app.policy))
            return [SlotSet("status_reference", None), SlotSet("status_check", None)]
        reference = str(tracker.get_slot("status_reference") or "")
        complaint = (
            app.cases.complaint(reference)
            if known_complaint(tracker, reference)
            else app.cases.identify(reference, str(tracker.get_slot("status_check") or ""))
        )
        events: list[EventType] = [SlotSet("status_reference", None), SlotSet("status_check", None)]
        changed = new_details_line(
            str(tracker.get_slot("status_check") or ""), bool(tracker.get_slot(WITH_PERSON_SLOT))
        )
        if complaint is None:
            dispatcher.utter_message(response="utter_status_not_matched")
            # "where is my reply?? its been 3 weeks" with no match (round 17 r17a-11 t3-4 was
            # left asking "how long are u meant to take"): the Code's dates, and what to do
            # when they have passed.
            dispatcher.utter_message(text=when_the_reply_was_due(tracker, app.policy))
        else:
            dispatcher.utter_message(text=status_text(complaint))
            # The details are not kept, only that this conversation matched them: Stage 2 for
            # the same complaint is not checked again.
            events.append(SlotSet(KNOWN_REFERENCE, complaint.reference))
        if changed is not None:
            dispatcher.utter_message(text=changed)
        return events


def when_the_reply_was_due(tracker: Tracker, policy: Policy) -> str:
    """The Code's dates for a complaint the chat cannot find: for the day it was made, when the
    resident said it, and what to do when the answer is late."""
    today = received_at(tracker).astimezone(UK_TIME).date()
    said = [
        str(event.get("text") or "") for event in tracker.events if event.get("event") == "user"
    ][-STATUS_MESSAGES:]
    made_on = next(
        (day for text in reversed(said) if (day := day_told(text, today)) is not None), None
    )
    if made_on is not None:
        return reply_dates_line(made_on, today, get_app().cases.deadlines)
    stage_1 = policy.stages["stage_1"]
    return (
        f"We acknowledge a complaint within {stage_1.acknowledge_within} and send our answer "
        f"within {stage_1.respond_within} of that. If you have waited longer than that, our "
        "answer is late: you can ask for Stage 2 now, and you do not need to give a reason. Or "
        "ask to talk to a person, who can find your complaint."
    )
