"""A list of complaints costs the same few queries however long it is: each complaint's
representative, adjustments and transcript are loaded for the whole list at once."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

from sqlalchemy.engine import Engine

from bot.casestore.domain import Complaint, Representative, TranscriptLine
from bot.casestore.engine import make_engine
from bot.casestore.services import CaseStore
from bot.casestore.unit_of_work import UnitOfWork
from bot.policy import Policy
from tests.integration.statements import statements_run
from tests.integration.test_case_store import RECEIVED, handover

# The complaint lists staff and reports read, each as a function of a unit of work.
LISTS: dict[str, Callable[[UnitOfWork], list[Complaint]]] = {
    "recent": lambda uow: uow.cases.recent_complaints(50),
    "open": lambda uow: uow.cases.open_complaints(),
    "received in the year": lambda uow: uow.cases.complaints_between(
        RECEIVED - timedelta(days=1), RECEIVED + timedelta(days=365)
    ),
    "to escalate": lambda uow: uow.cases.stage_1_complaints_not_escalated("example.org"),
}


def log_complaints(store: CaseStore, first: int, count: int) -> None:
    """Complaints with every kind of child record: a representative, an adjustment, a transcript."""
    for number in range(first, first + count):
        representative = Representative("B Daughter", "family", "A Resident", "given", RECEIVED)
        adjustment = store.adjustment("large_print", "Large print letters", False, False)
        line = TranscriptLine(RECEIVED, "resident", f"message {number}")
        store.submit_complaint(
            handover(f"conv-{number}:turn-1", conversation_id=f"conv-{number}",
                     representative=representative, adjustments=(adjustment,),
                     transcript=(line,))
        )  # fmt: skip


def queries_per_list(engine: Engine, store: CaseStore) -> dict[str, tuple[int, int]]:
    """Each list: (complaints listed, queries it took)."""
    measured = {}
    for name, listing in LISTS.items():
        with store.unit_of_work() as uow, statements_run(engine) as statements:
            complaints = listing(uow)
        measured[name] = (len(complaints), len(statements))
    return measured


def test_a_complaint_list_takes_the_same_queries_for_two_complaints_as_for_eight(
    database_url: str, policy: Policy
) -> None:
    engine = make_engine(database_url)
    store = CaseStore(engine, policy)
    log_complaints(store, 1, 2)
    two = queries_per_list(engine, store)
    log_complaints(store, 3, 6)
    eight = queries_per_list(engine, store)
    for name in LISTS:
        assert (two[name][0], eight[name][0]) == (2, 8), name
        print(f"{name}: {two[name][1]} queries for 2 complaints, {eight[name][1]} for 8")
        assert eight[name][1] == two[name][1] <= 4, f"{name}: {two[name]} then {eight[name]}"
    # Each complaint has its own children, whichever list read it.
    with store.unit_of_work() as uow:
        listed = {c.conversation_id: c for c in uow.cases.recent_complaints(50)}
    assert all(c.representative is not None and c.adjustments for c in listed.values())
    assert [c.transcript[0].text for _, c in sorted(listed.items())][:2] == [
        "message 1", "message 2"
    ]  # fmt: skip
