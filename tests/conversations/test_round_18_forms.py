"""Round 18's plain questions and things asked again, played over REST in our own wordings:
"do I need to be in", a leak from the flat above, old parts left by a contractor and the heating
while a repair waits get the landlord's answer wherever they are asked; while a person is
awaited, "will they email me?" gets a plain yes with the detail typed, and two record questions
in one message are both answered."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tests.conftest import Running
from tests.conversations.test_conversation_repair import conversation

pytestmark = pytest.mark.server

CANT_ANSWER = "can't answer that one"
BE_IN = "does not have to be you"
ABOVE = "we arrange to get into that flat"
OLD_PARTS = "you can throw away old parts"
HEATING = "fine to keep using the heating"
PASSED = "I'll pass you to a person"


TOILET = (
    "our only toilet is blocked since last night, my son is 6 and disabled, tried a plunger "
    "nothing works",
)
LEAK = ("water is dripping through my bathroom ceiling from the flat upstairs, they're not in",)
RUDE_PLUMBER = (
    "I want to make a formal complaint. The plumber who fixed my kitchen tap on Tuesday "
    "swore at me and left the old tap and bits of pipe on my worktop.",
    "no it has stopped",
)
NO_HOT_WATER = (
    "T on line, Mrs Ola 4 Elm Ct. no hot water since tues, boiler fault code, engineer came "
    "wed said part on order. T has MS.",
)


@pytest.mark.parametrize(
    ("before", "asked", "answer"),
    [
        # r18a-01 t2-t3: "do i have to be in" under the only toilet's route, never answered.
        (
            TOILET,
            "yes pls. nobody came yesterday. do i have to be in or can i go to my sisters",
            BE_IN,
        ),
        (TOILET, "yeah ok. u never said do i need 2 be home for them??", BE_IN),
        (
            TOILET,
            "yes. so for the plumber do i need to be in or can my neighbour let him in",
            BE_IN,
        ),
        # r18a-02 t3-t4: getting into the flat above, asked twice and never answered.
        (LEAK, "ok. can u get someone into the flat upstairs??", ABOVE),
        (LEAK, "my name is Sam 07700 900233. will you go in to the flat above and stop it?", ABOVE),
        (LEAK, "u didnt answer me, can u get into upstairs or not", ABOVE),
        # r18a-05 t5: "can I throw the old tap away?" got "I can't answer that one".
        (RUDE_PLUMBER, "JOB-55121 two weeks ago. can I throw the old tap away?", OLD_PARTS),
        (
            RUDE_PLUMBER,
            "yes the sink job last month. am i ok to bin the bits of pipe he left?",
            OLD_PARTS,
        ),
        (
            RUDE_PLUMBER,
            "ref JOB-44120. also i wasnt sure if i can chuck the old tap he left",
            OLD_PARTS,
        ),
        # r18a-10 t2, t12: a call handler's "adv?" about the heating, never answered.
        (
            NO_HOT_WATER,
            "T asks is heating ok to use meanwhile - rads working, no hot water. adv?",
            HEATING,
        ),
        (
            NO_HOT_WATER,
            "can he keep using the heating while waiting for the part? rads are fine",
            HEATING,
        ),
        (
            NO_HOT_WATER,
            "is it ok for her to put the heating on till the part comes, rads work",
            HEATING,
        ),
    ],
)
def test_round_18_plain_questions_are_answered(
    running: Running, before: tuple[str, ...], asked: str, answer: str
) -> None:
    _, say = conversation(running)
    for message in before:
        say(message)
    reply = say(asked)
    assert answer in reply
    assert CANT_ANSWER not in reply


def _awaiting_a_person(say: Callable[[str], str]) -> None:
    say("hi i want to withdraw my complaint, it got sorted. ref is CMP-2026-000388")
    assert PASSED in say("can a person just do it please")


@pytest.mark.parametrize(
    ("details", "detail_shown"),
    [
        (
            "will they reply on here? i wont be on monday. my email is kay.b@example.com",
            "kay.b@example.com",
        ),
        ("my email is kay.b@example.com. so will they email me or not", "kay.b@example.com"),
        ("text me on 07700 900948 pls, r they gonna text me?", "07700 900948"),
    ],
)
def test_will_they_email_me_gets_a_yes_with_the_detail(
    running: Running, details: str, detail_shown: str
) -> None:
    """r18a-11 t4-t5: her email given, "will they email me?" twice got no yes or no."""
    _, say = conversation(running)
    _awaiting_a_person(say)
    reply = say(details)
    assert "Yes. The person who picks this up" in reply
    assert detail_shown in reply
    assert "Tell me who we should contact" not in reply


def test_two_record_questions_with_a_number_are_both_answered(running: Running) -> None:
    """r18a-13 t4: "you have my number 07700 900262? please SMS me. complaint is saved yes or
    no?" got only "will see the details you have given"."""
    _, say = conversation(running)
    _awaiting_a_person(say)
    reply = say(
        "sorry my english. you have my number 07700 900262? please SMS. complaint saved yes or no?"
    )
    assert "I have the phone number or email you gave me" in reply
    assert "not logged yet" in reply or "Your complaint is logged" in reply


@pytest.mark.parametrize(
    "told",
    [
        "yes contact. my son number 07700 900419, his name Ali. I am Shirin Begum the tenant",
        "yes pls. im Dev Patel, tenant. 07700 900418",
        "ok yes. I'm Grace Obi the tenant, ring 07700 900417",
    ],
)
def test_the_tenant_named_before_the_complaint_is_not_asked_again(
    running: Running, told: str
) -> None:
    """r18a-15 t8: "I am Shirin Begum the tenant" at the start, then "Are you the resident, or
    are you helping someone else?" in the complaint."""
    _, say = conversation(running)
    say("bedroom window glass is crack and not closing, very cold air. my mother in law is 78")
    say(told)
    reply = say("i want make formal complaint, october nobody come")
    for answer in ("formal complaint", "yes still broken", "no", "fix window and sorry"):
        if "resident, or are you helping" in reply or "What name" in reply:
            break
        reply = say(answer)
    assert "resident, or are you helping" not in reply


@pytest.mark.parametrize(
    "asked",
    [
        "cant u just pass it on? i work 8 till 6 so i cant ring",
        "can you not do it for me, im at work all day",
        "pls just pass it on to them, I can't email from work",
    ],
)
def test_a_withdrawal_passed_on_when_the_resident_cannot_call(running: Running, asked: str) -> None:
    """r18a-11 t2: after how to withdraw it, "cant u just pass it on?" got "Is anyone in danger"
    and an offer of a new complaint."""
    _, say = conversation(running)
    say("hi i want to withdraw my complaint its been sorted now. ref is CMP-2026-000388")
    reply = say(asked)
    assert "I'll pass on that you want to withdraw complaint CMP-2026-000388" in reply
    assert "make a formal complaint" not in reply


@pytest.mark.parametrize(
    "asked",
    [
        "can u update my number to the new one, its 07700 900948",
        "please change my phone number on my complaint to 07700 900948",
        "pls put my new number on it, 07700 900948",
    ],
)
def test_a_new_number_for_a_complaint_is_passed_on_not_a_new_complaint(
    running: Running, asked: str
) -> None:
    """r18a-12 t3-t4: "can u update my number to the new one" got our email address, then an
    offer to make a new complaint."""
    _, say = conversation(running)
    say("whats happening with my complaint?? ref CMP-2026-000219, heard nothing")
    say("i gave 07700 900311 before")
    reply = say(asked)
    assert "can add this to your complaint" in reply
    assert "07700 900948" in reply
    assert "make a formal complaint" not in reply
