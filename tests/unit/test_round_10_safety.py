"""Round 10's and 11's safety faults, in our own wordings: a route the resident takes back stops
standing, danger told in Roman Urdu, Bengali and Arabic is read by the same combinations as
English, after a danger to a person the team's contact is urgent, and round 11's dangers are
found in the policy's words."""

from __future__ import annotations

from datetime import date

import pytest

from bot.policy import Policy
from bot.replies import request_contact_lines
from bot.triage.safety import routes_standing
from tests.unit.conftest import Match


def _turns(match: Match, policy: Policy, *said: tuple[str, str]) -> list[str]:
    """The routes standing after these (who, text) turns, the resident's read by the rules."""
    turns = [
        (who == "resident", text, match(text).as_entities() if who == "resident" else [])
        for who, text in said
    ]
    return routes_standing(turns, policy)


def test_only_the_battery_takes_the_gas_route_back(match: Match, policy: Policy) -> None:
    gas = policy.urgent_route("gas")
    assert _turns(match, policy, ("bot", gas)) == ["gas"]
    for reply in (
        "theres no smell at all, its just the battery",
        "so is it an emergency or not? its not an emergency for me",
        "sorry, false alarm, it was the toaster",
    ):
        assert _turns(match, policy, ("bot", gas), ("resident", reply)) == [], reply


def test_a_reply_that_tells_a_danger_of_its_own_takes_nothing_back(
    match: Match, policy: Policy
) -> None:
    gas = policy.urgent_route("gas")
    told = "its not an emergency but i can smell gas on the landing now"
    assert _turns(match, policy, ("bot", gas), ("resident", told)) == ["gas"]


def test_a_danger_to_a_person_is_taken_back_only_by_words_that_deny_it(
    match: Match, policy: Policy
) -> None:
    """ "Not an emergency" after a domestic abuse route the resident told does not take it
    back; "im not going to hurt myself" takes the self-harm route back (round 10 r10a-11)."""
    abuse, harm = policy.urgent_route("domestic_abuse"), policy.urgent_route("self_harm")
    told = "he hit me again last night and i am scared of him"
    calm = "its not an emergency, hes gone to his mums for the night"
    said = [("resident", told), ("bot", abuse), ("resident", calm)]
    assert _turns(match, policy, *said) == ["domestic_abuse"]
    denied = "im not going to hurt myself, im just annoyed about the roof"
    assert _turns(match, policy, ("bot", harm), ("resident", denied)) == []


def test_a_route_given_again_after_it_was_taken_back_stands(match: Match, policy: Policy) -> None:
    gas = policy.urgent_route("gas")
    said = [("bot", gas), ("resident", "no smell, its only the battery"), ("bot", gas)]
    assert _turns(match, policy, *said) == ["gas"]


@pytest.mark.parametrize(
    ("text", "category", "language"),
    [
        ("4 din se heating band hai, abbu bimaar hain", "no_heating_or_water_vulnerable", "ur"),
        ("বাথরুমের বাতির ভেতর থেকে পানি পড়ছে", "electrical_danger", "bn"),
        ("زوجي السابق يهددني", "domestic_abuse", "ar"),
    ],
)  # fmt: skip
def test_other_languages_fill_the_cue_groups_of_the_combinations(
    match: Match, text: str, category: str, language: str
) -> None:
    found = match(text)
    assert category in found.urgency
    assert found.danger_language == language


def test_one_word_of_another_language_in_english_does_not_make_the_route_that_language(
    match: Match,
) -> None:
    found = match("no heating since friday and my ammi is staying with us, she is 85")
    assert "no_heating_or_water_vulnerable" in found.urgency
    assert found.danger_language is None


def test_after_a_danger_to_a_person_the_teams_contact_is_urgent(policy: Policy) -> None:
    said = request_contact_lines(
        "sam@example.org", "email only", date(2026, 12, 9), policy, to_a_person=True
    )
    assert said == [
        "Our team will contact you by email only (sam@example.org) as soon as they can. I have "
        "flagged this as urgent for them."
    ]


def test_round_11_dangers_are_found_in_the_policys_words(match: Match) -> None:
    """Round 11: a CO alarm that beeped with an elderly mother's headache and dizziness told in
    Urdu and English (r11c-03), a chirping CO alarm beside headaches (r11b-03), "no electric"
    with children after a fire (r11c-05) and a knife pulled (r11b-19) got no route."""
    assert "gas" in match("co alarm beeped in the night, ab ammi ko sar dard aur chakkar").urgency
    assert "gas" in match("the co alarm is chirping and we both have headaches").urgency
    no_power = match("no electric since the fire, kids cold")
    assert "no_heating_or_water_vulnerable" in no_power.urgency
    assert "threat_of_violence" in match("a lad pulled a knife on me by the bins").urgency
    assert match("the co alarm beeped once when i tested it, all fine").urgency == ()
