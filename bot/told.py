"""What a message has already told the complaint form, so it is not asked again: the outcome
wanted ("wants it fixed + compensation"), that the writer is the resident ("I am the tenant"),
and a name given beside other answers ("im Chloe Martin, his daughter", "yeah email me,
x@example.com. im Gary"). Pure functions over the resident's words."""

from __future__ import annotations

import re
from collections.abc import Iterable

from bot.definition import (
    ADDRESS_ANY_CASE,
    DETAIL_LABELS,
    EMAIL_IN_TEXT,
    NAME_WORD,
    NOT_A_NAME,
    NOT_IN_NAMES,
    NOT_NAMES,
    a_place_not_a_name,
    address_in_an_answer,
    consent_told,
    contact_details_in,
    introduced_name,
    is_organisation,
    name_in,
    phone_matches,
    postal_address_in,
    way_insisted,
    ways_said,
    without_contact_details,
    written_names,
)
from bot.text import capitalised, sentences_clear_of, words

# "wants it fixed + compensation", "I'd like the roof fixed properly and an apology": what they
# want, said with what went wrong or with another answer.
OUTCOME = re.compile(
    r"\b(?:wants?|wanting|would like|\w+'d like|id like|looking for|asking for|expects?|"
    r"hoping for)\s+",
    re.IGNORECASE,
)
SENTENCE_END = re.compile(r"[.?!\n]|$")
# Words that make what they want an outcome, not "I want to complain" or "want a person".
OUTCOME_WORDS = re.compile(
    r"\b(?:fix|fixed|fixing|repair|repaired|replaced|replace|sorted|put right|done properly|"
    r"properly|compensation|compensated|apology|apologise|apologize|sorry|refund|explanation|"
    # "cust wants comp", "comp for 3 lost days pay + service booked on a sat": a call handler's
    # shorthand for compensation (round 26 r26b-03 t1, t5 were asked for the outcome again).
    r"comp(?=\s+(?:for|of|and|plus)\b|\s*(?:[+&,.;!]|$))|"
    r"money back|reimburs\w*|treated|cleared|removed|sort|sort out|pay for|make good|"
    # "I want the hole blocked, the pest control finished, and someone to call me back" (round
    # 19 r19b-10 t5 was asked for the outcome again).
    # "she wants a call back" alone is how to reach her, not an outcome.
    r"blocked|sealed|finished|completed|(?:call|ring) (?:me|us|her|him|them) back|call ?backs|"
    # "Get the lift working" (round 15 r15a-07 t4 was asked for the outcome again).
    r"(?:get|make|have)\s+(?:it|them|the\s+\w+|my\s+\w+)\s+(?:working|going)(?:\s+again)?)\b",
    re.IGNORECASE,
)
# "I'd like to raise a complaint about how a roof repair was handled" asks for the complaint;
# it is not what would put it right (round 19 r19b-06 t7 read it back as the outcome).
NOT_AN_OUTCOME = re.compile(
    r"^(?:to\s+)?(?:(?:make|raise|lodge|log|file|put in|submit|register)\s+)?(?:a\s+)?"
    r"(?:formal\s+)?complain",
    re.I,
)


# "formal complaint + compensation", "a complaint and an apology": the complaint asked for
# beside what would put it right.
COMPLAINT_AND = re.compile(
    r"^(?:to\s+)?(?:(?:make|raise|lodge|log|file|put in|submit|register)\s+)?(?:a\s+)?"
    r"(?:formal\s+)?complaint\s*(?:\+|&|,|\band\b|\bplus\b|"
    r"\bas well as\b|\balso\b)+\s*",
    re.IGNORECASE,
)


# A stop that ends no sentence: "from Oct. to Dec.", "e.g. a new tap", "it leaks... and drips".
ABBREVIATED = re.compile(
    r"(?:\b(?:jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec|e\.g|i\.e|etc|approx|no|st|mr|mrs|"
    r"ms|dr|ref)|\.\.?)$",
    re.IGNORECASE,
)
# A sentence that adds to what they want: "Also compensation for ...", "And an apology",
# "plus the money back", "I also want ...".
MORE_WANTED = re.compile(
    r"^\W*(?:(?:and|also|plus|as well|oh and)\b|[&+]|(?:i|we)\s+(?:also\s+)?(?:want|would like|"
    r"need|expect)\b|(?:i'd|id|we'd)\s+(?:also\s+)?like\b)",
    re.IGNORECASE,
)


def sentence_end(text: str, start: int) -> int:
    """Where the sentence going on at `start` ends, read past stops that end none."""
    at = start
    while (stop := SENTENCE_END.search(text, at)) is not None and stop.group() == ".":
        after = text[stop.end() :]
        goes_on = (after[:1] != "" and not after[:1].isspace()) or (
            ABBREVIATED.search(text[: stop.start()]) is not None
            and re.match(r"\s+[a-z0-9£(]", after) is not None
        )
        if not goes_on:
            return stop.start()
        at = stop.end()
    return stop.start() if stop is not None else len(text)


def wanted_to_the_end(text: str, start: int) -> int:
    """Where what they want, told from `start`, ends: at the end of its sentence, or of a
    sentence after it that adds to it. Round 24 r24b-03 t13 and r24a-05 t7: a long answer was
    cut at a stop inside it ("... a refund as the bedroom was unusable from Oct")."""
    end = sentence_end(text, start)
    while True:
        rest = text[end:].lstrip(" .?!\n")
        begins = len(text) - len(rest)
        if not rest or not MORE_WANTED.match(rest):
            return end
        more = sentence_end(text, begins)
        if not OUTCOME_WORDS.search(text[begins:more]):
            return end
        end = more


def outcome_told(text: str) -> str | None:
    """What would put it right, when a message says so ("T wants it fixed + compensation for
    missed day off work"), in the resident's words from "wants" on; the complaint asked for
    beside it is not part of it ("Wants formal complaint + compensation for lost wages")."""
    for match in OUTCOME.finditer(text):
        # Each "wants" is read to the end of its sentence: "I want to make a complaint, we'd
        # like the lock replaced" has its outcome after the second.
        what = text[match.end() : sentence_end(text, match.end())]
        if not OUTCOME_WORDS.search(what):
            continue
        if not NOT_AN_OUTCOME.match(what.strip(" ,;-")):
            # The whole of what they want, never a sentence cut at a stop inside it.
            return text[match.start() : wanted_to_the_end(text, match.end())].strip(" ,;-")
        besides = COMPLAINT_AND.match(what.strip(" ,;-"))
        if besides is not None:
            rest = what.strip(" ,;-")[besides.end() :].strip(" ,;-")
            if OUTCOME_WORDS.search(rest):
                return rest
    return None


def without_outcome(text: str) -> str:
    """An answer with the sentence that says what they want taken out: "the roof repair in
    September. I'd like the roof fixed properly" answers the earlier job with the first part."""
    kept = [
        sentence
        for sentence in re.split(r"(?<=[.!?\n])\s+", text.strip())
        if outcome_told(sentence) is None
    ]
    return " ".join(kept).strip()


# "im Sandra her daughter", "this is Tom, his carer": the writer naming themself.
SIGNED_WITH_ROLE = re.compile(
    r"^\s*(?:and\s+)?(?i:i'?m|im|i am|this is|it'?s)\s+[A-Z][a-z'-]+(?:\s+[A-Z][a-z'-]+)?\s*,?\s+"
    r"(?i:her|his|their|the)\s+\w+(?:\s+\w+)?[\s.!]*$"
)


def outcome_without_contact(text: str) -> str:
    """What would put it right without the clauses that say how to contact them, give details
    or a name: "fix the leak obviously ... also please dont ring her she cant hear it, text only
    to my mobile 07700 900881, im Sandra her daughter" read all of it back as what they would
    like (round 16 r16b-01 t5). The form keeps those in their own places. The words as they
    came when nothing else is left."""
    kept = []
    for sentence in re.split(r"(?<=[.!?\n])\s+", text.strip()):
        clauses = [c for c in re.split(r"(?<=,)\s+|\s+(?=also\b)", sentence) if c.strip()]
        for clause in clauses:
            said = ways_said(clause)
            about_contact = (
                contact_details_in(clause) is not None
                or introduced_name(clause) is not None
                or own_name_in(clause) is not None
                or SIGNED_WITH_ROLE.match(clause) is not None
                or bool(said.ruled_out)
                or way_insisted(clause) is not None
            )
            if not about_contact or OUTCOME_WORDS.search(clause):
                kept.append(clause)
    left = " ".join(kept).strip(" ,")
    return left if OUTCOME_WORDS.search(left) else text


# A report already made, told with the complaint: "he reported it twice", "We complained on
# phone in September", "rang 3 times since august", "called you on Monday" (not "I want to
# report", nor "never reported it").
REPORTED_ALREADY = re.compile(
    r"\b(?:reported|rang|rung|phoned|complained|emailed|chased|contacted (?:you|u|the)"
    r"|called (?:you|u|the|them|about|in|on|last|twice|again|\d))\b"
    # "only phone for repair 4 time", "she told u 3 times already", "3rd call" (round 14
    # r14c-16, r14c-03, r14d-16 were asked whether it was reported before).
    r"|\b(?:phone|ring|call|told (?:you|u|them|yous|ya))\b(?!\s+me\b)[^,.;!?]{0,30}?"
    r"\b(?:\d+|two|three|four|five|six|several|many|so many)\s+times?\b"
    r"|\b(?:\d+(?:st|nd|rd|th)|second|third|fourth|fifth)\s+(?:call|time (?:calling|ringing))\b"
    # "I call 2 weeks ago nobody come", "we report last month" (ESL, round 16 r16a-07 t3 was
    # asked whether it was reported before).
    r"|\b(?:i|we|she|he|they|my (?:husband|wife|son|daughter|mum|dad))\s+(?:call|phone|ring|"
    r"report|tell|email)\b(?:\s+(?:you|u|them|it|this))?[^,.;!?]{0,25}?\b(?:ago|last (?:week|"
    r"month|year|time)|yesterday|before)\b",
    re.IGNORECASE,
)
NOT_REPORTED = re.compile(
    r"\b(?:never|not|haven'?t|havent|hadn'?t|hadnt|didn'?t|didnt)\b[^,.;!?]*"
    r"\b(?:reported|rang|phoned|complained|emailed|chased|contacted|called)\b"
    # "nobody called me back"; and a call handler's "caller rang:" is this call, not an earlier one.
    r"|\b(?:no one|nobody|noone|caller|cust|customer)\s+(?:has\s+|had\s+|ever\s+)?"
    r"(?:rang|phoned|called|contacted)\b"
    # "my mum (Edna Price, 79) rang me": a call to the writer, not a report to us (round 16
    # r16a-12 t12 read back "reported before: 79) rang me").
    r"|\b(?:rang|rung|phoned|called|call|ring|phone)\s+me\b",
    re.IGNORECASE,
)


# Who said it before, ahead of the protest: "I've told you", "we already said".
PROTEST_SUBJECT = re.compile(r"^\s*(?:(?:i'?ve|ive|i have|i|we'?ve|we have|we)\s+)?", re.IGNORECASE)
# What is left of the protest after its words: "all that", "-", ":".
PROTEST_TAIL = re.compile(
    r"^\s*(?:(?:all )?(?:that|this|it|them)\b)?\s*(?:already|before)?\s*[-:;,.!]*\s*", re.IGNORECASE
)


def without_protest(text: str) -> str:
    """An answer without the protest it opens with: "I told you - no phone calls, because of
    her anxiety" keeps "no phone calls, because of her anxiety" (round 16 r16b-06 t10, r16b-14
    t8 and r16a-12 t12 read the protest back as what would help). The words as they came when
    the protest is all there is."""
    rest = text[PROTEST_SUBJECT.match(text).end() :]  # type: ignore[union-attr]
    found = ALREADY_TOLD.match(rest)
    if found is None:
        return text
    tail = rest[found.end() :]
    tail = tail[PROTEST_TAIL.match(tail).end() :].strip()  # type: ignore[union-attr]
    return tail if len(tail.split()) >= 2 else text


def earlier_report_told(text: str) -> str | None:
    """The words that tell of a report already made, when a message says so ("the window won't
    close since October, he reported it twice" gives "he reported it twice"): the earlier-job
    question is then not asked."""
    for clause in re.split(r"[,;!?\n]+|\.(?:\s+|$)", text):
        clause = clause.strip(" -:")
        if REPORTED_ALREADY.search(clause) and not NOT_REPORTED.search(clause):
            return clause[:200]
    return None


# "I am the tenant", "I'm the resident", "it's me, I'm the tenant": the writer is the resident.
IS_THE_RESIDENT = re.compile(
    r"\b(?:i am|i'm|im)\s+(?:the\s+)?(?:tenant|resident|leaseholder|householder)\b(?!['\u2019]s)"
    # "its just me", "it's only me" (round 24, second read of note 24).
    r"|\bit'?s\s+(?:for\s+)?(?:just\s+|only\s+)?me\b(?!\s+and)|\bmy own (?:flat|home|house)\b"
    # "I am Shirin Begum the tenant" (round 18 r18a-15 t8 was asked "are you the resident").
    r"|\b(?:i am|i'm|im)\s+(?-i:[A-Z][a-z'-]+(?:\s+[A-Z][a-z'-]+){0,2}),?\s+(?:the\s+)?"
    r"(?:tenant|resident|leaseholder)\b(?!['\u2019]s)"
    # "me. Lee Harding flat 8", "me, Shannon Kelly 8 Ash Grove" (round 12 r12a-14, r12d-12).
    r"|^\s*me\s*[.,!-]"
    # "im his mum its my tenancy", "no im the tenant lol its my flat", "im not acting for
    # anyone" (round 12 r12d-02 was taken for a helper three times).
    r"|\b(?:it'?s|its|it is)\s+my\s+(?:tenancy|flat|house|home|property|lease)\b"
    r"|\b(?:the )?tenancy(?: is)? in my name\b|\bmy name is on the tenancy\b"
    r"|\b(?:i'?m|im|i am)\s+not\s+(?:acting|helping|writing|complaining)\s+for\s+anyone\b"
    # "I'd like the complaint to be from me, as a resident", "A few neighbours feel the same but
    # I'm just doing it for myself", "I'm not helping anyone, it's my own complaint!" (round 15
    # r15a-07 t5, r15a-13 t6 were asked, or taken for helpers).
    r"|\bfrom me,?\s+as\s+(?:a|the)\s+(?:resident|tenant)\b|\bin my own name\b(?!\s*\?)"
    r"|\b(?:doing|making|writing|complaining|raising|asking|it'?s|its|it is)\s+"
    r"(?:it\s+|this\s+|the complaint\s+)?(?:just\s+)?for\s+myself\b|\bmy own complaint\b"
    r"|\b(?:i'?m|im|i am)\s+not\s+helping\s+(?:anyone|anybody)\b",
    re.IGNORECASE,
)


# Sentences about the conversation, not the problem: "can we carry on where we were", "nobody
# is in danger", "Formal complaint please", "Right I've had a cup of tea. Let's do it."
ABOUT_THE_CONVERSATION = re.compile(
    r"^(?:(?:ok|okay|right|yes|yeah|no|so|and|but|anyway|sorry)\s+)*(?:"
    r"(?:no ?(?:body|one)|no one)(?: is| s|s)?(?: in)?(?: any| immediate)? danger"
    r"(?: now| right now)?(?: no)?"
    # "Why are you asking if anyone is in danger? Nobody is." (round 25 r25b-06 t10 read back
    # "Nobody is" as what went wrong).
    r"|(?:no ?(?:body|one)|no one)(?: is| s|s)?(?: here| at risk| hurt)?"
    # "no ref, not a complaint yet." said to the reference question (round 25 r25b-05 t2).
    r"|(?:no|dont have a|don'?t have a|havent got a|haven'?t got a) ref(?:erence)?"
    r"(?: number| no)?(?: not a complaint(?: yet)?)?|not a complaint yet"
    r"|(?:can|could) we (?:carry on|continue|finish|go on|get on)(?: with it| with this)?"
    r"(?: where we (?:were|left off))?(?: now| please| pls)?(?: wtf)?"
    r"|let'?s (?:do it|do this|carry on|continue|go|finish it|get on with it)(?: then| now)?"
    r"|(?:i )?(?:said |want |wanted |would like |d like )?(?:to make )?(?:a )?formal complaint"
    r"(?: please| pls)?"
    # "I want it logged formally, as I've said in the email": the choice, told again (round 25
    # r25b-06 t10 read it back as what went wrong).
    r"|(?:(?:i|we|he|she|they) )?(?:want|wants|would like|d like|need|needs)"
    r"(?: (?:it|this|that|my complaint|the complaint|a complaint))?"
    r"(?: to be)? (?:logged|made|raised|put in|recorded|treated|taken|done|dealt with)"
    r"(?: as)?(?: a)? (?:formal(?:ly)?|properly|official(?:ly)?)(?: complaint)?"
    r"(?:,? as (?:i|we)(?:'ve| have|ve)? (?:said|asked|written|put)"
    r"(?: (?:in|before|already|in (?:the|my|our) (?:email|letter|message)))*)?"
    r"(?: (?:please|pls|this time|now))*"
    r"|(?:i'?ve|i have|ive) had (?:a|my) (?:cup of )?(?:tea|coffee|break)|i'?m back|im back"
    r"|the '?no'? was about [\w' ]+"
    r"|(?:she|he|they|i|we|mum|dad)(?:'s|'ve| has| have|s|ve)? changed (?:her|his|their|my|our) "
    r"mind(?: again)?(?: lol)?"
    r")$"
)


# A sentence to or about the assistant itself: "Why are you giving me domestic abuse numbers??",
# "You did not answer my question about where the response goes", "u didnt say do i need to be
# home??" (round 18 r18a-08 t8, r18a-09 t8, r18a-01 t9 read them back as the complaint).
ABOUT_THE_ASSISTANT = re.compile(
    r"\b(?:why (?:are|r|did|do|have|would) (?:you|u|ya) (?:\w+ )?(?:giving|sending|sent|gave|given"
    r"|send|give|showing|show|telling|tell|asking|ask)\b"
    r"|(?:i )?(?:don'?t|dont|do not) (?:know|understand|get) why (?:you|u)\b"
    r"|(?:you|u|ya) (?:still )?(?:did ?n'?t|did not|have ?n'?t|have not|never|still have ?n'?t)"
    r" (?:answer|answered|say|said|tell|told|reply|replied)\b"
    r"|stop (?:sending|giving|showing) me\b)"
)
# A sentence that only greets or only says they want to complain: "Good afternoon.", "salam.",
# "and complain? i want make complain" (round 18 r18a-15 t10, r18a-03 t10).
GREETING_OR_ASKING_TO_COMPLAIN = re.compile(
    r"^(?:(?:hi+|hiya|hello|hey|salam|salaam|good (?:morning|afternoon|evening)|dear sir(?: or "
    r"madam)?|dear \w+)(?: there| all)?"
    r"|(?:(?:and|so|also|please|pls) )*(?:(?:i|we|she|he|they) )?(?:want|wanna|would like|d like"
    r"|need|wish)(?: to)? (?:make |making |do |put in |log )?(?:a |my |the )?(?:formal )?"
    r"complai(?:n|nt|ns|nts))$"
)


# Praise for someone who works for us, told beside a complaint: "the plumber last week was
# lovely but ...", "First I want to say the caretaker, Dave, does a brilliant job ...", "credit
# to the lady on the phone" (round 24 r24b-02 t1 was never thanked, and the praise was read back
# as what went wrong).
STAFF_WORDS = (
    r"(?:plumber|engineer|electrician|operative|contractor|caretaker|cleaner|officer|staff|team|"
    r"lady|man|guy|woman|worker|workman|workmen|fitter|surveyor|inspector|joiner|carpenter|"
    r"roofer|decorator|gardener|manager|advisor|adviser|call handler|receptionist|lads|guys|"
    r"girl|bloke|chap|he|she|they)"
)
PRAISE_WORDS = (
    r"(?:lovely|brilliant|great|helpful|polite|friendly|fantastic|excellent|amazing|kind|"
    r"professional|nice|good|a star|a credit|spot on|very good|really good|superb|wonderful|"
    r"fab|fabulous|first class|outstanding|respectful|a gem)"
)
PRAISE = re.compile(
    rf"\b{STAFF_WORDS}\b[^.!?;]{{0,60}}?\b(?:was|were|is|are|has been|have been|'s|s)\s+"
    rf"(?:so\s+|really\s+|very\s+|absolutely\s+|just\s+|always\s+|ever so\s+)*"
    rf"{PRAISE_WORDS}\b"
    rf"|\b{STAFF_WORDS}\b[^.!?;]{{0,60}}?\b(?:did|does|do|done|doing)\s+(?:a|an|such a|a really"
    rf"|a very)\s+(?:\w+\s+)?(?:brilliant|great|good|fantastic|excellent|amazing|lovely|"
    rf"superb|wonderful|fab|first class|outstanding|proper)\s+job\b"
    r"|\b(?:credit to|shout ?out to|(?:say |a )?(?:big )?(?:thank you|thanks) to)\s+(?:the|your|"
    r"our|my|[A-Z])",
    re.IGNORECASE,
)
# "wasn't lovely", "not very helpful", "no good": no praise.
NOT_PRAISE = re.compile(
    r"\b(?:not|never|wasn'?t|weren'?t|isn'?t|aren'?t|hasn'?t|haven'?t|no|didn'?t|doesn'?t|"
    r"nothing)\b|\?",
    re.IGNORECASE,
)
# Where praise and a complaint meet in one sentence: "... was lovely but the tap ...".
CONTRAST = re.compile(r"[,;]?\s*\b(?:but|however|although|though|yet|except)\b[,\s]*", re.I)
# The word that sets a complaint against praise said before it: "However I have just ...".
CONTRAST_OPENER = re.compile(r"^(?:but|however|although|though|yet|that said|anyway)\b[,\s]*", re.I)


def is_praise(words_said: str) -> bool:
    """Whether words praise someone who works for us, and say nothing against them."""
    return PRAISE.search(words_said) is not None and NOT_PRAISE.search(words_said) is None


def praise_told(text: str) -> bool:
    """Whether a message praises someone who works for us, as a sentence or a clause of one."""
    return any(
        is_praise(clause)
        for sentence in SENTENCE_BREAK.split(text.strip())
        if sentence
        for clause in CONTRAST.split(sentence)
    )


def clauses_of(sentence: str) -> list[tuple[int, int]]:
    """The spans of a sentence's clauses between the words that set one against another."""
    spans, at = [], 0
    for found in CONTRAST.finditer(sentence):
        spans.append((at, found.start()))
        at = found.end()
    return [*spans, (at, len(sentence))]


def without_praise(text: str) -> str:
    """A message without its praise, so only the complaint is read back as what went wrong:
    "the plumber was lovely but the tap still drips" gives "the tap still drips"; a message of
    praise alone is kept as it came."""
    kept: list[str] = []
    after_praise = False
    for sentence in SENTENCE_BREAK.split(text.strip()):
        if not sentence:
            continue
        spans = clauses_of(sentence)
        praised = [is_praise(sentence[start:end]) for start, end in spans]
        if not any(praised):
            if after_praise and not about_the_chat(sentence):
                # "However I have just received my service charge letter": the complaint set
                # against praise dropped before it.
                sentence = CONTRAST_OPENER.sub("", sentence)
                after_praise = False
            kept.append(sentence)
            continue
        after_praise = True
        # "the plumber was lovely but the tap still drips", "the tap still drips, though the
        # plumber was lovely": the clauses that complain, as they were written.
        left = [i for i, praise in enumerate(praised) if not praise]
        if left:
            kept.append(sentence[spans[left[0]][0] : spans[left[-1]][1]])
            after_praise = False
    said = " ".join(part.strip(" ,;") for part in kept if part.strip(" ,;"))
    return said if words(said) else text


# "Hello, I'm an advocate from Mind working with one of your tenants, Mr Kevin Lowe": who is
# writing, not what went wrong (round 25 r25b-14 read it back as the complaint).
INTRODUCTION = re.compile(
    r"^(?:(?:hi+|hiya|hello|hey|good (?:morning|afternoon|evening))\s+)?"
    r"(?:i'?m|im|i am|this is|my name is|we are|we'?re)\b.{0,60}?\b(?:advocate|advocacy|"
    r"support worker|social worker|care ?worker|caseworker|case worker|key ?worker|councillor|"
    r"solicitor|carer|officer|nurse|mp)\b"
)
# "Also, what's your policy on communicating with advocates?": a question for us, answered or
# passed on, never read back as what went wrong (round 25 r25b-14).
ASKS_US = re.compile(
    r"^(?:(?:also|and|oh|plus|so|one more thing|another thing)\s+)*(?:what'?s|whats|what is|"
    r"what are|how do|how can|how does|how long|where do|where can|can i|could i|do i|do you|"
    r"does your|is there|are there|will it|will this|would it|should i)\b"
)
# Words that tell of the problem itself, which keep a sentence however it opens.
PROBLEM_HINT = re.compile(
    r"\b(?:not|never|no one|nobody|broken|leak\w*|damp|mould|still|waiting|ignored|unhappy|"
    r"failed|missed|late|rude|wrong|off|out|left|hasn'?t|haven'?t|didn'?t|won'?t|can'?t|cannot)\b"
)
# "He has given me written consent to act for him", beside bot.definition.consent_told.
CONSENT_GIVEN = re.compile(
    r"\b(?:given|gave|signed|got|have|has)\s+(?:me|us)?\s*(?:(?:his|her|their|written|signed|"
    r"full)\s+)*(?:consent|permission|authority|authorisation|authorization)\b"
)
# Fewer words than this in a sentence that only tells of the resident's agreement.
CONSENT_WORDS = 25


def about_the_chat(sentence: str) -> bool:
    """Whether a sentence is about the conversation or the assistant, not the problem: nor who
    is writing, the resident's agreement to it, or a question for us (round 25 r25b-14)."""
    said = words(sentence)
    plain = said.strip(" ?!.,")
    return bool(
        ABOUT_THE_CONVERSATION.match(said)
        or ABOUT_THE_ASSISTANT.search(said)
        or GREETING_OR_ASKING_TO_COMPLAIN.match(plain)
        or (INTRODUCTION.match(plain) and not PROBLEM_HINT.search(plain))
        or (sentence.rstrip().endswith("?") and ASKS_US.match(plain))
        or (
            (consent_told(sentence) or CONSENT_GIVEN.search(plain))
            and len(plain.split()) < CONSENT_WORDS
            and not PROBLEM_HINT.search(plain)
        )
    )


def about_the_problem(text: str) -> str:
    """A message without its sentences about the conversation itself, so what went wrong is
    read back in the resident's words about the problem (round 12 r12a-08, r12d-06, r12d-16
    read back "No, I said a FORMAL complaint" and "can we carry on where we were")."""
    # Praise for our staff beside it is passed on, not complained of (round 24 r24b-02 t11).
    sentences = [s for s in SENTENCE_BREAK.split(without_praise(text.strip())) if s]
    kept = [
        ENDS_ASKING_TO_COMPLAIN.sub("", without_how_to_reach_them(s))
        for s in sentences
        if not about_the_chat(s)
    ]
    return " ".join(s for s in kept if s)


# "text me pls", "ring me on", "my mobile is": how to reach them, said with the details.
REACH_ME = re.compile(
    r"\b(?:te?xt|txt|ring|call|phone|email|e-mail|contact|reach|message|msg|whatsapp)\s+"
    r"(?:me|us|her|him|them)\b|\b(?:my|her|his|me|mob|mobile|phone|tel)\s+"
    r"(?:number|no|mobile|mob|phone|email|num)\b",
    re.IGNORECASE,
)


# Fewer words than this left beside the details are not the problem ("hi").
PROBLEM_WORDS = 3
# Where the details were in a sentence.
DETAILS_MARK = "\x00"


def without_how_to_reach_them(sentence: str) -> str:
    """A sentence without a phone number or email given with how to use it ("07700 900 618 text
    me pls i cant always answer with him"): that goes with the contact details, not with what
    went wrong (round 18 r18a-01 t9 read the number back as part of the problem). The problem
    told before it in the same unpunctuated sentence is kept, and told after it when the details
    end the instruction ("my email is jo@example.com the damp is back")."""
    marked = EMAIL_IN_TEXT.sub(DETAILS_MARK, sentence)
    for match in phone_matches(marked):
        marked = marked.replace(match.raw_string, DETAILS_MARK)
    reach_at = REACH_ME.search(marked)
    if reach_at is None or DETAILS_MARK not in marked:
        return sentence
    first, last = marked.index(DETAILS_MARK), marked.rindex(DETAILS_MARK) + len(DETAILS_MARK)
    before = marked[: min(first, reach_at.start())]
    after = marked[last:] if reach_at.start() < first else ""
    rest = " ".join(f"{before} {after}".replace(DETAILS_MARK, " ").split()).strip(" ,;-")
    return rest if len(words(rest).split()) >= PROBLEM_WORDS else ""


# Between sentences, and before "Why are you ..." typed without a stop before it.
SENTENCE_BREAK = re.compile(
    r"(?<=[.!?])\s+|\s+(?=(?i:why)\s+(?i:are|r|did|do|have)\s+(?i:you|u)\b)"
)
# "I need someone speak Bangla please and complain?": the wish to complain, not the problem.
ENDS_ASKING_TO_COMPLAIN = re.compile(
    r"[,\s]+(?:and|&)\s+(?:make\s+(?:a\s+)?)?complai(?:n|nt)\s*\?*$", re.I
)


def without_chat(text: str) -> str:
    """An answer without its sentences about the assistant ("You did not answer my question
    about where the response goes"); the words as they came when that is all there is."""
    kept = about_the_problem(text)
    return kept if words(kept) else text


def outcome_as_told(text: str) -> str:
    """What would put it right as the read-back shows it: without chat about the assistant, a
    protest before it ("I told you"), or the clauses about how to contact them."""
    return outcome_without_contact(without_protest(without_chat(text)))


# "just said", "already told you", "like I said": the answer was given before.
ALREADY_TOLD = re.compile(
    r"\b(?:just said|already (?:said|told|gave|given)"
    # "I gave you his name and address already" (round 13 r13a-03).
    r"|(?:i )?(?:just |literally |already |have )*(?:told (?:you|u)\b|(?:gave|given) (?:you|u) "
    r"(?:my|his|her|their|the|all|it|that|them|those|these) (?!call|ring|bell|buzz)\w+)"
    # "i just gave it you?? SH-2026-00412" (round 15 r15d-01 got "I can't answer that one").
    r"|(?:just |already )gave (?:it|that|them) (?:to )?(?:you|u)"
    r"|like i said|as i said|said that already)\b",
    re.IGNORECASE,
)


def says_they_are_the_resident(text: str) -> bool:
    return IS_THE_RESIDENT.search(text) is not None


# Who the tenant is, told instead of a name: "neither really, my mum was the tenant", "not me,
# its my dads flat", "im her son", "the tenancy is in my nans name" (round 24 r24b-03 t6 was
# kept as the name "neither really"). The writer helps the resident; their own name is asked.
RELATIVE_WORDS = (
    r"(?:mum|mam|mom|mother|dad|father|parents|nan|nana|nanna|gran|granny|grandma|grandmother|"
    r"grandad|granddad|grandpa|grandfather|aunt|auntie|aunty|uncle|son|daughter|brother|sister|"
    r"wife|husband|partner|niece|nephew|cousin|(?:mother|father)[ -]in[ -]law|step ?(?:mum|dad))"
)
OTHER_WORDS = r"(?:friend|neighbou?r|client|constituent)"
TENANT_IS_ANOTHER = re.compile(
    rf"\b(?:my|our)\s+(?:late\s+)?(?P<one>{RELATIVE_WORDS}|{OTHER_WORDS})\s+"
    r"(?:is|was|were|has been|'s)\s+(?:the\s+)?(?:tenant|resident|leaseholder|one on the tenancy)\b"
    rf"|\b(?:the\s+)?(?:tenant|resident|leaseholder)\s+(?:is|was)\s+(?:my|our)\s+(?:late\s+)?"
    rf"(?P<two>{RELATIVE_WORDS}|{OTHER_WORDS})\b"
    rf"|\b(?:tenancy|flat|house|lease)\s+(?:is|was)\s+in\s+(?:my|our)\s+(?:late\s+)?"
    rf"(?P<three>{RELATIVE_WORDS}|{OTHER_WORDS})(?:'s|s|\u2019s)?\s+name\b"
    rf"|\b(?:it'?s|its|it is|it was|this is|thats|that's)\s+(?:my|our)\s+(?:late\s+)?"
    rf"(?P<four>{RELATIVE_WORDS}|{OTHER_WORDS})(?:'s|s|\u2019s)\s+"
    r"(?:flat|house|home|tenancy|place|bungalow|maisonette|property)\b"
    rf"|\b(?:i'?m|im|i am|i\u2019m)\s+(?:her|his|their|the tenant'?s|the residents?'?)\s+"
    rf"(?P<five>{RELATIVE_WORDS}|{OTHER_WORDS}|carer|next of kin|executor)\b",
    re.IGNORECASE,
)


def tenant_is_another(text: str) -> str | None:
    """The relationship (a policy_rules id) of a writer who says the tenant is someone else and
    how they know them: "family" for a relative, "other_representative" for a friend or a
    neighbour, "carer" for a carer; None when the words say no such thing."""
    if says_they_are_the_resident(text):
        return None
    found = TENANT_IS_ANOTHER.search(text)
    if found is None:
        return None
    one = next(word for word in found.groups() if word).lower()
    if one == "carer":
        return "carer"
    return "other_representative" if re.fullmatch(OTHER_WORDS, one) else "family"


# Our own staff typing for a resident on the line: "im the call handler, T is Mrs Lorraine Pike",
# "im CH (staff)", "im staff not a rep". The resident is the complainant and is contacted
# directly; a call handler is no representative to ask consent of (round 14 r14d-05, r14d-16).
STAFF_WRITER = re.compile(
    r"\b(?:i'?m|im|i am|this is|it'?s)\s+(?:the\s+|a\s+|your\s+|one of your\s+)?"
    r"(?:call handler|CH|CSA|CSR|CSO|call centre|contact centre|customer services?"
    r"(?:\s+advis[eo]r)?|customer service (?:advis[eo]r|agent|officer)|advisor|adviser|"
    r"staff|operator)\b"
    r"|\bnot a rep(?:resentative)?\b.{0,20}\bstaff\b|\bstaff\b.{0,20}\bnot a rep",
    re.IGNORECASE,
)


# A call handler's note that the caller is the tenant: "caller Mr Kwame Osei T at 7 Kings
# Walk", "clr is the T", "caller is the tenant herself" (round 15 r15a-03 was asked "are you the
# resident?"); not "caller is his son, T is Mr Price". "cust is tenant" (round 26 r26b-03 t6).
CALLER_IS_THE_RESIDENT = re.compile(
    r"\b(?:[Cc]aller|[Cc]lr|CALLER|CLR|[Cc]ust|[Cc]ustomer|CUST)\s+(?:is\s+)?"
    r"(?:(?:[Mm]r|[Mm]rs|[Mm]s|[Mm]iss|[Dd]r)\.?\s+)?"
    r"(?:[A-Z][a-z'-]+\s+){0,3}?,?\s*(?:is\s+)?(?:the\s+)?(?:T|[Tt]enant|[Rr]esident)\b"
    r"(?!\s+of\b|'s|\s+is\b)"
)


def role_and_consent_only(text: str) -> bool:
    """Whether a call handler's line says only who is on the call and that they agree ("CH
    taking call for cust, cust is tenant, on the line, consents"): it answers who is
    complaining, never what would put it right (round 26 r26b-03 t6 was read back as the
    outcome)."""
    return (
        staff_for_the_resident(text) or caller_is_the_resident(text) or tenant_on_the_line(text)
    ) and not (OUTCOME_WORDS.search(text) or outcome_told(text))


def caller_is_the_resident(text: str) -> bool:
    """Whether a call handler notes that the caller is the resident."""
    return CALLER_IS_THE_RESIDENT.search(text) is not None


# "CH here, T on the line", "im CSA taking the call", "I'm just logging it" (round 15 r15d-12
# asked the call handler for consent and read the tenant back as her own helper). Said beside a
# relative on the line ("call handler here. T is Mrs Faith Okonjo, daughter Grace on the line
# for her"), the relative is the helper.
STAFF_SHORTHAND = re.compile(
    r"^\W*(?:CH|CSA|CSR|call handler|staff|adviser|advisor|customer services?(?:\s+advis[eo]r)?)"
    # "CH taking call for cust, cust is tenant, on the line, consents" (round 26 r26b-03 t6).
    r"\s+(?:here|typing|speaking|taking|logging|handling)\b"
    r"|\b(?:i'?m|im|i am)\s+(?:just\s+)?(?:taking|logging|handling|typing)\s+(?:the|this|it)"
    r"(?:\s+call)?\b(?!\s+for\s+(?:my|her|him))",
    re.IGNORECASE,
)


# A call handler's shorthand for the tenant on the line: "T on line, c/o ... T = Mrs J Adeyemi",
# "T Mrs J Okafor on line" (round 17 r17a-07 t3-4 asked "are you the resident?" and her name).
TENANT_ON_THE_LINE = re.compile(
    r"\b(?:T|[Tt]enant|[Rr]es|[Rr]esident)\s+(?:is\s+)?(?:[\w.]+\s+){0,4}?on\s+(?:the\s+)?"
    r"(?:line|phone|fone|call)\b"
    r"|\bon\s+(?:the\s+)?(?:line|phone)\s+(?:w/|with)\s+(?:T|the tenant|tenant|the resident)\b"
)


def tenant_on_the_line(text: str) -> bool:
    """Whether staff type for the tenant on the line, in shorthand, with no helper named."""
    return (
        TENANT_ON_THE_LINE.search(text) is not None
        and re.search(rf"\b{HELPER_ROLES}\b", text, re.IGNORECASE) is None
    )


def staff_for_the_resident(text: str) -> bool:
    """Whether a member of our staff writes for the resident on the line."""
    return STAFF_WRITER.search(text) is not None or (
        STAFF_SHORTHAND.search(text) is not None
        and re.search(rf"\b{HELPER_ROLES}\b", text, re.IGNORECASE) is None
    )


def resident_own_name(text: str) -> str | None:
    """The name the resident gives with saying so ("It's me, the tenant. Rachel Dunmore, 31
    Larch Avenue"): round 12 r12a-12 and r12d-02 were asked for it again."""
    if not says_they_are_the_resident(text):
        return None
    return introduced_name(text) or own_name_in(text) or next(iter(written_names(text)), None)


# A name the writer gives for themself inside another answer: "im Chloe Martin, his daughter",
# "It's Ayesha Khan but call me Ayesha", "im Gary".
SELF_NAMED = re.compile(
    # "caller name Mark Evans": a call handler's shorthand for who is calling.
    r"(?:^|[.,;!?]\s*|\b(?i:and|so|but)\s+)(?i:my name is|my name's|name is|name's|name:|"
    r"caller'?s? name(?: is)?|"
    r"i'm|im|i am|it's|its|it is|this is|call me)\s+"
    rf"(?P<name>(?:Mrs|Mr|Ms|Miss|Dr)?\.?\s*{NAME_WORD}(?:[ \t]+{NAME_WORD})*)"
)


# How a helper is related to the resident, said beside their own name.
HELPER_ROLES = (
    r"(?:daughter|son|carer|support worker|social worker|key worker|neighbour|friend|advocate|"
    r"niece|nephew|grandson|granddaughter|sister|brother|wife|husband|partner|"
    # "Owen Pryce, caseworker for Helen Shah MP" (round 18 r18a-09 t4 read the resident back as
    # the helper).
    r"caseworker|case worker|case officer|solicitor|paralegal)"
)
# "Anna Kowalska, daughter.", "Lucy Grant, support worker", "I'm her son Patrick": the writer
# names themself with their role, so the name is theirs (one word is enough beside a role).
NAME_WITH_ROLE = re.compile(
    rf"(?:^|[.,;!?]\s*)(?P<name>{NAME_WORD}(?:[ \t]+{NAME_WORD})+),?\s+"
    rf"(?:(?i:her|his|their|the|a)\s+)?(?i:{HELPER_ROLES})\b"
    rf"|\b(?i:i'?m|im|i am)\s+(?i:her|his|their)\s+(?i:{HELPER_ROLES}),?\s+"
    rf"(?P<first>{NAME_WORD}(?:[ \t]+{NAME_WORD})*)"
    # "I'm the resident, Hana Ito", "tenant. Leanne Price": the resident names themself, also
    # after the home ("I'm the resident, flat 12 Beech House. Amir Siddiqui.", round 20 r20a-08
    # t4 was asked for the name again).
    rf"|^(?i:(?:i'?m |im |i am )?(?:the )?(?:resident|tenant|leaseholder))"
    r"(?:,[^.,]{0,30}\d[^.,]{0,30})?[.,]?\s+"
    rf"(?P<resident>{NAME_WORD}(?:[ \t]+{NAME_WORD})+)"
    # "advocate is Priya Shah from Age UK" (round 12 r12a-10 was asked for the name again).
    rf"|^(?i:(?:the |your |their )?{HELPER_ROLES})\s+(?i:is|=|:|here,?|here is)\s+"
    rf"(?P<role_first>{NAME_WORD}(?:[ \t]+{NAME_WORD})+)"
)


def own_name_in(text: str) -> str | None:
    """The writer's own name in an answer to another question, written with capitals; not a
    role ("I'm the tenant"), an organisation or a place."""
    for match in NAME_WITH_ROLE.finditer(text):
        name = (
            match.group("name")
            or match.group("first")
            or match.group("resident")
            or match.group("role_first")
        )
        # "Mrs Joan Pike, her daughter is helping": a titled name before a role is the
        # resident's.
        titled = match.group("name") is not None and name.split()[0].rstrip(".") in (
            "Mrs",
            "Mr",
            "Ms",
            "Miss",
            "Dr",
            "Mx",
        )
        if (
            name.split()[0] not in NOT_NAMES
            and not titled
            and not is_organisation(name)
            # "I'm the tenant, flat 2. Beech House is where I live": a place, not a name.
            and not (match.group("resident") and a_place_not_a_name(name.split(), ""))
        ):
            return name
    with_details = contact_details_in(text) is not None
    for match in SELF_NAMED.finditer(text):
        name = match.group("name").strip()
        words = name.split()
        if (
            not all(word[0].isupper() for word in words)
            or words[0] in NOT_NAMES
            or a_place_not_a_name(words, match.group(0)[: match.start("name") - match.start()])
            or is_organisation(name)
            # "Im Fed up": one word is a name only beside the details it goes with ("im Gary").
            or (len(words) == 1 and not with_details)
        ):
            continue
        return name
    if with_details:
        return signed_name(text) or name_in_small_letters(text) or bare_name_beside(text)
    return name_in_small_letters(text)


# Where a clause ends: a stop, a comma, a dash between spaces.
CLAUSE_END = re.compile(r"[,;:!?\n]+|\.+(?=\s|$)|\s+-\s+")
# A first name and surname typed in small letters as a clause of their own.
TWO_SMALL_WORDS = re.compile(r"([a-z][a-z'-]{1,14})\s+([a-z][a-z'-]{1,20})")
# Words a clause of two beside contact details says that are no name: when to call, thanks,
# the parts of the home ("kitchen tap, 07700 900123"), and how urgent it is.
NOT_A_BARE_NAME = {
    "morning", "mornings", "afternoon", "afternoons", "evening", "evenings", "night", "nights",
    "weekday", "weekdays", "weekend", "weekends", "anytime", "today", "tomorrow", "tonight",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "asap", "mate",
    "cheers", "many", "kind", "regards", "love", "me", "us", "only", "okay", "day", "days",
    "week", "weeks", "time", "times", "tap", "sink", "toilet", "bath", "shower", "kitchen",
    "bathroom", "bedroom", "hall", "hallway", "door", "window", "windows", "boiler", "heating",
    "radiator", "light", "lights", "fan", "roof", "gutter", "fence", "gate", "lock", "lift",
    "stairs", "wall", "ceiling", "floor", "damp", "mould", "leak", "leaks", "drain", "pipe",
    "socket", "intercom", "buzzer", "bin", "bins", "garden", "shed", "key", "keys", "fob",
    "broken", "blocked", "urgent", "help", "contact", "reach", "get", "use", "same", "new",
    "old", "main", "work", "home", "landline", "whatsapp", "mum", "mums", "dad", "dads",
    "really", "ideally", "preferably", "usually", "mostly", "quickly", "urgently", "daily",
}  # fmt: skip


def bare_name_beside(text: str) -> str | None:
    """A first name and surname typed in small letters as a clause of their own right beside
    the contact details, with no opener: "yes contact me, gary price, email ..." or "ok. sarah
    jones 07700 900123" (round 22 r22b-07 t8, left by record23: the name was asked again).
    The clause must be the name alone, next to the details, and neither word a word of the
    sentence around it ("kitchen tap, 07700 ...", "text me, 07700 ...", "evenings best")."""
    clauses = [clause.strip() for clause in CLAUSE_END.split(text) if clause.strip()]
    for at, clause in enumerate(clauses):
        held = contact_details_in(clause) is not None
        rest = without_contact_details(clause).strip(" ,.-") if held else clause
        shape = TWO_SMALL_WORDS.fullmatch(rest)
        if shape is None:
            continue
        after = clauses[at + 1].lower().split() if at + 1 < len(clauses) else []
        before = clauses[at - 1] if at > 0 else ""
        # The details in the clause, in the next one (or its label: "email ..."), or in the
        # one before when the name ends the message ("my number 07700 900123, dave smith").
        beside = (
            held
            or (
                bool(after)
                and (contact_details_in(" ".join(after)) is not None or after[0] in DETAIL_LABELS)
            )
            or (at == len(clauses) - 1 and contact_details_in(before) is not None)
        )
        names = [part.lower() for part in shape.groups()]
        if not beside or any(
            part.endswith("ing")
            or part
            in NOT_A_BARE_NAME
            | NOT_SIGNED_NAMES
            | NOT_A_NAME
            | DETAIL_LABELS
            | NOT_IN_NAMES
            | NOT_SMALL_NAME_WORDS
            for part in names
        ):
            continue
        return " ".join(capitalised(part) for part in names)
    return None


# "its gary price 07700 900111 flat 3", "name is gary price and my number is ...": a name typed
# in small letters inside a sentence that gives the details (round 23: the name was asked
# again). Said by its opener, never as "her name is" or "mum's name is" (the resident's name).
NAME_ENDS_AT = (
    r"(?:and|&|my|on|at|from|flat|mob|mobile|email|tel|phone|number|no|txt|text|call|ring|pls|"
    r"please|thanks|thx|ta|n)"
)
SMALL_LETTERS_NAME = re.compile(
    r"(?:^|[\s,.;!-])(?<!\bher )(?<!\bhis )(?<!\btheir )(?<!'s )(?<!\bmums )(?<!\bdads )"
    r"(?P<opener>my name is|my name's|my names|my name|name is|name's|names|name:|its|it's|it is|"
    r"im|i'm|i am|this is)\s+"
    rf"(?P<name>[a-z][a-z'-]{{1,14}}(?:\s+(?!{NAME_ENDS_AT}\b)[a-z][a-z'-]{{1,20}})?)"
    # Where the name ends: the details, a stop, "and", "my", "on", "flat" or the end.
    rf"(?=\s*(?:[,.;!:(-]|\d|\+|$)|\s+{NAME_ENDS_AT}\b)",
    re.IGNORECASE,
)
# Openers that name only with the name's own label: "its" and "im" say many other things.
NAMING_OPENERS = ("my name is", "my name's", "my names", "my name", "name is", "name's", "names",
                  "name:")  # fmt: skip
# Words of a sentence, never of a name typed in small letters: "im waiting in", "its still
# leaking" beside a number.
NOT_SMALL_NAME_WORDS = {
    "at", "in", "on", "off", "by", "so", "very", "really", "still", "always", "never", "also",
    "waiting", "working", "going", "coming", "staying", "living", "getting", "trying", "calling",
    "about", "after", "before", "around", "just", "only", "home", "work", "away", "abroad",
    "free", "best", "better", "easiest", "easier", "quicker", "mum", "dad", "nan", "son",
    "daughter", "tenant", "resident", "carer", "the", "a", "an", "our", "your", "ur", "no",
    "flat", "house", "number", "mouldy", "dangerous", "unsafe", "awful", "terrible", "gone",
}  # fmt: skip


def name_in_small_letters(text: str) -> str | None:
    """A first name, or first name and surname, typed in small letters after "its", "im" or
    "name is" inside a sentence: the name's own label ("name is") names it anywhere; "its" and
    "im" only beside contact details."""
    with_details = contact_details_in(text) is not None
    for found in SMALL_LETTERS_NAME.finditer(text):
        if found.group("opener").lower() not in NAMING_OPENERS and not with_details:
            continue
        if not found.group("name").islower():
            # Written with capitals: the other readings have it.
            continue
        parts = found.group("name").split()
        if parts[0].lower().endswith("ing") or any(
            part.lower()
            in NOT_SIGNED_NAMES | NOT_A_NAME | DETAIL_LABELS | NOT_IN_NAMES | NOT_SMALL_NAME_WORDS
            for part in parts
        ):
            continue
        return " ".join(capitalised(part) for part in parts)
    return None


# "ye txt me 07700 900246 its jade", "my number is 07700 900150 im leon": a first name typed
# in small letters to end a message that gives the details, as people sign off a text.
SIGNED_OFF = re.compile(
    r"(?:^|[\s,.;!-])(?:its|it's|it is|im|i'm|i am|this is|name'?s|my name is)\s+"
    r"(?P<name>[a-z][a-z'-]{1,14})\s*[.!]*\s*$",
    re.IGNORECASE,
)
# Words that end such a message without being a name: "its urgent", "im deaf", "its me".
NOT_SIGNED_NAMES = {
    "me", "here", "home", "out", "in", "deaf", "blind", "busy", "free", "fine", "ok", "okay",
    "urgent", "working", "mobile", "landline", "broken", "done", "back", "away", "available",
    "good", "better", "best", "easier", "quicker", "quick", "new", "old", "mine", "his", "hers",
    "theirs", "ours", "yours", "correct", "right", "wrong", "same", "sorry", "off", "on", "up",
    "down", "there", "disabled", "ill", "sick", "unwell", "pregnant", "alone", "scared", "worried",
    "annoyed", "upset", "tired", "stuck", "late", "early", "asleep", "outside", "inside", "it",
    "that", "this", "fixed", "sorted", "leaking", "cold", "freezing", "hot", "damp", "wet",
}  # fmt: skip


def signed_name(text: str) -> str | None:
    """A first name typed in small letters at the end of a message with contact details."""
    signed = SIGNED_OFF.search(without_contact_details(text))
    if signed is None:
        return None
    name = signed.group("name").strip("'-")
    if name.lower() in NOT_SIGNED_NAMES | NOT_A_NAME | DETAIL_LABELS:
        return None
    return capitalised(name)


def contact_name_beside_details(text: str) -> str | None:
    """A name given with contact details ("contact son, Richard Fisher, 07700 900321, text
    pref"): the person to contact."""
    if contact_details_in(text) is None:
        return None
    name = own_name_in(text) or name_in(text)
    if name is None or is_organisation(name) or not name[0].isupper():
        return None
    return name


# A clause that opens with these is the name: "its Dean Walsh", "I'm Kayla Brown".
NAME_CLAUSE_OPENER = re.compile(
    r"^(?:(?:it'?s|it is|i'?m|i am|my name'?s|my names|my name is|name'?s|name is)\s+)?",
    re.IGNORECASE,
)
# A name clause has no more words than this: "Dean Walsh", "its Mary Anne Kelly".
NAME_CLAUSE_WORDS = 4


def name_clause_in(text: str) -> str | None:
    """A name typed as a clause of its own in an answer to the name question, beside words
    about something else: "dean walsh. hurry up my phone is dying lol", "no one's in danger its
    my phone battery. Dean Walsh" (round 25 r25a-04 t7-t8 were refused twice). The clause is
    the name alone, with at most "its" or "I'm" before it: written with capitals, or first name
    and surname in small letters that no guard word is."""
    for clause in (c.strip(" .,!?") for c in CLAUSE_END.split(text)):
        rest = NAME_CLAUSE_OPENER.sub("", clause).strip(" .,!?")
        if not rest or len(rest.split()) > NAME_CLAUSE_WORDS or contact_details_in(rest):
            continue
        written = [n for n in written_names(rest) if not is_organisation(n)]
        capitals = bool(written) and written[0] == rest and len(rest.split()) >= 2
        shape = TWO_SMALL_WORDS.fullmatch(rest)
        if not capitals and shape is None:
            continue
        names = [part.lower() for part in rest.split()]
        if (
            rest.split()[0] in NOT_NAMES
            or a_place_not_a_name(rest.split(), "")
            or any(not_a_name_word(part) for part in names)
        ):
            # "the boiler. Front Door", "kitchen tap. its leaking": no name.
            continue
        return rest if capitals else " ".join(capitalised(part) for part in names)
    return None


def not_a_name_word(word: str) -> bool:
    """A word in small letters that is no part of a name typed without an opener."""
    return word.endswith("ing") or word in (
        NOT_A_BARE_NAME
        | NOT_SIGNED_NAMES
        | NOT_A_NAME
        | DETAIL_LABELS
        | NOT_IN_NAMES
        | NOT_SMALL_NAME_WORDS
    )


# Beyond the first sentence, only an address written as one ("5 Mill Lane", "flat 2, 4 elm
# court"): "broken 3 weeks now" is no address.
FIRST_SENTENCE_WORDS = 10


def address_told_beside(text: str, danger_at: Iterable[tuple[int, int]] = ()) -> str | None:
    """The address of the home typed in its own sentence beside a danger or a call to 999:
    "14b Mill Lane. im going out the flat now ringing 999", "Flat 2, 4 Elm Court. and our front
    door wont lock since someone broke in" (round 25 r25a-04 t18, r25a-08 t18, r25b-08 t6 were
    asked the address again). Never read out of the danger's own sentence."""
    for at, sentence in enumerate(sentences_clear_of(text, danger_at)):
        said = without_contact_details(sentence).strip()
        found = postal_address_in(said)
        if found is None:
            small = ADDRESS_ANY_CASE.search(said)
            found = small.group(0).strip(" ,.") if small is not None else None
        if (
            found is None
            and at == 0
            and len(said.split()) <= FIRST_SENTENCE_WORDS
            and STARTS_AS_AN_ADDRESS.match(said)
        ):
            # "flat 3 above the chip shop": the answer's own sentence, as typed.
            found = address_in_an_answer(said)
        if found and said.startswith(found) and ADDRESS_TAIL.fullmatch(said[len(found) :]):
            # "Flat 12, Hawthorn Court, 5 Mill Lane, Derby DE1 9ZZ": the street and town too.
            found = said.rstrip(" ,.")
        if found:
            return found
    return None


STARTS_AS_AN_ADDRESS = re.compile(r"^(?:flat|apartment|no\.?|number)?\s*\d", re.IGNORECASE)
# More of an address after the first part read: ", 5 Mill Lane, Derby DE1 9ZZ".
ADDRESS_TAIL = re.compile(
    r"(?:,?\s*(?:\d+\w?\s+)?[A-Z][A-Za-z']*(?:\s+[A-Z0-9][A-Za-z0-9']*)*){1,4}[\s.,]*"
)


# When to visit or how to get in, told for the team: "mum's carer comes 9 till 11 in the
# morning so that's the best time to visit", "I'm only in after 3pm", "knock loudly and wait".
ACCESS_NOTE = re.compile(
    r"\b(?:comes?|is in|are in|in|home|there|around|here|free|available|visits?)\s+"
    r"(?:from\s+|between\s+)?"
    r"\d{1,2}(?:[:.]\d\d)?\s*(?:am|pm)?\s*(?:till|til|to|until|and|-)\s*\d{1,2}(?:[:.]\d\d)?"
    r"\s*(?:am|pm)?"
    r"|\bbest (?:time|times|day|days) (?:to|for) (?:visit|come|call round|call)\b"
    r"|\b(?:only|not)\s+(?:in|home|around)\s+(?:after|before|between|until|till)\s+\d"
    r"|\bknock\s+(?:really\s+)?(?:loudly|loud|hard)\b",
    re.IGNORECASE,
)
# What opens a message passed on, left off the note: "can you just pass a message on to someone
# for me - tell them".
PASSED_ON = re.compile(
    r"^.*?\b(?:pass|give|leave|send)\s+(?:on\s+)?(?:a|the)?\s*message\s+(?:on\s+)?"
    r"(?:to\s+\w+\s*)?(?:for me\s*)?[-:,.]*\s*(?:(?:and\s+)?tell\s+(?:them|him|her)\s+)?"
    r"|^\s*(?:please\s+)?tell\s+(?:them|him|her|the team)\s+(?:that\s+|to\s+)?",
    re.IGNORECASE,
)


def access_note_in(text: str) -> str | None:
    """The sentence telling when to visit or how to get in, as typed, without the asking to
    pass it on (round 25 r25a-03 t12: "tell them mum's carer comes 9 till 11" got nothing
    noted)."""
    for sentence in re.split(r"(?<=[.!?\n])\s+", text):
        if ACCESS_NOTE.search(sentence):
            note = PASSED_ON.sub("", sentence).strip(" .,!-")
            return note[:1].upper() + note[1:] if note else None
    return None
