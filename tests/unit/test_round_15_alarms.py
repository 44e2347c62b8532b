"""Round 15's false alarms and wrong safety routes in our own wordings, read by the policy's rules
and the triage decision: the assistant's own route named back in a protest is no disclosure."""

from __future__ import annotations

from dataclasses import replace

from bot.nlp.matches import RuleMatches
from bot.policy import Policy
from bot.triage.decide import NOT_AT_ALL, UNSURE, dangers, detector_level
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
        ("Why did you give me the self harm number? I'm fine, it's the boiler", "self_harm"),
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
    ):
        assert category in match(said).urgency, said
