"""Round 22: questions about a danger route's own steps, asked after it, get their plain answers
before anything else; in our own wordings, parsed by the policy's own rule matcher."""

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
    ("category", "text", "follow_up_id"),
    [
        # Round 20 r20a-06 t2 got the route for a heating loss with a baby.
        ("electrical_danger", "do i really need to turn the electric off?? baby asleep",
         "electric_switch_off"),
        ("electrical_danger", "do we have to switch the electric off, the kids are asleep upstairs",
         "electric_switch_off"),
        # Round 22 r22a-03 t3, t7: no answer.
        ("electrical_danger", "sorry what is fuse box? where i find it", "fuse_box"),
        ("electrical_danger", "no lights now. is ok to use candles", "candles"),
        # Round 22 r22a-01 t3-t4: asked twice, no answer.
        ("gas", "were outside. do i turn the gas off at the meter? can i use my phone out here",
         "gas_meter_and_phone"),
        # Round 22 r22a-06 t4-t5: "I can't answer that one".
        ("fire_or_danger_to_life", "tenant asking does she get out now or switch it off first",
         "fire_get_out"),
        ("fire_or_danger_to_life", "theres smoke coming out of it. do we leave yes or no",
         "fire_get_out"),
        ("fire_or_danger_to_life", "should i turn the boiler off or just leave it and go out? "
         "ive got the baby", "fire_get_out"),
        # Round 22 r22a-07 t4-t5: no plain answer.
        ("medical_emergency", "is it 999 or 111 for her, she is wheezing a lot",
         "ambulance_or_111"),
    ],
)  # fmt: skip
def test_a_question_about_the_routes_step_after_it_gets_its_plain_answer(
    app: App,
    policy: Policy,
    dispatcher: CollectingDispatcher,
    category: str,
    text: str,
    follow_up_id: str,
) -> None:
    said = [policy.urgent_route(category), CONTACT_OFFER]
    tracked = turn(policy, said, text, None, request_contact_pending=True)
    asyncio.run(ActionSafetyCheck().run(dispatcher, tracked, {}))
    replies = texts(dispatcher)
    assert _answer(policy, category, follow_up_id) in replies
    # The question is no new danger: no other route is given for it, and no common answer
    # ("Someone over 18 needs to be there to let our repairs team in", round 22 r22a-06 t4).
    assert policy.urgent_route("no_heating_or_water_vulnerable") not in replies
    assert app.answers["be_in_for_visit"].text not in replies


def test_a_step_question_with_no_route_given_gets_no_follow_up_answer(
    app: App, policy: Policy, dispatcher: CollectingDispatcher
) -> None:
    """ "where is the fuse box" with no danger told is a plain question, not the electrical
    danger's advice."""
    tracked = turn(policy, ["How can I help?"], "where is the fuse box in my flat", None)
    asyncio.run(ActionSafetyCheck().run(dispatcher, tracked, {}))
    assert _answer(policy, "electrical_danger", "fuse_box") not in texts(dispatcher)
