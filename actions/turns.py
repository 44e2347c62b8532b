"""Facts about the conversation turn that several actions record: when, where, and which turn."""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any

from rasa_sdk import Tracker


def event_time(event: dict[str, Any]) -> datetime:
    return datetime.fromtimestamp(float(event["timestamp"]), tz=timezone.utc)


def received_at(tracker: Tracker) -> datetime:
    """When the latest message arrived (5.12: the date received starts the Code's clock)."""
    for event in reversed(tracker.events):
        if event.get("event") == "user" and event.get("timestamp"):
            return event_time(event)
    return datetime.now(timezone.utc)


def channel_of(tracker: Tracker) -> str:
    return tracker.get_latest_input_channel() or "unknown"


def turn_key(tracker: Tracker, purpose: str) -> str:
    """Names one handover per conversation turn: a retried turn carries the same message id."""
    turn = tracker.latest_message.get("message_id") or len(tracker.events)
    return f"{tracker.sender_id}:{turn}:{purpose}"
