"""A complaint reference asked for by the status and Stage 2 questions, and the answers that
say the resident does not have it ("I've lost it", "no idea"), so neither question loops."""

from __future__ import annotations

import re
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.turns import last_slot_value
from bot.answers import new_details_in
from bot.definition import contact_details_in, is_no
from bot.nlp.matches import first_reference

UNKNOWN = "unknown"
DONT_KNOW = (
    "don't know", "dont know", "don't have", "dont have", "dnt have", "no idea", "not sure",
    "lost", "misplaced", "can't find", "cant find", "cannot find", "haven't got", "havent got",
    "not got", "no ref", "no reference",
)  # fmt: skip


# The slot naming the complaint this conversation has shown it knows: logged here, or its
# reference and details matched here (status, Stage 2). Asking about it again needs no check.
KNOWN_REFERENCE = "complaint_reference"
# "I've lost the reference number though", "don't have the letter": said when asking.
LOST_REFERENCE = re.compile(
    r"\b(?:lost|misplaced|can'?t find|cannot find|don'?t have|do not have|haven'?t got|no)\b"
    r"[^.?!]{0,25}\b(?:ref|reference|number|letter)\b",
    re.IGNORECASE,
)


# A reference in another shape ("SH-2026-00412" from an old letter): not ours, so it is said
# plainly, and given again, or said to be the only one they have, it counts as not having ours
# (round 15 r15d-01 was asked for it bare, then looped).
OTHER_REFERENCE = re.compile(r"\b(?!cmp)[a-z]{1,5}[-/]?\d{2,4}[-/]\d{2,7}\b", re.IGNORECASE)
ONLY_ONE_THEY_HAVE = re.compile(
    r"\b(?:only|all)\s+(?:the\s+)?(?:number|ref|reference|one|thing)s?\s+(?:i|we|he|she)"
    r"(?:\s+(?:have|has|got)|'?ve\s+got)\b"
    r"|\bthat'?s?\s+(?:all|the one|the number|the ref|the reference)\s+(?:i|we)\b"
    r"|\b(?:just\s+)?(?:take|send|pass)\s+it\s+(?:further|on|up|higher)\b"
    r"|\b(?:on|off|from)\s+the\s+letter\b"
    r"|\bjust\s+gave\s+(?:it|you|u)\b",
    re.IGNORECASE,
)


def other_reference(text: str) -> str | None:
    """A reference-like code that is not one of our complaint references."""
    match = OTHER_REFERENCE.search(text)
    return match.group(0) if match and first_reference(text) is None else None


def other_reference_line(reference: str) -> str:
    return (
        f"{reference} is not one of our complaint references. Ours start with CMP, like "
        "CMP-2026-000123. If it is the only reference you have, just say so and a complaints "
        "officer will find your complaint."
    )


def reference_told(tracker: Tracker) -> str | None:
    """The reference the resident last typed in this conversation, else the one it knows."""
    for event in reversed(tracker.events):
        if event.get("event") == "user":
            reference = first_reference(str(event.get("text") or ""))
            if reference:
                return reference
    known = tracker.get_slot(KNOWN_REFERENCE)
    return str(known) if known else None


def given_before(tracker: Tracker, reference: str | None) -> bool:
    """Whether a reference was typed in an earlier message too (the latest is the last one)."""
    if not reference:
        return False
    said = [str(e.get("text") or "") for e in tracker.events if e.get("event") == "user"]
    return any(reference.lower() in text.lower() for text in said[:-1])


# The reference and the details to check it against, asked by the status and the Stage 2
# questions: answered at one, they are not asked again at the other.
REFERENCE_SLOTS = ("status_reference", "escalation_reference")
CHECK_SLOTS = ("status_check", "escalation_identity")


def answered_before(tracker: Tracker, slots: tuple[str, ...]) -> str | None:
    """The last answer this conversation gave to any of these questions, though the form that
    asked it has since cleared it."""
    return last_slot_value(tracker.events, slots)


def checked_before(tracker: Tracker, reference: str, slots: tuple[str, ...]) -> str | None:
    """The email or phone number typed at an earlier check of this same reference ("my email is
    ..." at the status question, which did not match): the Stage 2 question that follows does
    not ask for it again (round 23, left by conv23: the email was asked twice)."""
    held: str | None = None
    found: str | None = None
    for event in tracker.events:
        if event.get("event") != "slot" or not event.get("value"):
            continue
        if event.get("name") in REFERENCE_SLOTS:
            held = str(event.get("value"))
        elif event.get("name") in slots and held == reference:
            found = str(event.get("value"))
    return found


def known_complaint(tracker: Tracker, reference: str) -> bool:
    return bool(reference) and reference == tracker.get_slot(KNOWN_REFERENCE)


def not_given(text: str) -> bool:
    return text == UNKNOWN or is_no(text) or any(words in text.lower() for words in DONT_KNOW)


def _details_beside_reference(tracker: Tracker) -> str | None:
    """The email or phone number given in the same message as the reference ("CMP-2026-000012,
    my number is 07700 900123"), so the check is not asked for again."""
    text = str(tracker.latest_message.get("text") or "")
    return text if first_reference(text) and contact_details_in(text) else None


class ReferenceQuestions:
    """The reference, then the email or phone number to check it against, for a form that asks
    both (the status and Stage 2): a reference the resident does not have skips the check, and
    a number typed with the reference answers it."""

    reference_slot: str
    check_slot: str
    # Said when what was typed is not shaped like a reference.
    not_a_reference: str

    async def required_slots(
        self,
        domain_slots: list[str],
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: DomainDict,
    ) -> list[str]:
        """Without a reference there is nothing to check details against: a person finds it.
        A complaint this conversation already knows is not checked twice."""
        reference = tracker.get_slot(self.reference_slot)
        if reference == UNKNOWN or known_complaint(tracker, str(reference or "")):
            return [slot for slot in domain_slots if slot != self.check_slot]
        return domain_slots

    def reference_before_asking(
        self, tracker: Tracker, dispatcher: CollectingDispatcher | None = None
    ) -> dict[str, Any]:
        """When the question starts: the reference given earlier in the conversation is not
        asked for again, nor one the resident has just said they lost; one in another shape is
        said not to be ours before it is asked for."""
        asked = tracker.get_slot("requested_slot") in (self.reference_slot, self.check_slot)
        if asked or tracker.get_slot(self.reference_slot):
            return {}
        text = str(tracker.latest_message.get("text") or "")
        if first_reference(text) is None and LOST_REFERENCE.search(text):
            return {self.reference_slot: UNKNOWN}
        other = other_reference(text)
        if other and dispatcher is not None and reference_told(tracker) is None:
            dispatcher.utter_message(text=other_reference_line(other))
        reference = reference_told(tracker)
        other_form = tuple(slot for slot in REFERENCE_SLOTS if slot != self.reference_slot)
        if reference is None and answered_before(tracker, other_form) == UNKNOWN:
            # "i dont have the reference" said at the status question, then "i want stage 2
            # then": not asked for it again (round 23, left by conv23).
            return {self.reference_slot: UNKNOWN}
        return {self.reference_slot: reference} if reference else {}

    def check_before_asking(self, tracker: Tracker) -> dict[str, Any]:
        """When the check's question would start: the details typed at the other form's check
        of the same reference are used, not asked for again ("my email is ..." did not match at
        the status question, then "ok then i want stage 2": round 23, left by conv23)."""
        asked = tracker.get_slot("requested_slot") == self.check_slot
        reference = tracker.get_slot(self.reference_slot)
        if asked or tracker.get_slot(self.check_slot) or not reference or reference == UNKNOWN:
            return {}
        # Only the other form's: asked again for the same question ("what's happening with
        # complaint CMP-..." after details that did not match), the resident tries new details.
        other = tuple(slot for slot in CHECK_SLOTS if slot != self.check_slot)
        check = checked_before(tracker, str(reference), other)
        return {self.check_slot: check} if check else {}

    def read_check(self, value: Any, tracker: Tracker) -> dict[str, Any]:
        """The email or phone number to check against; "sorry wrong ref its CMP-2026-000008. my
        number is ..." replaces the reference too (round 7 r7b-13), and the check is asked again
        when the new reference came without details."""
        text = str(value or "").strip()
        reference = first_reference(text)
        if reference and reference != tracker.get_slot(self.reference_slot):
            check = text if contact_details_in(text) else None
            return {self.reference_slot: reference, self.check_slot: check}
        return {self.check_slot: UNKNOWN if not_given(text) else text}

    def read_reference(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker
    ) -> dict[str, Any]:
        """Only the form of the reference is checked here; whether it exists is never said."""
        text = str(value or "")
        if not_given(text):
            return {self.reference_slot: UNKNOWN}
        reference = first_reference(text)
        if reference is None and (
            ONLY_ONE_THEY_HAVE.search(text) or given_before(tracker, other_reference(text))
        ):
            # "thats the only number i have mate. just take it further please", or the same
            # "SH-2026-00412" again: they have no reference of ours, so an officer finds it.
            return {self.reference_slot: UNKNOWN}
        if reference is None:
            dispatcher.utter_message(response=self.not_a_reference)
        check = _details_beside_reference(tracker) if reference else None
        return {self.reference_slot: reference, **({self.check_slot: check} if check else {})}


def new_details_line(check: str, passed_on: bool) -> str | None:
    """What happens to new details typed with the old ones at the identity check ("It was my
    old number ... but I've got a new one now, 07700 900 392"): said back, and who puts them on
    the complaint (round 18 r18a-07 t2-t6, r18a-12 t2 never heard the new number was kept)."""
    new = new_details_in(check)
    if new is None:
        return None
    if passed_on:
        return f"The person who picks this up will see your new details, {new}, and will use them."
    return (
        f"To put your new details, {new}, on your complaint, a person needs to do it: just ask "
        "to talk to a person here."
    )
