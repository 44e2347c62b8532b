"""Round 9 of the simulated residents (issue 16), played over REST in our own wordings: common
questions get the landlord's answer with its route, and putting it right without a complaint
notes the repair instead of only stopping."""

from __future__ import annotations

import pytest

from bot.policy import Policy
from tests.conftest import Running
from tests.conversations.test_conversation_repair import conversation, requests_of

pytestmark = pytest.mark.server

CANNOT_ANSWER = "can't answer that one"
PHONE = "0300 000 0000"


@pytest.mark.parametrize(
    ("question", "answer"),
    [
        # r9a-17: only the general number, after "I can't answer that one myself".
        ("how can i get in touch with the rent team", f"rent team on {PHONE}"),
        # r9c24: the rent team for a statement that is wrong, not how to pay.
        (
            "my rent statement says i owe 250 but i paid it all by direct debit. who should i "
            "talk to?",
            f"rent team on {PHONE}",
        ),
        # r9b-19: the first stage and its timescale.
        (
            "thanks for that. how does stage 1 work, how long have you got to answer me?",
            "within 10 working days",
        ),
        # r9b-23: what comes after an answer the resident is not happy with.
        ("and if I'm unhappy with the reply when it comes, what next?", "ask for Stage 2"),
        # r9c14: the Christmas hours, not only the usual ones.
        ("what are your opening hours over the christmas holidays", "closed on bank holidays"),
        # r9c12: text-speak was noted as a repair request.
        ("pls cn u tell me wot stage 2 is", "second and final stage"),
        # r9c27: where the stopcock usually is.
        ("where would the stopcock normally be?", "under the kitchen sink"),
        # Round 10: r10b-27, r10b-28, r10b-32 (a Stage 2 request was started from it).
        ("are you open on 24 december?", "closed on bank holidays"),
        ("does the survey count as a complaint", "not a complaint"),
        ("wot do i do if the stage 1 answer is rubbish", "ask for Stage 2: just tell me"),
    ],
)
def test_round_9_questions_get_the_landlords_answer_with_its_route(
    running: Running, question: str, answer: str
) -> None:
    _, say = conversation(running)
    reply = say(question)
    assert answer in reply
    assert CANNOT_ANSWER not in reply
    assert "noted this as a request" not in reply


def test_a_statement_that_is_wrong_gets_the_rent_team_not_how_to_pay(running: Running) -> None:
    """r9c24: "I owe 300 but I paid it all by direct debit" got the ways to pay."""
    _, say = conversation(running)
    reply = say("statement says I owe 300 but I paid it all by direct debit, who do I speak to?")
    assert f"rent team on {PHONE}" in reply
    assert "by standing order" not in reply


def test_what_resident_means_is_answered_at_the_form_question(running: Running) -> None:
    """r9a-16: "what mean resident?" in the complaint form got "I can't answer that one"."""
    _, say = conversation(running)
    say("I want to complain about the damp in my bedroom, nobody came")
    for answer in ("/affirm", "/deny", '/choose{"choice": "Fix the problem"}'):
        say(answer)
    reply = say("what mean resident? i live there with my kids")
    assert "the person who lives in the home" in reply
    assert CANNOT_ANSWER not in reply


def test_a_question_said_with_neither_at_the_choice_is_answered(running: Running) -> None:
    """r9b-14: "neither i just want to know who deals with moving to a bigger house" got "OK,
    I've stopped" and no answer."""
    _, say = conversation(running)
    assert "What would you like to do?" in say("the council sent me to you and nobody helps")
    reply = say("neither i just want to know who deals with moving to a bigger house")
    assert "lettings team" in reply


def test_thanks_in_text_speak_is_thanks(running: Running) -> None:
    """r9b-04: "kk ta" got "Sorry, I can only help with your home"."""
    _, say = conversation(running)
    say("hi")
    reply = say("kk ta")
    assert "You're welcome" in reply
    assert "only help with your home" not in reply


@pytest.mark.parametrize(
    ("first", "choosing"),
    [
        # r9b-24: chose to have it put right, got "OK, I've stopped" and nothing noted.
        (
            "the damp in my bedroom is back and your man never came back, fed up",
            "I'll just have it put right without a complaint.",
        ),
        # r9c11: the repair and where it is were asked for again.
        (
            "i'm not happy, the stairs light is still out and nobody has come",
            "nah forget the complaint. can u just get the stairs light fixed, block C Ash Court",
        ),
    ],
)
def test_putting_it_right_at_the_offer_notes_the_repair(
    running: Running, policy: Policy, first: str, choosing: str
) -> None:
    sender, say = conversation(running)
    assert "What would you like to do?" in say(first)
    reply = say(choosing)
    assert "put it right, without a formal complaint" in reply
    assert "I've stopped" not in reply
    assert "tell me what needs fixing" not in reply
    assert "contact you about it" in reply
    [request] = requests_of(running, policy, sender)
    assert first in request.description


def test_leaving_the_complaint_form_for_the_repair_notes_the_repair(
    running: Running, policy: Policy
) -> None:
    """r9a-05: "forget the complaint, I just want the lock fixed" stopped the form and noted
    nothing until the resident asked again."""
    sender, say = conversation(running)
    say("the back door lock is broken and nobody came when i reported it, really annoyed")
    assert "Is this still happening" in say("Make a formal complaint")
    reply = say("actually forget the complaint, i just want the lock fixed, cant be bothered")
    assert "put it right, without a formal complaint" in reply
    assert "contact you about it" in reply
    [request] = requests_of(running, policy, sender)
    assert "just want the lock fixed" in request.description


TRIBUNAL = "First-tier Tribunal"


def test_a_rent_rise_complaint_names_the_tribunal_once(running: Running) -> None:
    """r9b-10, r9c11: the rent answer and the rent exclusion's explanation said the same
    thing twice in one reply."""
    _, say = conversation(running)
    reply = say(
        "ANOTHER rent increase?? 12 pound a week more from april and nothing gets fixed. i want "
        "to complain about the increase"
    )
    assert reply.count(TRIBUNAL) == 1
    # The rent answer is left out beside the rent exclusion's explanation (answers.yml ground).
    assert "rent team on" not in reply
    assert "What would you like to do?" in reply


def test_a_question_before_also_is_answered_beside_the_rent_rise(running: Running) -> None:
    """r9c11: "how do i pay my rent, also the rent has gone up..." answered one of the two."""
    _, say = conversation(running)
    reply = say(
        "hiya how do i pay my rent, also the rent has gone up 30 quid a month which is a joke"
    )
    assert "by Direct Debit" in reply
    assert "rent team on" in reply


def test_a_call_handlers_note_of_repairs_and_a_question_is_noted_and_answered(
    running: Running,
) -> None:
    """r9c14: a note of two repairs and the Christmas hours got one generic "noted" line."""
    _, say = conversation(running)
    reply = say(
        "Caller: Mr T. Okafor, 22 Birch Close. (1) smoke alarm beeping all the time, (2) fence "
        "panel down since the storm, (3) wants to know office hours over Christmas. Not a "
        "complaint."
    )
    assert "noted this as a request" in reply
    assert "closed on bank holidays" in reply


def test_unhappiness_supposed_in_a_question_gets_the_answer_not_the_choice(
    running: Running,
) -> None:
    """r9b-23: "if I'm not happy with the answer when it comes, what then?"."""
    _, say = conversation(running)
    reply = say("and if I'm unhappy with the reply when it comes, what next?")
    assert "ask for Stage 2" in reply
    assert "What would you like to do?" not in reply


def test_a_support_worker_finding_out_how_to_reach_the_asb_team(running: Running) -> None:
    """r9b-22: the question was noted as a request; passing the number on got a further offer."""
    _, say = conversation(running)
    reply = say(
        "Hi, I support one of your tenants, Mrs Bell at 2 Ash Court. She asked me to find out "
        "how to contact the ASB team."
    )
    assert f"ASB team on {PHONE}" in reply
    assert "noted this as a request" not in reply
    closing = say("No thanks, I'll pass her the number and she can ring them herself.")
    assert "You're welcome" in closing
    assert CANNOT_ANSWER not in closing


def test_asking_to_take_a_complaint_further_is_not_told_how_to_ask(running: Running) -> None:
    """r9b-27: the reply said how to ask for Stage 2 while passing the request on, and the
    Ombudsman twice."""
    _, say = conversation(running)
    reply = say(
        "Hello, my complaint answer came last week and I think it's unfair. How do I take it "
        "further? I've lost the reference."
    )
    assert "A complaints officer will find it" in reply
    assert "ask for Stage 2: just tell me" not in reply
    assert reply.count("0300 111 3000") == 1


def test_a_long_asb_message_with_rude_staff_offers_the_choice(running: Running) -> None:
    """r9a-12: "When I rang about it the woman on the phone was rude" made the whole message a
    question about the ASB team: the rude staff member got no choice."""
    _, say = conversation(running)
    reply = say(
        "The people above me play loud music until 4am every night and I think they deal drugs "
        "from there. The lights in the stairwell have been out for three weeks and I nearly "
        "fell. When I rang about it the woman on the phone was really rude to me."
    )
    assert "What would you like to do?" in reply


def test_a_handler_turning_down_the_complaint_for_the_repair_gets_it_logged(
    running: Running, policy: Policy
) -> None:
    """r10b-12 (SERIOUS): "she doesnt want to complain, just needs it fixed asap ... her mob
    07700 900118" got "OK, I've stopped. I have not logged a complaint", the repair dropped."""
    sender, say = conversation(running)
    say(
        "Caller T at 9 Elm Rd. no hot water 3 days, toddler + T is 7 months pregnant. boiler "
        "shows a fault code. not reported before"
    )
    reply = say(
        "no she doesnt want to complain, just needs it fixed asap, can u log it. her mob "
        "07700 900118"
    )
    assert "I've stopped" not in reply
    assert "put it right, without a formal complaint" in reply
    assert "07700 900118" in reply
    assert requests_of(running, policy, sender)


def test_a_resident_with_a_complaint_already_is_not_told_none_was_logged(
    running: Running,
) -> None:
    """r10a-21, r10a-24: "I've already made the complaint. I'm asking what I can do if I'm not
    happy" got "I have not logged a complaint" straight after one was logged."""
    _, say = conversation(running)
    assert "What would you like to do?" in say("my housing officer never replies to my emails")
    reply = say(
        "no I've already made the complaint. I'm asking what I can do if I'm not happy with "
        "your answer"
    )
    assert "I have not logged a complaint" not in reply
    assert "not started a new complaint" in reply
    assert "ask for Stage 2" in reply


def test_the_council_doing_nothing_is_answered_beside_the_asb_report(running: Running) -> None:
    """r9a-28: "the council not doing anything" was not addressed until asked again."""
    _, say = conversation(running)
    reply = say(
        "hello i want to complain about my neighbours dog barking all day and the council doing "
        "nothing about it"
    )
    assert "anti-social behaviour team" in reply
    assert "another body looks after" in reply
