"""In production, each real process refuses to start on a default or missing secret, with one
line that names the variable: the action server, the Rasa server and `python -m bot`."""

from __future__ import annotations

import os
import secrets
import subprocess
from pathlib import Path

import pytest

from tests.conversations.servers import BIN, ROOT, free_port

DEFAULT_PASSWORD = "postgresql://intake:changeme@127.0.0.1:1/intake"


def started(argv: list[str], **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        argv,
        cwd=ROOT,
        env={**os.environ, "RASA_TELEMETRY_ENABLED": "false", "TF_CPP_MIN_LOG_LEVEL": "3",
             "INTAKE_ENV": "production", **env},
        capture_output=True,
        text=True,
        timeout=300,
    )  # fmt: skip


def last_line(process: subprocess.CompletedProcess[str]) -> str:
    return process.stderr.strip().splitlines()[-1]


def test_the_action_server_will_not_start_with_a_default_database_password() -> None:
    process = started(
        [str(BIN / "python"), "-m", "bot.action_server", "--actions", "actions",
         "--port", str(free_port())],
        INTAKE_DATABASE_URL=DEFAULT_PASSWORD,
        INTAKE_ACTION_TOKEN=secrets.token_urlsafe(32),
    )  # fmt: skip
    assert process.returncode == 1
    assert last_line(process) == (
        "the action server will not start in production: "
        "INTAKE_DATABASE_URL has a default or example password"
    )


@pytest.mark.server
def test_the_rasa_server_will_not_start_with_a_social_channel_half_configured(
    tmp_path: Path,
) -> None:
    process = started(
        [str(BIN / "rasa"), "run", "--interface", "127.0.0.1", "--port", str(free_port()),
         "--model", "models", "--endpoints", "endpoints.yml", "--credentials", "credentials.yml"],
        ACTION_ENDPOINT_URL="http://127.0.0.1:1/webhook",
        INTAKE_DATABASE_URL=f"sqlite:///{tmp_path}/cases.sqlite3",
        INTAKE_ACTION_TOKEN=secrets.token_urlsafe(32),
        INTAKE_TRACKER_STORE_URL=f"sqlite:///{tmp_path}/tracker.sqlite3",
        META_APP_SECRET="9f2d7c4e1b8a6d3f0c5e2b7a4d1f8c6e",
        META_VERIFY_TOKEN="changeme",
    )  # fmt: skip
    assert process.returncode == 1
    assert last_line(process) == (
        "the Rasa server will not start in production: META_PAGE_ACCESS_TOKEN is not set (the "
        "Meta channel needs META_VERIFY_TOKEN, META_APP_SECRET, META_PAGE_ACCESS_TOKEN); "
        "META_VERIFY_TOKEN is a default or example value"
    )


def test_python_m_bot_will_not_open_a_database_with_a_default_password(tmp_path: Path) -> None:
    process = started(
        [str(BIN / "python"), "-m", "bot", "cases", "list"],
        INTAKE_DATABASE_URL=f"sqlite:///{tmp_path}/cases.sqlite3",
        INTAKE_TRACKER_STORE_URL="postgresql://rasa:password@127.0.0.1:1/rasa",
    )
    assert process.returncode == 1
    assert last_line(process) == (
        "python -m bot will not start in production: "
        "INTAKE_TRACKER_STORE_URL has a default or example password"
    )


def test_the_action_server_will_not_start_without_its_token() -> None:
    process = started(
        [str(BIN / "python"), "-m", "bot.action_server", "--actions", "actions",
         "--port", str(free_port())],
        INTAKE_ACTION_TOKEN="",
    )  # fmt: skip
    assert process.returncode == 1
    assert last_line(process) == (
        "the action server will not start: INTAKE_ACTION_TOKEN is not set (the Rasa server "
        "sends it with each action call)"
    )
