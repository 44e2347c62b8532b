"""The safety check's words for a resident who writes in one of the landlord's other languages
(policy_rules/languages.yml): a danger told in English in such a conversation gets its route in
their language too; a question about their language on the emergency lines, or "I can't phone,
my English is weak", is answered (round 18 r18a-14); and while a person is awaited, what the
handover says in their language is not said twice (round 17 r17a-15 t3, t5, t6)."""

from __future__ import annotations

from dataclasses import replace

from rasa_sdk import Tracker

from actions.turns import written_language
from bot.answers import cancels_a_person_request, says_goodbye
from bot.nlp.matches import RuleMatches
from bot.policy import Policy
from bot.policy.schema import Language
from bot.triage import TriageResult

# Intents of messages that only acknowledge while a person is awaited (actions.handoff): the
# handover's text in the resident's language is not said to them.
ACKNOWLEDGING = ("thank", "goodbye", "affirm")


def in_their_language(result: TriageResult, tracker: Tracker, policy: Policy) -> TriageResult:
    """A danger told in English ("baby very cold no heating") or found by what was told before
    by a resident who writes in one of the landlord's languages: its route in that language as
    well as English (round 17: the conversation's language was left for the lead)."""
    if not result.urgency or result.danger_language in policy.languages:
        return result
    language = written_language(tracker)
    if language not in policy.languages:
        return result
    return replace(result, danger_language=language)


def phone_interpreter_lines(tracker: Tracker, policy: Policy) -> list[str]:
    """ "I can't phone, my English is weak", "is there Arabic on the emergency line?", "please
    arabic interpreter for emergency number?" (round 18 r18a-14 t2-t4 were given the number
    again, or nothing): the emergency lines can get a free interpreter, in their language
    where the landlord has the text, then in English."""
    text = str(tracker.latest_message.get("text") or "")
    language = _language_on_the_phone(text, tracker, policy)
    in_english = policy.language_phone.asks_about_the_phone(text)
    if not in_english and (language is None or not language.asks_about_the_phone(text)):
        return []
    lines = [language.phone_interpreter.format(**vars(policy.landlord))] if language else []
    english = policy.language_phone.phone_interpreter
    if english:
        named = f' ("{language.name}")' if language else ""
        lines.append(english.format(**vars(policy.landlord), language=named))
    return lines


def _language_on_the_phone(text: str, tracker: Tracker, policy: Policy) -> Language | None:
    """The landlord's language the question is about: the one named ("arabic interpreter"),
    else the one the message or the conversation is written in, if it has the text."""
    matches = RuleMatches.from_entities(tracker.latest_message.get("entities") or [])
    named = [language for language in policy.languages.values() if language.named_in(text)]
    written = [policy.languages.get(matches.language or written_language(tracker) or "")]
    return next((lang for lang in (*named, *written) if lang and lang.phone_interpreter), None)


def answered_in_their_language(tracker: Tracker) -> bool:
    """Whether the message, in one of the landlord's languages while a person is awaited, is
    answered with the handover's text in that language (actions.handoff), which gives 999 and
    the emergency repairs line: the safety check's text in that language and English before it
    said them twice more (round 17 r17a-15 t3, t5). Not for a bare thanks, a goodbye or taking
    the handover back, which are not answered so."""
    text = str(tracker.latest_message.get("text") or "")
    intent = (tracker.latest_message.get("intent") or {}).get("name")
    return not (intent in ACKNOWLEDGING or says_goodbye(text) or cancels_a_person_request(text))


def details_seen_in_their_language(tracker: Tracker, policy: Policy) -> str | None:
    """The acknowledgement of a phone number or email typed while a person is awaited, in the
    language of the message (round 17 r17a-15 t6 "... Numarul meu 07700 900619" got it in
    English only)."""
    matches = RuleMatches.from_entities(tracker.latest_message.get("entities") or [])
    language = policy.languages.get(matches.language or written_language(tracker) or "")
    return language.details_seen if language and language.details_seen else None
