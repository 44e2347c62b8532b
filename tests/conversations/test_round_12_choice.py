"""Round 12 of the simulated residents (issue 16), played over REST in our own wordings: the
complaint-or-put-right choice, a person asked for without leaving, a complaint taken back inside
the form, Stage 2 after "carry on here" and at the choice, and the emergency repairs line for
"who do I ring tonight?"."""

from __future__ import annotations

import pytest

from bot.policy import Policy
from tests.conftest import Running
from tests.conversations.test_complaint_conversation import logged_complaint
from tests.conversations.test_conversation_repair import conversation, store

pytestmark = pytest.mark.server

PUT_RIGHT = "without a formal complaint. You can still make a complaint"
FORM_STARTED = "take the details of your complaint"
HANDED_OVER = "I'll pass you to a person."
LEAK = "the roof over my mums back bedroom has been leaking for a month, water on her bed"


def test_asking_to_be_rung_mid_form_hands_over_with_the_complaint_kept(running: Running) -> None:
    """r12d-15: "can someone actually ring me, i dont want to do this on here" was taken as
    leaving: "I have not logged a complaint", and no handover."""
    _, say = conversation(running)
    say("the kitchen extractor has been broken since august and there is black mould everywhere")
    assert FORM_STARTED in say("formal complaint")
    reply = say(
        "yes i reported it in august, job 55120. could somebody just phone me, i don't want to "
        "do this on here"
    )
    assert HANDED_OVER in reply
    assert "kept what you told me about your complaint" in reply
    assert "I have not logged a complaint" not in reply


@pytest.mark.parametrize(
    ("problem", "answer", "said", "not_said"),
    [
        # r12a-08: "Nobody in immediate danger no. Formal complaint please" was put right.
        (
            LEAK,
            "Nobody is in any danger no. A formal complaint please. She knows I'm writing",
            FORM_STARTED,
            PUT_RIGHT,
        ),
        # r12d-14: "no. talk to a person pls" logged a put-it-right request with a callback.
        (
            "the bins area behind our block hasnt been cleared for three weeks and it stinks",
            "no. speak to a person please",
            HANDED_OVER,
            PUT_RIGHT,
        ),
        # r12a-07: "make a complant. will i get taken to court over the arrears?" dropped the
        # choice.
        (
            "i got a letter saying i owe 400 rent but i paid it, and nobody rings me back",
            "i want to make a complant. can they evict me over the arrears while it goes on?",
            FORM_STARTED,
            "What would you like to do?",
        ),
        # r12d-18: "I just need the door fixed ... how long will it take?" got the complaint
        # timescales.
        (
            "my back gate has been hanging off since the storm 2 weeks ago and i reported it twice",
            "I just need the gate fixed. email is fine, sam.k@example.org. how long will it take?",
            "How soon we fix it depends on the repair",
            "Our complaints process has two stages",
        ),
    ],
)
def test_the_answer_to_the_choice_is_read_as_meant(
    running: Running, problem: str, answer: str, said: str, not_said: str
) -> None:
    _, say = conversation(running)
    say(problem)
    reply = say(answer)
    assert said in reply
    assert not_said not in reply


@pytest.mark.parametrize(
    ("answer", "said"),
    [
        # r12a-06: "I don't really want a formal complaint, I just want it cleaned, can you pass
        # it on" was ignored and the same question asked again.
        (
            "It's not been reported before, no. To be honest I don't really want a formal "
            "complaint after all, I just want it cleaned. Could you just pass it on?",
            PUT_RIGHT,
        ),
        # r12a-06: "no. and I don't want a formal complaint any more please" went on.
        ("no, and I don't want a formal complaint any more", "I have not logged a complaint"),
    ],
)
def test_taking_the_complaint_back_mid_form_is_heard(
    running: Running, answer: str, said: str
) -> None:
    _, say = conversation(running)
    say("the communal hallway carpet is filthy, nobody has cleaned it since october")
    assert FORM_STARTED in say("formal complaint")
    reply = say(answer)
    assert said in reply
    assert "What would you like us to do" not in reply


def test_the_old_complaint_to_stage_2_at_the_choice_is_a_stage_2_request(
    running: Running, policy: Policy
) -> None:
    """r12d-01: "no i dont want a NEW complaint i want my old one CMP-... to go to stage 2" was
    read as "no" and logged a put-it-right request."""
    earlier = logged_complaint(store(running, policy), "Pat Moss", "pat.moss@example.org")
    _, say = conversation(running)
    say("nobody has got back to me and the lift in my block is still broken, this is a joke")
    reply = say(
        f"no I dont want a NEW complaint, I want my old one {earlier.reference} taken to stage 2"
    )
    assert PUT_RIGHT not in reply
    assert "Stage 2" in reply


def test_after_carrying_on_here_the_stage_2_request_is_said_to_stand(running: Running) -> None:
    """r12d-01: "is my stage 2 still going ahead?" after "carry on here" got a new-complaint
    offer."""
    _, say = conversation(running)
    say("I want my complaint CMP-2026-999931 to go to stage 2 please")
    assert HANDED_OVER in say("my email is lee.h@example.org")
    say("carry on here")
    reply = say("hang on so is my stage 2 still happening or did I just cancel it?")
    assert "passed your request for Stage 2 on" in reply
    assert "What would you like to do?" not in reply
    assert "can't answer that one" not in reply


@pytest.mark.parametrize(
    "question",
    [
        "my nan is 88 and the heating has gone off, who can we call on a sunday?",
        "the lift is broken and my grandad is stuck on the 8th floor in his wheelchair, who do I "
        "phone tonight?",
        "is anybody coming out today or do i have to ring someone?",
    ],
)
def test_who_to_ring_tonight_gets_the_emergency_repairs_line(
    running: Running, question: str
) -> None:
    """r12a-05, r12c-06, r12d-09, r12d-18: "who do I ring tonight?" never got the line."""
    reply = conversation(running)[1](question)
    assert "call 0300 000 0999 at any time" in reply
    assert "can't answer that one" not in reply


def test_how_long_after_choosing_to_have_it_put_right_is_about_the_repair(
    running: Running,
) -> None:
    """r12d-18: "how long will it take?" about the door got the complaint timescales; asked on
    its own after the put-right choice, it is still about the repair."""
    _, say = conversation(running)
    say("my back gate has been hanging off since the storm 2 weeks ago and i reported it twice")
    say("Put it right without a complaint")
    say("No, I'll call")
    reply = say("ok. and how long will it take?")
    assert "How soon we fix it depends on the repair" in reply
    assert "Our complaints process has two stages" not in reply
