"""Names corrected at the read-back: "her name is just Brenda O'Neill", "resident is Mr Alan
Fisher", "it's spelled Aisha". The patterns and the new name, for bot.corrections."""

from __future__ import annotations

import re

from bot.definition import NAME_WORD, NOT_NAMES, name_in

# The resident a helper writes for: "the complaint is for my mum Grace Okafor", "resident is Mr
# Alan Fisher".
RESIDENT = re.compile(
    r"\b(?:the )?(?:resident|tenant|T|complaint is for|complaints for|it'?s for|its for|"
    # "the complaint should be for my mum, Joan Marsh" (round 25 r25b-08 t14).
    r"(?:complaint|it) (?:should|must|needs to|ought to) be (?:for|from|on behalf of)|"
    r"this is for|(?:her|his|their|the resident'?s|the tenant'?s|mum'?s|dad'?s) name)"
    # Whole words: the "T" of "ME WANT SORRY TOO" is no tenant (round 10 r10a-27 "O ASANTE").
    r"\b\s*(?:is|=|:|'s)?\s*(?:just |actually |really )?"
    r"(?:(?:my|her|his|their|our) [a-z-]+,?\s+)?"
    rf"(?P<name>(?:(?:Mrs|Mr|Ms|Miss|Dr|Mx)\.?\s+)?{NAME_WORD}(?:\s+{NAME_WORD})*)(?![\w'])"
)
# The name after "name" in a correction: "it's spelled Ayesha", "should be Ayesha Khan".
NAME_CORRECTION = re.compile(
    # "put my full name, Ayo Bankole" (round 9 r9c28 was asked which part).
    r"(?:\b(?:spelled|spelt|spelling is|should be|should say|is|it's|its|to)|:|,|^)\s+"
    r"(?:just |actually |really )?"
    rf"((?:(?:Mrs|Mr|Ms|Miss|Dr|Mx)\.?\s+)?{NAME_WORD}\.?(?:\s+{NAME_WORD}\.?)*)"
    # Whole words only: "NAME WRONG" is not the name "W" (round 10 r10a-27 "W ASANTE").
    r"(?![\w'])"
)
# The helper named in a correction: "helper = Dan Price", "the helper is wrong, Im Dan Price",
# "the person helping is Priya Shah" (the helper is who we contact).
HELPER_IS = re.compile(
    r"\b(?i:the\s+)?(?i:helper|person helping|one helping|person making the complaint"
    # "The representative is Eleanor Finch (me), not Mr Nowak" (round 15 r15d-06).
    r"|representative|rep)"
    r"\s*(?i:is|=|:|'s|should be)\s*(?i:(?:wrong|not right|incorrect)[,.;:]?\s*)?"
    r"(?i:(?:actually|really|just)\s+)?(?i:(?:i'?m|im|i am|it'?s|its|me)[,:]?\s+)?"
    rf"(?P<name>{NAME_WORD}(?:\s+{NAME_WORD})*)(?![\w'])"
)
# "Daniel Frost is the resident": the resident named before their role.
NAMED_RESIDENT = re.compile(
    rf"(?P<name>(?:(?:Mrs|Mr|Ms|Miss|Dr|Mx)\.?\s+)?{NAME_WORD}(?:\s+{NAME_WORD})+)\s+"
    r"(?i:is|'s)\s+(?i:the\s+|my\s+|our\s+)?(?i:resident|tenant|client)\b"
)
# Words about the name that are not one: "the name is wrong".
ABOUT_THE_NAME = {"is", "wrong", "right", "incorrect", "misspelt", "misspelled", "spelt", "spelled"}
# "her surname is Pritchard-Evans" is the resident's too (round 13 r13a-01 changed the helper's).
OTHERS_NAME = re.compile(
    r"\b(?:her|his|their|resident'?s|tenant'?s|mum'?s|dad'?s|T'?s) "
    r"(?:sur|first |last |full |family |second |middle )?name\b"
)


def corrected_name(after_name: str, old_name: str | None) -> str | None:
    """The new name a correction gives; a first name alone ("it's spelled Aisha") keeps the old
    surname."""
    match = NAME_CORRECTION.search(after_name)
    said_plainly = re.match(r"^\s*(?:is|:|=|should be|'s)\s", after_name, re.IGNORECASE)
    # A name typed in lower case counts only straight after "name is" or "name:".
    name = (
        match.group(1).rstrip(".")
        if match
        else (name_in(after_name[said_plainly.end() :]) if said_plainly else None)
    )
    if not name or name.split()[0] in NOT_NAMES or ABOUT_THE_NAME & set(name.lower().split()):
        return None
    old_words = (old_name or "").split()
    if len(name.split()) == 1 and len(old_words) >= 2:
        return " ".join([name, *old_words[1:]])
    return name
