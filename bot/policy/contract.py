"""The policy as a contract with the dialogue: `policy_rules/`, `domain.yml`, `data/rules/` and
the NLU intents in `data/nlu/` name the same intents and grounds, checked against each other
(`python -m bot policy check`, run by `make check`).

Adding an exclusion ground touches five files; this says which one was missed. Each problem
names the file, the id and what is wrong.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import yaml

from bot.policy.schema import Policy

INTENTS_FILE = "policy_rules/intents.yml"
# Rasa's fallback classifier names this intent; no training example or domain entry has it.
RASA_FALLBACK = "nlu_fallback"
# Labels whose intents start a piece of work, so a dialogue rule must send them to triage.
TRIAGED_LABELS = ("complaint", "service_request", "excluded")
TRIAGE_ACTION = "action_triage"


def _yaml(path: Path) -> Any:
    return yaml.safe_load(path.read_text(encoding="utf-8")) or {}


def nlu_intents(root: Path) -> dict[str, str]:
    """Intent -> the first data/nlu file with examples of it."""
    found: dict[str, str] = {}
    for path in sorted((root / "data" / "nlu").glob("*.yml")):
        for item in _yaml(path).get("nlu") or []:
            if "intent" in item:
                found.setdefault(str(item["intent"]), str(path.relative_to(root)))
    return found


def _rule_steps(steps: Iterable[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    for step in steps:
        if "or" in step:
            yield from _rule_steps(step["or"])
        else:
            yield step


def triaged_intents(root: Path) -> set[str]:
    """Intents that a rule in data/rules/ sends to triage: a rule's steps name them before the
    triage action."""
    sent: set[str] = set()
    for path in sorted((root / "data" / "rules").glob("*.yml")):
        for rule in _yaml(path).get("rules") or []:
            steps = list(_rule_steps(rule.get("steps") or []))
            actions = [step.get("action") for step in steps]
            if TRIAGE_ACTION in actions:
                before = steps[: actions.index(TRIAGE_ACTION)]
                sent.update(str(step["intent"]) for step in before if "intent" in step)
    return sent


def contract_problems(root: Path, policy: Policy) -> list[str]:
    """Everything that does not agree between the policy and the dialogue files; empty when all
    do."""
    domain = {str(name) for name in _yaml(root / "domain.yml").get("intents") or []}
    trained = nlu_intents(root)
    triaged = triaged_intents(root)
    problems = []
    for intent, file in sorted(trained.items()):
        if intent not in policy.intents:
            problems.append(f"{file}: intent '{intent}' has no rule in {INTENTS_FILE}, so "
                            "triage would read it as 'other'")  # fmt: skip
    for rule in policy.intents.values():
        if rule.id == RASA_FALLBACK:
            continue
        if rule.id not in domain:
            problems.append(f"{INTENTS_FILE}: intent '{rule.id}' is not in domain.yml")
        if rule.label in TRIAGED_LABELS and rule.id not in trained:
            problems.append(f"{INTENTS_FILE}: intent '{rule.id}' has no examples in data/nlu/, "
                            "so the classifier never predicts it")  # fmt: skip
        if rule.label in TRIAGED_LABELS and rule.id not in triaged:
            problems.append(f"{INTENTS_FILE}: intent '{rule.id}' ({rule.label}) is in no rule of "
                            f"data/rules/ that runs {TRIAGE_ACTION}")  # fmt: skip
    grounds_with_an_intent = {rule.ground for rule in policy.intents.values() if rule.ground}
    for ground in sorted(set(policy.grounds) - grounds_with_an_intent):
        problems.append(f"policy_rules/exclusions.yml: ground '{ground}' has no intent in "
                        f"{INTENTS_FILE}, so no message is ever proposed for it")  # fmt: skip
    return problems
