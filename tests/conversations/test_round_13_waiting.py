"""Round 13 (r13c-02), in our own wording, played over REST: a resident who takes a handover
back with "carry on here" and tells her problem in the same message is never met with silence
afterwards."""

from __future__ import annotations

import pytest

from tests.conftest import Running
from tests.conversations.test_conversation_repair import conversation

pytestmark = pytest.mark.server


def test_after_carrying_on_here_every_message_gets_a_reply(running: Running) -> None:
    _, say = conversation(running)
    say("no heating since friday and i have a baby of 3 months")
    assert "pass you to a person" in say("complaint yes. you have polish person? my english little")
    say("ok carry on here. radiator broken, i rang two times, they say wait. baby cold")
    for message in (
        "i say yes complaint. my number 07911 223345",
        "so is complaint made? what happen now",
        "hello?? i want make complaint about radiator",
    ):
        assert say(message).strip(), message
