"""Round 7 (issue 16): questions asked in the middle of the complaint form are answered, or
honestly not, and never stored as answers; what a message already told is not asked again.
Wordings are our own, in the registers residents use (text-speak, ESL, call-handler shorthand)."""

from __future__ import annotations

import pytest

from bot.answers import (
    OpenQuestion,
    asks_for_a_complaint,
    consent_to_record,
    understand,
    yes_or_no,
)
from bot.definition import (
    consent_told,
    contact_preference,
    preference_beside_details,
    represented_person,
)
from bot.policy import Answer
from bot.questions import questions_and_rest
from bot.told import (
    contact_name_beside_details,
    outcome_told,
    own_name_in,
    says_they_are_the_resident,
    without_outcome,
)

FORM = "complaint_form"


@pytest.mark.parametrize(
    ("slot", "text", "answer_id"),
    [
        ("earlier_request", "How long you take to reply to complaint?", "how_complaints_work"),
        ("earlier_request", "how long u lot take to answer me", "how_complaints_work"),
        ("outcome_sought", "wat time does the office shut on fridays?", "contact_us"),
        ("contact_name", "sorry, when do you close today?", "contact_us"),
        ("outcome_sought", "Is the caretaker going to be disciplined for this?", "staff_conduct"),
        (
            "earlier_request",
            "Hold on. will he get sacked? or is that up to his employer",
            "staff_conduct",
        ),
    ],
)
def test_a_question_asked_mid_form_is_answered_and_not_taken_as_the_answer(
    answers: dict[str, Answer], slot: str, text: str, answer_id: str
) -> None:
    understood = understand(OpenQuestion(slot, FORM), text, "enquiry", [], answers)
    assert understood.kind == "question"
    assert understood.answer is not None and understood.answer.id == answer_id


@pytest.mark.parametrize(
    ("slot", "text"),
    [
        ("earlier_request", "Will the new kitchens be fitted this year?"),
        ("outcome_sought", "who is my housing officer now"),
        # Parking permits have an answer since round 21 (the council's, r20a-08).
        ("contact_details", "what about the christmas tree in the foyer, when does it go up?"),
        ("still_happening", "Before I answer that, where is the nearest food bank?"),
    ],
)
def test_a_question_the_landlord_has_no_answer_for_is_said_so_and_not_stored(
    answers: dict[str, Answer], slot: str, text: str
) -> None:
    understood = understand(OpenQuestion(slot, FORM), text, "enquiry", [], answers)
    assert (understood.kind, understood.answer, understood.unanswered) == ("question", None, True)


def test_the_answer_beside_a_question_is_kept(answers: dict[str, Answer]) -> None:
    earlier = OpenQuestion("earlier_request", FORM)
    understood = understand(
        earlier,
        "phoned you in early November, nobody gave me a number. oh and how do i pay my rent?",
        "enquiry",
        [],
        answers,
    )
    assert understood.kind == "slot"
    assert understood.answer_text == "phoned you in early November, nobody gave me a number."
    assert understood.answer is not None and understood.answer.id == "pay_rent"
    still = understand(
        OpenQuestion("still_happening", FORM),
        "yeah still not fixed. caller asks what time does the office close tonight?",
        "affirm",
        [],
        answers,
    )
    assert still.kind == "yes"
    assert still.answer is not None and still.answer.id == "contact_us"
    unanswered = understand(
        earlier, "job ref R-4410 in June. will the same roofer come back?", "enquiry", [], answers
    )
    assert (unanswered.kind, unanswered.answer_text) == ("slot", "job ref R-4410 in June.")
    assert unanswered.unanswered


@pytest.mark.parametrize(
    "text",
    [
        "can you fix the window properly this time?",
        "could someone come out and replace the whole fence please",
        "why should I wait another month? just sort it",
        "do not ring me, text only",
        "when I turn the shower on the light flickers",
        "what happened was the operative left after ten minutes",
    ],
)
def test_requests_moans_and_statements_are_not_questions_to_answer(text: str) -> None:
    assert questions_and_rest(text)[0] == []


def test_words_about_asking_are_not_an_answer() -> None:
    asked, rest = questions_and_rest("You still haven't answered my question. Will he be sacked?")
    assert asked and rest == ""


@pytest.mark.parametrize(
    "text",
    [
        "I want to complain",
        "want a complaint",
        "Good evening. I would like to make a complaint. The operative was rude to me.",
        "I want complain, I call two time and nobody come.",
        "Ive rung four times. I want this complaint logged NOW",
        "T wants complaint raised re stairlift",
        "boiler cuttin out again, engineer no show 2day. want a complaint",
        "I'd like to complain about the caretaker. Also how do I pay rent by card?",
        "wanna make a formal complaint pls",
    ],
)
def test_asking_for_a_complaint_in_words_is_the_choice_made(text: str) -> None:
    assert asks_for_a_complaint(text)


@pytest.mark.parametrize(
    "text",
    [
        "I don't want to complain, just fix it",
        "no need for a formal complaint",
        "what happens if I want to complain?",
        "she wants to complain but will it affect her tenancy?",
        "not complaining, just letting you know",
    ],
)
def test_doubts_and_refusals_are_not_the_choice_made(text: str) -> None:
    assert not asks_for_a_complaint(text)


@pytest.mark.parametrize(
    "text",
    [
        "obviously yes, the door still doesn't lock",
        "every night yes",
        "yh still bangin",
        "all the time, the lift is out again",
        "course it is, nothing's changed",
    ],
)
def test_still_happening_said_in_sentences_is_a_yes(text: str) -> None:
    assert yes_or_no(text, ongoing_question=True) is True


@pytest.mark.parametrize(
    ("text", "preference"),
    [
        ("please send message, no call", "text"),
        ("whatsapp is easiest for me", "text"),
        ("send me a message not a letter", "text"),
    ],
)
def test_contact_preference_in_learners_and_text_speak_words(text: str, preference: str) -> None:
    assert contact_preference(text) == preference


def test_an_email_to_write_to_is_email_not_a_letter() -> None:
    assert preference_beside_details("email is halina.n@example.com please write me") == "email"
    assert preference_beside_details("halina.n@example.com but write me a letter") == "letter"


@pytest.mark.parametrize(
    ("text", "outcome"),
    [
        (
            "T c/o leaking tap, no-show 24/11. wants it fixed + compensation for day off",
            "wants it fixed + compensation for day off",
        ),
        ("Mould back again. She wants it treated properly and an apology.", None),
        ("we'd like the fence put back up and someone to say sorry", None),
        (
            "I want to make a complaint, we'd like the lock replaced and an apology.",
            "we'd like the lock replaced and an apology",
        ),
    ],
)
def test_the_outcome_told_with_the_problem_is_kept(text: str, outcome: str | None) -> None:
    found = outcome_told(text)
    assert found is not None
    if outcome is not None:
        assert found == outcome


@pytest.mark.parametrize(
    "text",
    ["I want to make a formal complaint", "i want to talk to a person", "she wants a call back"],
)
def test_asking_for_a_complaint_or_a_person_is_no_outcome(text: str) -> None:
    assert outcome_told(text) is None


def test_an_answer_giving_the_earlier_job_and_the_outcome_is_split() -> None:
    answer = "the gutter job in August, no number. I'd like it cleared and the damp wall repaired."
    assert without_outcome(answer) == "the gutter job in August, no number."


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("im Chloe Martin, his daughter. hes Derek Martin, 3 Elm Walk", "Chloe Martin"),
        ("it's me, I'm the tenant. It's Ayesha Khan but call me Ayesha", "Ayesha Khan"),
        ("yeah email me, gary.m@example.com. im Gary", "Gary"),
        ("It's Marcus Webb.", "Marcus Webb"),
        ("Im Fed up with all this", None),
        ("I'm the tenant", None),
        ("I'm a support worker from Northside Support", None),
    ],
)
def test_the_writers_own_name_inside_another_answer(text: str, name: str | None) -> None:
    assert own_name_in(text) == name


def test_a_name_given_with_contact_details_is_the_contact_but_an_organisation_is_not() -> None:
    assert (
        contact_name_beside_details("contact son, Richard Fisher, 07700 900321, text pref")
        == "Richard Fisher"
    )
    assert contact_name_beside_details("Bridges Support, 07700 900654") is None


@pytest.mark.parametrize(
    "text",
    ["I am the tenant.", "its me im the resident", "I'm the leaseholder of flat 2"],
)
def test_saying_you_are_the_resident(text: str) -> None:
    assert says_they_are_the_resident(text)


def test_helpers_shorthand_names_the_resident_and_their_consent() -> None:
    message = "son calling on behalf of T (Mr Alan Fisher, 79), T consent given verbally"
    assert represented_person(message) == "Mr Alan Fisher"
    assert consent_told(message)
    assert consent_told("writing for my neighbour, she asked me to do it for her")
    assert not consent_told("consent not given yet, il ask her 2nite")


def test_consent_to_note_a_named_condition_is_consent() -> None:
    assert consent_to_record("He's happy for his learning disability to be noted.")
    assert consent_to_record("she's ok with her hearing loss being recorded")
    assert not consent_to_record("she is not happy for her condition to be noted")
