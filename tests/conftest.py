"""Shared fixtures: the policy as shipped, the app built from it, and the running servers."""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from bot.casestore import migrations
from bot.policy import Answer, Policy, load_answers, load_policy
from tests.conversations.servers import Servers, running_servers

ROOT = Path(__file__).resolve().parent.parent
# Production is the default (bot.settings); the suite, and the servers it starts, are development
# unless a test says otherwise.
os.environ.setdefault("INTAKE_ENV", "development")


@pytest.fixture(scope="session")
def policy() -> Policy:
    return load_policy(ROOT / "policy_rules")


@pytest.fixture(scope="session")
def answers(policy: Policy) -> dict[str, Answer]:
    return load_answers(ROOT / "policy_rules", policy)


@dataclass(frozen=True)
class Running:
    servers: Servers
    database_url: str


@pytest.fixture(scope="session")
def running(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Running]:
    """One Rasa server and one action server for the whole run (conversation and browser tests),
    on a scratch case store."""
    scratch = tmp_path_factory.mktemp("servers")
    database_url = f"sqlite:///{scratch / 'cases.sqlite3'}"
    migrations.upgrade(database_url)
    env = {"INTAKE_DATABASE_URL": database_url, "INTAKE_OUTBOX_PATH": str(scratch / "outbox.db")}
    with running_servers(env, scratch) as servers:
        yield Running(servers, database_url)


@pytest.fixture(scope="session")
def servers(running: Running) -> Servers:
    return running.servers
