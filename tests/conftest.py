"""Shared fixtures: the policy as shipped, and the app built from it."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.policy import Policy, load_policy

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def policy() -> Policy:
    return load_policy(ROOT / "policy_rules")
