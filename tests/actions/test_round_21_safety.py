"""Round 20's leftovers: the safety check's replies a resident would notice, in our own
wordings. The messages are parsed by the policy's own rule matcher; the learned detector's guess
is given, as sure as said."""

from __future__ import annotations

import asyncio

import pytest
from rasa_sdk.events import ActionReverted
from rasa_sdk.executor import CollectingDispatcher

from actions.safety import ActionSafetyCheck
from bot.bootstrap import App
from bot.policy import Policy
from tests.actions.test_round_12_safety import OUTCOME_QUESTION, texts, turn
from tests.actions.test_round_20_safety import RESIDENT_QUESTION


@pytest.mark.parametrize(
    "text",
    [
        "yes its me, my flat. Dennis Hurst. did you even read what i wrote",
        "im the tenant. are you even listening to me",
        "its my flat. you dont care do you",
    ],
)
def test_not_heard_after_the_samaritans_line_is_told_it_was_with_the_help_again(
    app: App, policy: Policy, dispatcher: CollectingDispatcher, text: str
) -> None:
    """Round 20 (r20a-05 t5): "did you even read what i wrote", after saying he could not keep
    going, got only the next form question."""
    said = [policy.urgent_route("self_harm"), RESIDENT_QUESTION]
    tracked = turn(policy, said, text, ("self_harm", 0.1), "acting_for")
    events = asyncio.run(ActionSafetyCheck().run(dispatcher, tracked, {}))
    assert texts(dispatcher) == [policy.safety.heard, policy.after_route("self_harm")]
    # The answer in it is then read by the form.
    assert events == [ActionReverted()]


def test_not_heard_with_no_danger_to_a_person_gets_no_safety_line(
    app: App, policy: Policy, dispatcher: CollectingDispatcher
) -> None:
    """ "did you even read what i wrote" about a leaking roof is a protest, not a danger: no
    Samaritans line."""
    tracked = turn(
        policy, [OUTCOME_QUESTION], "did you even read what i wrote", ("self_harm", 0.1),
        "outcome_sought",
    )  # fmt: skip
    asyncio.run(ActionSafetyCheck().run(dispatcher, tracked, {}))
    assert policy.safety.heard not in texts(dispatcher)
    assert policy.after_route("self_harm") not in texts(dispatcher)
