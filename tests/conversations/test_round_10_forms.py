"""Round 10 of the simulated residents (issue 16), played over REST in our own wordings: a
complaint is not lost to a misread outcome or a "no thats all", putting it right without a
complaint keeps the repair and the number, and typed agreement at the read-back logs it."""

from __future__ import annotations

import pytest

from tests.conftest import Running
from tests.conversations.test_conversation_repair import conversation
from tests.conversations.test_round_8_form import (
    OUTCOME,
    WHO,
    to_the_contact_method_question,
    to_the_earlier_job_question,
)
from tests.conversations.test_round_9_form_danger import to_the_read_back
from tests.conversations.test_round_9_forms import ASK_DETAILS, HANDOVER, LOGGED, READ_BACK

pytestmark = pytest.mark.server

STOPPED = "I have not logged a complaint"


def test_an_outcome_about_how_staff_speak_to_people_is_kept_not_handed_over(
    running: Running,
) -> None:
    """r10b-16: "for the caretaker to be retrained on how to speak to residents" handed the
    chat to a person and the complaint was never logged."""
    _, say = conversation(running)
    to_the_earlier_job_question(say)
    assert OUTCOME in say("no")
    reply = say("for the caretaker to be retrained on how to talk to tenants")
    assert HANDOVER not in reply
    assert WHO in reply


def test_no_thats_all_at_the_adjustments_question_goes_on_to_the_read_back(
    running: Running,
) -> None:
    """r10a-25: "no thats all" to "anything that would make it easier?" was taken as leaving
    and the complaint dropped."""
    _, say = conversation(running)
    to_the_contact_method_question(say)
    say("Phone call")
    reply = say("nope thats all")
    assert STOPPED not in reply
    assert READ_BACK in reply


def test_no_complaint_just_fix_it_keeps_the_repair_and_the_number(running: Running) -> None:
    """r10b-12: "she doesnt want to complain, just needs it fixed asap ... her mob 07700
    900118" got only "I have not logged a complaint"."""
    _, say = conversation(running)
    assert "formal complaint" in say(
        "caller says T unhappy, bathroom extractor fan broken for weeks, keeps being missed"
    )
    reply = say("no T doesnt want to complain, just wants it fixed quickly. her mob 07700 900118")
    assert STOPPED not in reply
    assert "without a formal complaint" in reply
    # The number is kept: only the name (and then the address) of a routine job is asked.
    assert "What name should we use" in reply
    assert "phone number or email" not in reply


@pytest.mark.parametrize(
    "typed",
    ["NO. nothing needs changing. it is right. submit it", "nothing to change its all correct"],
)
def test_typed_agreement_at_the_read_back_logs_the_complaint(running: Running, typed: str) -> None:
    """r10a-01: these got "Which part would you like to change?" again and again."""
    _, say = conversation(running)
    to_the_read_back(say)
    assert LOGGED in say(typed)


def test_a_letter_asked_for_keeps_the_address_beside_the_number(running: Running) -> None:
    """r10c-27: "letter please, 5 Cedar Walk, also phone 0..." promised a letter with no
    address."""
    _, say = conversation(running)
    to_the_earlier_job_question(say)
    for answer in ("no", "get them fixed", "I'm the tenant"):
        say(answer)
    assert ASK_DETAILS in say("Halina Nowak")
    say("i have no email. letter please, 5 Cedar Walk, also phone 01632 960455")
    assert "by letter (5 Cedar Walk, 01632 960455)" in say("no")


def test_a_letter_asked_for_at_the_read_back_goes_to_the_address_given(running: Running) -> None:
    """r10a-14: "I'd prefer a letter, not email. My address is ..." was read back as a letter
    to the email address, and the postal address was lost."""
    _, say = conversation(running)
    to_the_read_back(say)
    reply = say(
        "Not quite. I said I'd prefer a letter, not email. My address is 27 Kestrel Drive, "
        "Norwich NR5 8JB"
    )
    assert "by letter (27 Kestrel Drive, Norwich NR5 8JB)" in reply
    assert LOGGED in say("yes thats right now")


def test_an_interpreter_asked_for_with_the_number_is_kept_for_the_read_back(
    running: Running,
) -> None:
    """r10c-06: "needs Bengali (Sylheti) interpreter for any call" given with the number at the
    contact question was dropped."""
    _, say = conversation(running)
    to_the_earlier_job_question(say)
    for answer in ("no", "get them fixed", "I'm the tenant", "Rahim Uddin"):
        say(answer)
    # The way ("any call") and the need are both told, so the read-back comes next.
    read_back = say("07700 900123, needs Bengali interpreter for any call")
    assert READ_BACK in read_back
    assert "To make things easier for you: needs Bengali interpreter for any call" in read_back
    assert "(07700 900123)" in read_back


def test_an_interpreter_told_at_the_name_question_is_no_name(running: Running) -> None:
    """r10c-24: "Arabic interpreter for all calls; has COPD" was stored as the contact name."""
    _, say = conversation(running)
    to_the_earlier_job_question(say)
    for answer in ("no", "get them fixed", "I'm the tenant"):
        say(answer)
    assert "name we should use" in say("Arabic interpreter for all calls")
    say("Karim Ahmed")
    say("07700 900124")
    read_back = say("Phone call")
    assert "We will contact Karim Ahmed" in read_back
    assert "To make things easier for you: Arabic interpreter for all calls" in read_back


def test_an_interpreter_asked_for_at_the_read_back_is_added(running: Running) -> None:
    """r10c-22: "mum needs urdu interpreter" at the read-back was ignored."""
    _, say = conversation(running)
    to_the_read_back(say)
    reply = say("i need an urdu interpreter when you call")
    assert "To make things easier for you: i need an urdu interpreter when you call" in reply
    assert "Which part would you like to change" not in reply


def test_a_yes_with_words_that_change_nothing_gets_one_check(running: Running) -> None:
    """r10a-01: "yeah thats right but you still havent told me how long" looped on "Which part
    would you like to change?"."""
    _, say = conversation(running)
    to_the_read_back(say)
    reply = say("yeah thats right but you still havent told me how long")
    assert "Which part would you like to change" not in reply
    assert "shall I log your complaint" in reply
    assert LOGGED in say("yes")


def test_a_yes_with_something_wrong_still_asks_which_part(running: Running) -> None:
    _, say = conversation(running)
    to_the_read_back(say)
    assert "Which part would you like to change" in say("yes but one bit is wrong")
