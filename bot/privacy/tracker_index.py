"""Index each message's emails and phone numbers as Rasa's SQL tracker store writes the event, in
the same transaction (`event_factors`, bot/privacy/tracker_events.py), so erasure and export by
person find a conversation in SQL however many events are stored."""

from __future__ import annotations

from typing import Any

from rasa.core.tracker_store import SQLTrackerStore
from sqlalchemy import event
from sqlalchemy.engine import Connection

from bot.privacy.tracker_events import index_event


def index_as_rasa_saves() -> None:
    """Listen for Rasa's event rows being inserted (once per process, however often called)."""
    if not event.contains(SQLTrackerStore.SQLEvent, "after_insert", _index):
        event.listen(SQLTrackerStore.SQLEvent, "after_insert", _index)


def _index(_mapper: Any, connection: Connection, row: Any) -> None:
    index_event(connection, row.id, row.sender_id, row.data)
