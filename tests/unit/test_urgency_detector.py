"""The urgency detector learns written near misses: weighed more, or as a class of their own, a
near miss that sits among dangers is no longer taken for one, and a near miss never counts as
urgent in the probability triage reads."""

from __future__ import annotations

import numpy as np
import pytest
from sklearn.linear_model import LogisticRegression

from bot.nlp.components import NEAR_MISS, NOT_URGENT, detector_targets, urgent_probability


def test_near_misses_get_a_class_of_their_own_and_their_weight() -> None:
    labels = ["gas", NOT_URGENT, NOT_URGENT]
    near_miss = np.array([False, True, False])
    targets, weights = detector_targets(labels, near_miss, split=True, weight=4.0)
    assert targets.tolist() == ["gas", NEAR_MISS, NOT_URGENT]
    assert weights.tolist() == [1.0, 4.0, 1.0]
    merged, _ = detector_targets(labels, near_miss, split=False, weight=1.0)
    assert merged.tolist() == ["gas", NOT_URGENT, NOT_URGENT]


def test_a_near_miss_is_as_safe_as_an_ordinary_message() -> None:
    probabilities = np.array([[0.2, 0.5, 0.3], [0.7, 0.1, 0.2]])
    urgent = urgent_probability(["self_harm", NEAR_MISS, NOT_URGENT], probabilities)
    assert urgent.tolist() == pytest.approx([0.2, 0.7])


def _data() -> tuple[np.ndarray, list[str], np.ndarray, np.ndarray]:
    """Many ordinary messages far away, a cluster of dangers, and a few near misses written
    right beside the dangers (as "whats the point of complaining" sits beside self-harm)."""
    rng = np.random.default_rng(2026)
    ordinary = rng.normal((-3.0, 0.0), 0.5, (2000, 2))
    danger = rng.normal((2.0, 1.0), 0.4, (60, 2))
    near = rng.normal((2.0, -1.0), 0.4, (6, 2))
    features = np.vstack([ordinary, danger, near])
    labels = [NOT_URGENT] * 2000 + ["self_harm"] * 60 + [NOT_URGENT] * 6
    near_miss = np.array([False] * 2060 + [True] * 6)
    return features, labels, near_miss, np.array([[2.0, -1.0]])


def _urgent(split: bool, weight: float) -> float:
    features, labels, near_miss, probe = _data()
    targets, weights = detector_targets(labels, near_miss, split, weight)
    detector = LogisticRegression(class_weight="balanced", max_iter=1000, random_state=2026)
    detector.fit(features, targets, sample_weight=weights)
    return float(urgent_probability(list(detector.classes_), detector.predict_proba(probe))[0])


def test_balanced_weights_alone_leave_a_near_miss_routed_but_weighing_it_does_not() -> None:
    assert _urgent(split=False, weight=1.0) >= 0.5
    assert _urgent(split=True, weight=1.0) < 0.5
    assert _urgent(split=False, weight=20.0) < 0.5
