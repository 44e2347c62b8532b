"""Round 14's danger faults (issue 14), played over REST: danger told again worse mid-form, a
boiler capped off for a young man with a learning disability, the only toilet out for an older
man, an ex who still has a key, smoke from a neighbour's door (no ASB team), an ex at the door
(999 first); and no wrong route for an eviction threat, overcrowding, a bare "whats the point",
a fire long over, or a safeguarding promise the office cannot keep. Our own wordings, not the
simulation's."""

from __future__ import annotations

import pytest

from tests.conftest import Running
from tests.conversations.test_conversation_repair import conversation
from tests.conversations.test_round_9_form_danger import SAFETY_QUESTION
from tests.conversations.test_round_13_dangers import EMERGENCY_REPAIRS, SAMARITANS

pytestmark = pytest.mark.server

ASB = "anti-social behaviour"
ELECTRICAL_ROUTE = "Do not touch it."
HEATING_ROUTE = "this is an emergency repair"
INSECURE_ROUTE = "If you cannot secure your home"
FIRE_ROUTE = "get out and call 999 now"
POLICE_101 = "101"


def test_danger_told_again_worse_mid_form_gets_its_route(running: Running) -> None:
    """Round 14 (r14c-18): a flickering, buzzing light smelling of burning plastic, told after
    the route for water near it, got the form's next question."""
    _, say = conversation(running)
    say("i want to make a complaint about the damp in my hallway, reported it in october")
    say("yes still")
    say("no job number, october")
    assert ELECTRICAL_ROUTE in say("the water from upstairs is dripping out of the hall light now")
    worse = say("the hall light is flickering and buzzing, there is a smell like burning plastic")
    assert ELECTRICAL_ROUTE in worse


# Round 14: r14a-11, "boiler condemned, capped off" read as a danger over, so a young man with a
# learning disability living alone with no heating got only the safety question; r14c-16, the
# only toilet for five people with an 80-year-old diabetic father got no emergency route;
# r14c-06, a lock change where a violent ex has a key was promised "by Wednesday".
FIRST_MESSAGES_AND_ROUTES = [
    (
        "hi my daughter is 20 with learning disabilities and lives alone in your flat. engineer "
        "came yesterday, boiler condemned and capped off. she has no heating or hot water and "
        "cant cope. i want to complain nobody told her social worker",
        HEATING_ROUTE,
    ),
    (
        "our only toilet has not flushed for 2 weeks, 4 of us in the house and my dad is 82 and "
        "diabetic, he needs it all night",
        HEATING_ROUTE,
    ),
    (
        "i need my locks changed. my ex partner still have key to my flat, he came yesterday "
        "shouting and kicking the door, i am scared",
        INSECURE_ROUTE,
    ),
]


@pytest.mark.parametrize(("said", "route"), FIRST_MESSAGES_AND_ROUTES)
def test_a_first_message_gets_the_emergency_repairs_route(
    running: Running, said: str, route: str
) -> None:
    _, say = conversation(running)
    first = say(said)
    assert route in first and EMERGENCY_REPAIRS in first


def test_an_ex_at_the_door_while_a_person_is_awaited_is_told_999_first(running: Running) -> None:
    """Round 14 (r14c-06 turn 8): the ex drunk at the door after the handover got the helpline
    first and 999 only "if you are in danger"."""
    _, say = conversation(running)
    say("my ex boyfriend hit me last week and he keeps coming to my flat, im scared")
    say("can i talk to a person")
    at_the_door = say("hes outside right now banging on the door, he is drunk")
    assert at_the_door.startswith("If you are in danger, or they are at your door now, call 999")


def test_smoke_from_a_neighbours_door_is_a_fire_not_an_asb_report(running: Running) -> None:
    """Round 14 (r14c-10): smoke smelled from a neighbour's door with no answer went to the
    safeguarding lead and the ASB team."""
    _, say = conversation(running)
    first = say(
        "Hello. I can smell smoke coming from my neighbours flat next door, I knocked and she "
        "doesnt answer. I am in number 4"
    )
    assert FIRE_ROUTE in first and ASB not in first


def test_an_officers_eviction_threat_gets_no_police_line(running: Running) -> None:
    """Round 14 (r14a-06): a housing officer's threat of eviction got 999 and 101, again after
    "Nobody is in danger, it was a threat of eviction not violence"."""
    _, say = conversation(running)
    say(
        "Im an advocate for one of your tenants, Ms Rose Tait. Your housing officer was very rude "
        "to her on a visit last week and threatened her with eviction because of her hedge. She "
        "has bad anxiety. She wants to complain."
    )
    again = say(
        "No one is in danger. It was a threat of eviction, not of violence. It happened once."
    )
    assert POLICE_101 not in again and "999" not in again


def test_overcrowding_said_to_be_no_danger_is_not_asked_about_danger_again(
    running: Running,
) -> None:
    """Round 14 (r14b-18): "nobodys in danger we just have no room" got the danger line again."""
    _, say = conversation(running)
    say(
        "me and my 4 kids are in a 1 bed with you, been on the council list 5 years, can u move "
        "us up the list?? this is ridiculous"
    )
    again = say("why are you on about danger?? nobodys in danger, we've just got no space")
    assert SAFETY_QUESTION not in again and "999" not in again


def test_whats_the_point_about_reports_gets_no_samaritans_line(running: Running) -> None:
    """Round 14 (r14c-17): "honestly whats the point" after reports about noise got the
    Samaritans line."""
    _, say = conversation(running)
    say("the people below have their tv blasting every night till 2am")
    after = say(
        "yes contact me. ive told you lot about them twice already and nothing changes, honestly "
        "whats the point"
    )
    assert SAMARITANS not in after


def test_a_fire_long_over_gets_no_fire_route(running: Running) -> None:
    """Round 14 (r14b-19): a danger long over, with the damage it left "still" there, got the
    route and a 24-hour make-safe promise."""
    _, say = conversation(running)
    first = say(
        "there was a small kitchen fire in october, the brigade put it out and nobody was hurt. "
        "the wall is still black and i want it repainted please"
    )
    assert FIRE_ROUTE not in first and "within 24 hours" not in first


def test_the_safeguarding_promise_fits_the_office_hours(running: Running) -> None:
    """Round 14 (r14a-14): "We will pass this to our safeguarding lead today" was said on a
    Saturday with the office closed."""
    _, say = conversation(running)
    first = say(
        "I am worried about the old man in flat 2, I think his carer is taking his money and he "
        "is being neglected"
    )
    assert "safeguarding lead" in first and "today" not in first


def test_a_question_about_the_danger_after_the_complaint_is_logged_gets_its_help(
    running: Running,
) -> None:
    """Round 14 (r14a-03): after the complaint about no heating with a baby was logged, a
    question about heaters tonight got office hours: the route given before the complaint
    is still followed up by a question in its danger's own words."""
    _, say = conversation(running)
    for said in (
        "no heating since friday and my baby is 5 months old. i want to make a formal complaint, "
        "i reported it 3 times and nobody came",
        "yes still",
        "reported it friday, saturday and today, no job number",
        "Fix the problem",
        "I'm the resident",
        "Sam Green",
        "07700 900123",
        "Phone call",
        "14 Elm Road",
        "no",
    ):
        say(said)
    assert "Your complaint is logged" in say("yes thats right")
    after = say("so is anyone bringing us heaters tonight? the flat is freezing")
    # The line open tonight, not the office's hours.
    assert EMERGENCY_REPAIRS in after and "Monday to Friday" not in after
