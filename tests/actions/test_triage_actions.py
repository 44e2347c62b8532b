"""What the resident is told right after their first message, and what is recorded."""

from __future__ import annotations

import asyncio
from datetime import datetime, timezone

from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.choice import ActionRecordChoice
from actions.triage import ActionTriage
from bot.bootstrap import App
from bot.casestore.domain import ContactRecord
from tests.actions.conftest import tracker


def test_dissatisfaction_with_a_gas_danger_gets_the_offer_to_complain(
    app: App, dispatcher: CollectingDispatcher
) -> None:
    # The route itself comes first from the safety check (test_safety_check.py).
    events = asyncio.run(ActionTriage().run(dispatcher, tracker("dissatisfied_with_gas"), {}))
    assert [m["response"] for m in dispatcher.messages] == ["utter_offer_complaint"]
    assert events == [
        SlotSet("choice_pending", False),
        SlotSet("time_limit_pending", False),
        SlotSet("representative_pending", False),
        SlotSet("adjustments_pending", False),
        SlotSet("request_contact_pending", False),
        SlotSet("triage_label", "complaint"),
        SlotSet(
            "triaged_text",
            "third time asking, i can smell gas and nobody came, my son is autistic",
        ),
        SlotSet("contact_id", 1),
        SlotSet("service_area", "general"),
        SlotSet("adjustment_ids", ["neurodivergence"]),
        SlotSet("choice_pending", True),
    ]
    with app.cases.unit_of_work() as uow:
        contact = uow.cases.get_contact(1)
    assert contact is not None
    assert (contact.label, contact.urgency) == ("complaint", ("gas",))
    # The disclosed need is not stored as a flag: that waits for consent in the complaint form.
    assert all(reason["code"] != "5.10" for reason in contact.reasons)


def test_neighbour_noise_is_explained_not_refused(
    app: App, dispatcher: CollectingDispatcher
) -> None:
    events = asyncio.run(ActionTriage().run(dispatcher, tracker("neighbour_noise"), {}))
    said = " ".join(m["text"] for m in dispatcher.messages)
    assert "anti-social behaviour" in said
    assert "This is not a decision. A complaints officer will look at your circumstances" in said
    assert "0300 111 3000" in said
    assert SlotSet("triage_label", "excluded") in events
    assert SlotSet("choice_pending", True) not in events
    [proposal] = app.cases.pending_exclusions()
    assert (proposal.ground, proposal.decision) == ("asb_report", "pending")


def contact_for() -> ContactRecord:
    now = datetime.now(timezone.utc)
    return ContactRecord("resident-2", "socketio", now, "the mould is back", "complaint",
                         "dissatisfaction", 0.9, None, (), ())  # fmt: skip


def test_yes_to_the_offer_records_the_choice(app: App, dispatcher: CollectingDispatcher) -> None:
    events = asyncio.run(ActionRecordChoice().run(dispatcher, tracker("answers_yes"), {}))
    assert dispatcher.messages[0]["response"] == "utter_choice_complaint"
    assert events == [
        SlotSet("complaint_choice", "complaint"),
        SlotSet("choice_pending", False),
        SlotSet("complaint_aspects", "the mould is back"),
    ]


def test_a_need_mentioned_with_a_request_is_offered_and_nothing_is_kept_yet(
    app: App, dispatcher: CollectingDispatcher
) -> None:
    events = asyncio.run(ActionTriage().run(dispatcher, tracker("deaf_repair_request"), {}))
    said = " ".join(m.get("text") or "" for m in dispatcher.messages)
    assert "request for our team" in said and "text relay" in said
    # How the team can reach them is asked first; what would help is offered after that.
    assert dispatcher.messages[-1]["response"] == "utter_offer_request_contact"
    assert events[-2:] == [SlotSet("adjustment_ids", ["hearing"]),
                           SlotSet("request_contact_pending", True)]  # fmt: skip
    with app.cases.unit_of_work() as uow:
        contact = uow.cases.get_contact(1)
    assert contact is not None and all(r["code"] != "5.10" for r in contact.reasons)


def test_put_right_without_a_complaint_is_a_service_request_with_a_way_back(
    app: App, dispatcher: CollectingDispatcher
) -> None:
    """The team that puts it right needs the request logged and a way to reach the resident;
    the chat used to say only that they had none."""
    app.cases.record_triage(contact_for(), None)
    events = asyncio.run(ActionRecordChoice().run(dispatcher, tracker("answers_no"), {}))
    responses = [m["response"] for m in dispatcher.messages]
    assert responses == ["utter_choice_no_complaint", "utter_offer_request_contact"]
    assert events[-1] == SlotSet("request_contact_pending", True)
    request = app.cases.service_request(1)
    assert request is not None and request.category == "damp_and_mould"
