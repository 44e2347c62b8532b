"""Triage faults the simulated residents of round 7 found (r7a-12, r7b-21, r7b-22, r7a-09,
r7b-06, r7b-23), played over REST against the running servers in words of our own."""

from __future__ import annotations

import pytest

from bot.policy import Policy
from tests.conftest import Running
from tests.conversations.test_complaint_conversation import logged_complaint
from tests.conversations.test_conversation_repair import conversation, store

pytestmark = pytest.mark.server


def test_stage_2_asked_for_before_the_stage_1_answer_is_explained_in_one_reply(
    running: Running, policy: Policy
) -> None:
    """r7a-12: "can i take it 2 stage 2 now" on a Stage 1 not yet answered said "when you want
    Stage 2, tell me" and "it has gone to Stage 2" in one reply. r7b-22: a question about later
    escalated it. Neither is opened; each reply says one thing."""
    cases = store(running, policy)
    reference = logged_complaint(cases, "Dee Rowe", "07700 900418").reference
    _, say = conversation(running)
    say(f"when do i get an answer on {reference}")
    assert f"Complaint {reference} is at Stage 1" in say("07700 900418")
    later = say("ok and if their answer is useless can i escalate it after?")
    assert "second and final stage" in later
    assert "gone to Stage 2" not in later
    now = say("thats ages tho. can i take it 2 stage 2 now pls")
    assert f"Your complaint {reference} is still at Stage 1" in now
    assert "gone to Stage 2" not in now and "When you want Stage 2, tell me" not in now
    undo = say("no wait i didnt ask to escalate it, can u undo that")
    assert "I have not sent a Stage 2 request" in undo
    stage_1 = cases.complaint(reference)
    assert stage_1 is not None and cases.stage_2_of(stage_1) is None


def test_a_complaint_about_the_caretaker_is_a_complaint_not_asb(running: Running) -> None:
    """r7b-21: a staff-conduct complaint went to the ASB team three times, and "a formal
    complaint please, about a member of staff" was handed to a person."""
    _, say = conversation(running)
    first = say("I'd like to complain about your caretaker, he swore at my daughter by the bins")
    assert "anti-social behaviour team" not in first
    # Asked to complain in so many words: straight to the complaint form (round 7, formflow4).
    assert "Is this still happening now?" in first
    _, say = conversation(running)
    again = say("I want a formal complaint please, about a member of your staff")
    assert "I'll pass you to a person" not in again


def test_a_complaint_with_a_new_repair_and_a_question_deals_with_each(running: Running) -> None:
    """r7a-09, r7b-06: the new repair was not noted and the question not answered."""
    _, say = conversation(running)
    reply = say(
        "The roofer you sent in September didn't fix the leak and nobody rang me back after "
        "three calls, I'm really fed up. Also the light on our landing has gone out. And can "
        "I pay my rent by card over the phone?"
    )
    assert "landing has gone out" in reply and "noted it as a request" in reply
    assert "Direct Debit" in reply
    assert "make a formal complaint" in reply
