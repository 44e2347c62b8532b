"""Round 26 (issue 16) over REST, in our own wordings: Stage 2 in residents' words, and the
complaint form kept going.

- A Stage 2 request taken back in other words, at its questions or just after it was passed on,
  is taken back and that is said (r26b-07 t3-t5, r26b-01 t5); "carry on here" after it is not
  told the request was passed on.
- Unhappiness with a Stage 1 answer offers Stage 2 and the resident chooses (r26b-07 t2); a late
  answer is offered Stage 2 and the choice to complain about the delay (r26b-01 t1).
- "is it logged yet? I need to leave in 5 mins" mid-form is answered and the form goes on
  (r26b-10 t8, r26b-11 t4).
- "carry on with the complaint" just after a stop takes it up again with what was given, never
  a Stage 2 request (r26b-10 t9)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tests.conftest import Running
from tests.conversations.test_conversation_repair import conversation

pytestmark = pytest.mark.server

NOT_SENT = "I have not sent a Stage 2 request"
TAKEN_BACK = "I have taken back your Stage 2 request"
OFFERED = "Would you like to ask for Stage 2?"
IDENTITY = "email address or phone number you gave us"
PASSED_ON = "I have passed your request on"
STOPPED = "OK, I've stopped"


@pytest.mark.parametrize(
    "unhappy",
    [
        "we got our stage one reply CMP-2026-000031 on friday and to be honest it's useless, it "
        "just blamed us for the condensation",
        "had my stage 1 response for CMP-2026-000032 yesterday. not happy, it ignored the leak",
    ],
)
def test_unhappy_with_the_answer_is_offered_stage_2_and_can_take_it_back(
    running: Running, unhappy: str
) -> None:
    _, say = conversation(running)
    offer = say(unhappy)
    assert OFFERED in offer
    assert IDENTITY not in offer and "What is your complaint reference" not in offer
    assert IDENTITY in say("yes please")
    taken_back = say("hang on, dont send it to stage 2 yet, i want to ask my son first")
    assert NOT_SENT in taken_back
    assert "couldn't check those details" not in taken_back


@pytest.mark.parametrize(
    "take_back",
    [
        "no i dont want stage 2 any more, take it back",
        "wait i never asked for stage 2, i only said i was fed up",
    ],
)
def test_stage_2_taken_back_just_after_it_was_passed_on(running: Running, take_back: str) -> None:
    _, say = conversation(running)
    assert IDENTITY in say("I want stage 2 for my complaint CMP-2026-000033 please")
    assert "A complaints officer will find it" in say("07700 900 555")
    reply = say(take_back)
    assert TAKEN_BACK in reply
    assert PASSED_ON not in reply
    assert PASSED_ON not in say("carry on here")


def test_a_late_answer_is_offered_stage_2_and_a_complaint_about_the_delay(
    running: Running,
) -> None:
    _, say = conversation(running)
    reply = say(
        "my stage 1 reply came a fortnight late and it didnt even mention the mould in the kitchen"
    )
    assert "You can ask for Stage 2" in reply
    assert "complaint about the delay" in reply
    assert "Make a formal complaint" in reply or "make a formal complaint" in reply


STAIRS = "the caretaker hasnt cleaned our stairs for over a month, its filthy and smells"


def to_the_earlier_question(say: Callable[[str], str]) -> None:
    assert "make a formal complaint" in say(STAIRS)
    assert "Is this still happening" in say("formal complaint please")
    assert "reported to us before" in say("yes still filthy")


@pytest.mark.parametrize(
    "hurried",
    ["is it logged yet? i need to leave in 5 mins", "Have you logged my complaint? I'm in a rush"],
)
def test_asked_whether_it_is_logged_in_a_hurry_the_form_goes_on(
    running: Running, hurried: str
) -> None:
    _, say = conversation(running)
    to_the_earlier_question(say)
    reply = say(hurried)
    assert "Not yet" in reply
    assert STOPPED not in reply
    assert "reported to us before" in reply
    assert "What would you like us to do" in say("no")


@pytest.mark.parametrize(
    "resume",
    [
        "no wait I didn't mean stop, please carry on with my complaint",
        "sorry, continue the complaint please",
    ],
)
def test_carry_on_just_after_a_stop_takes_the_complaint_up_again(
    running: Running, resume: str
) -> None:
    _, say = conversation(running)
    to_the_earlier_question(say)
    assert STOPPED in say("stop the complaint")
    reply = say(resume)
    assert "carry on with your complaint" in reply
    assert "Stage 2" not in reply
    assert "reported to us before" in reply
    assert "What would you like us to do" in say("no")
