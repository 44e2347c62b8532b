"""Round 25's new dangers and false alarms, in our own wordings (issue 14): something harmful
swallowed (r25a-07 t3-t5), despair told indirectly (r25a-08 t11-t13), a dangerous dog in a shared
hallway (r25a-08 t16-t17), figures of speech read as dangers (r25a-04 t7, t13; r25a-06 t8), a fuse
box buzzing and hot (r25a-04 t14-t15), and questions about a route's steps (r25a-06 t2, t4;
r25a-07 t2, t4; r25a-08 t9)."""

from __future__ import annotations

import pytest

from bot.policy import Policy
from bot.triage.safety import follow_ups_asked
from tests.unit.conftest import Match
from tests.unit.test_round_24_hazard24 import guessed


def _asked(text: str, routed: list[str], policy: Policy) -> list[str]:
    return [f.id for _, f in follow_ups_asked(text, routed, policy)]


@pytest.mark.parametrize(
    "text",
    [
        "my boy is 4 and has just swallowed some bleach from under the sink, he is coughing",
        "oh no my 3 year old drank some of the mould spray, he's coughing",
        "she got into my tablets and ate some, shes only 2",
        "he swallowed some toilet cleaner, is it poisoning",
    ],
)
def test_something_harmful_swallowed_gets_the_poisoning_route(
    match: Match, policy: Policy, text: str
) -> None:
    """r25a-07 t3, t5: mould spray and bleach spray drunk by a child got the damp text and
    "noted as a request"."""
    found = match(text)
    assert "poisoning" in found.urgency, text
    # A product named for mould is no damp: the damp route is not said beside the poisoning.
    assert "damp_mould_health" not in found.urgency, text
    urgency, _ = guessed(text, "damp_mould_health", 0.8, policy)
    assert "poisoning" in urgency, text


def test_the_poisoning_route_says_999_111_not_to_make_them_sick_and_keep_the_bottle(
    policy: Policy,
) -> None:
    route = policy.urgent_route("poisoning")
    for words in ("999", "NHS 111", "Do not make them sick", "bottle or packet"):
        assert words in route, words
    assert policy.urgency["poisoning"].never_asb
    assert policy.urgency["poisoning"].hazard is None


@pytest.mark.parametrize(
    "text",
    [
        "my mum struggles to swallow her tablets, can the nurse visit earlier",
        "where should i keep the bleach now the kids can open the cupboards",
        "he has taken his tablets and gone to bed, can you ring tomorrow",
    ],
)
def test_tablets_and_cleaning_products_named_harmlessly_are_no_poisoning(
    match: Match, text: str
) -> None:
    assert "poisoning" not in match(text).urgency, text


@pytest.mark.parametrize(
    "text",
    [
        "what do I do?? should I make him sick??",
        "do i make her throw up or not",
        "should i give him some milk to bring it up",
    ],
)
def test_should_i_make_him_sick_after_the_poisoning_route_is_answered_no(
    policy: Policy, text: str
) -> None:
    """r25a-07 t4: "should I make him sick??" got five routes and the inspection timescales."""
    assert "make_them_sick" in _asked(text, ["poisoning"], policy), text
    answer = next(
        policy.follow_up_answer(f)
        for f in policy.urgency["poisoning"].follow_ups
        if f.id == "make_them_sick"
    )
    assert answer.startswith("No, do not make them sick")


@pytest.mark.parametrize(
    "text",
    [
        "no. honestly i havent had a proper meal in days and i cant see the point of anything now",
        "whats the point of me",
        "what is the point of me anymore",
        "im just so low, i feel like giving up on everything",
        "i'm really low in myself and i've given up on it all",
    ],
)
def test_despair_told_indirectly_gets_the_samaritans_route(
    match: Match, policy: Policy, text: str
) -> None:
    """r25a-08 t11-t13: "cant see the point of anything", "whats the point of me", "so low,
    giving up on everything" got the read-back, the general question, then nothing."""
    assert "self_harm" in match(text).urgency, text
    assert "116 123" in policy.urgent_route("self_harm")


@pytest.mark.parametrize(
    "text",
    [
        "whats the point of this form if nobody reads it",
        "i'm giving up on the landlord ever fixing the windows",
        "i give up on you lot honestly",
        "the water pressure is so low in the shower",
        "whats the point of me ringing if nobody answers",
    ],
)
def test_giving_up_on_us_is_no_despair(match: Match, policy: Policy, text: str) -> None:
    """The near misses beside the broadened cues: dissatisfaction, not despair."""
    assert "self_harm" not in match(text).urgency, text
    urgency, _ = guessed(text, "self_harm", 0.45, policy)
    assert "self_harm" not in urgency, text


@pytest.mark.parametrize(
    "text",
    [
        "the dog from the flat downstairs bit my son on the stairs yesterday and now its running "
        "loose in the communal hall, we're too scared to go out",
        "next door's staffie went for my daughter in the shared hallway, it's loose again now",
        "we were attacked by the dog from number 9 on the landing",
    ],
)
def test_a_dog_that_attacked_or_is_loose_gets_the_dangerous_dog_route(
    match: Match, policy: Policy, text: str
) -> None:
    """r25a-08 t16: a dog that went for a child and was loose in the hall was a repair request."""
    assert "dangerous_dog" in match(text).urgency, text
    route = policy.urgent_route("dangerous_dog")
    for words in ("Stay inside with your door shut", "999", "101", "anti-social behaviour"):
        assert words in route, words


@pytest.mark.parametrize(
    "text",
    [
        "the neighbours dog barks all day when they are out",
        "our dog keeps barking at the postman, can we have a letter box cage",
        "there is dog mess all over the stairs again",
    ],
)
def test_dogs_that_only_bark_or_foul_are_no_danger(match: Match, text: str) -> None:
    assert "dangerous_dog" not in match(text).urgency, text


@pytest.mark.parametrize(
    "text",
    [
        "who do i call about a dangerous dog, the police?",
        "is it the police i ring about the dog or you",
        "should i call 101 or the dog warden",
    ],
)
def test_who_to_call_about_a_dog_is_answered(policy: Policy, text: str) -> None:
    """r25a-08 t17 got "I can't answer that one myself"."""
    assert "who_to_call_dog" in _asked(text, ["dangerous_dog"], policy), text


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("the price of gas and leccy is killing us as it is", "gas"),
        ("cost of gas is killing me, can you check my heating is efficient", "gas"),
        ("hurry up my phone is dying lol", "self_harm"),
        ("quick one, battery's about to die, the fence is still down", "self_harm"),
        ("id kill for a working shower, its been broke 2 weeks", "threat_of_violence"),
        ("i'd kill for a bath that drains", "self_harm"),
    ],
)
def test_figures_of_speech_are_no_danger(
    match: Match, policy: Policy, text: str, category: str
) -> None:
    """r25a-04 t13: "the price of gas and leccy is killing us" got the gas route; r25a-04 t7 and
    r25a-06 t8: "my phone is dying", "id kill for a working shower" got the safety question. A
    saying holds no danger's words, and a guess at any danger counts one step less."""
    found = match(text)
    assert found.saying and not found.urgency, text
    # An unsure guess (the live one: the safety question) is no question now; a sure one at most
    # asks, never routes.
    urgency, asked = guessed(text, category, 0.3, policy)
    assert not urgency and not asked, text
    urgency, _ = guessed(text, category, 0.8, policy)
    assert not urgency, text


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("the price of gas is killing us and now i can smell gas in the kitchen", "gas"),
        ("my phone is dying but i want to kill myself", "self_harm"),
    ],
)
def test_a_danger_told_beside_a_saying_is_still_routed(
    match: Match, text: str, category: str
) -> None:
    assert category in match(text).urgency, text


@pytest.mark.parametrize(
    "text",
    [
        "the fuse box is buzzing again now and feels hot to touch",
        "the consumer unit is humming and warm to the touch",
        "kitchen socket is crackling and really hot",
    ],
)
def test_a_buzzing_or_hot_fuse_box_gets_the_electrical_route(match: Match, text: str) -> None:
    """r25a-04 t14 got "noted as a request"."""
    assert "electrical_danger" in match(text).urgency, text


@pytest.mark.parametrize(
    "text", ["the storage heater feels hot", "the radiator is really hot in the hall"]
)
def test_a_hot_heater_is_no_electrical_danger(match: Match, text: str) -> None:
    assert "electrical_danger" not in match(text).urgency, text


@pytest.mark.parametrize(
    ("text", "category", "follow_up"),
    [
        # r25a-04 t15
        ("should i switch it all off?", "electrical_danger", "switch_it_all_off"),
        ("do i turn the mains off or leave it", "electrical_danger", "switch_it_all_off"),
        # r25a-08 t9
        (
            "the fuse box is in the kitchen cupboard right by the drip, do i really need to go "
            "in there and turn the electric off?",
            "electrical_danger",
            "wet_fuse_box",
        ),
        (
            "fuse box is next to the leak, do i have to go in there and switch it off",
            "electrical_danger",
            "wet_fuse_box",
        ),
        # r25a-07 t2
        (
            "i've got a fan heater plugged in in the bathroom and the walls are wet, is that ok",
            "electrical_danger",
            "heater_in_wet_room",
        ),
        # r25a-06 t2
        (
            "do i honestly need to go out tho its probably just the battery",
            "gas",
            "gas_get_out",
        ),
        ("do i really have to go outside, it's only the battery", "gas", "gas_get_out"),
        # r25a-06 t4
        ("my youngest says she has a headache is that from the gas thing", "gas", "co_headache"),
        ("my son feels sick, could it be carbon monoxide", "gas", "co_headache"),
        # round 25 item 7: the kettle after the gas route
        ("can i still use the electric kettle", "gas", "electric_near_gas"),
        ("is it ok to put the lights on", "gas", "electric_near_gas"),
    ],
)
def test_questions_about_a_routes_steps_are_answered(
    policy: Policy, text: str, category: str, follow_up: str
) -> None:
    assert follow_up in _asked(text, [category], policy), text


def test_the_fuse_box_where_it_is_is_no_wet_fuse_box(policy: Policy) -> None:
    """Where the box is ("under the stairs") is no sign it is wet."""
    assert "wet_fuse_box" not in _asked(
        "the fuse box is under the stairs, where is the main switch", ["electrical_danger"], policy
    )


def test_a_continuous_co_alarm_is_not_the_battery(policy: Policy) -> None:
    answer = next(
        policy.follow_up_answer(f)
        for f in policy.urgency["gas"].follow_ups
        if f.id == "gas_get_out"
    )
    assert answer.startswith("Yes, everyone needs to get out")
    assert "not a low battery" in answer
