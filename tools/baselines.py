"""Two simple classifiers trained on data/nlu/, so the real one has something to beat."""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

import yaml

from bot.nlp.intent_model import tfidf_pipeline
from bot.policy import Policy

WORD = re.compile(r"[a-z']+")


def training_examples(nlu_dir: Path, policy: Policy) -> list[tuple[str, str]]:
    """(text, label) for every example in data/nlu/, labelled through policy_rules/intents.yml."""
    examples: list[tuple[str, str]] = []
    for path in sorted(nlu_dir.glob("*.yml")):
        for block in (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("nlu", []):
            rule = policy.intents.get(block.get("intent", ""))
            if rule is not None:
                examples += [(text, rule.label) for text in _texts(block.get("examples"))]
    return examples


def _texts(examples: object) -> list[str]:
    """The texts of one intent's examples, written either as a block of "- text" lines or as a
    list of {text, metadata} (the files whose examples carry metadata)."""
    if isinstance(examples, list):
        return [str(e["text"]).strip() for e in examples if isinstance(e, dict) and e.get("text")]
    lines = (line.strip().removeprefix("- ").strip() for line in str(examples or "").splitlines())
    return [line for line in lines if line]


class KeywordBaseline:
    """Per label, the words most typical of it in training; a message takes the label whose
    keywords it contains most, or the commonest label when it contains none."""

    def __init__(self, examples: Iterable[tuple[str, str]], per_label: int = 40) -> None:
        counts: dict[str, Counter[str]] = {}
        for text, label in examples:
            counts.setdefault(label, Counter()).update(set(WORD.findall(text.lower())))
        total = sum(counts.values(), Counter())
        self._default = max(counts, key=lambda label: sum(counts[label].values()))
        self._keywords = {
            label: {
                word
                for word, _ in sorted(
                    ((w, c / total[w] * math.log1p(c)) for w, c in words.items() if c >= 3),
                    key=lambda item: -item[1],
                )[:per_label]
            }
            for label, words in counts.items()
        }

    def predict(self, text: str) -> str:
        words = set(WORD.findall(text.lower()))
        scores = {label: len(words & keys) for label, keys in self._keywords.items()}
        best = max(scores, key=lambda label: scores[label])
        return best if scores[best] else self._default


class TfidfBaseline:
    """TF-IDF of words and word pairs with logistic regression."""

    def __init__(self, examples: list[tuple[str, str]]) -> None:
        self._model = tfidf_pipeline()
        self._model.fit([t for t, _ in examples], [label for _, label in examples])

    def predict(self, text: str) -> str:
        return str(self._model.predict([text])[0])
