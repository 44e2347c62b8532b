"""The composition root: settings, policy and stores built once, never at import time."""

from __future__ import annotations

from dataclasses import dataclass

from bot.casestore.engine import make_engine
from bot.casestore.services import CaseStore
from bot.policy import Policy, load_policy
from bot.settings import Settings


@dataclass(frozen=True)
class App:
    settings: Settings
    policy: Policy
    cases: CaseStore


def build_app(settings: Settings | None = None) -> App:
    settings = settings or Settings.from_env()
    policy = load_policy(settings.policy_dir)
    return App(
        settings=settings,
        policy=policy,
        cases=CaseStore(make_engine(settings.database_url), policy),
    )
