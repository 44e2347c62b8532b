"""Round 26 in conversation (issue 14): after the electrical route, a fuse box told buzzing and
warm (r26a-08 t3, a round 25 re-test) or with a wet wall beside it (r26a-06 t3) gets "do not touch
it", never "switch the main switch off now"; a burning smell told beside an address "cut off" at a
form question gets its route (r26a-06 t12). Our own wordings, parsed by the policy's own rule
matcher."""

from __future__ import annotations

import asyncio

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.safety import ActionSafetyCheck
from bot.bootstrap import App
from bot.policy import Policy
from tests.actions.test_round_12_safety import texts, turn
from tests.actions.test_round_21_safety import CONTACT_OFFER

ELECTRICAL = "electrical_danger"


def _answer(policy: Policy, follow_up_id: str) -> str:
    follow_up = next(f for f in policy.urgency[ELECTRICAL].follow_ups if f.id == follow_up_id)
    return policy.follow_up_answer(follow_up)


@pytest.mark.parametrize(
    ("text", "answer"),
    [
        ("ive pulled the plug out. but the fuse box in the kitchen is humming now and the front "
         "of it feels warm, do i flick everything off?", "hot_fuse_box"),
        ("unplugged it. the consumer unit is buzzing and its hot to touch, should i switch "
         "everything off", "hot_fuse_box"),
        ("fuse box is in the cupboard by the front door and the wall next to it is soaking, do i "
         "have to turn everything off?", "wet_fuse_box"),
    ],
)  # fmt: skip
def test_a_hot_or_wet_fuse_box_after_the_electrical_route_is_not_to_be_touched(
    app: App, policy: Policy, dispatcher: CollectingDispatcher, text: str, answer: str
) -> None:
    """r26a-08 t3 got only "Keep it switched off"; r26a-06 t3 got "switch the main switch off
    now" beside a wet wall."""
    said = [policy.urgent_route(ELECTRICAL), CONTACT_OFFER]
    tracked = turn(policy, said, text, request_contact_pending=True)
    asyncio.run(ActionSafetyCheck().run(dispatcher, tracked, {}))
    replies = texts(dispatcher)
    assert _answer(policy, answer) in replies
    assert _answer(policy, "electric_use_now") not in replies
    # The route's "switch off at the fuse box if it is safe" is not said again beside it.
    assert policy.urgent_route(ELECTRICAL) not in replies
    assert _answer(policy, "switch_it_all_off") not in replies


@pytest.mark.parametrize(
    "text",
    [
        "the address got cut off, its 3 Oak Row, 9 Hill Street, BD1 4QQ. and the kitchen light "
        "just popped and i can smell burning",
        "my postcode is cut off, its S2 4FF. also theres smoke coming out of the light switch",
    ],
)
def test_a_danger_told_beside_an_address_cut_off_at_a_form_question_gets_its_route(
    app: App, policy: Policy, dispatcher: CollectingDispatcher, text: str
) -> None:
    """r26a-06 t12: at the read-back, "the address is cut off ... i can smell burning" got only
    "That is what I have"."""
    tracked = turn(
        policy, ["Which part would you like to change?"], text,
        guess=("fire_or_danger_to_life", 0.92), asking="resident_address",
    )  # fmt: skip
    asyncio.run(ActionSafetyCheck().run(dispatcher, tracked, {}))
    replies = texts(dispatcher)
    assert any(route in replies for route in (
        policy.urgent_route("fire_or_danger_to_life"), policy.urgent_route(ELECTRICAL)
    ))  # fmt: skip
