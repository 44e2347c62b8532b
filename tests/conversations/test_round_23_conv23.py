"""Round 23 (r23b, issue 16), played over REST in our own wordings: a status question with a
wait told is asked about at once; Stage 2 asked for the complaint named at the start is taken
as Stage 2, never a new complaint; the ASB part of a call handler's note is answered; a fear
of a comeback told while giving up a complaint is answered, and the complaint still stops."""

from __future__ import annotations

import pytest

from tests.conftest import Running
from tests.conversations.test_conversation_repair import conversation

pytestmark = pytest.mark.server

STATUS_CHECK = "the email address or phone number you gave us"
NEW_COMPLAINT_FORM = "I'll take the details of your complaint now"
STAGE_2_TAKEN = "Stage 2"
COMPLAINT_CHOICE = "Make a formal complaint"
ASB_TEAM = "To report anti-social behaviour"
NOT_AFFECTED = "will not affect your tenancy"
PUT_RIGHT = "put it right, without a formal complaint"


def test_stage_2_for_the_complaint_named_at_the_start_is_stage_2(running: Running) -> None:
    """r23b-04 t1, t4: the status question was answered after the offer of a new complaint, and
    "ok then i want stage 2" started a new Stage 1 form."""
    _, say = conversation(running)
    first = say(
        "I complained in September, ref CMP-2026-000045, and was promised an answer in 10 "
        "working days. its been 7 weeks and nothing. whats happening with it"
    )
    assert STATUS_CHECK in first and COMPLAINT_CHOICE not in first
    say("its lee.p@example.org")
    escalated = say("right then I want stage 2. the mould in the bathroom is still there")
    assert NEW_COMPLAINT_FORM not in escalated
    assert STAGE_2_TAKEN in escalated


def test_the_asb_part_of_a_call_handlers_note_is_answered(running: Running) -> None:
    """r23b-06 t1, t2: "who deals w/ kids kicking ball at her windows" got nothing, then "I can't
    answer that one"."""
    _, say = conversation(running)
    first = say(
        "caller mr j obi 4 ash way. says the plumber was rude to him on 1/12 and left the tap "
        "dripping. also wants to know who deals w/ teenagers kicking a ball at his door"
    )
    assert ASB_TEAM in first


def test_a_fear_of_a_comeback_is_answered_and_the_complaint_still_stops(
    running: Running,
) -> None:
    """r23b-08 t6: cancelling because "she scared they will be angry with her" got no word of
    reassurance."""
    _, say = conversation(running)
    say("my dads front door lock has been broken for 3 weeks and nobody has come to fix it")
    say("Make a formal complaint")
    stopped = say(
        "hang on, dad doesnt want a complaint now, hes worried they will be angry with him. "
        "can we just get the lock fixed?"
    )
    assert NOT_AFFECTED in stopped and PUT_RIGHT in stopped
