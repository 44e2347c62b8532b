"""Handoffs wait for staff with the conversation; a Stage 2 request finds its complaint without
the reference only when the surname and the phone or email both match one complaint."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from bot.casestore.domain import Handoff, TranscriptLine
from bot.casestore.services import CaseStore
from bot.cli import main
from tests.integration.test_case_store import RECEIVED, handover

SATURDAY_NIGHT = datetime(2026, 11, 28, 22, 0, tzinfo=timezone.utc)


def test_a_handoff_waits_with_its_transcript_and_the_command_line_cannot_take_it_silently(
    store: CaseStore, database_url: str, capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    """Only the console's live chat takes a conversation: it tells the resident a person has
    joined, which a command line cannot."""
    said = (TranscriptLine(SATURDAY_NIGHT, "resident", "the lift is broken again, Flat 9"),)
    waiting = store.record_handoff(Handoff("chat-77", "facebook", SATURDAY_NIGHT, said))
    assert waiting.person_from == datetime(2026, 11, 30, 8, 0, tzinfo=timezone.utc)
    monkeypatch.setenv("INTAKE_DATABASE_URL", database_url)
    assert main(["handoffs", "list"]) == 0
    listed = capsys.readouterr().out
    assert "facebook conversation chat-77" in listed and "the lift is broken again" in listed
    with pytest.raises(SystemExit):
        main(["handoffs", "pick-up", str(waiting.id), "--staff", "j.khan"])
    assert [h.id for h in store.waiting_handoffs()] == [waiting.id]


def test_stage_2_finds_one_complaint_from_surname_and_phone(store: CaseStore) -> None:
    mine = store.submit_complaint(
        handover("a", contact_name="Grace Mensah", contact_details="07700 900123")
    )
    store.submit_complaint(
        handover("b", contact_name="Grace Mensah", contact_details="grace@example.org")
    )
    found = store.find_for_stage_2("mensah", "07700900123")
    assert found is not None and found.reference == mine.reference
    # A surname alone, or a phone number with the wrong surname, finds nothing.
    assert store.find_for_stage_2("mensah", "") is None
    assert store.find_for_stage_2("smith", "07700 900123") is None
    assert store.find_for_stage_2("smith jones mensah patel", "07700 900123") is None


def test_an_escalated_complaint_is_not_found_again(store: CaseStore) -> None:
    logged = store.submit_complaint(
        handover("c", contact_name="Ola Berg", contact_details="ola@example.org")
    )
    stage_1 = store.record_response(logged.reference, "upheld", "officer")
    store.escalate(stage_1, "c:stage2", "web_chat", RECEIVED, "not happy")
    assert store.find_for_stage_2("Berg", "ola@example.org") is None
