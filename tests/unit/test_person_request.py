"""A name or an email given to the form is never taken for a request for a person."""

from __future__ import annotations

import pytest
from rasa.shared.nlu.training_data.message import Message

from bot.nlp.components import PersonRequestCheck
from tests.unit.conftest import Match

RANKING = [
    {"name": "request_human", "confidence": 0.41},
    {"name": "enquiry", "confidence": 0.30},
    {"name": "greet", "confidence": 0.10},
]


def classified(text: str, match: Match) -> Message:
    message = Message(
        data={"text": text, "intent": RANKING[0], "intent_ranking": RANKING,
              "entities": match(text).as_entities()}
    )  # fmt: skip
    PersonRequestCheck().process([message])
    return message


@pytest.mark.parametrize(
    "text",
    ["Grace Evans", "grace.jones@example.org", "07700 900123",
     # r7b-21: a complaint about a member of staff is no request for a person.
     "I said a formal complaint please, about a member of staff"],
)  # fmt: skip
def test_an_answer_without_a_person_word_keeps_the_next_guess(text: str, match: Match) -> None:
    message = classified(text, match)
    assert message.get("intent")["name"] == "enquiry"
    assert [i["name"] for i in message.get("intent_ranking")] == ["enquiry", "greet"]


@pytest.mark.parametrize(
    "text",
    ["can I speak to someone", "real human pls", "caller wants a supervisor", "hooman pls",
     "put me through to customer services", "can I talk to a member of staff please"],
)  # fmt: skip
def test_asking_for_a_person_stands(text: str, match: Match) -> None:
    assert classified(text, match).get("intent")["name"] == "request_human"
