"""Round 25 (issue 16, details told in sentences asked again), in the actions: the name in a
clause of its own at the name question, the address in its own sentence at the address question,
a request cancelled at its question, and "is it cancelled?" answered about the request."""

from __future__ import annotations

import asyncio
from datetime import datetime, timezone
from typing import Any

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.choice import answer_in_context
from actions.complaint_form import ValidateComplaintForm
from actions.repair import leave, recorded_so_far
from actions.request_contact import (
    ValidateRequestContactForm,
    access_noted,
    cancels_the_request,
    only_the_access_note,
)
from bot.answers import OpenQuestion
from bot.bootstrap import App
from bot.casestore.domain import ContactRecord, ServiceRequest
from bot.recorded import REQUEST_CANCELLED_LINE, request_reply, withdrawal_reply
from bot.replies import ADDRESS_NOT_READ

RECEIVED = datetime(2026, 12, 7, 10, 0, tzinfo=timezone.utc)


def user(text: str) -> dict[str, Any]:
    return {
        "event": "user",
        "text": text,
        "timestamp": RECEIVED.timestamp(),
        "parse_data": {"intent": {"name": "inform"}},
    }


def bot(text: str) -> dict[str, Any]:
    return {"event": "bot", "text": text, "timestamp": RECEIVED.timestamp(), "data": {}}


def tracker(
    events: list[dict[str, Any]], slots: dict[str, Any] | None = None, loop: str | None = None
) -> Tracker:
    latest = next((e["text"] for e in reversed(events) if e["event"] == "user"), "")
    return Tracker.from_dict(
        {
            "sender_id": "resident-25",
            "slots": slots or {},
            "latest_message": {"text": latest, "intent": {"name": "inform", "confidence": 1.0}},
            "events": events,
            "active_loop": {"name": loop} if loop else {},
        }
    )


def logged(app: App, text: str, category: str = "kitchens") -> int:
    contact = ContactRecord("resident-25", "socketio", RECEIVED, text, "service_request",
                            "service_request", 0.9, None, (), ())  # fmt: skip
    return app.cases.record_triage(contact, ServiceRequest(category, False, description=text))


@pytest.mark.parametrize(
    ("typed", "name"),
    [
        ("sam okoro. be quick my battery is nearly gone", "Sam Okoro"),
        ("nobody is hurt, its my battery thats low. Sam Okoro", "Sam Okoro"),
        ("no one's in any danger. its Priya Nair", "Priya Nair"),
    ],
)
def test_the_name_in_a_clause_of_its_own_is_taken(app: App, typed: str, name: str) -> None:
    t = tracker([user(typed)], {"requested_slot": "contact_name"}, "complaint_form")
    validated = ValidateComplaintForm().validate_contact_name(typed, CollectingDispatcher(), t, {})
    assert str(validated["contact_name"]).lower() == name.lower()


@pytest.mark.parametrize(
    ("typed", "address"),
    [
        (
            "Flat 7, Rowan House, 12 Park Road, Leeds LS6 1AA. It has been broken a month, I "
            "reported it twice and nobody came.",
            "Flat 7, Rowan House, 12 Park Road, Leeds LS6 1AA",
        ),
        ("22b Willow Street. leaving the house now, calling 999", "22b Willow Street"),
        ("Flat 4, 9 Alder Court. and the back door wont shut", "Flat 4, 9 Alder Court"),
    ],
)
def test_the_address_in_its_own_sentence_is_taken_whole(app: App, typed: str, address: str) -> None:
    t = tracker([user(typed)], {"requested_slot": "resident_address"}, "request_contact_form")
    validated = ValidateRequestContactForm().validate_resident_address(
        typed, CollectingDispatcher(), t, {}
    )
    assert validated == {"resident_address": address}


@pytest.mark.parametrize("typed", ["no", "dunno", "dunno mate", "Nope."])
def test_an_address_declined_is_kept_as_not_given_never_as_typed(app: App, typed: str) -> None:
    """The merge of round 25: "no" at the address question of a complaint, asked once more,
    read back "Your address: no"."""
    form = ValidateComplaintForm()
    first = tracker([user(typed)], {"requested_slot": "resident_address"}, "complaint_form")
    said = CollectingDispatcher()
    assert form.validate_resident_address(typed, said, first, {}) == {"resident_address": None}
    assert [m["text"] for m in said.messages] == [ADDRESS_NOT_READ]
    again = tracker(
        [user(typed), bot(ADDRESS_NOT_READ), user(typed)],
        {"requested_slot": "resident_address"},
        "complaint_form",
    )
    said = CollectingDispatcher()
    assert form.validate_resident_address(typed, said, again, {}) == {
        "resident_address": "not given"
    }
    assert [m["text"] for m in said.messages] == [
        "That's fine. Our team will ask you for the address when they contact you."
    ]


def test_an_address_with_no_in_it_is_still_an_address(app: App) -> None:
    typed = "no 4 Elm Close"
    t = tracker([user(typed)], {"requested_slot": "resident_address"}, "complaint_form")
    validated = ValidateComplaintForm().validate_resident_address(
        typed, CollectingDispatcher(), t, {}
    )
    assert validated["resident_address"] != "not given"


@pytest.mark.parametrize(
    "typed",
    [
        "oh wait, they left a card saying theyre back friday. cancel it please",
        "you can forget this now, my son fixed it",
        "actually I don't need anyone to come, it's sorted",
    ],
)
def test_cancel_words_at_a_requests_question_cancel_it(app: App, typed: str) -> None:
    assert cancels_the_request(typed)
    contact_id = logged(app, "two cupboard doors still to fit")
    events = [bot("What is the address of the home where the job is?"), user(typed)]
    t = tracker(
        events,
        {"contact_id": contact_id, "requested_slot": "resident_address",
         "contact_details": "07700 900149", "contact_name": "Priya Nair"},
        "request_contact_form",
    )  # fmt: skip
    dispatcher = CollectingDispatcher()
    question = OpenQuestion("resident_address", form="request_contact_form")
    leave(dispatcher, t, question, {"forms": {}}, False)
    said = [m.get("text") for m in dispatcher.messages]
    assert REQUEST_CANCELLED_LINE in said
    assert not any(str(line).startswith("The address we have") for line in said)
    assert not any(str(line).startswith("Our team will contact you") for line in said)
    trail = app.cases.audit_trail(f"contact:{contact_id}")
    assert any(kind == "service_request_cancelled" for _, kind, _ in trail)


@pytest.mark.parametrize("typed", ["Lee Harding. bye", "that's all thanks, bye", "forget it, bye"])
def test_a_goodbye_without_cancel_words_leaves_the_request_standing(typed: str) -> None:
    assert not cancels_the_request(typed)


def test_is_it_cancelled_is_answered_about_the_request(app: App) -> None:
    contact_id = logged(app, "two cupboard doors still to fit")
    events = [user("cancel it please"), bot(REQUEST_CANCELLED_LINE), user("so is it cancelled?")]
    recorded = recorded_so_far(tracker(events, {"contact_id": contact_id}))
    assert withdrawal_reply(recorded).startswith("Yes. I have cancelled your request")


def test_a_request_not_cancelled_is_said_to_stand(app: App) -> None:
    contact_id = logged(app, "two cupboard doors still to fit")
    recorded = recorded_so_far(tracker([user("is it cancelled?")], {"contact_id": contact_id}))
    assert withdrawal_reply(recorded).startswith("No. Your request is still with our team")


# Fault 6: every job noted is in the summary, a hazard told inside a form too.
CLOCK = "We must check this and make it safe within 24 hours, by {t} on Tuesday 8 December 2026."


@pytest.mark.parametrize(
    "hazard",
    [
        "wait the bathroom light has water dripping out of it now",
        "also the back door lock is smashed, we cant lock it tonight",
        "oh and theres sparks coming from the plug by the cooker",
    ],
)
def test_a_hazard_told_inside_a_form_is_in_the_summary(app: App, hazard: str) -> None:
    events = [
        user("the lift has been broken for a month and nobody cares"),
        bot("I'm sorry things have gone wrong."),
        user("Make a formal complaint"),
        bot("What name should we use when we contact you?"),
        user(hazard),
        bot("Do not touch it."),
        bot(CLOCK.format(t="2.10pm")),
        bot("What name should we use when we contact you?"),
        user("Sam Okoro"),
        user("the shower drips a bit, no rush"),
        bot("Thank you. I've noted this as a request for our team."),
        user("what have you got down?"),
    ]
    noted = recorded_so_far(tracker(events)).noted
    assert [n.kind for n in noted] == ["request", "urgent"]
    assert "Sam Okoro" not in noted[1].words


def test_a_clock_said_again_for_the_same_hazard_adds_nothing(app: App) -> None:
    events = [
        user("the socket by the sink is sparking"),
        bot(CLOCK.format(t="2.10pm")),
        bot("Thank you. I've noted this as a request for our team."),
        user("what should i do now, the fridge is off"),
        bot(CLOCK.format(t="2.10pm")),
        user("what have you noted?"),
    ]
    noted = recorded_so_far(tracker(events)).noted
    assert [n.kind for n in noted] == ["request"]


# Fault 2 (in part): "do you need my address?" with the address in the same message.
@pytest.mark.parametrize(
    ("said", "address"),
    [
        (
            "yes thats fine. do you need my address for the plumber? its flat 6, 11 Birch Road, "
            "Hull HU3 2AB",
            "flat 6, 11 Birch Road, Hull HU3 2AB",
        ),
        ("do they need the address? 4 Mill Street", "4 Mill Street"),
    ],
)
def test_the_address_given_with_the_question_is_said_back(
    app: App, said: str, address: str
) -> None:
    answer = app.answers["address_needed"]
    answered = answer_in_context(tracker([user(said)]), said, answer)
    assert answered.text.startswith(f"Thank you. The address I have is {address}.")


def test_without_an_address_the_question_is_answered_as_before(app: App) -> None:
    said = "do you need my address?"
    answer = app.answers["address_needed"]
    assert answer_in_context(tracker([user(said)]), said, answer) == answer


# Fault 2: an emergency job told in a complaint's conversation asks where it is.
COMPLAINT_SLOTS = [
    "complaint_aspects", "contact_name", "contact_details", "contact_preference",
    "resident_address", "adjustments_needed",
]  # fmt: skip


def complaint_required(events: list[dict[str, Any]], slots: dict[str, Any]) -> list[str]:
    t = tracker(events, slots, "complaint_form")
    return asyncio.run(
        ValidateComplaintForm().required_slots(COMPLAINT_SLOTS, CollectingDispatcher(), t, {})
    )


@pytest.mark.parametrize(
    "hazard",
    [
        "water is pouring through the bathroom light and i told you about the leak last week",
        "the socket in the hall is sparking again, reported it twice already",
        "the front door lock is smashed and nobody came when i rang",
    ],
)
def test_an_emergency_job_in_a_complaint_asks_its_address(app: App, hazard: str) -> None:
    events = [user(hazard), bot(CLOCK.format(t="2.10pm")), user("Make a formal complaint")]
    assert "resident_address" in complaint_required(events, {})


def test_an_address_typed_already_is_not_asked(app: App) -> None:
    events = [
        user("the socket at 5 Mill Lane is sparking again, reported it twice"),
        bot(CLOCK.format(t="2.10pm")),
        user("Make a formal complaint"),
    ]
    assert "resident_address" not in complaint_required(events, {})
    held = [user("the socket is sparking"), bot(CLOCK.format(t="2.10pm"))]
    # Held, it stays required (so an answer just typed is validated) but is filled: not asked.
    slots = {"resident_address": "5 Mill Lane"}
    unfilled = [slot for slot in complaint_required(held, slots) if not slots.get(slot)]
    assert "resident_address" not in unfilled


def test_a_complaint_with_no_emergency_is_not_asked_an_address(app: App) -> None:
    events = [user("the grass has not been cut since august"), user("Make a formal complaint")]
    assert "resident_address" not in complaint_required(events, {})


# Fault 5: a note on when to visit is added to the request, said back, and read from the record.
@pytest.mark.parametrize(
    "typed",
    [
        "can you pass a message on - my carer comes 10 till 12 so thats the best time to visit",
        "tell them im only in after 4pm",
        "please tell them to knock loudly, he is hard of hearing",
    ],
)
def test_a_note_on_when_to_visit_is_added_to_the_request(app: App, typed: str) -> None:
    contact_id = logged(app, "the stair carpet is loose on the top step")
    t = tracker([user(typed)], {"contact_id": contact_id})
    dispatcher = CollectingDispatcher()
    assert only_the_access_note(typed)
    assert access_noted(dispatcher, t)
    request = app.cases.service_request(contact_id)
    assert request is not None and request.access_times
    assert request.access_times in dispatcher.messages[0]["text"]
    asked = tracker([user(typed), user("did you write that down?")], {"contact_id": contact_id})
    assert request.access_times in request_reply(recorded_so_far(asked))


def test_no_note_without_a_request(app: App) -> None:
    t = tracker([user("tell them im only in after 4pm")], {})
    assert not access_noted(CollectingDispatcher(), t)


def test_another_questions_button_at_the_outcome_question_is_no_answer(app: App) -> None:
    """The round 25 merge: "/deny", the earlier job question's button pressed after that
    question was skipped, was read back "You would like: /deny"."""
    t = tracker([user("/deny")], {"requested_slot": "outcome_sought"}, "complaint_form")
    validated = ValidateComplaintForm().validate_outcome_sought(
        "/deny", CollectingDispatcher(), t, {}
    )
    assert validated == {"outcome_sought": None}
    typed = "fix it and say sorry"
    t = tracker([user(typed)], {"requested_slot": "outcome_sought"}, "complaint_form")
    validated = ValidateComplaintForm().validate_outcome_sought(
        typed, CollectingDispatcher(), t, {}
    )
    assert validated["outcome_sought"]


@pytest.mark.parametrize(
    "typed",
    [
        "i dont really want to put my address on a chat thing",
        "no im not giving it here, sorry",
        "id rather not say on here, just ring me",
    ],
)
def test_an_address_refused_in_words_is_not_asked_again(app: App, typed: str) -> None:
    """Round 26 r26a-08 t9-t17: a refusal got "Sorry, I could not find an address", then was
    stored as the address of the job, and the question came back twice more."""
    t = tracker([user(typed)], {"requested_slot": "resident_address"}, "request_contact_form")
    said = CollectingDispatcher()
    validated = ValidateRequestContactForm().validate_resident_address(typed, said, t, {})
    assert validated == {"resident_address": "not given"}
    assert [m["text"] for m in said.messages] == [
        "That's fine. Our team will ask you for the address when they contact you."
    ]
