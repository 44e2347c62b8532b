"""Round 15 outside the form: honesty about contact after an exclusion, plain questions the
landlord's answers cover, and what is said after a complaint is logged."""

from __future__ import annotations

import pytest

from bot.answers import OpenQuestion, says_goodbye, understand
from bot.policy import Answer, Policy
from bot.questions import first_answer
from bot.replies import chat_lines
from bot.triage import triage
from bot.triage.result import TriageResult
from tests.unit.test_triage import parse_text


def excluded(ground: str) -> TriageResult:
    return TriageResult(
        "excluded", "staff_grievance", 0.9, ground, (), (), (), (), (), "general", False, None,
        (), outside_the_process=True,
    )  # fmt: skip


def test_an_exclusion_in_a_chat_with_no_contact_details_promises_no_reply(
    policy: Policy,
) -> None:
    """r15b-14 (serious): a staff member's grievance was told "we will tell you why" with no
    way to reach him held; without details the chat says how to hear the decision."""
    said = " ".join(chat_lines(excluded("staff_employment"), policy, None))
    assert "we will tell you why" not in said
    assert policy.landlord.phone in said


def test_an_exclusion_with_contact_details_held_says_we_will_tell_them(policy: Policy) -> None:
    said = " ".join(chat_lines(excluded("staff_employment"), policy, "07700 900622"))
    assert "we will tell you why" in said


def test_a_message_that_asks_nothing_is_not_thanked_for_a_question(policy: Policy) -> None:
    """r15d-05, r15d-07: "don't bother passing it on, I'll ring myself" got "Thanks for your
    question. I can't answer that one myself"."""
    said = " ".join(chat_lines(other(), policy, None, asked=False))
    assert "question" not in said
    assert "can't answer" not in said


def test_a_question_nobody_can_answer_is_still_said_honestly(policy: Policy) -> None:
    said = " ".join(chat_lines(other(), policy, None, asked=True))
    assert "I can't answer that one myself" in said


def other() -> TriageResult:
    return TriageResult(
        "other", "enquiry", 0.9, None, (), (), (), (), (), "general", False, None, ()
    )  # fmt: skip


@pytest.mark.parametrize(
    ("text", "answer_id"),
    [
        ("how come this cant go to stage two right away?", "stage_1_first"),
        ("why wont you escalate it then", "stage_1_first"),
        ("and if the stage 2 answer is no good either, what then?", "after_stage_2"),
        ("what happens if the officer says it's out of time?", "complaint_not_accepted"),
        ("would my mum be treated differently for complaining", "no_comeback"),
        ("is complaining going to affect my tenancy?", "no_comeback"),
        ("can her daughter come to the meeting with her?", "someone_with_you"),
        (
            "will you make sure the officer is told about the abuse risk?",
            "safety_to_housing_officer",
        ),
        ("what happens if my rent is late this month, will i get evicted", "late_rent"),
        ("the engineer capped the boiler, who will fix it now?", "who_fixes_it"),
        ("ok so what happens after this", "how_complaints_work"),
        ("does the damp inspection have to wait for the complaint to finish?", "repair_carries_on"),
        ("will my nbr know it was me who complained?", "who_reported_asb"),
        ("i want to take back my complain please", "withdraw_complaint"),
    ],
)
def test_plain_questions_get_the_landlords_answer(
    text: str, answer_id: str, answers: dict[str, Answer]
) -> None:
    """Round 15: each of these got "I can't answer that one myself" (r15d-15 five times, r15b-11,
    r15d-13, r15d-14, r15a-10, r15d-09, r15c-15, r15c-11, r15a-11, r15a-14, r15d-12, r15d-08)."""
    asked = first_answer(text, answers)
    assert asked is not None and asked.id == answer_id


def test_an_officer_cancelling_visits_is_no_withdrawal(answers: dict[str, Answer]) -> None:
    """r15a-10: "the officer keeps cancelling his visits" got how to withdraw a complaint."""
    asked = first_answer(
        "the officer keeps cancelling her visits, is my complaint logged?", answers
    )
    assert asked is None or asked.id != "withdraw_complaint"


STAGE_2_REFERENCE = OpenQuestion("escalation_reference", "escalation_form")


@pytest.mark.parametrize(
    "text", ["eh? i havent made any complaint, i only asked about the form", "im not complaining!"]
)
def test_no_complaint_at_all_leaves_the_stage_2_questions_without_a_new_complaint(
    text: str, answers: dict[str, Answer]
) -> None:
    """r15b-09 (serious): "I haven't made a complaint" inside the Stage 2 questions started a
    Stage 1 complaint nobody wanted."""
    understood = understand(STAGE_2_REFERENCE, text, None, [], answers, no_earlier_complaint=True)
    assert understood.kind == "leave"


def test_a_first_complaint_inside_the_stage_2_questions_is_still_taken(
    answers: dict[str, Answer],
) -> None:
    text = "no reference, this is my first complaint"
    understood = understand(STAGE_2_REFERENCE, text, None, [], answers, no_earlier_complaint=True)
    assert understood.kind == "new_complaint"


@pytest.mark.parametrize(
    "text",
    ["told T to ring back tmrw. thanks, ending call", "thats everything for now, good night"],
)
def test_a_sign_off_is_a_goodbye_not_a_new_request(text: str, answers: dict[str, Answer]) -> None:
    """r15d-04: a call handler's "thx, closing call" was logged as a new service request."""
    assert says_goodbye(text)
    understood = understand(None, text, "inform", [], answers)
    assert (understood.kind, understood.value) == ("button", "/goodbye")


def test_a_bill_for_damage_the_workmen_did_is_ours_not_another_bodys(policy: Policy) -> None:
    """r15a-11 (serious): our own charge for a door the workmen broke was told "another body
    looks after this, not us" (the model leaned to other_organisation)."""
    ranking = {"other_organisation": 0.5, "dissatisfaction": 0.3, "enquiry": 0.2}
    text = "I got a bill for £95 for the bath panel the workmen cracked, why should I pay that?"
    result = triage(parse_text(text, ranking, policy), policy)
    assert (result.label, result.exclusion_reason) == ("complaint", None)
