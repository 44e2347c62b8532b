"""Round 12 of the simulated residents (issue 16), in our own wordings: the choice read a clause
at a time, a complaint taken back inside the form, a request for a person that is not leaving,
Stage 2 asked for at the choice, "is my stage 2 still going ahead?", and the emergency repairs
line for "who do I ring tonight?"."""

from __future__ import annotations

import pytest

from bot.answers import OpenQuestion, complaint_choice, understand
from bot.nlp.matches import first_reference
from bot.policy import Answer, Policy
from bot.questions import first_answer
from bot.recorded import asks_if_recorded
from bot.triage.stage_2 import read_stage_2

CHOICE = OpenQuestion("choice_pending")
EARLIER_REPORT = OpenQuestion("earlier_request", "complaint_form")


@pytest.mark.parametrize(
    "text",
    [
        # r12a-08: the "no" answered "is anyone in danger?", not the choice.
        "Nobody is in any danger no. A formal complaint please. I haven't told her yet",
        "no one's hurt, no. formal complaint pls",
    ],
)
def test_a_no_to_another_question_does_not_turn_down_the_complaint(text: str) -> None:
    assert complaint_choice(text) is True
    assert understand(CHOICE, text, "deny", [], {}).kind == "yes"


@pytest.mark.parametrize(
    "text",
    ["no formal complaint, just fix it", "no, not a formal one thanks, just get it sorted"],
)
def test_a_no_to_the_complaint_itself_still_puts_it_right(text: str) -> None:
    assert complaint_choice(text) is False


@pytest.mark.parametrize(
    "text",
    [
        # r12a-06: the change of mind was ignored and the same question asked again.
        "It's not been reported before, no. To be honest I don't really want a formal complaint "
        "after all, I just want it cleaned. Could you just pass it on?",
        "actually i dont want a formal complaint now, i just want it cleaned up",
    ],
)
def test_taking_the_complaint_back_for_the_job_inside_the_form_puts_it_right(text: str) -> None:
    assert understand(EARLIER_REPORT, text, "deny", [], {}).kind == "put_right"


def test_taking_the_complaint_back_inside_the_form_leaves_it() -> None:
    """r12a-06: "no. and I don't want a formal complaint any more please" went on to the next
    question."""
    said = "no, and I don't want a formal complaint any more"
    assert understand(EARLIER_REPORT, said, "deny", [], {}).kind == "leave"


def test_telling_that_something_was_not_a_complaint_is_no_withdrawal() -> None:
    said = "they told me on the phone it was not a complaint, just a repair"
    assert (
        understand(OpenQuestion("complaint_aspects", "complaint_form"), said, "inform", [], {}).kind
        != "leave"
    )


def test_a_misspelt_complaint_with_a_question_is_still_chosen(answers: dict[str, Answer]) -> None:
    """r12a-07: "make a complant. will i get taken to court...?" dropped the choice."""
    said = "i want to make a complant. can they take me to court over it while this goes on?"
    assert understand(CHOICE, said, "enquiry", [], answers).kind == "yes"


@pytest.mark.parametrize(
    ("question", "text"),
    [
        # r12d-14: read as choosing to have it put right.
        (CHOICE, "no. talk to a human please"),
        (CHOICE, "nah speak to a person pls"),
        # r12c-05: "can a real person msg me back on here?" got the choice again.
        (CHOICE, "fair enough. could a real person message me back on here?"),
        # r12d-15: read as leaving, and the complaint dropped.
        (EARLIER_REPORT, "reported it in july. could somebody just phone me, i don't want to do "
                         "this on here"),
    ],
)  # fmt: skip
def test_a_request_for_a_person_is_a_handover(question: OpenQuestion, text: str) -> None:
    understood = understand(question, text, "deny", [], {})
    assert (understood.kind, understood.value) == ("button", "/request_human")


def test_put_through_to_a_person_with_nothing_open_hands_over() -> None:
    """r12d-14: "pls put it through to a person in complaints" got a new complaint offer."""
    said = "she's had the answer, only not in writing. please put it through to a person there"
    understood = understand(None, said, "inform", [], {})
    assert (understood.kind, understood.value) == ("button", "/request_human")


def test_asking_to_be_rung_is_the_answer_at_the_contact_question() -> None:
    preference = OpenQuestion("contact_preference", "complaint_form")
    assert understand(preference, "can someone ring me please", "inform", [], {}).value != (
        "/request_human"
    )


def test_no_new_complaint_but_the_old_one_to_stage_2_is_not_putting_it_right(
    policy: Policy,
) -> None:
    """r12d-01: "no i dont want a NEW complaint i want my old one CMP-... to go to stage 2"
    logged a put-it-right request."""
    said = "no I dont want a NEW complaint, I want my old one taken to stage 2"
    assert understand(CHOICE, said, "deny", [], {}).kind == "leave"
    assert read_stage_2(said, policy) == "asks_for"
    assert read_stage_2("this is a new complaint, not stage 2", policy) == "declines"


def test_an_earlier_complaint_told_as_history_does_not_decline_a_new_one() -> None:
    said = "my previous complaint went nowhere, so yes a formal one this time"
    assert understand(CHOICE, said, "affirm", [], {}).kind != "leave"


@pytest.mark.parametrize(
    "text",
    [
        "hang on so is my stage 2 still happening or did I just cancel it?",
        "is the stage 2 request still going ahead?",
        "so my stage 2 is requested now yes?",
    ],
)
def test_asking_whether_the_stage_2_request_stands_is_answered_from_the_record(text: str) -> None:
    assert asks_if_recorded(text) == "stage_2"


@pytest.mark.parametrize(
    "text",
    [
        # r12a-05, r12c-06, r12d-09, r12d-18: the emergency repairs line was never given.
        "the lift is broken and my grandad is stuck on the 8th floor in his wheelchair, who do I "
        "phone tonight?",
        "my nan is 88 and the heating has gone off, who can we call on a sunday?",
        "what number should he ring tonight about having no heat? he is 85",
        "the front door wont lock. can you book the emergency job from here?",
        "is anybody coming out today or do i have to ring someone?",
        # Asked for without a question: "i need a number ..." (r12a-05).
        "i've done one already. i need a number i can call tonight about the lift",
    ],
)
def test_who_to_ring_when_the_office_is_closed_gets_the_emergency_line(
    answers: dict[str, Answer], text: str
) -> None:
    assert first_answer(text, answers).id == "emergency_repairs"  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("text", "answer_id"),
    [
        # r12d-18: "how long will it take?" about the door got the complaint timescales.
        ("I just need the gate fixed. email is fine. how long will it take?", "repair_timescales"),
        ("how long will my complaint take? i sent it in today", "complaint_timescales"),
        ("how long will it take?", "how_complaints_work"),
        ("can i book a repair for saturday?", "report_repair"),
        # r12a-07: "what if nobody gets back to me by the 30th" got no answer (and a danger
        # route); r12a-06: "how will I know when it's been done?" got "I can't answer that one".
        ("and what if no one gets back to me by the 30th, what do i do then", "no_answer_in_time"),
        ("lovely. so how will I know when it's been done?", "when_its_done"),
        # r12a-02, r12c-04: how long a complaint takes, relayed by a call handler, got "I can't
        # answer that one"; a repair told first does not make it a repair question.
        ("caller is also asking how long the complaint will take", "complaint_timescales"),
        (
            "boiler fixed asap and compo for the heaters. caller also wants to know how long a "
            "complaint takes",
            "complaint_timescales",
        ),
    ],
)
def test_how_long_is_about_what_the_message_tells(
    answers: dict[str, Answer], text: str, answer_id: str
) -> None:
    assert first_answer(text, answers).id == answer_id  # type: ignore[union-attr]


def test_asking_if_the_request_was_passed_on_is_answered_from_the_record() -> None:
    """r12a-06: "have you passed on the cleaning request for the stairs?" got the choice again."""
    said = "ok but have you passed on the request about the stairs? i never reported it before"
    assert asks_if_recorded(said) == "request"


@pytest.mark.parametrize(
    "text", ["any news on my complaint, ref cmp 2026 95?", "i gave it already: CMP-2026-95"]
)
def test_a_reference_without_its_leading_zeros_is_the_same_reference(text: str) -> None:
    """r12d-17: "cmp 2026 108" was not recognised and the reference asked for again."""
    assert first_reference(text) == "CMP-2026-000095"
