"""Round 22 in our own wordings: a route's own step named in a question is no loss, a loss told
by how long it has lasted is one, and a chirping alarm's question has its answer."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bot.policy import Answer, PolicyError, load_policy
from bot.questions import answer_for
from tests.unit.conftest import Match
from tests.unit.test_policy_loading import ROOT, edit

LOSS_WITH_SOMEONE_AT_RISK = "no_heating_or_water_vulnerable"


@pytest.mark.parametrize(
    "text",
    [
        "do i really need to turn the electric off?? baby asleep",
        "do i have to switch the power off, my nan is 90 and shes in bed",
        "ok turning the electric off now, kids are asleep",
    ],
)
def test_a_routes_own_step_named_beside_someone_at_risk_is_no_loss(match: Match, text: str) -> None:
    """Round 20 (r20a-06 t2): "do i really need to turn the electric off?? baby asleep" after the
    electrical route got the route for a heating loss with a baby."""
    assert LOSS_WITH_SOMEONE_AT_RISK not in match(text).urgency


@pytest.mark.parametrize(
    "text",
    [
        "no electric since this morning and the baby is 2 weeks old",
        "turned the power off like you said and now the flat is freezing, baby is 3 weeks old",
    ],
)
def test_a_loss_told_beside_the_step_is_still_a_loss(match: Match, text: str) -> None:
    assert LOSS_WITH_SOMEONE_AT_RISK in match(text).urgency


@pytest.mark.parametrize(
    "text",
    [
        "hi im ringing for my dad, his water has been off since this morning and he does home "
        "dialysis",
        "my nan is 91 and her heating's been off since friday",
        "water was cut off yesterday and nobody came, my wife is pregnant",
    ],
)
def test_a_loss_told_by_how_long_it_has_lasted_is_a_loss(match: Match, text: str) -> None:
    """Round 22: a son's "his water has been off since this morning and he does home dialysis"
    got only "Is anyone in danger right now?"."""
    assert LOSS_WITH_SOMEONE_AT_RISK in match(text).urgency


@pytest.mark.parametrize(
    "text",
    [
        "will it still work if its chirping? i dont want to be without one overnight",
        "smoke alarm keeps chirping what does that mean",
        "the carbon monoxide alarm chirps every minute, is it safe to leave it till monday",
        # Round 22 r22a-04 t2, after telling of the chirp: no answer.
        "can i just take the battery out till you come",
    ],
)
def test_a_question_about_a_chirping_alarm_has_its_answer(
    answers: dict[str, Answer], text: str
) -> None:
    """Round 20 (r20a-06 t5): "will the alarm still work if its chirping" got "I can't answer
    that one myself"."""
    answer = answer_for(text, answers)
    assert answer is not None and answer.id == "alarm_chirping"
    assert "do not take its battery out" in answer.text


def test_a_follow_up_answer_naming_an_unknown_field_names_the_follow_up(tmp_path: Path) -> None:
    rules = tmp_path / "policy_rules"
    shutil.copytree(ROOT / "policy_rules", rules)
    fuse_box_answer_end = "{emergency_repairs_phone}.\n        cues: [\n          what is fuse box"
    edit(
        rules, "urgency.yml", fuse_box_answer_end,
        fuse_box_answer_end.replace("emergency_repairs_phone", "emergency_number"),
    )  # fmt: skip
    with pytest.raises(
        PolicyError, match=r"urgency.yml, rule 'fuse_box': answer mentions '\{emergency_number\}'"
    ):
        load_policy(rules)


def test_the_weather_beside_children_is_no_loss(match: Match) -> None:
    """Round 22 (r22a-01 t2): "do i really have to get out its freezing outside and ive got the
    kids in their pjs" after the gas route got the route for a heating loss with children."""
    for text in (
        "do we really have to go out, its freezing outside and the baby is asleep",
        "its so cold out there, my nan cant stand in the street for hours",
    ):
        assert LOSS_WITH_SOMEONE_AT_RISK not in match(text).urgency, text
    assert (
        LOSS_WITH_SOMEONE_AT_RISK
        in match("its freezing outside and the heating is broken, my nan is 90").urgency
    )


@pytest.mark.parametrize(
    ("text", "over"),
    [
        # Round 22 r22a-08 t5 got the gas and the fire routes.
        ("tonight there was a burning smell on the landing but it was just next door burning "
         "their toast, all fine now", True),
        ("there was smoke in the kitchen today from the grill but its all fine now", True),
        ("i can smell gas tonight", False),
        ("the leak was fixed last month but water is pouring through the ceiling again today",
         False),
    ],
)  # fmt: skip
def test_tonight_tells_a_danger_is_now_unless_the_message_says_it_is_over(
    match: Match, text: str, over: bool
) -> None:
    matches = match(text)
    assert matches.past_danger is over
    assert bool(matches.urgency) is not over
