"""Validation for complaint_form: the questions adapt to representatives and disclosed needs."""

from __future__ import annotations

import re
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.forms import FormValidationAction
from rasa_sdk.interfaces import Action
from rasa_sdk.types import DomainDict

from actions.adjustments import (
    AdjustmentQuestions,
    answer_elsewhere,
    answered_now,
    matches_in,
    needs_kept,
    needs_told_beside,
)
from actions.app import get_app
from actions.contact import NOT_STATED, ContactQuestions, their_details_kept, told_beside
from actions.definition import NOT_ABOUT_AN_EARLIER_REQUEST, address_told
from actions.languages import offer_interpreter_in_form
from actions.representatives import (
    RepresentativeQuestions,
    estate_told,
    helper_and_resident,
    named_relationship,
    resident_told,
    staff_answering,
    typed_in_full,
)
from actions.request_contact import (
    EMERGENCY,
    clocks_told,
    fleeing_a_danger,
    hazards_taken_back,
)
from actions.turns import before_latest_message, earlier_messages, last_slot_value
from bot.answers import YES_NO_SLOTS, goes_on_told
from bot.corrections import added_to
from bot.definition import (
    RESIDENT_NAMED,
    WAYS_ALONE,
    address_given,
    both_ways_asked,
    consent_told,
    helps_the_resident,
    introduced_name,
    is_a_letter,
    postal_address_in,
    represented_person,
    unsure_answer,
    with_address,
)
from bot.fits import says_no_earlier_report, unsure_of_an_earlier_report
from bot.replies import LETTER_ADDRESS_QUESTION
from bot.text import words
from bot.told import (
    OUTCOME_WORDS,
    outcome_as_told,
    own_name_in,
    resident_own_name,
    says_they_are_the_resident,
    staff_for_the_resident,
    tenant_is_another,
    tenant_on_the_line,
    without_chat,
    without_outcome,
)


def tells_of_helping(text: str) -> bool:
    """Words that say the writer helps the resident ("helping my nan, she's called Edna Price",
    "T is Mrs Hodan Ahmed Hassan, son calling for her", round 13 r13c-05)."""
    return (
        any(word in text.lower() for word in HELPING_WORDS)
        or HELPER_ROLE.search(text) is not None
        or RESIDENT_NAMED.search(text) is not None
        # "neither really, my mum was the tenant" (round 24 r24b-03 t6; round 25 conv25).
        or tenant_is_another(text) is not None
    )


def answers_acting_for(text: str) -> bool:
    """Whether words answer "Are you the resident, or are you helping someone else?"."""
    return says_they_are_the_resident(text) or tells_of_helping(text)


HELPING_WORDS = ("someone else", "helping", "behalf", "for my", "carer", "representative")
# "like i said im her daughter", "I'm his son", "I'm Brian Okafor from number 24, her
# neighbour" (round 13 r13a-03 was recorded as the resident): the writer's role towards them.
# "we are her solicitors" (round 13 r13d-11 recorded the solicitor as the complainant).
HELPER_ROLE = re.compile(
    r"\b(?:i'?m|im|i am)\s+(?:her|his|their)\s+\w+"
    r"|\b(?:i'?m|im|i am|we'?re|we are)\b[^.!?]{0,60}?\b(?:her|his|their)\s+(?:next door\s+)?"
    r"(?:neighbou?r|friend|carer|support worker|social worker|key worker|advocate|solicitor|"
    r"caseworker|councillor|representative|son|daughter|grandson|granddaughter|niece|nephew|"
    r"brother|sister|husband|wife|partner)s?\b",
    re.IGNORECASE,
)


def resident_named_before(tracker: Tracker) -> dict[str, Any]:
    """A helper who named the resident before the form ("writing on behalf of a constituent,
    Mrs Amina Yusuf of Flat 3, 22 Harbour Road") is not asked for the resident again (round 14
    r14d-04, r14d-09 were asked for what the first message said)."""
    if tracker.get_slot("acting_for") != "someone_else" or tracker.get_slot(
        "representative_details"
    ):
        return {}
    resident = resident_told(tracker, "")
    if resident is None:
        return {}
    return {
        "representative_details": resident,
        "representative_relationship": tracker.get_slot("representative_relationship")
        or NOT_STATED,
    }


def consent_said(tracker: Tracker, answer: str) -> bool:
    """Whether the helper said the resident agreed, in this answer or any message before: "She's
    fine with me dealing with it" in the first message is not asked again when "Who is
    complaining" is chosen at the read-back (round 18 r18a-08 t4, t12 asked three times)."""
    return any(consent_told(said) for said in (answer, *earlier_messages(tracker)))


def fuller_name(held: str, told: str) -> bool:
    """Whether a name told is the one held with more to it: "Faadumo" then "Faadumo Hassan"."""
    return told.lower().startswith(held.strip().lower() + " ")


def tenant_on_the_line_before(tracker: Tracker) -> dict[str, Any]:
    """Staff who typed for the tenant on the line ("T on line, c/o fan ... T = Mrs J Adeyemi")
    are not asked whether they are the resident, nor for her name (round 17 r17a-07 t3-4)."""
    if tracker.get_slot("acting_for") is not None:
        return {}
    said = next((text for text in earlier_messages(tracker) if tenant_on_the_line(text)), None)
    if said is None or named_relationship(tracker):
        return {}
    return staff_answering(tracker, said)


def said_before(tracker: Tracker, slot: str) -> str:
    """The last answer a slot held before it was cleared to be asked again (a part chosen for
    changing at the read-back), or "": never the answer this message gives."""
    return last_slot_value(before_latest_message(tracker), (slot,)) or ""


class ValidateComplaintForm(
    ContactQuestions, AdjustmentQuestions, RepresentativeQuestions, FormValidationAction
):
    def name(self) -> str:
        return "validate_complaint_form"

    async def required_slots(
        self,
        domain_slots: list[str],
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: DomainDict,
    ) -> list[str]:
        """Only a helper is asked about the resident's consent (1.3, 3.6), and only a disclosed
        health need or disability leads to asking consent to record it."""
        skipped = self.skipped_adjustment_slots(tracker)
        if tracker.get_slot("service_area") in (None, "general"):
            skipped.add("earlier_request")
        if tracker.get_slot("acting_for") != "someone_else":
            skipped |= {"representative_details", "representative_consent"}
        elif estate_told(tracker):
            # A resident who has died cannot agree: the executor or next of kin is not asked
            # whether they have (round 24 r24b-03 t7-t9 was asked three times).
            skipped.add("representative_consent")
        # An address held stays a required slot, so the answer just typed is validated: "no"
        # at the question skipped it, unvalidated, and read back "Your address: no".
        if not (
            tracker.get_slot("resident_address")
            or emergency_job_without_address(tracker)
            or letter_without_address(tracker)
        ):
            skipped.add("resident_address")
        return [slot for slot in domain_slots if slot not in skipped]

    async def get_extraction_events(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        """Answers given beside the one asked for are kept (and validated like any answer). A
        yes or no the repair action took from a sentence is checked here, where every answer
        passes: "no job number, she rang a fortnight ago" tells of the earlier report."""
        events = await super().get_extraction_events(dispatcher, tracker, domain)
        told = told_beside(tracker)
        asking = tracker.get_slot("requested_slot")
        typed = str(tracker.latest_message.get("text") or "")
        if asking in YES_NO_SLOTS and typed and not typed.startswith("/"):
            told.update(answer_elsewhere(tracker, asking, typed) or {})
        if (
            asking == "still_happening"
            and typed
            and not typed.startswith("/")
            and (goes_on := goes_on_told(typed)) is not None
        ):
            # Said in a later sentence of a message the rules read another way ("...he was
            # just rude. The fan has been fitted now, so no it's not still happening").
            told["still_happening"] = goes_on
        told.update(needs_told_beside(tracker))
        if asking == "acting_for" and (fuller := fuller_outcome(tracker, typed)) is not None:
            # "as i said comp for 3 lost days pay + service booked on a sat", after "cust wants
            # comp" in the first message: the fuller words kept (round 26 r26b-03 t5).
            told["outcome_sought"] = fuller
        if asking is not None and not typed.startswith("/"):
            offer_interpreter_in_form(dispatcher, tracker)
        told.update(resident_named_before(tracker))
        told.update(tenant_on_the_line_before(tracker))
        if (
            asking not in (None, "acting_for")
            and tracker.get_slot("acting_for") is None
            and says_they_are_the_resident(typed)
        ):
            # "I'd like the lift fixed ... And I'd like the complaint to be from me, as a
            # resident" at the outcome question: not asked again (round 15 r15a-07 t5).
            told["acting_for"] = "resident"
        whole = typed_in_full(tracker)
        if (
            asking == "representative_consent"
            and staff_for_the_resident(whole)
            and not named_relationship(tracker)
        ):
            # "im staff not a rep lol. shes on the line": the no read from it is no answer about
            # consent (round 14 r14d-05 was asked again, and read back as her own helper).
            told.update(staff_answering(tracker, whole))
        return [*events, *(SlotSet(slot, value) for slot, value in told.items())]

    async def get_validation_events(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        """The needs told beside another answer (needs_told_beside) are kept with what would
        help: the SDK returns only the form's own slots, so they were lost while the consent
        question was asked, and then never asked again (round 12 r12a-16)."""
        events = await super().get_validation_events(dispatcher, tracker, domain)
        return [*events, *needs_kept(tracker, events)]

    def validate_complaint_aspects(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        text = str(value or "").strip()
        if answered_now(tracker, "complaint_aspects"):
            # "nobody rang 07700 900 618 text me pls": the number and how to use it go with the
            # contact details, not with what went wrong (round 18 r18a-01 t9).
            text = without_chat(text)
            # "Same as before, plus: ..." after choosing to change what went wrong keeps the
            # account given before and adds to it (round 23 r23a-04 t10).
            text = added_to(said_before(tracker, "complaint_aspects"), text) or text
        return {"complaint_aspects": text if len(text) >= 3 else None}

    def validate_outcome_sought(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        """ "yep, still broken" or "The engineer came on 3 August, job 7712001" is not what
        would put it right: kept where it belongs, and this question asked again."""
        misplaced = answer_elsewhere(tracker, "outcome_sought", str(value or ""))
        if misplaced is not None:
            return misplaced
        if isinstance(value, str) and value.startswith("/"):
            # Another question's button ("/deny" from "reported to us before?", pressed late)
            # was read back "You would like: /deny": no answer, so the question is asked again.
            return {"outcome_sought": None}
        if isinstance(value, str) and answered_now(tracker, "outcome_sought"):
            # How to contact them, kept in its own place, is not what they would like (round
            # 16 r16b-01 t5); nor is "I told you" before it.
            # Nor "You did not answer my question ..." (round 18 r18a-09 t8).
            value = outcome_as_told(value)
        return {"outcome_sought": value}

    def validate_contact_preference(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        """A letter chosen is sent to the address told in the conversation, kept with the
        contact details; with none told, the address is asked for next (round 26 r26b-06 t7:
        "Letter" was read back "We will contact Peter Lang by email")."""
        told = super().validate_contact_preference(value, dispatcher, tracker, domain)
        preference = told.get("contact_preference")
        typed = str(tracker.latest_message.get("text") or "")
        both = both_ways_asked(str(value or "")) or (
            both_ways_asked(typed) if answered_now(tracker, "contact_preference") else None
        )
        if preference in WAYS_ALONE and both and preference in both:
            # "Letter please, to my home, and also email": both kept (round 26 r26b-05 t9).
            preference = told["contact_preference"] = both
        details = str(told.get("contact_details") or tracker.get_slot("contact_details") or "")
        if not is_a_letter(preference) or postal_address_in(details) is not None:
            return told
        address = address_given(tracker.get_slot("resident_address")) or address_told(tracker)
        if address is None:
            return told
        return {**told, "contact_details": with_address(details, address)}

    def validate_resident_address(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        """The address given for a letter is kept with the contact details, so the letter is
        sent there and the read-back says so (round 26 r26b-05 t9)."""
        told = super().validate_resident_address(value, dispatcher, tracker, domain)
        address = address_given(told.get("resident_address"))
        details = str(tracker.get_slot("contact_details") or "")
        if (
            address is None
            or not is_a_letter(tracker.get_slot("contact_preference"))
            or postal_address_in(details) is not None
        ):
            return told
        return {**told, "contact_details": with_address(details, address)}

    def validate_acting_for(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        if not answered_now(tracker, "acting_for"):
            return {"acting_for": value}
        if value == "someone_else" and not tracker.get_slot("representative_details"):
            # The button, after a first message that named the resident: not asked again.
            resident = resident_told(tracker, "")
            typed = str(tracker.latest_message.get("text") or "")
            pair = None if resident or typed.startswith("/") else helper_and_resident(typed)
            if pair is not None:
                # Both people named beside the choice (round 24 r24b-04 t6).
                resident = pair[1]
            return {
                "acting_for": value,
                **(
                    {"contact_name": pair[0]}
                    if pair and pair[0] and not tracker.get_slot("contact_name")
                    else {}
                ),
                **(
                    {"representative_details": their_details_kept(tracker, resident)}
                    if resident
                    else {}
                ),
                **({"representative_consent": True} if consent_said(tracker, "") else {}),
            }
        if value in ("resident", "someone_else"):
            return {"acting_for": value}
        text = str(value or "")
        # "neither, call handler. rep is son Imran, consent given": a helper on the line beside
        # the call handler (round 16 r16b-14 t5 was recorded as the resident).
        if (
            staff_for_the_resident(text)
            and not named_relationship(tracker)
            and not helps_the_resident(text)
        ):
            return staff_answering(tracker, text)
        if (misplaced := answer_elsewhere(tracker, "acting_for", text)) is not None:
            return misplaced
        # "im his mum its my tenancy": a parent of the child named, and the resident.
        helping = not says_they_are_the_resident(text) and (
            tells_of_helping(text) or bool(matches_in(tracker).relationships)
        )
        acting_for = "someone_else" if helping else "resident"
        told: dict[str, Any] = {"acting_for": acting_for}
        # "I'm the tenant. Name Katarzyna Nowak", "It's Ayesha Khan": the name is not asked for
        # again; for a helper, their own ("im Chloe Martin, his daughter").
        name = introduced_name(text) or own_name_in(text) or resident_own_name(text)
        if name and (
            not tracker.get_slot("contact_name")
            or fuller_name(str(tracker.get_slot("contact_name")), name)
        ):
            # "my name Faadumo" first, "Faadumo Hassan" here: the full name is kept (round 17
            # r17a-14 t10 was contacted by her first name only).
            told["contact_name"] = name
        # Named in this answer, or in a message before ("writing about my neighbour Mrs Dorothy
        # Gale at flat 3, 22 Birch Road" was asked for again, round 13 r13a-03, r13b-03).
        resident = resident_told(tracker, text) if helping else None
        pair = helper_and_resident(text) if helping else None
        if pair is not None:
            # "helping someone else - daughter Ada Obi for father Mr Emeka Obi, 22 Marsh Rd":
            # both people kept, nothing asked again (round 24 r24b-04 t6).
            helper, resident = pair[0], resident or pair[1]
            if helper and "contact_name" not in told and not tracker.get_slot("contact_name"):
                told["contact_name"] = helper
        if resident and not tracker.get_slot("representative_details"):
            # "I'm her son, she's Margaret Doyle, flat 3, 9 Canal St": not asked again (round
            # 12 r12d-06, r12a-05).
            told["representative_details"] = their_details_kept(
                tracker, resident, told_now=represented_person(text) is not None
            )
            told["representative_relationship"] = (
                named_relationship(tracker) or tenant_is_another(text) or NOT_STATED
            )
        elif helping and (relationship := named_relationship(tracker) or tenant_is_another(text)):
            # "im her daughter ... Her name is Doris Kaye": only the address is asked for next.
            told["representative_relationship"] = relationship
        if helping and consent_said(tracker, text):
            # "helping someone else - son for T, consent given".
            told["representative_consent"] = True
        return told

    def validate_earlier_request(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        text = str(value or "").strip()
        unsure = (
            unsure_of_an_earlier_report(text) if answered_now(tracker, "earlier_request") else None
        )
        if unsure is not None:
            # "not sure, maybe my husband did", "dunno": unsure, kept as such and not asked
            # again (round 24, second read of note 24).
            return {"earlier_request": unsure_answer(unsure)}
        if says_no_earlier_report(text):
            return {"earlier_request": NOT_ABOUT_AN_EARLIER_REQUEST}
        if (misplaced := answer_elsewhere(tracker, "earlier_request", text)) is not None:
            return misplaced
        if tracker.get_intent_of_latest_message() == "deny":
            # A no the classifier read, once the words are not another question's answer: "its
            # just me" is no answer about an earlier report.
            return {"earlier_request": NOT_ABOUT_AN_EARLIER_REQUEST}
        # "...no job number. I'd like the roof fixed properly": the outcome is its own answer.
        return {"earlier_request": report_sentences(without_outcome(text) or text)[:200] or None}


# Words of a sentence that tells of the earlier report: when, how, and its job number.
REPORT_WORDS = re.compile(
    r"\b(?:report\w*|rang|rung|called|phoned|emailed|logged|job|ref\w*|visit\w*|came|come|"
    r"mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun|\w+day|jan\w*|feb\w*|mar\w*|apr\w*|may|"
    r"jun\w*|jul\w*|aug\w*|sep\w*|sept|oct\w*|nov\w*|dec\w*|weeks?|months?|ago|last|"
    # "sat 5th", "5/12", "job 55821"; never "ring 999".
    r"\d{1,2}(?:st|nd|rd|th)|\d{1,2}/\d{1,2}(?:/\d{2,4})?|\d{4,})\b",
    re.IGNORECASE,
)


def report_sentences(text: str) -> str:
    """The sentences of an answer to the earlier-job question that tell of the report: "ok ive
    told her get out and ring 999. shes out with baby now. previous reports sat 5th and sun 6th,
    no job no given" was kept whole as the request reported before (round 22 r22a-06 t10). The
    whole answer when no sentence, or every sentence, tells of it."""
    said = [s.strip() for s in re.split(r"(?<=[.!?\n])\s+", text.strip()) if s.strip()]
    kept = [s for s in said if REPORT_WORDS.search(s)]
    return " ".join(kept) if kept and len(kept) < len(said) else text


def emergency_job_without_address(tracker: Tracker) -> bool:
    """Whether a job told in this conversation must be made safe within hours and nobody has
    said where: "water is coming through the kitchen light" then a complaint about the leak
    was taken with no address, and the emergency job had none (round 25 r25b-13 t10). Not for
    someone getting away from a danger to a person, nor once the hazard was taken back."""
    if tracker.get_slot("resident_address") or address_told(tracker):
        return False
    policy = get_app().policy
    return (
        EMERGENCY in clocks_told(tracker, policy)
        and not hazards_taken_back(tracker, policy)
        and not fleeing_a_danger(tracker)
    )


def letter_without_address(tracker: Tracker) -> bool:
    """Whether a letter was chosen and no address to send it to is held or told: asked for
    (round 26 r26b-05 t9: "Letter please, to my home, and also email" was read back by email
    only, and no address asked for)."""
    if not is_a_letter(tracker.get_slot("contact_preference")):
        return False
    if postal_address_in(str(tracker.get_slot("contact_details") or "")) is not None:
        return False
    return not (tracker.get_slot("resident_address") or address_told(tracker))


class ActionAskComplaintFormResidentAddress(Action):
    """Asks for the address: to write to, when a letter was chosen; else to make an emergency
    job safe (utter_ask_complaint_form_resident_address)."""

    def name(self) -> str:
        return "action_ask_complaint_form_resident_address"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        if letter_without_address(tracker) and not emergency_job_without_address(tracker):
            dispatcher.utter_message(text=LETTER_ADDRESS_QUESTION)
        else:
            dispatcher.utter_message(response="utter_ask_complaint_form_resident_address")
        return []


def fuller_outcome(tracker: Tracker, typed: str) -> str | None:
    """What would put it right said again with more to it ("as i said comp for 3 lost days pay
    + service booked on a sat" where "wants comp" is held): the new words, without the protest
    before them. None unless every word held, but "want", is in them."""
    held = str(tracker.get_slot("outcome_sought") or "")
    if not held or typed.startswith("/") or not OUTCOME_WORDS.search(typed):
        return None
    if says_they_are_the_resident(typed) or tells_of_helping(typed):
        return None
    kept = set(words(held).split()) - {"want", "wants", "wanted", "would", "like", "i", "he", "she"}
    new = outcome_as_told(typed)
    if not kept or not kept <= set(words(new).split()) or len(new) <= len(held):
        return None
    return new
