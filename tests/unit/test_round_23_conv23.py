"""Round 23 (r23b, issue 16), in our own wordings: corrections typed as sentences at the
read-back (the adjustments line taken out, a name and what went wrong changed in one message,
a part named beside words that match a common answer); Stage 2 asked for an earlier complaint
whose reference was given, while a new one is offered or drafted; a status question told as a
wait of weeks; nuisance from ball games and youths is the ASB team's; the fear of a comeback
told while giving up a complaint is answered."""

from __future__ import annotations

from dataclasses import replace

import pytest

from bot.answers import OpenQuestion, understand
from bot.corrections import NO_ADJUSTMENTS_NEEDED, correction_of
from bot.policy import Answer, Policy
from bot.questions import answers_in
from bot.reply_dates import asks_where_the_reply_is
from bot.triage.stage_2 import asks_for_stage_2, read_stage_2
from tests.unit.test_corrections import DRAFT

READ_BACK = OpenQuestion("awaiting_confirmation")
CHOICE = OpenQuestion("choice_pending")
NAME_QUESTION = OpenQuestion("contact_name", form="complaint_form")

WITH_ADJUSTMENT = replace(DRAFT, adjustments="no I dont think so.", contact_name="Gemma Hale")
HELPER_NAMED_SHORT = replace(
    DRAFT,
    aspects="I am Cllr Ann Ward. It is still going on every weekend.",
    representative="Mr Joe Bell, 3 Elm Court",
    contact_name="Cllr Ann",
    consent=True,
)


def _asked(text: str, answers: dict[str, Answer]) -> list[str]:
    return [asked.answer.id for asked in answers_in(text, answers)]


# r23b-07 t9: "I dont need anything to make it easier, please take that line out" was added to
# the adjustments line.
@pytest.mark.parametrize(
    "typed",
    [
        "Nothing would make it easier for me, please remove that line.",
        "I'm fine as I am, take the easier for you line out please",
        "I dont need anything to make things easier, delete it.",
    ],
)
def test_the_adjustments_line_taken_out_is_cleared(typed: str) -> None:
    correction = correction_of(typed, WITH_ADJUSTMENT)
    assert correction.changes == {"adjustments": NO_ADJUSTMENTS_NEEDED}


def test_the_line_cleared_beside_a_new_wish_changes_both() -> None:
    correction = correction_of(
        "Nothing would make it easier, take that bit out. And what I would like is a call back "
        "from a manager.",
        WITH_ADJUSTMENT,
    )
    assert correction.changes["adjustments"] == NO_ADJUSTMENTS_NEEDED
    assert "call back from a manager" in str(correction.changes["outcome"])


@pytest.mark.parametrize("held", [None, ""])
def test_the_adjustments_line_taken_out_when_none_is_held_adds_nothing(held: str | None) -> None:
    correction = correction_of(
        "I dont need anything to make it easier, please take that line out. And what I would "
        "like is a visit from the manager.",
        replace(DRAFT, adjustments=held),
    )
    assert "adjustments" not in correction.changes
    assert "visit from the manager" in str(correction.changes["outcome"])


def test_one_thing_taken_out_of_the_adjustments_is_not_the_whole_line() -> None:
    held = replace(DRAFT, adjustments="large print and no phone calls")
    correction = correction_of("take the phone calls bit out of the adjustments", held)
    assert correction.changes.get("adjustments") != NO_ADJUSTMENTS_NEEDED


# r23b-02 t7: "Two things. My name is Priya Shah (Councillor), not Cllr Priya. And what went wrong
# must say ..." changed neither.
@pytest.mark.parametrize(
    "typed",
    [
        "Two corrections. My name is Ann Ward (Councillor), not Cllr Ann. And what went wrong "
        "must say that the ASB team ignored his noise diaries for a year.",
        "My name is Ann Ward not Cllr Ann. What went wrong should say that the ASB team ignored "
        "his noise diaries for a year.",
        "Couple of things. The name should be Ann Ward. Also what went wrong should read: the "
        "ASB team ignored his noise diaries for a year.",
    ],
)
def test_a_name_and_what_went_wrong_changed_in_one_message(typed: str) -> None:
    correction = correction_of(typed, HELPER_NAMED_SHORT)
    assert correction.changes["contact_name"] == "Ann Ward"
    assert "ignored his noise diaries" in str(correction.changes["aspects"])
    assert not str(correction.changes["aspects"]).startswith("that")


@pytest.mark.parametrize(
    "typed",
    [
        "Two things. My name is Ann Ward, not Cllr Ann. And what went wrong must say that the "
        "ASB team have done nothing about the loud music.",
        "what went wrong should say the ASB team never acted on the noise from upstairs",
        "the helper line should say Ann Ward. She reported the drug dealing to the ASB team.",
    ],
)
def test_a_correction_naming_a_part_beside_asb_words_is_no_question(
    answers: dict[str, Answer], typed: str
) -> None:
    understood = understand(READ_BACK, typed, "inform", [], answers)
    assert understood.kind == "amend"
    assert understood.answer is None


def test_a_question_about_asb_at_the_read_back_is_still_answered(
    answers: dict[str, Answer],
) -> None:
    understood = understand(READ_BACK, "who do I report the loud music to?", "inform", [], answers)
    assert understood.answer is not None and understood.answer.id == "asb_team"


# r23b-04 t4, t11, t12: Stage 2 asked for the complaint named at the start started a new Stage 1
# form, became what she would like, or withdrew the old complaint.
@pytest.mark.parametrize(
    "typed",
    [
        "right then, I want stage 2. the leak in the bathroom still isnt fixed",
        "is this a stage 2 or a new complaint? I want stage 2 please",
        "scrap this one. stage 2 for CMP-2026-000045 please",
    ],
)
@pytest.mark.parametrize("question", [CHOICE, READ_BACK, NAME_QUESTION, None])
def test_stage_2_for_the_complaint_named_earlier_is_taken(
    policy: Policy, answers: dict[str, Answer], typed: str, question: OpenQuestion | None
) -> None:
    understood = understand(
        question,
        typed,
        "inform",
        [],
        answers,
        stage_2_by_name=asks_for_stage_2(typed, policy),
        reference_given=True,
    )
    if question is None:
        # With nothing open, the message is read as the Stage 2 request it is.
        assert (understood.kind, understood.value) == ("button", "/escalate")
    else:
        assert understood.kind == "stage_2"


@pytest.mark.parametrize(
    "typed", ["is this stage 2 or a new complaint?", "what does stage 2 mean?"]
)
def test_a_question_about_stage_2_is_not_a_request(
    policy: Policy, answers: dict[str, Answer], typed: str
) -> None:
    understood = understand(
        READ_BACK,
        typed,
        "inform",
        [],
        answers,
        stage_2_by_name=asks_for_stage_2(typed, policy),
        reference_given=True,
    )
    assert understood.kind != "stage_2"


def test_stage_2_with_no_reference_given_is_left_as_before(
    policy: Policy, answers: dict[str, Answer]
) -> None:
    typed = "right then, I want stage 2"
    understood = understand(
        CHOICE, typed, "inform", [], answers, stage_2_by_name=asks_for_stage_2(typed, policy)
    )
    assert understood.kind != "stage_2"


@pytest.mark.parametrize(
    "typed",
    [
        "is this going in as a new complaint or stage 2? stage 2 is what I asked for",
        "stage 2 or a new complaint, which is it? I want stage 2",
    ],
)
def test_a_new_complaint_named_as_one_of_two_is_not_a_first_complaint(
    policy: Policy, typed: str
) -> None:
    assert read_stage_2(typed, policy) != "no_earlier_complaint"


def test_a_new_complaint_said_plainly_still_is(policy: Policy) -> None:
    assert (
        read_stage_2("I want to make a new complaint about the stairs, its a new complaint", policy)
        == "no_earlier_complaint"
    )


# r23b-04 t1: the status question was answered only after the offer of a new complaint.
@pytest.mark.parametrize(
    "text",
    [
        "I made a complaint in September, CMP-2026-000120. its been 5 weeks and nothing",
        "put a complaint in last month ref CMP-2026-000077, whats going on with it?",
        "i raised a complaint weeks ago, whats happening with it",
    ],
)
def test_a_wait_told_about_a_complaint_made_is_a_status_question(text: str) -> None:
    assert asks_where_the_reply_is(text)


def test_a_wait_for_a_repair_is_no_status_question() -> None:
    assert not asks_where_the_reply_is("the boiler has been 3 weeks and nothing")


# r23b-06 t1, t2: "who deals w/ kids kicking ball at her windows" got nothing, then "I can't
# answer that one".
@pytest.mark.parametrize(
    "text",
    [
        "who do I tell about the boys kicking a ball against my car every night?",
        "what about the kids w/ the ball, who deals w that?",
        "how do i report graffiti on the garages",
        "who deals with youths hanging around outside the block",
    ],
)
def test_nuisance_from_ball_games_and_youths_gets_the_asb_answer(
    answers: dict[str, Answer], text: str
) -> None:
    assert "asb_team" in _asked(text, answers)


def test_a_ball_valve_is_no_anti_social_behaviour(answers: dict[str, Answer]) -> None:
    assert "asb_team" not in _asked(
        "the ball valve in the loft tank is stuck, who do i call?", answers
    )


def test_the_asb_part_of_a_message_with_several_is_answered(answers: dict[str, Answer]) -> None:
    text = (
        "caller says the gas engineer was rude to him. also asks when the rent goes up + wants to "
        "know who deals w/ kids kicking a ball at his door"
    )
    assert "asb_team" in _asked(text, answers)


# r23b-08 t6: "mama say she dont want complaint, she scared they will be angry with her" got no
# reassurance.
@pytest.mark.parametrize(
    "text",
    [
        "dad doesnt want the complaint any more, he is scared they will be angry with him. just "
        "fix the window please",
        "forget the complaint, im worried theyll be funny with me after. just fix the light",
        "Nan is frightened she will get kicked out if she complains. stop the complaint and just "
        "get the boiler fixed",
    ],
)
def test_the_fear_of_a_comeback_is_answered_while_leaving_the_complaint(
    answers: dict[str, Answer], text: str
) -> None:
    understood = understand(NAME_QUESTION, text, "inform", [], answers)
    assert understood.kind == "put_right"
    assert understood.answer is not None and understood.answer.id == "fear_of_comeback"


def test_no_reassurance_without_a_fear(answers: dict[str, Answer]) -> None:
    assert "fear_of_comeback" not in _asked("forget the complaint, just fix the light", answers)
