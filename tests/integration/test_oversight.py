"""The complaints officer's queue on real SQLite and PostgreSQL: decisions, reviews, deadlines,
each recorded in the audit trail with the officer's name."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest

from bot.bootstrap import build_app
from bot.calendar import UK_TIME
from bot.casestore.domain import ContactRecord
from bot.casestore.engine import make_engine
from bot.casestore.services import CaseStore
from bot.cli import main
from bot.oversight.demo_data import MovableClock
from bot.oversight.queue import OfficerQueue, QueueError
from bot.policy import Policy
from bot.settings import Settings
from tests.integration.test_case_store import handover
from tests.unit.test_resident_wording import MINIMUM_READING_EASE, reading_ease


def at(day: str, hour: int = 9) -> datetime:
    return datetime.fromisoformat(day).replace(hour=hour, tzinfo=timezone.utc)


@pytest.fixture
def clock() -> MovableClock:
    return MovableClock(at("2027-02-01"))


@pytest.fixture
def cases(database_url: str, policy: Policy, clock: MovableClock) -> CaseStore:
    return CaseStore(make_engine(database_url), policy, clock=clock)


@pytest.fixture
def queue(cases: CaseStore, policy: Policy) -> OfficerQueue:
    return OfficerQueue(cases, policy)


def proposed(cases: CaseStore, text: str, ground: str, received: datetime) -> int:
    contact_id = cases.record_contact(
        ContactRecord(
            "conv-9",
            "socketio",
            received,
            text,
            "excluded",
            "report_asb",
            0.91,
            ground,
            (),
            (),
            service_area="general",
        )
    )
    return cases.propose_exclusion(contact_id, ground)


def trail(cases: CaseStore, subject: str) -> list[tuple[str, str]]:
    with cases.unit_of_work() as uow:
        return [(actor, kind) for actor, kind, _ in uow.cases.audit_trail(subject)]


def test_the_queue_shows_each_pending_exclusion_with_the_residents_words(
    cases: CaseStore, queue: OfficerQueue
) -> None:
    proposed(cases, "my neighbours play loud music every night", "asb_report", at("2027-02-01"))
    [pending] = queue.pending_exclusions()
    assert pending.resident_words == "my neighbours play loud music every night"
    assert pending.ground == "asb_report" and pending.provision == "landlord policy"
    assert pending.explanation.startswith("This sounds like a report of anti-social behaviour")
    assert pending.received_at == at("2027-02-01") and pending.channel == "socketio"


def test_accepting_refuses_with_the_officers_reasons_and_the_ombudsman_route(
    cases: CaseStore, queue: OfficerQueue, policy: Policy, clock: MovableClock
) -> None:
    proposal_id = proposed(
        cases,
        "My neighbours play loud music every night until 3am.",
        "asb_report",
        at("2027-02-01"),
    )
    clock.at = at("2027-02-03", 14)
    reasons = "This is about a neighbour's noise, not our service. The ASB team has opened a case."
    letter = queue.accept_exclusion(proposal_id, "J Patel", reasons)

    assert "My neighbours play loud music" in letter.text
    assert policy.grounds["asb_report"].explanation in letter.text
    assert reasons in letter.text
    assert policy.grounds["asb_report"].route in letter.text
    assert "ask the Housing Ombudsman Service to look at our decision" in letter.text
    assert policy.ombudsman.phone in letter.text and policy.ombudsman.website in letter.text
    assert "Monday 1 February 2027" in letter.text
    assert reading_ease(letter.text) >= MINIMUM_READING_EASE
    assert queue.pending_exclusions() == []
    with cases.unit_of_work() as uow:
        stored = uow.cases.exclusion_proposal(proposal_id)
        audit = uow.cases.audit_trail("contact:1")
    assert stored is not None and stored.decision == "accepted"
    assert (stored.decided_by, stored.decided_at) == ("J Patel", at("2027-02-03", 14))
    assert stored.decision_reason == reasons and stored.refusal_letter == letter.text
    assert audit[-1] == (
        "J Patel",
        "exclusion_accepted",
        {"proposal_id": proposal_id, "ground": "asb_report", "reasons": reasons},
    )
    with pytest.raises(QueueError, match="already accepted by J Patel"):
        queue.overrule_exclusion(proposal_id, "S Okafor", "changed my mind")


def test_overruling_opens_a_stage_1_complaint_dated_when_the_resident_first_wrote(
    cases: CaseStore, queue: OfficerQueue, clock: MovableClock
) -> None:
    text = "The leak two years ago ruined my carpet and nobody said sorry"
    proposal_id = proposed(cases, text, "over_12_months", at("2027-02-01"))
    clock.at = at("2027-02-22", 11)
    reasons = "The resident was in hospital for most of last year: discretion under 2.3."
    complaint = queue.overrule_exclusion(proposal_id, "S Okafor", reasons)

    assert complaint.stage == 1 and complaint.received_at == at("2027-02-01")
    assert complaint.acknowledgement_due == date(2027, 2, 8)
    assert complaint.definition.resident_words == text
    assert cases.complaint(complaint.reference) is not None
    assert trail(cases, "contact:1")[-1] == ("S Okafor", "exclusion_overruled")
    assert trail(cases, complaint.reference) == [("S Okafor", "complaint_logged")]
    # Asking again finishes an interrupted overrule instead of opening a second complaint.
    assert queue.overrule_exclusion(proposal_id, "S Okafor", reasons).reference == (
        complaint.reference
    )
    with cases.unit_of_work() as uow:
        assert uow.cases.count_complaints() == 1
    with pytest.raises(QueueError, match="already overruled"):
        queue.accept_exclusion(proposal_id, "J Patel", "refuse after all")
    # Received on 1 February, so today (22 February) it is already late to acknowledge.
    [acknowledgement, response] = queue.deadlines()
    assert (acknowledgement.step, acknowledgement.working_days_left) == ("acknowledgement", -10)
    assert (response.step, response.due, response.working_days_left) == (
        "response",
        date(2027, 2, 22),
        0,
    )


def test_a_decision_needs_an_officer_and_reasons(cases: CaseStore, queue: OfficerQueue) -> None:
    proposal_id = proposed(cases, "loud music", "asb_report", at("2027-02-01"))
    with pytest.raises(QueueError, match="reasons"):
        queue.accept_exclusion(proposal_id, "J Patel", "   ")
    with pytest.raises(QueueError, match="officer"):
        queue.overrule_exclusion(proposal_id, "", "it is a complaint")
    with pytest.raises(QueueError, match="no exclusion proposal 99"):
        queue.accept_exclusion(99, "J Patel", "reasons")
    assert [p.proposal_id for p in queue.pending_exclusions()] == [proposal_id]


def test_adjustments_come_up_for_review_and_a_review_is_recorded(
    cases: CaseStore, queue: OfficerQueue, clock: MovableClock
) -> None:
    clock.at = at("2027-01-04")
    adjustment = cases.adjustment("hearing", "Deaf: email only", disability=True, consent=True)
    reference = cases.submit_complaint(handover(adjustments=(adjustment,))).reference
    assert adjustment.review_due == date(2027, 7, 5)
    clock.at = at("2027-06-01")
    assert queue.adjustments_due() == []
    clock.at = at("2027-06-25")
    [due] = queue.adjustments_due()
    assert (due.reference, due.adjustment.need_id) == (reference, "hearing")

    with pytest.raises(QueueError, match="after today"):
        queue.record_adjustment_review(due.adjustment_id, "S Okafor", "", date(2027, 6, 1))
    review = queue.record_adjustment_review(due.adjustment_id, "S Okafor", "Still email only")
    assert review.next_review_due == date(2027, 12, 24)
    assert queue.adjustments_due() == []
    assert queue.adjustments_due(timedelta(days=200))[0].adjustment.review_due == date(2027, 12, 24)
    assert trail(cases, reference)[-1] == ("S Okafor", "adjustment_reviewed")


def test_an_adjustment_agreed_outside_a_complaint_comes_up_for_review_too(
    cases: CaseStore, queue: OfficerQueue, clock: MovableClock
) -> None:
    contact_id = cases.record_contact(
        ContactRecord(
            "conv-3",
            "phone",
            at("2027-01-04"),
            "rep for mum, deaf",
            "service_request",
            "service_request",
            0.9,
            None,
            (),
            (),
        )
    )
    clock.at = at("2027-01-04")
    cases.agree_adjustments(
        contact_id, (cases.adjustment("hearing", "Text only", disability=True, consent=True),)
    )
    clock.at = at("2027-07-01")
    [due] = queue.adjustments_due()
    assert due.reference == f"contact:{contact_id}"
    queue.record_adjustment_review(due.adjustment_id, "J Patel", "Still text only")
    assert trail(cases, f"contact:{contact_id}")[-1] == ("J Patel", "adjustment_reviewed")


def test_an_acknowledgement_dates_the_response_and_a_late_one_buys_no_time(
    cases: CaseStore, clock: MovableClock
) -> None:
    early = cases.submit_complaint(handover("a", received_at=at("2027-02-15")))
    late = cases.submit_complaint(handover("b", received_at=at("2027-02-15")))
    assert early.acknowledgement_due == date(2027, 2, 22)
    clock.at = at("2027-02-16")
    assert cases.acknowledge(early.reference, "J Patel").response_due == date(2027, 3, 2)
    clock.at = at("2027-02-25")
    assert cases.acknowledge(late.reference, "J Patel").response_due == date(2027, 3, 8)
    with pytest.raises(ValueError, match="acknowledged"):
        cases.acknowledge(late.reference, "J Patel")
    clock.at = at("2027-03-01")
    answered = cases.record_response(early.reference, "partly_upheld", "J Patel")
    stored = cases.complaint(early.reference)
    assert stored is not None and stored == answered
    assert (stored.status, stored.outcome, stored.responded_at) == (
        "responded",
        "partly_upheld",
        at("2027-03-01"),
    )
    assert trail(cases, early.reference)[1:] == [
        ("J Patel", "complaint_acknowledged"),
        ("J Patel", "response_sent"),
    ]


def test_deadlines_list_what_is_near_or_overdue_most_overdue_first(
    cases: CaseStore, queue: OfficerQueue, clock: MovableClock
) -> None:
    def complaint(key: str, received: str) -> str:
        return cases.submit_complaint(handover(key, received_at=at(received))).reference

    not_yet = complaint("p", "2027-03-08")  # acknowledge by Monday 15 March
    near = complaint("q", "2027-03-04")  # acknowledge by Thursday 11 March
    overdue, extended, answered = (complaint(k, "2027-02-15") for k in ("r", "s", "t"))
    clock.at = at("2027-02-16")
    for reference in (overdue, extended, answered):
        cases.acknowledge(reference, "J Patel")  # response due Tuesday 2 March
    cases.extend(extended, date(2027, 3, 12), "Waiting for a surveyor", "J Patel")
    clock.at = at("2027-03-01")
    cases.record_response(answered, "upheld", "J Patel")
    clock.at = at("2027-03-10")

    listed = [
        (d.reference, d.step, d.due, d.working_days_left, d.extended)
        for d in queue.deadlines(within_working_days=2)
    ]
    assert listed == [
        (overdue, "response", date(2027, 3, 2), -6, False),
        (near, "acknowledgement", date(2027, 3, 11), 1, False),
        (extended, "response", date(2027, 3, 12), 2, True),
    ]
    assert queue.deadlines()[0].overdue
    assert (not_yet, "acknowledgement") in [
        (d.reference, d.step) for d in queue.deadlines(within_working_days=3)
    ]


def test_the_queue_from_the_command_line(
    database_url: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("INTAKE_DATABASE_URL", database_url)
    app = build_app(
        Settings.from_env({"INTAKE_ENV": "development", "INTAKE_DATABASE_URL": database_url})
    )
    first = proposed(app.cases, "my neighbours play loud music", "asb_report", at("2027-02-01"))
    # The command line runs on today's date: a month ago is already late to acknowledge.
    month_ago = datetime.now(timezone.utc) - timedelta(days=30)
    second = proposed(app.cases, "the leak in 2023 ruined my carpet", "over_12_months", month_ago)
    assert main(["queue", "exclusions"]) == 0
    listed = capsys.readouterr().out
    assert f"#{first}  asb_report (landlord policy)" in listed
    assert '"my neighbours play loud music"' in listed

    assert (
        main(
            [
                "queue",
                "accept",
                str(first),
                "--officer",
                "J Patel",
                "--reason",
                "A neighbour's noise: ASB team",
            ]
        )
        == 0
    )
    assert "Housing Ombudsman Service" in capsys.readouterr().out
    assert (
        main(
            [
                "queue",
                "overrule",
                str(second),
                "--officer",
                "S Okafor",
                "--reason",
                "Still happening",
            ]
        )
        == 0
    )
    opened = capsys.readouterr().out
    assert f"opened at Stage 1, received {month_ago.astimezone(UK_TIME):%Y-%m-%d}" in opened
    assert main(["queue", "accept", str(second), "--officer", "J Patel", "--reason", "x"]) == 1
    assert "already overruled by S Okafor" in capsys.readouterr().err
    assert main(["queue", "deadlines"]) == 0
    deadlines = capsys.readouterr().out.splitlines()
    assert any("acknowledgement" in line and "OVERDUE" in line for line in deadlines)
    assert trail(app.cases, "contact:1")[-1] == ("J Patel", "exclusion_accepted")
    assert trail(app.cases, "contact:2")[-1] == ("S Okafor", "exclusion_overruled")
