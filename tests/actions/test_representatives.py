"""Someone acting for a resident outside a complaint (1.3, 3.6): noted with the consent status."""

from __future__ import annotations

import asyncio
from datetime import datetime, timezone
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.representatives import ActionRecordRepresentative, ValidateRepresentativeForm
from actions.triage import ActionTriage
from bot.bootstrap import App
from bot.casestore.domain import ContactRecord
from tests.actions.conftest import tracker

CARER_CUE = {"entity": "relationship", "value": "carer", "start": 10, "end": 22}


def form_tracker(
    slots: dict[str, Any],
    text: str = "",
    intent: str = "inform",
    entities: tuple[dict[str, Any], ...] = (),
) -> Tracker:
    return Tracker.from_dict(
        {
            "sender_id": "resident-rep",
            "slots": slots,
            "latest_message": {
                "text": text,
                "intent": {"name": intent, "confidence": 0.9},
                "entities": list(entities),
            },
            "events": [],
            "active_loop": {"name": "representative_form"},
        }
    )


def contact(app: App) -> int:
    return app.cases.record_contact(
        ContactRecord("resident-rep", "socketio", datetime.now(timezone.utc),
                      "my mum's tap is dripping", "service_request", "service_request", 0.9,
                      None, (), ())
    )  # fmt: skip


def test_a_relative_reporting_a_repair_is_asked_to_be_noted_before_adjustments(
    app: App, dispatcher: CollectingDispatcher
) -> None:
    events = asyncio.run(
        ActionTriage().run(dispatcher, tracker("daughter_reports_mums_repair"), {})
    )
    assert dispatcher.messages[-1]["response"] == "utter_offer_representative"
    assert all(m.get("response") != "utter_offer_adjustments" for m in dispatcher.messages)
    assert SlotSet("representative_relationship", "family") in events
    assert events[-1] == SlotSet("representative_pending", True)


def test_the_relationship_in_the_name_answer_is_kept_and_an_earlier_one_stands_otherwise(
    app: App,
) -> None:
    validate = ValidateRepresentativeForm().validate_representative_name
    answer = form_tracker(
        {"requested_slot": "representative_name"}, "Jo Smith, i'm her carer", entities=(CARER_CUE,)
    )
    assert validate("Jo Smith, i'm her carer", CollectingDispatcher(), answer, {}) == {
        "representative_name": "Jo Smith, i'm her carer",
        "representative_relationship": "carer",
    }
    earlier = form_tracker(
        {"requested_slot": "representative_name", "representative_relationship": "family"},
        "Priya Shah",
    )
    assert validate("Priya Shah", CollectingDispatcher(), earlier, {}) == {
        "representative_name": "Priya Shah",
        "representative_relationship": "family",
    }


def test_with_consent_the_representative_is_kept_with_the_time_it_was_given(
    app: App, dispatcher: CollectingDispatcher
) -> None:
    contact_id = contact(app)
    slots = {
        "contact_id": contact_id,
        "representative_name": "Priya Shah",
        "representative_relationship": "family",
        "representative_details": "Meena Shah, 4 Elm Court, LS2 7AB",
        "representative_consent": True,
    }
    events = asyncio.run(ActionRecordRepresentative().run(dispatcher, form_tracker(slots), {}))
    [kept] = app.cases.contact_representatives(contact_id)
    assert (kept.name, kept.relationship, kept.acting_for, kept.consent) == (
        "Priya Shah", "family", "Meena Shah, 4 Elm Court, LS2 7AB", "given",
    )  # fmt: skip
    assert kept.consent_at is not None
    assert [m["response"] for m in dispatcher.messages] == ["utter_representative_recorded"]
    assert events == [SlotSet("representative_pending", False)]
    with app.cases.unit_of_work() as uow:
        trail = uow.cases.audit_trail(f"contact:{contact_id}")
    [(actor, detail)] = [(a, d) for a, kind, d in trail if kind == "representative_recorded"]
    assert (actor, detail) == ("assistant", {"relationship": "family", "consent": "given"})


def test_without_consent_it_is_noted_as_not_yet_and_adjustments_are_offered_next(
    app: App, dispatcher: CollectingDispatcher
) -> None:
    contact_id = contact(app)
    slots = {
        "contact_id": contact_id,
        "representative_name": "Sam",
        "representative_details": "my mum at 4 Elm Court",
        "representative_consent": False,
        "adjustment_ids": ["hearing"],
    }
    events = asyncio.run(ActionRecordRepresentative().run(dispatcher, form_tracker(slots), {}))
    [kept] = app.cases.contact_representatives(contact_id)
    assert (kept.relationship, kept.consent, kept.consent_at) == ("not stated", "not_yet", None)
    assert [m["response"] for m in dispatcher.messages] == [
        "utter_representative_consent_needed",
        "utter_offer_adjustments",
    ]
    assert events[-1] == SlotSet("adjustments_pending", True)


def test_saying_no_keeps_nothing(app: App, dispatcher: CollectingDispatcher) -> None:
    contact_id = contact(app)
    slots = {"contact_id": contact_id, "representative_pending": True}
    asyncio.run(
        ActionRecordRepresentative().run(dispatcher, form_tracker(slots, intent="deny"), {})
    )
    assert app.cases.contact_representatives(contact_id) == []
    assert [m["response"] for m in dispatcher.messages] == ["utter_representative_not_recorded"]
