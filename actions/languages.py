"""The resident's own language, where the landlord provides a text in it (policy_rules/
languages.yml): a goodbye said in it, and a person with an interpreter offered the moment a
language need is told in English ("my english not good", "can u get somali person")."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher

from actions.adjustments import needs_in
from actions.app import get_app
from actions.references import KNOWN_REFERENCE
from actions.turns import said_so_far, written_language
from bot.answers import unhappiness_told
from bot.nlp.matches import RuleMatches
from bot.policy import Policy
from bot.policy.schema import Language
from bot.replies import INTERPRETER_NEED, interpreter_offered_line, unhappy_goodbye_line
from bot.text import words
from bot.triage import TriageResult

GOODBYE_ACTION = "action_goodbye"
PERSON_BUTTON = [{"title": "Talk to a person", "payload": "/request_human"}]
# The common answer (policy_rules/answers.yml) to "do you have an interpreter?".
INTERPRETER_ANSWER = "interpreter"


def goodbye_language(tracker: Tracker, policy: Policy) -> Language | None:
    """The landlord's language a goodbye is said in: its own words ("la revedere"), or the
    language the resident wrote in before saying "bye"."""
    matches = RuleMatches.from_entities(tracker.latest_message.get("entities") or [])
    language_id = matches.goodbye_language or written_language(tracker)
    return policy.languages.get(language_id or "")


class ActionGoodbye(Action):
    """Goodbye, in the resident's language first when they wrote in one of the landlord's."""

    def name(self) -> str:
        return GOODBYE_ACTION

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        policy = get_app().policy
        language = goodbye_language(tracker, policy)
        if language is not None and language.goodbye:
            dispatcher.utter_message(text=language.goodbye)
        if leaves_unhappy(tracker):
            # "this bot is useless tbh bye": sorry, the choice to complain and a person, in
            # one reply that waits on nothing (round 20 r20a-06 t6 got only "Goodbye").
            dispatcher.utter_message(text=unhappy_goodbye_line(policy), buttons=PERSON_BUTTON)
            return []
        dispatcher.utter_message(response="utter_goodbye")
        return []


# What people say of the chat or the service as they leave, beside the policy's dissatisfaction
# cues: "waste of time", "pointless talking to a robot", "no help at all".
ABOUT_THIS_SERVICE = re.compile(
    r"\b(?:waste of (?:my )?time|pointless|no help|not (?:been )?(?:any )?help(?:ful)?|"
    r"unhelpful|hopeless|a joke|crap|shite?|wasted my time)\b"
)


def leaves_unhappy(tracker: Tracker) -> bool:
    """Whether the goodbye tells dissatisfaction, with no complaint logged or found here to
    carry on. The goodbye re-read from a longer message has the cues of the message as typed."""
    if tracker.get_slot(KNOWN_REFERENCE):
        return False
    text = str(tracker.latest_message.get("text") or "")
    if ABOUT_THIS_SERVICE.search(words(text)):
        return True
    typed = (
        event
        for event in reversed(tracker.events)
        if event.get("event") == "user" and str(event.get("text") or "") == text
    )
    return any(
        unhappiness_told(text, list((event.get("parse_data") or {}).get("entities") or []))
        for event in typed
    )


def language_asked_for(text: str, tracker: Tracker, policy: Policy) -> Language | None:
    """The landlord's language a language need is about: the one named ("I need someone speak
    Bangla"), else the one the resident has written in."""
    named = next((lang for lang in policy.languages.values() if lang.named_in(text)), None)
    return named or policy.languages.get(written_language(tracker) or "")


def offered_in_english(said: set[str], policy: Policy) -> bool:
    """Whether a person with an interpreter was offered in English: at a language need, or to
    a message in another language."""
    return interpreter_offered_line(policy) in said or any(
        line.startswith(WROTE_IN) for line in said
    )


# How the English offer to a message in another language begins (bot.replies).
WROTE_IN = "This message looks like it is in"


def say_interpreter_offer(
    dispatcher: CollectingDispatcher, tracker: Tracker, in_english: bool = True
) -> str | None:
    """A person with a free interpreter offered in the language named (or written in) where
    the landlord has a text in it, then in English unless `in_english` is False (a question
    about interpreters answered beside it says so); each once a conversation. The resident's
    words for the need, or None when nothing new was offered."""
    policy = get_app().policy
    said = set(said_so_far(tracker))
    text = str(tracker.latest_message.get("text") or "")
    language = language_asked_for(text, tracker, policy)
    offer = language.interpreter_offer.format(**vars(policy.landlord)) if language else None
    lines = [line for line in (offer, interpreter_offered_line(policy)) if line]
    if offered_in_english(said, policy) or not in_english:
        lines = lines[:-1]
    lines = [line for line in lines if line not in said]
    if not lines:
        return None
    for line in lines:
        dispatcher.utter_message(text=line)
    words = needs_in(tracker, text, tracker.latest_message.get("entities") or [])
    return str(words.get("adjustments_needed") or text)


def offer_interpreter(
    dispatcher: CollectingDispatcher,
    tracker: Tracker,
    result: TriageResult,
    contact_id: int,
    answered: bool = False,
) -> TriageResult:
    """A language need told in English ("my english not good", "sorry my english", "can u get
    somali person") is met at once: a person with a free interpreter offered, and the need
    recorded against the contact (a language is not health data, so no consent is asked;
    5.10). The result comes back without it, so it is neither offered again nor asked about
    (round 17 r17a-14 t1); the complaint form still keeps it as what would help. With the
    common answer about interpreters `answered` beside it, the English offer is not said twice
    (round 14 r14c-02)."""
    if INTERPRETER_NEED not in result.adjustments:
        return result
    said = say_interpreter_offer(dispatcher, tracker, in_english=not answered)
    if said is not None:
        cases = get_app().cases
        need = cases.adjustment(INTERPRETER_NEED, said, disability=False, consent=False)
        cases.agree_adjustments(contact_id, (need,))
    others = tuple(need for need in result.adjustments if need != INTERPRETER_NEED)
    return replace(result, adjustments=others)


def offer_interpreter_in_form(dispatcher: CollectingDispatcher, tracker: Tracker) -> None:
    """A language need told at a form's question ("i am the resident ... please somebody speak
    Somali", round 17 r17a-14 t8) is offered at once too; the form keeps it as what would help
    and the complaint records it."""
    matches = RuleMatches.from_entities(tracker.latest_message.get("entities") or [])
    if INTERPRETER_NEED in matches.adjustments:
        say_interpreter_offer(dispatcher, tracker)
