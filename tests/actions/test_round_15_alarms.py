"""Round 15's wrong safety routes in the middle of a conversation, in our own wordings: the
messages are parsed by the policy's own rule matcher; the learned detector's guess is given, as
sure as said."""

from __future__ import annotations

import asyncio

from rasa_sdk.executor import CollectingDispatcher

from actions.safety import ActionSafetyCheck
from bot.bootstrap import App
from bot.policy import Policy
from tests.actions.test_round_12_safety import texts, turn


def test_feeling_ill_after_the_gas_route_gets_gas_and_medical_help_not_abuse(
    app: App, policy: Policy, dispatcher: CollectingDispatcher
) -> None:
    """Round 15 (r15c-16): after the gas route, a husband back indoors and now vomiting got the
    medical route and the domestic abuse helpline, with no word of the gas. The detector's guess
    at abuse is owed to the danger told; the gas route (out into fresh air) comes again."""
    said = [policy.urgent_route("gas")]
    text = "my partner went back inside to get the kids coats and now hes throwing up"
    asyncio.run(
        ActionSafetyCheck().run(
            dispatcher, turn(policy, said, text, ("domestic_abuse", 0.9)), {}
        )
    )
    lines = texts(dispatcher)
    assert policy.urgent_route("gas") in lines
    assert policy.urgent_route("medical_emergency") in lines
    assert policy.urgent_route("domestic_abuse") not in lines
