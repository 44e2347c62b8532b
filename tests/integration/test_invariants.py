"""Rules the case store keeps whoever calls it: one Stage 2 per Stage 1 and only from a Stage 1,
the requester's words kept as theirs, and one conversation turn written whole, once."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest
from sqlalchemy import column, insert, select, table
from sqlalchemy.exc import IntegrityError

from bot.casestore import migrations, tables
from bot.casestore.domain import Complaint, ContactRecord, ServiceRequest
from bot.casestore.engine import make_engine
from bot.casestore.repository import CaseRepository
from bot.casestore.services import CaseStore
from tests.integration.test_case_store import RECEIVED, handover

DAY = timedelta(days=1)
DUPLICATE = "CMP-2026-999999"


def answered(store: CaseStore, handover_key: str) -> Complaint:
    """A Stage 1 complaint with our answer sent: one that may go to Stage 2 (6.10)."""
    logged = store.submit_complaint(handover(handover_key))
    return store.record_response(logged.reference, "not_upheld", "officer")


def stage_2_before_the_rule(store: CaseStore, stage_1: Complaint) -> Complaint:
    """The Stage 2 of an unanswered Stage 1, written as before the answered-or-late rule."""
    with store.unit_of_work() as uow:
        uow.cases.add_complaint(
            replace(stage_1, id=None, reference="", stage=2, escalated_from_id=stage_1.id),
            "before:stage_2",
            None,
        )
        uow.commit()
    stage_2 = store.stage_2_of(stage_1)
    assert stage_2 is not None
    return stage_2


def test_a_stage_1_not_yet_answered_nor_late_stays_at_stage_1_and_nothing_is_logged(
    store: CaseStore,
) -> None:
    stage_1 = store.submit_complaint(handover("chat:1:complaint"))
    stays = store.escalate(stage_1, "chat:2:stage_2", "socketio", RECEIVED, "now please")
    assert (stays.stage_2, stays.already) == (None, False)
    with store.unit_of_work() as uow:
        assert uow.cases.count_complaints() == 1


def test_a_stage_1_at_stage_2_already_is_told_its_stage_2_even_if_never_answered(
    store: CaseStore,
) -> None:
    """A Stage 1 that went to Stage 2 before the answered-or-late rule: the Stage 2 it has,
    never "stays at Stage 1" (the rule was checked before the lookup)."""
    stage_1 = store.submit_complaint(handover("chat:1:complaint"))
    stage_2 = stage_2_before_the_rule(store, stage_1)
    again = store.escalate(stage_1, "chat:2:stage_2", "socketio", RECEIVED, "where is it")
    assert again.stage_2 == stage_2 and again.already


def test_a_complaint_goes_to_stage_2_once_however_often_and_by_whom_it_is_asked(
    store: CaseStore,
) -> None:
    stage_1 = answered(store, "chat:1:complaint")
    first = store.escalate(stage_1, "chat:2:stage_2", "socketio", RECEIVED, "not happy")
    assert not first.already and first.stage_2.escalated_from_id == stage_1.id
    retried = store.escalate(stage_1, "chat:2:stage_2", "socketio", RECEIVED, "not happy")
    assert (retried.stage_2.reference, retried.already) == (first.stage_2.reference, False)
    again = store.escalate(stage_1, "phone:call-9:stage_2", "phone", RECEIVED, "still unhappy")
    assert (again.stage_2.reference, again.already) == (first.stage_2.reference, True)
    with store.unit_of_work() as uow:
        assert uow.cases.count_complaints() == 2


def test_a_stage_2_is_not_taken_to_stage_2_and_its_requester_is_told_the_stage_2_it_is(
    store: CaseStore,
) -> None:
    stage_1 = answered(store, "chat:1:complaint")
    stage_2 = store.escalate(stage_1, "chat:2:stage_2", "socketio", RECEIVED, "").stage_2
    assert stage_2 is not None
    again = store.escalate(stage_2, "chat:3:stage_2", "socketio", RECEIVED, "")
    assert (again.stage_2, again.already) == (stage_2, True)
    with store.unit_of_work() as uow:
        assert uow.cases.count_complaints() == 2


def test_the_schema_holds_one_stage_2_per_stage_1_whatever_writes_it(store: CaseStore) -> None:
    stage_1 = answered(store, "chat:1:complaint")
    stage_2 = store.escalate(stage_1, "chat:2:stage_2", "socketio", RECEIVED, "").stage_2
    with pytest.raises(IntegrityError), store.unit_of_work() as uow:
        uow.cases.add_complaint(replace(stage_2, id=None), "another:key", None)


def test_the_requesters_words_are_kept_as_theirs_beside_the_residents_stage_1_words(
    store: CaseStore,
) -> None:
    stage_1 = answered(store, "chat:1:complaint")
    escalated = store.escalate(stage_1, "chat:2:stage_2", "phone", RECEIVED, "the repair waits")
    stored = store.complaint(escalated.stage_2.reference)
    assert stored is not None
    assert stored.definition == stage_1.definition  # "the mould is back and nobody came"
    assert stored.request_words == "the repair waits"
    no_reason = answered(store, "chat:3:complaint")
    asked = store.escalate(no_reason, "chat:4:stage_2", "phone", RECEIVED, "").stage_2
    assert asked.request_words is None and asked.definition == no_reason.definition


def _turn(
    key: str, label: str = "excluded", ground: str | None = "rent_or_charge_level"
) -> ContactRecord:
    return ContactRecord("conv-5", "socketio", RECEIVED, "my rent has gone up far too much",
                         label, "dispute_rent_level", 0.9, ground, (), (),
                         turn_key=key)  # fmt: skip


def test_a_first_asb_report_is_for_the_asb_team_not_a_complaints_officer(
    store: CaseStore,
) -> None:
    report = replace(_turn("conv-5:m1:contact", ground="asb_report"), intent="report_asb")
    contact_id = store.record_triage(report, service_request=ServiceRequest("asb_report", False))
    assert store.pending_exclusions() == []
    assert store.service_request(contact_id).category == "asb_report"  # type: ignore[union-attr]


def test_a_retried_triage_turn_records_nothing_twice(store: CaseStore) -> None:
    contact_id = store.record_triage(_turn("conv-5:m1:contact"), service_request=None)
    assert store.record_triage(_turn("conv-5:m1:contact"), service_request=None) == contact_id
    assert store.pending_exclusions() == []  # until the resident chooses to complain
    for _ in range(2):
        store.record_choice(contact_id, "complaint")
    assert [p.contact_id for p in store.pending_exclusions()] == [contact_id]
    request = _turn("conv-5:m2:contact", "service_request", None)
    request_id = store.record_triage(
        request, service_request=ServiceRequest("heating_and_hot_water", True)
    )
    store.record_triage(request, service_request=ServiceRequest("heating_and_hot_water", True))
    with store.unit_of_work() as uow:
        requests = uow.cases.service_requests_between(RECEIVED - DAY, RECEIVED + DAY)
    assert [(r.contact_id, r.urgent) for r in requests] == [(request_id, True)]


def _process_dies(*_: object) -> int:
    raise RuntimeError("the process died between the writes")


def test_a_crash_while_a_turn_is_written_leaves_none_of_it(
    store: CaseStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    request = ServiceRequest("heating_and_hot_water", True)
    monkeypatch.setattr(CaseRepository, "add_service_request", _process_dies)
    with pytest.raises(RuntimeError):
        store.record_triage(_turn("conv-5:m1:contact"), service_request=request)
    monkeypatch.undo()
    with store.unit_of_work() as uow:
        assert uow.cases.contact_for_turn("conv-5:m1:contact") is None
    # The retry writes the whole turn.
    contact_id = store.record_triage(_turn("conv-5:m1:contact"), service_request=request)
    assert store.service_request(contact_id) == request


def test_a_choice_to_complain_and_its_proposal_are_written_together(
    store: CaseStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    contact_id = store.record_triage(_turn("conv-5:m1:contact"), service_request=None)
    monkeypatch.setattr(CaseRepository, "add_exclusion_proposal", _process_dies)
    with pytest.raises(RuntimeError):
        store.record_choice(contact_id, "complaint")
    monkeypatch.undo()
    assert store.contact(contact_id).choice is None  # type: ignore[union-attr]
    store.record_choice(contact_id, "complaint")
    assert [p.contact_id for p in store.pending_exclusions()] == [contact_id]


def test_the_migration_keeps_the_first_of_two_stage_2s_linked_and_names_the_other(
    store: CaseStore, database_url: str
) -> None:
    """Before the index, a complaint could be taken to Stage 2 twice; the upgrade must not fail
    on such data, nor drop a case: the later Stage 2 loses its link and an officer is told."""
    stage_1 = answered(store, "chat:1:complaint")
    first = store.escalate(stage_1, "chat:2:stage_2", "socketio", RECEIVED, "").stage_2
    migrations.downgrade(database_url, "0007")
    complaints = tables.complaints.c
    # Columns added by 0008, 0009 and 0013 are not there at 0007.
    added_later = ("id", "request_words", "postal_address", "contact_factors")
    copied = [c for c in tables.complaints.columns if c.name not in added_later]
    at_0007 = table("complaints", *(column(c.name, c.type) for c in copied))
    with make_engine(database_url).begin() as db:
        values = db.execute(select(*copied).where(complaints.id == first.id)).one()._asdict()
        db.execute(
            insert(at_0007).values(
                {**values, "handover_key": "phone:call-1:stage_2", "reference": DUPLICATE}
            )
        )
    migrations.upgrade(database_url)
    with make_engine(database_url).connect() as db:
        links = db.execute(
            select(complaints.id, complaints.escalated_from_id)
            .where(complaints.stage == 2)
            .order_by(complaints.id)
        ).all()
    assert [link for _, link in links] == [stage_1.id, None]
    with store.unit_of_work() as uow:
        assert uow.cases.audit_trail(DUPLICATE) == [
            ("migration 0008", "duplicate_stage_2_unlinked", {"stage_1": stage_1.reference})
        ]
