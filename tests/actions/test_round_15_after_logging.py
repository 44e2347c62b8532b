"""Round 15: after a complaint is logged in a conversation, a question about it or a withdrawal
is answered; "You can make a formal complaint" would invite a second, duplicate complaint."""

from __future__ import annotations

import asyncio

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.references import KNOWN_REFERENCE
from actions.triage import ActionTriage
from bot.bootstrap import App


def after_logging(text: str, reference: str | None) -> Tracker:
    """A message read as dissatisfaction, with or without a complaint logged before it here."""
    ranking = [
        {"name": "dissatisfaction", "confidence": 0.8},
        {"name": "enquiry", "confidence": 0.2},
    ]
    return Tracker.from_dict(
        {
            "sender_id": "resident-15",
            "slots": {KNOWN_REFERENCE: reference},
            "latest_message": {
                "text": text,
                "intent": ranking[0],
                "intent_ranking": ranking,
                "entities": [],
                "message_id": "m-15",
            },
            "events": [],
        }
    )


def said(app: App, text: str, reference: str | None) -> list[str]:
    dispatcher = CollectingDispatcher()
    asyncio.run(ActionTriage().run(dispatcher, after_logging(text, reference), {}))
    return [m.get("text") or m.get("response") or "" for m in dispatcher.messages]


def test_a_question_after_a_complaint_is_logged_gets_no_second_offer(app: App) -> None:
    """r15d-02, r15a-02: "who actually reads this? I don't want that officer again" straight
    after CMP-... was logged was offered a formal complaint again."""
    text = "who is actually going to read it? i dont want the same officer who let me down"
    replies = said(app, text, "CMP-2026-000031")
    assert "utter_offer_complaint" not in replies
    assert any("complaints team" in reply for reply in replies)


def test_the_same_words_with_no_complaint_logged_still_get_the_choice(app: App) -> None:
    text = "who is actually going to read it? i dont want the same officer who let me down"
    assert "utter_offer_complaint" in said(app, text, None)
