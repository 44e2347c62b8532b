"""The trained Rasa NLU model, loaded in process for the CLI (classify, eval) and the console."""

from __future__ import annotations

import asyncio
import json
import logging
import os
import sys
import tarfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from bot.policy import Policy
from bot.triage import TriageResult, triage


def current_model(model_dir: Path) -> Path:
    """The newest trained model archive; `make train` keeps only the one matching its inputs."""
    models = sorted(model_dir.glob("*.tar.gz"), key=lambda p: p.stat().st_mtime)
    if not models:
        raise FileNotFoundError(f"no trained model in {model_dir}: run 'make train'")
    return models[-1]


def stale_policy_files(model_path: Path, live: Mapping[str, str]) -> list[str]:
    """The policy files whose text differs from the copy the model was trained with (the rule
    matcher's snapshot, bot.nlp.components): the model would match with one policy while the
    actions read another."""
    from bot.nlp.components import POLICY_SNAPSHOT

    with tarfile.open(model_path) as archive:
        member = next((m for m in archive if m.name.endswith(f"/{POLICY_SNAPSHOT}")), None)
        stored = archive.extractfile(member) if member is not None else None
        snapshot = json.loads(stored.read()) if stored is not None else {}
    return sorted(
        name for name in set(snapshot) | set(live) if snapshot.get(name) != live.get(name)
    )


class Classifier:
    """Parse with the trained model, then decide with the one triage function."""

    def __init__(self, model_path: Path, policy: Policy) -> None:
        os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
        os.environ.setdefault("RASA_TELEMETRY_ENABLED", "false")
        from rasa.core.agent import Agent
        from rasa.utils.log_utils import configure_structlog

        # Rasa logs every parsed message at debug level: keep residents' words out of logs.
        logging.basicConfig(stream=sys.stderr, level=logging.WARNING)
        configure_structlog(logging.WARNING)
        self._policy = policy
        self._loop = asyncio.new_event_loop()
        self._agent = Agent.load(str(model_path))

    def parse(self, text: str) -> dict[str, Any]:
        return self._loop.run_until_complete(self._agent.parse_message(text))

    def classify(self, text: str) -> TriageResult:
        return triage(self.parse(text), self._policy)

    def close(self) -> None:
        self._loop.close()
