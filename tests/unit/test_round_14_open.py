"""Round 14 turns left open after its merge, read by the policy's rules and the answer readers: a
language named in any of the ways people say it is an interpreter need, a bite from vermin needs
medical advice, and a person asked for in so many words beside a repair is a request for a
person."""

from __future__ import annotations

import pytest

from bot.answers import wants_a_person_now
from tests.unit.conftest import Match


@pytest.mark.parametrize(
    "said",
    [
        # r14c-16 and r14c-01, typed at the contact questions.
        "07700 900624, call me, but i speak bangla better, my son can translate",
        "phone call but i speak better polish",
        "she only speaks somali",
        "can someone who speaks tigrinya ring me",
    ],
)
def test_a_language_named_in_words_is_an_interpreter_need(match: Match, said: str) -> None:
    assert match(said).adjustments == ("interpreter",), said


@pytest.mark.parametrize(
    "said", ["can i speak to someone about the rent", "please read the letter again", "polish the"]
)
def test_speaking_and_reading_without_a_language_are_no_need(match: Match, said: str) -> None:
    assert "interpreter" not in match(said).adjustments


def test_a_child_bitten_by_rats_is_a_medical_matter(match: Match) -> None:
    """r14d-17: rats on the stairs and a bitten child went to the ASB team."""
    found = match("rats on the stairs again and my neighbours little boy got bitten")
    assert "medical_emergency" in found.urgency


@pytest.mark.parametrize(
    "said",
    ["rats in the loft again", "mouse droppings and bite marks on the bread bag"],
)
def test_vermin_with_no_bite_is_no_medical_matter(match: Match, said: str) -> None:
    assert "medical_emergency" not in match(said).urgency


@pytest.mark.parametrize(
    "said",
    [
        "door entry not working 2 week, I want talk to a person who speak arabic please",
        "boiler pressure keeps dropping, can i speak to someone please",
        "light in the hall is out pls let me talk 2 a real person",
    ],
)
def test_a_person_asked_for_in_so_many_words(said: str) -> None:
    assert wants_a_person_now(said)


@pytest.mark.parametrize(
    "said",
    [
        "my neighbour wants to talk to someone about the fence",
        "the engineer said he would speak to his manager",
        "I told the caller I want to speak to the manager about it",
    ],
)
def test_someone_else_talking_is_no_request_for_a_person(said: str) -> None:
    assert not wants_a_person_now(said)
