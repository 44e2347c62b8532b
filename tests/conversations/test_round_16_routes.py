"""Round 16's routes and questions, played over REST in our own wordings: "escalate" with no
earlier complaint, a solicitor's letter of claim, several matters in one message, questions that
got "I can't answer that one", more told after a Stage 2 request, and a withdrawal."""

from __future__ import annotations

import pytest

from tests.conftest import Running
from tests.conversations.test_conversation_repair import conversation

pytestmark = pytest.mark.server

CANNOT_ANSWER = "I can't answer that"
STAGE_1_INSTEAD = "As this is a new complaint, it starts at Stage 1"
TAKING_IT = "take the details of your complaint"
PASSED_ON = "I'll pass you to a person"
FIND_IT = "need a complaints officer to find your complaint"
AT_COURT = "a legal claim that has been filed at court"
NOTED = "I have noted it as a request for our team"
OFFER = "You can make a formal complaint"


@pytest.mark.parametrize(
    "no_reference",
    [
        "what ref?? never got given one. rang about 5 times about the damp, nobody does "
        "nothing, i want it took higher",
        "I have not received any reference. I only phoned the repairs line about my leaking "
        "roof, several times. Please escalate it",
        "no ref, i just reported the broken gate loads of times and no one came. escalate it",
    ],
)
def test_escalate_with_no_reference_ever_given_starts_a_stage_1_complaint(
    running: Running, no_reference: str
) -> None:
    """r16b-07 t2: a first-time complainant saying "escalate" was sent round Stage 2 and handed
    over; no Stage 1 complaint was taken."""
    _, say = conversation(running)
    say("i want to escalate my complaint")
    reply = say(no_reference)
    assert STAGE_1_INSTEAD in reply and TAKING_IT in reply
    assert PASSED_ON not in reply and FIND_IT not in reply


@pytest.mark.parametrize(
    "first_time",
    [
        "i never made a complaint before i just rang about the boiler, this is my complaint now",
        "this is my first complaint, i only rang repairs before. take it now pls",
        "Ive never complained before. I want to make a complaint now about the lift",
    ],
)
def test_a_first_complaint_told_while_a_person_is_awaited_is_taken(
    running: Running, first_time: str
) -> None:
    """r16b-07 t3: "i never made a complaint before ... this is my complaint now" after a Stage 2
    request was passed on got only "The person who picks up this conversation will see the
    details"."""
    _, say = conversation(running)
    say("stage 2 please")
    assert PASSED_ON in say("dont have the reference sorry")
    reply = say(first_time)
    assert STAGE_1_INSTEAD in reply and TAKING_IT in reply
    assert "will see the details" not in reply


@pytest.mark.parametrize(
    "letter",
    [
        "We require the name of the officer handling this disrepair claim. Our client has had no "
        "response to the letter of claim and the 20-day period has expired.",
        "Our letter of claim of 2 November about the damp remains unanswered. Please pass this "
        "to your legal department.",
        "my solicitor sent u a letter of claim about the mould weeks ago n nobody has replied",
    ],
)
def test_a_letter_of_claim_is_no_claim_at_court_and_the_legal_team_replies(
    running: Running, letter: str
) -> None:
    """r16b-04 t2: a pre-action letter of claim was told "a legal claim that has been filed at
    court ... Your solicitor or the court"."""
    _, say = conversation(running)
    reply = say(letter)
    assert AT_COURT not in reply
    assert "legal team will reply to the letter of claim" in reply


def test_a_rent_rise_a_court_claim_and_a_door_are_each_dealt_with(running: Running) -> None:
    """r16b-11 t1: only the rent route was given; the issued arrears claim and the back door
    that won't shut were not mentioned."""
    _, say = conversation(running)
    reply = say(
        "I want to complain. My rent is going up 6% from April which is ridiculous. Then court "
        "papers came saying you are taking me to court for arrears even tho I pay the extra "
        "agreed. Also the kitchen door wont shut properly since the storm."
    )
    assert "rent and service charge team" in reply
    assert AT_COURT in reply
    assert NOTED in reply and "door" in reply


@pytest.mark.parametrize(
    "hearing",
    [
        "the court hearing is on 20 january, what do i do about that? i cant lose my home",
        "got a possession hearing next month, what should i do",
        "court papers came today, will i lose my flat?",
    ],
)
def test_a_court_hearing_question_in_the_form_is_answered(running: Running, hearing: str) -> None:
    """r16b-11 t4: a possession hearing on 14 January ("i cant lose my flat") got "I can't
    answer that one"."""
    _, say = conversation(running)
    say("I want to make a complaint, you're taking me to court for arrears I've been paying off")
    reply = say(hearing)
    assert "do not ignore the court papers" in reply.lower()
    assert "Shelter" in reply and "Citizens Advice" in reply
    assert CANNOT_ANSWER not in reply


@pytest.mark.parametrize(
    ("message", "fault"),
    [
        (
            "Hi, I'm a support worker for my client Ms Jones. She wants to complain as her rent "
            "went up £20 a week and she thinks it's wrong, and also the bathroom extractor fan "
            "has been broken since july",
            "fan",
        ),
        (
            "the lads next door play loud music every night, and my bedroom window won't close "
            "since the wind. I told the housing officer in october and nothing happened",
            "window",
        ),
    ],
)
def test_a_fault_beside_another_matter_is_noted_as_its_own_part(
    running: Running, message: str, fault: str
) -> None:
    """r16b-06 t1, r16b-15 t2: the extractor fan and the window were swallowed into the rent and
    ASB replies."""
    _, say = conversation(running)
    reply = say(message)
    assert NOTED in reply
    noted = reply[: reply.index(NOTED)]
    assert fault in noted[noted.rindex("You also mentioned") :]


LOCK = "the lock on my front door is broken, can someone come and fix it"
LEAK = "the ceiling in my bathroom leak again and nobody fix it properly last year, not happy"
ASB_ROUTE = "call our ASB team"
TIMESCALES = "acknowledge your complaint within 5 working days"


@pytest.mark.parametrize(
    ("first", "question", "answer"),
    [
        # r16b-05 t2-t5: "what about the music, who deals with that", unanswered four times.
        (LOCK, "and what about the music, who deals with that", ASB_ROUTE),
        (LOCK, "THE MUSIC. he plays it til 3am every night. who do i tell", ASB_ROUTE),
        (LOCK, "the music upstairs is the other thing, who sorts that out?", ASB_ROUTE),
        # r16a-02 t5: "how long take a complaint?" got "I can't answer that one".
        (LEAK, "how long take a complaint? I want complaint yes", TIMESCALES),
        (LEAK, "how long it take for complaint? yes make complaint", TIMESCALES),
    ],
)
def test_a_question_after_the_first_message_is_answered(
    running: Running, first: str, question: str, answer: str
) -> None:
    _, say = conversation(running)
    say(first)
    reply = say(question)
    assert answer in reply and CANNOT_ANSWER not in reply


def test_the_reply_dates_for_a_complaint_made_on_a_named_day(running: Running) -> None:
    """r16b-08 t4: "if i made it on 13 november when should i have got a reply by?" got "I
    can't answer that one"."""
    _, say = conversation(running)
    reply = say("if i made my complaint on 13 november when should i have got a reply by?")
    assert "acknowledged it by Friday 20 November 2026" in reply
    assert "answer by Friday 4 December 2026" in reply
    assert CANNOT_ANSWER not in reply


@pytest.mark.parametrize(
    "worse",
    [
        "the damp in the back bedroom is getting worse while you monitor it, my son's asthma is "
        "worse, he uses his inhaler every night",
        "mould is spreading now while you 'keep an eye on it', it's in the wardrobe and the "
        "clothes are ruined",
    ],
)
def test_more_told_after_a_stage_2_request_goes_with_it(running: Running, worse: str) -> None:
    """r16b-12 t5-7: the damp getting worse, told after asking for Stage 2 on the damp
    complaint, was offered a new complaint, which then went ahead over "no i dont want a new
    one"."""
    _, say = conversation(running)
    say("Stage 2 please, the stage 1 answer on my damp complaint just says you'll monitor it")
    say("dont have the ref to hand, email is someone@mailbox.example")
    say("carry on here")
    reply = say(worse)
    assert "add this to your Stage 2 request" in reply
    assert OFFER not in reply and TAKING_IT not in reply


@pytest.mark.parametrize(
    "withdraw",
    [
        "thats the number i have. i just want to withdraw it, its fixed, can you pass that on",
        "doesnt matter now, i want the complaint closed, the man came",
        "pls just cancel it, all sorted now",
    ],
)
def test_a_withdrawal_after_naming_the_complaint_is_passed_on(
    running: Running, withdraw: str
) -> None:
    """r16b-09 t3-4: "i just want to withdraw it, its fixed" became a request "to arrange it",
    then "i want the complaint closed" a new complaint."""
    _, say = conversation(running)
    say("hi i made a complaint about my fence CMP-2026-000455, can i cancel it")
    say("07700 900316")
    reply = say(withdraw)
    assert "withdraw complaint CMP-2026-000455" in reply
    assert "noted this as a request" not in reply and OFFER not in reply


@pytest.mark.parametrize(
    "proper",
    [
        "the mould in my bathroom is back again 🤢 3rd time this yr. want a proper complaint",
        "caller re leaking gutter x4 reports, wants a proper complaint",
    ],
)
def test_a_proper_complaint_asked_for_is_taken_without_the_choice(
    running: Running, proper: str
) -> None:
    """r16a-15 t1: "want a proper complaint" was offered the choice again."""
    _, say = conversation(running)
    reply = say(proper)
    assert TAKING_IT in reply and OFFER not in reply


@pytest.mark.parametrize("carry_on", ["carry on here", "Carry on here please"])
def test_carrying_on_after_a_stage_2_request_says_it_was_passed_on(
    running: Running, carry_on: str
) -> None:
    """r16b-03 t5: "carry on here" after a Stage 2 request got only "What would you like to
    tell us about?", as if the request were lost."""
    _, say = conversation(running)
    say("stage 2 please")
    assert PASSED_ON in say("i dont have the reference")
    reply = say(carry_on)
    assert "You have asked for Stage 2, and I have passed your request on" in reply


@pytest.mark.parametrize(
    "closing",
    [
        "OK, thank you. We will wait to hear on Monday.",
        "ok thanks, ill wait for them to get back to me then",
        "Thanks for your help, speak Monday",
    ],
)
def test_a_closing_message_while_a_person_is_awaited_gets_a_reply(
    running: Running, closing: str
) -> None:
    """r16b-03 t9: "OK, thank you. We will wait to hear on Monday." got no reply at all."""
    _, say = conversation(running)
    assert PASSED_ON in say("can i talk to a person please")
    assert "read this conversation" in say(closing)


@pytest.mark.parametrize(
    "again",
    [
        "its the same complaint, ive just asked for stage 2 on it. do i need another complaint??",
        "so is my stage 2 going ahead or do i have to escalate again",
    ],
)
def test_stage_2_asked_again_in_the_same_conversation_is_not_asked_twice(
    running: Running, again: str
) -> None:
    """r16b-12 t6: the Stage 2 questions started again, and "do i need another complaint??"
    was not answered."""
    _, say = conversation(running)
    say("Stage 2 please, my damp complaint answer was rubbish")
    assert PASSED_ON in say("no ref sorry")
    say("carry on here")
    reply = say(again)
    assert "passed your request" in reply
    assert "What is your complaint reference?" not in reply


@pytest.mark.parametrize(
    "need",
    [
        "Also, Mr Campbell has dyslexia and has asked that letters be kept short. Could that be "
        "noted please.",
        "she is deaf so texts only please, can u put that on",
        "T needs large print letters, pls note",
    ],
)
def test_a_need_told_while_a_person_is_awaited_is_said_to_be_passed_on(
    running: Running, need: str
) -> None:
    """r16b-03 t4: a reasonable adjustment typed after the handover got only "A person will
    read this"."""
    _, say = conversation(running)
    assert PASSED_ON in say("can i talk to a person please")
    assert "passed on what would help" in say(need)
