"""Swaps typed at the read-back: "26/11 not 24/11", "in July not August", "I rang 5 times not
4", "not Tuesday but Wednesday". Which words replace which, and of what kind (a number, a date,
a name), for bot.corrections."""

from __future__ import annotations

import re

# "26/11 not 24/11", "in July not August", "it's O'Neill not O": A replaces B.
A_NOT_B = re.compile(
    r"(?P<before>.*?)[\s,]+(?:not|nt|instead of|rather than)\s+(?P<after>.+)", re.I
)
# "is not 3 November, is 5 November", "not Tuesday but Wednesday": B first, then A.
NOT_B_BUT_A = re.compile(
    r"\b(?:is|was|it'?s|its)?\s*not\s+(?P<old>[^,.;]+?)\s*,?\s+(?:but|it'?s|its|it is|is|was)"
    r"\s+(?P<new>[^,.;!?]+)",
    re.IGNORECASE,
)
# At most this many words are swapped: "26 November" for "24 November".
MOST_SWAPPED = 3
SWAP_TOKEN = re.compile(r"[\w/'\u2019:.-]+")
# Small words that are never the thing being swapped.
# "I'm not happy", "it was not fixed": a negated verb, not "A not B".
NOT_SWAPPED = {
    "the", "a", "an", "on", "in", "at", "it", "was", "is", "its", "it's", "and", "to", "i'm",
    "im", "i", "am", "are", "were", "do", "does", "did", "has", "have", "had", "could", "would",
    "should", "will", "can", "just", "really", "but", "or", "if", "that", "this", "so", "be",
    # "RapidFix is the company he works for, not me": who, not the words to swap (round 18
    # r18a-05 t13 turned "rude to me" into "rude to for").
    "me", "you", "u", "him", "her", "them", "us", "we", "he", "she", "they", "my", "your", "for",
    "of", "with", "by", "from",
}  # fmt: skip

# Month and day names, often typed in lower case.
CALENDAR_WORDS = {
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
    "sept", "oct", "nov", "dec", "monday", "tuesday", "wednesday", "thursday", "friday",
    "saturday", "sunday", "yesterday", "today", "tomorrow",
}  # fmt: skip


def kind_of(tokens: list[str]) -> str:
    """A number, a date, a name or any other word."""
    if any(ch.isdigit() for ch in "".join(tokens)):
        return "number"
    if any(token.lower() in CALENDAR_WORDS for token in tokens):
        return "date"
    # "Eleanor Finch (me), not Mr Nowak": "Finch me" is no name (round 15 r15d-06).
    return "name" if all(token[:1].isupper() for token in tokens) else "word"


def same_kind(old: list[str], new: list[str]) -> bool:
    """ "not March but April", "is not 3/11, is 5/11": a date for a date, a name for a name.
    "its not fixed, its still leaking" swaps nothing."""
    return kind_of(old) == kind_of(new) != "word"


# How far back before "not" the words that replace a number, date or name are looked for.
COUNTERPART_REACH = 6


def counterparts(before: list[str], old: list[str]) -> list[list[str]]:
    """The words before "not" that may replace `old`, nearest first: "I rang 5 times not 4"
    gives 5, not "times" (round 8: "rang u 4 times" became "rang u times times"). A number,
    date or name is replaced by one of its own kind; any other word by the words before "not"
    ("the kitchen sink not bathroom": "sink", then "kitchen")."""
    size = len(old)
    ends = range(len(before), max(size, len(before) - COUNTERPART_REACH) - 1, -1)
    if kind_of(old) != "word":
        return [
            before[end - size : end] for end in ends if same_kind(old, before[end - size : end])
        ]
    return [before[end - size : end] for end in ends]


# The same word twice in a row.
DOUBLED = re.compile(r"\b(\w+) \1\b")
