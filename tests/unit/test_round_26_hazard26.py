"""Round 26's follow-up questions after a danger route, in our own wordings (issue 14): a child
sleepy or sick after swallowing something (r26a-01 t3), "must I really go out, maybe it is the
battery" at a sounding CO alarm (r26a-02 t2), "could that be the gas?" after a gas smell
(r26a-03 t3), a gas oven to warm a cold home (r26a-04 t3-t4), the kettle while the gas route
stands (r26a-07 t3), and a gas smell stood down as a false alarm (r26a-07 t2)."""

from __future__ import annotations

import pytest

from bot.policy import Policy
from bot.triage.safety import false_alarm_told, follow_ups_asked
from tests.unit.conftest import Match


def _asked(text: str, routed: list[str], policy: Policy) -> list[str]:
    return [f.id for _, f in follow_ups_asked(text, routed, policy)]


def _answer(policy: Policy, category: str, follow_up_id: str) -> str:
    follow_up = next(f for f in policy.urgency[category].follow_ups if f.id == follow_up_id)
    return policy.follow_up_answer(follow_up)


@pytest.mark.parametrize(
    "text",
    [
        "shes gone a bit drowsy now, is that ok",
        "he keeps nodding off on the sofa",
        "my son has just been sick and hes breathing funny",
        "she looks really sleepy and floppy now",
    ],
)
def test_sleepy_or_sick_after_the_poisoning_route_is_999_now(policy: Policy, text: str) -> None:
    """r26a-01 t3: "hes a bit sleepy now is that normal" got "noted as a request"."""
    assert "drowsy_after_swallowing" in _asked(text, ["poisoning"], policy), text
    assert _answer(policy, "poisoning", "drowsy_after_swallowing").startswith("Call 999 now")


@pytest.mark.parametrize(
    "text",
    [
        "she seems ok now, do we still need to call 111?",
        "hes running about like normal, should i still ring them",
        "he looks fine to me, is it worth ringing 111",
    ],
)
def test_seems_fine_after_the_poisoning_route_still_calls_111(policy: Policy, text: str) -> None:
    assert "seems_fine_still_call" in _asked(text, ["poisoning"], policy), text
    assert "NHS 111" in _answer(policy, "poisoning", "seems_fine_still_call")


@pytest.mark.parametrize(
    "text",
    [
        "we must really go outside? my baby is asleep and i think the battery is dead",
        "is it necessary to go out, it is snowing and maybe battery finish",
        "have we got to go out, its probably the batteries running low",
        "should we leave the flat or is it just the battery",
    ],
)
def test_going_out_asked_beside_the_battery_gets_the_plain_yes(policy: Policy, text: str) -> None:
    """r26a-02 t2: the no-heating route, and no answer."""
    assert "gas_get_out" in _asked(text, ["gas"], policy), text
    answer = _answer(policy, "gas", "gas_get_out")
    assert "not a low battery" in answer and "warm" in answer


@pytest.mark.parametrize(
    "text",
    [
        "mum has a thumping head and feels dizzy, could it be from the gas?",
        "my partner keeps throwing up, is that the gas leak doing it",
        "he says his head is pounding, could this be carbon monoxide",
    ],
)
def test_symptoms_asked_about_after_a_gas_smell_get_the_co_answer(
    policy: Policy, text: str
) -> None:
    """r26a-03 t3: "could that be the gas?" got the gas route again and no answer."""
    assert "co_headache" in _asked(text, ["gas"], policy), text
    answer = _answer(policy, "gas", "co_headache")
    assert "gas or carbon monoxide" in answer and "999" in answer


def test_a_banging_head_is_a_symptom(match: Match) -> None:
    found = match("the co alarm is beeping and i have a banging head")
    assert "medical_emergency" in found.urgency


@pytest.mark.parametrize(
    ("text", "routed"),
    [
        (
            "can we put the oven on with the door open to heat the room",
            "no_heating_or_water_vulnerable",
        ),
        (
            "my brother says use the gas hob to warm the kitchen, is that ok",
            "no_heating_or_water_vulnerable",
        ),
        ("could we bring the patio heater inside for tonight", "medical_emergency"),
        ("is it ok to have the bbq indoors for a bit of heat", "no_heating_or_water_vulnerable"),
    ],
)
def test_a_gas_oven_or_barbecue_to_heat_the_home_is_a_plain_no(
    policy: Policy, text: str, routed: str
) -> None:
    """r26a-04 t3-t4: the safety question, twice."""
    assert "no_gas_oven_for_heat" in _asked(text, [routed], policy), text
    answer = _answer(policy, routed, "no_gas_oven_for_heat")
    assert answer.startswith("No. Never use a gas oven") and "carbon monoxide" in answer


@pytest.mark.parametrize(
    "text",
    ["the oven is broken and the heating is off", "can you fix the oven door, it wont shut"],
)
def test_an_oven_named_otherwise_is_no_question_about_heating(policy: Policy, text: str) -> None:
    assert "no_gas_oven_for_heat" not in _asked(text, ["no_heating_or_water_vulnerable"], policy)


@pytest.mark.parametrize(
    "text",
    [
        "am i ok to boil the kettle",
        "can i charge my phone in the kitchen",
        "can i put the telly on",
    ],
)
def test_the_kettle_while_the_gas_route_stands_is_a_no(policy: Policy, text: str) -> None:
    assert "electric_near_gas" in _asked(text, ["gas"], policy), text


@pytest.mark.parametrize(
    "text",
    [
        "so sorry, false alarm, it was burnt toast",
        "panic over, it was just the bins outside",
        "ignore me, it wasnt gas after all, its the drains",
    ],
)
def test_a_gas_smell_told_as_a_false_alarm_takes_the_route_back(
    match: Match, policy: Policy, text: str
) -> None:
    """r26a-07 t2."""
    assert false_alarm_told(text, ["gas"], policy) == ["gas"], text
    assert match(text).danger_taken_back, text
    assert "0800 111 999" in (policy.false_alarm_line("gas") or "")


@pytest.mark.parametrize(
    "text",
    [
        "the toaster is broken, can someone look at the socket",
        "i can still smell gas, it isnt the toaster",
        "the gas engineer came and made it safe",
    ],
)
def test_a_toaster_or_a_gas_made_safe_is_no_false_alarm(policy: Policy, text: str) -> None:
    assert not false_alarm_told(text, ["gas"], policy), text
