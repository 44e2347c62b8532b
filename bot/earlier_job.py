"""The earlier job a complaint is about, as corrected at the read-back: a job number, "never
reported it", new words for it. For bot.corrections."""

from __future__ import annotations

import re

from bot.definition import SLASHED_NUMBER

EARLIER_REPORT = re.compile(
    # A police crime reference is not one of ours (round 15 r15b-18 had a knife threat, added
    # with its crime ref, stored as the earlier report).
    r"\b(?:job|(?<!crime )(?<!police )(?:ref|reference)|reported|reporting|report|earlier"
    r"|(?:called|rang|phoned) on"
    r"|first (?:call|called|rang|phoned|contacted|told|time)"
    r"|(?:rang|called|phoned) (?:you|about))\b",
    re.IGNORECASE,
)
# A date about a call or a report: "I first phoned in February not March".
CALLED = re.compile(r"\b(?:rang|rung|phoned|called|reported|contacted|emailed|wrote)\b", re.I)
NEVER_REPORTED = re.compile(
    r"\b(?:never|not|haven'?t|hadn'?t|didn'?t|no)\b[^.]*\breport", re.IGNORECASE
)


# "The earlier job is the engineer visit on 23 November": the new words for it.
EARLIER_IS = re.compile(
    r"\b(?:the )?(?:earlier|previous|first|old|reported before) (?:job|report|request|repair|bit)"
    r"\s+(?:is|was|should be|should say)\s*:?\s+(?P<new>\S.*)",
    re.IGNORECASE,
)
EARLIER_REST = re.compile(r"(?P<new>\S.*)")
# A job number on its own ("It's 60121, not 60112"): five digits or more, or letters before.
JOB_SHAPE = re.compile(r"\b(?:[A-Z]{1,3}-?\d{4,}|\d{5,})\b")


# A phone number written in groups, though too long or short to be valid ("01603 555 0182"):
# no job number (round 10 r10a-06 read a work number back as "job 01603").
PHONE_SHAPE = re.compile(r"(?<!\d)(?:\+44\s?|0)\d{3,4}[\s-]\d{3}[\s-]?\d{3,5}\b")


def job_number_in(typed: str) -> str | None:
    """The corrected job number: "It's 60121, not 60112" gives 60121."""
    # Digits inside a phone number or a police crime reference (44/12345/26) are no job.
    # Nor are the digits of another firm's reference ("our reference DH/KAM/0412", round 17
    # r17a-13 had the report dates replaced by "job 0412").
    others = [
        m.span()
        for shape in (PHONE_SHAPE, SLASHED_NUMBER, OTHERS_REFERENCE)
        for m in shape.finditer(typed)
    ]
    for match in re.finditer(r"\b[A-Z]{0,3}-?\d{4,}\b", typed):
        before = typed[: match.start()].lower().split()[-1:]
        in_a_phone = any(start <= match.start() < end for start, end in others)
        # "reported march n august 2026": a year after a month is a date, not a job (round 15
        # r15c-12 read back "job 2026").
        a_year = YEAR.fullmatch(match.group()) is not None and bool(
            set(before) & (MONTHS | {"in", "since", "of", "year"})
        )
        if before != ["not"] and not in_a_phone and not a_year:
            return f"job {match.group()}"
    return None


# A reference with parts joined by slashes, letters among them: "DH/KAM/0412", "AB/1234".
OTHERS_REFERENCE = re.compile(
    r"\b(?=[\w/]*[A-Za-z])[A-Za-z0-9]+(?:\s?/\s?[A-Za-z0-9]+)+\b"
    # "our ref 88213", "their reference: 4471": a reference said to be someone else's.
    r"|\b(?:our|their|his|her|the firm'?s|my firm'?s)\s+(?:ref(?:erence)?|file)"
    r"(?:\s+(?:no\.?|number))?\s*(?:is\s*)?[:.]?\s*[A-Za-z0-9/-]+",
    re.IGNORECASE,
)
YEAR = re.compile(r"(?:19|20)\d\d")
MONTHS = {
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
    "sept", "oct", "nov", "dec",
}  # fmt: skip
