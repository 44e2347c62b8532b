"""Cross-validation on the training data to choose the urgency detector's settings and
thresholds (config.yml, policy_rules/urgency.yml) without looking at the dev sets.

Each training example is featurised once by the trained model's own featurizers; the detector is
then refitted on four fifths and scored on the fifth. Folds are stratified by danger category,
not grouped by file: the safety files each hold whole categories, so holding out a file would
ask the detector for a category it has never seen. The held-out safety corpus
(tests/data/safety/corpus.jsonl, written by someone who saw none of the training data) is the
test of wording it has not seen. The decision scored is the one triage makes: the policy cues as
the floor, the detector above its threshold, nothing for a danger said to be over.
"""

from __future__ import annotations

import asyncio
import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from bot.nlp.components import SAFETY
from bot.nlp.rules import RuleMatcher
from bot.policy import Policy

THRESHOLDS = (0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5, 0.6)
FOLDS = 5
# Detector settings tried: regularisation C, and whether each category weighs the same.
SETTINGS = ((1.0, None), (1.0, "balanced"), (3.0, "balanced"))
SAFETY_WEIGHTS = (1.0, 0.3)


@dataclass(frozen=True)
class Example:
    text: str
    label: str  # a danger category or "none"
    written: bool  # labelled in the file (safety and real data), not inferred from the cues
    for_safety: bool  # written for the safety check (data/nlu/safety_*.yml)
    group: str
    intent: str


def training_examples(data_dir: Path, policy: Policy) -> list[Example]:
    from rasa.shared.nlu.training_data.loading import load_data

    from bot.nlp.components import urgency_labels

    matcher = RuleMatcher.blank(policy)
    examples = []
    for path in sorted(data_dir.glob("*.yml")):
        messages = [m for m in load_data(str(path)).intent_examples if m.get("text")]
        for message, label in zip(messages, urgency_labels(messages, matcher), strict=True):
            example = (message.get("metadata") or {}).get("example") or {}
            examples.append(
                Example(
                    message.get("text"), label, "urgency" in example,
                    example.get("written_for") == SAFETY, path.stem, message.get("intent"),
                )
            )  # fmt: skip
    return examples


def featurise(model_path: Path, texts: Sequence[str]) -> Any:
    """The sentence features the trained pipeline gives each text (word counts and MiniLM),
    kept beside the model for the same model and texts: featurising takes minutes."""
    from scipy.sparse import load_npz, save_npz

    digest = hashlib.sha256("\n".join(texts).encode()).hexdigest()[:16]
    cached = model_path.parent / f"{model_path.name.split('.')[0]}-features-{digest}.npz"
    if cached.exists():
        return load_npz(cached).tocsr()
    features = _featurise(model_path, texts)
    save_npz(cached, features)
    return features


def _featurise(model_path: Path, texts: Sequence[str]) -> Any:
    from rasa.core.agent import Agent
    from rasa.core.channels.channel import UserMessage
    from rasa.engine.constants import PLACEHOLDER_MESSAGE
    from scipy.sparse import csr_matrix, hstack, vstack

    agent = Agent.load(str(model_path))
    processor = agent.processor
    assert processor is not None
    schema = processor.model_metadata.predict_schema
    featurizers = [name for name in schema.nodes if "Featurizer" in name]
    target = max(featurizers, key=lambda name: int("".join(filter(str.isdigit, name)) or 0))
    rows = []
    for start in range(0, len(texts), 64):
        batch = [UserMessage(text) for text in texts[start : start + 64]]
        outputs = processor.graph_runner.run(inputs={PLACEHOLDER_MESSAGE: batch}, targets=[target])
        for message in outputs[target]:
            sparse = message.get_sparse_features("text")[1]
            dense = message.get_dense_features("text")[1]
            rows.append(
                hstack(
                    [
                        csr_matrix(sparse.features if sparse else []),
                        csr_matrix(dense.features if dense else []),
                    ]
                )
            )
    asyncio.set_event_loop(asyncio.new_event_loop())
    return vstack(rows).tocsr()


@dataclass(frozen=True)
class Score:
    precision: float
    recall: float
    false_alarms: float
    recall_with_question: float


def score(
    gold: np.ndarray, probability: np.ndarray, cues: np.ndarray, past: np.ndarray, urgent: float,
    ask: float,
) -> Score:  # fmt: skip
    """The triage decision (bot.triage.decide.dangers) scored against the gold labels: the
    policy cues' dangers, the detector's above `urgent` unless the danger is said to be over,
    and the safety question from `ask` (from `urgent` for a danger said to be over)."""
    routed = cues | ((probability >= urgent) & ~past)
    asked = ~routed & (probability >= np.where(past, urgent, min(ask, urgent)))
    true_pos = int((routed & gold).sum())
    return Score(
        true_pos / max(int(routed.sum()), 1),
        true_pos / max(int(gold.sum()), 1),
        int((routed & ~gold).sum()) / max(int((~gold).sum()), 1),
        int(((routed | asked) & gold).sum()) / max(int(gold.sum()), 1),
    )


def _row(name: str, value: float, result: Score) -> str:
    return (
        f"  {name} {value:>5.2f}  precision {result.precision:.3f}  recall {result.recall:.3f}  "
        f"false alarms {result.false_alarms:.3f}  recall with the question "
        f"{result.recall_with_question:.3f}"
    )


def cross_validate(model_path: Path, data_dir: Path, policy: Policy) -> str:
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import StratifiedKFold

    examples = training_examples(data_dir, policy)
    features = featurise(model_path, [e.text for e in examples])
    labels = np.array([e.label for e in examples])
    matcher = RuleMatcher.blank(policy)
    matches = [matcher.match(matcher.make_doc(e.text)) for e in examples]
    written = np.array([e.written for e in examples])
    gold = (labels != "none")[written]
    cues = np.array([bool(m.urgency) for m in matches])[written]
    past = np.array([m.past_danger for m in matches])[written]
    current = policy.safety.detector
    lines = [
        f"urgency detector, {FOLDS}-fold cross-validation stratified by category "
        f"({len(examples)} examples; scored on the {int(written.sum())} with written urgency "
        "labels, half of them near misses)",
        _row("policy cues alone,", 0, score(gold, np.zeros(len(gold)), cues, past, 1.1, 1.1)),
    ]
    folds = StratifiedKFold(n_splits=FOLDS, shuffle=True, random_state=2026)
    for c, class_weight in SETTINGS:
        probability = np.zeros(len(examples))
        for train, test in folds.split(features, labels):
            detector = LogisticRegression(
                C=c, class_weight=class_weight, max_iter=1000, random_state=2026
            )
            detector.fit(features[train], labels[train])
            none = list(detector.classes_).index("none")
            probability[test] = 1.0 - detector.predict_proba(features[test])[:, none]
        lines.append(f"C={c}, class_weight={class_weight}: route at or above the threshold")
        lines += [
            _row("threshold", t, score(gold, probability[written], cues, past, t, current.ask))
            for t in THRESHOLDS
        ]
    lines.append(
        f"current thresholds (policy_rules/urgency.yml): urgent {current.urgent}, ask {current.ask}"
    )
    lines += intent_weights(examples, features, policy)
    return "\n".join(lines)


def intent_weights(examples: Sequence[Example], features: Any, policy: Policy) -> list[str]:
    """The intent classifier with the examples written for the safety check weighed less or
    not: 5 folds grouped by file, scored on the other examples (the same messages for every
    weight), with triage's rule that doubt offers the complaint."""
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import GroupKFold

    from bot.evaluation import label_report
    from bot.nlp.components import label_balanced_weights

    intents = np.array([e.intent for e in examples])
    groups = np.array([e.group for e in examples])
    safety = np.array([e.for_safety for e in examples])
    gold = [policy.intents[i].label if i in policy.intents else "other" for i in intents]
    lines = ["intent classifier, 5 folds grouped by file, scored on the examples not written "
             "for the safety check:"]  # fmt: skip
    for weight in SAFETY_WEIGHTS:
        predicted = [""] * len(examples)
        for train, test in GroupKFold(n_splits=FOLDS).split(features, intents, groups):
            weights = np.array(label_balanced_weights(list(intents[train]), policy))
            weights[safety[train]] *= weight
            weights *= len(weights) / weights.sum()
            classifier = LogisticRegression(max_iter=1000, random_state=2026)
            classifier.fit(features[train], intents[train], sample_weight=weights)
            for row, probabilities in zip(test, classifier.predict_proba(features[test]),
                                          strict=True):  # fmt: skip
                predicted[row] = _triage_label(classifier.classes_, probabilities, policy)
        kept = [i for i in range(len(examples)) if not safety[i]]
        report = label_report([gold[i] for i in kept], [predicted[i] for i in kept])
        lines.append(
            f"  safety examples weighed {weight}: macro-F1 {report.macro_f1:.3f}, dissatisfaction "
            f"recall {report.dissatisfaction_recall:.3f}, service request recall "
            f"{report.per_label['service_request'][1]:.3f}"
        )
    return lines


def _triage_label(intents: Sequence[str], probabilities: Any, policy: Policy) -> str:
    totals: dict[str, float] = {}
    for intent, probability in zip(intents, probabilities, strict=True):
        label: str = policy.intents[intent].label if intent in policy.intents else "other"
        totals[label] = totals.get(label, 0.0) + float(probability)
    best = max(totals, key=lambda name: totals[name])
    if best != "escalation" and totals.get("complaint", 0.0) >= policy.doubt.complaint_probability:
        return "complaint"
    return best
