"""Round 14 outside the form: Stage 2 asked for and where none was asked, carrying on beside a
person, and adding to a complaint already made."""

from __future__ import annotations

import pytest

from bot.answers import (
    OpenQuestion,
    adds_to_a_complaint,
    cancels_a_person_request,
    takes_back_a_person_request,
    understand,
)
from bot.policy import Answer, Policy
from bot.questions import asks_what, first_answer
from bot.recorded import Recorded, asks_if_recorded, recorded_reply
from bot.replies import stage_2_already_asked
from bot.triage.stage_2 import asks_for_stage_2

ADJUSTMENT_CONSENT = OpenQuestion("adjustment_consent", "complaint_form")
STILL_HAPPENING = OpenQuestion("still_happening", "complaint_form")


@pytest.mark.parametrize(
    ("question", "text", "intent"),
    [
        (ADJUSTMENT_CONSENT, "07700900614", "complaint_status"),
        (STILL_HAPPENING, "i want to finish my complaint about the boiler", "escalate"),
    ],
)
def test_a_complaint_form_answer_read_as_about_an_earlier_complaint_keeps_the_form(
    question: OpenQuestion, text: str, intent: str, answers: dict[str, Answer], policy: Policy
) -> None:
    """r14a-11 (serious): a phone number typed at "May we record it?" got "What is your
    complaint reference?", and the complaint being made was never logged."""
    understood = understand(
        question, text, intent, [], answers, stage_2_by_name=asks_for_stage_2(text, policy)
    )
    assert understood.kind == "question"


def test_a_reference_or_stage_2_by_name_in_the_form_is_still_about_an_earlier_complaint(
    answers: dict[str, Answer], policy: Policy
) -> None:
    text = "sorry, first can you put CMP-2026-000051 to stage 2"
    understood = understand(
        STILL_HAPPENING, text, "escalate", [], answers,
        stage_2_by_name=asks_for_stage_2(text, policy),
    )  # fmt: skip
    assert understood.kind == "none"


@pytest.mark.parametrize(
    "text",
    [
        "I need complaint CMP-2026-000061 moved up to stage 2, and a date please, thats it",
        "huh?? not done yet. stage two please, ref CMP-2026-000061",
    ],
)
def test_stage_2_by_name_with_a_reference_and_nothing_open_is_the_request(
    text: str, answers: dict[str, Answer], policy: Policy
) -> None:
    """r14a-05 (serious): "I want my complaint CMP-... put to stage 2 and a date ..., thats all"
    got "Goodbye", and "what?? ... stage 2 please. reference CMP-..." the general Stage 2 text."""
    understood = understand(
        None, text, "goodbye", [], answers, stage_2_by_name=asks_for_stage_2(text, policy)
    )
    assert (understood.kind, understood.value) == ("button", "/escalate")
    assert not asks_what(text)


def test_a_question_about_stage_2_with_a_reference_is_still_answered(policy: Policy) -> None:
    assert asks_what("whats stage 2 exactly? mine is CMP-2026-000061")


@pytest.mark.parametrize(
    "text",
    [
        "so is my stage 2 request actually logged or not? whats the date i hear by?",
        "is the stage 2 request recorded yet",
    ],
)
def test_whether_a_stage_2_request_is_logged_is_about_stage_2(text: str) -> None:
    """r14a-05 (serious): "is my stage 2 request logged?" got "No, I have not logged a
    complaint in this conversation"."""
    assert asks_if_recorded(text) == "stage_2"


def test_is_it_logged_after_asking_for_stage_2_is_answered_about_the_request() -> None:
    reply = recorded_reply("complaint", Recorded(stage_2_asked=True))
    assert reply.startswith("Not yet. I have passed your request for Stage 2 on.")


def test_how_stage_2_goes_once_asked_does_not_say_to_ask(policy: Policy) -> None:
    """r14d-07, r14d-15: "When you want Stage 2, tell me" after she had asked for it."""
    said = stage_2_already_asked(policy)
    assert "When you want Stage 2" not in said
    assert "You have asked for Stage 2" in said and "20 working days" in said


@pytest.mark.parametrize(
    ("text", "cancels"),
    [
        ("carry on here", False),
        ("ok carry on here then. the complaint is about the damp", False),
        ("Monday is too long. OK I continue with you", False),
        ("actually no dont bother, ill wait for their letter. cancel that", True),
        ("no need for a person now, ill do it with you", True),
    ],
)
def test_carrying_on_here_keeps_the_person_and_cancelling_does_not(
    text: str, cancels: bool
) -> None:
    """r14a-13, r14a-11 (serious): "carry on here", offered until a person picks it up, said
    "Nobody will pick this up now"; r14d-03: "dont bother ... cancel that" kept the handover."""
    assert takes_back_a_person_request(text)
    assert cancels_a_person_request(text) is cancels


@pytest.mark.parametrize(
    ("text", "adds"),
    [
        ("hi theres a complaint in already, CMP-2026-000140. could i add something to it? the "
         "damp is now in the baby's room", True),
        ("pls add this to my complaint CMP-2026-000140, the rats are in the loft now", True),
        ("how do I add more info to my complaint?", True),
        ("and put it on CMP-2026-000140 please", True),
        ("please add an apology to what she wants", False),
        ("I want to complain about the rats, nobody came", False),
    ],
)  # fmt: skip
def test_adding_to_a_complaint_already_made(text: str, adds: bool) -> None:
    """r14a-16 (serious), r14d-17: asking to add to an open complaint started Stage 2."""
    assert adds_to_a_complaint(text) is adds


def test_stage_2_by_name_the_model_read_so_is_no_goodbye(
    answers: dict[str, Answer], policy: Policy
) -> None:
    """r14a-05: read as Stage 2 by the model, "..., thats all" was still taken as a goodbye."""
    text = "I need complaint CMP-2026-000061 moved up to stage 2, and a date please, thats all"
    understood = understand(
        None, text, "escalate", [], answers, stage_2_by_name=asks_for_stage_2(text, policy)
    )
    assert understood.kind == "none"


@pytest.mark.parametrize(
    ("text", "answer_id"),
    [
        ("ok. would it matter that it all happened 2 years ago?", "time_limit"),
        ("will you turn it down because it started in 2019?", "time_limit"),
        ("but will the people next door know it was me who reported them?", "who_reported_asb"),
        ("will the neighbour find out", "who_reported_asb"),
        ("thanks. any help with money stuff as well?", "money_help"),
        ("lol ok so how do i complain to the ombudsman", "ombudsman"),
        ("no i never got one. sorry whats a job number?", "job_number"),
        ("how long till somebody come round? tonight?", "repair_timescales"),
        ("will my housing officer know it was me who complained?", "who_sees_it"),
        ("my neighbour told me to report it, how do i report a repair?", "report_repair"),
    ],
)
def test_questions_round_14_left_unanswered_are_answered(
    text: str, answer_id: str, answers: dict[str, Answer]
) -> None:
    """r14b-07, r14b-08, r14b-26, r14b-12, r14c-09: "I can't answer that", or another topic's
    answer (complaint confidentiality for an ASB report, complaint timescales for a repair)."""
    found = first_answer(text, answers)
    assert found is not None and found.id == answer_id


def test_a_long_no_with_nothing_open_is_read_again(answers: dict[str, Answer]) -> None:
    """r14a-15, r14d-13: "no he come only one time, on wednesday 2 december" and "so will
    someone chase it or not" with no question open got "Goodbye"."""
    for text in (
        "no he come only one time, on wednesday 2 december",
        "so will someone chase it or not",
    ):
        assert understand(None, text, "deny", [], answers).kind == "reread"
    assert understand(None, "no thats all", "deny", [], answers).kind != "reread"


def test_forget_it_ill_ring_monday_with_nothing_open_is_a_goodbye(
    answers: dict[str, Answer],
) -> None:
    """r14d-17: "forget it ill ring monday" noted a new request for the team."""
    understood = understand(None, "oh forget it, i'll ring you on monday", None, [], answers)
    assert (understood.kind, understood.value) == ("button", "/goodbye")
