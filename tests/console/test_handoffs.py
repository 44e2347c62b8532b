"""Waiting for a person, over real HTTP: staff see who asked, why and what was said, and one of
them picks the conversation up, named in the audit trail."""

from __future__ import annotations

import re
import secrets
from datetime import datetime, timedelta, timezone

import pytest

from bot.casestore.domain import ContactRecord, Handoff, TranscriptLine
from bot.casestore.services import CaseStore
from bot.console.pages import uk_time
from tests.conftest import Running
from tests.console.client import ConsoleClient

pytestmark = pytest.mark.server

ASKED = "can i talk to a real person <script>alert('x')</script> & not a bot"


def waiting_handoff(cases: CaseStore) -> Handoff:
    """A web chat resident who asked for a person a moment ago."""
    now = datetime.now(timezone.utc).replace(microsecond=0)
    said = (
        TranscriptLine(now - timedelta(minutes=2), "resident", "my boiler is broken <b>again</b>"),
        TranscriptLine(now - timedelta(minutes=2), "assistant", "I'm sorry to hear that."),
        TranscriptLine(now, "resident", ASKED),
    )
    return cases.record_handoff(Handoff(f"chat-{secrets.token_hex(4)}", "socketio", now, said))


def pick_up_path(handoff: Handoff) -> str:
    return f"/console/handoffs/{handoff.id}/pick-up"


def test_a_resident_waiting_for_a_person_is_listed_with_when_why_and_what_was_said(
    signed_in: ConsoleClient, cases: CaseStore
) -> None:
    handoff = waiting_handoff(cases)
    assert 'href="/console/handoffs">Waiting for a person</a>' in signed_in.page  # in the menu
    response = signed_in.get("/console/handoffs")
    assert response.status_code == 200
    assert response.headers["Cache-Control"] == "no-store"
    page = response.text
    since = uk_time(handoff.requested_at)
    assert f'id="handoff-{handoff.id}-title">Web chat, waiting since {since}</h2>' in page
    assert f'action="{pick_up_path(handoff)}"' in page
    # What residents typed is shown as text, never as markup.
    assert "<script>" not in page and "<b>again" not in page
    assert "alert(&#39;x&#39;)&lt;/script&gt; &amp; not a bot" in page
    assert "my boiler is broken &lt;b&gt;again&lt;/b&gt;" in page
    assert "Asked for a person: <q>can i talk to a real person &lt;script&gt;" in page


def test_picking_up_is_audited_in_the_handlers_name_and_a_second_person_is_told_it_is_taken(
    signed_in: ConsoleClient, running: Running, officer: tuple[str, str], cases: CaseStore
) -> None:
    handoff = waiting_handoff(cases)
    signed_in.get("/console/handoffs")
    picked = signed_in.post(pick_up_path(handoff), {})
    assert picked.status_code == 200
    assert "<h1>Picked up</h1>" in picked.text
    assert "Web chat conversation, picked up by hana.handler" in picked.text
    assert "my boiler is broken" in picked.text  # the conversation, to carry on from
    assert handoff.id not in [h.id for h in cases.waiting_handoffs()]
    with cases.unit_of_work() as uow:
        trail = uow.cases.audit_trail(f"handoff:{handoff.id}")
    assert trail == [("hana.handler", "handoff_picked_up", {})]

    colleague = ConsoleClient(running.servers.rasa_url)
    colleague.sign_in(*officer)
    colleague.get("/console/handoffs")
    late = colleague.post(pick_up_path(handoff), {})
    assert late.status_code == 409
    assert "Someone else has already picked this up" in late.text
    with cases.unit_of_work() as uow:
        assert uow.cases.audit_trail(f"handoff:{handoff.id}") == trail


def test_picking_up_needs_the_form_token(signed_in: ConsoleClient, cases: CaseStore) -> None:
    handoff = waiting_handoff(cases)
    signed_in.get("/console/handoffs")
    for token in (None, "0" * 64):
        assert signed_in.post(pick_up_path(handoff), {}, token=token).status_code == 403
    assert handoff.id in [h.id for h in cases.waiting_handoffs()]
    assert re.search(rf'action="{pick_up_path(handoff)}"', signed_in.get("/console/handoffs").text)


def test_danger_told_in_a_waiting_conversation_is_shown_on_its_card(
    signed_in: ConsoleClient, cases: CaseStore
) -> None:
    handoff = waiting_handoff(cases)
    now = datetime.now(timezone.utc)
    cases.record_contact(
        ContactRecord(handoff.conversation_id, "socketio", now, "he hit me, I'm frightened",
                      "service_request", "service_request", 0.7, None, ("domestic_abuse",), ())
    )  # fmt: skip
    page = signed_in.get("/console/handoffs").text
    card = page[page.index(f'id="handoff-{handoff.id}-title"') :]
    assert (
        "<strong>Domestic abuse</strong>: the emergency route was given"
        in card.split("</article>")[0]
    )
