"""Round 9 of the simulated residents (issues 14 and 16), played over REST in our own wordings:
no promise to contact a resident whose number or email we do not hold, and a message in another
language after a handover is not met with silence."""

from __future__ import annotations

import pytest

from tests.conftest import Running
from tests.conversations.test_conversation_repair import conversation

pytestmark = pytest.mark.server

PROMISE = "will contact you"


def test_after_the_gas_route_a_web_chat_with_no_number_is_told_how_to_give_one(
    running: Running,
) -> None:
    """r9b-17, r9c-18: "how will you contact me, you don't have my number?" got "our team will
    contact you as soon as they can" again; a number given then makes the promise true."""
    _, say = conversation(running)
    assert "0800 111 999" in say("there's a strong smell of gas in my kitchen")
    reply = say("we're outside now. how will you contact me, you haven't got my number?")
    assert PROMISE not in reply
    assert "type your phone number or email" in reply
    assert "0300 000 0999" in reply


def test_water_from_a_light_told_in_arabic_after_a_handover_gets_the_help_open_now(
    running: Running,
) -> None:
    """r9b-08: after a handover, water coming from the ceiling light in Arabic got no reply at
    all, while the same in English got the route."""
    _, say = conversation(running)
    assert "I'll pass you to a person." in say("can I speak to a person please")
    reply = say("الماء ينزل من مصباح السقف والضوء يومض")
    assert "999" in reply
    assert "0300 000 0999" in reply
    # Round 19: the Arabic words for a lamp make it the electrical danger it is, with its route
    # (before, the general "If anyone is in danger, call 999 now.").
    assert "Do not touch it." in reply
