"""Round 12's danger told again, worse or new in the middle of a conversation (issue 14): a new or
worse danger always gets its route, even after a route was given and whatever question waits;
and a resident who cannot make a voice call is given ways that are not one. The messages are
parsed by the policy's own rule matcher; the learned detector's guess is given, as sure as said.
Our own wordings, not the simulation's."""

from __future__ import annotations

import asyncio
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.safety import ActionSafetyCheck
from bot.answers import READ_BACK
from bot.bootstrap import App
from bot.nlp.rules import RuleMatcher
from bot.policy import Policy

NAME_QUESTION = "What name should we use when we contact you?"
OUTCOME_QUESTION = "What would you like us to do to put things right?"


def texts(dispatcher: CollectingDispatcher) -> list[str]:
    return [m.get("text") or m.get("response") or "" for m in dispatcher.messages]


def turn(
    policy: Policy, said: list[str], text: str, guess: tuple[str, float] | None = None,
    asking: str | None = None, **slots: Any,
) -> Tracker:  # fmt: skip
    """The resident's `text` after the assistant `said` these lines, with the complaint form
    `asking` for a slot, or with no form."""
    matcher = RuleMatcher.blank(policy)
    entities = matcher.match(matcher.make_doc(text)).as_entities()
    if guess is not None:
        category, confidence = guess
        entities.append({"entity": "detected_urgency", "value": category, "confidence": confidence})
    events: list[dict[str, Any]] = [{"event": "user", "text": "hello", "parse_data": {}}]
    events += [{"event": "bot", "text": line, "data": {}} for line in said]
    events += [
        {"event": "action", "name": "action_listen"},
        {"event": "user", "text": text, "parse_data": {"entities": entities}},
    ]
    return Tracker.from_dict(
        {
            "sender_id": "resident-12",
            "slots": {"requested_slot": asking, "with_person": False, **slots},
            "latest_message": {
                "text": text,
                "intent": {"name": "service_request", "confidence": 0.6},
                "intent_ranking": [],
                "entities": entities,
            },
            "events": events,
            "paused": False,
            "followup_action": None,
            "active_loop": {"name": "complaint_form"} if asking else {},
            "latest_action_name": "action_listen",
        }
    )


def test_self_harm_told_worse_at_the_name_question_gets_its_route_again(
    app: App, policy: Policy, dispatcher: CollectingDispatcher
) -> None:
    """Round 12 (r12c-07): "tonight is very hard, I have all my tablets here" after the
    Samaritans line got only "Is anyone in danger right now?"."""
    said = [policy.urgent_route("self_harm"), NAME_QUESTION]
    text = "tonight is really bad. ive got all my pills lined up in front of me"
    events = asyncio.run(
        ActionSafetyCheck().run(
            dispatcher, turn(policy, said, text, ("self_harm", 0.87), "contact_name"), {}
        )
    )
    lines = texts(dispatcher)
    assert lines[0] == policy.urgent_route("self_harm")
    assert policy.safety.question not in lines
    # The pills are not taken for a name: the question is asked again.
    assert lines[-1] == NAME_QUESTION
    assert events == [SlotSet("contact_name", None)]
    with app.cases.unit_of_work() as uow:
        contact = uow.cases.get_contact(1)
    assert contact is not None and contact.urgency == ("self_harm",)


def test_the_cold_harming_an_old_woman_after_the_heating_route_gets_999_and_nhs_111(
    app: App, policy: Policy, dispatcher: CollectingDispatcher
) -> None:
    """Round 12 (r12c-15): an 80-year-old with no heating "shivering n a bit confused, her sugar
    is low" said mid-form got only the safety question; the heating route was given before."""
    said = [policy.urgent_route("no_heating_or_water_vulnerable"), OUTCOME_QUESTION]
    text = "my brother is with her now and says shes shivering and not making sense, sugar is low"
    asyncio.run(
        ActionSafetyCheck().run(
            dispatcher,
            turn(policy, said, text, ("no_heating_or_water_vulnerable", 0.97), "outcome_sought"),
            {},
        )
    )
    lines = texts(dispatcher)
    assert lines[0] == policy.urgent_route("medical_emergency")
    assert "999" in lines[0]


def test_no_heating_for_an_old_man_after_another_route_is_routed_not_only_asked_about(
    app: App, policy: Policy, dispatcher: CollectingDispatcher
) -> None:
    """Round 12 (r12c-04): after the 999 line for a fall, "no heating with an 84 year old
    tonight, what do I tell them" got only the safety question: a route given for one danger
    made the detector's sure guess at another one step less sure."""
    said = [policy.urgent_route("medical_emergency"), "Is there anything else?"]
    text = "and the heating is still not working with an 84 year old in the house tonight"
    asyncio.run(
        ActionSafetyCheck().run(
            dispatcher, turn(policy, said, text, ("no_heating_or_water_vulnerable", 0.93)), {}
        )
    )
    lines = texts(dispatcher)
    assert lines[0] == policy.urgent_route("no_heating_or_water_vulnerable")
    assert policy.landlord.emergency_repairs_phone in lines[0]


def test_a_knife_told_beside_the_answer_to_the_contact_offer_is_routed(
    app: App, policy: Policy, dispatcher: CollectingDispatcher
) -> None:
    """Round 12 (r12b-18): "yes contact me ... one of them flashed a knife at my lad, hes 15"
    after the drug dealing report was only asked about: a message that answers the offer counted
    one step less, though it tells the threat in words of its own."""
    said = ["Would you like our team to contact you about it?"]
    text = "yes contact me, Dawn 07700 900812. also one of them pulled a blade on my son, hes 14"
    tracked = turn(policy, said, text, ("threat_of_violence", 0.99), request_contact_pending=True)
    asyncio.run(ActionSafetyCheck().run(dispatcher, tracked, {}))
    assert texts(dispatcher)[0] == policy.urgent_route("threat_of_violence")


def test_a_danger_told_beside_yes_at_the_read_back_is_routed(
    app: App, policy: Policy, dispatcher: CollectingDispatcher
) -> None:
    """Round 12 (r12c-13): "yes that's right. she can hear him trying the key in the door now"
    at the read-back was taken as the yes and the complaint logged."""
    said = ["Here is what I understood. ... Is that right?"]
    text = "yes thats right. she can hear him trying his key in the door now"
    tracked = turn(policy, said, text, ("domestic_abuse", 0.8))
    tracked.slots[READ_BACK] = True
    asyncio.run(ActionSafetyCheck().run(dispatcher, tracked, {}))
    assert texts(dispatcher)[0] == policy.urgent_route("domestic_abuse")


def test_a_resident_who_cannot_phone_is_given_ways_that_are_not_a_call(
    app: App, policy: Policy, dispatcher: CollectingDispatcher
) -> None:
    """Round 12 (r12a-11): a Deaf resident asking how to get the emergency repair without
    phoning was told to call the emergency line, twice."""
    said = [policy.urgent_route("insecure_home"), "Would you like our team to contact you?"]
    text = "I'm Deaf. how do I get the emergency repair without phoning?"
    asyncio.run(ActionSafetyCheck().run(dispatcher, turn(policy, said, text), {}))
    lines = texts(dispatcher)
    assert policy.cannot_phone_line() in lines
    relay = f"{policy.landlord.text_relay_prefix} {policy.landlord.emergency_repairs_phone}"
    assert relay in policy.cannot_phone_line()
    assert "999 BSL" in policy.cannot_phone_line()


def test_the_route_to_a_resident_with_no_phone_credit_says_how_to_reach_help_without_a_call(
    app: App, policy: Policy, dispatcher: CollectingDispatcher
) -> None:
    """Round 12 (r12c-01): a mother with no heating, a cold baby and no phone credit was given
    only the emergency line to call."""
    text = "no heating since monday and my baby is only 3 months old. i have no credit on my phone"
    asyncio.run(ActionSafetyCheck().run(dispatcher, turn(policy, [], text), {}))
    lines = texts(dispatcher)
    assert lines[0] == policy.urgent_route("no_heating_or_water_vulnerable")
    assert policy.cannot_phone_line() in lines


def test_a_route_to_a_resident_who_can_phone_says_nothing_of_relay(
    app: App, policy: Policy, dispatcher: CollectingDispatcher
) -> None:
    text = "no heating since monday and my baby is only 3 months old"
    asyncio.run(ActionSafetyCheck().run(dispatcher, turn(policy, [], text), {}))
    assert policy.cannot_phone_line() not in texts(dispatcher)


def test_a_resident_who_says_nobody_abuses_her_is_not_given_the_helpline_again(
    app: App, policy: Policy, dispatcher: CollectingDispatcher
) -> None:
    """Round 12 (r12a-11): a Deaf resident asked why she was given a domestic abuse number, said
    nobody is abusing her and asked for texts not calls; she got the helpline again and was
    told the team would not phone her because a call was not safe."""
    said = [policy.urgent_route("domestic_abuse"), "Would you like our team to contact you?"]
    text = "Why are you giving me a domestic abuse number?? Nobody is abusing me. Texts not calls."
    asyncio.run(ActionSafetyCheck().run(dispatcher, turn(policy, said, text), {}))
    lines = texts(dispatcher)
    assert policy.urgent_route("domestic_abuse") not in lines
    assert policy.safety.no_calls not in lines
