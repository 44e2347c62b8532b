"""Round 14 of the simulated residents (issues 14 and 16), played over REST in our own wordings:
despair gets Samaritans and no complaint choice, and a question answered beside a complaint asked
for is said once."""

from __future__ import annotations

import pytest

from tests.conftest import Running
from tests.conversations.test_conversation_repair import conversation

pytestmark = pytest.mark.server

SAMARITANS = "116 123"


@pytest.mark.parametrize(
    "message",
    [
        # r14c-11: "dont see the point of being here" got only "is anyone in danger?".
        "to be honest i dont see the point in being here any more",
        # r14c-19: "my family better without me" was offered a formal complaint.
        "im so tired of all of it, my kids would be better without me",
    ],
)
def test_despair_gets_samaritans_and_no_complaint_choice(running: Running, message: str) -> None:
    _, say = conversation(running)
    reply = say(message)
    assert SAMARITANS in reply
    assert "formal complaint" not in reply
    assert "noted this as a request" not in reply
    assert "anti-social behaviour" not in reply


def test_despair_beside_a_complaint_about_us_still_gets_the_choice(running: Running) -> None:
    _, say = conversation(running)
    reply = say(
        "the mould is back all over the kids room and nobody from you ever comes, honestly i "
        "dont see the point of being here anymore"
    )
    assert SAMARITANS in reply
    assert "make a formal complaint" in reply


def test_a_question_beside_a_complaint_asked_for_is_answered_once(running: Running) -> None:
    """r14c-02: the interpreter answer was sent twice, word for word."""
    _, say = conversation(running)
    reply = say(
        "hello i want make complaint, the bathroom fan broken since summer nobody fix. you have "
        "interpreter for polish?"
    )
    assert reply.count("free interpreter") == 1
    assert "details of your complaint" in reply
