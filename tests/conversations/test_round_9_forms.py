"""Round 9 of the simulated residents (issue 16), played over REST in our own wordings: what a
first message or an answer already gave is not asked again, clear corrections typed at the
read-back are applied, the read-back shows what was given, and leaving for a person hands over."""

from __future__ import annotations

import pytest

from tests.conftest import Running
from tests.conversations.test_conversation_repair import conversation
from tests.conversations.test_round_8_form import (
    EARLIER_JOB,
    OUTCOME,
    to_the_contact_method_question,
    to_the_earlier_job_question,
)
from tests.conversations.test_round_9_form_danger import to_the_read_back

pytestmark = pytest.mark.server

READ_BACK = "Here is what I understood"
WHICH_PART = "Which part would you like to change"
CHANGED = "I've changed that"
LOGGED = "Your complaint is logged"
ASK_NAME = "What name should we use"
ASK_DETAILS = "phone number or email"
ASK_WAY = "How would you like us to contact you"
HANDOVER = "pass you to a person"


def test_an_earlier_report_told_in_the_first_message_is_not_asked_about_again(
    running: Running,
) -> None:
    """r9a-23, r9a-26, r9b-02, r9c08, r9c29: "we reported it on Monday", "he reported it twice"
    were asked about again at the earlier-job question."""
    _, say = conversation(running)
    first = say(
        "Hello, the door entry buzzer for our block has not worked for 5 weeks. We called you "
        "twice in November and nobody came. I want to make a complaint"
    )
    after = first + say("yes it's still broken")
    assert EARLIER_JOB not in after
    assert OUTCOME in after


def test_a_call_handler_note_gives_the_outcome_and_the_way_to_contact(running: Running) -> None:
    """r9a-03, r9a-21: "Wants formal complaint + compensation", "Contact by email x@y" and
    "prefers phone 0..." in the first note were all asked for again."""
    _, say = conversation(running)
    replies = say(
        "Caller Ms K Obi, 7 Ash Grove. Boiler engineer missed 2 visits, job 482210. Wants "
        "formal complaint + refund for the day off work. Boiler still not fixed. Contact by "
        "email kobi@example.org"
    )
    for answer in ("yes", "I'm the tenant", "Kemi Obi"):
        if READ_BACK in replies or "anything that would make it easier" in replies:
            break
        replies += say(answer)
    assert OUTCOME not in replies
    assert ASK_WAY not in replies
    assert ASK_DETAILS not in replies
    read_back = say("no")
    assert "You would like: refund for the day off work" in read_back
    assert "by email (kobi@example.org)" in read_back


@pytest.mark.parametrize(
    "answer",
    ["ye txt me 07700 900311 its mo", "yes pls ring 07700 900312, I'm Tariq"],
)
def test_a_name_signed_off_beside_the_number_is_not_asked_for(
    running: Running, answer: str
) -> None:
    """r9a-24, r9b-09, r9b-15, r9b-17: "ye txt me 07700 900246 its jade", "I'm Leon"."""
    _, say = conversation(running)
    assert "contact you about it" in say(
        # With the address, so only the name could be asked (round 23 asks it when missing).
        "the gate at the back of our block at 3 Mill Court wont shut, can u fix it"
    )
    reply = say(answer)
    assert ASK_NAME not in reply
    assert "will contact you by" in reply


def test_same_as_before_keeps_the_number_already_given(running: Running) -> None:
    """r9c28: "same as before" for a number held was rejected as no phone number or email."""
    _, say = conversation(running)
    to_the_contact_method_question(say)
    say("Email")
    assert READ_BACK in say("no")
    say("No, the contact details are wrong")
    assert ASK_NAME in say("contact details")
    assert ASK_DETAILS in say("Nadia Farah-Jones")
    reply = say("same as before")
    assert "doesn't look like a phone number" not in reply
    assert "nadia.farah@example.org" in say("email") + reply


@pytest.mark.parametrize(
    ("correction", "read_back"),
    [
        (
            "not quite, you missed that I want to be phoned only after 6pm as I'm at work",
            "by phone, after 6pm",
        ),
        ("Not quite. You missed that I asked to be called after 5pm, I work days.", "after 5pm"),
        ("pls put my full name, Nadia Farah-Jones", "contact Nadia Farah-Jones by"),
        (
            "Thats not right. The complaint is for Mr Sam Farah at 11 Cedar Road. I'm his sister "
            "helping him and he has agreed.",
            "The complaint is for: Mr Sam Farah, 11 Cedar Road",
        ),
        (
            "Please also add that I want the lights checked every month, not just fixed once.",
            "You would like: get them fixed. I want the lights checked every month",
        ),
    ],
)
def test_a_clear_correction_at_the_read_back_is_applied(
    running: Running, correction: str, read_back: str
) -> None:
    """r9a-08, r9a-15, r9a-25, r9a-32, r9c28: clear corrections got "Which part would you like
    to change?", or kept the words that asked for them."""
    _, say = conversation(running)
    to_the_read_back(say)
    reply = say(correction)
    assert WHICH_PART not in reply
    assert CHANGED in reply
    assert read_back in reply
    assert "missed that" not in reply
    assert "Please also" not in reply
    assert LOGGED in say("yes thats right")


def test_nothing_to_change_please_log_it_logs_the_complaint(running: Running) -> None:
    """r9a-08: "Nothing to change. Please log it." got the which-part question again."""
    _, say = conversation(running)
    to_the_read_back(say)
    assert LOGGED in say("Nothing to change here. Please log it.")


def test_a_time_to_call_told_at_the_adjustments_question_is_read_back(running: Running) -> None:
    """r9a-15: "Please call after 5pm as I work, otherwise no" was dropped as a no."""
    _, say = conversation(running)
    to_the_contact_method_question(say)
    say("Phone call")
    read_back = say("pls ring after 5pm as I work, otherwise no")
    assert "by phone, after 5pm" in read_back
    assert "To make things easier for you" not in read_back


def test_the_address_of_the_person_helped_is_read_back(running: Running) -> None:
    """r9a-04, r9a-08: "The complaint is for: Krystyna Nowak" with the address given left out."""
    _, say = conversation(running)
    say("hello I write for my father. He is 79. His toilet leaks on floor since 10 days.")
    say("/affirm")
    for answer in ("yes still", "no", "fix the toilet", "I help my father"):
        say(answer)
    say("My name is Piotr Zielinski. My father is Jan Zielinski, flat 2, 16 Park Road")
    say("yes he agrees")
    say("piotr.z@example.pl")
    say("email")
    assert "The complaint is for: Jan Zielinski, flat 2, 16 Park Road" in say("no")


def test_a_support_worker_is_read_back_by_name_not_organisation(running: Running) -> None:
    """r9c16: the helper and contact were read back as "Fairway Support"."""
    _, say = conversation(running)
    say(
        "I am writing as the support worker for Mr Ola Bello (tenant, 9 Ash Row). He has asked "
        "me to complain on his behalf. His front door does not lock since October, job 55120. "
        "He would like the lock fixed."
    )
    replies = say("/affirm")
    for answer in ("yes", "Hannah Price, Fairway Support", "hannah@fairway.example", "email"):
        if "anything that would make it easier" in replies:
            break
        replies = say(answer)
    read_back = say("no")
    assert "You are helping them: Hannah Price" in read_back
    assert "Fairway Support." not in read_back


def test_a_letter_to_the_address_given_is_a_way_to_contact(running: Running) -> None:
    """r9b-28: "Write to me please, I don't do email. 12 Ash Road ..." was asked for a phone
    number or email."""
    _, say = conversation(running)
    to_the_earlier_job_question(say)
    for answer in ("no", "get them fixed", "I'm the tenant"):
        say(answer)
    assert ASK_DETAILS in say("Joan Pike")
    reply = say("Write to me please, I dont do email. 12 Ash Road, Sampleton SA1 2BC")
    assert "doesn't look like a phone number" not in reply
    assert "by letter (12 Ash Road, Sampleton SA1 2BC)" in reply + say("no")


def test_text_said_to_be_better_is_the_way_to_contact(running: Running) -> None:
    """r9b-11: "telephone 07700 900271, text message better" was told "by phone"."""
    _, say = conversation(running)
    say("the lift in our block at 4 Ash Court is broken again, can someone fix it")
    reply = say(
        "yes. My name Olena Bondar, telephone 07700 900271, text message better, my English "
        "not good for phone"
    )
    assert "by text message (07700 900271)" in reply


def test_leaving_to_talk_to_a_person_leaves_and_hands_over(running: Running) -> None:
    """r9c13: "I changed my mind. I talk to person with interpreter" stopped the form but
    ignored the request for a person."""
    _, say = conversation(running)
    to_the_earlier_job_question(say)
    say("no")
    reply = say("I changed my mind. I want talk to person with interpreter")
    assert "I have not logged a complaint" in reply
    assert HANDOVER in reply
