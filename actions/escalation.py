"""Stage 2 on request (Code 6.10-6.14): the reference and the email or phone number given with
the complaint are asked for, never a reason.

The same identity check as the status (`CaseStore.identify`), so a guessed reference moves
nothing and says nothing about whether it exists; without both details an officer finds the
complaint. What a request comes to (opened, already at Stage 2, or stays at Stage 1 until
answered or late) is the case store's one decision (`CaseStore.escalate`), which the console
calls too.
"""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.forms import FormValidationAction
from rasa_sdk.types import DomainDict

from actions.app import get_app
from actions.handoff import hand_over
from actions.references import (
    KNOWN_REFERENCE,
    UNKNOWN,
    ReferenceQuestions,
    known_complaint,
    new_details_line,
)
from actions.turns import (
    STAGE_2_SUBMIT,
    channel_of,
    details_held,
    received_at,
    stage_2_asked,
    turn_key,
)
from bot.casestore.domain import Complaint
from bot.replies import (
    NO_STAGE_2_LINE,
    STAGE_2_TAKEN_BACK_LINE,
    STAGE_2_WHO_LINE,
    escalation_lines,
    ombudsman_line,
    stage_2_for_an_officer,
    stage_2_for_an_officer_to_check,
    stage_2_undo_lines,
)
from bot.triage.safety import WITH_PERSON_SLOT

# What staff see beside a conversation waiting for them after an unmatched Stage 2 request.
STAGE_2_TO_MATCH = "Stage 2 request: find the complaint (the details given did not match one)"
# ... and after a request repeated for a complaint whose record shows no Stage 1 answer yet.
STAGE_2_TO_CHECK = (
    "Stage 2 asked for again: the record shows no Stage 1 answer yet; check whether one was given"
)


class ValidateEscalationForm(ReferenceQuestions, FormValidationAction):
    reference_slot = "escalation_reference"
    check_slot = "escalation_identity"
    not_a_reference = "utter_reference_not_found"

    def name(self) -> str:
        return "validate_escalation_form"

    def validate_escalation_identity(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        """Kept as given: it is checked once, with the reference, when the request is made."""
        return self.read_check(value, tracker)

    async def extract_escalation_reference(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        return self.reference_before_asking(tracker, dispatcher)

    async def extract_escalation_identity(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        return self.check_before_asking(tracker)

    def validate_escalation_reference(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        return self.read_reference(value, dispatcher, tracker)


class ActionSubmitEscalation(Action):
    def name(self) -> str:
        return STAGE_2_SUBMIT

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        app = get_app()
        reference = str(tracker.get_slot("escalation_reference") or UNKNOWN)
        answer = str(tracker.get_slot("escalation_identity") or UNKNOWN)
        if known_complaint(tracker, reference):
            details_given, found = True, app.cases.complaint(reference)
        else:
            details_given = UNKNOWN not in (reference, answer)
            found = app.cases.identify(reference, answer) if details_given else None
        channel = channel_of(tracker)
        handed_over: list[EventType] = []
        if found is None:
            # An officer must find the complaint: the conversation waits in the staff queue
            # with its reference and details, rather than in a log nobody reads (round 11).
            app.cases.record_unmatched_escalation(tracker.sender_id, channel)
            dispatcher.utter_message(text=stage_2_for_an_officer(app.policy, details_given))
            if not tracker.get_slot(WITH_PERSON_SLOT):
                handed_over = hand_over(dispatcher, tracker, STAGE_2_TO_MATCH)
            if not details_held(tracker):
                dispatcher.utter_message(text=STAGE_2_WHO_LINE)
        else:
            escalation = app.cases.escalate(
                found,
                handover_key=turn_key(tracker, "stage_2"),
                channel=channel,
                received_at=received_at(tracker),
                words=str(tracker.get_slot("triaged_text") or ""),
            )
            if escalation.stage_2 is None and stage_2_asked(tracker):
                # Asked again after hearing it is still at Stage 1: staff decide.
                dispatcher.utter_message(text=stage_2_for_an_officer_to_check(app.policy, found))
                if not tracker.get_slot(WITH_PERSON_SLOT):
                    handed_over = hand_over(dispatcher, tracker, STAGE_2_TO_CHECK)
            else:
                for line in escalation_lines(escalation):
                    dispatcher.utter_message(text=line)
        changed = new_details_line(
            answer, bool(handed_over) or bool(tracker.get_slot(WITH_PERSON_SLOT))
        )
        if changed is not None:
            dispatcher.utter_message(text=changed)
        dispatcher.utter_message(text=ombudsman_line(app.policy))
        known = [SlotSet(KNOWN_REFERENCE, found.reference)] if found is not None else []
        return [
            SlotSet("escalation_reference", None),
            SlotSet("escalation_identity", None),
            *known,
            *handed_over,
        ]


# The handovers a Stage 2 request made, which taking it back takes back too.
STAGE_2_HANDOVERS = (STAGE_2_TO_MATCH, STAGE_2_TO_CHECK)
PERSON_BUTTON = [{"title": "Talk to a person", "payload": "/request_human"}]


def stage_2_here(tracker: Tracker) -> Complaint | None:
    """The Stage 2 of the complaint this conversation matched, if it went to Stage 2."""
    reference = tracker.get_slot(KNOWN_REFERENCE)
    cases = get_app().cases
    stage_1 = cases.complaint(str(reference)) if reference else None
    return cases.stage_2_of(stage_1) if stage_1 is not None else None


def take_back_stage_2(dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType]:
    """A Stage 2 request taken back in the resident's words, at any point of its questions or
    just after it was passed on ("wait i didnt ask for stage 2 yet", "no!! dont move it to stage
    2", "i do NOT want stage 2. take it back" were read as the contact answer or met with "I have
    passed your request on", round 26 r26b-07 t3-t5, r26b-01 t5): nothing is sent, and that is
    said plainly. Passed on already, the officer's handover is taken back with it, unless a
    danger told in the chat still needs staff; opened already, a person can put it back."""
    app = get_app()
    stage_2 = stage_2_here(tracker)
    if stage_2 is not None:
        for line in stage_2_undo_lines(app.policy, stage_2):
            dispatcher.utter_message(text=line, buttons=PERSON_BUTTON)
        return [FollowupAction("action_listen")]
    handoff = app.cases.open_handoff(tracker.sender_id)
    if handoff is None or handoff.reason not in STAGE_2_HANDOVERS:
        # Taken back already, it is said the same way again: "i do NOT want stage 2. take it
        # back" just after "I have taken back your Stage 2 request" is not told none was sent.
        taken_back = last_said_of(tracker, (STAGE_2_TAKEN_BACK_LINE, NO_STAGE_2_LINE))
        dispatcher.utter_message(text=taken_back or NO_STAGE_2_LINE)
        return [FollowupAction("action_listen")]
    from actions.safety import routes_not_taken_back  # actions.safety imports actions.handoff

    dangers = [c for c in routes_not_taken_back(tracker) if app.policy.urgency[c].to_a_person]
    dispatcher.utter_message(text=STAGE_2_TAKEN_BACK_LINE)
    if not dangers and app.cases.withdraw_handoff(tracker.sender_id):
        return [SlotSet(WITH_PERSON_SLOT, False), FollowupAction("action_listen")]
    if handoff.status == "waiting":
        dispatcher.utter_message(text=STILL_READS_LINE)
    return [FollowupAction("action_listen")]


STILL_READS_LINE = "A member of our team will still read this conversation."


def last_said_of(tracker: Tracker, lines: tuple[str, ...]) -> str | None:
    """Which of `lines` the assistant said last since the last Stage 2 request, if any."""
    said: str | None = None
    for event in tracker.events:
        if event.get("event") == "action" and event.get("name") == "action_submit_escalation":
            said = None
        elif event.get("event") == "bot" and event.get("text") in lines:
            said = str(event.get("text"))
    return said
