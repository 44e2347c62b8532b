"""`rasa test core` on the conversation test stories: every predicted action must match."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from tests.conftest import ROOT

pytestmark = pytest.mark.server


def test_conversation_stories_have_no_prediction_errors(tmp_path: Path) -> None:
    done = subprocess.run(
        [str(ROOT / ".venv" / "bin" / "rasa"), "test", "core", "--model", "models",
         "--stories", "tests/conversations/stories", "--fail-on-prediction-errors",
         "--out", str(tmp_path)],
        cwd=ROOT, capture_output=True, text=True, timeout=600,
        env={**os.environ, "RASA_TELEMETRY_ENABLED": "false", "TF_CPP_MIN_LOG_LEVEL": "3"},
    )  # fmt: skip
    failed = tmp_path / "failed_test_stories.yml"
    assert done.returncode == 0, failed.read_text() if failed.exists() else done.stdout[-3000:]
