"""Round 18 at the read-back: a firm named in what went wrong is never the person we contact;
"not me" swaps no words; the resident's own name put back; a flat by its letter is kept and put
right; "ask for my husband" goes with the way to contact; a yes with changes after it is a
correction first."""

from __future__ import annotations

from dataclasses import replace

import pytest

from bot.corrections import correction_of
from bot.definition import DraftDefinition, postal_address_in
from bot.told import about_the_problem, without_chat

# A resident complaining about a contractor's rudeness, with the firm half-remembered.
TAP = DraftDefinition(
    aspects=(
        "The plumber from that firm you use, Quick something, was so rude to me. He swore when I "
        "asked him to take his boots off."
    ),
    still_happening=False,
    outcome="An apology.",
    representative=None,
    contact_name="Mrs Edna Shaw",
    contact_details="01632 960118",
    contact_preference="phone, in the morning",
    adjustments=None,
)
# A daughter for her mum, with mum's address held without the flat.
MUM = DraftDefinition(
    aspects="Mum's radiator has leaked for a month.",
    still_happening=True,
    outcome="Fix the radiator.",
    representative="Grace Obi, 14 Mill Lane",
    contact_name="Ada Obi",
    contact_details="07700 900231",
    contact_preference="text",
    adjustments=None,
    consent=True,
)
# A resident whose husband answers the phone.
HUSBAND = DraftDefinition(
    aspects="window glass crack, cold air coming",
    still_happening=True,
    outcome="fix window",
    representative=None,
    contact_name="Nasrin Ali",
    contact_details="07700 900473",
    contact_preference="phone",
    adjustments=None,
)


@pytest.mark.parametrize(
    "typed",
    [
        "You haven't put the company name in. Please change Quick something to QuickFix Ltd.",
        "the firm name is missing. change Quick something to QuickFix Ltd",
        "u left out the contractors name, change Quick something to QuickFix Ltd pls",
    ],
)
def test_a_firms_name_changes_what_went_wrong_not_who_we_contact(typed: str) -> None:
    """r18a-05 t12 (serious): "We will contact RapidFix Plumbing" after the firm was named."""
    changes = correction_of(typed, TAP).changes
    assert "contact_name" not in changes
    assert "firm you use, QuickFix Ltd, was so rude to me" in str(changes["aspects"])


@pytest.mark.parametrize(
    "typed",
    [
        "No! I'm Edna Shaw, QuickFix is the company he works for, not me. Put my name back.",
        "I am Edna Shaw not them, QuickFix is who he works for",
        "no my name is Edna Shaw. its the firm he works for not me",
    ],
)
def test_the_residents_own_name_is_put_back_and_her_words_kept(typed: str) -> None:
    """r18a-05 t13 (serious): "not me" turned "rude to me" into "rude to for", and the name
    was not put back."""
    draft = replace(TAP, contact_name="QuickFix Ltd")
    changes = correction_of(typed, draft).changes
    assert changes.get("contact_name") == "Edna Shaw"
    assert "aspects" not in changes


@pytest.mark.parametrize(
    ("text", "address"),
    [
        ("Mum is Grace Obi, 14 Mill Lane flat B", "14 Mill Lane flat B"),
        ("her address is Flat C, 14 Mill Lane", "Flat C, 14 Mill Lane"),
        ("mum lives at flat A 14 Mill Lane", "flat A 14 Mill Lane"),
    ],
)
def test_a_flat_by_its_letter_is_part_of_the_address(text: str, address: str) -> None:
    """r18a-08 t4: "22 Orchard Road flat B" was read back without the flat."""
    assert postal_address_in(text) == address


@pytest.mark.parametrize(
    "typed",
    [
        "And her address is Flat B, 14 Mill Lane, you missed the flat",
        "address still wrong. Flat B 14 Mill Lane",
        "put flat B",
        "u forgot its flat b",
    ],
)
def test_the_flat_is_put_into_the_address_held(typed: str) -> None:
    """r18a-08 t9, t10, t14: "Flat B" was never put back, while "I've changed that" was said."""
    changes = correction_of(typed, MUM).changes
    assert "Flat B" in str(changes["representative"])
    assert str(changes["representative"]).startswith("Grace Obi, ")
    assert "14 Mill Lane" in str(changes["representative"])


@pytest.mark.parametrize(
    ("typed", "who"),
    [
        ("please write ask for Hassan Ali my husband when you phone", "Hassan Ali"),
        ("the number is my husband Hassan Ali, ask for him", "Hassan Ali"),
        ("when u ring ask for my husband Hassan", "Hassan"),
    ],
)
def test_who_to_ask_for_goes_with_the_way_to_contact(typed: str, who: str) -> None:
    """r18a-15 t11-t12: "ask for my husband" was added to what went wrong."""
    changes = correction_of(typed, HUSBAND).changes
    assert "aspects" not in changes
    assert changes["contact_preference"] == f"phone, ask for {who}"
    read_back = replace(HUSBAND, **changes).read_back()  # type: ignore[arg-type]
    assert f"by phone, ask for {who} (07700 900473)" in read_back


@pytest.mark.parametrize(
    ("said", "kept"),
    [
        (
            "Her kitchen tap has dripped for a month. Why are you giving me crisis numbers?? "
            "Nobody is in danger.",
            "Her kitchen tap has dripped for a month.",
        ),
        (
            "the boiler keeps cutting out why r u sending me all this stuff",
            "the boiler keeps cutting out",
        ),
        (
            "Good afternoon. The lift at Fern Court has been out since Monday.",
            "The lift at Fern Court has been out since Monday.",
        ),
        (
            "salam. back door not lock, very cold. i want make complain",
            "back door not lock, very cold.",
        ),
        (
            "my bath panel fell off and complain? and u didnt answer me about the key",
            "my bath panel fell off",
        ),
    ],
)
def test_what_went_wrong_leaves_out_words_about_the_chat(said: str, kept: str) -> None:
    """r18a-08 t8, r18a-15 t10, r18a-01 t9: greetings, "i want make complain" and complaints
    about the assistant were read back as what went wrong."""
    assert about_the_problem(said) == kept


@pytest.mark.parametrize(
    ("said", "kept"),
    [
        (
            "An apology and a written reply. You did not answer my question about who replies.",
            "An apology and a written reply.",
        ),
        (
            "I don't know why you have sent me an abuse number, nobody is here. He uses a "
            "walking frame, visits need to allow for that.",
            "He uses a walking frame, visits need to allow for that.",
        ),
        ("u never answered me", "u never answered me"),
    ],
)
def test_answers_leave_out_sentences_about_the_assistant(said: str, kept: str) -> None:
    """r18a-09 t8 kept "You did not answer my question" as what he would like; r18a-03 t10
    kept the resident's objection as what would help."""
    assert without_chat(said) == kept
