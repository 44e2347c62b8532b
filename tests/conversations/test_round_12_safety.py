"""Round 12's safety faults (issue 14), played over REST: a danger told again worse or new in the
middle of a conversation gets its route whatever was routed before; a resident who says she is
safe after the Samaritans line can make the complaint she asks for; a resident who cannot phone
is told how else to reach help. Our own wordings, not the simulation's."""

from __future__ import annotations

import pytest

from tests.conftest import Running
from tests.conversations.test_conversation_repair import conversation

pytestmark = pytest.mark.server

SAMARITANS = "116 123"
NAME = "What name should we use"
OUTCOME = "What would you like us to do"
WHO = "resident, or are you helping someone else"
SAFETY_QUESTION = "Is anyone in danger right now?"
STILL_HAPPENING = "Is this still happening"


def test_pills_told_at_the_name_question_after_the_samaritans_line_get_it_again(
    running: Running,
) -> None:
    _, say = conversation(running)
    assert SAMARITANS in say("i really cant cope anymore, i dont want to be here")
    assert NAME in say("yes contact me")
    after = say("tonight is really bad. ive got all my pills lined up in front of me")
    assert SAMARITANS in after
    assert SAFETY_QUESTION not in after
    # Not taken for a name.
    assert NAME in after


def test_an_old_woman_shivering_and_confused_after_the_heating_route_gets_999(
    running: Running,
) -> None:
    _, say = conversation(running)
    first = say(
        "my mums boiler has been off for 5 days and nobody has come, shes 81, i want to complain"
    )
    assert "0300 000 0999" in first
    say("/affirm")
    if STILL_HAPPENING in say("no"):
        say("yes")
    after = say("hold on my brother is with her, she is shivering and not making sense")
    assert "seriously ill" in after and "999" in after
    # Not kept as what she would like.
    assert WHO not in after


def test_a_resident_safe_after_the_samaritans_line_can_make_her_complaint(
    running: Running,
) -> None:
    """Round 12 (r12c-18): after a handover and the Samaritans line, "im not going to do
    anything silly ... i want to make a complaint about the mould, carry on here" was met with
    "what would you like to tell us about?", then Samaritans on every request to complain."""
    _, say = conversation(running)
    say("can i talk to a real person please")
    assert SAMARITANS in say(
        "the mould in my sons room has been there since spring and hes always ill. honestly "
        "whats the point anymore, i dont want to wake up"
    )
    after = say(
        "sorry im not going to do anything silly, i have my boy to think of. im just worn out. "
        "i want to make a complaint about the mould, carry on here"
    )
    assert "Sorry, I didn't understand" not in after
    # She said she is safe: the complaint starts, without the Samaritans line again.
    assert SAMARITANS not in after
    # What went wrong is asked, or taken from the mould told before (nothing asked twice).
    assert "what has gone wrong" in after or STILL_HAPPENING in after
    after = say("black mould all over his bedroom wall since april, and his asthma is worse")
    assert SAMARITANS not in after
    assert STILL_HAPPENING in after or "reported to us before" in after
    answers = {
        "still happening": "yes",
        "reported to us before": "no",
        "put things right": "treat the mould",
        "helping someone else": "I am the resident",
        "What name": "Ann Lee",
        "phone number or email": "07700 900123",
        "How would you like us to contact you": "text",
        "easier for you": "no",
    }
    for _ in range(10):
        if "What went wrong" in after:
            break
        after = say(next((a for asked, a in answers.items() if asked in after), "no"))
    read_back = after
    # The despair told at the handover is no part of the complaint read back.
    assert "What went wrong" in read_back
    assert "wake up" not in read_back and "silly" not in read_back


def test_a_deaf_resident_is_told_how_to_reach_the_emergency_line_without_a_call(
    running: Running,
) -> None:
    _, say = conversation(running)
    assert "0300 000 0999" in say("my front door wont lock since the repair yesterday")
    after = say("I am Deaf. I cannot phone. How do I get the emergency repair tonight?")
    assert "18001 0300 000 0999" in after
    assert "999 BSL" in after
