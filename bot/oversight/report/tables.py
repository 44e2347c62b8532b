"""The report's tables: the figures in rows and columns, with the Code measures first, each
written as a CSV file and shown on the page."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime

from bot.casestore.domain import RESPONSE_OUTCOMES
from bot.oversight.report.figures import (
    ACKNOWLEDGEMENT_STATES,
    AWAITING_RESPONSE,
    DECISIONS,
    RESPONSE_STATES,
    STAGES,
    ReportFigures,
)
from bot.policy import Policy
from bot.policy.ids import STAGE_1, STAGE_2
from bot.policy.schema import LABELS

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
# The Code's provisions on acknowledging and answering each stage in time (extensions included).
ACKNOWLEDGE_PROVISIONS = {STAGE_1: "6.2", STAGE_2: "6.11"}
RESPOND_PROVISIONS = {STAGE_1: "6.3, 6.4", STAGE_2: "6.13, 6.14"}
ACRONYMS = {"asb": "ASB", "mp": "MP", "hr": "HR", "bsl": "BSL"}
PERCENTAGE = re.compile(r"^(\d+%|-)( \(\d+ of \d+\))?$")


def words(identifier: str) -> str:
    """A policy id in words for the board: `asb_report` -> `ASB report`."""
    parts = [ACRONYMS.get(part, part) for part in identifier.split("_")]
    text = " ".join(parts)
    return text[:1].upper() + text[1:]


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


def code_measures(figures: ReportFigures, policy: Policy) -> Table:
    """The figures a self-assessment against the Code asks for, each with its provision; the
    timescales are the policy's (timescales.yml), as the deadlines were counted."""
    stage_1, stage_2 = figures.timeliness
    requests = sum(r.requests for r in figures.service_requests)
    became = sum(r.became_complaints for r in figures.service_requests)
    refused = sum(r.decisions["accepted"] for r in figures.refusals)
    rows: list[tuple[Cell, ...]] = []
    for timeliness, stage_id in ((stage_1, STAGE_1), (stage_2, STAGE_2)):
        timescale = policy.stages[stage_id]
        acknowledge, respond = ACKNOWLEDGE_PROVISIONS[stage_id], RESPOND_PROVISIONS[stage_id]
        name = words(stage_id)
        rows += [
            (
                acknowledge,
                f"{name} acknowledged within {timescale.acknowledge_within}",
                share(timeliness.acknowledgement["on_time"], timeliness.acknowledged),
            ),
            (
                respond,
                f"{name} answered within {timescale.respond_within}, or an agreed extension",
                share(timeliness.answered_in_time, timeliness.answered),
            ),
        ]
    rows += [
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


def report_tables(figures: ReportFigures, policy: Policy) -> dict[str, Table]:
    """Every table of the report, by name (the CSV file stem)."""
    tables = [
        code_measures(figures, policy),
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
            "Service requests by category, how many became complaints, and how many the "
            "resident cancelled",
            ("Category", "Requests", "Urgent", "Became complaints", "Share", "Cancelled"),
            tuple(
                (
                    words(r.category),
                    r.requests,
                    r.urgent,
                    r.became_complaints,
                    percent(r.became_complaints, r.requests),
                    r.cancelled,
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
