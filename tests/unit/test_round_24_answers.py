"""Round 24's plain questions that got "I can't answer that one" or an answer that did not
answer them: whose repair something is, what compensation comes to, how long the plumber takes,
and how to look after a smoke alarm that works."""

from __future__ import annotations

import pytest

from bot.policy import Answer
from bot.questions import first_answer


@pytest.mark.parametrize(
    ("message", "topic"),
    [
        # r24b-08 t4, asked inside the complaint form
        ("wait is the gate even ur job or the councils job?", "whose_repair"),
        ("is the boiler my responsibility or yours?", "whose_repair"),
        ("who's responsible for the fence at the back?", "whose_repair"),
        # r24b-06 t5
        ("how long will the plumber take to come?", "repair_timescales"),
        ("how soon will an electrician come out?", "repair_timescales"),
        # r24b-02 t6
        ("how much compensation do people get? whats the amount", "compensation"),
        # r24a-08 t1
        ("how often should I test the smoke alarm in the hall?", "alarm_testing"),
        ("do i need to change the battery on the co alarm every year?", "alarm_testing"),
    ],
)
def test_round_24_questions_get_their_own_answer(
    answers: dict[str, Answer], message: str, topic: str
) -> None:
    answer = first_answer(message, answers)
    assert answer is not None and answer.id == topic


def test_a_chirping_alarm_still_gets_the_chirp_answer_not_the_testing_one(
    answers: dict[str, Answer],
) -> None:
    answer = first_answer("the smoke alarm is chirping, can I take the battery out?", answers)
    assert answer is not None and answer.id == "alarm_chirping"


def test_compensation_says_no_amount_can_be_given_and_who_decides(
    answers: dict[str, Answer],
) -> None:
    text = answers["compensation"].text
    assert "can't tell you an amount" in text and "compensation policy" in text
    assert "{" not in text
