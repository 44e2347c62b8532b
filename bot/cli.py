"""python -m bot <command>: the command line for staff and engineers."""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from bot.bootstrap import App, build_app
from bot.console.commands import add_staff_command, staff_command
from bot.oversight.commands import (
    OVERSIGHT_COMMANDS,
    add_oversight_commands,
    run_oversight_command,
)
from bot.privacy.commands import PRIVACY_COMMANDS, add_privacy_commands, run_privacy_command
from bot.privacy.startup import COMMAND_LINE, start
from bot.triage import TriageResult


def _classifier(app: App) -> Any:
    from bot.nlu_runtime import Classifier, current_model

    return Classifier(current_model(app.settings.model_dir), app.policy)


def crossval(app: App, parts: Sequence[str], data: Path) -> int:
    from bot.crossval import cross_validate
    from bot.nlu_runtime import current_model

    model = current_model(app.settings.model_dir)
    print(cross_validate(model, data, app.policy, parts))
    return 0


def figures_command(app: App, readme: Path) -> int:
    """Score the eval files and cross-validate the configured classifier, then rewrite the
    README's figures table."""
    from bot.crossval import configured_scores
    from bot.figures import regenerate
    from bot.nlu_runtime import current_model

    classifier = _classifier(app)
    model = current_model(app.settings.model_dir)
    print(
        regenerate(
            readme,
            lambda path: evaluate(app, path, classifier),
            lambda: configured_scores(model, Path("data/nlu"), app.policy),
        )
    )
    return 0


def classify(app: App, lines: Sequence[str], out: Any) -> int:
    """JSON lines {"id", "text"} in; one JSON line per message out (DESIGN §5).

    Every line is checked before the model loads, so a bad file fails at once."""
    records = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            if not isinstance(record, dict) or not isinstance(record.get("text"), str):
                raise ValueError('expected an object with a string "text"')
        except ValueError as error:
            print(f"line {number}: {error}", file=sys.stderr)
            return 2
        records.append(record)
    classifier = _classifier(app)
    for record in records:
        result = classifier.classify(record["text"])
        out.write(json.dumps(result.as_contract(record.get("id"))) + "\n")
    out.flush()
    return 0


def evaluate(app: App, path: Path, classifier: Any = None) -> dict[str, float]:
    """Per-label and flag scores on a labelled file, beside two baselines, per source, with
    latency, and the safety figures; prints them and returns the headline figures. A file
    without labels (the safety corpus) gets the safety figures."""
    from tqdm import tqdm

    from bot.evaluation import SafetyCase, percentile, safety_report, safety_scores

    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    classifier = classifier or _classifier(app)
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


def _label_scores(
    app: App, rows: list[dict[str, Any]], results: list[TriageResult]
) -> dict[str, float]:
    from bot.baselines import KeywordBaseline, TfidfBaseline, training_examples
    from bot.evaluation import (
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


def database_command(app: App, action: str) -> int:
    """`upgrade` applies the migrations; `check` fails if they differ from the tables in code."""
    from bot.casestore import migrations

    if action == "upgrade":
        migrations.upgrade(app.settings.database_url)
        print("db: up to date")
        return 0
    differences = migrations.differences(app.settings.database_url)
    for difference in differences:
        print(f"db: migration missing for {difference}")
    return 1 if differences else 0


def cases_command(app: App, action: str, reference: str | None, limit: int) -> int:
    """Complaints and contacts for staff and engineers, newest first."""
    with app.cases.unit_of_work() as uow:
        if action == "contacts":
            for contact in uow.cases.recent_contacts(limit):
                print(f"{contact.id:>6}  {contact.received_at:%Y-%m-%d %H:%M}  "
                      f"{contact.channel:<10} {contact.label:<16} {contact.choice or '-':<13} "
                      f"{','.join(contact.urgency) or '-'}")  # fmt: skip
            return 0
        if action == "list":
            for listed in uow.cases.recent_complaints(limit):
                print(f"{listed.reference}  stage {listed.stage}  {listed.status:<8} "
                      f"received {listed.received_at:%Y-%m-%d}  "
                      f"ack by {listed.acknowledgement_due}  "
                      f"respond by {listed.response_due}")  # fmt: skip
            return 0
        complaint = uow.cases.complaint_by_reference(reference or "")
    if complaint is None:
        print(f"cases: no complaint {reference}", file=sys.stderr)
        return 1
    print(format_complaint(complaint))
    return 0


def outbox_command(app: App, action: str, every: float | None) -> int:
    """Pending handovers are listed without personal data; relay delivers them exactly once."""
    if action == "list":
        for handover in app.handovers.pending():
            print(f"{handover.handover_key}  received {handover.received_at:%Y-%m-%d %H:%M} UTC "
                  f"via {handover.channel}")  # fmt: skip
        return 0
    while True:
        delivered, waiting = app.handovers.relay()
        if delivered or waiting or every is None:
            print(f"outbox: delivered {delivered}, still waiting {waiting}", flush=True)
        if every is None:
            return 0 if waiting == 0 else 1
        time.sleep(every)


def handoffs_command(app: App, action: str, handoff_id: int | None, staff: str | None) -> int:
    """Staff see who is waiting for a person and what they said, then pick one up."""
    if action == "list":
        for handoff in app.cases.waiting_handoffs():
            when = f"{handoff.requested_at:%Y-%m-%d %H:%M} UTC"
            print(f"handoff {handoff.id}: {handoff.channel} conversation "
                  f"{handoff.conversation_id}, asked {when}")  # fmt: skip
            print(format_transcript(handoff.transcript))
        return 0
    if handoff_id is None or not staff:
        print("handoffs: pick-up needs the handoff id and --staff NAME", file=sys.stderr)
        return 2
    if not app.cases.pick_up_handoff(handoff_id, staff):
        print(f"handoffs: {handoff_id} is not waiting", file=sys.stderr)
        return 1
    print(f"handoffs: {handoff_id} picked up by {staff}")
    return 0


def format_transcript(lines: Sequence[Any]) -> str:
    return "\n".join(f"  {t.at:%H:%M:%S} {t.direction:>9}: {t.text}" for t in lines)


def format_complaint(complaint: Any) -> str:
    definition = complaint.definition
    lines = [
        f"{complaint.reference} (stage {complaint.stage}, {complaint.status}) "
        f"via {complaint.channel}",
        f"received {complaint.received_at:%Y-%m-%d %H:%M} UTC, clock from {complaint.clock_start}",
        f"acknowledge by {complaint.acknowledgement_due}; respond by {complaint.response_due}"
        + (f"; extended to {complaint.extended_to}: {complaint.extension_reason}"
           if complaint.extended_to else ""),
        f"what went wrong: {'; '.join(definition.aspects)}",
        f"still happening: {definition.still_happening}",
        f"outcomes sought: {'; '.join(definition.outcomes)}",
        f"resident's words: {definition.resident_words}",
        f"contact: {complaint.contact_name}, {complaint.contact_details} "
        f"(prefers {complaint.contact_preference})",
    ]  # fmt: skip
    if complaint.stage == 2:
        lines.append(f"words when Stage 2 was asked for: {complaint.request_words or '(none)'}")
    if complaint.representative:
        rep = complaint.representative
        lines.append(f"representative: {rep.name}, {rep.relationship}; consent {rep.consent}")
    lines += [
        f"adjustment: {a.need_id}: {a.detail} (review by {a.review_due})"
        for a in complaint.adjustments
    ]
    if complaint.transcript:
        lines.append(format_transcript(complaint.transcript))
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("classify", help="triage JSON lines from stdin")
    evaluate_parser = commands.add_parser("eval", help="score the classifier on a labelled file")
    evaluate_parser.add_argument("file", type=Path)
    crossval_parser = commands.add_parser(
        "crossval",
        help="choose the intent classifier and the urgency thresholds by cross-validation on "
        "data/nlu",
    )
    crossval_parser.add_argument(
        "parts", nargs="*", choices=["intent", "urgency"], default=["intent", "urgency"]
    )
    crossval_parser.add_argument("--data", type=Path, default=Path("data/nlu"))
    figures = commands.add_parser(
        "figures", help="score the eval files and cross-validate, then rewrite the README's table"
    )
    figures.add_argument("--readme", type=Path, default=Path("README.md"))
    database = commands.add_parser("db", help="case store database")
    database.add_argument("action", choices=["upgrade", "check"])
    cases = commands.add_parser("cases", help="list complaints and contacts, show one complaint")
    cases.add_argument("action", choices=["list", "show"])
    cases.add_argument("reference", nargs="?")
    cases.add_argument("--limit", type=int, default=50)
    contacts = commands.add_parser("contacts", help="list triaged contacts, newest first")
    contacts.add_argument("action", choices=["list"])
    contacts.add_argument("--limit", type=int, default=50)
    handoffs = commands.add_parser(
        "handoffs", help="conversations waiting for a person, with what was said so far"
    )
    handoffs.add_argument("action", choices=["list", "pick-up"])
    handoffs.add_argument("id", nargs="?", type=int, help="the handoff to pick up")
    handoffs.add_argument("--staff", help="who is picking it up (recorded in the audit trail)")
    outbox = commands.add_parser(
        "outbox", help="complaint handovers waiting for the case store; deliver them"
    )
    outbox.add_argument("action", choices=["list", "relay"])
    outbox.add_argument(
        "--every", type=float, help="keep relaying, this many seconds apart (until Ctrl-C)"
    )
    add_oversight_commands(commands)
    add_staff_command(commands)
    add_privacy_commands(commands)
    args = parser.parse_args(argv)
    # Commands that read or change stored data check its secrets (bot.privacy.startup).
    offline = ("classify", "eval", "crossval", "figures")
    settings = None if args.command in offline else start(COMMAND_LINE)
    app = build_app(settings)
    if args.command in PRIVACY_COMMANDS:
        return run_privacy_command(app, args)
    if args.command == "staff":
        return staff_command(app, args)
    if args.command in OVERSIGHT_COMMANDS:
        return run_oversight_command(app, args)
    if args.command == "cases":
        return cases_command(app, args.action, args.reference, args.limit)
    if args.command == "contacts":
        return cases_command(app, "contacts", None, args.limit)
    if args.command == "outbox":
        return outbox_command(app, args.action, args.every)
    if args.command == "handoffs":
        return handoffs_command(app, args.action, args.id, args.staff)
    if args.command == "db":
        return database_command(app, args.action)
    if args.command == "classify":
        return classify(app, sys.stdin.read().splitlines(), sys.stdout)
    if args.command == "crossval":
        return crossval(app, args.parts, args.data)
    if args.command == "figures":
        return figures_command(app, args.readme)
    evaluate(app, args.file)
    return 0
