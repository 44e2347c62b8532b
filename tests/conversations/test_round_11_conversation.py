"""Round 11 of the simulated residents (issue 16), played over REST in our own wordings: while a
person is awaited nobody is met with silence, and the resident can take the handover back in
their own words; leaving after a complaint was logged never says none was."""

from __future__ import annotations

import re

import pytest

from bot.policy import Policy
from tests.conftest import Running
from tests.conversations.test_conversation_repair import conversation, store

pytestmark = pytest.mark.server

AWAITED = "A person will read this"
CARRIED_ON = "I'll carry on here"
REFERENCE = re.compile(r"CMP-\d{4}-\d{6}")


def test_changing_ones_mind_about_a_person_carries_on_with_the_complaint(
    running: Running, policy: Policy
) -> None:
    """r11d-14: told the office was shut until Monday, "nah dont worry ill just do it with you"
    and then the complaint itself got no reply at all."""
    sender, say = conversation(running)
    assert "I'll pass you to a person." in say("can i speak to an actual person please")
    told = say(
        "the communal stairs at my block havent been cleaned since october, there is rubbish "
        "everywhere"
    )
    assert AWAITED in told
    back = say("oh right. nah dont worry then, ill just do it with you")
    assert CARRIED_ON in back
    assert store(running, policy).open_handoff(sender) is None
    assert "make a formal complaint" in say(
        "nobody has cleaned our stairs for two months and the bins overflow, its disgusting"
    )


def test_a_question_while_a_person_is_awaited_is_answered_and_thanks_need_no_reply(
    running: Running, policy: Policy
) -> None:
    """r11d-12: "hello? complaints email address please" and "what is the Stage 2" typed after
    the handover got silence until Monday."""
    sender, say = conversation(running)
    assert "I'll pass you to a person." in say("I want to talk to a human")
    asked = say("while I wait, what is stage 2 of the complaints process?")
    assert "Stage 2" in asked and AWAITED in asked
    assert say("ok thanks") == ""
    assert store(running, policy).open_handoff(sender) is not None


def test_goodbye_after_a_logged_complaint_does_not_say_none_was_logged(
    running: Running,
) -> None:
    """r11a-11, r11b-15: a question after the complaint was logged offered the choice again, and
    "Fine, I'll wait for the complaints team. Goodbye." then got "I have not logged a
    complaint"."""
    _, say = conversation(running)
    assert "make a formal complaint" in say(
        "the gardeners never cut the grass round our block, I've reported it three times since "
        "the summer and nobody has come"
    )
    reply = say("Make a formal complaint")
    # Whichever question the form asks next, answered as the resident would.
    answers = {
        "still happening": "yes it's still like that",
        "reported to us before": "three times since july by phone",
        "put things right": "cut the grass regularly like we pay for",
        "helping someone else": "I'm the resident",
        "What name": "Marcia Green",
        "phone number or email": "marcia.green@example.org",
        "How would you like us to contact you": "email",
        "make it easier": "no",
        "Is that right": "yes that's right",
    }
    for _ in range(len(answers) + 2):
        asked = [words for question, words in answers.items() if question in reply]
        assert asked, reply
        reply = say(asked[-1])
        if REFERENCE.search(reply):
            break
    logged = reply
    reference = REFERENCE.search(logged)
    assert reference is not None
    say("I want to complain that the man who answered the phone was rude to me as well")
    bye = say("actually no, forget it. goodbye")
    assert "I have not logged a complaint" not in bye
    assert reference.group(0) in bye


def test_asking_after_a_handover_mid_complaint_is_told_it_is_not_logged_yet(
    running: Running,
) -> None:
    """r11c-07: handed over in the middle of a complaint after the Samaritans line, "is my
    complaint registered? I need a reference" got only the Samaritans line again, twice."""
    _, say = conversation(running)
    assert "make a formal complaint" in say(
        "the flat above plays music every night till 3am, I have told you five times since "
        "september and nothing happens"
    )
    say("Make a formal complaint")
    assert "116 123" in say("i just want it to stop. i cant go on like this, i want to die")
    assert "I'll pass you to a person." in say("can i speak to someone from your team")
    asked = say("is my complaint registered? I need a reference number")
    assert "116 123" in asked
    assert "Your complaint is not logged yet" in asked


def test_carrying_on_after_a_danger_to_a_person_keeps_the_conversation_for_staff(
    running: Running, policy: Policy
) -> None:
    """Round 12 r12c-18: after an indirect disclosure and a handover, "carry on here" took the
    conversation out of the staff queue ("Nobody will pick this up now")."""
    sender, say = conversation(running)
    assert "116 123" in say("honestly i dont want to be here anymore, everything is too much")
    assert "I'll pass you to a person." in say("can i talk to someone please")
    back = say("im safe for now, carry on here, i want to complain about the mould")
    assert "will still read this conversation" in back
    assert "Nobody will pick this up now" not in back
    assert store(running, policy).open_handoff(sender) is not None


def test_carrying_on_after_an_unmatched_stage_2_request_keeps_it_for_an_officer(
    running: Running, policy: Policy
) -> None:
    """Round 12 r12d-01: "carry on here" after an unmatched Stage 2 request withdrew it, and
    the request was never escalated."""
    sender, say = conversation(running)
    say("I want my complaint CMP-2026-999991 to go to stage 2 please")
    assert "I'll pass you to a person." in say("my email is pat.moss@example.org")
    assert "will still read this conversation" in say("carry on here")
    waiting = store(running, policy).waiting_handoffs()
    [kept] = [handoff for handoff in waiting if handoff.conversation_id == sender]
    assert kept.reason is not None
