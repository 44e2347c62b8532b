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


CONTACT_OFFER = (
    "Would you like our team to contact you about it? If you'd rather call us, that's fine too."
)


@pytest.mark.parametrize(
    "text",
    [
        "tenant asking can she just pull the battery out its doing her head in. does she really "
        "need to get the kids up, they're asleep",
        "can i take the batt out of the alarm? its freezing out",
        "do we actually have to go outside? can we stay in with the windows open",
    ],
)
def test_doubting_the_co_warning_after_the_gas_route_gets_a_plain_answer(
    app: App, policy: Policy, dispatcher: CollectingDispatcher, text: str
) -> None:
    """Round 20 (r20a-02 t2, t3): "can she take batt out of the alarm ... does she actually need
    to get them up and out? its cold out" after the CO route got the fire text, then no plain
    answer: keep the alarm on and get out anyway."""
    said = [policy.urgent_route("gas"), CONTACT_OFFER]
    tracked = turn(policy, said, text, ("gas", 0.99), request_contact_pending=True)
    asyncio.run(ActionSafetyCheck().run(dispatcher, tracked, {}))
    get_out = next(f for f in policy.urgency["gas"].follow_ups if f.id == "gas_get_out")
    assert policy.follow_up_answer(get_out) in texts(dispatcher)
    # The battery named is no chirp: the plain answer alone.
    assert policy.safety.alarm_chirp not in texts(dispatcher)


def test_what_is_not_there_beside_the_gas_route_does_not_decline_the_call_back(
    app: App, policy: Policy, dispatcher: CollectingDispatcher
) -> None:
    """Round 20 (r20a-02 t3): "no fire its the carbon monoxide alarm" at "Would you like our team
    to contact you?" was read as "No, I'll call": "That's fine", and no call-back."""
    for text in (
        "no fire its the carbon monoxide alarm going off",
        "no smoke or anything, the co alarm is still going and she feels sick",
    ):
        dispatcher.messages.clear()
        said = [policy.urgent_route("gas"), CONTACT_OFFER]
        tracked = turn(policy, said, text, ("gas", 0.99), request_contact_pending=True)
        events = asyncio.run(ActionSafetyCheck().run(dispatcher, tracked, {}))
        # The offer is asked again, and the message is not read as its answer.
        assert texts(dispatcher)[-1] == CONTACT_OFFER, text
        assert ActionReverted() not in events, text


@pytest.mark.parametrize(
    ("category", "text"),
    [
        (
            "electrical_danger",
            "ive flicked the breaker off for the kitchen now. it only sparked a little, is it "
            "still dangerous",
        ),
        ("gas", "right we're all outside now and the gas people are called, she still feels sick"),
        ("flooding", "turned the stopcock off, its still pouring through the ceiling a bit"),
    ],
)
def test_the_first_step_taken_after_a_route_gets_what_next_not_the_route_again(
    app: App, policy: Policy, dispatcher: CollectingDispatcher, category: str, text: str
) -> None:
    """Round 19 (r19a-03 t5): "ive flicked the kitchen breaker off now ... is that ok or is it
    dangerous still" got "switch off at the fuse box" again; round 20 (r20a-02 t4) "T and kids
    now out in the car, gas emergency called" got the whole gas route again."""
    said = [policy.urgent_route(category), CONTACT_OFFER]
    tracked = turn(policy, said, text, (category, 0.99), request_contact_pending=True)
    asyncio.run(ActionSafetyCheck().run(dispatcher, tracked, {}))
    assert policy.made_safe_line(category) in texts(dispatcher)
    assert policy.urgent_route(category) not in texts(dispatcher)


def test_the_first_step_told_with_the_first_report_gets_the_route_and_what_next(
    app: App, policy: Policy, dispatcher: CollectingDispatcher
) -> None:
    """The route not given before is given, so the danger is known to be routed; what to do
    next follows it."""
    text = "the socket by the cooker was sparking so ive switched the breaker off, what now"
    tracked = turn(policy, [], text, ("electrical_danger", 0.99))
    asyncio.run(ActionSafetyCheck().run(dispatcher, tracked, {}))
    said = texts(dispatcher)
    route = said.index(policy.urgent_route("electrical_danger"))
    assert said.index(policy.made_safe_line("electrical_danger")) > route
