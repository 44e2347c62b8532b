"""Round 26 (issue 16, contact, outcome and call-handler lines read right): a wish for a letter
is never a contact restriction, a "no letters" said to be ours and wrong is no wish, a call
handler's shorthand for compensation is an outcome and their role line is not, "why do you need
that" is a question, a number chosen of two is the one kept, and a phone number is no time."""

from __future__ import annotations

import pytest

from bot.contact_wishes import NO_POST_WISH, no_post_standing, no_post_wished, with_no_post
from bot.corrections import Correction, correction_of
from bot.definition import DraftDefinition, contact_time_in, number_chosen, ways_said
from bot.fits import elsewhere
from bot.replies import asks_why_needed
from bot.told import outcome_told, role_and_consent_only
from bot.triage.safety import asks_a_question


# r26b-05 t5: "write to me the account is ok" asks for a letter; it is no question whether we
# will write, so it never gets "you must not be phoned or sent letters".
@pytest.mark.parametrize(
    "text",
    [
        "Cancel the court letter, write to me that my rent is fine, and apologise",
        "please send me a letter saying the arrears are wrong",
        "Post me a letter to confirm it, and say sorry",
    ],
)
def test_a_request_for_a_letter_is_no_question_about_contact(text: str) -> None:
    assert not asks_a_question(text)


@pytest.mark.parametrize(
    "text",
    [
        "will anyone phone me or send a letter?",
        "will they ring my mobile when they come",
        "the lock people wont ring my mobile will they",
    ],
)
def test_a_question_about_contact_is_still_one(text: str) -> None:
    assert asks_a_question(text)


# r26b-05 t11: "Before you say no letters, this is wrong, I never say this" is no wish.
@pytest.mark.parametrize(
    "text",
    [
        "You forgot the letter. I want a letter to my house and email too. It says no letters, "
        "that is wrong, I never said that.",
        "you put no letters which is not right, i want a letter",
        "Post please. You have no post on it, that's a mistake.",
    ],
)
def test_no_letters_said_to_be_ours_and_wrong_is_no_wish(text: str) -> None:
    assert not no_post_wished(text)
    assert "letter" not in ways_said(text).ruled_out


def test_a_real_no_letters_is_still_a_wish() -> None:
    assert no_post_wished("no letters please, he still gets my post")
    assert "letter" in ways_said("dont send letters, email only").ruled_out


def test_a_letter_asked_for_later_takes_back_no_letters() -> None:
    said = ["dont send letters to the flat", "actually I do want a letter to my home and email"]
    assert no_post_standing(said) is False
    held = f"a@example.org; also {NO_POST_WISH}"
    assert NO_POST_WISH not in with_no_post(held, said)
    assert NO_POST_WISH in with_no_post("a@example.org", said[:1])
    # Never said: nothing added, nothing taken.
    assert with_no_post("a@example.org", ["my boiler is broken"]) == "a@example.org"


# r26b-03 t1/t5: "comp" is a call handler's shorthand for compensation.
@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        ("CH: cust c/o missed appts x2, no call. cust wants comp", "wants comp"),
        ("T says no one came twice, T wants comp for lost wages", "wants comp for lost wages"),
    ],
)
def test_comp_is_what_would_put_it_right(text: str, wanted: str) -> None:
    assert outcome_told(text) == wanted


@pytest.mark.parametrize(
    "text",
    [
        "like i said comp for the lost day + repair booked on a weekday",
        "comp & the job done on a saturday",
    ],
)
def test_comp_at_the_outcome_question_is_its_answer(text: str) -> None:
    assert elsewhere("outcome_sought", text) is None


def test_comp_is_not_a_complaint() -> None:
    assert outcome_told("she wants to make a comp about the noise") is None


# r26b-03 t6: a call handler's role and consent line answers who is complaining.
@pytest.mark.parametrize(
    "text",
    [
        "CH taking the call for the customer, customer is the tenant, consents",
        "CH here, cust is the tenant, on the phone, agrees",
        "call handler typing, caller is the tenant",
    ],
)
def test_a_call_handlers_role_line_is_no_outcome(text: str) -> None:
    assert role_and_consent_only(text)
    assert elsewhere("outcome_sought", text) == {"acting_for": "resident"}


def test_a_role_line_with_an_outcome_keeps_it() -> None:
    assert not role_and_consent_only("CH here, cust is the tenant, wants compensation")


# r26b-02 t8, r26b-08 t6: "why do you need that" asks why.
@pytest.mark.parametrize(
    "text",
    ["why do u need my number", "what do you need it for?", "how come?", "why is that needed"],
)
def test_why_it_is_needed_is_a_question(text: str) -> None:
    assert asks_why_needed(text)


@pytest.mark.parametrize("text", ["07700 900455", "why not just email me", "no", "12 Oak Road"])
def test_answers_are_no_why(text: str) -> None:
    assert not asks_why_needed(text)


# r26b-02 t10: the number chosen of two given before.
@pytest.mark.parametrize(
    ("said", "given", "number"),
    [
        ("text pls. use the work one not the first one", "07700 900111 or work 07700 900222",
         "07700 900222"),
        ("ring the second one", "mob 07700 900111, landline 01632 960123", "01632 960123"),
        ("call the landline not the mobile", "mobile 07700 900111 landline 01632 960123",
         "01632 960123"),
        ("first one, not the work one", "07700 900111 or work 07700 900222", "07700 900111"),
    ],
)  # fmt: skip
def test_the_number_chosen_is_kept(said: str, given: str, number: str) -> None:
    assert number_chosen(said, given) == number


def test_no_number_chosen_with_one_given() -> None:
    assert number_chosen("use the work one", "07700 900111") is None
    assert number_chosen("text", "07700 900111 or work 07700 900222") is None


# r26b-08 t20: "same as before 07700900733" is no time to call.
@pytest.mark.parametrize(
    ("said", "when"),
    [
        ("same as before 07700900733", None),
        ("same number as before 07700 900 733", None),
        ("call me after 6pm", "after 6pm"),
        ("not before 10", "not before 10"),
    ],
)
def test_a_phone_number_is_no_time(said: str, when: str | None) -> None:
    assert contact_time_in(said) == when


# r26b-05 t11: a letter asked for at the read-back is changed to, and the address asked for.
@pytest.mark.parametrize(
    "typed",
    [
        "You left out the letter. I want a letter to my house and email too. It says no "
        "letters, that is wrong, I never said that.",
        "I want a letter and an email please",
        "post and email please",
    ],
)
def test_a_letter_asked_for_at_the_read_back_asks_the_address(typed: str) -> None:
    draft = DraftDefinition("x", True, "y", None, "Tomasz W", "t.w@example.com", "email", None)
    assert correction_of(typed, draft) == Correction(
        {"contact_preference": "letter and email"}, "address"
    )


def test_the_address_given_next_keeps_the_email() -> None:
    draft = DraftDefinition(
        "x", True, "y", None, "Tomasz W", "t.w@example.com", "letter and email", None
    )
    assert correction_of("12 Birch Road, Leeds LS6 2AB", draft).changes == {
        "contact_details": "12 Birch Road, Leeds LS6 2AB, t.w@example.com"
    }


def test_a_letter_asked_for_goes_to_the_address_held() -> None:
    draft = DraftDefinition(
        "x", True, "y", None, "Anna Berg", "a.b@example.org", "email", None, address="9 Elm Row"
    )
    assert correction_of("I wanted a letter, not an email", draft).changes == {
        "contact_details": "9 Elm Row, a.b@example.org",
        "contact_preference": "letter",
    }


# r26b-08 t20-t21: "any time is fine" takes the time held off the way to contact.
@pytest.mark.parametrize(
    "typed",
    [
        "whats after 6?? any time is fine",
        "take out the bit about the fan. and call me whenever",
        "ring any time",
    ],
)
def test_any_time_takes_the_time_off(typed: str) -> None:
    draft = DraftDefinition(
        "the fan. the insurance refused my claim", True, "y", None, "Lisa", "07700 900733",
        "phone, after 6", None,
    )  # fmt: skip
    assert correction_of(typed, draft).changes.get("contact_preference") == "phone"


def test_any_time_keeps_who_to_ask_for() -> None:
    draft = DraftDefinition(
        "x", True, "y", None, "Lisa", "07700 900733", "phone, ask for Rahim", None
    )
    assert "contact_preference" not in correction_of("call any time", draft).changes


def test_an_address_held_as_typed_is_not_put_twice() -> None:
    address = "Flat 9, 3 Ash Road, York YO1 2AB"
    draft = DraftDefinition(
        "x", True, "y", None, "Sam", f"{address}, s@example.org", "letter and email", None,
        address=address,
    )  # fmt: skip
    assert correction_of(address, draft).changes == {}
