"""Round 20 (player a), played over REST in our own wordings: a missed cleaning the resident pays
a service charge for is a complaint, not anti-social behaviour, while someone's behaviour in the
block still is (r20a-12 t1); a parking permit asked about beside a complaint is the council's,
said with how to reach them, and kept out of what went wrong (r20a-08 t1, t6); "is that you or the
council?" about it gets the council's parking answer, not the housing register's (t2); the name
typed after the home is not asked for again (t4); typed corrections at the read-back that name
both parts, or the part unquoted, are applied (t7, t9)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tests.conftest import Running
from tests.conversations.test_conversation_repair import conversation
from tests.conversations.test_round_9_forms import READ_BACK

pytestmark = pytest.mark.server

ASB = "anti-social behaviour"
OFFER = "make a formal complaint"
TAKEN = "take the details of your complaint"
PERMIT_ROUTE = "ask for parking permits"
REGISTER = "housing register"


BUZZER = "the door entry buzzer at our block has been broken for five weeks and nobody has come"
TO_THE_READ_BACK = (
    "yes still broken", "no", "fix it", "I'm the tenant, Grace Mensah", "grace@example.net",
    "email", "no",
)  # fmt: skip


def walked_to(say: Callable[[str], str], marker: str, answers: tuple[str, ...]) -> str:
    """A formal complaint taken, answered until the reply holds `marker`: that reply. A door
    entry that is broken must be made safe within 24 hours, and the home's address is asked."""
    reply = say("formal complaint please")
    for answer in answers:
        if marker in reply:
            break
        if "What is the address of the home" in reply:
            reply = say("Flat 9, 3 Elm Court")
        reply = say(answer)
    assert marker in reply
    return reply


@pytest.mark.parametrize(
    "message",
    [
        "I want to complain. The stairs in our block havent been cleaned for 6 weeks and we pay a "
        "service charge for a weekly clean. Bin bags piled up and it stinks of wee on the landing.",
        "paying service charge every month for cleaning and nobody has mopped the communal hall "
        "since october, rubbish everywhere and a horrible smell",
        "Our communal landing has not been cleaned since the start of the month though the "
        "cleaning is in our service charge. There's litter and it smells of urine.",
    ],
)
def test_a_paid_cleaning_not_done_is_offered_a_complaint_not_the_asb_team(
    running: Running, message: str
) -> None:
    """r20a-12 t1: excluded as anti-social behaviour, with "A complaints officer will ...
    decide whether we can take it as a complaint"."""
    _, say = conversation(running)
    reply = say(message)
    assert ASB not in reply
    assert "decide whether we can take it as a complaint" not in reply
    # Offered the choice, or, asked for in so many words, taken straight away.
    assert OFFER in reply or TAKEN in reply


@pytest.mark.parametrize(
    "message",
    [
        "Someone keeps weeing in our stairwell every weekend and the cleaners won't touch it.",
        "the lads from flat 9 are dealing drugs on the landing every night and leave needles on "
        "the stairs, the service charge pays for cleaning but nobody clears them",
    ],
)
def test_someones_behaviour_in_the_block_still_goes_to_the_asb_team(
    running: Running, message: str
) -> None:
    _, say = conversation(running)
    assert ASB in say(message)


PERMIT_BESIDE_A_COMPLAINT = [
    "Two things. 1) the entry buzzer at Larch House has been dead for 3 weeks, the postman cant "
    "get in and nobody came when I rang. 2) I've got a new car, how do I get a residents parking "
    "permit for Larch Road? Thanks",
    "the door entry phone to our block has been broken a month and I have reported it twice and "
    "nobody has come. Also how do I get a residents parking permit?",
]


@pytest.mark.parametrize("message", PERMIT_BESIDE_A_COMPLAINT)
def test_a_permit_question_beside_a_complaint_is_the_councils_and_no_part_of_it(
    running: Running, message: str
) -> None:
    """r20a-08 t1 (the permit question unanswered), t6 (read back in what went wrong)."""
    _, say = conversation(running)
    reply = say(message)
    assert PERMIT_ROUTE in reply
    assert OFFER in reply
    reply = walked_to(say, READ_BACK, TO_THE_READ_BACK)
    went_wrong = reply.split("What went wrong:")[1].split("It is")[0]
    assert "parking" not in went_wrong.lower()
    assert "buzzer" in went_wrong or "entry phone" in went_wrong


@pytest.mark.parametrize(
    "question",
    [
        "Formal complaint please. And you didn't answer about the parking permit - is that you or "
        "the council?",
        "complaint yes. the parking permit tho, is it you lot or the council?",
    ],
)
def test_is_that_you_or_the_council_about_a_permit_gets_the_parking_answer(
    running: Running, question: str
) -> None:
    """r20a-08 t2: got the housing register's text."""
    _, say = conversation(running)
    say(BUZZER)
    reply = say(question)
    assert PERMIT_ROUTE in reply
    assert REGISTER not in reply


@pytest.mark.parametrize(
    "answer",
    [
        "I'm the resident, flat 12 Larch House. Grace Mensah. Email is grace@example.net please",
        "tenant, 4 Alder Court. Tomasz Nowak. email tomasz@example.net",
    ],
)
def test_the_name_after_the_home_is_not_asked_for_again(running: Running, answer: str) -> None:
    """r20a-08 t4: "What name should we use" straight after the name was given."""
    _, say = conversation(running)
    say(BUZZER)
    walked_to(say, "resident, or are you helping", ("yes still broken", "no", "fix the buzzer"))
    assert "What name should we use" not in say(answer)


@pytest.mark.parametrize(
    "typed",
    [
        "now the you would like part should just say: fix the buzzer this week and say sorry",
        "the what you would like bit should say fix the buzzer this week and say sorry",
    ],
)
def test_the_part_named_unquoted_gets_the_words_after_it(running: Running, typed: str) -> None:
    """r20a-08 t9: "Now the you would like part should just say: ..." was stored whole."""
    _, say = conversation(running)
    say(BUZZER)
    walked_to(say, READ_BACK, TO_THE_READ_BACK)
    reply = say(typed)
    assert "You would like: fix the buzzer this week and say sorry" in reply
    assert "should" not in reply.split("You would like:")[1].split("\n")[0]


@pytest.mark.parametrize(
    "typed",
    [
        "Just email rather than phone because of my shifts, that's all",
        "email only please, not phone calls, thats all",
    ],
)
def test_a_change_then_thats_all_at_the_read_back_does_not_stop_the_complaint(
    running: Running, typed: str
) -> None:
    """r20a-08 replayed in round 21: "OK, I've stopped. I have not logged a complaint."."""
    _, say = conversation(running)
    say(BUZZER)
    walked_to(say, READ_BACK, TO_THE_READ_BACK)
    reply = say(typed)
    assert "I have not logged a complaint" not in reply
    assert "I've stopped" not in reply
