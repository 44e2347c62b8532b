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
    name = str((event.get("metadata") or {}).get(STAFF_KEY) or "")
    if name:
        return [Entry("person", part.strip(), name=name) for part in text.split("\n\n")]
    parts = text.split("\n\n")
    return [Entry("assistant", part) for part in parts[:-1]] + [
        Entry("assistant", parts[-1], choices)
    ]
