"""Round 26 (issue 16), Stage 2 in residents' words and the form kept going, in our own wordings:
a Stage 2 request taken back in other words is read as taken back (r26b-07 t3-t5, r26b-01 t5),
and at the Stage 2 questions it is never kept as the email or phone number; unhappiness with a
Stage 1 answer is told apart from asking for Stage 2 (r26b-07 t2, r26b-01 t1); a yes to the
offer of Stage 2 is the request; short of time in the middle of the questions is no stop
(r26b-10 t8, r26b-11 t4)."""

from __future__ import annotations

import pytest

from bot.answers import Button, OpenQuestion, understand
from bot.policy import Answer, Policy
from bot.triage.stage_2 import came_late, read_stage_2, unhappy_with_the_stage_1_answer

IDENTITY = OpenQuestion("escalation_identity", "escalation_form")
REFERENCE = OpenQuestion("escalation_reference", "escalation_form")
EARLIER = OpenQuestion("earlier_request", "complaint_form")
ADJUSTMENTS = OpenQuestion("adjustments_needed", "complaint_form")


@pytest.mark.parametrize(
    "message",
    [
        "no no please don't send it on to stage 2, i only said i was fed up",
        "dont put my complaint to stage 2 yet",
        "forget the stage 2 for now, i need to speak to my husband",
        "hold off on the stage two please",
        "I no longer want it to go to stage 2",
        "i never said i wanted that, i only said the letter was poor",
    ],
)
def test_a_stage_2_taken_back_in_other_words_is_read_so(policy: Policy, message: str) -> None:
    assert read_stage_2(message, policy) in ("declines", "undo")


@pytest.mark.parametrize(
    "message",
    ["why dont you send it to stage 2 then", "can you send my complaint to stage 2 please"],
)
def test_asking_for_stage_2_is_still_asking_for_it(policy: Policy, message: str) -> None:
    assert read_stage_2(message, policy) == "asks_for"


@pytest.mark.parametrize("question", [IDENTITY, REFERENCE])
@pytest.mark.parametrize(
    "message",
    [
        "hang on i never asked for stage 2, i was only moaning about it",
        "no dont send it to stage 2 i didnt say that",
    ],
)
def test_taken_back_at_the_stage_2_questions_is_no_answer_to_them(
    answers: dict[str, Answer], policy: Policy, question: OpenQuestion, message: str
) -> None:
    taken_back = read_stage_2(message, policy) in ("declines", "undo")
    understood = understand(
        question, message, "escalate", [], answers, stage_2_taken_back=taken_back
    )
    assert understood.kind == "no_stage_2"


@pytest.mark.parametrize(
    "message",
    [
        "had the stage one response on monday CMP-2026-000044 and honestly it's useless",
        "the stage 1 letter just blamed me for the damp",
        "my stage 1 answer arrived two weeks late and never mentioned the leak",
    ],
)
def test_unhappy_with_the_stage_1_answer_is_told_apart(message: str) -> None:
    assert unhappy_with_the_stage_1_answer(message)


@pytest.mark.parametrize(
    "message",
    [
        "how does stage 2 work",
        "i got my stage 1 answer, thanks, all sorted",
        "my boiler is rubbish and keeps breaking",
    ],
)
def test_other_messages_are_not_unhappiness_with_the_answer(message: str) -> None:
    assert not unhappy_with_the_stage_1_answer(message)


def test_a_late_answer_is_told_apart() -> None:
    assert came_late("my stage 1 answer arrived two weeks late and never mentioned the leak")
    assert not came_late("the stage 1 letter just blamed me for the damp")


@pytest.mark.parametrize("message", ["yes please", "yeah go on then", "yes"])
def test_a_yes_to_the_offer_of_stage_2_asks_for_it(
    answers: dict[str, Answer], message: str
) -> None:
    offered = [Button("Yes, ask for Stage 2", "/escalate")]
    understood = understand(None, message, "affirm", offered, answers)
    assert understood.kind == "button" and understood.value == "/escalate"


@pytest.mark.parametrize("question", [EARLIER, ADJUSTMENTS])
@pytest.mark.parametrize(
    "message",
    [
        "has it gone through yet? i need to leave in 10 minutes",
        "is my complaint logged? I'm in a rush",
        "Have you logged it yet? I've got to go shortly.",
    ],
)
def test_asked_whether_it_is_logged_short_of_time_the_form_goes_on(
    answers: dict[str, Answer], question: OpenQuestion, message: str
) -> None:
    understood = understand(question, message, "complaint_status", [], answers)
    assert understood.kind == "question"
    assert understood.hurried
    assert understood.about_record == "complaint"


def test_short_of_time_with_an_answer_keeps_the_answer(answers: dict[str, Answer]) -> None:
    understood = understand(EARLIER, "no, and i have to go in 5 mins", "deny", [], answers)
    assert understood.kind != "leave"


@pytest.mark.parametrize(
    "message", ["forget it, i have to go soon", "i have to go", "stop the complaint please"]
)
def test_a_clear_stop_still_stops(answers: dict[str, Answer], message: str) -> None:
    assert understand(EARLIER, message, "deny", [], answers).kind == "leave"


def test_carry_on_here_with_nobody_awaited_carries_on(answers: dict[str, Answer]) -> None:
    """After a Stage 2 request and its handover were taken back, "Carry on here" got "Goodbye"."""
    understood = understand(None, "Carry on here", "goodbye", [], answers)
    assert understood.kind == "button" and understood.value == "/affirm"
