"""How to reach the resident, asked by the complaint form and after a service request: answers
typed in sentences ("it's Ayesha Khan", "my email is ...", "07700 900456 txt me dont ring")."""

from __future__ import annotations

import re
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.adjustments import answered_now
from actions.condolences import condolences_once
from actions.turns import (
    another_questions_title,
    before_latest_message,
    button_title,
    earlier_messages,
)
from bot.contact_wishes import split_contact
from bot.corrections import same_person
from bot.definition import (
    ADDRESS_NOT_GIVEN,
    ALSO,
    address_after_a_name,
    address_in_an_answer,
    contact_details_in,
    contact_preference,
    contact_time_in,
    introduced_name,
    is_organisation,
    name_in,
    number_chosen,
    only_a_name,
    own_and_others_details,
    phone_in,
    phone_typed_wrong,
    postal_address_in,
    preference_beside_details,
    resident_in,
    without_contact_details,
    written_names,
)
from bot.names_corrected import NAMED_RESIDENT, RESIDENT
from bot.replies import (
    ADDRESS_DECLINED_LINE,
    ADDRESS_NOT_READ,
    WHY_ADDRESS,
    WHY_CONTACT_DETAILS,
    asks_why_needed,
    phone_typed_wrong_line,
)
from bot.text import words
from bot.told import (
    ALREADY_TOLD,
    TENANT_IS_ANOTHER,
    address_told_beside,
    contact_name_beside_details,
    name_clause_in,
    outcome_told,
    own_name_in,
    resident_own_name,
    tenant_is_another,
)


def contact_already_told(tracker: Tracker) -> list[EventType]:
    """A name, contact details and how to use them that the conversation has already given
    ("I'm Dev, 07700 900221", "prefers phone 01632 960111"), so a form does not ask for them
    again."""
    events: list[EventType] = []
    named = bool(tracker.get_slot("contact_name"))
    for text in earlier_messages(tracker):
        name = introduced_name(text) or signed_name(text) or tenant_named(text)
        details = contact_details_in(text)
        if name and not is_organisation(name):
            # "a support worker from Northside Support": the organisation is nobody's name.
            events.append(SlotSet("contact_name", name))
            named = True
        if details:
            events.append(SlotSet("contact_details", details))
            preference = preference_with_details(text)
            if preference:
                events.append(SlotSet("contact_preference", preference))
    helper = helper_name_held(tracker)
    if not named and helper:
        # "What is your name, and how do you know the person?" "Lisa Marsh": the helper we
        # contact is not asked their name again (round 22 r22b-08 t5).
        events.append(SlotSet("contact_name", helper))
    return events


def helper_name_held(tracker: Tracker) -> str | None:
    """The name a helper gave for themself when they said they act for the resident, without the
    relationship written beside it ("Lisa Marsh, her daughter")."""
    if tracker.get_slot("acting_for") == "resident":
        return None
    held = str(tracker.get_slot("representative_name") or "").split(",")[0].strip()
    name = name_in(held) if held else None
    return name if name and not is_organisation(name) else None


# A call handler naming the tenant they are typing for: "T is Shanice Okafor 07700 900233", "T =
# Mr Femi Okafor", "tenant's name is Joy Adebayo" (round 20 r20a-02 t4: the callback was logged
# with the number and no name, and "whose name is it under?" could not be answered).
TENANT_NAMED = re.compile(
    r"(?:^|[\s,.;(-])(?:T|[Tt]enant|[Cc]aller|[Rr]esident)(?:'?s name| name)?\s*(?:is|=|:)\s+"
    r"(?P<name>(?:(?:Mr|Mrs|Ms|Miss|Dr)\.?\s+)?[A-Z][a-z'-]+(?:\s+[A-Z][a-z'-]+){1,2})\b"
)


def tenant_named(text: str) -> str | None:
    """The tenant's name as a call handler types it beside what they report."""
    found = TENANT_NAMED.search(text)
    if found is None or is_organisation(found.group("name")):
        return None
    return found.group("name")


def signed_name(text: str) -> str | None:
    """A name written as a sentence of its own with the writer's address and number, as a
    message is signed: "... this is my complaint now. Gary Mills 31 Ash Grove 07700 900777"
    (round 16 r16b-07 t7 was asked for the name). Not a name inside a sentence ("my neighbour
    Pete Smith said ring you, my number ...")."""
    for sentence in re.split(r"(?<=[.!?\n])\s+", text):
        if contact_details_in(sentence) is None:
            continue
        rest = without_contact_details(sentence)
        address = postal_address_in(rest)
        rest = rest.replace(address, " ") if address else rest
        if only_a_name(rest) and not is_organisation(rest.strip(" .,!")):
            return rest.strip(" .,!")
    return None


# "write to me at 5 Holly Lane", "send letters to", "my address is": where a letter goes.
WRITE_TO_ME = re.compile(
    r"\b(?:write|send (?:it|them|letters?|post)|post (?:it|them))\s+(?:to\s+)?(?:me\s+)?(?:at|to)\b"
    r"|\b(?:my|her|his|postal|home) address(?: is)?\b",
    re.IGNORECASE,
)


def helper_not_resident(tracker: Tracker, text: str, name: str | None) -> str | None:
    """The helper's own name, not the resident's they name beside it: "Eleanor Finch, please
    correspond with me ... not with Mr Nowak", "Maya Pereira (support worker). The tenant is
    Leanne Marsh" (round 15 r15d-06, r15a-05, r15d-09 read the resident back as the helper)."""
    if name is None or tracker.get_slot("acting_for") != "someone_else":
        return name
    held = str(tracker.get_slot("representative_details") or "").split(",")[0]
    named = [
        m.group("name") for pattern in (RESIDENT, NAMED_RESIDENT) for m in pattern.finditer(text)
    ]
    residents = [resident for resident in (held, *named) if words(resident)]
    if not any(same_person(name, resident) for resident in residents):
        return name
    others = [
        written
        for written in written_names(without_contact_details(text))
        if not any(same_person(written, resident) for resident in residents)
        and not is_organisation(written)
    ]
    if others:
        return others[0]
    # "casework@... Mr Cole would also like a copy by letter": only the resident is named here;
    # the helper's own name told before ("Owen Pryce, caseworker for Helen Shah MP"), never the
    # resident's (round 18 r18a-09 t4-t8).
    return next(
        (
            told
            for said in reversed(earlier_messages(tracker))
            if (told := own_name_in(said)) is not None
            and not any(same_person(told, resident) for resident in residents)
        ),
        name,
    )


def preference_with_details(text: str) -> str | None:
    """How to contact them, said in the sentence that gives the details ("Contact by email
    x@example.com"): "we complained on phone in September" elsewhere in a long first message is
    no preference."""
    for sentence in re.split(r"(?<=[.!?\n])\s+", text):
        if contact_details_in(sentence):
            return preference_beside_details(sentence)
    return None


# Questions whose answer may name someone other than the writer: the resident they help.
ABOUT_THE_RESIDENT = ("representative_details", "representative_name")


def told_beside(tracker: Tracker) -> dict[str, Any]:
    """What an answer to one question also tells the form: contact details and how to use
    them ("yeah email me, x@example.com. im Gary"), the writer's name ("im Chloe Martin, his
    daughter"), what would put it right ("...I'd like the roof fixed properly"), each kept
    only where the form does not hold it yet and is not asking for it now."""
    text = str(tracker.latest_message.get("text") or "")
    asking = tracker.get_slot("requested_slot")
    if not text or text.startswith("/") or asking is None:
        return {}
    told: dict[str, Any] = {}
    details, resident = details_and_residents(tracker, text)
    if resident and asking != "contact_details":
        told.update(resident)
    held = tracker.get_slot("contact_details")
    if details and asking != "contact_details" and (not held or asking == "contact_preference"):
        # Given with how to use them, the details are the ones to use: "whatsapp only pls 07700
        # 900789, i dont check emails" kept the email typed earlier to check a complaint's
        # status, and read back "by text only (dean.m@example.com)" (round 23 r23b-04 t8-t9).
        told["contact_details"] = details
        preference = preference_beside_details(text)
        if preference and not tracker.get_slot("contact_preference"):
            told["contact_preference"] = preference
    if asking != "contact_name" and not tracker.get_slot("contact_name"):
        name = own_name_in(text)
        if name is None and (asking not in ABOUT_THE_RESIDENT or CONTACT_WORD.search(text)):
            name = contact_name_beside_details(text)
        if name:
            told["contact_name"] = name
    if asking != "outcome_sought" and not tracker.get_slot("outcome_sought"):
        outcome = outcome_told(text)
        if outcome:
            told["outcome_sought"] = outcome
    return told


# "contact son, Richard Fisher, 07700 900321": the name beside the details is who to contact.
CONTACT_WORD = re.compile(r"\b(?:contact|call|ring|text|email|reach)\b", re.IGNORECASE)


# "same as before", "same number", "the one I gave you", "use the email you have".
SAME_AS_BEFORE = re.compile(
    r"\b(?:same|as before|as i said|already (?:gave|given|told)|(?:the )?one i gave|"
    r"(?:you|u) (?:already )?(?:have|got) (?:it|them|my (?:number|email|details))|"
    r"(?:number|email|details) (?:you|u) (?:have|got))\b",
    re.IGNORECASE,
)


def held_before(tracker: Tracker, slot: str) -> str | None:
    """The last value a slot held before this message, even if it was cleared since."""
    values = [
        event.get("value")
        for event in before_latest_message(tracker)
        if event.get("event") == "slot" and event.get("name") == slot and event.get("value")
    ]
    return str(values[-1]) if values else None


# A yes or no opening an answer is no name: "yes signed consent form", "no its fine".
ANSWER_WORD = re.compile(r"^\s*(?:yes|yeah|yep|yh|no|nope|nah)\b", re.IGNORECASE)


def name_told_before(tracker: Tracker) -> str | None:
    """The writer's own name as given in an earlier message of this conversation."""
    for said in reversed(earlier_messages(tracker)[:-1]):
        name = own_name_in(said) or introduced_name(said) or resident_own_name(said)
        if name is not None:
            return name
    return None


def details_and_residents(tracker: Tracker, text: str) -> tuple[str | None, dict[str, Any]]:
    """The helper's own contact details in an answer, and the resident's kept with who the
    complaint is for: "Priya Shah. Email cllr.shah@... Mr Osei's mobile is 07700 900333" read
    back the tenant's mobile as the councillor's contact (round 14 r14d-09)."""
    own, others = own_and_others_details(text)
    if others is None or tracker.get_slot("acting_for") != "someone_else":
        return contact_details_in(text), {}
    held = str(tracker.get_slot("representative_details") or "").rstrip(". ")
    return own, {"representative_details": f"{held}{THEIR_DETAILS}{others}"}


# How the resident's own contact details follow who the complaint is for.
THEIR_DETAILS = ". Their contact details: "


def their_details_kept(tracker: Tracker, resident: str, told_now: bool = False) -> str:
    """The resident told again ("Who is complaining" chosen at the read-back) with their own
    contact details held before: mum's copy email was lost when her daughter said again that she
    was helping (round 18 r18a-08 t12-13)."""
    before = held_before(tracker, "representative_details") or ""
    if not told_now and before and same_person(before.split(",")[0], resident.split(",")[0]):
        # The same resident, not told in this answer: as held, with the address put right at
        # the read-back.
        return before
    kept = before.partition(THEIR_DETAILS)[2]
    if not kept or THEIR_DETAILS in resident:
        return resident
    return f"{resident.rstrip('. ')}{THEIR_DETAILS}{kept}"


def resident_contact_split(tracker: Tracker, text: str) -> dict[str, Any] | None:
    """A helper's own contact details and way, with the resident's own way and time held
    beside them, when the answer gives both."""
    if tracker.get_slot("acting_for") != "someone_else":
        return None
    resident = resident_in(
        str(tracker.get_slot("representative_details") or ""),
        str(tracker.get_slot("contact_name") or ""),
    )
    split = split_contact(text, resident) if resident else None
    if split is None:
        return None
    own, way, wishes = split
    held_way = (
        {} if tracker.get_slot("contact_preference") or not way else {"contact_preference": way}
    )
    return {"contact_details": ALSO.join([own, *wishes]), **held_way}


def time_told_with_details(tracker: Tracker) -> str | None:
    """The time to contact them said with the details just before, as typed: a message re-read
    as its answer part alone ("07700 900845") has lost it."""
    latest = str(tracker.latest_message.get("text") or "")
    typed = [
        str(e.get("text") or "")
        for e in before_latest_message(tracker)
        if e.get("event") == "user" and str(e.get("text") or "") != latest
    ]
    times = (contact_time_in(text) for text in reversed(typed[-3:]) if contact_details_in(text))
    return next((time for time in times if time), None)


# What a protest that the name was given leaves before the name: "I just said. Leanne", "I've
# already told you, Leanne", "but I just said it. Leanne".
LEFT_OF_PROTEST = re.compile(
    r"^(?:(?:but|and|so|erm|um|well|yes|yeah|no)[\s,]+)*(?:i(?:'ve| have|ve)?|it|that)?"
    r"(?:\s+(?:it|that|you|u|this|already|before))*[\s.,!?:;-]+(?=\S)",
    re.IGNORECASE,
)
RIGHT_OF_PROTEST = re.compile(r"[\s.,!?:;-]+(?:i(?:'ve| have|ve)?|it|that)$", re.IGNORECASE)


# Words beside who the tenant is that are no name: "neither really, my mum was the tenant",
# "not me, its my dads flat", "my neighbour is the tenant, i'm just helping".
NOT_NAME_WORDS = {
    "neither", "really", "not", "no", "nope", "nah", "me", "mine", "the", "there", "here", "it",
    "its", "it's", "is", "was", "just", "only", "helping", "im", "i'm", "i", "am", "thanks", "ok",
    "okay", "sorry", "lol", "yes", "yeah", "tenant", "resident", "her", "his", "their", "my",
    "executor", "flat", "house", "home", "she", "he", "they", "has", "died", "passed", "away",
}  # fmt: skip


def name_beside_the_tenant(tracker: Tracker, text: str) -> str | None:
    """The writer's own name typed beside who the tenant is: "Gary Whitlock, I'm her son", "Sue
    Lee - my mum is the tenant"; never the words around it ("neither really")."""
    rest = TENANT_IS_ANOTHER.sub(" ", text)
    for part in re.split(r"[,.;:!?\n()]+|\s-\s|\band\b", rest):
        said = words(part).split()
        if not said or set(said) & NOT_NAME_WORDS:
            continue
        found = name_in(part.strip())
        if found:
            return helper_not_resident(tracker, text, found)
    return None


# Said before the name is asked again of a writer who told who the tenant is instead.
HELPER_NOTED_LINE = "Thank you, I've noted that you are asking for them. We will contact you."
# The relationship of a helper who did not say how they know the resident.
NOT_STATED = "not stated"


class ContactQuestions:
    """Validation of the name, contact details and contact preference slots, for any form."""

    async def get_validation_events(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        """A button's title from another question typed at this one ("I'm the resident" at
        "Is this about a repair you reported before?") is no answer to it: the question is
        asked again (round 23 r23a-08 t11 was read back as the way to contact her)."""
        # A death told as grief at a form's question: condolences, once (round 24 r24b-03).
        condolences_once(dispatcher, tracker)
        events = await super().get_validation_events(  # type: ignore[misc]
            dispatcher, tracker, domain
        )
        asked = tracker.get_slot("requested_slot")
        typed = str(tracker.latest_message.get("text") or "")
        if not asked or not another_questions_title(tracker, domain, typed):
            return list(events)
        kept = [e for e in events if not (e.get("event") == "slot" and e.get("name") == asked)]
        return [*kept, SlotSet(asked, None)]

    def validate_contact_name(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        """The name from "it's Ayesha Khan"; details given in the same breath are kept too."""
        text = str(value or "")
        # "yes signed consent form" answers another question: no name (round 12 r12a-10);
        # "shannon kelly?? just said" gives it again, "ugh i just told u" does not.
        told_before = ALREADY_TOLD.search(text) is not None
        # "i already told you. Gary Mills": the name after the protest (round 16 r16b-07 t8).
        rest = ALREADY_TOLD.sub(" ", text).strip(" .,!?:;-")
        # "I just said. Leanne": the "I" of the protest is no name (round 22 r22a-05 t6 was
        # contacted as "I").
        said = rest
        if told_before:
            said = RIGHT_OF_PROTEST.sub("", LEFT_OF_PROTEST.sub("", rest)).strip(" .,!?:;-")
        name = (
            None
            if ANSWER_WORD.match(text)
            or (told_before and len(rest.split()) < 2)
            # "I'm helping someone else", "Not yet": another question's button is no name.
            or button_title(domain, text)
            else name_in(said)
        )
        if name is None and not button_title(domain, text):
            # "dean walsh. hurry up my phone is dying lol", "no one's in danger its my phone
            # battery. Dean Walsh": the name in a clause of its own (round 25 r25a-04 t7-t8).
            name = name_clause_in(said)
        if name is None and told_before:
            # "i literally just told u": the name given before, never these words (round 12
            # r12d-06, r12d-12 read them back as the name).
            name = name_told_before(tracker)
        name = helper_not_resident(tracker, rest, name)
        if (relationship := tenant_is_another(text)) is not None:
            # "neither really, my mum was the tenant", "not me, its my dads flat": who the
            # tenant is, not a name (round 24 r24b-03 t6 was contacted as "neither really").
            # A name written beside it is kept: "im his son Tom Reed".
            return self._helper_told(dispatcher, tracker, text, relationship)
        if name is None:
            dispatcher.utter_message(response="utter_invalid_contact_name")
            # "07700 900 618 text me pls ..." typed at the name question: the number and the way
            # are kept, so only the name is asked for again (round 18 r18a-01 t3 lost them).
            return {"contact_name": None, **self._details_given(text, tracker)}
        # "its shannon o'brien 22 elm walk": the address typed after the name is kept too
        # (round 22 r22b-02 t3 threw it away).
        split = address_after_a_name(rest)
        address = (
            {"resident_address": split[1]}
            if split is not None and not tracker.get_slot("resident_address")
            else {}
        )
        return {"contact_name": name, **address, **self._details_given(text, tracker)}

    @staticmethod
    def _helper_told(
        dispatcher: CollectingDispatcher, tracker: Tracker, text: str, relationship: str
    ) -> dict[str, Any]:
        """At the name question, a writer who says the tenant is someone else: the relationship
        kept, the writer recorded as helping in a complaint, and their own name asked for."""
        name = own_name_in(text) or introduced_name(text) or name_beside_the_tenant(tracker, text)
        told: dict[str, Any] = {"contact_name": name}
        if (
            not tracker.get_slot("representative_relationship")
            or tracker.get_slot("representative_relationship") == NOT_STATED
        ):
            told["representative_relationship"] = relationship
        helping_now = (
            tracker.active_loop_name == "complaint_form"
            and tracker.get_slot("acting_for") != "someone_else"
        )
        if helping_now:
            # The next question asks the helper's name, how they know the resident and the
            # resident's name and address.
            told["acting_for"] = "someone_else"
        elif name is None:
            dispatcher.utter_message(text=HELPER_NOTED_LINE)
        return told

    def validate_contact_details(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        """An email or phone found in the sentence, normalised; "txt me dont ring" also answers
        the next question."""
        text = str(value or "")
        if (
            not answered_now(tracker, "contact_details")
            and value == tracker.get_slot("contact_details")
            and contact_details_in(text)
        ):
            # Held already, validated again when the form restarts after "Who is complaining"
            # was chosen: kept whole, with "also email Fatima Rahman on ..." (round 18 r18a-08
            # t12-13 lost mum's copy).
            return {"contact_details": value}
        split = resident_contact_split(tracker, text)
        if split is not None:
            # "email me, Sam, ... and Leanne by text ... not before 2pm": each their own way
            # (bot.contact_wishes; round 17 r17a-06).
            return split
        details = contact_details_in(text)
        own, resident = details_and_residents(tracker, text)
        if own and resident:
            # "my mobile is ... and mum's landline is ...": the helper is contacted on their own;
            # the resident's go with who the complaint is for (round 11 r11d-10 read the son's
            # number back as the support worker's).
            details = own
        else:
            resident = {}
        if details is None and SAME_AS_BEFORE.search(text):
            # "same as before": the details given earlier, though the slot was cleared to
            # change another part of them (round 9 r9c28 was told it was no number).
            details = held_before(tracker, "contact_details")
        # "my phone number is 01904 613 227 or write to me at 5 Holly Lane": the address kept
        # beside the number (round 15 r15a-11 was to be written to at a phone number).
        writes = contact_preference(text) == "letter" or WRITE_TO_ME.search(text) is not None
        address = postal_address_in(text) if writes else None
        if address is not None:
            # "Write to me please, I don't do email. 12 Ash Road, ..." (round 9 r9b-28 was asked
            # for a phone number or email); "letter please, 5 Cedar Walk, also phone 0..." keeps
            # both (round 10 r10c-27 promised a letter with no address).
            details = ", ".join(found for found in (address, details) if found)
        if details is None and asks_why_needed(text):
            # "why do you need that": said why, then asked again (round 26 r26b-02 t8).
            dispatcher.utter_message(
                text=WHY_CONTACT_DETAILS.get(
                    str(tracker.active_loop_name), WHY_CONTACT_DETAILS["complaint_form"]
                )
            )
            return {"contact_details": None}
        if details is None:
            digits = phone_typed_wrong(text)
            if digits is None:
                dispatcher.utter_message(response="utter_invalid_contact_details")
            else:
                # "07700 9001234": said why, and what to type (round 10 r10a-16 was refused
                # three times with no reason).
                dispatcher.utter_message(text=phone_typed_wrong_line(digits))
            return {"contact_details": None}
        preference = preference_beside_details(text)
        return {
            "contact_details": details,
            **resident,
            **(
                {"contact_preference": preference}
                if preference and not tracker.get_slot("contact_preference")
                else {}
            ),
        }

    def validate_contact_preference(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        preference = contact_preference(str(value or ""))
        typed = str(tracker.latest_message.get("text") or "")
        if preference is None and (
            SAME_AS_BEFORE.search(str(value or ""))
            or (answered_now(tracker, "contact_preference") and SAME_AS_BEFORE.search(typed))
        ):
            # "same as before 07700900733": the way chosen before in this conversation (round
            # 26 r26b-08 t17 was asked again).
            preference = held_before(tracker, "contact_preference")
        when = time_told_with_details(tracker)
        if preference and when and "," not in preference:
            # "07700 900845, afternoons only" then "phone call": the time kept with the way
            # (round 17 r17a-07 t10-11 lost "afternoons only").
            preference = f"{preference}, {when}"
        # The message as typed: the answer may have been read down to "text".
        chosen = number_kept(tracker, str(value or "")) or (
            number_kept(tracker, typed) if answered_now(tracker, "contact_preference") else {}
        )
        return {"contact_preference": preference, **chosen}

    def validate_resident_address(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        """The address in the answer ("its flat 9, 12 oak road"), or the answer as typed when
        it reads as one the team can check; "dunno" is asked about once more. Asked by the
        request's questions, and by the complaint form for an emergency job (round 25)."""
        typed = str(value or "")
        # "Flat 12, Hawthorn Court, 5 Mill Lane, Derby DE1 9ZZ. The door entry has been broken
        # 3 weeks now": the address's own sentence, street and town too (round 25 r25b-08 t6).
        address = address_told_beside(typed) or address_in_an_answer(typed)
        if address is None and asks_why_needed(typed):
            # "why do you need that": said why, then asked again (round 26 r26b-08 t6 got
            # "Sorry, I could not find an address in that").
            letter = (
                tracker.active_loop_name == "complaint_form"
                and not tracker.get_slot("resident_address")
                and str(tracker.get_slot("contact_preference") or "").lower().startswith("letter")
            )
            dispatcher.utter_message(text=WHY_ADDRESS["letter" if letter else "job"])
            return {"resident_address": None}
        asked_again = said_last(tracker) == ADDRESS_NOT_READ
        if address is None and (
            REFUSES_THE_ADDRESS.search(typed) or (asked_again and gives_no_address(typed))
        ):
            # "no" asked once more was kept as typed: the read-back said "Your address: no".
            # "i dont really want to put my address on a chat thing" is said once and kept
            # (round 26 r26a-08 t9-t17 was asked four times and had the refusal stored).
            dispatcher.utter_message(text=ADDRESS_DECLINED_LINE)
            return {"resident_address": ADDRESS_NOT_GIVEN}
        if address is None and asked_again and words(typed):
            # Asked once more already: kept as typed, for the team to check with them.
            address = typed.strip()
        if address is None:
            dispatcher.utter_message(text=ADDRESS_NOT_READ)
        return {"resident_address": address}

    @staticmethod
    def _details_given(text: str, tracker: Tracker) -> dict[str, Any]:
        """Contact details, and how to use them, given with the name ("Dev Patel, 07700 900221,
        call me any time")."""
        details, resident = details_and_residents(tracker, text)
        if details is None or tracker.get_slot("contact_details"):
            return resident
        preference = preference_beside_details(text)
        return {
            "contact_details": details,
            **resident,
            **({"contact_preference": preference} if preference else {}),
        }


def same_way_as_before(tracker: Tracker) -> str | None:
    """The way chosen before in this conversation, when the answer to the way question says
    "same as before" and names no way ("same as before 07700900733")."""
    typed = str(tracker.latest_message.get("text") or "")
    if typed.startswith("/") or contact_preference(typed) or not SAME_AS_BEFORE.search(typed):
        return None
    return held_before(tracker, "contact_preference")


def number_kept(tracker: Tracker, text: str) -> dict[str, Any]:
    """The number chosen of two given before ("07700 900 455 or my work one 07700 900 988",
    then "text. actually use the work one not the first one"), in place of the one held (round
    26 r26b-02 t10 read back the first number)."""
    held = str(tracker.get_slot("contact_details") or "")
    if not held or text.startswith("/") or phone_in(text):
        return {}
    said = earlier_messages(tracker)
    given = next((told for told in reversed(said) if phone_in(told)), None)
    # The answer beside the way may have been re-read on its own ("text"): the words typed
    # with it, in the message before, choose the number.
    choosing = [text, *(told for told in said[-2:-1] if text in told and not phone_in(told))]
    chosen = next((c for t in choosing if given and (c := number_chosen(t, given))), None)
    now = phone_in(held.split(ALSO)[0])
    if chosen is None or now is None or chosen == now:
        return {}
    return {"contact_details": held.replace(now, chosen, 1)}


def said_last(tracker: Tracker) -> str | None:
    """The first line of the assistant's last turn before this message."""
    events = list(tracker.events)
    users = [i for i, event in enumerate(events) if event.get("event") == "user"]
    start = users[-2] + 1 if len(users) > 1 else 0
    lines = [
        str(event.get("text") or "")
        for event in events[start : users[-1] if users else len(events)]
        if event.get("event") == "bot"
    ]
    return lines[0] if lines else None


# "dunno", "rather not say", "no", "yes thats right": an answer that gives no address, said
# by someone who will not give it, does not know it, or answers another question.
NO_ADDRESS_WORDS = re.compile(
    r"\b(?:no|nope|na|nah|dunno|don'?t know|dont know|not sure|no idea|rather not|prefer not|"
    r"not saying|won'?t say|skip|pass|yes|yeah|yep|ok|okay|that'?s right|thats right|correct)\b",
    re.IGNORECASE,
)


# "not giving it here", "i dont want to put my address on a chat", "rather not say", "just
# ring me for it": the address refused in words, at the first asking.
REFUSES_THE_ADDRESS = re.compile(
    r"\b(?:not|never)\s+(?:giving|putting|typing|sharing)\b"
    r"|\b(?:don'?t|dont|do not|doesn'?t)\s+(?:really\s+)?(?:want|wanna|like)\s+(?:to\s+)?"
    r"(?:give|put|type|share|say|post)\b"
    r"|\b(?:rather|prefer)\s+not\b|\bwon'?t\s+(?:give|put|type|share|say)\b"
    r"|\bnot\s+on\s+(?:here|a\s+chat|this\s+chat|the\s+chat|line)\b",
    re.IGNORECASE,
)


def gives_no_address(typed: str) -> bool:
    """Whether an answer to the address question, asked once more, still gives none: short,
    with no number in it, and saying no, not knowing, or yes to something else."""
    return (
        len(words(typed).split()) <= 5
        and not re.search(r"\d", typed)
        and NO_ADDRESS_WORDS.search(typed) is not None
    )
