"""A complaint reference asked for by the status and Stage 2 questions, and the answers that
say the resident does not have it ("I've lost it", "no idea"), so neither question loops."""

from __future__ import annotations

from rasa_sdk import Tracker

from bot.definition import contact_details_in, is_no
from bot.nlp.matches import first_reference

UNKNOWN = "unknown"
DONT_KNOW = (
    "don't know", "dont know", "don't have", "dont have", "dnt have", "no idea", "not sure",
    "lost", "misplaced", "can't find", "cant find", "cannot find", "haven't got", "havent got",
    "not got", "no ref", "no reference",
)  # fmt: skip


def not_given(text: str) -> bool:
    return text == UNKNOWN or is_no(text) or any(words in text.lower() for words in DONT_KNOW)


def details_beside_reference(tracker: Tracker) -> str | None:
    """The email or phone number given in the same message as the reference ("CMP-2026-000012,
    my number is 07700 900123"), so the check is not asked for again."""
    text = str(tracker.latest_message.get("text") or "")
    return text if first_reference(text) and contact_details_in(text) else None
