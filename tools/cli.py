"""python -m tools <command>: the engineers' commands for judging the classifier (`make eval`,
`make crossval`, the README's figures). They live outside the installed package: a landlord's
server needs none of them.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from bot.bootstrap import App, build_app
from bot.cli import load_classifier
from bot.triage import TriageResult


def crossval(
    app: App, parts: Sequence[str], data: Path, detectors: Sequence[int] | None = None,
    folds_of: Path | None = None,
) -> int:  # fmt: skip
    from bot.nlu_runtime import current_model
    from tools.crossval import cross_validate

    model = current_model(app.settings.model_dir)
    lines = cross_validate(model, data, app.policy, parts, detectors=detectors, folds_of=folds_of)
    for line in lines:
        print(line, flush=True)
    return 0


def figures_command(app: App, readme: Path) -> int:
    """Score the eval files and cross-validate the configured classifier, then rewrite the
    README's figures table."""
    from bot.nlu_runtime import current_model
    from tools.crossval import configured_scores
    from tools.figures import regenerate

    classifier = load_classifier(app)
    model = current_model(app.settings.model_dir)
    print(
        regenerate(
            readme,
            lambda path: evaluate(app, path, classifier),
            lambda: configured_scores(model, Path("data/nlu"), app.policy),
        )
    )
    return 0


def evaluate(app: App, path: Path, classifier: Any = None) -> dict[str, float]:
    """Per-label and flag scores on a labelled file, beside two baselines, per source, with
    latency, and the safety figures; prints them and returns the headline figures. A file
    without labels (the safety corpus) gets the safety figures."""
    from tqdm import tqdm

    from tools.evaluation import SafetyCase, percentile, safety_report, safety_scores

    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    classifier = classifier or load_classifier(app)
    classifier.classify("warm up")
    results, latencies = [], []
    for row in tqdm(rows, desc="classifying", unit="msg", file=sys.stderr):
        start = time.perf_counter()
        results.append(classifier.classify(row["text"]))
        latencies.append((time.perf_counter() - start) * 1000)
    print(f"{len(rows)} messages from {path}")
    figures = _label_scores(app, rows, results) if all("label" in row for row in rows) else {}
    cases = [
        SafetyCase(bool(r.get("urgent")), r.get("category"), res.urgency, res.ask_about_danger)
        for r, res in zip(rows, results, strict=True)
    ]
    print(safety_report(cases))
    missed = [
        r["id"] for r, res in zip(rows, results, strict=True) if r.get("urgent") and not res.urgent
    ]
    extra = [
        r["id"] for r, res in zip(rows, results, strict=True) if res.urgent and not r.get("urgent")
    ]
    print(f"  urgent: missed {missed or 'none'}; flagged wrongly {extra or 'none'}")
    p50, p95 = percentile(latencies, 0.5), percentile(latencies, 0.95)
    print(f"latency per message (parse + triage): p50 {p50:.1f} ms, p95 {p95:.1f} ms")
    safety = {f"safety_{name}": value for name, value in safety_scores(cases).items()}
    return {**figures, **safety, "messages": len(rows), "p95_ms": p95}


def parts_command(app: App, path: Path) -> int:
    """Part recall on messages written to hold several matters (tests/data/parts/): whether
    triage lists every part, not only the primary label."""
    from tools.evaluation import part_scores

    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    classifier = load_classifier(app)
    results = [classifier.classify(row["text"]) for row in rows]
    expected = [[(p["label"], p["exclusion_reason"]) for p in row["parts"]] for row in rows]
    listed = [[(p.label, p.exclusion_reason) for p in result.parts] for result in results]
    scores, missed = part_scores(expected, listed)
    print(f"{len(rows)} messages from {path}")
    print(
        f"part recall {scores.recall:.3f} ({scores.found} of {scores.expected}); parts beside the "
        f"first {scores.recall_beside:.3f} ({scores.found_beside} of {scores.expected_beside}); "
        f"parts listed that were not expected {scores.extra}"
    )
    for row, lost, got in zip(rows, missed, listed, strict=True):
        if lost:
            print(f"  {row['id']}: missed {lost}; listed {got}")
    return 0


def _label_scores(
    app: App, rows: list[dict[str, Any]], results: list[TriageResult]
) -> dict[str, float]:
    from tools.baselines import KeywordBaseline, TfidfBaseline, training_examples
    from tools.evaluation import (
        Gold,
        Predicted,
        flag_scores,
        format_confusion,
        format_label_report,
        label_report,
        source_reports,
    )

    gold = [
        Gold(r["label"], r.get("exclusion_reason"), bool(r.get("representative")),
             bool(r.get("adjustment")), bool(r.get("urgent")))
        for r in rows
    ]  # fmt: skip
    predicted = [
        Predicted(res.label, res.exclusion_reason, res.representative, bool(res.adjustments),
                  res.urgent)
        for res in results
    ]  # fmt: skip
    report = label_report([g.label for g in gold], [p.label for p in predicted])
    print(format_label_report("assistant (NLU model + policy rules + triage)", report))
    print(format_confusion(report))
    flags = flag_scores(gold, predicted)
    for name, value in flags.items():
        print(f"{name:<36}{value:.3f}")
    for flag in ("representative", "has_adjustment"):
        missed = [r["id"] for r, g, p in zip(rows, gold, predicted, strict=True)
                  if getattr(g, flag) and not getattr(p, flag)]  # fmt: skip
        extra = [r["id"] for r, g, p in zip(rows, gold, predicted, strict=True)
                 if getattr(p, flag) and not getattr(g, flag)]  # fmt: skip
        print(f"  {flag}: missed {missed or 'none'}; flagged wrongly {extra or 'none'}")
    for source, by_source in source_reports(rows, [p.label for p in predicted]).items():
        print(f"  source {source:<40} n={sum(s[3] for s in by_source.per_label.values()):>3}  "
              f"macro-F1 {by_source.macro_f1:.3f}  accuracy {by_source.accuracy:.3f}")  # fmt: skip
    examples = training_examples(Path("data/nlu"), app.policy)
    baselines: dict[str, KeywordBaseline | TfidfBaseline] = {
        "keyword": KeywordBaseline(examples),
        "tfidf": TfidfBaseline(examples),
    }
    figures = {
        "macro_f1": report.macro_f1,
        "dissatisfaction_recall": report.dissatisfaction_recall,
        "dissatisfaction_precision": report.dissatisfaction_precision,
        **{f"{label}_{measure}": scores[index] for label, scores in report.per_label.items()
           for index, measure in ((0, "precision"), (1, "recall"))},
        **flags,
    }  # fmt: skip
    for name, baseline in baselines.items():
        baseline_report = label_report(
            [g.label for g in gold], [baseline.predict(r["text"]) for r in rows]
        )
        print(format_label_report(f"baseline: {name}", baseline_report))
        figures[f"{name}_macro_f1"] = baseline_report.macro_f1
    misses = [
        f"  {r['id']}: gold {r['label']}, got {res.label} ({res.intent})"
        for r, res in zip(rows, results, strict=True)
        if res.label != r["label"]
    ]
    if misses:
        print("misclassified:")
        print("\n".join(misses))
    return figures


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    evaluate_parser = commands.add_parser("eval", help="score the classifier on a labelled file")
    evaluate_parser.add_argument("file", type=Path)
    crossval_parser = commands.add_parser(
        "crossval",
        help="choose the intent classifier and the urgency thresholds by cross-validation on "
        "data/nlu",
    )
    crossval_parser.add_argument(
        "parts", nargs="*", choices=["intent", "rules", "urgency"], default=["intent", "urgency"]
    )
    crossval_parser.add_argument("--data", type=Path, default=Path("data/nlu"))
    crossval_parser.add_argument(
        "--detectors",
        nargs="+",
        type=int,
        help="score only these urgency detector settings (their numbers in DETECTOR_CANDIDATES; "
        "0, the configured one, gives the figures before a change), so one run holds the "
        "training lock for minutes",
    )
    crossval_parser.add_argument(
        "--folds-of",
        type=Path,
        help="score the intent and rule parts on the folds this copy of the training data gets "
        "(data/nlu before a change, with --data the changed copy): files it lacks train every "
        "fold and are never scored, so a before-and-after comparison judges the same splits",
    )
    parts_parser = commands.add_parser(
        "parts", help="part recall on messages written to hold several matters"
    )
    parts_parser.add_argument(
        "file", type=Path, nargs="?", default=Path("tests/data/parts/multipart_heldout.jsonl")
    )
    figures = commands.add_parser(
        "figures", help="score the eval files and cross-validate, then rewrite the README's table"
    )
    figures.add_argument("--readme", type=Path, default=Path("README.md"))
    args = parser.parse_args(argv)
    # Offline: these read the model and the labelled files, never stored data.
    app = build_app(None)
    if args.command == "crossval":
        return crossval(app, args.parts, args.data, args.detectors, args.folds_of)
    if args.command == "figures":
        return figures_command(app, args.readme)
    if args.command == "parts":
        return parts_command(app, args.file)
    evaluate(app, args.file)
    return 0
