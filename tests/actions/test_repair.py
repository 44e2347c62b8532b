"""What a correction typed at the read-back changes (actions.repair.corrections_in)."""

from __future__ import annotations

from actions.repair import corrections_in
from bot.definition import DraftDefinition

DRAFT = DraftDefinition(
    aspects="The roof leaks",
    still_happening=True,
    outcome="Fix the problem",
    representative=None,
    contact_name="Sam",
    contact_details="sam@example.org",
    contact_preference="email",
    adjustments=None,
)


def test_new_contact_details_replace_the_old_ones() -> None:
    assert corrections_in("wrong number, it's 07700 900123, text me", DRAFT) == {
        "contact_details": "07700 900123",
        "contact_preference": "text",
    }


def test_a_corrected_name_replaces_the_name() -> None:
    assert corrections_in("my name should be Sam Jones", DRAFT) == {"contact_name": "Sam Jones"}


def test_what_they_want_replaces_the_outcome() -> None:
    assert corrections_in("I want compensation as well", DRAFT) == {
        "outcome": "I want compensation as well"
    }


def test_anything_else_is_added_to_what_went_wrong_in_their_words() -> None:
    assert corrections_in("it's the bathroom ceiling too", DRAFT) == {
        "aspects": "The roof leaks it's the bathroom ceiling too"
    }
