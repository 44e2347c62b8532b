"""The resident's own language, where the landlord provides a text in it (policy_rules/
languages.yml): a goodbye said in it, and a person with an interpreter offered the moment a
language need is told in English ("my english not good", "can u get somali person")."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher

from actions.adjustments import needs_in
from actions.app import get_app
from actions.turns import written_language
from bot.nlp.matches import RuleMatches
from bot.policy import Policy
from bot.policy.schema import Language
from bot.replies import INTERPRETER_NEED, interpreter_offered_line
from bot.triage import TriageResult

GOODBYE_ACTION = "action_goodbye"


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
        language = goodbye_language(tracker, get_app().policy)
        if language is not None and language.goodbye:
            dispatcher.utter_message(text=language.goodbye)
        dispatcher.utter_message(response="utter_goodbye")
        return []


def language_asked_for(text: str, tracker: Tracker, policy: Policy) -> Language | None:
    """The landlord's language a language need is about: the one named ("I need someone speak
    Bangla"), else the one the resident has written in."""
    named = next((lang for lang in policy.languages.values() if lang.named_in(text)), None)
    return named or policy.languages.get(written_language(tracker) or "")


def interpreter_offered_before(tracker: Tracker, policy: Policy) -> bool:
    """Whether this conversation has offered a person with an interpreter already, in English
    or in one of the landlord's languages."""
    landlord = vars(policy.landlord)
    offers = {interpreter_offered_line(policy)} | {
        language.interpreter_offer.format(**landlord) for language in policy.languages.values()
    }
    said = (str(e.get("text") or "") for e in tracker.events if e.get("event") == "bot")
    return any(line in offers or line.startswith("This message looks like") for line in said)


def offer_interpreter(
    dispatcher: CollectingDispatcher, tracker: Tracker, result: TriageResult, contact_id: int
) -> TriageResult:
    """A language need told in English ("my english not good", "sorry my english", "can u get
    somali person") is met at once: a person with a free interpreter offered, in the language
    named where the landlord has a text in it, and the need recorded against the contact (a
    language is not health data, so no consent is asked; 5.10). The result comes back without
    it, so it is neither offered again nor asked about (round 17 r17a-14 t1); the complaint
    form still keeps it as what would help."""
    if INTERPRETER_NEED not in result.adjustments:
        return result
    app = get_app()
    policy = app.policy
    if not interpreter_offered_before(tracker, policy):
        text = str(tracker.latest_message.get("text") or "")
        language = language_asked_for(text, tracker, policy)
        if language is not None:
            offer = language.interpreter_offer.format(**vars(policy.landlord))
            dispatcher.utter_message(text=offer)
        dispatcher.utter_message(text=interpreter_offered_line(policy))
        words = needs_in(tracker, text, tracker.latest_message.get("entities") or [])
        said = str(words.get("adjustments_needed") or text)
        need = app.cases.adjustment(INTERPRETER_NEED, said, disability=False, consent=False)
        app.cases.agree_adjustments(contact_id, (need,))
    others = tuple(need for need in result.adjustments if need != INTERPRETER_NEED)
    return replace(result, adjustments=others)
