"""Common questions answered from the landlord's own data (policy_rules/answers.yml), at any
point in a conversation: "how do I pay my rent?", "what is Stage 2?", "how do I reach the ASB
team?" get the answer and the route, not "I'll pass it to our team"."""

from __future__ import annotations

import re

from bot.policy import Answer
from bot.text import contains, starts_with, words

QUESTION_STARTS = (
    "how", "what", "what's", "whats", "where", "when", "who", "which", "why", "can", "could",
    "do", "does", "is", "are", "will", "would", "should", "may", "am", "tell me", "i need to know",
    "i want to know", "id like to know", "i'd like to know", "wondering", "any idea",
    # as people type them in messages
    "wat", "wot", "wen", "hw", "wats", "whens", "wheres", "hows", "can u", "do u", "r u",
    "are u", "cn i", "wots", "wot's", "wheres", "hws",
)  # fmt: skip


# Words people put before a question: "hiya how do i pay my rent", "ok so how do i reach...".
OPENERS = (
    "hi", "hiya", "hello", "hey", "ok", "okay", "so", "and", "also", "right", "um", "erm",
    "sorry", "excuse me", "please", "yes", "no", "thanks", "thank you", "cheers", "oh", "but",
    "btw", "by the way",
)  # fmt: skip


def without_openers(sentence: str) -> str:
    said = sentence.split()
    while said and (said[0] in OPENERS or " ".join(said[:2]) in OPENERS):
        said = said[2:] if " ".join(said[:2]) in OPENERS else said[1:]
    return " ".join(said)


def is_question(text: str) -> bool:
    """A question by its mark or its opening words, in any sentence of the message."""
    if "?" in text:
        return True
    sentences = [
        without_openers(words(part)) for part in re.split(r"[.!\n]+", text) if part.strip()
    ]
    return any(
        sentence == start or sentence.startswith(start + " ")
        for sentence in sentences
        for start in QUESTION_STARTS
    )


def answer_for(text: str, answers: dict[str, Answer]) -> Answer | None:
    """The answer whose every group of phrases the message holds; the most specific (most
    groups, then longest phrases) when several do."""
    said = words(text)
    matching = []
    for answer in answers.values():
        hits = [
            max((len(p) for p in group if contains(said, words(p))), default=0)
            for group in answer.match
        ]
        if all(hits):
            matching.append((len(hits), sum(hits), answer))
    return max(matching, key=lambda found: found[:2])[2] if matching else None


# "wat is stage 2" asks what something is; "can I go to stage 2" asks for it.
WHAT_STARTS = ("what", "what's", "whats", "wat", "wats", "wot", "wots", "explain", "tell me what")


def asks_what(text: str) -> bool:
    return starts_with(without_openers(words(text)), WHAT_STARTS)
