"""Round 25 (issue 14): safety-path faults left from round 24, in our own wordings. A message for
our team (pass it on, call me back, which reference) is no danger to a person; a light out on the
stairs or a landing is a repair, even beside an older person who could trip; asbestos dust beside
children is asbestos, not damp; a step taken told beside a contact detail runs the safety check."""

from __future__ import annotations

from pathlib import Path

import pytest
from rasa.engine.graph import ExecutionContext, GraphSchema
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.shared.core.events import ActionExecuted, BotUttered

from bot.policy import Answer, Policy
from bot.questions import answer_for
from bot.safety_first import SafetyFirstPolicy
from bot.triage import triage
from bot.triage.safety import SAFETY_ACTION, follow_ups_asked
from tests.conftest import ROOT
from tests.unit.test_safety_first_policy import LISTEN, message, tracker
from tests.unit.test_triage import parse_text

REPAIR = {"service_request": 0.7, "dissatisfaction": 0.2, "enquiry": 0.1}
OTHER = {"enquiry": 0.6, "service_request": 0.2, "dissatisfaction": 0.2}


def _guessed(
    text: str, guess: str, confidence: float, policy: Policy, labels: dict[str, float] = REPAIR
) -> tuple[tuple[str, ...], bool]:
    parse = parse_text(text, labels, policy)
    parse["entities"].append(
        {"entity": "detected_urgency", "value": guess, "confidence": confidence}
    )
    result = triage(parse, policy)
    return result.urgency, result.ask_about_danger


# Fault 1.
@pytest.mark.parametrize(
    ("text", "guess"),
    [
        ("could u pass it on to my officer, i'll forget to ring them", "self_harm"),
        ("please just let them know i called, ill only forget otherwise", "self_harm"),
        ("can someone ring me back, i always forget to phone in my break", "domestic_abuse"),
    ],
)
def test_a_message_to_pass_on_is_no_danger_to_a_person(
    policy: Policy, text: str, guess: str
) -> None:
    """Round 24 (closing note): "can't you just pass a message on to them for me? i'll forget
    to call" got the safety question on a guess at self-harm (0.36)."""
    assert _guessed(text, guess, 0.36, policy, OTHER) == ((), False)


@pytest.mark.parametrize(
    "text",
    [
        "pass a message on to them please, i cant go on like this anymore, i want to end it all",
        "tell them i called. i dont want to be alive anymore",
    ],
)
def test_despair_beside_a_message_to_pass_on_is_still_routed(policy: Policy, text: str) -> None:
    urgency, _ = _guessed(text, "self_harm", 0.6, policy, OTHER)
    assert "self_harm" in urgency


@pytest.mark.parametrize(
    "text",
    [
        "i have to get out of this flat because of him. cant say more here. can someone call me "
        "back please",
        "need to leave asap cos of him, not safe to type it. ring me back",
    ],
)
def test_a_veiled_disclosure_asking_to_be_called_back_keeps_the_safety_question(
    policy: Policy, text: str
) -> None:
    """The merge of round 25: "call me back" was a message for our team, so a guess at abuse
    told only as "because of him ... can someone call me back" lost its safety question (a
    safety corpus message). Asking to be called back is how someone who cannot say more asks
    for help: it takes no doubt from a danger to a person."""
    urgency, asked = _guessed(text, "domestic_abuse", 0.36, policy, OTHER)
    assert urgency or asked


# Fault 2.
@pytest.mark.parametrize(
    "text",
    [
        "what reference have you put down for me? i need to know its the right one",
        "any update on my complaint, the ref is SH-2026-000318",
        "whats happening with my complaint ref number, i was told someone would call",
        "what's happening with SH-2026-000415, nobody has rung me back",
    ],
)
def test_a_status_question_about_a_reference_gets_no_safety_question(
    policy: Policy, text: str
) -> None:
    """Round 24 r24b-07 t4: "which reference have you got down for me?" got "Is anyone in
    danger right now?"."""
    assert _guessed(text, "self_harm", 0.3, policy, OTHER) == ((), False)


# Fault 3.
@pytest.mark.parametrize(
    ("text", "guess", "confidence"),
    [
        ("the light on our landing has gone, my mum is 86 and could trip at night",
         "structural_danger", 0.9),
        ("stairwell lights are out again, theres pensioners in the block who could fall",
         "electrical_danger", 0.7),
        ("bulb on the stairs has blown and its pitch black, my dad nearly fell last night",
         "no_heating_or_water_vulnerable", 0.55),
        ("the bulb in the hall cupboard has gone", "electrical_danger", 0.3),
        ("lights out on our stairs again, my gran is 88 and could easily fall in the dark",
         "medical_emergency", 0.88),
    ],
)  # fmt: skip
def test_a_light_out_where_it_is_is_a_repair_not_a_danger(
    policy: Policy, text: str, guess: str, confidence: float
) -> None:
    """Round 24 r24a-08 t2 (left): a bulb out on the landing got the safety question; a dark
    stair with an older person got the structural danger's route."""
    assert _guessed(text, guess, confidence, policy) == ((), False)


@pytest.mark.parametrize(
    ("text", "guess"),
    [
        ("the stair light is out and my nan fell down them, shes bleeding", "medical_emergency"),
        ("landing light has gone and my dad had a fall, he cant get up", "medical_emergency"),
        ("the stair light is out and my ex is outside threatening me", "domestic_abuse"),
        ("the landing light is out and water is pouring out of the fitting", "electrical_danger"),
        ("landing light has gone and theres smoke coming from the switch", "electrical_danger"),
    ],
)
def test_a_danger_beside_a_light_out_is_still_routed(policy: Policy, text: str, guess: str) -> None:
    urgency, asked = _guessed(text, guess, 0.8, policy)
    assert urgency or asked


@pytest.mark.parametrize(
    "text",
    [
        "the landing light has gone, its really dark on the stairs",
        "bulb on the stairs has blown and my dad could fall",
        "communal stairwell lights not working since friday",
    ],
)
def test_a_light_out_on_the_stairs_is_answered_as_a_repair(
    answers: dict[str, Answer], text: str
) -> None:
    answer = answer_for(text, answers)
    assert answer is not None and answer.id == "dark_stairs"
    assert "999" in answer.text and "repair" in answer.text


def test_a_bulb_out_in_a_cupboard_gets_no_stairs_answer(answers: dict[str, Answer]) -> None:
    answer = answer_for("the bulb in the airing cupboard has gone", answers)
    assert answer is None or answer.id != "dark_stairs"


# Fault 4.
@pytest.mark.parametrize(
    "text",
    [
        "the asbestos dust is all over the kids toys as well",
        "possible asbestos dust in my daughters cot",
        "could be asbestos, the dust is on my sons bed",
    ],
)
def test_asbestos_dust_beside_children_gets_one_asbestos_route(policy: Policy, text: str) -> None:
    """Round 24 (safety24's note): "the asbestos dust is on the kids toys too" got a damp and
    mould route beside the asbestos one, on a guess whose only evidence was "kids"."""
    urgency, _ = _guessed(text, "damp_mould_health", 0.6, policy)
    assert urgency == ("asbestos",)


def test_mould_beside_asbestos_dust_with_children_is_still_both(policy: Policy) -> None:
    urgency, _ = _guessed(
        "asbestos dust on the kids toys and black mould all over their bedroom wall",
        "damp_mould_health",
        0.6,
        policy,
    )
    assert set(urgency) == {"asbestos", "damp_mould_health"}


# Fault 7.
@pytest.fixture
def safety_first(tmp_path: Path) -> SafetyFirstPolicy:
    return SafetyFirstPolicy(
        {**SafetyFirstPolicy.get_default_config(), "policy_dir": str(ROOT / "policy_rules")},
        LocalModelStorage(tmp_path),
        Resource("safety_first"),
        ExecutionContext(GraphSchema({}), "test"),
    )


@pytest.mark.parametrize(
    "text",
    [
        "ok were outside now. my number is 07700 900333",
        "we're all out the house, its 07700 900444",
        "everyone is outside now, ring me on 07700 900555",
    ],
)
def test_a_step_taken_told_beside_a_number_runs_the_safety_check(
    safety_first: SafetyFirstPolicy, policy: Policy, text: str
) -> None:
    """Round 24 (closing note): "ok were outside now. my number is 07700 900333" at the contact
    details question after the gas route stored the number; the step was not acknowledged."""
    turn = tracker(
        BotUttered(policy.urgent_route("gas")),
        BotUttered("What is the best phone number or email address for us to reach you?"),
        ActionExecuted(LISTEN),
        message(text, "inform"),
    )
    assert safety_first.next_action(turn) == SAFETY_ACTION


# Fault 6.
@pytest.mark.parametrize(
    "text",
    [
        "do i need a&e? i fell off the ladder and my wrist has swelled up",
        "should i go to a&e, i cut my hand on the broken window",
        "is it 999 or 111 for a burn off the radiator",
    ],
)
def test_a_and_e_asked_with_no_route_gets_the_999_or_111_answer(
    answers: dict[str, Answer], text: str
) -> None:
    """Round 25's replay of round 24's fault: "do i need a&e?" at the name question got "I
    can't answer that one myself"."""
    answer = answer_for(text, answers)
    assert answer is not None and answer.id == "ae_or_111"


@pytest.mark.parametrize("text", ["do i need a&e", "should i go to a&e?", "999 or 111 for her?"])
def test_a_and_e_is_found_as_the_medical_routes_follow_up(policy: Policy, text: str) -> None:
    assert [f.id for _, f in follow_ups_asked(text, ["medical_emergency"], policy)] == [
        "ambulance_or_111"
    ]
