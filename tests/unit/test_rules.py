"""Golden cases for each kind of policy rule, matched on the same spaCy pipeline Rasa uses."""

from __future__ import annotations

import pytest

from bot.nlp.matches import RuleMatches
from tests.unit.conftest import Match


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("I can smell gas in the hallway", "gas"),
        ("the CO alarm keeps going off", "gas"),
        ("water pouring through the ceiling into the kitchen", "flooding"),
        ("sparks coming out the socket", "electrical_danger"),
        ("my front door won't lock since the break in", "insecure_home"),
        ("no heating and I have a newborn baby", "no_heating_or_water_vulnerable"),
        ("I dont want to live anymore", "self_harm"),
        ("I'm fleeing domestic abuse", "domestic_abuse"),
    ],
)
def test_urgency_cues(match: Match, text: str, category: str) -> None:
    assert category in match(text).urgency


@pytest.mark.parametrize(
    ("text", "category"),
    [
        # A symptom with a source, and an alarm that is sounding.
        ("the boiler's been making a funny noise and we all get headaches at home", "gas"),
        ("carbon monoxide alarm keeps beeping", "gas"),
        # A loss with a vulnerable person inferred from everyday words.
        ("lift broken again and my mum cant use the stairs", "no_heating_or_water_vulnerable"),
        ("boiler packed up, nan is staying with us", "no_heating_or_water_vulnerable"),
        # Water with electrics, a threat with fear, mould with a health effect.
        ("there's water coming out of the plug socket", "electrical_danger"),
        # Round 9 c and CI: the detector's electrical guess was stepped down beside the flooding
        # cue, so the advice to switch off at the fuse box was lost.
        ("caller says water coming thru the light in kitchen", "electrical_danger"),
        ("water is dripping out of the bulb in the hallway", "electrical_danger"),
        ("the plug socket in the hall is smoking even switched off", "electrical_danger"),
        ("he said he'll batter me and I'm terrified", "threat_of_violence"),
        ("mould in the bedroom and my son's asthma is worse", "damp_mould_health"),
        # Told indirectly.
        ("what's the point any more, I just want it all to stop", "self_harm"),
        ("he hit me last night", "domestic_abuse"),
        ("cant talk he'll hear me", "domestic_abuse"),
        # Found by simulated residents: a fall, a medical emergency, an alarm reading.
        ("I can hear her calling out, I think she's fallen", "medical_emergency"),
        ("mum is dizzy and her lips look blue", "medical_emergency"),
        ("its not the battery, the display says CO and 150", "gas"),
    ],
)
def test_dangers_found_by_combinations_and_indirect_words(
    match: Match, text: str, category: str
) -> None:
    assert category in match(text).urgency


@pytest.mark.parametrize(
    "text",
    [
        "my gas fire isn't working",
        "the carbon monoxide alarm needs a new battery, its chirping",
        "when is the fire door check",
        "what's the point of complaining, nobody listens",
        "it flooded last week from upstairs, it's dry now",
        "we had a gas leak last year and you fixed it",
        "smoke alarm keeps beeping, low battery i think",
        "kids are killing me lol",
        "the gas leak was capped by the engineer, we're all fine",
        "my fire isn't working in the front room",
    ],
)
def test_near_misses_are_not_dangers(match: Match, text: str) -> None:
    assert match(text).urgency == ()


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("the door of my gas cooker is hanging off, no smell of gas, only the door", "gas"),
        ("there is NO gas smell. is not emergency. only door", "gas"),
        ("im not suicidal lol its just a saying", "self_harm"),
        ("no sign of a fire, the alarm went off from the toast", "fire_or_danger_to_life"),
        # Round 10 (r10a-11, r10c-20): an intention denied, in plain and second-language English.
        ("im not going to hurt myself, im just cross about the fence", "self_harm"),
        ("I not want harm myself. I want heating for my son", "self_harm"),
        ("honestly im not gonna harm myself, relax", "self_harm"),
    ],
)
def test_a_danger_word_said_not_to_be_there_is_no_cue_but_is_kept_for_the_question(
    match: Match, text: str, category: str
) -> None:
    matches = match(text)
    assert category not in matches.urgency
    assert category in matches.negated_urgency
    assert RuleMatches.from_entities(matches.as_entities()).negated_urgency == (category,)


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("no he hit me again last night", "domestic_abuse"),
        ("it wont stop sparking", "electrical_danger"),
        ("no, there's smoke coming from the fuse box", "fire_or_danger_to_life"),
        ("I can smell gas but no one is answering at the gas board", "gas"),
        ("what do I do if there's a fire though?", "fire_or_danger_to_life"),
        ("i dont know what to say, i want to hurt myself", "self_harm"),
    ],
)
def test_a_negation_that_is_not_about_the_danger_word_leaves_it_a_danger(
    match: Match, text: str, category: str
) -> None:
    assert category in match(text).urgency


def test_a_past_danger_that_is_back_is_a_danger_again(match: Match) -> None:
    assert match("the leak was fixed but water is pouring through again").urgency == ("flooding",)


@pytest.mark.parametrize(
    ("text", "language", "category"),
    [
        ("czuję gaz w kuchni", "pl", "gas"),
        ("يوجد حريق في المطبخ", "ar", "fire_or_danger_to_life"),
        ("simt miros de gaz în casă", "ro", "gas"),
    ],
)
def test_danger_words_in_other_languages(
    match: Match, text: str, language: str, category: str
) -> None:
    found = match(text)
    assert category in found.urgency
    assert found.danger_language == language


def test_no_heating_is_urgent_only_with_someone_vulnerable(match: Match) -> None:
    assert match("the heating is broken again").urgency == ()
    assert match("no heating and my mum is disabled").urgency == ("no_heating_or_water_vulnerable",)


@pytest.mark.parametrize(
    ("text", "need"),
    [
        ("my dad is deaf so please text", "hearing"),
        ("I need things in large print", "large_print"),
        ("my son is autistic", "neurodivergence"),
        ("english is not my first language", "interpreter"),
        ("I use a wheelchair", "mobility"),
        ("I suffer with anxiety", "mental_health"),
        ("caller needs BSL", "bsl"),
    ],
)
def test_adjustment_cues(match: Match, text: str, need: str) -> None:
    assert need in match(text).adjustments


@pytest.mark.parametrize(
    ("text", "relationship"),
    [
        ("I'm writing on behalf of my mum", "family"),
        ("rep for mum, deaf", "family"),
        ("I'm his carer", "carer"),
        ("I'm her support worker and she asked me to call", "support_worker"),
        ("caseworker for the local MP", "mp"),
        ("Citizens Advice adviser here for my client", "solicitor_or_adviser"),
    ],
)
def test_representative_cues(match: Match, text: str, relationship: str) -> None:
    assert relationship in match(text).relationships


def test_references_are_normalised(match: Match) -> None:
    assert match("please escalate cmp 2026 000123").references == ("CMP-2026-000123",)
    assert match("ref CMP-2025-004417 and CMP2026000001").references == (
        "CMP-2025-004417",
        "CMP-2026-000001",
    )


@pytest.mark.parametrize(
    ("text", "months", "ongoing"),
    [
        ("this started in 2021 and it's still leaking", 65, True),
        ("2 years ago the contractor broke my fence", 24, False),
        ("eighteen months ago the gas engineer was rude", 18, False),
        ("the damp has been there for three weeks", 0.7, True),
        ("since last year nothing has been fixed", 12, True),
        # A time reaching up to now is still going on, with or without "still" (Code 2.3).
        ("the roof has leaked into the loft since 2018", 101, True),
        ("we've had damp in the back bedroom since 2018", 101, True),
        ("I have been reporting the broken lift for the past two years", 24, True),
        ("my neighbour's dog has barked since last year", 12, True),
        # "Since" opening the clause reaches up to now wherever the year sits in it.
        ("ever since the new windows went in back in 2019 the frames have let water in", 89, True),
        ("since the spring of 2021 there has been a damp smell in the hall", 65, True),
        # ... but not from another clause, nor from after the time.
        ("since then the boiler was replaced, but in 2020 the flat flooded", 77, False),
        ("the pipe burst in 2021 and since it was mended we have had no trouble", 65, False),
        # ... unless the message says it ended; "ago" and "in" are points in the past.
        ("the roof leaked from 2018 until it was repaired in 2023", 101, False),
        ("the heating was off for two weeks in 2024 but it was fixed", 29, False),
        ("eighteen months ago the repair took weeks, it has been fine since", 18, False),
        ("the leak started in 2018 and got fixed the year after", 101, False),
        # A "still" cue wins over a word that something ended.
        ("the leak was fixed in 2019 but the damp is still there", 89, True),
        # A date is the last time that day came round, unless a year follows (round 8 r8b-29:
        # "on 10 November" in December was asked whether it was over 12 months ago).
        ("the contractor who replaced my worktop on 10 November damaged the fence", 0.43, False),
        ("the 3rd of December the engineer left without fixing it", 11.7, False),
        ("since November 20th the lift has been broken", 0.1, True),
        ("the fence came down on 2 March 2024 and was put back up", 32.7, False),
    ],
)
def test_how_long_ago_and_whether_still_going_on(match: Match, text, months, ongoing) -> None:
    found = match(text)
    assert found.months_ago == pytest.approx(months, abs=0.1)
    assert found.ongoing is ongoing


def test_matches_survive_the_round_trip_through_rasa_entities(match: Match) -> None:
    found = match("on behalf of my nan who is deaf, she can smell gas, since 2020 still no fix")
    again = RuleMatches.from_entities(found.as_entities())
    assert again == found


def test_dangers_found_without_one_span_reach_triage_as_entities(match: Match) -> None:
    for text in ("carbon monoxide alarm keeps beeping", "czuję gaz w kuchni"):
        found = match(text)
        assert RuleMatches.from_entities(found.as_entities()).urgency == found.urgency


@pytest.mark.parametrize(
    ("text", "unhappy"),
    [
        ("i dnt want 2 complain i just want it reportd", False),
        ("I don't want to make a complaint, just the light fixing", False),
        ("not complaining, the bin lid has snapped", False),
        ("I want to complain about the repair", True),
        ("I'm not complaining but nobody came last week either", True),
    ],
)
def test_saying_you_are_not_complaining_is_no_dissatisfaction_cue(
    match: Match, text: str, unhappy: bool
) -> None:
    assert bool(match(text).dissatisfaction_cues) is unhappy


def test_the_neighbour_a_helper_writes_for_is_no_asb_cue(match: Match) -> None:
    """Round 4: 'writing for my neighbour Mr Ron Hill' was read as a report about a neighbour."""
    for text in (
        "I'm writing for my neighbour Mr Hill, his fire door won't close",
        # Round 9 r9a-18: quoted back as anti-social behaviour with the police's 101.
        "Hello I'm messaging on behalf of my neighbour Mrs Kaur, her stair rail is loose",
        "My neighbour asked me to complain for her, she's 90 and her lift has been broken",
        # Round 13 r13a-03: a neighbour's broken lock, told by the neighbour next door.
        "Hello. I am writing about my neighbour Mrs Gale at number 3. Her front door lock has "
        "been broken for a fortnight and the repairs man has been out twice.",
        "my neighbour is in hospital and her back door was kicked in, can you board it up",
    ):
        helped = match(text)
        assert helped.relationships and "asb_report" not in helped.exclusion_cues, text
    for nuisance in (
        "my neighbour plays loud music every night",
        "my neighbour slams her front door at 3am every night and wakes the baby",
    ):
        assert "asb_report" in match(nuisance).exclusion_cues, nuisance
