"""Round 14's safety faults in our own wordings, read by the policy's rules: smoke smelled from a
neighbour's door is a fire, a flickering light that smells of burning is an electrical danger, a
boiler capped off starts a loss of heating, the only toilet out for an older person is a loss, an
ex who still has a key leaves the home insecure; and an eviction threat, a bare "whats the point",
a danger fixed or long dry, and the damage it left are no danger to route."""

from __future__ import annotations

from dataclasses import replace

from bot.nlp.matches import RuleMatches
from bot.policy import Policy
from bot.policy.ids import ASB_REPORT
from bot.triage import triage
from bot.triage.decide import UNSURE, dangers, detector_level
from tests.unit.conftest import Match


def guessed(matches: RuleMatches, category: str) -> RuleMatches:
    """The matches with the learned detector sure of `category`."""
    return replace(matches, detected_urgency=category, detected_probability=0.95)


def test_smoke_smelled_from_a_neighbours_door_is_a_fire(match: Match) -> None:
    """Round 14 (r14c-10): smoke smelled from a neighbour's door with no answer got the
    safeguarding lead and the ASB team, and no "get out and call 999"."""
    for said in (
        "i can smell smoke from the flat across the landing and nobody comes to the door",
        "theres a smoke smell in the corridor coming from number 6, no answer",
    ):
        assert "fire_or_danger_to_life" in match(said).urgency, said


def test_a_flickering_light_that_smells_of_burning_is_electrical(match: Match) -> None:
    """Round 14 (r14c-18): told again worse mid-form after a leak near the fuse box, it got
    the form's next question."""
    found = match("the bathroom light is flickering and buzzing, it smells like burning plastic")
    assert "electrical_danger" in found.urgency


def test_a_boiler_capped_off_starts_a_loss_of_heating(match: Match) -> None:
    """Round 14 (r14a-11): "boiler condemned, capped off. now he has no heating" for a young man
    with a learning disability living alone read as a danger over, and got only the question."""
    found = match(
        "my son is 22 with a learning disability and lives on his own. the engineer condemned the "
        "boiler and capped it off, he has no heating or hot water"
    )
    assert "no_heating_or_water_vulnerable" in found.urgency
    assert not found.past_danger
    # Capped off with no loss told is a gas danger over, as before.
    assert match("there was a gas leak on monday, the engineer capped it off").past_danger


def test_the_only_toilet_out_for_an_older_person_is_a_loss(match: Match) -> None:
    """Round 14 (r14c-16): the only toilet for five people with an 80-year-old diabetic father
    got no emergency route."""
    found = match("our only toilet wont flush, my grandad is 81 and diabetic and needs it at night")
    assert "no_heating_or_water_vulnerable" in found.urgency


def test_an_ex_who_still_have_key_leaves_the_home_insecure(match: Match) -> None:
    """Round 14 (r14c-06): "my ex husband he have key" was promised a lock change by Wednesday."""
    for said in ("my ex he still have key to my flat", "my ex boyfriend he have a key"):
        assert "insecure_home" in match(said).urgency, said


def test_an_eviction_threat_is_no_threat_of_violence(match: Match, policy: Policy) -> None:
    """Round 14 (r14a-06): a housing officer's threat of eviction got 999 and 101, again after
    "Nobody is in danger, it was a threat of eviction not violence"."""
    first = match("the housing officer threatened my client with eviction over the garden")
    assert detector_level(guessed(first, "threat_of_violence"), policy) == UNSURE
    again = match("No one is in danger here. It was a threat of eviction, not violence.")
    assert "threat_of_violence" not in again.urgency
    assert "fear" not in again.cue_groups
    # A real threat is still routed by its words.
    assert "threat_of_violence" in match("he threatened to stab me").urgency


def test_nobody_in_danger_doubts_the_detectors_guess(match: Match, policy: Policy) -> None:
    """Round 14 (r14b-18): "nobodys in danger we just have no room" got the 999 line again."""
    said = match("why u saying danger?? nobodys in danger we just have no room")
    assert detector_level(guessed(said, "someone_in_danger"), policy) == UNSURE


def test_a_bare_whats_the_point_asks_rather_than_routes(match: Match, policy: Policy) -> None:
    """Round 14 (r14c-17): "honestly whats the point" after three reports about noise got the
    Samaritans line. Said bare, it gets the safety question; said with despair, the route."""
    bare = match("ive reported them 3 times and nothing happens, honestly whats the point")
    assert "self_harm" not in bare.urgency
    assert bare.asked_urgency == ("self_harm",)
    assert dangers(bare, policy) == ((), True)
    assert detector_level(guessed(bare, "self_harm"), policy) == UNSURE
    assert "self_harm" in match("whats the point anymore, i want it all to stop").urgency


def test_a_danger_fixed_or_long_over_is_not_routed(match: Match) -> None:
    """Round 14 (r14c-04, r14c-20, r14b-19): a CO fault fixed ("now all ok"), a gas leak last year
    with no issues since, and a leak long dry whose stain is left got the routes and a 24-hour
    promise."""
    for said in (
        "the co alarm was going off last week, engineer fixed the boiler, now all ok",
        "we had a gas leak last yr, no issues since",
        "the leak through the light was in january, its all dry now but the ceiling still has "
        "a brown stain",
        "small kitchen fire in october, put it out, nobody hurt. the wall is still black",
    ):
        found = match(said)
        assert found.past_danger and not found.urgency, said
    # "still" about the danger itself still says it goes on.
    assert not match("it was fixed last week but i can still smell gas").past_danger


def test_the_routes_say_999_now_and_promise_only_what_fits_the_time(policy: Policy) -> None:
    """Round 14: an ex at the door got the helpline first and 999 only "if you are in danger"
    (r14c-06); "we will pass this to our safeguarding lead today" was said on a Saturday with
    the office closed (r14a-14)."""
    at_the_door = "If you are in danger, or they are at your door now, call 999 now"
    assert policy.urgent_route("domestic_abuse").startswith(at_the_door)
    assert policy.after_route("domestic_abuse").startswith(at_the_door)
    safeguarding = policy.urgent_route("safeguarding")
    assert "today" not in safeguarding
    assert str(policy.landlord.office_hours) in safeguarding


def test_smoke_from_a_neighbours_door_is_no_asb_report(match: Match, policy: Policy) -> None:
    """Round 14 (r14c-10): smoke smelled from a neighbour's door went to the ASB team beside the
    fire route. A danger the policy marks `never_asb` drops the ASB ground and its part."""
    said = "I can smell smoke from my neighbours flat, I knocked and she doesnt answer"
    found = match(said)
    parse = {
        "text": said,
        "intent": {"name": "report_asb", "confidence": 0.9},
        "intent_ranking": [{"name": "report_asb", "confidence": 0.9}],
        "entities": found.as_entities(),
    }
    result = triage(parse, policy)
    assert "fire_or_danger_to_life" in result.urgency
    assert result.exclusion_reason != ASB_REPORT
    assert all(part.exclusion_reason != ASB_REPORT for part in result.parts)
