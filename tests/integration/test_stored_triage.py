"""A contact keeps its whole triage, without special category data, on real SQLite and
PostgreSQL; a console started afresh on the case store, with no model to parse with, shows a
call's triage from it."""

from __future__ import annotations

import json
import re
from datetime import datetime, timezone
from pathlib import Path

from sqlalchemy import select

from bot.casestore import tables
from bot.casestore.domain import ContactRecord
from bot.casestore.services import CaseStore
from bot.console.forms import CHANNEL
from bot.policy import Policy
from bot.triage import TriageResult, triage
from tests.console.client import ConsoleClient
from tests.console.lone_console import lone_console
from tests.console.staff import add_staff
from tests.unit.test_triage import parse_text

RECEIVED = datetime(2027, 1, 4, 9, tzinfo=timezone.utc)
# A complaint, told by the resident's son, who needs large print and whose mother is deaf.
CALL = "my mum is deaf and the damp is back, nobody came. send letters in large print please"


def call_triage(policy: Policy) -> TriageResult:
    result = triage(parse_text(CALL, {"dissatisfaction": 0.9, "service_request": 0.1}, policy),
                    policy)  # fmt: skip
    assert set(result.adjustments) == {"hearing", "large_print"}
    assert any(reason.special_category for reason in result.reasons)
    return result


def stored_triage(store: CaseStore, contact_id: int) -> str:
    with store.unit_of_work() as uow:
        kept = uow.connection.execute(
            select(tables.contacts.c.triage).where(tables.contacts.c.id == contact_id)
        ).scalar_one()
    return json.dumps(kept)


def test_a_contact_keeps_its_triage_without_the_health_needs_it_heard(
    store: CaseStore, policy: Policy
) -> None:
    """Whichever channel records it (the chat's turn, the console's call), the triage is kept in
    the contact's own write, and a disclosed health need is not in it: there is no consent at
    triage, which is asked after (5.10). A need that is not about health is kept."""
    result = call_triage(policy)
    chat = ContactRecord.triaged(result, "conv-1", "socketio", RECEIVED, CALL, "conv-1:turn-1")
    call = ContactRecord.triaged(result, "phone-1", CHANNEL, RECEIVED, CALL, model_version="m-1")
    for contact_id in (store.record_triage(chat, None), store.record_contact(call)):
        kept = store.contact(contact_id)
        assert kept is not None and kept.triage == result.consent_safe(policy)
        assert kept.triage.adjustments == ("large_print",)
        assert kept.triage.offers_complaint and kept.triage.parts == result.parts
        raw = stored_triage(store, contact_id)
        assert "hearing" not in raw and "5.10" not in raw
        assert '"offers_complaint": true' in raw
        assert kept.model_version == (None if kept.channel == "socketio" else "m-1")


def test_a_call_page_after_a_restart_shows_the_stored_triage_without_parsing_again(
    store: CaseStore, policy: Policy, database_url: str, tmp_path: Path
) -> None:
    """A console started afresh on the case store has no model loaded, so it cannot parse: a new
    call is refused ("still starting") while the call recorded before shows its triage."""
    contact_id = store.record_contact(
        ContactRecord.triaged(call_triage(policy), "phone-2", CHANNEL, RECEIVED, CALL)
    )
    # A call recorded before the whole triage was kept shows what its own columns say.
    older_id = store.record_contact(
        ContactRecord("phone-0", CHANNEL, RECEIVED, "my tap drips", "service_request",
                      "service_request", 0.9, None, (), ({"code": "1.4", "text": "A request"},),
                      service_area="leaks_and_plumbing")
    )  # fmt: skip
    password = add_staff(database_url, "rhea.restart")
    with lone_console(database_url, tmp_path) as url:
        client = ConsoleClient(url)
        assert client.sign_in("rhea.restart", password).status_code == 303
        client.get("/console/")
        assert client.post("/console/triage", {"text": CALL}).status_code == 503
        older = client.get(f"/console/contacts/{older_id}")
        page = client.get(f"/console/contacts/{contact_id}")
    assert older.status_code == 200
    assert "Service request: the caller wants something done" in older.text
    assert "A request" in older.text and 'value="leaks_and_plumbing" selected' in older.text
    assert page.status_code == 200, page.text
    assert "Complaint: the caller is unhappy with our service" in page.text
    assert "Offer the choice to make a complaint" in page.text
    prompt = re.search(r'<li id="prompt-adjustments".*?</li>', page.text, re.DOTALL)
    assert prompt is not None and policy.needs["large_print"].offer in prompt[0]
    assert policy.needs["hearing"].offer not in prompt[0]
    assert re.search(r'name="needs" value="large_print"[^>]*checked', page.text)
    assert not re.search(r'name="needs" value="hearing"[^>]*checked', page.text)
