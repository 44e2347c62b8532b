"""The composition root: settings, policy and stores built once, never at import time."""

from __future__ import annotations

from dataclasses import dataclass

from bot.policy import Policy, load_policy
from bot.settings import Settings


@dataclass(frozen=True)
class App:
    settings: Settings
    policy: Policy


def build_app(settings: Settings | None = None) -> App:
    settings = settings or Settings.from_env()
    return App(settings=settings, policy=load_policy(settings.policy_dir))
