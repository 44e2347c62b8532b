#!/usr/bin/env bash
# Starts the action server and the Rasa server on 127.0.0.1 and stops both on Ctrl-C.
# `--shell` talks to the assistant in this terminal instead of serving HTTP. The action server runs
# on rasa_sdk alone (no Rasa or TensorFlow import), so it starts in seconds in about 50 MB.
set -euo pipefail
cd "$(dirname "$0")/.."
# Conversations, cases and logs hold personal data: files made from here are the owner's only.
umask 077
export RASA_TELEMETRY_ENABLED=false TF_CPP_MIN_LOG_LEVEL=3 SANIC_HOST=127.0.0.1
RASA_PORT=${RASA_PORT:-5005}
ACTION_PORT=${ACTION_PORT:-5055}
export ACTION_ENDPOINT_URL="http://127.0.0.1:${ACTION_PORT}/webhook"
# The token the Rasa server shows the action server with each call: a new one each run unless set.
INTAKE_ACTION_TOKEN="${INTAKE_ACTION_TOKEN:-$(.venv/bin/python -c 'import secrets; print(secrets.token_urlsafe(32))')}"
export INTAKE_ACTION_TOKEN
# Conversations (endpoints.yml); the same default as bot/settings.py.
export INTAKE_TRACKER_STORE_URL="${INTAKE_TRACKER_STORE_URL:-sqlite:///$PWD/var/tracker.sqlite3}"
mkdir -p var
.venv/bin/python -m bot db upgrade >/dev/null
# Social channels join only when their secrets are set (README, "Social media channels").
.venv/bin/python -m bot.channels.credentials credentials.yml credentials.social.yml \
  > var/credentials.yml

pids=()
stop() {
  trap - INT TERM EXIT
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap stop INT TERM EXIT

.venv/bin/python -m bot.action_server --actions actions --port "$ACTION_PORT" &
pids+=($!)
# Complaints the case store could not take at the time are delivered, once, when it is back.
.venv/bin/python -m bot outbox relay --every 30 &
pids+=($!)
if [ "${1:-}" = "--shell" ]; then
  .venv/bin/rasa shell --endpoints endpoints.yml --model models
  exit 0
fi
.venv/bin/rasa run --interface 127.0.0.1 --port "$RASA_PORT" --model models \
  --endpoints endpoints.yml --credentials var/credentials.yml --cors "http://127.0.0.1:${RASA_PORT}" &
pids+=($!)
echo "run: starting; the assistant will answer at http://127.0.0.1:${RASA_PORT}/webhooks/rest/webhook"
echo "run: try: curl -s -XPOST localhost:${RASA_PORT}/webhooks/rest/webhook -d '{\"sender\":\"me\",\"message\":\"hello\"}'"
echo "run: call handler console at http://127.0.0.1:${RASA_PORT}/console (accounts: .venv/bin/python -m bot staff add NAME)"
echo "run: actions at http://127.0.0.1:${ACTION_PORT}/health; Ctrl-C stops both"
wait -n "${pids[@]}"
