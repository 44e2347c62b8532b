"""Console accounts for tests, made the way an administrator makes them: `python -m bot staff`,
and the codes their authenticator apps would show, from the secret the command printed once."""

from __future__ import annotations

import os
import re
import subprocess

from pyotp import TOTP

from tests.conftest import ROOT

PASSWORD = "a long test passphrase"
# Each account's second factor, as the administrator handed it over (username to secret).
AUTHENTICATORS: dict[str, str] = {}
SECRET_SHOWN = re.compile(r"secret key +([A-Z2-7]+)")


def code_for(username: str) -> str:
    """What the person's authenticator app shows now; a wrong code for an unknown username."""
    secret = AUTHENTICATORS.get(username.strip().lower())
    return TOTP(secret).now() if secret else "000000"


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
    found = SECRET_SHOWN.search(shown)
    assert found, f"no second factor shown: {shown}"
    AUTHENTICATORS[username] = found.group(1)
    return PASSWORD
