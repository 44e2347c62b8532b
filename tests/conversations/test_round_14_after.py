"""Round 14 of the simulated residents (issue 16), played over REST in our own wordings: Stage 2
asked for and lost, Stage 2 where none was asked, carrying on beside a person, and leaving and
coming back."""

from __future__ import annotations

import pytest

from bot.policy import Policy
from tests.conftest import Running
from tests.conversations.test_conversation_repair import conversation, store
from tests.conversations.test_round_9_form_danger import to_the_read_back

pytestmark = pytest.mark.server

IDENTITY_QUESTION = "email address or phone number you gave us"
GOODBYE = "Thank you for getting in touch. Goodbye."


@pytest.mark.parametrize(
    "message",
    [
        "I need complaint CMP-2026-000061 moved up to stage 2 and a date for the answer, thats all",
        "what?? not done yet. stage two please, ref CMP-2026-000062",
    ],
)
def test_stage_2_asked_for_with_its_reference_is_taken(running: Running, message: str) -> None:
    """r14a-05 (serious): "I want my complaint CMP-... put to stage 2 and a date ..., thats all"
    got "Goodbye", and "what?? ... stage 2 please. reference CMP-..." the general Stage 2 text
    ending "When you want Stage 2, tell me"."""
    _, say = conversation(running)
    reply = say(message)
    assert IDENTITY_QUESTION in reply
    assert GOODBYE not in reply
    assert "When you want Stage 2" not in reply


def test_a_stage_2_request_passed_on_is_said_to_be_and_not_asked_for_again(
    running: Running,
) -> None:
    """r14a-05 (serious): "so is my stage 2 request actually logged or not?" got "No, I have not
    logged a complaint in this conversation"; r14d-15: "When should we expect the stage 2
    answer?" got "When you want Stage 2, tell me"."""
    _, say = conversation(running)
    say("I want my complaint to go to stage 2, the stage 1 reply was useless")
    say("its CMP-2026-000071")
    assert "I'll pass you to a person" in say("maybe 07700 900 777 or my old email, not sure")
    logged = say("so has my stage 2 request been logged or not?")
    assert "I have passed your request for Stage 2 on" in logged
    assert "I have not logged a complaint" not in logged
    again = say("i told you already!! CMP-2026-000071 i want stage 2")
    assert "You have asked for Stage 2, and I have passed your request on" in again
    say("carry on here")
    when = say("what is stage 2 and when should i expect the stage 2 answer?")
    assert "You have asked for Stage 2" in when
    assert "When you want Stage 2" not in when


def test_carrying_on_here_keeps_the_person_asked_for(running: Running, policy: Policy) -> None:
    """r14a-13 (serious): "carry on here then. complaint about the damp", offered by the handover
    until a person picks up, said "Nobody will pick this up now"."""
    sender, say = conversation(running)
    assert "I'll pass you to a person" in say("can i talk to someone about the damp in my flat")
    back = say("carry on here then. complaint about the damp")
    assert "A member of our team will still read this conversation" in back
    assert "Nobody will pick this up" not in back
    assert store(running, policy).open_handoff(sender) is not None


def test_dont_bother_cancel_that_cancels_the_person(running: Running, policy: Policy) -> None:
    """r14d-03: "actually nah dont bother, ill just wait for the answer. cancel that" kept the
    handover and said a person will read this."""
    sender, say = conversation(running)
    assert "I'll pass you to a person" in say("can i talk to an actual person please")
    back = say("no actually dont bother, ill wait for the letter. cancel that")
    assert "Nobody will pick this up" in back
    assert store(running, policy).open_handoff(sender) is None


def test_adding_to_a_complaint_goes_to_a_person_not_to_stage_2(
    running: Running, policy: Policy
) -> None:
    """r14a-16 (serious): "can i add something to it, the mould has now spread to my sons room"
    about an open complaint started a Stage 2 request she never asked for."""
    sender, say = conversation(running)
    reply = say(
        "hi theres a complaint in already, CMP-2026-000140. could i add something to it? the "
        "leak has now come through the hall ceiling"
    )
    assert "add this to your complaint CMP-2026-000140" in reply
    assert "I'll pass you to a person" in reply
    assert "Stage 2" not in reply and IDENTITY_QUESTION not in reply
    assert store(running, policy).open_handoff(sender) is not None


def test_leaving_to_ring_on_monday_then_coming_back_starts_the_complaint(
    running: Running,
) -> None:
    """r14d-10: "i cba with this now, ill just ring u monday" was not taken as leaving, and
    coming back ("changed my mind lets do the bins complaint after all") was told it "has
    already been looked at in full" (serious)."""
    _, say = conversation(running)
    say("the bins at my block havent been emptied for 3 weeks and there are rats, formal complaint")
    left = say("ugh cba with this now, ill just ring you monday")
    assert "I have not logged a complaint" in left
    back = say("ok changed my mind lets do the bin complaint after all, still not collected")
    assert "already been looked at" not in back
    assert "details of your complaint" in back


def test_more_than_no_with_nothing_open_is_no_goodbye(running: Running) -> None:
    """r14d-13: "so will someone chase it or not" after leaving the form got "Goodbye"."""
    _, say = conversation(running)
    say(
        "my shower has been broken 2 weeks and they keep cancelling the plumber, i want to complain"
    )
    say("actually i dont want a formal complaint, cancel")
    assert GOODBYE not in say("so is anyone going to chase it or not")


def test_a_complaint_made_by_phone_the_chat_cannot_see_is_not_said_to_carry_on(
    running: Running,
) -> None:
    """r14a-10 (serious): a phone complaint never acknowledged, with no reference, was told "The
    complaint you already made carries on"."""
    _, say = conversation(running)
    say(
        "Evening. I complained by phone about a month ago about the broken lift in my block and "
        "never heard a thing, not even an acknowledgement. How long should you take?"
    )
    reply = say("I have already complained! Please answer - how long are you meant to take?")
    assert "carries on" not in reply
    assert "I can't see complaints made by phone or letter" in reply


def test_log_it_now_while_a_person_is_awaited_logs_the_summary_read_back(
    running: Running, policy: Policy
) -> None:
    """r14c-11: after asking for a person at the read-back, "i said its right. log it now
    please" was told to say "carry on here" first."""
    sender, say = conversation(running)
    to_the_read_back(say)
    assert "I'll pass you to a person" in say("can i talk to a real person about it")
    logged = say("but its right, log it now please and the person can ring me on monday")
    assert "Your complaint is logged" in logged
    assert store(running, policy).open_handoff(sender) is not None


def test_log_it_after_all_with_the_same_details_is_the_complaint_not_a_request(
    running: Running,
) -> None:
    """r14d-16 (serious): after "forget it", "sorry he's changed his mind again, log it now pls,
    same details" was noted as a request for our team, and the complaint was lost."""
    _, say = conversation(running)
    say("caller Mrs J Obi re mould in bedroom, 3rd report, nobody came, wants a formal complaint")
    assert "I have not logged a complaint" in say("caller says forget it, she will ring back")
    back = say("sorry she has changed her mind again, log it now please, same details")
    assert "noted this as a request" not in back
    assert "details of your complaint" in back
