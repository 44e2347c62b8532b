"""Round 24 (issue 14): safety-path faults left from round 23, in the actions; our own wordings,
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
ELECTRIC = "electrical_danger"
NAME_QUESTION = "What name should we use when we contact you?"


def _slots(events: list[dict[str, Any]]) -> dict[str, Any]:
    return {e["name"]: e["value"] for e in events if e.get("event") == "slot"}


def _run(dispatcher: CollectingDispatcher, tracked: Any) -> list[dict[str, Any]]:
    return asyncio.run(ActionSafetyCheck().run(dispatcher, tracked, {}))


@pytest.mark.parametrize(
    "text",
    [
        "ok i switch the power off. wheres the stop tap?",
        "turned the electric off, how do i turn the water off",
        "electrics are off now. where is the stopcock",
    ],
)
def test_a_step_taken_with_a_question_is_acknowledged_and_answered_without_the_routes(
    app: App, policy: Policy, dispatcher: CollectingDispatcher, text: str
) -> None:
    """Round 23 (left from r23a-03): "ok i switch off the electric. where is stopcock?" after
    water through a light got the stopcock answer and all the routes said again."""
    said = [policy.urgent_route("flooding"), policy.urgent_route(ELECTRIC), CLOCK, CONTACT_OFFER]
    tracked = turn(policy, said, text, None, request_contact_pending=True)
    _run(dispatcher, tracked)
    replies = texts(dispatcher)
    assert replies[0] == policy.made_safe_line(ELECTRIC)
    assert any(r.startswith("The stopcock is the tap") for r in replies)
    assert policy.urgent_route("flooding") not in replies
    assert policy.urgent_route(ELECTRIC) not in replies
    assert replies[-1] in (CONTACT_OFFER, "utter_offer_request_contact")


@pytest.mark.parametrize(
    "text",
    [
        "no gas smell at all, the smoke alarm just chirps every so often. can i take the batt out",
        "theres no smell of gas, the co alarm keeps doing a little chirp",
    ],
)
def test_a_chirp_beside_a_denial_is_asked_no_safety_question(
    app: App, policy: Policy, dispatcher: CollectingDispatcher, text: str
) -> None:
    """Round 23 (left): a first message that denies a gas smell and tells of a chirp got "Is
    anyone in danger right now?" before the chirp's answer."""
    tracked = turn(policy, ["How can I help?"], text, None)
    _run(dispatcher, tracked)
    assert not any(r.startswith("Is anyone in danger right now?") for r in texts(dispatcher))


@pytest.mark.parametrize(
    "text",
    [
        "the asbestos dust is all over the sofa now, should i hoover it?",
        "i think the dust might be asbestos, the builders are coming back tomorrow",
    ],
)
def test_asbestos_told_again_is_not_said_again_in_full(
    app: App, policy: Policy, dispatcher: CollectingDispatcher, text: str
) -> None:
    """Round 23 (left from r23a-07): the asbestos route was said again in full when asbestos was
    told again; what is new is answered."""
    tracked = turn(policy, [policy.urgent_route("asbestos"), CONTACT_OFFER], text, None)
    _run(dispatcher, tracked)
    replies = texts(dispatcher)
    assert policy.urgent_route("asbestos") not in replies
    assert any(r.startswith(("No. Do not hoover", "Do not let the sanding")) for r in replies)


@pytest.mark.parametrize(
    "text",
    [
        "now water is pouring through the ceiling onto the carpet",
        "the ceiling has burst and its flooding the bathroom",
    ],
)
def test_a_flood_told_after_the_ceiling_route_is_not_said_again(
    app: App, policy: Policy, dispatcher: CollectingDispatcher, text: str
) -> None:
    """Round 23 (left): `covers` worked within one message only."""
    said = [policy.urgent_route("ceiling_holding_water"), CLOCK, CONTACT_OFFER]
    tracked = turn(policy, said, text, None, request_contact_pending=True)
    _run(dispatcher, tracked)
    replies = texts(dispatcher)
    assert policy.urgent_route("flooding") not in replies
    # The standing route's help, not nothing.
    assert policy.after_route("ceiling_holding_water") in replies


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("kai b. my arm is all tingly and my heart is racing, do i need a&e", "kai b"),
        ("its mo t. i got a shock off the switch and my chest feels weird", "mo t"),
    ],
)
def test_a_lower_case_name_beside_the_medical_route_is_kept(
    app: App, policy: Policy, dispatcher: CollectingDispatcher, text: str, name: str
) -> None:
    """Round 23 r23a-05 t5-t6: "kai b." beside the medical route was asked the name again."""
    tracked = turn(policy, [NAME_QUESTION], text, None, asking="contact_name")
    events = _run(dispatcher, tracked)
    assert _slots(events).get("contact_name") == name
    assert NAME_QUESTION not in texts(dispatcher)


CHIRP_ANSWER = "A short chirp about once a minute usually means the alarm's backup battery is low"


@pytest.mark.parametrize(
    "text",
    [
        "also the smoke alarm keeps doing a little chirp",
        "her co detector is chirping every minute or so as well",
    ],
)
def test_a_chirp_told_after_a_route_is_answered(
    app: App, policy: Policy, dispatcher: CollectingDispatcher, text: str
) -> None:
    """Round 23 (left from r23a-08): a carbon monoxide alarm's chirp told at the contact offer
    after the cold-home route got the complaint offer, no word about the chirp."""
    said = [policy.urgent_route("no_heating_or_water_vulnerable"), CLOCK, CONTACT_OFFER]
    tracked = turn(policy, said, text, None, request_contact_pending=True)
    asyncio.run(ActionTriage().run(dispatcher, tracked, {}))
    assert any(r.startswith(CHIRP_ANSWER) for r in texts(dispatcher))


def test_beside_the_gas_route_the_chirp_is_said_once(
    app: App, policy: Policy, dispatcher: CollectingDispatcher
) -> None:
    tracked = turn(policy, ["How can I help?"], "i can smell gas and the co alarm keeps chirping")
    asyncio.run(ActionTriage().run(dispatcher, tracked, {}))
    assert not any(r.startswith(CHIRP_ANSWER) for r in texts(dispatcher))
