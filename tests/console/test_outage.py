"""The case store goes away in the middle of a call: the complaint the handler typed is saved in
the outbox, as a chat complaint is, the handler is told what to say instead of getting an error
page, and the complaint is logged once when the store is back.

A console of its own on PostgreSQL, so its case store can refuse every connection while the rest
of the run carries on."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from bot.casestore import migrations
from bot.casestore.engine import make_engine
from bot.casestore.outbox import ComplaintHandovers, Outbox
from bot.casestore.services import CaseStore
from bot.policy import Policy
from tests.console.client import ConsoleClient
from tests.console.staff import add_staff
from tests.console.test_console_http import COMPLAINT_FORM, triaged
from tests.conversations.servers import Servers, running_servers
from tools.localservers import create_database, running_postgres

pytestmark = pytest.mark.server

DATABASE = "cases"


@dataclass(frozen=True)
class OnPostgres:
    servers: Servers
    server_url: str
    database_url: str
    outbox_path: Path


@pytest.fixture(scope="module")
def on_postgres(tmp_path_factory: pytest.TempPathFactory) -> Iterator[OnPostgres]:
    scratch = tmp_path_factory.mktemp("outage")
    with running_postgres() as server_url:
        database_url = create_database(server_url, DATABASE)
        migrations.upgrade(database_url)
        outbox_path = scratch / "outbox.sqlite3"
        env = {"INTAKE_DATABASE_URL": database_url, "INTAKE_OUTBOX_PATH": str(outbox_path)}
        with running_servers(env, scratch) as servers:
            yield OnPostgres(servers, server_url, database_url, outbox_path)


@contextmanager
def case_store_down(server_url: str) -> Iterator[None]:
    """Every connection to the case store refused, and those open cut, as when it is down."""
    admin = create_engine(server_url, isolation_level="AUTOCOMMIT", future=True)
    with admin.connect() as db:
        db.execute(text(f"ALTER DATABASE {DATABASE} ALLOW_CONNECTIONS false"))
        db.execute(
            text("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = :name"),
            {"name": DATABASE},
        )
    try:
        yield
    finally:
        with admin.connect() as db:
            db.execute(text(f"ALTER DATABASE {DATABASE} ALLOW_CONNECTIONS true"))
        admin.dispose()


def test_with_the_case_store_down_a_typed_complaint_is_saved_and_logged_once_when_it_is_back(
    on_postgres: OnPostgres, policy: Policy
) -> None:
    client = ConsoleClient(on_postgres.servers.rasa_url)
    client.sign_in("cal.handler", add_staff(on_postgres.database_url, "cal.handler"))
    client.get("/console/")
    contact_id = triaged(client)
    store = CaseStore(make_engine(on_postgres.database_url), policy)
    outbox = Outbox(on_postgres.outbox_path)

    with case_store_down(on_postgres.server_url):
        kept = client.post(f"/console/contacts/{contact_id}/complaint", COMPLAINT_FORM)
        assert kept.status_code == 202
        assert "Complaint saved, not yet logged" in kept.text
        assert "so I can&#39;t give you a reference yet" in kept.text
        assert "Housing Ombudsman Service" in kept.text
        assert not re.search(r"CMP-\d{4}-\d{6}", kept.text)
        [waiting] = outbox.pending()
        assert waiting.handover_key == f"phone:{contact_id}:complaint"

        # Forms still need their token, and a page that needs the store says it is away.
        refused = client.post(f"/console/contacts/{contact_id}/complaint", COMPLAINT_FORM,
                              token=None)  # fmt: skip
        assert refused.status_code == 403
        away = client.get(f"/console/contacts/{contact_id}")
        assert away.status_code == 503
        assert "The case store is not answering" in away.text
        assert away.headers["Cache-Control"] == "no-store"

    # Back: the relay delivers it, dated from the call, and the outbox forgets the details.
    assert ComplaintHandovers(outbox, store).relay() == (1, 0)
    contact = store.contact(contact_id)
    assert contact is not None
    with store.unit_of_work() as uow:
        [reference] = uow.cases.complaints_for_conversation(contact.conversation_id)
    complaint = store.complaint(reference)
    assert complaint is not None
    assert complaint.received_at == contact.received_at and complaint.channel == "phone"
    assert complaint.contact_name == COMPLAINT_FORM["contact_name"]
    assert outbox.pending() == []

    # Logged again by mistake: the same complaint, not a second one.
    assert client.get(f"/console/contacts/{contact_id}").status_code == 200
    again = client.post(f"/console/contacts/{contact_id}/complaint", COMPLAINT_FORM)
    assert again.headers["Location"] == f"/console/complaints/{reference}?call={contact_id}"
    with store.unit_of_work() as uow:
        assert uow.cases.complaints_for_conversation(contact.conversation_id) == [reference]
