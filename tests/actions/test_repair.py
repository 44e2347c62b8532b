"""What a correction typed at the read-back changes (actions.repair.corrections_in)."""

from __future__ import annotations

from dataclasses import replace

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


def test_a_corrected_name_and_way_to_contact_said_in_full_sentences() -> None:
    assert corrections_in(
        "That says by phone - it should be by email. And my full name is Shanice Morrow.", DRAFT
    ) == {"contact_name": "Shanice Morrow", "contact_preference": "email"}
    assert corrections_in("No, the name is wrong. It should say Mrs D Okafor", DRAFT) == {
        "contact_name": "Mrs D Okafor"
    }


def test_a_name_with_a_capital_inside_is_kept_whole() -> None:
    # Round 7 (r7b-03): "Her name is Brenda O'Neill" was stored as "Brenda O'".
    for name in ("Brenda O'Neill", "Sean McDonald", "Amy Smith-Jones"):
        assert corrections_in(f"Her name is {name}", DRAFT) == {"contact_name": name}


def test_the_earlier_job_is_corrected_or_removed() -> None:
    assert corrections_in("I gave the wrong job number. It's 60121, not 60112.", DRAFT) == {
        "earlier_request": "job 60121"
    }
    assert corrections_in("the reported before bit is wrong, I never reported it", DRAFT) == {
        "earlier_request": "none"
    }


def test_corrections_seen_in_the_fourth_simulated_round() -> None:
    """A yes with the name's spelling, a way of contact ruled out with "rather than", and a
    corrected date of the first report (which used to land in "what went wrong")."""
    draft = replace(DRAFT, contact_name="Aysha Khan", earlier_request="first rang on 12 November")
    assert corrections_in("Yes apart from my name, it's spelled Ayesha", draft) == {
        "contact_name": "Ayesha Khan"
    }
    assert corrections_in("Phone call rather than email, on 07700 900321", draft) == {
        "contact_details": "07700 900321",
        "contact_preference": "phone",
    }
    changed = corrections_in("the first call was on the 2nd of November not the 12th", draft)
    assert list(changed) == ["earlier_request"]
    assert changed["earlier_request"].startswith("first rang on 12 November. Correction: the first")
    assert "contact_name" not in corrections_in("the name is wrong", draft)


def test_new_words_for_a_part_replace_it_without_the_instruction() -> None:
    """Round 6 r6b-21, round 5 r5a-14: the instruction and the new words were added to what
    went wrong, or replaced the wrong part."""
    assert corrections_in("what went wrong should just say: rubble left in my garden", DRAFT) == {
        "aspects": "rubble left in my garden"
    }
    assert corrections_in(
        "The what I would like part is wrong. It should say: clear it this week", DRAFT
    ) == {"outcome": "clear it this week"}
    assert corrections_in(
        "No, the what I would like bit is wrong. I want the bins cleaned every week.", DRAFT
    ) == {"outcome": "I want the bins cleaned every week."}


def test_words_asking_to_add_are_not_added() -> None:
    """Round 6 r6b-04: "mostly, but add that" was pasted into what went wrong."""
    changed = corrections_in("mostly, but add that there is black mould behind the bed", DRAFT)
    assert changed["aspects"].endswith(" there is black mould behind the bed")
    assert "add that" not in changed["aspects"]


def test_a_date_told_as_a_call_corrects_the_earlier_report() -> None:
    """Round 6 r6a-02: "I called on 10 November, not 12 November" was added to what went wrong."""
    draft = replace(DRAFT, earlier_request="I rang on 12 November")
    changed = corrections_in("Not quite right. I called on 10 November, not 12 November.", draft)
    assert list(changed) == ["earlier_request"]
    assert "10 November" in changed["earlier_request"]
