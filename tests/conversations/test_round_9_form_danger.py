"""Round 9's danger typed while a form question or the read-back waits (issues 14 and 16),
played over REST: the route comes first and the question waiting is asked again; danger is
never stored as an answer or read as a correction, and leaving after a route still leaves. Our
own wordings, not the simulation's."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tests.conftest import Running
from tests.conversations.test_conversation_repair import conversation
from tests.conversations.test_round_8_form import (
    EARLIER_JOB,
    OUTCOME,
    WHO,
    to_the_contact_method_question,
    to_the_earlier_job_question,
)

pytestmark = pytest.mark.server

READ_BACK = "Here is what I understood"
WHICH_PART = "Which part would you like to change"
SAFETY_QUESTION = "Is anyone in danger right now?"
STOPPED = "I have not logged a complaint"
GAS_LINE = "0800 111 999"


def to_the_read_back(say: Callable[[str], str]) -> None:
    to_the_contact_method_question(say)
    say("Phone call")
    assert READ_BACK in say("no")


def test_gas_at_the_read_back_is_routed_and_the_read_back_asked_again(running: Running) -> None:
    _, say = conversation(running)
    to_the_read_back(say)
    after = say("sorry one second, there is a strong smell of gas in the hallway now")
    assert GAS_LINE in after
    # Not read as "No, change something".
    assert WHICH_PART not in after
    assert READ_BACK in after


def test_smoke_from_a_socket_at_the_read_back_is_routed_not_a_correction(
    running: Running,
) -> None:
    _, say = conversation(running)
    to_the_read_back(say)
    after = say("hold on, the plug socket by the door is giving off smoke even switched off")
    assert WHICH_PART not in after
    assert "999" in after or SAFETY_QUESTION in after


def test_breathing_trouble_at_a_form_question_is_not_stored_as_the_answer(
    running: Running,
) -> None:
    _, say = conversation(running)
    to_the_earlier_job_question(say)
    after = say("wait my little girl is wheezing badly and can't get her breath")
    assert "999" in after or SAFETY_QUESTION in after
    # Not taken as the earlier-job answer: that question waits still.
    assert OUTCOME not in after


def test_breathing_trouble_after_a_damp_route_is_not_stored_as_the_answer(
    running: Running,
) -> None:
    """A route already given makes the detector's guess at a new danger one step less sure: the
    safety question at least, and the form's question asked again."""
    _, say = conversation(running)
    first = say(
        "the black mould in my daughter's room has come back, she has asthma and coughs every "
        "night, I want to complain"
    )
    assert "inspect" in first
    if "Is this still happening" not in first:  # the offer first, when the form waits for it
        assert "Is this still happening" in say("/affirm")
    assert "reported to us before" in say("yes it's still there")
    assert OUTCOME in say("no, first time I've told you")
    after = say("one sec she is wheezing a lot and can't get her breath back")
    assert "999" in after
    assert WHO not in after
    assert OUTCOME in after


def test_leaving_said_beside_a_danger_leaves_the_form(running: Running) -> None:
    _, say = conversation(running)
    to_the_earlier_job_question(say)
    assert "999" in say("there's a fire in the kitchen, flames coming from the cooker")
    after = say("we're all out on the street, fire engine is here. forget the complaint for now")
    assert STOPPED in after
    assert EARLIER_JOB not in after


def test_cancel_for_now_at_the_which_part_question_leaves(running: Running) -> None:
    _, say = conversation(running)
    to_the_read_back(say)
    assert WHICH_PART in say("/deny")
    assert STOPPED in say("cancel for now, heading out")
