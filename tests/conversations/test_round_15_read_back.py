"""Round 15 at the read-back, played over REST in our own wordings: "Which part would you like
to change?" answered in words, a yes said in words logs the complaint (and an unsure reply does
not), corrections replace or take out only what they name, a helper is read back as the helper,
a call handler is no representative, and a time ruled out for calls stays ruled out."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tests.conftest import Running
from tests.conversations.test_conversation_repair import conversation
from tests.conversations.test_round_8_form import OUTCOME, to_the_earlier_job_question
from tests.conversations.test_round_9_form_danger import to_the_read_back
from tests.conversations.test_round_9_forms import LOGGED, READ_BACK, WHICH_PART

pytestmark = pytest.mark.server

ASPECTS_QUESTION = "Please tell me, in your own words, what has gone wrong"
NAME_QUESTION = "What name should we use when we contact you?"
CONSENT_QUESTION = "Has the resident agreed to you acting for them?"


def answering(say: Callable[[str], str], *answers: str) -> str:
    """The complaint form from its earlier-job question, answered in turn: the last reply."""
    to_the_earlier_job_question(say)
    return [say(answer) for answer in answers][-1]


def to_which_part(say: Callable[[str], str]) -> None:
    to_the_read_back(say)
    assert WHICH_PART in say("/deny")


@pytest.mark.parametrize(
    ("typed", "asked"),
    [
        ("wot went wrong", ASPECTS_QUESTION),
        ("the phone number is wrong", NAME_QUESTION),
        ("the bit about getting them fixed", OUTCOME),
    ],
)
def test_which_part_answered_in_words_asks_for_that_part(
    running: Running, typed: str, asked: str
) -> None:
    """r15a-03 t10-11, r15a-04 t9, r15a-13 t16, t20: typed answers got the same buttons again."""
    _, say = conversation(running)
    to_which_part(say)
    reply = say(typed)
    assert asked in reply
    assert WHICH_PART not in reply


@pytest.mark.parametrize(
    "typed", ["Finally, yes that's right.", "readback correct, pls log", "its messy but fine, yes"]
)
def test_a_yes_in_words_at_the_read_back_logs_it(running: Running, typed: str) -> None:
    """r15a-13 t25, r15c-10 t12, r15b-18 t14 were asked which part to change."""
    _, say = conversation(running)
    to_the_read_back(say)
    assert LOGGED in say(typed)


def test_an_unsure_reply_at_the_read_back_does_not_log(running: Running) -> None:
    _, say = conversation(running)
    to_the_read_back(say)
    reply = say("hmm not sure tbh")
    assert LOGGED not in reply


def test_change_x_to_y_replaces_the_words_where_they_are(running: Running) -> None:
    """r15a-03 t11-12: "change 7 Kings Walk to 17 Kings Walk" was added after what went wrong."""
    _, say = conversation(running)
    to_the_read_back(say)
    reply = say("pls change three weeks to four weeks")
    assert "the lights on our landing have been out for four weeks and nobody" in reply
    assert "change" not in reply.split("What went wrong:")[1].split("\n")[0].lower()
    assert LOGGED in say("yes")


def test_leaving_out_the_refund_takes_out_only_the_refund(running: Running) -> None:
    """r15a-13 t19: "leave out the refund" took the main point out of what went wrong and left
    the refund in what she would like."""
    _, say = conversation(running)
    read_back = answering(
        say, "no", "get them fixed and a refund of my service charge", "I'm the tenant",
        "Nadia Farah", "nadia.farah@example.org", "email", "no",
    )  # fmt: skip
    assert READ_BACK in read_back
    reply = say("Nearly. leave out the refund - I only want them fixed")
    assert "You would like: Get them fixed." in reply
    assert "refund" not in reply
    assert "the lights on our landing have been out for three weeks" in reply


def test_the_helper_gives_their_name_beside_the_residents_and_is_read_back_as_the_helper(
    running: Running,
) -> None:
    """r15d-06 t9, r15d-09 t6, r15a-05 t6: "Eleanor Finch ... not with Mr Nowak directly" was
    read back "You are helping them: Mr Nowak"."""
    _, say = conversation(running)
    read_back = answering(
        say, "no", "get them fixed", "I'm helping my neighbour",
        "Mrs Edna Price, 4 Birch Road, she's my neighbour", "yes she has agreed",
        "Tom Okoro. Please write to me, not to Mrs Edna Price", "tom.okoro@example.org",
        "email", "no",
    )  # fmt: skip
    assert "You are helping them: Tom Okoro" in read_back
    assert "We will contact Tom Okoro by email" in read_back


@pytest.mark.parametrize(
    "typed",
    [
        "im CSA taking the call, clr is the T: Mrs Farah Begum, 7 Ash Grove",
        "im the CSA on this call, caller is the tenant Mrs Farah Begum",
        "customer service adviser here, its for Mrs Farah Begum who is on the phone",
    ],
)
def test_a_call_handler_is_not_asked_for_the_residents_consent(
    running: Running, typed: str
) -> None:
    """r15d-12 t6-t9: "im CSA taking the call, clr is the T" got the consent question, and the
    tenant was read back as her own helper."""
    _, say = conversation(running)
    reply = answering(say, "no", "get them fixed", typed)
    assert CONSENT_QUESTION not in reply
    assert "Thank you for helping" not in reply
    # The tenant's name is taken: the next question is how to reach her.
    assert "What is the best phone number or email address" in reply


def test_no_calls_before_a_time_is_kept_as_ruled_out(running: Running) -> None:
    """r15d-12 t17: "no calls before 2pm, she works nights" was read back "by phone, before
    2pm"."""
    _, say = conversation(running)
    to_the_read_back(say)
    reply = say("no calls before 2pm, I work nights")
    assert "by phone, not before 2pm" in reply
    assert "by phone, before 2pm" not in reply
