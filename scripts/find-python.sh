#!/usr/bin/env bash
# Prints the path of a Python 3.10 interpreter (Rasa 3.6.21 runs on 3.10 only), or fails with one line.
set -euo pipefail
is_310() { [ -n "$1" ] && "$1" -c 'import sys; sys.exit(sys.version_info[:2] != (3, 10))' 2>/dev/null; }
candidates=()
if [ -n "${PYTHON310:-}" ]; then candidates+=("$PYTHON310"); fi
if command -v python3.10 >/dev/null 2>&1; then candidates+=("$(command -v python3.10)"); fi
if command -v pyenv >/dev/null 2>&1; then
  for p in "$(pyenv root)"/versions/3.10.*/bin/python3.10; do candidates+=("$p"); done
fi
for p in "${HOME}"/.pyenv/versions/3.10.*/bin/python3.10 /usr/bin/python3.10 /usr/local/bin/python3.10; do
  candidates+=("$p")
done
for p in "${candidates[@]}"; do
  if is_310 "$p"; then echo "$p"; exit 0; fi
done
echo "error: Python 3.10 not found (Rasa 3.6 needs it): install it, e.g. 'pyenv install 3.10.13', or set PYTHON310=/path/to/python3.10" >&2
exit 1
