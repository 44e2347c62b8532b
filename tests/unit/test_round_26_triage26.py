"""Round 26's first-message triage faults, in our own wordings: an insurer's refusal is no claim
filed at court, and "its not a court thing" gets no court advice (r26b-08 t10, t11); a question
about a rent change is answered, not sent to a tribunal (r26b-10 t1); "he's gone now but the mess
is still there" is still happening (r26b-02 t3); "log the stairlift complaint" asks for the
complaint (r26b-10 t12); an arrears letter sent wrongly is unhappiness (r26b-05 t1)."""

from __future__ import annotations

import pytest

from bot.answers import asks_for_a_complaint, goes_on_told
from bot.policy import Answer, Policy
from bot.questions import first_answer
from bot.triage import triage
from tests.unit.conftest import Match
from tests.unit.test_triage import parse_text

# How the classifier read r26b-08 t10: a claim filed at court, most likely.
READ_AS_COURT = {"legal_proceedings": 0.5, "dissatisfaction": 0.25, "insurance_claim": 0.25}
# How it read r26b-10 t1's question alone: a dispute about the rent's level.
READ_AS_RENT_DISPUTE = {"dispute_rent_level": 0.6, "enquiry": 0.3, "dissatisfaction": 0.1}


@pytest.mark.parametrize(
    "text",
    [
        "your insurers refused my claim for the sofa after the ceiling came down, not on",
        "the insurance lot turned down my claim for my daughters bed that got soaked from upstairs",
        "Insurance said no to my claim for the ruined rug after your pipe burst. disgusting",
    ],
)
def test_an_insurers_refusal_is_an_insurance_matter_with_the_choice(
    policy: Policy, text: str
) -> None:
    result = triage(parse_text(text, READ_AS_COURT, policy), policy)
    assert result.exclusion_reason == "insurance_claim"
    assert result.offers_complaint
    assert all(part.exclusion_reason != "legal_proceedings" for part in result.parts)
    assert "how your claim was handled" in policy.grounds["insurance_claim"].route


@pytest.mark.parametrize(
    "text",
    [
        "I want to claim back what I spent on heaters for the three weeks with no heating",
        "can i put a claim in for the time we had no hot water, its been awful",
    ],
)
def test_a_claim_with_no_court_or_solicitor_is_no_court_matter(policy: Policy, text: str) -> None:
    result = triage(parse_text(text, READ_AS_COURT, policy), policy)
    assert result.exclusion_reason != "legal_proceedings"
    assert result.offers_complaint


@pytest.mark.parametrize(
    "text",
    [
        "my solicitor has filed a disrepair claim at the county court about the damp",
        "the court hearing about the damp claim is next month and my lawyer is dealing with it",
    ],
)
def test_a_claim_at_court_is_still_the_courts(policy: Policy, text: str) -> None:
    result = triage(parse_text(text, READ_AS_COURT, policy), policy)
    assert result.exclusion_reason == "legal_proceedings"


@pytest.mark.parametrize(
    "text",
    [
        "its not a court thing?? its an insurance claim. what do i do then",
        "no its nothing to do with court, the insurers said no. what can i do",
        "not a court case, just the insurance refusing to pay. what should i do now",
    ],
)
def test_not_a_court_thing_gets_no_court_papers_advice(
    policy: Policy, answers: dict[str, Answer], text: str
) -> None:
    answer = first_answer(text, answers)
    assert answer is None or answer.id != "court_hearing"
    result = triage(parse_text(text, READ_AS_COURT, policy), policy)
    assert result.exclusion_reason != "legal_proceedings"


def test_court_papers_still_get_the_court_answer(answers: dict[str, Answer]) -> None:
    answer = first_answer("got court papers for arrears today, what do i do?", answers)
    assert answer is not None and answer.id == "court_hearing"


@pytest.mark.parametrize(
    "text",
    [
        "how much is my rent going up in april?",
        "can you tell me what the rent increase will be for my dad this year?",
        "when is the rent going up and by how much",
    ],
)
def test_a_question_about_a_rent_change_is_answered_not_disputed(
    policy: Policy, answers: dict[str, Answer], text: str
) -> None:
    result = triage(parse_text(text, READ_AS_RENT_DISPUTE, policy), policy)
    assert result.exclusion_reason is None
    assert all(part.exclusion_reason is None for part in result.parts)
    answer = first_answer(text, answers)
    assert answer is not None and answer.id == "rent_level"
    assert "at least one month before" in answer.text


@pytest.mark.parametrize(
    "text",
    [
        "why has my rent gone up so much? its too high",
        "the rent increase is wrong and i want to challenge it",
    ],
)
def test_a_dispute_about_the_rent_level_is_still_the_exclusion(policy: Policy, text: str) -> None:
    result = triage(parse_text(text, READ_AS_RENT_DISPUTE, policy), policy)
    assert result.exclusion_reason == "rent_or_charge_level"


def test_a_rent_question_beside_a_complaint_is_no_part_of_its_own(policy: Policy) -> None:
    text = (
        "The lift in our block has been broken for three weeks and nobody has come. "
        "Also, how much is my rent going up in April?"
    )
    ranking = {"dissatisfaction": 0.7, "dispute_rent_level": 0.2, "enquiry": 0.1}
    result = triage(parse_text(text, ranking, policy), policy)
    assert result.label == "complaint"
    assert all(part.exclusion_reason != "rent_or_charge_level" for part in result.parts)


@pytest.mark.parametrize(
    "text",
    [
        "well hes gone now but the mess is still there under the sink",
        "the plumbers gone now but hes left a mess all over the bathroom",
        "the workmen have gone now but left rubbish all over the garden",
    ],
)
def test_what_is_left_behind_still_happens(text: str) -> None:
    assert goes_on_told(text) is True


@pytest.mark.parametrize("text", ["hes gone now", "its all fixed now thanks"])
def test_over_is_still_over(text: str) -> None:
    assert goes_on_told(text) is False


@pytest.mark.parametrize(
    "text",
    [
        "Right. So can you log the lift complaint now please, with the details I gave?",
        "please raise the damp complaint for my dad now, same details",
        "ok log the heating complaint now, you have everything",
    ],
)
def test_asking_to_log_the_complaint_asks_for_it(text: str) -> None:
    assert asks_for_a_complaint(text)


@pytest.mark.parametrize(
    "text",
    ["can you take the complaint further", "what happens to the lift complaint now?"],
)
def test_asking_about_the_complaint_does_not_ask_for_it(text: str) -> None:
    assert not asks_for_a_complaint(text)


@pytest.mark.parametrize(
    "text",
    [
        "I got a letter saying I owe rent and you will go to court, but I pay every month",
        "your arrears letter is wrong, i dont owe anything",
        "they sent me a court letter in error, my account is fine",
    ],
)
def test_an_arrears_letter_sent_wrongly_is_unhappiness(match: Match, text: str) -> None:
    assert match(text).dissatisfaction_cues
