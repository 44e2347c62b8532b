"""The report written out: one HTML page a complaints officer can take to the board, with a CSV
file for each table and the charts beside it."""

from __future__ import annotations

import csv
import sys
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape
from tqdm import tqdm

from bot.calendar import UK_TIME
from bot.casestore.services import CaseStore
from bot.oversight.report.charts import draw_charts, report_charts
from bot.oversight.report.figures import ReportFigures, compute_figures
from bot.oversight.report.tables import Table, percent, report_tables, words
from bot.policy import Policy

TEMPLATES = Path(__file__).parent.parent / "templates"


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


def timescale_words(policy: Policy) -> str:
    """The stages' timescales as the policy sets them (timescales.yml), which the deadlines in
    the tables were counted by."""
    return "; ".join(
        f"{words(stage.id)} complaints must be acknowledged within {stage.acknowledge_within} "
        f"and answered within {stage.respond_within} of {stage.respond_from}"
        for stage in policy.stages.values()
    )


def hazard_deadline_words(policy: Policy) -> str:
    """The first legal deadline of each Awaab's Law hazard, as hazards.yml sets it."""
    return "; ".join(
        f"{words(kind.id).lower()}: {words(step.id).lower()} within {step.within}"
        for kind in policy.hazards.values()
        for step in kind.steps
        if step.counted_from == "awareness"
    )


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
        tables = report_tables(figures, policy)
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
                timescales=timescale_words(policy),
                hazard_deadlines=hazard_deadline_words(policy),
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
