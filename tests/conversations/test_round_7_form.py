"""Round 7's form faults (issue 16), played over REST: a question asked in the middle of the
complaint form is answered or honestly not, and the answer beside it kept; what the first
message told is not asked again; asking for a complaint in words goes straight to the form; a
request for a person in Arabic hands over. Our own wordings, not the simulation's."""

from __future__ import annotations

import pytest

from bot.replies import PUT_RIGHT_INSTEAD_LINE
from tests.conftest import Running
from tests.conversations.test_conversation_repair import conversation

pytestmark = pytest.mark.server

LIFT = "the lift in our block has been broken for three weeks and nobody has come to look at it"


def test_a_question_beside_a_yes_is_answered_and_the_form_goes_on(running: Running) -> None:
    _, say = conversation(running)
    say(LIFT)
    say("/affirm")
    after = say("yes its still broken. what time does the office shut today?")
    assert "Monday to Friday" in after
    # The yes was kept: the form moved on to the next question.
    assert "Is this still happening" not in after


def test_a_question_nobody_can_answer_here_is_said_so_and_asked_again(running: Running) -> None:
    _, say = conversation(running)
    say(LIFT)
    say("/affirm")
    waiting = say("/affirm").split("?")[0]
    after = say("will the lift company be paying for my taxi fares?")
    assert "I can't answer that one myself" in after
    # The question was not taken as the answer to the one waiting: it is asked again.
    assert waiting in after
    assert after.index(waiting) > after.index("I can't answer that one myself")


def test_a_representatives_first_message_is_not_asked_again(running: Running) -> None:
    _, say = conversation(running)
    say(
        "Im his daughter writing for him, my dad Mr Ken Hughes at 5 Ash Road. His front door "
        "lock has been broken for a month. He asked me to sort it. I want to make a complaint, "
        "we'd like the lock replaced and an apology."
    )
    answers = [say("/affirm"), say("/deny")]
    replies = " ".join(answers)
    assert "resident, or are you helping someone else" not in replies
    assert "What would you like us to do" not in replies
    assert "Has the resident agreed" not in replies


def test_asking_for_a_complaint_in_words_skips_the_choice(running: Running) -> None:
    _, say = conversation(running)
    first = say(
        "bathroom fan broke in october, engineer came twice and never fixed it. I want complain"
    )
    assert "What would you like to do?" not in first
    assert PUT_RIGHT_INSTEAD_LINE in first


def test_a_request_for_a_person_in_arabic_hands_over(running: Running) -> None:
    _, say = conversation(running)
    reply = say("مرحبا، أريد التحدث مع شخص من فضلك")
    assert "I'll pass you to a person." in reply
