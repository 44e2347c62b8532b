"""Round 15's wrong safety routes in the middle of a conversation, in our own wordings: the
messages are parsed by the policy's own rule matcher; the learned detector's guess is given, as
sure as said."""

from __future__ import annotations

import asyncio

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.request_contact import ActionRecordRequestContact
from actions.safety import ActionSafetyCheck
from bot.bootstrap import App
from bot.casestore.domain import ContactRecord, ServiceRequest
from bot.nlp.rules import RuleMatcher
from bot.policy import Policy
from tests.actions.test_request_contact import RECEIVED, after_the_question, said, told_first
from tests.actions.test_round_12_safety import OUTCOME_QUESTION, texts, turn


def test_feeling_ill_after_the_gas_route_gets_gas_and_medical_help_not_abuse(
    app: App, policy: Policy, dispatcher: CollectingDispatcher
) -> None:
    """Round 15 (r15c-16): after the gas route, a husband back indoors and now vomiting got the
    medical route and the domestic abuse helpline, with no word of the gas. The detector's guess
    at abuse is owed to the danger told; the gas route (out into fresh air) comes again."""
    said = [policy.urgent_route("gas")]
    text = "my partner went back inside to get the kids coats and now hes throwing up"
    asyncio.run(
        ActionSafetyCheck().run(dispatcher, turn(policy, said, text, ("domestic_abuse", 0.9)), {})
    )
    lines = texts(dispatcher)
    assert policy.urgent_route("gas") in lines
    assert policy.urgent_route("medical_emergency") in lines
    assert policy.urgent_route("domestic_abuse") not in lines


def test_a_resident_who_said_nobody_is_in_danger_is_not_asked_again_on_a_doubt(
    app: App, policy: Policy, dispatcher: CollectingDispatcher
) -> None:
    """Round 15 (r15c-03): after "no one in danger its not like that", "im dying to know why
    no1 came back" got "Is anyone in danger right now?" a fourth time. A doubt of the detector's
    alone is not asked again; a danger in words still is."""
    text = "also really want to know why nobody ever rang me back"
    tracker = turn(policy, [OUTCOME_QUESTION], text, ("self_harm", 0.3), "outcome_sought")
    matcher = RuleMatcher.blank(policy)
    earlier = "nobody is in danger, it is just the mould on the wall"
    entities = matcher.match(matcher.make_doc(earlier)).as_entities()
    tracker.events.insert(
        1, {"event": "user", "text": earlier, "parse_data": {"entities": entities}}
    )
    asyncio.run(ActionSafetyCheck().run(dispatcher, tracker, {}))
    assert policy.safety.question not in texts(dispatcher)
    # Without the earlier word, the same doubt is asked about.
    again = CollectingDispatcher()
    fresh = turn(policy, [OUTCOME_QUESTION], text, ("self_harm", 0.3), "outcome_sought")
    asyncio.run(ActionSafetyCheck().run(again, fresh, {}))
    assert policy.safety.question in texts(again)


def test_a_gas_route_taken_back_leaves_no_emergency_repair(app: App, policy: Policy) -> None:
    """Round 15 (r15c-18): a gas leak fixed last week got the gas route and a 24-hour promise;
    after "no gas now, it was last week and fixed", a cupboard door the engineer broke was still
    "an emergency repair" to ring about now. A hazard route taken back makes no emergency."""
    contact = ContactRecord("resident-9", "socketio", RECEIVED, "the engineer broke the cupboard",
                            "service_request", "service_request", 0.9, None, ("gas",),
                            ())  # fmt: skip
    contact_id = app.cases.record_triage(contact, ServiceRequest("repairs", True))
    slots = {"contact_id": contact_id, "contact_details": "sam@example.com",
             "contact_preference": "email"}  # fmt: skip
    route = policy.urgent_route("gas")
    clock = (
        "We must check this and make it safe within 24 hours, by 10am on Friday 4 December 2026."
    )
    matcher = RuleMatcher.blank(policy)
    over = "there is no gas smell any more, the leak was fixed on monday"
    entities = matcher.match(matcher.make_doc(over)).as_entities()
    state = told_first(after_the_question(slots), route, clock).current_state()
    state["events"].insert(3, {"event": "user", "text": over, "parse_data": {"entities": entities}})
    dispatcher = CollectingDispatcher()
    asyncio.run(ActionRecordRequestContact().run(dispatcher, Tracker.from_dict(state), {}))
    assert "emergency repair" not in said(dispatcher)
    # Not taken back, the same route keeps it an emergency.
    standing = CollectingDispatcher()
    asyncio.run(
        ActionRecordRequestContact().run(
            standing, told_first(after_the_question(slots), route, clock), {}
        )
    )
    assert "emergency repairs line now" in said(standing)
