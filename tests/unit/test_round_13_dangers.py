"""Round 13's safety faults in our own wordings, read by the policy's rules alone: a blocked fire
door on a shared stair is a fire safety emergency, chest tightness is a medical emergency, CO
symptoms beside an alarm need medical help as well as the gas line, an old man alone who says it
would not matter if he died is at risk of self-harm, someone coming home from hospital is
vulnerable to a loss of heating, abuse by an ex is never an ASB matter, and the words our own
routes are named back in, a dripping tap, lights out or sick on the stairs are no danger."""

from __future__ import annotations

from bot.policy import Policy
from bot.triage import triage
from bot.triage.decide import completed_by_words_told_before
from tests.unit.conftest import Match


def test_a_blocked_fire_door_is_a_fire_safety_emergency(match: Match, policy: Policy) -> None:
    """Round 13 (r13d-07, r13d-09): a bag stopping the communal fire door shutting, and bags
    jamming it open, got only the safety question or the office hours."""
    for said in (
        "theres a pile of black bags against the fire door on our floor so it wont close",
        "someone has wedged the fire doors open with rubbish again",
        "caller reports fire exit blocked by a mattress on the ground floor",
    ):
        assert "fire_safety" in match(said).urgency, said
    route = policy.urgent_route("fire_safety")
    assert policy.landlord.emergency_repairs_phone in route and "999" in route
    assert policy.urgency["fire_safety"].hazard == "emergency"


def test_fire_door_words_without_a_block_are_no_emergency(match: Match) -> None:
    for said in ("when is the fire door inspection", "the fire door on my flat squeaks"):
        assert "fire_safety" not in match(said).urgency, said


def test_a_tight_chest_is_a_medical_emergency(match: Match) -> None:
    """Round 13 (r13c-16): "chest tight, breathless" at the read-back got the gas route."""
    for said in (
        "yes thats right. his chest is tight now and he keeps gasping",
        "she says theres a tightness in her chest",
    ):
        assert "medical_emergency" in match(said).urgency, said


def test_co_symptoms_beside_the_alarm_get_medical_help_too(match: Match, policy: Policy) -> None:
    """Round 13 (r13c-03): the CO alarm beeping and an old woman with a headache got only the gas
    route; her symptoms need 999 or NHS 111."""
    found = match("the carbon monoxide alarm keeps beeping and my nan has a headache and is sleepy")
    assert {"gas", "medical_emergency"} <= set(found.urgency)
    assert "NHS 111" in policy.urgent_route("medical_emergency")


def test_an_old_man_alone_saying_it_would_not_matter_if_he_died_is_self_harm(
    match: Match,
) -> None:
    """Round 13 (r13c-16): an isolated 88-year-old's "doesnt matter if i go now anyway" was
    caught only at its third telling."""
    for said in (
        "caller elderly, lives alone, no heating, says it wouldnt matter if i was gone",
        "dad keeps saying he may as well be dead, hes so cold",
        "she told me nobody would miss me, shes been alone all week",
    ):
        assert "self_harm" in match(said).urgency, said


def test_no_heating_before_someone_comes_home_from_hospital_is_an_emergency(
    match: Match,
) -> None:
    """Round 13 (r13c-07): a heating fault with the mother coming back from hospital got only
    the safety question."""
    for said in (
        "radiators cold since monday and my mama is discharged from hospital friday",
        "no heating and my husband is a heart patient",
    ):
        assert "no_heating_or_water_vulnerable" in match(said).urgency, said


def test_abuse_by_an_ex_is_never_sent_to_the_asb_team(match: Match, policy: Policy) -> None:
    """Round 13 (r13c-10): abuse by an ex got the anti-social behaviour team's route."""
    said = "my ex keeps turning up at night hammering on the door, i need new locks"
    parse = {
        "text": said,
        "intent": {"name": "report_asb", "confidence": 0.9},
        "intent_ranking": [{"name": "report_asb", "confidence": 0.9}],
        "entities": match(said).as_entities(),
    }
    result = triage(parse, policy)
    assert "domestic_abuse" in result.urgency
    assert not result.first_asb_report and result.exclusion_reason is None


def test_an_abuser_with_a_key_leaves_a_home_that_cannot_be_secured(match: Match) -> None:
    """Round 13 (r13c-10): "he has a key i think" beside an ex's threats got no emergency
    repairs route for the locks."""
    found = match("my ex still has a key and keeps letting himself in when im out")
    assert "insecure_home" in found.urgency


def test_no_gas_smell_in_bengali_is_no_gas_route(match: Match) -> None:
    """Round 13 (r13c-09): "gas er gondho ashche na" (there is no gas smell) got the gas route
    and a 24-hour make-safe promise."""
    found = match("bhai amar ghore gas er gondho nai, kintu boiler kaj korche na")
    assert "gas" not in found.urgency and "gas" in found.negated_urgency
    assert "gas" in match("amar ranna ghore gas er gondho ashche, ki korbo").urgency


def test_a_dripping_tap_is_no_loss_of_water(match: Match) -> None:
    """Round 13 (r13a-01): a dripping kitchen tap for an elderly mother got the emergency line
    and a 24-hour promise on the detector's guess; the policy says a dripping tap is no loss."""
    found = match("my dad is 88 and his bathroom tap keeps dripping, nobody has been")
    assert "no_heating_or_water_vulnerable" in found.excepted_urgency
    assert "no_heating_or_water_vulnerable" not in found.urgency


def test_our_safeguarding_route_named_back_is_no_concern_raised(match: Match) -> None:
    """Round 13 (r13a-07): a support worker asking why she got the safeguarding line, and then
    to cancel "that safeguarding thing", got the safeguarding route again each time."""
    for said in (
        "why safeguarding?? no one is at risk, its about the broken lights",
        "fine, log it. and cancel that safeguarding thing please",
    ):
        assert "safeguarding" not in match(said).urgency, said
    assert "safeguarding" in match("i have a safeguarding concern about the kids next door").urgency


def test_a_loss_told_after_a_vulnerable_person_completes_the_danger(
    match: Match, policy: Policy
) -> None:
    """Round 13 (r13c-07): "who fix heating tonight?" and a heating fault report, after the
    resident had told of her mother of 79 with a heart condition, got only the safety question."""
    earlier = match("my mum is 79 and has a bad heart, she lives with me").cue_groups
    now = match("who can fix the heating tonight? she comes home later")
    assert completed_by_words_told_before(now, earlier, (), policy) == [
        "no_heating_or_water_vulnerable"
    ]
    # Routed already when the earlier words had completed it, or told with no person before:
    # nothing new.
    routed = ("no_heating_or_water_vulnerable",)
    both = (*earlier, *now.cue_groups)
    assert completed_by_words_told_before(now, both, routed, policy) == []
    assert completed_by_words_told_before(now, (), (), policy) == []
    over = match("the heating was fixed yesterday, thanks")
    assert completed_by_words_told_before(over, earlier, (), policy) == []


def test_lights_out_on_the_stairs_are_no_electrical_danger_to_the_detector(match: Match) -> None:
    """Round 13 (r13a-07): a support worker's report of stairwell lights out for weeks got an
    emergency route on the detector's guess; the policy says lights out are a repair."""
    found = match("the landing lights have been out for three weeks and its pitch black")
    assert "electrical_danger" in found.excepted_urgency
    assert "electrical_danger" in match("the landing light is sparking and buzzing").urgency


def test_sick_left_on_the_stairs_is_no_medical_emergency_to_the_detector(match: Match) -> None:
    """Round 13 (r13b-12): rubbish and sick in a stairwell got an emergency route on the
    detector's guess; the policy says sick left on the stairs is a cleaning job."""
    found = match("still disgusting, bags everywhere and someones been sick on the stairs again")
    assert "medical_emergency" in found.excepted_urgency
    assert "medical_emergency" not in found.urgency
