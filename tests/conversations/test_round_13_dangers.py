"""Round 13's danger faults (issue 14), played over REST: a fire door blocked on a shared stair
gets the emergency repairs line, a tight chest at the read-back gets 999, CO symptoms get NHS 111
beside the gas line, an isolated old man who says it would not matter if he died gets Samaritans
at once, abuse by an ex is never passed to the ASB team, a CO alarm's chirp is told apart, "no
gas smell" in Bengali is no gas route, and everyday messages (why safeguarding?, a dripping tap,
sick on the stairs, a neighbour's threats) get no wrong route. Our own wordings, not the
simulation's."""

from __future__ import annotations

import pytest

from tests.conftest import Running
from tests.conversations.test_conversation_repair import conversation
from tests.conversations.test_round_9_form_danger import to_the_read_back
from tests.conversations.test_round_9_forms import LOGGED

pytestmark = pytest.mark.server

EMERGENCY_REPAIRS = "0300 000 0999"
SAMARITANS = "116 123"
ABUSE_HELPLINE = "0808 2000 247"
ASB_TEAM = "anti-social behaviour team"
GAS_LINE = "0800 111 999"
# The gas route's own words: the gas question names the line too.
GAS_ROUTE = "National Gas Emergency Service"


def test_a_bag_stopping_the_fire_door_shutting_gets_the_emergency_repairs_line(
    running: Running,
) -> None:
    """Round 13 (r13d-07): told while the complaint form waited on an answer, it got only "is
    anyone in danger"."""
    _, say = conversation(running)
    first = say("the stairwell in our block hasnt been cleaned for a month, i want to complain")
    assert "reported to us before" in first
    after = say("no. and now a rubbish bag is wedged against the fire door so it wont close")
    assert "fire safety risk" in after and EMERGENCY_REPAIRS in after


def test_a_tight_chest_at_the_read_back_gets_999_not_only_the_gas_line(running: Running) -> None:
    """Round 13 (r13c-16): "chest tight, breathless" beside yes at the read-back got the gas
    route and a 24-hour make-safe promise. The route comes first; the yes then logs the
    complaint agreed (round 16 r16a-11 was shown the read-back again, unlogged)."""
    _, say = conversation(running)
    to_the_read_back(say)
    after = say("yes thats right. oh and my dad says his chest feels tight and hes gasping")
    assert "seriously ill" in after and "999" in after
    assert after.index("seriously ill") < after.index(LOGGED)


def test_co_symptoms_beside_the_alarm_get_nhs_111_as_well_as_the_gas_line(
    running: Running,
) -> None:
    """Round 13 (r13c-03): an 81-year-old with a headache beside a beeping CO alarm got the
    gas route but nothing for her symptoms."""
    _, say = conversation(running)
    after = say(
        "writing for my gran shes 83, her carbon monoxide alarm keeps beeping since this morning "
        "and she has a headache and feels sleepy"
    )
    assert GAS_LINE in after and "NHS 111" in after


def test_an_old_man_alone_who_says_it_would_not_matter_if_he_died_gets_samaritans(
    running: Running,
) -> None:
    """Round 13 (r13c-16): indirect self-harm in call-handler shorthand was caught only at its
    third telling; the heating route alone was given."""
    _, say = conversation(running)
    after = say(
        "caller Mr Frost, elderly (90), alone, heating off since weds, sat in his coat, told me "
        "'wouldnt matter if i was gone anyway'. son lives in spain"
    )
    assert SAMARITANS in after and EMERGENCY_REPAIRS in after


def test_abuse_by_an_ex_is_not_passed_to_the_asb_team(running: Running) -> None:
    """Round 13 (r13c-10): an ex banging on the door at night with threats went to the ASB team
    with a crime line; twice, after she said it was not ASB."""
    _, say = conversation(running)
    after = say(
        "my ex keeps turning up outside at night, hammering on the door saying hell hurt me. "
        "i need the locks changing, i think he kept a key"
    )
    assert ABUSE_HELPLINE in after
    assert ASB_TEAM not in after


def test_a_co_alarm_chirping_for_its_battery_is_told_the_difference(running: Running) -> None:
    """Round 13 (r13b-02): a low-battery chirp got the full evacuation advice with no word about
    the difference; the route stays, since a resident may be wrong about the sound."""
    _, say = conversation(running)
    after = say(
        "carbon monoxide alarm in the hall keeps making a little chirp, could be the battery?"
    )
    assert GAS_LINE in after and "battery is low" in after


def test_no_gas_smell_said_in_bengali_gets_no_gas_route(running: Running) -> None:
    """Round 13 (r13c-09): "gas er gondho ashche na" (no gas smell) got the gas route."""
    _, say = conversation(running)
    after = say(
        "salam. amar flat e gas er gondho nai. but i want to complain, the housing officer was "
        "very rude to me on the phone"
    )
    assert GAS_ROUTE not in after


def test_why_safeguarding_gets_no_safeguarding_route(running: Running) -> None:
    """Round 13 (r13a-07): a support worker asking why she got the safeguarding line got it
    again."""
    _, say = conversation(running)
    say("im a support worker for one of your tenants, the lights on his landing are out")
    after = say("why safeguarding?? no one is at risk of harm, its just the landing lights")
    assert "safeguarding lead" not in after


def test_a_dripping_tap_for_an_old_father_gets_no_emergency_line(running: Running) -> None:
    """Round 13 (r13a-01): a dripping kitchen tap for an elderly mother got the emergency line
    and a promise to make it safe in 24 hours."""
    _, say = conversation(running)
    after = say(
        "writing for my dad hes 86, his kitchen tap has been dripping for 2 months and "
        "nobody has come out even though we rang 3 times"
    )
    assert EMERGENCY_REPAIRS not in after


def test_rubbish_and_sick_in_the_stairwell_get_no_danger_route(running: Running) -> None:
    """Round 13 (r13b-12): rubbish and sick in a stairwell, told as the answer to whether it is
    still happening, got the gas route."""
    _, say = conversation(running)
    say("the communal stairs in my block are filthy and nobody cleans them, i want to complain")
    after = say(
        "yes still grim, rubbish bags on the landing and someone has been sick on the stairs"
    )
    assert GAS_LINE not in after and "seriously ill" not in after


def test_a_neighbours_threats_get_the_police_not_the_abuse_helpline(running: Running) -> None:
    """Round 13 (r13b-07): a neighbour banging on the door at night shouting threats, told with
    the earlier reports to the ASB team, got the domestic abuse helpline instead of 999 and
    101."""
    _, say = conversation(running)
    after = say(
        "yeah told your asb officer twice already. he still bangs on my door late at night "
        "saying im gonna get it"
    )
    assert ABUSE_HELPLINE not in after
    assert "101" in after
