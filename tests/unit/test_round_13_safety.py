"""Round 13's safety faults in our own wordings: "nothing to do with domestic abuse" denies it,
and a route for a danger to a person that only the learned detector guessed is taken back by
"I'm not in danger", while one the resident told in words stays."""

from __future__ import annotations

from bot.policy import Policy
from bot.triage.decide import dangers
from bot.triage.safety import dangers_to_a_person_standing, routes_standing
from tests.unit.conftest import Match


def _standing(match: Match, policy: Policy, *said: tuple[str, str]) -> list[str]:
    turns = [
        (who == "resident", text, match(text).as_entities() if who == "resident" else [])
        for who, text in said
    ]
    return routes_standing(turns, policy)


def test_nothing_to_do_with_domestic_abuse_denies_it(match: Match) -> None:
    found = match("this has nothing to do with domestic abuse, its about my boiler complaint")
    assert "domestic_abuse" not in found.urgency
    assert "domestic_abuse" in found.negated_urgency


def test_a_guessed_abuse_route_is_taken_back_by_not_in_danger(match: Match, policy: Policy) -> None:
    """Round 13 (r13d-01): a question about a Stage 2 call-back got the abuse helpline on the
    detector's guess, and again on every message after "im not in danger"."""
    abuse = policy.urgent_route("domestic_abuse")
    asked = "how will the officer get back to me about stage 2? you can ring 07700 900412"
    assert _standing(match, policy, ("resident", asked), ("bot", abuse)) == ["domestic_abuse"]
    denied = "eh?? im not in danger. i just want a call back about my stage 2"
    said = [("resident", asked), ("bot", abuse), ("resident", denied)]
    assert _standing(match, policy, *said) == []


def test_an_abuse_route_the_resident_told_stays_after_not_in_danger(
    match: Match, policy: Policy
) -> None:
    abuse = policy.urgent_route("domestic_abuse")
    told = "my ex partner hit me last week and keeps turning up at the flat"
    calm = "im not in danger right now, hes gone to his mums tonight"
    said = [("resident", told), ("bot", abuse), ("resident", calm)]
    assert _standing(match, policy, *said) == ["domestic_abuse"]


def test_only_a_danger_told_in_words_is_repeated_while_a_person_is_awaited(
    match: Match, policy: Policy
) -> None:
    """Round 13 (r13d-04): after a Stage 2 handover, a call handler's question got the abuse
    helpline on the detector's guess, then again on "carry on here" and every message after."""
    abuse = policy.urgent_route("domestic_abuse")
    guessed = "so is the stage 2 actually logged now? does she get a new reference"
    told = "my ex partner hit me last week and keeps turning up at the flat"
    turns = [(True, guessed, match(guessed).as_entities()), (False, abuse, [])]
    assert dangers_to_a_person_standing([*turns, (True, "carry on here", [])], policy) == []
    turns = [(True, told, match(told).as_entities()), (False, abuse, [])]
    assert dangers_to_a_person_standing([*turns, (True, "hello?", [])], policy) == [
        "domestic_abuse"
    ]


def test_cold_harming_someone_told_beside_the_loss_of_heating_needs_999_too(
    match: Match, policy: Policy
) -> None:
    """The same words after the heating route get the medical route (round 12 r12c-15); told in
    one message they got only the emergency repairs line, or only 999."""
    urgency, _ = dangers(
        match("no heating since sunday, my nan is 88 and shes shivering and muddled"),
        policy,
    )
    assert set(urgency) == {"no_heating_or_water_vulnerable", "medical_emergency"}


def test_heating_gone_off_is_a_loss_of_heating(match: Match) -> None:
    found = match("the heating has gone off and my mum is 90")
    assert "no_heating_or_water_vulnerable" in found.urgency
