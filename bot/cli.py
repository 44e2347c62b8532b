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
from bot.policy import PolicyError, load_policy
from bot.policy.contract import contract_problems
from bot.privacy.commands import PRIVACY_COMMANDS, add_privacy_commands, run_privacy_command
from bot.privacy.startup import COMMAND_LINE, start
from bot.settings import PROJECT_ROOT

# Handed to the development tooling in tools/ (tools/cli.py).
DEVELOPMENT_COMMANDS = ("eval", "crossval", "figures")


def load_classifier(app: App) -> Any:
    from bot.nlu_runtime import Classifier, current_model

    return Classifier(current_model(app.settings.model_dir), app.policy)


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
    classifier = load_classifier(app)
    for record in records:
        result = classifier.classify(record["text"])
        out.write(json.dumps(result.as_contract(record.get("id"))) + "\n")
    out.flush()
    return 0


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


def handoffs_command(app: App) -> int:
    """Who is waiting for a person and what they said. Staff take a conversation in the
    console's live chat, which tells the resident a person has joined."""
    for handoff in app.cases.waiting_handoffs():
        when = f"{handoff.requested_at:%Y-%m-%d %H:%M} UTC"
        print(f"handoff {handoff.id}: {handoff.channel} conversation "
              f"{handoff.conversation_id}, asked {when}")  # fmt: skip
        print(format_transcript(handoff.transcript))
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


def development_command(argv: Sequence[str]) -> int:
    """`python -m bot eval` (and crossval, figures), as the team's instructions name them: they
    are `python -m tools` commands, found only in a checkout, never in the installed package."""
    try:
        from tools.cli import main as tools_main
    except ModuleNotFoundError:
        print(f"python -m bot {argv[0]}: a development command; in a checkout run "
              f"`python -m tools {argv[0]}`", file=sys.stderr)  # fmt: skip
        return 2
    return tools_main(argv)


def policy_command(root: Path) -> int:
    """Load policy_rules/ and check it against domain.yml, data/rules/ and data/nlu/."""
    try:
        policy = load_policy(root / "policy_rules")
    except PolicyError as error:
        print(f"policy: {error}", file=sys.stderr)
        return 1
    problems = contract_problems(root, policy)
    for problem in problems:
        print(f"policy: {problem}", file=sys.stderr)
    if not problems:
        print("policy: policy_rules/, domain.yml, data/rules/ and data/nlu/ agree")
    return 1 if problems else 0


def main(argv: Sequence[str] | None = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    if arguments[:1] and arguments[0] in DEVELOPMENT_COMMANDS:
        return development_command(arguments)
    parser = argparse.ArgumentParser(prog="python -m bot", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("classify", help="triage JSON lines from stdin")
    policy = commands.add_parser(
        "policy", help="check policy_rules/ against domain.yml, data/rules/ and data/nlu/"
    )
    policy.add_argument("action", choices=["check"])
    policy.add_argument("--root", type=Path, default=PROJECT_ROOT)
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
    handoffs.add_argument("action", choices=["list"])
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
    args = parser.parse_args(arguments)
    if args.command == "policy":
        return policy_command(args.root)
    # Commands that read or change stored data check its secrets (bot.privacy.startup).
    settings = None if args.command == "classify" else start(COMMAND_LINE)
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
        return handoffs_command(app)
    if args.command == "db":
        return database_command(app, args.action)
    return classify(app, sys.stdin.read().splitlines(), sys.stdout)
