"""Real conversations over the REST channel against a running Rasa server and action server."""

from __future__ import annotations

import uuid

import pytest

from tests.conversations.servers import Servers

pytestmark = pytest.mark.server


def texts(replies: list[dict]) -> str:
    return " ".join(reply.get("text", "") for reply in replies)


def new_sender() -> str:
    return f"test-{uuid.uuid4().hex[:10]}"


def test_greeting_says_it_is_automated_and_a_person_is_available(servers: Servers) -> None:
    reply = texts(servers.say(new_sender(), "hello"))
    assert "automated assistant for Sample Homes" in reply
    assert "talk to a person at any time" in reply
    assert "https://sample-homes.example/privacy" in reply


def test_dissatisfaction_without_the_word_complaint_gets_the_offer(servers: Servers) -> None:
    sender = new_sender()
    replies = servers.say(
        sender, "the mould in my sons bedroom is back AGAIN and nobody has come out, fed up"
    )
    assert "make a formal complaint" in texts(replies)
    buttons = [b["title"] for r in replies for b in r.get("buttons", [])]
    assert buttons == ["Make a formal complaint", "Put it right without a complaint"]
    assert "without a formal complaint" in texts(servers.say(sender, "/deny"))


def test_plain_repair_request_is_a_service_request(servers: Servers) -> None:
    reply = texts(servers.say(new_sender(), "hi could someone come and fix my kitchen tap please"))
    assert "request for our team" in reply
    assert "formal complaint" not in reply


def test_asking_for_a_person_gets_the_handoff(servers: Servers) -> None:
    reply = texts(servers.say(new_sender(), "can I speak to a person"))
    assert "I'll pass you to a person" in reply
    assert "0300 000 0000" in reply


def test_after_two_misunderstandings_a_person_is_offered(servers: Servers) -> None:
    sender = new_sender()
    first = servers.say(sender, "what's the weather like in spain")
    assert "Talk to a person" not in [b["title"] for r in first for b in r.get("buttons", [])]
    second = servers.say(sender, "tell me a joke")
    assert "Talk to a person" in [b["title"] for r in second for b in r.get("buttons", [])]


def test_an_old_problem_is_asked_about_explained_and_never_refused(servers: Servers) -> None:
    sender = new_sender()
    first = texts(
        servers.say(sender, "back in 2023 your gas engineer was really rude to me on a visit")
    )
    assert "more than 12 months ago. Is it still happening" in first
    after = texts(servers.say(sender, "/deny"))
    assert "This is not a decision" in after
    assert "make a formal complaint" in after
