"""Read the complaint definition back and let the resident correct any part (5.6, 5.7)."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.app import get_app
from actions.representatives import estate_told, power_of_attorney_told
from actions.turns import (
    LEFT_COMPLAINT,
    SUBMIT_COMPLAINT_ACTION,
    before_latest_message,
    earlier_messages,
    last_question,
)
from bot.contact_wishes import with_no_post
from bot.corrections import (
    NOT_ABOUT_AN_EARLIER_REQUEST,
    Correction,
    correction_for,
    correction_of,
)
from bot.definition import (
    ALSO,
    WAY_NOUNS,
    DraftDefinition,
    address_given,
    consent_on_the_phone,
    contact_details_in,
    held_details,
    is_a_letter,
    postal_address_in,
    resident_in,
    way_that_fits,
    ways_said,
    with_address,
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
    address = address_given(slot("resident_address")) or address_told(tracker)
    details = str(slot("contact_details") or "")
    if (
        is_a_letter(slot("contact_preference"))
        and address
        and details
        and postal_address_in(details) is None
    ):
        # A letter asked for goes to the address held: read back "by letter (22 Oakfield Road,
        # ...)", never "by email" (round 26 r26b-06 t7, r26b-05 t11).
        details = with_address(details, address)
    return DraftDefinition(
        aspects=as_agreed(tracker, slot("complaint_aspects") or ""),
        still_happening=slot("still_happening"),
        outcome=slot("outcome_sought") or "",
        representative=slot("representative_details")
        if slot("acting_for") == "someone_else"
        else None,
        contact_name=slot("contact_name") or "",
        # "no letters" said at any question is kept with the details (round 23).
        contact_details=with_no_post(details, earlier_messages(tracker)),
        contact_preference=way_that_fits(slot("contact_preference") or "", details),
        adjustments=None if adjustments in (None, "none") else adjustments_said(tracker),
        earlier_request=earlier_request_of(tracker),
        consent=slot("representative_consent") if slot("acting_for") == "someone_else" else None,
        power_of_attorney=slot("acting_for") == "someone_else" and power_of_attorney_told(tracker),
        estate=slot("acting_for") == "someone_else" and estate_told(tracker),
        consent_on_the_phone=any(map(consent_on_the_phone, earlier_messages(tracker))),
        address=address,
    ).without_the_resident()


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
    if not said or said[-1].get("text") not in asked:
        return None
    # Other lines may come between, such as the safety question beside it ("not quite. the
    # pipe is dripping into the cupboard" got "Is anyone in danger right now?" first).
    typed = next((e for e in reversed(said) if e.get("event") == "user"), None)
    if typed is None:
        return None
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
        # Nothing changed yet: the address typed next is put on it, then read back. A letter
        # asked for keeps the way asked (round 26 r26b-05 t11).
        dispatcher.utter_message(text=ADDRESS_ASKED)
        return [SlotSet(SLOT_OF[part], value) for part, value in correction.changes.items()]
    after = replace(draft, **shown_of(correction))
    if (
        correction.how in ("changed", "added")
        and "acting_for" not in correction.changes
        and after.read_back() == draft.read_back()
    ):
        # Nothing in the record changed: never "I've changed that" (round 24 r24b-03 t14, t15
        # were told so twice, with the record as it was). What could not be changed is said,
        # and a person offered.
        dispatcher.utter_message(text=NOT_CHANGED_LINE)
        dispatcher.utter_message(**read_back_message(draft))
        return [SlotSet(SLOT_OF[part], value) for part, value in correction.changes.items()]
    if correction.how == "removed":
        dispatcher.utter_message(text=REMOVED_LINE)
    elif correction.how == "unchanged":
        dispatcher.utter_message(text=ALREADY_SAYS)
    elif correction.how == "added" and part not in (None, "aspects"):
        # "added to what went wrong" would not be true of another part.
        dispatcher.utter_message(response=CHANGE_RESPONSES["changed"])
    else:
        dispatcher.utter_message(response=CHANGE_RESPONSES[correction.how])
    dispatcher.utter_message(**read_back_message(after))
    return [SlotSet(SLOT_OF[part], value) for part, value in correction.changes.items()]


def shown_of(correction: Correction) -> dict[str, Any]:
    """The draft's fields as the correction changes them."""
    return {
        part: None if value == NOT_ABOUT_AN_EARLIER_REQUEST else value
        for part, value in correction.changes.items()
        # Who is helping shows through the resident named, not a line of its own.
        if part != "acting_for"
    }


# Said when a correction left the record as it was (round 24 r24b-03 t14, t15).
NOT_CHANGED_LINE = (
    "Sorry, I could not make that change here, so the record below is as it was. You can tell "
    "me again in other words, or ask for a person and they will put it right before anything is "
    "logged."
)

# "you can't contact my mum", "do not contact margaret at all", "contact me only": the resident
# the helper acts for is not to be contacted.
NOT_THE_RESIDENT = re.compile(
    r"\b(?:don'?t|dont|do not|can'?t|cant|cannot|must not|mustn'?t|never|not to|no need to)\s+"
    r"(?:\w+\s+){0,2}?(?:contact|ring|call|phone|email|e-mail|text|write to|message)\s+"
    r"(?P<who>[\w']+(?:\s+[\w']+)?)"
    r"|\b(?:contact|ring|call|phone|email|text|write to)\s+(?:me|us)\s+only\b"
    r"|\bonly\s+(?:contact|ring|call|phone|email|text|write to)\s+(?:me|us)\b",
    re.IGNORECASE,
)
RESIDENT_WORDS = {
    "her", "him", "them", "mum", "mam", "mom", "mother", "dad", "father", "nan", "gran",
    "my", "the", "tenant", "resident", "client",
}  # fmt: skip


def without_the_resident_contact(
    typed: str, draft: DraftDefinition, correction: Correction
) -> Correction:
    """A correction that says the resident a helper acts for is not to be contacted ("you can't
    contact my mum, she has died. contact me only") takes out every wish to reach them, beside
    what else it changes (round 24 r24b-03 t14, t15 kept "We will also contact Margaret
    Whitlock")."""
    found = NOT_THE_RESIDENT.search(typed) if draft.representative else None
    if found is None:
        return correction
    resident = resident_in(draft.representative or "", draft.contact_name) or ""
    names = {w.lower() for w in re.findall(r"[A-Za-z']{2,}", resident.split(",")[0])}
    who = {w.lower() for w in (found.group("who") or "").split()}
    if found.group("who") is not None and not (who & (RESIDENT_WORDS | names)):
        return correction
    current = str(correction.changes.get("contact_details", draft.contact_details))
    main, *wishes = held_details(current)
    kept = [w for w in wishes if not (names and any(n in w.lower() for n in names))]
    if len(kept) == len(wishes):
        return correction
    changes = {**correction.changes, "contact_details": ALSO.join([main, *kept])}
    how = correction.how if correction.how in ("changed", "added", "removed") else "changed"
    return Correction(changes, how)


# The parts of a correction: "Please note: no phone calls in the daytime, I work nights".
PIECES = re.compile(r"(?<=[.!?;:])\s+|,\s*(?:and\s+)?|\s+and\s+")
# Why a time does not suit, said beside it: "I work nights", "as I'm on nights".
TIME_REASON = re.compile(
    r"^\W*(?:as|because|cos|coz|since|cause|bc)?\s*(?:i|we)\s*(?:'m|am|work|do|sleep|'re|are)\b"
    r"|^\W*(?:please note|note|you missed the other part|you missed (?:that|it|a bit))\W*$",
    re.IGNORECASE,
)
# A correction that also asks for something added elsewhere.
ALSO_ADDS = re.compile(r"\b(?:add|also|plus)\b", re.IGNORECASE)


def restriction_in(text: str) -> tuple[str, str] | None:
    """A way of contact ruled out for a time, with no new details: "no phone calls in the
    daytime", "dont ring me during the day" (the way, and the time)."""
    found = ways_said(text)
    if found.not_at is None or found.not_at_way is None or contact_details_in(text):
        return None
    return found.not_at_way, found.not_at.removeprefix("not ")


def with_contact_restriction(
    typed: str, draft: DraftDefinition, need_words: tuple[str, ...] = ()
) -> Correction:
    """A correction at the read-back, with a contact restriction in it kept with how we contact
    them, never added to what went wrong: "Please note: no phone calls in the daytime, I work
    nights" beside "by email" reads back "by email, no phone calls in the daytime" (round 24
    r24b-02 t12 dropped it, t13 put it in what went wrong). The rest of the message is read as
    any correction."""
    restriction = restriction_in(typed)
    if restriction is None:
        return correction_of(typed, draft, need_words)
    way, time = restriction
    rest = " ".join(
        piece.strip()
        for piece in PIECES.split(typed)
        if piece.strip()
        and restriction_in(piece) is None
        and not TIME_REASON.search(piece)
        and ways_said(piece).not_at is None
    )
    base = correction_of(rest, draft, need_words) if words(rest) else Correction({}, "changed")
    if base.how not in ("changed", "removed") and not (
        base.how == "added" and ALSO_ADDS.search(rest)
    ):
        base = Correction({}, "changed")
    held = str(base.changes.get("contact_preference", draft.contact_preference))
    kind = (held.split(",")[0].split() or [""])[0].lower() or way
    preference = f"{kind}, not {time}" if kind == way else f"{kind}, no {WAY_NOUNS[way]} {time}"
    return Correction({**base.changes, "contact_preference": preference}, base.how)
