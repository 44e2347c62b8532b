"""`python -m bot staff add|list|disable|second-factor|display-name`: console accounts, made by
whoever runs the server. Adding an account, or giving it a new second factor, prints the secret
for the person's authenticator app once: it is never shown again."""

from __future__ import annotations

import argparse
import getpass
import sys
from typing import Any, TextIO

from bot.bootstrap import App
from bot.console.accounts import ROLES, AccountError, Enrolment

DISPLAY_NAME_HELP = (
    'what residents in a live chat call them ("Alex from <landlord>"); without one, the first '
    "part of the username"
)


def add_staff_command(commands: Any) -> None:
    """Register `staff` on the main parser's subparsers."""
    staff = commands.add_parser("staff", help="call handler console accounts")
    actions = staff.add_subparsers(dest="staff_action", required=True)
    add = actions.add_parser("add", help="add an account; asks for the password twice")
    add.add_argument("username")
    add.add_argument("--role", choices=ROLES, default="handler",
                     help="officers also see the officer queue (default: handler)")  # fmt: skip
    add.add_argument("--password-stdin", action="store_true",
                     help="read the password from the first line of stdin")  # fmt: skip
    add.add_argument("--display-name", default="", help=DISPLAY_NAME_HELP)
    actions.add_parser("list", help="accounts, with their role and whether they are active")
    disable = actions.add_parser("disable", help="disable an account and end its sessions")
    disable.add_argument("username")
    second = actions.add_parser(
        "second-factor", help="a new authenticator secret for an account (a lost phone)"
    )
    second.add_argument("username")
    named = actions.add_parser("display-name", help="set what residents in a live chat call them")
    named.add_argument("username")
    named.add_argument("display_name", metavar="NAME", help=f'{DISPLAY_NAME_HELP}; "" for that')


def staff_command(app: App, args: argparse.Namespace, stdin: TextIO = sys.stdin) -> int:
    if args.staff_action == "list":
        for member in app.staff.members():
            state = "active" if member.active else "disabled"
            print(f"{member.username:<24} {member.role:<8} {state:<8} "
                  f"added {member.created_at:%Y-%m-%d}  shown as {member.shown_name}")  # fmt: skip
        return 0
    if args.staff_action == "display-name":
        try:
            named = app.staff.set_display_name(args.username, args.display_name)
        except AccountError as problem:
            print(f"staff: {problem}", file=sys.stderr)
            return 1
        if named is None:
            print(f"staff: no account {args.username}", file=sys.stderr)
            return 1
        print(f"staff: residents in a live chat now see {named.username} as {named.shown_name}")
        return 0
    if args.staff_action == "disable":
        if not app.staff.disable(args.username):
            print(f"staff: no active account {args.username}", file=sys.stderr)
            return 1
        print(f"staff: {args.username} disabled; their sessions have ended")
        return 0
    if args.staff_action == "second-factor":
        enrolment = app.staff.new_second_factor(args.username)
        if enrolment is None:
            print(f"staff: no active account {args.username}", file=sys.stderr)
            return 1
        print(f"staff: {enrolment.member.username} has a new second factor; the old one no "
              "longer works and their sessions have ended")  # fmt: skip
        _show_once(enrolment)
        return 0
    password = _password(stdin) if args.password_stdin else _password_twice()
    if password is None:
        print("staff: the two passwords were different; nothing was added", file=sys.stderr)
        return 1
    try:
        enrolment = app.staff.add(args.username, password, args.role, args.display_name)
    except AccountError as problem:
        print(f"staff: {problem}", file=sys.stderr)
        return 1
    member = enrolment.member
    print(f"staff: added {member.username} ({member.role}), shown to residents as "
          f"{member.shown_name}")  # fmt: skip
    _show_once(enrolment)
    return 0


def _show_once(enrolment: Enrolment) -> None:
    """The secret for the person's authenticator app: shown here only, so give it to them now,
    or give them the enrolment page, which shows it as a QR code until their app works."""
    print("staff: second factor, shown this once: enter it in the person's authenticator app")
    print(f"staff:   secret key  {enrolment.secret}")
    print(f"staff:   or the link {enrolment.provisioning_uri}")
    print(f"staff:   or give them the page {enrolment.page} on the console's address (a QR code "
          "to scan; it works for a day, until their app shows the right code)")  # fmt: skip


def _password(stdin: TextIO) -> str:
    return stdin.readline().rstrip("\r\n")


def _password_twice() -> str | None:
    password = getpass.getpass("Password: ")
    return password if getpass.getpass("Password again: ") == password else None
