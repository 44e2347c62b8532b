"""The complaint definition in plain words: read back to the resident before it is logged (5.6)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date

import phonenumbers
from email_validator import EmailNotValidError, validate_email

from bot.estates import ESTATE_LINE
from bot.policy.schema import AdjustmentNeed
from bot.text import capitalised, contains, words

PREFERENCES = {
    "email": ("email", "e-mail", "e mail", "emails"),
    # "Landline is best, 0161 ..." (round 15 r15a-07 was read back "by email").
    "phone": ("phone", "call", "calls", "ring", "phone call", "telephone", "mobile", "landline"),
    "text": (
        "text",
        "txt",
        "sms",
        "texts",
        "texted",
        "texting",
        "message me",
        "send message",
        "send a message",
        "send me a message",
        "by message",
        "msg",
        "send msg",
        "whatsapp",
    ),
    "letter": ("letter", "letters", "post", "write", "by post", "in writing"),
}
# A way ruled out with the person or words between: "don't contact Ms Price by letter", "do not
# send her any letters", "never want to be rung" (round 15 r15d-09 was read back as a letter).
NOT_THAT_WAY = re.compile(
    r"\b(?:don't|dont|do not|does not|doesn't|doesnt|not|never)\s+(?:\w+\s+)?"
    r"(?:contact|contacting|send|sending|use|using|want|wants|get|getting)\b(?:\s+\S+){0,3}$"
)
# A way said to be hard for them, after it: "he finds calls stressful", "phone calls are too
# much for her" (round 15 r15b-10 was read back "by phone" with only an email given).
HARD_FOR_THEM = re.compile(
    r"^(?:(?:calls?|messages?)\s+)?(?:is\s+|are\s+)?(?:too\s+|very\s+|really\s+)?"
    r"(?:stressful|hard|difficult|confusing|upsetting|scary|distressing|too much|a problem"
    r"|no good|not good)\b"
)
# "I'm not much good with email", "no good with texts": a way they cannot use well (round 15
# r15a-07 was read back "by email" with a landline given).
NOT_GOOD_WITH = re.compile(
    r"\b(?:not|no|never been)\s+(?:much\s+|very\s+|too\s+|that\s+|so\s+)?"
    r"(?:good|great|confident|comfortable|clever)\s+(?:with|on|at|using)(?:\s+\w+)?$"
)
# "my english is not so good on phone": the language is what is hard, which an interpreter
# helps with; the way is neither asked for nor ruled out (round 15 r15c-06 t10, "phone call,
# in portuguese if you can").
LANGUAGE_NOT_GOOD = re.compile(r"\b(?:english|englsh|inglish|language)\b")
# A letter's format, which is what would help, not the way to reach them: "easy read letters",
# "large print letters" (round 15 r15d-11 was written to by letter for "easy read").
ONLY_A_FORMAT = re.compile(r"\b(?:easy read|easy-read|large print|braille|big print)$")
# Words before a way of contact that rule it out: "don't ring", "rather than email".
NEGATIONS = (
    "don't", "dont", "do not", "not", "no", "never", "can't", "cant", "cannot", "than", "instead",
)  # fmt: skip
# Words a few words before a way of contact that rule it out: "I hardly check my email", "I
# can't always answer calls".
FAR_NEGATIONS = ("hardly", "rarely", "barely", "never", "can't", "cant", "cannot")
NO_ANSWERS = {"no", "none", "nope", "no thanks", "no thank you", "nothing", "n", "na", "n/a"}
# UK numbers have 10 digits after the 0 (a few old ones 9); shorter runs are job numbers or years.
FEWEST_PHONE_DIGITS = 9
EMAIL_IN_TEXT = re.compile(r"[\w.+'-]+@[\w-]+(?:\.[\w-]+)+")
# What a name answer may open with, and what may follow the name in the same message.
NAME_OPENERS = re.compile(
    r"^(?:(?:hi|hello|ok|okay|yes|sure)[,.!]?\s+)?(?:my name is|my name's|my name|name is|"
    r"name's|names|it's|its|it is|i'm|im|i am|this is|call me|you can call me|they call me)\s+",
    re.IGNORECASE,
)
# Words that never make up a name on their own.
NOT_A_NAME = {
    "no", "nothing", "none", "nope", "thank", "thanks", "you", "yes", "ok", "okay", "not",
    "sure", "thats", "that's", "all", "fine", "else", "nah", "yeah", "neither", "both", "either",
}  # fmt: skip


# Small words a sentence has and a name typed in small letters does not.
NOT_IN_NAMES = {
    "for", "all", "the", "a", "an", "of", "to", "with", "has", "have", "had", "is", "are", "was",
    "needs", "need", "needed", "please", "pls", "and", "or", "if", "when", "my", "her", "his",
    "their", "he", "she", "they", "we", "it", "be", "can", "will", "would", "should", "not",
    # A sentence typed at the name question is no name: "ok were outside now", "eh?? its just a
    # drip not a flood. why emergency" were stored as names (round 22 r22a-04 t4).
    "were", "now", "outside", "why", "what", "just", "its", "it's", "you", "u", "me", "i",
    "do", "does", "did", "here", "there", "this", "that", "emergency", "eh", "er", "erm", "um",
    "huh",
    # "we're out", "ok im outside", "done, out of the house" after the gas route (round 23,
    # r22a-01 t3): a report that the step was taken, no name.
    "we're", "out", "im", "i'm", "ive", "i've", "ok", "okay", "done", "inside",
    "house", "flat", "left", "gone", "got", "safe",
}  # fmt: skip
# Words that label contact details or say how to use them ("texts only please"), never part of
# a name.
DETAIL_LABELS = {word for ways in PREFERENCES.values() for way in ways for word in way.split()} | {
    "mob",
    "tel",
    "number",
    "only",
    "on",
    "at",
    "is",
    "please",
    "pls",
    "needed",
    "need",
}


def words_of(text: str) -> list[str]:
    return re.sub(r"[^\w\s']", " ", text.lower()).split()


DETAIL_WORDS = re.compile(r"\b(?:e-?mail|number|phone|mobile|address)\b", re.IGNORECASE)
NAME_ENDS = re.compile(r"\s*(?:[,.;!?(]|\band\b|\bbut\b|\bhere\b).*$", re.IGNORECASE)


def email_in(text: str) -> str | None:
    """The first email address in a sentence, normalised (domain lower-cased)."""
    for candidate in EMAIL_IN_TEXT.findall(text):
        try:
            return validate_email(candidate.strip(".'"), check_deliverability=False).normalized
        except EmailNotValidError:
            continue
    return None


def phone_in(text: str) -> str | None:
    """The first phone number in a sentence, in the national format for UK numbers."""
    for match in phone_matches(text):
        number = match.number
        style = (
            phonenumbers.PhoneNumberFormat.NATIONAL
            if number.country_code == 44
            else phonenumbers.PhoneNumberFormat.INTERNATIONAL
        )
        return phonenumbers.format_number(number, style)
    return None


# Numbers in parts split by slashes, as police crime references and dates are written: neither a
# phone nor our job number ("crime ref 44/12345/26" was texted as 441234526, round 15 r15b-18).
SLASHED_NUMBER = re.compile(r"\b\d+(?:\s*/\s*\d+){2,}\b")
# References with letters in front ("CMP-2026-000123", "R-40017", "JB-2231") are not phones.
LETTERED_REFERENCE = re.compile(rf"\b[A-Za-z]{{1,4}}-\d[\d-]{{3,}}\b|{SLASHED_NUMBER.pattern}")


def phone_matches(text: str) -> list[phonenumbers.PhoneNumberMatch]:
    """Phone numbers of a full length: a job number, a reference or a year is not one."""
    # Blanked out rather than removed, so each match's raw string is still found in the text.
    blanked = LETTERED_REFERENCE.sub(lambda match: " " * len(match.group()), text)
    return [
        match
        for match in phonenumbers.PhoneNumberMatcher(
            blanked, "GB", leniency=phonenumbers.Leniency.POSSIBLE
        )
        if _full_length(phonenumbers.national_significant_number(match.number))
    ]


def _full_length(national: str) -> bool:
    """Long enough for a phone number (a job number or a year is not), and for a mobile (07...)
    neither a digit short nor a digit long."""
    if national.startswith("7"):
        return len(national) == MOBILE_DIGITS
    return len(national) >= FEWEST_PHONE_DIGITS


# A UK mobile number has 10 digits after the 0; a run of digits one short or one long is a
# number typed wrong, not a phone number to keep (round 10).
MOBILE_DIGITS = 10
# Digits typed as a phone number, with spaces, dashes or +44: "07700 9001234", "+44 7700 90012".
TYPED_NUMBER = re.compile(r"\+?\d[\d \t()-]{6,}\d")
# Fewer digits than this in a row are a job number, a date or a year, not a phone number.
FEWEST_TYPED_DIGITS = 8


# "not the first one", "not my mobile": a number ruled out when choosing between two.
NOT_THAT_NUMBER = re.compile(
    r"\b(?:not|dont use|don'?t use|do not use|instead of)\s+(?:the|my|that|this)?\s*"
    r"(?:\w+\s+)?(?:one|number|no|num)\b|\b(?:not|instead of)\s+(?:the|my)\s+\w+\b",
    re.IGNORECASE,
)
ORDINALS = {
    "first": 0, "1st": 0, "second": 1, "2nd": 1, "other": -1, "last": -1, "latter": -1,
    "former": 0, "top": 0, "bottom": -1,
}  # fmt: skip
NUMBER_KINDS = ("work", "mobile", "mob", "home", "landline", "house", "personal", "office")


def number_chosen(text: str, given: str) -> str | None:
    """The number chosen, of two or more given in one message before ("07700 900 455 or my
    work one 07700 900 988"), by what it was called or its place: "text. actually use the work
    one not the first one" (round 26 r26b-02 t10 kept the first number)."""
    matches = phone_matches(given)
    if len(matches) < 2:
        return None
    said = NOT_THAT_NUMBER.sub(" ", text.lower())
    labels = []
    end = 0
    for match in matches:
        labels.append(given[end : match.start].lower())
        end = match.end
    chosen: int | None = None
    for word in re.findall(r"[\w']+", said):
        if word in ORDINALS:
            chosen = ORDINALS[word]
        elif word in NUMBER_KINDS:
            named = [i for i, label in enumerate(labels) if re.search(rf"\b{word}\b", label)]
            if len(named) == 1:
                chosen = named[0]
    if chosen is None:
        return None
    return phone_in(matches[chosen].raw_string)


def phone_typed_wrong(text: str) -> int | None:
    """How many digits a phone number typed wrong has ("07700 9001234" has 12), when the
    message holds one and no phone number we can use: so the resident is told why it was not
    taken. None when no digits look like a phone number."""
    if phone_in(text) is not None:
        return None
    for typed in TYPED_NUMBER.finditer(LETTERED_REFERENCE.sub(" ", text)):
        digits = re.sub(r"\D", "", typed.group())
        if typed.group().startswith("+44") or (digits.startswith("44") and len(digits) > 11):
            digits = "0" + digits[2:]
        if len(digits) >= FEWEST_TYPED_DIGITS:
            return len(digits)
    return None


def contact_details_in(text: str) -> str | None:
    """Every way of reaching the person that the message gives, normalised, or None."""
    found = [detail for detail in (email_in(text), phone_in(text)) if detail]
    return ", ".join(found) or None


def without_contact_details(text: str) -> str:
    """The message with any email address and phone number taken out."""
    text = EMAIL_IN_TEXT.sub(" ", text)
    for match in phone_matches(text):
        text = text.replace(match.raw_string, " ")
    return " ".join(text.split())


# Whose details follow, when they are someone else's: "mum's landline is", "her email:", "my
# son Paul's number".
SOMEONE_ELSES = re.compile(
    r"\b(?:her|his|their|(?:mum|mam|mom|dad|nan|gran|grandad|son|daughter|wife|husband|brother|"
    r"sister|partner|carer|resident|tenant|client)'?s|(?!(?:It|That|Here|What|There|Who|Let|She|He)'s)"
    r"(?-i:[A-Z][a-z]{2,})'s)\s+(?:(?:own|home|house|mobile|landline|phone|email|e-mail|contact)\s+)*"
    r"(?:number|no\.?|mobile|phone|landline|email|e-mail|details)?\s*(?:is|:|=|-|on)?\s*$",
    re.IGNORECASE,
)


def own_and_others_details(text: str) -> tuple[str | None, str | None]:
    """The writer's own contact details and someone else's, when a helper gives both ("my
    mobile is 07700 900111 and mum's landline is 01632 960123"), so the resident's number is
    not read back as the helper's (round 11 r11d-10)."""
    own: list[str] = []
    others: list[str] = []
    found = [(m.start(), m.group()) for m in EMAIL_IN_TEXT.finditer(text)]
    found += [(m.start, m.raw_string) for m in phone_matches(text)]
    for start, raw in sorted(found):
        detail = contact_details_in(raw)
        if detail:
            whose = others if SOMEONE_ELSES.search(text[max(0, start - 40) : start]) else own
            whose.append(detail)
    return ", ".join(own) or None, ", ".join(others) or None


def valid_contact_details(text: str) -> bool:
    """An email address or a phone number somewhere in what was typed."""
    return contact_details_in(text) is not None


# An address typed after the name in small letters, at the name question: "its shannon o'brien
# 22 elm walk" was refused as no name, and the address thrown away (round 22 r22b-02 t3). Built
# from PLACE_WORDS below.
def _address_after_a_name() -> re.Pattern[str]:
    return re.compile(
        r"[\s,]+(?:(?:at|of|from|in)\s+)?(?P<address>(?:flat\s+(?:\d+\w?|[a-z])\b,?\s+)?\d+\w?,?\s+"
        r"(?:[a-z'-]+\s+){0,3}(?:" + "|".join(sorted(PLACE_WORDS)) + r")\b"
        r"(?:,?\s+flat\s+(?:\d+\w?|[a-z])\b)?)[\s,.!]*$",
        re.IGNORECASE,
    )


def address_after_a_name(text: str) -> tuple[str, str] | None:
    """A name answer and the address typed after it, each on its own ("shannon o'brien 22 elm
    walk"): None when no address ends the answer."""
    found = ADDRESS_AFTER_A_NAME.search(without_contact_details(text))
    if found is None:
        return None
    rest = without_contact_details(text)[: found.start()].strip(" ,.")
    return (rest, found.group("address")) if words_of(rest) else None


# Kept as the address question's answer when the resident declines it or does not know it
# ("no", "dunno"), so it is not asked again; never read back, stored or sent as an address.
ADDRESS_NOT_GIVEN = "not given"


def address_given(held: object) -> str | None:
    """The address slot's value as an address: None when empty or declined."""
    return None if not held or held == ADDRESS_NOT_GIVEN else str(held)


def address_in_an_answer(text: str) -> str | None:
    """The address given in answer to "What is the address of the home?": written with
    capitals or in small letters, or the answer itself when it holds a number and words after
    it ("flat 2 above the chip shop"); None when it holds no address ("dunno", "why?")."""
    said = without_contact_details(text).strip()
    found = postal_address_in(said)
    if found is not None:
        return found
    small = ADDRESS_ANY_CASE.search(said)
    if small is not None:
        return small.group(0).strip(" ,.")
    rest = ADDRESS_LEAD_IN.sub("", said).strip(" ,.!")
    return rest if ADDRESS_LIKE.search(rest) and len(rest) <= 150 else None


def name_in(text: str) -> str | None:
    """The name in an answer to "what name should we use": "it's Ayesha Khan", "call me Ayesha",
    or just the name. None when the answer does not look like a name."""
    text = without_contact_details(text).strip()
    split = address_after_a_name(text)
    if split is not None and postal_address_in(text) is None:
        text = split[0]
    if words_of(text) and set(words_of(text)) <= NOT_A_NAME:
        # "No, nothing, thank you." answers another question.
        return None
    if DETAIL_WORDS.search(text) and not re.search(r"\bname", text, re.IGNORECASE):
        # "my email is ayesha.k@example.com" gives details, not a name; "Peter Adeyemi. Email
        # is ..." gives both; "Chloe. email is ..." too (round 16 r16a-11 t3 was asked again).
        written = written_names(text)
        return written[0] if written else name_leading(text)
    if NAME_OPENERS.match(text) is None:
        # "I already said, Kofi Owusu": a name written as one, inside a longer answer.
        # "Hannah Price, Fairway Support": the person, not the organisation (round 9 r9c16).
        written = [name for name in written_names(text) if not is_organisation(name)]
        if written and (len(text.split()) > 5 or written[-1] != text.strip(" .")):
            return written[-1]
    name = NAME_ENDS.sub("", NAME_OPENERS.sub("", text))
    parts = name.strip(" '\"").split()
    while parts and parts[-1].lower() in DETAIL_LABELS:
        # "Linda mob 07700 900333": the label of the number, not her surname.
        parts.pop()
    if all(part.lower() in NOT_A_NAME | DETAIL_LABELS for part in parts):
        # "no, nothing needed", "07700 900888 text message only": no name in it.
        return None
    name = " ".join(parts)
    if name.lower().removeprefix("the ") in ("resident", "tenant", "leaseholder"):
        return None
    if not 1 <= len(parts) <= 5 or any(ch.isdigit() or ch == "@" for ch in name):
        return None
    if any(part.lower() in NOT_IN_NAMES and not part[0].isupper() for part in parts):
        # "Arabic interpreter for all calls; has COPD" is no name (round 10 r10c-24 kept it).
        return None
    return name


def name_leading(text: str) -> str | None:
    """A first name written alone before the details, ended by a stop or comma: "Chloe. email
    is ...", "Sam, my email is ...", "Priya - email me"."""
    found = LEADING_NAME.match(text)
    if found is None:
        return None
    name = found.group(1)
    if name in NOT_NAMES or name.lower() in NOT_A_NAME | DETAIL_LABELS | NOT_IN_NAMES:
        return None
    return name


# Letters of names written in the Latin alphabet with accents ("Wiśniewska", "Łukasz", "Zoë"):
# round 9 r9a-23 read a surname back cut at the "ś".
UPPER = "A-ZÀ-ÖØ-ÞĀ-ž"
LOWER = "a-zß-öø-ÿā-ž"
# One word of a name, with a capital inside after an apostrophe or a hyphen or "Mc": O'Neill,
# Smith-Jones, McDonald.
NAME_WORD = rf"[{UPPER}][{LOWER}]*(?:['\u2019-]?[{UPPER}]?[{LOWER}]+)*"
# A first name alone at the start of an answer, before a stop, comma or dash.
LEADING_NAME = re.compile(rf"^\s*({NAME_WORD})\s*(?:[.,;:]|\s-\s)")
# A name as people write one: an optional title and initial, then capitalised words.
WRITTEN_NAME = re.compile(rf"\b{NAME_WORD}'?\.?(?:[ \t]+{NAME_WORD}'?\.?)*")
# Capitalised words that start sentences rather than names.
NOT_NAMES = {
    "I", "I'm", "Im", "It", "Its", "It's", "No", "Yes", "And", "Please", "The", "That", "This",
    "Also", "My",
    "Name", "Names", "Contact", "Should", "Sorry", "Hi", "Hello", "Thanks", "Ok", "Okay", "Is",
    "Dad", "Mum", "Mam", "Nan", "Her", "His", "She", "He", "Caller", "Resident", "Tenant",
    # "I'm the tenant. Like I said, ..." was read back as "Like I" (round 19 r19b-06 t7).
    "Like", "As", "Just",
}  # fmt: skip


# Addresses are written with capitals too: "12 Rowan Court" is not a name.
PLACE_WORDS = {
    "Court", "Ct", "Road", "Rd", "Street", "St", "Avenue", "Close", "Lane", "House", "Way",
    "Drive", "Place", "Gardens", "Estate", "Tower", "Block", "Crescent", "Terrace", "Walk",
    "Row", "Grove", "Green", "Mews", "View", "Rise", "Hill", "Square", "Park", "Parade", "Gate",
}  # fmt: skip
ADDRESS_AFTER_A_NAME = _address_after_a_name()


# An address typed in small letters anywhere in an answer to the address question: "its flat 9,
# 12 oak road", "22 elm walk thanks" (round 23).
ADDRESS_ANY_CASE = re.compile(
    r"(?:flat\s+(?:\d+\w?|[a-z])\b,?\s+)?\d+\w?,?\s+(?:[a-z'-]+\s+){0,3}(?:"
    + "|".join(sorted(PLACE_WORDS))
    + r")\b(?:,?\s+flat\s+(?:\d+\w?|[a-z])\b)?"
    r"(?:,?\s+[a-z]{1,2}\d[a-z\d]?\s*\d[a-z]{2}\b)?",
    re.IGNORECASE,
)
# "flat 3 Beech House" or "the flat above the shop, 9a": a number, then words the team can check.
ADDRESS_LIKE = re.compile(r"\d+\w?\s*,?\s+[a-z'-]{2,}", re.IGNORECASE)
ADDRESS_LEAD_IN = re.compile(
    r"^\s*(?:(?:yes|yeah|ok|sure)[\s,.!]+)?(?:(?:it'?s|its|it is|my address is|address is|the "
    r"address is|address:?|i live at|we live at|she lives at|he lives at|they live at|at)\s+)?",
    re.IGNORECASE,
)


TITLES = ("Mrs", "Mr", "Ms", "Miss", "Dr", "Mx")
# Street words that are surnames too; a building's name ("Hawthorn House, flat 9") is not one.
SURNAMES_TOO = {"Street", "Lane", "Close", "Hill", "Green", "Park", "Gate", "Row", "Walk", "Way"}
# "Edna Street, 7 Park Road": a name with the address after it.
HOUSE_NUMBER_AFTER = re.compile(r"^\s*,?\s*(?:at\s+|of\s+)?\d")
# Words that say a name follows, so a last word such as "Lane" is a surname ("my name is John
# Lane", "call me John Lane"), not a street.
NAME_SAID_BEFORE = re.compile(
    r"(?:\bmy name is|\bmy name's|\bname is|\bname's|\bname:|\bcall me|\bI'm|\bIm|\bI am)\s*$",
    re.IGNORECASE,
)
# A number or a word that puts a place after it: "12 Rowan Court", "flat 3 Birch House", "at
# Rowan Court".
PLACE_SAID_BEFORE = re.compile(r"(?:\d\w?|\b(?:flat|at|in|on|of|off|from|to|near))[\s,]*$", re.I)


DAY_WORDS = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today",
    "tomorrow", "tonight", "yesterday", "weekend",
}  # fmt: skip


def a_place_not_a_name(words: list[str], before: str, after: str = "") -> bool:
    """Whether capitalised words ending in a street word are a place ("Rowan Court") rather than
    a surname that is also one ("Mrs Ann Street", "my name is John Lane", "Edna Street, 7 Park
    Road"): a name has a title, is said to be one, or has the address after it (round 10)."""
    if words and all(word.rstrip(".,!?").lower() in DAY_WORDS for word in words):
        # "It's Sunday so I'm guessing not today" is a day, not the writer's name (round 17
        # r17a-01 read back "We will contact Sunday").
        return True
    if not words or words[-1].rstrip(".,") not in PLACE_WORDS:
        return False
    if words[0].rstrip(".") in TITLES or NAME_SAID_BEFORE.search(before):
        return False
    if PLACE_SAID_BEFORE.search(before) or words[-1] not in SURNAMES_TOO:
        return True
    return len(words) < 2 or HOUSE_NUMBER_AFTER.match(after) is None


# Organisations are written with capitals too: "Northside Support" is not a person.
ORGANISATION_WORDS = {
    "Support", "Services", "Service", "Housing", "Council", "Trust", "Association", "Advice",
    "Team", "Ltd", "Limited", "Care", "Group", "Agency", "Charity", "Centre", "Center",
    "Partnership", "Foundation", "Homes", "Project", "Network", "Solicitors", "Office",
}  # fmt: skip


def is_organisation(name: str) -> bool:
    return any(word.strip(".,") in ORGANISATION_WORDS for word in name.split())


def written_names(text: str) -> list[str]:
    """Names written with capitals, whole (two words or more, or with a title)."""
    found = []
    for match in WRITTEN_NAME.finditer(text):
        words = match.group().split()
        # A full stop after a word (not a title or an initial) ends the name.
        ends = [i for i, w in enumerate(words) if w.endswith(".") and len(w.rstrip(".")) > 3]
        words = words[: ends[0] + 1] if ends else words
        dropped = 0
        while words and words[0] in NOT_NAMES:
            dropped += len(words[0]) + 1
            words = words[1:]
        name = " ".join(words)
        start = match.start() + dropped
        place = a_place_not_a_name(words, text[:start], text[start + len(name) :])
        if len(words) >= 2 and not place and len(words[-1].rstrip(".")) > 2:
            found.append(name.rstrip("."))
    return found


# "I am Cllr Priya Shah": a councillor's title and both names (round 23 r23b-02 kept "Cllr
# Priya").
INTRODUCTION = re.compile(
    r"\b(?:my name is|my name's|my name|[Nn]ame is|[Nn]ame:?|this is|I'm|I am)\s+"
    rf"((?:Mrs|Mr|Ms|Miss|Dr|Cllr|Councillor)?\.?\s*{NAME_WORD}(?:\s+{NAME_WORD})?)"
)
# "I'm" or "I am" introduces a name only when a full name follows ("I'm Fed up" is not one).
TWO_NAMES = re.compile(r"^(?:Mrs|Mr|Ms|Miss|Dr|Cllr|Councillor)\.?\s+\S+|^\S+\s+\S+$")


# "I'm her daughter Sarah Baker", "I am his daughter, Helen Phillips": a helper names themself
# after their role.
ROLE_INTRODUCTION = re.compile(
    r"\bI(?:'m| am)\s+(?:her|his|their|the|a|an)\s+(?:[a-z-]+\s+){0,3}?[a-z-]+,?\s+"
    rf"((?:Mrs|Mr|Ms|Miss|Dr)?\.?\s*{NAME_WORD}(?:\s+{NAME_WORD})+)"
)


# Whose name it is, said just before "name is": someone else's.
OTHERS_NAME = re.compile(r"(?:\b(?:her|his|their)|'s)\s*\S?$", re.IGNORECASE)


def introduced_name(text: str) -> str | None:
    """A name the writer gave unprompted ("my name is Ayesha Khan", "I'm her son Sam Jones"),
    in any message."""
    here = NAME_HERE.match(text)
    if here is not None:
        # "Cllr Dev Mistry here, ward councillor for Eastfield" (round 15 r15d-09 was asked for
        # the name it opened with).
        return here.group("name")
    role = ROLE_INTRODUCTION.search(text)
    if role is not None and role.group(1).split()[-1] not in PLACE_WORDS:
        return role.group(1)
    for match in INTRODUCTION.finditer(text):
        if OTHERS_NAME.search(text[: match.start() + 1]):
            # "my mum's name is Halina Nowak" names the person they write for.
            continue
        name = match.group(1).strip()
        opener = match.group(0)[: match.start(1) - match.start(0)].strip().lower()
        if opener in ("i'm", "i am") and not TWO_NAMES.match(name):
            continue
        return name
    return None


# A writer opening with their name: "Cllr Dev Mistry here,", "Hi, Tom Rudd here.".
NAME_HERE = re.compile(
    r"^\s*(?:(?i:hi|hello|hiya|good (?:morning|afternoon|evening))[,!.]?\s+)?"
    r"(?:(?:Cllr|Councillor|Dr|Mr|Mrs|Ms|Miss)\.?\s+)?"
    # Said alone before a comma or stop: not "Boiler Broken here since monday".
    rf"(?P<name>{NAME_WORD}(?:\s+{NAME_WORD})+)\s+here\s*(?:[,.!:;-]|$)"
)


JOB_REFERENCE = re.compile(
    r"\b(?:job|repair|works? order|ref(?:erence)?)\s*(?:no\.?|number(?:\s+(?:is|was))?|num|#|ref)?"
    r"\s*[:#]?\s*([A-Z]{0,3}-?\d{4,})\b",
    re.IGNORECASE,
)


def job_reference_in(text: str) -> str | None:
    """The earlier request's job number when a message names one ("job 55821", "ref JB-2231")."""
    match = JOB_REFERENCE.search(text)
    return match.group(0).strip() if match else None


# "my email is ..." labels the details; it does not say how they want to be contacted.
# Only a label right before the details counts: in "email x@y.com is best" the word is the way.
DETAIL_LABEL = re.compile(
    r"\b(?:my\s+)?(?:e-?mail(?: address)?|(?:mobile |phone |contact )?number|phone|mobile)"
    r"\s*(?:is|:)\s*(?=[\w.+-]+@|[+(]?\d)",
    re.IGNORECASE,
)


def preference_beside_details(text: str, last: bool = False) -> str | None:
    """How to contact them, said beside the details themselves ("07700 900456 txt me dont
    ring"): the details and their labels ("my email is") are not read as a preference."""
    preference = contact_preference(without_contact_details(DETAIL_LABEL.sub(" ", text)), last=last)
    if preference == "letter" and email_in(text) and not BY_POST.search(text):
        # "email is x@y.com please write me": written to at that address.
        return "email"
    if (
        preference is not None
        and preference.split(",")[0] in ("phone", "text")
        and ", not " in preference
        and email_in(text)
        and not phone_in(text)
    ):
        # "email is amina@... please not phone in the morning, I work nights": a time ruled out
        # for calls beside an email is no call asked for (round 19 r19b-02 t6 read back "by
        # phone, not in the morning").
        return "email"
    if preference is None and email_in(text) and not phone_in(text) and ways_said(text).ruled_out:
        # "Please do not contact the tenant by letter ... Write to me at raj@...", "he finds
        # calls stressful - jo@...": the email given is the way left (round 15 r15d-09, r15b-10).
        return "email"
    if (
        preference is None
        and phone_in(text)
        and not email_in(text)
        and "email" in ways_said(text).ruled_out
        and not ({"phone", "text"} & ways_said(text).ruled_out)
    ):
        # "My phone is 01632 960 447, I'm in most mornings. Please don't send emails": the
        # number given is the way left (round 18 r18a-05 t8 was asked how to contact her).
        when = contact_time_in(" ".join(re.sub(r"[^\w\s'-]", " ", text.lower()).split()))
        return f"phone, {when}" if when else "phone"
    return preference


BY_POST = re.compile(r"\b(?:letter|letters|post|postal|by post|home address)\b", re.IGNORECASE)


@dataclass(frozen=True)
class WaysSaid:
    """The ways of contact a message names, where (position, way), with those it rules out and a
    time it rules out ("dont ring after 6")."""

    said: str
    mentions: list[tuple[int, str]]
    ruled_out: frozenset[str]
    not_at: str | None
    # The way the time is ruled out for: "no phone calls during the day" beside "email please".
    not_at_way: str | None = None


def ways_said(text: str) -> WaysSaid:
    """Every way of contact the message names and not rules out, and those it rules out. A way
    ruled out anywhere is never one it names: "no letter, he still has a key to the post box" is
    not a letter for its "post" (round 15 r15c-04, r15d-09, a domestic abuse victim whose ex may
    get her post)."""
    said = " ".join(re.sub(r"[^\w\s'-]", " ", text.lower()).split())
    # Where each clause starts: "light not working, ring me" does not rule out ringing.
    clause_starts = [0] + [
        len(" ".join(re.sub(r"[^\w\s'-]", " ", text.lower()[: m.end()]).split()))
        for m in re.finditer(r"[,.;!?\n]", text)
    ]
    mentions: list[tuple[int, str]] = []
    not_at: str | None = None
    not_at_way: str | None = None
    ruled_out_ways: set[str] = set()
    for key, ways in PREFERENCES.items():
        for word in ways:
            for match in re.finditer(rf"\b{re.escape(word)}\b", said):
                clause = max(start for start in clause_starts if start <= match.start())
                before = said[clause : match.start()].split()
                a_format = ONLY_A_FORMAT.search(" ".join(before)) is not None
                if NOT_GOOD_WITH.search(" ".join(before)) and LANGUAGE_NOT_GOOD.search(
                    " ".join(before)
                ):
                    # Neither asked for nor ruled out: the language is what is hard.
                    continue
                ruled_out = (
                    HARD_FOR_THEM.match(word_after(said, match.start())) is not None
                    or NOT_GOOD_WITH.search(" ".join(before)) is not None
                    or any(negation in before[-2:] for negation in NEGATIONS)
                    or any(negation in before[-3:] for negation in FAR_NEGATIONS)
                    or NOT_THAT_WAY.search(" ".join(before)) is not None
                )
                if ruled_out and NOT_MY_WORDS.search(sentence_around(text, said, match.start())):
                    # "Before you say no letters, this is wrong, I never say this": our words
                    # said back to be wrong, neither asked for nor ruled out (round 26 r26b-05
                    # t11 had the letter he asked for taken as ruled out).
                    continue
                barred = time_ruled_out(said[match.end() :]) if ruled_out else None
                if barred is not None:
                    # "dont ring after 6": a time ruled out, not the way (round 13 r13b-07 was
                    # told "We will not phone you").
                    not_at = f"not {barred}"
                    not_at_way = key
                elif ruled_out:
                    ruled_out_ways.add(key)
                if (not ruled_out or barred is not None) and not a_format:
                    mentions.append((match.start(), key))
    kept = [(at, key) for at, key in mentions if key not in ruled_out_ways]
    return WaysSaid(said, kept, frozenset(ruled_out_ways), not_at, not_at_way)


# A way ruled out in words said to be ours and wrong: "before you say no letters, this is wrong",
# "it says no phone calls, I never said that", "you put no emails which is not right".
NOT_MY_WORDS = re.compile(
    r"\b(?:you|u|it|the summary|that)\s+(?:say|says|said|put|puts|wrote|writes|have|has|got|"
    r"think|thinks|keep saying|keeps saying)\b[^.!?]*\b(?:wrong|not right|incorrect|mistake|"
    r"never (?:say|said|asked)|didn'?t (?:say|ask)|did not (?:say|ask)|not what i (?:said|asked))"
    r"|\b(?:i|we)\s+(?:never|didn'?t|did not)\s+(?:say|said|ask|asked)\s+(?:this|that|it|"
    r"so|no|not|for no)\b",
    re.IGNORECASE,
)


def sentence_around(text: str, said: str, at: int) -> str:
    """The sentence of `said` (the message's words, as ways_said reads them) around `at`."""
    starts = [0] + [
        len(" ".join(re.sub(r"[^\w\s'-]", " ", text.lower()[: m.end()]).split()))
        for m in re.finditer(r"[.!?\n]", text)
    ]
    start = max(s for s in starts if s <= at)
    end = min((s for s in starts if s > at), default=len(said))
    return said[start:end]


def contact_preference(text: str, last: bool = False) -> str | None:
    """How the person wants to be contacted; a way they rule out ("don't ring") is skipped. In
    a correction the new way is said last ("it says phone, it should be email")."""
    found = ways_said(text)
    said, mentions, not_at = found.said, found.mentions, found.not_at
    if not mentions:
        return None
    # "telephone 07700 900271, text message better": the way said to be better wins.
    preferred = [
        (at, key)
        for at, key in mentions
        if PREFERRED_BEFORE.search(said[:at]) or PREFERRED_AFTER.match(word_after(said, at))
    ]
    mentions = preferred or mentions
    way = (max(mentions) if last else min(mentions))[1]
    when = contact_time_in(said)
    said_way = "|".join(re.escape(word) for word in PREFERENCES[way])
    only = re.search(rf"\b(?:{said_way}) only\b|\bonly (?:by )?(?:{said_way})\b", said)
    if not_at is not None and found.not_at_way not in (None, way) and way in ("email", "letter"):
        # "Email please ... no phone calls during the day": the time is ruled out for the
        # phone, not the email (round 24 r24b-02 t11).
        return f"{way}, no {WAY_NOUNS.get(str(found.not_at_way), 'contact')} {not_at[4:]}"
    if not_at is not None:
        return f"{way}, {not_at}"
    if when:
        # "only call after 6pm": the time is what is only.
        return f"{way}, {when}"
    return way + (" only" if only else "")


# The ways that may be asked for together ("letter and email"), and the words that join them.
WAYS_ALONE = ("letter", "email", "phone", "text")
BOTH_WAYS = re.compile(r"\b(?:and|also|both|as well|plus)\b|[&+]", re.IGNORECASE)


def both_ways_asked(text: str) -> str | None:
    """Two ways asked for together ("a letter to my home AND email"), in the order said."""
    found = ways_said(text)
    named = list(dict.fromkeys(way for _, way in sorted(found.mentions)))
    if len(named) != 2 or not BOTH_WAYS.search(text):
        return None
    return f"{named[0]} and {named[1]}"


def is_a_letter(preference: object) -> bool:
    """Whether the way chosen is a letter ("letter", "letter and email", "letter, mornings")."""
    said = str(preference or "").strip().lower()
    return said.split(",")[0].split()[:1] == ["letter"]


def with_address(details: str, address: str) -> str:
    """The contact details with the address to write to first, other contact wishes after."""
    main, *also = held_details(details)
    own = ", ".join(part for part in (address.strip(), main.strip()) if part)
    return ALSO.join([own, *also])


# Each way as a thing that can be ruled out: "no phone calls during the day".
WAY_NOUNS = {"phone": "phone calls", "text": "texts", "email": "emails", "letter": "letters"}


def way_insisted(text: str) -> str | None:
    """The way of contact a message insists on, with no details beside it: one said to be the
    only one ("email only pls") or said beside a way ruled out ("dont call me, email me")."""
    way = contact_preference(text)
    if way is None or not (way.endswith(" only") or ways_said(text).ruled_out):
        return None
    return way


# Words before a time that rule it out: "calls ok but not mornings", "any time except evenings".
TIME_RULED_OUT_BEFORE = re.compile(
    r"\b(?:not|never|no|except|apart from|avoid|but not)\s+(?:in\s+the\s+|on\s+|at\s+)?$",
    re.IGNORECASE,
)


def contact_time_in(said: str) -> str | None:
    """When to contact them, as said: a time ruled out keeps its "not" ("calls ok but not
    mornings" was read back "by phone, mornings", round 17 r17a-07), and a time asked for wins
    over one ruled out ("afternoons only, not mornings")."""
    found: list[tuple[bool, str]] = []
    for match in CONTACT_TIME.finditer(said.lower()):
        time = match.group().strip()
        ruled_out = time.startswith("not ") or bool(
            TIME_RULED_OUT_BEFORE.search(said.lower()[: match.start()])
        )
        found.append(
            (ruled_out, time if time.startswith("not ") or not ruled_out else f"not {time}")
        )
    asked = [time for ruled_out, time in found if not ruled_out]
    return asked[0] if asked else (found[0][1] if found else None)


# Clauses that only say how: "please contact me by email not phone", "email me instead".
WAY_WORDS = re.compile(
    r"\b(?:" + "|".join(re.escape(w) for ways in PREFERENCES.values() for w in ways) + r"|ringing|"
    r"calling|phoning|emailing|texting|write|writing)\b"
)
CLAUSE_BREAKS = re.compile(r"[,.;!?\n]+|\s+(?:and|but)\s+")
COURTESIES = frozenset({"please", "pls", "thanks", "thank", "you", "ta", "cheers", "no", "ok"})


def says_only_how_to_contact(text: str) -> bool:
    """Whether every clause of a message is about the way to contact them, so it asks for no
    other help ("please contact me by email not phone" at the question about what would help
    was stored as a need, round 13 r13d-05)."""
    said = text.lower()
    clauses = [c for c in CLAUSE_BREAKS.split(said) if set(c.split()) - COURTESIES]
    return bool(clauses) and all(WAY_WORDS.search(c) for c in clauses)


def word_after(said: str, at: int) -> str:
    """What follows the word at `at`."""
    _, _, rest = said[at:].partition(" ")
    return rest


# Words that make one way the one they want, said before it ("prefers phone", "rather a text")
# or after it ("text message better", "email is best").
PREFERRED_BEFORE = re.compile(
    # "only by text": the one way (round 15 r15b-02 was phoned for "mobile ... text only").
    r"\b(?:prefer|prefers|preferred|rather|rather have|only)\s+(?:by |a |an )?$"
)
PREFERRED_AFTER = re.compile(
    r"^(?:(?:message|messages|call|calls|me|to me|to her|to him|to us)\s+)?"
    r"(?:is\s+|are\s+|would be\s+)?"
    # "email is safer" (round 10 r10c-29 was told "by phone" by someone whose phone is taken);
    # "that's the house phone. can you write to me instead?" (r10a-16).
    r"(?:better|best|preferred|easier|easiest|safer|safest|instead|only)\b"
)


# When they can be reached, said beside the way: "calls after 5pm", "evenings only", "before
# 10am", "between 9 and 12". Kept with the way (the case store holds 40 characters).
CONTACT_TIME = re.compile(
    # An hour is never the start of a longer number: "same as before 07700900733" was read
    # back "by phone, before 07" (round 26 r26b-08 t20).
    r"\b(?:after|before|from|between|not before|not after)\s+\d{1,2}(?!\d)(?:[:.]\d{2})?"
    r"\s*(?:am|pm)?"
    r"(?:\s*(?:and|-|to|till|until)\s*\d{1,2}(?!\d)(?:[:.]\d{2})?\s*(?:am|pm)?)?"
    r"|\b(?:in the )?(?:mornings?|afternoons?|evenings?|weekends?|weekdays?)(?: only)?\b"
    # "no phone calls during the day as I work nights" was dropped, then filed under what went
    # wrong (round 24 r24b-02 t11, t13).
    r"|\b(?:during|in)\s+the\s+(?:day|daytime|day time)\b|\b(?:in\s+the\s+)?daytime\b"
    r"|\bafter (?:work|school|lunch)\b"
    # "prefers calls am" (round 9 r9b-16 read back "by phone" only).
    r"|(?:(?<=\bcalls )|(?<=\bcall )|(?<=\bring )|(?<=\bphone ))(?:am|pm)(?: only)?\b"
)


# The time a negated way is followed by: "dont ring (me) after 6" rules out the time.
TIME_AFTER_THE_WAY = re.compile(
    r"^\s*(?:(?:me|us|her|him|them|mum|dad|my mum|my dad)\s+)?"
    rf"(?P<time>(?:(?:at|on)\s+)?(?:{CONTACT_TIME.pattern}))"
)


def time_ruled_out(after_the_way: str) -> str | None:
    """The time a "don't ring" is about, when it names one right after the way ("dont ring
    after 6", "don't call me before 10am", "do not phone at weekends"): that time is ruled out,
    not the way of contact."""
    found = TIME_AFTER_THE_WAY.match(after_the_way)
    return None if found is None else found.group("time").strip()


# "to be called", "rung": a phone call asked for in words the ways above do not hold.
CALLED_AT = re.compile(r"\b(?:called|rung|phoned|calling|ringing|phoning)\b", re.IGNORECASE)


def contact_time_told(text: str) -> str | None:
    """When to contact them and how, where the words give a time ("Please call after 5pm as I
    work", "I asked to be called only after 5pm"): "phone, after 5pm"."""
    when = contact_time_in(text)
    if when is None:
        return None
    preference = contact_preference(text)
    if preference is not None and when in preference:
        return preference
    return f"phone, {when}" if CALLED_AT.search(text) else None


def is_no(text: str) -> bool:
    return text.strip().lower().rstrip(".!") in NO_ANSWERS


def long_date(day: date) -> str:
    return f"{day:%A} {day.day} {day:%B %Y}"


# Between the contact details and each other contact wish held with them: "sam@...; also text
# Leanne Price on 07700 900288, after 2pm" (bot.contact_wishes).
ALSO = "; also "


def way_that_fits(preference: str, details: str) -> str:
    """The way to contact them, as it can be used with the details held: writing with only an
    email held is an email. A phone call chosen with only an email stays as chosen, for a person
    to sort out."""
    kind = (preference.split(",")[0].split() or [""])[0].lower()
    own = details.split(ALSO)[0]
    # "all correspondence in writing to the office" with only an email: writing is email
    # (round 18 r18a-09 read back "by letter (casework@...)").
    if kind == "letter" and "@" in own and postal_address_in(own) is None:
        return "email"
    return preference


def held_details(details: str) -> list[str]:
    """The contact details, then each other contact wish held with them."""
    return [part.strip() for part in details.split(ALSO)]


# The earlier-job answer of a resident who does not know whether it was reported before ("not
# sure, maybe my husband did"): kept as unsure, never read back as a request reported before.
UNSURE_OF_AN_EARLIER_REPORT = "not sure"


def unsure_answer(added: str) -> str:
    """The unsure answer as kept, with what the resident added to it."""
    return f"{UNSURE_OF_AN_EARLIER_REPORT} ({added})" if added else UNSURE_OF_AN_EARLIER_REPORT


@dataclass(frozen=True)
class DraftDefinition:
    aspects: str
    still_happening: bool | None
    outcome: str
    representative: str | None
    contact_name: str
    contact_details: str
    contact_preference: str
    adjustments: str | None
    earlier_request: str | None = None
    # Whether the resident agreed to the helper acting for them (only when someone helps).
    consent: bool | None = None
    # Whether the helper holds a lasting power of attorney for the resident.
    power_of_attorney: bool = False
    # Whether that agreement was given by phone or by word of mouth, not in writing.
    consent_on_the_phone: bool = False
    # The resident's address as they gave it (round 19 r19b-03 gave it three times and it was
    # never read back nor logged).
    address: str | None = None
    # Whether the resident has died and the helper acts for their estate (round 24 r24b-03).
    estate: bool = False

    def read_back(self) -> str:
        lines = [
            "Here is what I understood.",
            f"What went wrong: {self.aspects.strip()}",
        ]
        if self.still_happening is not None:
            lines.append("It is still happening." if self.still_happening else "It has stopped.")
        if self.earlier_request and self.earlier_request.startswith(UNSURE_OF_AN_EARLIER_REPORT):
            lines.append(f"Whether you reported it to us before: {self.earlier_request}")
        elif self.earlier_request:
            lines.append(f"It is about a request you reported before: {self.earlier_request}")
        lines.append(f"You would like: {self.outcome.strip()}")
        if self.representative:
            resident = resident_in(self.representative, self.contact_name)
            lines.append(
                f"The complaint is for: {resident}"
                if resident
                else "The complaint is for the resident you are helping. You told us: "
                f"{self.representative.strip()}"
            )
            helper = f"You are helping them: {self.contact_name.strip()}."
            lines.append(
                f"{helper} {ESTATE_LINE}"
                if self.estate
                else f"{helper} You hold lasting power of attorney for them."
                if self.power_of_attorney
                else f"{helper} They have agreed to this on the phone."
                if self.consent and self.consent_on_the_phone
                else f"{helper} They have agreed to this."
                if self.consent
                else f"{helper} They have not agreed to this yet, so we will check with them "
                "before we share their details with you."
            )
        details, *also = held_details(self.contact_details)
        lines.append(self.contact_line(details))
        # Who else is contacted, and how: "We will also text Leanne Price on ..., after 2pm."
        # "We will not send letters or anything by post to your home." (round 23).
        lines.extend(
            f"We will {wish}." if wish.startswith("not ") else f"We will also {wish}."
            for wish in also
            # A resident who has died is never contacted (round 24 r24b-03 t13-t15).
            if not (self.estate and self.names_the_resident(wish))
        )
        if self.address_line():
            lines.append(self.address_line())
        if self.adjustments:
            lines.append(f"To make things easier for you: {self.adjustments.strip()}")
        lines.append("Is that right?")
        return "\n".join(lines)

    def contact_line(self, details: str) -> str:
        """How we will contact them. A way whose kind of detail is not held is said so, never
        "by email (07700 900456)" (round 24 r24b-03 t13-t15 read a phone number as the email)."""
        name = self.contact_name.strip()
        kind = (self.contact_preference.split(",")[0].split() or [""])[0].lower()
        missing = (
            "an email address"
            if kind == "email" and email_in(details) is None
            else "a phone number"
            if kind in ("phone", "text") and phone_in(details) is None
            else None
        )
        if missing is None or not details.strip():
            return f"We will contact {name} by {self.contact_preference} ({details})."
        return (
            f"You asked us to contact {name} by {self.contact_preference}, but I do not have "
            f"{missing} for you. I have: {details}. Tell me {missing}, or how else to contact you."
        )

    def without_the_resident(self) -> DraftDefinition:
        """For a resident who has died, the contact wishes that would reach them dropped, so
        they are neither read back nor logged (round 24 r24b-03)."""
        if not self.estate:
            return self
        details, *also = held_details(self.contact_details)
        kept = [wish for wish in also if not self.names_the_resident(wish)]
        return replace(self, contact_details=ALSO.join([details, *kept]))

    def names_the_resident(self, wish: str) -> bool:
        """Whether a contact wish is to reach the resident the helper acts for."""
        resident = resident_in(self.representative or "", self.contact_name)
        name = (resident or "").split(",")[0].strip().lower()
        return bool(name) and name in wish.lower()

    def address_line(self) -> str:
        """The address, unless the helper's line or the contact details already show it."""
        address = (self.address or "").strip()
        # What the read-back shows of the helper's words: the resident's name (and an address
        # said right after it) where one is named, not all the words. "Mum is Joan Marsh and she
        # lives at 5 Cedar Gardens" showed "The complaint is for: Joan Marsh" and no address, and
        # "Can you put her address on it too, 5 Cedar Gardens" got "That is what I have" (round
        # 22 r22b-08 t16).
        resident = (
            resident_in(self.representative, self.contact_name) if self.representative else None
        )
        shown = f"{resident or self.representative or ''} {self.contact_details}".lower()
        if not address or address.lower() in shown:
            return ""
        return f"{'Their' if self.representative else 'Your'} address: {address}"


# A helper's words for whom they act: "acting for", "representing", "son of" (the tenant).
HELPER_OF = (
    r"acting for|act for|representing|(?:son|daughter|dtr|dau|carer|wife|husband|partner|"
    r"grandson|granddaughter|niece|nephew|brother|sister|friend|solicitor|advocate) of"
)
# A helper telling they write for the resident, before the resident is named: "acting for your
# tenant", "son of T", "on behalf of my mum".
HELPS_THE_RESIDENT = re.compile(
    rf"\b(?:{HELPER_OF}|on behalf of)\s+(?:(?:the|your|our|my|her|his)\s+)?"
    r"(?:(?-i:T)\b|tenant|resident|client|mum|mom|mother|dad|father|nan|gran|grandma|grandad|"
    r"son|daughter|husband|wife|partner|brother|sister|neighbour|friend|aunt|uncle|constituent)"
    # "my dads boiler been broke since tuesday, hes 84" (round 15 r15a-06 was asked whether
    # they were the resident): a parent's home, not the writer's.
    r"|\bmy\s+(?:dad|mum|mom|mam|mother|father|nan|nana|gran|granny|grandma|grandad|grandpa|"
    r"aunt|auntie|uncle)(?:'s|\u2019s|s)\s+(?:boiler|flat|house|home|heating|bathroom|kitchen|"
    r"roof|windows?|door|lift|property|place|bedroom)\b"
    # "I'm Tom, a support worker with Mind, supporting one of your tenants" (round 16 r16b-06
    # t5 was asked whether he was the resident).
    # A call handler's "rep = son Imran", "rep is daughter", "rep for mum" (round 16 r16b-14 t4,
    # r16b-02 t3 were asked whether they were the resident).
    r"|\brep(?:resentative)?\s*(?:=|:|-|is)?\s*(?:(?:the|her|his|their|(?-i:T)'?s?)\s+)?"
    r"(?:son|daughter|dtr|dau|wife|husband|partner|carer|brother|sister|niece|nephew|grandson|"
    r"granddaughter|friend|neighbour|advocate|support worker)\b"
    r"|\brep\s+for\b"
    r"|\bsupporting\s+(?:one of your (?:tenants|residents)|(?:the|your|a|an|my|our)\s+"
    r"(?:tenant|resident|client))\b"
    r"|\b(?:i'?m|im|i am)\s+(?:[A-Z][a-z'-]+(?:\s+[A-Z][a-z'-]+)?,?\s+)?(?:a|an|her|his|their)\s+"
    r"(?:\w+\s+)?(?:support worker|social worker|key worker|advocate|caseworker|case worker)\b",
    re.IGNORECASE,
)


def helps_the_resident(text: str) -> bool:
    """Whether the writer says they act for the resident ("caller is Daniel Price, son of T Mr
    Alan Price", "I am a solicitor ... acting for your tenant")."""
    return HELPS_THE_RESIDENT.search(text) is not None


# The person a helper writes for, as helpers name them: "for my mum Mrs Joan Baker at 14 Elm
# Road", "on behalf of Mr Daniel Okafor, Flat 3, 22 Carter Street".
REPRESENTED = re.compile(
    r"\b(?:on behalf of|writing for|write for|contacting you for|neighbour of|helping|for"
    # "I am writing about my neighbour Mrs Dorothy Gale at ..." (round 13 r13a-03).
    r"|(?:writing|contacting you|calling|ringing|emailing|messaging) about"
    # "A resident of yours, Mr Daniel Osei at 41 Kestrel House" (round 14 r14d-09).
    r"|[Aa] (?:resident|tenant|constituent) of yours,?|[Oo]ne of your (?:residents|tenants),?"
    # "Cllr Hart has been contacted by a constituent, Mr Tomasz Nowak of 5 Birch Close" (round 17
    # r17a-08 t5 was asked for him again).
    r"|(?:contacted|approached) by"
    # "caller is Daniel Price, son of T Mr Alan Price", "solicitor ... acting for your tenant Mr
    # Tomasz Nowak of Flat 3" (round 15 r15a-14, r15d-06 were asked for them again).
    rf"|{HELPER_OF})\s+"
    # "on behalf of T (Mr Alan Fisher, 79)": a call handler's shorthand for the tenant.
    r"(?:(?:T|the tenant|tenant|res|resident)\s*\(\s*|(?-i:T)\s+)?"
    # "We act for our client Ms Jade Fowler" (round 13 r13d-11).
    # "on behalf of a constituent, Mrs Amina Yusuf" (round 14 r14d-04).
    # "I'm helping one of my clients, Ms Leanne Price" (round 17 r17a-06 t2 was asked for her).
    r"(?:(?:one of\s+)?(?:my|our|your|a|an)\s+[a-z-]+,?\s+|(?:her|his|their)\s+[a-z-]+,?\s+)?"
    rf"((?:Mrs|Mr|Ms|Miss|Dr)\.?\s+{NAME_WORD}(?:\s+{NAME_WORD})?|{NAME_WORD}\s+{NAME_WORD})"
)
ADDRESS = re.compile(
    # "Ms Leanne Brooks (Flat 6 Mill House)": in brackets too (round 16 r16b-06 t10).
    r"^\s*(?:,|\bat\b|\bof\b|\bin\b|\bnumber\b|\bno\.?)?[\s,(]*(?:(?:at|of|number|no\.?)\s+)?"
    # "Mr Abdi Hassan, he lives at 9 Oak House" (round 9 r9a-08 read back no address).
    r"(?:(?:who|he|she|they)\s+)?(?:(?:lives?|living)\s+(?:at|in)\s+)?"
    # "Krystyna Nowak, flat 3, 22 Mill Road", typed in small letters (round 9 r9a-04).
    # "flat 11 Greenacre House": a flat in a named building needs no street number (round 10
    # r10a-26 read the resident back without it).
    # "Flat B, 22 Orchard Road", "22 Orchard Road flat B": a flat by its letter too (round 18
    # r18a-08 read the address back without "Flat B", and could not put it back).
    r"((?:[Ff]lat\s+(?:\d+\w?|[A-Z]\b),?\s+(?:\d+\w?,?\s+)?|\d+\w?,?\s+)(?:[A-Z][a-z'-]+\s+){0,3}(?:"
    + "|".join(sorted(PLACE_WORDS))
    # Then the flat, town and postcode where given: "3 Bank Street, Flat 2, Leeds LS11 5QT"
    # (round 8: the read-back cut every address after the street).
    + r")\b(?:,?\s+[Ff]lat\s+(?:\d+\w?|[A-Z]\b))?"
    r"(?:,?\s+[A-Z][a-z'-]+(?:\s+[A-Z][a-z'-]+)?(?=\s*(?:[,.]|$|[A-Z]{1,2}\d)))?"
    r"(?:,?\s+[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b)?)"
)


def postal_address_in(text: str) -> str | None:
    """A postal address written in a message ("Write to me please. 12 Ash Road, Sampleton SA1
    2BC"): the details for a letter."""
    for start in re.finditer(r"\b[Ff]lat\s+[A-Z]\b|(?:\b[Ff]lat\s+)?\b\d", text):
        found = ADDRESS.match(text[start.start() :])
        if found is not None:
            return found.group(1).rstrip(",")
    return None


# "she's Margaret Doyle, flat 3, 9 Canal St": the resident a helper names, with the address.
RESIDENT_NAMED = re.compile(
    # "T is Mrs Hodan Ahmed Hassan": a call handler's T for the tenant (round 13 r13c-05).
    r"(?:\b(?i:(?:she|he|they|mum|dad|the resident|the tenant)(?:'s|\u2019s| is| are)|mums|dads)"
    # "CH: T Mr Arif Hussain 3 Poplar Ct": T before a titled name (round 16 r16b-14).
    r"|\bT(?: is|:)|\bT(?=\s+(?:Mrs|Mr|Ms|Miss|Dr)\.?\s))\s+"
    rf"(?P<name>(?:(?:Mrs|Mr|Ms|Miss|Dr)\.?\s+)?{NAME_WORD}(?:\s+{NAME_WORD})+)"
)


# An elected member helping a resident, named by their office: "Cllr Priya Shah", "Councillor
# Ward", "Jane Doe MP". They act for the resident and are never the resident (round 14 r14d-04
# and r14d-09 read the MP and the councillor back as the person the complaint is for).
OFFICE_BEFORE = re.compile(r"\b(?:Cllr|Councillor|Councilor|Coun)\.?\s+$")
OFFICE_AFTER = re.compile(r"^\s+(?:MP|MSP|MS|MLA|AM)\b")


def an_elected_member(name: str, text: str) -> bool:
    """Whether `name`, where it stands in `text`, carries an elected member's title."""
    for found in re.finditer(re.escape(name), text):
        before, after = text[: found.start()], text[found.end() :]
        if OFFICE_BEFORE.search(before) or OFFICE_AFTER.match(after):
            return True
    return re.match(r"(?:Cllr|Councillor|Councilor|Coun)\b", name) is not None


def represented_person(text: str) -> str | None:
    """The name, and address where given, of the resident a helper writes for, as written in
    the first message; None when the message names nobody."""
    for match in REPRESENTED.finditer(text):
        name = match.group(1)
        after = text[match.end() :]
        if a_place_not_a_name(name.split(), "", after) or name.split()[0] in NOT_NAMES:
            continue
        if an_elected_member(name, text):
            # "caseworker for Jane Doe MP. The resident is Mrs Amina Yusuf": the MP helps.
            continue
        address = ADDRESS.match(after)
        return f"{name}, {address.group(1).rstrip(',')}" if address else name
    for match in RESIDENT_NAMED.finditer(text):
        # Named so only with an address or a title: "she's Very Upset" is no one.
        name = match.group("name")
        address = ADDRESS.match(text[match.end() :])
        if name.split()[0] in NOT_NAMES:
            continue
        if address is not None:
            return f"{name}, {address.group(1).rstrip(',')}"
        if TITLED.match(name):
            return name
    return None


TITLED = re.compile(r"(?:Mrs|Mr|Ms|Miss|Dr)\.?\s")


# A helper saying the resident has agreed to them acting: "she's happy for me to deal with
# this", "who has given consent for me to act for him", "he has asked me to handle this".
CONSENT_GIVEN = re.compile(
    r"\b(?:happy for me to"
    r"|(?:has|have|had) given (?:me )?(?:her |his |their )?(?:consent|permission)"
    r"|gave (?:me )?(?:her |his |their )?(?:consent|permission)|(?:has|have) consented"
    # "on behalf of T, she consented" (round 9 r9c02 was asked again).
    r"|(?:she|he|they|(?-i:T)) consent(?:s|ed)"
    r"|(?:has|have) asked me to (?:handle|deal|sort|contact|write|complain|act|speak)"
    r"|(?:she|he|they) (?:has |have )?(?:say|said|says) (?:it'?s |its )?ok(?:ay)?"
    r"|with (?:her|his|their) "
    r"(?:consent|permission)|(?:she|he|they) agreed for me|authority to act"
    # "T consent given verbally", "she asked me to do it for her", "consent: yes".
    r"|consent (?:is |was |has been )?(?:given|obtained|received|confirmed|ok)"
    r"|(?:she|he|they|T) (?:has |have )?asked me to|(?:she|he|they) wants? me to"
    r"|consent:? yes|(?:has|have|got) (?:her|his|their) (?:consent|permission|ok)"
    # "He has agreed", "I have power of attorney for him" (round 8 r8a-33).
    r"|(?<!['\u2019])\b(?:she|he|they|T|mum|dad) (?:has |have )?(?:agreed|agrees|said yes)"
    r"|power of attorney"
    # "She's fine with me dealing with it", "mum's ok with me sorting this", "hes alright for
    # me to do it" (round 18 r18a-08 t4, t12 asked for mum's consent again).
    r"|\b(?:she|he|they|mum|mam|mom|dad|nan|gran|the tenant|the resident|(?-i:T))"
    r"(?:'s|\u2019s| is| are|'re|s)?\s+(?:totally |completely |perfectly |more than )?"
    r"(?:fine|ok|okay|alright|all right|happy|good)\s+(?:with|for)\s+me\s+"
    r"(?:to\s+)?(?:deal|dealing|do|doing|sort|sorting|handle|handling|act|acting|speak|speaking|"
    r"help|helping|talk|talking|take|taking|chase|chasing)"
    # "the resident has agreed", "she's agreed", "she has signed our authority form" (round 8).
    r"|\b(?:the resident|the tenant|(?-i:T)|she|he|they)(?:'s| is| has| have)\s+(?:already\s+)?"
    r"(?:agreed|consented|said yes)"
    r"|signed (?:an? |our |the |your )?(?:authority|consent) form"
    # "Mrs Lowe asked me to raise this at my surgery on Saturday and signed our casework consent
    # form" was asked the consent question again (round 22 r22b-03 t7): a form named by its use,
    # a request to raise it made by the resident named.
    r"|signed (?:an? |our |the |your |my |his |her |their )?(?:[\w-]+\s+){0,3}"
    r"(?:authority|consent|permission|authorisation|authorization|mandate|third party) "
    r"(?:form|letter|slip|note)"
    r"|\b(?:asked|has asked|have asked|wants|wanted) (?:me|us) to "
    r"(?:raise|take (?:this |it |that )?up|pursue|look into|bring|report|chase|act|speak|"
    r"complain|help|represent)"
    # "T gave verbal consent", "consent verbal only so far" (round 16).
    r"|verbal(?:ly)? consent|consent (?:is |was )?(?:verbal|verbally)\b(?! (?:not|no)\b))\b",
    re.IGNORECASE,
)
# Consent said to be given by phone or by word of mouth: read back as agreed on the phone, not
# as if it were written ("consent verbal only so far", "consent given on call").
CONSENT_ON_THE_PHONE = re.compile(
    r"\b(?:verbal|verbally|on (?:the )?(?:call|phone)|over the phone|by phone)\b", re.IGNORECASE
)


def consent_on_the_phone(text: str) -> bool:
    """Whether a message tells the resident's consent given by phone or by word of mouth."""
    return consent_told(text) and CONSENT_ON_THE_PHONE.search(text) is not None


# A helper who holds a lasting power of attorney for the resident ("I have LPA for him", "acting
# under lasting power of attorney"): their authority, not the resident's agreement, is recorded
# (round 10 r10a-05 read back "They have agreed" for a father with dementia).
POWER_OF_ATTORNEY = re.compile(
    # The writer holds it: "I have LPA for him", "I'm his son and hold lasting power of
    # attorney", not "her son Paul has lasting power of attorney" (round 11 r11d-10) nor "do I
    # need power of attorney?".
    r"\b(?:i|i'?ve|ive|i'?m|im)\s+(?:(?!need|want|get|apply|should|could|can)\w+\s+){0,4}?"
    r"(?:(?:lasting|enduring)\s+)?(?:power of attorney|lpa|epa|poa)\b"
    r"|\bact(?:ing)?\s+(?:for (?:him|her|them)\s+)?(?:under|with|as)\s+"
    r"(?:a |an |the |my |his |her )?"
    r"(?:(?:lasting|enduring)\s+)?(?:power of attorney|lpa|poa|attorney)\b"
    r"|\bi'?m (?:her|his|their) attorney\b",
    re.IGNORECASE,
)


def holds_power_of_attorney(text: str) -> bool:
    return POWER_OF_ATTORNEY.search(text) is not None


def consent_told(text: str) -> bool:
    return CONSENT_GIVEN.search(text) is not None or holds_power_of_attorney(text)


# How a helper names the resident in their answer: "She is Mrs Jones at no 4", "T is Mr Alan
# Fisher", "mum's name is Grace Okafor".
RESIDENT_IS = re.compile(
    # "He's Dennis Hall" as well as "he is": the words are read whatever their capitals.
    r"\b(?:(?i:she|he|they|resident|tenant|mum|mam|mom|dad|nan|nana|gran|grandad|grandma|"
    r"mother|father|client|"
    r"(?:her|his|their|mum'?s|dad'?s|nan'?s) name)|T)\s*(?:is|'s|=|:)\s+"
    rf"((?:(?:Mrs|Mr|Ms|Miss|Dr|Mx)\.?\s+)?{NAME_WORD}(?:\s+{NAME_WORD})*)"
)
TITLED_NAME = re.compile(rf"\b(?:Mrs|Mr|Ms|Miss|Dr|Mx)\.?\s+{NAME_WORD}(?:\s+{NAME_WORD})*")


def titled_names(text: str) -> list[str]:
    """Names written with a title ("Mr Kwame Osei", "Mrs J Bell"), without a call handler's
    T for the tenant written after ("caller Mr Kwame Osei T at 7 Kings Walk")."""
    return [re.sub(r"\s+T$", "", found.group().strip()) for found in TITLED_NAME.finditer(text)]


def only_a_name(text: str) -> bool:
    """A message that is nothing but a person's name ("Mrs Farah Begum", "Joan Ward."): the
    answer to a question, never a matter of its own."""
    said = text.strip(" .,!")
    if not said or len(said.split()) > MOST_WORDS_IN_A_NAME:
        return False
    if TITLED_NAME.fullmatch(said):
        return True
    return written_names(said) == [said]


# "Mrs Hodan Ahmed Hassan Ali": longer than this is more than a name.
MOST_WORDS_IN_A_NAME = 5


def resident_in(details: str, helper: str) -> str | None:
    """The resident's name in what a helper told us about them and themself, never the
    helper's own; None when the answer does not name the resident."""
    helper_words = set(helper.lower().split())

    def not_the_helper(name: str | None) -> bool:
        return bool(name) and not set(str(name).lower().split()) <= helper_words

    for found in (
        represented_person(details),
        *(match.group(1) for match in RESIDENT_IS.finditer(details)),
        *(match.group() for match in TITLED_NAME.finditer(details)),
        *written_names(details),
    ):
        if (
            found
            and not_the_helper(found)
            and found.split()[0] not in NOT_NAMES
            and not an_elected_member(found, details)
        ):
            # "Mrs Joan Baker, 14 Elm Road": the address where it follows the name.
            after = details[details.find(found) + len(found) :] if found in details else ""
            address = ADDRESS.match(after) if "," not in found else None
            return f"{found}, {address.group(1).rstrip(',')}" if address else found
    return None


def without_health_details(text: str, needs: Iterable[AdjustmentNeed]) -> str:
    """The words without the clauses that tell of a health condition or disability, for a
    resident who did not agree to have it recorded (5.10): "He has a learning disability" stayed
    in what went wrong after the refusal (round 13 r13a-07, r13a-10). A cue the need's own offer
    names ("easy read", "text relay") is what would help, not a health detail, and stays."""
    cues = [
        words(cue)
        for need in needs
        if need.special_category
        for cue in need.cues
        if not contains(words(need.offer), words(cue))
    ]
    kept = []
    for sentence in re.split(r"(?<=[.!?])\s+|\n+", text.strip()):
        clauses = [c for c in re.split(r"(?<=[,;])\s+", sentence) if c.strip()]
        told = [c for c in clauses if not any(contains(words(c), cue) for cue in cues)]
        if len(told) == len(clauses):
            kept.append(sentence)
        elif told and words(" ".join(told)):
            rest = LEADING_AND.sub("", " ".join(told)).rstrip(",;.!? ")
            kept.append(capitalised(rest) + ".")
    return " ".join(kept)


# What joined a clause to one taken out: "..., and the dark scares her".
LEADING_AND = re.compile(r"^(?:and|but|so|which|as)\s+", re.IGNORECASE)
