"""Round 9 of the simulated residents (issue 16, point 7), played over REST in our own wordings:
a resident who writes again in their own language after the offer of a person with an
interpreter is handed over, and once a person has the conversation a danger's route does not
ask them to reply "person" again."""

from __future__ import annotations

import pytest

from tests.conftest import Running
from tests.conversations.test_conversation_repair import conversation

pytestmark = pytest.mark.server

HANDOVER = "I'll pass you to a person."
NOT_READ = "This message looks like it is in"


def test_writing_again_in_polish_after_the_interpreter_offer_hands_over(
    running: Running,
) -> None:
    """r9c03: "yes, an Arabic interpreter" in Arabic got the same three messages again."""
    _, say = conversation(running)
    first = say("Dzień dobry, mam problem z oknem w sypialni, nie zamyka się")
    assert NOT_READ in first
    assert HANDOVER not in first
    second = say("tak, proszę tłumacza")
    assert HANDOVER in second
    assert NOT_READ not in second


def test_a_fire_told_in_somali_after_a_handover_is_not_met_with_reply_person(
    running: Running,
) -> None:
    """r9c23: the fire route after a Somali handover still said "reply 'person'"."""
    _, say = conversation(running)
    assert HANDOVER in say("waxaan rabaa inaan la hadlo qof")
    reply = say("qiiq badan ayaa ka imanaya qolka, dabka")
    assert "999" in reply
    assert "'person'" not in reply
