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
import sys
from collections.abc import Sequence
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import Any

import numpy as np

from bot.nlp.intent_model import IntentModel, IntentSettings, TrainingSet, label_of
from bot.nlp.matches import RuleMatches
from bot.nlp.rules import RuleMatcher
from bot.nlp.weights import model_folder
from bot.policy import Policy

THRESHOLDS = (0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5, 0.6)
FOLDS = 5
# As many intents as the classifier puts in a parse (Rasa's default ranking length).
RANKING_LENGTH = 10
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


# The intent classifier settings tried (config.yml holds the winner). Every candidate is scored
# three ways on the five triage labels the eval scores: the model alone (the label with the most
# probability), the model with the doubt threshold, and the whole triage decision with the policy
# rules (bot.triage.decide: dissatisfaction cues, exclusion cues, time limits). Logistic
# regression on the TF-IDF and MiniLM features took 230 s for one fit on this machine, against
# 26 s for the calibrated SVM, so it is not among the candidates; the TF-IDF baseline's recipe
# (words only, five labels) is, as a label classifier blended into the intents' shares.
BASE = IntentSettings(model="svm", c=0.3, safety_weight=1.0, labels_model="tfidf")
TFIDF_LABELS = replace(BASE, labels_weight=1.0)
INTENT_CANDIDATES: tuple[tuple[str, IntentSettings], ...] = (
    ("TF-IDF baseline's recipe for the labels, the SVM's intents within them", TFIDF_LABELS),
    ("SVM on TF-IDF words + chars + MiniLM, 24 intents (before)", BASE),
    ("  + TF-IDF baseline labels, weight 0.3", replace(BASE, labels_weight=0.3)),
    ("  + TF-IDF baseline labels, weight 0.5", replace(BASE, labels_weight=0.5)),
    ("  + TF-IDF baseline labels, weight 0.7", replace(BASE, labels_weight=0.7)),
    ("  + TF-IDF baseline labels, weight 0.85", replace(BASE, labels_weight=0.85)),
)  # fmt: skip
DECISIONS = ("model", "doubt", "triage", "by total")
Ranking = list[tuple[str, float]]
# The triage decision again with the dissatisfaction cue's lower threshold (doubt.with_cue in
# policy_rules/intents.yml) at these values, on the decision by label totals: 1.0 turns the cue
# rule off.
WITH_CUE = (0.2, 1.0)


@dataclass(frozen=True)
class IntentScore:
    macro_f1: float
    dissatisfaction_recall: float
    complaint_precision: float
    service_request_recall: float
    ground_strict: float  # label excluded and the ground right, of the examples with a ground
    size: int

    def row(self) -> str:
        return (
            f"macro-F1 {self.macro_f1:.3f}  dissat. recall {self.dissatisfaction_recall:.3f}  "
            f"compl. prec. {self.complaint_precision:.3f}  SR recall "
            f"{self.service_request_recall:.3f}  ground strict {self.ground_strict:.3f}"
        )


@dataclass(frozen=True)
class HeldOut:
    """One fold's held-out rows and what the model trained on the other folds gave them: the
    intent classifier's probabilities and the label classifier's (None without one)."""

    rows: np.ndarray
    model: IntentModel
    intents: np.ndarray
    labels: np.ndarray | None


def held_out(
    examples: Sequence[Example], features: Features, policy: Policy, settings: IntentSettings
) -> list[HeldOut]:
    """5 folds grouped by topic file, each real message's group being its source."""
    from sklearn.model_selection import GroupKFold

    groups = np.array([e.group for e in examples])
    texts = [e.text for e in examples]
    folds = []
    for train, test in GroupKFold(n_splits=FOLDS).split(groups, groups, groups):
        data = TrainingSet(
            [texts[i] for i in train], features.sentence[train], features.counts[train],
            [examples[i].intent for i in train],
            np.array([examples[i].for_safety for i in train]),
            np.array([examples[i].real for i in train]),
        )  # fmt: skip
        model = IntentModel(settings, policy).fit(data)
        intents, labels = model.both_proba(
            [texts[i] for i in test], features.sentence[test], features.counts[test]
        )
        folds.append(HeldOut(test, model, intents, labels))
    return folds


def rankings(folds: Sequence[HeldOut], size: int, labels_weight: float) -> list[Ranking]:
    """Each example's intent ranking, the label classifier blended in at `labels_weight`."""
    result: list[Ranking] = [[] for _ in range(size)]
    for fold in folds:
        probabilities = fold.intents
        if fold.labels is not None:
            probabilities = fold.model.blend(fold.intents, fold.labels, labels_weight)
        classes = [str(c) for c in fold.model.classes_]
        for row, row_probabilities in zip(fold.rows, probabilities, strict=True):
            order = np.argsort(-row_probabilities, kind="stable")
            result[row] = [(classes[i], float(row_probabilities[i])) for i in order]
    return result


def intent_scores(
    examples: Sequence[Example], ranked: Sequence[Ranking], policy: Policy,
    matches: Sequence[RuleMatches],
) -> dict[str, tuple[IntentScore, IntentScore]]:  # fmt: skip
    """Triage labels of the held-out rankings, per decision (DECISIONS and the cue variants),
    scored on the examples not written for the safety check (by file) and on the real messages
    alone (real: the nearest thing to kept-back messages)."""
    gold = [_gold(e.intent, policy) for e in examples]
    kept = [i for i, e in enumerate(examples) if not e.for_safety]
    real = [i for i, e in enumerate(examples) if e.real]
    scores = {}
    variants = [(d, d, policy) for d in DECISIONS] + [
        (f"cue {value}", "by total", replace(policy, doubt=replace(policy.doubt, with_cue=value)))
        for value in WITH_CUE
    ]
    for name, decision, decision_policy in variants:
        predicted = [
            _decide(decision, e.text, ranking, match, decision_policy)
            for e, ranking, match in zip(examples, ranked, matches, strict=True)
        ]
        scores[name] = (
            _score([gold[i] for i in kept], [predicted[i] for i in kept]),
            _score([gold[i] for i in real], [predicted[i] for i in real]),
        )
    return scores


def _gold(intent: str, policy: Policy) -> tuple[str, str | None]:
    rule = policy.intents.get(intent)
    return label_of(intent, policy), rule.ground if rule else None


def _decide(
    decision: str, text: str, ranking: Ranking, matches: RuleMatches,
    policy: Policy,
) -> tuple[str, str | None]:  # fmt: skip
    """The label (and exclusion ground) one decision layer gives a held-out ranking."""
    from bot.triage.decide import triage

    if decision == "by total":
        # The top intent of the label with the most probability leads, the rest follow.
        ranking = sorted(ranking, key=lambda item: item[0] != _leader(ranking, policy))
    if decision in ("triage", "by total"):
        parse = {
            "text": text,
            "intent": {"name": ranking[0][0], "confidence": ranking[0][1]},
            "intent_ranking": [
                {"name": name, "confidence": p} for name, p in ranking[:RANKING_LENGTH]
            ],
            "entities": matches.as_entities(),
        }
        result = triage(parse, policy)
        return result.label, result.exclusion_reason
    totals = _totals(ranking, policy)
    best = max(totals, key=lambda name: totals[name])
    doubt = totals.get("complaint", 0.0) >= policy.doubt.complaint_probability
    if decision == "doubt" and best != "escalation" and doubt:
        best = "complaint"
    top_ground = next((_gold(i, policy)[1] for i, _ in ranking if label_of(i, policy) == best),
                      None)  # fmt: skip
    return best, top_ground if best == "excluded" else None


def _totals(ranking: Ranking, policy: Policy) -> dict[str, float]:
    totals: dict[str, float] = {}
    for intent, probability in ranking:
        label = label_of(intent, policy)
        totals[label] = totals.get(label, 0.0) + probability
    return totals


def _leader(ranking: Ranking, policy: Policy) -> str:
    totals = _totals(ranking, policy)
    best = max(totals, key=lambda name: totals[name])
    return next(intent for intent, _ in ranking if label_of(intent, policy) == best)


def _score(gold: Sequence[tuple[str, str | None]],
           predicted: Sequence[tuple[str, str | None]]) -> IntentScore:  # fmt: skip
    from tools.evaluation import label_report

    report = label_report([g[0] for g in gold], [p[0] for p in predicted])
    grounded = [(g, p) for g, p in zip(gold, predicted, strict=True) if g[1]]
    return IntentScore(
        report.macro_f1,
        report.dissatisfaction_recall,
        report.per_label["complaint"][0],
        report.per_label["service_request"][1],
        sum(g == p for g, p in grounded) / max(len(grounded), 1),
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
    """The configured classifier's cross-validated figures (the whole triage decision), for the
    README's table."""
    examples = training_examples(data_dir, policy)
    features = featurise(model_path, [e.text for e in examples])
    settings = configured_settings()
    ranked = rankings(
        held_out(examples, features, policy, settings), len(examples), settings.labels_weight
    )
    by_file, real = intent_scores(examples, ranked, policy, rule_matches(examples, policy))[
        "triage"
    ]
    return {"by file": asdict(by_file), "real messages": asdict(real)}


def rule_matches(examples: Sequence[Example], policy: Policy) -> list[RuleMatches]:
    matcher = RuleMatcher.blank(policy)
    return [matcher.match(matcher.make_doc(e.text)) for e in examples]


def intent_report(examples: Sequence[Example], features: Features, policy: Policy) -> list[str]:
    real = sum(e.real for e in examples)
    kept = sum(not e.for_safety for e in examples)
    lines = [
        f"intent classifier, triage labels of held-out examples ({FOLDS} folds grouped by topic "
        f"file; real messages grouped by source): by file = the {kept} examples not written for "
        f"the safety check, real = the {real} real messages; each decision: model = the label "
        "with the most probability, doubt = with the complaint threshold, triage = the whole "
        "decision with the policy rules"
    ]
    matches = rule_matches(examples, policy)
    fitted: dict[IntentSettings, list[HeldOut]] = {}
    for name, settings in INTENT_CANDIDATES:
        lines.append(name)
        # One fit gives every blend of the same classifiers: the weight is applied afterwards.
        key = replace(settings, labels_weight=1.0)
        if key not in fitted:
            fitted[key] = held_out(examples, features, policy, key)
        ranked = rankings(fitted[key], len(examples), settings.labels_weight)
        scores = intent_scores(examples, ranked, policy, matches)
        for decision, (by_file, real_score) in scores.items():
            lines += [
                f"    {decision:<7} by file  {by_file.row()}",
                f"    {decision:<7} real     {real_score.row()}",
            ]
        print("\n".join(lines[-1 - 2 * len(scores) :]), file=sys.stderr, flush=True)
    return lines
