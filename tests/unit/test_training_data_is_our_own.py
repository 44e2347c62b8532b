"""Training data is written in our own words: no labelled dev-set or safety corpus message, nor a
near copy of one, is in data/nlu/ or policy_rules/ (they measure the classifier and the urgency
detector; copying them would only flatter the figures). The dev sets sit beside the clone: without
them this fails, never skips."""

from __future__ import annotations

import json
import re
from difflib import SequenceMatcher
from pathlib import Path

import pytest
import yaml

from bot.policy import Policy
from tests.conftest import ROOT
from tools.baselines import training_examples

DEV_SETS = [ROOT.parent / "shared" / "eval" / name for name in ("dev.jsonl", "real2-dev.jsonl")]
# Written per danger by someone who saw neither the training data nor the eval files: it judges
# the urgency detector on wording it has not seen only while no near copy of it is trained on.
SAFETY_CORPUS = ROOT / "tests" / "data" / "safety" / "corpus.jsonl"
NEAR_COPY = 0.8


def plain(text: str) -> str:
    return re.sub(r"[^\w ]", "", text.lower()).strip()


def policy_texts() -> list[str]:
    """Every piece of text in policy_rules/: cues, routes, explanations."""

    def strings(value: object) -> list[str]:
        if isinstance(value, str):
            return [value]
        if isinstance(value, dict):
            return [s for v in value.values() for s in strings(v)]
        if isinstance(value, list):
            return [s for v in value for s in strings(v)]
        return []

    return [
        text
        for path in sorted((ROOT / "policy_rules").glob("*.yml"))
        for text in strings(yaml.safe_load(path.read_text(encoding="utf-8")))
    ]


def near_copies(labelled: Path, ours: list[str]) -> list[tuple[str, str]]:
    """(id, our text) for each labelled message with a near copy among our texts."""
    copied = []
    matcher = SequenceMatcher(autojunk=False)
    for line in labelled.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        matcher.set_seq2(plain(row["text"]))  # indexed once, compared with every example
        for text in ours:
            matcher.set_seq1(text)
            if (
                matcher.real_quick_ratio() >= NEAR_COPY
                and matcher.quick_ratio() >= NEAR_COPY
                and matcher.ratio() >= NEAR_COPY
            ):
                copied.append((row["id"], text))
    return copied


def training_texts(policy: Policy) -> list[str]:
    return [plain(text) for text, _ in training_examples(ROOT / "data" / "nlu", policy)]


@pytest.mark.parametrize("dev_set", DEV_SETS, ids=lambda path: path.name)
def test_no_dev_message_or_near_copy_is_in_the_training_data(policy: Policy, dev_set: Path) -> None:
    assert dev_set.exists(), f"{dev_set} is missing: it must sit beside the clone"
    ours = training_texts(policy) + [plain(text) for text in policy_texts()]
    assert near_copies(dev_set, ours) == []


def test_no_safety_corpus_message_or_near_copy_is_in_the_training_data(policy: Policy) -> None:
    """Against data/nlu only: the policy's two-word cues ("rent statement") are not copies of a
    three-word message, and the detector is not trained on them."""
    assert near_copies(SAFETY_CORPUS, training_texts(policy)) == []


# Written to hold several matters each, to measure whether triage lists every part
# (`python -m tools parts`): held out of training, or part recall would be in-sample.
PART_SETS = sorted((ROOT / "tests" / "data" / "parts").glob("*.jsonl"))


@pytest.mark.parametrize("part_set", PART_SETS, ids=lambda path: path.name)
def test_no_multi_part_message_or_near_copy_is_in_the_training_data(
    policy: Policy, part_set: Path
) -> None:
    assert near_copies(part_set, training_texts(policy)) == []
