"""Round 8's form-answer faults (issue 16), played over REST: an answer is kept only where it
fits the question (bot.fits); words beside a question of the resident's own are not stored as
an answer; consent said in the same breath is not asked for again; a no in a later sentence
declines adjustments; a helper's name and consent are kept, and the resident's name read back
without the words around it. Our own wordings, not the simulation's."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tests.conftest import Running
from tests.conversations.test_conversation_repair import conversation

pytestmark = pytest.mark.server

LANDING = (
    "the lights on our landing have been out for three weeks and nobody has come to look at them"
)
EARLIER_JOB = "reported to us before"
OUTCOME = "What would you like us to do"
WHO = "resident, or are you helping someone else"
LIFT = "the communal lift keeps breaking down and the fixes never last, I want to complain"


def to_the_earlier_job_question(say: Callable[[str], str]) -> None:
    say(LANDING)
    assert EARLIER_JOB in say("/affirm")


def to_the_contact_method_question(say: Callable[[str], str]) -> None:
    """A tenant with no earlier job who has given what they want, their name and email."""
    to_the_earlier_job_question(say)
    say("no")
    say("get them fixed")
    say("I'm the tenant")
    say("Nadia Farah")
    say("nadia.farah@example.org")


def test_words_beside_a_question_are_not_kept_as_the_answer(running: Running) -> None:
    _, say = conversation(running)
    to_the_earlier_job_question(say)
    after = say("Before that, what time does your office open? I may just pop in myself.")
    assert "Monday to Friday" in after
    # "I may just pop in myself" tells of no earlier report: the question is asked again.
    assert EARLIER_JOB in after
    assert OUTCOME not in after
    assert OUTCOME in say("no")
    after = say("one thing first - can I pay my rent by standing order? I'd like it on the 1st")
    assert "standing order" in after
    assert OUTCOME in after
    assert WHO not in after


def test_an_answer_to_another_question_is_kept_there_and_this_one_asked_again(
    running: Running,
) -> None:
    _, say = conversation(running)
    to_the_earlier_job_question(say)
    assert OUTCOME in say("no")
    # An electrician's visit and its job number say nothing of what would put it right.
    after = say("The electrician visited on 9 October, job 5520143")
    assert OUTCOME in after
    assert WHO not in after
    assert WHO in say("working lights this week please")
    # What they want, typed at "are you the resident?", is not taken as the answer to it.
    assert WHO in say("Replace all the landing lights and tell me why it took so long")
    assert "What name should we use" in say("I'm the tenant")
    # "nope, none needed" is no name: asked again.
    assert "just the name" in say("nope, none needed")
    assert "phone number or email" in say("dev mob")
    say("07700 900461")
    say("Phone call")
    read_back = say("no")
    assert "You would like: working lights this week please" in read_back
    assert "We will contact dev by phone" in read_back


def test_consent_to_record_given_with_the_need_is_not_asked_again(running: Running) -> None:
    _, say = conversation(running)
    to_the_contact_method_question(say)
    assert "easier for you to deal with us" in say("Email")
    after = say("I'm deaf, so email not calls, never phone. You may record that I'm deaf.")
    assert "May we record it" not in after
    assert "Here is what I understood" in after


def test_a_no_in_a_later_sentence_declines_adjustments(running: Running) -> None:
    _, say = conversation(running)
    to_the_contact_method_question(say)
    say("Email")
    # Not "I've turned the water off at the stopcock": water words told mid-form now get the
    # flood route first (round 12: danger told beside an answer is routed).
    read_back = say("ok I've told my neighbour as well. no nothing else thanks")
    assert "Here is what I understood" in read_back
    assert "To make things easier for you" not in read_back


def test_a_helpers_name_and_consent_are_kept_with_the_residents_name(
    running: Running,
) -> None:
    _, say = conversation(running)
    to_the_earlier_job_question(say)
    say("no")
    say("get them fixed")
    say("I'm helping my grandad")
    after = say(
        "Priya Nair, his granddaughter. He is Mr Suresh Nair, 27 Larch Road, Flat 3, Sheffield "
        "S6 2QX. He has agreed I handle this for him"
    )
    assert "Has the resident agreed" not in after
    assert "What name should we use" not in after
    say("07700 900733")
    say("Text message")
    read_back = say("no")
    assert "The complaint is for: Mr Suresh Nair, 27 Larch Road" in read_back
    assert "You are helping them: Priya Nair. They have agreed to this." in read_back


def test_a_yes_at_the_helper_offer_keeps_who_they_are(running: Running) -> None:
    _, say = conversation(running)
    first = say(
        "Hello, I'm writing on behalf of my uncle, Mr Ade Bello, at 19 Cedar Way. His kitchen "
        "tap drips all the time. Can someone come and fix it? Not a complaint."
    )
    assert "acting for them" in first
    after = say("yes please, Kemi Bello, his niece, and he has agreed to me sorting this")
    assert "What is your name" not in after
    assert "Has the resident agreed" not in after
    assert "they have agreed" in after


def test_the_residents_button_words_typed_with_a_name_keep_the_name(running: Running) -> None:
    _, say = conversation(running)
    to_the_earlier_job_question(say)
    say("no")
    say("get them fixed")
    after = say("I'm the resident, Hana Ito")
    assert "What name should we use" not in after
    assert "phone number or email" in after


def test_an_earlier_report_typed_at_still_happening_is_kept_and_asked_again(
    running: Running,
) -> None:
    _, say = conversation(running)
    first = say(LIFT)
    assert "Is this still happening" in first
    after = say("no job ref, my son phoned it through about a month ago")
    # Not taken as "it has stopped": the question is asked again, and the report is kept.
    assert "Is this still happening" in after
    assert EARLIER_JOB not in say("yes it's still going on")
