"""Console accounts for tests, made the way an administrator makes them: `python -m bot staff`."""

from __future__ import annotations

import os
import subprocess

from tests.conftest import ROOT

PASSWORD = "a long test passphrase"


def staff_command(database_url: str, *args: str, stdin: str = "") -> str:
    """Run `python -m bot staff ...` on that case store; what it printed."""
    done = subprocess.run(
        [str(ROOT / ".venv" / "bin" / "python"), "-m", "bot", "staff", *args],
        input=stdin, text=True, capture_output=True, check=True, cwd=ROOT,
        env={**os.environ, "INTAKE_DATABASE_URL": database_url},
    )  # fmt: skip
    return done.stdout


def add_staff(database_url: str, username: str, role: str = "handler") -> str:
    """Add an account; returns its password."""
    staff_command(database_url, "add", username, "--role", role, "--password-stdin",
                  stdin=f"{PASSWORD}\n")  # fmt: skip
    return PASSWORD
