"""How the team reaches a resident about a request the chat logged (1.4): the details are kept
on the request, the resident hears who will be in touch and by when, and adjustments follow."""

from __future__ import annotations

import asyncio
from datetime import datetime, timezone
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.repair import ActionUnderstandAnswer
from actions.representatives import ActionRecordRepresentative
from actions.request_contact import ActionRecordRequestContact, contact_given
from actions.triage import ActionTriage
from bot.bootstrap import App
from bot.casestore.domain import ContactRecord, ServiceRequest

# Thursday 3 December 2026, 10am: two working days on is Monday 7 December.
RECEIVED = datetime(2026, 12, 3, 10, 0, tzinfo=timezone.utc)


def logged_request(app: App) -> int:
    contact = ContactRecord("resident-9", "socketio", RECEIVED, "my tap drips",
                            "service_request", "service_request", 0.9, None, (), ())  # fmt: skip
    return app.cases.record_triage(contact, ServiceRequest("leaks_and_plumbing", False))


def after_the_question(slots: dict[str, Any], text: str = "yes") -> Tracker:
    return Tracker.from_dict(
        {
            "sender_id": "resident-9",
            "slots": slots,
            "latest_message": {"text": text, "intent": {"name": "affirm", "confidence": 1.0}},
            "events": [
                {
                    "event": "user",
                    "text": "my tap drips",
                    "timestamp": RECEIVED.timestamp(),
                    "parse_data": {"intent": {"name": "service_request"}},
                },
                {"event": "action", "name": "action_triage"},
            ],
        }
    )


def said(dispatcher: CollectingDispatcher) -> str:
    return " ".join(m.get("text") or m.get("response") or "" for m in dispatcher.messages)


def test_the_details_are_kept_on_the_request_and_the_date_is_said(app: App) -> None:
    contact_id = logged_request(app)
    dispatcher = CollectingDispatcher()
    slots = {"contact_id": contact_id, "contact_name": "Ayesha Khan",
             "contact_details": "07700 900456", "contact_preference": "text",
             "adjustment_ids": ["hearing"]}  # fmt: skip
    events = asyncio.run(
        ActionRecordRequestContact().run(dispatcher, after_the_question(slots), {})
    )
    told = said(dispatcher)
    assert "Our team will contact you by text message (07700 900456) by Monday 7 December" in told
    assert dispatcher.messages[-1]["response"] == "utter_offer_adjustments"
    assert events == [
        SlotSet("request_contact_pending", False),
        SlotSet("adjustments_pending", True),
    ]
    request = app.cases.service_request(contact_id)
    assert request is not None
    assert (request.contact_name, request.contact_details, request.contact_preference) == (
        "Ayesha Khan",
        "07700 900456",
        "text",
    )
    trail = app.cases.audit_trail(f"contact:{contact_id}")
    given = [detail for _, kind, detail in trail if kind == "service_request_contact_given"]
    assert given == [{"preference": "text"}]  # the audit holds no number


def test_a_resident_who_would_rather_call_is_told_how_and_nothing_is_kept(app: App) -> None:
    contact_id = logged_request(app)
    dispatcher = CollectingDispatcher()
    tracker = after_the_question({"contact_id": contact_id}, "no thanks")
    asyncio.run(ActionRecordRequestContact().run(dispatcher, tracker, {}))
    assert "please call us on 0300 000 0000" in said(dispatcher)
    request = app.cases.service_request(contact_id)
    assert request is not None and request.contact_details == ""


def test_an_emergency_repair_without_details_gets_the_emergency_line_not_office_hours(
    app: App,
) -> None:
    """Round 5 r5c-12 and r5b-13: a sparking socket at 10.53pm on a Friday and "no, I'll ring
    the emergency line now" got "call us on 0300 000 0000 (Monday to Friday, 8am to 6pm)"."""
    contact = ContactRecord("resident-9", "socketio", RECEIVED, "the socket is sparking",
                            "service_request", "service_request", 0.9, None, (), ())  # fmt: skip
    contact_id = app.cases.record_triage(contact, ServiceRequest("electrics", True))
    dispatcher = CollectingDispatcher()
    tracker = after_the_question({"contact_id": contact_id}, "no I'll ring the emergency line now")
    asyncio.run(ActionRecordRequestContact().run(dispatcher, tracker, {}))
    told = said(dispatcher)
    # Round 8 r8b-22: not "please also call" to someone who has just said they will.
    assert "Our emergency repairs line is open day and night on 0300 000 0999." in told
    assert "please also call" not in told
    assert "Monday to Friday" not in told


def first_service_request(sender: str, text: str) -> CollectingDispatcher:
    """What triage says to a first message the model reads as a service request."""
    dispatcher = CollectingDispatcher()
    first = Tracker.from_dict(
        {
            "sender_id": sender,
            "slots": {},
            "latest_message": {"text": text, "intent": {"name": "service_request",
                                                         "confidence": 0.95}},
            "events": [{"event": "user", "text": text, "timestamp": RECEIVED.timestamp()}],
        }
    )  # fmt: skip
    asyncio.run(ActionTriage().run(dispatcher, first, {}))
    return dispatcher


def test_details_in_the_first_message_are_kept_without_asking(app: App) -> None:
    dispatcher = first_service_request(
        # With the address: a job at the home is not booked without it (round 23).
        "resident-10",
        "the kitchen tap at 5 Ash Road is dripping, can someone ring me on 07700 900123",
    )
    assert "Our team will contact you by phone (07700 900123)" in said(dispatcher)
    assert "utter_offer_request_contact" not in said(dispatcher)


def test_when_to_call_said_in_the_first_message_is_told_back(app: App) -> None:
    dispatcher = first_service_request(
        "resident-11",
        "bathroom light not working at 12 Oak Road, ring me on 07700 900123 after 5pm pls",
    )
    assert "Our team will contact you by phone, after 5pm (07700 900123)" in said(dispatcher)


def test_a_helper_is_asked_how_to_reach_them_after_being_noted(app: App) -> None:
    contact_id = logged_request(app)
    dispatcher = CollectingDispatcher()
    slots = {
        "contact_id": contact_id,
        "triage_label": "service_request",
        "representative_name": "Sam Jones, her son",
        "representative_consent": True,
    }
    events = asyncio.run(
        ActionRecordRepresentative().run(dispatcher, after_the_question(slots), {})
    )
    assert dispatcher.messages[-1]["response"] == "utter_offer_request_contact"
    assert events[-1] == SlotSet("request_contact_pending", True)


def test_a_yes_that_says_how_fills_the_contact_questions() -> None:
    given = contact_given("yes, I'm Daniel Reeves and my number is 07700 900456, call after 5pm")
    assert given == [
        SlotSet("contact_name", "Daniel Reeves"),
        SlotSet("contact_details", "07700 900456"),
        # When to call is kept with the way (read back and shown to staff).
        SlotSet("contact_preference", "phone, after 5pm"),
    ]
    assert contact_given("yes pls. call me Ayesha") == [SlotSet("contact_name", "Ayesha")]
    assert contact_given("yes contact me") == []


def test_a_goodbye_with_the_last_answer_keeps_the_callback_and_says_when(app: App) -> None:
    """Round 7 r7a-05: "yes ring me, 07700 900222" then "Lee Harding. bye" at the name question
    dropped the callback and told the resident to ring instead."""
    contact_id = logged_request(app)
    text = "Dev Mistry. ta bye"
    message = {"text": text, "intent": {"name": "goodbye_or_name"}, "entities": []}
    turn = Tracker.from_dict(
        {
            "sender_id": "resident-9",
            "slots": {
                "contact_id": contact_id,
                "requested_slot": "contact_name",
                "contact_details": "07700 900222",
                "contact_preference": "phone",
            },
            "latest_message": message,
            "events": [
                {"event": "user", "text": "my tap drips", "timestamp": RECEIVED.timestamp(),
                 "parse_data": {"intent": {"name": "service_request"}}},
                {"event": "action", "name": "action_triage"},
                {"event": "bot", "text": "What name should we use for you?"},
                {"event": "user", "text": text, "parse_data": message},
            ],
            "active_loop": {"name": "request_contact_form"},
        }
    )  # fmt: skip
    dispatcher = CollectingDispatcher()
    asyncio.run(ActionUnderstandAnswer().run(dispatcher, turn, {}))
    assert "Our team will contact you by phone (07700 900222)" in said(dispatcher)
    request = app.cases.service_request(contact_id)
    assert request is not None
    assert (request.contact_name, request.contact_details) == ("Dev Mistry", "07700 900222")


def test_a_request_flagged_for_a_person_at_risk_is_no_emergency_repair(app: App) -> None:
    """Round 7 (r7b-02): after the safeguarding route, "no ... its just noise theyre not hurt"
    was told "As this is an emergency repair, please call our emergency repairs line"."""
    contact = ContactRecord("resident-9", "socketio", RECEIVED, "the kids next door are screaming",
                            "service_request", "service_request", 0.9, None, ("safeguarding",),
                            ())  # fmt: skip
    contact_id = app.cases.record_triage(contact, ServiceRequest("neighbourhood", True))
    dispatcher = CollectingDispatcher()
    tracker = after_the_question({"contact_id": contact_id}, "no its just noise theyre not hurt")
    asyncio.run(ActionRecordRequestContact().run(dispatcher, tracker, {}))
    assert "emergency repair" not in said(dispatcher)
    assert "please call us on 0300 000 0000" in said(dispatcher)


def told_first(tracker: Tracker, *lines: str) -> Tracker:
    """The same turn, after the assistant said `lines` earlier in the conversation."""
    state = tracker.current_state()
    state["events"] = [*state["events"][:1], *({"event": "bot", "text": t} for t in lines),
                       *state["events"][1:]]  # fmt: skip
    return Tracker.from_dict(state)


def test_a_make_safe_in_24_hours_told_mid_way_is_an_emergency_at_the_end(app: App) -> None:
    """Round 8 r8c-07: a baby in a cold flat got "make it safe within 24 hours", then "Our team
    will contact you by text by Wednesday 9 December" for the request logged before it."""
    contact_id = logged_request(app)
    dispatcher = CollectingDispatcher()
    slots = {"contact_id": contact_id, "contact_details": "07700 900654",
             "contact_preference": "text"}  # fmt: skip
    tracker = told_first(
        after_the_question(slots),
        "We must check this and make it safe within 24 hours, by 10am on Friday 4 December 2026.",
    )
    asyncio.run(ActionRecordRequestContact().run(dispatcher, tracker, {}))
    told = said(dispatcher)
    assert "about making it safe" in told and "emergency repairs line now" in told
    assert "by Monday 7 December" not in told


def test_damp_to_inspect_in_working_days_is_no_emergency_repair(app: App) -> None:
    """Round 8 r8b-01: damp and mould with an inspection in 10 working days, flagged urgent on
    the request, was then called an emergency repair with the 24-hour line to ring now."""
    contact = ContactRecord("resident-9", "socketio", RECEIVED, "black mould, my son has asthma",
                            "service_request", "service_request", 0.9, None, ("damp_mould",),
                            ())  # fmt: skip
    contact_id = app.cases.record_triage(contact, ServiceRequest("damp_and_mould", True))
    dispatcher = CollectingDispatcher()
    slots = {"contact_id": contact_id, "contact_details": "07700 900654",
             "contact_preference": "phone"}  # fmt: skip
    tracker = told_first(
        after_the_question(slots),
        "We must inspect it within 10 working days, by Thursday 17 December 2026. We will then "
        "send you a written summary of what we found within 3 working days.",
    )
    asyncio.run(ActionRecordRequestContact().run(dispatcher, tracker, {}))
    told = said(dispatcher)
    assert "emergency repair" not in told
    assert "Our team will contact you by phone (07700 900654) by Monday 7 December" in told
