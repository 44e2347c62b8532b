"""The rule matcher on the same spaCy pipeline Rasa uses, on a fixed date."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
import spacy

from bot.nlp.matches import RuleMatches
from bot.nlp.rules import RuleMatcher
from bot.policy import Policy

Match = Callable[[str], RuleMatches]


@pytest.fixture(scope="module")
def match(policy: Policy) -> Match:
    nlp = spacy.load("en_intake_blank")
    matcher = RuleMatcher(policy, nlp.vocab, today=date(2026, 11, 23))
    return lambda text: matcher.match(nlp(text))
