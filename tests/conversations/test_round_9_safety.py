"""Round 9's safety false alarms and misses over REST, in our own wordings: the question fits the
danger in doubt, a repair that only sounds risky gets no route, and fear of someone at the door
after an anti-social behaviour report gets the domestic abuse helpline."""

from __future__ import annotations

import pytest

from tests.conftest import Running
from tests.conversations.test_safety_conversation import (
    GAS,
    ROUTE_WORDS,
    SAFETY_QUESTION,
    new_sender,
    said,
    urgency_stored,
)

pytestmark = pytest.mark.server


# "lying there" is read as a body lying (`medical_words` holds "lying"), and the detector is sure
# of a medical emergency: dropping the word needs a retrained model, after this round's deadline.
STILL_ROUTED = pytest.mark.xfail(strict=True, reason="'lying there' is a medical word")


@pytest.mark.parametrize(
    "text",
    [
        "the panel down the side of the bath has come away and the edge is sharp, my toddler "
        "keeps grabbing it, can someone come",
        pytest.param(
            "the fence at the bottom of the garden fell over in the gales and it's still lying "
            "there, my husband can't lift it with his back", marks=STILL_ROUTED,
        ),
    ],
)  # fmt: skip
def test_a_repair_that_only_sounds_risky_gets_no_route_and_no_gas_line(
    running: Running, text: str
) -> None:
    sender = new_sender()
    reply = said(running.servers.say(sender, text))
    assert urgency_stored(running, sender) in ([], [[]]), reply
    assert GAS not in reply


def test_water_said_to_be_nowhere_near_the_lights_gets_no_fuse_box_advice(
    running: Running,
) -> None:
    reply = said(
        running.servers.say(
            new_sender(), "my mums bathroom ceiling is dripping since this morning, from the "
            "flat above. it's nowhere near any of the lights"
        )
    )  # fmt: skip
    assert ROUTE_WORDS["electrical_danger"] not in reply


def test_fear_of_an_ex_at_the_door_after_an_asb_report_gets_the_abuse_helpline(
    running: Running,
) -> None:
    sender = new_sender()
    running.servers.say(sender, "I want to report anti social behaviour please")
    reply = said(
        running.servers.say(
            sender, "my ex turned up at 1am hammering on the door, I'm scared he'll be back tonight"
        )
    )
    assert ROUTE_WORDS["domestic_abuse"] in reply
    assert SAFETY_QUESTION not in reply


def test_the_safety_question_about_gas_says_what_to_do_about_gas(running: Running) -> None:
    reply = said(
        running.servers.say(
            new_sender(), "the cooker door has come off its hinge, there's no smell of gas though"
        )
    )
    assert SAFETY_QUESTION in reply and GAS in reply
