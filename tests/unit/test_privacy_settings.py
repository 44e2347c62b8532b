"""Secrets come from the environment, and production never runs on a default one; the retention
period is policy data, checked like the rest of policy_rules/."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bot.policy import PolicyError, load_retention
from bot.policy.schema import PERSONAL_FIELDS, Duration
from bot.privacy.startup import (
    ACTION_SERVER,
    COMMAND_LINE,
    RASA_SERVER,
    StartRefused,
    secret_problems,
    start,
)
from bot.settings import Settings
from tests.conftest import ROOT

REAL = {
    "INTAKE_DATABASE_URL": "postgresql://intake:Vq8u2LrQ7wTz@db.internal/intake",
    "INTAKE_TRACKER_STORE_URL": "postgresql://rasa:f3Nw9Pk2xYhB@db.internal/rasa",
    "META_VERIFY_TOKEN": "4b9c1e0f7a",
    "META_APP_SECRET": "9f2d7c4e1b8a6d3f0c5e2b7a4d1f8c6e",
    "META_PAGE_ACCESS_TOKEN": "EAAGm0PX4ZCpsBAKZC4qQ9",
    "X_CONSUMER_SECRET": "kP3vR8sT1wY6zB9cE2fH5jL",
    "X_ACCESS_TOKEN": "1500000000000000000-aB3dE6gH9",
    "LOCK_STORE_PASSWORD": "r7Tq2Wx9Lm4Z",
}


def production(**changes: str | None) -> Settings:
    env = {**REAL, "INTAKE_ENV": "production", **changes}
    return Settings.from_env({name: value for name, value in env.items() if value is not None})


def test_production_with_real_secrets_starts_every_part() -> None:
    for part in (ACTION_SERVER, RASA_SERVER, COMMAND_LINE):
        assert start(part, production()).environment == "production"


def test_development_starts_with_defaults_and_the_embedded_databases() -> None:
    settings = Settings.from_env(
        {"INTAKE_ENV": "development", "META_APP_SECRET": "test-meta-app-secret"}
    )
    assert settings.environment == "development"
    assert start(RASA_SERVER, settings) is settings
    assert settings.tracker_store_url.endswith("/var/tracker.sqlite3")


def test_production_may_use_sqlite_databases_it_names() -> None:
    settings = production(
        INTAKE_DATABASE_URL="sqlite:////srv/intake/cases.sqlite3",
        INTAKE_TRACKER_STORE_URL="sqlite:////srv/intake/tracker.sqlite3",
    )
    assert secret_problems(settings, RASA_SERVER) == []


def test_the_action_server_refuses_a_default_database_password() -> None:
    settings = production(INTAKE_DATABASE_URL="postgresql://intake:changeme@db/intake")
    with pytest.raises(StartRefused) as refused:
        start(ACTION_SERVER, settings)
    assert str(refused.value) == (
        "the action server will not start in production: "
        "INTAKE_DATABASE_URL has a default or example password"
    )


def test_the_rasa_server_refuses_a_default_tracker_store_password() -> None:
    settings = production(INTAKE_TRACKER_STORE_URL="postgresql://rasa:password@db/rasa")
    assert secret_problems(settings, RASA_SERVER) == [
        "INTAKE_TRACKER_STORE_URL has a default or example password"
    ]


def test_the_rasa_server_refuses_a_social_channel_with_a_secret_missing() -> None:
    settings = production(META_APP_SECRET=None)
    assert secret_problems(settings, RASA_SERVER) == [
        "META_APP_SECRET is not set (the Meta channel needs META_VERIFY_TOKEN, META_APP_SECRET, "
        "META_PAGE_ACCESS_TOKEN)"
    ]


def test_a_social_channel_that_is_off_needs_no_secrets() -> None:
    off = {name: None for name in REAL if name.startswith(("META_", "X_"))}
    assert secret_problems(production(**off), RASA_SERVER) == []


@pytest.mark.parametrize(
    ("variable", "value"),
    [
        ("META_APP_SECRET", "test-meta-app-secret"),
        ("META_VERIFY_TOKEN", "changeme"),
        ("META_PAGE_ACCESS_TOKEN", "<your page access token>"),
        ("X_CONSUMER_SECRET", "${X_CONSUMER_SECRET}"),
        ("X_ACCESS_TOKEN", "your-access-token"),
        ("LOCK_STORE_PASSWORD", "secret"),
    ],
)
def test_the_rasa_server_refuses_each_default_or_example_secret(variable: str, value: str) -> None:
    with pytest.raises(StartRefused) as refused:
        start(RASA_SERVER, production(**{variable: value}))
    assert str(refused.value) == (
        f"the Rasa server will not start in production: {variable} is a default or example value"
    )


def test_the_command_line_checks_the_databases_it_opens() -> None:
    settings = production(INTAKE_TRACKER_STORE_URL="postgresql://rasa:postgres@db/rasa")
    assert secret_problems(settings, COMMAND_LINE) == [
        "INTAKE_TRACKER_STORE_URL has a default or example password"
    ]
    assert secret_problems(settings, ACTION_SERVER) == [], "the action server never opens it"


def test_a_process_not_told_it_is_in_development_checks_its_secrets_as_production() -> None:
    settings = Settings.from_env({**REAL, "META_APP_SECRET": "test-meta-app-secret"})
    assert settings.environment == "production"
    with pytest.raises(StartRefused, match="META_APP_SECRET is a default or example value"):
        start(RASA_SERVER, settings)


def test_production_does_not_fall_back_to_local_sqlite_files() -> None:
    given = {"INTAKE_TRACKER_STORE_URL": REAL["INTAKE_TRACKER_STORE_URL"]}
    for part in (ACTION_SERVER, RASA_SERVER, COMMAND_LINE):
        with pytest.raises(StartRefused) as refused:
            start(part, env=given)
        assert str(refused.value) == (
            f"{part.name} will not start in production: INTAKE_DATABASE_URL is not set (there is "
            "no local database in production)"
        )


def test_an_unknown_environment_name_stops_start_up() -> None:
    with pytest.raises(
        ValueError, match="INTAKE_ENV is 'prod': expected development or production"
    ):
        Settings.from_env({"INTAKE_ENV": "prod"})


def test_no_secret_or_password_appears_in_the_settings_repr() -> None:
    shown = repr(production())
    assert not any(value in shown for value in REAL.values())
    assert "Vq8u2LrQ7wTz" not in shown


# retention.yml ---------------------------------------------------------------------------------


@pytest.fixture
def rules(tmp_path: Path) -> Path:
    target = tmp_path / "policy_rules"
    shutil.copytree(ROOT / "policy_rules", target)
    return target


def test_every_personal_field_has_its_period_in_the_shipped_retention_yml(rules: Path) -> None:
    periods = load_retention(rules).keep_for
    assert set(periods) == set(PERSONAL_FIELDS)
    assert periods["conversation_events"] == Duration(12, "months")
    assert periods["complaint_details"] == Duration(24, "months")
    assert periods["call_drafts"] == Duration(1, "months")


SHIPPED = (ROOT / "policy_rules" / "retention.yml").read_text()


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        (("conversation_events: 12 months", "conversation_events: 90 working days"),
         "retention.yml: 'conversation_events' must be in months, like '12 months'"),
        (("handoffs: 12 months", "handoffs: a year"),
         "retention.yml: 'handoffs' is 'a year': a duration is like"),
        (("  call_drafts: 1 month\n", ""),
         "retention.yml: no period for call_drafts: every personal field needs one"),
        (("keep_for:\n", "keep_for:\n  everything_else: 3 months\n"),
         "retention.yml: unknown key(s) everything_else"),
        (("adjustments: 24 months", "adjustments: 6 months"),
         "retention.yml: 'adjustments' is 6 months: a complaint's record is kept at least 12 "
         "months after the final response"),
        (("transcripts: 12 months", "transcripts: 240 months"),
         "retention.yml: 'transcripts' is 240 months: nothing is kept longer than ten years"),
        (("keep_for:", "conversations:"), "retention.yml: unknown key(s) conversations"),
    ],
)  # fmt: skip
def test_a_mistake_in_retention_yml_names_the_file_and_the_problem(
    rules: Path, change: tuple[str, str], problem: str
) -> None:
    assert change[0] in SHIPPED
    (rules / "retention.yml").write_text(SHIPPED.replace(*change))
    with pytest.raises(PolicyError) as error:
        load_retention(rules)
    assert str(error.value).startswith(problem)


def test_a_missing_retention_yml_is_named(rules: Path) -> None:
    (rules / "retention.yml").unlink()
    with pytest.raises(PolicyError, match=r"retention\.yml: file is missing"):
        load_retention(rules)
