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


def test_a_label_classifier_sets_each_labels_share_and_the_intents_keep_theirs(
    policy: Policy,
) -> None:
    """Blending the five-label classifier in changes how much each label gets, never how a
    label's probability is split between its intents (decide.triage reads both)."""
    import numpy as np

    from bot.nlp.intent_model import IntentModel, IntentSettings, TrainingSet

    taught = {
        "dissatisfaction": ["i am unhappy with the repair", "unhappy that the repair is late"],
        "make_complaint": ["i want to make a complaint", "how do i make a complaint"],
        "service_request": ["please fix my boiler", "please fix the leaking tap"],
        "greet": ["hello there", "hello good morning"],
    }
    texts = [text for examples in taught.values() for text in examples] * 3
    intents = [intent for intent, examples in taught.items() for _ in examples] * 3
    size = len(texts)
    model = IntentModel(
        IntentSettings(chars=False, model="logistic", labels_weight=0.5), policy
    ).fit(
        TrainingSet(texts, np.zeros((size, 2)), None, intents, np.zeros(size, bool),
                    np.zeros(size, bool))
    )  # fmt: skip
    asked = ["the repair is late and i am unhappy", "please fix my tap"]
    alone, labels = model.both_proba(asked, np.zeros((2, 2)), None)
    assert labels is not None
    blended = model.predict_proba(asked, np.zeros((2, 2)), None)
    classes = list(model.classes_)
    names = list(model.label_classifier.classes_)
    for row in range(2):
        for name in names:
            members = [i for i, c in enumerate(classes) if policy.intents[c].label == name]
            want = 0.5 * alone[row, members].sum() + 0.5 * labels[row, names.index(name)]
            assert abs(blended[row, members].sum() - want) < 1e-9
        complaint = [classes.index("dissatisfaction"), classes.index("make_complaint")]
        ratio = alone[row, complaint[0]] / alone[row, complaint[1]]
        assert abs(blended[row, complaint[0]] / blended[row, complaint[1]] - ratio) < 1e-9
