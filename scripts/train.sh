#!/usr/bin/env bash
# Trains the model when none matches its inputs. A trained model is kept outside the clone, keyed
# by a hash of everything that shapes it, so a fresh clone reuses it; the tests still judge it.
set -euo pipefail
cd "$(dirname "$0")/.."
export RASA_TELEMETRY_ENABLED=false TF_CPP_MIN_LOG_LEVEL=3 PYTHONHASHSEED=0
key=$(scripts/model-key.sh)
cache="${INTAKE_CACHE_DIR:-$HOME/.cache/intake-assistant}/models"
model="models/intake-$key.tar.gz"
mkdir -p models "$cache"
if [ -f "$model" ]; then exit 0; fi
if [ -f "$cache/$key.tar.gz" ]; then
  cp "$cache/$key.tar.gz" "$model.tmp" && mv "$model.tmp" "$model"
  echo "train: reusing the model for these inputs ($key)"
else
  echo "train: training a model for these inputs ($key)"
  start=$(date +%s)
  .venv/bin/rasa train --quiet --fixed-model-name "intake-$key" --out models
  echo "train: trained in $(( $(date +%s) - start ))s"
  cp "$model" "$cache/$key.tar.gz.tmp" && mv "$cache/$key.tar.gz.tmp" "$cache/$key.tar.gz"
fi
# Keep only the current model, so `rasa run` and `python -m bot` load this one.
find models -name 'intake-*.tar.gz' ! -name "intake-$key.tar.gz" -delete
