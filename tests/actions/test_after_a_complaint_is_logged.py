"""Once a complaint is logged, what the resident told us for it leaves the conversation: anyone
who later types into the same session (a shared computer, a library) cannot bring back the
read-back with their name, contact details and disability."""

from __future__ import annotations

import asyncio
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.definition import ActionReadBackDefinition
from actions.submit import ActionSubmitComplaint
from bot.bootstrap import App

GIVEN = {
    "triaged_text": "the mould is back and I'm disabled",
    "complaint_aspects": "mould in the bedroom",
    "still_happening": True,
    "earlier_request": "JOB-55102",
    "outcome_sought": "fix it",
    "acting_for": "someone_else",
    "representative_name": "Bola Adeyemi",
    "representative_details": "Bola Adeyemi, daughter, 07700 900456",
    "representative_relationship": "family",
    "representative_consent": "given",
    "contact_name": "Ada Adeyemi",
    "contact_details": "ada@example.org",
    "contact_preference": "email",
    "adjustments_needed": "large print, I have MS",
    "adjustment_ids": ["visual"],
    "adjustment_consent": True,
    "awaiting_confirmation": True,
}


def conversation(slots: dict[str, Any]) -> Tracker:
    return Tracker.from_dict(
        {
            "sender_id": "shared-computer",
            "slots": slots,
            "latest_message": {"text": "/affirm", "intent": {"name": "affirm"}},
            "events": [],
        }
    )


def test_the_complaint_slots_are_emptied_once_it_is_logged(app: App) -> None:
    events = asyncio.run(
        ActionSubmitComplaint().run(CollectingDispatcher(), conversation(GIVEN), {})
    )
    after = dict(GIVEN)
    for event in events:
        if event["event"] == "slot":
            after[event["name"]] = event["value"]
    assert {
        name: after[name] for name in GIVEN if name != "awaiting_confirmation"
    } == dict.fromkeys(set(GIVEN) - {"awaiting_confirmation"})
    assert SlotSet("awaiting_confirmation", False) in events
    dispatcher = CollectingDispatcher()
    asyncio.run(ActionReadBackDefinition().run(dispatcher, conversation(after), {}))
    read_back = " ".join(m.get("text") or "" for m in dispatcher.messages)
    for personal in ("Ada", "ada@example.org", "MS", "Bola", "07700", "JOB-55102"):
        assert personal not in read_back
