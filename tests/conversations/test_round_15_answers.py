"""Round 15's plain questions, withdrawals and wrong Stage 2 routes, played over REST in our own
wordings: a reference in another shape, a note asked for on a complaint, a withdrawal and a
withdrawal said not to be one, a pre-action letter, a question read as Stage 2, questions at the
choice, in the form and while a person is awaited."""

from __future__ import annotations

import pytest

from tests.conftest import Running
from tests.conversations.test_conversation_repair import conversation
from tests.conversations.test_round_8_form import EARLIER_JOB, to_the_earlier_job_question
from tests.conversations.test_round_9_form_danger import to_the_read_back
from tests.conversations.test_round_9_forms import LOGGED

pytestmark = pytest.mark.server

CANNOT_ANSWER = "I can't answer that"
ASK_REFERENCE = "What is your complaint reference?"
NOT_OURS = "is not one of our complaint references"
WITHDRAW_ROUTE = "I can't withdraw a complaint here"
NEW_FORM = "take the details of your complaint"
STAGE_2_CHECK = "To keep your complaint safe"
NOT_AT_STAGE_2 = "I have not moved it to Stage 2"
# The legal-proceedings exclusion as explained; the letter-of-claim answer (round 16) also
# says a letter comes "before any claim is filed at court".
AT_COURT = "a legal claim that has been filed at court"
STAGE_1_FIRST = "A new complaint starts at Stage 1"


def test_a_reference_in_another_shape_is_said_not_to_be_ours(running: Running) -> None:
    """r15d-01 turn 1: "SH-2026-00412" got the question for the reference, bare."""
    _, say = conversation(running)
    reply = say("escalate my complaint pls ref HA-2025-01187, the reply i got was useless")
    assert "HA-2025-01187 " + NOT_OURS in reply


@pytest.mark.parametrize(
    "again",
    [
        "its the only ref i have mate, just take it further",
        "thats the only number ive got, its off the letter",
        "HA-2025-01187!! like i said",
    ],
)
def test_the_only_reference_they_have_goes_to_an_officer_without_a_loop(
    running: Running, again: str
) -> None:
    """r15d-01 turn 3: "thats the only number i have mate. just take it further" looped on the
    format."""
    _, say = conversation(running)
    say("i want stage 2 on my complaint, ref HA-2025-01187")
    reply = say(again)
    assert "complaints officer" in reply
    assert ASK_REFERENCE not in reply and "doesn't look like" not in reply
    assert CANNOT_ANSWER not in reply


@pytest.mark.parametrize(
    "note",
    [
        "can u note on it that i dont want Karen dealing with it",
        "please note the housing officer Mr Evans should not handle my case",
        "i want a note on it that Karen shouldnt be the one handling it",
    ],
)
def test_a_note_asked_for_after_logging_goes_to_a_person_not_stage_2(
    running: Running, note: str
) -> None:
    """r15d-02 turns 15-16: a note that a named officer should not handle it got Stage 2."""
    _, say = conversation(running)
    to_the_read_back(say)
    assert LOGGED in say("yes")
    reply = say(note)
    assert "add this to your complaint" in reply
    assert "Stage 2" not in reply and "formal complaint" not in reply


@pytest.mark.parametrize(
    "withdrawal",
    [
        "hi. i want to withdraw my complaint CMP-2026-000031 please, its been sorted",
        "no. i want to withdraw complaint CMP-2026-000017",
        "can you cancel complaint CMP-2026-000044, the manager rang and said sorry",
    ],
)
def test_a_withdrawal_by_reference_gets_the_route_and_no_form(
    running: Running, withdrawal: str
) -> None:
    """r15d-08 turn 14: the route, then a new complaint form she did not ask for."""
    _, say = conversation(running)
    reply = say(withdrawal)
    assert WITHDRAW_ROUTE in reply
    assert NEW_FORM not in reply and STAGE_2_CHECK not in reply and ASK_REFERENCE not in reply


def test_taking_back_the_complaint_beside_news_from_a_neighbour_gets_only_the_route(
    running: Running,
) -> None:
    """r15d-08 turn 13: "my neighbour just tell me cleaner is coming tomorrow. so i want to take
    back the complain" got the anti-social behaviour team's route or a complaint offer."""
    _, say = conversation(running)
    to_the_read_back(say)
    assert LOGGED in say("yes")
    reply = say("my neighbour say the repair man is coming tomorrow. so i take back the complain")
    assert WITHDRAW_ROUTE in reply
    assert "anti-social behaviour" not in reply and "make a formal complaint" not in reply


def test_we_do_not_want_to_withdraw_anything_is_no_withdrawal(running: Running) -> None:
    """r15a-10 turn 2: "We don't want to withdraw anything - the opposite" got the withdrawal
    route again."""
    _, say = conversation(running)
    say(
        "Hello, I'm an advocate for Mr Imran Ali. His housing officer cancelled three home "
        "visits and nobody answered the complaint he emailed in October."
    )
    reply = say("We do not want to withdraw anything. Please log it as a formal complaint.")
    assert WITHDRAW_ROUTE not in reply


@pytest.mark.parametrize(
    "first",
    [
        "I am a solicitor acting for your tenant Ms Ada Obi of 4 Elm Row. Her flat has severe "
        "damp and mould. We have sent a letter before claim but no proceedings have been issued. "
        "She wants to make a formal complaint as well.",
        "hi im helping my mum, her solicitor sent you a pre-action letter about the leaking roof "
        "but nothing has been filed at court, we want to complain about the roof",
    ],
)
def test_a_letter_before_claim_is_not_a_claim_filed_at_court(running: Running, first: str) -> None:
    """r15d-06 turns 1-2: "a pre-action letter of claim but no proceedings are issued" was told
    it was a claim filed at court, and again after the correction."""
    _, say = conversation(running)
    reply = say(first)
    assert AT_COURT not in reply
    assert AT_COURT not in say("To be clear, no claim has been filed at court. Formal complaint.")


@pytest.mark.xfail(
    strict=True,
    reason="since the near misses of rounds 16 and 17 were added to training, the intent model "
    "reads this question as a status question (0.29) and asks for the complaint reference",
)
def test_a_question_read_as_stage_2_without_its_words_is_answered(running: Running) -> None:
    """r15b-09 turn 3: "is the email the complaints one for that?" asked about the liability form
    started a Stage 2 request."""
    _, say = conversation(running)
    say("how do i claim for my carpet that got ruined when your plumber flooded the kitchen")
    reply = say("fine ill email them monday. is the email the complaints one for that?")
    assert ASK_REFERENCE not in reply and NOT_AT_STAGE_2 not in reply
    assert "one address for everything" in reply


def test_whether_the_resident_must_confirm_a_helper_is_answered_at_the_choice(
    running: Running,
) -> None:
    """r15d-09 turn 2: "Does Ms Price need to contact you herself to confirm I can act for
    her?" got "I can't answer that one myself"."""
    _, say = conversation(running)
    say(
        "I'm writing for my neighbour Mr Khan, the lift in our block has been broken for three "
        "weeks and nobody has come"
    )
    reply = say(
        "Formal complaint please. Does he have to ring you himself to say I can act for him?"
    )
    assert "agree to someone acting for them" in reply
    assert CANNOT_ANSWER not in reply


def test_why_not_stage_2_at_the_choice_is_answered_and_the_choice_taken(
    running: Running,
) -> None:
    """r15d-15 turn 2: "formal complaint. but why not stage 2?" got the choice again."""
    _, say = conversation(running)
    say(
        "I want stage 2 straight away, your contractors left rubble all over my garden after "
        "the fence job"
    )
    reply = say("formal complaint. but why not stage 2?")
    assert STAGE_1_FIRST in reply
    assert "What would you like to do?" not in reply


def test_what_questions_then_gets_the_question_again(running: Running) -> None:
    """r15d-14 turn 10: "what questions then?? ive answered everything" got "I can't answer that
    one myself"."""
    _, say = conversation(running)
    to_the_earlier_job_question(say)
    reply = say("what questions?? ive answered everything")
    assert EARLIER_JOB in reply and CANNOT_ANSWER not in reply


def test_both_questions_are_answered_while_a_person_is_awaited(running: Running) -> None:
    """r15d-13 turn 4: compensation and what if Stage 2 is no good, asked together while waiting
    for a person; one was lost."""
    _, say = conversation(running)
    assert "pass you to a person" in say("can i talk to a real person please")
    reply = say("will i get compensation for the wait? and what if stage 2 is no good as well?")
    assert "compensation" in reply and "Housing Ombudsman" in reply


def test_what_went_wrong_beside_why_not_stage_2_is_kept(running: Running) -> None:
    """r15d-15 turn 3: the rubble told beside "why can't it go to stage 2?" was lost, and what
    went wrong asked again."""
    _, say = conversation(running)
    say("I want stage 2 right away please, I've never complained before")
    say("formal complaint")
    reply = say(
        "the contractors left broken concrete and nails all over my lawn after the fence job. "
        "You still haven't said why it can't go to stage 2?"
    )
    assert STAGE_1_FIRST in reply
    assert "what has gone wrong" not in reply


def test_a_note_asked_for_after_a_stage_2_request_goes_to_a_person(running: Running) -> None:
    """r15d-07 turn 6: "please make sure whoever picks this up notes that the MP's office is
    acting for her" was thanked for a question it never asked."""
    _, say = conversation(running)
    say("MP caseworker here. Ms Quinn's complaint needs to go to stage 2, ref CMP-2026-004417")
    say("I don't have her email or phone sorry")
    waiting = say("Will the reply come to us or straight to Ms Quinn? Need her consent form?")
    assert "we contact the person helping" in waiting and "agree to someone acting" in waiting
    say("carry on here")
    reply = say("please make sure whoever picks this up notes that our office acts for Ms Quinn")
    assert "add this to your complaint" in reply
    assert CANNOT_ANSWER not in reply and "If there is anything else I can do" not in reply
