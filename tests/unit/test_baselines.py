"""The baselines (and the check that no dev text is copied) read every training example,
including the files whose examples carry metadata (real messages, the safety files)."""

from __future__ import annotations

from bot.policy import Policy
from tests.conftest import ROOT
from tools.baselines import training_examples


def test_examples_written_with_metadata_are_read(policy: Policy) -> None:
    texts = {text for text, _ in training_examples(ROOT / "data" / "nlu", policy)}
    real = (ROOT / "data" / "nlu" / "real_messages.yml").read_text(encoding="utf-8")
    assert real.count("  - text: ") == 101
    assert sum(f'"{text}"' in real for text in texts) == 101
