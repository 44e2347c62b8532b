"""The report's charts: where a picture reads better than a table (trends, proportions and
rankings), drawn as PNG files with matplotlib."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from bot.oversight.report.figures import RESPONSE_STATES, STAGES, ReportFigures
from bot.oversight.report.tables import LABEL_WORDS, STATE_WORDS, channel_words, words
from bot.policy.schema import LABELS

# Okabe-Ito colours: told apart with any colour vision, and in greyscale print by their order.
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000")


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
