"""Facts about the conversation turn that several actions record: when, where, and which turn."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import datetime, timezone
from typing import Any

from rasa_sdk import Tracker

from bot.casestore.domain import TranscriptLine
from bot.definition import contact_details_in
from bot.nlp.matches import RuleMatches
from bot.replies import STAGE_2_WITHDRAWN_LINES
from bot.text import words as plain_words


def event_time(event: dict[str, Any]) -> datetime:
    return datetime.fromtimestamp(float(event["timestamp"]), tz=timezone.utc)


def received_at(tracker: Tracker) -> datetime:
    """When the latest message arrived (5.12: the date received starts the Code's clock)."""
    for event in reversed(tracker.events):
        if event.get("event") == "user" and event.get("timestamp"):
            return event_time(event)
    return datetime.now(timezone.utc)


def triaged_at(tracker: Tracker) -> datetime:
    """When the message that was last triaged arrived: the complaint's date received (5.12)."""
    received: datetime | None = None
    triaged: datetime | None = None
    for event in tracker.events:
        if event.get("event") == "user" and event.get("timestamp"):
            received = event_time(event)
        elif event.get("event") == "action" and event.get("name") == "action_triage":
            triaged = received
    return triaged or received_at(tracker)


def model_of(tracker: Tracker) -> str | None:
    """The id of the trained model that parsed the latest message: Rasa notes it on each event."""
    for event in reversed(tracker.events):
        if event.get("event") == "user":
            return (event.get("metadata") or {}).get("model_id")
    return None


def channel_of(tracker: Tracker) -> str:
    return tracker.get_latest_input_channel() or "unknown"


def turn_key(tracker: Tracker, purpose: str) -> str:
    """Names one handover per conversation turn: a retried turn carries the same message id."""
    turn = tracker.latest_message.get("message_id") or len(tracker.events)
    return f"{tracker.sender_id}:{turn}:{purpose}"


# Words that only ask for a complaint: "A formal complaint" says nothing about what went wrong.
ASKING_WORDS = {
    "i", "want", "wanna", "would", "like", "to", "make", "a", "an", "formal", "complaint",
    "complain", "please", "pls", "id", "i'd", "yes", "yeah", "can", "raise", "put", "in", "log",
    "start", "the", "about", "it", "this", "that", "okay", "ok",
}  # fmt: skip


# Messages triage reads that ask or thank rather than tell what went wrong.
NOT_ABOUT_THE_PROBLEM = ("enquiry", "compliment", "survey_feedback", "complaint_status", "escalate")


def problem_messages(tracker: Tracker) -> list[str]:
    """What the resident told us about the problem, in their words: every message that was
    triaged in this conversation, leaving out ones that only ask for a complaint."""
    return [str(message.get("text")) for message in triaged_messages(tracker)]


# Said when the resident leaves a complaint (actions.repair).
LEFT_COMPLAINT = "utter_left_complaint"


def triaged_messages(tracker: Tracker, since_left: bool = True) -> list[dict[str, Any]]:
    """The resident's messages triage read (text and parse data), fillers left out; with
    `since_left`, only those after the resident last left a complaint."""
    told: list[dict[str, Any]] = []
    latest: dict[str, Any] = {}
    for event in tracker.applied_events():
        left = (event.get("metadata") or {}).get("utter_action") == LEFT_COMPLAINT
        if left and since_left:
            # "start again": what was said before the complaint was left is not part of it.
            told = []
        elif event.get("event") == "user":
            latest = {**(event.get("parse_data") or {}), "text": str(event.get("text") or "")}
        elif event.get("event") == "action" and event.get("name") in READ_BY:
            asks = (latest.get("intent") or {}).get("name") in NOT_ABOUT_THE_PROBLEM
            if (asks or event.get("name") != "action_triage") and not tells_a_problem(latest):
                continue
            text = latest.get("text", "")
            words = set(text.lower().replace(",", " ").replace(".", " ").split())
            if text and words - ASKING_WORDS and text not in (m["text"] for m in told):
                told.append(latest)
    return told


# What reads a resident's message: triage, or the complaint reference check a status question
# goes straight to ("CH here ... applied for transfer 18 mths ago, no update since ... v unhappy.
# wants to know where he is on list" was never triaged, round 25 r25b-05 t11).
READ_BY = ("action_triage", "status_form")


def tells_a_problem(message: dict[str, Any]) -> bool:
    """Whether a message read as asking about a complaint, or taking one further, tells the
    problem too: dissatisfaction with one of our services ("I've asked you several times to
    log my complaint and nobody has. Here is the email I sent: ... the hallway light has been
    out for weeks", "applied for transfer 18 mths ago, no update since, chased x3. v unhappy").
    Round 25 r25b-06 t10 and r25b-05 t11 read back only a later message as what went wrong."""
    matches = RuleMatches.from_entities(message.get("entities") or [])
    return bool(matches.dissatisfaction_cues and matches.service_areas)


def earlier_messages(tracker: Tracker) -> list[str]:
    return [
        str(event.get("text") or "")
        for event in tracker.applied_events()
        if event.get("event") == "user" and not str(event.get("text") or "").startswith("/")
    ]


def before_latest_message(tracker: Tracker) -> list[dict[str, Any]]:
    """Every event before the resident's latest message: what they were answering."""
    events = list(tracker.events)
    users = [i for i, e in enumerate(events) if e.get("event") == "user"]
    return events[: users[-1]] if users else events


def last_slot_value(events: Iterable[dict[str, Any]], slots: Iterable[str]) -> str | None:
    """The last value any of these slots was set to in these events, though a form may have
    cleared it since (a part chosen for changing, a check the other form asked)."""
    names = set(slots)
    values = (
        str(event.get("value"))
        for event in reversed(list(events))
        if event.get("event") == "slot" and event.get("name") in names and event.get("value")
    )
    return next(values, None)


def after_latest_message(tracker: Tracker) -> list[dict[str, Any]]:
    """What has happened since the resident's latest message: this turn so far."""
    return list(tracker.events)[len(before_latest_message(tracker)) :]


def said_so_far(tracker: Tracker) -> list[str]:
    """Every line the assistant has said in this conversation, in order."""
    return [str(e.get("text") or "") for e in tracker.events if e.get("event") == "bot"]


def last_question(tracker: Tracker) -> dict[str, Any] | None:
    """What the assistant last said before this message: the question still waiting."""
    for event in reversed(before_latest_message(tracker)):
        if event.get("event") == "bot" and event.get("text"):
            return {"text": event["text"], "buttons": (event.get("data") or {}).get("buttons")}
    return None


# The words every reply that says the assistant is automated carries (utter_greet too).
AUTOMATED = "automated assistant"


def said_it_is_automated(tracker: Tracker) -> bool:
    """Whether the assistant has said it is automated: in this turn, or by replying before in
    this session (its first reply says it)."""
    before = before_latest_message(tracker)
    for event in after_latest_message(tracker):
        if event.get("event") == "bot" and AUTOMATED in str(event.get("text") or "").lower():
            return True
    for event in reversed(before):
        if event.get("event") == "session_started":
            return False
        if event.get("event") == "bot":
            return True
    return False


def written_language(tracker: Tracker) -> str | None:
    """The landlord's language the resident last wrote in, when it was not English (the rule
    matcher's `language` entity): a reply that matters is given in it too."""
    for event in reversed(tracker.events):
        if event.get("event") != "user":
            continue
        entities = (event.get("parse_data") or {}).get("entities") or []
        language = next((e.get("value") for e in entities if e.get("entity") == "language"), None)
        if language:
            return str(language)
    return None


def transcript_of(tracker: Tracker) -> tuple[TranscriptLine, ...]:
    """Every message both ways, as the conversation's events record them (5.12)."""
    directions = {"user": "resident", "bot": "assistant"}
    return tuple(
        TranscriptLine(
            at=event_time(event),
            direction=directions[event["event"]],  # type: ignore[arg-type]
            text=str(event["text"]),
        )
        for event in tracker.events
        if event.get("event") in directions and event.get("text") and event.get("timestamp")
    )


SUBMIT_COMPLAINT_ACTION = "action_submit_complaint"
STAGE_2_SUBMIT = "action_submit_escalation"


def stage_2_asked(tracker: Tracker) -> bool:
    """Whether a Stage 2 request was passed on earlier in this conversation, and not taken back
    since: "Carry on here" after "i do NOT want stage 2. take it back" was told "You have asked
    for Stage 2, and I have passed your request on" (round 26 r26b-07 t6)."""
    asked = False
    for event in tracker.events:
        if event.get("event") == "action" and event.get("name") == STAGE_2_SUBMIT:
            asked = True
        elif event.get("event") == "bot" and str(event.get("text") or "").startswith(
            STAGE_2_WITHDRAWN_LINES
        ):
            asked = False
    return asked


def details_held(tracker: Tracker) -> bool:
    """Whether the conversation holds a way to contact the resident: a web chat often does not,
    and "our team will contact you" then is a promise nobody can keep (round 9 r9b-17). A
    number or email the resident typed anywhere in it counts, the form's answer being cleared
    once a complaint is logged ("we do not have a phone number" just after logging one with it,
    round 10 r10a-01, r10c-11)."""
    return bool(tracker.get_slot("contact_details")) or typed_anywhere(tracker, contact_details_in)


def typed_anywhere(tracker: Tracker, finds: Callable[[str], object]) -> bool:
    """Whether any message the resident typed in this conversation holds what `finds` looks
    for (an email, a phone number)."""
    return any(
        finds(str(event.get("text") or ""))
        for event in tracker.events
        if event.get("event") == "user"
    )


# Button titles that are plain answers to any question ("no" to "If not, just say no"), or a
# request the rules take at any question.
# "No thank you." at "Is there anything that would make it easier?" is a plain no, though a
# button elsewhere says "No, thank you" (round 25 r25b-03 t9 was asked again).
PLAIN_ANSWERS = (
    "yes", "no", "not yet", "talk to a person", "no thank you", "no thanks", "yes please",
)  # fmt: skip


def title_words(text: str) -> str:
    """A button title's words as residents type them: "im the resident" for "I'm the resident"."""
    return plain_words(text).replace("'", "").replace("\u2019", "")


def button_title(domain: dict[str, Any], text: str) -> bool:
    """Whether the words are the title of one of the assistant's buttons ("I'm helping someone
    else"): typed at a question they do not answer, they are never its answer (round 23
    r23a-08 t11 was read back as the way to contact her)."""
    said = title_words(text)
    return (
        bool(said)
        and said not in PLAIN_ANSWERS
        and any(
            title_words(str(button.get("title") or "")) == said
            for variants in (domain.get("responses") or {}).values()
            for variant in variants
            for button in variant.get("buttons") or []
        )
    )


def another_questions_title(tracker: Tracker, domain: dict[str, Any], text: str) -> bool:
    """Whether the words are a button's title from another of the assistant's questions, not
    one of the waiting question's own buttons ("Email" at the contact question is its own)."""
    asked = last_question(tracker) or {}
    own = {title_words(str(b.get("title") or "")) for b in asked.get("buttons") or []}
    return title_words(text) not in own and button_title(domain, text)


# The parts of the complaint told in the resident's own words, asked again when chosen for
# changing at the read-back.
WRITTEN_PART_SLOTS = ("complaint_aspects", "outcome_sought", "earlier_request", "still_happening")


def part_asked_again(tracker: Tracker) -> bool:
    """Whether the question waiting asks again for a part of the complaint told in the
    resident's words, chosen for changing at the read-back: the new words change only that part
    (round 25 r25b-05 t14 added a new account of what went wrong to what would help too)."""
    if tracker.get_slot("requested_slot") not in WRITTEN_PART_SLOTS:
        return False
    shown = False
    for event in tracker.events:
        submitted = event.get("event") == "action" and event.get("name") == SUBMIT_COMPLAINT_ACTION
        if submitted or (event.get("metadata") or {}).get("utter_action") == LEFT_COMPLAINT:
            shown = False
        elif event.get("event") == "slot" and event.get("name") == "awaiting_confirmation":
            shown = shown or event.get("value") is True
    return shown and not tracker.get_slot("awaiting_confirmation")
