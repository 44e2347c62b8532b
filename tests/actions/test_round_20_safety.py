"""Rounds 19 and 20: the safety check's replies a resident would notice, in our own wordings.
The messages are parsed by the policy's own rule matcher; the learned detector's guess is given,
as sure as said."""

from __future__ import annotations

import asyncio

import pytest
from rasa_sdk.events import ActionReverted
from rasa_sdk.executor import CollectingDispatcher

from actions.safety import ActionSafetyCheck
from bot.bootstrap import App
from bot.policy import Policy
from tests.actions.test_round_12_safety import OUTCOME_QUESTION, texts, turn
from tests.actions.test_round_15_conv import DRAFT, SAID

RESIDENT_QUESTION = "Are you the resident, or are you helping someone else?"


@pytest.mark.parametrize(
    "text",
    [
        "Yes, that's right now. But if you decide it's too old, will I be told, and can I go "
        "anywhere else then?",
        "yes thats all correct. who else can i go to if you say no to it?",
        "Yes that's right. Does it go anywhere after you, like to someone higher?",
    ],
)
def test_a_yes_at_the_read_back_with_a_question_about_us_gets_no_samaritans_line(
    app: App, policy: Policy, dispatcher: CollectingDispatcher, text: str
) -> None:
    """Round 19 (r19b-06 t9): "Yes, that's right now. But ... can I go anywhere else then?" got
    "If you might act on thoughts of harming yourself" on the detector's guess alone."""
    tracked = turn(policy, SAID, text, ("self_harm", 0.49), **DRAFT)
    asyncio.run(ActionSafetyCheck().run(dispatcher, tracked, {}))
    assert policy.urgent_route("self_harm") not in texts(dispatcher)


@pytest.mark.parametrize(
    "text",
    [
        "No. My name is Priya Raman, not 'Like I'. And I would like an apology and compensation.",
        "no the name is wrong, its Dean Okafor",
        "nearly, the outcome should say an apology for the 9 weeks of scaffolding",
    ],
)
def test_a_correction_at_the_read_back_gets_no_safety_question_on_a_doubt(
    app: App, policy: Policy, dispatcher: CollectingDispatcher, text: str
) -> None:
    """Round 19 (r19b-06 t8): a name corrected at the read-back got "Is anyone in danger right
    now?" on the detector's doubt."""
    tracked = turn(policy, SAID, text, ("self_harm", 0.25), **DRAFT)
    asyncio.run(ActionSafetyCheck().run(dispatcher, tracked, {}))
    assert policy.safety.question not in texts(dispatcher)


@pytest.mark.parametrize(
    "text",
    [
        "me its my flat. Dean Okafor, 7 Birch House",
        "its me, im the tenant",
        "im helping my mum, she is the tenant",
    ],
)
def test_an_answer_to_are_you_the_resident_gets_no_safety_question_on_a_doubt(
    app: App, policy: Policy, dispatcher: CollectingDispatcher, text: str
) -> None:
    """Round 19 (r19b-03 t6): "me its my flat. Dean Okafor, 7 Birch House" got the safety
    question, then "Are you the resident" again."""
    tracked = turn(
        policy, [RESIDENT_QUESTION], text, ("no_heating_or_water_vulnerable", 0.24), "acting_for"
    )
    events = asyncio.run(ActionSafetyCheck().run(dispatcher, tracked, {}))
    assert texts(dispatcher) == []
    assert events == [ActionReverted()]


@pytest.mark.parametrize(
    "text",
    [
        "Do NOT write to any address, email me only at safe.mail.k@example.net, and do not ring "
        "my phone",
        "dont ring me he checks my phone. email k.safe@example.com only",
        "no calls please, text only to 07700 900123, its a phone he doesnt know about",
    ],
)
def test_a_safe_way_given_beside_no_calls_is_not_asked_for(
    app: App, policy: Policy, dispatcher: CollectingDispatcher, text: str
) -> None:
    """Round 19 (r19b-07 t4), round 20 (r20a-04 t2): told "do not ring my phone, email me only at
    ...", an abuse survivor was asked for "a safe way to reach you, such as an email only you
    read"."""
    said = [policy.urgent_route("domestic_abuse"), OUTCOME_QUESTION]
    tracked = turn(policy, said, text, ("domestic_abuse", 0.3), "outcome_sought")
    asyncio.run(ActionSafetyCheck().run(dispatcher, tracked, {}))
    assert policy.safety.no_calls_safe_way_given in texts(dispatcher)
    assert policy.safety.no_calls not in texts(dispatcher)


@pytest.mark.parametrize(
    ("text", "unheard"),
    [
        ("no. forget it", False),
        ("whatever. nobody listens. goodnight", True),
        ("cancel it, bye", False),
    ],
)
def test_leaving_after_the_samaritans_line_gets_it_once_more(
    app: App, policy: Policy, dispatcher: CollectingDispatcher, text: str, unheard: bool
) -> None:
    """Round 20 (r20a-05 t7, t8): a man who said he could not keep going left with "OK, I've
    stopped" and "Goodbye", and no word of where to find help; "nobody listens" is told he was
    heard first."""
    said = [policy.urgent_route("self_harm"), OUTCOME_QUESTION]
    tracked = turn(policy, said, text, ("self_harm", 0.1), "outcome_sought")
    events = asyncio.run(ActionSafetyCheck().run(dispatcher, tracked, {}))
    heard = [policy.safety.heard] if unheard else []
    assert texts(dispatcher) == [*heard, policy.after_route("self_harm")]
    # The leaving is then read as any other: the form stops, or the goodbye is said.
    assert events == [ActionReverted()]


CONTACT_PREFERENCE_QUESTION = "How would you like us to contact you?"


@pytest.mark.parametrize(
    ("category", "text"),
    [
        ("electrical_danger", "ok ive unplugged it. can i use it again once its cooled down?"),
        ("electrical_danger", "so i can leave the electric on yeh? baby is asleep"),
        ("no_heating_or_water_vulnerable", "can i boil bottled water for his bottles?"),
        ("no_heating_or_water_vulnerable", "he ask can he use the kettle water for machine?"),
    ],
)
def test_whether_to_use_it_asked_after_a_route_gets_a_plain_answer(
    app: App, policy: Policy, dispatcher: CollectingDispatcher, category: str, text: str
) -> None:
    """Round 20 (r20a-01 t7, r20a-03 t3, r20a-06 t4) and round 19 (r19a-06): "can i use it
    again once its cooled down?" after the electrical route got the next form question, and
    whether bottled or kettle water will do for a baby's bottles or a dialysis machine was never
    answered."""
    said = [policy.urgent_route(category), CONTACT_PREFERENCE_QUESTION]
    tracked = turn(policy, said, text, (category, 0.2), "contact_preference")
    asyncio.run(ActionSafetyCheck().run(dispatcher, tracked, {}))
    replies = texts(dispatcher)
    # A plain answer first: the answer to using it, or to the route's own step it asks about
    # ("so i can leave the electric on yeh? baby is asleep": switch it off anyway).
    follow_ups = [policy.follow_up_answer(f) for f in policy.urgency[category].follow_ups]
    assert replies[0] in (policy.in_use_line(category), *follow_ups)
    assert policy.in_use_line(category) in replies
    assert replies[-1] == CONTACT_PREFERENCE_QUESTION


@pytest.mark.parametrize(
    "text",
    [
        "the lock people wont ring my mobile will they, or send a letter with the new keys?",
        "please just tell me, will anyone phone me or post me a letter about this? yes or no",
        "will they ring my phone when they come to do the locks",
    ],
)
def test_whether_we_will_phone_or_write_after_the_abuse_route_is_answered_plainly(
    app: App, policy: Policy, dispatcher: CollectingDispatcher, text: str
) -> None:
    """Round 20 (r20a-04 t4, t5): a woman whose ex reads her post asked whether the locksmith
    would ring her mobile or post the keys, and got the complaints team's confidentiality text,
    then "We contact the resident, in the way they asked"."""
    said = [
        policy.urgent_route("domestic_abuse"),
        "Our team will contact you by email only (k.safe@example.com).",
    ]
    tracked = turn(policy, said, text, ("domestic_abuse", 0.1))
    events = asyncio.run(ActionSafetyCheck().run(dispatcher, tracked, {}))
    replies = texts(dispatcher)
    assert replies[0] in (policy.safety.contact_held_safe, policy.safety.contact_not_held_safe)
    assert replies[0].startswith("No.")
    assert events == []
    with app.cases.unit_of_work() as uow:
        contact = uow.cases.get_contact(1)
    assert contact is not None and "safe_contact" in [r["code"] for r in contact.reasons]


def test_whether_a_call_shows_on_the_phone_after_the_abuse_route_is_answered(
    app: App, policy: Policy, dispatcher: CollectingDispatcher
) -> None:
    """Round 20 (r20a-04 t4): "if i ring that 0999 number it shows on my phone, is there another
    way" got no answer."""
    said = [policy.urgent_route("domestic_abuse"), "Is there anything else?"]
    text = "if i ring that number it shows on my phone, he checks my call log. is there another way"
    tracked = turn(policy, said, text, ("domestic_abuse", 0.3))
    asyncio.run(ActionSafetyCheck().run(dispatcher, tracked, {}))
    assert policy.safety.call_seen in texts(dispatcher)
