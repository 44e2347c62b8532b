"""Round 11 of the simulated residents (issue 16, item 5), in our own wordings: a question asked
inside a form or beside other words gets the landlord's answer from the sentence that asks it,
questions asked for someone else are read as they would ask them, and the answers cover money
help, swapping homes, complaints about the council and repairs already reported."""

from __future__ import annotations

import pytest

from bot.answers import OpenQuestion, understand
from bot.policy import Answer, Policy
from bot.questions import answers_in, first_answer, in_the_first_person
from bot.recorded import Recorded, asks_if_recorded, recorded_reply
from bot.replies import exclusion_lines

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
        # r11d-15, r11d-06: who sees a complaint, asked before giving one.
        ("who will see this complaint? my cousin works in your office", "who_sees_it"),
        ("will the staff member know it was me who complained?", "who_sees_it"),
        # r11a-01, r11a-11, r11a-02: what happens next, the time limit, the reference in writing.
        ("and will the tap repair be booked in separately?", "repair_carries_on"),
        ("is it a problem that it happened more than a year ago?", "time_limit"),
        ("will the ref be emailed to me as well", "confirmation_sent"),
        ("before I answer, how long will all this take?", "how_complaints_work"),
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
        ("formal complaint about the gardeners yes. did u get the tap bit too?", "request"),
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


def test_a_staff_grievance_gets_the_hr_route_and_no_ombudsman_line(policy: Policy) -> None:
    """r11b-08: a staff member's bullying grievance was told "the Housing Ombudsman can help
    you at any time", with no way to reach HR."""
    lines = exclusion_lines("staff_employment", policy)
    assert "ask for HR" in lines[1]
    assert not any("Ombudsman" in line for line in lines)
    assert "Ombudsman" in exclusion_lines("asb_report", policy)[-1]


def test_how_to_reach_hr_is_answered(answers: dict[str, Answer]) -> None:
    asked = first_answer("Im staff not a tenant. how do I contact HR out of hours?", answers)
    assert asked is not None and asked.id == "staff_hr"


def test_is_it_at_stage_2_is_answered_from_the_record() -> None:
    """r11a-06: "is my complaint at stage 2 now yes or no" got the general Stage 2 text."""
    assert asks_if_recorded("is my complaint at stage 2 now yes or no") == "stage_2"
    assert asks_if_recorded("so is it escalated or not??") == "stage_2"
    assert asks_if_recorded("what is stage 2") is None
    assert recorded_reply("stage_2", Recorded(stage_2_asked=True)).startswith("Not yet.")
    at_stage_1 = Recorded(complaint_reference="CMP-2026-000013", stage=1)
    assert recorded_reply("stage_2", at_stage_1).startswith("No. Your complaint CMP-2026-000013")


def test_asking_if_it_is_logged_at_the_read_back_changes_nothing(
    answers: dict[str, Answer],
) -> None:
    """At the read-back anything else is a correction: a question about the record is not."""
    understood = understand(
        OpenQuestion("awaiting_confirmation"), "is it logged or not?", None, [], answers
    )
    assert (understood.kind, understood.about_record) == ("question", "complaint")


def test_a_request_not_noted_is_said_so_with_how_to_give_it() -> None:
    """r11b-11: "did u get the tap bit too?" got "I can't answer that one myself"."""
    reply = recorded_reply("request", Recorded(complaint_under_way=True))
    assert reply.startswith("No, I have not noted a repair or request yet. When we have finished")
    assert recorded_reply("request", Recorded(request_noted=True)).startswith("Yes.")


def test_did_you_get_the_other_part_at_the_offer_is_answered_with_the_choice_taken(
    answers: dict[str, Answer],
) -> None:
    understood = understand(
        CHOICE, "formal complaint about the gardeners yes. did u get the tap bit too?", None, [],
        answers,
    )  # fmt: skip
    assert (understood.kind, understood.about_record, understood.unanswered) == (
        "yes", "request", False,
    )  # fmt: skip
