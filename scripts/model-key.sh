#!/usr/bin/env bash
# Prints the hash of every input that shapes the trained model.
set -euo pipefail
cd "$(dirname "$0")/.."
find config.yml domain.yml data policy_rules bot/nlp bot/policy requirements spacy_pipeline/build.py \
  -type f \( -name '*.yml' -o -name '*.py' -o -name '*.txt' \) -print0 \
  | sort -z | xargs -0 sha256sum | sha256sum | cut -c1-16
