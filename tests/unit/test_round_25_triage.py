"""Round 25's triage faults in our own wordings: a fault told for the first time is a request
however long it has been there; a question about how Stage 2 works is answered, not acted on; and
"I didn't ask for Stage 2" takes it back (r25b-02 t1-t2, r25b-07 t1-t4)."""

from __future__ import annotations

import pytest

from bot.policy import Policy
from bot.triage import triage
from bot.triage.stage_2 import read_stage_2
from tests.unit.conftest import Match
from tests.unit.test_triage import parse_text

# How the classifier read r25b-02 t1 out of fold: unhappiness, most likely.
READ_AS_UNHAPPY = {"dissatisfaction": 0.77, "service_request": 0.23}


@pytest.mark.parametrize(
    "text",
    [
        "the bedroom radiator hasnt worked ever since we moved in 3 years ago, nobody ever "
        "reported it. can u send someone",
        "back door lock has never worked since i got the keys 2 yrs ago, never reported it "
        "before, can someone come and fix it",
        "Kitchen extractor not working since we moved in. First time reporting it, could you "
        "send an engineer please?",
    ],
)
def test_a_fault_told_for_the_first_time_is_a_request_not_a_complaint(
    policy: Policy, text: str
) -> None:
    result = triage(parse_text(text, READ_AS_UNHAPPY, policy), policy)
    assert result.label == "service_request"
    assert not result.offers_complaint


def test_unhappiness_beside_a_first_report_keeps_the_complaint(policy: Policy) -> None:
    text = (
        "never reported it before but the window has been broken 2 years and nobody came when "
        "my neighbour rang, fed up, can someone fix it"
    )
    assert triage(parse_text(text, READ_AS_UNHAPPY, policy), policy).label == "complaint"


@pytest.mark.parametrize(
    "text",
    [
        "the fan hasnt worked ever since we moved in 4 yrs ago",
        "the bath panel has been hanging off since we moved in two years ago",
    ],
)
def test_a_fault_since_a_time_ago_goes_on_up_to_now(match: Match, text: str) -> None:
    found = match(text)
    assert found.ongoing
    assert (found.months_ago or 0) >= 24


@pytest.mark.parametrize(
    ("text", "reading"),
    [
        ("had the stage one reply, not impressed tbh. how does stage 2 work?", "asks_about"),
        ("not happy with the letter. what happens at stage two", "asks_about"),
        ("whats involved in stage 2?", "asks_about"),
        ("how long does stage 2 take", "asks_about"),
        ("hang on i didnt ask you to send it to stage 2, only how it works", "undo"),
        ("i have not asked for stage 2, cancel that", "declines"),
        ("the stage 1 answer was rubbish, i want stage 2 please", "asks_for"),
        ("what is stage 2 going to change? escalate it now", "asks_for"),
    ],
)
def test_how_stage_2_works_is_a_question_and_a_denial_takes_it_back(
    policy: Policy, text: str, reading: str
) -> None:
    assert read_stage_2(text, policy) == reading
