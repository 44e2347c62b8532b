"""Round 23 (issue 16, faults left from round 22), in the actions: a first repair report asks for
the address of the home when none was given, and never when it was (round 22 r22b-02 t5 closed
the request without it); a name typed in small letters with the details is kept; a relative's own
email is read back as theirs; "no letters" said at any question is kept with the request and read
back."""

from __future__ import annotations

import asyncio
from datetime import datetime, timezone
from typing import Any

import pytest
from rasa_sdk import Tracker
from rasa_sdk.events import FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.contact import ContactQuestions
from actions.definition import draft_from
from actions.request_contact import (
    ActionRecordRequestContact,
    ValidateRequestContactForm,
    address_wanted,
    ask_or_record_contact,
    contact_given,
)
from bot.bootstrap import App
from bot.casestore.domain import ContactRecord, ServiceRequest
from bot.replies import ADDRESS_NOT_READ, NO_POST_LINE

RECEIVED = datetime(2026, 12, 3, 10, 0, tzinfo=timezone.utc)
FORM_SLOTS = ["contact_name", "contact_details", "contact_preference", "resident_address"]
ADDRESS_QUESTION = "What is the address of the home where the job is?"


def logged_request(app: App, category: str = "leaks_and_plumbing", text: str = "sink") -> int:
    contact = ContactRecord("resident-23", "socketio", RECEIVED, text, "service_request",
                            "service_request", 0.9, None, (), ())  # fmt: skip
    return app.cases.record_triage(contact, ServiceRequest(category, False))


def tracker(
    said: list[str],
    slots: dict[str, Any],
    latest: str = "yes",
    active_loop: str | None = "request_contact_form",
    asked: str | None = None,
) -> Tracker:
    events: list[dict[str, Any]] = []
    for i, text in enumerate([*said, latest]):
        if i == len(said) and asked is not None:
            events.append({"event": "bot", "text": asked, "timestamp": RECEIVED.timestamp() + i})
        events.append(
            {
                "event": "user",
                "text": text,
                "timestamp": RECEIVED.timestamp() + i,
                "parse_data": {"intent": {"name": "service_request"}},
            }
        )
    return Tracker.from_dict(
        {
            "sender_id": "resident-23",
            "slots": slots,
            "latest_message": {"text": latest, "intent": {"name": "inform", "confidence": 1.0}},
            "events": events,
            "active_loop": {"name": active_loop} if active_loop else {},
        }
    )


def required(t: Tracker) -> list[str]:
    return asyncio.run(
        ValidateRequestContactForm().required_slots(FORM_SLOTS, CollectingDispatcher(), t, {})
    )


def said(dispatcher: CollectingDispatcher) -> str:
    return " ".join(m.get("text") or m.get("response") or "" for m in dispatcher.messages)


# Fault 1.
def test_a_job_at_the_home_without_an_address_asks_for_it(app: App) -> None:
    contact_id = logged_request(app)
    t = tracker(["the sink in the kitchen is blocked"], {"contact_id": contact_id})
    assert "resident_address" in required(t)


@pytest.mark.parametrize(
    "first",
    [
        "the sink at Flat 3, 19 Mill Lane is blocked",
        "hiya its 7 Hawthorn Way, the bath wont drain",
    ],
)
def test_an_address_given_before_is_never_asked_again(app: App, first: str) -> None:
    contact_id = logged_request(app)
    assert "resident_address" not in required(tracker([first], {"contact_id": contact_id}))


def test_an_address_held_from_a_name_answer_is_not_asked_again(app: App) -> None:
    contact_id = logged_request(app)
    t = tracker(["sink blocked"], {"contact_id": contact_id, "resident_address": "22 elm walk"})
    # Held, so filled: the form never asks it.
    assert not address_wanted(t, app.cases.service_request(contact_id))


@pytest.mark.parametrize("category", ["rent_and_charges", "lettings_and_moves", "asb_report"])
def test_no_address_is_asked_for_a_request_not_done_at_the_home(app: App, category: str) -> None:
    contact_id = logged_request(app, category)
    assert "resident_address" not in required(tracker(["my rent"], {"contact_id": contact_id}))


def test_details_given_up_front_still_need_the_address(app: App) -> None:
    contact_id = logged_request(app)
    t = tracker([], {"contact_id": contact_id}, latest="sink blocked, ring me on 07700 900123")
    dispatcher = CollectingDispatcher()
    events = ask_or_record_contact(dispatcher, t, contact_id, False)
    assert FollowupAction("request_contact_form") in events
    assert "Our team will contact you" not in said(dispatcher)


def test_an_emergency_with_details_is_told_its_contact_line_at_once(app: App) -> None:
    contact = ContactRecord("resident-23", "socketio", RECEIVED, "no heating", "service_request",
                            "service_request", 0.9, None, (), ())  # fmt: skip
    contact_id = app.cases.record_triage(contact, ServiceRequest("heating_and_hot_water", True))
    t = tracker([], {"contact_id": contact_id}, latest="no heating, baby here, ring 07700 900124")
    dispatcher = CollectingDispatcher()
    events = ask_or_record_contact(dispatcher, t, contact_id, False)
    assert FollowupAction("request_contact_form") not in events
    assert "Our team will contact you" in said(dispatcher)


@pytest.mark.parametrize(
    ("typed", "kept"),
    [("its flat 2, 40 oak road", "flat 2, 40 oak road"), ("Flat 9, 3 Rowan Court", None)],
)
def test_the_address_answer_is_kept(app: App, typed: str, kept: str | None) -> None:
    t = tracker(["sink blocked"], {"requested_slot": "resident_address"}, latest=typed)
    got = ValidateRequestContactForm().validate_resident_address(
        typed, CollectingDispatcher(), t, {}
    )
    assert got == {"resident_address": kept or typed}


def test_no_address_in_the_answer_is_asked_once_more_then_kept_as_typed(app: App) -> None:
    dispatcher = CollectingDispatcher()
    first = tracker(["sink blocked"], {"requested_slot": "resident_address"}, latest="dunno")
    form = ValidateRequestContactForm()
    assert form.validate_resident_address("dunno", dispatcher, first, {}) == {
        "resident_address": None
    }
    assert said(dispatcher) == ADDRESS_NOT_READ
    again = tracker(
        ["sink blocked", "dunno"],
        {"requested_slot": "resident_address"},
        latest="the blue house by the shop",
        asked=ADDRESS_NOT_READ,
    )
    got = form.validate_resident_address("the blue house by the shop", dispatcher, again, {})
    assert got == {"resident_address": "the blue house by the shop"}


def test_the_address_is_stored_on_the_request_and_said_back(app: App) -> None:
    contact_id = logged_request(app)
    dispatcher = CollectingDispatcher()
    slots = {"contact_id": contact_id, "contact_name": "Shannon O'Brien",
             "contact_details": "07700 900733", "contact_preference": "text",
             "resident_address": "22 elm walk"}  # fmt: skip
    asyncio.run(ActionRecordRequestContact().run(dispatcher, tracker(["sink"], slots), {}))
    assert "The address we have for the job is 22 elm walk." in said(dispatcher)
    request = app.cases.service_request(contact_id)
    assert request is not None and request.property_address == "22 elm walk"
    trail = app.cases.audit_trail(f"contact:{contact_id}")
    given = [detail for _, kind, detail in trail if kind == "service_request_contact_given"]
    # The audit says an address was given, never the address.
    assert given == [{"preference": "text", "address_given": True}]


# Fault 2.
@pytest.mark.parametrize(
    ("said_", "name"),
    [
        ("yes contact me, its nadia hussain 07700 900410 flat 6", "Nadia Hussain"),
        ("yes please, name is craig bell and my number is 07700 900411", "Craig Bell"),
    ],
)
def test_a_yes_with_a_name_in_small_letters_fills_the_name(said_: str, name: str) -> None:
    assert SlotSet("contact_name", name) in contact_given(said_)


def test_a_name_in_small_letters_at_the_details_question_is_kept() -> None:
    text = "07700 900412 its kerry-ann walsh"
    t = tracker([], {"requested_slot": "contact_details"}, latest=text, active_loop=None)
    from actions.contact import told_beside

    assert told_beside(t)["contact_name"] == "Kerry-ann Walsh"


# Fault 4.
def test_a_relatives_email_is_read_back_as_theirs_not_the_residents() -> None:
    text = (
        "email me at caseworker@advocacy.example and copy in Mr Bell's daughter Ruth on "
        "ruth.bell@mail.example"
    )
    slots = {
        "requested_slot": "contact_details",
        "acting_for": "someone_else",
        "representative_details": "Mr Arthur Bell, 4 Elm Grove",
        "contact_name": "Jo Quinn",
        "contact_preference": None,
    }
    got = ContactQuestions().validate_contact_details(
        text, CollectingDispatcher(), tracker([], slots, latest=text), {}
    )
    details = got["contact_details"]
    assert details.startswith("caseworker@advocacy.example")
    assert "copy our emails to Ruth, Mr Bell's daughter, at ruth.bell@mail.example" in details
    assert "contact Mr Arthur Bell on ruth.bell" not in details


# Fault 5.
def test_no_letters_said_at_the_name_question_is_kept_with_the_request(app: App) -> None:
    contact_id = logged_request(app)
    dispatcher = CollectingDispatcher()
    slots = {"contact_id": contact_id, "contact_name": "Sara Jones",
             "contact_details": "07700 900444", "contact_preference": "text",
             "resident_address": "5 Ash Road"}  # fmt: skip
    t = tracker(["back door lock broken", "yes", "Sara Jones. dont post anything to me"], slots)
    asyncio.run(ActionRecordRequestContact().run(dispatcher, t, {}))
    assert NO_POST_LINE in said(dispatcher)
    request = app.cases.service_request(contact_id)
    assert request is not None
    assert request.contact_details.startswith("07700 900444")
    assert "not send letters" in request.contact_details


def test_no_letters_said_in_a_complaint_is_read_back(app: App) -> None:
    slots = {"complaint_aspects": "the lock was never fixed", "outcome_sought": "fix it",
             "contact_name": "Leanne", "contact_details": "leanne.k@example.com",
             "contact_preference": "email"}  # fmt: skip
    t = tracker(["the lock was never fixed", "Leanne. no letters please"], slots, latest="Email")
    read_back = draft_from(t).read_back()
    assert "We will not send letters or anything by post to your home." in read_back
