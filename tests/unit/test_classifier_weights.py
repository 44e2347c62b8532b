"""The classifier weighs triage labels, not intents, equally: "other" has twelve intents and
"complaint" two, and weighing intents equally pulled unhappy messages towards chit-chat."""

from __future__ import annotations

from collections import defaultdict

from bot.nlp.intent_model import balanced_weights
from bot.policy import Policy


def test_each_label_weighs_the_same_however_many_intents_it_has(policy: Policy) -> None:
    intents = (
        ["dissatisfaction"] * 300 + ["make_complaint"] * 20 + ["service_request"] * 100
        + ["greet"] * 10 + ["thank"] * 10 + ["compliment"] * 30 + ["enquiry"] * 50
    )  # fmt: skip
    totals: dict[str, float] = defaultdict(float)
    for intent, weight in zip(intents, balanced_weights(intents, policy), strict=True):
        totals[policy.intents[intent].label] += weight
    assert set(totals) == {"complaint", "service_request", "other"}
    assert max(totals.values()) - min(totals.values()) < 1e-9
    complaint = balanced_weights(["dissatisfaction", "make_complaint"], policy)
    assert complaint[0] == complaint[1], "within a label every example counts the same"
