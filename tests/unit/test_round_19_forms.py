"""Round 18's things asked again, details lost and answers from the record, where no server is
needed: a helper's "she's fine with me dealing with it" is the resident's agreement; a number
given with email ruled out is the way to phone; new details typed at an identity check are
found; a number and "text me" are not what went wrong; a copy to mum held with who the complaint
is for is not asked about again; "does Stage 2 mean someone different?" is not answered "No";
"is an engineer actually booked?" gets what the record holds and who can check."""

from __future__ import annotations

from dataclasses import replace

import pytest

from bot.answers import new_details_in
from bot.corrections import UNCLEAR, correction_of
from bot.definition import DraftDefinition, consent_told, preference_beside_details
from bot.policy import Answer
from bot.questions import answers_in
from bot.told import about_the_problem


def answer_ids(message: str, answers: dict[str, Answer]) -> list[str]:
    return [asked.answer.id for asked in answers_in(message, answers)]


@pytest.mark.parametrize(
    "said",
    [
        # r18a-08 t1: told in the first message, then asked three times.
        "She's fine with me dealing with it, she's sat next to me now.",
        "mums ok with me sorting this out for her",
        "hes totally fine for me to do it, he cant use computers",
        "T is happy with me talking to you on his behalf",
        "my nan is alright with me handling it",
    ],
)
def test_a_helper_saying_the_resident_is_fine_with_it_is_consent(said: str) -> None:
    assert consent_told(said)


@pytest.mark.parametrize(
    "said",
    ["she is not fine with me dealing with it", "its fine with me", "he is fine with me"],
)
def test_fine_without_the_helper_acting_is_no_consent(said: str) -> None:
    assert not consent_told(said)


@pytest.mark.parametrize(
    ("said", "way"),
    [
        # r18a-05 t8: asked how to contact her after this.
        (
            "My phone is 01632 960 447, I'm in most mornings. Please don't send emails, I don't "
            "check them.",
            "phone, mornings",
        ),
        ("07700 900123. no emails pls i never look at them", "phone"),
        ("my number is 07700 900 555, i dont do email", "phone"),
    ],
)
def test_a_number_with_email_ruled_out_is_the_way_to_phone(said: str, way: str) -> None:
    assert preference_beside_details(said) == way


def test_a_number_with_every_way_ruled_out_is_no_way() -> None:
    assert preference_beside_details("mob 07700900432, dont email, dont text either") is None


@pytest.mark.parametrize(
    ("said", "new"),
    [
        # r18a-07 t2 at the Stage 2 check; r18a-12 t2 at the status check.
        (
            "It was my old number 07700 900 150 but I've got a new one now, 07700 900 392. "
            "Does stage 2 mean someone different looks at it?",
            "07700 900392",
        ),
        (
            "i gave 07700 900 311 but ive changed my number since, its 07700 900 948 now",
            "07700 900948",
        ),
        ("07700 900 555 is my new number, the old one was 07700 900 111", "07700 900555"),
        ("my new email is jo.b@example.com, the old one was jo@example.com", "jo.b@example.com"),
        ("I've got a new phone, it's 07700900123", "07700 900123"),
    ],
)
def test_new_details_at_an_identity_check_are_found(said: str, new: str) -> None:
    assert new_details_in(said) == new


@pytest.mark.parametrize("said", ["07700 900 311", "it was jo@example.com i think"])
def test_details_alone_are_not_new(said: str) -> None:
    assert new_details_in(said) is None


@pytest.mark.parametrize(
    ("said", "kept", "left_out"),
    [
        # r18a-01 t9: the number and "text me pls" in one unpunctuated sentence.
        (
            "ive tried plunger and bleach nothing works 07700 900 618 text me pls i cant always "
            "answer with him.",
            "nothing works",
            "07700",
        ),
        (
            "the boiler has been broken 2 weeks and nobody came when they said 07700900618 ring "
            "me after 5",
            "nobody came when they said",
            "ring me",
        ),
        (
            "my email is jo@example.com the damp is back in the kids room and its worse",
            "the damp is back in the kids room",
            "jo@example.com",
        ),
        ("text me on 07700 900 618", "", "07700"),
    ],
)
def test_a_number_with_how_to_reach_them_is_not_what_went_wrong(
    said: str, kept: str, left_out: str
) -> None:
    problem = about_the_problem(said)
    assert kept in problem
    assert left_out not in problem


def test_a_number_told_as_part_of_the_problem_stays() -> None:
    said = "I rang 07700 900111 twice and nobody answered."
    assert about_the_problem(said) == said


# A daughter for her mum, with mum's own email held with who the complaint is for.
MUM = DraftDefinition(
    aspects="Mum's radiator has leaked for three weeks.",
    still_happening=True,
    outcome="Fix the radiator.",
    representative=(
        "Fatima Rahman, 22 Orchard Road. Their contact details: fatima.rahman@example.com"
    ),
    contact_name="Aisha Rahman",
    contact_details="07700 900555, aisha.r@example.com",
    contact_preference="text",
    adjustments=None,
    consent=True,
)


@pytest.mark.parametrize(
    "typed",
    [
        # r18a-08 t14: a yes with changes, mum's email given earlier.
        "put flat B and copy mum in",
        "add flat B. and cc mum in",
        "it needs flat B, and copy her in",
    ],
)
def test_copy_mum_in_with_her_email_held_is_not_unclear(typed: str) -> None:
    correction = correction_of(typed, MUM)
    assert correction is not UNCLEAR
    assert "Flat B" in str(correction.changes.get("representative"))
    assert "fatima.rahman@example.com" in str(correction.changes.get("representative"))


def test_copy_mum_in_with_her_email_held_as_a_wish_is_not_unclear() -> None:
    draft = replace(
        MUM,
        representative="Fatima Rahman, 22 Orchard Road",
        contact_details="07700 900555; also email Fatima Rahman on fatima.rahman@example.com",
    )
    correction = correction_of("yes log it but put flat B and copy mum in, can you do that", draft)
    assert "Flat B" in str(correction.changes.get("representative"))


def test_copy_mum_in_with_no_email_anywhere_is_still_unclear() -> None:
    draft = replace(MUM, representative="Fatima Rahman, 22 Orchard Road")
    assert correction_of("copy mum in", draft) is UNCLEAR


@pytest.mark.parametrize(
    "asked",
    [
        # r18a-07 t2: answered "No. At Stage 2 a different person ...".
        "Does stage 2 mean someone different looks at it?",
        "is it the same person at stage 2 or someone else?",
        "will a different person do the stage 2 review",
    ],
)
def test_stage_2_reviewer_answer_says_no_yes_or_no(asked: str, answers: dict[str, Answer]) -> None:
    assert answer_ids(asked, answers)[:1] == ["stage_2_reviewer"]
    text = answers["stage_2_reviewer"].text
    assert not text.startswith(("No", "Yes"))
    assert "different person" in text


@pytest.mark.parametrize(
    "asked",
    [
        # r18a-03 t2: told how to report a repair.
        "Before I decide, can you tell me whether an engineer is actually booked?",
        "has anyone even been booked to fix the lift or not?",
        "is the engineer booked in yet??",
        "r u sure sum1 is actually coming for the lift? is it booked",
    ],
)
def test_is_an_engineer_booked_gets_what_the_record_holds(
    asked: str, answers: dict[str, Answer]
) -> None:
    assert answer_ids(asked, answers)[:1] == ["repair_status"]


@pytest.mark.parametrize(
    ("asked", "answer_id"),
    [
        ("is someone coming tonight?", "emergency_repairs"),
        ("how do i report a repair", "report_repair"),
    ],
)
def test_other_visit_questions_keep_their_answers(
    asked: str, answer_id: str, answers: dict[str, Answer]
) -> None:
    assert answer_ids(asked, answers)[:1] == [answer_id]
