"""The one identity check the chat uses for the status and for Stage 2 by reference: the same
answer whether a reference does not exist or the details are wrong, and limits on failed tries per
reference and overall, so a new conversation for each guess gets nowhere."""

from __future__ import annotations

from bot.casestore.engine import make_engine
from bot.casestore.services import CaseStore, IdentityLimits
from bot.policy import Policy
from tests.integration.test_case_store import handover


def test_the_reference_and_the_detail_on_file_find_the_complaint_and_nothing_less_does(
    store: CaseStore,
) -> None:
    mine = store.submit_complaint(handover("a", contact_details="07700 900123"))
    assert store.identify(mine.reference, "+447700900123") == mine
    assert store.identify(mine.reference, "Resident") is None  # the surname
    # A reference nobody has been given: nothing in the answer says it does not exist.
    assert store.identify("CMP-2026-999999", "07700 900123") is None


def test_guessing_one_reference_from_many_conversations_is_stopped(store: CaseStore) -> None:
    mine = store.submit_complaint(handover("a", contact_details="resident@example.org"))
    for guess in range(IdentityLimits().per_reference):
        assert store.identify(mine.reference, f"0770090{guess:04d}") is None
    # The resident themself now waits too; they are told an officer will contact them.
    assert store.identify(mine.reference, "resident@example.org") is None
    other = store.submit_complaint(handover("b", contact_details="other@example.org"))
    assert store.identify(other.reference, "other@example.org") == other


def test_guessing_across_references_is_stopped_overall(
    store: CaseStore, database_url: str, policy: Policy
) -> None:
    strict = CaseStore(make_engine(database_url), policy, limits=IdentityLimits(overall=3))
    mine = strict.submit_complaint(handover("a", contact_details="resident@example.org"))
    for number in range(3):
        assert strict.identify(f"CMP-2026-90000{number}", "guess@example.org") is None
    assert strict.identify(mine.reference, "resident@example.org") is None
    with store.unit_of_work() as uow:
        trail = uow.cases.audit_trail("CMP-2026-900000")
    assert [kind for _, kind, _ in trail] == ["identity_check_failed"]
