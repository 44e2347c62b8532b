"""Round 25 (issue 14): safety-path faults left from round 24, in the actions; our own wordings,
parsed by the policy's own rule matcher."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.safety import ActionSafetyCheck
from actions.triage import ActionTriage
from bot.bootstrap import App
from bot.policy import Policy
from tests.actions.test_round_12_safety import texts, turn

CONTACT_OFFER = (
    "Would you like our team to contact you about it? If you'd rather call us, that's fine too."
)
CLOCK = "We must check this and make it safe within 24 hours, by 9.52am on Tuesday 8 December 2026."
DETAILS_QUESTION = "What is the best phone number or email address for us to reach you?"
NAME_QUESTION = "What name should we use when we contact you?"


def _run(dispatcher: CollectingDispatcher, tracked: Any) -> list[dict[str, Any]]:
    return asyncio.run(ActionSafetyCheck().run(dispatcher, tracked, {}))


def _slots(events: list[dict[str, Any]]) -> dict[str, Any]:
    return {e["name"]: e["value"] for e in events if e.get("event") == "slot"}


# Fault 5.
@pytest.mark.parametrize(
    "text",
    [
        "its pouring through now and the bedroom carpet is soaked",
        "the ceiling has started gushing water all over the floor",
        "now its flooding through the ceiling into the living room",
    ],
)
def test_a_flood_told_after_the_ceiling_route_does_not_say_the_24_hours_again(
    app: App, policy: Policy, dispatcher: CollectingDispatcher, text: str
) -> None:
    """Round 24 (safety24's note): a flood told after the ceiling route got the 24-hour line
    again."""
    said = [policy.urgent_route("ceiling_holding_water"), CLOCK, CONTACT_OFFER]
    tracked = turn(policy, said, text, None, request_contact_pending=True)
    _run(dispatcher, tracked)
    replies = texts(dispatcher)
    assert CLOCK not in replies
    assert policy.urgent_route("flooding") not in replies
    assert policy.after_route("ceiling_holding_water") in replies


# Fault 7.
@pytest.mark.parametrize(
    "text",
    [
        "ok were outside now. my number is 07700 900333",
        "we're all out the house now, its 07700 900444",
        "everyone is outside now, call me on 07700 900555",
    ],
)
def test_a_step_taken_told_with_a_number_after_the_gas_route_is_acknowledged(
    app: App, policy: Policy, dispatcher: CollectingDispatcher, text: str
) -> None:
    """Round 24 (closing note): "ok were outside now. my number is 07700 900333" at the contact
    details question after the gas route stored the number and did not acknowledge the step."""
    said = [policy.urgent_route("gas"), CLOCK, DETAILS_QUESTION]
    tracked = turn(policy, said, text, None, asking="contact_details")
    _run(dispatcher, tracked)
    assert policy.made_safe_line("gas") in texts(dispatcher)


# Fault 6.
@pytest.mark.parametrize(
    "text",
    [
        "kai b. my arm is all tingly still n my hearts goin fast, do i need a&e",
        "sam k. got a shock off the cooker switch and my heart is racing, do i need to go to a&e",
        "its lee. my chest is tight since the shock, should i go to a&e or is it nothing",
    ],
)
def test_a_and_e_asked_at_the_name_question_beside_the_medical_route_is_answered(
    app: App, policy: Policy, dispatcher: CollectingDispatcher, text: str
) -> None:
    """Round 24 (safety24's note): "do i need a&e" typed at the name question got the medical
    route without the 999-or-111 answer ("a&e" was never found in the message's words)."""
    tracked = turn(policy, [NAME_QUESTION], text, ("medical_emergency", 0.9), asking="contact_name")
    _run(dispatcher, tracked)
    replies = texts(dispatcher)
    assert any(r.startswith("Call 999 now if they have chest pain") for r in replies)


# Fault 3.
DARK_STAIRS = "A light out on the stairs or a landing can make someone trip or fall in the dark."


@pytest.mark.parametrize(
    "text",
    [
        "the landing light has gone and its pitch black on the stairs",
        "bulb on the stairs has blown, my mum is 81 and could trip",
        "communal stairwell lights not working since the weekend",
    ],
)
def test_a_light_out_on_the_stairs_is_answered_and_noted_as_a_repair(
    app: App, policy: Policy, dispatcher: CollectingDispatcher, text: str
) -> None:
    """Round 24 r24a-08 t2 (left): a bulb out on the landing got the safety question. Answered
    now, the request is still noted: "light out on the stairs" got the answer alone (round 25)."""
    tracked = turn(policy, ["How can I help?"], text)
    asyncio.run(ActionTriage().run(dispatcher, tracked, {}))
    replies = texts(dispatcher)
    assert any(r.startswith(DARK_STAIRS) for r in replies)
    assert not any(r.startswith("Is anyone in danger") for r in replies)
    assert any("noted this as a request" in r for r in replies), replies
