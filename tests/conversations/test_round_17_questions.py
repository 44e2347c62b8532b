"""Round 17's plain questions, status questions and things asked again, played over REST in our
own wordings: when someone comes after a route, where a reply has got to, what formal means,
when the clock starts, a manager, a lasting power of attorney, the Stage 2 reference, a
withdrawal passed on, a complaint asked for at its own summary, and a call handler's shorthand
for the tenant on the line."""

from __future__ import annotations

import pytest

from tests.conftest import Running
from tests.conversations.test_conversation_repair import conversation
from tests.conversations.test_round_8_form import (
    to_the_contact_method_question,
    to_the_earlier_job_question,
)
from tests.conversations.test_round_9_forms import LOGGED, READ_BACK

pytestmark = pytest.mark.server

CANNOT_ANSWER = "I can't answer that"
OFFER = "You can make a formal complaint"
REFERENCE_QUESTION = "What is your complaint reference?"
ROOF_LEAK = (
    "water is coming through my roof into my sons bedroom since the storm, the ceiling has a "
    "big brown patch and its getting bigger"
)


@pytest.mark.parametrize(
    "asks",
    [
        "yes please, my mobile is 07700 900412. Can you tell me when someone will actually come "
        "out? Its Sunday so not today i guess",
        "yes 07700 900413. when will somebody come?",
        "ok ring me on 07700 900414, is anyone coming out today??",
    ],
)
def test_when_someone_comes_after_an_emergency_route_is_said_from_the_record(
    running: Running, asks: str
) -> None:
    """r17a-01 t2: "Can you tell me when someone will actually come out?" after a roof leak's
    emergency route got the name question and no answer."""
    _, say = conversation(running)
    assert "within 24 hours" in say(ROOF_LEAK)
    reply = say(asks)
    # Said from the record, or by the route's own follow-up after a danger (actions.safety).
    assert "make it safe within 24 hours" in reply and "0300 000 0999" in reply
    assert CANNOT_ANSWER not in reply


@pytest.mark.parametrize(
    "where",
    [
        "where is my reply?? its been 3 weeks since i complained about the heating and ive "
        "heard NOTHING",
        "Still waiting on a reply to my complaint about the lift, I sent it a month ago",
        "hiya wot happened to my complaint, heard nothin in 3 wks",
    ],
)
def test_where_is_my_reply_asks_for_the_reference_not_a_new_complaint(
    running: Running, where: str
) -> None:
    """r17a-11 t1: "where is my reply?? its been 3 weeks" was offered a new complaint."""
    _, say = conversation(running)
    reply = say(where)
    assert REFERENCE_QUESTION in reply and OFFER not in reply


def test_a_reply_not_found_gets_the_codes_dates_and_stage_2_when_late(running: Running) -> None:
    """r17a-11 t3-4: no match, and "how long are u meant to take" unanswered."""
    _, say = conversation(running)
    say("where is my reply, i complained weeks ago")
    say("the ref was CMP-2026-000412 i think")
    reply = say("07700 900377. i rang it in on 13 november")
    assert "sent you our answer by Friday 4 December 2026" in reply
    assert "our answer is late" in reply and "Stage 2" in reply
    reply = say("so what do i do now?? how long are u meant to take")
    assert "within 10 working days" in reply and CANNOT_ANSWER not in reply


def test_a_reply_without_a_reference_gets_the_codes_dates(running: Running) -> None:
    _, say = conversation(running)
    say("no one has got back to me about my complaint, its been ages")
    reply = say("i dont have the reference")
    assert "within 5 working days" in reply and "ask for Stage 2 now" in reply


@pytest.mark.parametrize(
    ("question", "said"),
    [
        ("what is formal? i want only somebody come fix", "A formal complaint means"),
        (
            "what do u mean formal complaint, ive rang about them 5 times, isnt that already a "
            "complaint?",
            "you were right to",
        ),
        (
            "Also does the 10 working days start from today or from when I first told you in "
            "September?",
            "The dates I give you run from when you tell us",
        ),
        ("do the days count from when i first rang?", "The dates I give you run from"),
    ],
)
def test_plain_questions_at_the_choice_are_answered(
    running: Running, question: str, said: str
) -> None:
    """r17a-14 t2, r17a-10 t2, r17a-03 t2: unanswered at the offer to complain."""
    _, say = conversation(running)
    assert OFFER in say("the communal door has been broken for weeks and no one came, fed up")
    reply = say(question)
    assert said in reply and CANNOT_ANSWER not in reply


@pytest.mark.parametrize(
    ("question", "said"),
    [
        ("can a manager look at it yes or no?", "a different person, more senior"),
        ("can it go straight to a manager?", "a different person, more senior"),
        ("i have lasting power of attorney for her, does that count?", "lets the attorney act"),
        ("does LPA count?", "lets the attorney act"),
        (
            "my neighbours insurer sent a letter saying i must pay for their ceiling, what do "
            "i do?",
            "do not agree to pay",
        ),
    ],
)
def test_plain_questions_inside_the_complaint_form_are_answered(
    running: Running, question: str, said: str
) -> None:
    """r17a-10 t9-11, r17a-05 t6-7: a manager and a lasting power of attorney, unanswered; r16b-10
    t3-4: a neighbour's insurer claiming against the tenant got the contents insurance answer."""
    _, say = conversation(running)
    to_the_earlier_job_question(say)
    reply = say(question)
    assert said in reply and CANNOT_ANSWER not in reply


@pytest.mark.parametrize(
    "same",
    [
        "ok thanks. Will I get a new reference for Stage 2 or is it the same one?",
        "new ref for stage 2 or same one?",
        "Im confused, is it the same reference or not?",
    ],
)
def test_the_stage_2_reference_is_one_answer(running: Running, same: str) -> None:
    """r17a-09 t4-5: "same reference?" was answered, then "No. At Stage 2 a different person"."""
    _, say = conversation(running)
    say("I want to go to Stage 2, the stage 1 reply on CMP-2026-000002 was useless")
    say("it was my wife who made it, the number on it is 07700 900412")
    reply = say(same)
    assert "keeps the reference" in reply
    assert "No. At Stage 2" not in reply


@pytest.mark.parametrize(
    "cancelled",
    [
        "arrange what? i want the complaint closed. is it cancelled or not",
        "so has it been withdrawn?",
    ],
)
def test_is_it_cancelled_after_a_withdrawal_is_said_from_the_record(
    running: Running, cancelled: str
) -> None:
    """r16b-09 t4 (left by routes17): got only "A person will read this"."""
    _, say = conversation(running)
    say("hi i made a complaint about my fence CMP-2026-000455, can i cancel it")
    say("07700 900316")
    assert "withdraw complaint CMP-2026-000455" in say("just cancel it pls, its sorted")
    reply = say(cancelled)
    assert "Not yet. I have passed on that you want to withdraw complaint CMP-2026-000455" in reply


@pytest.mark.parametrize(
    "asking",
    [
        "What questions? You haven't asked me anything. I want to make a complaint about the "
        "lights.",
        "huh?? i want a complaint about the landing lights",
        "I want to complain about the lights, what is this?",
    ],
)
def test_a_complaint_asked_for_at_its_own_summary_is_not_logged(
    running: Running, asking: str
) -> None:
    """r16a-03 t14 (left by forms17): taken as yes and logged."""
    _, say = conversation(running)
    to_the_contact_method_question(say)
    reply = say("email")
    if READ_BACK not in reply:
        reply = say("no")
    assert READ_BACK in reply
    reply = say(asking)
    assert LOGGED not in reply and READ_BACK in reply


def first_turns(running: Running, *messages: str) -> str:
    """Everything the assistant says to the first few messages of a new conversation."""
    _, say = conversation(running)
    return " ".join(say(message) for message in messages)


@pytest.mark.parametrize(
    "shorthand",
    [
        "T on line, c/o bathroom extractor fan not working since Aug, 2 no-access cards but T "
        "says she was in. wants complaint. T = Mrs J Adeyemi, 22 Ash Walk",
        "T Mrs R Okafor on line re kitchen tap leaking 6 wks, engineer didnt return, wants to "
        "complain",
        "on phone w/ tenant Mr P Singh, 12 Oak St, c/o damp in bedroom, 3rd report, wants formal "
        "complaint",
    ],
)
def test_a_call_handlers_tenant_on_the_line_is_not_asked_who_they_are(
    running: Running, shorthand: str
) -> None:
    """r17a-07 t3-4: "are you the resident?" and the tenant's name asked after the shorthand."""
    said = first_turns(running, shorthand, "yes ongoing", "no job no", "T wants it fixed")
    assert "Are you the resident" not in said
    assert "What name should we use" not in said


@pytest.mark.parametrize(
    "opening",
    [
        "Good afternoon. I'm a caseworker in Cllr Ann Hart's office. Cllr Hart has been "
        "contacted by a constituent, Mr Tomasz Nowak of 5 Birch Close, who's unhappy his damp "
        "survey report was never sent. He'd like a formal complaint.",
        "Hi, I'm a support worker. I'm helping one of my clients, Ms Leanne Price, 9 Orchard "
        "Row. Her cooker has not worked since October and two visits were cancelled. She wants "
        "to complain.",
    ],
)
def test_a_resident_named_by_a_helper_at_the_start_is_not_asked_for_again(
    running: Running, opening: str
) -> None:
    """r17a-08 t5, r17a-06 t2: the resident's name asked again after the helper gave it."""
    said = first_turns(running, opening, "yes still happening", "no", "fix it and say sorry")
    assert "the resident's name and address" not in said
