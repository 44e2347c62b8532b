"""axe-core in the page under test: the accessibility problems that block or badly hinder people.

axe-core comes from npm (package-lock.json, installed by scripts/setup.sh into node_modules).
"""

from __future__ import annotations

from typing import Any

from playwright.sync_api import Page

from tests.conftest import ROOT

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
SERIOUS = ("serious", "critical")


def serious_violations(page: Page) -> list[dict[str, Any]]:
    """Violations with impact serious or critical, each with the elements it found them on."""
    if not page.evaluate("() => typeof window.axe === 'object'"):
        # Evaluated rather than added as a script tag, so a page's Content-Security-Policy (rightly
        # strict on the staff pages) does not stop it.
        page.evaluate(AXE.read_text(encoding="utf-8") + "\n;true")
    results = page.evaluate("() => axe.run(document, { resultTypes: ['violations'] })")
    return [
        {
            "id": violation["id"],
            "impact": violation["impact"],
            "help": violation["help"],
            "targets": [node["target"] for node in violation["nodes"]],
        }
        for violation in results["violations"]
        if violation["impact"] in SERIOUS
    ]
