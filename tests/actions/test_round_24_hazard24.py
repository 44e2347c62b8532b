"""Round 24 in conversation (issue 14): "do I actually need to go out? its freezing" after the gas
route for a carbon monoxide alarm gets its plain answer, not the route for no heating (r24a-06
t2); a bereavement gets plain condolences once and no Samaritans line (r24b-03 t2, t13); a burn
after the scald route gets first aid (r24a-07 t10). Our own wordings, parsed by the policy's own
rule matcher, with the learned detector's guess given as sure as said."""

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
        "hang on, do i actually need to go out? its freezing and my son has a cold",
        "wait, must we go out? its freezing tonight and my daughter has a sore throat",
    ],
)
def test_asked_whether_to_go_out_after_the_gas_route_gets_a_plain_yes(
    app: App, policy: Policy, dispatcher: CollectingDispatcher, text: str
) -> None:
    """r24a-06 t2: a carbon monoxide alarm's route, then "do I actually need to go out? its
    freezing" got the route for no heating with a vulnerable person, and no answer."""
    said = [policy.urgent_route("gas"), CONTACT_OFFER]
    tracked = turn(
        policy, said, text, ("no_heating_or_water_vulnerable", 0.9), request_contact_pending=True
    )
    asyncio.run(ActionSafetyCheck().run(dispatcher, tracked, {}))
    replies = texts(dispatcher)
    assert _answer(policy, "gas", "gas_get_out") in replies
    assert policy.urgent_route("no_heating_or_water_vulnerable") not in replies
    assert policy.safety.question not in replies


@pytest.mark.parametrize(
    "text",
    [
        "she passed away in october, very sudden, me and my sister have been clearing her things "
        "out of the flat at weekends",
        "my dad died last month, i'm his executor and i need to hand the keys back",
    ],
)
def test_a_bereavement_gets_condolences_and_no_samaritans(
    app: App, policy: Policy, dispatcher: CollectingDispatcher, text: str
) -> None:
    """r24b-03 t2: a plain statement of bereavement got the self-harm advice, no condolences."""
    tracked = turn(policy, [CONTACT_OFFER], text, ("self_harm", 0.85))
    asyncio.run(ActionSafetyCheck().run(dispatcher, tracked, {}))
    replies = texts(dispatcher)
    assert replies[0] == policy.safety.condolences
    assert policy.urgent_route("self_harm") not in replies
    assert policy.safety.question not in replies


def test_condolences_are_said_once(
    app: App, policy: Policy, dispatcher: CollectingDispatcher
) -> None:
    said = [policy.safety.condolences, CONTACT_OFFER]
    tracked = turn(policy, said, "she died in november and the rent is still being taken")
    asyncio.run(ActionSafetyCheck().run(dispatcher, tracked, {}))
    assert policy.safety.condolences not in texts(dispatcher)


def test_a_burn_after_the_scald_route_gets_first_aid(
    app: App, policy: Policy, dispatcher: CollectingDispatcher
) -> None:
    """r24a-07 t10: "she has a red mark on her hand, what do i do" after a scalding tap got the
    electrical route again and advice for someone too hot."""
    said = [policy.urgent_route("scalding_water"), CONTACT_OFFER]
    text = "its the water thats too hot not the electrics. his hand has a red patch, what do i do"
    tracked = turn(policy, said, text, ("electrical_danger", 0.8), request_contact_pending=True)
    asyncio.run(ActionSafetyCheck().run(dispatcher, tracked, {}))
    replies = texts(dispatcher)
    assert _answer(policy, "scalding_water", "burn_first_aid") in replies
    assert policy.urgent_route("electrical_danger") not in replies
    assert _answer(policy, "medical_emergency", "too_hot") not in replies
