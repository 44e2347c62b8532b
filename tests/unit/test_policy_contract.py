"""`python -m bot policy check`: the policy and the dialogue files name the same intents and
grounds, and a missed edit is named by file and id."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bot.cli import main
from bot.policy import load_policy
from bot.policy.contract import contract_problems
from tests.conftest import ROOT


@pytest.fixture
def root(tmp_path: Path) -> Path:
    for folder in ("policy_rules", "data"):
        shutil.copytree(ROOT / folder, tmp_path / folder)
    shutil.copy(ROOT / "domain.yml", tmp_path / "domain.yml")
    return tmp_path


def edit(root: Path, name: str, old: str, new: str) -> None:
    path = root / name
    text = path.read_text()
    assert old in text, f"fixture text not found in {name}: {old!r}"
    path.write_text(text.replace(old, new, 1))


def problems(root: Path) -> list[str]:
    return contract_problems(root, load_policy(root / "policy_rules"))


def test_the_shipped_policy_and_dialogue_agree(
    root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert problems(root) == []
    assert main(["policy", "check", "--root", str(root)]) == 0
    assert "agree" in capsys.readouterr().out


def test_an_intent_missing_from_the_policy_is_named_not_read_as_other(root: Path) -> None:
    edit(root, "policy_rules/intents.yml", "  - {id: insurance_claim, label: excluded, "
         "ground: insurance_claim}\n", "")  # fmt: skip
    found = problems(root)
    assert any("intent 'insurance_claim' has no rule in policy_rules/intents.yml" in p
               for p in found)  # fmt: skip
    assert "policy_rules/exclusions.yml: ground 'insurance_claim' has no intent" in found[-1]


def test_an_excluded_intent_no_rule_sends_to_triage_is_named(root: Path) -> None:
    edit(root, "data/rules/triage.yml", "          - intent: insurance_claim\n", "")
    assert problems(root) == [
        "policy_rules/intents.yml: intent 'insurance_claim' (excluded) is in no rule of "
        "data/rules/ that runs action_triage"
    ]


def test_the_command_fails_naming_a_required_ground(
    root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = (root / "policy_rules/exclusions.yml").read_text()
    start, end = text.index("  - id: over_12_months"), text.index("  - id: legal_proceedings")
    (root / "policy_rules/exclusions.yml").write_text(text[:start] + text[end:])
    assert main(["policy", "check", "--root", str(root)]) == 1
    assert (
        "exclusions.yml, rule 'over_12_months': missing from 'grounds'" in capsys.readouterr().err
    )
