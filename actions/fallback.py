"""When the assistant cannot help: after two misunderstandings it offers a person."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet, UserUtteranceReverted
from rasa_sdk.executor import CollectingDispatcher

from actions.app import get_app
from actions.repair import NOTHING_OPEN, as_message
from actions.session import say_it_is_automated
from actions.triage import contact_record
from actions.turns import after_latest_message, said_so_far
from bot.answers import open_question
from bot.nlp.matches import RuleMatches, only_other_alphabets
from bot.policy import Policy
from bot.replies import INTERPRETER_NEED, not_english_reply, other_language_lines
from bot.triage import triage

OFFER_PERSON_AFTER = 2


class ActionMisunderstood(Action):
    def name(self) -> str:
        return "action_misunderstood"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        count = int(tracker.get_slot("misunderstandings") or 0) + 1
        out_of_scope = tracker.get_intent_of_latest_message() == "out_of_scope"
        language = RuleMatches.from_entities(tracker.latest_message.get("entities") or []).language
        if language is not None:
            return in_another_language(dispatcher, tracker, language)
        say_it_is_automated(dispatcher, tracker)
        if only_other_alphabets(str(tracker.latest_message.get("text") or "")):
            dispatcher.utter_message(text=not_english_reply(get_app().policy))
        else:
            dispatcher.utter_message(
                response="utter_out_of_scope" if out_of_scope else "utter_default"
            )
        if count >= OFFER_PERSON_AFTER:
            dispatcher.utter_message(response="utter_offer_person")
        # The message is set aside so the conversation carries on from where it was.
        return [UserUtteranceReverted(), SlotSet("misunderstandings", count)]


def hands_over(tracker: Tracker, language_id: str, policy: Policy) -> bool:
    """Whether a message in one of the landlord's languages goes to a person: it asks for one
    in its own words, or it comes after the offer of a person with an interpreter."""
    language = policy.languages[language_id]
    offered_before = other_language_lines(language_id, policy)[-1] in said_so_far(tracker)
    text = str(tracker.latest_message.get("text") or "")
    return offered_before or language.asks_for_a_person(text)


def in_another_language(
    dispatcher: CollectingDispatcher, tracker: Tracker, language_id: str
) -> list[EventType]:
    """Help in the resident's language, the language need recorded against the contact as an
    adjustment (5.10; a language is not special category data), and a person offered."""
    app = get_app()
    language = app.policy.languages[language_id]
    lines = other_language_lines(language_id, app.policy)
    if hands_over(tracker, language_id, app.policy):
        # "أريد التحدث مع شخص" asks for a person as "person" does, so it is re-read as that
        # request and its rules hand over once (inside a form too). Running the handover from
        # here left no rule to follow it: the fallback ran again, and the handover with it,
        # until Rasa's limit of ten actions (round 8: the handover said five times).
        # Writing again in the language after the offer of a person with an interpreter
        # ("نعم، مترجم عربي", yes, an Arabic interpreter) is taken as accepting it: the same
        # three messages again helped nobody (round 9 r9c03).
        return as_message(tracker, open_question(tracker) or NOTHING_OPEN, "request_human", {})
    # The first message in this language is the contact; the need is noted once.
    result = triage(tracker.latest_message, app.policy)
    contact_id = app.cases.record_contact(contact_record(tracker, result))
    need = app.cases.adjustment(
        INTERPRETER_NEED, f"Wrote to us in {language.name}", disability=False, consent=False
    )
    app.cases.agree_adjustments(contact_id, (need,))
    # The safety check may have given the interpreter offer with a danger's route this turn.
    said_now = {
        str(e.get("text")) for e in after_latest_message(tracker) if e.get("event") == "bot"
    }
    for line in lines[:-1]:
        if line not in said_now:
            dispatcher.utter_message(text=line)
    dispatcher.utter_message(
        text=lines[-1], buttons=[{"title": "Talk to a person", "payload": "/request_human"}]
    )
    return [SlotSet("contact_id", contact_id)]
