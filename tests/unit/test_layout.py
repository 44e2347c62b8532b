"""The layout holds: development tooling stays out of the installed package, and the decision
and the policy stand on their own (no case store, no Rasa, no web server beneath them)."""

from __future__ import annotations

import re
import subprocess
import sys

import tomli
from setuptools import find_namespace_packages

from tests.conftest import ROOT

# Development and ops tooling: it lives in tools/, which is not installed.
TOOLING = ("load", "cluster", "localservers", "baselines", "evaluation", "crossval", "figures")
# Importing these must not load any of the layers above them.
INDEPENDENT = ("bot.triage", "bot.policy")
ABOVE = ("bot.casestore", "rasa", "rasa_sdk", "actions", "sanic", "sqlalchemy")
# A transaction opened any other way than the unit of work: a connection or transaction of its own,
# or an ORM session.
AD_HOC_TRANSACTION = re.compile(r"\.(begin|connect)\(|\b(Session|sessionmaker)\(")
# The unit of work itself, and Alembic's migration run, which Alembic gives its own connection.
OPENS_TRANSACTIONS = ("bot/casestore/unit_of_work.py", "bot/casestore/migrations.py")


def test_tools_are_not_installed_with_the_package() -> None:
    # pyproject.toml's `packages.find`: setuptools looks for namespace packages there.
    found = tomli.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]
    installed = set(
        find_namespace_packages(str(ROOT), include=found["packages"]["find"]["include"])
    )
    assert {"bot", "bot.console.routes", "actions"} <= installed
    assert not {name for name in installed if name.split(".")[0] in ("tools", "tests")}
    assert [module for module in TOOLING if (ROOT / "bot" / f"{module}.py").exists()] == []
    assert all((ROOT / "tools" / f"{module}.py").exists() for module in TOOLING)


def test_triage_and_policy_import_neither_the_case_store_nor_rasa() -> None:
    # A fresh interpreter, so nothing another test imported counts.
    loaded = subprocess.run(
        [sys.executable, "-c", f"import sys, {', '.join(INDEPENDENT)}; print(*sys.modules)"],
        capture_output=True, text=True, check=True, cwd=ROOT,
    ).stdout.split()  # fmt: skip
    above = sorted(name for name in loaded if name.split(".")[0] in ABOVE or name.startswith(ABOVE))
    assert above == []


def test_every_transaction_is_a_unit_of_work() -> None:
    """One idiom (bot/casestore/unit_of_work.py): the outbox, staff accounts, call drafts and
    personal data used to open their own `engine.begin()` or `connect()` blocks beside it."""
    ad_hoc = [
        f"{path.relative_to(ROOT)}:{number}"
        for path in sorted((ROOT / "bot").rglob("*.py"))
        if str(path.relative_to(ROOT)) not in OPENS_TRANSACTIONS
        for number, line in enumerate(path.read_text().splitlines(), 1)
        if AD_HOC_TRANSACTION.search(line)
    ]
    assert ad_hoc == []
