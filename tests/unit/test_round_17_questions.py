"""Round 17's plain questions, status questions and things asked again, read without servers:
the landlord's answers they get (policy_rules/answers.yml), when someone comes said from the
record (bot.recorded), where a reply has got to (bot.reply_dates), and a complaint asked for at its
own summary (bot.answers)."""

from __future__ import annotations

import pytest

from actions.complaint_form import fuller_name
from bot.answers import OpenQuestion, understand
from bot.definition import represented_person
from bot.policy import Answer
from bot.questions import answer_for, first_answer, is_question
from bot.recorded import Recorded, asks_if_recorded, asks_when_someone_comes, recorded_reply
from bot.reply_dates import asks_where_the_reply_is
from bot.told import tenant_on_the_line

READ_BACK = OpenQuestion("awaiting_confirmation")
REQUEST_CONTACT = OpenQuestion("request_contact_pending")


@pytest.mark.parametrize(
    ("question", "answer_id"),
    [
        # r17a-11 t4: how long you are meant to take.
        ("isnt 3 weeks too long anyway, how long are u meant to take", "how_complaints_work"),
        ("how long r u supposed to take to answer", "how_complaints_work"),
        ("How long should it take you to reply?", "how_complaints_work"),
        # r17a-14 t2, r17a-10 t2: what a formal complaint is, and why it is offered.
        ("yes complaint. what is formal? i want only somebody come fix", "formal_complaint"),
        ("what do u mean formal complaint, isnt that already a complaint?", "formal_complaint"),
        ("ive rung 4 times, doesnt that count as a complaint?", "formal_complaint"),
        ("wat is formal mean", "formal_complaint"),
        # r17a-03 t2: when the clock starts.
        (
            "does the 10 working days start from today or from when I first told you?",
            "when_the_clock_starts",
        ),
        ("do the working days count from when i rang in october?", "when_the_clock_starts"),
        ("when does the clock start, today?", "when_the_clock_starts"),
        # r17a-05 t6-7: a lasting power of attorney.
        (
            "I have lasting power of attorney for his finances. Does that count?",
            "lasting_power_of_attorney",
        ),
        ("does LPA count?", "lasting_power_of_attorney"),
        ("i got power of attorney for mum, is that enough for u", "lasting_power_of_attorney"),
        # r17a-10 t9-11: a manager.
        ("can a manager look at it yes or no", "manager_review"),
        ("and can it go straight to a manager?", "manager_review"),
        ("Could someone senior review my complaint please?", "manager_review"),
        # r17a-09 t4: the same reference at Stage 2.
        ("Will I get a new reference for Stage 2 or is it the same one?", "stage_2_reference"),
        ("new ref for stage 2 or same?", "stage_2_reference"),
        # r16b-10 t3-4: a neighbour's insurer claiming against the tenant.
        (
            "the downstairs man insurance write letter say my brother must pay them for his "
            "ceiling",
            "claim_against_you",
        ),
        (
            "my neighbours insurer wants me to pay for their kitchen, what do i do",
            "claim_against_you",
        ),
        (
            "Next door's insurance company is claiming against me for the leak. Help?",
            "claim_against_you",
        ),
    ],
)
def test_a_plain_question_gets_its_answer(
    answers: dict[str, Answer], question: str, answer_id: str
) -> None:
    found = answer_for(question, answers)
    assert found is not None and found.id == answer_id


@pytest.mark.parametrize(
    "question",
    [
        "will upstairs insurance pay for my carpet",
        "when will they start the work, its been days",
        "is the stage 2 looked at by the same person as before?",
    ],
)
def test_near_misses_do_not_get_the_new_answers(answers: dict[str, Answer], question: str) -> None:
    found = answer_for(question, answers)
    new = {"claim_against_you", "when_the_clock_starts", "stage_2_reference", "manager_review"}
    assert found is None or found.id not in new


@pytest.mark.parametrize(
    "text",
    [
        "Can you tell me when someone will actually come out? It's Sunday so not today",
        "yes ok. my name Faadumo Hassan. when somebody come?",
        "so will someone call me monday?",
        "wen r u lot coming to fix it",
        "is anyone coming out today??",
    ],
)
def test_when_someone_comes_is_asked(text: str) -> None:
    assert asks_when_someone_comes(text)


@pytest.mark.parametrize(
    "text",
    [
        "when will you reply to my complaint?",
        "the engineer will come monday",
        "when will you contact me about my complaint",
    ],
)
def test_when_someone_comes_is_not_read_into_other_things(text: str) -> None:
    assert not asks_when_someone_comes(text)


def test_when_someone_comes_is_said_from_what_the_record_holds() -> None:
    due = "We must check this and make it safe within 24 hours, by 12.45pm on Monday 7 December."
    reply = recorded_reply("visit", Recorded(visit_lines=(due,)))
    assert due in reply and "can't book a time" in reply
    assert "Tell me what needs fixing" in recorded_reply("visit", Recorded())


def test_when_someone_comes_beside_details_at_the_offer_is_answered() -> None:
    understood = understand(
        REQUEST_CONTACT,
        "yes please, my mobile is 07700 900412. Can you tell me when someone will come out?",
        "affirm",
        [],
        {},
    )
    assert understood.kind == "yes" and understood.about_record == "visit"


@pytest.mark.parametrize(
    "text",
    [
        "where is my reply?? its been 3 weeks since i complained about the heating",
        "still waiting on a reply to my complaint, sent it 4 weeks ago",
        "i complained last month and no one has got back to me",
        "hiya wot happened to my complaint, heard nothin in 3 wks",
    ],
)
def test_where_the_reply_is_asks_after_a_complaint_made_before(text: str) -> None:
    assert asks_where_the_reply_is(text)


@pytest.mark.parametrize(
    "text",
    [
        "the boiler is broken and nobody came",
        "i reported the leak and heard nothing",
        "where is the engineer",
    ],
)
def test_waiting_for_a_repair_is_not_a_status_question(text: str) -> None:
    assert not asks_where_the_reply_is(text)


@pytest.mark.parametrize(
    "text",
    [
        "Sorry, 'No'? No to what? I'm confused, is it the same reference or not?",
        "new ref or same one for stage 2?",
        "do i get a diff ref number?",
    ],
)
def test_same_reference_or_not_is_asked_of_the_record(text: str) -> None:
    assert asks_if_recorded(text) == "reference"


@pytest.mark.parametrize(
    "text",
    [
        "What questions? You haven't asked me anything. I want to make a complaint about the "
        "boiler.",
        "huh? i want a complaint about the leak",
        "I want to complain about the boiler, what questions?",
    ],
)
def test_a_complaint_asked_for_at_its_own_summary_is_no_yes(text: str) -> None:
    """r16a-03 t14 (left by forms17): the complaint was logged on it."""
    assert understand(READ_BACK, text, "make_complaint", [], {}).kind == "question"


@pytest.mark.parametrize(
    "text", ["yes i want to make a complaint, log it", "I want the complaint logged as it is"]
)
def test_log_it_at_the_summary_is_still_a_yes(text: str) -> None:
    assert understand(READ_BACK, text, "affirm", [], {}).kind == "yes"


@pytest.mark.parametrize(
    "text",
    [
        "arrange what? i want the complaint closed. is it cancelled or not",
        "so has my complaint been withdrawn?",
        "have u cancelled it yet?",
    ],
)
def test_is_it_cancelled_is_asked_of_the_record(text: str) -> None:
    """r16b-09 t4 (left by routes17)."""
    assert asks_if_recorded(text) == "withdrawal"


def test_is_it_cancelled_is_said_from_the_record() -> None:
    passed_on = recorded_reply("withdrawal", Recorded(withdrawal_passed_on="CMP-2026-000455"))
    assert passed_on.startswith("Not yet.") and "CMP-2026-000455" in passed_on
    assert recorded_reply("withdrawal", Recorded()).startswith("No, I have not taken")


def test_the_office_being_closed_is_not_a_withdrawal() -> None:
    assert asks_if_recorded("is it closed on sundays?") is None


@pytest.mark.parametrize(
    "text",
    [
        "T on line, c/o bathroom extractor fan not working since Aug. T = Mrs J Adeyemi",
        "T Mrs J Okafor on line, boiler broken 3 days",
        "on phone w/ tenant Mr P Singh, 12 Oak St, c/o damp",
    ],
)
def test_a_call_handlers_tenant_on_the_line(text: str) -> None:
    """r17a-07 t3-4: asked "are you the resident" and the tenant's name."""
    assert tenant_on_the_line(text)


@pytest.mark.parametrize(
    "text",
    ["son on line for T Mrs Ali", "my mum is on the phone with me", "i was on the phone for ages"],
)
def test_not_a_tenant_on_the_line(text: str) -> None:
    assert not tenant_on_the_line(text)


@pytest.mark.parametrize(
    ("text", "resident"),
    [
        (
            "Cllr Hart has been contacted by a constituent, Mr Tomasz Nowak of 5 Birch Close, who "
            "is unhappy.",
            "Mr Tomasz Nowak, 5 Birch Close",
        ),
        ("I'm helping one of my clients, Ms Leanne Price (she's here).", "Ms Leanne Price"),
        ("im helping one of my neighbours, Mrs Ada Lee at 4 Oak Road", "Mrs Ada Lee, 4 Oak Road"),
    ],
)
def test_a_resident_named_by_a_helper(text: str, resident: str) -> None:
    """r17a-08 t5, r17a-06 t2: asked for the resident again."""
    assert represented_person(text) == resident


def test_no_it_is_not_told_in_esl_is_no_question(answers: dict[str, Answer]) -> None:
    """r16b-10 t2 (left by routes17): the council list told beside "no is not 12 month" got the
    `lettings` answer again, on a turn that asked nothing."""
    told = "no is not 12 month. toilet broken 2 week. the 2 year is the council list. yes still"
    assert not is_question(told)
    assert first_answer(told, answers) is None
    assert is_question("is not it logged")


@pytest.mark.parametrize(
    ("held", "told", "fuller"),
    [
        ("Faadumo", "Faadumo Hassan", True),
        ("faadumo", "Faadumo Hassan", True),
        ("Faadumo Hassan", "Faadumo Hassan", False),
        ("Kerry", "Sunday Kerry", False),
    ],
)
def test_a_fuller_name_told_later_is_kept(held: str, told: str, fuller: bool) -> None:
    """r17a-14 t10: "my name Faadumo" first, "Faadumo Hassan" at the resident question; the
    read-back still said "Faadumo"."""
    assert fuller_name(held, told) is fuller


def test_a_manager_asked_yes_or_no_at_the_summary_is_answered(answers: dict[str, Answer]) -> None:
    """r17a-10 t11: "just answer it, can a manager look at it yes or no" got the part menu."""
    typed = (
        "take out the bit about the manager, thats my question not what went wrong. just answer "
        "it, can a manager look at it yes or no"
    )
    understood = understand(READ_BACK, typed, "deny", [], answers)
    assert understood.kind == "question"
    assert understood.answer is not None and understood.answer.id == "manager_review"
