"""Round 23: questions about a danger route's steps in our own wordings (the power back on, the
stopcock after water in a light, 999 or A&E after a shock) get their plain answers, and a bare
"yes or no" is no question about getting out of a fire."""

from __future__ import annotations

import asyncio

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.safety import ActionSafetyCheck
from bot.bootstrap import App
from bot.policy import Policy
from tests.actions.test_round_12_safety import texts, turn
from tests.actions.test_round_21_safety import CONTACT_OFFER
from tests.actions.test_round_22_safety import _answer


def _replies_after_route(
    policy: Policy, dispatcher: CollectingDispatcher, category: str, text: str
) -> list[str]:
    said = [policy.urgent_route(category), CONTACT_OFFER]
    tracked = turn(policy, said, text, None, request_contact_pending=True)
    asyncio.run(ActionSafetyCheck().run(dispatcher, tracked, {}))
    return texts(dispatcher)


@pytest.mark.parametrize(
    ("category", "text", "follow_up_id"),
    [
        # Round 23 r23a-01 t6-t7: no answer, then "Yes. Get everyone out now".
        ("electrical_danger", "can i put the power back on if i dont touch that socket? "
         "freezer is full", "power_back_on"),
        ("electrical_danger", "is it ok to flick it back on now, or not", "power_back_on"),
        # Round 23 r23a-03 t3-t5: asked three times after water came through a light.
        ("electrical_danger", "ok i switch off. i need close the water also? where is stopcock",
         "stopcock"),
        ("flooding", "whats a stopcock and where do i find it", "stopcock"),
        # Round 23 r23a-03 t3: answered only when asked again.
        ("electrical_danger", "ok we not touch. where I find the fuse box? and water from upstairs",
         "fuse_box"),
        ("structural_danger", "ok everyone is out of that room. how do i turn off the water?",
         "stopcock"),
        # Round 23 r23a-05 t6-t8: asked for a phone number three times.
        ("medical_emergency", "my heart is going really fast since, do i need a&e or am i being "
         "dramatic", "ambulance_or_111"),
        ("medical_emergency", "should i go to hospital, my arm is still numb", "ambulance_or_111"),
        # Round 23 r23a-08 t2: a 91-year-old in a flat at 31 degrees, no answer.
        ("no_heating_or_water_vulnerable", "can i turn the radiators off? how do i cool her down "
         "while i wait", "too_hot"),
        ("medical_emergency", "hes red and sweaty, what do i do to keep him cool", "too_hot"),
    ],
)  # fmt: skip
def test_a_question_about_the_routes_step_gets_its_plain_answer(
    app: App,
    policy: Policy,
    dispatcher: CollectingDispatcher,
    category: str,
    text: str,
    follow_up_id: str,
) -> None:
    replies = _replies_after_route(policy, dispatcher, category, text)
    assert _answer(policy, category, follow_up_id) in replies


def test_yes_or_no_about_the_power_is_not_told_to_get_out(
    policy: Policy, dispatcher: CollectingDispatcher
) -> None:
    """Round 23 r23a-01 t7: "power back on yes or no?" after a sparking socket got "Yes. Get
    everyone out now ... call 999", with no fire."""
    replies = _replies_after_route(
        policy, dispatcher, "electrical_danger", "you didnt answer. power back on yes or no?"
    )
    assert _answer(policy, "electrical_danger", "power_back_on") in replies
    assert _answer(policy, "fire_or_danger_to_life", "fire_get_out") not in replies


def test_turning_the_stopcock_off_is_thanked_not_taught(
    policy: Policy, dispatcher: CollectingDispatcher
) -> None:
    replies = _replies_after_route(policy, dispatcher, "flooding", "ive turned the stopcock off")
    assert policy.made_safe_line("flooding") in replies
    assert _answer(policy, "flooding", "stopcock") not in replies
