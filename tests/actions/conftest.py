"""Action tests: trackers from JSON fixtures, a CollectingDispatcher, and the shipped policy."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.app import set_app
from bot.bootstrap import App, build_app
from bot.casestore import migrations
from bot.settings import Settings

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture
def app(tmp_path: Path) -> Iterator[App]:
    database_url = f"sqlite:///{tmp_path / 'cases.db'}"
    migrations.upgrade(database_url)
    built = build_app(
        Settings.from_env(
            {
                "INTAKE_ENV": "development",
                "INTAKE_DATABASE_URL": database_url,
                "INTAKE_OUTBOX_PATH": str(tmp_path / "outbox.db"),
            }
        )
    )
    set_app(built)
    yield built
    set_app(None)


@pytest.fixture
def dispatcher() -> CollectingDispatcher:
    return CollectingDispatcher()


def tracker(name: str) -> Tracker:
    return Tracker.from_dict(json.loads((FIXTURES / f"{name}.json").read_text()))
