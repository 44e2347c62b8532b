"""Misunderstandings count up to an offer of a person; asking for a person is recorded."""

from __future__ import annotations

import asyncio

from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet, UserUtteranceReverted
from rasa_sdk.executor import CollectingDispatcher

from actions.fallback import ActionMisunderstood
from actions.handoff import ActionHandoff
from bot.bootstrap import App


def tracker_with(intent: str, misunderstandings: float) -> Tracker:
    return Tracker.from_dict(
        {
            "sender_id": "resident-9",
            "slots": {"misunderstandings": misunderstandings},
            "latest_message": {
                "text": "??",
                "intent": {"name": intent, "confidence": 0.9},
                "intent_ranking": [{"name": intent, "confidence": 0.9}],
            },
            "events": [{"event": "user", "text": "??", "input_channel": "socketio"}],
        }
    )


def test_first_misunderstanding_apologises_without_offering_a_person(
    dispatcher: CollectingDispatcher,
) -> None:
    events = asyncio.run(ActionMisunderstood().run(dispatcher, tracker_with("nlu", 0), {}))
    assert [m["response"] for m in dispatcher.messages] == ["utter_default"]
    assert events == [UserUtteranceReverted(), SlotSet("misunderstandings", 1)]


def test_second_misunderstanding_offers_a_person(dispatcher: CollectingDispatcher) -> None:
    events = asyncio.run(ActionMisunderstood().run(dispatcher, tracker_with("out_of_scope", 1), {}))
    assert [m["response"] for m in dispatcher.messages] == [
        "utter_out_of_scope",
        "utter_offer_person",
    ]
    assert events[-1] == SlotSet("misunderstandings", 2)


def test_asking_for_a_person_is_recorded_for_staff(
    app: App, dispatcher: CollectingDispatcher
) -> None:
    asyncio.run(ActionHandoff().run(dispatcher, tracker_with("request_human", 0), {}))
    assert dispatcher.messages[0]["response"] == "utter_handoff"
    with app.cases.unit_of_work() as uow:
        trail = uow.cases.audit_trail("conversation:resident-9")
    assert trail == [("assistant", "handoff_requested", {"channel": "socketio"})]
