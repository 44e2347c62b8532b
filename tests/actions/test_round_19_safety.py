"""Round 19's safety turns inside a form, in our own wordings: the messages are parsed by the
policy's own rule matcher; the learned detector's guess is given, as sure as said."""

from __future__ import annotations

import asyncio

import pytest
from rasa_sdk.events import ActionReverted, FollowupAction
from rasa_sdk.executor import CollectingDispatcher

from actions.safety import ActionSafetyCheck
from bot.bootstrap import App
from bot.policy import Policy
from bot.triage.safety import HANDOFF_ACTION
from tests.actions.test_round_12_safety import NAME_QUESTION, OUTCOME_QUESTION, texts, turn

EARLIER_JOB_QUESTION = (
    "Is this about a repair or request you reported to us before? If it is, tell me the job "
    "number, or when you reported it. If not, just say no."
)


@pytest.mark.parametrize(
    "text",
    [
        "no i didnt report it, i only just noticed. so i shouldnt use the cooker then?",
        "no never reported. is it ok to use the hob for the kids tea??",
        "nope. can i still cook on it or not",
    ],
)
def test_whether_to_use_it_asked_at_a_form_question_after_the_gas_route_is_answered(
    app: App, policy: Policy, dispatcher: CollectingDispatcher, text: str
) -> None:
    """Round 19 (r19a-01 turns 4 to 6): a resident told the gas route asked "so i shouldnt use it
    then?" at the earlier-job question and got "I can't answer that one", then nothing three
    times. The plain no and the route's steps come first; the form then goes on."""
    said = [policy.urgent_route("gas"), EARLIER_JOB_QUESTION]
    tracker = turn(policy, said, text, ("gas", 0.2), "earlier_report")
    events = asyncio.run(ActionSafetyCheck().run(dispatcher, tracker, {}))
    replies = texts(dispatcher)
    assert replies[0] == policy.in_use_line("gas")
    assert policy.urgent_route("gas") in replies
    assert "can't answer" not in " ".join(replies)
    assert ActionReverted() not in events


def test_whether_to_go_out_asked_at_a_form_question_gets_the_route_steps(
    app: App, policy: Policy, dispatcher: CollectingDispatcher
) -> None:
    """Round 19 (r19a-02 turn 4): "do i need to go out? shes asleep on the sofa" after the gas
    route for a chirping CO alarm and a sleepy child got the repairs line and the access note."""
    said = [policy.urgent_route("gas"), NAME_QUESTION]
    text = "Kayleigh. but do i need to go out? its freezing and shes asleep on the sofa"
    tracker = turn(policy, said, text, ("gas", 0.2), "contact_name")
    asyncio.run(ActionSafetyCheck().run(dispatcher, tracker, {}))
    # Since round 24 (r24a-06 t2) the question is answered directly: yes, get out now.
    get_out = next(f for f in policy.urgency["gas"].follow_ups if f.id == "gas_get_out")
    assert any(text.startswith(get_out.answer[:40]) for text in texts(dispatcher))
    assert "0800 111 999" in " ".join(texts(dispatcher))


def test_a_person_asked_for_beside_the_safety_question_is_handed_over(
    app: App, policy: Policy, dispatcher: CollectingDispatcher
) -> None:
    """Round 16 (r16b-10 turn 5, replayed in round 18): "please I want talk to a person. my
    brother in hospital I need help" at the outcome question got "Is anyone in danger right
    now?" and the outcome question again; round 19 (r19b-07 turn 4) an abuse survivor's "I want
    to talk to a person ... do not ring my phone" got the outcome question. The question may be
    asked; the conversation is then handed to a person, not held at the form."""
    for text in (
        "please i want to talk to a person. my dad is in hospital i need help with this",
        "this is no use. i need to speak to someone. dont phone me, email only",
    ):
        dispatcher = CollectingDispatcher()
        tracker = turn(policy, [OUTCOME_QUESTION], text, ("domestic_abuse", 0.3), "outcome")
        events = asyncio.run(ActionSafetyCheck().run(dispatcher, tracker, {}))
        assert events == [FollowupAction(HANDOFF_ACTION)], text
        assert OUTCOME_QUESTION not in texts(dispatcher)
