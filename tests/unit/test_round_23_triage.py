"""Round 23's triage faults in the pure decision: an ASB matter that someone else reported to
us, told by a councillor or a call handler, is what the complaint is about, not a new ASB
report beside it."""

from __future__ import annotations

import pytest

from bot.definition import introduced_name
from bot.policy import Policy
from tests.unit.test_round_12_triage import triaged

RANKING = {"dissatisfaction": 0.6, "report_asb": 0.3, "service_request": 0.1}


@pytest.mark.parametrize(
    "text",
    [
        # Round 23 r23b-02 t1: the ASB route, and the read-back lost the complaint.
        "I am writing for my constituent. He has reported loud music and shouting from the flat "
        "above for a year and your ASB team have done nothing despite his diary sheets.",
        "cust says she has phoned your asb officer 4 times about the drug dealing next door, "
        "nobody rang back, she wants to complain",
    ],
)
def test_an_asb_matter_someone_else_reported_to_us_is_the_complaint(
    policy: Policy, text: str
) -> None:
    handled = triaged(text, RANKING, policy)
    assert handled.label == "complaint"
    assert [p.exclusion_reason for p in handled.parts] == [None]


def test_a_neighbour_who_told_me_something_is_still_an_asb_report(policy: Policy) -> None:
    text = (
        "Your repairs team left my kitchen half finished and I am fed up. "
        "Also the man next door has told me he will smash my car and plays music all night."
    )
    assert "asb_report" in [p.exclusion_reason for p in triaged(text, RANKING, policy).parts]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # Round 23 r23b-02 t6: read back "You are helping them: Cllr Priya".
        ("Good morning. I am Cllr Priya Shah, ward councillor for Eastfield.", "Cllr Priya Shah"),
        ("I am Councillor Tom Reid, writing for a resident", "Councillor Tom Reid"),
        ("Hello, I'm Mrs Jones from number 4", "Mrs Jones"),
    ],
)
def test_a_councillors_title_and_both_names_are_kept(text: str, name: str) -> None:
    assert introduced_name(text) == name
