"""Round 9's false alarms and misses, in our own wordings: a danger the words say is away or over
is not routed, fear of someone at the door is, the detector's guess needs the words of its
danger, idioms of annoyance make its guess at self-harm or a threat one step less sure, and the
safety question fits the danger in doubt."""

from __future__ import annotations

from dataclasses import replace

import pytest

from bot.nlp.matches import RuleMatches
from bot.policy import Policy
from bot.triage import triage
from bot.triage.decide import SURE, UNSURE, detector_level
from tests.unit.conftest import Match
from tests.unit.test_triage import parse_text


def guessed(matches: RuleMatches, category: str) -> RuleMatches:
    """The matches with the detector sure of `category`."""
    return replace(matches, detected_urgency=category, detected_probability=0.95)


def test_water_said_to_be_nowhere_near_the_lights_is_no_electrical_danger(match: Match) -> None:
    away = match("my bathroom ceiling is dripping from upstairs, it's nowhere near any lights")
    assert "electrical_danger" not in away.urgency
    assert "electrics" not in away.cue_groups
    beside = match("the ceiling is dripping again now, right next to the light")
    assert "electrical_danger" in beside.urgency


def test_a_co_alarm_chirping_for_its_battery_is_no_gas_route(match: Match) -> None:
    chirp = match("my carbon monoxide alarm does a little chirp, do I change the battery myself")
    assert chirp.past_danger and chirp.urgency == ()


def test_a_leak_the_plumber_came_and_fixed_is_a_past_danger(match: Match) -> None:
    fixed = match("a pipe burst in the kitchen last week, the plumber came and fixed it")
    assert fixed.past_danger and fixed.urgency == ()
    # Back again, it is a danger again.
    assert "flooding" in match("they fixed it last week but the pipe has burst again").urgency


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("my ex was hammering on my door at midnight, im scared hes coming back", "domestic_abuse"),
        ("someone kept banging on the door last night and I'm terrified", "threat_of_violence"),
    ],
)
def test_fear_of_someone_at_the_door_is_routed_by_the_policy_words(
    match: Match, text: str, category: str
) -> None:
    assert category in match(text).urgency


@pytest.mark.parametrize(
    ("repair", "danger", "category"),
    [
        ("hi the panel on the bath has come off and its got a sharp edge, my 2 yr old",
         "the back wall has a crack so wide you can put your hand in it", "structural_danger"),
        ("the garden fence blew down in the storm last month and nobody has come",
         "the whole landing reeks of smoke from next door", "fire_or_danger_to_life"),
        ("the fence fell over in the gales and my husband can't lift it with his bad back",
         "grandad is lying at the bottom of the stairs not moving", "medical_emergency"),
    ],
)  # fmt: skip
def test_a_sure_guess_without_its_dangers_words_is_only_asked_about(
    match: Match, policy: Policy, repair: str, danger: str, category: str
) -> None:
    assert detector_level(guessed(match(repair), category), policy) == UNSURE
    assert match(danger).urgency == ()
    assert detector_level(guessed(match(danger), category), policy) == SURE


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("whats even the point in complaining to you, nothing happens", "self_harm"),
        ("the council send me back to you every time, its doing my head in", "self_harm"),
        ("the kids over the road keep kicking a ball at my wall", "threat_of_violence"),
    ],
)  # fmt: skip
def test_an_idiom_of_annoyance_makes_the_guess_one_step_less_sure(
    match: Match, policy: Policy, text: str, category: str
) -> None:
    assert detector_level(guessed(match(text), category), policy) == UNSURE


def test_the_safety_question_fits_the_danger_in_doubt(policy: Policy) -> None:
    """No "smell gas" for a loose bath panel; what to do about gas when gas is in doubt."""
    ranking = {"service_request": 0.9}
    panel = parse_text("the bath panel is loose with a sharp edge", ranking, policy)
    panel["entities"].append(
        {"entity": "detected_urgency", "value": "structural_danger", "confidence": 0.6}
    )
    result = triage(panel, policy)
    assert result.ask_about_danger and result.danger_in_doubt == "structural_danger"
    question = policy.safety.question_for(result.danger_in_doubt)
    assert question.startswith("Is anyone in danger right now?")
    assert "gas" not in question
    boiler = parse_text("no smell of gas, the boiler just bangs", ranking, policy)
    asked = triage(boiler, policy)
    assert asked.ask_about_danger and asked.danger_in_doubt == "gas"
    assert "0800 111 999" in policy.safety.question_for(asked.danger_in_doubt)
    assert set(policy.safety.questions) >= {question, policy.safety.question_for("gas")}
