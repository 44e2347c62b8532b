"""Round 10's open faults in the pure parts: a first complaint at the Stage 2 question, a
neighbour who is helped, a carer, surnames that are street words, a phone number typed wrong,
answers told rather than asked, and a lasting power of attorney."""

from __future__ import annotations

import pytest

from bot.answers import OpenQuestion, understand
from bot.definition import (
    DraftDefinition,
    consent_told,
    holds_power_of_attorney,
    phone_typed_wrong,
    represented_person,
    written_names,
)
from bot.policy import Answer, Policy
from bot.questions import answers_in
from bot.told import own_name_in
from bot.triage.stage_2 import no_earlier_complaint
from tests.unit.conftest import Match

STAGE_2_REFERENCE = OpenQuestion("escalation_reference", "escalation_form")


@pytest.mark.parametrize(
    "text",
    [
        "no I havent got a reference, this is my first complaint actually",
        "I've never complained before, this is the first time",
        "escalate this to manager please, I never complain before",
        "I haven't made a complaint yet, I only reported the repair",
        "it's a new complaint",
    ],
)
def test_words_that_name_no_earlier_complaint_are_not_a_stage_2_request(
    policy: Policy, text: str
) -> None:
    assert no_earlier_complaint(text, policy)


@pytest.mark.parametrize(
    "text",
    [
        "I want stage 2 please",
        "I haven't had a reply to my complaint, escalate it",
        "I don't have the reference",
        "CMP-2026-000123",
    ],
)
def test_a_stage_2_request_or_a_lost_reference_is_not_a_first_complaint(
    policy: Policy, text: str
) -> None:
    assert not no_earlier_complaint(text, policy)


def test_a_first_complaint_at_the_stage_2_question_leaves_it_for_a_complaint(
    answers: dict[str, Answer],
) -> None:
    understood = understand(
        STAGE_2_REFERENCE, "this is my first complaint", None, [], answers,
        no_earlier_complaint=True,
    )  # fmt: skip
    assert understood.kind == "new_complaint"


def test_a_neighbour_who_is_old_or_has_a_leak_is_the_person_helped_not_asb(
    match: Match,
) -> None:
    for text in (
        "I'm writing about my neighbour, she's 80 and her ceiling is leaking",
        "Hello, I'm writing about my neighbour. He is 79 and rain comes through his roof",
    ):
        found = match(text)
        assert "other_representative" in found.relationships, text
        assert "asb_report" not in found.exclusion_cues, text


def test_a_neighbour_causing_trouble_is_still_read_as_asb(match: Match) -> None:
    for text in (
        "I'm writing about my neighbour, he plays loud music every night",
        "my neighbour keeps slamming his door at 3am",
    ):
        found = match(text)
        assert "asb_report" in found.exclusion_cues, text
        assert "other_representative" not in found.relationships, text


@pytest.mark.parametrize(
    "text", ["I am carer for my brother", "im carer for my sister", "caring for my dad"]
)
def test_a_carer_for_a_relative_is_a_helper(match: Match, text: str) -> None:
    """The phrases conv7 asked triage7 to match in policy_rules/representatives.yml."""
    assert match(text).relationships


def test_a_surname_that_is_a_street_word_is_a_name() -> None:
    assert represented_person("for my nan Mrs Edna Street, 7 Park Road") == (
        "Mrs Edna Street, 7 Park Road"
    )
    assert represented_person("im writing for my nan Edna Street, 7 Park Road. her boiler") == (
        "Edna Street, 7 Park Road"
    )
    assert own_name_in("hi, my name is John Lane") == "John Lane"
    assert written_names("She is Mrs Ann Street") == ["Mrs Ann Street"]


def test_a_street_or_a_building_is_still_not_a_name() -> None:
    assert written_names("Hawthorn House, flat 9, Canal Street") == []
    assert written_names("I live at 12 Rowan Court") == []
    assert represented_person("writing for Rowan Court residents") is None


@pytest.mark.parametrize(
    ("text", "digits"),
    [("07700 9001234", 12), ("07700 90012", 10), ("+44 7700 90012", 10), ("01872 555 0139", 12)],
)
def test_a_phone_number_typed_wrong_is_counted(text: str, digits: int) -> None:
    assert phone_typed_wrong(text) == digits


@pytest.mark.parametrize("text", ["07700 900123", "0161 496 0000", "job 55821", "CMP-2026-000123"])
def test_a_phone_number_or_a_job_number_is_not_typed_wrong(text: str) -> None:
    assert phone_typed_wrong(text) is None


def test_withdrawing_an_asb_report_is_answered_when_told(answers: dict[str, Answer]) -> None:
    said = answers_in("I want to withdraw the report I made about the people next door", answers)
    assert [asked.answer.id for asked in said] == ["withdraw_asb_report"]
    assert [
        asked.answer.id for asked in answers_in("I want to withdraw my complaint", answers)
    ] == ["withdraw_complaint"]


def test_a_question_about_the_shared_parts_of_a_block_is_answered(
    answers: dict[str, Answer],
) -> None:
    said = answers_in("are the stairwell lights on a timer?", answers)
    assert [asked.answer.id for asked in said] == ["communal_areas"]
    # A light out on the stairs told, not asked about, gets no answer about the communal areas;
    # since round 25 it gets the dark stairs answer (a repair, take care at night, no 999).
    told = answers_in("the light on the communal stairs has been out for days", answers)
    assert [asked.answer.id for asked in told] == ["dark_stairs"]


def test_a_lasting_power_of_attorney_is_read_back_as_such() -> None:
    for text in ("I have LPA for him", "I hold lasting power of attorney for my father"):
        assert holds_power_of_attorney(text) and consent_told(text), text
    assert not holds_power_of_attorney("does she need to give me power of attorney?")
    draft = DraftDefinition(
        "No hot water", True, "Fix it", "Mr Alan Bell, 3 Oak Road", "Mark Bell",
        "mark@example.com", "email", None, consent=True, power_of_attorney=True,
    )  # fmt: skip
    assert "You are helping them: Mark Bell. You hold lasting power of attorney for them." in (
        draft.read_back()
    )
    assert "They have agreed" not in draft.read_back()


def test_lasting_power_of_attorney_held_by_someone_else_is_not_the_helpers() -> None:
    """r11d-10: a support worker wrote "Her son Paul has lasting power of attorney"."""
    assert not holds_power_of_attorney("Her son Paul has lasting power of attorney")
    assert not holds_power_of_attorney("do I need power of attorney?")


def test_what_someone_else_should_say_to_another_is_no_request_for_a_person(
    answers: dict[str, Answer],
) -> None:
    """r11b-06: "...and the contractor to speak to the driver" at the read-back handed the chat
    over and left the complaint unlogged."""
    correction = (
        "the what you would like bit is wrong. for the complaint i want an apology and the "
        "contractor to speak to the driver"
    )
    understood = understand(
        OpenQuestion("awaiting_confirmation"), correction, "request_human", [], answers,
        asks_for_a_person=True,
    )  # fmt: skip
    assert understood.kind == "amend"
    assert understand(
        OpenQuestion("awaiting_confirmation"), "can I talk to a person please", "request_human",
        [], answers, asks_for_a_person=True,
    ).kind == "none"  # fmt: skip
