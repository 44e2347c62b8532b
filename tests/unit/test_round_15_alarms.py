"""Round 15's false alarms and wrong safety routes in our own wordings, read by the policy's rules
and the triage decision: the assistant's own route named back in a protest is no disclosure."""

from __future__ import annotations

from dataclasses import replace

from bot.nlp.matches import RuleMatches
from bot.policy import Policy
from bot.triage.decide import NOT_AT_ALL, SURE, UNSURE, dangers, detector_level
from bot.triage.safety import taken_back
from tests.unit.conftest import Match


def guessed(matches: RuleMatches, category: str) -> RuleMatches:
    """The matches with the learned detector sure of `category`."""
    return replace(matches, detected_urgency=category, detected_probability=0.95)


def test_a_route_named_back_in_a_protest_is_no_disclosure(match: Match, policy: Policy) -> None:
    """Round 15 (r15a-04, r15b-17): "why are you sending me domestic abuse stuff?? im not being
    abused" and "why do you keep telling me about harming myself? I am fine" got the route again.
    The danger words straight after "why do you ... tell me" are the assistant's, and the protest
    takes its route back."""
    for said, category in (
        ("why r u sending me all this domestic abuse stuff, nobody hits me lol", "domestic_abuse"),
        ("why do you keep going on about suicide? I only asked about my gutter", "self_harm"),
        ("Why are you giving me the self harm number? I'm fine, it's the boiler", "self_harm"),
    ):
        found = match(said)
        assert category not in found.urgency, said
        assert category in found.excepted_urgency, said
        assert found.danger_taken_back, said
        assert dangers(found, policy) == ((), False), said
        assert category in taken_back(found, policy, guessed={category}), said
        assert detector_level(guessed(found, category), policy) == NOT_AT_ALL, said
    # A danger told after a protest about something else is still a danger.
    for said, category in (
        ("why didnt you send anyone, i cant breathe", "medical_emergency"),
        ("you told me to call 999 if he hit me again, he hit me", "domestic_abuse"),
        ("why are you asking that, he hit me last night", "domestic_abuse"),
        ("why did you not tell me about the gas leak next door", "gas"),
    ):
        assert category in match(said).urgency, said


def test_a_guess_at_harm_to_a_person_in_words_about_our_service_is_doubted(
    match: Match, policy: Policy
) -> None:
    """Round 15 (r15b-04, r15b-08, r15a-02): "I did say I was unhappy. Since March nobody came"
    got the Samaritans line, and an engineer rude to a resident's wife at the door the domestic
    abuse helpline, on the detector's guess alone. In words the policy puts about our homes or
    service, with none of the danger's own, the guess is asked about, not routed."""
    for said, category in (
        ("As I said, I'm not happy. Nobody has come about the damp since May.", "self_harm"),
        (
            "the repairs man was very rude to my wife and left a mess in the kitchen",
            "domestic_abuse",
        ),
        ("your operative shouted at my husband at the door because he is deaf", "domestic_abuse"),
    ):
        found = guessed(match(said), category)
        assert detector_level(found, policy) == UNSURE, said
        assert dangers(found, policy) == ((), True), said
    # Told in its own words, or with nothing about our service, the guess still routes.
    for said, category in (
        ("the plumber never came and my husband threatened me again last night", "domestic_abuse"),
        ("honestly dont think ill be around much longer", "self_harm"),
    ):
        assert detector_level(guessed(match(said), category), policy) == SURE, said


def test_burning_at_the_electrics_leads_with_get_out_and_call_999(
    match: Match, policy: Policy
) -> None:
    """Round 15 (r15c-12): a burning plastic smell from a wet fuse box got "switch off at the
    fuse box if it is safe" and only a conditional 999. Smoke or burning at the electrics is a
    fire first, then an electrical danger."""
    for said in (
        "theres a smell of burnt plastic from the consumer unit now",
        "the socket in the hall is smoking",
    ):
        found = match(said)
        assert found.urgency[0] == "fire_or_danger_to_life", said
        assert "electrical_danger" in found.urgency, said
