#!/usr/bin/env bash
# Starts the scale-out layout on 127.0.0.1 (bot/cluster.py): nginx on :5005 (CLUSTER_PORT) in front
# of two Rasa replicas and two action servers, Redis as the lock store, trackers and cases in
# PostgreSQL. Ctrl-C stops everything. Logs and config in var/cluster/.
set -euo pipefail
cd "$(dirname "$0")/.."
export RASA_TELEMETRY_ENABLED=false TF_CPP_MIN_LOG_LEVEL=3
exec .venv/bin/python -m tools.cluster "$@"
