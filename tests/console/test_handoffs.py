"""Waiting for a person, over real HTTP: staff see who asked, why and what was said, on the live
chat pages, and take a conversation there, the one way that tells the resident a person joined.
The old "Waiting for a person" page, whose "Pick up" told the resident nothing, is gone."""

from __future__ import annotations

import re
import secrets
from datetime import datetime, timedelta, timezone

import pytest

from bot.casestore.domain import ContactRecord, Handoff, TranscriptLine
from bot.casestore.services import CaseStore
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


def test_a_resident_waiting_for_a_person_is_listed_with_why_and_what_was_said_as_text(
    signed_in: ConsoleClient, cases: CaseStore
) -> None:
    handoff = waiting_handoff(cases)
    listed = signed_in.get("/console/live")
    assert listed.headers["Cache-Control"] == "no-store"
    assert f'href="/console/live/{handoff.id}">Web chat, waiting 0 minutes</a>' in listed.text
    # What residents typed is shown as text, never as markup.
    assert "<script>" not in listed.text
    assert "Asked for a person: <q>can i talk to a real person &lt;script&gt;" in listed.text
    page = signed_in.get(f"/console/live/{handoff.id}").text
    assert "<script>alert" not in page and "<b>again" not in page
    assert "alert(&#39;x&#39;)&lt;/script&gt; &amp; not a bot" in page
    assert "my boiler is broken &lt;b&gt;again&lt;/b&gt;" in page


def test_a_conversation_waiting_for_a_reason_of_its_own_shows_it(
    signed_in: ConsoleClient, cases: CaseStore
) -> None:
    """An unmatched Stage 2 request waits for staff without the resident asking for a person
    (actions.escalation): the queue says why, so it is not read as a request for a person."""
    now = datetime.now(timezone.utc).replace(microsecond=0)
    said = (TranscriptLine(now, "resident", "escalate CMP-2026-999999 please"),)
    reason = "Stage 2 request: find the complaint (the details given did not match one)"
    cases.record_handoff(
        Handoff(f"chat-{secrets.token_hex(4)}", "socketio", now, said, reason=reason)
    )
    listed = signed_in.get("/console/live").text
    assert f"<dd>{reason}</dd>" in listed


def test_the_old_waiting_page_leads_to_live_chat_and_its_silent_pick_up_is_gone(
    signed_in: ConsoleClient, cases: CaseStore
) -> None:
    handoff = waiting_handoff(cases)
    assert "/console/handoffs" not in signed_in.get("/console/live").text  # not in the menu
    moved = signed_in.get("/console/handoffs")
    assert (moved.status_code, moved.headers["Location"]) == (303, "/console/live")
    signed_in.get("/console/live")
    picked = signed_in.post(f"/console/handoffs/{handoff.id}/pick-up", {})
    assert picked.status_code == 404
    assert handoff.id in [h.id for h in cases.waiting_handoffs()]
    with cases.unit_of_work() as uow:
        assert uow.cases.audit_trail(f"handoff:{handoff.id}") == []


def test_taking_over_needs_the_form_token(signed_in: ConsoleClient, cases: CaseStore) -> None:
    handoff = waiting_handoff(cases)
    signed_in.get(f"/console/live/{handoff.id}")
    for token in (None, "0" * 64):
        taken = signed_in.post(f"/console/live/{handoff.id}/take", {}, token=token)
        assert taken.status_code == 403
    assert handoff.id in [h.id for h in cases.waiting_handoffs()]
    page = signed_in.get(f"/console/live/{handoff.id}").text
    assert re.search(rf'action="/console/live/{handoff.id}/take"', page)


def test_danger_told_in_a_waiting_conversation_is_shown_on_its_card(
    signed_in: ConsoleClient, cases: CaseStore
) -> None:
    handoff = waiting_handoff(cases)
    now = datetime.now(timezone.utc)
    cases.record_contact(
        ContactRecord(handoff.conversation_id, "socketio", now, "he hit me, I'm frightened",
                      "service_request", "service_request", 0.7, None, ("domestic_abuse",), ())
    )  # fmt: skip
    page = signed_in.get("/console/live").text
    card = page[page.index(f'id="live-{handoff.id}-title"') :]
    assert (
        "<strong>Domestic abuse</strong>: the emergency route was given"
        in card.split("</article>")[0]
    )
