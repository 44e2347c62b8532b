"""One frozen Settings, built once from the environment by the composition root.

Secrets come only from the environment and none has a default: `bot.privacy.startup` refuses, in
production, to start a server with one missing or left at a default or example value.

Production is the default: a process started by hand, by systemd or in a container checks its
secrets unless told `INTAKE_ENV=development`, which `make` (run, the tests, eval) and the test
suite say for themselves. In production the databases must be named: there is no local SQLite
file to fall back to.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

PROJECT_ROOT = Path(__file__).resolve().parent.parent

Environment = Literal["development", "production"]
ENVIRONMENTS: tuple[Environment, ...] = ("development", "production")
# Secrets Rasa reads through ${VARIABLE} references: the social channels' in
# credentials.social.yml (a channel is on when they are set), the lock store's in
# endpoints.cluster.yml. The database URLs below may carry passwords too.
SOCIAL_SECRETS: dict[str, tuple[str, ...]] = {
    "Meta": ("META_VERIFY_TOKEN", "META_APP_SECRET", "META_PAGE_ACCESS_TOKEN"),
    "X": ("X_CONSUMER_SECRET", "X_ACCESS_TOKEN"),
}
LOCK_STORE_PASSWORD = "LOCK_STORE_PASSWORD"
SECRETS = (*(name for names in SOCIAL_SECRETS.values() for name in names), LOCK_STORE_PASSWORD)


def environment_of(env: Mapping[str, str]) -> Environment:
    """`INTAKE_ENV`, production unless it says development."""
    environment = env.get("INTAKE_ENV", "production")
    if environment not in ENVIRONMENTS:
        raise ValueError(f"INTAKE_ENV is '{environment}': expected development or production")
    return environment


@dataclass(frozen=True)
class Settings:
    policy_dir: Path
    # A database URL may carry a password: kept out of repr, and so out of any log.
    database_url: str = field(repr=False)
    model_dir: Path
    # Complaint handovers wait here, on the action server's own disk, until the case store has
    # them (bot/casestore/outbox.py).
    outbox_path: Path
    # Rasa's SQL tracker store (endpoints.yml reads the same variable): each conversation's events.
    tracker_store_url: str = field(repr=False)
    environment: Environment = "production"
    # Those of SECRETS that are set.
    secrets: Mapping[str, str] = field(default_factory=dict, repr=False)

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> Settings:
        env = os.environ if env is None else env
        var = PROJECT_ROOT / "var"
        default_db = var / "intake.sqlite3"
        environment = environment_of(env)
        # Production has no local file to fall back to: a missing URL stays empty, and
        # bot.privacy.startup refuses to start on it.
        local = environment == "development"
        return cls(
            policy_dir=Path(env.get("INTAKE_POLICY_DIR", PROJECT_ROOT / "policy_rules")),
            database_url=env.get("INTAKE_DATABASE_URL", f"sqlite:///{default_db}" if local else ""),
            model_dir=Path(env.get("INTAKE_MODEL_DIR", PROJECT_ROOT / "models")),
            outbox_path=Path(
                env.get("INTAKE_OUTBOX_PATH", PROJECT_ROOT / "var" / "outbox.sqlite3")
            ),
            tracker_store_url=env.get(
                "INTAKE_TRACKER_STORE_URL", f"sqlite:///{var / 'tracker.sqlite3'}" if local else ""
            ),
            environment=environment,
            secrets={name: env[name] for name in SECRETS if env.get(name)},
        )
