"""Which language a message is in: the landlord's languages are recognised, English never taken
for another language (a false "not English" would stop triage of an English message)."""

from __future__ import annotations

import pytest
import yaml

from bot.nlp.language import LanguageIdentifier
from bot.policy import Policy
from tests.conftest import ROOT


@pytest.fixture(scope="module")
def identifier(policy: Policy) -> LanguageIdentifier:
    return LanguageIdentifier(list(policy.languages))


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Dzień dobry, mam problem z ogrzewaniem w mieszkaniu", "pl"),
        ("nie mam cieplej wody od tygodnia", "pl"),
        ("Buna ziua, am o problema cu caldura in apartament", "ro"),
        ("مرحبا عندي مشكلة في الشقة", "ar"),
        ("میرے گھر میں پانی ٹپک رہا ہے", "ur"),
        ("আমার বাড়িতে ছাদ দিয়ে পানি পড়ছে", "bn"),
        ("Salaan, gurigeyga biyo ayaa ka daadanaya", "so"),
        ("Olá, tenho um problema com a minha casa", "pt"),
    ],
)
def test_the_landlords_languages_are_recognised(
    identifier: LanguageIdentifier, text: str, language: str
) -> None:
    assert identifier.other_language(text) == language


@pytest.mark.parametrize(
    "text",
    [
        "pls cnt get the boiler on its freezing",
        "my roof leak since 3 week nobody come",
        "Caller says T c/o mould in bathroom x3",
        "ok thanks",
        "hi",
    ],
)
def test_english_in_any_register_stays_english(identifier: LanguageIdentifier, text: str) -> None:
    assert identifier.other_language(text) is None


def test_no_english_training_message_is_taken_for_another_language(
    identifier: LanguageIdentifier,
) -> None:
    taken = []
    for path in sorted((ROOT / "data" / "nlu").glob("*.yml")):
        for item in yaml.safe_load(path.read_text()).get("nlu", []):
            for line in str(item.get("examples") or "").splitlines():
                text = line.strip().removeprefix("- ")
                if text and identifier.other_language(text):
                    taken.append(text)
    assert taken == []


def test_a_language_it_cannot_identify_is_refused_when_it_is_configured() -> None:
    with pytest.raises(ValueError, match="no language identification for xx"):
        LanguageIdentifier(["pl", "xx"])
