"""`python -m bot retention|export|erase`: how long data is kept, and residents' requests."""

from __future__ import annotations

import argparse
import json
import os
import sys
from datetime import date, datetime
from pathlib import Path
from typing import Any

from bot.bootstrap import App
from bot.privacy.service import ErasureRefused, PersonNotGiven

PRIVACY_COMMANDS = ("retention", "export", "erase")


def add_privacy_commands(commands: Any) -> None:
    """Register the subcommands on the main parser's subparsers."""
    retention = commands.add_parser(
        "retention", help="remove personal data older than policy_rules/retention.yml allows"
    )
    retention.add_argument("action", choices=["apply"])
    retention.add_argument("--dry-run", action="store_true", help="count, change nothing")
    export = commands.add_parser(
        "export", help="a resident's access request: everything held about them, as JSON"
    )
    _whose(export)
    export.add_argument("--out", type=Path, help="write to this file (readable by you only)")
    export.add_argument("--staff", required=True, help="who answers the request (audit trail)")
    erase = commands.add_parser(
        "erase", help="a resident's erasure request: delete or anonymise their data"
    )
    _whose(erase)
    erase.add_argument("--staff", required=True, help="who answers the request (audit trail)")
    erase.add_argument(
        "--include-open",
        action="store_true",
        help="also erase complaints still open (the resident has withdrawn them)",
    )


def _whose(parser: argparse.ArgumentParser) -> None:
    whose = parser.add_mutually_exclusive_group(required=True)
    whose.add_argument("--sender", help="one conversation (channel sender) id")
    whose.add_argument(
        "--person",
        help="an email address or phone number: every conversation, on any channel, that gave it",
    )


def run_privacy_command(app: App, args: argparse.Namespace) -> int:
    if args.command == "retention":
        run = app.personal_data.apply_retention(dry_run=args.dry_run)
        verb = "would remove" if run.dry_run else "removed"
        print(f"retention: {verb} what was past its period in retention.yml at "
              f"{run.at:%Y-%m-%d %H:%M} UTC")  # fmt: skip
        _print_counts("retention", run.counts)
        return 0
    try:
        return _answer_request(app, args)
    except PersonNotGiven as problem:
        print(f"{args.command}: {problem}", file=sys.stderr)
        return 2


def _answer_request(app: App, args: argparse.Namespace) -> int:
    data = app.personal_data
    if args.command == "export":
        held = (
            data.export(args.sender, args.staff)
            if args.sender is not None
            else data.export_person(args.person, args.staff)
        )
        exported = json.dumps(held, indent=2, default=_json_value)
        if args.out is None:
            print(exported)
        else:
            _write_private(args.out, exported + "\n")
            print(f"export: written to {args.out}", file=sys.stderr)
        return 0
    try:
        erasures = (
            [data.erase(args.sender, args.staff, args.include_open)]
            if args.sender is not None
            else data.erase_person(args.person, args.staff, args.include_open)
        )
    except ErasureRefused as refused:
        print(f"erase: nothing erased; {refused}", file=sys.stderr)
        return 1
    if not erasures:
        print("erase: no conversation gave that email address or phone number")
    for erasure in erasures:
        print(f"erase: done; what is kept is now filed as {erasure.anonymous_id}")
        _print_counts("erase", erasure.counts)
    return 0


def _print_counts(command: str, counts: dict[str, int]) -> None:
    for name, count in counts.items():
        print(f"{command}: {count:>6} {name.replace('_', ' ')}")


def _json_value(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    raise TypeError(f"{type(value).__name__} is not JSON")


def _write_private(path: Path, text: str) -> None:
    """The export holds personal data: only its owner may read the file."""
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    os.fchmod(descriptor, 0o600)
    with os.fdopen(descriptor, "w", encoding="utf-8") as file:
        file.write(text)
