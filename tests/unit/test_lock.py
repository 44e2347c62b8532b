"""The lock pins every package with the hashes of its files, and the set-up refuses anything
else: a file that changed on the index after `make lock` is not installed."""

from __future__ import annotations

import re

from tests.conftest import ROOT

LOCK = ROOT / "requirements" / "lock.txt"
PIN = re.compile(r"^([A-Za-z0-9_.-]+)==(\S+)")


def requirements() -> list[str]:
    """Each requirement with its continuation lines joined."""
    text = LOCK.read_text().replace("\\\n", " ")
    return [line for line in text.splitlines() if line.strip() and not line.startswith("#")]


def test_every_pin_in_the_lock_carries_the_sha256_of_its_files() -> None:
    found = requirements()
    assert len(found) > 150
    for requirement in found:
        assert PIN.match(requirement), f"not an exact pin: {requirement[:60]}"
        hashes = re.findall(r"--hash=sha256:([0-9a-f]{64})\b", requirement)
        assert hashes, f"no hash for {requirement.split()[0]}"


def test_the_set_up_installs_the_lock_with_hashes_required() -> None:
    setup = (ROOT / "scripts" / "setup.sh").read_text()
    assert "--require-hashes -r requirements/lock.txt" in setup
    assert "--generate-hashes" in (ROOT / "scripts" / "lock.sh").read_text()
