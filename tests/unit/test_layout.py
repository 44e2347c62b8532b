"""The layout holds: development tooling stays out of the installed package."""

from __future__ import annotations

import tomli
from setuptools import find_namespace_packages

from tests.conftest import ROOT

# Development and ops tooling: it lives in tools/, which is not installed.
TOOLING = ("load", "cluster", "localservers", "baselines", "evaluation", "crossval", "figures")


def test_tools_are_not_installed_with_the_package() -> None:
    # pyproject.toml's `packages.find`: setuptools looks for namespace packages there.
    found = tomli.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]
    installed = set(
        find_namespace_packages(str(ROOT), include=found["packages"]["find"]["include"])
    )
    assert {"bot", "bot.console.routes", "actions"} <= installed
    assert not {name for name in installed if name.split(".")[0] in ("tools", "tests")}
    shipped = {
        f"{package}.{module}" for package in installed for module in TOOLING
        if (ROOT / package.replace(".", "/") / f"{module}.py").exists()
    }  # fmt: skip
    assert shipped == set()
