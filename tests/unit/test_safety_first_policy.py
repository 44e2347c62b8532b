"""The safety-first dialogue policy decides, from the tracker, whether the safety check runs
before anything else, whether the assistant stays quiet, or whether the rules and forms go on."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from rasa.engine.graph import ExecutionContext, GraphSchema
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.shared.core.events import (
    ActionExecuted,
    ActionReverted,
    BotUttered,
    Event,
    SlotSet,
    UserUttered,
)
from rasa.shared.core.slots import BooleanSlot
from rasa.shared.core.trackers import DialogueStateTracker

from bot.nlp.rules import RuleMatcher
from bot.policy import Policy
from bot.safety_first import SafetyFirstPolicy
from bot.triage.safety import PERSON_AWAITED_ACTION, SAFETY_ACTION
from tests.conftest import ROOT

LISTEN = "action_listen"
GAS = [{"entity": "urgency", "value": "gas"}]


@pytest.fixture
def safety_first(tmp_path: Path) -> SafetyFirstPolicy:
    return SafetyFirstPolicy(
        {**SafetyFirstPolicy.get_default_config(), "policy_dir": str(ROOT / "policy_rules")},
        LocalModelStorage(tmp_path),
        Resource("safety_first"),
        ExecutionContext(GraphSchema({}), "test"),
    )


def message(text: str, intent: str = "service_request", entities: Any = ()) -> UserUttered:
    return UserUttered(text, {"name": intent, "confidence": 1.0}, list(entities))


def tracker(*events: Event) -> DialogueStateTracker:
    return DialogueStateTracker.from_events(
        "resident",
        [ActionExecuted(LISTEN), *events],
        slots=[BooleanSlot("with_person", mappings=[{}], initial_value=False)],
    )


def test_a_danger_runs_the_safety_check_before_anything_else(
    safety_first: SafetyFirstPolicy,
) -> None:
    assert (
        safety_first.next_action(tracker(message("I can smell gas", entities=GAS))) == SAFETY_ACTION
    )


def test_an_ordinary_message_is_left_to_the_rules_and_forms(
    safety_first: SafetyFirstPolicy,
) -> None:
    assert safety_first.next_action(tracker(message("my tap drips"))) is None


def test_a_check_that_hands_the_turn_back_lets_the_rules_go_on(
    safety_first: SafetyFirstPolicy,
) -> None:
    turn = tracker(
        message("I can smell gas", entities=GAS),
        ActionExecuted(SAFETY_ACTION),
        BotUttered("Call 0800 111 999"),
        ActionReverted(),
    )
    assert safety_first.next_action(turn) is None


def test_a_check_that_keeps_the_turn_then_listens(safety_first: SafetyFirstPolicy) -> None:
    turn = tracker(message("I can smell gas", entities=GAS), ActionExecuted(SAFETY_ACTION))
    assert safety_first.next_action(turn) == LISTEN


def test_with_a_person_danger_comes_first_and_the_rest_waits_for_them(
    safety_first: SafetyFirstPolicy,
) -> None:
    """The action awaiting a person answers until someone picks the conversation up, and says
    nothing after (actions.handoff); danger gets its route either way."""
    handed_over = SlotSet("with_person", True)
    assert safety_first.next_action(tracker(handed_over, message("hello?"))) == (
        PERSON_AWAITED_ACTION
    )
    danger = tracker(handed_over, message("I can smell gas", entities=GAS))
    assert safety_first.next_action(danger) == SAFETY_ACTION
    after = tracker(
        handed_over, message("I can smell gas", entities=GAS), ActionExecuted(SAFETY_ACTION)
    )
    assert safety_first.next_action(after) == LISTEN


def test_yes_to_the_safety_question_runs_the_check(
    safety_first: SafetyFirstPolicy, policy: Policy
) -> None:
    asked = BotUttered(policy.safety.question)
    assert (
        safety_first.next_action(tracker(asked, ActionExecuted(LISTEN), message("yes", "affirm")))
        == SAFETY_ACTION
    )
    plain = BotUttered("Is this still happening?")
    assert (
        safety_first.next_action(tracker(plain, ActionExecuted(LISTEN), message("yes", "affirm")))
        is None
    )


def test_starting_over_is_never_held_back(safety_first: SafetyFirstPolicy) -> None:
    handed_over = SlotSet("with_person", True)
    assert safety_first.next_action(tracker(handed_over, message("/restart", "restart"))) is None


DETECTOR_SURE = [{"entity": "detected_urgency", "value": "self_harm", "confidence": 0.95}]


def test_the_detectors_guess_alone_is_not_asked_about_in_small_talk(
    safety_first: SafetyFirstPolicy,
) -> None:
    assert safety_first.next_action(tracker(message("ok thx bye", "thank", DETECTOR_SURE))) is None
    # Danger words the policy names are always checked, whatever the intent.
    named = message("thanks, but i can smell gas again", "thank", GAS)
    assert safety_first.next_action(tracker(named)) == SAFETY_ACTION
    assert safety_first.next_action(tracker(message("i cant go on", entities=DETECTOR_SURE))) == (
        SAFETY_ACTION
    )


@pytest.mark.parametrize(
    "text",
    [
        "you know what, forget it. changed my mind, I just want the door fixed. pointless",
        "actually please cancel it, they've rung to say they're coming tuesday",
        "cba with this anymore... bye",
    ],
)
def test_the_detectors_guess_alone_is_not_asked_about_when_leaving(
    safety_first: SafetyFirstPolicy, text: str
) -> None:
    """Round 7 (r7a-05, 16, 19): cancels and goodbyes got "Is anyone in danger right now?" or
    the Samaritans route from the detector's reading of the resident's frustration."""
    assert safety_first.next_action(tracker(message(text, entities=DETECTOR_SURE))) is None
    with_cue = [*DETECTOR_SURE, {"entity": "urgency", "value": "self_harm"}]
    assert safety_first.next_action(tracker(message(text, entities=with_cue))) == SAFETY_ACTION


def test_a_question_after_a_route_runs_the_check(
    safety_first: SafetyFirstPolicy, policy: Policy
) -> None:
    """Round 7 (r7b-08): "so is someone coming or not?" after the gas route got "I can't answer
    that" and the office's hours; the safety check answers it with the help open now."""
    routed = BotUttered(policy.urgent_route("gas"))
    question = message("so is someone coming or not?", "enquiry")
    assert safety_first.next_action(tracker(routed, ActionExecuted(LISTEN), question)) == (
        SAFETY_ACTION
    )
    plain = BotUttered("Thank you. I've noted this as a request for our team.")
    assert safety_first.next_action(tracker(plain, ActionExecuted(LISTEN), question)) is None


def test_not_to_be_phoned_after_a_disclosure_runs_the_check(
    safety_first: SafetyFirstPolicy, policy: Policy
) -> None:
    """Round 7 (r7b-18): "please dont ring me he checks my phone" was never acknowledged."""
    routed = BotUttered(policy.urgent_route("domestic_abuse"))
    no_calls = message("no its not a complaint, just fix the door. please dont ring me")
    assert safety_first.next_action(tracker(routed, ActionExecuted(LISTEN), no_calls)) == (
        SAFETY_ACTION
    )
    after_a_leak = BotUttered(policy.urgent_route("flooding"))
    assert safety_first.next_action(tracker(after_a_leak, ActionExecuted(LISTEN), no_calls)) is None


def test_an_answer_or_an_unhappy_question_after_a_route_is_left_to_the_rules(
    safety_first: SafetyFirstPolicy, policy: Policy
) -> None:
    """Round 8 (r8a-05, r8b-05): after a route, a correction to the read-back, a button's words
    typed ("who is complaining") and "will they do anything? nothing happened last time" each
    got the route's follow-up text instead of the correction or the complaint choice; an unhappy
    question is the rules' to offer the complaint for."""
    routed = BotUttered(policy.urgent_route("self_harm"))
    read_back = DialogueStateTracker.from_events(
        "resident",
        [ActionExecuted(LISTEN), routed, SlotSet("awaiting_confirmation", True),
         ActionExecuted(LISTEN), message("No, what is wrong is the outcome?", "deny")],
        slots=[BooleanSlot("with_person", mappings=[{}], initial_value=False),
               BooleanSlot("awaiting_confirmation", mappings=[{}], initial_value=False)],
    )  # fmt: skip
    assert safety_first.next_action(read_back) is None
    parts = BotUttered(
        "Which part would you like to change?",
        data={"buttons": [{"title": "Who is complaining", "payload": "/correct_definition"}]},
    )
    typed = message("who is complaining", "enquiry")
    assert safety_first.next_action(tracker(routed, parts, ActionExecuted(LISTEN), typed)) is None
    said = "is anyone going to bother this time? its still not been sorted"
    matcher = RuleMatcher.blank(policy)
    unhappy = message(said, "enquiry", matcher.match(matcher.make_doc(said)).as_entities())
    assert safety_first.next_action(tracker(routed, ActionExecuted(LISTEN), unhappy)) is None
    asked = message("so will someone ring me back today?", "enquiry")
    assert safety_first.next_action(tracker(routed, ActionExecuted(LISTEN), asked)) == (
        SAFETY_ACTION
    )


def test_with_a_person_awaited_a_question_after_a_route_runs_the_check(
    safety_first: SafetyFirstPolicy, policy: Policy
) -> None:
    """Round 8 (r8c-12): out of hours, after the handover, "should i call 999?" after the heating
    route got silence; a question with no route before it still waits for the person."""
    handed_over = SlotSet("with_person", True)
    routed = BotUttered(policy.urgent_route("no_heating_or_water_vulnerable"))
    asked = message("should i call 999?", "enquiry")
    assert safety_first.next_action(tracker(handed_over, routed, asked)) == SAFETY_ACTION
    assert safety_first.next_action(tracker(handed_over, asked)) == PERSON_AWAITED_ACTION


def test_a_message_it_cannot_read_while_a_person_is_awaited_runs_the_check(
    safety_first: SafetyFirstPolicy,
) -> None:
    """Round 9 (r9b-08): water from a ceiling light, told in Arabic after the handover, was met
    with silence; the check gives the help open now in the resident's language."""
    arabic = message("الماء ينزل من مصباح السقف والضوء يومض", entities=[
        {"entity": "language", "value": "ar"}
    ])  # fmt: skip
    turn = tracker(SlotSet("with_person", True), arabic)
    assert safety_first.next_action(turn) == SAFETY_ACTION
    english_chat = tracker(SlotSet("with_person", True), message("ok thanks", intent="thank"))
    assert safety_first.next_action(english_chat) == PERSON_AWAITED_ACTION


def test_while_a_person_is_awaited_every_message_is_answered(
    safety_first: SafetyFirstPolicy,
) -> None:
    """Round 10 r10c-01, r10b-16, round 11 r11d-14: a number typed, "I didn't ask for a person"
    or a complaint typed after the handover got silence until the office opened."""
    handed_over = SlotSet("with_person", True)
    assert safety_first.next_action(tracker(handed_over, message("07700 900461 my number"))) == (
        SAFETY_ACTION
    )
    took_back = tracker(handed_over, message("i didnt ask for a person, log my complaint"))
    assert safety_first.next_action(took_back) == PERSON_AWAITED_ACTION
    told = tracker(handed_over, message("its about the communal stairs, nobody has cleaned them"))
    assert safety_first.next_action(told) == PERSON_AWAITED_ACTION
    assert safety_first.next_action(tracker(message("ok thanks"))) is None


def test_a_handover_the_check_started_is_not_undone_by_the_next_guess(
    safety_first: SafetyFirstPolicy,
) -> None:
    """Round 10: after a danger to a person's route, "can i talk to a real person" handed over
    from the check; another policy's guess then reverted the message and the handover with it."""
    turn = tracker(
        message("can i talk to a real person", "request_human"),
        ActionExecuted(SAFETY_ACTION),
        ActionExecuted("action_handoff"),
        SlotSet("with_person", True),
    )
    assert safety_first.next_action(turn) == LISTEN


def test_feeling_ill_after_the_gas_route_runs_the_check(
    safety_first: SafetyFirstPolicy, policy: Policy
) -> None:
    """Round 10 r10c-03: "my wife now is dizzy and she vomit" typed at a form question after a
    carbon monoxide route was taken as the answer."""
    gas_route = BotUttered(policy.urgent_route("gas"))
    symptom = [{"entity": "cue_group", "value": "co_symptom"}]
    ill = message("wait my wife is dizzy now and vomiting", entities=symptom)
    assert safety_first.next_action(tracker(gas_route, ActionExecuted(LISTEN), ill)) == (
        SAFETY_ACTION
    )
    assert safety_first.next_action(tracker(ill)) is None


def test_after_taking_a_handover_back_the_assistant_listens(
    safety_first: SafetyFirstPolicy,
) -> None:
    """With nothing to resume, "How can I help?" was said and another policy's guess could
    follow it; the resident's next message is the next thing to read."""
    turn = tracker(
        SlotSet("with_person", True),
        message("i didnt ask for a person"),
        ActionExecuted(PERSON_AWAITED_ACTION),
        SlotSet("with_person", False),
    )
    assert safety_first.next_action(turn) == LISTEN
