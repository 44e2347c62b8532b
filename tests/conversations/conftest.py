from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import pytest

from bot.casestore import migrations
from tests.conversations.servers import Servers, running_servers


@dataclass(frozen=True)
class Running:
    servers: Servers
    database_url: str


@pytest.fixture(scope="session")
def running(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Running]:
    """One Rasa server and one action server for the whole run, on a scratch case store."""
    scratch = tmp_path_factory.mktemp("servers")
    database_url = f"sqlite:///{scratch / 'cases.sqlite3'}"
    migrations.upgrade(database_url)
    with running_servers({"INTAKE_DATABASE_URL": database_url}, scratch) as servers:
        yield Running(servers, database_url)


@pytest.fixture(scope="session")
def servers(running: Running) -> Servers:
    return running.servers
