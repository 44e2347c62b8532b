"""A call page after a restart: a console started afresh on the same case store, with no model
loaded (so it cannot parse anything), shows the call exactly as the server that triaged it did."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.conftest import Running
from tests.console.client import ConsoleClient
from tests.console.lone_console import lone_console
from tests.console.staff import add_staff
from tests.console.test_console_http import triaged

pytestmark = pytest.mark.server

CALL = "my son rang 3 times about the mould in the bathroom and nobody came. I want it fixed"
FORM_TOKEN = re.compile(r'name="csrf_token" value="[^"]+"')


def signed_in(url: str, username: str, password: str) -> ConsoleClient:
    client = ConsoleClient(url)
    assert client.sign_in(username, password).status_code == 303
    client.get("/console/")
    return client


def test_a_call_page_after_a_restart_is_the_page_the_triage_showed(
    running: Running, tmp_path: Path
) -> None:
    password = add_staff(running.database_url, "reza.restart")
    before = signed_in(running.servers.rasa_url, "reza.restart", password)
    contact_id = triaged(before, CALL)
    shown = before.get(f"/console/contacts/{contact_id}").text
    assert "Offer the choice to make a complaint" in shown
    with lone_console(running.database_url, tmp_path) as url:
        after = signed_in(url, "reza.restart", password)
        assert after.post("/console/triage", {"text": CALL}).status_code == 503, "it has a model"
        page = after.get(f"/console/contacts/{contact_id}")
    assert page.status_code == 200
    assert FORM_TOKEN.sub("", page.text) == FORM_TOKEN.sub("", shown)
