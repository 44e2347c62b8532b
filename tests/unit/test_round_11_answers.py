"""Round 11 of the simulated residents (issue 16, item 5), in our own wordings: a question asked
inside a form or beside other words gets the landlord's answer from the sentence that asks it,
questions asked for someone else are read as they would ask them, and the answers cover money
help, swapping homes, complaints about the council and repairs already reported."""

from __future__ import annotations

import pytest

from bot.answers import OpenQuestion, understand
from bot.policy import Answer
from bot.questions import answers_in, first_answer, in_the_first_person
from bot.recorded import Recorded, asks_if_recorded, recorded_reply

CHOICE = OpenQuestion("choice_pending")
STILL_HAPPENING = OpenQuestion("still_happening", "complaint_form")


def test_a_question_asked_for_someone_else_is_read_in_the_first_person() -> None:
    assert in_the_first_person("what can he do if hes not happy") == "what can i do if im not happy"


@pytest.mark.parametrize(
    ("message", "answer_id"),
    [
        # r11b-10: a call handler asking for the caller got "I can't answer that one".
        (
            "caller wants to know what she can do if shes not happy with our answer",
            "after_the_answer",
        ),
        ("my dad is asking what he can do if hes not happy with your reply", "after_the_answer"),
        # r11b-05: help for someone behind with the rent.
        ("is there any help out there if i cant afford it? already behind", "money_help"),
        # r11b-07: the council's decision goes to the council, then the LGSCO.
        (
            "if the council wont budge on my band can i take them to the ombudsman?",
            "council_complaint",
        ),
        ("how does a house swap work", "mutual_exchange"),
        # r11b-20: a repair already reported is chased, not reported again.
        ("when is the plumber coming? job ref 55123, nobody rang me back", "repair_status"),
    ],
)
def test_round_11_questions_get_their_own_answer(
    answers: dict[str, Answer], message: str, answer_id: str
) -> None:
    assert [asked.answer.id for asked in answers_in(message, answers)][:1] == [answer_id]


def test_a_new_repair_still_gets_how_to_report_one(answers: dict[str, Answer]) -> None:
    assert first_answer("how do i report a repair to my boiler?", answers).id == "report_repair"  # type: ignore[union-attr]


def test_the_question_beside_a_choice_is_answered_from_its_own_sentence(
    answers: dict[str, Answer],
) -> None:
    """r11b-07: "its the council. forget it. what about a house swap" got the council's services
    because the whole message was matched, not the sentence that asks."""
    understood = understand(
        CHOICE,
        "not you, its the council. what about swapping homes, how would i do that",
        None,
        [],
        answers,
    )
    assert understood.answer is not None and understood.answer.id == "mutual_exchange"


def test_a_money_question_inside_the_form_is_answered_and_the_answer_kept(
    answers: dict[str, Answer],
) -> None:
    """r11b-05: "is there any help if i cant afford it" inside the complaint got "I can't answer
    that one myself"."""
    understood = understand(
        STILL_HAPPENING,
        "yes ongoing. and is there anything you can do if im struggling to pay",
        None,
        [],
        answers,
    )
    assert understood.kind == "yes"
    assert understood.answer is not None and understood.answer.id == "money_help"
    assert not understood.unanswered


@pytest.mark.parametrize(
    ("message", "subject"),
    [
        ("Kerry Cole, her daughter. Is the complaint logged or not?", "complaint"),
        ("so has it gone through?", "complaint"),
        ("yes but is the ring-me-before-visits thing noted or not", "adjustments"),
        ("have you noted to ring me before any visit to mum?", "adjustments"),
        # Told, not asked: no answer about the record.
        ("the leak was noted by the surveyor in march", None),
        ("I have noted the number, thanks", None),
    ],
)
def test_questions_about_what_was_recorded(message: str, subject: str | None) -> None:
    assert asks_if_recorded(message) == subject


def test_what_was_recorded_is_said_plainly() -> None:
    assert recorded_reply("complaint", Recorded(complaint_reference="CMP-2026-000001")) == (
        "Yes. Your complaint is logged. Your reference is CMP-2026-000001."
    )
    assert recorded_reply("complaint", Recorded(complaint_under_way=True)).startswith("Not yet.")
    assert recorded_reply("adjustments", Recorded()).startswith("No, I have not noted")


def test_a_question_about_the_record_inside_the_form_keeps_the_answer_beside_it(
    answers: dict[str, Answer],
) -> None:
    understood = understand(
        OpenQuestion("contact_name", "complaint_form"),
        "Kerry Cole, her daughter. Is the complaint logged or not?",
        None,
        [],
        answers,
    )
    assert understood.about_record == "complaint"
    assert not understood.unanswered
    assert understood.answer_text == "Kerry Cole, her daughter."
