"""The Code's dates for a complaint made on a day the resident names: "if i made it on 13
november when should i have got a reply by?" (round 16 r16b-08 got "I can't answer that one").
The dates come from the same clocks as a logged complaint's (CaseStore.deadlines)."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, datetime, time, timezone

from bot.definition import long_date
from bot.text import words

MONTHS = (
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december",
)  # fmt: skip
# A month by its name or its first three letters ("13 nov", "sept").
MONTH = r"(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*"
DAY = r"(\d{1,2})(?:st|nd|rd|th)?"
# "13 november", "13th of nov", "november 13th", and "13/11" (day first, as in the UK).
DAY_MONTH = re.compile(rf"\b{DAY}\s+(?:of\s+)?{MONTH}\b")
MONTH_DAY = re.compile(rf"\b{MONTH}\s+{DAY}\b")
NUMERIC = re.compile(r"\b(\d{1,2})/(\d{1,2})(?:/(\d{2}|\d{4}))?\b")

# A question about when a reply or acknowledgement was due, or is due.
ASKS_WHEN_DUE = re.compile(
    r"\b(?:when|what date|what day|by when|which day|how long)\b[^?]{0,60}"
    r"\b(?:reply|replied|response|respond|responded|answer|answered|hear|heard|acknowledge\w*)"
    r"|\b(?:reply|response|answer|acknowledge\w*)\b[^?]{0,30}\bby when\b"
)
# Words that say the date is when the complaint was made.
MADE_ON = re.compile(
    r"\b(?:made|make|sent|send|put in|put it in|putted|raised|logged|lodged|submitted|complained|"
    r"emailed|reported|rang|phoned|wrote|filed|opened|started|gave)\b"
)

# Where the answer to a complaint made before has got to: "where is my reply?? its been 3 weeks
# since i complained" was offered a new complaint (round 17 r17a-11 t1).
ASKS_WHERE_THE_REPLY_IS = re.compile(
    r"\b(?:where(?:s| is| has| are)?|wheres|whats happened to|what happened to|"
    r"what has happened to|wot happened to|wat happened to|wots happened to|any sign of)\s+"
    r"(?:my|the|our|me|his|her)\s+"
    r"(?:complaint\s+|complaints\s+)?(?:reply|replies|response|answer|letter)\b"
    r"|\b(?:whats|what has|what) happened (?:to|with) (?:my|our|the|his|her) complaint\b"
    r"|\bwot happened (?:to|with) (?:my|our|the) complaint\b"
)
# Waiting told, which is a status question only beside a complaint made before.
WAITING_FOR_THE_REPLY = re.compile(
    r"\b(?:still\s+)?(?:waiting|waitin|w8ing)\s+(?:for|on)\s+(?:a|my|the|your|ur|an|any)\s+"
    r"(?:reply|response|answer)\b"
    r"|\b(?:heard|had|got|received|herd)\s+(?:nothing|nothin|nowt|no reply|no response|no answer|"
    r"nothing back|no word|anything back)\b"
    r"|\bno(?:body|one| one)\s+(?:has\s+|have\s+)?(?:got|gotten|get|come|came|been)\s+back\s+"
    r"(?:to\s+)?(?:me|us)\b"
    # "its been 6 wks and nothing. whats happening with it" beside "i made a complaint in oct
    # ref CMP-..." was offered a new complaint before its status (round 23 r23b-04 t1).
    r"|\b(?:whats|what is|wats|wots|wot is|what s)\s+(?:happening|going on|happenin)\s+"
    r"(?:with|to)\s+(?:it|my complaint|the complaint|that)\b"
    r"|\bbeen\s+(?:over\s+)?(?:\d+|a few|few|two|three|four|five|six|seven|eight|several)\s+"
    r"(?:wks|weeks|days|months|mths|working days)\s+(?:and|&|n)\s+(?:still\s+)?"
    r"(?:nothing|nothin|nowt|no reply|no answer|no response|not a word|heard nothing)\b"
)
COMPLAINED_BEFORE = re.compile(
    r"\b(?:complained|complaind|my complaint|the complaint|our complaint|made a complaint|"
    r"put in a complaint|put a complaint in|sent a complaint|raised a complaint|"
    r"logged a complaint|complaint i made|complaint i put in)\b"
)

Deadlines = Callable[[datetime], tuple[date, date, date]]


def day_told(text: str, today: date) -> date | None:
    """The day a message names, in the last year it has passed (on 6 December, "13 november"
    is this year's), or None."""
    said = words(text).replace("'", "")
    found = DAY_MONTH.search(said)
    if found:
        day, month = int(found.group(1)), _month(found.group(2))
    elif found := MONTH_DAY.search(said):
        day, month = int(found.group(2)), _month(found.group(1))
    elif numeric := NUMERIC.search(text):
        day, month = int(numeric.group(1)), int(numeric.group(2))
    else:
        return None
    for year in (today.year, today.year - 1):
        try:
            told = date(year, month, day)
        except ValueError:
            return None
        if told <= today:
            return told
    return None


def _month(name: str) -> int:
    return next(i for i, month in enumerate(MONTHS, 1) if month.startswith(name[:3]))


def asks_when_due(text: str) -> bool:
    """Whether a message asks when a reply to a complaint made on a day it names was due."""
    said = words(text).replace("'", "")
    return bool(ASKS_WHEN_DUE.search(said) and MADE_ON.search(said))


def asks_where_the_reply_is(text: str) -> bool:
    """Whether a message asks where the answer to a complaint made before has got to."""
    said = words(text).replace("'", "")
    if ASKS_WHERE_THE_REPLY_IS.search(said):
        return True
    return bool(WAITING_FOR_THE_REPLY.search(said) and COMPLAINED_BEFORE.search(said))


def reply_dates_line(made_on: date, today: date, deadlines: Deadlines) -> str:
    """The acknowledgement and answer dates for a Stage 1 complaint made on `made_on`, and
    whether they have passed."""
    _, acknowledge_by, respond_by = deadlines(
        datetime.combine(made_on, time(12), tzinfo=timezone.utc)
    )
    line = (
        f"If we got your complaint on {long_date(made_on)}, we should have acknowledged it by "
        f"{long_date(acknowledge_by)} and sent you our answer by {long_date(respond_by)}."
    )
    if respond_by < today:
        return (
            f"{line} That date has passed, so our answer is late. You can ask for Stage 2 now, "
            "and you do not need to give a reason. You can also make a complaint about the "
            "delay, or ask the Housing Ombudsman for help."
        )
    if acknowledge_by < today:
        return f"{line} If you have not had an acknowledgement yet, it is late."
    return line
