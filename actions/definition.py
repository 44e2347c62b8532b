"""Read the complaint definition back and let the resident correct any part (5.6, 5.7)."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.app import get_app
from actions.representatives import power_of_attorney_told
from actions.turns import (
    LEFT_COMPLAINT,
    SUBMIT_COMPLAINT_ACTION,
    before_latest_message,
    earlier_messages,
    last_question,
)
from bot.contact_wishes import with_no_post
from bot.corrections import NOT_ABOUT_AN_EARLIER_REQUEST, Correction, correction_for
from bot.definition import (
    DraftDefinition,
    consent_on_the_phone,
    postal_address_in,
    way_that_fits,
    without_health_details,
)
from bot.replies import ADDRESS_ASKED, ALREADY_SAYS, REMOVED_LINE
from bot.text import words

READ_BACK_ACTION = "action_read_back_definition"

PART_SLOTS = {
    "aspects": ["complaint_aspects", "still_happening", "earlier_request"],
    "outcome": ["outcome_sought"],
    "who": ["acting_for", "representative_details", "representative_consent"],
    "contact": ["contact_name", "contact_details", "contact_preference", "resident_address"],
    "adjustments": ["adjustments_needed", "adjustment_ids", "adjustment_consent"],
}
# Everything the complaint form gathers, cleared when a resident leaves it.
COMPLAINT_SLOTS = [slot for slots in PART_SLOTS.values() for slot in slots]
# What is asked again when a part is chosen for changing: new words for what went wrong do not
# change whether it is still happening or the earlier job, which are kept (round 7).
ASKED_AGAIN = {
    **PART_SLOTS,
    "aspects": ["complaint_aspects"],
    "earlier_request": ["earlier_request"],
    # Parts a resident names that have no button of their own (bot.corrections.PART_NAMES).
    "helper": PART_SLOTS["who"],
    "still_happening": ["still_happening"],
}


def draft_from(tracker: Tracker) -> DraftDefinition:
    slot = tracker.get_slot
    adjustments = slot("adjustments_needed")
    return DraftDefinition(
        aspects=as_agreed(tracker, slot("complaint_aspects") or ""),
        still_happening=slot("still_happening"),
        outcome=slot("outcome_sought") or "",
        representative=slot("representative_details")
        if slot("acting_for") == "someone_else"
        else None,
        contact_name=slot("contact_name") or "",
        # "no letters" said at any question is kept with the details (round 23).
        contact_details=with_no_post(slot("contact_details") or "", earlier_messages(tracker)),
        contact_preference=way_that_fits(
            slot("contact_preference") or "", slot("contact_details") or ""
        ),
        adjustments=None if adjustments in (None, "none") else adjustments_said(tracker),
        earlier_request=earlier_request_of(tracker),
        consent=slot("representative_consent") if slot("acting_for") == "someone_else" else None,
        power_of_attorney=slot("acting_for") == "someone_else" and power_of_attorney_told(tracker),
        consent_on_the_phone=any(map(consent_on_the_phone, earlier_messages(tracker))),
        address=slot("resident_address") or address_told(tracker),
    )


def address_told(tracker: Tracker) -> str | None:
    """The address the resident last typed for this complaint, in any message or answer
    ("im the tenant, its my flat, 14 Larch Court", "Dean Okafor, 7 Birch House"): kept from the
    first message to the read-back (round 19: given in nearly every complaint, never read back).
    A complaint logged or left before it starts afresh."""
    found: str | None = None
    for event in tracker.applied_events():
        name = event.get("name") if event.get("event") == "action" else None
        if name == SUBMIT_COMPLAINT_ACTION or (
            (event.get("metadata") or {}).get("utter_action") == LEFT_COMPLAINT
        ):
            found = None
        elif event.get("event") == "user" and not str(event.get("text") or "").startswith("/"):
            found = postal_address_in(str(event.get("text") or "")) or found
    return found


def adjustments_said(tracker: Tracker) -> str:
    """What would help, as read back: a health condition or disability the resident did not
    want recorded is not read back as if it were (5.10), and what would help stays ("easy read
    for Colin, and contact me first" was read back as a placeholder, round 13 r13a-07)."""
    said = as_agreed(tracker, str(tracker.get_slot("adjustments_needed")))
    if tracker.get_slot("adjustment_consent") is False and not words(said):
        return "what would help, without the health details you asked us not to record"
    return said


def as_agreed(tracker: Tracker, text: str) -> str:
    """The words as they may be recorded: without the health details, where the resident did
    not agree to have them recorded."""
    if tracker.get_slot("adjustment_consent") is False:
        return without_health_details(text, get_app().policy.needs.values())
    return text


def earlier_request_of(tracker: Tracker) -> str | None:
    """The job number or description of the earlier request the complaint is about (1.5)."""
    answer = tracker.get_slot("earlier_request")
    return None if answer in (None, NOT_ABOUT_AN_EARLIER_REQUEST) else str(answer)


def read_back_message(draft: DraftDefinition) -> dict[str, Any]:
    return {
        "text": draft.read_back(),
        "buttons": [
            {"title": "Yes, that's right", "payload": "/affirm"},
            {"title": "No, change something", "payload": "/deny"},
        ],
    }


class ActionReadBackDefinition(Action):
    def name(self) -> str:
        return READ_BACK_ACTION

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        dispatcher.utter_message(**read_back_message(draft_from(tracker)))
        return [SlotSet("awaiting_confirmation", True)]


class ActionCorrectDefinition(Action):
    """Clear the part the resident wants to change, so the form asks for it again; or, when
    they had typed a correction that named no part, apply it to the part they chose."""

    def name(self) -> str:
        return "action_correct_definition"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        part = str(tracker.get_slot("definition_part"))
        typed = typed_before_which_part(tracker, domain)
        draft = draft_from(tracker)
        correction = correction_for(part, typed, draft) if typed else None
        if correction is not None:
            # Read back again at once: the part's question is not asked, so the rule's form
            # step is not taken.
            return [
                SlotSet("definition_part", None),
                SlotSet("awaiting_confirmation", True),
                *corrected(dispatcher, draft, correction, part),
                FollowupAction("action_listen"),
            ]
        slots = ASKED_AGAIN.get(part, ASKED_AGAIN["aspects"])
        return [
            SlotSet("awaiting_confirmation", False),
            SlotSet("definition_part", None),
            *(SlotSet(name, None) for name in slots),
        ]


WHICH_PART = "utter_which_part"


def asked_which_part(tracker: Tracker, domain: dict[str, Any]) -> bool:
    """Whether "Which part would you like to change?" is the question waiting."""
    question = last_question(tracker)
    asked = [r.get("text") for r in domain.get("responses", {}).get(WHICH_PART, [])]
    return question is not None and question["text"] in asked


def typed_before_which_part(tracker: Tracker, domain: dict[str, Any]) -> str | None:
    """The correction typed just before "Which part would you like to change?", when that
    question is what the resident's choice of part answers (round 7's left-over: the words
    were dropped and the part's question asked again)."""
    asked = [r.get("text") for r in domain.get("responses", {}).get(WHICH_PART, [])]
    latest = tracker.latest_message.get("text")
    # What was said before the latest message, which may have been re-read as the choice (its
    # first reading is skipped).
    said = [
        e
        for e in before_latest_message(tracker)
        if e.get("event") == "bot" or (e.get("event") == "user" and e.get("text") != latest)
    ]
    if len(said) < 2 or said[-1].get("text") not in asked or said[-2].get("event") != "user":
        return None
    typed = said[-2]
    text = str(typed.get("text") or "")
    intent = ((typed.get("parse_data") or {}).get("intent") or {}).get("name")
    # A plain "no" to the read-back asked the question; it is no correction.
    return None if text.startswith("/") or intent in ("deny", "affirm") else text


# Which slot holds each part of the draft definition a typed correction can change.
SLOT_OF = {
    "aspects": "complaint_aspects",
    "outcome": "outcome_sought",
    "contact_name": "contact_name",
    "contact_details": "contact_details",
    "contact_preference": "contact_preference",
    "earlier_request": "earlier_request",
    "representative": "representative_details",
    "consent": "representative_consent",
    "acting_for": "acting_for",
    "adjustments": "adjustments_needed",
    "still_happening": "still_happening",
    "address": "resident_address",
}
CHANGE_RESPONSES = {"changed": "utter_changed_definition", "added": "utter_added_to_definition"}


def corrected(
    dispatcher: CollectingDispatcher,
    draft: DraftDefinition,
    correction: Correction,
    part: str | None = None,
) -> list[EventType]:
    """Says what was done, reads the corrected definition back and sets what changed."""
    if correction.how == "address":
        # Nothing changed yet: the address typed next is put on it, then read back.
        dispatcher.utter_message(text=ADDRESS_ASKED)
        return []
    if correction.how == "removed":
        dispatcher.utter_message(text=REMOVED_LINE)
    elif correction.how == "unchanged":
        dispatcher.utter_message(text=ALREADY_SAYS)
    elif correction.how == "added" and part not in (None, "aspects"):
        # "added to what went wrong" would not be true of another part.
        dispatcher.utter_message(response=CHANGE_RESPONSES["changed"])
    else:
        dispatcher.utter_message(response=CHANGE_RESPONSES[correction.how])
    shown: dict[str, Any] = {
        part: None if value == NOT_ABOUT_AN_EARLIER_REQUEST else value
        for part, value in correction.changes.items()
        # Who is helping shows through the resident named, not a line of its own.
        if part != "acting_for"
    }
    dispatcher.utter_message(**read_back_message(replace(draft, **shown)))
    return [SlotSet(SLOT_OF[part], value) for part, value in correction.changes.items()]
