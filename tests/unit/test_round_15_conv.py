"""Round 15's read-back faults in contact details and corrections (bot.definition,
bot.corrections): a way the resident rules out is never the way used, a way said to be the only
one wins over a number's label, a letter's format is what would help and not the way, and a police
crime reference is not a phone number."""

from __future__ import annotations

from dataclasses import replace

import pytest

from bot.corrections import correction_of
from bot.definition import (
    DraftDefinition,
    contact_details_in,
    contact_preference,
    preference_beside_details,
)

READ_BACK = DraftDefinition(
    aspects="The stairwell light is out and people deal drugs there.",
    still_happening=True,
    outcome="An explanation",
    representative=None,
    contact_name="Dana",
    contact_details="07700 900705",
    contact_preference="text",
    adjustments=None,
)


@pytest.mark.parametrize(
    ("said", "way"),
    [
        # r15c-04: the ex may get her post; "post box" is no letter asked for.
        ("Amal Saeed. no letters please, he may still open my post. ring me 07700 900812", "phone"),
        # r15d-09: the councillor rules out letters to the resident and gives his own email.
        (
            "Raj Patel. Please do not contact the tenant by letter, her ex can get at her post. "
            "Write to me at raj.patel@example.org",
            "email",
        ),
        ("never send her letters, anyone can read her post box. phone 07700 900812", "phone"),
        # r15b-10: calls said to be stressful, and an email given.
        ("Please contact me, Jo Bell, as he finds calls stressful - jo.bell@example.org", "email"),
        ("phone calls are too much for her, email me at jo.bell@example.org", "email"),
    ],
)
def test_a_way_ruled_out_is_never_the_way_used(said: str, way: str) -> None:
    assert preference_beside_details(said) == way


@pytest.mark.parametrize(
    ("said", "way"),
    [
        ("no letters please, he reads my post", None),
        ("don't write to me by post, email only", "email only"),
        ("not by letter, call me", "phone"),
        # Not ruled out: the "no" is about something else.
        ("i have no landline so text me", "text"),
    ],
)
def test_ruled_out_ways_in_words(said: str, way: str | None) -> None:
    assert contact_preference(said) == way


def test_a_way_said_to_be_the_only_one_wins_over_the_numbers_label() -> None:
    """r15b-02: "mobile 07700 900 733 but text only please" was read back as a phone call."""
    said = "my mobile 07700 900 241, but text only please, I'm hard of hearing"
    assert preference_beside_details(said) == "text only"


@pytest.mark.parametrize(
    "said", ["easy read letters for Colin please", "large print letters would help him"]
)
def test_a_letters_format_is_not_the_way_to_contact(said: str) -> None:
    """r15d-11: "easy read letters" made the contact way a letter."""
    assert contact_preference(said) is None


@pytest.mark.parametrize(
    "said",
    [
        "police came last night, crime ref 44/12345/26",
        "the crime number is 23 / 998877 / 25",
    ],
)
def test_a_police_reference_is_not_a_phone_number(said: str) -> None:
    """r15b-18: crime ref 44/12345/26 was texted as 441234526."""
    assert contact_details_in(said) is None


def test_a_police_reference_added_at_the_read_back_keeps_the_phone() -> None:
    """r15b-18: the incident is added to what went wrong; the number held stays."""
    changes = correction_of(
        "add that on friday one of them pulled a knife on my 14 year old on the landing, "
        "police crime ref 44/55555/26. otherwise right",
        READ_BACK,
    ).changes
    assert "contact_details" not in changes
    assert "pulled a knife" in str(changes["aspects"])


def test_a_correction_ruling_out_the_way_held_is_applied() -> None:
    """r15d-09: "Do NOT send letters to Ms Price" and an email for the councillor."""
    held = replace(READ_BACK, contact_preference="letter", contact_details="r.p@example.org")
    changes = correction_of(
        "No, that's wrong. Contact me by email at r.p@example.org. Do NOT send letters to her.",
        held,
    ).changes
    assert changes.get("contact_preference") == "email"
