"""Round 23 (issue 14): a report that the gas route's step was taken is read as that, not as a
yes or a name; a protest about a timescale after an emergency route is found."""

from __future__ import annotations

import pytest

from bot.definition import name_in
from bot.policy import Policy
from bot.triage.safety import made_safe_told, only_made_safe_told, protests_a_timescale


@pytest.mark.parametrize(
    "text", ["ok were outside now", "we're out", "ok im outside", "done, out of the house"]
)
def test_being_outside_typed_at_the_name_question_is_no_name(text: str) -> None:
    assert name_in(text) is None


@pytest.mark.parametrize("text", ["kerry walsh", "Kerry", "it's Sam Out"])
def test_names_still_read(text: str) -> None:
    assert name_in(text) is not None


@pytest.mark.parametrize(
    "text", ["we are all out now", "ok, out of the flat", "Done. I'm outside."]
)
def test_only_the_step_told(policy: Policy, text: str) -> None:
    assert only_made_safe_told(text, ["gas"], policy)


@pytest.mark.parametrize(
    "text",
    ["yes we're out, contact me", "were outside, can i use my phone", "im out of credit"],
)
def test_not_only_the_step_told(policy: Policy, text: str) -> None:
    assert not only_made_safe_told(text, ["gas"], policy)


def test_out_of_credit_is_no_step_taken(policy: Policy) -> None:
    assert made_safe_told("sorry im out of credit", ["gas"], policy) == []


@pytest.mark.parametrize(
    "text",
    [
        "friday?? theres gas",
        "2 weeks for a leak through the light are you joking",
        "why does it take till thursday, its an emergency",
    ],
)
def test_a_timescale_protested_after_an_emergency_route(policy: Policy, text: str) -> None:
    assert protests_a_timescale(text, ["gas", "flooding"], policy) == ["gas", "flooding"]


@pytest.mark.parametrize("text", ["it started last wednesday", "the smell is back", "ok thanks"])
def test_no_timescale_protested(policy: Policy, text: str) -> None:
    assert protests_a_timescale(text, ["gas"], policy) == []


def test_a_timescale_after_a_route_with_no_emergency_clock_is_no_protest(policy: Policy) -> None:
    assert protests_a_timescale("friday?? really", ["self_harm"], policy) == []


def _standing(policy: Policy, category: str, text: str) -> list[str]:
    from bot.nlp.rules import RuleMatcher
    from bot.triage.safety import routes_standing

    matcher = RuleMatcher.blank(policy)
    entities = matcher.match(matcher.make_doc(text)).as_entities()
    return routes_standing(
        [(False, policy.urgent_route(category), []), (True, text, entities)], policy
    )


@pytest.mark.parametrize(
    "text",
    [
        "07700 900111. oh and her smoke alarm chirps every minute",
        "also the co alarm in the hall chirps every minute or so",
    ],
)
def test_an_alarms_chirp_does_not_take_back_a_cold_home(policy: Policy, text: str) -> None:
    """r22a-02 t5: the chirp read as "the danger is over", and the emergency for an 84-year-old
    on oxygen with no heating was promised contact "by Wednesday"."""
    assert _standing(policy, "no_heating_or_water_vulnerable", text) == [
        "no_heating_or_water_vulnerable"
    ]


def test_an_alarms_chirp_still_takes_back_the_gas_route(policy: Policy) -> None:
    assert _standing(policy, "gas", "it was just the alarm chirping, think its the battery") == []


def test_the_heating_back_on_still_takes_back_a_cold_home(policy: Policy) -> None:
    assert (
        _standing(policy, "no_heating_or_water_vulnerable", "the heating is back on now, all fine")
        == []
    )
