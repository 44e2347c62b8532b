"""Round 25 in conversation (issue 14): "do I honestly need to go out, it's probably just the
battery" after a carbon monoxide alarm's route gets a plain yes, not the line about leaving a gas
smell till later (r25a-06 t2, a round 24 fault left); "should I make him sick?" after the
poisoning route gets a plain no, and "I've rung 999, ambulance coming" is acknowledged (r25a-07
t4, t6); "should I switch it all off?" about a hot fuse box is answered (r25a-04 t15). Our own
wordings, parsed by the policy's own rule matcher."""

from __future__ import annotations

import asyncio

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.safety import ActionSafetyCheck
from bot.bootstrap import App
from bot.policy import Policy
from tests.actions.test_round_12_safety import texts, turn
from tests.actions.test_round_21_safety import CONTACT_OFFER


def _answer(policy: Policy, category: str, follow_up_id: str) -> str:
    follow_up = next(f for f in policy.urgency[category].follow_ups if f.id == follow_up_id)
    return policy.follow_up_answer(follow_up)


@pytest.mark.parametrize(
    "text",
    [
        "do i honestly need to go out tho its probably just the battery and the kids are in bed",
        "do we really have to go outside? its prob just the battery, the baby is asleep",
    ],
)
def test_asked_whether_to_go_out_beside_the_battery_gets_a_plain_yes(
    app: App, policy: Policy, dispatcher: CollectingDispatcher, text: str
) -> None:
    """r25a-06 t2: the put-off line about a gas smell ("do not leave a gas smell until later")
    came instead of the answer."""
    said = [policy.urgent_route("gas"), CONTACT_OFFER]
    tracked = turn(policy, said, text, request_contact_pending=True)
    asyncio.run(ActionSafetyCheck().run(dispatcher, tracked, {}))
    replies = texts(dispatcher)
    assert _answer(policy, "gas", "gas_get_out") in replies
    assert policy.put_off_line("gas") not in replies


@pytest.mark.parametrize(
    "text",
    [
        "what do I do?? should I make her sick??",
        "do i make him throw up",
    ],
)
def test_should_i_make_him_sick_after_the_poisoning_route(
    app: App, policy: Policy, dispatcher: CollectingDispatcher, text: str
) -> None:
    """r25a-07 t4 got five routes and the inspection timescales, and no answer."""
    said = [policy.urgent_route("poisoning"), CONTACT_OFFER]
    tracked = turn(policy, said, text, request_contact_pending=True)
    asyncio.run(ActionSafetyCheck().run(dispatcher, tracked, {}))
    replies = texts(dispatcher)
    assert _answer(policy, "poisoning", "make_them_sick") in replies
    assert policy.urgent_route("damp_mould_health") not in replies


@pytest.mark.parametrize(
    "text",
    [
        "ive rung 999 theyre sending an ambulance",
        "ok called 999, the ambulance is on its way",
    ],
)
def test_an_ambulance_called_after_the_poisoning_route_is_acknowledged(
    app: App, policy: Policy, dispatcher: CollectingDispatcher, text: str
) -> None:
    """r25a-07 t6: "ive rung 999 theyre sending an ambulance" got the name question alone; in
    our replay the learned detector's guess at a fire (999, ambulance) then got the fire route.
    A step told as taken is a reply to its route: the guess counts two steps less."""
    said = [policy.urgent_route("poisoning"), CONTACT_OFFER]
    guess = ("fire_or_danger_to_life", 0.8)
    tracked = turn(policy, said, text, guess, request_contact_pending=True)
    asyncio.run(ActionSafetyCheck().run(dispatcher, tracked, {}))
    replies = texts(dispatcher)
    assert policy.made_safe_line("poisoning") in replies
    assert policy.urgent_route("poisoning") not in replies
    assert policy.urgent_route("fire_or_danger_to_life") not in replies


@pytest.mark.parametrize("text", ["should i switch it all off?", "do i turn the mains off then"])
def test_should_i_switch_it_all_off_after_a_hot_fuse_box(
    app: App, policy: Policy, dispatcher: CollectingDispatcher, text: str
) -> None:
    """r25a-04 t15: the name question again, and no answer."""
    said = [policy.urgent_route("electrical_danger"), CONTACT_OFFER]
    tracked = turn(policy, said, text, request_contact_pending=True)
    asyncio.run(ActionSafetyCheck().run(dispatcher, tracked, {}))
    replies = texts(dispatcher)
    assert _answer(policy, "electrical_danger", "switch_it_all_off") in replies
