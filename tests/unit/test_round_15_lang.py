"""Round 15's language faults: the language a message is in, however it is typed, and the
language a danger's route is given in."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from bot.nlp.language import LanguageIdentifier
from bot.nlp.rules import RuleMatcher
from bot.policy import Policy, PolicyError, load_policy
from bot.recorded import asks_if_recorded
from tests.conftest import ROOT

SAMPLES = ROOT / "tests" / "data" / "languages" / "samples.yml"


@pytest.fixture(scope="module")
def identifier(policy: Policy) -> LanguageIdentifier:
    return LanguageIdentifier(
        list(policy.languages),
        {language.id: language.romanised_words for language in policy.languages.values()},
    )


@pytest.fixture(scope="module")
def matcher(policy: Policy) -> RuleMatcher:
    return RuleMatcher.blank(policy)


def _samples() -> list[tuple[str, str]]:
    return [(s["text"], s["language"]) for s in yaml.safe_load(SAMPLES.read_text())["samples"]]


@pytest.mark.parametrize(("text", "language"), _samples())
def test_each_labelled_sample_is_told_in_its_language(
    identifier: LanguageIdentifier, text: str, language: str
) -> None:
    # Urdu, Bengali and Arabic typed in English letters were read as English on main (33 of 46
    # samples right); English with one greeting in another language stays English.
    assert (identifier.other_language(text) or "en") == language


@pytest.mark.parametrize(
    ("text", "language"),
    [
        # Urdu script: "گیس" is a Punjabi (Shahmukhi) danger word too; the message is Urdu.
        ("باہر نکل آئے ہیں، گیس کی کمپنی کو بتا دیا، اب کیا کریں", "ur"),
        ("ਰਸੋਈ ਵਿੱਚ ਗੈਸ ਦੀ ਬੋ ਆ ਰਹੀ ਹੈ", "pa"),
        ("mere kamre mein dhuan bhar gaya hai jaldi karo", "ur"),
        ("3andi ri7et ghaz qawiyye fel beit", "ar"),
        ("amar rannaghore gas er gondho ashche, ki korbo", "bn"),
        ("urta gaaska ayaa jikada ka imanaysa", "so"),
        ("czuje gaz", "pl"),
    ],
)
def test_a_danger_is_routed_in_the_language_it_was_told_in(
    matcher: RuleMatcher, text: str, language: str
) -> None:
    found = matcher.match(matcher.make_doc(text))
    assert found.urgency
    assert found.danger_language == language


@pytest.mark.parametrize(
    "text",
    [
        # "ur gas" is Somali for a smell of gas; in English it is "your gas" (round 15 r15c-16
        # got Somali texts in an English sentence from an Arabic speaker).
        "this is serious, ur gas engineer never turned up and we could be poisoned",
        "i told you twice ur gas check is overdue and the alarm keeps going",
    ],
)
def test_words_of_another_language_in_english_letters_do_not_make_an_english_reply_foreign(
    matcher: RuleMatcher, text: str
) -> None:
    found = matcher.match(matcher.make_doc(text))
    assert found.language is None
    assert found.danger_language is None


def test_danger_words_in_another_alphabet_inside_english_keep_their_language(
    matcher: RuleMatcher,
) -> None:
    found = matcher.match(matcher.make_doc("حريق في المطبخ and the smoke is coming upstairs"))
    assert found.danger_language == "ar"


def test_a_romanised_word_list_with_a_phrase_in_it_is_refused(tmp_path: Path) -> None:
    shutil.copytree(ROOT / "policy_rules", tmp_path / "rules")
    path = tmp_path / "rules" / "languages.yml"
    listed = 'romanised_words: ["hai"'
    path.write_text(path.read_text().replace(listed, 'romanised_words: ["hai hai"'))
    with pytest.raises(PolicyError, match=r"'romanised_words' lists single words"):
        load_policy(tmp_path / "rules")


@pytest.mark.parametrize(
    "text",
    [
        "u wrote down the somali interpreter?",
        "you noted arabic translator for when you ring?",
        "so you put the urdu interpreter on my file?",
    ],
)
def test_asking_in_a_few_words_whether_an_interpreter_was_written_down_is_about_the_record(
    text: str,
) -> None:
    """r15c-15: "you write bengali interpreter?" got "Sorry, I can only help with your home"."""
    assert asks_if_recorded(text) == "adjustments"


@pytest.mark.parametrize(
    "text",
    [
        "you wrote to me in march about the boiler?",
        "you took three weeks to answer?",
        "you put a new boiler in last year and it's broken again",
    ],
)
def test_saying_what_you_did_is_no_question_about_the_record(text: str) -> None:
    assert asks_if_recorded(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "pls put down lithuanian interp for any call back",
        "phone is best, in romanian if you can",
        "a person please, urdu if possible",
        "she needs a polish translator when you ring",
        "hello, where do i pay rent. my language is tigrinya, english very small",
    ],
)
def test_a_language_need_said_in_short_is_an_interpreter_need(
    matcher: RuleMatcher, text: str
) -> None:
    """r15c-17: "pls note polish interp for the callback" got no reply; r15c-06 "in portuguese
    if you can", r15c-04 "arabic if possible" and r15c-05 "my english is little, somali is my
    language" named no need."""
    assert "interpreter" in matcher.match(matcher.make_doc(text)).adjustments
