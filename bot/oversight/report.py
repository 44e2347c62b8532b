"""The annual complaints performance and service improvement report (Code 8.1, 9.7).

Figures are computed from the case store for a date range as plain dataclasses; the same figures
become CSV files, PNG charts and one HTML page a complaints officer can take to the board.
"""

from __future__ import annotations

import csv
import re
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, timezone
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape
from tqdm import tqdm

from bot.calendar import UK_TIME
from bot.casestore.domain import RESPONSE_OUTCOMES, Complaint
from bot.casestore.services import CaseStore
from bot.policy import Policy
from bot.policy.schema import LABELS

STAGES = (1, 2)
NOT_RECORDED = "not_recorded"
AWAITING_RESPONSE = "awaiting_response"
ACKNOWLEDGEMENT_STATES = ("on_time", "late", "overdue", "not_yet_due")
RESPONSE_STATES = ("on_time", "within_extension", "late", "overdue", "not_yet_due")
DECISIONS = ("accepted", "overruled", "pending")
STATE_WORDS = {
    "on_time": "on time",
    "within_extension": "within an agreed extension",
    "late": "late",
    "overdue": "not sent, overdue",
    "not_yet_due": "not sent, not yet due",
}
LABEL_WORDS = {
    "complaint": "Complaint",
    "service_request": "Service request",
    "excluded": "Apparent exclusion",
    "escalation": "Stage 2 request",
    "other": "Other",
}
# Rasa input channel names as the assistant records them (`bot/web`, `bot/channels`, console).
CHANNEL_WORDS = {
    "socketio": "Website chat",
    "rest": "Website chat",
    "web_chat": "Website chat",
    "phone": "Phone",
    "messenger": "Facebook Messenger",
    "instagram": "Instagram",
    "x": "X",
}
ACRONYMS = {"asb": "ASB", "mp": "MP", "hr": "HR", "bsl": "BSL"}
# Okabe-Ito colours: told apart with any colour vision, and in greyscale print by their order.
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000")
TEMPLATES = Path(__file__).parent / "templates"
PERCENTAGE = re.compile(r"^(\d+%|-)( \(\d+ of \d+\))?$")


def words(identifier: str) -> str:
    """A policy id in words for the board: `asb_report` -> `ASB report`."""
    parts = [ACRONYMS.get(part, part) for part in identifier.split("_")]
    text = " ".join(parts)
    return text[:1].upper() + text[1:]


# figures ---------------------------------------------------------------------------------------
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


# tables ----------------------------------------------------------------------------------------
Cell = str | int


@dataclass(frozen=True)
class Table:
    """A titled table: written as `<name>.csv` and shown in the HTML page."""

    name: str
    title: str
    columns: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]

    @property
    def numeric(self) -> tuple[bool, ...]:
        """Which columns hold counts or shares, to line them up on the right."""
        return tuple(
            bool(self.rows)
            and all(isinstance(row[n], int) or PERCENTAGE.match(str(row[n])) for row in self.rows)
            for n in range(len(self.columns))
        )


def percent(part: int, whole: int) -> str:
    return f"{100 * part / whole:.0f}%" if whole else "-"


def share(part: int, whole: int) -> str:
    return f"{percent(part, whole)} ({part} of {whole})"


def code_measures(figures: ReportFigures) -> Table:
    """The figures a self-assessment against the Code asks for, each with its provision."""
    stage_1, stage_2 = figures.timeliness
    requests = sum(r.requests for r in figures.service_requests)
    became = sum(r.became_complaints for r in figures.service_requests)
    refused = sum(r.decisions["accepted"] for r in figures.refusals)
    rows: list[tuple[Cell, ...]] = [
        (
            "6.2",
            "Stage 1 acknowledged within 5 working days",
            share(stage_1.acknowledgement["on_time"], stage_1.acknowledged),
        ),
        (
            "6.3, 6.4",
            "Stage 1 answered within 10 working days, or an agreed extension",
            share(stage_1.answered_in_time, stage_1.answered),
        ),
        (
            "6.11",
            "Stage 2 acknowledged within 5 working days",
            share(stage_2.acknowledgement["on_time"], stage_2.acknowledged),
        ),
        (
            "6.13, 6.14",
            "Stage 2 answered within 20 working days, or an agreed extension",
            share(stage_2.answered_in_time, stage_2.answered),
        ),
        ("6.4, 6.13", "Responses given more time", stage_1.extended + stage_2.extended),
        (
            "2.1",
            "Refusals with the officer's reasons recorded",
            share(figures.refusals_with_reasons, refused),
        ),
        ("1.5", "Service requests that became complaints", share(became, requests)),
        ("1.5", "Complaints about an earlier repair or request", figures.about_earlier_requests),
        ("5.10", "Adjustment reviews done", figures.adjustment_reviews_done),
        ("5.10", "Adjustment reviews overdue today", figures.adjustment_reviews_overdue),
    ]
    return Table(
        "code_measures", "Measures against the Code", ("Code", "Measure", "Figure"), tuple(rows)
    )


def by_stage(
    name: str,
    title: str,
    first: str,
    counts: Mapping[tuple[str, int], int],
    keys: Iterable[str],
    key_words: Callable[[str], str] = words,
) -> Table:
    rows: list[tuple[Cell, ...]] = []
    for key in keys:
        staged = [counts.get((key, stage), 0) for stage in STAGES]
        rows.append((key_words(key), *staged, sum(staged)))
    return Table(name, title, (first, "Stage 1", "Stage 2", "Total"), tuple(rows))


def timeliness_table(figures: ReportFigures) -> Table:
    rows: list[tuple[Cell, ...]] = [("Received", *(t.received for t in figures.timeliness))]
    rows += [
        (
            f"Acknowledged {STATE_WORDS[state]}"
            if state in ("on_time", "late")
            else f"Acknowledgement {STATE_WORDS[state]}",
            *(t.acknowledgement[state] for t in figures.timeliness),
        )
        for state in ACKNOWLEDGEMENT_STATES
    ]
    rows += [
        (
            f"Answered {STATE_WORDS[state]}"
            if state in ("on_time", "within_extension", "late")
            else f"Response {STATE_WORDS[state]}",
            *(t.response[state] for t in figures.timeliness),
        )
        for state in RESPONSE_STATES
    ]
    rows.append(("Given more time (extended)", *(t.extended for t in figures.timeliness)))
    return Table(
        "timeliness", "Timeliness by stage", ("Complaints", "Stage 1", "Stage 2"), tuple(rows)
    )


def month_words(month: str) -> str:
    return f"{datetime.strptime(month, '%Y-%m'):%B %Y}"


def channel_words(channel: str) -> str:
    return CHANNEL_WORDS.get(channel, words(channel))


def report_tables(figures: ReportFigures) -> dict[str, Table]:
    """Every table of the report, by name (the CSV file stem)."""
    tables = [
        code_measures(figures),
        by_stage(
            "complaints_by_month",
            "Complaints received by month",
            "Month",
            figures.complaints_by_month,
            figures.months,
            month_words,
        ),
        timeliness_table(figures),
        by_stage(
            "complaints_by_service_area",
            "Complaints by service area",
            "Service area",
            figures.complaints_by_area,
            figures.areas,
        ),
        by_stage(
            "complaints_by_outcome",
            "Complaints by outcome of the response",
            "Outcome",
            figures.outcomes,
            [*RESPONSE_OUTCOMES, AWAITING_RESPONSE],
        ),
        Table(
            "refusals_by_ground",
            "Apparent exclusions by ground, and what officers decided",
            (
                "Ground",
                "Where the ground comes from",
                "Proposed",
                "Refused",
                "Taken as a complaint",
                "Waiting for a decision",
            ),
            tuple(
                (
                    words(r.ground),
                    f"Code {r.provision}" if r.source == "code" else "Landlord's own policy",
                    r.proposed,
                    *(r.decisions[d] for d in DECISIONS),
                )
                for r in figures.refusals
            ),
        ),
        Table(
            "service_requests_by_category",
            "Service requests by category, and how many became complaints",
            ("Category", "Requests", "Urgent", "Became complaints", "Share"),
            tuple(
                (
                    words(r.category),
                    r.requests,
                    r.urgent,
                    r.became_complaints,
                    percent(r.became_complaints, r.requests),
                )
                for r in figures.service_requests
            ),
        ),
        Table(
            "urgent_follow_up",
            "Contacts flagged for urgent follow-up, by danger, and Awaab's Law clocks started",
            ("Danger", "Contacts", "Awaab's Law clocks"),
            tuple(
                (words(category), flagged, started)
                for category, (flagged, started) in figures.urgent.items()
            ),
        ),
        Table(
            "contacts_by_channel_and_label",
            "Contacts by channel and what they were about",
            ("Channel", *(LABEL_WORDS[label] for label in LABELS), "Total"),
            tuple(
                (
                    channel_words(channel),
                    *(figures.contacts.get((channel, label), 0) for label in LABELS),
                    sum(figures.contacts.get((channel, label), 0) for label in LABELS),
                )
                for channel in figures.channels
            ),
        ),
        Table(
            "adjustments_by_need",
            "Reasonable adjustments agreed",
            ("Need", "In a complaint", "Outside a complaint", "Disability recorded with consent"),
            tuple(
                (words(a.need), a.with_complaints, a.outside_complaints, a.disability_with_consent)
                for a in figures.adjustments
            ),
        ),
        Table(
            "representatives_by_relationship",
            "Complaints made by a representative",
            ("Representative", "Complaints", "Resident's consent given"),
            tuple(
                (words(r.relationship), r.complaints, r.consent_given)
                for r in figures.representatives
            ),
        ),
    ]
    return {table.name: table for table in tables}


# charts ----------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Chart:
    """A stacked bar chart: one bar per category, one coloured part per series."""

    name: str
    alt: str
    categories: tuple[str, ...]
    series: Mapping[str, tuple[int, ...]]
    unit: str
    horizontal: bool = True
    as_share: bool = False


def report_charts(figures: ReportFigures) -> list[Chart]:
    """Where a picture reads better than a table: trends, proportions and rankings."""
    months = figures.months
    areas = figures.areas
    return [
        Chart(
            "complaints_by_month",
            "Complaints received each month, Stage 1 and Stage 2",
            tuple(f"{datetime.strptime(m, '%Y-%m'):%b}\n{m[:4]}" for m in months),
            {
                f"Stage {s}": tuple(figures.complaints_by_month.get((m, s), 0) for m in months)
                for s in STAGES
            },
            "complaints",
            horizontal=False,
        ),
        Chart(
            "timeliness",
            "Share of each stage's complaints answered on time, within an "
            "extension, late, or not yet answered",
            tuple(f"Stage {t.stage}" for t in figures.timeliness),
            {
                STATE_WORDS[state].capitalize(): tuple(
                    t.response[state] for t in figures.timeliness
                )
                for state in RESPONSE_STATES
            },
            "share of complaints",
            as_share=True,
        ),
        Chart(
            "complaints_by_service_area",
            "Complaints by service area, Stage 1 and Stage 2",
            tuple(words(a) for a in areas),
            {
                f"Stage {s}": tuple(figures.complaints_by_area.get((a, s), 0) for a in areas)
                for s in STAGES
            },
            "complaints",
        ),
        Chart(
            "refusals_by_ground",
            "Apparent exclusions by ground and the officer's decision",
            tuple(words(r.ground) for r in figures.refusals),
            {
                "Refused": tuple(r.decisions["accepted"] for r in figures.refusals),
                "Taken as a complaint": tuple(r.decisions["overruled"] for r in figures.refusals),
                "Waiting for a decision": tuple(r.decisions["pending"] for r in figures.refusals),
            },
            "proposals",
        ),
        Chart(
            "contacts_by_channel_and_label",
            "Contacts by channel and what they were about",
            tuple(channel_words(c) for c in figures.channels),
            {
                LABEL_WORDS[label]: tuple(
                    figures.contacts.get((c, label), 0) for c in figures.channels
                )
                for label in LABELS
            },
            "contacts",
        ),
    ]


def draw_charts(charts: Iterable[Chart], out: Path) -> list[Chart]:
    """Write each chart with data as `<name>.png` (matplotlib, Agg: no display needed)."""
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib import pyplot
    from matplotlib.ticker import MaxNLocator, PercentFormatter

    pyplot.rcParams.update(
        {"font.size": 10, "axes.spines.top": False, "axes.spines.right": False, "savefig.dpi": 120}
    )
    drawn = []
    for chart in charts:
        if not chart.categories:
            continue
        count = len(chart.categories)
        size = (8, max(1.6, 0.42 * count + 1.3)) if chart.horizontal else (8, 3.6)
        figure, axes = pyplot.subplots(figsize=size)
        totals = [sum(values) for values in zip(*chart.series.values(), strict=True)]
        # Horizontal bars run top to bottom in the table's order.
        positions = list(range(count))[::-1] if chart.horizontal else list(range(count))
        base = [0.0] * count
        for colour, (label, values) in zip(PALETTE, chart.series.items(), strict=False):
            shown = [
                v / t if chart.as_share and t else float(v)
                for v, t in zip(values, totals, strict=True)
            ]
            draw = axes.barh if chart.horizontal else axes.bar
            placement = {"left" if chart.horizontal else "bottom": base}
            draw(positions, shown, 0.7, color=colour, label=label, **placement)
            base = [b + v for b, v in zip(base, shown, strict=True)]
        ticks = axes.set_yticks if chart.horizontal else axes.set_xticks
        ticks(positions, list(chart.categories))
        value_axis = axes.xaxis if chart.horizontal else axes.yaxis
        if chart.as_share:
            value_axis.set_major_formatter(PercentFormatter(1.0))
        else:
            value_axis.set_major_locator(MaxNLocator(integer=True))
        (axes.set_xlabel if chart.horizontal else axes.set_ylabel)(chart.unit)
        axes.legend(
            loc="lower left",
            bbox_to_anchor=(0, 1.0),
            ncol=min(len(chart.series), 3),
            frameon=False,
            fontsize=9,
        )
        figure.tight_layout()
        figure.savefig(out / f"{chart.name}.png")
        pyplot.close(figure)
        drawn.append(chart)
    return drawn


# writing ---------------------------------------------------------------------------------------
@dataclass(frozen=True)
class ReportFiles:
    html: Path
    csv: tuple[Path, ...]
    charts: tuple[Path, ...]


def headlines(figures: ReportFigures) -> list[tuple[str, str]]:
    """The six numbers a board reads first."""
    stage_1, stage_2 = figures.timeliness
    return [
        (f"{sum(figures.contacts.values()):,}", "contacts"),
        (f"{stage_1.received:,}", "Stage 1 complaints"),
        (f"{stage_2.received:,}", "Stage 2 complaints"),
        (percent(stage_1.answered_in_time, stage_1.answered), "Stage 1 answered in time"),
        (percent(stage_2.answered_in_time, stage_2.answered), "Stage 2 answered in time"),
        (f"{sum(r.decisions['accepted'] for r in figures.refusals):,}", "complaints refused"),
    ]


def write_report(
    cases: CaseStore, policy: Policy, start: date, end: date, out: Path
) -> ReportFiles:
    """Compute the figures and write report.html, one CSV per table and the charts into `out`."""
    out.mkdir(parents=True, exist_ok=True)
    steps = [
        "contacts",
        "complaints",
        "refusals",
        "service requests",
        "adjustments",
        "tables",
        "charts",
        "page",
    ]
    with tqdm(total=len(steps), desc="report", unit="step", file=sys.stderr) as bar:

        def progress(step: str) -> None:
            bar.set_postfix_str(step)
            bar.update(1)

        figures = compute_figures(cases, policy, start, end, progress)
        progress("tables")
        tables = report_tables(figures)
        csv_files = tuple(write_csv(table, out) for table in tables.values())
        progress("charts")
        charts = draw_charts(report_charts(figures), out)
        progress("page")
        environment = Environment(
            loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(["html"])
        )
        html = out / "report.html"
        html.write_text(
            environment.get_template("report.html").render(
                figures=figures,
                tables=tables,
                charts={chart.name: chart for chart in charts},
                headlines=headlines(figures),
                landlord=policy.landlord,
                as_of=figures.as_of.astimezone(UK_TIME),
            ),
            encoding="utf-8",
        )
    return ReportFiles(html, csv_files, tuple(out / f"{c.name}.png" for c in charts))


def write_csv(table: Table, out: Path) -> Path:
    path = out / f"{table.name}.csv"
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(table.columns)
        writer.writerows(table.rows)
    return path
