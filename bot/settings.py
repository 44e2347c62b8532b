"""One frozen Settings, built once from the environment by the composition root."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Settings:
    policy_dir: Path
    database_url: str
    model_dir: Path
    # Complaint handovers wait here, on the action server's own disk, until the case store has
    # them (bot/casestore/outbox.py).
    outbox_path: Path

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> Settings:
        env = os.environ if env is None else env
        var = PROJECT_ROOT / "var"
        default_db = var / "intake.sqlite3"
        return cls(
            policy_dir=Path(env.get("INTAKE_POLICY_DIR", PROJECT_ROOT / "policy_rules")),
            database_url=env.get("INTAKE_DATABASE_URL", f"sqlite:///{default_db}"),
            model_dir=Path(env.get("INTAKE_MODEL_DIR", PROJECT_ROOT / "models")),
            outbox_path=Path(
                env.get("INTAKE_OUTBOX_PATH", PROJECT_ROOT / "var" / "outbox.sqlite3")
            ),
        )
