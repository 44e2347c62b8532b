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
    NAME_WORD,
    contact_details_in,
    contact_time_in,
    email_in,
    held_details,
    phone_in,
    preference_beside_details,
    ways_said,
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


# "no letters", "dont post anything", "dont send anything to the flat", said at any question
# (round 23; round 22 r22a-05 t5: "dont send letters, he still has a key to the post box" was
# never recorded): kept as a wish beside the contact details and read back.
NO_POST_WISH = "not send letters or anything by post to your home"
NOT_SENT_TO_THE_HOME = re.compile(
    r"\b(?:dont|don'?t|do not|never|nothing)\s+(?:(?:send|post|sent)\s+)?(?:(?:any\s*thing|"
    r"stuff|it|them)\s+)?(?:to|at)\s+(?:the|my|our|her|his|their|this)\s+(?:flat|house|home|"
    r"address|door)\b"
    r"|\bnothing\s+(?:by|in the|through the)\s+(?:post|letter ?box|door)\b",
    re.IGNORECASE,
)
# "I never got any letters", "you didnt write back": letters not received, no wish.
NOT_RECEIVED = re.compile(
    r"\b(?:got|get|gotten|had|received|receive|receiving|getting|seen|sent|arrived|came|come|"
    r"back|replied|reply|respond|responded|answered)\b",
    re.IGNORECASE,
)
POST_CLAUSES = re.compile(r"[.;!?\n]+|,\s*(?:but|and|so)\s+")


def no_post_wished(text: str) -> bool:
    """Whether a message asks that nothing be sent by post to the home."""
    for clause in POST_CLAUSES.split(text):
        if NOT_SENT_TO_THE_HOME.search(clause):
            return True
        if "letter" in ways_said(clause).ruled_out and not NOT_RECEIVED.search(clause):
            return True
    return False


def letter_wished(text: str) -> bool:
    """Whether a message asks for a letter, with no letter ruled out: "I want a letter to my
    home AND email", "letter please". A later one takes back a "no letters" said before."""
    found = ways_said(text)
    return "letter" not in found.ruled_out and any(way == "letter" for _, way in found.mentions)


def no_post_standing(said: list[str]) -> bool | None:
    """Whether the last message about post says nothing is to be posted (True), or asks for a
    letter after that (False; round 26 r26b-05 t11: "I want a letter to my home AND email.
    Before you say no letters, this is wrong" kept "We will not send letters"); None when no
    message said either."""
    standing: bool | None = None
    for text in said:
        if no_post_wished(text):
            standing = True
        elif standing and letter_wished(text):
            standing = False
    return standing


def with_no_post(details: str, said: list[str]) -> str:
    """The contact details with the wish that nothing is posted, when a message said so and no
    later one asked for a letter; without it, when a later one did."""
    standing = no_post_standing(said)
    if not details or standing is None:
        return details
    held = NO_POST_WISH in wishes(details)
    if standing is False and held:
        main, *kept = held_details(details)
        return ALSO.join([main, *(w for w in kept if w != NO_POST_WISH)])
    if standing is False or held:
        return details
    return with_wish(details, NO_POST_WISH)


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


# An email address, whose words are no one named.
EMAIL_WORDS = re.compile(r"\S+@\S+")


def about_the_resident(clause: str, resident: str) -> bool:
    """Whether a clause is about the resident's own contact: named, or "her mobile", "mum's
    email" (the email's own words name no one: round 19's "mum's email is fatima.rahman@..."
    is told by "mum's", not by the address)."""
    # "gary.whitlock@example.co.uk" is the helper's email, not the resident Margaret Whitlock's
    # (round 24 r24b-03 t13 read it back as "We will also contact Margaret Whitlock on ...").
    lowered = EMAIL_WORDS.sub(" ", clause).lower()
    named = any(re.search(rf"\b{re.escape(n)}\b", lowered) for n in names_of(resident))
    return named or bool(
        re.search(
            r"\b(?:her|his|their|the (?:resident|tenant|client)'?s?|t'?s|(?:my\s+)?"
            r"(?:mum|mom|mam|mother|dad|father|nan|nana|gran|granny|grandma|grandad|grandpa|"
            r"husband|wife|partner|son|daughter|brother|sister|aunt|auntie|uncle)'?s)\s+(?:own\s+)?"
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


# Someone of the resident's named by how they are related, with their own details: "copy in Mrs
# Lowe's daughter Karen on karen.lowe@...", "her son Tom on 07700 ..." (round 23; round 22
# r22b-03 t9 read the daughter's email back as "We will also contact Mrs Edna Lowe on ...").
RELATIONS = (
    r"(?:daughter|son|husband|wife|partner|carer|sister|brother|niece|nephew|grandson|"
    r"granddaughter|grandchild|friend|neighbour|support worker|social worker|key worker)"
)
THEIR_RELATIVE = re.compile(
    rf"(?:(?P<owner>(?:(?:Mrs|Mr|Ms|Miss|Dr)\.?\s+)?{NAME_WORD}(?:\s+{NAME_WORD})?)(?:'s|\u2019s)"
    r"|\b(?P<pronoun>(?i:her|his|their|mums|mum's|dads|dad's)))\s+(?P<relation>(?i:"
    + RELATIONS
    + rf"))\b(?:,?\s+(?P<name>{NAME_WORD}(?:\s+{NAME_WORD})?))?"
)


def their_relative(clause: str, resident: str) -> tuple[str, int] | None:
    """Who the details after it belong to when a clause names someone related to the resident
    ("Karen, Mrs Lowe's daughter", "her son"), and where they are named."""
    found = THEIR_RELATIVE.search(clause)
    if found is None:
        return None
    owner = found.group("owner") or resident.split(",")[0].strip()
    relation = found.group("relation").lower()
    if found.group("pronoun") and found.group("pronoun").lower().startswith(("mum", "dad")):
        owner = found.group("pronoun").lower().replace("'", "").removesuffix("s") + "'s"
        whose = f"{owner} {relation}"
    else:
        whose = f"{owner}'s {relation}"
    name = found.group("name")
    return (f"{name}, {whose}," if name else whose), found.start()


def relative_wish(clause: str, who: str, copied: bool) -> str | None:
    """The wish to reach someone of the resident's on their own details, said as theirs."""
    details = contact_details_in(clause)
    if details is None:
        return None
    if copied and email_in(clause):
        return f"copy our emails to {who} at {details}"
    return f"contact {who} on {details}"


def split_contact(text: str, resident: str) -> tuple[str, str | None, list[str]] | None:
    """A helper's answer that gives their own contact and the resident's, each with its way and
    time ("contact me, Sam, by email on sam@..., and Leanne by text on 07700 900288 but not
    before 2pm"): the helper's details and way, and the wish for the resident. None when the
    answer says nothing of the resident's own contact (round 17 r17a-06 t4 read it back as
    "Sam Reid by email, not before 2pm (sam@..., 07700 900288)")."""
    own: list[str] = []
    way: str | None = None
    wish: str | None = None
    relatives: list[str] = []
    for clause in (c for c in CLAUSES.split(text) if c.strip()):
        relative = their_relative(clause, resident)
        told = (
            relative_wish(clause[relative[1] :], relative[0], bool(COPY_WORDS.search(clause)))
            if relative
            else None
        )
        if relative is not None and told is not None:
            relatives.append(told)
            # "my email is ..., please cc Edna's granddaughter Amy at ...": the writer's own
            # details before the relative are still theirs.
            clause = clause[: relative[1]]
            if contact_details_in(clause) is None:
                continue
        if about_the_resident(clause, resident):
            wish = resident_wish(wish, clause, resident) or wish
            continue
        details = contact_details_in(clause)
        if details:
            own.append(details)
        way = way or (preference_beside_details(clause) if details or way is None else None)
    if (wish is None and not relatives) or not own:
        return None
    return ", ".join(own), way, [*([wish] if wish else []), *relatives]
