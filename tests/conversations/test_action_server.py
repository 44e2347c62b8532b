"""The action server answers only the Rasa server: a call without the shared token is refused
before any action runs, and it listens on loopback unless told otherwise."""

from __future__ import annotations

import requests

from bot.action_server import bind_address
from tests.conftest import Running
from tests.conversations.action_calls import confirmation


def test_an_action_call_without_the_token_is_refused_and_nothing_is_logged(
    running: Running,
) -> None:
    call = confirmation("forged-tracker", "turn-1")  # a tracker that would log a complaint
    url = f"{running.servers.action_url}/webhook"
    for headers in ({}, {"Authorization": "Bearer not-the-token"}):
        refused = requests.post(url, json=call, headers=headers, timeout=30)
        assert refused.status_code == 401
        assert "CMP-" not in refused.text
    listed = requests.get(f"{running.servers.action_url}/actions", timeout=30)
    assert listed.status_code == 401
    # Health checks need no token.
    assert requests.get(f"{running.servers.action_url}/health", timeout=30).ok


def test_the_action_server_listens_on_loopback_unless_told_otherwise() -> None:
    assert bind_address({}) == "127.0.0.1"
    assert bind_address({"SANIC_HOST": "10.0.0.5"}) == "10.0.0.5"
