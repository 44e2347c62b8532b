"""Console accounts for tests, made the way an administrator makes them: `python -m bot staff`,
and the codes their authenticator apps would show, from the secret the command printed once."""

from __future__ import annotations

import os
import re
import subprocess

from pyotp import TOTP
from sqlalchemy import update

from bot.casestore import tables
from bot.casestore.engine import make_engine
from tests.conftest import ROOT

PASSWORD = "a long test passphrase"
# Each account's second factor, as the administrator handed it over (username to secret), and
# the case store it is in.
AUTHENTICATORS: dict[str, tuple[str, str]] = {}
SECRET_SHOWN = re.compile(r"secret key +([A-Z2-7]+)")
PAGE_SHOWN = re.compile(r"the page (/console/enrol/\S+)")
# Each account's enrolment page, as the administrator handed it over.
ENROLMENT_PAGES: dict[str, str] = {}


def code_for(username: str) -> str:
    """What the person's authenticator app shows now; a wrong code for an unknown username.

    A code signs in once, and a person signs in once a shift; the tests sign the same account in
    many times a minute, so each code given here first clears the account's last used code
    (tests/integration/test_staff_accounts.py shows a code refused the second time)."""
    found = AUTHENTICATORS.get(username.strip().lower())
    if found is None:
        return "000000"
    secret, database_url = found
    users = tables.staff_users
    with make_engine(database_url).begin() as connection:
        connection.execute(
            update(users).where(users.c.username == username).values(totp_last_step=None)
        )
    return TOTP(secret).now()


def staff_command(database_url: str, *args: str, stdin: str = "") -> str:
    """Run `python -m bot staff ...` on that case store; what it printed."""
    done = subprocess.run(
        [str(ROOT / ".venv" / "bin" / "python"), "-m", "bot", "staff", *args],
        input=stdin, text=True, capture_output=True, check=True, cwd=ROOT,
        env={**os.environ, "INTAKE_DATABASE_URL": database_url},
    )  # fmt: skip
    return done.stdout


def add_staff(database_url: str, username: str, role: str = "handler") -> str:
    """Add an account; returns its password (its authenticator is set up too)."""
    shown = staff_command(database_url, "add", username, "--role", role, "--password-stdin",
                          stdin=f"{PASSWORD}\n")  # fmt: skip
    found, page = SECRET_SHOWN.search(shown), PAGE_SHOWN.search(shown)
    assert found and page, f"no second factor shown: {shown}"
    AUTHENTICATORS[username] = (found.group(1), database_url)
    ENROLMENT_PAGES[username] = page.group(1)
    return PASSWORD
