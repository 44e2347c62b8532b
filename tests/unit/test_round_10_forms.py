"""Round 10 of the simulated residents (issue 16), in our own wordings: typed agreement at the
read-back is a yes, a no before "that's all" answers the question, an outcome about how staff
speak to people is no request for a person, and contact answers keep the way and address asked
for."""

from __future__ import annotations

from dataclasses import replace

import pytest

from bot.answers import CHOICE, OpenQuestion, understand, wants_to_leave
from bot.corrections import correction_of
from bot.definition import (
    DraftDefinition,
    contact_preference,
    name_in,
    postal_address_in,
    preference_beside_details,
    resident_in,
)

READ_BACK = OpenQuestion("awaiting_confirmation")
ADJUSTMENTS = OpenQuestion("adjustments_needed", "complaint_form")
OUTCOME = OpenQuestion("outcome_sought", "complaint_form")


@pytest.mark.parametrize(
    "typed",
    [
        "nothing to change its all correct",
        "NO. nothing needs changing. it is right. submit it",
        "no changes needed, it is correct",
        "whatever, yes send it",
        "nothin needs changin, its all correct",
    ],
)
def test_typed_agreement_at_the_read_back_is_a_yes(typed: str) -> None:
    assert understand(READ_BACK, typed, "deny", [], {}).kind == "yes"


def test_a_no_with_a_change_at_the_read_back_is_still_a_correction() -> None:
    assert understand(READ_BACK, "no, the name is wrong", "deny", [], {}).kind == "amend"


@pytest.mark.parametrize(
    "typed", ["no thats all", "no, that's all thanks", "nothing else thats all", "nope thats all"]
)
def test_a_no_before_thats_all_answers_the_form_question(typed: str) -> None:
    assert understand(ADJUSTMENTS, typed, None, [], {}).kind != "leave"


def test_thats_all_alone_still_leaves() -> None:
    assert understand(ADJUSTMENTS, "thats all", None, [], {}).kind == "leave"


@pytest.mark.parametrize(
    "typed",
    [
        "for the caretaker to be retrained on how to speak to residents",
        "staff trained in how to talk to tenants properly",
        "an apology and for him to learn the right way to speak to people",
    ],
)
def test_an_outcome_about_how_staff_speak_is_no_request_for_a_person(typed: str) -> None:
    understood = understand(OUTCOME, typed, "request_human", [], {}, asks_for_a_person=True)
    assert understood.kind == "slot"


@pytest.mark.parametrize(
    "typed",
    [
        "no she doesnt want to complain, just needs it fixed asap. can u log it. mob 07700 900118",
        "dont want to complain just want it sorted",
        "T not wanting a complaint, pls log the repair",
    ],
)
def test_no_complaint_but_fix_it_puts_it_right_without_one(typed: str) -> None:
    """Read as the "no" when the model read something else; a "no" the model read is left to
    the rules, which record it the same way (the stories)."""
    assert understand(OpenQuestion(CHOICE), typed, "dissatisfaction", [], {}).kind == "no"
    assert understand(OpenQuestion(CHOICE), typed, "deny", [], {}).kind in ("no", "none")


def test_no_complaint_alone_at_the_choice_still_leaves() -> None:
    assert understand(OpenQuestion(CHOICE), "I dont want to complain", None, [], {}).kind == "leave"


@pytest.mark.parametrize(
    "typed", ["i call 999 myself. forget the form", "forget this form", "just forget all this"]
)
def test_forget_the_form_leaves_it(typed: str) -> None:
    assert wants_to_leave(typed)


@pytest.mark.parametrize(
    "typed",
    [
        "Arabic interpreter for all calls; has COPD",
        "needs an interpreter for all calls",
        "she has a hearing aid",
    ],
)
def test_a_sentence_is_not_taken_for_a_name(typed: str) -> None:
    assert name_in(typed) is None


@pytest.mark.parametrize(("typed", "name"), [("jade", "jade"), ("ayo bankole", "ayo bankole")])
def test_a_name_in_small_letters_is_still_a_name(typed: str, name: str) -> None:
    assert name_in(typed) == name


def test_the_way_said_to_be_safer_is_the_way_to_contact() -> None:
    typed = "yes but dont call, he sometimes takes my phone. email is safer: r.k@example.org"
    assert preference_beside_details(typed) == "email"


SHOUTED = DraftDefinition(
    aspects="ME DEAF. REPAIR MAN NOT COME.",
    still_happening=True,
    outcome="ME WANT MAN COME FIX BOILER.",
    representative=None,
    contact_name="KWAME ASANTE",
    contact_details="kwame.asante@example.org",
    contact_preference="email only",
    adjustments="BSL INTERPRETER IF VISIT",
)


@pytest.mark.parametrize(
    "typed", ["AND SORRY. ME WANT SORRY TOO", "NAME WRONG. ME KWAME ASANTE. AND ME WANT SORRY"]
)
def test_a_correction_in_capitals_never_cuts_the_name(typed: str) -> None:
    """r10a-27: the name became "O ASANTE", then "W ASANTE", from "TOO" and "WRONG"."""
    correction = correction_of(typed, SHOUTED)
    assert "contact_name" not in correction.changes
    assert correction.changes["outcome"].startswith("ME WANT MAN COME FIX BOILER. ME WANT SORRY")


@pytest.mark.parametrize(
    "typed",
    [
        "no thats wrong. my work number is 01603 555 0182 if you need me",
        "my work phone is 0161 496 07320",
    ],
)
def test_a_phone_number_too_long_to_be_valid_is_no_job_number(typed: str) -> None:
    """r10a-06: a work number was read back as the earlier job ("job 01603")."""
    assert "earlier_request" not in correction_of(typed, SHOUTED).changes


BY_EMAIL = DraftDefinition(
    aspects="The lock is broken.",
    still_happening=True,
    outcome="fix the lock",
    representative=None,
    contact_name="Kayleigh Ross",
    contact_details="k.ross@example.org",
    contact_preference="phone",
    adjustments=None,
)


@pytest.mark.parametrize(
    "typed",
    [
        "Not quite. I said I'd prefer a letter, not email. My address is 27 Kestrel Drive, "
        "Norwich NR5 8JB",
        "A letter needs my postal address, not my email! 27 Kestrel Drive, Norwich NR5 8JB.",
        "by post please, to 27 Kestrel Drive, Norwich NR5 8JB",
    ],
)
def test_a_letter_asked_for_at_the_read_back_goes_to_the_address_given(typed: str) -> None:
    """r10a-14: a letter was to be sent to an email address; the postal address was dropped."""
    assert correction_of(typed, BY_EMAIL).changes == {
        "contact_details": "27 Kestrel Drive, Norwich NR5 8JB",
        "contact_preference": "letter",
    }


@pytest.mark.parametrize(
    "typed", ["NO. Do not phone me. Email only. He might have my phone", "email only please"]
)
def test_email_only_at_the_read_back_changes_the_way(typed: str) -> None:
    """r10a-18: "Email only" got "Which part would you like to change?"."""
    assert correction_of(typed, BY_EMAIL).changes == {"contact_preference": "email only"}


def test_write_to_me_instead_beside_a_phone_mentioned_is_a_letter() -> None:
    """r10a-16: "that's the house phone. can you write to me instead? 5 Trelawney Close"."""
    typed = "that's the house phone. can you write to me instead? 5 Trelawney Close, Truro TR1 2HX"
    assert contact_preference(typed) == "letter"
    assert postal_address_in(typed) == "5 Trelawney Close, Truro TR1 2HX"


def test_the_resident_named_again_after_the_name_was_lost_keeps_the_address() -> None:
    """r10a-05: "Now you've lost his name and address! The resident is Mr Samuel Oduya, 3 Beech
    Court, Leeds LS9 7QT" was read back with the name alone."""
    draft = replace(BY_EMAIL, representative="He cannot consent himself", consent=True)
    typed = (
        "Now you've lost his name and address! The resident is Mr Samuel Oduya, 3 Beech Court, "
        "Leeds LS9 7QT. This is getting ridiculous"
    )
    assert correction_of(typed, draft).changes == {
        "representative": "Mr Samuel Oduya, 3 Beech Court, Leeds LS9 7QT"
    }


HELPING = replace(BY_EMAIL, representative="Ms Leanne Doherty", contact_name="Sam Whitfield")


@pytest.mark.parametrize(
    ("typed", "resident"),
    [
        (
            "it needs her address too - flat 11 Greenacre House, Salford M6 5RT. otherwise fine",
            "Ms Leanne Doherty, flat 11 Greenacre House, Salford M6 5RT",
        ),
        (
            "her name is missing, its Mrs Edna Pryce, 14 Orchard Row, Bristol BS5 6TT. and i "
            "didnt ask for a separate request",
            "Mrs Edna Pryce, 14 Orchard Row, Bristol BS5 6TT",
        ),
    ],
)
def test_the_resident_address_given_at_the_read_back_goes_with_their_name(
    typed: str, resident: str
) -> None:
    """r10a-26 had the address added to what went wrong; r10a-09 kept the name alone."""
    assert correction_of(typed, HELPING).changes == {"representative": resident}


def test_a_flat_in_a_named_building_is_an_address() -> None:
    details = "Sam Whitfield, her friend. she's Ms Leanne Doherty, flat 11 Greenacre House, Salford"
    assert resident_in(details, "Sam Whitfield") == (
        "Ms Leanne Doherty, flat 11 Greenacre House, Salford"
    )


def test_the_helper_and_the_resident_put_right_way_round() -> None:
    """r10a-10: the read-back had the resident as the helper; "I'm Ruth Adebayo, the advocate.
    Daniel Frost is the resident" got "Which part would you like to change?"."""
    swapped = replace(
        HELPING, representative="Yes, he signed our form", contact_name="Daniel Frost"
    )
    typed = (
        "No, that's muddled. I'm Ruth Adebayo, the advocate. Daniel Frost is the resident. "
        "Emails come to me, Ruth"
    )
    assert correction_of(typed, swapped).changes == {
        "contact_name": "Ruth Adebayo",
        "representative": "Daniel Frost",
    }


TEXTS_ONLY = replace(HELPING, contact_details="07722 450091", contact_preference="text only")


@pytest.mark.parametrize(
    ("typed", "changes"),
    [
        (
            "all correct except mobile typo, should be 07722 450019",
            {"contact_details": "07722 450019"},
        ),
        (
            "it should be p.nowak@example.org",
            {"contact_details": "p.nowak@example.org", "contact_preference": "email"},
        ),
        ("no - TEXT only, not phone calls", {}),
    ],
)
def test_a_number_corrected_alone_keeps_the_way_to_contact(
    typed: str, changes: dict[str, str]
) -> None:
    """r10c-13: a corrected mobile number turned "text only" into "by phone", and "TEXT only"
    then wiped the resident to "E"."""
    assert correction_of(typed, TEXTS_ONLY).changes == changes
