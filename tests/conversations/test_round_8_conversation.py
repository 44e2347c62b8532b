"""Round 8 of the simulated residents (issue 16), played over REST in our own wordings: a
request for a person in another language is handed over once; a number corrected at the
read-back replaces the number; a correction that named no part is kept for the part then
chosen."""

from __future__ import annotations

import pytest

from tests.conftest import Running
from tests.conversations.test_conversation_repair import conversation

pytestmark = pytest.mark.server

HANDOVER = "I'll pass you to a person."


def test_a_person_asked_for_in_romanian_is_handed_over_once(running: Running) -> None:
    """r8b-08, r8c-01, r8c-03: the handover was said five times in one reply."""
    _, say = conversation(running)
    reply = say("Bună ziua, vreau să vorbesc cu o persoană, nu cu un robot. Nu am apă caldă.")
    assert reply.count(HANDOVER) == 1


def test_a_person_asked_for_in_polish_after_a_first_message_is_handed_over_once(
    running: Running,
) -> None:
    _, say = conversation(running)
    say("Dzień dobry, w łazience cieknie kran od tygodnia.")
    reply = say("proszę o rozmowę z pracownikiem")
    assert reply.count(HANDOVER) == 1


def to_the_read_back(say: object) -> str:
    """A complaint typed in text-speak up to its read-back."""
    assert callable(say)
    say("phoned u 3 times bout the leak under my sink, nobody come. fed up")
    for answer in ("/affirm", "/affirm", "/deny", '/choose{"choice": "Fix the problem"}'):
        say(answer)
    say('/choose{"choice": "resident"}')
    say("dee okoro")
    say("07700 900321 txt pls")
    return str(say("no"))


def test_a_number_and_a_name_corrected_in_one_sentence_at_the_read_back(
    running: Running,
) -> None:
    """r8a-02: "rang 5 times not 4" read back "rang u times times", the capitals lost."""
    _, say = conversation(running)
    assert "phoned u 3 times" in to_the_read_back(say)
    corrected = say("almost, its Dee Okoro with capitals and i actually phoned 6 times not 3")
    assert "phoned u 6 times bout the leak" in corrected
    assert "times times" not in corrected
    assert "We will contact Dee Okoro" in corrected


def test_a_correction_that_names_no_part_goes_to_the_part_then_chosen(running: Running) -> None:
    """Issue 16's left-over: the words typed before "Which part would you like to change?"
    were dropped, and the part's question asked again."""
    _, say = conversation(running)
    to_the_read_back(say)
    assert "Which part would you like to change?" in say(
        "not quite. the pipe is dripping into the cupboard"
    )
    corrected = say('/correct_definition{"definition_part": "aspects"}')
    assert "The pipe is dripping into the cupboard" in corrected.split("What went wrong:")[1]
    assert "Is that right?" in corrected
    assert "in your own words" not in corrected
