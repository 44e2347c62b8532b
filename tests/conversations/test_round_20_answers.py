"""Round 19 b's Stage 2 in plain words, other bodies and plain questions, played over REST in our
own wordings: someone unhappy with a Stage 1 answer who wants it looked at again gets Stage 2
(never "I have not taken a Stage 2 request"), a first complaint does not; a social care
assessment, a council transfer and a data breach get the body that does it; "can one complaint
cover both?", "will you even look at 2019?", "when will I get a reply?", "how will you check with
a deaf man?", "do not contact our client directly" and "did u cancel the window thing?" are
answered; a grab rail asked for instead of a complaint is noted, not dropped as "stop"."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tests.conftest import Running
from tests.conversations.test_conversation_repair import conversation

pytestmark = pytest.mark.server

NOT_TAKEN = "I have not taken a Stage 2 request"
CANT_ANSWER = "I can't answer that one"
IDENTITY_CHECK = "email address or phone number you gave us"
STOPPED = "OK, I've stopped"
OFFER = "make a formal complaint"
CONSENT = "agreed to you acting"
CONTACT = "best phone number or email address"
# The form's questions, each with the answer a helper gives, until the one a test is about.
FORM_ANSWERS = (
    ("still happening", "yes still leaking"),
    ("reported to us before", "no"),
    ("What would you like us to do", "fix the leak and an apology"),
    ("resident, or are you helping", "I'm helping someone else"),
    (CONSENT, "yes they have agreed"),
    ("What name should we use", "Ann Tate"),
)


def answer_until(say: Callable[[str], str], reply: str, question: str) -> str:
    """Answer the complaint form's questions until `question` is asked."""
    for _ in range(8):
        if question in reply:
            return reply
        answer = next((a for asked, a in FORM_ANSWERS if asked in reply), None)
        assert answer is not None, reply
        reply = say(answer)
    raise AssertionError(reply)


@pytest.mark.parametrize(
    "message",
    [
        # r19b-09 t1: "someone higher up to go through it all again", with a reference.
        "i complained in october about the damp, got a letter back saying case closed and £50. "
        "im not accepting that, i want someone higher up to go through it all again. ref "
        "CMP-2026-000318",
        "had ur reply to my complaint CMP-2026-000412 n its a joke. can sumone more senior look "
        "at it pls",
        "I received your response to complaint CMP-2026-000233 and I do not accept the outcome. "
        "I would like it looked at again by someone else.",
    ],
)
def test_stage_2_asked_for_in_plain_words_is_taken(running: Running, message: str) -> None:
    _, say = conversation(running)
    reply = say(message)
    assert NOT_TAKEN not in reply
    assert "Stage 2" in reply
    assert IDENTITY_CHECK in reply
    reply = say("07700 900581")
    assert "Stage 2" in reply and NOT_TAKEN not in reply


@pytest.mark.parametrize(
    "question",
    [
        # r19b-09 t3: "is that stage 2 thing what i want?" after a status check that failed.
        "i got the answer last week and its rubbish. is that stage 2 thing what i want? i just "
        "want someone else to look at it",
        "they already answered n i dont agree. is stage two what i need then? want it looked at "
        "again properly",
        "I have had the reply and I am not happy with the outcome. Is that stage 2 for me?",
    ],
)
def test_is_stage_2_what_i_want_is_taken_not_refused(running: Running, question: str) -> None:
    _, say = conversation(running)
    say("hi where is my complaint up to? ref CMP-2026-000777")
    say("07700 900123")
    reply = say(question)
    assert NOT_TAKEN not in reply
    assert "Stage 2" in reply


@pytest.mark.parametrize(
    "message",
    [
        # Earlier rounds: a first complaint stays a complaint, whatever it asks for.
        "ive never complained before but i want someone higher up to look at the mould, its "
        "been 3 months",
        "this is my first complaint. I want someone more senior to look at why nobody fixed my "
        "boiler",
        "not made a complaint yet but want a manager higher up to go through all the missed "
        "appointments",
    ],
)
def test_a_first_complaint_is_not_taken_as_stage_2(running: Running, message: str) -> None:
    _, say = conversation(running)
    reply = say(message)
    assert "go to Stage 2" not in reply
    assert IDENTITY_CHECK not in reply


@pytest.mark.parametrize(
    ("message", "body", "ombudsman"),
    [
        # r19b-08 t1: a social care assessment that never happened.
        (
            "my social care assessment never happened. the hospital said social services would "
            "come and sort a care package, nobody came. who do i complain to about this",
            "adult social care",
            "Local Government and Social Care Ombudsman",
        ),
        (
            "the council's occupational therapist was meant to assess my mum in october and never "
            "came, who do i complain to",
            "adult social care",
            "Local Government and Social Care Ombudsman",
        ),
        # r19b-02 t1: the housing register and transfers.
        (
            "im on the council housing register for a transfer, been waiting 4 years in a 1 bed "
            "with 2 kids and nobody tells me my band. who do i complain to",
            "housing options team",
            "Local Government and Social Care Ombudsman",
        ),
    ],
)
def test_another_body_is_named_for_what_it_does(
    running: Running, message: str, body: str, ombudsman: str
) -> None:
    _, say = conversation(running)
    reply = say(message)
    assert body in reply
    assert "the NHS, social care or the Information Commissioner" not in reply
    assert ombudsman in reply


@pytest.mark.parametrize(
    "question",
    [
        # r19b-07 t1-t3: who to report a data breach to.
        "Who do I report a data breach to?",
        "do i go to the ICO about it or you first?",
        "is it the information commissioner i complain to about my data?",
    ],
)
def test_a_data_breach_question_inside_the_complaint_is_answered(
    running: Running, question: str
) -> None:
    _, say = conversation(running)
    say(
        "I want to make a complaint. You sent a letter about my rent to my old address and my "
        "ex now has my new address from it. I asked you in March to keep it private."
    )
    reply = say(f"no its not a repair. {question}")
    assert "data protection officer" in reply
    assert "Information Commissioner's Office" in reply
    assert CANT_ANSWER not in reply


@pytest.mark.parametrize(
    ("choice", "answer"),
    [
        # r19b-03 t2: one complaint for both.
        (
            "formal complaint yeah. can it cover both the bins not being cleared AND the no "
            "show? or do i do 2",
            "One complaint can cover more than one thing",
        ),
        ("formal pls. do i need 2 complaints or can u put both in one?", "One complaint can cover"),
        # r19b-04 t2: a problem going on since long ago.
        (
            "A formal complaint, yes. I was told complaints only go back 6 months, so will you "
            "even look at 2019?",
            "it is not too late",
        ),
        ("formal. its been going on since 2017 tho, is that too far back?", "not too late"),
        # r19b-10 t2: when the reply comes.
        (
            "formal one I think. When will I actually get a reply though? Christmas is coming.",
            "If I log your complaint today, we acknowledge it by",
        ),
        ("yes formal. wen will i get a reply", "and send you our answer by"),
        ("formal please. When can I expect a response to my complaint?", "If I log your complaint"),
    ],
)
def test_a_plain_question_beside_the_choice_is_answered(
    running: Running, choice: str, answer: str
) -> None:
    _, say = conversation(running)
    assert OFFER in say(
        "the repair man was meant to come friday 8-12 for the extractor fan, i took the morning "
        "off unpaid and no one showed. this keeps happening"
    )
    reply = say(choice)
    assert answer in reply
    assert CANT_ANSWER not in reply


@pytest.mark.parametrize(
    "question",
    [
        # r19b-11 t4: checking with a deaf man with no email.
        "yes he asked me to. how will you contact him to check though, he has no email, only "
        "his landline and he's quite deaf",
        "yes he agreed. how will u check with him? hes deaf and got no email",
        "yes. how do you confirm with him, he has dementia and no phone?",
    ],
)
def test_how_we_check_with_a_hard_to_reach_resident_is_answered(
    running: Running, question: str
) -> None:
    _, say = conversation(running)
    reply = say(
        "im typing for my neighbour Mr Stanislaw Nowak of 6 Birch Road. his garden fence blew "
        "down in october and nobody came to fix it after he rang twice. he wants to complain"
    )
    answer_until(say, reply, CONSENT)
    reply = say(question)
    assert "Relay UK" in reply
    assert CANT_ANSWER not in reply


@pytest.mark.parametrize(
    "instruction",
    [
        # r19b-12 t9: contact goes to the representative.
        "t.lyle@harcourt.example.co.uk, telephone 0161 496 0823. Please do not contact our "
        "client directly.",
        "ann@advice.example.org - please dont contact the tenant directly, everything to me",
        "07700 900321. dont ring my mum, she gets upset, contact me",
    ],
)
def test_do_not_contact_the_client_directly_is_taken(running: Running, instruction: str) -> None:
    _, say = conversation(running)
    reply = say(
        "I act for my client Ms Dana Osei of 17 Aspen Court. Her kitchen ceiling has leaked since "
        "March and nothing has been done. She wants to make a formal complaint."
    )
    answer_until(say, reply, CONTACT)
    reply = say(instruction)
    assert "not them" in reply
    assert "We contact the resident, in the way they asked" not in reply


@pytest.mark.parametrize(
    "question",
    [
        # r19b-05 t3: the window request no longer needed.
        "ok ill ring them. and did u cancel the window thing? i dont need that one",
        "is the window repair cancelled? i dont need it now",
        "can you cancel the window job, its only the boiler now",
    ],
)
def test_did_you_cancel_the_other_request_is_answered(running: Running, question: str) -> None:
    _, say = conversation(running)
    say("the window in my sons room wont shut properly and theres a draught")
    say("no, I'll call")
    reply = say(question)
    assert "I can't cancel a repair or request from this chat" in reply
    assert CANT_ANSWER not in reply


@pytest.mark.parametrize(
    "wish",
    [
        # r19b-08 t3: a grab rail asked for at the choice was dropped as "stop".
        "i dont want to complain about you i just want a rail by the bath so i can get in "
        "safely. can you do that",
        "no complaint, i only need someone to fit a handrail on the stairs for me",
        "dont wanna complain i just want a grab rail put in by the toilet",
    ],
)
def test_a_grab_rail_asked_for_at_the_choice_is_not_stopped(running: Running, wish: str) -> None:
    _, say = conversation(running)
    assert OFFER in say(
        "my OT assessment never happened after my hip op, nobody came, i cant get in the bath"
    )
    reply = say(wish)
    assert STOPPED not in reply
    assert "contact you about it" in reply
