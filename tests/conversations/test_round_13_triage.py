"""Round 13 of the simulated residents (issue 15), played over REST in our own wordings: a
neighbour writing about the broken lock of the woman next door is not told it sounds like
anti-social behaviour."""

from __future__ import annotations

import pytest

from tests.conftest import Running
from tests.conversations.test_conversation_repair import conversation

pytestmark = pytest.mark.server

ASB_REPORT_LINE = "report of anti-social behaviour"


def test_a_helper_writing_about_a_neighbours_broken_lock_is_not_sent_to_the_asb_team(
    running: Running,
) -> None:
    """r13a-03: "I am writing about my neighbour ... Her front door lock has been broken" got
    the anti-social behaviour team and the police's 101 beside the lock's emergency line."""
    _, say = conversation(running)
    reply = say(
        "Hello. I am writing about my neighbour Mrs Joan Pike at flat 5, 14 Elm Close. Her front "
        "door lock has been broken for over a week and the repair man has come twice but it "
        "still won't lock."
    )
    assert ASB_REPORT_LINE not in reply
    assert "101" not in reply
