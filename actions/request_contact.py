"""How the team can reach a resident about a service request the chat logged (Code 1.4).

A request heard in a chat is no use to a team that cannot get back to the resident, so the chat
offers to take a name and a phone number or email, and says who will be in touch and by when.
Details the conversation has already given are used without asking again."""

from __future__ import annotations

import re
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.forms import FormValidationAction
from rasa_sdk.types import DomainDict

from actions.adjustments import needs_kept, needs_told_beside, record_or_offer_adjustments
from actions.app import get_app
from actions.contact import ContactQuestions, contact_already_told
from actions.turns import earlier_messages, said_so_far, triaged_at
from bot.answers import ASKS_TO_BE_RUNG, UNDERSTOOD_KEY, WILL_CALL_THEM, yes_or_no
from bot.casestore.domain import ServiceRequest
from bot.contact_wishes import with_no_post
from bot.definition import (
    address_given,
    contact_details_in,
    introduced_name,
    postal_address_in,
    preference_beside_details,
    way_insisted,
    without_contact_details,
    written_names,
)
from bot.policy import Policy
from bot.policy.ids import ASB_REPORT, GENERAL_AREA
from bot.recorded import REQUEST_CANCELLED_LINE
from bot.replies import (
    NO_POST_LINE,
    address_noted_line,
    asks_for_whatsapp,
    request_contact_lines,
)
from bot.text import words
from bot.told import access_note_in, own_name_in
from bot.triage.safety import routes_in_events, routes_standing, turns_in_events

OFFER = "request_contact_pending"
CONTACT_SLOTS = ("contact_name", "contact_details", "contact_preference")


def details_told(tracker: Tracker) -> dict[str, Any]:
    """The name, contact details and preference the conversation gave before the request was
    logged ("boiler's gone, call me on 07700 900456")."""
    told = {event["name"]: event["value"] for event in contact_already_told(tracker)}
    text = str(tracker.latest_message.get("text") or "")
    preference = preference_beside_details(text) if contact_details_in(text) else None
    if preference:
        told["contact_preference"] = preference
    return told


CALLED = re.compile(r"\bcall me ([A-Z][a-z'-]+(?: [A-Z][a-z'-]+)?)")


def contact_given(text: str) -> list[EventType]:
    """A yes to "would you like our team to contact you?" that says how, in the same breath
    ("yes, I'm Daniel Reeves and my number is 07700 900456", "yes pls. call me Ayesha", "ye txt
    me 07700 900246 its jade"): the
    form then asks only for what is missing."""
    written = written_names(without_contact_details(text))
    called = CALLED.search(text)
    details = contact_details_in(text)
    given = {
        # "Yes, call me on 07700 900456, I'm Rahima", "ye txt me 07700 900246 its jade".
        "contact_name": introduced_name(text)
        or own_name_in(text)
        or (written[0] if written else None)
        or (called.group(1) if called else None),
        "contact_details": details,
        # "yeah but dont call me ... email only pls": the way insisted on is kept, so the form
        # does not offer a phone call to someone who ruled it out (round 16 r16a-11 t5).
        "contact_preference": preference_beside_details(text) if details else way_insisted(text),
    }
    return [SlotSet(slot, value) for slot, value in given.items() if value]


def ask_or_record_contact(
    dispatcher: CollectingDispatcher, tracker: Tracker, contact_id: int, offer_adjustments: bool
) -> list[EventType]:
    """Right after a request is logged: details already given are stored at once, otherwise the
    resident is asked whether they want the team to contact them."""
    told = details_told(tracker)
    known = {slot: tracker.get_slot(slot) or told.get(slot) for slot in CONTACT_SLOTS}
    events: list[EventType] = [SlotSet(slot, value) for slot, value in known.items() if value]
    if not known["contact_details"] and contact_wanted_before(tracker):
        # "yes. they said someone wld come sat and no one came" answered this offer before the
        # choice to complain came between: the yes stands, so the questions start (round 18
        # r18a-01 t2).
        return [*events, SlotSet(OFFER, False), FollowupAction(FORM)]
    if not known["contact_details"]:
        dispatcher.utter_message(response="utter_offer_request_contact")
        return [*events, SlotSet(OFFER, True)]
    # Read once: whether its job needs the address, and whether it is urgent (round 23 review).
    request = get_app().cases.service_request(contact_id)
    if address_wanted(tracker, request) and not (request is not None and request.urgent):
        # "tap's dripping, call me on 07700 900456": the details are held, but a job at the
        # home cannot be booked without its address, so the form asks what it still needs
        # (round 23). Not before an emergency's contact line: the team rings at once.
        return [*events, SlotSet(OFFER, False), FollowupAction(FORM)]
    return [*events, *record_contact(dispatcher, tracker, contact_id, known, offer_adjustments)]


ADDRESS_SLOT = "resident_address"
# Requests whose job is not done at the home: no address is asked for them (a rent question, a
# move, how staff behaved, a first anti-social behaviour report the ASB team follows up).
NOT_AT_THE_HOME = ("rent_and_charges", "lettings_and_moves", "staff_and_communication", ASB_REPORT)
# A request that names no part of the home ("general") is a job there ("the extractor fan is
# broken", "intercom not working") unless it only passes a message on: to be rung back, to talk
# to someone, or a complaint to withdraw. Round 23 asked no "general" request the address, so
# that a withdrawal passed on was not asked it ("i just want to withdraw it" was taken as the
# address, r16b-09 replayed); round 24 decides by what the request itself says.
MESSAGE_FOR_A_PERSON = re.compile(
    r"\b(?:ring|call|phone|get back to)\s+(?:me\s+|us\s+)?back\b"
    r"|\b(?:talk|speak|chat)\s+(?:to|with|2)\b"
    r"|\b(?:pass|give|leave|send)\s+(?:on\s+)?(?:a|the|my|this)?\s*message\b"
    r"|\btell\s+\w+(?:\s+\w+)?\s+(?:i|we)\s+(?:called|rang|phoned)\b"
)
WITHDRAWAL = re.compile(
    r"\b(?:withdraw|cancel|close|drop)\b[^.?!]{0,25}\bcomplaint\b"
    r"|\bcomplaint\b[^.?!]{0,20}\b(?:withdrawn|cancelled|canceled|closed|dropped)\b"
)
# A ring-back about something at the home that needs a repair is a job all the same: "can
# someone call me back about the broken intercom" (round 24, note 24 section 5: the address was
# never asked, though a repair needs where).
JOB_NAMED = re.compile(
    r"\b(?:broken|broke|not working|isn'?t working|aint working|doesn'?t work|don'?t work|"
    r"won'?t work|wont work|stopped working|faulty|leak\w*|dripping|damaged|smashed|cracked|"
    r"stuck|blocked|jammed|repair\w*|fix|fixed|fixing|mould|damp|no (?:heating|hot water|power|"
    r"lights?)|door entry|intercom|buzzer|entry ?phone|fob|boiler|radiators?|toilet|sink|taps?|"
    r"windows?|lock|lift|lights?|roof|gutters?|fence|extractor|shower|bath|drains?|ceiling|"
    r"wall|floor|stairs|doors?)\b"
)


def a_job_at_the_home(request: ServiceRequest) -> bool:
    """Whether the request is a job done at the home, so the team needs its address: by its
    category, and for one that names no part of the home, by its own words. Only contact
    details ("07700 900316" after the way to withdraw a complaint) or a message for a person
    ("can someone ring me back about my account") is no job (round 23, left; round 24)."""
    if request.category in NOT_AT_THE_HOME:
        return False
    if request.category != GENERAL_AREA:
        return True
    said = words(without_contact_details(request.description))
    if not said or WITHDRAWAL.search(said):
        return False
    passes_a_message_on = bool(MESSAGE_FOR_A_PERSON.search(said) or ASKS_TO_BE_RUNG.search(said))
    return not passes_a_message_on or JOB_NAMED.search(said) is not None


def address_held(tracker: Tracker) -> str | None:
    """The address of the home as held or as typed in any message of the conversation ("the
    light in flat 9, 12 Oak Road has gone")."""
    held = address_given(tracker.get_slot(ADDRESS_SLOT))
    if held:
        return held
    typed = (postal_address_in(text) for text in reversed(earlier_messages(tracker)))
    return next((address for address in typed if address), None)


def address_wanted(tracker: Tracker, request: ServiceRequest | None) -> bool:
    """Whether the request is a job at the home whose address nobody has given yet: a first
    repair report was closed without it, though a repair cannot be booked without it (round 23,
    round 22 r22b-02 t5)."""
    if request is None or address_held(tracker) or fleeing_a_danger(tracker):
        return False
    return a_job_at_the_home(request)


def fleeing_a_danger(tracker: Tracker) -> bool:
    """Whether the routes standing are all for a danger to a person (abuse, a threat,
    self-harm): someone who needs to get away is not asked where the job is ("my partner
    grabbed me by the throat ... i need to get away", round 10 r10b-30)."""
    policy = get_app().policy
    standing = routes_standing(turns_in_events(tracker.events), policy)
    return bool(standing) and all(
        c in policy.urgency and policy.urgency[c].to_a_person for c in standing
    )


FORM = "request_contact_form"
# Words at a request's question that say the request is no longer needed: "cancel it please",
# "you can forget this", "I don't need anyone to come now", "no longer needed" (round 25
# r25b-10 t6 was read as the address of the job and the request confirmed).
CANCELS_THE_REQUEST = re.compile(
    # Not "forget it, bye" alone: said in frustration, the request stands (round 20 r20a-06).
    r"\bcancel\b|\bforget\s+(?:this|that|the\s+(?:request|job|repair))\b"
    r"|\b(?:don'?t|dont|do not|no longer)\s+need\s+(?:it|this|that|anyone|anybody|someone|"
    r"them|you|the\s+(?:request|job|repair|visit))\b|\bnot\s+needed\b"
)


def cancels_the_request(text: str) -> bool:
    """Whether words typed at a request's question say the request is not needed now."""
    return CANCELS_THE_REQUEST.search(words(text)) is not None


def cancel_request(dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType]:
    """The request is cancelled at the resident's word and that is said: the team does not
    contact them about it."""
    contact_id = tracker.get_slot("contact_id")
    if contact_id is not None:
        get_app().cases.cancel_service_request(int(contact_id))
    dispatcher.utter_message(text=REQUEST_CANCELLED_LINE)
    return [SlotSet(OFFER, False)]


# What a message answering this offer with unhappiness was read as, to be triaged
# (actions.repair.unhappy_about_the_request).
UNHAPPY_READINGS = ("dissatisfaction", "make_complaint")


def contact_wanted_before(tracker: Tracker) -> bool:
    """Whether the resident said yes to our team contacting them in a message that also told
    dissatisfaction, and so was triaged for the choice to complain, not taken as the yes."""
    for event in tracker.events:
        parse = event.get("parse_data") or {} if event.get("event") == "user" else {}
        if (
            parse.get(UNDERSTOOD_KEY) == OFFER
            and (parse.get("intent") or {}).get("name") in UNHAPPY_READINGS
            and yes_or_no(str(event.get("text") or ""), with_details=True)
        ):
            return True
    return False


def record_contact(
    dispatcher: CollectingDispatcher,
    tracker: Tracker,
    contact_id: int | None,
    known: dict[str, Any],
    offer_adjustments: bool,
) -> list[EventType]:
    """Stores the details on the request, says who will be in touch and by when (or how to
    arrange it when the resident would rather call), then offers any adjustments."""
    app = get_app()
    details = known.get("contact_details")
    preference = known.get("contact_preference")
    address = address_held(tracker) if details is not None else None
    # "dont post anything" said at any question is kept with the details (round 23).
    kept = with_no_post(details, earlier_messages(tracker)) if details is not None else None
    stored = (
        kept is not None
        and contact_id is not None
        and app.cases.add_service_request_contact(
            contact_id, known.get("contact_name") or "", kept, preference or "", address or ""
        )
    )
    contact_by = app.cases.request_contact_by(triaged_at(tracker))
    request = app.cases.service_request(contact_id) if contact_id is not None else None
    told = clocks_told(tracker, app.policy)
    flagged = request is not None and request.urgent and not told
    to_a_person = flagged and _only_harm_to_people(contact_id)
    urgent = (EMERGENCY in told or (flagged and not to_a_person)) and not hazards_taken_back(
        tracker, app.policy
    )
    said = words(str(tracker.latest_message.get("text") or ""))
    lines = request_contact_lines(
        details if stored else None,
        preference,
        contact_by,
        app.policy,
        urgent=urgent,
        they_will_call=WILL_CALL_THEM.search(said) is not None,
        to_a_person=to_a_person,
        whatsapp=asks_for_whatsapp(str(tracker.latest_message.get("text") or "")),
    )
    # Said back with who will be in touch, before the last line: the wish that nothing is
    # posted, and the address, so a wrong one is put right now, not at the door (round 23).
    said_back = [
        *([NO_POST_LINE] if stored and kept != details else []),
        *([address_noted_line(address)] if stored and address else []),
    ]
    # Before the invitation to complain, which ends what is said.
    at = len(lines) - 1 if said_back and len(lines) > 1 else len(lines)
    for line in [*lines[:at], *said_back, *lines[at:]]:
        dispatcher.utter_message(text=line)
    events: list[EventType] = [SlotSet(OFFER, False)]
    if offer_adjustments:
        events += record_or_offer_adjustments(dispatcher, tracker)
    return events


# The Awaab's Law kind whose deadline is hours, not days (policy_rules/hazards.yml).
EMERGENCY = "emergency"


def clocks_told(tracker: Tracker, policy: Policy) -> set[str]:
    """The hazard deadlines the resident has been told in this conversation: the last word on
    how urgent the request is. Round 8: make-safe in 24 hours was told for a baby in a cold
    flat, then "contact you by Wednesday" (r8c-07); damp to inspect in 10 working days was then
    called an emergency repair (r8b-01)."""
    said = said_so_far(tracker)
    return {
        kind_id
        for kind_id, kind in policy.hazards.items()
        if (opening := kind.tell_resident.split("{")[0])
        and any(text.startswith(opening) for text in said)
    }


def hazards_taken_back(tracker: Tracker, policy: Policy) -> bool:
    """Whether the hazard routes given in this conversation have all been taken back ("no gas
    now, it was last week and fixed"): a cupboard door broken by the engineer is then no
    emergency repair to ring about now (round 15 r15c-18)."""
    events = tracker.events
    given = [c for c in routes_in_events(events, policy) if not policy.urgency[c].to_a_person]
    standing = routes_standing(turns_in_events(events), policy)
    return bool(given) and not any(c in standing for c in given)


def _only_harm_to_people(contact_id: int | None) -> bool:
    """Whether every danger flagged on the contact is to a person (safeguarding, abuse), none a
    hazard in the home: the request is then no emergency repair ("they're not hurt, it's just
    noise" was told to ring the emergency repairs line, round 7 r7b-02)."""
    app = get_app()
    with app.cases.unit_of_work() as uow:
        contact = uow.cases.get_contact(contact_id) if contact_id is not None else None
    dangers = [c for c in contact.urgency if c in app.policy.urgency] if contact else []
    return bool(dangers) and all(app.policy.urgency[c].to_a_person for c in dangers)


class ValidateRequestContactForm(ContactQuestions, FormValidationAction):
    def name(self) -> str:
        return "validate_request_contact_form"

    async def get_extraction_events(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        """A need told beside an answer ("phone call but i speak better polish, interpreter
        please") is kept, to be recorded with the request (round 14 r14c-01 lost it)."""
        events = await super().get_extraction_events(dispatcher, tracker, domain)
        return [*events, *(SlotSet(s, v) for s, v in needs_told_beside(tracker).items())]

    async def get_validation_events(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        events = await super().get_validation_events(dispatcher, tracker, domain)
        return [*events, *needs_kept(tracker, events)]

    async def required_slots(
        self,
        domain_slots: list[str],
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: DomainDict,
    ) -> list[str]:
        """The address of the home only for a job there that has none yet: never asked twice,
        never for a rent question (round 23)."""
        slots = await super().required_slots(domain_slots, dispatcher, tracker, domain)
        contact_id = tracker.get_slot("contact_id")
        request = None if contact_id is None else get_app().cases.service_request(int(contact_id))
        if tracker.get_slot(ADDRESS_SLOT) or address_wanted(tracker, request):
            return slots
        return [slot for slot in slots if slot != ADDRESS_SLOT]


class ActionRecordRequestContact(Action):
    """After the contact question: yes and the details, or no thank you."""

    def name(self) -> str:
        return "action_record_request_contact"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        contact_id = tracker.get_slot("contact_id")
        return record_contact(
            dispatcher,
            tracker,
            None if contact_id is None else int(contact_id),
            {slot: tracker.get_slot(slot) for slot in CONTACT_SLOTS},
            bool(tracker.get_slot("adjustment_ids")),
        )


def access_noted(dispatcher: CollectingDispatcher, tracker: Tracker) -> bool:
    """When to visit or how to get in, told after a request was noted ("can you just pass a
    message on - tell them mum's carer comes 9 till 11"): added to the request and said back
    (round 25 r25a-03 t12-t13 got the urgent boilerplate twice and nothing was noted). False
    when the message tells none, or no request was noted here."""
    text = str(tracker.latest_message.get("text") or "")
    contact_id = tracker.get_slot("contact_id")
    note = None if text.startswith("/") else access_note_in(text)
    if note is None or contact_id is None:
        return False
    if not get_app().cases.add_service_request_access(int(contact_id), note):
        return False
    dispatcher.utter_message(text=access_noted_line(note))
    return True


def access_noted_line(note: str) -> str:
    return f'Thank you. I have added this to your request, so our team sees it: "{note}".'


def only_the_access_note(text: str) -> bool:
    """Whether the message tells nothing but when to visit: no new problem to triage."""
    note = access_note_in(text)
    rest = [
        sentence
        for sentence in re.split(r"(?<=[.!?\n])\s+", text)
        if sentence.strip() and access_note_in(sentence) != note
    ]
    return note is not None and not rest
