"""The report's figures: what the case store holds for a date range, counted as plain dataclasses
(Code 8.1, 9.7). The tables, charts and page are made from these and nothing else."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, timezone

from bot.calendar import UK_TIME
from bot.casestore.domain import Complaint
from bot.casestore.services import CaseStore
from bot.policy import Policy

STAGES = (1, 2)
NOT_RECORDED = "not_recorded"
AWAITING_RESPONSE = "awaiting_response"
ACKNOWLEDGEMENT_STATES = ("on_time", "late", "overdue", "not_yet_due")
RESPONSE_STATES = ("on_time", "within_extension", "late", "overdue", "not_yet_due")
DECISIONS = ("accepted", "overruled", "pending")


@dataclass(frozen=True)
class StageTimeliness:
    """How one stage's complaints received in the period were acknowledged and answered."""

    stage: int
    received: int
    acknowledgement: Mapping[str, int]  # ACKNOWLEDGEMENT_STATES -> complaints
    response: Mapping[str, int]  # RESPONSE_STATES -> complaints
    extended: int

    @property
    def acknowledged(self) -> int:
        return self.acknowledgement["on_time"] + self.acknowledgement["late"]

    @property
    def answered(self) -> int:
        return sum(self.response[s] for s in ("on_time", "within_extension", "late"))

    @property
    def answered_in_time(self) -> int:
        """Within the Code's timescale, counting extensions agreed under 6.4 and 6.13."""
        return self.response["on_time"] + self.response["within_extension"]


@dataclass(frozen=True)
class RefusalFigures:
    """Proposed exclusions on one ground and what officers decided (2.1, 8.1b)."""

    ground: str
    source: str
    provision: str
    decisions: Mapping[str, int]  # DECISIONS -> proposals

    @property
    def proposed(self) -> int:
        return sum(self.decisions.values())


@dataclass(frozen=True)
class ServiceRequestFigures:
    category: str
    requests: int
    urgent: int
    became_complaints: int
    cancelled: int  # the resident said it was no longer needed


@dataclass(frozen=True)
class AdjustmentFigures:
    need: str
    with_complaints: int
    outside_complaints: int
    disability_with_consent: int


@dataclass(frozen=True)
class RepresentativeFigures:
    relationship: str
    complaints: int
    consent_given: int


@dataclass(frozen=True)
class ReportFigures:
    start: date
    end: date
    as_of: datetime
    contacts: Mapping[tuple[str, str], int]  # (channel, label) -> contacts
    complaints_by_month: Mapping[tuple[str, int], int]  # ("2026-04", stage) -> complaints
    complaints_by_area: Mapping[tuple[str, int], int]  # (service area, stage) -> complaints
    outcomes: Mapping[tuple[str, int], int]  # (outcome or AWAITING_RESPONSE, stage)
    timeliness: tuple[StageTimeliness, ...]
    refusals: tuple[RefusalFigures, ...]
    service_requests: tuple[ServiceRequestFigures, ...]
    adjustments: tuple[AdjustmentFigures, ...]
    adjustment_reviews_done: int
    adjustment_reviews_overdue: int
    representatives: tuple[RepresentativeFigures, ...]
    refusals_with_reasons: int
    about_earlier_requests: int  # complaints that name an earlier repair or request (1.5)
    # Danger category -> (contacts flagged for urgent follow-up, Awaab's Law clocks started).
    urgent: Mapping[str, tuple[int, int]] = field(default_factory=dict)

    @property
    def months(self) -> list[str]:
        first, months = self.start.replace(day=1), []
        while first <= self.end:
            months.append(f"{first:%Y-%m}")
            first = (first + timedelta(days=32)).replace(day=1)
        return months

    @property
    def areas(self) -> list[str]:
        """Service areas, most complained about first; unrecorded ones last."""
        totals = Counter[str]()
        for (area, _), count in self.complaints_by_area.items():
            totals[area] += count
        return sorted(totals, key=lambda area: (area == NOT_RECORDED, -totals[area], area))

    @property
    def channels(self) -> list[str]:
        """Channels, busiest first."""
        totals = Counter[str]()
        for (channel, _), count in self.contacts.items():
            totals[channel] += count
        return sorted(totals, key=lambda channel: (-totals[channel], channel))


def uk_day_start(day: date) -> datetime:
    return datetime.combine(day, time(0), UK_TIME).astimezone(timezone.utc)


def uk_date(moment: datetime) -> date:
    return moment.astimezone(UK_TIME).date()


def acknowledgement_state(complaint: Complaint, today: date) -> str:
    if complaint.acknowledged_at is not None:
        on_time = uk_date(complaint.acknowledged_at) <= complaint.acknowledgement_due
        return "on_time" if on_time else "late"
    return "overdue" if today > complaint.acknowledgement_due else "not_yet_due"


def response_state(complaint: Complaint, today: date) -> str:
    if complaint.responded_at is not None:
        answered = uk_date(complaint.responded_at)
        if answered <= complaint.response_due:
            return "on_time"
        if complaint.extended_to is not None and answered <= complaint.extended_to:
            return "within_extension"
        return "late"
    return "overdue" if today > (complaint.extended_to or complaint.response_due) else "not_yet_due"


def compute_figures(
    cases: CaseStore, policy: Policy, start: date, end: date, progress: Callable[[str], None]
) -> ReportFigures:
    """Everything received from `start` to `end` inclusive (UK dates), as known now."""
    if end < start:
        raise ValueError(f"the period ends ({end}) before it starts ({start})")
    begin, finish = uk_day_start(start), uk_day_start(end + timedelta(days=1))
    as_of = cases.now()
    today = uk_date(as_of)
    with cases.unit_of_work() as uow:
        progress("contacts")
        contacts = uow.cases.contacts_between(begin, finish)
        clocks = Counter(
            clock.category
            for clock in uow.cases.hazard_clocks(
                [c.id for c in contacts if c.urgency and c.id is not None]
            )
        )
        progress("complaints")
        complaints = uow.cases.complaints_between(begin, finish)
        areas = uow.cases.complaint_service_areas(begin, finish)
        progress("refusals")
        proposals = uow.cases.exclusion_proposals_between(begin, finish)
        progress("service requests")
        requests = uow.cases.service_requests_between(begin, finish)
        progress("adjustments")
        reviews = uow.cases.adjustment_reviews_between(begin, finish)
        overdue_reviews = uow.cases.adjustments_due(today - timedelta(days=1))
        outside_complaints = uow.cases.contact_adjustments_between(begin, finish)

    timeliness = tuple(
        StageTimeliness(
            stage=stage,
            received=len(staged),
            acknowledgement=_counted(
                ACKNOWLEDGEMENT_STATES, (acknowledgement_state(c, today) for c in staged)
            ),
            response=_counted(RESPONSE_STATES, (response_state(c, today) for c in staged)),
            extended=sum(c.extended_to is not None for c in staged),
        )
        for stage in STAGES
        for staged in [[c for c in complaints if c.stage == stage]]
    )
    grounds = sorted({p.ground for p in proposals}, key=_policy_order(policy.grounds))
    refusals = tuple(
        RefusalFigures(
            ground=ground,
            source=policy.grounds[ground].source if ground in policy.grounds else "retired",
            provision=policy.grounds[ground].provision if ground in policy.grounds else "",
            decisions=_counted(DECISIONS, (p.decision for p in proposals if p.ground == ground)),
        )
        for ground in grounds
    )
    categories = sorted({r.category for r in requests}, key=_policy_order(policy.service_areas))
    with_complaints = [a for c in complaints for a in c.adjustments]
    adjustments = with_complaints + outside_complaints
    representatives = [c.representative for c in complaints if c.representative is not None]
    return ReportFigures(
        start=start,
        end=end,
        as_of=as_of,
        contacts=Counter((c.channel, c.label) for c in contacts),
        urgent={
            category: (flagged, clocks[category])
            for category, flagged in sorted(
                Counter(u for c in contacts for u in c.urgency).items(),
                key=lambda item: _policy_order(policy.urgency)(item[0]),
            )
        },
        complaints_by_month=Counter(
            (f"{uk_date(c.received_at):%Y-%m}", c.stage) for c in complaints
        ),
        complaints_by_area=Counter(
            (areas.get(c.reference) or NOT_RECORDED, c.stage) for c in complaints
        ),
        outcomes=Counter((c.outcome or AWAITING_RESPONSE, c.stage) for c in complaints),
        timeliness=timeliness,
        refusals=refusals,
        service_requests=tuple(
            ServiceRequestFigures(
                category=category,
                requests=len(matching),
                urgent=sum(r.urgent for r in matching),
                became_complaints=sum(r.became_complaint for r in matching),
                cancelled=sum(r.cancelled for r in matching),
            )
            for category in categories
            for matching in [[r for r in requests if r.category == category]]
        ),
        adjustments=tuple(
            AdjustmentFigures(
                need=need,
                with_complaints=sum(a.need_id == need for a in with_complaints),
                outside_complaints=sum(a.need_id == need for a in outside_complaints),
                disability_with_consent=sum(
                    a.need_id == need and a.disability_disclosed for a in adjustments
                ),
            )
            for need in sorted({a.need_id for a in adjustments}, key=_policy_order(policy.needs))
        ),
        adjustment_reviews_done=len(reviews),
        adjustment_reviews_overdue=len(overdue_reviews),
        representatives=tuple(
            RepresentativeFigures(
                relationship=relationship,
                complaints=sum(r.relationship == relationship for r in representatives),
                consent_given=sum(
                    r.relationship == relationship and r.consent == "given" for r in representatives
                ),
            )
            for relationship in sorted(
                {r.relationship for r in representatives}, key=_policy_order(policy.relationships)
            )
        ),
        about_earlier_requests=sum(c.earlier_request is not None for c in complaints),
        refusals_with_reasons=sum(
            p.decision == "accepted" and bool((p.decision_reason or "").strip()) for p in proposals
        ),
    )


def _counted(states: Iterable[str], values: Iterable[str]) -> dict[str, int]:
    counts = Counter(values)
    return {state: counts[state] for state in states}


def _policy_order(vocabulary: Mapping[str, object]) -> Callable[[str], tuple[int, str]]:
    """Sort ids in the order policy_rules lists them; ids no longer in policy go last."""
    order = {identifier: n for n, identifier in enumerate(vocabulary)}
    return lambda identifier: (order.get(identifier, len(order)), identifier)
