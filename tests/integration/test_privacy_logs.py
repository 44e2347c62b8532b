"""A real conversation with a resident's contact details, against the running Rasa server and
action server: nothing of them reaches either log, Rasa keeps the conversation in its SQL tracker
store, and an erasure request removes it from there."""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest

from bot.casestore.engine import make_engine
from bot.cli import main
from bot.privacy.tracker_events import TrackerEvents
from tests.conftest import Running

pytestmark = pytest.mark.server

SAID = (
    "my name is Jane Okafor, I live at 12 Acacia Road, Leeds LS6 2QT and the damp in my bedroom "
    "is back and nobody has come",
    "/affirm",
    "email me at jane.okafor@example.org or ring 07700 900461",
)
PERSONAL = ("Okafor", "Acacia", "LS6 2QT", "LS62QT", "jane.okafor@example.org", "07700 900461",
            "07700900461")  # fmt: skip
MASKED_NOTICE = "names, emails, phone numbers, postcodes and addresses are masked in these logs"


@pytest.fixture(scope="module")
def conversation(running: Running) -> str:
    sender = f"privacy-{uuid.uuid4().hex[:10]}"
    for message in SAID:
        assert running.servers.say(sender, message), f"no reply to {message!r}"
    return sender


def test_no_contact_detail_from_the_conversation_is_in_either_log(
    running: Running, conversation: str
) -> None:
    for name in ("actions.log", "rasa.log"):
        log = (running.servers.log_dir / name).read_text()
        assert MASKED_NOTICE in log, f"{name}: the server did not install the redaction"
        for personal in PERSONAL:
            assert personal not in log, f"{name} contains {personal!r}"


def test_rasa_keeps_the_conversation_in_its_sql_tracker_store(
    running: Running, conversation: str
) -> None:
    events = TrackerEvents(make_engine(running.servers.tracker_store_url)).of_sender(conversation)
    assert [e["text"] for e in events if e["event"] == "user"] == list(SAID)


def test_an_erasure_request_removes_the_conversation_rasa_kept(
    running: Running, conversation: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("INTAKE_DATABASE_URL", running.database_url)
    monkeypatch.setenv("INTAKE_TRACKER_STORE_URL", running.servers.tracker_store_url)
    monkeypatch.setenv("INTAKE_OUTBOX_PATH", str(tmp_path / "outbox.sqlite3"))
    erase = ["erase", "--sender", conversation, "--staff", "officer.ann", "--include-open"]
    assert main(erase) == 0
    assert (
        TrackerEvents(make_engine(running.servers.tracker_store_url)).of_sender(conversation) == []
    )
