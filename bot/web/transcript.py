"""A web chat conversation as the widget shows it, rebuilt from Rasa's tracker events.

After a page reload or a dropped connection the widget asks for this and shows what it missed, so
the resident never loses the conversation. The entries mirror what Rasa's socket.io channel sends
live (text split at blank lines, buttons on the last part), so the widget can line the two up by
count.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Literal

WIDGET_CHANNEL = "socketio"
# Marks a staff member's message in the tracker (bot.channels.live).
STAFF_KEY = "staff_name"
# Names a message sent from the console, in the tracker and as sent live, so a widget that caught
# up from the tracker between the two never shows it twice.
MESSAGE_ID_KEY = "message_id"


@dataclass(frozen=True)
class Choice:
    title: str
    payload: str


# Sent by the widget itself, never typed: the opening that gets the greeting, and the button that
# is always there.
OPENING_PAYLOAD = "/greet"
TALK_TO_A_PERSON = Choice(title="Talk to a person", payload="/request_human")


@dataclass(frozen=True)
class Entry:
    speaker: Literal["assistant", "resident", "person"]
    text: str
    choices: tuple[Choice, ...] = ()
    # Who a person is ("Alex from Sample Homes"), when staff took the conversation over.
    name: str = ""
    # A console message's part, as `message_parts` names it; empty for the assistant's own.
    id: str = ""


def message_parts(text: str, message_id: str) -> list[tuple[str, str]]:
    """A console message as the widget shows it: (part id, text) for each paragraph."""
    parts = [part.strip() for part in text.strip().split("\n\n") if part.strip()]
    return [
        (f"{message_id}.{index}" if message_id else "", part) for index, part in enumerate(parts)
    ]


def widget_conversation(events: Iterable[Mapping[str, Any]]) -> list[Entry] | None:
    """The conversation's entries, or None when any message came in through another channel.

    A REST or social media conversation is never shown to a browser, whatever its id.
    """
    entries: list[Entry] = []
    for event in events:
        if event.get("event") == "user":
            if event.get("input_channel") != WIDGET_CHANNEL:
                return None
            offered = entries[-1].choices if entries and entries[-1].speaker == "assistant" else ()
            words = _resident_words(str(event.get("text") or ""), offered)
            if words is not None:
                entries.append(Entry("resident", words))
        elif event.get("event") == "bot":
            entries.extend(_assistant_entries(event))
    return entries


def _resident_words(text: str, offered: tuple[Choice, ...]) -> str | None:
    """What the resident saw themselves say: a button's title rather than its payload."""
    if text == OPENING_PAYLOAD:
        return None
    for choice in (*offered, TALK_TO_A_PERSON):
        if text == choice.payload:
            return choice.title
    return text


def _assistant_entries(event: Mapping[str, Any]) -> list[Entry]:
    """One entry per part, as Rasa's socket.io channel splits a reply at blank lines."""
    text = str(event.get("text") or "").strip()
    data = event.get("data") or {}
    choices = tuple(
        Choice(str(button["title"]), str(button["payload"])) for button in data.get("buttons") or ()
    )
    if not text and not choices:
        return []
    metadata = event.get("metadata") or {}
    name = str(metadata.get(STAFF_KEY) or "")
    message_id = str(metadata.get(MESSAGE_ID_KEY) or "")
    if name or message_id:
        return [
            Entry("person" if name else "assistant", part, name=name, id=part_id)
            for part_id, part in message_parts(text, message_id)
        ]
    parts = text.split("\n\n")
    return [Entry("assistant", part) for part in parts[:-1]] + [
        Entry("assistant", parts[-1], choices)
    ]
