"""Round 24 (issue 16, record and conversation faults left from round 23), in the actions: Stage 2
after a status check that found nothing asks for nothing given already; a job that names no part
of the home asks the address, a message for a person or a withdrawal does not; a button title from
another question is no answer; "same as before, plus ..." adds to what went wrong."""

from __future__ import annotations

import asyncio
from datetime import datetime, timezone
from typing import Any

import pytest
from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.complaint_form import ValidateComplaintForm
from actions.escalation import ValidateEscalationForm
from actions.references import UNKNOWN
from actions.repair import fits_the_question
from actions.request_contact import ValidateRequestContactForm, address_wanted
from actions.status import ValidateStatusForm
from bot.bootstrap import App
from bot.casestore.domain import ContactRecord, ServiceRequest

RECEIVED = datetime(2026, 12, 7, 10, 0, tzinfo=timezone.utc)
REFERENCE = "CMP-2026-000321"
HELPING = "I'm helping someone else"
WAY_QUESTION = "How would you like us to contact you?"
WAY_BUTTONS = [
    {"title": title, "payload": f'/choose{{"choice": "{title.lower()}"}}'}
    for title in ("Email", "Phone call", "Text message", "Letter")
]
DOMAIN: dict[str, Any] = {
    "responses": {
        "utter_ask_acting_for": [
            {
                "text": "Are you the resident, or are you helping someone else?",
                "buttons": [
                    {"title": "I'm the resident", "payload": "/choose"},
                    {"title": HELPING, "payload": "/choose"},
                ],
            }
        ],
        "utter_ask_contact_preference": [{"text": WAY_QUESTION, "buttons": WAY_BUTTONS}],
        "utter_offer": [{"text": "Shall we?", "buttons": [{"title": "Yes"}, {"title": "No"}]}],
    }
}


def slot(name: str, value: Any) -> dict[str, Any]:
    return {"event": "slot", "name": name, "value": value, "timestamp": RECEIVED.timestamp()}


def user(text: str) -> dict[str, Any]:
    return {
        "event": "user",
        "text": text,
        "timestamp": RECEIVED.timestamp(),
        "parse_data": {"intent": {"name": "inform"}},
    }


def bot(text: str, buttons: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    return {
        "event": "bot",
        "text": text,
        "timestamp": RECEIVED.timestamp(),
        "data": {"buttons": buttons or []},
    }


def tracker(
    events: list[dict[str, Any]],
    slots: dict[str, Any] | None = None,
    loop: str | None = None,
) -> Tracker:
    latest = next((e["text"] for e in reversed(events) if e["event"] == "user"), "")
    return Tracker.from_dict(
        {
            "sender_id": "resident-24",
            "slots": slots or {},
            "latest_message": {"text": latest, "intent": {"name": "inform", "confidence": 1.0}},
            "events": events,
            "active_loop": {"name": loop} if loop else {},
        }
    )


def status_failed(reference: str, check: str) -> list[dict[str, Any]]:
    """A status check of `reference` with `check` that matched nothing: the form cleared both."""
    return [
        user(f"whats going on with {reference}"),
        slot("status_reference", reference),
        slot("requested_slot", "status_check"),
        user(check),
        slot("status_check", check),
        slot("status_reference", None),
        slot("status_check", None),
    ]


# Fault 1: after a failed status check, Stage 2 asks for nothing given already.
@pytest.mark.parametrize(
    "check", ["my email is dee.rowe@mail.example", "07700 900445", "its the one ending 445"]
)
def test_the_details_given_at_a_failed_status_check_are_used_for_stage_2(check: str) -> None:
    t = tracker(
        [*status_failed(REFERENCE, check), user("fine, stage 2 then")],
        {"escalation_reference": REFERENCE},
        "escalation_form",
    )
    extracted = asyncio.run(
        ValidateEscalationForm().extract_escalation_identity(CollectingDispatcher(), t, {})
    )
    assert extracted == {"escalation_identity": check}


def test_details_given_for_another_reference_are_asked_for_again() -> None:
    t = tracker(
        [*status_failed("CMP-2026-000999", "07700 900445"), user("stage 2 for CMP-2026-000321")],
        {"escalation_reference": REFERENCE},
        "escalation_form",
    )
    form = ValidateEscalationForm()
    assert asyncio.run(form.extract_escalation_identity(CollectingDispatcher(), t, {})) == {}


def test_the_question_already_asked_is_answered_by_the_message_not_the_old_details() -> None:
    t = tracker(
        [*status_failed(REFERENCE, "07700 900445"), user("stage 2"), user("07700 900446")],
        {"escalation_reference": REFERENCE, "requested_slot": "escalation_identity"},
        "escalation_form",
    )
    form = ValidateEscalationForm()
    assert asyncio.run(form.extract_escalation_identity(CollectingDispatcher(), t, {})) == {}


@pytest.mark.parametrize(
    "lost", ["i dont have the reference", "no idea what the ref is", "lost the letter sorry"]
)
def test_a_reference_said_to_be_lost_at_the_status_is_not_asked_for_at_stage_2(lost: str) -> None:
    events = [
        user("any news on my complaint?"),
        slot("requested_slot", "status_reference"),
        user(lost),
        slot("status_reference", UNKNOWN),
        slot("status_reference", None),
        user("ok i want it to go to stage 2"),
    ]
    t = tracker(events, {}, "escalation_form")
    form = ValidateEscalationForm()
    extracted = asyncio.run(form.extract_escalation_reference(CollectingDispatcher(), t, {}))
    assert extracted == {"escalation_reference": UNKNOWN}


def test_a_status_question_asked_again_asks_for_new_details() -> None:
    """The same question again after details that did not match: the resident tries others."""
    t = tracker(
        [*status_failed(REFERENCE, "Okafor"), user(f"whats happening with {REFERENCE}")],
        {"status_reference": REFERENCE},
        "status_form",
    )
    assert (
        asyncio.run(ValidateStatusForm().extract_status_check(CollectingDispatcher(), t, {})) == {}
    )


def test_stage_2_details_are_used_by_a_status_check_after_it() -> None:
    events = [
        user(f"stage 2 for {REFERENCE} please"),
        slot("escalation_reference", REFERENCE),
        user("my number is 07700 900447"),
        slot("escalation_identity", "my number is 07700 900447"),
        slot("escalation_reference", None),
        slot("escalation_identity", None),
        user("so where is it up to now"),
    ]
    t = tracker(events, {"status_reference": REFERENCE}, "status_form")
    extracted = asyncio.run(
        ValidateStatusForm().extract_status_check(CollectingDispatcher(), t, {})
    )
    assert extracted == {"status_check": "my number is 07700 900447"}


# Fault 4 and 6: the address of the home for a job that names no part of it.
def logged(app: App, text: str, category: str = "general") -> int:
    contact = ContactRecord("resident-24", "socketio", RECEIVED, text, "service_request",
                            "service_request", 0.9, None, (), ())  # fmt: skip
    return app.cases.record_triage(contact, ServiceRequest(category, False, description=text))


@pytest.mark.parametrize(
    "job",
    [
        "the extractor fan is broken, can someone come and fix it",
        "door entry buzzer not working",
        "i need a new key fob for the main entrance",
    ],
)
def test_a_job_naming_no_part_of_the_home_asks_its_address(app: App, job: str) -> None:
    contact_id = logged(app, job)
    t = tracker([user(job), user("yes")], {"contact_id": contact_id}, "request_contact_form")
    assert address_wanted(t, app.cases.service_request(contact_id))
    slots = ["contact_name", "contact_details", "contact_preference", "resident_address"]
    required = asyncio.run(
        ValidateRequestContactForm().required_slots(slots, CollectingDispatcher(), t, {})
    )
    assert "resident_address" in required


@pytest.mark.parametrize(
    "message",
    [
        "07700 900316",
        "can someone ring me back about my account please",
        "could you pass a message to my housing officer",
        "please cancel my complaint, its sorted",
    ],
)
def test_a_message_for_a_person_or_a_withdrawal_is_not_asked_an_address(
    app: App, message: str
) -> None:
    contact_id = logged(app, message)
    t = tracker([user(message), user("yes")], {"contact_id": contact_id}, "request_contact_form")
    assert not address_wanted(t, app.cases.service_request(contact_id))


# Fault 5: a button title from another question is no answer.
def at_question(question: str, typed: str, slot_name: str, buttons: list[Any]) -> Tracker:
    events = [
        bot(question, buttons),
        user(typed),
        slot(slot_name, typed),
    ]
    return tracker(
        events,
        {"requested_slot": slot_name, slot_name: typed, "contact_details": "kim@mail.example"},
        "request_contact_form",
    )


@pytest.mark.parametrize(
    ("question", "slot_name", "buttons"),
    [
        (WAY_QUESTION, "contact_preference", WAY_BUTTONS),
        ("What is the best phone number or email address for us to reach you?",
         "contact_details", []),
        ("What name should we use when we contact you?", "contact_name", []),
    ],
)  # fmt: skip
@pytest.mark.parametrize("typed", [HELPING, "i'm the resident", "I'm helping someone else."])
def test_another_questions_button_typed_is_asked_again(
    app: App, question: str, slot_name: str, buttons: list[Any], typed: str
) -> None:
    t = at_question(question, typed, slot_name, buttons)
    events = asyncio.run(
        ValidateRequestContactForm().get_validation_events(CollectingDispatcher(), t, DOMAIN)
    )
    assert SlotSet(slot_name, None) in events
    assert not any(e.get("name") == slot_name and e.get("value") for e in events)
    assert not fits_the_question(t, DOMAIN, slot_name, typed)


@pytest.mark.parametrize("typed", ["Email", "text message"])
def test_the_questions_own_button_typed_is_its_answer(app: App, typed: str) -> None:
    t = at_question(WAY_QUESTION, typed, "contact_preference", WAY_BUTTONS)
    assert fits_the_question(t, DOMAIN, "contact_preference", typed)
    events = asyncio.run(
        ValidateRequestContactForm().get_validation_events(CollectingDispatcher(), t, DOMAIN)
    )
    assert SlotSet("contact_preference", None) not in events


def test_a_plain_no_is_never_taken_for_another_questions_button(app: App) -> None:
    t = at_question("Is this about a repair you reported before?", "no", "earlier_request", [])
    assert fits_the_question(t, DOMAIN, "earlier_request", "no")


# Fault 3: "same as before, plus ..." adds to what went wrong.
BEFORE = "The bedroom radiator has not worked since October and I reported it three times"


def aspects_answered(answer: str) -> dict[str, Any]:
    events = [
        slot("complaint_aspects", BEFORE),
        user("No, change something"),
        user("What went wrong"),
        slot("complaint_aspects", None),
        slot("requested_slot", "complaint_aspects"),
        bot("Please tell me, in your own words, what has gone wrong."),
        user(answer),
        slot("complaint_aspects", answer),
    ]
    t = tracker(events, {"requested_slot": "complaint_aspects"}, "complaint_form")
    return ValidateComplaintForm().validate_complaint_aspects(answer, CollectingDispatcher(), t, {})


@pytest.mark.parametrize(
    ("answer", "added"),
    [
        ("Same as before, plus: the hall radiator has gone cold too", "The hall radiator"),
        ("same but add that the towel rail leaks", "The towel rail leaks"),
        ("as well as that, nobody rang me back", "Nobody rang me back"),
    ],
)
def test_an_addition_keeps_what_went_wrong_and_adds_to_it(
    app: App, answer: str, added: str
) -> None:
    kept = aspects_answered(answer)["complaint_aspects"]
    assert kept.startswith(BEFORE + ". ")
    assert added in kept
    assert "same" not in kept.lower() and "plus" not in kept.lower()


def test_a_new_account_replaces_what_went_wrong(app: App) -> None:
    answer = "the boiler is broken and nothing heats up"
    assert aspects_answered(answer) == {"complaint_aspects": answer}
