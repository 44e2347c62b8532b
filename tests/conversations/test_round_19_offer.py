"""Round 18-19: dissatisfaction told while a repair is being told is offered the choice to
complain (Code 1.2, 1.3), at whichever of the request's questions it comes: "would you like our
team to contact you?", the contact questions, "shall we note what would help?". Played over
REST in our own wordings. A plain first report with a health condition or a vulnerable person
stays a service request, and someone withdrawing or chasing a complaint is not offered another."""

from __future__ import annotations

import pytest

from tests.conftest import Running
from tests.conversations.test_conversation_repair import conversation

pytestmark = pytest.mark.server

OFFER = "You can make a formal complaint"
NOTED = "I've noted this as a request"
CONTACT_OFFER = "Would you like our team to contact you"
TAKING = "I'll take the details of your complaint"
BE_IN = "does not have to be you"

# First reports of a repair with someone vulnerable at home, and no dissatisfaction.
TOILET = (
    "our only toilet is blocked since last night, my son is 7 and autistic, tried the plunger "
    "nothing works"
)
WINDOW = (
    "salam. my english not good. the bedroom window is crack and not close, cold air coming in. "
    "my father in law is 81 he sleep there"
)
HANDRAIL = "the handrail on our stairs has come loose, my mum is 88 and she holds it to get up"


@pytest.mark.parametrize(
    ("first", "unhappy"),
    [
        # r18a-01 t2: a promised Saturday visit, nobody came, told with the yes.
        (
            TOILET,
            "yes. they said someone wld come on the tuesday and no one came, no call nothing",
        ),
        (TOILET, "ye go on. tbh still waiting from the last time i reported it"),
        # r18a-15 t2: "last time i report in october also nobody come".
        (WINDOW, "yes contact please. before also i report this, nobody come"),
        (HANDRAIL, "yes pls. fed up of chasing, the man never turned up weds"),
        (HANDRAIL, "no ill ring. not happy tho, 3rd time ive reported it"),
    ],
)
def test_unhappiness_told_at_the_contact_offer_gets_the_choice(
    running: Running, first: str, unhappy: str
) -> None:
    _, say = conversation(running)
    opening = say(first)
    assert NOTED in opening
    assert OFFER not in opening
    assert OFFER in say(unhappy)


def test_the_question_beside_the_unhappiness_is_answered_too(running: Running) -> None:
    """r18a-01 t2: "can i go to my mums or do i have to be in" beside "no one came"."""
    _, say = conversation(running)
    say(TOILET)
    reply = say(
        "yes. they promised sat and nobody turned up. do i have to be in or can my sister let "
        "them in"
    )
    assert OFFER in reply
    assert BE_IN in reply


@pytest.mark.parametrize(
    "unhappy",
    [
        # r18a-15 t3: "i am not happy about this. what i can do?" got "That's fine".
        "ok. before i call, they say somebody coming, nobody come. i am not happy. what i can do?",
        "fed up now, this is the 3rd time",
        "still waiting from last month for the same thing!!",
    ],
)
def test_unhappiness_told_inside_the_contact_questions_gets_the_choice(
    running: Running, unhappy: str
) -> None:
    _, say = conversation(running)
    say(TOILET)
    assert "What name should we use" in say("yes please")
    reply = say(unhappy)
    assert OFFER in reply
    assert "That's fine" not in reply


@pytest.mark.parametrize(
    "asks",
    [
        # r18a-15 t4: the complaint part dropped on the yes to noting what would help.
        "yes please note Bangla interpreter always. and i want make complain about october",
        "yes write it down pls. i want to make a complaint as well",
        "ok note it. and i wanna complain about the last visit, nobody came",
    ],
)
def test_a_complaint_asked_for_beside_a_yes_is_taken(running: Running, asks: str) -> None:
    _, say = conversation(running)
    assert "note what would help" in say(
        "kitchen tap is dripping. my english not good, i need someone speak Bangla"
    ) + say("no I'll call")
    assert TAKING in say(asks)


def test_choosing_to_have_it_put_right_keeps_the_details_given(running: Running) -> None:
    """The number typed with the unhappy yes is used, not asked for again."""
    _, say = conversation(running)
    say(TOILET)
    assert OFFER in say("yes 07700 900611. they said someone would come sat and no one came")
    after = say("Put it right without a complaint")
    # A job at the home needs a name and its address too (round 23): those are asked, never
    # the number.
    assert "phone number or email" not in after
    assert "What name should we use" in after


@pytest.mark.parametrize(
    "plain",
    [
        "yes please",
        "yes text me on 07700 900312",
        "yeah go on, my names Dean",
    ],
)
def test_a_plain_yes_at_the_contact_offer_is_no_complaint(running: Running, plain: str) -> None:
    _, say = conversation(running)
    say(TOILET)
    assert OFFER not in say(plain)


@pytest.mark.parametrize("first", [TOILET, WINDOW, HANDRAIL])
def test_a_vulnerable_first_report_is_a_request_not_a_complaint(
    running: Running, first: str
) -> None:
    """Issue 15: a plain first report with a health condition or a vulnerable person."""
    _, say = conversation(running)
    reply = say(first)
    assert NOTED in reply
    assert CONTACT_OFFER in reply
    assert OFFER not in reply


@pytest.mark.parametrize(
    "chasing",
    [
        "no i dont want another complaint, i want an answer on the first one",
        "i dont want a new complaint i just want the old one closed pls",
        "not another complaint!! just tell them to close it",
    ],
)
def test_withdrawing_or_chasing_is_not_offered_a_new_complaint(
    running: Running, chasing: str
) -> None:
    """r18a-11 t2-t3, r18a-12 t4-t5."""
    _, say = conversation(running)
    say("hi i want to withdraw my complaint its sorted now. ref is CMP-2026-000388")
    assert OFFER not in say(chasing)


@pytest.mark.parametrize(
    "unhappy",
    [
        "yes. they said someone wld come on the tuesday and no one came",
        "yeah go on, still waiting from last time tbh",
        "ok yes. before also i report, nobody come",
    ],
)
def test_the_yes_said_with_the_unhappiness_stands_when_put_right_is_chosen(
    running: Running, unhappy: str
) -> None:
    """The resident said yes to our team contacting them: choosing to have it put right goes
    on to the contact questions, not the offer again."""
    _, say = conversation(running)
    say(TOILET)
    assert OFFER in say(unhappy)
    after = say("Put it right without a complaint")
    assert CONTACT_OFFER not in after
    assert "What name should we use" in after
