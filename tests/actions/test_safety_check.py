"""The safety check: the route first, the contact flagged with any Awaab's Law clock started,
and then the conversation carries on where it was."""

from __future__ import annotations

import asyncio
import json

from rasa_sdk import Tracker
from rasa_sdk.events import ActionReverted, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.safety import ActionSafetyCheck
from actions.triage import ActionTriage
from bot.bootstrap import App
from bot.policy import Policy
from bot.replies import automated_line
from bot.triage.safety import answers_yes
from tests.actions.conftest import FIXTURES, tracker


def texts(dispatcher: CollectingDispatcher) -> list[str]:
    return [m.get("text") or m.get("response") or "" for m in dispatcher.messages]


def test_the_route_comes_first_and_triage_then_records_the_same_contact(
    app: App, dispatcher: CollectingDispatcher
) -> None:
    turn = tracker("dissatisfied_with_gas")
    events = asyncio.run(ActionSafetyCheck().run(dispatcher, turn, {}))
    said = texts(dispatcher)
    assert "0800 111 999" in said[0]
    assert "make it safe within 24 hours" in said[1]
    assert events == [ActionReverted()]
    triage_said = CollectingDispatcher()
    triage_events = asyncio.run(ActionTriage().run(triage_said, turn, {}))
    # The first reply says the assistant is automated, after the route, never before it.
    assert texts(triage_said) == [automated_line(app.policy), "utter_offer_complaint"]
    assert SlotSet("contact_id", 1) in triage_events
    with app.cases.unit_of_work() as uow:
        assert uow.cases.get_contact(2) is None
        contact = uow.cases.get_contact(1)
    assert contact is not None and contact.urgency == ("gas",)
    [clock] = app.cases.hazard_clocks(1)
    assert (clock.category, clock.kind, list(clock.due)) == ("gas", "emergency", ["make_safe"])


def test_inside_a_form_the_question_is_asked_again_and_the_danger_is_not_the_answer(
    app: App, dispatcher: CollectingDispatcher
) -> None:
    events = asyncio.run(
        ActionSafetyCheck().run(dispatcher, tracker("gas_while_the_form_asks_for_a_name"), {})
    )
    said = texts(dispatcher)
    assert "0800 111 999" in said[0]
    assert said[-1] == "What name should we use for you?"
    assert events == [SlotSet("contact_name", None)]


def test_while_a_person_has_the_chat_only_the_route_is_given(
    app: App, dispatcher: CollectingDispatcher
) -> None:
    events = asyncio.run(ActionSafetyCheck().run(dispatcher, tracker("abuse_after_a_handoff"), {}))
    assert texts(dispatcher) == [app.policy.urgent_route("domestic_abuse")]
    assert events == []
    with app.cases.unit_of_work() as uow:
        contact = uow.cases.get_contact(1)
    assert contact is not None and contact.urgency == ("domestic_abuse",)


def test_yes_to_the_safety_question_is_flagged_and_told_to_call_999(
    app: App, policy: Policy, dispatcher: CollectingDispatcher
) -> None:
    asyncio.run(ActionSafetyCheck().run(dispatcher, tracker("yes_to_the_safety_question"), {}))
    said = texts(dispatcher)
    assert "call 999" in said[0]
    assert said[1] == policy.safety.confirmed
    with app.cases.unit_of_work() as uow:
        contact = uow.cases.get_contact(1)
    assert contact is not None and contact.urgency == ("someone_in_danger",)


def test_a_clicked_button_never_answers_the_safety_question(policy: Policy) -> None:
    assert answers_yes("affirm", "yes", policy) and answers_yes(None, "da, ajutor", policy)
    assert not answers_yes("affirm", "/affirm", policy)


def test_inside_a_form_a_danger_only_the_detector_sees_is_asked_about_and_the_answer_kept(
    app: App, policy: Policy, dispatcher: CollectingDispatcher
) -> None:
    events = asyncio.run(
        ActionSafetyCheck().run(dispatcher, tracker("detector_alone_inside_a_form"), {})
    )
    assert texts(dispatcher) == [policy.safety.question]
    assert events == [ActionReverted()]
    with app.cases.unit_of_work() as uow:
        assert uow.cases.get_contact(1) is None


def _reply_after_a_route(confidence: float) -> Tracker:
    """ "no I'll ring the emergency line now, thanks" after the electrical route, with the
    detector's guess at self-harm as sure as given."""
    turn = json.loads((FIXTURES / "reply_after_a_route.json").read_text(encoding="utf-8"))
    turn["latest_message"]["entities"][0]["confidence"] = confidence
    return Tracker.from_dict(turn)


def test_after_a_route_the_detectors_sure_guess_at_another_danger_is_only_asked_about(
    app: App, policy: Policy, dispatcher: CollectingDispatcher
) -> None:
    sure = (policy.safety.detector.urgent + 1.0) / 2
    asyncio.run(ActionSafetyCheck().run(dispatcher, _reply_after_a_route(sure), {}))
    assert texts(dispatcher) == [policy.safety.question]
    with app.cases.unit_of_work() as uow:
        assert uow.cases.get_contact(1) is None


def test_after_a_route_the_detectors_unsure_guess_gets_no_question(
    app: App, policy: Policy, dispatcher: CollectingDispatcher
) -> None:
    thresholds = policy.safety.detector
    unsure = (thresholds.ask + thresholds.urgent) / 2
    asyncio.run(ActionSafetyCheck().run(dispatcher, _reply_after_a_route(unsure), {}))
    assert texts(dispatcher) == []
