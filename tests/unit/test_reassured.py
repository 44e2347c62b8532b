"""Words that say nobody at home is at risk ("working age, no health issues", "fine with the
stairs", "no rush") make the learned detector's guess a question, not a route; the policy's
own danger words are never weakened by them, and they take back no route given before."""

from __future__ import annotations

from dataclasses import replace

from bot.nlp.matches import RuleMatches
from bot.policy import Policy
from bot.triage.decide import SURE, dangers, detector_level
from bot.triage.safety import taken_back
from tests.unit.conftest import Match


def guessed(matches: RuleMatches, category: str) -> RuleMatches:
    """The matches with the learned detector sure of `category`."""
    return replace(matches, detected_urgency=category, detected_probability=0.95)


def test_a_guess_beside_words_that_nobody_is_at_risk_is_asked_about(
    match: Match, policy: Policy
) -> None:
    for said, category in (
        ("T reports boiler not working, T and partner working age no health issues, has "
         "fan heaters, next available appt pls", "no_heating_or_water_vulnerable"),
        ("lift broke again, im on the 1st floor and fine with the stairs, just a pain w shopping",
         "no_heating_or_water_vulnerable"),
        ("bit of black mould on the bathroom ceiling, we're all healthy, no rush on it",
         "damp_mould_health"),
        ("the bathroom light flickers when i switch it on, could someone check it at some point",
         "electrical_danger"),
    ):  # fmt: skip
        found = guessed(match(said), category)
        assert found.reassured, said
        assert not found.urgency, said
        unsaid = detector_level(replace(found, reassured=False), policy)
        assert detector_level(found, policy) == unsaid - 1, said
        assert dangers(found, policy)[0] == (), said
    assert detector_level(guessed(match("no heating, my baby is 2 weeks old"), "no_heating_or_"
                                  "water_vulnerable"), policy) == SURE  # fmt: skip


def test_the_policy_words_still_route_and_no_route_is_taken_back(
    match: Match, policy: Policy
) -> None:
    for said, category in (
        ("strong smell of gas in the kitchen, no rush i know ur busy", "gas"),
        ("he hit me again last night, im ok for now but scared he comes back", "domestic_abuse"),
        ("water pouring through the light fitting, we're healthy but its everywhere",
         "electrical_danger"),
    ):  # fmt: skip
        found = match(said)
        assert found.reassured, said
        assert category in dangers(found, policy)[0], said
    # Said after the gas route, "no health issues here" is no "there's no gas".
    assert taken_back(match("no health issues here, its just me"), policy, guessed={"gas"}) == set()
