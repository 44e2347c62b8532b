"""Rounds 16 and 17's safety turns (issue 14), played over REST in our own wordings: what is said
after a route (its steps when asked what to do, its dates when asked if someone is coming, "yes,
call now" when the resident is calling), a threat at the door from the ex already routed as
abuse, a yes at the read-back with danger after it, and the false alarms of a carer's note and a
blackened kitchen ceiling."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tests.conftest import Running
from tests.conversations.test_conversation_repair import conversation
from tests.conversations.test_round_9_form_danger import SAFETY_QUESTION
from tests.conversations.test_round_9_forms import LOGGED, READ_BACK, WHICH_PART
from tests.conversations.test_round_13_dangers import ABUSE_HELPLINE, EMERGENCY_REPAIRS, SAMARITANS

pytestmark = pytest.mark.server

CALL_NOW = "Yes, please call now"
STRUCTURAL_ROUTE = "Keep everyone away from it"
INSPECTION_DATE = "We must inspect it within 10 working days"


def to_an_unsafe_home_read_back(say: Callable[[str], str]) -> None:
    """A complaint about a lock that will not lock, with an ex who threatens to come round:
    the abuse route first, then walked to the read-back."""
    first = say(
        "my front door wont lock and my ex keeps turning up, im scared of him. "
        "ive asked 3 times for a new lock, i want to complain"
    )
    assert ABUSE_HELPLINE in first
    reply = first
    for answer in (
        "yes still broken", "no", "a new lock today", "I'm the resident", "Kerry Dunn",
        "kerry.d.safe@example.org", "email", "Flat 5, 20 Lime Street", "no",
    ):  # fmt: skip
        if READ_BACK in reply:
            break
        reply = say(answer)
    assert READ_BACK in reply


def test_a_threat_at_the_door_from_the_ex_routed_before_gets_the_abuse_route_and_the_yes_logs(
    running: Running,
) -> None:
    """Round 16 (r16a-11 turn 14): "yes thats right. oh god hes outside now banging on the door"
    got "999 or 101" and the read-back again, though she had said yes."""
    _, say = conversation(running)
    to_an_unsafe_home_read_back(say)
    after = say("yes thats all right. oh no hes outside now hammering on the door")
    assert ABUSE_HELPLINE in after and "press 55" in after
    assert LOGGED in after


def test_calling_999_at_the_read_back_is_no_change_to_it(running: Running) -> None:
    """Round 16 (r16a-11 turn 15): "im calling 999 now" was asked which part to change."""
    _, say = conversation(running)
    to_an_unsafe_home_read_back(say)
    after = say("im ringing 999 now")
    assert CALL_NOW in after and "999" in after
    assert WHICH_PART not in after and READ_BACK in after


def test_what_should_she_do_after_the_water_at_the_light_route_gets_its_steps(
    running: Running,
) -> None:
    """Round 16 (r16a-12 turn 2): a son asked "What should she do right now?" after water
    through his mother's light fitting and got only "flagged as urgent"."""
    _, say = conversation(running)
    first = say("my dad says water is pouring out of his hall light from the flat upstairs")
    assert "fuse box" in first or "electrics" in first
    after = say("what should he do right now?")
    assert "fuse box" in after or "stopcock" in after


def test_is_someone_coming_after_the_damp_route_gets_its_inspection_date(
    running: Running,
) -> None:
    """Round 16 (r16a-01 turn 15): "ok so is someone actually coming to look at the mould then"
    got the emergency repairs line, not the date the route had given."""
    _, say = conversation(running)
    first = say("the black mould in the kids room is making my daughters asthma worse")
    assert INSPECTION_DATE in first
    after = say("right so is anybody actually coming out to see the mould then?")
    assert INSPECTION_DATE in after


def test_water_at_the_switch_in_romanised_urdu_gets_the_electrics_advice(
    running: Running,
) -> None:
    """Round 16 (r16a-08 turn 2): "Paani bijli ke switch ke paas hai" got no word about the
    electrics."""
    _, say = conversation(running)
    after = say("Assalam o alaikum. Kitchen ki chhat se paani aa raha hai, bijli ke switch pe bhi")
    assert "fuse box" in after or "electrics" in after


def test_a_ceiling_giving_way_in_other_words_gets_the_structural_route(running: Running) -> None:
    """Round 17 (r17a-12 turn 1): "the plaster is now bulging" under a leak got only the safety
    question."""
    _, say = conversation(running)
    first = say(
        "The leak from upstairs has been coming through my bathroom ceiling since the summer, "
        "reported it 3 times and now the plaster is bulging. Fed up."
    )
    # The ceiling holding water's own route says the structural route's step (round 23).
    assert "Keep everyone out from under it" in first and EMERGENCY_REPAIRS in first
    assert SAFETY_QUESTION not in first


@pytest.mark.xfail(
    strict=True,
    reason="the urgency detector still reads a carer's note about a relative with dementia who "
    "gets upset at letters as possible self-harm (0.53) and asks the safety question; near misses "
    "did not move it, and a detector need for self-harm cost route recall in cross-validation",
)
def test_a_carers_note_about_upset_at_letters_gets_no_samaritans(running: Running) -> None:
    """Round 16 (r16b-14 turn 1): a call handler's note about a man with dementia who "gets
    upset" at his post got the Samaritans line."""
    _, say = conversation(running)
    first = say(
        "CH: T Mrs Ivy Rowe, rep = daughter Lisa (consent given on call). T has dementia. c/o "
        "bathroom door off its hinges + 2 no-shows. send nothing to T, she gets upset by letters"
    )
    assert SAMARITANS not in first and SAFETY_QUESTION not in first


def test_a_kitchen_ceiling_blackened_under_a_broken_fan_gets_no_structural_route(
    running: Running,
) -> None:
    """Round 16 (r16a-05 turn 1): mould blackening a kitchen ceiling under a broken extractor
    fan got "Keep everyone away from it" and a 24-hour emergency."""
    _, say = conversation(running)
    first = say(
        "want to complain, kitchen extractor hasnt worked since september and the ceiling over "
        "the hob is turning black. rang twice"
    )
    assert STRUCTURAL_ROUTE not in first
