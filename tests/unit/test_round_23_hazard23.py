"""Round 23's missed hazards and false alarms, in our own wordings (issue 14): possible asbestos
dust from works, and a resident saying it is not anti-social behaviour (r23a-07); a ceiling
swollen with water (r23a-03 t1); dangers told as over (r23a-04 t2, t10, t13; r23b-07 t1); and the
safety question on harmless messages (r23b-04 t1, r23b-06 t1)."""

from __future__ import annotations

import pytest

from bot.policy import Policy
from bot.policy.ids import ASB_REPORT
from bot.triage import triage
from bot.triage.decide import dangers
from bot.triage.safety import asks_why_asked
from tests.unit.conftest import Match
from tests.unit.test_triage import parse_text

COMPLAINT = {"dissatisfaction": 0.7, "make_complaint": 0.2, "enquiry": 0.1}
READ_AS_ASB = {"report_asb": 0.55, "dissatisfaction": 0.35, "enquiry": 0.1}


@pytest.mark.parametrize(
    "text",
    [
        "the contractors have been sanding our old artex ceiling all week and theres a fine white "
        "powder on everything, my daughter is 2",
        "your workmen drilled through the old textured ceiling in the hall, dust everywhere, "
        "someone told me it might have asbestos",
        "builders ripped out the old floor tiles in the kitchen yesterday, could be asbestos? "
        "the dust is all over the floor",
    ],
)
def test_asbestos_dust_from_works_gets_its_own_route(match: Match, text: str) -> None:
    """r23a-07 t1: our contractors sanding an old Artex ceiling, a child playing in the dust, got
    no asbestos advice at all."""
    assert "asbestos" in match(text).urgency, text


def test_asbestos_named_without_dust_or_works_is_no_danger(match: Match) -> None:
    """A question about an asbestos survey before putting up shelves is no dust to keep out of."""
    for text in (
        "has my flat had an asbestos survey? we want to put some shelves up",
        "is there an asbestos register for our block",
    ):
        assert "asbestos" not in match(text).urgency, text


def test_asbestos_route_says_leave_the_dust_and_is_never_asb(policy: Policy) -> None:
    category = policy.urgency["asbestos"]
    route = policy.urgent_route("asbestos")
    assert "do not hoover" in route and "close the door" in route and "NHS 111" in route
    assert category.never_asb and not category.to_a_person
    # No Awaab's Law clock is claimed for it: hazards.yml holds none for asbestos.
    assert category.hazard is None


def test_asbestos_beside_a_neighbour_named_is_not_sent_to_the_asb_team(policy: Policy) -> None:
    """r23a-07 t1: "my neighbour said that stuff can have asbestos in it" went to the ASB team."""
    text = (
        "your builders have been sanding the swirly ceiling in my kitchen, my neighbour reckons "
        "it could have asbestos in it, theres dust all over and my son keeps touching it"
    )
    result = triage(parse_text(text, READ_AS_ASB, policy), policy)
    assert "asbestos" in result.urgency
    assert result.exclusion_reason != ASB_REPORT
    assert all(part.exclusion_reason != ASB_REPORT for part in result.parts)


@pytest.mark.parametrize(
    "text",
    [
        "this is not antisocial behaviour, i like my neighbours. is the dust safe or not",
        "its NOT ASB!! the problem is the dust the workmen left",
        "nothing to do with my neighbours, i am asking about the dust from the ceiling",
    ],
)
def test_saying_it_is_not_asb_drops_that_reading(policy: Policy, text: str) -> None:
    """r23a-07 t2, t3: "its not antisocial behaviour" and "NOT antisocial behaviour" were read as
    anti-social behaviour again."""
    result = triage(parse_text(text, READ_AS_ASB, policy), policy)
    assert result.exclusion_reason != ASB_REPORT, text
    assert all(part.exclusion_reason != ASB_REPORT for part in result.parts), text


@pytest.mark.parametrize(
    "text",
    [
        "the ceiling in the bathroom gone big like a balloon, i think water inside",
        "kitchen cieling is sagging down and full of water, the light is in the middle of it",
        "theres a bubble of water in the bedroom ceiling from the flat above, its getting bigger",
        "plaster on ceiling swollen with water over the bath",
    ],
)
def test_a_ceiling_swollen_with_water_gets_its_route(
    match: Match, policy: Policy, text: str
) -> None:
    """r23a-03 t1: "ceiling in bathroom is big like balloon, water inside i think" was ignored
    beside the mould."""
    found = match(text)
    assert "ceiling_holding_water" in found.urgency, text
    urgency, _ = dangers(found, policy)
    # Its route says all the structural danger's and the flood's do: they are not said too.
    assert "ceiling_holding_water" in urgency and "structural_danger" not in urgency, text


def test_the_ceiling_route_says_keep_out_no_light_and_the_stopcock(policy: Policy) -> None:
    route = policy.urgent_route("ceiling_holding_water")
    assert "out from under it" in route and "light" in route and "stopcock" in route
    assert policy.landlord.emergency_repairs_phone in route


def test_a_ceiling_bubbling_from_steam_is_no_danger(match: Match) -> None:
    for text in (
        "the paint on the bathroom ceiling is bubbling from the shower steam",
        "ceiling paint has some blisters, can someone repaint it",
    ):
        assert "ceiling_holding_water" not in match(text).urgency, text


@pytest.mark.parametrize(
    "text",
    [
        "ok the fire is out now but we still have no electric in the kitchen",
        "Back in August the pipe under the sink burst and flooded the kitchen. I want paying for "
        "the ruined cupboards.",
        "The fuse box sparked and buzzed in October and nobody came. Last week it caught fire and "
        "the fire brigade put it out. We still have no power upstairs.",
        "the fire brigade put the fire out on sunday, but the kids still cant sleep in that room",
    ],
)
def test_a_danger_told_as_over_gets_no_route(match: Match, text: str) -> None:
    """r23a-04 t2, t13 got the fire route for a fire the fire brigade had put out; r23b-07 t1 got
    the flood route for a pipe that burst in August."""
    found = match(text)
    assert not found.urgency, text
    assert found.past_danger, text


def test_a_fire_named_as_an_event_gone_by_is_no_fire(match: Match) -> None:
    """r23a-04 t10: "since the fire half the flat has had no power" got the fire route."""
    for text in (
        "since the fire the whole landing has had no lights",
        "after the fire last month we were moved out, now the kitchen still isnt fixed",
    ):
        assert "fire_or_danger_to_life" not in match(text).urgency, text


@pytest.mark.parametrize(
    "text",
    [
        "the leak was fixed back in August but now water is pouring through the ceiling again",
        "The fire brigade put it out last year. Now there is smoke coming from the socket again",
        "Back in March the boiler was fixed. Tonight i can smell gas in the kitchen",
        # "back in" a place is no time gone by.
        "i went back in the flat to get the baby and i can smell gas everywhere",
    ],
)
def test_a_new_danger_beside_one_over_still_gets_its_route(match: Match, text: str) -> None:
    assert match(text).urgency, text


def test_a_guess_at_the_danger_told_as_over_asks_nothing(policy: Policy) -> None:
    """r23b-07 t1: a sure guess at a flood beside "Back in August a pipe burst" asked nothing of
    the resident but got the route and a 24-hour make-safe."""
    text = (
        "Back in August water came through from the flat above after a burst pipe and ruined my "
        "bed. I want you to pay for it and nobody calls me back."
    )
    parse = parse_text(text, COMPLAINT, policy)
    parse["entities"].append(
        {"entity": "detected_urgency", "value": "flooding", "confidence": 0.98}
    )
    result = triage(parse, policy)
    assert not result.urgency
    assert not result.ask_about_danger


@pytest.mark.parametrize(
    ("text", "guess"),
    [
        (
            "hello, complaint ref CMP-2026-000412, you said you would reply in 10 working days "
            "and its been a month. where is it?",
            ("electrical_danger", 0.36),
        ),
        (
            "chasing my complaint CMP-2026-000077 about the repairs, no answer yet",
            ("insecure_home", 0.3),
        ),
    ],
)
def test_a_complaint_chased_by_its_reference_gets_no_safety_question(
    policy: Policy, text: str, guess: tuple[str, float]
) -> None:
    """r23b-04 t1: a status question with its reference got "Is anyone in danger right now?" on
    a guess at the electrics, with no electrical word in it."""
    parse = parse_text(text, COMPLAINT, policy)
    parse["entities"].append(
        {"entity": "detected_urgency", "value": guess[0], "confidence": guess[1]}
    )
    result = triage(parse, policy)
    assert not result.urgency and not result.ask_about_danger


def test_a_danger_told_beside_a_reference_is_still_asked_about(policy: Policy) -> None:
    """The reference is no reason to doubt a guess told in its own words."""
    text = "ref CMP-2026-000412, and now theres water dripping from the light in the hall"
    parse = parse_text(text, COMPLAINT, policy)
    parse["entities"].append(
        {"entity": "detected_urgency", "value": "electrical_danger", "confidence": 0.9}
    )
    assert "electrical_danger" in triage(parse, policy).urgency


@pytest.mark.parametrize(
    "text",
    [
        "caller says the plasterer was rude to her and swore at her when she asked him to tidy up",
        "the roofer you sent swore at my mum and left the job half done, she is 80",
    ],
)
def test_a_contractor_swearing_is_no_abuse_to_ask_about(policy: Policy, text: str) -> None:
    """r23b-06 t1: "contractor (roofer) was rude + swore at her" got the safety question on a
    guess at domestic abuse."""
    parse = parse_text(text, COMPLAINT, policy)
    parse["entities"].append(
        {"entity": "detected_urgency", "value": "domestic_abuse", "confidence": 0.86}
    )
    result = triage(parse, policy)
    assert not result.urgency and not result.ask_about_danger, text


def test_abuse_told_in_its_own_words_beside_swearing_is_still_routed(policy: Policy) -> None:
    text = "my ex swore at me and said hell come back and hurt me, im scared"
    parse = parse_text(text, COMPLAINT, policy)
    parse["entities"].append(
        {"entity": "detected_urgency", "value": "domestic_abuse", "confidence": 0.9}
    )
    assert "domestic_abuse" in triage(parse, policy).urgency


def test_why_are_you_asking_about_danger_is_known(match: Match, policy: Policy) -> None:
    """r23b-04 t2, r23b-08 t9: "why are u asking if anyone is in danger??" got the 999 line."""
    for text in (
        "why are you asking if anyone is in danger? i only asked about my complaint",
        "why u asking about danger lol. just tell me when the plumber comes",
        "why you ask danger? no danger. my address is 4 Elm Court",
    ):
        assert asks_why_asked(text, policy), text
    found = match("why are u asking if anyone is in danger?? no. where is my complaint up to")
    assert not found.urgency
    assert not asks_why_asked("is anyone in danger if the ceiling falls?", policy)
