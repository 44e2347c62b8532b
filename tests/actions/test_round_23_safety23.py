"""Round 23 (issue 14): safety-path faults left from round 22, in the actions; our own wordings,
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

CHOICE = (
    "I'm sorry things have gone wrong. You can make a formal complaint, and we will give you a "
    "reference and dates for our reply. Or we can try to put it right without a formal "
    "complaint. Either way, any repair or request you have with us carries on. What would you "
    "like to do?"
)
VULNERABLE = "no_heating_or_water_vulnerable"


def _slots(events: list[dict[str, Any]]) -> dict[str, Any]:
    return {e["name"]: e["value"] for e in events if e.get("event") == "slot"}


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("I don't want a complaint, just the boiler fixed. Could you note that he is on dialysis "
         "and uses a wheelchair so the engineer knows? No heating at all and he is 90.",
         "dialysis and wheelchair"),
        ("no heating still and my dad is 88. please put it on his file that he has copd and is "
         "on oxygen", "copd and oxygen"),
        ("Can you make a note that mum uses a wheelchair? The heating is still off and she is "
         "freezing.", "wheelchair"),
    ],
)  # fmt: skip
def test_a_health_need_asked_to_be_noted_beside_a_route_is_confirmed_once(
    app: App, policy: Policy, dispatcher: CollectingDispatcher, text: str, said: str
) -> None:
    """r22a-02 t2: the vulnerable-household route and "no contact details", and no word about
    the oxygen, dialysis and wheelchair asked to be put on the record."""
    tracked = turn(policy, [policy.urgent_route(VULNERABLE), CHOICE], text, None)
    events = asyncio.run(ActionSafetyCheck().run(dispatcher, tracked, {}))
    replies = texts(dispatcher)
    noted = [r for r in replies if "on the record, as you asked" in r]
    assert len(noted) == 1
    assert said in noted[0]
    assert "on their behalf" in noted[0]
    # After the route.
    assert replies.index(noted[0]) > replies.index(policy.urgent_route(VULNERABLE))
    slots = _slots(events)
    assert slots["adjustment_consent"] is True
    assert "on the resident's behalf" in slots["adjustments_needed"]


def test_asked_again_after_it_was_noted_it_is_said_to_be_on_the_record_already(
    app: App, policy: Policy, dispatcher: CollectingDispatcher
) -> None:
    """r22a-02 t3: "will you note her oxygen, dialysis and wheelchair?" asked again: no consent
    question, and no second long confirmation."""
    tracked = turn(
        policy,
        [policy.urgent_route(VULNERABLE), "We must check this and make it safe within 24 hours."],
        "my mobile is 07700 900111. will you note his dialysis though?",
        None,
        adjustments_needed="dialysis",
        adjustment_consent=True,
    )
    asyncio.run(ActionSafetyCheck().run(dispatcher, tracked, {}))
    replies = texts(dispatcher)
    assert "Yes. I have already put dialysis on the record." in replies
    # Not the last line: the last line said is read as the question waiting, and asked again.
    assert replies[-1] != "Yes. I have already put dialysis on the record."
    assert not any("as you asked" in r for r in replies)


def test_triage_notes_a_health_need_asked_to_be_noted_and_does_not_offer_it_again(
    app: App, policy: Policy, dispatcher: CollectingDispatcher
) -> None:
    """The same asking read by triage's reply (the safety action hands a message without a route
    on): noted with the consent the asking gives, no "Would you like us to note what would
    help you?" after it."""
    text = "The bathroom tap is broken. Please put on her record that she is deaf and on dialysis."
    tracked = turn(policy, ["How can I help?"], text, None)
    events = asyncio.run(ActionTriage().run(dispatcher, tracked, {}))
    replies = texts(dispatcher)
    assert any("on the record, as you asked" in r for r in replies)
    assert "utter_offer_adjustments" not in replies
    assert _slots(events)["adjustment_consent"] is True


CONTACT_OFFER = (
    "Would you like our team to contact you about it? If you'd rather call us, that's fine too."
)
GAS_CLOCK = (
    "We must check this and make it safe within 24 hours, by 2.40am on Tuesday 8 December 2026."
)


@pytest.mark.parametrize(
    "text",
    ["ok we're all out now", "done, out of the house", "we are out", "OK im outside now thanks"],
)
def test_being_outside_after_the_gas_route_is_acknowledged_and_the_offer_asked_again(
    app: App, policy: Policy, dispatcher: CollectingDispatcher, text: str
) -> None:
    """r22a-01 t3: "ok were outside now" at the contact offer was read as yes to it."""
    said = [policy.urgent_route("gas"), GAS_CLOCK, CONTACT_OFFER]
    tracked = turn(policy, said, text, None, request_contact_pending=True)
    events = asyncio.run(ActionSafetyCheck().run(dispatcher, tracked, {}))
    replies = texts(dispatcher)
    assert replies[0] == policy.made_safe_line("gas")
    assert replies[-1] == CONTACT_OFFER
    assert not any(e.get("event") == "undo" for e in events)


def test_yes_with_being_outside_still_answers_the_offer(
    app: App, policy: Policy, dispatcher: CollectingDispatcher
) -> None:
    said = [policy.urgent_route("gas"), GAS_CLOCK, CONTACT_OFFER]
    tracked = turn(
        policy, said, "yes please, we're outside now", None, request_contact_pending=True
    )
    events = asyncio.run(ActionSafetyCheck().run(dispatcher, tracked, {}))
    assert any(e.get("event") == "undo" for e in events)


@pytest.mark.parametrize(
    "text",
    [
        "should we turn it off at the meter",
        "is it ok to use my phone to call them from the garden",
    ],
)
def test_a_second_step_question_gets_its_answer_without_the_promise_again(
    app: App, policy: Policy, dispatcher: CollectingDispatcher, text: str
) -> None:
    """r22a-01 t3-t4: after a follow-up answer the "flagged as urgent", 24 hours and "no contact
    details" lines came again on every turn; the promise is said once, and the offer still
    waiting is asked again."""
    first_answer = next(
        policy.follow_up_answer(f)
        for f in policy.urgency["gas"].follow_ups
        if f.id == "gas_meter_and_phone"
    )
    said = [
        policy.urgent_route("gas"),
        GAS_CLOCK,
        CONTACT_OFFER,
        first_answer,
        policy.after_route("gas"),
        GAS_CLOCK,
        policy.contact_line(False),
    ]
    tracked = turn(policy, said, text, None, request_contact_pending=True)
    asyncio.run(ActionSafetyCheck().run(dispatcher, tracked, {}))
    replies = texts(dispatcher)
    assert first_answer in replies
    assert policy.after_route("gas") not in replies
    assert GAS_CLOCK not in replies
    assert policy.contact_line(False) not in replies
    assert replies[-1] in (CONTACT_OFFER, "utter_offer_request_contact")


@pytest.mark.parametrize(
    "text",
    [
        "thursday?!! there is gas in my house",
        "4 days for a gas smell, you cannot be serious",
        "why would it take till next week its dangerous",
    ],
)
def test_a_protest_about_a_timescale_after_the_gas_route_gets_the_emergency_clock(
    app: App, policy: Policy, dispatcher: CollectingDispatcher, text: str
) -> None:
    """r22a-01 t8: "wednesday?? its a gas leak" got "I can't answer that one"."""
    promise = (
        "Our team will contact you by text message (07700 900123) by Wednesday 9 December 2026 "
        "to arrange it."
    )
    said = [policy.urgent_route("gas"), GAS_CLOCK, promise]
    tracked = turn(policy, said, text, None)
    asyncio.run(ActionSafetyCheck().run(dispatcher, tracked, {}))
    replies = texts(dispatcher)
    assert any("not left for days" in r and "not when it will be made safe" in r for r in replies)
    assert GAS_CLOCK in replies
    assert any("0300 000 0999" in r for r in replies)
    assert "I can't answer that one" not in " ".join(replies)


def test_a_day_the_danger_started_is_no_protest(
    app: App, policy: Policy, dispatcher: CollectingDispatcher
) -> None:
    said = [policy.urgent_route("gas"), GAS_CLOCK, CONTACT_OFFER]
    tracked = turn(policy, said, "its been smelling since wednesday", None)
    asyncio.run(ActionSafetyCheck().run(dispatcher, tracked, {}))
    assert not any("not left for days" in r for r in texts(dispatcher))


def test_a_protest_at_the_contact_offer_gets_the_clock_the_choice_and_the_offer_again(
    app: App, policy: Policy, dispatcher: CollectingDispatcher
) -> None:
    said = [policy.urgent_route("flooding"), GAS_CLOCK, CONTACT_OFFER]
    tracked = turn(
        policy, said, "how come it takes till monday? its an emergency", None,
        request_contact_pending=True,
    )  # fmt: skip
    asyncio.run(ActionSafetyCheck().run(dispatcher, tracked, {}))
    replies = texts(dispatcher)
    assert any("not left for days" in r for r in replies)
    assert any("make a complaint" in r for r in replies)
    assert replies[-1] == "utter_offer_request_contact"


def test_what_to_do_asked_beside_a_need_to_note_still_gets_the_routes_steps(
    app: App, policy: Policy, dispatcher: CollectingDispatcher
) -> None:
    """The route's steps answer "what should she do?", however often they were said: only the
    promise (the 24 hours, "no contact details") is not said again."""
    said = [policy.urgent_route(VULNERABLE), GAS_CLOCK, policy.contact_line(False)]
    text = "what should she do right now? and please note on her file that she is on dialysis"
    tracked = turn(policy, said, text, None)
    asyncio.run(ActionSafetyCheck().run(dispatcher, tracked, {}))
    replies = texts(dispatcher)
    assert policy.urgent_route(VULNERABLE, None, False) in replies
    assert any("dialysis on the record" in r for r in replies)
    assert GAS_CLOCK not in replies
