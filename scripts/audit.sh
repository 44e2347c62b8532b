#!/usr/bin/env bash
# Audits every pinned dependency (requirements/lock.txt, requirements/model.txt) for known
# vulnerabilities with pip-audit, which runs in a venv of its own: its dependencies conflict with
# Rasa's pins, so it is not in the lock. Fails on a vulnerability that has a fix unless
# requirements/audit-explained.txt explains it; one without a fix is listed as a warning.
# When no vulnerability database answers (pip-audit then "finds" nothing because it audited
# nothing), it says so plainly and exits 0: that run checked nothing.
set -euo pipefail
cd "$(dirname "$0")/.."
version=2.10.1
venv="${INTAKE_CACHE_DIR:-$HOME/.cache/intake-assistant}/pip-audit-$version"
if [ ! -x "$venv/bin/pip-audit" ]; then
  "$(scripts/find-python.sh)" -m venv "$venv"
  "$venv/bin/python" -m pip install -q --disable-pip-version-check "pip-audit==$version"
fi
reports=$(mktemp -d)
trap 'rm -rf "$reports"' EXIT
# One run per file: pip-audit wants hashes on every line once one line has them (model.txt).
for requirements in requirements/lock.txt requirements/model.txt; do
  timeout 600 "$venv/bin/pip-audit" --disable-pip --no-deps --progress-spinner off --timeout 15 \
    -r "$requirements" -f json -o "$reports/$(basename "$requirements").json" 2>"$reports/errors" \
    || tail -n 1 "$reports/errors"
done
"$venv/bin/python" - "$reports" requirements/audit-explained.txt <<'EOF'
import json
import sys
from pathlib import Path

reports, explained_file = Path(sys.argv[1]), Path(sys.argv[2])
explained = {
    line.split()[0]
    for line in explained_file.read_text().splitlines()
    if line.strip() and not line.startswith("#")
}
dependencies = []
for name in ("lock.txt.json", "model.txt.json"):
    if not (reports / name).is_file():
        print(f"audit: pip-audit failed on requirements/{name[:-5]} (its last line is above)")
        sys.exit(2)
    dependencies += json.loads((reports / name).read_text())["dependencies"]
audited = [d for d in dependencies if "skip_reason" not in d]
if not audited:
    print("audit: WARNING: no vulnerability database could be reached (PyPI's per-release JSON "
          "API did not answer for any pin): nothing was audited, so this run says nothing "
          "about known vulnerabilities")
    sys.exit(0)
for skipped in (d for d in dependencies if "skip_reason" in d):
    print(f"audit: warning: {skipped['skip_reason']}")
failed = False
for dependency in audited:
    for vulnerability in dependency["vulns"]:
        ids = [vulnerability["id"], *vulnerability.get("aliases", [])]
        where = f"{dependency['name']} {dependency['version']}: {', '.join(ids)}"
        if explained.intersection(ids):
            print(f"audit: explained in {explained_file}: {where}")
        elif vulnerability["fix_versions"]:
            failed = True
            print(f"audit: FIX AVAILABLE ({', '.join(vulnerability['fix_versions'])}): {where}")
        else:
            print(f"audit: warning: no fix released yet: {where}")
print(f"audit: {len(audited)} of {len(dependencies)} pinned packages audited")
sys.exit(1 if failed else 0)
EOF
