"""Who may hear about or move a complaint: the reference plus the email or phone number stored
with it, compared exactly once each is put in one form. Surnames never count."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timezone

import pytest

from bot.casestore.domain import Complaint, ComplaintDefinition, second_factors

ON_FILE = Complaint(
    reference="CMP-2026-000007",
    stage=1,
    status="open",
    conversation_id="chat-1",
    channel="socketio",
    received_at=datetime(2026, 12, 1, tzinfo=timezone.utc),
    clock_start=date(2026, 12, 1),
    acknowledgement_due=date(2026, 12, 8),
    response_due=date(2026, 12, 22),
    definition=ComplaintDefinition(("mould",), ("fix it",), True, "the mould is back"),
    contact_name="Grace Mensah",
    contact_details="Grace.Mensah@example.org or 07700 900123",
    contact_preference="email",
)


@pytest.mark.parametrize(
    "answer",
    [
        "grace.mensah@EXAMPLE.org",
        "it's grace.mensah@example.org thanks",
        "07700900123",
        "+44 7700 900 123",
        "my number is 07700-900-123",
    ],
)
def test_the_email_or_phone_on_file_in_any_usual_form_identifies(answer: str) -> None:
    assert ON_FILE.identified_by(answer)


@pytest.mark.parametrize(
    "answer",
    [
        "Mensah",  # a surname alone was enough for the status check
        "grace mensah",
        "mensah@example.org",
        "07700 900124",
        "900123",  # the last digits, which the old lookup searched on
        # Stuffing: every surname going plus the right number, or several numbers at once.
        " ".join(["smith", "jones", "mensah", "patel", "okafor"] * 15)
        + " 07700 900123 07700 900124",
        "07700 900123, 07700 900124, grace.mensah@example.org",
        "",
    ],
)
def test_a_surname_a_near_miss_or_a_stuffed_answer_does_not(answer: str) -> None:
    assert not ON_FILE.identified_by(answer)


def test_a_complaint_with_no_email_or_phone_on_file_is_identified_by_nothing() -> None:
    by_post = replace(ON_FILE, contact_details="Flat 2, 10 High Street")
    assert second_factors(by_post.contact_details) == frozenset()
    assert not by_post.identified_by("Flat 2, 10 High Street")
