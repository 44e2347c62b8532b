"""Round 26 (issue 16, contact, outcome and call-handler lines read right), in the actions: a
letter chosen is sent to the address told, or the address is asked for; "why do you need that"
at the contact details or the address is answered; the number chosen of two is kept; a call
handler's role line at the outcome question is no outcome."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.complaint_form import (
    ActionAskComplaintFormResidentAddress,
    ValidateComplaintForm,
    fuller_outcome,
    letter_without_address,
)
from actions.contact import same_way_as_before
from actions.request_contact import ValidateRequestContactForm
from bot.bootstrap import App
from bot.definition import DraftDefinition
from bot.replies import LETTER_ADDRESS_QUESTION, WHY_ADDRESS, WHY_CONTACT_DETAILS
from tests.actions.test_round_25_record25 import tracker, user


def said(dispatcher: CollectingDispatcher) -> list[Any]:
    return [m.get("text") or m.get("response") for m in dispatcher.messages]


# r26b-06 t7: "Letter" with an address told in the first message is sent there.
@pytest.mark.parametrize("typed", ["Letter", "by post please", "write to me please"])
def test_a_letter_goes_to_the_address_told(app: App, typed: str) -> None:
    t = tracker(
        [
            user("Dear Sir, the bathroom door at 14 Elm Grove has been broken since May."),
            user(typed),
        ],
        {"requested_slot": "contact_preference", "contact_details": "anna.b@example.org"},
        "complaint_form",
    )
    told = ValidateComplaintForm().validate_contact_preference(typed, CollectingDispatcher(), t, {})
    assert told["contact_preference"] == "letter"
    assert told["contact_details"] == "14 Elm Grove, anna.b@example.org"
    draft = DraftDefinition(
        "x", True, "y", None, "Anna Berg", told["contact_details"], "letter", None
    )
    assert "We will contact Anna Berg by letter (14 Elm Grove, anna.b@example.org)." in (
        draft.read_back()
    )


# r26b-05 t9: "Letter please, to my home, and also email" with no address told: both ways
# kept, and the address asked for next, for the letter.
@pytest.mark.parametrize(
    ("typed", "way"),
    [
        ("Letter please, to my home, and also email", "letter and email"),
        ("a letter to my house and email as well", "letter and email"),
        ("post, plus email", "letter and email"),
    ],
)
def test_a_letter_with_no_address_asks_for_it(app: App, typed: str, way: str) -> None:
    slots = {"requested_slot": "contact_preference", "contact_details": "t.w@example.com"}
    t = tracker([user("the rent letters are wrong"), user(typed)], slots, "complaint_form")
    told = ValidateComplaintForm().validate_contact_preference(typed, CollectingDispatcher(), t, {})
    assert told["contact_preference"] == way
    assert "contact_details" not in told
    asked = tracker(
        [user("the rent letters are wrong"), user(typed)],
        {**slots, "contact_preference": way, "requested_slot": "resident_address"},
        "complaint_form",
    )
    assert letter_without_address(asked)
    dispatcher = CollectingDispatcher()
    asyncio.run(ActionAskComplaintFormResidentAddress().run(dispatcher, asked, {}))
    assert said(dispatcher) == [LETTER_ADDRESS_QUESTION]
    # The address given is kept with the contact details, for the letter.
    address = "flat 2, 9 Mill Lane, Leeds LS2 7AB"
    at = tracker([user(address)], {**slots, "contact_preference": way}, "complaint_form")
    kept = ValidateComplaintForm().validate_resident_address(
        address, CollectingDispatcher(), at, {}
    )
    assert kept["contact_details"].startswith("flat 2, 9 Mill Lane")
    assert kept["contact_details"].endswith("t.w@example.com")


def test_an_email_chosen_asks_no_address(app: App) -> None:
    t = tracker(
        [user("email")],
        {"contact_details": "t.w@example.com", "contact_preference": "email"},
        "complaint_form",
    )
    assert not letter_without_address(t)


# r26b-02 t8, r26b-08 t6: "why do you need that" is answered, not refused.
@pytest.mark.parametrize("typed", ["why do you need that", "what do u need it for?", "how come"])
def test_why_at_the_contact_details_is_answered(app: App, typed: str) -> None:
    t = tracker([user(typed)], {"requested_slot": "contact_details"}, "complaint_form")
    dispatcher = CollectingDispatcher()
    told = ValidateComplaintForm().validate_contact_details(typed, dispatcher, t, {})
    assert told == {"contact_details": None}
    assert said(dispatcher) == [WHY_CONTACT_DETAILS["complaint_form"]]


@pytest.mark.parametrize("typed", ["why do you need that", "whats that for", "why?"])
def test_why_at_the_address_is_answered(app: App, typed: str) -> None:
    t = tracker([user(typed)], {"requested_slot": "resident_address"}, "request_contact_form")
    dispatcher = CollectingDispatcher()
    told = ValidateRequestContactForm().validate_resident_address(typed, dispatcher, t, {})
    assert told == {"resident_address": None}
    assert said(dispatcher) == [WHY_ADDRESS["job"]]


# r26b-02 t10: the work number chosen at the way question is the one kept.
@pytest.mark.parametrize(
    ("typed", "number"),
    [
        ("text. actually use the work one not the first one", "07700 900222"),
        ("phone call, the second number", "07700 900222"),
        ("text the first one", "07700 900111"),
    ],
)
def test_the_number_chosen_is_the_one_held(app: App, typed: str, number: str) -> None:
    t = tracker(
        [user("07700 900 111 or my work one 07700 900 222"), user(typed)],
        {"requested_slot": "contact_preference", "contact_details": "07700 900111"},
        "complaint_form",
    )
    told = ValidateComplaintForm().validate_contact_preference(typed, CollectingDispatcher(), t, {})
    assert told.get("contact_details", "07700 900111") == number


# r26b-03 t6: the call handler's role line is no outcome; t5: "comp for ..." is one.
def test_a_role_line_at_the_outcome_question_answers_who(app: App) -> None:
    typed = "CH taking the call for the customer, customer is the tenant, consents"
    t = tracker([user(typed)], {"requested_slot": "outcome_sought"}, "complaint_form")
    told = ValidateComplaintForm().validate_outcome_sought(typed, CollectingDispatcher(), t, {})
    assert told == {"outcome_sought": None, "acting_for": "resident"}


@pytest.mark.parametrize(
    "typed",
    ["as i said comp for 2 lost days + visit booked on a sat", "comp and the job booked asap"],
)
def test_comp_at_the_outcome_question_is_kept(app: App, typed: str) -> None:
    t = tracker(
        [user(typed)],
        {"requested_slot": "outcome_sought", "earlier_request": "job RJ-1"},
        "complaint_form",
    )
    told = ValidateComplaintForm().validate_outcome_sought(typed, CollectingDispatcher(), t, {})
    assert told["outcome_sought"] and "comp" in told["outcome_sought"]


# r26b-08 t17: "same as before 07700900733" at the way question: the way chosen before.
@pytest.mark.parametrize("typed", ["same as before 07700900733", "same as before", "as before pls"])
def test_the_same_way_as_before_is_kept(app: App, typed: str) -> None:
    t = tracker(
        [
            user("call"),
            {"event": "slot", "name": "contact_preference", "value": "phone"},
            {"event": "slot", "name": "contact_preference", "value": None},
            user(typed),
        ],
        {"requested_slot": "contact_preference", "contact_details": "07700 900733"},
        "complaint_form",
    )
    told = ValidateComplaintForm().validate_contact_preference(typed, CollectingDispatcher(), t, {})
    assert told["contact_preference"] == "phone"


def test_both_ways_are_read_from_the_message_typed(app: App) -> None:
    typed = "Letter please, to my home, and also email"
    t = tracker(
        [user(typed)],
        {"requested_slot": "contact_preference", "contact_details": "t.w@example.com"},
        "complaint_form",
    )
    told = ValidateComplaintForm().validate_contact_preference(
        "letter", CollectingDispatcher(), t, {}
    )
    assert told["contact_preference"] == "letter and email"


# r26b-03 t5: the outcome said again with more to it replaces "wants comp" from the first line.
@pytest.mark.parametrize(
    ("held", "typed", "kept"),
    [
        ("wants comp", "as i said comp for 2 lost days + visit booked on a sat",
         "comp for 2 lost days + visit booked on a sat"),
        ("wants an apology", "like i said an apology in writing and the mess cleaned up",
         "an apology in writing and the mess cleaned up"),
    ],
)  # fmt: skip
def test_a_fuller_outcome_replaces_the_one_held(app: App, held: str, typed: str, kept: str) -> None:
    t = tracker([user(typed)], {"requested_slot": "acting_for", "outcome_sought": held})
    assert fuller_outcome(t, typed) == kept


@pytest.mark.parametrize("typed", ["I'm the resident", "compensation", "its me, i want comp"])
def test_other_answers_keep_the_outcome_held(app: App, typed: str) -> None:
    t = tracker(
        [user(typed)], {"requested_slot": "acting_for", "outcome_sought": "wants an apology"}
    )
    assert fuller_outcome(t, typed) is None


def test_the_number_chosen_is_read_from_the_message_typed(app: App) -> None:
    typed = "text. actually use the work one not the first one"
    t = tracker(
        [user("07700 900 111 or my work one 07700 900 222"), user(typed)],
        {"requested_slot": "contact_preference", "contact_details": "07700 900111"},
        "complaint_form",
    )
    told = ValidateComplaintForm().validate_contact_preference(
        "text", CollectingDispatcher(), t, {}
    )
    assert told["contact_details"] == "07700 900222"


def test_the_number_chosen_is_read_from_the_message_before_its_re_read_answer(app: App) -> None:
    t = tracker(
        [
            user("07700 900 111 or my work one 07700 900 222"),
            user("text. actually use the work one not the first one"),
            user("text"),
        ],
        {"requested_slot": "contact_preference", "contact_details": "07700 900111"},
        "complaint_form",
    )
    told = ValidateComplaintForm().validate_contact_preference(
        "text", CollectingDispatcher(), t, {}
    )
    assert told["contact_details"] == "07700 900222"


def test_two_numbers_given_then_a_way_keeps_the_first(app: App) -> None:
    t = tracker(
        [user("07700 900 111 or my work one 07700 900 222"), user("text")],
        {"requested_slot": "contact_preference", "contact_details": "07700 900111"},
        "complaint_form",
    )
    told = ValidateComplaintForm().validate_contact_preference(
        "text", CollectingDispatcher(), t, {}
    )
    assert "contact_details" not in told


@pytest.mark.parametrize(
    ("typed", "way"),
    [("same as before 07700900733", "phone"), ("same as before", "phone"), ("email", None)],
)
def test_the_way_before_is_found_for_same_as_before(typed: str, way: str | None) -> None:
    t = tracker(
        [
            user("call"),
            {"event": "slot", "name": "contact_preference", "value": "phone"},
            {"event": "slot", "name": "contact_preference", "value": None},
            user(typed),
        ],
        {"requested_slot": "contact_preference"},
        "complaint_form",
    )
    assert same_way_as_before(t) == way
