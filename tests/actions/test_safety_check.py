"""The safety check: the route first, the contact flagged with any Awaab's Law clock started,
and then the conversation carries on where it was."""

from __future__ import annotations

import asyncio
import json
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import ActionReverted, FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.safety import NO_CALLS_REASON, ActionSafetyCheck
from actions.triage import ActionTriage
from bot.bootstrap import App
from bot.policy import Answer, Policy
from bot.replies import automated_line
from bot.triage.safety import PERSON_AWAITED_ACTION, answers_yes
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


def test_while_a_person_is_awaited_the_route_comes_first(
    app: App, dispatcher: CollectingDispatcher
) -> None:
    """The route, then the rest of the message as any while a person is awaited."""
    events = asyncio.run(ActionSafetyCheck().run(dispatcher, tracker("abuse_after_a_handoff"), {}))
    assert texts(dispatcher) == [app.policy.urgent_route("domestic_abuse")]
    assert events == [WHILE_WAITING]
    with app.cases.unit_of_work() as uow:
        contact = uow.cases.get_contact(1)
    assert contact is not None and contact.urgency == ("domestic_abuse",)


# What runs after the check while a person is awaited (actions.handoff.ActionPersonAwaited).
WHILE_WAITING = FollowupAction(PERSON_AWAITED_ACTION)


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
    """The reply says the resident is ringing the line: "yes, call now" and the route's help,
    then the rules read the "no" to the offer of contact (round 16 r16a-11)."""
    thresholds = policy.safety.detector
    unsure = (thresholds.ask + thresholds.urgent) / 2
    events = asyncio.run(ActionSafetyCheck().run(dispatcher, _reply_after_a_route(unsure), {}))
    assert texts(dispatcher) == [
        policy.safety.calling_now,
        policy.after_route("electrical_danger"),
    ]
    assert events == [ActionReverted()]


def _after(route: str, text: str, *entities: dict[str, Any], **slots: Any) -> Tracker:
    """A resident's message after the assistant gave `route` (and offered to contact them)."""
    turn = json.loads((FIXTURES / "reply_after_a_route.json").read_text(encoding="utf-8"))
    turn["events"][1]["text"] = route
    turn["events"][-1]["text"] = text
    turn["latest_message"].update(text=text, entities=list(entities), intent={"name": "enquiry"})
    turn["slots"].update(slots)
    return Tracker.from_dict(turn)


def test_a_question_after_a_route_gets_what_happens_now_and_the_line_open_all_night(
    app: App, policy: Policy, dispatcher: CollectingDispatcher
) -> None:
    """Round 7 (r7b-08): "so is someone coming or not?" after the gas route got "I can't answer
    that" and the office's weekday hours."""
    text = "so is someone coming or not? ive given u my number"
    turn = _after(policy.urgent_route("gas"), text, contact_details="07700 900150")
    events = asyncio.run(ActionSafetyCheck().run(dispatcher, turn, {}))
    assert texts(dispatcher) == [policy.after_route("gas"), policy.contact_line(True)]
    assert "0800 111 999" in texts(dispatcher)[0]
    assert "will contact you" in texts(dispatcher)[1]
    assert events == []


def test_with_no_number_or_email_held_the_assistant_promises_no_contact(
    app: App, policy: Policy, dispatcher: CollectingDispatcher
) -> None:
    """Round 9 (r9b-17): in a web chat with no number given, "how will you contact me, you
    don't have my number?" after the gas route got "our team will contact you as soon as they
    can" again. It asks for a number or email and gives the line open day and night."""
    text = "how will you contact me, you don't have my number?"
    asyncio.run(ActionSafetyCheck().run(dispatcher, _after(policy.urgent_route("gas"), text), {}))
    said = texts(dispatcher)
    assert not any("will contact you" in line for line in said)
    assert "0800 111 999" in said[0]
    assert "type your phone number or email" in said[-1]
    assert policy.landlord.emergency_repairs_phone in said[-1]


def test_a_message_in_another_language_while_waiting_for_a_person_gets_the_help_open_now(
    app: App, policy: Policy, dispatcher: CollectingDispatcher
) -> None:
    """Round 9 (r9b-08): after the handover, water coming from the ceiling light, written in
    Arabic, got no reply at all; the same in English got the route. The assistant cannot read
    it, so it gives 999 and the emergency repairs line, in Arabic and English, once."""
    arabic = {"entity": "language", "value": "ar"}
    text = "الماء ينزل من مصباح السقف والضوء يومض"
    turn = _after("I'll pass you to a person.", text, arabic, with_person=True)
    events = asyncio.run(ActionSafetyCheck().run(dispatcher, turn, {}))
    [line] = texts(dispatcher)
    assert line.startswith(policy.languages["ar"].in_danger.split("999")[0])
    assert policy.landlord.emergency_repairs_phone in line.split("\n")[0]
    assert "999" in line.split("\n")[1] and policy.landlord.emergency_repairs_phone in line
    assert events == [WHILE_WAITING]
    # Written again straight after that reply, it is not said twice in a row.
    again_turn = _after("I'll pass you to a person.", text, arabic, with_person=True)
    again_turn.events[2]["text"] = line
    again = CollectingDispatcher()
    asyncio.run(ActionSafetyCheck().run(again, again_turn, {}))
    assert texts(again) == []


def test_asking_for_someone_to_talk_to_after_abuse_is_handed_to_a_person(
    app: App, policy: Policy, dispatcher: CollectingDispatcher
) -> None:
    """Round 7 (r7b-18): "is there someone I could talk to about him, in confidence" got "I can't
    answer that one myself"; the handover repeats the helpline (tests of the handoff)."""
    text = "is there someone there i could talk to about him, like in confidence"
    turn = _after(policy.urgent_route("domestic_abuse"), text, DETECTED_ABUSE)
    events = asyncio.run(ActionSafetyCheck().run(dispatcher, turn, {}))
    assert events == [FollowupAction("action_handoff")]
    assert texts(dispatcher) == []


DETECTED_ABUSE = {"entity": "detected_urgency", "value": "domestic_abuse", "confidence": 0.51}


def test_not_to_be_phoned_after_a_disclosure_is_acknowledged_and_flagged_on_the_contact(
    app: App, policy: Policy, dispatcher: CollectingDispatcher
) -> None:
    """Round 7 (r7b-18): "please dont ring me he checks my phone" went unacknowledged."""
    text = (
        "no its not a complaint, just need the door fixed. please dont ring me he checks my phone"
    )
    turn = _after(policy.urgent_route("domestic_abuse"), text)
    events = asyncio.run(ActionSafetyCheck().run(dispatcher, turn, {}))
    assert texts(dispatcher) == [policy.safety.no_calls]
    # The rest of the message (not a complaint) is left to the rules.
    assert events == [ActionReverted()]
    with app.cases.unit_of_work() as uow:
        contact = uow.cases.get_contact(1)
    assert contact is not None and contact.urgency == ("domestic_abuse",)
    assert {"code": "safe_contact", "text": NO_CALLS_REASON} in contact.reasons


def test_a_reply_to_a_route_that_answers_the_contact_offer_gets_no_question(
    app: App, policy: Policy, dispatcher: CollectingDispatcher
) -> None:
    """Round 7 (r7b-08): "oh god ok were going outside now. yes ring me ..." read as self-harm
    got "Is anyone in danger right now?". A reply to a route that also answers a question
    counts two steps less: the detector's sure guess there is neither routed nor asked about."""
    sure = {"entity": "detected_urgency", "value": "self_harm", "confidence": 0.86}
    text = "oh god ok were going outside now. yes ring me 07700 900777 im Leanne"
    turn = _after(policy.urgent_route("gas"), text, sure, request_contact_pending=True)
    events = asyncio.run(ActionSafetyCheck().run(dispatcher, turn, {}))
    assert texts(dispatcher) == []
    assert events == [ActionReverted()]


def test_inside_a_form_the_detectors_unsure_guess_gets_no_question(
    app: App, policy: Policy, dispatcher: CollectingDispatcher
) -> None:
    """Round 7 (r7a-09): "It's Ayesha Khan but call me Ayesha" got "Is anyone in danger"."""
    turn = json.loads((FIXTURES / "detector_alone_inside_a_form.json").read_text())
    thresholds = policy.safety.detector
    turn["latest_message"]["entities"][0]["confidence"] = (thresholds.ask + thresholds.urgent) / 2
    asyncio.run(ActionSafetyCheck().run(dispatcher, Tracker.from_dict(turn), {}))
    assert texts(dispatcher) == []


def test_a_danger_told_again_worse_after_its_route_gets_the_route_again(
    app: App, policy: Policy, dispatcher: CollectingDispatcher
) -> None:
    """Round 8 (r8c-03): "he is back and shouting, I'm scared he will hurt me" after the abuse
    route was taken for a reply to it and got nothing. Told again worse, the danger is routed
    again, and the clocks its first report started are not started again."""
    sure = {"entity": "detected_urgency", "value": "domestic_abuse", "confidence": 0.9}
    text = "he's back and banging on the door, I'm terrified"
    still = {"entity": "danger_still", "value": True}
    told = [{"entity": "cue_group", "value": group} for group in ("threat", "fear")]
    asyncio.run(ActionSafetyCheck().run(
        dispatcher, _after(policy.urgent_route("domestic_abuse"), text, sure, still, *told), {}
    ))  # fmt: skip
    assert texts(dispatcher) == [policy.urgent_route("domestic_abuse")]
    replied = CollectingDispatcher()
    asyncio.run(ActionSafetyCheck().run(
        replied, _after(policy.urgent_route("domestic_abuse"), "ok thank you", sure), {}
    ))  # fmt: skip
    assert texts(replied) == []


def test_waiting_for_a_person_a_question_or_the_danger_again_gets_the_help_open_now(
    app: App, policy: Policy, answers: dict[str, Answer], dispatcher: CollectingDispatcher
) -> None:
    """Round 8 (r8c-12, r8c-30): after the handover, out of hours, "should i call 999?" about a
    confused mother with no heating and "I have the tablets here in front of me" got silence."""
    route = policy.urgent_route("no_heating_or_water_vulnerable")
    events = asyncio.run(ActionSafetyCheck().run(
        dispatcher, _after(route, "should i call 999?", with_person=True), {}
    ))  # fmt: skip
    # When to call 999 rather than NHS 111 is said too (round 25, safety25).
    assert texts(dispatcher) == [
        policy.after_route("no_heating_or_water_vulnerable"),
        answers["ae_or_111"].text,
        policy.contact_line(False),
    ]
    assert events == [WHILE_WAITING]
    again = CollectingDispatcher()
    sure = {"entity": "detected_urgency", "value": "self_harm", "confidence": 0.9}
    text = "monday is too long. I've got the tablets here"
    events = asyncio.run(ActionSafetyCheck().run(
        again, _after(policy.urgent_route("self_harm"), text, sure, with_person=True), {}
    ))  # fmt: skip
    assert texts(again) == [policy.after_route("self_harm"), policy.contact_line(False)]
    assert events == [WHILE_WAITING]


def test_a_routed_danger_said_not_to_be_there_is_neither_routed_nor_asked_about(
    app: App, policy: Policy, dispatcher: CollectingDispatcher
) -> None:
    """Round 8 (r8a-05): "Nobody is at risk of self harm" after that route got it again."""
    text = "Nobody is at risk of self harm. Can you change what he would like"
    turn = _after(
        policy.urgent_route("self_harm"), text,
        {"entity": "urgency_negated", "value": "self_harm"},
        {"entity": "detected_urgency", "value": "self_harm", "confidence": 0.88},
    )  # fmt: skip
    events = asyncio.run(ActionSafetyCheck().run(dispatcher, turn, {}))
    assert texts(dispatcher) == []
    assert events == [ActionReverted()]


def test_the_answer_to_the_safety_question_is_not_asked_it_again(
    app: App, policy: Policy, dispatcher: CollectingDispatcher
) -> None:
    """Round 8 (r8b-18): "No one is in danger right now. But I am very unhappy about it." got
    the danger line again straight after the safety question."""
    text = "No one is in danger right now. But I am very unhappy about it."
    turn = _after(
        policy.safety.question, text, {"entity": "urgency_negated", "value": "someone_in_danger"}
    )
    turn.events.insert(3, {"event": "bot", "text": policy.safety.question})
    events = asyncio.run(ActionSafetyCheck().run(dispatcher, turn, {}))
    assert texts(dispatcher) == []
    assert events == [ActionReverted()]
