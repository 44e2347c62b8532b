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

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> Settings:
        env = os.environ if env is None else env
        default_db = PROJECT_ROOT / "var" / "intake.sqlite3"
        return cls(
            policy_dir=Path(env.get("INTAKE_POLICY_DIR", PROJECT_ROOT / "policy_rules")),
            database_url=env.get("INTAKE_DATABASE_URL", f"sqlite:///{default_db}"),
            model_dir=Path(env.get("INTAKE_MODEL_DIR", PROJECT_ROOT / "models")),
        )
