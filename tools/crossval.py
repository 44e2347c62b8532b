"""Cross-validation on the training data to choose the intent classifier's settings and the
urgency detector's settings and thresholds (config.yml, policy_rules/urgency.yml) without
looking at the dev sets.

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
import json
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import Any

import numpy as np

from bot.nlp.intent_model import IntentModel, IntentSettings, TrainingSet, label_of
from bot.nlp.rules import RuleMatcher
from bot.nlp.weights import model_folder
from bot.policy import Policy

THRESHOLDS = (0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5, 0.6)
FOLDS = 5
# Detector settings tried: regularisation C, and whether each category weighs the same.
SETTINGS = ((1.0, None), (1.0, "balanced"), (3.0, "balanced"))


@dataclass(frozen=True)
class Example:
    text: str
    label: str  # a danger category or "none"
    written: bool  # labelled in the file (safety and real data), not inferred from the cues
    for_safety: bool  # written for the safety check (data/nlu/safety_*.yml)
    group: str  # the topic file, or for a real message its source
    intent: str
    real: bool  # a real message from a public source (data/nlu/real_messages.yml)


def training_examples(data_dir: Path, policy: Policy) -> list[Example]:
    from rasa.shared.nlu.training_data.loading import load_data

    from bot.nlp.components import SAFETY, urgency_labels

    matcher = RuleMatcher.blank(policy)
    examples = []
    for path in sorted(data_dir.glob("*.yml")):
        messages = [m for m in load_data(str(path)).intent_examples if m.get("text")]
        for message, label in zip(messages, urgency_labels(messages, matcher), strict=True):
            example = (message.get("metadata") or {}).get("example") or {}
            source = example.get("source")
            examples.append(
                Example(
                    message.get("text"), label, "urgency" in example,
                    example.get("written_for") == SAFETY, source or path.stem,
                    message.get("intent"), bool(source),
                )
            )  # fmt: skip
    return examples


@dataclass(frozen=True)
class Features:
    """What the trained pipeline gives each text: word counts and the MiniLM sentence feature."""

    counts: Any
    sentence: np.ndarray

    def both(self) -> Any:
        from scipy.sparse import csr_matrix, hstack

        return hstack([self.counts, csr_matrix(self.sentence)]).tocsr()


def featurise(model_path: Path, texts: Sequence[str]) -> Features:
    """Word counts and sentence features for each text, split apart."""
    config = json.loads((model_folder() / "config.json").read_text(encoding="utf-8"))
    together = _cached_features(model_path, texts)
    width = together.shape[1] - int(config["hidden_size"])
    return Features(together[:, :width].tocsr(), together[:, width:].toarray())


def _cached_features(model_path: Path, texts: Sequence[str]) -> Any:
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


def cross_validate(
    model_path: Path, data_dir: Path, policy: Policy, parts: Sequence[str] = ("intent", "urgency")
) -> str:
    examples = training_examples(data_dir, policy)
    features = featurise(model_path, [e.text for e in examples])
    lines = intent_report(examples, features, policy) if "intent" in parts else []
    if "urgency" in parts:
        lines += urgency_report(examples, features.both(), policy)
    return "\n".join(lines)


def urgency_report(examples: Sequence[Example], features: Any, policy: Policy) -> list[str]:
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import StratifiedKFold

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
    return lines


# The intent classifier settings tried (config.yml holds the winner): the model before this
# search first, then the field's usual small-data recipe (TF-IDF of words and characters beside
# sentence embeddings in one linear model) and its knobs, one at a time. Logistic regression on
# the same TF-IDF features took 230 s for one fit on this machine, against 26 s for the calibrated
# SVM: over the training budget with featurising, so it is not among the candidates.
BASE = IntentSettings(model="svm", c=0.3)
INTENT_CANDIDATES: tuple[tuple[str, IntentSettings], ...] = (
    (
        "word counts + MiniLM, logistic regression C=1 (before)",
        IntentSettings(words=False, chars=False, counts=True, model="logistic", c=1.0),
    ),
    ("TF-IDF words + chars + MiniLM, calibrated linear SVM C=0.3", BASE),
    ("  the same, C=0.1", replace(BASE, c=0.1)),
    ("  the same, C=1", replace(BASE, c=1.0)),
    ("  the same, MiniLM x2", replace(BASE, sentence_scale=2.0)),
    ("  the same, words only (no chars)", replace(BASE, chars=False)),
    ("  the same, each intent weighs the same", replace(BASE, balance="intent")),
    ("  the same, safety examples weigh 1.0", replace(BASE, safety_weight=1.0)),
    ("  the same, real messages weigh 3", replace(BASE, real_weight=3.0)),
)


@dataclass(frozen=True)
class IntentScore:
    macro_f1: float
    dissatisfaction_recall: float
    complaint_precision: float
    service_request_recall: float
    size: int

    def row(self) -> str:
        return (
            f"macro-F1 {self.macro_f1:.3f}  dissatisfaction recall "
            f"{self.dissatisfaction_recall:.3f}  complaint precision "
            f"{self.complaint_precision:.3f}  service request recall "
            f"{self.service_request_recall:.3f}  (n={self.size})"
        )


def intent_scores(
    examples: Sequence[Example], features: Features, policy: Policy, settings: IntentSettings
) -> tuple[IntentScore, IntentScore]:
    """Triage labels predicted for held-out examples: 5 folds grouped by topic file, each real
    message's group being its source, scored on the examples not written for the safety check
    (by file) and on the real messages alone (real: the nearest thing to kept-back messages)."""
    from sklearn.model_selection import GroupKFold

    groups = np.array([e.group for e in examples])
    gold = [label_of(e.intent, policy) for e in examples]
    folds = GroupKFold(n_splits=FOLDS).split(groups, groups, groups)
    predicted = _held_out_labels(examples, features, policy, settings, folds)
    kept = [i for i, e in enumerate(examples) if not e.for_safety]
    real = [i for i, e in enumerate(examples) if e.real]
    return (
        _score([gold[i] for i in kept], [predicted[i] for i in kept]),
        _score([gold[i] for i in real], [predicted[i] for i in real]),
    )


def _held_out_labels(
    examples: Sequence[Example], features: Features, policy: Policy, settings: IntentSettings,
    folds: Iterable[tuple[np.ndarray, np.ndarray]],
) -> list[str]:  # fmt: skip
    texts = [e.text for e in examples]
    predicted = [""] * len(examples)
    for train, test in folds:
        data = TrainingSet(
            [texts[i] for i in train], features.sentence[train], features.counts[train],
            [examples[i].intent for i in train],
            np.array([examples[i].for_safety for i in train]),
            np.array([examples[i].real for i in train]),
        )  # fmt: skip
        model = IntentModel(settings, policy).fit(data)
        probabilities = model.predict_proba(
            [texts[i] for i in test], features.sentence[test], features.counts[test]
        )
        for row, row_probabilities in zip(test, probabilities, strict=True):
            predicted[row] = _triage_label(list(model.classes_), row_probabilities, policy)
    return predicted


def _score(gold: Sequence[str], predicted: Sequence[str]) -> IntentScore:
    from tools.evaluation import label_report

    report = label_report(gold, predicted)
    return IntentScore(
        report.macro_f1,
        report.dissatisfaction_recall,
        report.per_label["complaint"][0],
        report.per_label["service_request"][1],
        len(gold),
    )


def configured_settings(config: Path = Path("config.yml")) -> IntentSettings:
    """The intent classifier's settings in config.yml."""
    import yaml

    pipeline = yaml.safe_load(config.read_text(encoding="utf-8"))["pipeline"]
    entry = next(c for c in pipeline if c["name"].endswith(".TriageIntentClassifier"))
    return IntentSettings.from_config(entry)


def configured_scores(
    model_path: Path, data_dir: Path, policy: Policy
) -> dict[str, dict[str, float]]:
    """The configured classifier's cross-validated figures, for the README's table."""
    examples = training_examples(data_dir, policy)
    features = featurise(model_path, [e.text for e in examples])
    by_file, real = intent_scores(examples, features, policy, configured_settings())
    return {"by file": asdict(by_file), "real messages": asdict(real)}


def intent_report(examples: Sequence[Example], features: Features, policy: Policy) -> list[str]:
    lines = [
        f"intent classifier, triage labels of held-out examples ({FOLDS} folds grouped by topic "
        "file; real messages grouped by source):"
    ]
    for name, settings in INTENT_CANDIDATES:
        by_file, real = intent_scores(examples, features, policy, settings)
        lines += [name, f"    by file  {by_file.row()}", f"    real     {real.row()}"]
    return lines


def _triage_label(intents: Sequence[str], probabilities: Any, policy: Policy) -> str:
    totals: dict[str, float] = {}
    for intent, probability in zip(intents, probabilities, strict=True):
        label = label_of(intent, policy)
        totals[label] = totals.get(label, 0.0) + float(probability)
    best = max(totals, key=lambda name: totals[name])
    if best != "escalation" and totals.get("complaint", 0.0) >= policy.doubt.complaint_probability:
        return "complaint"
    return best
