"""Whether an answer fits the question it was typed at. People answer the question before
("yep, still broken" to "what would put it right?"), give what the next one asks ("Fit the
part and fix the fan" to "are you the resident?"), or keep the words left over from a question
of their own ("I might want to ring as well"). An answer that plainly belongs to another
question is not stored as this one: it is kept where it belongs, and this question is asked
again. Pure functions over the resident's words."""

from __future__ import annotations

import re
from typing import Any

from bot.answers import CONSENT_YES_STARTS, STILL_WORDS, STOPPED_WORDS, yes_or_no
from bot.definition import (
    TITLED_NAME,
    consent_told,
    contact_details_in,
    contact_preference,
    is_no,
    job_reference_in,
    without_contact_details,
    written_names,
)
from bot.text import contains, starts_with, words
from bot.told import (
    OUTCOME_WORDS,
    outcome_told,
    role_and_consent_only,
    says_they_are_the_resident,
)

# What tells of an earlier report: "rang in July", "job 4411", "the roofer came in May".
EARLIER_REPORT_WORDS = re.compile(
    r"\d|\b(?:rang|called|phoned|reported|report|told|job|ref|came|visit|visited|booked|"
    r"engineer|emailed|wrote|before|ago|last|january|february|march|april|june|july|"
    r"august|september|october|november|december|week|weeks|month|months)\b"
    # The month, not "I may just pop in": "in May", "May 3rd".
    r"|\b(?:in|on|since|last|early|late|mid)\s+may\b|\bmay\s+\d",
    re.IGNORECASE,
)
# Telling of a report already made, not what is wanted next: "The engineer came on 3 August,
# job 7712001", "The ASB report was made on 2 November". ("someone to come out this month" is
# an outcome: "come", not "came".)
REPORTED_BEFORE = re.compile(
    r"\b(?:rang|called|phoned|reported|came|visited|emailed|wrote|was made|were made|booked|"
    r"ago|job\s*(?:no\.?|number|#)?\s*\d+|ref(?:erence)?\s*[:#]?\s*[A-Z]*-?\d+)\b",
    re.IGNORECASE,
)
# Who the writer is: "I'm the resident", "just me", "helping my mum" (not the "me" of "tell me
# why it took so long").
ROLE_WORDS = re.compile(
    r"\b(?:just me|only me|it'?s me|myself|mine|i'?m|im|i am|resident|tenant|leaseholder|helping|"
    r"behalf|someone else|carer|representative|support worker|on my own|"
    # "it's for my mum", not "pay for my ruined carpet".
    r"for (?:my|her|his|their) (?:mum|mom|mam|dad|nan|gran|grandad|grandma|son|daughter|"
    r"husband|wife|partner|brother|sister|neighbour|friend|uncle|aunt|client))\b",
    re.IGNORECASE,
)
# A resident's address, as helpers write it: a house number, a flat or a postcode.
ADDRESS_SIGNS = re.compile(r"\d|\bflat\b|\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b", re.IGNORECASE)


def only_still_happening(text: str) -> bool:
    """An answer that only says the problem goes on ("yh still bangin", "every night yes")."""
    said = words(text)
    return (
        any(contains(said, still) for still in STILL_WORDS)
        and EARLIER_REPORT_WORDS.search(text) is None
    )


def says_still_or_stopped(text: str) -> bool | None:
    """ "yep, still broken", "no it stopped last week": the answer to "is it still happening?",
    with nothing in it about what would put it right."""
    if OUTCOME_WORDS.search(text) and not only_still_happening(text):
        return None
    said = words(text)
    if not (
        any(contains(said, w) for w in STILL_WORDS) or any(contains(said, w) for w in STOPPED_WORDS)
    ):
        return None
    return yes_or_no(text, ongoing_question=True)


# "another one came tuesday", "it happened again", "they keep coming": it goes on.
AGAIN = re.compile(r"\b(?:another|again|keeps?|kept|more of them|still)\b", re.IGNORECASE)


def goes_on_again(text: str) -> bool:
    """Whether an answer to "is it still happening?" opens with a yes, or says it has happened
    again, with no no in it."""
    first = (words(text).split() or [""])[0]
    yes = yes_or_no(first) is True
    return (yes or AGAIN.search(text) is not None) and yes_or_no(text) is not False


def tells_of_an_earlier_report(text: str) -> bool:
    """A date, a visit or a job number of a report already made, and nothing wanted."""
    return (
        REPORTED_BEFORE.search(text) is not None or job_reference_in(text) is not None
    ) and OUTCOME_WORDS.search(text) is None


# "not sure, maybe my husband did", "dunno", "can't remember": the resident does not know
# whether it was reported before (round 24, the second read of note 24: asked again, or kept
# word for word as the request reported before).
UNSURE_OF_A_REPORT = re.compile(
    r"^\W*(?:(?:um+|erm+|hmm+|honestly|tbh|well|sorry|to be honest|i'?m|im|i am|i)[\s,]+)*"
    r"(?:not sure|unsure|dunno|dno|idk|don'?t know|do not know|no idea|not certain|no clue|"
    r"can'?t remember|cannot remember|can'?t recall|don'?t remember|do not remember|"
    r"not that i know(?: of)?|not that i remember|possibly|maybe|might have|may have|could have|"
    r"i think so|probably)\b[\s,.!?-]*",
    re.IGNORECASE,
)
# A month named: "maybe in March" tells of the report, however unsure.
MONTH_NAMED = re.compile(
    r"\b(?:jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\b|\b(?:in|on|since)\s+may\b",
    re.IGNORECASE,
)


def unsure_of_an_earlier_report(text: str) -> str | None:
    """What an unsure answer to the earlier-job question adds ("maybe my husband did"), "" when
    nothing, or None when the answer is not unsure or tells of a report all the same ("not sure,
    I rang in March", "dunno, job 4471203")."""
    found = UNSURE_OF_A_REPORT.match(text)
    if found is None or re.search(r"\d", text) or MONTH_NAMED.search(text):
        return None
    added = text[found.end() :].strip(" ,.;:!?-")
    return "" if words(added) in FILLER else added


# Words that add nothing to an unsure answer: "no idea tbh", "dunno sorry".
FILLER = {"", "tbh", "honestly", "sorry", "lol", "mate", "to be honest", "sorry mate", "really"}


def says_no_earlier_report(text: str) -> bool:
    """ "no", "No, I didn't report it before": no earlier report; not "no job number, I rang
    in May", which tells of one."""
    return is_no(text) or (
        yes_or_no(text) is False
        and re.search(r"\d", text) is None
        and REPORTED_BEFORE.search(text) is None
    )


def says_what_would_put_it_right(text: str) -> bool:
    """ "Fit the part and fix the fan": what they want, with nothing about who they are."""
    return (
        bool(outcome_told(text) or OUTCOME_WORDS.search(text))
        and ROLE_WORDS.search(text) is None
        and REPORTED_BEFORE.search(text) is None
    )


def only_contact_details(text: str) -> bool:
    """ "mark.evans@example.org or 0113 496 0123, email preferred": details and how to use them."""
    if contact_details_in(text) is None:
        return False
    rest = words(without_contact_details(text))
    left = [w for w in rest.split() if contact_preference(w) is None]
    return len(left) <= len(rest.split()) // 2 + 1 and not written_names(text)


def only_agreement(text: str) -> bool:
    """ "Yes, they have agreed": a helper's yes about consent, with no name or address in it."""
    said = words(text)
    agreed = consent_told(text) or starts_with(said, CONSENT_YES_STARTS) or "agreed" in said
    return agreed and not names_someone(text)


def names_someone(text: str) -> bool:
    """A name written as one ("Mrs Joan Pike", "George Price"), or an address."""
    return bool(
        written_names(text) or TITLED_NAME.search(text) or ADDRESS_SIGNS.search(text) is not None
    )


def elsewhere(slot: str, text: str) -> dict[str, Any] | None:
    """The other questions an answer typed at `slot` plainly answers instead, or None when it
    fits `slot` (it is then validated as usual). An empty dict: it fits nowhere, asked again."""
    if slot == "outcome_sought":
        if (still := says_still_or_stopped(text)) is not None:
            return {"still_happening": still}
        if tells_of_an_earlier_report(text):
            return {"earlier_request": text.strip()[:200]}
        if only_contact_details(text):
            return {"contact_details": contact_details_in(text)}
        if says_they_are_the_resident(text) and not OUTCOME_WORDS.search(text):
            return {"acting_for": "resident"}
        if role_and_consent_only(text):
            # "CH taking call for cust, cust is tenant, on the line, consents" (round 26
            # r26b-03 t6 was read back as what would put it right).
            return {"acting_for": "resident"}
        if yes_or_no(text) is not None and len(words(text).split()) <= 2:
            # "yes" alone says nothing of what they want.
            return {}
        return None
    if slot == "acting_for":
        if says_what_would_put_it_right(text):
            return {"outcome_sought": text.strip()}
        if tells_of_an_earlier_report(text) and ROLE_WORDS.search(text) is None:
            return {"earlier_request": text.strip()[:200]}
        if only_contact_details(text):
            return {"contact_details": contact_details_in(text)}
        return None
    if slot == "still_happening":
        still = says_still_or_stopped(text)
        if still is None and job_reference_in(text) is None and goes_on_again(text):
            # "yeah another one came tuesday, addressed to mrs p okafor": a yes, and it has
            # happened again; no earlier report (round 25 r25b-01 t3 was asked again).
            return None
        if still is None and tells_of_an_earlier_report(text):
            return {"earlier_request": text.strip()[:200]}
        if still is not None and job_reference_in(text) is not None:
            # "yes ongoing. prev job ref JB-20931 per T": both answered, so the job number is
            # not asked for next (round 18 r18a-10 t4-5 was asked for it twice).
            told = [s for s in re.split(r"(?<=[.!?;])\s+", text.strip()) if job_reference_in(s)]
            return {"still_happening": still, "earlier_request": " ".join(told)[:200]}
        return None
    if slot == "earlier_request":
        if says_they_are_the_resident(text) and EARLIER_REPORT_WORDS.search(text) is None:
            # "its just me" answers who is complaining, not this (round 24, second read of
            # note 24: it was kept as the request reported before).
            return {"acting_for": "resident"}
        if only_still_happening(text):
            # "yh still bangin" answers whether it is still happening.
            return {"still_happening": True}
        if says_what_would_put_it_right(text) and EARLIER_REPORT_WORDS.search(text) is None:
            return {"outcome_sought": text.strip()}
        if yes_or_no(text) is True and len(words(text).split()) <= 2:
            # "yes" alone: the job number or the date is what the question asks for.
            return {}
        return None
    if slot == "representative_details":
        if only_agreement(text):
            return {"representative_consent": True}
        if only_contact_details(text):
            return {"contact_details": contact_details_in(text)}
        if not names_someone(text):
            # "I'm helping my dad": the resident's name and address are still to come.
            return {}
        return None
    return None


def fits_strictly(slot: str, text: str) -> bool:
    """Words left beside a question of the resident's own are an answer only when they say
    what the question asks: "I might want to ring as well" says nothing of an earlier report,
    "Id rather it came out on a friday" nothing of what would put it right."""
    if slot == "earlier_request":
        return is_no(text) or EARLIER_REPORT_WORDS.search(text) is not None
    if slot == "outcome_sought":
        return bool(outcome_told(text) or OUTCOME_WORDS.search(text))
    if slot == "contact_details":
        return contact_details_in(text) is not None
    if slot == "contact_preference":
        return contact_preference(text) is not None
    if slot == "acting_for":
        return ROLE_WORDS.search(text) is not None
    return elsewhere(slot, text) is None
