"""Round 15 r15c-11: a danger told in another language while a person is asked for gets its
route in that language, and no 'reply "person"' beside the handover that follows."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.safety import ActionSafetyCheck
from bot.bootstrap import App
from bot.nlp.rules import RuleMatcher
from bot.policy import Policy


@pytest.fixture(scope="module")
def matcher(policy: Policy) -> RuleMatcher:
    return RuleMatcher.blank(policy)


def in_urdu(matcher: RuleMatcher, text: str, events: list[dict[str, Any]]) -> Tracker:
    entities = matcher.match(matcher.make_doc(text)).as_entities()
    message = {"text": text, "intent": {"name": "out_of_scope", "confidence": 1.0}}
    return Tracker.from_dict(
        {
            "sender_id": "resident-15",
            "slots": {},
            "latest_message": {**message, "entities": entities},
            "events": [*events, {"event": "user", **message}],
        }
    )


def said(dispatcher: CollectingDispatcher) -> str:
    return " ".join(m.get("text") or "" for m in dispatcher.messages)


def test_a_danger_told_while_asking_for_a_person_has_no_offer_to_reply_person(
    app: App, matcher: RuleMatcher, dispatcher: CollectingDispatcher
) -> None:
    urdu = app.policy.languages["ur"]
    turn = in_urdu(matcher, "باورچی خانے میں گیس کی بو ہے، مجھے کسی انسان سے بات کرنی ہے", [])
    asyncio.run(ActionSafetyCheck().run(dispatcher, turn, {}))
    assert urdu.routes["gas"] in said(dispatcher)
    assert urdu.interpreter_offer.format(**vars(app.policy.landlord)) not in said(dispatcher)


def test_a_danger_told_without_asking_for_a_person_has_the_offer(
    app: App, matcher: RuleMatcher, dispatcher: CollectingDispatcher
) -> None:
    urdu = app.policy.languages["ur"]
    turn = in_urdu(matcher, "باورچی خانے میں گیس کی بو آ رہی ہے", [])
    asyncio.run(ActionSafetyCheck().run(dispatcher, turn, {}))
    assert urdu.interpreter_offer.format(**vars(app.policy.landlord)) in said(dispatcher)
