"""The resident's answer to the offer to complain, recorded either way (Code 1.3)."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.adjustments import needs_told_before
from actions.app import get_app
from actions.contact import contact_already_told
from actions.references import KNOWN_REFERENCE
from actions.request_contact import ask_or_record_contact
from actions.turns import earlier_messages, received_at, stage_2_asked, triaged_messages
from bot.answers import (
    JUST_THE_REPAIR,
    asks_for_a_complaint,
    goes_on_told,
    says_leave,
    wants_it_logged,
)
from bot.calendar import UK_TIME
from bot.casestore.domain import Choice, ServiceRequest
from bot.definition import (
    consent_told,
    helps_the_resident,
    job_reference_in,
    long_date,
    postal_address_in,
    titled_names,
)
from bot.nlp.matches import DANGER_TOLD, NEGATED_URGENCY, RuleMatches
from bot.policy import Answer
from bot.questions import found_by_pointing_back
from bot.replies import PUT_RIGHT_INSTEAD_LINE, exclusion_lines, stage_2_already_asked
from bot.reply_dates import asks_when_due, asks_where_the_reply_is, day_told, reply_dates_line
from bot.text import contains, sentences_clear_of, words
from bot.told import (
    about_the_problem,
    caller_is_the_resident,
    earlier_report_told,
    outcome_told,
    resident_own_name,
    says_they_are_the_resident,
    staff_for_the_resident,
)


class ActionRecordChoice(Action):
    def name(self) -> str:
        return "action_record_choice"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        intent = tracker.get_intent_of_latest_message()
        # Reached from triage when the first message asked for a complaint in words, not from
        # an answer to the offer (actions.triage).
        said = str(tracker.latest_message.get("text") or "")
        asked_in_words = intent not in ("affirm", "deny") and (
            asks_for_a_complaint(said) or comes_back_to_the_complaint(tracker, said)
        )
        wants_complaint = intent == "affirm" or asked_in_words
        choice: Choice = "complaint" if wants_complaint else "no_complaint"
        contact_id = tracker.get_slot("contact_id")
        cases = get_app().cases
        if contact_id is not None:
            cases.record_choice(int(contact_id), choice)
        dispatcher.utter_message(
            response="utter_choice_complaint" if wants_complaint else "utter_choice_no_complaint"
        )
        if asked_in_words:
            # The choice was made without being offered (Code 1.3): the other way is still open.
            dispatcher.utter_message(text=PUT_RIGHT_INSTEAD_LINE)
        events: list[EventType] = [
            SlotSet("complaint_choice", choice),
            SlotSet("choice_pending", False),
        ]
        court = court_claim_beside_the_choice(tracker) if wants_complaint else None
        if court is not None:
            for line in exclusion_lines(LEGAL_PROCEEDINGS, get_app().policy):
                dispatcher.utter_message(text=line)
        if asked_in_words:
            return [
                *events,
                *with_court_claim(already_told(tracker), court),
                FollowupAction("complaint_form"),
            ]
        if wants_complaint:
            return with_court_claim(events + already_told(tracker), court)
        if contact_id is None:
            return events
        # Put right without a complaint is a service request (1.4): the team that puts it right
        # needs it logged and a way to reach the resident.
        area = tracker.get_slot("service_area") or "general"
        cases.log_service_request(
            int(contact_id), ServiceRequest(area, urgent=False, description=job_told(tracker))
        )
        offer_adjustments = bool(tracker.get_slot("adjustment_ids"))
        return events + ask_or_record_contact(
            dispatcher, tracker, int(contact_id), offer_adjustments
        )


LEGAL_PROCEEDINGS = "legal_proceedings"


def court_claim_beside_the_choice(tracker: Tracker) -> str | None:
    """The sentence of the answer that chose to complain which tells of a claim already at
    court ("formal pls. also their solicitor has already issued a claim in the county court"),
    unless the words say none is filed: explained as a possible exclusion (Code 2.2) and kept
    with what went wrong. Round 24 r24b-04 t2 said nothing of it, and it was not read back."""
    choosing = str(tracker.latest_message.get("text") or "")
    if choosing.startswith("/"):
        return None
    ground = get_app().policy.grounds.get(LEGAL_PROCEEDINGS)
    if ground is None or any(contains(words(choosing), words(c)) for c in ground.not_cues):
        return None
    for sentence in re.split(r"(?<=[.!?\n])\s+", choosing):
        said = words(sentence)
        if any(contains(said, words(cue)) for cue in (*ground.part_cues, *ground.cues)):
            return without_choosing(sentence).strip() or sentence.strip()
    return None


def with_court_claim(events: list[EventType], court: str | None) -> list[EventType]:
    """What went wrong with the court claim told beside the choice added, once."""
    if court is None:
        return events
    aspects = next(
        (
            e["value"]
            for e in reversed(events)
            if e.get("event") == "slot" and e.get("name") == "complaint_aspects"
        ),
        None,
    )
    if aspects and words(court) in words(str(aspects)):
        return events
    return [*events, SlotSet("complaint_aspects", f"{aspects or ''} {court}".strip())]


def job_told(tracker: Tracker) -> str:
    """What is to be put right, in the resident's words: the messages about the problem, and
    the choice when it names the job ("nah leave the complaint. can u just get the stairs light
    fixed, block B"), so the team is not left to ask again (round 9 r9c11)."""
    told = [m["text"] for m in triaged_messages(tracker)]
    choosing = str(tracker.latest_message.get("text") or "")
    if JUST_THE_REPAIR.search(words(choosing).replace("'", "")) and choosing not in told:
        told.append(choosing)
    return " ".join(told)


# "You also mentioned: "...". This sounds like ...": a part of the message given its own route
# (anti-social behaviour, another body, a matter we cannot take); a job noted as a request
# beside the complaint stays part of it.
ALSO_MENTIONED = re.compile(r'You also mentioned: "(?P<part>[^"]+)"\.\s+This sounds like\b')


def routed_elsewhere(tracker: Tracker) -> list[str]:
    """The parts of the resident's messages we gave a route of their own (drug dealing next
    door beside a repair complaint), as we echoed them."""
    return [
        found.group("part")
        for event in tracker.events
        if event.get("event") == "bot"
        for found in ALSO_MENTIONED.finditer(str(event.get("text") or ""))
    ]


def without_parts(text: str, parts: list[str]) -> str:
    """A message without the parts that went elsewhere; the whole message when nothing is left."""
    left = text
    for part in parts:
        left = left.replace(part.strip(), " ")
    left = re.sub(r"(?:[\s,;]+(?:and|but|also|plus))+[\s,;]*$", "", " ".join(left.split()))
    # "I am writing for two things. . Also ...": the stop the part left behind, or its question
    # mark ("...got nowhere. ? Thanks", round 20 r20a-08 t6, replayed).
    left = re.sub(r"([.!?])(?:\s*[.,;?!])+", r"\1", left).strip(" ,;")
    return left if words(left) else text


# The kinds of danger cue a message's entities carry, with where they were said; a danger
# denied ("im not going to do anything silly") is no part of what went wrong either.
DANGER_CUES = (*DANGER_TOLD, NEGATED_URGENCY)


def without_danger_to_a_person(message: dict[str, Any]) -> str:
    """A message's text without its sentences that tell of a danger to a person (despair,
    abuse, a threat): their route answers them, and they are no part of what went wrong. "the
    mould in my sons room has been there since spring ... honestly whats the point anymore, i
    dont want to wake up", then "sorry im not going to do anything silly ... i want to make a
    complaint about the mould" read the despair back in the complaint (round 22's new model,
    replaying round 12 r12c-18). A hazard in the home stays: it is what went wrong."""
    text = str(message.get("text") or "")
    urgency = get_app().policy.urgency
    danger_at = [
        (int(e["start"]), int(e["end"]))
        for e in message.get("entities") or []
        if e.get("entity") in DANGER_CUES
        and "start" in e
        and str(e.get("value") or "").split(":")[-1] in urgency
        and urgency[str(e.get("value")).split(":")[-1]].to_a_person
    ]
    return " ".join(sentences_clear_of(text, danger_at)) if danger_at else text


def problem_told(tracker: Tracker, told: list[dict[str, Any]]) -> str:
    """What went wrong, without sentences about the conversation itself ("can we carry on
    where we were"); when nothing else was said since the resident left the complaint, what
    they told before leaving it (round 12 r12d-06, r12d-16 read back only the return line).
    A part given its own route is no part of it: drug dealing next door, told beside a tap
    complaint, was read back in the complaint she feared the neighbours would hear of (round
    19 r19b-01 t8)."""
    elsewhere = routed_elsewhere(tracker)
    said = " ".join(
        s
        for i, m in enumerate(told)
        if (
            s := about_the_problem(
                without_staff_opener(
                    without_parts(without_danger_to_a_person(chosen_later(m, told[:i])), elsewhere)
                )
            )
        )
    )
    if said:
        return said
    before = " ".join(
        s
        for m in triaged_messages(tracker, since_left=False)
        if (s := about_the_problem(without_parts(without_danger_to_a_person(m), elsewhere)))
    )
    return before or " ".join(m["text"] for m in told)


# "CH here. cust Mr Obi ...", "call handler here - caller says ...": the handler's opener, and
# the word for the caller after it, are no part of what went wrong (round 24 r24b-04 t10 read
# back "CH here. cust ..."). The caller's own account stays.
STAFF_OPENER = re.compile(
    r"^\W*(?i:ch|csa|csr|call handler)\s+(?i:here|typing|speaking)\b"
    r"[\s.,:;!-]*(?:(?i:cust(?:omer)?|caller|tenant)\b[\s.,:;-]*|(?-i:T)\b[\s.,:;-]*)?"
    r"(?:(?i:says|reports|reporting|said)\b[\s,:-]*)?"
)


def without_staff_opener(text: str) -> str:
    """A call handler's message without the opener that says who is typing."""
    left = STAFF_OPENER.sub("", text, count=1).strip()
    return left[:1].upper() + left[1:] if left and left != text.strip() else text


def chosen_later(message: dict[str, Any], before: list[dict[str, Any]]) -> dict[str, Any]:
    """A message that chose to complain after the problem was told, without its words that
    choose, the way not chosen, and what the messages before it already told: "actually I want
    to make a formal complaint about being passed around, not the put it right thing" adds
    nothing to "Im at my wits end with being passed around" (round 23 r23b-07 t4 read it all
    back in what went wrong)."""
    if not before or (message.get("intent") or {}).get("name") != "make_complaint":
        return message
    text = str(message.get("text") or "")
    said_before = words(" ".join(str(m.get("text") or "") for m in before))
    kept = [
        left.strip()
        for sentence in re.split(r"(?<=[.!?\n])\s+", text)
        if set(words(left := without_choosing(sentence)).split()) - CHOICE_WORDS
        and words(left) not in said_before
    ]
    # Entities' places no longer fit the words: what went wrong reads only the text.
    return {"text": " ".join(kept), "intent": message.get("intent")}


def problem_beside_the_choice(tracker: Tracker, told: list[dict[str, Any]]) -> str:
    """What went wrong, told in the words that chose to complain: only when they tell of
    dissatisfaction of their own, never "I think she'd want it made formal, yes"."""
    choosing = str(tracker.latest_message.get("text") or "")
    if choosing.startswith("/") or choosing in (m["text"] for m in told):
        return ""
    # The choice re-read as its button keeps the words, not what the rules found in them: those
    # are on the message as it first came.
    found = [
        entity
        for event in tracker.events
        if event.get("event") == "user" and event.get("text") == choosing
        for entity in (event.get("parse_data") or {}).get("entities") or []
    ]
    # The word "complaint" in "i want to make a complaint about the mould" is the choice, not
    # dissatisfaction told: "im not going to do anything silly ... im just worn out" beside it
    # is no account of what went wrong (round 12 r12c-18). A cue whose words are not known
    # counts.
    cues = [
        choosing[int(e["start"]) : int(e["end"])] if "start" in e and "end" in e else None
        for e in [*(tracker.latest_message.get("entities") or []), *found]
        if e.get("entity") == "dissatisfaction_cue"
    ]
    if not any(cue is None or set(words(cue).split()) - CHOICE_WORDS for cue in cues):
        return ""
    kept = [
        left.strip()
        for sentence in re.split(r"(?<=[.!?\n])\s+", about_the_problem(choosing))
        if set(words(left := without_choosing(sentence)).split()) - CHOICE_WORDS
    ]
    return " ".join(kept)


# "actually I want to make a formal complaint about being passed around, not the put it right
# thing": the words that choose, and the way not chosen, are no part of what went wrong (round
# 23 r23b-07 t4 read them back in it); "being passed around" is.
CHOOSING = re.compile(
    r"^\W*(?:(?:actually|ok|okay|right|so|yes|yeah|no|well|wait|sorry|hmm|erm|um)\b[\s,.!]*)*"
    r"(?:(?:i|we|she|he|they|t|cust|customer|caller|tenant)(?:\s+|(?=['\u2019])))?"
    r"(?:(?:do|does|would|'d|d)\s+)?(?:(?:really|still|now)\s+)?"
    r"(?:want|wants|wanna|would like|like|need|needs|prefer|prefers|['\u2019]d like|d like)?\s*"
    r"(?:to\s+)?"
    r"(?:make|log|put in|raise|file|lodge|go with|go for|do|have)\s+(?:a\s+|the\s+|it\s+)?"
    r"(?:formal\s+|proper\s+|official\s+)?(?:complaint|one)\b\s*"
    r"(?:about|re|regarding|over|for|on|that)?\s*",
    re.IGNORECASE,
)
NOT_THE_OTHER_WAY = re.compile(
    r"[,;]?\s*(?:not|rather than|instead of|and not)\s+(?:the\s+|a\s+|an\s+|just\s+)?"
    r"(?:put(?:ting)? it right|informal|quick fix|without (?:a\s+)?(?:formal\s+)?complaint"
    r"|other (?:one|option|way))\b[^,.;!?]*",
    re.IGNORECASE,
)


def without_choosing(sentence: str) -> str:
    """A sentence without its words choosing to complain and the way not chosen."""
    return CHOOSING.sub("", NOT_THE_OTHER_WAY.sub("", sentence), count=1)


# Words that only choose to complain: "Make a formal complaint", "yes she wants to complain".
CHOICE_WORDS = {
    "make", "a", "formal", "complaint", "complain", "complaining", "i", "we", "she", "he", "they",
    "cust", "customer", "t", "tenant", "caller", "want", "wants", "wanted", "to", "yes", "yeah",
    "please", "pls", "plz", "it", "log", "the", "would", "like", "id", "i'd", "ok", "okay", "so",
    "and", "now", "then", "do", "that", "one", "put", "in", "formally", "go", "ahead",
}  # fmt: skip


def already_told(tracker: Tracker) -> list[EventType]:
    """What the conversation has already given, so the form does not ask for it again: what
    went wrong (every message about the problem, in the resident's words, read back for them
    to change), who they are acting for, a name and contact details."""
    told = triaged_messages(tracker)
    events: list[EventType] = []
    # Also when nothing was told since the resident left the complaint: "can we carry on where
    # we were?" is a question, and what they told before leaving is the complaint.
    problem = problem_told(tracker, told)
    more = problem_beside_the_choice(tracker, told)
    if more and words(more) not in words(problem):
        # "cust says they rang twice already sat and sun and told someone would come, no one
        # came. wants to complain": the failure told with the choice is what went wrong too,
        # never left out of the read-back (round 22 r22a-06 t2, t10).
        problem = f"{problem} {more}".strip()
    if problem:
        events.append(SlotSet("complaint_aspects", problem))
    matches = RuleMatches.from_entities(e for m in told for e in m.get("entities") or [])
    if matches.ongoing:
        events.append(SlotSet("still_happening", True))
    elif tracker.get_slot("still_happening") is None:
        # "Its out again now", or "so no it's not still happening" said with the choice: not
        # asked again (round 15 r15b-12, r15a-02).
        choosing = str(tracker.latest_message.get("text") or "")
        said = [m["text"] for m in told] + ([] if choosing.startswith("/") else [choosing])
        goes_on = [g for text in said if (g := goes_on_told(text)) is not None]
        if goes_on:
            events.append(SlotSet("still_happening", any(goes_on)))
    # A job number, or else the words that tell of a report already made ("he reported it
    # twice"): the earlier-job question is not asked again.
    job = next((j for m in told if (j := job_reference_in(m["text"]))), None) or next(
        (r for m in told if (r := earlier_report_told(m["text"]))), None
    )
    if job:
        events.append(SlotSet("earlier_request", job))
    # Or in the answer that chose to complain: "formal c/o. ... T wants proper fix (extractor
    # fan) + apology" (round 19 r19b-13 t3 was asked for it again).
    choosing = str(tracker.latest_message.get("text") or "")
    outcome = next((o for m in told if (o := outcome_told(m["text"]))), None) or (
        None if choosing.startswith("/") else outcome_told(choosing)
    )
    if outcome:
        # "wants it fixed + compensation": what would put it right, in their words.
        events.append(SlotSet("outcome_sought", outcome))
    if (
        tracker.get_slot("representative_relationship")
        or matches.relationships
        # "caller is Daniel Price, son of T Mr Alan Price", "a solicitor ... acting for your
        # tenant Mr Tomasz Nowak" (round 15 r15a-14, r15d-06 were asked who they are).
        or any(helps_the_resident(m["text"]) for m in told)
    ):
        # "writing for my neighbour Mrs Doris Allen": the helper is not asked who they are.
        events.append(SlotSet("acting_for", "someone_else"))
        if any(consent_told(m["text"]) for m in told):
            # "rep = son Imran (consent given on call)": not asked again (round 16 r16b-14 t11).
            events.append(SlotSet("representative_consent", True))
    elif any(
        says_they_are_the_resident(m["text"]) or caller_is_the_resident(m["text"]) for m in told
    ) or any(
        # "call handler here. cust reports break in overnight ...": staff relay for the
        # resident on the line, who is no helper of her own (round 23 r23a-06 t12-t16 was asked
        # and read back "You are helping them: Ms Jade Okafor").
        resident_own_name(text) or staff_for_the_resident(text)
        for text in earlier_messages(tracker)
    ):
        # "ok yes. I'm Grace Obi the tenant, ring 07700 900417" answered our offer to contact
        # her, so triage did not read it (round 18 r18a-15 t8 was asked again).
        # "caller Mr Kwame Osei T at 7 Kings Walk": a call handler relays for the resident
        # (round 15 r15a-03 was asked whether they were the resident), and by that name.
        events.append(SlotSet("acting_for", "resident"))
        named = next(
            (n for m in told if caller_is_the_resident(m["text"]) for n in titled_names(m["text"])),
            None,
        )
        if named and not tracker.get_slot("contact_name"):
            events.append(SlotSet("contact_name", named))
    events += contact_already_told(tracker)
    return events + needs_told_before(tracker)


# The complaint left earlier named when asking for it to be logged after all: "log it now pls,
# same details" (round 14 r14d-16), not "log it" alone, which may be a repair.
SAME_COMPLAINT = re.compile(
    r"\bcomplaint\b|\bsame details\b|\bdetails (?:you )?(?:already )?(?:had|have|got)\b"
    r"|\bas before\b",
    re.IGNORECASE,
)


def comes_back_to_the_complaint(tracker: Tracker, text: str) -> bool:
    """Whether a message asks, after all, for the complaint left earlier in this conversation:
    "ok changed my mind lets do the bins complaint after all", "he's changed his mind again,
    log it now pls, same details" (round 14 r14d-10, r14d-16)."""
    return tracker.get_slot("complaint_choice") == "no_complaint" and (
        asks_for_a_complaint(text)
        or (
            wants_it_logged(text)
            and SAME_COMPLAINT.search(text) is not None
            and not says_leave(text)
        )
    )


# How long a repair takes (policy_rules/answers.yml).
REPAIR_TIMESCALES = "repair_timescales"


# Answers that end by saying how to ask for Stage 2 (policy_rules/answers.yml).
HOW_TO_ASK_FOR_STAGE_2 = ("stage_2", "after_the_answer")
# The answers that say how long a complaint takes (policy_rules/answers.yml).
COMPLAINT_TIMESCALES = ("complaint_timescales", "how_complaints_work")


def making_a_complaint_here(tracker: Tracker, said: str) -> bool:
    """Whether a new complaint is being made in this conversation and not yet logged: the
    choice is open or made, or its questions or summary are, and no Stage 2 was asked for."""
    if tracker.get_slot(KNOWN_REFERENCE) or stage_2_asked(tracker) or asks_where_the_reply_is(said):
        return False
    return bool(
        tracker.get_slot("choice_pending")
        or tracker.get_slot("complaint_choice") == "complaint"
        or tracker.active_loop_name == "complaint_form"
        or tracker.get_slot("awaiting_confirmation")
    )


# The common answer to "do you need my address?" (policy_rules/answers.yml).
ADDRESS_NEEDED = "address_needed"


def answer_in_context(tracker: Tracker, said: str, answer: Answer) -> Answer:
    """ "how long will it take?" after choosing to have it put right without a complaint asks
    about the repair, not the complaints process (round 12 r12d-18). Once Stage 2 was asked for
    here, "When you want Stage 2, tell me" would leave the resident unsure it was (round 14
    r14d-07, r14d-15): how long it takes is said with that."""
    app = get_app()
    answers = app.answers
    if answer.id in HOW_TO_ASK_FOR_STAGE_2 and stage_2_asked(tracker):
        return replace(answer, text=stage_2_already_asked(app.policy))
    if answer.id in COMPLAINT_TIMESCALES and asks_when_due(said):
        # "if i made it on 13 november when should i have got a reply by?" (round 16 r16b-08
        # got "I can't answer that one"): the dates, from the Code's clocks, for that day.
        today = received_at(tracker).astimezone(UK_TIME).date()
        made_on = day_told(said, today)
        if made_on is not None:
            return replace(answer, text=reply_dates_line(made_on, today, app.cases.deadlines))
    if answer.id in COMPLAINT_TIMESCALES and making_a_complaint_here(tracker, said):
        # "When will I actually get a reply though? Christmas is coming" part-way through a first
        # complaint (round 19 r19b-10 t2 got "I can't answer that one"): the Stage 1 dates from
        # today, as they will be when it is logged now.
        _, acknowledge_by, respond_by = app.cases.deadlines(received_at(tracker))
        return replace(
            answer,
            text=f"If I log your complaint today, we acknowledge it by {long_date(acknowledge_by)} "
            f"and send you our answer by {long_date(respond_by)}. {answer.text}",
        )
    given = postal_address_in(said) if answer.id == ADDRESS_NEEDED else None
    if given:
        # "do you need my address for the electrician? its flat 2, 30 Station Road, Crewe CW1
        # 2AB": the address given is said back, never "if you have not given it yet, tell me"
        # (round 25 r25b-13 t12-t13 sent it again and it was taken as survey feedback).
        return replace(
            answer,
            text=f"Thank you. The address I have is {given}. Our team will check it with you "
            "before anyone comes.",
        )
    if (
        tracker.get_slot("complaint_choice") == "no_complaint"
        and REPAIR_TIMESCALES in answers
        and found_by_pointing_back(said, answer)
    ):
        return answers[REPAIR_TIMESCALES]
    return answer
