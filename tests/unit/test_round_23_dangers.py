"""Round 23 in our own wordings: a racing heart or a strange chest is a medical emergency, and
someone arriving at the door after the abuse route is that abuse."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bot.policy import Policy, PolicyError, load_policy
from bot.triage.decide import told_after_a_route
from tests.unit.conftest import Match
from tests.unit.test_policy_loading import ROOT, edit

MEDICAL = "medical_emergency"
ABUSE = "domestic_abuse"


@pytest.mark.parametrize(
    "text",
    [
        "got a zap off the switch and now my heart is racing",
        "its kai. arm still tingly n my hearts goin fast",
        "forget that, i need help, my chest feels weird",
        "she keeps getting palpitations since the shock",
    ],
)
def test_a_racing_heart_or_a_strange_chest_is_a_medical_emergency(match: Match, text: str) -> None:
    """Round 23 r23a-05 t6-t8: after an electric shock, three messages about a racing heart and
    a weird chest got the phone number question."""
    assert MEDICAL in match(text).urgency


@pytest.mark.parametrize(
    "text",
    [
        "a car just pulled up outside and she thinks its him, shes shaking",
        "hes outside the flat now banging",
        "oh god he's here",
    ],
)
def test_someone_arriving_after_the_abuse_route_is_that_abuse(
    match: Match, policy: Policy, text: str
) -> None:
    """Round 23 r23a-06 t8: a call handler's "a car just pulled up outside and she thinks its
    him, shes shaking" after the abuse route got the medical route."""
    assert ABUSE in told_after_a_route(match(text), [ABUSE], policy)


def test_someone_at_the_door_with_no_abuse_told_is_no_abuse(match: Match, policy: Policy) -> None:
    assert ABUSE not in told_after_a_route(
        match("the engineer is at the door now"), ["flooding"], policy
    )
    assert ABUSE not in match("the engineer is at the door now").urgency


@pytest.mark.parametrize(
    ("text", "over"),
    [
        # Round 23 r23a-01 t6-t7: the electrical route was taken back by the question.
        ("is it ok to flick it back on now, or not", False),
        ("can i switch the power back on now if i leave that socket alone", False),
        ("the power is back on now, thanks", True),
        ("all the heating's back on now", True),
    ],
)
def test_asking_to_put_the_power_back_on_is_no_danger_over(
    match: Match, text: str, over: bool
) -> None:
    assert match(text).past_danger is over


def test_a_follow_up_shared_with_an_unknown_category_names_the_follow_up(tmp_path: Path) -> None:
    rules = tmp_path / "policy_rules"
    shutil.copytree(ROOT / "policy_rules", rules)
    edit(rules, "urgency.yml", "also_after: [electrical_danger,", "also_after: [electric_danger,")
    with pytest.raises(
        PolicyError,
        match=r"urgency.yml, rule 'stopcock': also_after names category 'electric_danger'",
    ):
        load_policy(rules)


def test_a_shared_follow_up_is_asked_after_each_of_its_routes(policy: Policy) -> None:
    stopcock = [f for f in policy.urgency["flooding"].follow_ups if f.id == "stopcock"]
    assert stopcock and stopcock[0] in policy.urgency["electrical_danger"].follow_ups


def test_where_the_fuse_box_is_tells_of_no_insecure_home(match: Match) -> None:
    """Round 23 r23a-01 t3: "found it in the cupboard by the front door, ive flicked the big
    switch off" after the electrical route got the route for a home that cannot be secured."""
    for text in (
        "found the fuse box in the cupboard by the front door, switched it off",
        "the stopcock is behind the front door i think, turned it",
    ):
        assert "security_words" not in match(text).cue_groups, text
    assert "insecure_home" in match("the front door wont lock since the break in").urgency
