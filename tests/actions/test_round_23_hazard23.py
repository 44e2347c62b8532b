"""Round 23 in conversation (issue 14): questions about the asbestos route's steps get their
plain answers (r23a-07 t2, t3, t15); "why are you asking if anyone is in danger?" gets a short
plain answer (r23b-04 t2, r23b-08 t9); and a contact answer naming a relative is no reason for
the safety question (r23b-08 t8). Our own wordings, parsed by the policy's own rule matcher."""

from __future__ import annotations

import asyncio

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.safety import ActionSafetyCheck
from bot.bootstrap import App
from bot.policy import Policy
from tests.actions.test_round_12_safety import texts, turn
from tests.actions.test_round_21_safety import CONTACT_OFFER


def _answer(policy: Policy, follow_up_id: str) -> str:
    follow_up = next(f for f in policy.urgency["asbestos"].follow_ups if f.id == follow_up_id)
    return policy.follow_up_answer(follow_up)


@pytest.mark.parametrize(
    ("text", "answers"),
    [
        ("ok but can i hoover it up before the kids get home?", ["asbestos_hoover"]),
        ("so do i just sweep it up or what", ["asbestos_hoover"]),
        ("the builders are coming back tomorrow at 8, do i let them carry on?", ["asbestos_works"]),
        (
            "its not antisocial behaviour lol. should i vacuum it? the workmen are back at 9",
            ["asbestos_hoover", "asbestos_works"],
        ),
    ],
)
def test_questions_about_the_asbestos_steps_get_their_plain_answers(
    app: App,
    policy: Policy,
    dispatcher: CollectingDispatcher,
    text: str,
    answers: list[str],
) -> None:
    """r23a-07 t2, t3, t15: "should i hoover it up?" and "do i let them carry on at 9?" were
    never answered; t2 got the anti-social behaviour team instead."""
    said = [policy.urgent_route("asbestos"), CONTACT_OFFER]
    tracked = turn(policy, said, text, None, request_contact_pending=True)
    asyncio.run(ActionSafetyCheck().run(dispatcher, tracked, {}))
    replies = texts(dispatcher)
    for follow_up_id in answers:
        assert _answer(policy, follow_up_id) in replies, text


@pytest.mark.parametrize(
    "text",
    [
        "why are u asking if anyone is in danger?? no. i just want to know where my complaint is",
        "why you asking about danger? nobody is. my address is 12 Birch Road",
    ],
)
def test_why_the_safety_question_was_asked_gets_a_short_answer(
    app: App, policy: Policy, dispatcher: CollectingDispatcher, text: str
) -> None:
    """r23b-04 t2 got "If you or anyone else is in danger right now, call 999." again, and
    r23b-08 t9 no answer at all."""
    said = [policy.safety.question, "What would you like to do?"]
    tracked = turn(policy, said, text, None)
    asyncio.run(ActionSafetyCheck().run(dispatcher, tracked, {}))
    replies = texts(dispatcher)
    assert replies[0] == policy.safety.why_asked
    assert policy.urgent_route("someone_in_danger") not in replies
    assert policy.safety.question not in replies


def test_why_asked_after_a_route_in_another_language_gets_the_answer(
    app: App, policy: Policy, dispatcher: CollectingDispatcher
) -> None:
    """r23b-08 t9: the heating route was given in Romanian with the English after it, in one
    message; "why you ask danger? nobody in danger" got no answer."""
    route = policy.urgent_route("no_heating_or_water_vulnerable", "ro")
    tracked = turn(policy, [route, CONTACT_OFFER], "why u ask about danger? no one is in danger")
    asyncio.run(ActionSafetyCheck().run(dispatcher, tracked, {}))
    assert texts(dispatcher)[0] == policy.safety.why_asked


def test_why_asked_with_no_question_before_says_nothing_of_it(
    app: App, policy: Policy, dispatcher: CollectingDispatcher
) -> None:
    tracked = turn(policy, ["How can I help?"], "why are you asking if i have pets?", None)
    asyncio.run(ActionSafetyCheck().run(dispatcher, tracked, {}))
    assert policy.safety.why_asked not in texts(dispatcher)


@pytest.mark.parametrize(
    "text",
    [
        "ring me, im her son, Tom Clarke, 07700 900111. not my mum, she cant hear the phone",
        "email me please, im the daughter, my mother doesnt use email. jo@example.com",
    ],
)
def test_a_contact_answer_naming_a_relative_gets_no_safety_question(
    app: App, policy: Policy, dispatcher: CollectingDispatcher, text: str
) -> None:
    """r23b-08 t8: "call me, her daughter ... not my mother" at the contact question got "Is
    anyone in danger right now?" on a guess at damp and mould."""
    said = [policy.urgent_route("no_heating_or_water_vulnerable"), CONTACT_OFFER]
    tracked = turn(policy, said, text, ("damp_mould_health", 0.35), request_contact_pending=True)
    asyncio.run(ActionSafetyCheck().run(dispatcher, tracked, {}))
    replies = texts(dispatcher)
    assert policy.safety.question not in replies
    assert not any(q in replies for q in policy.safety.questions)
