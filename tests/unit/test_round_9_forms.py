"""Round 9 of the simulated residents (issue 16): what the complaint form reads from sentences,
in our own wordings. Things already said are not asked again, clear corrections at the read-back
are applied where they belong, and the read-back shows what was given."""

from __future__ import annotations

from dataclasses import replace

import pytest

from bot.answers import OpenQuestion, understand
from bot.corrections import correction_of
from bot.definition import (
    DraftDefinition,
    consent_told,
    contact_time_told,
    introduced_name,
    name_in,
    postal_address_in,
    preference_beside_details,
    represented_person,
    resident_in,
)
from bot.told import earlier_report_told, outcome_told, own_name_in

READ_BACK = OpenQuestion("awaiting_confirmation")

TENANT = DraftDefinition(
    aspects="The landing lights have been out for three weeks.",
    still_happening=True,
    outcome="Fix the lights",
    representative=None,
    contact_name="Nadia",
    contact_details="07700 900456",
    contact_preference="text",
    adjustments=None,
)
HELPER = replace(
    TENANT,
    representative="Mrs Rose Hill, 5 Birch Close",
    contact_name="Hill Adeyemi",
    consent=True,
    adjustments="07700 900555, calls only",
)


@pytest.mark.parametrize(
    ("message", "told"),
    [
        (
            "His window won't close since October and it's freezing, he reported it twice.",
            "he reported it twice",
        ),
        ("We complained on phone in September and nothing happen.", "We complained on phone"),
        ("its the damp in the back room, reported it 3 times since august", "reported it 3 times"),
        ("cupboard door hanging off 2 months, reported twice, nobody came", "reported twice"),
        ("the buzzer is broken. We called you twice in November.", "We called you twice"),
        ("damp in kids room, T rang about it in Sept and Oct, no visit", "T rang about it"),
        ("nobody came when I rang in may", "when I rang in may"),
        ("ive rung u lot 5 times about the boiler", "ive rung u lot 5 times"),
    ],
)
def test_an_earlier_report_told_in_the_first_message_is_kept(message: str, told: str) -> None:
    found = earlier_report_told(message)
    assert found is not None and told in found


@pytest.mark.parametrize(
    "message",
    [
        "I want to report a leak in the bathroom",
        "I never reported it before, sorry",
        "Cust rang: Mr R Patel, 31 Cedar Rd, leaking sink",
        "caller rang re mould in the bedroom",
        "nobody called me back",
        "the man called Dave was rude to me",
    ],
)
def test_no_earlier_report_is_read_where_none_was_made(message: str) -> None:
    assert earlier_report_told(message) is None


@pytest.mark.parametrize(
    ("message", "outcome"),
    [
        (
            "Wants formal complaint + compensation for lost wages. Still leaking.",
            "compensation for lost wages",
        ),
        ("T wants a complaint and an apology from the plumber", "an apology from the plumber"),
        ("she wants formal complaint & money back for the heater", "money back for the heater"),
    ],
)
def test_what_would_put_it_right_is_read_beside_the_complaint_asked_for(
    message: str, outcome: str
) -> None:
    assert outcome_told(message) == outcome


def test_a_complaint_asked_for_alone_is_no_outcome() -> None:
    assert outcome_told("I want to make a formal complaint") is None


@pytest.mark.parametrize(
    ("message", "name"),
    [
        ("ye txt me 07700 900246 its jade", "Jade"),
        ("ya ring me on 07700 900634 im mo", "Mo"),
        ("Yes, call me on 07700 900456, I'm Rahima", "Rahima"),
        ("my number is 07700 900150, I'm Leon", "Leon"),
        ("text me 07700 900111 its Dev.", "Dev"),
    ],
)
def test_a_name_signed_off_beside_the_number_is_the_name(message: str, name: str) -> None:
    assert own_name_in(message) == name


@pytest.mark.parametrize(
    "message",
    [
        "07700 900634 its urgent",
        "07700 900634 im deaf",
        "yes 07700 900634 its my mobile",
        "call 07700 900111 im at work till 5",
        "its jade",
    ],
)
def test_words_ending_a_message_with_a_number_are_not_taken_for_a_name(message: str) -> None:
    assert own_name_in(message) is None


@pytest.mark.parametrize(
    "message",
    [
        "im call handler, ringing on behalf of T, she consented",
        "helping my dad, he consented",
        "T consented on the call",
    ],
)
def test_a_helper_saying_the_resident_consented_is_not_asked_again(message: str) -> None:
    assert consent_told(message)


@pytest.mark.parametrize(
    ("message", "preference"),
    [
        ("My name Olena, telephone 07700 900271, text message better, not good on phone", "text"),
        ("07700 900271 or x@example.org, email is best", "email"),
        ("call or text, text better", "text"),
        ("prefers phone 01632 960111", "phone"),
        ("07700 900888 prefers calls am", "phone, am"),
    ],
)
def test_the_way_said_to_be_better_is_the_preference(message: str, preference: str) -> None:
    assert preference_beside_details(message) == preference


@pytest.mark.parametrize(
    ("message", "told"),
    [
        ("Please call after 5pm as I work, otherwise no", "phone, after 5pm"),
        ("pls ring after 6pm im at work", "phone, after 6pm"),
        ("I asked to be called only after 5pm", "phone, after 5pm"),
        ("text me in the evenings only", "text, in the evenings only"),
    ],
)
def test_a_time_to_contact_them_is_read_with_the_way(message: str, told: str) -> None:
    assert contact_time_told(message) == told


def test_a_time_that_is_not_about_contact_is_not_a_contact_time() -> None:
    assert contact_time_told("the noise starts after 11pm every night") is None


@pytest.mark.parametrize(
    ("message", "address"),
    [
        ("Joan Pike. Write to me please, I don't do email. 12 Ash Road, Sampleton SA1 2BC",
         "12 Ash Road, Sampleton SA1 2BC"),
        ("by post to flat 4, 9 Mill Lane please", "flat 4, 9 Mill Lane"),
    ],
)  # fmt: skip
def test_a_postal_address_given_for_letters_is_found(message: str, address: str) -> None:
    assert postal_address_in(message) == address


@pytest.mark.parametrize(
    ("message", "name"),
    [
        ("Hannah Price, Fairway Support", "Hannah Price"),
        ("Priya Shah from Northside Housing Trust", "Priya Shah"),
    ],
)
def test_the_helper_is_named_not_their_organisation(message: str, name: str) -> None:
    assert name_in(message) == name


def test_the_resident_address_is_kept_when_written_in_small_letters() -> None:
    details = "My name is Piotr Nowak. My father is Jan Nowak, flat 2, 16 Park Road"
    assert resident_in(details, "Piotr Nowak") == "Jan Nowak, flat 2, 16 Park Road"


def test_the_resident_address_is_kept_after_where_they_live() -> None:
    first = "I am carer for Mrs Ivy Cole, she lives at 4 Lime House. Her shower is broken."
    assert represented_person(first) == "Mrs Ivy Cole, 4 Lime House"


@pytest.mark.parametrize(
    ("message", "name"),
    [
        ("I am Mrs Aleksandra Wiśniewska, I am 76.", "Mrs Aleksandra Wiśniewska"),
        ("my name is Łukasz Wójcik", "Łukasz Wójcik"),
    ],
)
def test_a_name_with_accented_letters_is_kept_whole(message: str, name: str) -> None:
    assert introduced_name(message) == name


@pytest.mark.parametrize(
    ("typed", "changes"),
    [
        (
            "Not quite. You missed that I asked to be called only after 5pm because I work.",
            {"contact_preference": "phone, after 5pm"},
        ),
        (
            "not quite, you missed that I want to be phoned only after 6pm as I'm at work",
            {"contact_preference": "phone, after 6pm"},
        ),
        ("and put my full name, Nadia Farah", {"contact_name": "Nadia Farah"}),
        ("pls put my full name, Nadia Farah-Jones", {"contact_name": "Nadia Farah-Jones"}),
    ],
)
def test_a_clear_correction_of_the_tenant_is_applied(typed: str, changes: dict[str, str]) -> None:
    assert correction_of(typed, TENANT).changes == changes


@pytest.mark.parametrize(
    "typed",
    [
        "That's not quite right. The complaint is for Mr Sam Farah at 11 Cedar Road. I'm his "
        "sister helping him and he has agreed.",
        "no, the complaint is for Mr Sam Farah at 11 Cedar Road, I'm helping him, he agreed",
    ],
)
def test_the_person_the_complaint_is_for_makes_the_writer_their_helper(typed: str) -> None:
    changes = correction_of(typed, TENANT).changes
    assert changes["representative"] == "Mr Sam Farah, 11 Cedar Road"
    assert changes["acting_for"] == "someone_else"
    assert changes["consent"] is True


def test_the_resident_naming_themself_is_not_made_their_own_helper() -> None:
    correction = correction_of("the complaint is for Nadia Farah", TENANT)
    assert "representative" not in correction.changes


@pytest.mark.parametrize(
    "typed",
    [
        "no - no adjustments needed, that phone number isnt an adjustment",
        "we dont need any adjustments",
        "that number is not an adjustment",
    ],
)
def test_no_adjustments_needed_takes_them_out(typed: str) -> None:
    assert correction_of(typed, HELPER).changes == {"adjustments": "none"}


@pytest.mark.parametrize(
    ("typed", "name"),
    [
        ("no thats wrong. helper = Dan Price. contact = Mrs Rose Hill", "Dan Price"),
        ("also the helper is wrong, Im Dan Price from the contact centre", "Dan Price"),
        ("the person helping is Priya Shah, customer services advisor", "Priya Shah"),
    ],
)
def test_the_helper_named_in_a_correction_is_the_name_we_contact(typed: str, name: str) -> None:
    assert correction_of(typed, HELPER).changes["contact_name"] == name


@pytest.mark.parametrize(
    "typed",
    [
        "take the bath panel out of what went wrong, thats a separate repair",
        "pls take the bath panel bit out, its a different repair",
        "remove the bath panel from what went wrong",
    ],
)
def test_a_part_taken_out_of_what_went_wrong_is_removed(typed: str) -> None:
    draft = replace(
        TENANT, aspects="T says staff member rude on phone. T also says bath panel loose."
    )
    correction = correction_of(typed, draft)
    assert correction.how == "removed"
    assert correction.changes == {"aspects": "T says staff member rude on phone."}


@pytest.mark.parametrize(
    ("typed", "outcome"),
    [
        (
            "Please change what he would like: he wants the radiators fixed and an apology.",
            "he wants the radiators fixed and an apology.",
        ),
        (
            "change what she wants to: the lock replaced this week",
            "the lock replaced this week",
        ),
    ],
)
def test_what_they_would_like_is_replaced_without_the_instruction(typed: str, outcome: str) -> None:
    assert correction_of(typed, TENANT).changes == {"outcome": outcome}


def test_an_addition_keeps_none_of_the_words_that_ask_for_it() -> None:
    typed = "Please also add that I want the lights checked every month, not just fixed once."
    outcome = correction_of(typed, TENANT).changes["outcome"]
    assert outcome == "Fix the lights. I want the lights checked every month, not just fixed once."


@pytest.mark.parametrize(
    "typed",
    [
        "Nothing to change. Please log it.",
        "nothing to change, pls log it",
        "no changes, just log it please",
        "Nothing to change here. Please log it.",
    ],
)
def test_nothing_to_change_and_log_it_is_a_yes(typed: str) -> None:
    assert understand(READ_BACK, typed, "deny", [], {}).kind == "yes"


@pytest.mark.parametrize(
    "typed",
    [
        "I changed my mind. I talk to person with interpreter",
        "changed my mind, can i speak to a real person",
        "forget it, i want a human",
    ],
)
def test_leaving_for_a_person_leaves_and_asks_for_one(typed: str) -> None:
    understood = understand(OpenQuestion("outcome_sought", "complaint_form"), typed, None, [], {})
    assert understood.kind == "leave"
    assert understood.then_person


@pytest.mark.parametrize(
    "typed",
    [
        "hang on, cancel that. i'll speak to my housing officer first",
        "I changed my mind",
        "cancel for now, going outside",
    ],
)
def test_leaving_alone_asks_for_nobody(typed: str) -> None:
    understood = understand(OpenQuestion("contact_name", "complaint_form"), typed, None, [], {})
    assert understood.kind == "leave"
    assert not understood.then_person
