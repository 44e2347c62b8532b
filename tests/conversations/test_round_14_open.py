"""Round 14 turns left open after its merge (issues 14 and 16), played over REST in our own
wordings: a language need told beside an answer is recorded, a person asked for beside a repair
is found, and a bite from vermin gets medical advice rather than the ASB team."""

from __future__ import annotations

import pytest

from bot.policy import Policy
from tests.conftest import Running
from tests.conversations.test_conversation_repair import conversation, store
from tests.conversations.test_simulated_round_5 import first_contact

pytestmark = pytest.mark.server


def test_an_interpreter_asked_for_at_the_contact_question_is_recorded(
    running: Running, policy: Policy
) -> None:
    """r14c-01: "phone call but i speak better polish, interpreter please" was not kept."""
    sender, say = conversation(running)
    say(
        "the kitchen tap at 12 Oak Road drips all day and night can someone come and change the "
        "washer"
    )
    say("yes please")
    say("Ewa Kowalska")
    say("07700 900412")
    reply = say("phone call is ok but i speak better polish, interpreter please")
    assert "by phone (07700 900412)" in reply
    assert "noted what would help you" in reply
    cases = store(running, policy)
    [need] = cases.contact_adjustments(first_contact(cases, sender))
    assert need.need_id == "interpreter"
    assert "polish" in need.detail


def test_a_language_named_beside_the_contact_details_is_kept_in_a_complaint(
    running: Running, policy: Policy
) -> None:
    """r14c-16: "call me, but i speak bangla better, my son can translate" was lost, and the
    read-back showed only the health condition."""
    _, say = conversation(running)
    say(
        "I want to make a complaint, the toilet has not flushed for three weeks and I rang "
        "four times"
    )
    say("yes still")
    say("no")
    say("fix it this week")
    say("I'm the resident")
    say("Shirin Begum")
    reply = say("07700 900624, call me please, i speak bangla better, my son can translate")
    assert "bangla" in reply.lower()


def test_a_person_asked_for_beside_a_repair_is_found(running: Running) -> None:
    """r14c-13: "I want talk to a person who speak arabic" beside a broken door entry was
    asked whether the team should contact them instead."""
    _, say = conversation(running)
    reply = say(
        "marhaba, the door entry to my block is broken two weeks, i want talk to a person who "
        "speak arabic"
    )
    assert "pass you to a person" in reply
    assert "Would you like our team to contact you" not in reply


def test_a_child_bitten_by_rats_gets_medical_advice_not_the_asb_team(running: Running) -> None:
    """r14d-17: rats in the stairwell and a bitten child went to the anti-social behaviour team
    with no word about the bite."""
    _, say = conversation(running)
    reply = say(
        "theres rats on our stairs now and the little boy from number 4 got bitten last night"
    )
    assert "NHS 111" in reply
    assert "anti-social behaviour" not in reply


def test_rats_reported_for_the_first_time_are_a_repair(running: Running) -> None:
    _, say = conversation(running)
    reply = say(
        "we keep seeing rats by the communal bins and on the stairs, can you send pest control"
    )
    assert "noted this as a request" in reply
    assert "anti-social behaviour" not in reply
