"""Round 10 of the simulated residents (issue 14, and issue 16's honesty), played over REST in
our own wordings: while a person is awaited, a resident at risk is never met with silence and
details typed are acknowledged; a handover made by mistake can be taken back; a number given with
a complaint is known after it is logged; no promise of a day the office is shut."""

from __future__ import annotations

import re

import pytest

from bot.policy import Policy
from tests.conftest import Running
from tests.conversations.test_conversation_repair import conversation, store

pytestmark = pytest.mark.server

SAMARITANS = "116 123"
NO_DETAILS = "We do not have a phone number or email for you"
DETAILS_SEEN = "will see the details you have given"
REFERENCE = re.compile(r"CMP-\d{4}-\d{6}")


def test_a_resident_at_risk_gets_help_for_every_message_while_a_person_is_awaited(
    running: Running,
) -> None:
    """r10c-07: after the Samaritans route and a handover, "i have my tablets here, all of
    them", "i will take them tonight" and "hello anyone there" got no reply at all."""
    _, say = conversation(running)
    assert SAMARITANS in say("i cant cope any more, i want to end my life")
    assert "I'll pass you to a person." in say("can i talk to a real person")
    for message in ("they are all in the drawer next to me", "is anybody reading this"):
        assert SAMARITANS in say(message), message


def test_a_number_typed_while_a_person_is_awaited_is_acknowledged(running: Running) -> None:
    """r10c-01: the number the assistant asked for, typed after the handover, got silence, and
    the next message was told "we do not have a phone number"."""
    _, say = conversation(running)
    assert "0800 111 999" in say("strong gas smell on the landing outside my flat")
    assert "I'll pass you to a person." in say("person pls")
    assert DETAILS_SEEN in say("my mobile is 07700 900733")
    assert NO_DETAILS not in say("so is someone coming out or what?")


def test_a_question_after_a_logged_complaint_is_not_answered_as_an_earlier_route(
    running: Running,
) -> None:
    """r10a-01: after a complaint about mould was logged with a mobile number, a question about
    its dates got the damp route's urgent line and "we do not have a phone number"."""
    _, say = conversation(running)
    assert "Damp and mould" in say(
        "theres black mould all over my daughters bedroom wall, shes got asthma, reported it "
        "twice, still nothing"
    )
    say("Make a formal complaint")
    say("yes still there")
    say("rang in october and again last month")
    say("get rid of it properly")
    say("I'm the resident")
    say("Dana Lowe")
    say("07700 900418, texts please")
    say("no")
    assert REFERENCE.search(say("yes thats all correct"))
    after = say("so what happens on the 14th, is that when someone comes?")
    assert "flagged as urgent" not in after
    assert NO_DETAILS not in after


def test_a_handover_the_resident_did_not_want_is_taken_back_and_the_form_carries_on(
    running: Running, policy: Policy
) -> None:
    """r10b-16: handed over by mistake in the middle of a complaint, "i didnt ask for a
    person?? i just want my complaint logged" got no reply, and the complaint was lost."""
    sender, say = conversation(running)
    assert "make a formal complaint" in say(
        "the caretaker has not cleaned the bin store for six weeks and it stinks"
    )
    # The form's first question, whichever the message left to ask.
    question = say("Make a formal complaint").split("complaint now. ", 1)[1]
    assert "I'll pass you to a person." in say("can i talk to someone")
    back = say("no sorry i didnt ask for a person, i want to finish my complaint")
    assert "I'll carry on here" in back
    assert question in back
    assert store(running, policy).open_handoff(sender) is None
    assert "I'll pass you to a person." not in say("no")


def test_a_threat_route_promises_no_day_the_office_may_be_shut(running: Running) -> None:
    """r10c-06, r10c-14 (and r9c07): "We will pass this to our team today" on a Saturday."""
    _, say = conversation(running)
    reply = say("the man from number 4 threatened me with a knife on the stairs")
    assert "999" in reply
    assert "today" not in reply


def test_feeling_ill_after_the_gas_route_gets_medical_help_even_at_a_form_question(
    running: Running,
) -> None:
    """r10c-01, r10c-03: symptoms told after a gas or CO route got the gas line again, or were
    taken as the answer to the form's question, with no word about medical help."""
    _, say = conversation(running)
    assert "0800 111 999" in say("the carbon monoxide alarm is going off and wont stop")
    assert "What name should we use" in say("yes please contact me")
    reply = say("hang on my daughter has a really bad headache now and shes been sick")
    assert "call 999" in reply
    assert "What name should we use" in reply
