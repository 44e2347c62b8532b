"""A complaint reference asked for by the status and Stage 2 questions, and the answers that
say the resident does not have it ("I've lost it", "no idea"), so neither question loops."""

from __future__ import annotations

from bot.definition import is_no

UNKNOWN = "unknown"
DONT_KNOW = (
    "don't know", "dont know", "don't have", "dont have", "dnt have", "no idea", "not sure",
    "lost", "misplaced", "can't find", "cant find", "cannot find", "haven't got", "havent got",
    "not got", "no ref", "no reference",
)  # fmt: skip


def not_given(text: str) -> bool:
    return text == UNKNOWN or is_no(text) or any(words in text.lower() for words in DONT_KNOW)
