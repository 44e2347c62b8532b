"""Integration tests run against real SQLite and PostgreSQL, migrated with Alembic."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import text

from bot.casestore import migrations
from bot.casestore.engine import make_engine
from bot.casestore.services import CaseStore
from bot.casestore.tables import metadata
from bot.policy import Policy
from tools.localservers import running_postgres


@pytest.fixture(scope="session")
def postgresql_url() -> Iterator[str]:
    with running_postgres() as url:
        migrations.upgrade(url)
        yield url


@pytest.fixture(scope="session")
def sqlite_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    url = f"sqlite:///{tmp_path_factory.mktemp('sqlite') / 'cases.sqlite3'}"
    migrations.upgrade(url)
    return url


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request: pytest.FixtureRequest) -> Iterator[str]:
    """Each test starts on empty tables; everything it wrote is removed after it."""
    url = request.getfixturevalue(f"{request.param}_url")
    yield url
    engine = make_engine(url)
    with engine.begin() as connection:
        for table in reversed(metadata.sorted_tables):
            connection.execute(table.delete())
        if engine.dialect.name == "postgresql":
            for table in metadata.sorted_tables:
                connection.execute(
                    text(f"ALTER SEQUENCE IF EXISTS {table.name}_id_seq RESTART WITH 1")
                )
    engine.dispose()


@pytest.fixture
def store(database_url: str, policy: Policy) -> CaseStore:
    return CaseStore(make_engine(database_url), policy)
