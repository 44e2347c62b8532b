"""Rounds 16 and 17's safety turns in our own wordings, read by the policy's rules: a ceiling
giving way said in other words, a light that stopped under a leak, blue hands in a cold home,
water at an electric switch in romanised Urdu; and what is said after a route: the route's
steps to "what should she do now?", the dates to "is someone coming?", "yes, call now" to "im
calling 999", and a yes at the read-back with danger after it."""

from __future__ import annotations

from bot.answers import opens_confirming
from bot.hazards import clock_lines_said
from bot.policy import Policy
from bot.triage.decide import dangers
from bot.triage.safety import asks_what_to_do, calls_the_line, line_not_answered
from tests.unit.conftest import Match

# Water at the electrics is told by both routes' combination: either keeps people away from them.
WATER_AT_THE_ELECTRICS = {"flooding", "electrical_danger"}


def test_a_ceiling_giving_way_in_other_words_is_a_structural_danger(
    match: Match, policy: Policy
) -> None:
    """Round 17 (r17a-12 turn 1): "the plaster is now bulging" under a leak from upstairs got
    only "Is anyone in danger right now?"."""
    for said in (
        "leak from upstairs since august and the plaster is now bulging",
        "bathroom ceiling bellied out over the bath, looks like its gonna come down",
        "the plasterboard in the hall is sagging where the water got in",
        "T reports ceiling dropping down in kitchen after leak from flat above",
    ):
        # Or a route that says all the structural danger's does: a ceiling swollen with water
        # from a leak gets the ceiling's own route (round 23 r23a-03).
        routed = dangers(match(said), policy)[0]
        assert any(
            c == "structural_danger" or "structural_danger" in policy.urgency[c].covers
            for c in routed
        ), said
    for said in (
        "the wallpaper is peeling in the hall, can someone look",
        "there is a crack in the bathroom tile",
    ):
        assert "structural_danger" not in dangers(match(said), policy)[0], said


def test_a_light_that_stopped_under_a_leak_is_water_at_the_electrics(
    match: Match, policy: Policy
) -> None:
    """Round 17 (r17a-14 turn 3): "water come when upstair use shower ... light in kitchen also
    not work now" got only the heating line; the electrics advice came when she asked."""
    for said in (
        "water come when upstair use shower. i put bowl. light in kitchen also not work now",
        "still leaking through the ceiling and now the lights have gone off in the hall",
        "drip drip from the ceiling and the light stopped working",
    ):
        assert WATER_AT_THE_ELECTRICS & set(dangers(match(said), policy)[0]), said
    bulb = dangers(match("the hall light needs a bulb"), policy)[0]
    assert not WATER_AT_THE_ELECTRICS & set(bulb)


def test_blue_hands_in_a_cold_home_after_the_heating_route_need_medical_help(
    match: Match, policy: Policy
) -> None:
    """Round 17 (r17a-04 turn 2): a disabled man with no heating whose "hands have gone a bit
    blue" was offered a call back."""
    for said in (
        "his hands have gone a bit blue but he's ok under the duvet",
        "mums fingers are blue and she wont stop shaking",
        "the baby's lips are going blue a bit",
    ):
        assert "harmed_by_cold" in match(said).cue_groups, said


def test_water_at_the_switch_in_romanised_urdu_is_water_at_the_electrics(
    match: Match, policy: Policy
) -> None:
    """Round 16 (r16a-08 turn 2): "Paani bijli ke switch ke paas hai" (the water is by the
    light switch) got no word about the electrics."""
    for said in (
        "Lekin kya aaj koi aa sakta hai? Paani bijli ke switch ke paas hai",
        "chhat se pani tapak raha hai aur bijli ka switch geela hai",
    ):
        assert WATER_AT_THE_ELECTRICS & set(dangers(match(said), policy)[0]), said


def test_a_question_after_a_route_that_asks_what_to_do_gets_its_steps(policy: Policy) -> None:
    """Round 16 (r16a-12 turn 2), round 17 (r17a-04 turn 3): "What should she do right now?"
    and "should i be worried about his hands?" got only "flagged as urgent"."""
    for said in (
        "What should she do right now?",
        "should i be worried about his hands?",
        "wat do i do now",
        "is it safe to stay here tonight",
    ):
        assert asks_what_to_do(said, policy), said
    assert not asks_what_to_do("when will someone come?", policy)


def test_calling_the_line_after_a_route_is_no_answer(policy: Policy) -> None:
    """Round 16 (r16a-11 turn 15, r16a-15 turn 11): "im calling 999 now" at the read-back was
    asked which part to change; "ok fine ill ring the gas people" got "What would you like to
    tell us about?"."""
    for said in ("im calling 999 now", "ok fine ill ring the gas people", "ringing them now"):
        assert calls_the_line(said, ["gas"], policy) == ["gas"], said
    assert calls_the_line("im calling 999 now", [], policy) == []
    assert calls_the_line("the boiler is still broken", ["gas"], policy) == []


def test_the_dates_a_route_gave_are_found_among_what_was_said(policy: Policy) -> None:
    """Round 16 (r16a-01 turn 15): "is someone actually coming to look at the mould then" got the
    emergency repairs line, not the inspection date the route had given."""
    inspect = (
        "We must inspect it within 10 working days, by Monday 21 December 2026. We will then "
        "send you a written summary of what we found within 3 working days, and start any work "
        "needed to make it safe within 5 working days."
    )
    said = ["Damp and mould that affects health is a serious hazard.", inspect, inspect, "Hello"]
    assert clock_lines_said(said, policy) == [inspect]
    assert clock_lines_said(["We must do better."], policy) == []


def test_a_yes_first_with_news_after_it_confirms_but_a_yes_but_does_not() -> None:
    """Round 16 (r16a-11 turn 14): "yes thats right. oh god hes outside now banging on the door"
    was shown the read-back again and not logged. "yes ok. but ..." is no plain yes."""
    assert opens_confirming("yes thats right. oh god hes outside now banging on the door")
    assert opens_confirming("Yep that's all correct. There's a smell of gas in the hall now")
    assert not opens_confirming("yes ok. but baby very cold in hands")
    assert not opens_confirming("yes thats right")
    assert not opens_confirming("not sure. he is at the door")


def test_you_didnt_answer_me_is_about_the_chat_not_the_line(policy: Policy) -> None:
    """Round 17 (r17a-04 turn 6, r17a-12 turn 7): "u didnt answer me" got "I'm sorry the line
    did not answer"; the line not answering is told with a word about calling it."""
    for said in ("u didnt answer me", "you didnt answer my question", "you still havent answered"):
        assert line_not_answered(said, ["gas"], policy) == [], said
    for said in ("rang the number twice, no answer", "the line just rings out", "999 didnt answer"):
        assert line_not_answered(said, ["gas"], policy) == ["gas"], said
