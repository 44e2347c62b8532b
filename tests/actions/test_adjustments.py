"""Adjustments outside a complaint (5.10): asked, consent for a disability, kept with a review."""

from __future__ import annotations

import asyncio
from datetime import datetime, timezone
from typing import Any

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.adjustments import ActionRecordAdjustments, ValidateAdjustmentsForm
from bot.bootstrap import App
from bot.casestore.domain import ContactRecord


def form_tracker(slots: dict[str, Any], text: str = "", intent: str = "inform") -> Tracker:
    return Tracker.from_dict(
        {
            "sender_id": "resident-adjust",
            "slots": slots,
            "latest_message": {
                "text": text,
                "intent": {"name": intent, "confidence": 0.9},
                "entities": [],
            },
            "events": [],
            "active_loop": {"name": "adjustments_form"},
        }
    )


def contact(app: App) -> int:
    return app.cases.record_contact(
        ContactRecord(
            "resident-adjust",
            "socketio",
            datetime.now(timezone.utc),
            "fix my doorbell",
            "service_request",
            "service_request",
            0.9,
            None,
            (),
            (),
        )
    )


def required(slots: dict[str, Any]) -> list[str]:
    return asyncio.run(
        ValidateAdjustmentsForm().required_slots(
            ["adjustments_needed", "adjustment_consent"],
            CollectingDispatcher(),
            form_tracker(slots),
            {},
        )
    )


def test_consent_is_asked_only_for_a_health_condition_or_disability(app: App) -> None:
    assert required({"adjustment_ids": ["hearing"]}) == ["adjustments_needed", "adjustment_consent"]
    assert required({"adjustment_ids": ["large_print"]}) == ["adjustments_needed"]


def test_the_answer_keeps_the_need_disclosed_earlier_when_it_names_none(app: App) -> None:
    answer = form_tracker(
        {"adjustment_ids": ["hearing"], "requested_slot": "adjustments_needed"},
        text="text me before anyone comes round please",
    )
    validated = ValidateAdjustmentsForm().validate_adjustments_needed(
        "text me before anyone comes round please", CollectingDispatcher(), answer, {}
    )
    assert validated == {
        "adjustments_needed": "text me before anyone comes round please",
        "adjustment_ids": ["hearing"],
    }


@pytest.mark.parametrize(
    ("consent", "detail_kept"),
    [(True, "text me, I am deaf"), (False, "(not recorded: no consent)")],
)
def test_an_agreed_adjustment_is_kept_with_a_review_date_and_a_disability_only_with_consent(
    app: App, dispatcher: CollectingDispatcher, consent: bool, detail_kept: str
) -> None:
    contact_id = contact(app)
    slots = {
        "contact_id": contact_id,
        "adjustment_ids": ["hearing"],
        "adjustments_needed": "text me, I am deaf",
        "adjustment_consent": consent,
    }
    asyncio.run(ActionRecordAdjustments().run(dispatcher, form_tracker(slots), {}))
    assert "We will review it by" in dispatcher.messages[0]["text"]
    [kept] = app.cases.contact_adjustments(contact_id)
    assert (kept.need_id, kept.detail, kept.disability_disclosed) == (
        "hearing",
        detail_kept,
        consent,
    )
    assert kept.review_due > datetime.now(timezone.utc).date()


def test_saying_no_keeps_nothing(app: App, dispatcher: CollectingDispatcher) -> None:
    contact_id = contact(app)
    slots = {"contact_id": contact_id, "adjustment_ids": ["hearing"], "adjustments_pending": True}
    asyncio.run(ActionRecordAdjustments().run(dispatcher, form_tracker(slots, intent="deny"), {}))
    assert app.cases.contact_adjustments(contact_id) == []
    assert "at any time" in dispatcher.messages[0]["text"]


@pytest.mark.parametrize(
    "answer",
    [
        "Mum is hard of hearing so please ring me instead, and she's fine with you noting that",
        "He has a learning disability, easy read letters please. He's ok with that being recorded.",
    ],
)
def test_consent_given_with_what_would_help_is_not_asked_for_again(app: App, answer: str) -> None:
    """Round 5 r5a-01, r5a-02: consent to record the disability was asked after being given."""
    slots = {"requested_slot": "adjustments_needed", "adjustment_ids": ["hearing"]}
    validated = ValidateAdjustmentsForm().validate_adjustments_needed(
        answer, CollectingDispatcher(), form_tracker(slots, answer), {}
    )
    assert validated["adjustment_consent"] is True


def test_consent_refused_with_what_would_help_is_not_taken_as_given(app: App) -> None:
    answer = "large print please, but I'm not ok with that being recorded"
    slots = {"requested_slot": "adjustments_needed", "adjustment_ids": ["sight"]}
    validated = ValidateAdjustmentsForm().validate_adjustments_needed(
        answer, CollectingDispatcher(), form_tracker(slots, answer), {}
    )
    assert "adjustment_consent" not in validated


def test_no_thank_you_with_a_reason_needs_nothing(app: App) -> None:
    """Round 6 r6a-02: "No thank you, my English is ok for writing" was kept as an adjustment."""
    answer = "No thank you, my English is ok for writing"
    slots = {"requested_slot": "adjustments_needed", "adjustment_ids": []}
    validated = ValidateAdjustmentsForm().validate_adjustments_needed(
        answer, CollectingDispatcher(), form_tracker(slots, answer), {}
    )
    assert validated["adjustments_needed"] == "none"
