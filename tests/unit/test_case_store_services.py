"""Case store services against a fake unit of work (cosmicpython's FakeUnitOfWork): the rules
of the service layer, with no database. What a service writes counts only once it commits."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timezone
from types import TracebackType
from typing import Any

import pytest

from bot.casestore.domain import ContactRecord, ExclusionProposal
from bot.casestore.services import CaseStore
from bot.policy import Policy

RECEIVED = datetime(2027, 1, 4, 9, 30, tzinfo=timezone.utc)


class FakeCases:
    """The contacts and audit events of the case store's repository, in memory."""

    def __init__(self) -> None:
        self.contacts: dict[int, ContactRecord] = {}
        self.events: list[tuple[str, str, dict[str, Any]]] = []
        self.proposals: list[ExclusionProposal] = []

    def get_contact(self, contact_id: int) -> ContactRecord | None:
        return self.contacts.get(contact_id)

    def has_exclusion_proposal(self, contact_id: int) -> bool:
        return any(p.contact_id == contact_id for p in self.proposals)

    def add_exclusion_proposal(self, proposal: ExclusionProposal) -> int:
        self.proposals.append(proposal)
        return len(self.proposals)

    def add_contact(self, contact: ContactRecord) -> int:
        contact_id = len(self.contacts) + 1
        self.contacts[contact_id] = replace(contact, id=contact_id)
        return contact_id

    def contact_for_turn(self, turn_key: str) -> ContactRecord | None:
        return next((c for c in self.contacts.values() if c.turn_key == turn_key), None)

    def set_urgency(self, contact_id: int, urgency: tuple[str, ...]) -> None:
        self.contacts[contact_id] = replace(self.contacts[contact_id], urgency=urgency)

    def record_choice(self, contact_id: int, choice: str, at: datetime) -> None:
        self.contacts[contact_id] = replace(self.contacts[contact_id], choice=choice, choice_at=at)

    def audit(self, at: datetime, actor: str, kind: str, subject: str, **detail: Any) -> None:
        self.events.append((kind, subject, detail))


class FakeUnitOfWork:
    """Writes go to a copy that replaces the committed records only on commit."""

    def __init__(self, committed: FakeCases) -> None:
        self.committed = committed
        self.commits = 0

    def __enter__(self) -> FakeUnitOfWork:
        self.cases = FakeCases()
        self.cases.contacts = dict(self.committed.contacts)
        self.cases.events = list(self.committed.events)
        self.cases.proposals = list(self.committed.proposals)
        return self

    def commit(self) -> None:
        self.committed.contacts, self.committed.events = self.cases.contacts, self.cases.events
        self.committed.proposals = self.cases.proposals
        self.commits += 1

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:  # fmt: skip
        del self.cases


@pytest.fixture
def committed() -> FakeCases:
    return FakeCases()


@pytest.fixture
def store(committed: FakeCases, policy: Policy) -> CaseStore:
    return CaseStore(lambda: FakeUnitOfWork(committed), policy, clock=lambda: RECEIVED)


def contact(turn_key: str | None = "conv-1:turn-1", urgency: tuple[str, ...] = ()) -> ContactRecord:
    return ContactRecord("conv-1", "rest", RECEIVED, "the boiler is broken", "service_request",
                         "service_request", 0.9, None, urgency, (), turn_key=turn_key)  # fmt: skip


def test_a_turn_recorded_twice_is_one_contact_and_a_new_danger_is_added(
    store: CaseStore, committed: FakeCases
) -> None:
    first = store.record_contact(contact())
    again = store.record_contact(contact(urgency=("gas",)))
    assert first == again == 1
    assert committed.contacts[1].urgency == ("gas",)
    assert [kind for kind, _, _ in committed.events] == ["contact_triaged", "urgent_follow_up"]


def test_contacts_without_a_turn_are_each_their_own(store: CaseStore, committed: FakeCases) -> None:
    assert [store.record_contact(contact(None)) for _ in range(2)] == [1, 2]


def test_a_choice_is_recorded_with_its_audit_event_in_one_commit(
    store: CaseStore, committed: FakeCases
) -> None:
    contact_id = store.record_contact(contact())
    store.record_choice(contact_id, "complaint")
    assert committed.contacts[contact_id].choice == "complaint"
    assert committed.events[-1] == ("choice_recorded", "contact:1", {"choice": "complaint"})


def test_nothing_is_kept_when_a_write_fails_before_the_commit(
    store: CaseStore, committed: FakeCases, monkeypatch: pytest.MonkeyPatch
) -> None:
    def audit_fails(*_args: Any, **_kwargs: Any) -> None:
        raise RuntimeError("audit log unavailable")

    monkeypatch.setattr(FakeCases, "audit", audit_fails)
    with pytest.raises(RuntimeError):
        store.record_contact(contact())
    assert committed.contacts == {}


def test_a_matter_that_may_be_excluded_goes_to_an_officer_only_with_a_choice_to_complain(
    store: CaseStore, committed: FakeCases
) -> None:
    """Chat and console alike: declining leaves nothing for an officer; choosing, once."""
    rent = replace(contact(), label="excluded", exclusion_reason="rent_or_charge_level")
    contact_id = store.record_contact(rent)
    store.record_choice(contact_id, "no_complaint")
    assert committed.proposals == []
    store.record_choice(contact_id, "complaint")
    store.record_choice(contact_id, "complaint")
    assert [(p.contact_id, p.ground) for p in committed.proposals] == [
        (contact_id, "rent_or_charge_level")
    ]
