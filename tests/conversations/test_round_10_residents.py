"""Round 10 of the simulated residents, the faults still open on main, played over REST in our
own wordings: a first complaint typed at the Stage 2 question becomes a complaint; a neighbour
who is helped is not an ASB report, and a carer is a helper; a surname that is also a street
word is kept; a phone number typed wrong is refused with the reason; a question about the
shared parts of a block is answered; an ASB report can be withdrawn; and a lasting power of
attorney is recorded as such, not as the resident's agreement."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest

from bot.policy import Policy
from tests.conftest import Running
from tests.conversations.test_conversation_repair import conversation, store

pytestmark = pytest.mark.server

REFERENCE = re.compile(r"CMP-\d{4}-\d{6}")
ASB_ROUTE = "anti-social behaviour team: call"
ASKS_IF_RESIDENT = "Are you the resident, or are you helping someone else?"
ASKS_WHO_THE_RESIDENT_IS = "and the resident's name and address"
CANNOT_ANSWER = "can't answer that one"
READ_BACK = "Here is what I understood"
# Plain answers to the complaint form's questions, by the words each question is asked in.
FORM_ANSWERS = {
    "still happening": "yes",
    "reported to us before": "yes, I rang twice last month, no job number",
    "put things right": "get it fixed please",
    "are you helping someone else": "I'm the resident",
    "resident agreed": "yes she has agreed",
    "What name should we use": "Karen Price",
    "phone number or email": "karen.price@example.com",
    "How would you like us to contact you": "email",
    "make it easier for you": "no",
}


def answer_until(
    say: Callable[[str], str], reply: str, until: str, instead: dict[str, str] | None = None
) -> tuple[str, list[str]]:
    """Answers each question of the complaint form plainly (or as `instead` says, by the
    question's words) until a reply holds `until`; every reply on the way is kept, so a test
    can say what was never asked."""
    answers = {**FORM_ANSWERS, **(instead or {})}
    replies = [reply]
    for _ in range(len(answers) + 1):
        if until in reply:
            return reply, replies
        asked = next((words for words in answers if words in reply), None)
        assert asked is not None, f"a question the test does not answer: {reply}"
        reply = say(answers[asked])
        replies.append(reply)
    raise AssertionError(f"never asked {until!r}: {replies}")


def answer_until_read_back(
    say: Callable[[str], str], reply: str, instead: dict[str, str] | None = None
) -> tuple[str, list[str]]:
    return answer_until(say, reply, READ_BACK, instead)


def test_a_first_complaint_typed_at_the_stage_2_question_is_taken_as_a_complaint(
    running: Running,
) -> None:
    """r10a-29: "I don't have a complaint reference, this is my first complaint" at the Stage 2
    reference question was passed on as a Stage 2 request, and no complaint was taken."""
    _, say = conversation(running)
    assert "What is your complaint reference?" in say("I'd like my complaint moved to stage 2")
    reply = say("no I havent got a reference, ive never complained before")
    assert "passed your request on" not in reply
    assert "As this is a new complaint, it starts at Stage 1." in reply
    assert "I'll take the details of your complaint now." in reply
    assert "what has gone wrong" in reply
    assert "What is your complaint reference?" not in say(
        "the communal door at my block has not shut properly since September"
    )


def test_a_first_time_complainant_asking_a_manager_is_not_sent_round_stage_2(
    running: Running,
) -> None:
    """r11d-08: "I want to escalate this problem to manager ... I never complain before" was
    asked for a complaint reference, and the Stage 2 request passed on."""
    _, say = conversation(running)
    reply = say(
        "Hello. I want to escalate this problem to manager please. The entry door of our block "
        "is broken 5 weeks, anybody can come in. I called two times. I never complain before"
    )
    assert "What is your complaint reference?" not in reply
    assert "passed your request on" not in reply


def test_a_change_of_mind_to_a_formal_complaint_at_the_contact_offer_takes_it(
    running: Running,
) -> None:
    """r11a-19, r11d-18: "I've changed my mind - I want to make a formal complaint" after
    choosing to have it put right was told to call us."""
    _, say = conversation(running)
    assert "make a formal complaint" in say(
        "the light in our stairwell has been out for three weeks and nobody has come"
    )
    assert "contact you about it" in say("Put it right without a complaint")
    reply = say("i said i want a FORMAL COMPLAINT now please, changed my mind")
    assert "please call us" not in reply
    assert "I'll take the details of your complaint now." in reply


def test_a_helper_writing_about_their_old_neighbours_leak_is_not_sent_to_the_asb_team(
    running: Running,
) -> None:
    """r9a-18, r9a-32: "I am writing about my neighbour" beside her repair was read as an
    anti-social behaviour report, with the ASB team's number."""
    _, say = conversation(running)
    reply = say(
        "Hi, I'm writing about my neighbour. She is 81 and water has been coming through her "
        "bathroom ceiling for a week"
    )
    assert "anti-social behaviour" not in reply
    assert ASB_ROUTE not in reply


def test_a_carer_for_their_brother_is_taken_as_a_helper(running: Running) -> None:
    """Round 10: "I am carer for my brother" was asked "are you the resident, or are you
    helping someone else?" as if nothing had been said."""
    _, say = conversation(running)
    assert "make a formal complaint" in say(
        "I am carer for my brother. His radiators have been stone cold for a week and the "
        "engineer never turned up, this is not good enough"
    )
    # The helper is asked who they and the resident are, never whether they are the resident.
    _, replies = answer_until(say, say("Make a formal complaint"), ASKS_WHO_THE_RESIDENT_IS)
    assert not any(ASKS_IF_RESIDENT in reply for reply in replies)


def test_a_residents_surname_that_is_a_street_word_is_kept_from_the_first_message(
    running: Running,
) -> None:
    """Round 10: "Mrs Edna Street, 7 Park Road" was dropped as an address, so the helper was
    asked for the resident's name and address again."""
    _, say = conversation(running)
    assert "make a formal complaint" in say(
        "im writing for my nan Mrs Edna Street, 7 Park Road. her boiler was meant to be fixed "
        "weeks ago and nobody came"
    )
    read_back, replies = answer_until_read_back(say, say("Make a formal complaint"))
    assert not any(ASKS_WHO_THE_RESIDENT_IS in reply for reply in replies)
    assert "The complaint is for: Mrs Edna Street, 7 Park Road" in read_back


def test_a_phone_number_with_a_digit_too_many_is_refused_with_the_reason(
    running: Running,
) -> None:
    """r10a-16: a number typed with a digit too many was refused three times with no reason."""
    _, say = conversation(running)
    say("the bins at our block have not been emptied for three weeks, I reported it twice")
    answer_until(say, say("Make a formal complaint"), "phone number or email")
    refused = say("07700 9001234")
    assert "The number you typed has 12 digits." in refused
    assert "11 digits" in refused
    assert "How would you like us to contact you" in say("sorry, 07700 900123")


def test_a_question_about_the_stairwell_lights_gets_an_answer_and_a_route(
    running: Running, policy: Policy
) -> None:
    """r10b: "are the stairwell lights on a timer?" got "I can't answer that one"."""
    _, say = conversation(running)
    reply = say("are the stairwell lights on a timer?")
    assert CANNOT_ANSWER not in reply
    assert "estate services team" in reply
    assert policy.landlord.phone in reply


def test_withdrawing_an_asb_report_says_how(running: Running, policy: Policy) -> None:
    """Round 10: "I want to withdraw the report I made about next door" was noted as a new
    request for the team, and the resident was not told how to withdraw it."""
    _, say = conversation(running)
    reply = say("I want to withdraw the report I made about the people next door")
    assert "To withdraw an anti-social behaviour report" in reply
    assert policy.landlord.phone in reply
    assert "noted this as a request" not in reply


def test_a_helper_with_lasting_power_of_attorney_is_recorded_as_holding_it(
    running: Running, policy: Policy
) -> None:
    """r10a-05: a son with lasting power of attorney for his father with dementia was read back
    and recorded as "They have agreed to this", which the father could not do."""
    _, say = conversation(running)
    assert "make a formal complaint" in say(
        "Hello, my father is your tenant and I hold lasting power of attorney for him. His "
        "shower has not worked for a month and nobody has come despite three calls"
    )
    answer_until(say, say("Make a formal complaint"), ASKS_WHO_THE_RESIDENT_IS)
    read_back, replies = answer_until_read_back(
        say, say("I'm his son Mark Bell. He is Mr Alan Bell, 3 Oak Road")
    )
    assert not any("Has the resident agreed" in r for r in replies)
    assert "You hold lasting power of attorney for them." in read_back
    assert "They have agreed" not in read_back
    logged = REFERENCE.search(say("yes thats right"))
    assert logged is not None
    complaint = store(running, policy).complaint(logged.group())
    assert complaint is not None and complaint.representative is not None
    assert complaint.representative.consent == "power_of_attorney"


def test_a_helper_giving_their_own_number_and_the_residents_is_contacted_on_their_own(
    running: Running,
) -> None:
    """r11d-10: the son's number was read back as the support worker's own."""
    _, say = conversation(running)
    assert "make a formal complaint" in say(
        "my mums kitchen window wont shut since october, reported it twice, nobody came"
    )
    read_back, _ = answer_until_read_back(
        say,
        say("Make a formal complaint"),
        {
            "are you helping someone else": "I'm helping someone else",
            ASKS_WHO_THE_RESIDENT_IS: "I'm her daughter Jane Cole. She is Mrs Rita Cole, 9 Elm Rd",
            "phone number or email": "mum's landline is 01632 960123, my mobile is 07700 900111",
            "How would you like us to contact you": "phone",
        },
    )
    assert "We will contact Jane Cole by phone (07700 900111)." in read_back


def test_withdrawing_a_logged_complaint_says_how_and_does_not_say_it_stopped(
    running: Running,
) -> None:
    """r11d-07: "i dont want 2 go ahead with the complaint anymore, can u cancel it. ref CMP-..."
    got "OK, I've stopped that. Nothing more has been recorded", and the complaint stayed
    open."""
    _, say = conversation(running)
    reply = say(
        "hi again, the manager rang and said sorry so i dont want 2 go ahead with the complaint "
        "anymore, can u cancel it. ref CMP-2026-000052"
    )
    assert "stopped" not in reply
    assert "To withdraw it, tell our complaints team" in reply


def test_asking_for_the_complaint_to_be_taken_at_the_stage_2_question_takes_it(
    running: Running,
) -> None:
    """r10a-29 turn 3: "Can you take my complaint now?" at the Stage 2 reference question went
    round Stage 2 again, and the complaint was never logged."""
    _, say = conversation(running)
    assert "What is your complaint reference?" in say("I want to escalate my complaint")
    reply = say("can you take my complaint now please?")
    assert "passed your request on" not in reply
    assert "I'll take the details of your complaint now." in reply
