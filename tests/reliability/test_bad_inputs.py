"""Every case in tests/data/bad_inputs/ against the running server over real HTTP and socket.io:
each gets a clear reply or a clear HTTP error, never a 500 or a stack trace, and the server
answers a normal "hello" afterwards. Then the limits, and what never reaches the assistant."""

from __future__ import annotations

import json
import time
import uuid
from dataclasses import dataclass, field
from typing import Any

import pytest
import requests
import socketio
import yaml
from sqlalchemy import create_engine, text

from bot.channels.guard import NO_WORDS, TOO_FAST, Limits
from tests.conftest import ROOT, Running
from tests.conversations.servers import Servers

pytestmark = pytest.mark.server

CORPUS = ROOT / "tests" / "data" / "bad_inputs"
REST = "/webhooks/rest/webhook"
STACK_TRACE_MARKS = ("Traceback", 'File "', "site-packages", "Exception")
GUARD_REPLIES = ("didn't get any words", "too long", "only read English", "faster than I can")


@dataclass(frozen=True)
class Case:
    name: str
    file: str
    send: str
    content_type: str = "application/json"
    status: int | None = None
    says: list[str] = field(default_factory=list)
    answered: bool = False
    session: bool = True

    @property
    def body(self) -> bytes:
        return (CORPUS / self.file).read_bytes()


def corpus() -> list[Case]:
    manifest = yaml.safe_load((CORPUS / "manifest.yml").read_text(encoding="utf-8"))
    return [Case(**case) for case in manifest["cases"]]


@dataclass(frozen=True)
class Answer:
    status: int | None
    body: str
    replies: list[str]
    error: str = ""

    @property
    def words(self) -> str:
        """What a person would read: the replies, or the error's message."""
        return " ".join(self.replies).lower() if self.replies else self.error.lower()


def post(servers: Servers, case: Case) -> Answer:
    path = REST if case.send == "rest" else case.send
    response = requests.post(
        f"{servers.rasa_url}{path}",
        data=case.body,
        headers={"Content-Type": case.content_type},
        timeout=120,
    )
    if response.ok:
        replies = [str(message.get("text", "")) for message in response.json()]
        return Answer(response.status_code, response.text, replies)
    error = response.json()
    return Answer(response.status_code, response.text, [], error.get("error") or error["message"])


def send_over_socketio(servers: Servers, payload: Any, with_session: bool) -> Answer:
    """One `user_uttered` event as the widget sends it (with the session it was given), and the
    first reply."""
    with socketio.SimpleClient() as client:
        client.connect(servers.rasa_url, transports=["polling"])
        client.emit("session_request", {})
        event, session_id = client.receive(timeout=30)
        assert event == "session_confirm"
        if with_session and isinstance(payload, dict):
            payload = {**payload, "session_id": session_id}
        client.emit("user_uttered", payload)
        event, reply = client.receive(timeout=120)
    assert event == "bot_uttered"
    return Answer(None, json.dumps(reply), [str(reply.get("text", ""))])


def answer_to(servers: Servers, case: Case) -> Answer:
    if case.send == "socketio":
        return send_over_socketio(servers, json.loads(case.body), case.session)
    return post(servers, case)


def hello_is_answered(servers: Servers) -> bool:
    return "automated assistant" in " ".join(
        reply.get("text", "") for reply in servers.say(f"hello-{uuid.uuid4().hex[:8]}", "hello")
    )


@pytest.mark.parametrize("case", corpus(), ids=lambda case: case.name)
def test_every_bad_input_gets_a_clear_answer_and_the_server_carries_on(
    running: Running, case: Case
) -> None:
    answer = answer_to(running.servers, case)

    assert answer.status != 500
    assert not any(mark in answer.body for mark in STACK_TRACE_MARKS), answer.body[:500]
    if case.status is not None:
        assert answer.status == case.status, answer.body[:500]
    for words in case.says:
        assert words.lower() in answer.words, answer.words[:500]
    if case.answered:
        assert answer.replies and all(answer.replies), "no reply"
        assert not any(refusal.lower() in answer.words for refusal in GUARD_REPLIES)
    assert hello_is_answered(running.servers)


def test_the_corpus_covers_what_the_issue_lists() -> None:
    names = " ".join(case.name for case in corpus()).lower()
    for kind in ("empty", "spaces", "100 kb", "utf-8", "emoji", "right-to-left", "html", "sql",
                 "json", "form", "xml", "channel"):  # fmt: skip
        assert kind in names, kind


def test_a_sender_over_the_limit_is_asked_to_wait_and_others_are_not(running: Running) -> None:
    limit = Limits.from_env({}).messages_per_minute
    hasty, patient = f"hasty-{uuid.uuid4().hex[:8]}", f"patient-{uuid.uuid4().hex[:8]}"
    started = time.monotonic()
    for _ in range(limit):
        # Empty messages are answered at once, and count like any other.
        assert running.servers.say(hasty, "")[0]["text"] == NO_WORDS
    over = running.servers.say(hasty, "hello")
    assert time.monotonic() - started < 60, "too slow to test a per-minute limit"

    assert [reply["text"] for reply in over] == [TOO_FAST]
    assert "automated assistant" in running.servers.say(patient, "hello")[0]["text"]


def test_refused_messages_never_reach_the_conversation_record(running: Running) -> None:
    """Too long or empty: nothing of it is parsed or kept with the conversation. (A message in
    another alphabet is read: it may tell of danger, test_safety_conversation.py.)"""
    sender = f"refused-{uuid.uuid4().hex[:8]}"
    for message in ("", "x" * 100_000):
        running.servers.say(sender, message)
    engine = create_engine(running.servers.tracker_store_url, future=True)
    with engine.connect() as connection:
        kept = connection.execute(
            text("SELECT count(*) FROM events WHERE sender_id = :sender"), {"sender": sender}
        ).scalar_one()
    assert kept == 0


def test_no_bad_input_is_written_to_the_server_log(running: Running) -> None:
    for case in corpus():
        if case.send == "rest":
            post(running.servers, case)
    log = (running.servers.log_dir / "rasa.log").read_text(encoding="utf-8", errors="replace")
    for words in ("mould is spreading", "DROP TABLE", "alert(", "التدفئة"):
        assert words not in log


def test_a_rest_client_cannot_name_its_own_channel(running: Running) -> None:
    """Rasa would record the client's `input_channel`; a caller could pass as a phone call."""
    sender = f"spoof-{uuid.uuid4().hex[:8]}"
    requests.post(
        f"{running.servers.rasa_url}{REST}",
        json={"sender": sender, "message": "hello", "input_channel": "phone"},
        timeout=60,
    ).raise_for_status()
    engine = create_engine(running.servers.tracker_store_url, future=True)
    with engine.connect() as connection:
        channels = connection.execute(
            text("SELECT data FROM events WHERE sender_id = :sender AND type_name = 'user'"),
            {"sender": sender},
        ).scalars()
        assert [json.loads(data)["input_channel"] for data in channels] == ["rest"]
