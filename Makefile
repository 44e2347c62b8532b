# Intake assistant. `make help` lists the targets; the README's two commands are `make run` and `make test`.
SHELL := /bin/bash
.DEFAULT_GOAL := help
VENV := .venv
PY := $(VENV)/bin/python
export RASA_TELEMETRY_ENABLED := false
export TF_CPP_MIN_LOG_LEVEL := 3
export PYTHONHASHSEED := 0
# Anything started without make is production (bot/settings.py): secrets checked, no SQLite.
export INTAKE_ENV ?= development

.PHONY: help setup servers lock train run run-cluster shell test check lint typecheck validate policy pytest eval crossval load clean audit

help: ## List the targets
	@grep -hE '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

setup: ## Create .venv on Python 3.10 from the lock file (no-op when it already matches)
	@scripts/setup.sh

servers: ## Install what the tests start (PostgreSQL, Redis, nginx, Chromium) from Debian packages if missing
	@scripts/servers.sh

lock: ## Pin requirements/main.in with hashes into requirements/lock.txt (UPGRADE=1 re-resolves all)
	@scripts/lock.sh

train: setup ## Train the model if missing or older than config, domain, data or policy_rules
	@scripts/train.sh

run: train ## Start the assistant on 127.0.0.1 (Rasa :5005, actions :5055); Ctrl-C stops both
	@scripts/run.sh

run-cluster: train servers ## Two Rasa replicas behind nginx on 127.0.0.1:5005, Redis locks, PostgreSQL; Ctrl-C stops all
	@scripts/cluster.sh

shell: train ## Talk to the assistant in this terminal
	@scripts/run.sh --shell

check: setup lint typecheck validate policy ## Static checks: ruff, mypy, rasa data validate, the policy against the dialogue files

lint:
	@$(VENV)/bin/ruff check . && $(VENV)/bin/ruff format --check .

typecheck:
	@$(VENV)/bin/mypy

validate:
	@$(VENV)/bin/rasa data validate --quiet

policy:
	@$(PY) -m bot policy check

pytest: train servers
	@$(VENV)/bin/pytest

audit: ## Check the locked packages for known vulnerabilities (pip-audit in its own venv)
	@scripts/audit.sh

test: check audit pytest ## Set up if needed, then ruff, mypy, rasa data validate, pip-audit and all tests

eval: train ## Score the classifier, its baselines and the safety check on the labelled sets
	@$(PY) -m tools eval ../shared/eval/dev.jsonl
	@$(PY) -m tools eval ../shared/eval/real2-dev.jsonl
	@$(PY) -m tools eval tests/data/safety/corpus.jsonl

crossval: train ## Cross-validate the intent classifier and the urgency detector on data/nlu
	@$(PY) -m tools crossval

LOAD_TARGETS ?= single starter
load: train servers ## 200 conversations against a fresh server and Rasa's starter bot (LOAD_TARGETS adds cluster)
	@$(PY) -m tools.load bench $(LOAD_TARGETS)

clean: ## Remove the environment, trained models and local data
	rm -rf $(VENV) models var .mypy_cache .ruff_cache .pytest_cache
