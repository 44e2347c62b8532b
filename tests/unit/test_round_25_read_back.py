"""A part's name typed alone at the read-back chooses that part, whatever the model reads it as:
"who is complaining" was read as asking who the assistant is (round 24 merge), so the resident was
told the assistant is automated and nothing was chosen."""

from __future__ import annotations

import pytest

from bot.answers import OpenQuestion, understand
from bot.policy import Answer

READ_BACK = OpenQuestion("awaiting_confirmation")
STILL_HAPPENING = OpenQuestion("still_happening", "complaint_form")


@pytest.mark.parametrize("text", ["who is complaining", "whos complaining?", "who it's for"])
def test_a_part_named_alone_at_the_read_back_is_chosen_though_read_as_a_bot_challenge(
    text: str,
) -> None:
    understood = understand(READ_BACK, text, "bot_challenge", [], {})
    assert understood.kind == "amend"


@pytest.mark.parametrize("text", ["are you a real person?", "who am i talking to", "is this a bot"])
def test_asking_who_the_assistant_is_at_the_read_back_gets_the_honest_answer_not_a_change(
    text: str,
) -> None:
    understood = understand(READ_BACK, text, "bot_challenge", [], {})
    assert understood.kind == "question" and understood.asks_if_automated


def test_a_part_name_is_no_choice_where_the_read_back_is_not_open() -> None:
    understood = understand(STILL_HAPPENING, "who is complaining", "bot_challenge", [], {})
    assert understood.kind != "amend"


def test_a_light_out_told_at_the_read_back_is_more_of_what_went_wrong(
    answers: dict[str, Answer],
) -> None:
    """The round 25 merge: "and pls note the stair light by the lift is out too" got the dark
    stairs answer and was not added; asked as a question, it is still answered."""
    told = understand(READ_BACK, "and pls note the stair light by the lift is out too", "inform",
                      [], answers)  # fmt: skip
    assert told.answer is None and told.kind != "question"
    asked = understand(READ_BACK, "is it dangerous that the stair light is out?", "enquiry", [],
                       answers)  # fmt: skip
    assert asked.answer is not None and asked.answer.id == "dark_stairs"
