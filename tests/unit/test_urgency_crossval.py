"""The urgency cross-validation scores the decision triage makes (cues as the floor, the detector
above its threshold, a past danger asked about rather than routed) and picks the thresholds by a
stated rule: the fewest false alarms whose recall reaches the target."""

from __future__ import annotations

import numpy as np

from tools.crossval import RECALL_TARGET, THRESHOLDS, choose_thresholds, decide, score


def test_cues_route_whatever_the_detector_says_and_a_past_danger_is_only_asked_about() -> None:
    probability = np.array([0.0, 0.9, 0.9, 0.3])
    cues = np.array([True, False, False, False])
    past = np.array([False, False, True, False])
    routed, asked = decide(probability, cues, past, urgent=0.5, ask=0.2)
    assert routed.tolist() == [True, True, False, False]
    assert asked.tolist() == [False, False, True, True]


def test_the_route_threshold_is_the_highest_that_keeps_recall_at_the_target() -> None:
    # 100 dangers: 98 sure (0.9), two faint (0.12); 100 near misses spread below 0.5.
    probability = np.array([0.9] * 98 + [0.12] * 2 + [i / 200 for i in range(100)])
    gold = np.array([True] * 100 + [False] * 100)
    nothing = np.zeros(200, dtype=bool)
    urgent, ask = choose_thresholds(gold, probability, nothing, nothing)
    assert score(gold, probability, nothing, nothing, urgent, urgent).recall >= RECALL_TARGET
    higher = [t for t in THRESHOLDS if t > urgent]
    assert all(
        score(gold, probability, nothing, nothing, t, t).recall < RECALL_TARGET for t in higher
    )
    # The faint dangers are found by asking: the question threshold sits at or below them.
    assert ask <= 0.12
    assert score(gold, probability, nothing, nothing, urgent, ask).recall_with_question == 1.0
