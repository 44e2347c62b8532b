"""The Rasa server reads and checks the policy once: its App, the NLU components and the dialogue
policies that Rasa builds from config alone all take it from bot.bootstrap.policy_at. They used to
read policy_rules/ themselves, five times in a start and first turn."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from bot.bootstrap import policy_at
from bot.nlp.components import policy_of
from tests.conftest import ROOT

# What a Rasa server does at start and on its first turn, in a fresh interpreter, counting every
# Policy built (bot.policy.loader.parse_policy, under every name it is imported as).
START_AND_FIRST_TURN = """
import asyncio, sys
from pathlib import Path
import bot.policy.loader as loader

real, built = loader.parse_policy, []
def counted(sources):
    built.append(sources)
    return real(sources)

def count_everywhere():
    for module in list(sys.modules.values()):
        if getattr(module, "parse_policy", None) is real:
            module.parse_policy = counted

import bot.rasa_startup, bot.nlp.components, bot.safety_first, bot.conversation_repair
from rasa.core.agent import load_agent
from rasa.shared.core.events import ActionExecuted, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker
from bot.nlu_runtime import current_model
count_everywhere()

async def start_and_first_turn():
    bot.rasa_startup.RasaServerStartup.from_credentials(None)
    agent = await load_agent(model_path=str(current_model(Path("models"))))
    parse = await agent.parse_message("my rent has gone up again and nobody told me why")
    said = UserUttered(parse["text"], parse["intent"], parse["entities"], parse)
    tracker = DialogueStateTracker.from_events(
        "loads", [ActionExecuted("action_listen"), said], agent.domain.slots
    )
    agent.processor._predict_next_with_tracker(tracker)

asyncio.run(start_and_first_turn())
print(len(built))
"""


def test_the_policy_is_one_object_however_its_folder_is_named() -> None:
    relative = Path("policy_rules")
    assert policy_at(ROOT / relative) is policy_at(ROOT / "x" / ".." / relative)
    assert policy_of({"policy_dir": str(ROOT / relative)}) is policy_at(ROOT / relative)


def test_a_rasa_server_start_and_its_first_turn_build_the_policy_once(tmp_path: Path) -> None:
    env = {
        "PATH": "/usr/bin:/bin",
        "INTAKE_ENV": "development",
        "INTAKE_DATABASE_URL": f"sqlite:///{tmp_path / 'cases.db'}",
        "INTAKE_OUTBOX_PATH": str(tmp_path / "outbox.db"),
        "TF_CPP_MIN_LOG_LEVEL": "3",
        "RASA_TELEMETRY_ENABLED": "false",
    }
    done = subprocess.run(
        [sys.executable, "-c", START_AND_FIRST_TURN], capture_output=True, text=True, cwd=ROOT,
        env=env, timeout=600, check=True,
    )  # fmt: skip
    assert done.stdout.split()[-1] == "1"
