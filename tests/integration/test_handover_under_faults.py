"""The action server killed (SIGKILL) in the middle of a complaint handover: nothing is lost and
nothing is doubled. PostgreSQL holds the case store; a table lock keeps the handover in flight."""

from __future__ import annotations

import os
import re
import secrets
import signal
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
import requests
from sqlalchemy import text

from bot.casestore import migrations
from bot.casestore.engine import make_engine
from bot.casestore.outbox import Outbox
from bot.casestore.services import CaseStore
from bot.policy import Policy
from tests.conversations.action_calls import confirmation
from tests.conversations.servers import free_port, start_action_server, wait_for_action_server
from tools.localservers import running_postgres

# What the Rasa server would send with each call (bot.action_server).
TOKEN = secrets.token_urlsafe(32)


@contextmanager
def action_server(env: dict[str, str], log: Path) -> Iterator[tuple[str, int]]:
    port = free_port()
    with log.open("w") as output:
        process = start_action_server(port, {**os.environ, **env}, output)
        url = f"http://127.0.0.1:{port}"
        try:
            wait_for_action_server(url, process)
            yield url, process.pid
        finally:
            if process.poll() is None:
                process.terminate()
                process.wait(timeout=30)


def wait_for(condition: object, seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while not condition():  # type: ignore[operator]
        if time.monotonic() > deadline:
            raise TimeoutError("condition not met")
        time.sleep(0.1)


@pytest.mark.server
def test_killed_mid_handover_the_complaint_is_logged_once_when_the_resident_confirms_again(
    tmp_path: Path, policy: Policy
) -> None:
    with running_postgres() as database_url:
        migrations.upgrade(database_url)
        env = {"INTAKE_DATABASE_URL": database_url,
               "INTAKE_OUTBOX_PATH": str(tmp_path / "outbox.sqlite3"),
               "INTAKE_ACTION_TOKEN": TOKEN}  # fmt: skip
        engine = make_engine(database_url)
        store = CaseStore(engine, policy)
        outbox = Outbox(tmp_path / "outbox.sqlite3")

        with engine.connect() as blocker:
            hold = blocker.begin()
            blocker.execute(text("LOCK TABLE complaints IN ACCESS EXCLUSIVE MODE"))
            with action_server(env, tmp_path / "first.log") as (url, pid):
                answer: list[object] = []
                call = threading.Thread(
                    target=lambda: answer.append(
                        _post(f"{url}/webhook", confirmation("kill-test", "turn-1"))
                    )
                )
                call.start()
                wait_for(lambda: len(outbox.pending()) == 1, 30)
                os.kill(pid, signal.SIGKILL)
                call.join(timeout=30)
            hold.rollback()
        # The resident was told nothing: no reference was given for a complaint not yet logged.
        assert answer == ["no answer"]
        with store.unit_of_work() as uow:
            assert uow.cases.complaints_for_conversation("kill-test") == []

        # They confirm again (a new turn): the same complaint, logged once, with a reference.
        with action_server(env, tmp_path / "second.log") as (url, _):
            reply = _post(f"{url}/webhook", confirmation("kill-test", "turn-2"))
        assert isinstance(reply, dict)
        reference = re.search(r"CMP-\d{4}-\d{6}", reply["responses"][0]["text"])
        assert reference is not None
        with store.unit_of_work() as uow:
            assert uow.cases.complaints_for_conversation("kill-test") == [reference.group()]
        assert outbox.pending() == []
        engine.dispose()


def _post(url: str, body: dict) -> object:
    try:
        headers = {"Authorization": f"Bearer {TOKEN}"}
        return requests.post(url, json=body, headers=headers, timeout=60).json()
    except requests.ConnectionError:
        return "no answer"
