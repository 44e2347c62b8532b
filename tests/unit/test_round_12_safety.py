"""Round 12's safety faults in our own wordings, read by the policy's rules: a resident who says
she is not going to do anything after the Samaritans line has taken it back, "I might do
something stupid" is self-harm, CO said in Lithuanian is gas, words at a detail question that
are no name are no answer, and what "carry on here" says beside it is read."""

from __future__ import annotations

from bot.answers import beside_taking_back_a_person_request
from bot.policy import Policy
from bot.triage.safety import cannot_phone, reads_as_a_detail, routes_standing
from tests.unit.conftest import Match


def test_not_going_to_do_anything_silly_takes_the_samaritans_line_back(
    match: Match, policy: Policy
) -> None:
    """Round 12 (r12c-18): "sorry i not going to do anything stupid, i have my daughter" left
    the Samaritans line standing, and every later request to complain got it again."""
    route = policy.urgent_route("self_harm")
    for reply in (
        "sorry im not going to do anything silly, i have my boy. i want to complain",
        "i not going to do anything stupid, just tired",
    ):
        turns = [(False, route, []), (True, reply, match(reply).as_entities())]
        assert routes_standing(turns, policy) == [], reply


def test_i_might_do_something_stupid_is_self_harm(match: Match) -> None:
    assert "self_harm" in match("some nights i think i might do something stupid").urgency


def test_carbon_monoxide_in_lithuanian_is_gas(match: Match) -> None:
    """Round 12 (r12c-09): a CO detector beeping, written in Lithuanian, got no gas route."""
    found = match("anglies monoksido detektorius pypsi, mamai skauda galvą")
    assert "gas" in found.urgency and found.danger_language == "lt"


def test_words_at_a_detail_question_that_are_no_name_are_no_answer() -> None:
    assert reads_as_a_detail("contact_name", "its Ayesha Khan")
    assert not reads_as_a_detail("contact_name", "hes outside now putting his key in the lock")
    assert reads_as_a_detail("contact_details", "07700 900461")
    assert not reads_as_a_detail("contact_details", "tonight is really bad, ive got my pills out")


def test_what_carry_on_here_says_beside_it_is_kept() -> None:
    said = "sorry im fine. i want to make a complaint about the mould, carry on here"
    assert "make a complaint about the mould" in beside_taking_back_a_person_request(said)
    assert beside_taking_back_a_person_request("carry on here") == ""


def test_cannot_phone_is_told_in_many_ways(policy: Policy) -> None:
    for said in ("I am Deaf and use BSL", "no credit on my phone", "i cant really ring"):
        assert cannot_phone([said], policy), said
    assert not cannot_phone(["please phone me after 5"], policy)
