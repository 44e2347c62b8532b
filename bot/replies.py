"""Resident-facing words for a triage result, in plain English, built from policy_rules."""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from datetime import date, datetime

from bot.calendar import UK_TIME
from bot.casestore.domain import Complaint, Escalation, HazardClock, ServiceRequest
from bot.definition import long_date
from bot.hazards import clock_lines
from bot.policy import Policy
from bot.policy.ids import ASB_REPORT, STAGE_1, STAGE_2
from bot.policy.ids import INTERPRETER as INTERPRETER_NEED
from bot.policy.schema import twelve_hour
from bot.triage import TriageResult

UNHAPPY_LATER = (
    "If you are unhappy with how a request is going, tell me and you can make a complaint."
)
# How each contact preference (bot.definition) is said in a sentence.
PREFERENCE_WORDS = {"email": "email", "phone": "phone", "text": "text message", "letter": "letter"}

# Praise for our staff told beside a complaint or a request (round 24 r24b-02 t1 was never
# thanked): the complaint is taken as well.
PRAISE_PASSED_ON_LINE = "Thank you for the kind words about our staff. We'll pass them on."

OTHER_REPLIES = {
    "compliment": "Thank you for taking the time to tell us. We'll pass your message on.",
    "enquiry": (
        "Thanks for your question. I'll pass it to our team, who will reply to you. "
        "If you'd rather talk to a person now, just ask."
    ),
}


def urgent_lines(
    result: TriageResult,
    policy: Policy,
    offer_a_person: bool = True,
    made_safe: Collection[str] = (),
) -> list[str]:
    """Routes for anything that cannot wait: said first, before anything else. Danger told in
    another language gets its routes in that language too, and the offer of an interpreter
    unless a person already has the conversation (round 9 r9c23 was told to reply "person").
    A route given before whose first step the resident has now taken (`made_safe`) is not said
    again: what to do next is."""
    language = result.danger_language
    lines = [
        policy.made_safe_line(category) or ""
        if category in made_safe
        else policy.urgent_route(category, language, result.about_someone_else)
        for category in result.urgency
    ]
    if language in policy.languages:
        # Health advice at once for a resident who cannot ask again in English (a 6-month-old
        # with cold hands in Arabic, round 18 r18a-14): in their language the route says it.
        beside = policy.language_phone.with_route
        lines += [beside[category] for category in result.urgency if category in beside]
    if lines and offer_a_person and language in policy.languages:
        lines.append(policy.languages[language].interpreter_offer.format(**vars(policy.landlord)))
    return lines


def automated_line(policy: Policy) -> str:
    """Said in the first reply of a conversation that opens with a need rather than a hello."""
    return (
        f"I'm the automated assistant for {policy.landlord.name}. You can talk to a person at "
        "any time: just ask."
    )


def emergency_repairs_line(policy: Policy) -> str:
    """The emergency repairs line, for a message the assistant cannot read: no heating with a
    baby told in Romanian or Urdu needs it as much as 999 does (round 9 r9b-25, r9c-21)."""
    return (
        "For an emergency repair, such as no heating with a child or an older person at home, "
        "call our emergency repairs line, open day and night, on "
        f"{policy.landlord.emergency_repairs_phone}."
    )


def not_english_reply(policy: Policy) -> str:
    need = policy.needs.get(INTERPRETER_NEED)
    offer = f"{need.offer} " if need else ""
    return (
        "Sorry, I can only read English. If anyone is in danger, call 999 now. "
        f"{emergency_repairs_line(policy)} {offer}Please "
        f"call us on {policy.landlord.phone} and tell us which language you speak."
    )


def interpreter_offered_line(policy: Policy) -> str:
    """Said the moment a language need is told in English ("my english not good")."""
    return (
        "We have noted that you may need an interpreter. A person can help you with a free "
        f"interpreter: just ask to talk to a person, or call us on {policy.landlord.phone}."
    )


def unread_danger_line(language_id: str | None, policy: Policy) -> str:
    """Said to a message the assistant cannot read while a person is awaited: it may tell of
    danger (round 9 r9b-08, water from a ceiling light in Arabic, got nothing). In the
    resident's language when the landlord provides it, then in English."""
    english = f"If anyone is in danger, call 999 now. {emergency_repairs_line(policy)}"
    language = policy.languages.get(language_id or "")
    if language is None:
        return english
    return f"{language.in_danger.format(**vars(policy.landlord))}\n{english}"


def other_language_lines(language_id: str, policy: Policy) -> list[str]:
    """For a message in one of the landlord's languages: how to get help, in that language
    first (texts the landlord provides, marked for checking), then in English."""
    language = policy.languages[language_id]
    landlord = vars(policy.landlord)
    return [
        language.in_danger.format(**landlord),
        language.interpreter_offer.format(**landlord),
        f"This message looks like it is in {language.name}. I am an automated assistant and I "
        f"can only read English. If anyone is in danger, call 999 now. "
        f"{emergency_repairs_line(policy)} We have noted that you "
        'may need an interpreter. A person can help you with a free interpreter: press "Talk '
        f'to a person" or call us on {policy.landlord.phone}.',
    ]


def ombudsman_line(policy: Policy) -> str:
    ombudsman = policy.ombudsman
    return (
        f"The {ombudsman.name} can also help you at any time. Call {ombudsman.phone}, "
        f"email {ombudsman.email} or go to {ombudsman.website}."
    )


def exclusion_lines(ground_id: str, policy: Policy, text: str = "") -> list[str]:
    """Explain a possible exclusion without refusing (Code 2.1, 2.4, 2.5). A body the message
    names for what it does (a council's adult social care, the Information Commissioner) gets
    its own route and, if it has one, its own ombudsman (policy_rules/exclusions.yml `bodies`)."""
    ground = policy.grounds[ground_id]
    body = ground.body_for(text)
    lines = [
        ground.explanation,
        f"Where it can go instead: {body.route if body else ground.route}",
        "This is not a decision. A complaints officer will look at your circumstances and "
        "decide whether we can take it as a complaint, and we will tell you why.",
    ]
    if body is not None and body.ombudsman:
        return [*lines, body.ombudsman]
    # "the Housing Ombudsman can help you at any time" is untrue for a staff member's grievance
    # (round 11 r11b-08).
    return lines if ground.outside_ombudsman else [*lines, ombudsman_line(policy)]


def adjustment_lines(result: TriageResult, policy: Policy) -> list[str]:
    """What we can do differently for a need the resident mentioned (5.10). Nothing is recorded
    here: the resident is asked next, and a disability is kept only with consent."""
    offers = [policy.needs[n].offer for n in result.adjustments if n in policy.needs]
    if not offers:
        return []
    return ["You mentioned something that may affect how we work with you. " + " ".join(offers)]


# How the chat says it noted a request, and a part of a message noted as one: what the chat has
# noted is read back from these words (actions.repair.noted_so_far).
NOTED_AS_A_REQUEST = "Thank you. I've noted this as a request for our team"
PART_NOTED_AS_A_REQUEST = "I have noted it as a request for our team."


def label_lines(result: TriageResult, policy: Policy) -> list[str]:
    """What to say after triage, for everything except the offer to complain."""
    if result.first_asb_report:
        return [*ASB_ROUTE, policy.grounds[ASB_REPORT].route]
    if result.label == "excluded" and result.exclusion_reason:
        return exclusion_lines(result.exclusion_reason, policy, whole_message(result))
    if result.label == "service_request":
        return [f"{NOTED_AS_A_REQUEST}, and they will contact you to arrange it. {UNHAPPY_LATER}"]
    if result.label == "escalation":
        return [
            "You can ask for your complaint to go to Stage 2 of our complaints process. You do "
            "not need to give a reason. A complaints officer will review it.",
            ombudsman_line(policy),
        ]
    if result.intent == "survey_feedback":
        return [
            "Thank you for your feedback. Survey comments are not treated as complaints. If "
            "you'd like to make a complaint, just tell me what went wrong.",
        ]
    return [OTHER_REPLIES.get(result.intent, OTHER_REPLIES["enquiry"])]


# Said to a message that is neither a question nor a matter for us: "actually nvm dont bother
# passing it on, ill ring monday myself" was thanked for a question it never asked (round 15
# r15d-05, r15d-07).
NOTHING_ASKED_LINE = (
    "Thank you. If there is anything else I can do, just tell me, or ask to talk to a person."
)


def chat_lines(
    result: TriageResult, policy: Policy, contact_details: str | None, asked: bool = True
) -> list[str]:
    """What to say in the chat after triage. Nobody can get back to a resident in a chat we
    hold no contact details for, so without them the chat says how to reach the team. `asked`
    says the message asks something: "I can't answer that one" is said only to a question."""
    if result.label == "service_request":
        # How the team reaches the resident is settled next (actions.request_contact).
        if result.urgency and all(policy.urgency[c].to_a_person for c in result.urgency):
            # After a helpline's number "a request" would sound like a repair, and the route
            # has said the team is told; the question whether they may contact follows.
            return []
        return [f"{NOTED_AS_A_REQUEST}."]
    if result.label == "other" and result.intent not in ("compliment", "survey_feedback"):
        if not asked:
            return [NOTHING_ASKED_LINE]
        return [f"Thanks for your question. {unanswered_question_line(policy)}"]
    if result.label == "escalation":
        # The Stage 2 request's own reply names the Ombudsman (actions.escalation): said once
        # (round 9 r9b-27).
        return label_lines(result, policy)[:1]
    if result.label == "excluded" and result.exclusion_reason and not result.first_asb_report:
        # A staff member's grievance has no choice to complain after it, so this is where "we
        # will tell you why" was promised with no way to reach them (round 15 r15b-14).
        return chat_exclusion_lines(
            result.exclusion_reason, policy, contact_details, whole_message(result)
        )
    return label_lines(result, policy)


# Said at the offer to complain when the resident already has a complaint: "I have not logged
# a complaint" would read as if theirs was lost (round 10 r10a-21, r10a-24).
# Said on leaving the choice for a complaint made before, which the chat cannot see: "The
# complaint you already made carries on" was untrue for one made by phone, never acknowledged
# and with no reference (round 14 r14a-10).
NO_NEW_COMPLAINT_LINE = (
    "OK, I have not started a new complaint. I can't see complaints made by phone or letter, so "
    "I can't check yours. If you did not get a reference or a reply, it may not have been "
    "logged. A person can look for it: just ask to talk to a person. Or tell me, and I will log "
    "it now as a new complaint."
)


def stage_2_instead_line(reference: str | None, drafted: bool) -> str:
    """Said when Stage 2 is asked for an earlier complaint while a new one was being offered or
    taken (round 23 r23b-04): only the new one stops."""
    stopped = (
        "OK, I have stopped the new complaint. Nothing new is logged."
        if drafted
        else "OK, I have not started a new complaint."
    )
    which = f"your complaint {reference}" if reference else "your earlier complaint"
    return f"{stopped} I'll take your Stage 2 request for {which} instead."


def no_new_complaint_line(reference: str) -> str:
    """Said on leaving a complaint question after one was logged or found in this conversation."""
    return f"OK, I have not started a new complaint. Your complaint {reference} carries on."


# Said when a resident asks for a complaint in words and goes straight to the form.
PUT_RIGHT_INSTEAD_LINE = (
    "If you would rather we just put it right without a formal complaint, say so at any time."
)


def unhappy_goodbye_line(policy: Policy, goodbye: bool = True) -> str:
    """Said to someone who leaves unhappy with the service ("this bot is useless tbh bye",
    round 20 r20a-06 t6 got only "Goodbye"): sorry, and the choice to complain and a person,
    with nothing left waiting on an answer."""
    landlord = policy.landlord
    return (
        "I'm sorry I have not been more help. If you want to make a complaint about it, you can: "
        f"tell me here what went wrong, or call us on {landlord.phone} ({landlord.office_hours}). "
        "You can also talk to a person: just ask."
        + (" If not, thank you for getting in touch. Goodbye." if goodbye else "")
    )


def unanswered_question_line(policy: Policy) -> str:
    """Honest about a question the landlord's answers do not cover, with where to ask it."""
    landlord = policy.landlord
    return (
        "I can't answer that one myself. A person can: just ask to talk to a person here, or "
        f"call us on {landlord.phone} ({landlord.office_hours})."
    )


def whole_message(result: TriageResult) -> str:
    """The message a triage result read: its first part spans it all."""
    return result.parts[0].text if result.parts else ""


def chat_exclusion_lines(
    ground_id: str, policy: Policy, contact_details: str | None, text: str = ""
) -> list[str]:
    """A possible exclusion explained in the chat, before the choice to complain. Nobody can get
    back to a resident in a chat we hold no contact details for, so without them it says how to
    hear what the officer decides."""
    lines = exclusion_lines(ground_id, policy, text)
    if not contact_details:
        landlord = policy.landlord
        lines[2] = (
            "This is not a decision. A complaints officer will look at your circumstances and "
            "decide whether we can take it as a complaint. To hear what they decide, call us on "
            f"{landlord.phone} ({landlord.office_hours})."
        )
    return lines


def preference_said(preference: str) -> str | None:
    """ "text only" or "phone, after 5pm" as a resident reads it: "text message only"."""
    way, _, when = preference.partition(", ")
    said_as = PREFERENCE_WORDS.get(way.removesuffix(" only"))
    if said_as is None:
        return None
    return said_as + (" only" if way.endswith(" only") else "") + (f", {when}" if when else "")


# WhatsApp asked for: we do not use it (messages there are outside our records and systems),
# so texts go to the same number, and the resident is told so rather than read back "text
# message" as if that were what they asked for (round 22 r22b-02 t5).
NO_WHATSAPP = (
    "We do not use WhatsApp, so we will send you text messages to that number instead. If you "
    "would rather we contacted you another way, just tell me."
)


def asks_for_whatsapp(text: str) -> bool:
    return re.search(r"\bwh?ats\s?app\b|\bwhatsap\b|\bwatsapp\b", text, re.IGNORECASE) is not None


# Round 23: an answer to the address question with no house or flat number in it.
ADDRESS_NOT_READ = (
    "Sorry, I could not find an address in that. I need the flat or house number and the "
    "street, for example 12 Oak Road."
)
ADDRESS_DECLINED_LINE = "That's fine. Our team will ask you for the address when they contact you."

# "why do you need that" at the contact details or the address question: said why, then asked
# again (round 26 r26b-02 t8 got "That doesn't look like a phone number", r26b-08 t6 "Sorry, I
# could not find an address in that").
WHY_NEEDED = re.compile(
    r"^\W*(?:(?:but|and|ok|okay|um+|erm+|hmm+)\W+)?"
    r"(?:why|y(?=\s+(?:do|does|u|you|need)\b)|how come|what for)\b"
    r"(?!.*\b(?:not|no|isnt|isn't|wont|won't|cant|can't|didnt|didn't)\b)"
    r"|\bwhat\s+(?:do|does|would)\s+(?:you|u|they)\s+(?:need|want)\s+(?:it|that|this|them|"
    r"my\s+\w+)\s+for\b|\bwhat(?:'s| is|s)\s+(?:it|that|this)\s+for\b"
    r"|\b(?:do|why do|why does)\s+(?:you|u|they)\s+(?:really\s+)?need\s+(?:it|that|this|my)\b",
    re.IGNORECASE,
)
WHY_CONTACT_DETAILS = {
    "complaint_form": (
        "We need a phone number or email address so we can contact you about your complaint: to "
        "tell you what happens next and send you our answer. We only use it for that."
    ),
    "request_contact_form": (
        "We need a phone number or email address so our team can contact you to arrange the "
        "job. We only use it for that."
    ),
}
# Asked when a letter was chosen and no address is held (round 26 r26b-05 t9, r26b-06 t7).
LETTER_ADDRESS_QUESTION = (
    "To send you a letter, we need your address. What is your full address, with your flat or "
    "house number and postcode?"
)
WHY_ADDRESS = {
    "letter": "We need your address so we can send your letter to the right home.",
    "job": "We need the address so we send someone to the right home.",
}


def asks_why_needed(text: str) -> bool:
    """Whether an answer asks why the question was asked ("why do you need that")."""
    return WHY_NEEDED.search(text.strip()) is not None


# Round 23: "no letters" said at any question, said back with the request's contact line.
NO_POST_LINE = "We will not send letters or anything by post to your home, as you asked."


def address_noted_line(address: str) -> str:
    """The address a job is booked at, said back after the request's contact line."""
    return (
        f"The address we have for the job is {address.strip().rstrip('.')}. Our team will check "
        "it with you before anyone comes."
    )


def request_contact_lines(
    details: str | None, preference: str | None, contact_by: date, policy: Policy,
    urgent: bool = False, they_will_call: bool = False, to_a_person: bool = False,
    whatsapp: bool = False,
) -> list[str]:  # fmt: skip
    """After a service request: who will get in touch and by when, or how to arrange it when
    the resident would rather call. An emergency is not left to the office's hours or to a
    date days away: the emergency repairs line is open now. After a danger to a person (abuse,
    a threat, self-harm: `to_a_person`) the team is told to act first, not on a date days
    away, and an invitation to complain about "how a request is going" is out of place (round
    10 r10b-30)."""
    landlord = policy.landlord
    said_as = preference_said(preference or "")
    how = f"by {said_as} " if said_as else ""
    if urgent and details:
        reach = (
            f"Our team will contact you {how}({details}) about making it safe. As this is an "
            "emergency repair, please also call our emergency repairs line now on "
            f"{landlord.emergency_repairs_phone}, day or night."
        )
    elif urgent:
        # Not "please also call" to someone who has just said they will (round 8 r8b-22).
        reach = "That's fine. " + (
            f"Our emergency repairs line is open day and night on "
            f"{landlord.emergency_repairs_phone}."
            if they_will_call
            else "As this is an emergency repair, please call our emergency repairs line now "
            f"on {landlord.emergency_repairs_phone}, day or night."
        )
    elif to_a_person and details:
        return [
            f"Our team will contact you {how}({details}) as soon as they can. I have flagged "
            "this as urgent for them."
        ]
    elif details:
        reach = (
            f"Our team will contact you {how}({details}) by {long_date(contact_by)} to arrange it."
        )
        if whatsapp and (preference or "").startswith("text"):
            return [NO_WHATSAPP, reach, UNHAPPY_LATER]
    else:
        reach = (
            f"That's fine. To arrange it, please call us on {landlord.phone} "
            f"({landlord.office_hours})."
        )
    return [reach, UNHAPPY_LATER]


# A part this share of the message long is what the message is about, not something said beside.
WHOLE_MESSAGE = 0.8


def part_lines(result: TriageResult, policy: Policy) -> list[str]:
    """Every other part of a message with several (a complaint beside a rent rise and drug
    dealing next door): each is named in the resident's words and given its route."""
    lines = []
    whole = max((part.end for part in result.parts), default=0)
    for part in result.parts[1:]:
        # A part as long as the message is what it is about: its route without an echo of it.
        whole_message = part.end - part.start >= WHOLE_MESSAGE * whole
        said = "" if whole_message else f'You also mentioned: "{part.text.strip()}".'
        if part.label == "excluded" and part.exclusion_reason in policy.grounds:
            ground = policy.grounds[part.exclusion_reason]
            line = f"{said} {ground.explanation} Where it can go: {part.route}"
        elif part.label == "service_request":
            line = f"{said} {PART_NOTED_AS_A_REQUEST} {goes_to(part.route)}"
        else:
            line = f"{said} {goes_to(part.route)}"
        lines.append(line.strip())
    return lines


def goes_to(route: str) -> str:
    """A part's route, written in policy_rules as a name ("Our repairs and services team, who
    will book it as a request."), as a sentence: alone it read as a broken one (round 8 r8a-07,
    r8b-12, r8b-14)."""
    named = route[0].lower() + route[1:] if route.startswith(("Our ", "The ")) else route
    return f"It goes to {named}"


# Contact details typed while a person is awaited (round 10 r10c-01: silence).
DETAILS_SEEN_LINE = (
    "Thank you. The person who picks up this conversation will see the details you have given."
)
# A handover the resident did not want, taken back (round 10 r10b-16).
BACK_FROM_PERSON_LINE = (
    "OK, I'll carry on here with you. Nobody will pick this up now. You can ask for a person "
    "again at any time."
)
# A handover taken back by someone who is leaving ("never mind the person, I'll email them
# myself. bye", round 13 r13d-06 got no reply): nobody will pick it up, and nothing follows.
PERSON_CANCELLED_LINE = "OK, I have cancelled your request for a person. Nobody will pick this up."
# ... when staff must still read it (a danger to a person, or a Stage 2 request to match).
PERSON_STILL_READS_LINE = "OK. A member of our team will still read this conversation."
# Carrying on with the assistant when staff must still read the conversation (a danger to a
# person told in it, or a Stage 2 request to match).
STILL_FOR_STAFF_LINE = (
    "OK, I'll carry on here with you. A member of our team will still read this conversation."
)
# What the resident types to carry on with the assistant while a person is awaited.
CARRY_ON_HERE = "carry on here"
CARRY_ON_HERE_BUTTON = {"title": "Carry on here", "payload": CARRY_ON_HERE}
# Said while a person is awaited when the handover came in the middle of a complaint: "is my
# complaint registered?" (round 11 r11c-07).
COMPLAINT_NOT_LOGGED_YET_LINE = (
    "Your complaint is not logged yet. The person who picks up your conversation will finish it "
    f'with you. To finish it with me now instead, say "{CARRY_ON_HERE}".'
)
# Said when a person is asked for in the middle of a complaint ("can someone ring me, i dont
# want to do this on here"): nothing told is lost (round 12 r12d-15 heard it was dropped).
COMPLAINT_KEPT_LINE = (
    "I have kept what you told me about your complaint. It is not logged yet: the person who "
    "picks up your conversation will finish it with you."
)
# Said to a message typed while a person is awaited and nobody has picked it up yet.
PERSON_AWAITED_LINE = (
    "A person will read this when they pick up your conversation. If you would rather carry "
    f'on with me now, say "{CARRY_ON_HERE}".'
)


def handoff_lines(
    person_from: datetime | None,
    policy: Policy,
    language_id: str | None = None,
    routed: Sequence[str] = (),
    details_held: bool = False,
) -> list[str]:
    """Honest about when a person will read the conversation, and the route for an emergency;
    for a resident who wrote in one of the landlord's languages, in that language first. After
    a route (`routed`), the help open now for it comes next (Samaritans after self-harm): a
    person may not read this until the office opens. A promise to contact the resident is made
    only when their phone number or email is held (`details_held`); otherwise the person
    replies here, as the first line says (round 9 r9b-25)."""
    landlord = policy.landlord
    language = policy.languages.get(language_id or "")
    if person_from is None:
        when = "A member of our team will read this conversation and reply as soon as they can."
        in_their_language = [language.handoff.format(**vars(landlord))] if language else []
    else:
        local = person_from.astimezone(UK_TIME)
        when = (
            "Our office is closed now. A member of our team will read this conversation and reply "
            f"after we open at {twelve_hour(local.time())} on {long_date(local.date())}."
        )
        # The same time in the resident's language, written as numbers any reader knows.
        opens = f"{local:%H:%M, %d/%m/%Y}"
        in_their_language = (
            [language.handoff_closed.format(**vars(landlord), opens=opens)] if language else []
        )
    return [
        *in_their_language,
        f"I'll pass you to a person. {when} Until they pick it up, you can still carry on with me "
        f'here: just say "{CARRY_ON_HERE}".',
        *dict.fromkeys(policy.after_route(category) for category in routed),
        *([policy.contact_line(True)] if routed and details_held else []),
        f"If you would rather talk, call us on {landlord.phone} ({landlord.office_hours}). "
        f"For an emergency repair call {landlord.emergency_repairs_phone}, or 999 if someone is "
        "in danger.",
    ]


def status_text(complaint: Complaint) -> str:
    """Where a complaint has got to, once the resident's details have matched."""
    lines = [
        f"Complaint {complaint.reference} is at Stage {complaint.stage} and is {complaint.status}."
    ]
    if complaint.acknowledged_at is None:
        lines.append(f"We will acknowledge it by {long_date(complaint.acknowledgement_due)}.")
    else:
        lines.append(f"We acknowledged it on {long_date(complaint.acknowledged_at.date())}.")
    if complaint.extended_to is not None:
        lines.append(
            f"Our response is now due by {long_date(complaint.extended_to)}, because "
            f"{complaint.extension_reason}."
        )
    else:
        lines.append(f"Our response is due by {long_date(complaint.response_due)}.")
    return " ".join(lines)


def stage_2_lines(asked_about: Complaint, stage_2: Complaint, already: bool) -> list[str]:
    """What a matched Stage 2 request came to: opened now, or opened before (by any channel),
    in which case the resident is told plainly that nothing new was opened."""
    if not already:
        return [
            f"Your complaint {asked_about.reference} has gone to Stage 2. The Stage 2 reference "
            f"is {stage_2.reference}. We will acknowledge it by "
            f"{long_date(stage_2.acknowledgement_due)} and send you our final response by "
            f"{long_date(stage_2.response_due)} at the latest."
        ]
    return [
        f"Your complaint {asked_about.reference} is already at Stage 2, so nothing new has been "
        f"opened. The Stage 2 reference is {stage_2.reference}. It went to Stage 2 on "
        f"{long_date(stage_2.received_at.astimezone(UK_TIME).date())}.",
        status_text(stage_2),
    ]


def escalation_lines(escalation: Escalation) -> list[str]:
    """What a matched Stage 2 request came to, said in the chat and read out on a call alike."""
    if escalation.stage_2 is None:
        return stage_2_not_yet_lines(escalation.stage_1)
    return stage_2_lines(escalation.stage_1, escalation.stage_2, escalation.already)


def stage_2_not_yet_lines(stage_1: Complaint) -> list[str]:
    """A Stage 2 request before the Stage 1 answer is sent or late (6.10, policy_rules/
    stage_2.yml): explained, and nothing is opened, so the resident keeps the Stage 1 answer."""
    due = stage_1.extended_to or stage_1.response_due
    return [
        f"Your complaint {stage_1.reference} is still at Stage 1, and our answer is due by "
        f"{long_date(due)}. I have not moved it to Stage 2: Stage 2 is for when you are not "
        "happy with our Stage 1 answer, so you get that answer first.",
        f"You can ask for Stage 2 as soon as you have our answer, or if we have not answered by "
        f"{long_date(due)}. You will not need to give a reason. Just tell me then.",
    ]


# A Stage 2 request taken back before it was sent ("dont move it to stage 2", "i didnt ask for
# stage 2 yet"), or never asked for (round 26 r26b-07 t3-t5, r26b-01 t5).
NO_STAGE_2_LINE = "OK, I have not sent a Stage 2 request. You can ask for it at any time."
# ... taken back just after it was passed on to a complaints officer: they no longer look for it.
STAGE_2_TAKEN_BACK_LINE = (
    "OK, I have taken back your Stage 2 request, so your complaint stays at Stage 1. You can "
    "ask for Stage 2 at any time."
)
# Unhappy with our Stage 1 answer, and Stage 2 not asked for: offered, and the resident chooses
# (round 26 r26b-07 t2, r26b-01 t1).
STAGE_2_OFFER_LINE = (
    "I'm sorry you are not happy with our Stage 1 answer. You can ask for Stage 2: a different "
    "person looks at your complaint again, and you do not need to give a reason. Would you like "
    "to ask for Stage 2?"
)
STAGE_2_OFFER_BUTTONS = [{"title": "Yes, ask for Stage 2", "payload": "/escalate"}]
# ... when the answer came late: Stage 2, and the choice to complain about the delay as well.
STAGE_2_OFFER_LATE_LINE = (
    "I'm sorry you are not happy with our Stage 1 answer. You can ask for Stage 2: a different "
    "person looks at your complaint again, and you do not need to give a reason. If you want "
    "Stage 2, just tell me. You can also make a complaint about the delay."
)
# What either says, so a request taken back is no longer one passed on (actions.turns).
STAGE_2_WITHDRAWN_LINES = (NO_STAGE_2_LINE, STAGE_2_TAKEN_BACK_LINE)


def stage_2_undo_lines(policy: Policy, stage_2: Complaint | None) -> list[str]:
    """ "Can you undo that?" about a Stage 2: said honestly. The chat cannot take a complaint
    back to Stage 1; a person can, so one is offered."""
    if stage_2 is None:
        # "You can ask for Stage 2 later, when you have our Stage 1 answer" was said to someone
        # who had it (round 26 r26b-10 t11): nothing was sent, said plainly.
        return [NO_STAGE_2_LINE]
    return [
        f"I'm sorry: your complaint went to Stage 2 (reference {stage_2.reference}) when you had "
        "not asked for it. I can't undo that here, but a member of our team can put it back to "
        f"Stage 1. Ask to talk to a person, or call us on {policy.landlord.phone} "
        f"({policy.landlord.office_hours})."
    ]


def stage_2_for_an_officer(policy: Policy, details_given: bool) -> str:
    """No complaint matched (or none was named): the same words whether or not the reference
    exists, so they say nothing about other people's complaints. The conversation then goes to
    a person (actions.escalation), whose handover says when they will read it."""
    checked = (
        "I couldn't check those details against one complaint. "
        if details_given
        else "I need a complaints officer to find your complaint. "
    )
    return (
        f"Thank you. {checked}A complaints officer will find it and move it to Stage 2 if it "
        "can go there. " + stage_2_timescale_line(policy)
    )


# A Stage 2 request an officer must match, from someone who gave no way to find or reach them
# (round 13 r13d-17: "Don't have the ref number" was handed over with nothing to go on).
STAGE_2_WHO_LINE = (
    "So the complaints officer can find your complaint and reach you, please tell me your name, "
    "your address, and a phone number or email."
)


def stage_2_for_an_officer_to_check(policy: Policy, stage_1: Complaint) -> str:
    """Stage 2 asked for again after hearing the complaint is still at Stage 1: the resident may
    have had the answer another way (a phone call is still an answer), so an officer decides,
    not the chat (6.10; round 12 r12d-14 was refused twice)."""
    return (
        f"Our record does not show our Stage 1 answer to {stage_1.reference} yet. As you have "
        "asked again, I have passed your request for Stage 2 to a complaints officer. They will "
        "check, and move it to Stage 2 if it can go there. " + stage_2_timescale_line(policy)
    )


def adding_to_a_complaint_line(reference: str | None) -> str:
    """Something new for a complaint already made: the chat cannot change a complaint, a person
    adds it (the handover that follows says when they will read it)."""
    which = f"complaint {reference}" if reference else "complaint"
    return (
        f"I can't change a complaint here, but a member of our team can add this to your {which}. "
        "I'll pass them this conversation, so they can see what you want to add."
    )


# More told about the same problem after Stage 2 was asked for here (round 16 r16b-12 was
# offered a new complaint for the damp getting worse, and "do i need another complaint??").
ADDED_TO_STAGE_2_LINE = (
    "I'll add this to your Stage 2 request, so the complaints officer who looks at it again sees "
    "it. You do not need to make another complaint. If this is about a different problem, tell "
    "me and I can take a new complaint for it."
)


# A need told while a person is awaited (round 16 r16b-03 t4).
NEED_PASSED_ON_LINE = (
    "Thank you. I have passed on what would help, so the person who picks up your conversation "
    "can note it and use it each time we contact you."
)
# A closing message longer than "ok thanks" while a person is awaited (round 16 r16b-03 t9).
THANKS_WHILE_AWAITED_LINE = (
    "Thank you. A member of our team will read this conversation and reply. You can still carry "
    "on with me here at any time."
)


def withdrawal_line(reference: str) -> str:
    """A wish to withdraw a complaint, passed to the complaints team (round 16 r16b-09)."""
    return (
        f"I'll pass on that you want to withdraw complaint {reference}. A complaints officer "
        "will close it and confirm with you. If the problem comes back, you can ask us to reopen "
        "it or make a new complaint."
    )


def stage_2_already_asked(policy: Policy) -> str:
    """How Stage 2 goes, to a resident who asked for it in this conversation."""
    return (
        "You have asked for Stage 2, and I have passed your request on. "
        + stage_2_timescale_line(policy)
        + " If you are still not happy after Stage 2, you can go to the Housing Ombudsman."
    )


def stage_2_timescale_line(policy: Policy) -> str:
    """How long Stage 2 takes once a request is matched (6.11, 6.14). No dates: they count from
    when the officer finds the complaint, and only an answered or late Stage 1 goes on."""
    stage_2 = policy.stages[STAGE_2]
    counted_from = "that" if stage_2.respond_from == "acknowledgement" else "your request"
    return (
        f"Once it is at Stage 2, we acknowledge it within {stage_2.acknowledge_within} and send "
        f"our final answer within {stage_2.respond_within} of {counted_from}."
    )


def status_without_reference(policy: Policy) -> str:
    """A status question without the reference: the chat cannot look it up, a person can."""
    landlord = policy.landlord
    return (
        "That's fine. I can only look up a complaint with its reference. A person can find it "
        f"for you: ask to talk to a person here, or call us on {landlord.phone} "
        f"({landlord.office_hours})."
    )


def still_going_on_question(policy: Policy) -> str:
    """Asked before an old matter is proposed as out of time (2.3), in the chat and on the
    phone, with the landlord's time limit."""
    limit = policy.time_limit
    return (
        f"It sounds like this started more than {limit} ago. Is it still happening, or did you "
        f"only find out about it in the last {limit}?"
    )


# The chat's answers to `still_going_on_question` (data/rules/time_limit.yml reads them).
STILL_GOING_ON_BUTTONS = [
    {"title": "Yes, it's still happening", "payload": "/affirm"},
    {"title": "I found out recently", "payload": '/choose{"choice": "found_out_recently"}'},
    {"title": "No, it's over", "payload": "/deny"},
]


def complaint_logged_line(complaint: Complaint) -> str:
    """The chat's confirmation of a logged complaint: its reference and the Code's dates."""
    return (
        f"Your complaint is logged. Your reference is {complaint.reference}. We will acknowledge "
        f"it by {long_date(complaint.acknowledgement_due)} and send you our response by "
        f"{long_date(complaint.response_due)} at the latest. If we need longer, we will tell you "
        "why and give you a new date."
    )


def adjustments_noted_line(review_due: date, known: bool) -> str:
    """After the resident agreed what would help (5.10). Doing it each time needs to know who
    they are (`known`): a chat with no contact details cannot."""
    each_time = (
        ", and we will do it each time you contact us"
        if known
        else " with this request. So that we can do it every time, tell us your name when you "
        "contact us"
    )
    return (
        f"Thank you. We have noted what would help you{each_time}. We will review it by "
        f"{long_date(review_due)}. Tell us at any time if it stops working for you."
    )


NO_ADJUSTMENTS_LINE = "That's fine. You can ask us for help like this at any time."
# At the read-back (actions.repair): a part taken out, and a yes said with a "forget it".
REMOVED_LINE = "Thank you. I've taken that out."
# A correction that asks for what the read-back says already.
ALREADY_SAYS = "Thank you. That is what I have. Here it is again."
# The address asked to be added with none typed and none held (round 19 r19b-10 t10).
ADDRESS_ASKED = "What is your address? Type it here and I will add it before anything is logged."
LOG_IT_CHECK = (
    "Just to check: shall I log your complaint as I read it back? Say yes to log it, or cancel "
    "to stop without logging it."
)


# Read out by a call handler (bot/console/prompts.py, the console's pages) --------------------
OFFER_CHOICE = (
    "I'm sorry things have gone wrong. You can make a formal complaint, and we will give you a "
    "reference and dates for our reply. Or we can try to put it right without a formal "
    "complaint. Either way, any repair you have with us carries on. Which would you like?"
)
ASK_ADJUSTMENTS = (
    "Is there anything that would make it easier for you to deal with us? For example large "
    "print, an interpreter, easy read, or more time."
)
CHECK_CONSENT = (
    "Has the resident agreed to you acting for them? If not yet, we will check with them before "
    "we share their personal details with you."
)

ASB_ROUTE = (
    "Thank you for telling us. Our anti-social behaviour team deals with reports like this: it "
    "is the quickest way to get it looked into. I'll pass it to them now.",
    "If you are unhappy with how we handled an earlier report, that can be a complaint.",
)
PHONE_REQUEST = (
    "Thank you. I'll log this as a request for our team now, and tell you what happens next "
    "and when."
)
PHONE_ENQUIRY = (
    "Thank you. I'll pass your question to the team who deal with it, and they will get back "
    "to you. If it is about something going wrong, you can also make a complaint."
)


def request_lines(
    request: ServiceRequest, call: int, policy: Policy, clocks: Sequence[HazardClock],
    contact_by: date,
) -> list[str]:  # fmt: skip
    """What to read out once a service request is logged: what was logged, what happens next and
    by when (the Awaab's Law dates when they apply), and how we will be in touch."""
    landlord = policy.landlord
    if request.category == ASB_REPORT:
        opening = "I've passed your report to our anti-social behaviour team."
        danger = "If anyone is in danger, call 999."
    else:
        opening = f"I've logged your {'urgent ' if request.urgent else ''}request."
        danger = (
            f"If it gets worse, call our emergency repairs line on "
            f"{landlord.emergency_repairs_phone}, or 999 if anyone is in danger."
        )
    lines = [f"{opening} Your call number is {call}."]
    lines += clock_lines(clocks, policy, "resident")
    if request.urgent:
        lines.append(f"Because it is urgent, the team will contact you today. {danger}")
    else:
        lines.append(f"The team will contact you by {long_date(contact_by)} to arrange what "
                     f"happens next. {danger}")  # fmt: skip
    if request.access_times:
        lines.append(f"We have noted when you are in: {request.access_times}.")
    if request.postal_address:
        lines.append(f"We will write to you at {request.postal_address}.")
    else:
        lines.append(f"We will contact you by {request.contact_preference} on "
                     f"{request.contact_details}.")  # fmt: skip
    lines.append("If you are unhappy with how it goes, tell us and you can make a complaint.")
    return lines


def urgent_logged_lines(
    urgency: Sequence[str], policy: Policy, clocks: Sequence[HazardClock]
) -> list[str]:
    """Read out with a logged complaint when the call also told of danger: it is followed up
    today, apart from the complaint, and by when the law says."""
    if not urgency:
        return []
    return [
        "What you told me about the danger in your home is also passed to our team to follow "
        "up today, separately from your complaint.",
        *clock_lines(clocks, policy, "resident"),
    ]


def logged_lines(complaint: Complaint, policy: Policy) -> list[str]:
    """What to read out once a complaint is logged: the reference and the Code's dates (6.2,
    6.3). A Stage 2 is read out as the chat says it (`escalation_lines`)."""
    return [
        f"Your complaint is now logged. Your reference is {complaint.reference}.",
        f"We will confirm we have your complaint by {long_date(complaint.acknowledgement_due)}.",
        f"We will send you our full reply by "
        f"{long_date(complaint.response_due)} at the latest. If we need more time, we will tell "
        "you why and give you a new date.",
        ombudsman_line(policy),
    ]


def kept_lines(policy: Policy) -> list[str]:
    """When the complaint is saved but the case store is not answering, in the chat and read out
    on the phone. It is logged, once, when the store is back, dated from when the resident told
    us."""
    acknowledge_within = policy.stages[STAGE_1].acknowledge_within
    return [
        "I have saved your complaint. Our complaints system is not working right now, so I "
        "can't give you a reference yet.",
        f"Your complaint counts from today. We will send you the reference when we confirm we "
        f"have your complaint, within {acknowledge_within}.",
        "You don't need to tell us again.",
        ombudsman_line(policy),
    ]


def unmatched_stage_2_lines(policy: Policy) -> list[str]:
    """What to read out when no single complaint matches a Stage 2 request: an officer finds it."""
    return [
        "I can't match those details to one complaint, but you don't need to do anything more.",
        "A complaints officer will find your complaint and write to you about Stage 2.",
        stage_2_timescale_line(policy),
        ombudsman_line(policy),
    ]


def phone_typed_wrong_line(digits: int) -> str:
    """Why a number typed as a phone number was not taken, and what to type instead."""
    return (
        f"The number you typed has {digits} digits. A UK phone number starts with 0 and has 11 "
        "digits, like 07700 900123. Could you check it? You can give an email address instead."
    )


# A protest about a timescale after an emergency's route (round 23, r22a-01 t8 "wednesday?? its a
# gas leak" got "I can't answer that one"): the emergency clock, said plainly.
EMERGENCY_NOT_LEFT = "I'm sorry if that was not clear. An emergency like this is not left for days."
LATER_DATE_WRONG = (
    "The later date I gave you before was for our team to contact you. It is not when it will be "
    "made safe."
)
EMERGENCY_CLOCK = "We must check an emergency and make it safe within 24 hours."
COMPLAIN_ABOUT_HANDLING = (
    "If you are unhappy with how we have dealt with this, you can make a complaint: just tell me."
)


def emergency_clock_lines(
    clocks_said: list[str], far_date_said: bool, emergency_phone: str
) -> list[str]:
    """What a resident who protests a timescale after an emergency's route is told: the 24 hours
    the law sets (the deadline said before, when there is one), and what to do if nobody comes."""
    return [
        EMERGENCY_NOT_LEFT + (f" {LATER_DATE_WRONG}" if far_date_said else ""),
        *(clocks_said or [EMERGENCY_CLOCK]),
        "If nobody has come by then, or it gets worse, call our emergency repairs line on "
        f"{emergency_phone}, day or night.",
    ]
