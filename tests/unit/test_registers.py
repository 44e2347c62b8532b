"""The rule cues read all three registers (DESIGN §7): call handlers' third-person shorthand and
social media direct messages, as well as first-person live chat (covered in test_rules.py)."""

from __future__ import annotations

import pytest

from tests.unit.conftest import Match


@pytest.mark.parametrize(
    ("text", "relationship"),
    [
        ("rep for her mum, HOH", "family"),
        ("daughter calling for dad, dad is 88", "family"),
        ("son rang for dad re boiler", "family"),
        ("T is caller's mum, caller deals with her post", "family"),
        ("messagin for my nan shes 90 n cant type", "family"),
        ("support worker on line for T, T consents", "support_worker"),
        ("hi im her support worker, she asked me to msg u", "support_worker"),
        ("carer on line for Mr B", "carer"),
        ("cllr emailing re resident in block B", "councillor"),
        ("MP office emailing re constituent's damp", "mp"),
        ("CAB calling re their client, consent on file", "solicitor_or_adviser"),
        ("caller rep for T", "other_representative"),
        ("caller obo neighbour who has no phone", "other_representative"),
        ("niece has power of attorney for her aunt", "other_representative"),
        # Relatives and roles in any combination, not only the pairs once written out.
        ("im writing on behalf of my auntie, shes 79", "family"),
        ("grandson ringing for his grandad re the stairlift", "family"),
        ("you have left my grandma without hot water for a week", "family"),
        ("I'm his main carer and he can't manage the stairs", "carer"),
        ("I am my husband's full time carer", "carer"),
        ("carer for my brother, he has learning difficulties", "carer"),
        ("im caring for my dad since his stroke", "carer"),
        ("im helping my friend sort out her complaint", "other_representative"),
        ("This is a petition signed by 30 households in the block", "other_representative"),
    ],
)
def test_someone_acting_for_a_resident_is_recognised_in_shorthand_and_dms(
    match: Match, text: str, relationship: str
) -> None:
    assert relationship in match(text).relationships


@pytest.mark.parametrize(
    "text",
    [
        "my support worker told me to message u",
        "caller's kitchen tap leaking",
        "T reports leak under bath",
        # The resident's own household and home, not someone else's.
        "the tenancy is in my dad's name but I live here",
        "my son's bedroom wall is black with mould",
        "my neighbours flat is leaking through my ceiling",
    ],
)
def test_a_resident_speaking_for_themselves_is_not_taken_for_a_representative(
    match: Match, text: str
) -> None:
    assert match(text).relationships == ()


@pytest.mark.parametrize(
    ("text", "need"),
    [
        ("T is HOH, text only pls", "hearing"),
        ("caller uses text relay", "hearing"),
        ("T uses BSL, book interpreter for visit", "bsl"),
        ("res partially sighted, wants audio letters", "sight"),
        ("wheelchair user, 7th floor", "mobility"),
        ("T has limited mobility, uses a zimmer", "mobility"),
        ("needs interpreter - Polish", "interpreter"),
        ("T speaks Tigrinya", "interpreter"),
        ("my mum doesnt speak english", "interpreter"),
        ("T has learning disabilities, easy-read pls", "learning_disability"),
        ("autistic son, needs notice of visits", "neurodivergence"),
        ("T has ASD", "neurodivergence"),
        ("agoraphobic, cant come into the office", "mental_health"),
        ("im deaf pls text dont ring", "contact_preference"),
        ("T has a stoma", "physical_health"),
        # Conditions as people name them, with plurals and everyday words.
        ("im 7 months pregnant and the damp is everywhere", "physical_health"),
        ("she has heart trouble and uses inhalers", "physical_health"),
        ("I have a few health conditions so need notice of visits", "physical_health"),
        ("my lad has additional needs", "physical_health"),
        ("T has a physical disability since an accident", "mobility"),
        ("I've got a phobia of mice", "mental_health"),
    ],
)
def test_a_need_disclosed_in_shorthand_or_a_dm_is_recognised(
    match: Match, text: str, need: str
) -> None:
    assert need in match(text).adjustments


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("caller smells gas in kitchen", "gas"),
        ("CO alarm sounding in hall", "gas"),
        ("water thru ceiling into lounge rn", "flooding"),
        ("pipe burst under sink, water everywhere", "flooding"),
        ("exposed wiring in hall after ops left", "electrical_danger"),
        ("water dripping from light fitting in bthrm", "electrical_danger"),
        ("no h/w, baby in property", "no_heating_or_water_vulnerable"),
        ("no heat n 2 kids under 5 😭", "no_heating_or_water_vulnerable"),
        ("boiler died, T frail and 89", "no_heating_or_water_vulnerable"),
        ("front door lock snapped, cant secure prop", "insecure_home"),
        ("DV victim, ex turning up at property", "domestic_abuse"),
        ("T disclosed coercive control by partner", "domestic_abuse"),
        ("welfare concern, T not seen for a wk", "safeguarding"),
        ("suspected cuckooing at flat 4", "safeguarding"),
        ("caller says T talking about wanting to end it all", "self_harm"),
        ("i just want to die tbh", "self_harm"),
    ],
)
def test_what_cannot_wait_is_flagged_in_shorthand_and_dms(
    match: Match, text: str, category: str
) -> None:
    assert category in match(text).urgency


@pytest.mark.parametrize(
    "text",
    [
        "boiler broke AGAIN 😡",
        "heating off since mon, lives alone",
        "da heating is broke again smh",
    ],
)
def test_everyday_breakdowns_and_text_speak_are_not_flagged_urgent(match: Match, text: str) -> None:
    assert match(text).urgency == ()
