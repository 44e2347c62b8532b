"""Round 18's safety turns in our own wordings, read by the policy's rules: contact wishes and
our own abuse message named back are no abuse; an older person cold and not making sense in a
cold home needs medical help; "is it ok to use the shower?" after a route asks what to do; and
the fire route says what to do for someone who cannot get out."""

from __future__ import annotations

from dataclasses import replace

from bot.nlp.matches import RuleMatches
from bot.policy import Policy
from bot.triage.decide import SURE, UNSURE, dangers, detector_level
from bot.triage.safety import asks_what_to_do, line_not_answered
from tests.unit.conftest import Match


def _guessed(matches: RuleMatches, category: str) -> RuleMatches:
    return replace(matches, detected_urgency=category, detected_probability=0.9)


def test_our_abuse_message_named_back_is_no_disclosure(match: Match, policy: Policy) -> None:
    """Round 18 (r18a-03 turns 11 and 18, r18a-08 turn 9): "take out the bit about domestic
    abuse" and "will that domestic abuse message be on our file?" were given the abuse helpline
    again, each time the resident objected to it."""
    for said in (
        "Will that domestic abuse message be on our file? It is nothing to do with us.",
        "please take the domestic abuse sentence out of what went wrong",
        "why did u send me domestic abuse stuff?? nobody hurts me",
    ):
        assert "domestic_abuse" not in dangers(match(said), policy)[0], said
    told = dangers(match("its domestic abuse, he hit me again last night"), policy)[0]
    assert "domestic_abuse" in told


def test_a_guess_at_abuse_needs_a_partner_a_threat_fear_or_a_sign_of_abuse(
    match: Match, policy: Policy
) -> None:
    """Round 18 (r18a-08 turn 1, r18a-03 turn 8, r18a-04 turn 9): a daughter's "never phone her,
    she can't hear it", "put him on the evacuation list" and "dont ring her ring me" were given
    the abuse helpline on the detector's guess. Without a partner, a threat, fear or a sign of
    abuse named, the guess is asked about, not routed; with one it is routed."""
    for said in (
        "please never phone my mum, shes deaf and cant hear it, text or email only",
        "he uses a wheelchair so he needs to be on the list for evacuations",
        "she wants me to deal with it, dont ring her ring me",
    ):
        assert detector_level(_guessed(match(said), "domestic_abuse"), policy) == UNSURE, said
    for said in (
        "please only email, he checks my phone",
        "im scared he will come back tonight",
        "my ex keeps texting me, im frightened to go out",
    ):
        assert detector_level(_guessed(match(said), "domestic_abuse"), policy) == SURE, said


def test_an_older_person_cold_and_not_making_sense_in_a_cold_home_needs_medical_help(
    match: Match, policy: Policy
) -> None:
    """Round 18 (r18a-04 turn 2): "the heating keeps going off ... mum hasnt got up today shes
    very cold n a bit muddled, shes 84" got only the emergency repairs line."""
    for said in (
        "heating keeps cutting out and mum hasnt got up today, shes very cold, shes 84",
        "no heating and my nan is 90, shes not really making sense this morning",
        "boiler broke, baby is so cold and wont wake properly",
    ):
        assert "medical_emergency" in dangers(match(said), policy)[0], said
    calm = dangers(match("no heating since yesterday, the flat is very cold"), policy)[0]
    assert "medical_emergency" not in calm


def test_asking_whether_something_can_still_be_used_asks_what_to_do(policy: Policy) -> None:
    """Round 18 (r18a-02 turn 6): "is it ok to use the shower tonight or shld i not" under a
    sagging ceiling by a light got only "flagged as urgent"."""
    for said in (
        "is it ok to use the shower tonight or shld i not",
        "can i still use the kitchen light",
        "is it safe to use the cooker",
    ):
        assert asks_what_to_do(said, policy), said
    assert not asks_what_to_do("will someone ring me tomorrow", policy)


def test_the_fire_route_says_what_to_do_for_someone_who_cannot_get_out(policy: Policy) -> None:
    """Round 18 (r18a-03 turn 2): a wheelchair user on the 12th floor was told only to get out
    and call 999."""
    route = policy.urgent_route("fire_or_danger_to_life")
    assert "get out and call 999" in route
    assert "If you cannot get out" in route


def test_asking_for_an_apology_for_calls_nobody_answered_is_no_line_unanswered(
    policy: Policy,
) -> None:
    """Round 17 (r17a-14 turns 5 and 6): "sorry for no answer my call" and "i want you say sorry
    because nobody answer when i call" were told "I'm sorry the line did not answer" with NHS 111
    twice."""
    for said in (
        "i want fix the water. and sorry for no answer my call",
        "i want you say sorry because nobody answer when i call many time",
        "I'd like an apology, I rang your office 6 times and nobody answered",
    ):
        assert line_not_answered(said, ["flooding"], policy) == [], said
    rang_out = line_not_answered("i rang the number and nobody answered", ["flooding"], policy)
    assert rang_out == ["flooding"]
