"""Answer buttons for platforms that cannot show them in full: numbered choices a resident can
answer by number.

X direct messages have no buttons, and Meta's quick replies cut titles at 20 characters ("Make a
formal complaint" would lose its last word), so the choices are listed in the message as numbered
lines. The next message from that person, if it is just one of those numbers, is read as the
choice's payload; any other message makes the offer lapse.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from bot.channels.recent import ExpiringMap

NUMBER_PROMPT = "Reply with the number of your choice."
ONE_NUMBER = re.compile(r"^\s*(\d{1,2})\s*\.?\s*$")


def numbered_text(text: str, titles: Sequence[str]) -> str:
    lines = [f"{number}. {title}" for number, title in enumerate(titles, start=1)]
    return "\n".join([text, "", *lines, NUMBER_PROMPT])


def numbered_title(number: int, title: str, limit: int) -> str:
    """ "1. Make a formal…": the number first, then as many whole words as fit."""
    full = f"{number}. {title}"
    if len(full) <= limit:
        return full
    shortened = full[: limit - 1].rsplit(" ", 1)[0].rstrip(" ,;:")
    return shortened + "…"


class OfferedChoices:
    """The payloads last offered to each conversation, kept for a day at most."""

    def __init__(self, *, ttl_seconds: float = 24 * 3600, capacity: int = 10_000) -> None:
        self._offers: ExpiringMap[list[str]] = ExpiringMap(
            ttl_seconds=ttl_seconds, capacity=capacity
        )

    def offer(self, conversation_id: str, payloads: Sequence[str]) -> None:
        self._offers.put(conversation_id, list(payloads))

    def resolve(self, conversation_id: str, text: str) -> str:
        """The payload of the choice `text` names by number, or `text` itself."""
        payloads = self._offers.pop(conversation_id) or []
        number = ONE_NUMBER.match(text)
        if number and 1 <= int(number.group(1)) <= len(payloads):
            return payloads[int(number.group(1)) - 1]
        return text
