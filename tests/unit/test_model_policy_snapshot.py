"""The Rasa server does not start on a model trained with other policy files than the live
ones: it would match with one policy while the actions read another."""

from __future__ import annotations

import io
import json
import shutil
import tarfile
from pathlib import Path

import pytest

from bot.policy import load_policy
from bot.privacy.startup import StartRefused
from bot.rasa_startup import refuse_a_model_of_another_policy
from bot.settings import Settings
from tests.conftest import ROOT

SNAPSHOT = "components/train_bot.nlp.components.PolicyRuleMatcher2/policy_sources.json"


def model_with_snapshot(folder: Path, sources: dict[str, str]) -> Path:
    """A model archive holding the rule matcher's policy snapshot, as `rasa train` writes it."""
    folder.mkdir()
    path = folder / "intake-test.tar.gz"
    data = json.dumps(sources).encode()
    with tarfile.open(path, "w:gz") as archive:
        member = tarfile.TarInfo(SNAPSHOT)
        member.size = len(data)
        archive.addfile(member, io.BytesIO(data))
    return path


def settings_for(models: Path, rules: Path) -> Settings:
    return Settings.from_env({"INTAKE_MODEL_DIR": str(models), "INTAKE_POLICY_DIR": str(rules)})


def test_a_model_of_the_live_policy_starts(tmp_path: Path) -> None:
    model = model_with_snapshot(tmp_path / "models", load_policy(ROOT / "policy_rules").sources)
    settings = settings_for(model.parent, ROOT / "policy_rules")
    refuse_a_model_of_another_policy(settings, load_policy(settings.policy_dir))


def test_a_model_of_another_policy_is_refused_naming_the_files_to_retrain_for(
    tmp_path: Path,
) -> None:
    model = model_with_snapshot(tmp_path / "models", load_policy(ROOT / "policy_rules").sources)
    rules = tmp_path / "policy_rules"
    shutil.copytree(ROOT / "policy_rules", rules)
    with (rules / "exclusions.yml").open("a") as exclusions:
        exclusions.write("# edited after training\n")
    with pytest.raises(StartRefused, match=r"trained with other versions of exclusions.yml than"):
        refuse_a_model_of_another_policy(settings_for(model.parent, rules), load_policy(rules))
