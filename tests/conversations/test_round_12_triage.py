"""Round 12 of the simulated residents (issue 15, item 3), played over REST in our own wordings:
a staff member's own grievance is given HR without the residents' complaint, and a complaint
about how earlier ASB reports were handled is not sent to the ASB team as a new report."""

from __future__ import annotations

import pytest

from tests.conftest import Running
from tests.conversations.test_conversation_repair import conversation

pytestmark = pytest.mark.server

COMPLAINT_OFFER = "You can make a formal complaint"
ASB_REPORT_LINE = "report of anti-social behaviour"


def test_a_staff_members_grievance_gets_hr_and_no_residents_complaint(running: Running) -> None:
    """r12b-21: a caretaker's trouble with his line manager got the HR route and then the
    residents' complaint offer ("any repair or request you have with us carries on")."""
    _, say = conversation(running)
    reply = say(
        "Hi I work for you as a gardener and Im having trouble with my line manager, he keeps "
        "changing my rota at the last minute and shouting at me. who do I complain to"
    )
    assert "ask for HR" in reply
    assert COMPLAINT_OFFER not in reply


def test_a_complaint_about_how_asb_reports_were_handled_is_not_a_new_report(
    running: Running,
) -> None:
    """r12b-07: unhappy that reports of a neighbour's barking dog and threats to the ASB officer
    months ago were never followed up, the resident was told it "sounds like a report of
    anti-social behaviour" before the choice to complain."""
    _, say = conversation(running)
    reply = say(
        "I reported my neighbours dog barking and them threatening me to your ASB officer in June "
        "and nobody has done anything, no one ever rang me back. I'm disgusted with how you've "
        "handled it"
    )
    assert ASB_REPORT_LINE not in reply
    assert COMPLAINT_OFFER in reply
