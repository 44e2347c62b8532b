"""The console over real HTTP, served by the one Rasa server of the run (tests/conftest.py)."""

from __future__ import annotations

import pytest

from bot.casestore.engine import make_engine
from bot.casestore.services import CaseStore
from bot.policy import Policy
from tests.conftest import Running
from tests.console.client import ConsoleClient
from tests.console.staff import add_staff

HANDLER, OFFICER = "hana.handler", "olu.officer"


@pytest.fixture(scope="session")
def handler(running: Running) -> tuple[str, str]:
    return HANDLER, add_staff(running.database_url, HANDLER)


@pytest.fixture(scope="session")
def officer(running: Running) -> tuple[str, str]:
    return OFFICER, add_staff(running.database_url, OFFICER, role="officer")


@pytest.fixture
def client(running: Running) -> ConsoleClient:
    return ConsoleClient(running.servers.rasa_url)


@pytest.fixture
def signed_in(client: ConsoleClient, handler: tuple[str, str]) -> ConsoleClient:
    assert client.sign_in(*handler).status_code == 303
    client.get("/console/")
    return client


@pytest.fixture
def cases(running: Running, policy: Policy) -> CaseStore:
    """The case store the server writes to, read directly."""
    return CaseStore(make_engine(running.database_url), policy)
