"""Messages as plain words, for matching phrases the way people type them."""

from __future__ import annotations

import re
from collections.abc import Iterable


def words(text: str) -> str:
    """Lower case, punctuation dropped (apostrophes kept), single spaces."""
    return " ".join(re.sub(r"[^\w\s']", " ", text.lower().replace("\u2019", "'")).split())


def starts_with(said: str, starts: tuple[str, ...]) -> bool:
    return any(said == start or said.startswith(start + " ") for start in starts)


def contains(said: str, phrase: str) -> bool:
    """A whole word or phrase inside already normalised words."""
    return f" {phrase} " in f" {said} "


def first_sentence(text: str) -> str:
    """Agreement is judged on the first sentence: "Yes that's right. What about X?" is a yes."""
    return re.split(r"[.?!\n]+", text.strip(), maxsplit=1)[0]


def sentences(text: str) -> list[str]:
    """A message's sentences, split after a full stop, question or exclamation mark, or a line."""
    return [s.strip() for s in re.split(r"(?<=[.?!])\s+|\n+", text.strip()) if s.strip()]


def sentences_clear_of(text: str, spans: Iterable[tuple[int, int]]) -> list[str]:
    """The message's sentences that overlap none of these character spans (a danger told, say)."""
    spans = list(spans)
    kept: list[str] = []
    start = 0
    for sentence in sentences(text):
        start = text.find(sentence, start)
        end = start + len(sentence)
        if not any(s < end and start < e for s, e in spans):
            kept.append(sentence)
        start = end
    return kept


def capitalised(text: str) -> str:
    """The first letter in capitals and the rest as typed ("iPhone" keeps its "P"), for words a
    resident typed that are read back as a line of their own."""
    return text[:1].upper() + text[1:]
