"""The urgency cross-validation scores the decision triage makes (cues as the floor, the detector
above its threshold, a past danger asked about rather than routed) and picks the thresholds by a
stated rule: route from the lowest threshold that keeps precision, ask from the highest that
keeps recall counting the question."""

from __future__ import annotations

import numpy as np

from bot.policy import Policy
from tools.crossval import (
    RECALL_TARGET,
    ROUTE_PRECISION,
    Scored,
    choose_thresholds,
    decide,
    score,
)


def test_cues_route_whatever_the_detector_says_and_a_past_danger_is_only_asked_about() -> None:
    probability = np.array([0.0, 0.9, 0.9, 0.3])
    cues = np.array([True, False, False, False])
    past = np.array([False, False, True, False])
    nothing = np.zeros(4, dtype=bool)
    routed, asked = decide(probability, cues, past, nothing, urgent=0.5, ask=0.2)
    assert routed.tolist() == [True, True, False, False]
    assert asked.tolist() == [False, False, True, True]


def test_route_where_precision_holds_and_ask_down_to_where_recall_holds() -> None:
    # 100 dangers: 90 sure (0.9), 10 faint (0.12); 100 near misses: 40 at 0.3, 60 at 0.01.
    probability = np.array([0.9] * 90 + [0.12] * 10 + [0.3] * 40 + [0.01] * 60)
    gold = np.array([True] * 100 + [False] * 100)
    nothing = np.zeros(200, dtype=bool)
    urgent, ask = choose_thresholds(gold, probability, nothing, nothing, nothing)
    # Routing from 0.3 or below sends 40 near misses a route (precision 0.71 at best), so the
    # lowest threshold that keeps precision is the first above 0.3.
    assert (
        score(gold, probability, nothing, nothing, nothing, urgent, urgent).precision
        >= ROUTE_PRECISION
    )
    assert 0.3 < urgent <= 0.35
    # The faint dangers are found by asking: the question threshold sits at or below them.
    assert ask <= 0.12
    assert (
        score(gold, probability, nothing, nothing, nothing, urgent, ask).recall_with_question
        >= RECALL_TARGET
    )


def test_a_doubt_lowers_the_detectors_guess_one_step_as_triage_does(policy: Policy) -> None:
    """A drip into a bucket with no electrics named: the detector's sure guess at an electrical
    danger is asked about, not routed, as bot.triage.decide.detector_level decides."""
    texts = ["water drips from the ceiling into a bucket", "water drips onto the light fitting"]
    scored = Scored.of(texts, [False, True], policy)
    guess = np.array(["electrical_danger"] * 2)
    doubts = scored.doubts(guess, policy)
    assert doubts.tolist() == [1, 0]
    probability = np.array([0.9, 0.9])
    routed, asked = decide(probability, scored.cues, scored.past, scored.negated, 0.5, 0.2, doubts)
    assert routed.tolist() == [False, True]
    assert asked.tolist() == [True, False]
