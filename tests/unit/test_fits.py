"""Whether a typed answer fits the form's question (bot.fits), and the readers it leans on:
names, consent to record, a helper's consent and their own name. Round 8's faults in our own
wordings."""

from __future__ import annotations

import pytest

from actions.adjustments import declines
from bot.answers import consent_to_record, yes_or_no
from bot.definition import consent_told, name_in
from bot.fits import elsewhere, fits_strictly, says_no_earlier_report
from bot.told import own_name_in

DAMP = "Sort the damp out and pay for my ruined carpet"
GATE = "just fix the gate properly please"


@pytest.mark.parametrize(
    ("slot", "text", "kept_as"),
    [
        ("outcome_sought", "yeah still leaking", {"still_happening": True}),
        (
            "outcome_sought",
            "The roofer came on 2 May, job 8810021",
            {"earlier_request": "The roofer came on 2 May, job 8810021"},
        ),
        ("outcome_sought", "yes", {}),
        (
            "still_happening",
            "nah no ref, my partner phoned it in 3 weeks ago",
            {"earlier_request": "nah no ref, my partner phoned it in 3 weeks ago"},
        ),
        ("earlier_request", "yep still dripping", {"still_happening": True}),
        ("acting_for", DAMP, {"outcome_sought": DAMP}),
        ("earlier_request", GATE, {"outcome_sought": GATE}),
        ("earlier_request", "yes", {}),
        ("representative_details", "Yes, she's agreed", {"representative_consent": True}),
        ("representative_details", "I'm helping my nan", {}),
        (
            "representative_details",
            "rob.hale@example.net, email is best",
            {"contact_details": "rob.hale@example.net"},
        ),
    ],
)
def test_an_answer_that_belongs_elsewhere_is_kept_there(
    slot: str, text: str, kept_as: dict[str, object]
) -> None:
    # An empty dict: it answers nothing the form asks, so the question is asked again.
    assert elsewhere(slot, text) == kept_as


@pytest.mark.parametrize(
    ("slot", "text"),
    [
        ("outcome_sought", "A new window and an apology for the wait"),
        ("outcome_sought", "someone to come out this month and sort it"),
        ("outcome_sought", "Fix the problem"),
        ("acting_for", "just me, it's my house"),
        ("acting_for", "no"),
        ("still_happening", "no, it stopped on Tuesday"),
        ("earlier_request", "rang in June, no job number"),
        ("representative_details", "Mrs Rita Shah, 4 Oak Row"),
    ],
)
def test_an_answer_that_fits_is_left_alone(slot: str, text: str) -> None:
    assert elsewhere(slot, text) is None


@pytest.mark.parametrize(
    ("slot", "text", "fits"),
    [
        ("earlier_request", "I may call in myself.", False),
        ("earlier_request", "I'd rather ring someone", False),
        ("earlier_request", "reported it in May", True),
        ("outcome_sought", "I'd like it to come out of my account on a Monday", False),
        ("outcome_sought", "I want the heater replaced", True),
    ],
)
def test_words_left_beside_a_question_must_say_what_it_asks(
    slot: str, text: str, fits: bool
) -> None:
    assert fits_strictly(slot, text) is fits


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("nah, none needed", None),
        ("07700 900555 texts only please", None),
        ("Sam mob 07700 900555", "Sam"),
        ("Jo Reyes", "Jo Reyes"),
    ],
)
def test_a_name_is_never_made_of_labels_or_a_no(text: str, name: str | None) -> None:
    assert name_in(text) == name


@pytest.mark.parametrize(
    ("text", "given"),
    [
        ("I use a wheelchair, ok to note that", True),
        ("texts only, never ring. You may record my hearing loss.", True),
        ("T fine w/ it being recorded", True),
        ("Mum consents to her arthritis being noted", True),
        ("I'm not happy for that to be recorded", False),
        ("no, don't write it down", False),
        ("ok cheers, they have a record of the visit", False),
    ],
)
def test_consent_to_record_in_a_sentence(text: str, given: bool) -> None:
    assert consent_to_record(text) is given


@pytest.mark.parametrize(
    ("text", "given"),
    [
        ("Tom Lee, her grandson. She's agreed to me doing this", True),
        ("the resident has agreed", True),
        ("she has signed your authority form", True),
        ("she hasn't agreed yet", False),
    ],
)
def test_a_helpers_consent_in_a_sentence(text: str, given: bool) -> None:
    assert consent_told(text) is given


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Tom Lee, her grandson. She's agreed", "Tom Lee"),
        ("yes do, I'm his nephew Rafi", "Rafi"),
        ("ok. Name's Bea Quinn", "Bea Quinn"),
        ("Mrs Rita Shah, her daughter is helping", None),
    ],
)
def test_a_helpers_own_name_beside_their_role(text: str, name: str | None) -> None:
    assert own_name_in(text) == name


@pytest.mark.parametrize(
    ("text", "needs_named", "declined"),
    [
        ("right, the fuse has tripped again. no nothing more thanks", False, True),
        ("لا شكرا", False, True),
        ("nie, dziękuję", False, True),
        ("no stairs", True, False),
        ("no thanks, though big print would help", True, False),
    ],
)
def test_a_no_in_any_sentence_declines_adjustments(
    text: str, needs_named: bool, declined: bool
) -> None:
    assert declines(text, needs_named) is declined


def test_a_call_handlers_shorthand_names_the_caller() -> None:
    text = "helping. caller name Ravi Dutt, Shelter adviser. T consents"
    assert own_name_in(text) == "Ravi Dutt"


def test_not_having_asked_the_resident_is_a_no() -> None:
    assert yes_or_no("havent asked him yet to be honest") is False


@pytest.mark.parametrize(
    ("text", "none_before"),
    [
        ("Nope, I never got round to reporting it", True),
        ("no", True),
        ("no job number, but I phoned in August", False),
        ("no, the gas engineer visited on the 4th", False),
    ],
)
def test_a_no_with_no_report_in_it_is_no_earlier_request(text: str, none_before: bool) -> None:
    assert says_no_earlier_report(text) is none_before
