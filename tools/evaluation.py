"""Scores for the classifier on labelled messages (the `eval` command's figures)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlparse

from bot.policy.schema import LABELS


@dataclass(frozen=True)
class Gold:
    label: str
    exclusion_reason: str | None
    representative: bool
    has_adjustment: bool
    urgent: bool


@dataclass(frozen=True)
class Predicted:
    label: str
    exclusion_reason: str | None = None
    representative: bool = False
    has_adjustment: bool = False
    urgent: bool = False


def f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def binary_scores(gold: Sequence[bool], predicted: Sequence[bool]) -> tuple[float, float, float]:
    """(precision, recall, F1) of the positive class."""
    true_pos = sum(g and p for g, p in zip(gold, predicted, strict=True))
    precision = true_pos / max(sum(predicted), 1)
    recall = true_pos / max(sum(gold), 1)
    return precision, recall, f1(precision, recall)


@dataclass(frozen=True)
class LabelReport:
    per_label: dict[str, tuple[float, float, float, int]]
    macro_f1: float
    accuracy: float
    dissatisfaction_recall: float
    confusion: dict[str, dict[str, int]]
    # Of the messages read as a complaint or an escalation, the share that were one.
    dissatisfaction_precision: float = 0.0


def label_report(gold: Sequence[str], predicted: Sequence[str]) -> LabelReport:
    present: list[str] = [label for label in LABELS if label in gold]
    per_label: dict[str, tuple[float, float, float, int]] = {}
    for label in present:
        precision, recall, score = binary_scores(
            [g == label for g in gold], [p == label for p in predicted]
        )
        per_label[label] = (precision, recall, score, sum(g == label for g in gold))
    dissatisfied = ("complaint", "escalation")
    dissatisfaction_precision, dissatisfaction_recall, _ = binary_scores(
        [g in dissatisfied for g in gold], [p in dissatisfied for p in predicted]
    )
    confusion: dict[str, dict[str, int]] = {g: {p: 0 for p in LABELS} for g in LABELS}
    for g, p in zip(gold, predicted, strict=True):
        confusion[g][p] += 1
    return LabelReport(
        per_label=per_label,
        macro_f1=sum(s[2] for s in per_label.values()) / max(len(per_label), 1),
        accuracy=sum(g == p for g, p in zip(gold, predicted, strict=True)) / max(len(gold), 1),
        dissatisfaction_recall=dissatisfaction_recall,
        confusion=confusion,
        dissatisfaction_precision=dissatisfaction_precision,
    )


def flag_scores(gold: Sequence[Gold], predicted: Sequence[Predicted]) -> dict[str, float]:
    """Precision, recall and F1 of each flag (urgent, representative, adjustment), and the
    exclusion ground accuracy on the messages with a gold ground: lenient (the ground is right,
    whatever the label; a complaint keeps its possible ground for an officer) and strict (label
    and ground both right)."""
    scores: dict[str, float] = {}
    for flag in ("urgent", "representative", "has_adjustment"):
        precision, recall, score = binary_scores(
            [getattr(g, flag) for g in gold], [getattr(p, flag) for p in predicted]
        )
        scores |= {f"{flag}_precision": precision, f"{flag}_recall": recall, f"{flag}_f1": score}
    excluded = [(g, p) for g, p in zip(gold, predicted, strict=True) if g.exclusion_reason]
    lenient = sum(g.exclusion_reason == p.exclusion_reason for g, p in excluded)
    strict = sum(
        g.exclusion_reason == p.exclusion_reason and g.label == p.label for g, p in excluded
    )
    scores["exclusion_ground_accuracy_lenient"] = lenient / max(len(excluded), 1)
    scores["exclusion_ground_accuracy_strict"] = strict / max(len(excluded), 1)
    return scores


def source_of(row: Mapping[str, Any]) -> str:
    """The site a labelled message came from (its `source` URL's host), for per-source figures."""
    address = str(row.get("source") or "").split(" ")[0]
    host = urlparse(address).netloc.lower().removeprefix("www.")
    return host or "unknown"


def source_reports(
    rows: Sequence[Mapping[str, Any]], predicted: Sequence[str]
) -> dict[str, LabelReport]:
    """A label report per source site, commonest site first; empty when no row has a source."""
    if not any(row.get("source") for row in rows):
        return {}
    by_source: dict[str, list[int]] = {}
    for index, row in enumerate(rows):
        by_source.setdefault(source_of(row), []).append(index)
    return {
        source: label_report([rows[i]["label"] for i in indexes], [predicted[i] for i in indexes])
        for source, indexes in sorted(by_source.items(), key=lambda item: -len(item[1]))
    }


def percentile(values: Sequence[float], fraction: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return 0.0
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def format_label_report(name: str, report: LabelReport) -> str:
    lines = [f"== {name}", f"{'label':<16}{'prec':>7}{'recall':>8}{'F1':>7}{'n':>5}"]
    for label, (precision, recall, score, support) in report.per_label.items():
        lines.append(f"{label:<16}{precision:>7.3f}{recall:>8.3f}{score:>7.3f}{support:>5}")
    lines.append(f"macro-F1 {report.macro_f1:.3f}   accuracy {report.accuracy:.3f}   "
                 f"dissatisfaction precision {report.dissatisfaction_precision:.3f}  "
                 f"recall {report.dissatisfaction_recall:.3f}")  # fmt: skip
    return "\n".join(lines)


def format_confusion(report: LabelReport) -> str:
    short = {label: label[:8] for label in LABELS}
    lines = [
        "confusion (rows gold, columns predicted)",
        " " * 16 + "".join(f"{short[p]:>10}" for p in LABELS),
    ]
    for gold_label in LABELS:
        row = report.confusion[gold_label]
        if any(row.values()):
            lines.append(f"{gold_label:<16}" + "".join(f"{row[p]:>10}" for p in LABELS))
    return "\n".join(lines)


@dataclass(frozen=True)
class SafetyCase:
    """One message as the safety check saw it: gold urgency (and category, where labelled),
    the dangers routed, and whether the safety question was asked instead."""

    urgent: bool
    category: str | None
    routed: tuple[str, ...]
    asked: bool


def safety_scores(cases: Sequence[SafetyCase]) -> dict[str, float]:
    """Urgent precision and recall (routed), the same counting the safety question, and the
    false-alarm rate on non-urgent messages."""
    gold = [c.urgent for c in cases]
    precision, recall, score = binary_scores(gold, [bool(c.routed) for c in cases])
    question_precision, question_recall, _ = binary_scores(
        gold, [bool(c.routed) or c.asked for c in cases]
    )
    calm = [c for c in cases if not c.urgent]
    return {
        "urgent": sum(gold),
        "precision": precision,
        "recall": recall,
        "f1": score,
        "precision_with_question": question_precision,
        "recall_with_question": question_recall,
        "false_alarms": sum(bool(c.routed) for c in calm) / max(len(calm), 1),
        "asked_calm": sum(c.asked for c in calm) / max(len(calm), 1),
    }


def safety_report(cases: Sequence[SafetyCase]) -> str:
    """Urgent precision beside recall, the false-alarm rate on non-urgent messages, what the
    safety question adds, recall per gold category and precision per routed category."""
    scores = safety_scores(cases)
    lines = [
        f"== safety ({scores['urgent']:.0f} urgent of {len(cases)})",
        f"urgent precision {scores['precision']:.3f}  recall {scores['recall']:.3f}  "
        f"F1 {scores['f1']:.3f}",
        f"counting the safety question: precision {scores['precision_with_question']:.3f}  "
        f"recall {scores['recall_with_question']:.3f}",
        f"false alarms on non-urgent messages {scores['false_alarms']:.3f}; "
        f"safety question asked on non-urgent {scores['asked_calm']:.3f}",
    ]
    categories = sorted({c.category for c in cases if c.category})
    for category in categories:
        mine = [c for c in cases if c.category == category]
        found = sum(bool(c.routed) for c in mine)
        lines.append(f"  recall {category:<32}{found / len(mine):.3f}  ({found}/{len(mine)})")
    for category in sorted({r for c in cases for r in c.routed}):
        flagged = [c for c in cases if category in c.routed]
        right = sum(c.urgent for c in flagged)
        lines.append(
            f"  precision {category:<29}{right / len(flagged):.3f}  ({right}/{len(flagged)})"
        )
    return "\n".join(lines)


PartKey = tuple[str, str | None]  # (label, exclusion ground)


@dataclass(frozen=True)
class PartScores:
    """How many of the parts a message was written to hold triage listed, each part counted once
    (a message with two excluded matters needs two excluded parts with those grounds)."""

    expected: int
    found: int
    # The parts beside the first (primary) one: what a single label used to lose.
    expected_beside: int
    found_beside: int
    extra: int  # parts listed that no expected part accounts for

    @property
    def recall(self) -> float:
        return self.found / max(self.expected, 1)

    @property
    def recall_beside(self) -> float:
        return self.found_beside / max(self.expected_beside, 1)


def part_scores(
    expected: Sequence[Sequence[PartKey]], listed: Sequence[Sequence[PartKey]]
) -> tuple[PartScores, list[list[PartKey]]]:
    """Part recall over messages, and per message the expected parts that were not listed. Parts
    match by label and ground in any order: the primary label is scored by `eval`, this counts
    whether every matter in the message was found at all."""
    found = found_beside = expected_beside = extra = 0
    missed: list[list[PartKey]] = []
    for wanted, got in zip(expected, listed, strict=True):
        unmatched = Counter(got)
        lost = []
        for index, part in enumerate(wanted):
            hit = unmatched[part] > 0
            unmatched[part] -= hit
            found += hit
            if index:
                expected_beside += 1
                found_beside += hit
            if not hit:
                lost.append(part)
        extra += sum(count for count in unmatched.values() if count > 0)
        missed.append(lost)
    total = sum(len(w) for w in expected)
    return PartScores(total, found, expected_beside, found_beside, extra), missed
