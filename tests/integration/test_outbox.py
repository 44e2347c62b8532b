"""No complaint lost or doubled: handovers wait in the outbox while the case store is away."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.app import set_app
from actions.submit import ActionSubmitComplaint
from bot.bootstrap import build_app
from bot.casestore.domain import Adjustment, ComplaintHandover, Representative, TranscriptLine
from bot.casestore.engine import make_engine
from bot.casestore.outbox import ComplaintHandovers, Outbox, handover_from_json, handover_to_json
from bot.casestore.services import CaseStore
from bot.policy import Policy
from bot.replies import kept_lines
from bot.settings import Settings
from tests.conversations.servers import free_port
from tests.integration.test_case_store import RECEIVED, handover


@pytest.fixture
def outbox(tmp_path: Path) -> Outbox:
    return Outbox(tmp_path / "outbox.sqlite3")


def unreachable_store(policy: Policy) -> CaseStore:
    """A PostgreSQL case store on a port where nothing listens: the database is down."""
    url = f"postgresql+psycopg2://postgres@127.0.0.1:{free_port()}/postgres"
    return CaseStore(make_engine(url), policy)


def full_handover() -> ComplaintHandover:
    return handover(
        representative=Representative("Sam Jones", "son", "Mrs Jones, 4 Elm Road", "given",
                                      RECEIVED),
        adjustments=(Adjustment("hearing", "text only", True, RECEIVED.date(), True, True,
                                RECEIVED),),
        transcript=(TranscriptLine(RECEIVED, "resident", "the mould is back"),),
        contact_id=None,
        earlier_request="job 4411",
    )  # fmt: skip


def test_a_handover_survives_the_outbox_exactly_as_it_was() -> None:
    original = full_handover()
    assert handover_from_json(handover_to_json(original)) == original


def test_with_the_database_down_the_complaint_waits_and_is_logged_once_when_it_is_back(
    store: CaseStore, outbox: Outbox, policy: Policy, tmp_path: Path
) -> None:
    while_down = ComplaintHandovers(outbox, unreachable_store(policy))
    assert while_down.submit(full_handover()) is None
    assert [h.handover_key for h in outbox.pending()] == ["conv-1:turn-7"]
    assert while_down.relay() == (0, 1)

    back_up = ComplaintHandovers(outbox, store)
    assert back_up.relay() == (1, 0)
    assert back_up.relay() == (0, 0)
    with make_engine(f"sqlite:///{tmp_path / 'outbox.sqlite3'}").connect() as db:
        kept = db.exec_driver_sql("SELECT payload, reference FROM outbox").all()
    # Delivered: only the key and reference stay on the action server's disk.
    assert [(payload, bool(reference)) for payload, reference in kept] == [("", True)]
    with store.unit_of_work() as uow:
        [reference] = uow.cases.complaints_for_conversation("conv-1")
    logged = store.complaint(reference)
    assert logged is not None
    # The date received is when the resident told us, not when the store came back.
    assert logged.received_at == RECEIVED
    assert logged.representative is not None and logged.earlier_request == "job 4411"


def test_a_handover_the_store_took_before_a_crash_is_not_logged_again(
    store: CaseStore, outbox: Outbox
) -> None:
    """The process died after the case store committed but before the outbox heard back."""
    outbox.put(handover())
    first = store.submit_complaint(handover())
    handovers = ComplaintHandovers(outbox, store)
    assert handovers.relay() == (1, 0)
    with store.unit_of_work() as uow:
        assert uow.cases.complaints_for_conversation("conv-1") == [first.reference]


def test_while_the_database_is_down_the_resident_is_told_the_truth(
    tmp_path: Path, policy: Policy
) -> None:
    dead = f"postgresql+psycopg2://postgres@127.0.0.1:{free_port()}/postgres"
    settings = Settings.from_env(
        {
            "INTAKE_ENV": "development",
            "INTAKE_DATABASE_URL": dead,
            "INTAKE_OUTBOX_PATH": str(tmp_path / "outbox.db"),
        }
    )
    set_app(build_app(settings))
    dispatcher = CollectingDispatcher()
    try:
        tracker = Tracker.from_dict(
            {"sender_id": "down-1", "events": [], "latest_message": {"text": "/affirm"},
             "slots": {"complaint_aspects": "no heating", "outcome_sought": "Fix the problem",
                       "contact_name": "Ann Lee", "contact_details": "ann@example.org",
                       "contact_preference": "email"}}
        )  # fmt: skip
        asyncio.run(ActionSubmitComplaint().run(dispatcher, tracker, {}))
    finally:
        set_app(None)
    said = [m["text"] for m in dispatcher.messages]
    assert said == kept_lines(policy)
    assert "within 5 working days" in said[1]
    assert not any("reference is" in (m.get("text") or "") for m in dispatcher.messages)
    assert len(Outbox(tmp_path / "outbox.db").pending()) == 1
