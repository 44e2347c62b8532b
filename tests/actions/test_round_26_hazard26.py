"""Round 26 in conversation (issue 14): after the poisoning route a sleepy child gets 999 now
(r26a-01 t3); at a CO alarm "must I really go out? maybe only the battery" gets a plain yes, not
the no-heating route (r26a-02 t2); "could that be the gas?" after a gas smell is answered
(r26a-03 t3); a gas oven to warm a cold home gets a plain no, not the safety question
(r26a-04 t3); a gas smell told as a false alarm is stood down, its request cancelled and no
complaint offered, and the kettle asked about then is answered (r26a-07 t2-t3). Our own
wordings, parsed by the policy's own rule matcher."""

from __future__ import annotations

import asyncio
from datetime import datetime, timezone
from typing import Any

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.safety import ActionSafetyCheck
from bot.bootstrap import App
from bot.casestore.domain import ContactRecord, ServiceRequest
from bot.nlp.rules import RuleMatcher
from bot.policy import Policy
from bot.recorded import REQUEST_CANCELLED_LINE
from tests.actions.test_round_12_safety import texts, turn
from tests.actions.test_round_21_safety import CONTACT_OFFER

RECEIVED = datetime(2026, 12, 7, 10, 0, tzinfo=timezone.utc)
COMPLAINT_OFFER = "I'm sorry things have gone wrong"


def _answer(policy: Policy, category: str, follow_up_id: str) -> str:
    follow_up = next(f for f in policy.urgency[category].follow_ups if f.id == follow_up_id)
    return policy.follow_up_answer(follow_up)


def _run(dispatcher: CollectingDispatcher, tracked: Tracker) -> list[dict[str, Any]]:
    return asyncio.run(ActionSafetyCheck().run(dispatcher, tracked, {}))


def _conversation(
    policy: Policy, turns: list[tuple[str, list[str]]], text: str, **slots: Any
) -> Tracker:
    """The resident's `text` after these turns: each a message and what the assistant said."""
    matcher = RuleMatcher.blank(policy)

    def user(said: str) -> dict[str, Any]:
        entities = matcher.match(matcher.make_doc(said)).as_entities()
        return {"event": "user", "text": said, "parse_data": {"entities": entities}}

    events: list[dict[str, Any]] = []
    for said, replies in turns:
        events.append(user(said))
        events += [{"event": "bot", "text": line, "data": {}} for line in replies]
        events.append({"event": "action", "name": "action_listen"})
    latest = user(text)
    events.append(latest)
    return Tracker.from_dict(
        {
            "sender_id": "resident-26",
            "slots": {"requested_slot": None, "with_person": False, **slots},
            "latest_message": {
                "text": text,
                "intent": {"name": "service_request", "confidence": 0.6},
                "intent_ranking": [],
                "entities": latest["parse_data"]["entities"],
            },
            "events": events,
            "paused": False,
            "followup_action": None,
            "active_loop": {},
            "latest_action_name": "action_listen",
        }
    )


@pytest.mark.parametrize(
    "text", ["shes gone really drowsy now", "he was sick just now and is a bit floppy, normal?"]
)
def test_sleepy_after_the_poisoning_route_gets_999_now(
    app: App, policy: Policy, dispatcher: CollectingDispatcher, text: str
) -> None:
    """r26a-01 t3: "hes a bit sleepy now is that normal" got "noted as a request"."""
    said = [policy.urgent_route("poisoning"), CONTACT_OFFER]
    _run(dispatcher, turn(policy, said, text, request_contact_pending=True))
    assert _answer(policy, "poisoning", "drowsy_after_swallowing") in texts(dispatcher)


@pytest.mark.parametrize(
    "text",
    [
        "we must really go outside? it is very cold and my baby sleeping. maybe battery is dead",
        "do i have to go outside with the baby? i think battery finish only",
    ],
)
def test_going_out_asked_at_a_co_alarm_gets_the_yes_not_the_no_heating_route(
    app: App, policy: Policy, dispatcher: CollectingDispatcher, text: str
) -> None:
    """r26a-02 t2 got the route for no heating with a baby, and no answer."""
    said = [policy.urgent_route("gas"), CONTACT_OFFER]
    guess = ("no_heating_or_water_vulnerable", 0.6)
    _run(dispatcher, turn(policy, said, text, guess, request_contact_pending=True))
    replies = texts(dispatcher)
    assert _answer(policy, "gas", "gas_get_out") in replies
    assert policy.urgent_route("no_heating_or_water_vulnerable") not in replies


def test_could_that_be_the_gas_after_a_gas_smell_is_answered(
    app: App, policy: Policy, dispatcher: CollectingDispatcher
) -> None:
    """r26a-03 t3: the gas route again, and no answer."""
    said = [policy.urgent_route("gas"), CONTACT_OFFER]
    text = "we're in the car now. mum has a thumping head and feels sick, could it be the gas?"
    _run(dispatcher, turn(policy, said, text, request_contact_pending=True))
    assert _answer(policy, "gas", "co_headache") in texts(dispatcher)


@pytest.mark.parametrize(
    "text",
    [
        "no complaint. ambulance on its way. can the carer put the gas oven on to warm the room?",
        "neighbour says leave the cooker on with the door open for heat, ok?",
    ],
)
def test_a_gas_oven_to_heat_a_cold_home_is_a_plain_no(
    app: App, policy: Policy, dispatcher: CollectingDispatcher, text: str
) -> None:
    """r26a-04 t3-t4: "Is anyone in danger right now?", twice."""
    said = [
        policy.urgent_route("medical_emergency"),
        policy.urgent_route("no_heating_or_water_vulnerable"),
        CONTACT_OFFER,
    ]
    guess = ("gas", 0.3)
    _run(dispatcher, turn(policy, said, text, guess, request_contact_pending=True))
    replies = texts(dispatcher)
    assert _answer(policy, "no_heating_or_water_vulnerable", "no_gas_oven_for_heat") in replies
    assert not any(line.startswith("Is anyone in danger right now?") for line in replies)


def _logged(app: App, text: str) -> int:
    contact = ContactRecord("resident-26", "socketio", RECEIVED, text, "service_request",
                            "service_request", 0.9, None, ("gas",), ())  # fmt: skip
    return app.cases.record_triage(contact, ServiceRequest("kitchens", False, description=text))


@pytest.mark.parametrize(
    "text",
    [
        "oh no im so sorry, false alarm, it was burnt toast. everyone is fine",
        "sorry panic over, it wasnt gas after all, just the drains outside",
    ],
)
def test_a_gas_false_alarm_is_stood_down_and_its_request_cancelled(
    app: App, policy: Policy, dispatcher: CollectingDispatcher, text: str
) -> None:
    """r26a-07 t2: a request noted again, a complaint offer for the "sorry", and nothing stood
    the advice down."""
    first = "theres a gassy smell in my hallway"
    contact_id = _logged(app, first)
    said = [policy.urgent_route("gas"), CONTACT_OFFER]
    tracked = _conversation(
        policy, [(first, said)], text, request_contact_pending=True, contact_id=contact_id
    )
    events = _run(dispatcher, tracked)
    replies = texts(dispatcher)
    assert policy.false_alarm_line("gas") in replies
    assert REQUEST_CANCELLED_LINE in replies
    assert not any(line.startswith(COMPLAINT_OFFER) for line in replies)
    assert policy.urgent_route("gas") not in replies
    assert not any(e.get("event") == "rewind" for e in events)
    trail = app.cases.audit_trail(f"contact:{contact_id}")
    assert any(kind == "service_request_cancelled" for _, kind, _ in trail)


def test_a_gas_false_alarm_keeps_a_request_raised_for_another_danger(
    app: App, policy: Policy, dispatcher: CollectingDispatcher
) -> None:
    """Round 27 r27a-03 t5: the toaster's false alarm cancelled the no-heating job for an
    84-year-old, routed before the gas smell; only the gas advice is stood down."""
    cold = "my nan is 84 and her heating is broken, the house is freezing"
    contact_id = _logged(app, cold)
    turns = [
        (cold, [policy.urgent_route("no_heating_or_water_vulnerable"), CONTACT_OFFER]),
        ("now she can smell gas in the kitchen", [policy.urgent_route("gas")]),
    ]
    tracked = _conversation(
        policy, turns, "false alarm, it was the toaster. all fine", contact_id=contact_id
    )
    _run(dispatcher, tracked)
    replies = texts(dispatcher)
    assert policy.false_alarm_line("gas") in replies
    assert REQUEST_CANCELLED_LINE not in replies
    trail = app.cases.audit_trail(f"contact:{contact_id}")
    assert not any(kind == "service_request_cancelled" for _, kind, _ in trail)


@pytest.mark.parametrize(
    "text", ["ok. so am i ok to boil the kettle now?", "can i put the lights on then"]
)
def test_the_kettle_after_a_gas_false_alarm_is_answered(
    app: App, policy: Policy, dispatcher: CollectingDispatcher, text: str
) -> None:
    """r26a-07 t3: "That's fine. To arrange it, please call us"."""
    said = [policy.urgent_route("gas"), CONTACT_OFFER]
    alarm = "sorry false alarm, it was the toaster, all fine now"
    tracked = _conversation(
        policy, [("i can smell gas in the kitchen", said), (alarm, [REQUEST_CANCELLED_LINE])], text
    )
    _run(dispatcher, tracked)
    replies = texts(dispatcher)
    assert policy.false_alarm_line("gas") in replies
    assert _answer(policy, "gas", "electric_near_gas") not in replies


def test_the_kettle_while_the_gas_route_stands_is_still_a_no(
    app: App, policy: Policy, dispatcher: CollectingDispatcher
) -> None:
    said = [policy.urgent_route("gas"), CONTACT_OFFER]
    _run(
        dispatcher, turn(policy, said, "is it ok to boil the kettle", request_contact_pending=True)
    )
    replies = texts(dispatcher)
    assert _answer(policy, "gas", "electric_near_gas") in replies
    assert policy.false_alarm_line("gas") not in replies


def test_a_false_alarm_told_with_the_kettle_question_is_stood_down(
    app: App, policy: Policy, dispatcher: CollectingDispatcher
) -> None:
    """r26a-07 t4: "it was the toaster not gas. is it ok to use the kettle" is no question
    about the gas route's steps: it was not gas."""
    said = [policy.urgent_route("gas"), CONTACT_OFFER]
    text = "honestly its fine, it was the toaster not gas. can i boil the kettle now"
    _run(dispatcher, _conversation(policy, [("smells of gas in here", said)], text))
    replies = texts(dispatcher)
    assert policy.false_alarm_line("gas") in replies
    assert _answer(policy, "gas", "electric_near_gas") not in replies
