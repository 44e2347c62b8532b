"""Round 16's missed dangers in our own wordings, read by the policy's rules and the triage
decision: a boiler that "has stopped working" is a loss, not a danger over; laughter is no sign a
danger is over; a baby who is cold and too sleepy to feed needs medical help; and
the gas line put off as "prob just the hob" is told again to ring now."""

from __future__ import annotations

from bot.policy import Policy
from bot.triage.decide import dangers
from tests.unit.conftest import Match


def test_a_boiler_that_has_stopped_working_is_a_loss_not_a_danger_over(
    match: Match, policy: Policy
) -> None:
    """Round 16 (r16a-03 turn 1): "He is 85 and the boiler has stopped working since last night"
    got only the safety question: "has stopped" was read as the danger being over."""
    for said in (
        "my dad is 85 and his boiler has stopped working, no heating no hot water, its freezing",
        "nans boiler has stopped working, no heating since last nite shes 91",
        "T (80s, COPD) boiler stopped firing yday, no heat",
    ):
        found = match(said)
        assert not found.past_danger, said
        assert "no_heating_or_water_vulnerable" in dangers(found, policy)[0], said
    assert match("the leak has stopped now, its all dry").past_danger


def test_laughing_it_off_is_no_sign_the_danger_is_over(match: Match, policy: Policy) -> None:
    """Round 16 (r16a-06 turn 5, r16a-15 turn 10): "burning smell from the fuse box when the
    heaters on lol" was logged as a routine request: "lol" counted as the danger being over."""
    for said, category in (
        ("prob nothing but theres a burning smell from the fuse box when the heaters on lol",
         "electrical_danger"),
        ("haha the socket in the kitchen is sparking again 😂", "electrical_danger"),
        ("smells of gas in the hallway lol", "gas"),
    ):  # fmt: skip
        found = match(said)
        assert not found.past_danger, said
        assert category in dangers(found, policy)[0], said
    joking = "the smoke alarm went off when i burnt the toast, only joking its fine"
    assert match(joking).past_danger


def test_a_baby_cold_and_too_sleepy_to_feed_needs_medical_help(
    match: Match, policy: Policy
) -> None:
    """Round 16 (r16a-14 turns 8 and 9): a 4-month-old "very cold in hands and very sleepy all
    day, not wake up good for milk" was logged with no word on it, then told to call the office."""
    for said in (
        "baby is very cold in hands and very sleepy all day, not wake up good for milk",
        "my 3 month old wont feed and is really drowsy, the flat is so cold",
        "my son is 2 and hes gone very sleepy and cold to the touch",
        "what i do with baby? she is not herself, very sleepy",
    ):
        assert "medical_emergency" in dangers(match(said), policy)[0], said
    # A sleepy baby with nothing wrong is no emergency.
    assert dangers(match("the baby is asleep so can the engineer knock quietly"), policy)[0] == ()


def test_a_gas_smell_played_down_as_the_hob_is_put_off(match: Match, policy: Policy) -> None:
    """Round 16 (r16a-15 turn 10): "lol its prob just the hob. do i actually need to ring them its
    sunday" after the gas line got the emergency repairs answer, not "ring them now"."""
    from bot.triage.safety import routes_put_off

    for said in (
        "lol its prob just the hob. do i actually need to ring them its sunday",
        "do i really need to call them, its probably just the cooker",
        "do i have to ring, its sunday and its only faint",
    ):
        assert routes_put_off(said, ["gas"], policy) == ["gas"], said


def test_a_language_need_is_no_vulnerable_person(match: Match, policy: Policy) -> None:
    """Round 15 (r15c-06 turn 10), found again in the merge: "phone call, in portuguese if you
    can" made two weeks without heating an emergency; a health need still does."""
    language = match("no heating for 2 weeks. phone call in portuguese if you can")
    assert "no_heating_or_water_vulnerable" not in dangers(language, policy)[0]
    health = match("no heating for 2 weeks. i have a heart condition")
    assert "no_heating_or_water_vulnerable" in dangers(health, policy)[0]
