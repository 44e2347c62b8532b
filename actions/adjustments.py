"""Reasonable adjustments (Code 5.10): asked in every complaint, and offered on their own
whenever a need is disclosed. A disclosed health condition or disability is recorded only with
the resident's explicit consent."""

from __future__ import annotations

import re
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.forms import FormValidationAction
from rasa_sdk.types import DomainDict

from actions.app import get_app
from actions.turns import part_asked_again
from bot.answers import YES_NO_SLOTS, consent_to_record, more_than_yes, refuses_recording
from bot.casestore.domain import Adjustment
from bot.casestore.services import CaseStore
from bot.definition import (
    contact_preference,
    contact_time_told,
    is_no,
    says_only_how_to_contact,
    without_contact_details,
)
from bot.fits import elsewhere
from bot.nlp.matches import RuleMatches
from bot.replies import NO_ADJUSTMENTS_LINE, adjustments_noted_line
from bot.text import capitalised, words
from bot.told import without_chat, without_protest

NONE_NEEDED = "none"
# "No thank you, my English is ok for writing", "nothing else needed", Arabic "no thanks": a
# sentence saying nothing is needed (round 6 r6a-02, round 8 r8c-10, r8c-34).
NOTHING_NEEDED = re.compile(
    r"\s*(?:(?:no|nope|nah|nie|nu|maya|nahi|n\u00e3o|\u0644\u0627|\u0646\u06c1\u06cc\u06ba|"
    r"\u09a8\u09be)\b[\s,.!]*"
    # "no adjustments. ive told him to get out" (round 14 r14c-20 stored it as what would help).
    r"(?:thank(?:s| you)|nothing|i'?m (?:fine|ok|okay)|all good|not really|that'?s fine|"
    r"(?:adjustments?|needs?|help|changes)(?:\s+(?:needed|required|thanks|thank you))?|"
    r"i'?m all right|(?:thx|ta|cheers|dzi\w*|mul\w*|mahadsanid|obrigad\w*|\u0634\u0643\u0631\u0627|"
    r"\u0634\u06a9\u0631\u06cc\u06c1|\u09a7\u09a8\u09cd\u09af\u09ac\u09be\u09a6)?[\s,.!]*$)"
    r"|(?:nothing|none)(?:\s+(?:else|at all|more))?(?:\s+(?:needed|thanks|thank you))?[\s,.!]*$)"
    # "nahi, english theek hai writing mein", "no, my english is fine for letters": a no with
    # what is fine as it is (round 13 r13c-04 stored it as what would help).
    r"|\s*(?:no|nope|nah|nie|nu|maya|nahi|nahin|n\u00e3o)\b[\s,.!]*(?:[\w']+\s+){0,3}"
    r"(?:is\s+|are\s+)?(?:fine|ok|okay|good|all right|alright|theek|thik)\b"
    # "no I dont think so. whats stage 2 by the way" (round 23 r23b-07 t8 stored "no I dont
    # think so." as what would help); "I don't need anything, thanks"; "not that I know of".
    r"|\s*(?:(?:no|nope|nah)\b[\s,.!]*)?(?:i\s+|we\s+|she\s+|he\s+)?"
    r"(?:don'?t|dont|do not|doesn'?t|doesnt|does not)\s+(?:really\s+)?"
    r"(?:think so|need anything(?:\s+(?:else|extra|special|like that))?"
    r"|need any(?:\s+(?:help|adjustments?|extra help))?)"
    r"(?:[\s,]*(?:thanks|thank you|ta|cheers))?[\s,.!]*$"
    r"|\s*(?:(?:no|nope|nah)\b[\s,.!]*)?not\s+(?:that\s+i\s+(?:know|can think)\s+of|at the moment"
    r"|right now|for now)(?:[\s,]*(?:thanks|thank you|ta|cheers))?[\s,.!]*$",
    re.IGNORECASE,
)
OFFER = "adjustments_pending"
# "no thanks, but large print would help": a need after all.
NEED_AFTER_ALL = re.compile(
    r"\b(?:but|except|although|though|however|only|would help|could you|can you|please|pls"
    # "no. well actually yes i need more time to get to the door" (round 16 r16a-04 t11).
    r"|actually|on second thoughts?|come to think of it|thinking about it|wait)\b",
    re.IGNORECASE,
)


def declines(text: str, needs_named: bool) -> bool:
    """A no to "is there anything that would help?" in any sentence of the answer ("ok switched
    it off at the fuse box. no nothing else needed"), unless a need is named after it ("no
    thanks, but large print would help")."""
    sentences = re.split(r"(?<=[.!?\n])\s+", text.strip())
    said_no = any(NOTHING_NEEDED.match(sentence) or is_no(sentence) for sentence in sentences)
    return said_no and not (needs_named and NEED_AFTER_ALL.search(text))


def matches_in(tracker: Tracker) -> RuleMatches:
    """What the policy rules found in the answer just given."""
    return RuleMatches.from_entities(tracker.latest_message.get("entities", []))


# The need policy_rules/adjustments.yml names for a way to contact ("dont ring", "text only").
WAY_TO_CONTACT_NEED = "contact_preference"
# The needs named, kept beside what would help in the resident's words.
NEEDS_SLOT = "adjustment_ids"
# The adjustment questions themselves, where a need is the answer.
ADJUSTMENT_SLOTS = ("adjustments_needed", "adjustment_consent")


def needs_told_beside(tracker: Tracker) -> dict[str, Any]:
    """A need told at another question ("07700 900123, needs Bengali interpreter for any call",
    "Arabic interpreter for all calls; has COPD" at the name question): kept as what would help,
    in the words of the clauses that tell it, with the needs they name, so it is neither lost
    nor taken as the answer to that question (round 10 r10c-06, r10c-24)."""
    text = str(tracker.latest_message.get("text") or "")
    asking = tracker.get_slot("requested_slot")
    if text.startswith("/") or asking is None or asking in ADJUSTMENT_SLOTS:
        return {}
    if part_asked_again(tracker):
        # "cust applied for a transfer on medical grounds (knees)", given as the new account of
        # what went wrong, changes only that (round 25 r25b-05 t14).
        return {}
    told = needs_in(tracker, text, tracker.latest_message.get("entities") or [])
    held = str(tracker.get_slot("adjustments_needed") or "")
    if not told or held in ("", NONE_NEEDED):
        return told
    if told["adjustments_needed"].lower() in held.lower():
        return {}
    # "phone please, and I need arabic interpreter" after "my English is little" was kept from
    # the first message: added to it, not dropped (round 16 r16a-07 t8).
    return {**told, "adjustments_needed": f"{held}; {told['adjustments_needed']}"}


def needs_in(tracker: Tracker, text: str, entities: list[dict[str, Any]]) -> dict[str, Any]:
    """What would help, in the words of the clauses of `text` that name a need, with the needs
    named (added to those told before); empty when none is named."""
    needs = [
        entity
        for entity in entities
        if entity.get("entity") == "adjustment"
        and "start" in entity
        # "txt me dont ring" is the way to contact them, which the form asks and keeps itself.
        and entity.get("value") != WAY_TO_CONTACT_NEED
    ]
    if refuses_recording(text):
        # "I'm a bit hard of hearing, but I don't want that on any file": a disability the
        # resident will not have recorded is not kept (round 12 r12a-16 read it back).
        needs = [e for e in needs if not special_category([str(e["value"])])]
    if not needs:
        return {}
    told = [
        clause.strip()
        for clause, start in clauses_with_starts(text)
        if any(start <= int(e["start"]) < start + len(clause) for e in needs)
    ]
    said = without_contact_details(", ".join(told)).strip(" ,;")
    if not said:
        return {}
    earlier = list(tracker.get_slot("adjustment_ids") or [])
    return {
        "adjustments_needed": said,
        "adjustment_ids": list(dict.fromkeys([*earlier, *(str(e["value"]) for e in needs)])),
    }


def needs_told_before(tracker: Tracker) -> list[EventType]:
    """A need told before the complaint began ("please somali interpreter when you call" when
    a request was noted, "needs romanian interp for callback"), not yet noted and not a health
    condition or disability: kept as what would help, so the form does not ask for it again
    (round 15 r15c-05 t9, r15c-10 t9)."""
    if tracker.get_slot("adjustments_needed"):
        return []
    for event in reversed(tracker.applied_events()):
        text = str(event.get("text") or "")
        if event.get("event") != "user" or text.startswith("/"):
            continue
        entities = (event.get("parse_data") or {}).get("entities") or []
        # A health condition or disability told is offered with the consent question, as ever.
        plain = [e for e in entities if not special_category([str(e.get("value"))])]
        told = needs_in(tracker, text, plain)
        if told:
            return [SlotSet(slot, value) for slot, value in told.items()]
    return []


def clauses_with_starts(text: str) -> list[tuple[str, int]]:
    """The message's clauses (cut at commas and sentence ends), each with where it starts."""
    found, start = [], 0
    for piece in re.split(r"([,.;!?\n]+)", text):
        if piece and not re.fullmatch(r"[,.;!?\n]+", piece):
            found.append((piece, start))
        start += len(piece)
    return found


def answered_now(tracker: Tracker, slot: str) -> bool:
    """True when the resident has just answered this slot's question. When a form restarts after
    a correction, Rasa validates the answers already given again: those are kept as they are."""
    return tracker.get_slot("requested_slot") == slot


def answer_elsewhere(tracker: Tracker, slot: str, text: str) -> dict[str, Any] | None:
    """For an answer just typed at `slot` that plainly answers other questions (bot.fits):
    `slot` emptied, so it is asked again, and the other questions given the answer where they
    have none yet. None when the answer fits."""
    if not answered_now(tracker, slot):
        return None
    other = elsewhere(slot, text)
    if other is None:
        return None
    moved = {s: v for s, v in other.items() if tracker.get_slot(s) is None}
    if (
        other
        and not moved
        and slot not in YES_NO_SLOTS
        and set(other) <= set(YES_NO_SLOTS)
        and len(text.split()) > SHORT_ANSWER_WORDS
    ):
        # More than a yes or no already held: "clean the stairs every week" (which also says
        # it goes on) is this question's answer, not asked for forever (round 12 replay: the
        # outcome question looped); "yes still" is asked about again.
        return None
    return {slot: None, **moved}


# Words enough for an answer of its own rather than a yes or no said again.
SHORT_ANSWER_WORDS = 3


def special_category(need_ids: list[str]) -> bool:
    needs = get_app().policy.needs
    return any(needs[n].special_category for n in need_ids if n in needs)


def adjustments_from_slots(tracker: Tracker, cases: CaseStore) -> tuple[Adjustment, ...]:
    """The adjustments the resident asked for, each with its review date."""
    if tracker.get_slot("adjustments_needed") in (None, NONE_NEEDED):
        return ()
    consent = bool(tracker.get_slot("adjustment_consent"))
    needs = get_app().policy.needs
    return tuple(
        cases.adjustment(
            need_id,
            tracker.get_slot("adjustments_needed"),
            disability=need_id in needs and needs[need_id].special_category,
            consent=consent,
        )
        for need_id in (tracker.get_slot("adjustment_ids") or [])
    )


def needs_given(tracker: Tracker) -> list[EventType]:
    """A yes to "shall we note what would help?" that says what ("yes I'm deaf so text only
    pls"): kept in the resident's words with the needs it names, so the form asks only for
    consent, where a disability was told and consent was not given with it."""
    text = str(tracker.latest_message.get("text") or "").strip()
    if not more_than_yes(text):
        return []
    needs = list(matches_in(tracker).adjustments) or tracker.get_slot("adjustment_ids") or ["other"]
    events: list[EventType] = [
        SlotSet("adjustments_needed", text),
        SlotSet("adjustment_ids", needs),
    ]
    if consent_to_record(text):
        events.append(SlotSet("adjustment_consent", True))
    return events


# "don't record the anxiety itself, just that he shouldn't be phoned directly", "no, only put
# that she needs letters": what may be noted, after a no to recording the condition.
RECORD_ONLY = re.compile(
    r"\b(?:just|only|but(?: (?:please|pls))?(?: (?:note|put|record|say|write))?)\s+"
    r"(?:(?:note|put|record|say|write)\s+)?(?:down\s+)?that\s+(?P<what>\S.*)$",
    re.IGNORECASE | re.DOTALL,
)


def noted_instead(tracker: Tracker, consent: Any) -> dict[str, Any]:
    """A no to recording a health condition that says what to note instead ("I'd rather you
    didn't record the anxiety itself, just that he shouldn't be phoned directly"): that is what
    would help, in their words, never a placeholder (round 25 r25b-14 t9). Empty otherwise."""
    typed = str(tracker.latest_message.get("text") or "")
    if consent is not False or not answered_now(tracker, "adjustment_consent"):
        return {}
    instead = RECORD_ONLY.search(typed)
    if instead is None or not words(instead.group("what")):
        return {}
    return {"adjustments_needed": capitalised(instead.group("what").strip(" .,;!"))}


class AdjustmentQuestions:
    """The two adjustment questions, shared by the complaint form and the adjustments form."""

    @staticmethod
    def skipped_adjustment_slots(tracker: Tracker) -> set[str]:
        """Consent is asked only when a health condition or disability was disclosed."""
        return (
            set()
            if special_category(tracker.get_slot("adjustment_ids") or [])
            else {"adjustment_consent"}
        )

    def validate_adjustment_consent(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        return {"adjustment_consent": value, **noted_instead(tracker, value)}

    def validate_adjustments_needed(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        if not answered_now(tracker, "adjustments_needed"):
            return {"adjustments_needed": value}
        text = str(value or "").strip()
        when = contact_time_told(text)
        # "dont ring after 6" names the way to contact as a need too: the time is all it says.
        needs = [n for n in matches_in(tracker).adjustments if n != WAY_TO_CONTACT_NEED]
        held = str(tracker.get_slot("contact_preference") or "")
        if when is not None and not needs and held and not held.startswith(("phone", "call")):
            # "email me ... dont ring before 2pm if anyone does ring": the way chosen stays; the
            # time is for a call, if one is made (round 18 r18a-06 t6 turned email into phone).
            return {
                "adjustments_needed": NONE_NEEDED,
                "adjustment_ids": [],
                "contact_preference": f"{held}, calls {when.removeprefix('phone, ')}",
            }
        if when is not None and not needs:
            # "Please call after 5pm as I work, otherwise no": when to call them, and nothing
            # else would help (round 9 r9a-15 dropped the time).
            return {
                "adjustments_needed": NONE_NEEDED,
                "adjustment_ids": [],
                "contact_preference": when,
            }
        way = contact_preference(text)
        disclosed_before = tracker.get_slot(NEEDS_SLOT)
        if way is not None and not (needs or disclosed_before) and says_only_how_to_contact(text):
            # "please contact me by email not phone": how to contact them, not a need (with a
            # need told before, "text me before visits" is what would help with it).
            return {
                "adjustments_needed": NONE_NEEDED,
                "adjustment_ids": [],
                "contact_preference": way,
            }
        # "No thank you, my English is ok": the need the words name is the one declined.
        declined = declines(text, bool(matches_in(tracker).adjustments))
        if tracker.get_intent_of_latest_message() == "deny" or declined:
            return {"adjustments_needed": NONE_NEEDED, "adjustment_ids": []}
        # Needs named in the answer; else those disclosed earlier; else the resident's own words.
        disclosed = tracker.get_slot("adjustment_ids") or []
        # "Mum is hard of hearing ... and she's fine with you noting that": consent given;
        # "... but don't put that on file": refused, and never asked again (round 12 r12a-16).
        consent = (
            {"adjustment_consent": False}
            if refuses_recording(text)
            else {"adjustment_consent": True}
            if consent_to_record(text)
            else {}
        )
        return {
            # "I told you - no phone calls, because of her anxiety": what would help, not the
            # protest (round 16 r16b-06 t10).
            # Nor a sentence about the assistant ("I don't know why you have sent me a domestic
            # abuse number", round 18 r18a-03 t10).
            "adjustments_needed": without_protest(without_chat(text)),
            "adjustment_ids": list(matches_in(tracker).adjustments) or disclosed or ["other"],
            **consent,
        }


class ValidateAdjustmentsForm(AdjustmentQuestions, FormValidationAction):
    def name(self) -> str:
        return "validate_adjustments_form"

    async def required_slots(
        self,
        domain_slots: list[str],
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: DomainDict,
    ) -> list[str]:
        skipped = self.skipped_adjustment_slots(tracker)
        return [slot for slot in domain_slots if slot not in skipped]


def needs_kept(tracker: Tracker, validated: list[EventType]) -> list[EventType]:
    """The needs told beside another answer (needs_told_beside), kept with what would help: the
    SDK returns only the form's own slots from validation, so they were lost (round 12
    r12a-16, and the interpreter asked for at the contact question, round 14 r14c-01)."""
    told = tracker.slots_to_validate()
    returned = {e.get("name") for e in validated}
    return [
        SlotSet(slot, told[slot])
        for slot in ("adjustments_needed", NEEDS_SLOT)
        if slot in told and slot not in returned
    ]


def record_adjustments(dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType]:
    """Records what was agreed against the contact, or says nothing is noted, and ends the
    offer."""
    app = get_app()
    adjustments = adjustments_from_slots(tracker, app.cases)
    contact_id = tracker.get_slot("contact_id")
    if adjustments and contact_id is not None:
        app.cases.agree_adjustments(int(contact_id), adjustments)
        # "Each time" needs to know who they are: a chat with no contact details cannot.
        known = bool(tracker.get_slot("contact_details"))
        dispatcher.utter_message(text=adjustments_noted_line(adjustments[0].review_due, known))
    else:
        dispatcher.utter_message(text=NO_ADJUSTMENTS_LINE)
    return [
        SlotSet(OFFER, False),
        SlotSet("adjustments_needed", None),
        SlotSet(NEEDS_SLOT, None),
        SlotSet("adjustment_consent", None),
    ]


def record_or_offer_adjustments(
    dispatcher: CollectingDispatcher, tracker: Tracker
) -> list[EventType]:
    """A need asked for in words beside an answer ("phone call, interpreter please") is
    recorded at once: asking "shall we note what would help?" after it was said is asking
    twice. A health condition or disability still waits for consent, so it is offered."""
    needs = tracker.get_slot(NEEDS_SLOT) or []
    # "can you put the dialysis on his file": asked to note it, consent was given then, and is
    # not asked for again (round 22, the lead's replay of r22a-02).
    consented = tracker.get_slot("adjustment_consent") is True
    if tracker.get_slot("adjustments_needed") and (consented or not special_category(needs)):
        return record_adjustments(dispatcher, tracker)
    dispatcher.utter_message(response="utter_offer_adjustments")
    return [SlotSet(OFFER, True)]


class ActionRecordAdjustments(Action):
    """Records what was agreed against the contact, or notes that nothing was wanted."""

    def name(self) -> str:
        return "action_record_adjustments"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        return record_adjustments(dispatcher, tracker)
