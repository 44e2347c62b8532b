"""Round 15: a correction typed at the read-back that holds a danger word gets the danger's route
first and is then applied, not dropped for the read-back shown again unchanged (r15b-18 "add that
... pulled a knife on my 15yo son", r15d-02 "put in that my 7 yr old has asthma")."""

from __future__ import annotations

import asyncio

from rasa_sdk.events import ActionReverted
from rasa_sdk.executor import CollectingDispatcher

from actions.safety import ActionSafetyCheck
from bot.answers import READ_BACK
from bot.bootstrap import App
from bot.policy import Policy
from tests.actions.test_round_12_safety import texts, turn

SAID = ["Here is what I understood. ... Is that right?"]
DRAFT = {
    READ_BACK: True,
    "complaint_aspects": "The stairwell light is out and people deal drugs there.",
    "outcome_sought": "An explanation",
    "contact_name": "Dana",
    "contact_details": "07700 900705",
    "contact_preference": "text",
}


def test_a_danger_added_at_the_read_back_is_routed_and_then_applied(
    app: App, policy: Policy, dispatcher: CollectingDispatcher
) -> None:
    text = (
        "add that on friday one of them pulled a knife on my 14 year old on the landing, "
        "police crime ref 44/55555/26. otherwise right"
    )
    tracked = turn(policy, SAID, text, ("threat_to_life", 0.9), **DRAFT)
    events = asyncio.run(ActionSafetyCheck().run(dispatcher, tracked, {}))
    assert texts(dispatcher), "the route comes first"
    # Handed back, so the read-back's repair applies the addition and reads it back again.
    assert ActionReverted() in events
    assert SAID[0] not in texts(dispatcher)


def test_a_yes_with_danger_after_it_at_the_read_back_gets_the_route_then_logs(
    app: App, policy: Policy, dispatcher: CollectingDispatcher
) -> None:
    """Round 12 r12c-13 logged "yes thats right. T just said she can hear him trying the key in
    the door now" with no route; round 16 r16a-11 was routed and shown the read-back again,
    unlogged, though she had said yes. The route comes first, then the yes is read."""
    text = "yes thats right. she can hear him trying his key in the door now"
    tracked = turn(policy, SAID, text, ("domestic_abuse", 0.8), **DRAFT)
    events = asyncio.run(ActionSafetyCheck().run(dispatcher, tracked, {}))
    assert policy.urgent_route("domestic_abuse") in texts(dispatcher)
    assert events == [ActionReverted()]
