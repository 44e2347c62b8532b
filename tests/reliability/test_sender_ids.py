"""Nobody writes into another resident's conversation: a REST or socket.io client cannot claim
an X, Messenger, Instagram, console or web chat id, and the web chat accepts only the session
ids the server issued."""

from __future__ import annotations

import json
import uuid

import pytest
import requests
import socketio
from sqlalchemy import create_engine, text

from bot.channels.payloads import UNREADABLE
from bot.channels.sender_ids import SessionIds, rest_may_use
from tests.conftest import Running

REST = "/webhooks/rest/webhook"
CLAIMED = ["x:783214", "messenger:24680", "instagram:13579", "meta:1", "phone-0123456789abcdef"]


def events_of(running: Running, sender: str) -> list[str]:
    engine = create_engine(running.servers.tracker_store_url, future=True)
    with engine.connect() as connection:
        return list(
            connection.execute(
                text("SELECT data FROM events WHERE sender_id = :sender"), {"sender": sender}
            ).scalars()
        )


@pytest.mark.server
@pytest.mark.parametrize("sender", [*CLAIMED, uuid.uuid4().hex])
def test_a_rest_client_cannot_claim_another_channels_conversation(
    running: Running, sender: str
) -> None:
    response = requests.post(
        f"{running.servers.rasa_url}{REST}",
        json={"sender": sender, "message": "can I speak to a person"},
        timeout=60,
    )
    assert response.status_code == 400
    assert "sender" in response.json()["error"]
    assert events_of(running, sender) == []


@pytest.mark.server
def test_the_web_chat_issues_its_own_session_ids_and_refuses_any_other(
    running: Running,
) -> None:
    with socketio.SimpleClient() as client:
        client.connect(running.servers.rasa_url, transports=["polling"])
        client.emit("session_request", {"session_id": "x:783214"})
        event, issued = client.receive(timeout=30)
        assert event == "session_confirm" and issued != "x:783214"
        for claimed in ("x:783214", uuid.uuid4().hex):
            client.emit(
                "user_uttered", {"message": "can I speak to a person", "session_id": claimed}
            )
            assert client.receive(timeout=60) == ["bot_uttered", {"text": UNREADABLE}]
            assert events_of(running, claimed) == []
        # The session it was given works, and asking for it again keeps it.
        client.emit("session_request", {"session_id": issued})
        assert client.receive(timeout=30) == ["session_confirm", issued]
        client.emit("user_uttered", {"message": "hello", "session_id": issued})
        event, reply = client.receive(timeout=120)
    assert event == "bot_uttered" and reply["text"] != UNREADABLE
    assert any(json.loads(data).get("text") == "hello" for data in events_of(running, issued))


def test_a_session_id_is_the_servers_only_if_its_key_signed_it() -> None:
    ours, theirs = SessionIds(b"k" * 32), SessionIds(b"z" * 32)
    issued = ours.issue()
    assert ours.issued(issued) and not theirs.issued(issued)
    assert not ours.issued(uuid.uuid4().hex) and not ours.issued("x:1") and not ours.issued(None)
    assert all(not rest_may_use(sender) for sender in [*CLAIMED, issued])
    assert rest_may_use("test-1234") and rest_may_use("42")
