"""Round 26 (issue 14): missed routes and false alarms, in our own wordings. A fuse box told hot,
buzzing or wet beside the electrical route gets "do not touch it", never "switch it off"; an
address "cut off" does not make a burning smell told beside it a danger that is over; a draughty
window or a gap round a door is a repair; a broken door lock with someone frightened is a home that
cannot be locked, not abuse, and "there is no abuse" stands a guessed abuse route down; worry and
lost sleep over a letter are not despair."""

from __future__ import annotations

import pytest

from bot.policy import Policy
from bot.triage.safety import follow_ups_asked, routes_standing
from tests.unit.test_round_25_safety25 import REPAIR, _guessed
from tests.unit.test_triage import parse_text

UNHAPPY = {"dissatisfaction": 0.7, "service_request": 0.2, "enquiry": 0.1}
ELECTRICAL = "electrical_danger"


def _asked(text: str, policy: Policy, routed: tuple[str, ...] = (ELECTRICAL,)) -> list[str]:
    return [f.id for _, f in follow_ups_asked(text, routed, policy)]


# Fault 1 (r26a-08 t3, a round 25 re-test).
@pytest.mark.parametrize(
    "text",
    [
        "ive switched the telly off. now the fuse box under the stairs is humming and the cover "
        "is warm to the touch, do i turn it all off?",
        "the consumer unit in the cupboard is buzzing loud and feels hot, should i flick "
        "everything off",
        "fusebox making a crackling noise now, its really hot. shall i switch everything off?",
    ],
)
def test_a_hot_or_buzzing_fuse_box_is_not_to_be_touched(policy: Policy, text: str) -> None:
    asked = _asked(text, policy)
    assert "hot_fuse_box" in asked
    # Never beside "switch the main switch off now".
    assert "electric_use_now" not in asked
    assert "switch_it_all_off" not in asked


def test_the_hot_fuse_box_answer_says_keep_away_and_call_now(policy: Policy) -> None:
    follow_up = next(f for f in policy.urgency[ELECTRICAL].follow_ups if f.id == "hot_fuse_box")
    answer = policy.follow_up_answer(follow_up)
    assert "not even to switch it off" in answer
    assert "Keep everyone away" in answer
    assert policy.landlord.emergency_repairs_phone in answer
    assert "999" in answer


@pytest.mark.parametrize(
    "text",
    [
        # A plug or an extension lead hot is no fuse box.
        "the plug on the extension lead is really hot, can i switch it off at the wall",
        # Where the box is, said alone.
        "the fuse box is under the stairs, do i switch everything off?",
    ],
)
def test_a_hot_plug_or_where_the_box_is_gets_no_hot_fuse_box_answer(
    policy: Policy, text: str
) -> None:
    asked = _asked(text, policy)
    assert "hot_fuse_box" not in asked
    assert "wet_fuse_box" not in asked


# Fault 2 (r26a-06 t3, a round 25 re-test).
@pytest.mark.parametrize(
    "text",
    [
        "our fuse box is in the kitchen cupboard and the back of the cupboard is soaking. do i "
        "really have to switch everything off?",
        "the wall next to the consumer unit is damp too, should i turn everything off",
        "fuse board is in the hall and theres water running down the wall by it, do i switch "
        "the electric off",
    ],
)
def test_a_fuse_box_with_water_beside_it_is_not_to_be_touched(policy: Policy, text: str) -> None:
    asked = _asked(text, policy)
    assert "wet_fuse_box" in asked
    assert "electric_use_now" not in asked
    assert "switch_it_all_off" not in asked


# Fault 3 (r26a-06 t12).
@pytest.mark.parametrize(
    "text",
    [
        "the address is cut off, its 4 Elm Court, 12 High Road, LS6 1AA. also the light in the "
        "kitchen just popped and i can smell burning",
        "my postcode got cut off, its M14 5RT. and now theres smoke coming from the socket",
        "your message was cut off half way. the landing light just went bang and theres a "
        "burning smell",
    ],
)
def test_an_address_or_message_cut_off_does_not_end_a_danger_told_beside_it(
    policy: Policy, text: str
) -> None:
    parse = parse_text(text, REPAIR, policy)
    assert not any(e["entity"] == "past_danger" for e in parse["entities"])
    urgency, _ = _guessed(text, "fire_or_danger_to_life", 0.92, policy)
    assert urgency


def test_a_supply_cut_off_still_ends_a_gas_danger(policy: Policy) -> None:
    parse = parse_text("the gas has been cut off and capped, the smell has gone", REPAIR, policy)
    assert any(e["entity"] == "past_danger" for e in parse["entities"])


# Fault 4 (r26a-05 t18).
@pytest.mark.parametrize(
    ("text", "guess", "confidence"),
    [
        ("the kitchen window is really draughty, you can feel the cold air round the frame",
         "structural_danger", 0.53),
        ("lounge window wont shut properly, theres a draught all the time", "insecure_home", 0.59),
        ("theres a gap round the back door and the wind comes through", ELECTRICAL, 0.39),
        ("woodlice keep coming in under the front door", "insecure_home", 0.6),
        ("slugs getting in under the back door every night, theres a gap at the bottom",
         "fire_or_danger_to_life", 0.2),
    ],
)  # fmt: skip
def test_a_draught_or_a_gap_round_a_window_or_door_is_a_repair(
    policy: Policy, text: str, guess: str, confidence: float
) -> None:
    assert _guessed(text, guess, confidence, policy) == ((), False)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("kitchen window smashed last night, now theres a draught coming in", "insecure_home"),
        ("back door lock is broken and theres a draught, i cant lock it", "insecure_home"),
    ],
)
def test_a_smashed_window_or_a_door_that_will_not_lock_beside_a_draught_is_still_routed(
    policy: Policy, text: str, expected: str
) -> None:
    urgency, _ = _guessed(text, "structural_danger", 0.5, policy)
    assert expected in urgency


def test_a_draught_beside_a_frail_person_keeps_the_guess(policy: Policy) -> None:
    urgency, ask = _guessed(
        "the bedroom window is so draughty and my mum is 91, shes freezing and confused",
        "no_heating_or_water_vulnerable",
        0.6,
        policy,
    )
    assert urgency or ask


# Fault 5 (r26b-04 t1-t2).
@pytest.mark.parametrize(
    "text",
    [
        "I'm writing for the lady next door, her front door lock has been broken for three weeks "
        "and she is frightened at night. She wants me to complain for her.",
        "my dads back door lock is bust since october, hes scared someone will get in",
        "the lock on my front door has stopped working, im scared to go to sleep",
    ],
)
def test_a_broken_door_lock_with_fear_is_an_insecure_home_not_abuse(
    policy: Policy, text: str
) -> None:
    urgency, _ = _guessed(text, "domestic_abuse", 0.98, policy, UNHAPPY)
    assert "insecure_home" in urgency
    assert "domestic_abuse" not in urgency


@pytest.mark.parametrize(
    "text",
    [
        "Nobody is at the door, there is no abuse, she is just frightened because the door will "
        "not lock.",
        "theres no abuse, hes only scared cos the door doesnt lock",
    ],
)
def test_a_denial_of_abuse_stands_the_guessed_route_down(policy: Policy, text: str) -> None:
    urgency, _ = _guessed(text, "domestic_abuse", 0.87, policy, UNHAPPY)
    assert "domestic_abuse" not in urgency
    route = policy.route_wordings("domestic_abuse")[0]
    first = parse_text("she is scared at night, please help", UNHAPPY, policy)
    turns = [
        (True, "she is scared at night, please help", first["entities"]),
        (False, route, []),
        (True, text, parse_text(text, UNHAPPY, policy)["entities"]),
    ]
    assert "domestic_abuse" not in routes_standing(turns, policy)


def test_a_partner_at_the_door_is_still_abuse(policy: Policy) -> None:
    urgency, _ = _guessed(
        "my ex is at my door trying to get in and im scared", "domestic_abuse", 0.95, policy
    )
    assert "domestic_abuse" in urgency


# Fault 6 (r26b-05 t2).
@pytest.mark.parametrize(
    "text",
    [
        "I am not behind with rent. This letter is wrong and it frighten me, somebody must say "
        "sorry.",
        "your court letter has got me so worried i cant sleep, i have paid every month",
        "Im really stressed about the arrears letter, I have not slept properly since it came",
    ],
)
def test_worry_and_lost_sleep_over_a_letter_are_not_despair(policy: Policy, text: str) -> None:
    assert _guessed(text, "self_harm", 0.9, policy, UNHAPPY) == ((), False)


@pytest.mark.parametrize(
    "text",
    [
        "the letter has me so worried and low, i cant cope with any of it anymore",
        "im scared and i cant sleep, honestly i feel like giving up on everything",
        "so worried about the court letter i dont want to be here anymore",
    ],
)
def test_despair_beside_worry_is_still_routed(policy: Policy, text: str) -> None:
    urgency, _ = _guessed(text, "self_harm", 0.9, policy, UNHAPPY)
    assert "self_harm" in urgency


@pytest.mark.parametrize(
    "text",
    [
        "im worried about my sister, she texted me goodbye tonight and now shes not picking up, "
        "she has hurt herself before",
        "really worried about my dad, he said goodbye on the phone and now he wont answer",
        "im so scared for my son, he says he cant sleep and nobody would miss him",
    ],
)
def test_worry_for_someone_with_signs_of_despair_is_still_routed(policy: Policy, text: str) -> None:
    """The safety corpus's worried relative (a goodbye message, harm before) lost its route to
    a first version of the worry doubt."""
    urgency, _ask = _guessed(text, "self_harm", 0.9, policy, REPAIR)
    assert "self_harm" in urgency
