"""`python -m bot queue|report|demo-data`: the officer's queue, the annual report and demo data."""

from __future__ import annotations

import argparse
import sys
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from bot.bootstrap import App
from bot.calendar import UK_TIME

OVERSIGHT_COMMANDS = ("queue", "report", "demo-data")


def add_oversight_commands(commands: Any) -> None:
    """Register the subcommands on the main parser's subparsers."""
    queue = commands.add_parser("queue", help="the complaints officer's queue")
    actions = queue.add_subparsers(dest="queue_action", required=True)
    actions.add_parser("exclusions", help="proposed exclusions waiting for a decision")
    adjustments = actions.add_parser("adjustments", help="adjustments due for review")
    adjustments.add_argument("--within-days", type=int, default=14)
    deadlines = actions.add_parser("deadlines", help="complaints near or past their deadlines")
    deadlines.add_argument("--within-working-days", type=int, default=2)
    for name, help_text in [
        ("accept", "refuse the complaint on the proposed ground; prints the refusal letter"),
        ("overrule", "take it as a Stage 1 complaint, with the date it was first received"),
    ]:
        decision = actions.add_parser(name, help=help_text)
        decision.add_argument("proposal_id", type=int)
        decision.add_argument("--officer", required=True)
        decision.add_argument("--reason", required=True)
    reviewed = actions.add_parser("reviewed", help="record that an adjustment was reviewed")
    reviewed.add_argument("adjustment_id", type=int)
    reviewed.add_argument("--officer", required=True)
    reviewed.add_argument("--note", default="")
    reviewed.add_argument("--next-review", type=date.fromisoformat, default=None)

    report = commands.add_parser("report", help="annual complaints report: HTML, CSV, charts")
    report.add_argument("--from", dest="start", type=date.fromisoformat, required=True)
    report.add_argument("--to", dest="end", type=date.fromisoformat, required=True)
    report.add_argument("--out", type=Path, required=True)

    demo = commands.add_parser("demo-data", help="fill an empty case store with demo data")
    demo.add_argument("--contacts", type=int, required=True)
    demo.add_argument("--seed", type=int, default=7)
    demo.add_argument(
        "--until",
        type=date.fromisoformat,
        default=None,
        help="last day of the year of data (default: today)",
    )


def run_oversight_command(app: App, args: argparse.Namespace) -> int:
    if args.command == "report":
        return report_command(app, args.start, args.end, args.out)
    if args.command == "demo-data":
        return demo_data_command(app, args.contacts, args.seed, args.until)
    return queue_command(app, args)


def queue_command(app: App, args: argparse.Namespace) -> int:
    from bot.oversight.queue import OfficerQueue, QueueError

    queue = OfficerQueue(app.cases, app.policy)
    action = args.queue_action
    try:
        if action == "exclusions":
            for item in queue.pending_exclusions():
                print(
                    f"#{item.proposal_id}  {item.ground} ({item.provision})  received "
                    f"{_local(item.received_at)} via {item.channel}, contact {item.contact_id}"
                )
                print(f'    resident: "{item.resident_words}"')
                print(f'    told: "{item.explanation}"')
        elif action == "accept":
            letter = queue.accept_exclusion(args.proposal_id, args.officer, args.reason)
            print(f"proposal {letter.proposal_id} accepted by {letter.officer}; refusal letter:\n")
            print(letter.text)
        elif action == "overrule":
            complaint = queue.overrule_exclusion(args.proposal_id, args.officer, args.reason)
            print(
                f"{complaint.reference} opened at Stage 1, received "
                f"{_local(complaint.received_at)}; acknowledge by "
                f"{complaint.acknowledgement_due}, respond by {complaint.response_due}"
            )
        elif action == "adjustments":
            today = app.cases.now().astimezone(UK_TIME).date()
            for due in queue.adjustments_due(timedelta(days=args.within_days)):
                adjustment = due.adjustment
                late = "  OVERDUE" if adjustment.review_due < today else ""
                print(
                    f"{due.adjustment_id:>5}  {due.reference}  {adjustment.need_id:<20} review "
                    f"by {adjustment.review_due}{late}  {adjustment.detail}"
                )
        elif action == "reviewed":
            review = queue.record_adjustment_review(
                args.adjustment_id, args.officer, args.note, args.next_review
            )
            print(
                f"adjustment {review.adjustment_id} reviewed by {review.officer}; next review "
                f"by {review.next_review_due}"
            )
        else:
            for step in queue.deadlines(args.within_working_days):
                days = abs(step.working_days_left)
                span = f"{days} working day{'' if days == 1 else 's'}"
                when = (
                    "due today"
                    if days == 0
                    else f"{span} OVERDUE"
                    if step.overdue
                    else f"{span} left"
                )
                print(
                    f"{step.reference}  stage {step.stage}  {step.step:<15} due {step.due}  "
                    f"{when}{'  (extended)' if step.extended else ''}"
                )
    except QueueError as error:
        print(f"queue: {error}", file=sys.stderr)
        return 1
    return 0


def report_command(app: App, start: date, end: date, out: Path) -> int:
    from bot.oversight.report.rendering import write_report

    try:
        files = write_report(app.cases, app.policy, start, end, out)
    except ValueError as error:
        print(f"report: {error}", file=sys.stderr)
        return 2
    print(f"report: {files.html}")
    print(f"  {len(files.csv)} CSV files and {len(files.charts)} charts in {out}")
    return 0


def demo_data_command(app: App, contacts: int, seed: int, until: date | None) -> int:
    """Demo data goes into an empty store only, so it never mixes with real residents' cases."""
    from bot.casestore import migrations
    from bot.casestore.engine import make_engine
    from bot.oversight.demo_data import DemoData

    migrations.upgrade(app.settings.database_url)
    with app.cases.unit_of_work() as uow:
        if uow.cases.recent_contacts(1):
            print(
                "demo-data: the case store already has contacts; point INTAKE_DATABASE_URL "
                "at an empty database",
                file=sys.stderr,
            )
            return 1
    until = until or app.cases.now().astimezone(UK_TIME).date()
    demo = DemoData(make_engine(app.settings.database_url), app.policy, until, seed)
    summary = demo.make(contacts)
    print(
        f"demo-data: {summary.contacts} contacts, {summary.complaints} complaints, "
        f"{summary.exclusions} proposed exclusions, {summary.service_requests} service "
        f"requests, up to {until}"
    )
    return 0


def _local(moment: datetime) -> str:
    return f"{moment.astimezone(UK_TIME):%Y-%m-%d %H:%M}"
