"""Round 23: at "Would you like our team to contact you about it?", a no about the danger ("nah
no gas smell") is no answer to the offer; a plain no still is."""

from __future__ import annotations

import pytest

from bot.answers import REQUEST_CONTACT_OFFER, OpenQuestion, understand
from bot.policy import Answer

OFFER = OpenQuestion(REQUEST_CONTACT_OFFER)


@pytest.mark.parametrize(
    "text",
    [
        # Round 23 r23a-05 t2 was told "That's fine. To arrange it, please call us" (office hours).
        "nah no gas smell nothin. can i just take the battery out till u lot come",
        "nope no smell at all, its just beeping",
        "no no gas, just the beeping thing",
    ],
)
def test_a_no_about_the_danger_is_no_answer_to_the_offer(
    answers: dict[str, Answer], text: str
) -> None:
    assert understand(OFFER, text, "deny", [], answers).kind == "question"


@pytest.mark.parametrize("text", ["nah", "no thanks, ill ring you", "nope im fine"])
def test_a_plain_no_still_declines_the_offer(answers: dict[str, Answer], text: str) -> None:
    assert understand(OFFER, text, "deny", [], answers).kind != "question"
