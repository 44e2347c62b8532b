"""Round 14 of the simulated residents (issue 15), played over REST in our own wordings: a
staff member's own grievance goes to HR, and a call handler's "not complaining" is not offered a
complaint (the repairs team read as ours is tests/unit/test_round_14_triage.py)."""

from __future__ import annotations

import pytest

from tests.conftest import Running
from tests.conversations.test_conversation_repair import conversation

pytestmark = pytest.mark.server

COMPLAINT_CHOICE = "make a formal complaint"


def test_a_staff_members_grievance_about_their_manager_is_sent_to_hr(running: Running) -> None:
    """r14b-17: a caretaker's complaint about his manager changing shifts and docking pay was
    logged as a resident's Stage 1 complaint."""
    _, say = conversation(running)
    reply = say(
        "Hi, I'm a cleaner employed by you and I want to complain about my manager, she keeps "
        "moving my shifts and docked my pay"
    )
    assert "HR" in reply
    assert COMPLAINT_CHOICE not in reply


def test_a_call_handler_writing_not_complaining_is_not_offered_a_complaint(
    running: Running,
) -> None:
    """r14b-14: "c/o no hot water x3 days ... not complaining, wants engineer asap" got the
    complaint choice beside the emergency route."""
    _, say = conversation(running)
    reply = say("caller at 2 Oak Row, c/o shower not working since monday, not complaining, "
                "wants plumber booked")  # fmt: skip
    assert COMPLAINT_CHOICE not in reply
