"""Round 24's wrong routes, false alarms and unanswered safety questions, in our own wordings
(issue 14): smoke seen at the fuse box (r24a-02 t8), a scalding hot tap (r24a-07 t9-t10), mould
making a child's breathing worse (r24a-07 t1), sayings and money read as dangers (r24a-05 t3,
t6; r24a-08 t6-t7), a danger told as done (r24a-05 t1), a burnt-out bulb (r24a-08 t2), grief
read as despair (r24b-03), and questions about a route's steps (r24a-02, r24a-06, r24a-08)."""

from __future__ import annotations

import pytest

from bot.policy import Policy
from bot.triage import triage
from bot.triage.safety import follow_ups_asked
from tests.unit.conftest import Match
from tests.unit.test_triage import parse_text

REPAIR = {"service_request": 0.7, "dissatisfaction": 0.2, "enquiry": 0.1}
COMPLAINT = {"dissatisfaction": 0.7, "make_complaint": 0.2, "enquiry": 0.1}


def guessed(
    text: str, guess: str, confidence: float, policy: Policy
) -> tuple[tuple[str, ...], bool]:
    parse = parse_text(text, REPAIR, policy)
    parse["entities"].append(
        {"entity": "detected_urgency", "value": guess, "confidence": confidence}
    )
    result = triage(parse, policy)
    return result.urgency, result.ask_about_danger


@pytest.mark.parametrize(
    "text",
    [
        "now i see little smoke from the box and the smell is stronger",
        "theres a bit of smoke from the consumer unit now",
        "i can see smoke out of the fuse box cupboard",
    ],
)
def test_smoke_seen_at_the_fuse_box_is_a_fire_not_gas(
    match: Match, policy: Policy, text: str
) -> None:
    """r24a-02 t8: smoke from the fuse box after a hand-off got the gas route."""
    assert "fire_or_danger_to_life" in match(text).urgency, text
    urgency, _ = guessed(text, "gas", 0.8, policy)
    assert "fire_or_danger_to_life" in urgency and "gas" not in urgency, text


@pytest.mark.parametrize(
    ("text", "category"),
    [
        (
            "ive been flooded with letters from your rent team but nothing about my repair",
            "flooding",
        ),
        ("we are flooded with calls from your contractors every day", "flooding"),
        ("ill fire off an email to you as well with the photos", "fire_or_danger_to_life"),
        ("i'm going to fire a letter off to my MP about this", "fire_or_danger_to_life"),
        (
            "the smell of their cigarette smoke comes into my flat every night",
            "fire_or_danger_to_life",
        ),
    ],
)
def test_sayings_are_no_flood_or_fire(
    match: Match, policy: Policy, text: str, category: str
) -> None:
    """r24a-05 t3, t6: "flooded with letters" got the stopcock, "fire off an email" 999. The
    policy says the words are not that danger: no cue, and a guess at it counts one step less."""
    found = match(text)
    assert category not in found.urgency and category in found.excepted_urgency, text
    urgency, _ = guessed(text, category, 0.5, policy)
    assert category not in urgency, text


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("the kitchen is flooded, water pouring through the ceiling", "flooding"),
        (
            "there is a fire in the bin store and smoke coming up the stairs",
            "fire_or_danger_to_life",
        ),
        ("i can see smoke coming from the socket in the bedroom", "fire_or_danger_to_life"),
    ],
)
def test_real_floods_and_fires_are_still_routed(match: Match, text: str, category: str) -> None:
    assert category in match(text).urgency, text


@pytest.mark.parametrize(
    "text",
    [
        "the hot tap in the bathroom comes out scalding, my 3 year old nearly burnt his hand",
        "water from the kitchen tap is boiling hot, way too hot, my girl scalded her fingers",
        "our hot water is far too hot, the kids could get scalded in the bath",
    ],
)
def test_a_scalding_hot_tap_gets_the_scald_route_not_the_electrics(
    match: Match, policy: Policy, text: str
) -> None:
    """r24a-07 t9: a scalding hot tap with a 4-year-old got "switch off at the fuse box"."""
    assert "scalding_water" in match(text).urgency, text
    urgency, _ = guessed(text, "electrical_danger", 0.8, policy)
    assert "scalding_water" in urgency and "electrical_danger" not in urgency, text


def test_the_scald_route_says_keep_children_away_and_cool_a_burn(policy: Policy) -> None:
    route = policy.urgent_route("scalding_water")
    assert "children away" in route and "cold water first" in route
    assert "20 minutes" in route and "NHS 111" in route and "999" in route
    assert "0300 000 0999" in route
    assert policy.urgency["scalding_water"].hazard == "emergency"


@pytest.mark.parametrize(
    "text",
    [
        "she has a red mark on her hand now, what do i do",
        "his fingers have gone red and theres a blister, what should i do for the burn",
    ],
)
def test_a_burn_after_the_scald_route_gets_first_aid_not_cooling_the_home(
    policy: Policy, text: str
) -> None:
    """r24a-07 t10: a child's red mark got advice for a person too hot (radiators off, a fan)."""
    asked = {
        f.id for _, f in follow_ups_asked(text, ["scalding_water", "medical_emergency"], policy)
    }
    assert asked == {"burn_first_aid"}, text
    answer = policy.follow_up_answer(policy.urgency["scalding_water"].follow_ups[0])
    assert "cool running water for 20 minutes" in answer and "NHS 111" in answer


def test_water_too_hot_is_not_a_person_too_hot(policy: Policy) -> None:
    text = "why would i switch the fuse box off, its the water thats too hot"
    asked = [f.id for _, f in follow_ups_asked(text, ["medical_emergency"], policy)]
    assert "too_hot" not in asked
    assert [
        f.id
        for _, f in follow_ups_asked(
            "the flat is too hot, how do i cool her down", ["medical_emergency"], policy
        )
    ] == ["too_hot"]


@pytest.mark.parametrize(
    "text",
    [
        "the black mould in my sons room is back, hes 3 and his asthma has got loads worse, he "
        "was on his blue inhaler all night",
        "mould all over the bedroom wall and my daughter had an asthma attack last night",
        "the damp in the babys room has got worse and she ended up in hospital with her breathing",
    ],
)
def test_mould_making_breathing_much_worse_is_an_emergency_hazard(
    match: Match, policy: Policy, text: str
) -> None:
    """r24a-07 t1: a 4-year-old on her reliever inhaler all night got only the 10-working-day
    inspection. Awaab's Law makes a hazard an emergency when the risk of harm is imminent."""
    found = match(text).urgency
    assert "damp_mould_harming_breathing" in found, text
    routed = policy.without_covered(found)
    assert "damp_mould_health" not in routed, text
    assert policy.urgency["damp_mould_harming_breathing"].hazard == "emergency"
    route = policy.urgent_route("damp_mould_harming_breathing")
    assert "NHS 111" in route and "GP" in route and "999" in route


@pytest.mark.parametrize(
    "text",
    [
        "black mould in the bedroom and my son keeps coughing",
        # Worse, with no sign that help is needed now: the inspection within 10 working days
        # (round 16 r16a-01), not the 24-hour clock.
        "the mould in the boys room is making his asthma worse",
        "damp everywhere in the flat and my asthma is getting worse",
    ],
)
def test_mould_with_a_cough_or_worse_asthma_is_still_the_significant_damp_hazard(
    match: Match, text: str
) -> None:
    found = match(text).urgency
    assert "damp_mould_health" in found and "damp_mould_harming_breathing" not in found


@pytest.mark.parametrize(
    "text",
    [
        "last month the kitchen ceiling was sagging with water, the emergency team came and "
        "drained it, thats all done now but the plaster is still stained",
        "two weeks ago the bathroom ceiling was bulging with water, they came n drained it, "
        "its all done now, i just want the ceiling replastered",
    ],
)
def test_a_bulging_ceiling_told_as_drained_and_done_is_no_emergency(
    match: Match, policy: Policy, text: str
) -> None:
    """r24a-05 t1: "they came n drained it. thats all done now" got the bulging ceiling's route."""
    assert not match(text).urgency, text
    urgency, asked = guessed(text, "ceiling_holding_water", 0.9, policy)
    assert not urgency and not asked, text


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("my gas bill from British Gas has gone up a lot this quarter, is that you?", "gas"),
        ("who is my gas supplier? i want to change tariff", "gas"),
        # A bulb named by where it is ("the bulb on the landing") is not dropped: "water is
        # dripping out of the bulb in the hallway" is a danger (merge of round 24).
        ("the landing bulb has burnt out, its dark on the stairs", "electrical_danger"),
        ("the bulb has blown in the hall", "electrical_danger"),
    ],
)
def test_a_bill_a_sticking_door_and_a_bulb_are_no_danger(
    policy: Policy, text: str, category: str
) -> None:
    """r24a-08 t2, t6, t7: a landing bulb got the safety question, a gas bill the gas route, a
    door that sticks but shuts "cannot secure your home"."""
    urgency, asked = guessed(text, category, 0.45, policy)
    assert not urgency and not asked, text


@pytest.mark.parametrize(
    "text",
    [
        "my front door sticks in the frame when it rains, i have to shove it",
        "the back door is stiff and hard to shut but it locks fine",
    ],
)
def test_a_door_that_sticks_but_shuts_is_not_a_home_that_cannot_be_secured(
    match: Match, policy: Policy, text: str
) -> None:
    """r24a-08 t7: a door that sticks got "If you cannot secure your home" and 24 hours."""
    assert "insecure_home" in match(text).excepted_urgency, text
    urgency, _ = guessed(text, "insecure_home", 0.5, policy)
    assert "insecure_home" not in urgency, text


def test_a_door_that_sticks_and_will_not_lock_is_still_insecure(match: Match) -> None:
    assert "insecure_home" in match("the front door sticks and now it wont lock at all").urgency


@pytest.mark.parametrize(
    "text",
    [
        "she passed away in october, it was quite sudden, me and my brother have been clearing "
        "her things out of the flat",
        "my dad was your tenant for 25 years, he died last month and im the executor",
        "im fine thanks just tired, i'm sorting out my mums estate",
    ],
)
def test_grief_is_not_despair(policy: Policy, text: str) -> None:
    """r24b-03 t2, t13: a bereavement got the Samaritans line."""
    urgency, asked = guessed(text, "self_harm", 0.85, policy)
    assert not urgency and not asked, text


def test_despair_told_beside_grief_is_still_routed(match: Match) -> None:
    assert "self_harm" in match("since my husband died i want to kill myself").urgency


@pytest.mark.parametrize(
    ("text", "routed", "follow_up"),
    [
        (
            "no fire, only smell. i must turn off electric? i can charge my phone?",
            "electrical_danger",
            "electric_use_now",
        ),
        (
            "is it safe to use the electric now or do i switch off the main switch?",
            "electrical_danger",
            "electric_use_now",
        ),
        ("ok. who come and when? today?", "electrical_danger", "who_comes_when"),
        (
            "so who is coming and when, is someone coming today?",
            "ceiling_holding_water",
            "who_comes_when",
        ),
        ("when will someone come, tonight?", "gas", "who_comes_when"),
        ("do I actually need to go out? its freezing", "gas", "gas_get_out"),
        ("the CO alarm. do I need to get out of the flat or not", "gas", "gas_get_out"),
        (
            "do i need to leave the flat? can i still boil the kettle, its on the other side",
            "ceiling_holding_water",
            "ceiling_stay_or_leave",
        ),
        (
            "should we stay in the flat? can i use the microwave",
            "ceiling_holding_water",
            "ceiling_stay_or_leave",
        ),
        (
            "should i really ring 999 if hes only shouting? i dont want to waste their time",
            "threat_of_violence",
            "threat_really_999",
        ),
        ("is it safe for me to go out to the shop?", "threat_of_violence", "threat_really_999"),
    ],
)
def test_questions_about_a_routes_steps_get_their_answers(
    policy: Policy, text: str, routed: str, follow_up: str
) -> None:
    """r24a-02 t2, t3, t6; r24a-06 t2-t3; r24a-07 t4; r24a-08 t4, t10: no plain answer."""
    asked = [f.id for _, f in follow_ups_asked(text, [routed], policy)]
    assert follow_up in asked, (text, asked)


def test_the_switch_off_answer_invents_no_baby(policy: Policy) -> None:
    """r24b-07 t7: "even if the baby is asleep" when no baby had been mentioned."""
    for follow_up in policy.urgency["electrical_danger"].follow_ups:
        answer = policy.follow_up_answer(follow_up)
        assert "baby" not in answer and "children" not in answer, follow_up.id


@pytest.mark.parametrize(
    "text",
    [
        "why would i switch off the fuse box its the water thats too hot",
        "the fuse box is fine, the water is way too hot, she has a red mark",
    ],
)
def test_water_too_hot_beside_the_fuse_box_is_no_electrical_danger(match: Match, text: str) -> None:
    """r24a-07 t10: "why would i switch off the fuse box its the water thats too hot" got the
    electrical route again (water and the fuse box named together)."""
    assert "electrical_danger" not in match(text).urgency, text


def test_water_at_the_fuse_box_is_still_an_electrical_danger(match: Match) -> None:
    assert "electrical_danger" in match("water is dripping into the fuse box").urgency
