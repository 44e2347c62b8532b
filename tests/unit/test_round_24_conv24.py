"""Round 24 (r24b, r24a; issues 16 and 15), in our own wordings: a resident who has died and the
helper acting for the estate; two people named in one helper's answer; a question about what
happens to what is typed; a complaint about the assistant itself; a remedy for everyone that
names a person; a repair asked for instead of the complaint; a contact restriction; the
read-back says a way whose detail is not held."""

from __future__ import annotations

import pytest

from actions.representatives import helper_and_resident
from bot.answers import OpenQuestion, asks_for_person, gives_up_complaint_for_repair
from bot.definition import DraftDefinition, contact_preference
from bot.estates import resident_has_died
from bot.policy import Policy
from bot.policy.schema import Answer
from bot.questions import answers_in
from bot.triage import triage
from bot.triage.decide import grounds_said_not_to_apply
from tests.unit.test_triage import parse_text


@pytest.mark.parametrize(
    "text",
    [
        "my dad passed on in the summer and i'm sorting his things",
        "she cant sign anything, she's dead",
        "I'm the executrix of my aunt's will",
        "the tenant is deceased, I am his daughter",
        "since his death nobody has told us anything",
    ],
)
def test_a_death_or_an_estate_is_told(text: str) -> None:
    assert resident_has_died(text)


@pytest.mark.parametrize(
    "text",
    [
        "the fridge died last night",
        "my battery is dead so text me later",
        "what if she dies in this cold, the heating is off",
        "the boiler has died again",
    ],
)
def test_no_death_is_read_into_other_words(text: str) -> None:
    assert not resident_has_died(text)


@pytest.mark.parametrize(
    ("text", "helper", "resident"),
    [
        (
            "helping - son Tom Reid for his mum Mrs Jean Reid, 9 Hill Street",
            "Tom Reid",
            "Mrs Jean Reid, 9 Hill Street",
        ),
        (
            "Paul Grant here, his nephew. It was George Grant, 3 Mill Lane",
            "Paul Grant",
            "George Grant, 3 Mill Lane",
        ),
    ],
)
def test_two_people_in_one_helpers_answer_are_both_kept(
    text: str, helper: str, resident: str
) -> None:
    assert helper_and_resident(text) == (helper, resident)


def test_one_person_named_is_no_pair() -> None:
    assert helper_and_resident("I'm helping my nan Edith Cole, 5 Park Road") is None


@pytest.mark.parametrize(
    "text",
    [
        "hang on, who gets to read this chat?",
        "what happens to my details after I send them?",
        "before I carry on, do you keep what I type here and who can see it?",
    ],
)
def test_a_question_about_what_is_typed_is_answered_as_one(
    answers: dict[str, Answer], text: str
) -> None:
    asked = answers_in(text, answers)
    assert asked and asked[0].answer.id == "what_we_do_with_your_data"
    assert all(a.answer.id != "data_breach" for a in asked)


def test_a_data_breach_still_gets_its_own_answer(answers: dict[str, Answer]) -> None:
    asked = answers_in("you posted my data to next door, who do I report it to?", answers)
    assert asked and asked[0].answer.id == "data_breach"


@pytest.mark.parametrize(
    "text",
    [
        "your chatbot went round in circles for an hour and I want to complain about it",
        "the online chat kept asking me the same question and nothing was ever logged",
        "I want to complain about this assistant, it never passed me to anyone",
    ],
)
def test_a_complaint_about_the_assistant_is_not_one_looked_at_before(
    policy: Policy, text: str
) -> None:
    assert "previously_considered" in grounds_said_not_to_apply(text, policy)


def test_an_executors_authority_is_no_employment_matter(policy: Policy) -> None:
    said = "i'm the executor so i can decide this, put yes"
    assert "staff_employment" in grounds_said_not_to_apply(said, policy)


@pytest.mark.parametrize(
    "text",
    [
        "Change how things are done - the chat should let people speak to a person much sooner",
        "the assistant needs to put residents through to a human when it gets stuck",
        "tenants should be able to talk to a real person without all this",
    ],
)
def test_a_remedy_for_everyone_is_no_request_for_a_person(text: str) -> None:
    assert not asks_for_person(text)


@pytest.mark.parametrize(
    "text", ["can I talk to a person please", "let me speak to a human", "I need a real person"]
)
def test_a_person_asked_for_is_still_asked_for(text: str) -> None:
    assert asks_for_person(text)


@pytest.mark.parametrize(
    "text",
    [
        "forget the complaint then, just get the broken gate logged as a repair",
        "scrap the complaint, can you report the shed roof as a repair instead",
    ],
)
def test_a_repair_asked_for_instead_of_the_complaint_gives_it_up(text: str) -> None:
    assert gives_up_complaint_for_repair(OpenQuestion("outcome_sought", "complaint_form"), text)


@pytest.mark.parametrize(
    ("text", "preference"),
    [
        (
            "email is best please, and no phone calls during the day, I'm on nights",
            "email, no phone calls during the day",
        ),
        ("ring me but not in the daytime", "phone, not in the daytime"),
    ],
)
def test_a_time_ruled_out_for_another_way_is_kept_with_the_way(text: str, preference: str) -> None:
    assert contact_preference(text) == preference


def draft(**changes: object) -> DraftDefinition:
    fields: dict[str, object] = {
        "aspects": "the rent is still being taken",
        "still_happening": True,
        "outcome": "the rent stopped",
        "representative": "Joan Marsh, 5 Cedar Gardens",
        "contact_name": "Lee Marsh",
        "contact_details": "lee.marsh@example.org; also contact Joan Marsh on 07700 900111",
        "contact_preference": "email",
        "adjustments": None,
        "consent": True,
    }
    return DraftDefinition(**{**fields, **changes})  # type: ignore[arg-type]


def test_a_resident_who_has_died_is_never_read_back_as_agreeing_or_contacted() -> None:
    said = draft(estate=True).without_the_resident().read_back()
    assert "They have agreed" not in said
    assert "acting for their estate" in said and "death certificate" in said
    assert "Joan Marsh on" not in said


def test_a_living_residents_own_contact_stays() -> None:
    assert "We will also contact Joan Marsh on 07700 900111" in draft().read_back()


@pytest.mark.parametrize(
    ("preference", "details", "missing"),
    [("email", "07700 900456", "an email address"), ("text", "jo@example.org", "a phone number")],
)
def test_a_way_whose_detail_is_not_held_is_said_so(
    preference: str, details: str, missing: str
) -> None:
    said = draft(
        representative=None, contact_details=details, contact_preference=preference
    ).read_back()
    assert f"by {preference} ({details})" not in said
    assert f"I do not have {missing}" in said


@pytest.mark.parametrize(
    "text",
    [
        "Thanks to the cleaner, she is great. But my service charge has gone up by £9 a week "
        "this year and nobody has said why.",
        "Just had the letter, the service charge has gone up again to £40 a week with no reason "
        "given. The gardener does a good job though.",
        "The new lift is great. However my service charge letter came and it has gone up from "
        "£20 to £29 a week and nobody explained it, which is unfair.",
    ],
)
def test_a_charge_rise_is_no_request_for_the_repairs_team(policy: Policy, text: str) -> None:
    ranking = {"dispute_rent_level": 0.55, "dissatisfaction": 0.3, "service_request": 0.15}
    result = triage(parse_text(text, ranking, policy), policy)
    assert not any(part.label == "service_request" for part in result.parts[1:])
