"""The case store on real SQLite and PostgreSQL: full records, the Code's clock, exactly-once."""

from __future__ import annotations

import multiprocessing
from dataclasses import replace
from datetime import date, datetime, timedelta, timezone

import pytest

from bot.casestore import migrations
from bot.casestore.domain import (
    ComplaintDefinition,
    ComplaintHandover,
    ContactRecord,
    Representative,
    TranscriptLine,
)
from bot.casestore.engine import make_engine
from bot.casestore.services import CaseStore
from bot.hazards import hazard_clocks
from bot.policy import Policy, load_policy
from tests.conftest import ROOT

RECEIVED = datetime(2026, 12, 24, 15, 30, tzinfo=timezone.utc)  # Christmas Eve, a Thursday


def handover(key: str = "conv-1:turn-7", **changes: object) -> ComplaintHandover:
    fields: dict[str, object] = {
        "handover_key": key,
        "conversation_id": "conv-1",
        "channel": "web_chat",
        "received_at": RECEIVED,
        "definition": ComplaintDefinition(
            aspects=("Mould in the bedroom has come back", "Nobody came to the appointment"),
            outcomes=("put it right", "an apology"),
            still_happening=True,
            resident_words="the mould is back and nobody came",
        ),
        "contact_name": "A Resident",
        "contact_details": "resident@example.org",
        "contact_preference": "email",
    }
    fields.update(changes)
    return ComplaintHandover(**fields)  # type: ignore[arg-type]


def test_migrations_match_the_tables_in_code(database_url: str) -> None:
    assert migrations.differences(database_url) == []


def test_a_defined_complaint_is_stored_in_full_with_its_deadlines(store: CaseStore) -> None:
    adjustment = store.adjustment("hearing", "Deaf: email only", disability=True, consent=True)
    representative = Representative("B Daughter", "family", "A Resident", "given", RECEIVED)
    complaint = store.submit_complaint(
        handover(representative=representative, adjustments=(adjustment,))
    )
    assert complaint.reference.startswith("CMP-2026-")
    # Clock starts 24 Dec; 5 working days skip Christmas, the weekend, Boxing Day (observed 28th)
    # and New Year's Day; the response is due 10 working days after that.
    assert complaint.clock_start == date(2026, 12, 24)
    assert complaint.acknowledgement_due == date(2027, 1, 5)
    assert complaint.response_due == date(2027, 1, 19)
    stored = store.complaint(complaint.reference)
    assert stored is not None
    assert stored.received_at == RECEIVED
    assert stored.definition == handover().definition
    assert stored.representative == representative
    assert stored.adjustments[0].need_id == "hearing"
    assert stored.adjustments[0].disability_disclosed and stored.adjustments[0].consent_to_record
    with store.unit_of_work() as uow:
        assert [kind for _, kind, _ in uow.cases.audit_trail(complaint.reference)] == [
            "complaint_logged"
        ]


def test_a_disability_without_consent_is_not_recorded(store: CaseStore) -> None:
    adjustment = store.adjustment("mental_health", "Has PTSD", disability=True, consent=False)
    assert "PTSD" not in adjustment.detail
    assert not adjustment.disability_disclosed and not adjustment.consent_to_record


def test_the_same_turn_retried_gives_the_same_case(store: CaseStore) -> None:
    first = store.submit_complaint(handover())
    second = store.submit_complaint(handover())
    assert first.reference == second.reference
    with store.unit_of_work() as uow:
        assert uow.cases.count_complaints() == 1


def _submit_in_another_process(url: str, barrier: multiprocessing.synchronize.Barrier) -> str:
    store = CaseStore(make_engine(url), load_policy(ROOT / "policy_rules"))
    barrier.wait()
    return store.submit_complaint(handover(key="conv-9:turn-3")).reference


def test_two_processes_handing_over_at_once_make_one_case(store: CaseStore,
                                                          database_url: str) -> None:  # fmt: skip
    context = multiprocessing.get_context("spawn")
    with context.Manager() as manager:
        barrier = manager.Barrier(4)
        with context.Pool(4) as pool:
            references = pool.starmap(_submit_in_another_process, [(database_url, barrier)] * 4)
    assert len(set(references)) == 1
    with store.unit_of_work() as uow:
        assert uow.cases.count_complaints() == 1


def test_references_are_unique_and_sequential(store: CaseStore) -> None:
    references = [store.submit_complaint(handover(key=f"c:{n}")).reference for n in range(3)]
    assert len(set(references)) == 3


def test_an_exclusion_is_a_pending_proposal_with_what_the_resident_was_told(
    store: CaseStore,
) -> None:
    contact_id = store.record_contact(
        ContactRecord(
            "conv-2",
            "web_chat",
            RECEIVED,
            "complaint about my neighbour's dog",
            "excluded",
            "report_asb",
            0.9,
            "asb_report",
            (),
            (),
        )
    )
    store.propose_exclusion(contact_id, "asb_report")
    [proposal] = store.pending_exclusions()
    assert proposal.ground == "asb_report"
    assert proposal.decision == "pending"
    assert proposal.ombudsman_signposted
    assert "anti-social behaviour" in proposal.explanation


def test_the_choice_to_complain_is_recorded_either_way(store: CaseStore) -> None:
    contact_id = store.record_contact(
        ContactRecord(
            "conv-3",
            "messenger",
            RECEIVED,
            "still no hot water",
            "complaint",
            "dissatisfaction",
            0.8,
            None,
            (),
            (),
        )
    )
    store.record_choice(contact_id, "no_complaint")
    with store.unit_of_work() as uow:
        contact = uow.cases.get_contact(contact_id)
        trail = uow.cases.audit_trail(f"contact:{contact_id}")
    assert contact is not None and contact.choice == "no_complaint"
    assert [kind for _, kind, _ in trail] == ["contact_triaged", "choice_recorded"]


def test_the_transcript_is_kept_with_the_case(store: CaseStore) -> None:
    lines = (
        TranscriptLine(RECEIVED, "resident", "the mould is back and nobody came"),
        TranscriptLine(RECEIVED, "assistant", "I'm sorry things have gone wrong."),
    )
    complaint = store.submit_complaint(handover(transcript=lines))
    stored = store.complaint(complaint.reference)
    assert stored is not None and stored.transcript == lines


def test_an_extension_needs_a_reason_and_stays_within_the_code_limit(store: CaseStore) -> None:
    complaint = store.submit_complaint(handover())
    latest = store.calendar.add_working_days(complaint.response_due, 10)
    with pytest.raises(ValueError, match="no later than"):
        store.extend(complaint.reference, latest + timedelta(days=7), "surveyor", "officer-1")
    with pytest.raises(ValueError, match="needs a reason"):
        store.extend(complaint.reference, latest, "  ", "officer-1")
    extended = store.extend(complaint.reference, latest, "Waiting for a surveyor's report",
                            "officer-1")  # fmt: skip
    assert extended.extended_to == latest
    stored = store.complaint(complaint.reference)
    assert stored is not None and stored.extension_reason == "Waiting for a surveyor's report"
    with store.unit_of_work() as uow:
        trail = uow.cases.audit_trail(complaint.reference)
    assert [(actor, kind) for actor, kind, _ in trail][-1] == ("officer-1", "response_extended")


def test_one_turn_is_one_contact_and_a_danger_found_again_is_added(
    store: CaseStore, policy: Policy
) -> None:
    """The safety check and triage record the same message; a retried call records it again."""
    first = ContactRecord(
        "conv-9", "socketio", RECEIVED, "water through the light, smell gas", "service_request",
        "service_request", 0.8, None, ("electrical_danger",), (), turn_key="conv-9:m1:contact",
    )  # fmt: skip
    contact_id = store.record_contact(first)
    again = replace(first, urgency=("electrical_danger", "gas"))
    assert store.record_contact(again) == contact_id
    assert store.contact(contact_id).urgency == ("electrical_danger", "gas")  # type: ignore[union-attr]
    [flagged] = store.urgent_contacts(RECEIVED - timedelta(days=1))
    assert flagged.id == contact_id
    assert store.start_hazard_clocks(contact_id, ("gas",), RECEIVED) == hazard_clocks(
        ("gas",), RECEIVED, policy, store.calendar
    )
    store.start_hazard_clocks(contact_id, ("gas",), RECEIVED)
    [stored] = store.hazard_clocks(contact_id)
    assert (stored.category, stored.due) == ("gas", {"make_safe": RECEIVED + timedelta(hours=24)})
