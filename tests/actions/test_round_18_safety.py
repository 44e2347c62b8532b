"""Round 17's needless safety questions, in our own wordings: the messages are parsed by the
policy's own rule matcher; the learned detector's guess is given, as sure as said."""

from __future__ import annotations

import asyncio

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.safety import ActionSafetyCheck
from bot.bootstrap import App
from bot.policy import Policy
from tests.actions.test_round_12_safety import NAME_QUESTION, OUTCOME_QUESTION, texts, turn

COLD = ("no_heating_or_water_vulnerable", 0.3)


@pytest.mark.parametrize(
    ("text", "asking", "guess"),
    [
        (
            "afternoons only please, she goes to the hospital for her kidneys in the mornings",
            None,
            COLD,
        ),
        (
            "im ringing on behalf of T, shes sat next to me on speaker",
            None,
            ("domestic_abuse", 0.3),
        ),
        ("how long r u supposed to take to sort it anyway", None, ("self_harm", 0.3)),
        # An answer to the question waiting counts one step less: a sure guess is asked about.
        (
            "she's Mrs Adaeze Obi, in a wheelchair since the stroke",
            "contact_name",
            ("self_harm", 0.5),
        ),
    ],
)
def test_a_doubt_asked_about_once_is_not_asked_again(
    app: App,
    policy: Policy,
    dispatcher: CollectingDispatcher,
    text: str,
    asking: str | None,
    guess: tuple[str, float],
) -> None:
    """Round 17 (r17a-07): a call handler was asked "Is anyone in danger right now?" at the
    first message, again when she said who was on the line and again at "she's at dialysis
    mornings"; r17a-11 at "how long are u meant to take". A doubt of the detector's alone is
    asked about once in a conversation; asked fresh, the same doubt gets the question."""
    question = policy.safety.question
    last = NAME_QUESTION if asking else "Thank you. I've noted that."
    tracker = turn(policy, [question, last], text, guess, asking)
    asyncio.run(ActionSafetyCheck().run(dispatcher, tracker, {}))
    assert question not in texts(dispatcher)
    fresh = CollectingDispatcher()
    tracker = turn(policy, [last], text, guess, asking)
    asyncio.run(ActionSafetyCheck().run(fresh, tracker, {}))
    assert question in texts(fresh)


def test_a_danger_told_after_the_question_is_still_routed(
    app: App, policy: Policy, dispatcher: CollectingDispatcher
) -> None:
    """The question asked once silences only the detector's doubt: gas told later in words of
    its own still gets the gas route."""
    tracker = turn(
        policy, [policy.safety.question, NAME_QUESTION], "Sam. and i can smell gas in the hall now",
        ("gas", 0.3), "contact_name",
    )  # fmt: skip
    asyncio.run(ActionSafetyCheck().run(dispatcher, tracker, {}))
    assert policy.urgent_route("gas") in texts(dispatcher)


@pytest.mark.parametrize(
    "text",
    [
        "No one is in danger, its a slow drip not a flood. I do want a formal complaint",
        "nobody's in danger, the smoke is next doors bbq not a fire, just want the fence fixed",
    ],
)
def test_saying_nobody_is_in_danger_is_no_reason_to_ask_it_again(
    app: App, policy: Policy, dispatcher: CollectingDispatcher, text: str
) -> None:
    """Round 17 (r17a-05 t2): "No one's in danger, it's a drip not a flood" after the question
    had been asked got "Is anyone in danger right now?" again: the danger said not to be there
    raised it. Beside "nobody is in danger", it answers the question asked before."""
    tracker = turn(policy, [policy.safety.question, OUTCOME_QUESTION], text, ("self_harm", 0.3))
    asyncio.run(ActionSafetyCheck().run(dispatcher, tracker, {}))
    assert policy.safety.question not in texts(dispatcher)
