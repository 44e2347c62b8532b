"""Round 25 (issue 16, details told in sentences asked again): a name typed as a clause of its
own beside other words, and the address of the home in its own sentence beside a danger, a call
to 999 or a complaint, are read out of the message."""

from __future__ import annotations

import pytest

from bot.answers import OpenQuestion, understand
from bot.recorded import asks_if_recorded
from bot.told import access_note_in, address_told_beside, name_clause_in


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("sam okoro. be quick my battery is nearly gone", "Sam Okoro"),
        ("nobody is hurt its my battery thats low. Sam Okoro", "Sam Okoro"),
        ("ok fine. its Mary Anne Kelly", "Mary Anne Kelly"),
        ("sorry, its priya nair", "Priya Nair"),
        ("ok whatever. Kayla Brown. its my mums flat tho", "Kayla Brown"),
    ],
)
def test_a_name_in_a_clause_of_its_own_is_read(text: str, name: str) -> None:
    assert name_clause_in(text) == name


@pytest.mark.parametrize(
    "text",
    [
        "hurry up please",
        "wait r u a real person or a bot",
        "no, nothing thanks",
        "the boiler. Front Door",
        "kitchen tap. its leaking",
        "call me back later",
        "not sure. going out now",
    ],
)
def test_other_clauses_are_no_name(text: str) -> None:
    assert name_clause_in(text) is None


@pytest.mark.parametrize(
    ("text", "address"),
    [
        ("22b Willow Street. leaving the house now, calling 999", "22b Willow Street"),
        (
            "Flat 4, 9 Alder Court. and the back door wont shut since the break in",
            "Flat 4, 9 Alder Court",
        ),
        (
            "Flat 7, Rowan House, 12 Park Road, Leeds LS6 1AA. It has been broken a month and I "
            "am fed up.",
            "Flat 7, Rowan House, 12 Park Road, Leeds LS6 1AA",
        ),
        ("flat 3 above the bakery. calling 999 now", "flat 3 above the bakery"),
        ("14 Oak Road, it smells of gas, going out", "14 Oak Road"),
    ],
)
def test_the_address_in_its_own_sentence_is_read(text: str, address: str) -> None:
    assert address_told_beside(text) == address


@pytest.mark.parametrize(
    "text",
    ["im going out now ringing 999", "its been 3 weeks now. help", "cancel it please"],
)
def test_no_address_is_read_out_of_other_words(text: str) -> None:
    assert address_told_beside(text) is None


def test_no_address_is_read_out_of_the_danger_sentence() -> None:
    text = "the fuse box at 5 Mill Lane is smoking. going out now"
    assert address_told_beside(text, [(0, 36)]) is None


# Fault 4: "are you a real person?" at a question is answered, and the question asked again.
@pytest.mark.parametrize(
    "text",
    [
        "hang on are you a real person or a bot?",
        "r u a robot",
        "quick question first - am I talking to a real person or is this automatic?",
        "is this a bot",
    ],
)
def test_asking_if_the_chat_is_a_person_is_answered_at_a_question(text: str) -> None:
    question = OpenQuestion("contact_name", form="request_contact_form")
    understood = understand(question, text, "inform", [], {})
    assert understood.kind == "question"
    assert understood.asks_if_automated


@pytest.mark.parametrize(
    "text", ["can I speak to a real person please", "Kayla Brown", "are you sending someone?"]
)
def test_other_messages_are_not_asking_if_the_chat_is_a_person(text: str) -> None:
    question = OpenQuestion("contact_name", form="request_contact_form")
    assert not understand(question, text, "inform", [], {}).asks_if_automated


# Fault 5: when to visit, told for the team, is read as a note for the request.
@pytest.mark.parametrize(
    ("text", "note"),
    [
        (
            "could you pass a message on - tell them dads carer comes 2 till 4 so thats the best "
            "time to visit",
            "Dads carer comes 2 till 4 so thats the best time to visit",
        ),
        ("im only in after 3pm on weekdays", "Im only in after 3pm on weekdays"),
        ("please tell them to knock loudly, she is deaf", "Knock loudly, she is deaf"),
    ],
)
def test_when_to_visit_is_read_as_a_note(text: str, note: str) -> None:
    assert access_note_in(text) == note


@pytest.mark.parametrize(
    "text",
    ["did you write down the 2 till 4 bit?", "the boiler broke 2 to 3 days ago", "I rang 3 times"],
)
def test_other_messages_are_no_note(text: str) -> None:
    assert access_note_in(text) is None


@pytest.mark.parametrize(
    "text",
    ["did you write down the 2 till 4 bit?", "did you write that down?", "have u written it down?"],
)
def test_asking_if_a_note_was_written_down_is_about_the_request(text: str) -> None:
    assert asks_if_recorded(text) == "request"
