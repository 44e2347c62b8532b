"""Apply the Alembic migrations (`python -m bot db upgrade`) and compare them with the tables."""

from __future__ import annotations

from typing import Any

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.runtime.migration import MigrationContext

from bot.casestore.engine import make_engine
from bot.casestore.tables import metadata
from bot.settings import PROJECT_ROOT


def alembic_config(url: str) -> Config:
    config = Config()
    config.set_main_option("script_location", str(PROJECT_ROOT / "alembic"))
    config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return config


def upgrade(url: str) -> None:
    command.upgrade(alembic_config(url), "head")


def downgrade(url: str, revision: str = "base") -> None:
    command.downgrade(alembic_config(url), revision)


def differences(url: str) -> list[Any]:
    """What the migrated database lacks or has beyond the tables in code (empty when in step)."""
    with make_engine(url).connect() as connection:
        return list(compare_metadata(MigrationContext.configure(connection), metadata))
