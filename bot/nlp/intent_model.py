"""The intent classifier's model: a linear model over TF-IDF of words and character n-grams and
the MiniLM sentence features, with the training examples weighted by triage label and origin.

Shared by the Rasa component (bot.nlp.components) and cross-validation (tools.crossval), so the
settings chosen on grouped folds are the ones the trained model uses.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

import numpy as np
from scipy.sparse import csr_matrix, hstack

from bot.policy import Policy

# Types beyond skops' defaults that a saved model holds: the vectorizers' idf diagonal and the
# calibrated SVM's per-fold calibrators. Anything else in a saved file is refused at load.
SAVED_TYPES = [
    "scipy.sparse._csr.csr_matrix",
    "sklearn.calibration._CalibratedClassifier",
    "sklearn.calibration._SigmoidCalibration",
]


@dataclass(frozen=True)
class IntentSettings:
    """What the classifier reads and how it weighs its training examples (config.yml)."""

    words: bool = True  # TF-IDF of words and word pairs
    chars: bool = True  # TF-IDF of character 2-5-grams inside word boundaries
    counts: bool = False  # the pipeline's word counts (CountVectorsFeaturizer)
    sentence_scale: float = 1.0  # the MiniLM sentence feature, multiplied by this
    c: float = 1.0  # inverse regularisation strength
    balance: str = "label"  # "label": each triage label weighs the same; "intent": each intent;
    # "none": each example weighs the same
    safety_weight: float = 0.3  # examples written for the safety check
    real_weight: float = 1.0  # real messages from public sources
    model: str = "logistic"  # or "svm": a linear SVM calibrated by 3-fold sigmoid
    # The share of each triage label's probability taken from a second classifier trained on the
    # five labels directly ("svm": the same features and model; "tfidf": the TF-IDF baseline's
    # recipe); the intents keep their shares within their label.
    labels_weight: float = 0.0
    labels_model: str = "svm"

    @classmethod
    def from_config(cls, config: Mapping[str, Any]) -> IntentSettings:
        settings = cls()
        known = {name: config[name] for name in settings.__dataclass_fields__ if name in config}
        return replace(settings, **known)


@dataclass(frozen=True)
class TrainingSet:
    texts: Sequence[str]
    sentence: np.ndarray  # one MiniLM sentence feature per row
    counts: Any  # sparse word counts per row, or None when not used
    intents: Sequence[str]
    for_safety: np.ndarray  # bool per row
    real: np.ndarray  # bool per row


def label_of(intent: str, policy: Policy) -> str:
    rule = policy.intents.get(intent)
    return rule.label if rule else "other"


def balanced_weights(intents: Sequence[str], policy: Policy, by: str = "label") -> list[float]:
    """A weight per example so that every triage label (or every intent) has the same total
    weight; within a label, each intent keeps its share of the examples."""
    if by == "none":
        return [1.0] * len(intents)
    groups = [label_of(i, policy) if by == "label" else i for i in intents]
    size = Counter(groups)
    return [len(groups) / (len(size) * size[g]) for g in groups]


class IntentModel:
    def __init__(self, settings: IntentSettings, policy: Policy) -> None:
        self.settings = settings
        self._policy = policy
        self.vectorizers: dict[str, Any] = {}
        self.classifier: Any = None
        self.label_classifier: Any = None

    @property
    def classes_(self) -> np.ndarray:
        return np.asarray(self.classifier.classes_)

    def weights(self, data: TrainingSet) -> np.ndarray:
        """Each triage label (or intent) weighs the same in total; safety and real examples are
        then scaled by their settings, and the weights renormalised to a mean of one."""
        weights = np.array(balanced_weights(data.intents, self._policy, self.settings.balance))
        weights[data.for_safety] *= self.settings.safety_weight
        weights[data.real] *= self.settings.real_weight
        return weights * len(weights) / weights.sum()

    def fit(self, data: TrainingSet) -> IntentModel:
        from sklearn.feature_extraction.text import TfidfVectorizer

        self.vectorizers = {}
        if self.settings.words:
            self.vectorizers["words"] = TfidfVectorizer(
                ngram_range=(1, 2), sublinear_tf=True, min_df=2
            )
        if self.settings.chars:
            self.vectorizers["chars"] = TfidfVectorizer(
                analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True, min_df=2
            )
        for vectorizer in self.vectorizers.values():
            vectorizer.fit(data.texts)
        self.classifier = self._new_classifier()
        features = self.features(data.texts, data.sentence, data.counts)
        weights = self.weights(data)
        self.classifier.fit(features, np.asarray(data.intents), sample_weight=weights)
        self.label_classifier = None
        if self.settings.labels_weight > 0:
            labels = np.array([label_of(i, self._policy) for i in data.intents])
            if self.settings.labels_model == "tfidf":
                self.label_classifier = tfidf_pipeline().fit(list(data.texts), labels)
            else:
                self.label_classifier = self._new_classifier()
                self.label_classifier.fit(features, labels, sample_weight=weights)
        return self

    def features(self, texts: Sequence[str], sentence: np.ndarray, counts: Any) -> Any:
        parts = [vectorizer.transform(texts) for vectorizer in self.vectorizers.values()]
        if self.settings.counts:
            parts.append(csr_matrix(counts))
        parts.append(csr_matrix(np.asarray(sentence) * self.settings.sentence_scale))
        return hstack(parts).tocsr()

    def predict_proba(self, texts: Sequence[str], sentence: np.ndarray, counts: Any) -> Any:
        intents, labels = self.both_proba(texts, sentence, counts)
        if labels is None:
            return intents
        return self.blend(intents, labels, self.settings.labels_weight)

    def both_proba(
        self, texts: Sequence[str], sentence: np.ndarray, counts: Any
    ) -> tuple[np.ndarray, np.ndarray | None]:
        """The intent classifier's probabilities and the label classifier's (None without one)."""
        features = self.features(texts, sentence, counts)
        intents = self.classifier.predict_proba(features)
        if self.label_classifier is None:
            return intents, None
        inputs = list(texts) if self.settings.labels_model == "tfidf" else features
        return intents, self.label_classifier.predict_proba(inputs)

    def blend(self, intents: np.ndarray, labels: np.ndarray, weight: float) -> np.ndarray:
        """Each label's total becomes the weighted mean of the intent classifier's total and the
        label classifier's probability; its intents keep their shares of it."""
        label_names = list(self.label_classifier.classes_)
        member = np.array(
            [[label_of(i, self._policy) == name for name in label_names] for i in self.classes_],
            dtype=float,
        )  # intents x labels
        totals = intents @ member
        target = (1 - weight) * totals + weight * labels
        scale = np.divide(target, totals, out=np.zeros_like(target), where=totals > 0)
        blended = intents * (scale @ member.T)
        return blended / blended.sum(axis=1, keepdims=True)

    def _new_classifier(self) -> Any:
        from sklearn.calibration import CalibratedClassifierCV
        from sklearn.linear_model import LogisticRegression
        from sklearn.svm import LinearSVC

        if self.settings.model == "svm":
            return CalibratedClassifierCV(
                LinearSVC(C=self.settings.c, random_state=2026), method="sigmoid", cv=3
            )
        return LogisticRegression(C=self.settings.c, max_iter=2000, random_state=2026)


def tfidf_pipeline() -> Any:
    """TF-IDF of words and word pairs with logistic regression, each label weighing the same:
    the TF-IDF baseline (tools.baselines), and the label classifier the intent model blends in."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline

    return make_pipeline(
        TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, min_df=1),
        LogisticRegression(max_iter=2000, C=5.0, class_weight="balanced"),
    )
