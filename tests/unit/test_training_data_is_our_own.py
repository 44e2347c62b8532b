"""Training data is written in our own words: no labelled dev-set message, nor a near copy of one,
is in data/nlu/ (the dev set measures the classifier; copying it would only flatter the figures)."""

from __future__ import annotations

import json
import re
from difflib import SequenceMatcher

import pytest

from bot.baselines import training_examples
from bot.policy import Policy
from tests.conftest import ROOT

DEV_SET = ROOT.parent / "shared" / "eval" / "dev.jsonl"
NEAR_COPY = 0.8


def plain(text: str) -> str:
    return re.sub(r"[^a-z0-9 ]", "", text.lower()).strip()


@pytest.mark.skipif(not DEV_SET.exists(), reason="the dev set sits beside the clone")
def test_no_dev_message_or_near_copy_is_in_the_training_data(policy: Policy) -> None:
    ours = [plain(text) for text, _ in training_examples(ROOT / "data" / "nlu", policy)]
    copied = []
    matcher = SequenceMatcher(autojunk=False)
    for line in DEV_SET.read_text(encoding="utf-8").splitlines():
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
    assert copied == []
