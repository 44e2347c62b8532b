"""Someone acting for a resident (Code 1.3, 3.6): asked in the complaint form, and on its own
whenever a message shows it comes from a relative, carer, advocate or other representative.
We record who they are, who they act for, and whether the resident has agreed."""

from __future__ import annotations

import re
from typing import Any, Literal

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.forms import FormValidationAction
from rasa_sdk.types import DomainDict

from actions.adjustments import answer_elsewhere, answered_now, matches_in
from actions.app import get_app
from actions.condolences import condolences_once, sympathy_said
from actions.contact import NOT_STATED
from actions.request_contact import ask_or_record_contact
from actions.turns import earlier_messages, triaged_at
from bot.answers import UNDERSTOOD_KEY
from bot.casestore.domain import Representative
from bot.definition import (
    ADDRESS,
    NAME_WORD,
    NOT_NAMES,
    RESIDENT_IS,
    TITLED_NAME,
    consent_told,
    contact_details_in,
    holds_power_of_attorney,
    introduced_name,
    only_a_name,
    represented_person,
    resident_in,
    written_names,
)
from bot.estates import AUTHORITY_NOTED, died_told
from bot.told import (
    ALREADY_TOLD,
    own_name_in,
    resident_own_name,
    says_they_are_the_resident,
    staff_for_the_resident,
)

OFFER = "representative_pending"
# "on behalf of" says someone is acting for another, not how they are related.
UNNAMED_RELATIONSHIP = "other_representative"


def named_relationship(tracker: Tracker) -> str | None:
    """The relationship (policy_rules id) named in the answer just given, if any."""
    named = [r for r in matches_in(tracker).relationships if r != UNNAMED_RELATIONSHIP]
    return named[0] if named else None


# "resident Emeka Obi, 22 Marsh Rd", "the tenant is Joan Marsh": a sentence about the resident,
# whose name is not the helper's own (round 24 r24b-04 t7 was asked again word for word).
RESIDENT_LABEL = re.compile(
    r"^\W*(?:the\s+)?(?:resident|tenant)(?:'?s name)?\b(?:\s+(?:is|was)\b|\s*:)?", re.IGNORECASE
)


def about_the_resident(answer: str) -> str:
    """The resident's name and address from a helper's answer, without the sentences about the
    helper themself ("im Chloe Martin, his daughter. hes Derek Martin, 3 Elm Walk")."""
    sentences = [s for s in re.split(r"(?<=[.!?\n])\s+", answer.strip()) if s]
    kept = [
        s
        for s in sentences
        if RESIDENT_LABEL.match(s) or (own_name_in(s) is None and contact_details_in(s) is None)
    ]
    return " ".join(kept) if kept else answer.strip()


def helper_and_resident(text: str) -> tuple[str | None, str] | None:
    """Two people named in one helper's answer, the resident with their address after the
    name: the resident, and the other as the helper ("daughter Ada Obi for father Mr Emeka Obi,
    22 Marsh Rd", "Gary Whitlock, I'm her son. Her name was Margaret Whitlock, 4 Orchard Way").
    Round 24 r24b-04 t6 was asked for them all again."""
    names = written_names(text)
    if len(names) < 2:
        return None
    for name in names:
        address = ADDRESS.match(text[text.find(name) + len(name) :])
        if address is None:
            continue
        helper = next((other for other in names if other != name), None)
        return helper, f"{name}, {address.group(1).rstrip(',')}"
    return None


def resident_told(tracker: Tracker, answer: str) -> str | None:
    """The resident a helper writes for, named in this answer or else in an earlier message."""
    return next(
        (who for said in (answer, *earlier_messages(tracker)) if (who := represented_person(said))),
        None,
    )


# "hes called Tom Reid", "my nan's called Edna Price".
RESIDENT_CALLED = re.compile(
    r"\b(?i:she|he|they|mum|mam|mom|dad|nan|gran|grandad|grandma|mother|father|the tenant)"
    rf"(?:'s|\u2019s|s| is| are)\s+called\s+({NAME_WORD}(?:\s+{NAME_WORD})+)"
)


def resident_name_alone(tracker: Tracker, answer: str) -> str | None:
    """The resident's full name where a helper gave it with no address, in this answer or an
    earlier message: "im her daughter. shes the tenant. Her name is Doris Kaye, im Lisa"."""
    for said in (answer, *earlier_messages(tracker)):
        for match in (*RESIDENT_IS.finditer(said), *RESIDENT_CALLED.finditer(said)):
            name = match.group(1)
            if len(name.split()) >= 2 and name.split()[0] not in NOT_NAMES:
                return name
    return None


class ActionAskRepresentativeDetails(Action):
    """Asks a helper for what they have not told about the resident: only the address when the
    resident's name was given ("Her name is Doris Kaye, im Lisa" was asked for her name, how
    she knows the resident and the resident's name again, round 18 r18a-04 t7)."""

    def name(self) -> str:
        return "action_ask_representative_details"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        name = resident_name_alone(tracker, "")
        if name is None:
            dispatcher.utter_message(response="utter_ask_representative_details")
        elif tracker.get_slot("contact_name") or tracker.get_slot("representative_name"):
            dispatcher.utter_message(response="utter_ask_resident_address", resident=name)
        else:
            dispatcher.utter_message(response="utter_ask_helper_and_address", resident=name)
        return []


class ActionAskRepresentativeName(Action):
    """Asks a helper for their name, and how they know the resident unless they said it ("Yes
    please, I'm her daughter and she's happy for me to sort it" was asked "how do you know the
    person?" again, round 22 r22b-08 t2)."""

    def name(self) -> str:
        return "action_ask_representative_name"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        known = tracker.get_slot("representative_relationship")
        dispatcher.utter_message(
            response="utter_ask_helper_name_only"
            if known and known != NOT_STATED
            else "utter_ask_representative_name"
        )
        return []


def with_resident_name(tracker: Tracker, resident: str) -> str:
    """An address typed alone at the question about the resident, with the name told before
    ("14 Fern Close" after "Her name is Doris Kaye" is "Doris Kaye, 14 Fern Close")."""
    name = resident_name_alone(tracker, "")
    if not resident or name is None or name.lower() in resident.lower():
        return resident
    if resident_in(resident, "") is not None:
        return resident
    return f"{name}, {resident}"


def typed_in_full(tracker: Tracker) -> str:
    """The message as typed, also where the repair action re-read only its yes or no as the
    answer ("no I'm staff, not a rep. she's on the line" reaches the form as "no")."""
    users = [event for event in tracker.events if event.get("event") == "user"]
    if len(users) >= 2 and UNDERSTOOD_KEY in (users[-1].get("parse_data") or {}):
        return str(users[-2].get("text") or "")
    return str(tracker.latest_message.get("text") or "")


# A name written after its label in a call handler's note: "name Priya Shah", "T name: Joy Ade",
# "cust name - Femi Okafor".
LABELLED_NAME = re.compile(
    r"(?:^|[\s,.;(])(?i:(?:t|tenant'?s?|cust(?:omer)?'?s?|res(?:ident)?'?s?|caller'?s?)\s+)?"
    r"(?i:name)\s*(?:(?i:is)|[:=-])?\s+"
    r"(?P<name>(?:(?:Mr|Mrs|Ms|Miss|Dr)\.?\s+)?[A-Z][a-z'-]+(?:\s+[A-Z][a-z'-]+){0,2})\b"
)


def staff_answering(tracker: Tracker, text: str) -> dict[str, Any]:
    """A call handler typing for the resident on the line: the resident complains and is
    contacted by their own name, with no helper and no consent to ask (round 14 r14d-05 asked
    a call handler for the resident's consent; r14d-16 asked "are you the resident" again)."""
    resident = resident_told(tracker, text)
    name = resident.split(",")[0] if resident else next(iter(TITLED_NAME.findall(text)), None)
    labelled = LABELLED_NAME.search(text)
    if name is None and labelled is not None:
        # "cust is the tenant. name Priya Shah, mob 07700 ...": the tenant's name as a call
        # handler labels it (round 22 r22a-06 t8 was asked for it again).
        name = labelled.group("name")
    return {
        "acting_for": "resident",
        "representative_details": None,
        "representative_relationship": None,
        "representative_consent": None,
        **({"contact_name": name} if name and not tracker.get_slot("contact_name") else {}),
    }


def helper_own_name(text: str, resident: str) -> str | None:
    """The helper's own name beside the resident's details: introduced ("Rep name is Karen
    Bell", "I'm Lisa Ward, her daughter"), or a name without a title said first ("Lee Brennan.
    dad is Frank Brennan"); never the resident's."""
    first = re.split(r"[.,;\n]", text, maxsplit=1)[0].strip()
    said_first = (
        first
        if only_a_name(first)
        and not TITLED_NAME.match(first)
        # Someone else named after it is the resident: "Joan Pike, 3 Elm Road" alone is hers.
        and resident_in(text, first) is not None
        else None
    )
    name = introduced_name(text) or own_name_in(text) or said_first
    named = resident_in(resident or text, name or "")
    if not name or len(name.split()) < 2 or (named is not None and name.lower() in named.lower()):
        # A first name alone ("I'm Sam, her son") is asked for in full.
        return None
    return name


def helper_given(tracker: Tracker) -> list[EventType]:
    """A yes to "shall I note that you are acting for them?" that says who they are and that
    the resident agreed ("yes please, I'm her son Patrick, she's happy for me to sort it"):
    kept, so the form asks only for what is missing."""
    text = str(tracker.latest_message.get("text") or "")
    told = {
        "representative_name": own_name_in(text),
        "representative_relationship": named_relationship(tracker),
        "representative_consent": True if consent_told(text) else None,
    }
    return [
        SlotSet(slot, value)
        for slot, value in told.items()
        if value is not None and tracker.get_slot(slot) is None
    ]


def power_of_attorney_told(tracker: Tracker) -> bool:
    """Whether the helper said in this conversation that they hold a lasting power of attorney
    for the resident: their authority is recorded, and the resident's agreement is not asked."""
    return any(holds_power_of_attorney(text) for text in earlier_messages(tracker))


def estate_told(tracker: Tracker) -> bool:
    """Whether the helper said in this conversation that the resident has died, or that they
    act for the resident's estate (round 24 r24b-03): the resident is not asked to agree, nor
    contacted, and the helper's authority is recorded."""
    return died_told(earlier_messages(tracker))


def authority_of(tracker: Tracker) -> Literal["executor", "power_of_attorney"] | None:
    """The helper's own authority to act, where they told one: for the estate of a resident who
    has died, or a lasting power of attorney."""
    if estate_told(tracker):
        return "executor"
    return "power_of_attorney" if power_of_attorney_told(tracker) else None


def representative_from_slots(tracker: Tracker, name: str) -> Representative:
    consent = bool(tracker.get_slot("representative_consent"))
    authority = authority_of(tracker)
    return Representative(
        name=name,
        relationship=tracker.get_slot("representative_relationship") or NOT_STATED,
        acting_for=tracker.get_slot("representative_details") or "",
        consent=authority or ("given" if consent else "not_yet"),
        consent_at=triaged_at(tracker) if consent or authority else None,
    )


class RepresentativeQuestions:
    """The questions about the resident a representative acts for, shared by both forms."""

    def validate_representative_details(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        if not answered_now(tracker, "representative_details"):
            return {"representative_details": value}
        # "Yes, they have agreed", "I'm helping my dad": no name or address to keep yet.
        misplaced = answer_elsewhere(tracker, "representative_details", str(value or ""))
        if misplaced is not None:
            return misplaced
        text = str(value or "")
        if staff_for_the_resident(text) and not named_relationship(tracker):
            # A relative on the line beside the call handler is the helper.
            return staff_answering(tracker, text)
        if says_they_are_the_resident(text):
            # "no im the tenant lol its my flat. Kayleigh Morris": not a helper after all, so
            # nothing about a resident is asked (round 12 r12d-02 was asked for consent).
            name = resident_own_name(text)
            return {
                "acting_for": "resident",
                "representative_details": None,
                "representative_relationship": None,
                **({"contact_name": name} if name and not tracker.get_slot("contact_name") else {}),
            }
        relationship = named_relationship(tracker) or tracker.get_slot(
            "representative_relationship"
        )
        # "He is Mr Suresh Nair, 27 Larch Road. He has agreed I handle this": not asked again.
        consent = {"representative_consent": True} if consent_told(text) else {}
        resident = about_the_resident(text)
        if ALREADY_TOLD.search(resident) and represented_person(resident) is None:
            # "I told you her name and address already" was kept as her name (round 13
            # r13a-03): the name told before, or the question asked again. "I've told you all
            # that. Paul Price, her son. Edna Price, Flat 3, 22 Mill Lane" gives them again
            # beside the protest (round 16 r16a-12 t7 was asked again word for word).
            rest = " ".join(
                sentence
                for sentence in re.split(r"(?<=[.!?\n])\s+", resident)
                if not ALREADY_TOLD.search(sentence)
            ).strip()
            resident = resident_told(tracker, "") or (rest if written_names(rest) else "")
        helper = helper_own_name(text, resident)
        return {
            "representative_details": with_resident_name(tracker, resident) or None,
            "representative_relationship": relationship or NOT_STATED,
            **consent,
            # "Rep name is Karen Bell. She is the daughter", "Lee Brennan. dad is Frank
            # Brennan": the helper is not asked for the name they gave (round 15 r15d-04 t7,
            # r15a-06).
            **({"contact_name": helper} if helper and not tracker.get_slot("contact_name") else {}),
        }


class ValidateRepresentativeForm(RepresentativeQuestions, FormValidationAction):
    def name(self) -> str:
        return "validate_representative_form"

    async def get_validation_events(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        # "she passed away last month, I'm her son" at who is helping: condolences, once.
        condolences_once(dispatcher, tracker)
        return list(await super().get_validation_events(dispatcher, tracker, domain))

    async def required_slots(
        self,
        domain_slots: list[str],
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: DomainDict,
    ) -> list[str]:
        """A helper with their own authority (a lasting power of attorney, or the estate of a
        resident who has died) is not asked whether the resident agreed (round 24 r24a-01 t4,
        r24b-03 t7)."""
        if authority_of(tracker) is not None:
            return [slot for slot in domain_slots if slot != "representative_consent"]
        return domain_slots

    def validate_representative_name(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        if not answered_now(tracker, "representative_name"):
            return {"representative_name": value}
        text = str(value or "").strip()
        if not text:
            return {"representative_name": None}
        relationship = named_relationship(tracker) or tracker.get_slot(
            "representative_relationship"
        )
        pair = helper_and_resident(text)
        if pair is not None and pair[0]:
            # "I'm Karen Doyle, my mum is Joan Doyle, 12 Elm Court": the helper's name, and the
            # resident not asked for again (round 24, as r24b-04 t6 in the complaint form).
            return {
                "representative_name": pair[0],
                "representative_relationship": relationship,
                **(
                    {"representative_details": pair[1]}
                    if not tracker.get_slot("representative_details")
                    else {}
                ),
            }
        return {"representative_name": text[:200], "representative_relationship": relationship}


class ActionRecordRepresentative(Action):
    """Records the representative against the contact and says what consent means for them;
    then offers adjustments for any need the first message disclosed."""

    def name(self) -> str:
        return "action_record_representative"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        contact_id = tracker.get_slot("contact_id")
        name = tracker.get_slot("representative_name")
        events: list[EventType] = [SlotSet(OFFER, False)]
        if name and contact_id is not None:
            representative = representative_from_slots(tracker, name)
            get_app().cases.record_representative(int(contact_id), representative)
            if representative.consent in AUTHORITY_NOTED:
                # "she cant really agree, she has dementia. I have lasting power of attorney"
                # was told "they have agreed" (round 24 r24a-01 t5).
                line = AUTHORITY_NOTED[representative.consent]
                if sympathy_said(tracker):
                    # Condolences said once in a conversation, not again here.
                    line = line.replace(" I'm sorry for your loss.", "")
                dispatcher.utter_message(text=line)
            else:
                dispatcher.utter_message(
                    response="utter_representative_recorded"
                    if representative.consent != "not_yet"
                    else "utter_representative_consent_needed"
                )
        else:
            dispatcher.utter_message(response="utter_representative_not_recorded")
        if tracker.get_slot("triage_label") == "service_request" and contact_id is not None:
            # The team needs a way back to whoever is helping; adjustments are offered after.
            offer_adjustments = bool(tracker.get_slot("adjustment_ids"))
            return [
                *events,
                *ask_or_record_contact(dispatcher, tracker, int(contact_id), offer_adjustments),
            ]
        if tracker.get_slot("adjustment_ids"):
            dispatcher.utter_message(response="utter_offer_adjustments")
            events.append(SlotSet("adjustments_pending", True))
        return events
