"""Round 24 (issue 14): safety-path faults left from round 23, in our own wordings. A step taken
told in the resident's words is read as that, and a question about it is not; the questions
after the gas, the cold-home and the electrics routes are found; a chirp beside a denial raises
no safety question; a broken door lock is an insecure home beside abuse; a route said once, or
covered by one standing, is not said again; a lower-case name with its initial is read beside a
route."""

from __future__ import annotations

import pytest

from actions.safety import answer_asked_beside, name_told_beside
from bot.policy import Policy
from bot.triage.decide import dangers
from bot.triage.safety import (
    asks_what_to_do,
    follow_ups_asked,
    made_safe_told,
    only_made_safe_told,
)
from tests.unit.conftest import Match

ELECTRIC = "electrical_danger"
VULNERABLE = "no_heating_or_water_vulnerable"


@pytest.mark.parametrize(
    "text",
    [
        "ive switched it all off",
        "the electric is off now",
        "ok i turn the power off",
        "done, switched off the electrics at the box",
    ],
)
def test_the_electrics_switched_off_in_the_residents_words_is_a_step_taken(
    policy: Policy, text: str
) -> None:
    """Round 23 (left from r23a-03): "ok i switch off the electric" was read as asking what to
    do, and the routes were said again."""
    assert made_safe_told(text, ["flooding", ELECTRIC], policy) == [ELECTRIC]
    assert only_made_safe_told(text, ["flooding", ELECTRIC], policy)


@pytest.mark.parametrize(
    "text",
    [
        "should i switch off the electric?",
        "do i turn the power off at the box",
        "i havent switched it off yet",
        "ill switch the power off in a min",
    ],
)
def test_asking_about_the_step_or_not_having_taken_it_is_no_step_taken(
    policy: Policy, text: str
) -> None:
    assert made_safe_told(text, [ELECTRIC], policy) == []


def test_gas_off_at_the_meter_is_a_step_taken_and_no_question_about_the_meter(
    policy: Policy,
) -> None:
    text = "gas is off at the meter now"
    assert made_safe_told(text, ["gas"], policy) == ["gas"]
    assert only_made_safe_told(text, ["gas"], policy)
    assert follow_ups_asked(text, ["gas"], policy) == []


@pytest.mark.parametrize(
    ("text", "asked"),
    [
        ("ok i switch the power off. wheres the stop tap?", "stopcock"),
        ("turned the electric off, how do i turn the water off", "stopcock"),
        ("gas is off. can i phone them from my mobile in the garden?", "gas_meter_and_phone"),
    ],
)
def test_a_question_beside_a_step_taken_is_its_answer_not_what_to_do(
    policy: Policy, text: str, asked: str
) -> None:
    assert not asks_what_to_do(text, policy)
    found = {f.id for _, f in follow_ups_asked(text, ["gas", "flooding", ELECTRIC], policy)}
    assert found == {asked}


@pytest.mark.parametrize(
    "text",
    [
        "ok to ring them on my mobile?",
        "can i call the gas people from my phone outside",
        "is it safe using my mobile from the garden",
    ],
)
def test_using_a_mobile_after_the_gas_route_is_its_follow_up(policy: Policy, text: str) -> None:
    """Round 23 (left from r22a-01 t4): "ring them on my mobile" got the route's promise."""
    assert [f.id for _, f in follow_ups_asked(text, ["gas"], policy)] == ["gas_meter_and_phone"]
    answer = policy.follow_up_answer(follow_ups_asked(text, ["gas"], policy)[0][1])
    assert "Once you are outside, it is fine to use your mobile" in answer


@pytest.mark.parametrize(
    ("text", "routed"),
    [
        ("can she have the fan heater next to her oxygen?", VULNERABLE),
        ("is a heater in the same room as his oxygen ok", VULNERABLE),
        ("we put the oil heater near his machine, is that alright", "medical_emergency"),
    ],
)
def test_a_heater_near_oxygen_is_answered(policy: Policy, text: str, routed: str) -> None:
    """Round 22 r22a-02 t2, left in round 23: the fan heater by an oxygen concentrator got no
    answer."""
    asked = follow_ups_asked(text, [routed], policy)
    assert [f.id for _, f in asked] == ["heater_near_oxygen"]
    assert "away from the oxygen machine" in policy.follow_up_answer(asked[0][1])


@pytest.mark.parametrize(
    "text",
    [
        "no smell of gas at all, the smoke alarm just chirps now and then",
        "nah theres no gas smell, co alarm does a little chirp every min. can i take the batt out",
    ],
)
def test_a_chirp_beside_a_denial_raises_no_safety_question(
    match: Match, policy: Policy, text: str
) -> None:
    """Round 23 (left): "nah no gas smell nothin, the co alarm just chirps every min" got "Is
    anyone in danger right now?" before the chirp's answer."""
    assert dangers(match(text), policy) == ((), False)


@pytest.mark.parametrize(
    "text", ["there's no gas smell but i feel dizzy and sick", "no smell of gas but its hissing"]
)
def test_a_denial_without_a_chirp_is_still_asked_about(
    match: Match, policy: Policy, text: str
) -> None:
    assert dangers(match(text), policy)[1]


@pytest.mark.parametrize(
    "text",
    [
        "my ex keeps threatening me and the front door lock is broken",
        "my ex partner hit me last week. also the lock on my door is broken",
        "hes abusive and he kicked the door, the door lock doesnt work now",
    ],
)
def test_a_broken_door_lock_beside_abuse_is_an_insecure_home(match: Match, text: str) -> None:
    """Round 23 (left): an abusive ex "and the door lock is broken" got no insecure-home line."""
    assert "insecure_home" in match(text).urgency


@pytest.mark.parametrize(
    "text",
    [
        "my ex partner has been violent to me and now the front door lock is broken",
        "my husband got violent last night and the door wont lock",
    ],
)
def test_violence_by_a_partner_beside_a_broken_lock_is_abuse_and_an_insecure_home(
    match: Match, text: str
) -> None:
    """Round 24: with the insecure home found in words, the abuse told as violence got no route
    (the detector's guess was owed to the lock)."""
    found = match(text).urgency
    assert "domestic_abuse" in found
    assert "insecure_home" in found


def test_a_route_standing_covers_one_told_later(policy: Policy) -> None:
    """Round 23 (left): `covers` held within one message only; a flood told after the route for
    a ceiling holding water got the flood route too."""
    assert policy.without_covered(["flooding"], ["ceiling_holding_water"]) == ()
    assert policy.without_covered(["flooding", "gas"], ["ceiling_holding_water"]) == ("gas",)
    # Nothing standing: as before.
    assert policy.without_covered(["flooding"]) == ("flooding",)


def test_a_route_said_once_is_not_said_again_while_it_stands(policy: Policy) -> None:
    """Round 23 (left from r23a-07): the asbestos route was said again in full."""
    assert policy.urgency["asbestos"].said_once
    assert policy.without_covered(["asbestos"], ["asbestos"]) == ()
    assert policy.without_covered(["asbestos"], ["gas"]) == ("asbestos",)
    # Routes not said once are said again when told again, as before.
    assert policy.without_covered(["gas"], ["gas"]) == ("gas",)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("kai b. ow my arm is tingling after a shock off the switch", "kai b"),
        ("its sam o. he collapsed in the kitchen", "sam o"),
        ("jo-anne k. my hearts racing", "jo-anne k"),
    ],
)
def test_a_lower_case_name_with_its_initial_is_read_beside_a_route(text: str, name: str) -> None:
    """Round 23 r23a-05 t5-t6: "kai b." beside the medical route was asked the name again."""
    danger = [(text.find(".") + 2, len(text))]
    assert name_told_beside(text, danger) == name


@pytest.mark.parametrize(
    "text", ["its bad. my arm hurts", "help. he is at the door", "ow. my arm is tingling", "kai"]
)
def test_no_lower_case_name_without_an_initial(text: str) -> None:
    danger = [(text.find(".") + 2, len(text))] if "." in text else []
    assert name_told_beside(text, danger) is None


def test_answer_asked_beside_takes_the_callers_finding() -> None:
    """Round 24 tidy: `answer_asked_beside` no longer works out `follow_ups_asked` again: a
    question about a route's steps, found by the caller, gets no common answer beside it."""
    from rasa_sdk import Tracker
    from rasa_sdk.executor import CollectingDispatcher

    dispatcher = CollectingDispatcher()
    tracker = Tracker.from_dict({"sender_id": "s24", "slots": {}, "events": []})
    answer_asked_beside(dispatcher, tracker, "who will you contact about it?", steps_asked=True)
    assert dispatcher.messages == []
