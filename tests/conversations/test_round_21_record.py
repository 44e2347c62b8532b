"""Round 20's questions about the resident's own record, played over REST in our own wordings:
"what have you got down for me?", "is the fan still on there?" and "is that for the cupboard AND
the gate or just one?" read back each request and matter put right, in the resident's words, with
the contact details and the date given (r20a-07 t5-t6, r20a-06 t4); "whose name is the job under?"
gets the name and number held, never "No, I have not logged a complaint" or the offer to complain
(r20a-02 t5-t7); leaving unhappy gets a sorry, the choice to complain and a person, and a plain
goodbye stays a goodbye (r20a-06 t6)."""

from __future__ import annotations

import pytest

from tests.conftest import Running
from tests.conversations.test_conversation_repair import conversation

pytestmark = pytest.mark.server

CANT_ANSWER = "I can't answer that one"
NO_COMPLAINT = "have not logged a complaint"
OFFER = "make a formal complaint"
READ_BACK = "Here is what I have noted for our team"


@pytest.mark.parametrize(
    "typed",
    [
        "is the fan still on there or do i need to tell you again?",
        "have you got both of those down?",
        "can you read me back what you've got down for me please",
    ],
)
def test_two_requests_are_read_back_with_the_details_and_the_date(
    running: Running, typed: str
) -> None:
    """r20a-07 t5-t6: "is the back door lock still on there as well?" and "can you just tell me
    what you have written down for me" got "I can't answer that one myself"."""
    _, say = conversation(running)
    # The job is at the home, so its address is given as residents do (round 24: a job naming
    # no part of the home is asked it too).
    say(
        "the bathroom extractor fan has stopped working, the room steams up every morning. "
        "its 6 Fern Close"
    )
    assert "07700 900611" in say("yes please text me on 07700 900611, I'm Lena Hart")
    say("also the front gate won't shut properly, it bangs all night in the wind")
    reply = say(typed)
    assert READ_BACK in reply
    assert "extractor fan has stopped working" in reply
    assert "front gate won't shut properly" in reply
    assert "text message (07700 900611) by " in reply
    assert "Lena Hart" in reply
    assert CANT_ANSWER not in reply and NO_COMPLAINT not in reply


def test_a_matter_put_right_without_a_complaint_is_read_back_beside_the_request(
    running: Running,
) -> None:
    """r20a-07 t6: the damp passed on as a repair after the choice to complain."""
    _, say = conversation(running)
    say("my kitchen tap is dripping constantly")
    assert OFFER in say(
        "yes ring me on 07700 900622, Sam Reid. and the mould in the bedroom is back again, "
        "nobody came when I reported it in september and im fed up"
    )
    say("no just get it fixed please, no complaint")
    reply = say("what have you written down for me?")
    assert "my kitchen tap is dripping constantly" in reply
    assert 'without a formal complaint: "the mould in the bedroom is back again' in reply
    # The number and name said beside the problem are contact details, not the problem.
    assert '"yes' not in reply
    assert "Sam Reid" in reply and "07700 900622" in reply


def test_two_things_in_one_message_are_both_read_back(running: Running) -> None:
    """r20a-06 t4: "is that for the cupboard door AND the alarm or just one?"."""
    _, say = conversation(running)
    say(
        "hiya the kitchen cupboard door has come off its hinge again. also the front gate wont "
        "latch so it bangs all night"
    )
    say("yes text me 07700 900812 im Jade")
    reply = say("is that for the cupboard AND the gate or just one?")
    assert "kitchen cupboard door has come off its hinge" in reply
    assert "front gate wont latch" in reply
    assert "Everything in that message is noted together" in reply
    assert CANT_ANSWER not in reply


@pytest.mark.parametrize(
    "typed",
    [
        "whose name is the job under?",
        "is it logged under his name or mine?",
        "no complaint. just confirm the name on the job please",
    ],
)
def test_the_name_on_the_job_is_said_to_a_call_handler(running: Running, typed: str) -> None:
    """r20a-02 t5-t7: "is the callback logged under her name or mine" got "No, I have not
    logged a complaint", then the offer to complain."""
    _, say = conversation(running)
    first = say(
        "CH: T reporting the kitchen cupboard door hanging off, T is Joy Adebayo 07700 900531, "
        "9 Poplar Avenue"
    )
    assert "07700 900531" in first
    reply = say(typed)
    assert "under the name Joy Adebayo" in reply and "07700 900531" in reply
    assert NO_COMPLAINT not in reply and OFFER not in reply


@pytest.mark.parametrize(
    ("first", "leaving"),
    [
        ("how do i pay my rent", "this is a waste of time, bye"),
        ("how do i pay my rent", "this bot is useless tbh 🙄 bye"),
        # Leaving at the offer to contact them: no question is left waiting.
        ("my kitchen tap is dripping constantly", "pointless talking to a robot tbh, bye"),
    ],
)
def test_leaving_unhappy_gets_a_sorry_and_the_choice_to_complain(
    running: Running, first: str, leaving: str
) -> None:
    """r20a-06 t6: "this bot is useless tbh 🙄 bye" got only "Goodbye"."""
    _, say = conversation(running)
    say(first)
    reply = say(leaving)
    assert "sorry" in reply.lower()
    assert "make a complaint" in reply
    assert "talk to a person" in reply
    assert "Goodbye" in reply
    assert "What would you like to do?" not in reply


def test_a_plain_goodbye_stays_a_goodbye(running: Running) -> None:
    _, say = conversation(running)
    say("how do i pay my rent")
    reply = say("ok thanks, bye")
    assert "Goodbye" in reply
    assert "sorry" not in reply.lower() and "complaint" not in reply
