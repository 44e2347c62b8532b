"""An old problem: asked about first, explained if it is over, and the choice is still given."""

from __future__ import annotations

import asyncio
from datetime import datetime, timezone

from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.time_limit import ActionTimeLimitAnswer
from bot.bootstrap import App
from bot.casestore.domain import ContactRecord


def answer(intent: str, contact_id: int) -> Tracker:
    return Tracker.from_dict(
        {
            "sender_id": "resident-12",
            "slots": {"time_limit_pending": True, "contact_id": contact_id},
            "latest_message": {
                "text": "/" + intent,
                "intent": {"name": intent, "confidence": 1.0},
                "intent_ranking": [{"name": intent, "confidence": 1.0}],
            },
            "events": [],
        }
    )


def old_contact(app: App) -> int:
    return app.cases.record_contact(
        ContactRecord(
            "resident-12",
            "rest",
            datetime.now(timezone.utc),
            "two years ago the gas engineer was rude",
            "excluded",
            "old_issue",
            0.8,
            "over_12_months",
            (),
            (),
        )
    )


def test_over_and_done_is_explained_and_still_offered_and_goes_to_an_officer_if_chosen(
    app: App, dispatcher: CollectingDispatcher
) -> None:
    contact_id = old_contact(app)
    events = asyncio.run(ActionTimeLimitAnswer().run(dispatcher, answer("deny", contact_id), {}))
    said = " ".join(m.get("text") or "" for m in dispatcher.messages)
    assert "more than 12 months ago" in said and "good reason" in said
    assert "Housing Ombudsman" in said
    assert dispatcher.messages[-1]["response"] == "utter_offer_complaint"
    # Over is also the answer to "Is this still happening now?", not asked again (round 15
    # r15b-11).
    assert events == [
        SlotSet("time_limit_pending", False),
        SlotSet("choice_pending", True),
        SlotSet("still_happening", False),
    ]
    # Nothing for an officer until the resident chooses to complain (as on a call).
    assert app.cases.pending_exclusions() == []
    app.cases.record_choice(contact_id, "complaint")
    [proposal] = app.cases.pending_exclusions()
    assert proposal.ground == "over_12_months"


def test_still_happening_is_within_time_and_nothing_is_proposed(
    app: App, dispatcher: CollectingDispatcher
) -> None:
    contact_id = old_contact(app)
    asyncio.run(ActionTimeLimitAnswer().run(dispatcher, answer("affirm", contact_id), {}))
    assert [m["response"] for m in dispatcher.messages] == ["utter_offer_complaint"]
    app.cases.record_choice(contact_id, "complaint")
    assert app.cases.pending_exclusions() == []
