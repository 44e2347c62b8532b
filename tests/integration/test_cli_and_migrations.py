"""Staff read cases from the command line; the schema migrates up from empty and back down."""

from __future__ import annotations

import pytest
from sqlalchemy import inspect

from bot.bootstrap import build_app
from bot.casestore import migrations
from bot.casestore.domain import ContactRecord
from bot.casestore.engine import make_engine
from bot.cli import cases_command, main
from bot.settings import Settings
from tests.integration.test_case_store import RECEIVED, handover


def test_migrations_go_from_empty_to_head_and_back(database_url: str) -> None:
    migrations.downgrade(database_url, "base")
    assert set(inspect(make_engine(database_url)).get_table_names()) <= {"alembic_version"}
    migrations.upgrade(database_url)
    assert migrations.differences(database_url) == []


def test_cases_list_and_show_print_the_full_record(
    database_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    app = build_app(
        Settings.from_env({"INTAKE_ENV": "development", "INTAKE_DATABASE_URL": database_url})
    )
    reference = app.cases.submit_complaint(handover()).reference
    assert cases_command(app, "list", None, 10) == 0
    assert reference in capsys.readouterr().out
    assert cases_command(app, "show", reference, 10) == 0
    shown = capsys.readouterr().out
    assert "acknowledge by 2027-01-05; respond by 2027-01-19" in shown
    assert "outcomes sought: put it right; an apology" in shown
    assert cases_command(app, "show", "CMP-1999-000001", 10) == 1


def test_contacts_list_shows_label_choice_and_danger(
    database_url: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    app = build_app(
        Settings.from_env({"INTAKE_ENV": "development", "INTAKE_DATABASE_URL": database_url})
    )
    contact = ContactRecord(
        "conv-5", "web_chat", RECEIVED, "i can smell gas", "service_request", "service_request",
        0.97, None, ("gas",), (),
    )  # fmt: skip
    app.cases.record_choice(app.cases.record_contact(contact), "no_complaint")
    monkeypatch.setenv("INTAKE_DATABASE_URL", database_url)
    assert main(["contacts", "list"]) == 0
    assert "service_request  no_complaint  gas" in capsys.readouterr().out
