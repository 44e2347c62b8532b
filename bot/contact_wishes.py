"""Contact wishes beside the main contact, for someone helping a resident: a copy to someone
else ("copy the councillor in at cllr.hart@..."), their own reference to quote ("our reference
DH/KAM/0412"), and the resident's own way and time ("text Leanne on 07700 900288, not before
2pm"). Held with the contact details after "; also " (bot.definition.ALSO) and read back in
plain words: "We will also text Leanne Price on 07700 900288, not before 2pm." Round 17 r17a-06,
r17a-08 and r17a-13 could not have these held, and corrections put them in the wrong place."""

from __future__ import annotations

import re

from bot.definition import (
    ALSO,
    contact_details_in,
    contact_time_in,
    email_in,
    held_details,
    phone_in,
    preference_beside_details,
)

# "copy the councillor in", "cc cllr.hart@...", "is only to be copied in", "copying in".
COPY_WORDS = re.compile(
    r"\b(?:cc|cc'?d|copy|copied|copying|copies)\b|\bin copy\b|\bsend (?:a )?copy\b", re.IGNORECASE
)
# Who is copied in, named without an email: "copy the councillor in", "copying in Cllr Hart".
COPIED_PERSON = re.compile(
    r"\b(?:copy|copying|cc)\s+(?:in\s+)?(?P<who>(?:the|our|my|your)\s+(?:councillor|mp|"
    r"advocate|manager|solicitor|caseworker|support worker|social worker)|Cllr\.? [A-Z][a-z]+"
    r"(?: [A-Z][a-z]+)?)",
    re.IGNORECASE,
)
# "our reference DH/KAM/0412", "quoting our ref: HC-2231", "please quote reference AB/123".
# A reference said to be the writer's firm's own, or to be quoted; "my ref R-40017" may be a job.
REFERENCE = re.compile(
    r"\b(?:(?:our|the firm'?s|their)\s+(?:own\s+)?(?:ref(?:erence)?|file)"
    r"|quot(?:e|ing)\s+(?:(?:our|the|this|their)\s+)?(?:ref(?:erence)?)?)"
    r"(?:\s+(?:no\.?|number))?\s*(?:is\s*)?[:.]?\s*"
    r"(?P<ref>(?=[\w/-]*\d)[A-Z0-9]+(?:\s?[/-]\s?[A-Z0-9]+)+|[A-Z]{1,4}\d{3,}|\d{3,})",
    re.IGNORECASE,
)
# Our own complaint references are not another firm's.
OUR_REFERENCE = re.compile(r"^CMP-", re.IGNORECASE)
# "Do not add our reference anywhere else": no wish.
NOT_TO_ADD = re.compile(
    r"\b(?:do not|don'?t|dont|no need to|never)\s+(?:add|put|include|quote|copy|cc)\b", re.I
)
# "not me", "not mine", "not for me": said of the helper, about the resident.
NOT_ME = re.compile(r",?\s*\bnot (?:for )?(?:me|mine|my \w+)\b", re.IGNORECASE)
CLAUSES = re.compile(r"\s*;\s*|,?\s+(?:and|or)\s+(?!then\b)|\.\s+")
TITLES = {"mr", "mrs", "ms", "miss", "dr", "mx", "cllr"}
# The verb each way of contact is read back with.
VERBS = {"text": "text", "phone": "ring", "email": "email", "letter": "write to"}
WISH_TO_RESIDENT = re.compile(
    r"^(?P<verb>text|ring|email|write to|contact) (?P<name>.+?)"
    r"(?: (?:on|at) (?P<details>[^,]+))?(?:, (?P<time>.+))?$"
)
# "not-before-2pm": the time in words.
HYPHENS = re.compile(r"(?<=\w)-(?=\w)")


def wishes(details: str) -> list[str]:
    return held_details(details)[1:]


def with_wish(details: str, wish: str, replacing: str | None = None) -> str:
    """The details with one more wish, or the wish that begins like `replacing` changed."""
    main, *held = held_details(details)
    kept = [w for w in held if w != wish and (replacing is None or w != replacing)]
    return ALSO.join([main, *kept, wish])


def copy_wish(said: str) -> str | None:
    """ "please copy cllr.hart@council.example into emails": copy our emails to them."""
    if not COPY_WORDS.search(said) or NOT_TO_ADD.search(said):
        return None
    email = email_in(said)
    if email is not None:
        return f"copy our emails to {email}"
    person = COPIED_PERSON.search(said)
    return f"copy in {person.group('who')}" if person is not None else None


def reference_wish(said: str) -> str | None:
    """ "please record our reference DH/KAM/0412": quote it when we write."""
    found = REFERENCE.search(said)
    if found is None or NOT_TO_ADD.search(said) or OUR_REFERENCE.match(found.group("ref")):
        return None
    return f"quote your reference {found.group('ref').upper()}"


def names_of(resident: str) -> set[str]:
    """The words a resident may be called by: "Leanne", "Price" of "Ms Leanne Price"."""
    name = resident.split(",")[0]
    return {w.lower() for w in re.findall(r"[A-Za-z'-]{2,}", name) if w.lower() not in TITLES}


def about_the_resident(clause: str, resident: str) -> bool:
    """Whether a clause is about the resident's own contact: named, or "her mobile"."""
    lowered = clause.lower()
    named = any(re.search(rf"\b{re.escape(n)}\b", lowered) for n in names_of(resident))
    return named or bool(
        re.search(
            r"\b(?:her|his|their|the (?:resident|tenant|client)'?s?|t'?s)\s+(?:own\s+)?"
            r"(?:mobile|number|phone|email|landline)\b",
            lowered,
        )
    )


def resident_wish(held: str | None, clause: str, resident: str) -> str | None:
    """The wish for the resident's own contact, with what this clause adds to the one held."""
    name = resident.split(",")[0].strip()
    verb, details, time = "contact", None, None
    old = WISH_TO_RESIDENT.match(held) if held else None
    if old is not None:
        verb, details, time = old.group("verb"), old.group("details"), old.group("time")
    said = HYPHENS.sub(" ", NOT_ME.sub("", clause))
    new_details = contact_details_in(said)
    # "her mobile ..., text her on it": the way asked for, not the word for the number.
    way = preference_beside_details(said, last=True)
    when = contact_time_in(said)
    if new_details is None and way is None and when is None:
        return None
    if way is not None:
        verb = VERBS.get(way.split(",")[0].split(" ")[0], verb)
    details = new_details or details
    time = when or time
    wish = f"{verb} {name}"
    if details:
        wish += f" on {details}"
    return f"{wish}, {time}" if time else wish


def resident_wish_held(details: str, resident: str) -> str | None:
    name = resident.split(",")[0].strip()
    return next((w for w in wishes(details) if name and f" {name}" in f" {w}"), None)


def without_detail(details: str, detail: str) -> str:
    """The main contact details without one the resident's wish now holds."""
    main, *held = held_details(details)
    kept = [d.strip() for d in main.split(",") if d.strip() and d.strip() != detail]
    return ALSO.join([", ".join(kept) or main, *held])


def phone_or_email(text: str) -> str | None:
    return phone_in(text) or email_in(text)


def split_contact(text: str, resident: str) -> tuple[str, str | None, list[str]] | None:
    """A helper's answer that gives their own contact and the resident's, each with its way and
    time ("contact me, Sam, by email on sam@..., and Leanne by text on 07700 900288 but not
    before 2pm"): the helper's details and way, and the wish for the resident. None when the
    answer says nothing of the resident's own contact (round 17 r17a-06 t4 read it back as
    "Sam Reid by email, not before 2pm (sam@..., 07700 900288)")."""
    own: list[str] = []
    way: str | None = None
    wish: str | None = None
    for clause in (c for c in CLAUSES.split(text) if c.strip()):
        if about_the_resident(clause, resident):
            wish = resident_wish(wish, clause, resident) or wish
            continue
        details = contact_details_in(clause)
        if details:
            own.append(details)
        way = way or (preference_beside_details(clause) if details or way is None else None)
    if wish is None or not own:
        return None
    return ", ".join(own), way, [wish]
