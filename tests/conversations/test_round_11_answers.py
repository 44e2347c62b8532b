"""Round 11 of the simulated residents (issue 16, items 5 and 8), played over REST in our own
wordings: questions asked inside a form or for someone else get the landlord's answer, and a
status question about an earlier complaint is not taken as a new one."""

from __future__ import annotations

import pytest

from tests.conftest import Running
from tests.conversations.test_conversation_repair import MISSED_ROOF_REPAIR, REFERENCE, conversation

pytestmark = pytest.mark.server

CANNOT_ANSWER = "can't answer that one"
NEW_COMPLAINT_OFFER = "What would you like to do?"


def test_a_money_question_at_the_offer_is_answered_and_the_complaint_goes_ahead(
    running: Running,
) -> None:
    """r11b-05: "is there any help if i cant afford it, im already behind" got "I can't answer
    that one myself"."""
    _, say = conversation(running)
    say("the lift in my block has been broken for 3 weeks and nobody has come")
    reply = say("yes formal please. is there any help if i cant afford my rent, im behind")
    assert "money advice team" in reply
    assert CANNOT_ANSWER not in reply
    assert "take the details of your complaint" in reply


def test_the_question_asked_beside_the_offer_is_the_one_answered(running: Running) -> None:
    """r11b-07: "its the council. forget it. what about a house swap how does that work" got
    the council's services."""
    _, say = conversation(running)
    say("the caretaker never cleans our stairs, its filthy")
    reply = say("not about that, what about swapping homes, how would i do that")
    assert "mutual exchange" in reply
    assert "Council tax" not in reply


@pytest.mark.parametrize(
    ("question", "answer"),
    [
        # r11b-10: "caller asking what he can do if hes not happy with the answer".
        (
            "my dad wants to know what he can do if hes not happy with your answer",
            "ask for Stage 2",
        ),
        # r11b-07: the council's decision goes to the council, then the LGSCO.
        (
            "if the council wont budge on my banding can i go to the ombudsman about them?",
            "Local Government and Social Care Ombudsman",
        ),
        # r11b-20: a repair already reported is chased, not reported again.
        (
            "hi when is the electrician coming for my job? job no 551234, they said they would "
            "ring but never did",
            "repair you have already reported",
        ),
    ],
)
def test_round_11_questions_get_their_own_route(
    running: Running, question: str, answer: str
) -> None:
    replies = conversation(running)[1](question)
    assert answer in replies
    assert CANNOT_ANSWER not in replies
    assert "You can report a repair here" not in replies


def test_already_made_one_at_the_offer_looks_up_that_complaint(running: Running) -> None:
    """r11b-16: "no i already made 1!! i want to know wots happening wiv CMP-..." was recorded
    as putting it right without a complaint, with a contact offer and no status."""
    _, say = conversation(running)
    reply = say(
        "been 5 weeks n nobody got back to me about my complaint. ref CMP-2026-000007 wots goin "
        "on wiv it"
    )
    if NEW_COMPLAINT_OFFER in reply:
        reply = say("no i already made 1!! just tell me wots happening wiv CMP-2026-000007")
        assert "not started a new complaint" in reply
    # Since round 17 (r17a-11 t1) "nobody got back to me about my complaint" is a status
    # question from the start: that complaint is looked up, and no new one is offered.
    assert "email address or phone number you gave us with the complaint" in reply
    assert "put it right, without a formal complaint" not in reply


def test_is_it_logged_is_answered_from_the_record_before_and_after_logging(
    running: Running,
) -> None:
    """r11d-17: "Is the complaint logged or not?" got "I can't answer that one myself", so she
    could not tell whether her complaint existed."""
    _, say = conversation(running)
    say(MISSED_ROOF_REPAIR)
    say("Make a formal complaint")
    during = say("yes its still leaking. is my complaint logged or not?")
    assert "Not yet. I log your complaint once" in during
    assert CANNOT_ANSWER not in during
    assert "reported to us before" in during
    for answer in ("no", "fix the roof properly", "just me", "Ayesha Khan", "ayesha.k@example.com"):
        say(answer)
    assert "Here is what I understood" in say("email") + say("no thanks")
    # At the read-back the question is no correction: nothing changes, and it is asked again.
    at_read_back = say("is it logged or not?")
    assert "Not yet. I log your complaint once" in at_read_back
    assert "Is that right?" in at_read_back
    assert "changed that" not in at_read_back
    logged = REFERENCE.search(say("yes thats right"))
    assert logged is not None
    after = say("sorry, has my complaint actually been logged?")
    assert f"Yes. Your complaint is logged. Your reference is {logged.group()}." in after


def test_was_what_would_help_noted_gets_a_straight_answer(running: Running) -> None:
    """r11b-17: "is the ring-me-before-visits thing noted or not" got "I can't answer that"."""
    _, say = conversation(running)
    say("Just wanted to say thank you to the plumber Dave, he was lovely with my dad")
    reply = say("yes but is the ring-me-before-visits thing noted or not")
    assert "No, I have not noted anything that would help you yet" in reply
    assert CANNOT_ANSWER not in reply


def test_a_staff_grievance_is_given_the_hr_route_not_the_ombudsman(running: Running) -> None:
    """r11b-08: a staff member's bullying grievance was told "the Housing Ombudsman can help you
    at any time" and never got an HR contact."""
    _, say = conversation(running)
    reply = say(
        "hi, I work in your call centre and my team leader has been bullying me for months. I "
        "want to raise a grievance about him"
    )
    assert "ask for HR" in reply
    assert "Housing Ombudsman" not in reply


def test_is_it_at_stage_2_says_what_happened_to_the_request(running: Running) -> None:
    """r11a-06: "is my complaint at stage 2 now yes or no" got the general Stage 2 text ending
    "When you want Stage 2, tell me", after he had asked for it twice."""
    _, say = conversation(running)
    say("I want my complaint CMP-2026-000099 to go to stage 2")
    say("i dont know which email i gave")
    reply = say("so is my complaint at stage 2 now yes or no")
    assert "Not yet. I have passed your request for Stage 2 on." in reply
    assert "When you want Stage 2, tell me" not in reply


def test_did_you_get_the_other_part_is_answered_and_the_complaint_goes_ahead(
    running: Running,
) -> None:
    """r11b-11: "formal complaint about the gardeners yes. did u get the tap bit too?" got "I
    can't answer that one myself", and the tap was never noted."""
    _, say = conversation(running)
    say(
        "hiya few things. 1) bathroom tap dripping all the time 2) how do i pay my rent by card "
        "3) and im not happy the cleaners left the bins overflowing again after i complained"
    )
    reply = say("formal complaint about the cleaners yes. did u get the tap bit too?")
    assert "No, I have not noted a repair or request yet. When we have finished your" in reply
    assert CANNOT_ANSWER not in reply
    assert "take the details of your complaint" in reply
