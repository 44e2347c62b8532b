"""What a correction typed at the read-back of a complaint changes, read the way people write one.

"she first rang in July not August. rest is fine", "take out the rent question", "Change what
went wrong to: ...", "her name is just Brenda O'Neill", "T only wants calls after 5pm": each is
applied to the part it is about, replacing, removing or swapping words, never pasted onto the
end of "what went wrong". A message whose part cannot be told is left for one short question.
Pure functions over the draft definition; actions.repair applies the result and reads back.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

from bot.contact_wishes import (
    CLAUSES,
    NOT_ME,
    REFERENCE,
    WISH_TO_RESIDENT,
    about_the_resident,
    copy_wish,
    reference_wish,
    resident_wish,
    resident_wish_held,
    wishes,
    with_wish,
    without_detail,
)
from bot.definition import (
    ADDRESS,
    ALSO,
    CONTACT_TIME,
    NAME_WORD,
    NOT_NAMES,
    DraftDefinition,
    both_ways_asked,
    consent_told,
    contact_details_in,
    contact_time_in,
    contact_time_told,
    email_in,
    held_details,
    postal_address_in,
    preference_beside_details,
    resident_in,
    written_names,
)
from bot.earlier_job import (
    CALLED,
    EARLIER_IS,
    EARLIER_REPORT,
    EARLIER_REST,
    JOB_SHAPE,
    NEVER_REPORTED,
    job_number_in,
)
from bot.names_corrected import HELPER_IS, NAMED_RESIDENT, OTHERS_NAME, RESIDENT, corrected_name
from bot.removals import (
    AT_THE_END,
    GOES_ON,
    KEEP_ONLY,
    QUOTED,
    REMOVE,
    TAKE_IT_OUT,
    keywords,
    mentions,
)
from bot.swaps import (
    A_NOT_B,
    DOUBLED,
    MOST_SWAPPED,
    NOT_B_BUT_A,
    NOT_SWAPPED,
    SWAP_TOKEN,
    counterparts,
    same_kind,
)
from bot.text import capitalised, sentences, words
from bot.told import is_organisation, own_name_in, says_they_are_the_resident

# The earlier-job answer that says the complaint is not about one (actions.complaint_form).
NOT_ABOUT_AN_EARLIER_REQUEST = "none"
# "address": the address was asked for with none typed and none held; we ask for it.
How = Literal["changed", "added", "removed", "unclear", "unchanged", "address"]


@dataclass(frozen=True)
class Correction:
    """The parts changed (draft field name to its new value) and how, for the reply."""

    changes: dict[str, str | bool] = field(default_factory=dict)
    how: How = "changed"


UNCLEAR = Correction(how="unclear")

# The read-back's parts by the names people give them, and the part each one is.
PART_NAMES = {
    "aspects": r"what went wrong|wot went wrong|the description|what happened|the complaint bit",
    # "the door bit is what i want changing" names no part (round 17 r17a-02 t9).
    "outcome": r"what (?:you|i|he|she|they|t|we) would like"
    r"|what (?:i|he|she|they|t|we) wants?(?! (?:chang|correct|amend|edit|updat|alter))"
    r"|the outcome|what i'?d like"
    # "no the want bit is wrong, i said ..." (round 15 r15c-12 kept "The want bit is wrong").
    r"|the wants? (?:bit|part|line|section)"
    # "The 'you would like' bit is wrong": the read-back's own words (round 14 r14a-14).
    r"|the '?you would like",
    "who": r"who is complaining|who'?s complaining|who complains|who it'?s for",
    "earlier_request": r"(?:the )?reported before(?: bit| part)?"
    r"|the (?:earlier|previous|first|old) (?:job|report|request|repair)"
    r"|(?:earlier|previous) (?:report|request)"
    r"|the job(?: number| no| bit| part)?",
    "contact": r"contact details|the contact|my details",
    # "adj shd be asthma" (round 19 r19b-13 t9, a call handler's shorthand).
    "adjustments": r"(?:reasonable )?adjustments?|adjs?"
    r"|(?:things? )?(?:to )?make (?:things |it )?easier"
    r"|what would help"
    # "the easier-for-you bit", "'Easier for you' = nothing" (round 17 r17a-12).
    r"|easier for (?:you|me|her|him|them|t)",
    # "The 'You are helping them' line must say Graham Pike" (round 12 r12a-08 had a name
    # swapped inside what went wrong).
    "helper": r"(?:the )?helper(?: line| name| bit| part)?|you are helping(?: them)?"
    r"|the person helping",
    # "It is NOT still happening, it was one call" (round 12 r12a-04 had no way to say it).
    "still_happening": r"still happening|still going on|still ongoing|(?:not|isn'?t) ongoing"
    r"|has stopped|it stopped|a one[- ]off|one[- ]off",
}
CHANGE_WORDS = r"(?:change|correct|fix|edit|redo|update|wrong|put down)"

# Words around a correction that are not part of it: "nearly -", "correction:", "rest is fine".
OPENER = re.compile(
    r"^\s*(?:(?:nearly|almost|not quite(?: right)?|close|mostly|nope|nah|sorry|oops|whoops|"
    # "no calls before 2pm" is no "no" before a correction: it rules the calls out (round 15
    # r15d-12 read it back "by phone, before 2pm").
    r"no(?![\s,.:;!-]+(?:calls?|phone|phoning|ringing|rings?|texts?|emails?|letters?|post|visits?"
    r"|voicemails?|contact)\b)|"
    r"correction|one (?:small )?(?:thing|change|mistake)(?: to (?:change|fix))?|"
    # "Two things: he does want compensation ..." (round 14 r14a-06 kept "Two things:").
    r"(?:two|2|three|3|a few|a couple of) (?:things|changes)|"
    r"small (?:mistake|change|thing)|just one thing|one more thing|also|ok|okay|hmm|erm|um|"
    r"yes|yeah|yh|ye|yep|mostly right|not right|that'?s wrong|thats wrong|wrong|"
    # "yes correct. also please write my son has asthma": the yes before an addition (round 14
    # r14d-12).
    r"correct|all correct|(?:that'?s|thats|that is|its|it'?s) (?:right|correct))"
    r"\b[\s,.:;!-]*)+",
    re.IGNORECASE,
)
CLOSER = re.compile(
    r"(?:[\s,.;:-]*(?:(?:the )?rest(?: of it)? (?:is|looks|seems) (?:fine|right|ok|okay|correct"
    r"|good)|every ?thing else (?:is|looks) (?:fine|right|ok|okay|correct|good)|thanks?"
    # "... about 600 pounds. Otherwise fine." (round 14 r14b-07 kept it in the new words).
    r"|otherwise (?:it'?s |its |all )?(?:fine|right|ok|okay|correct|good)"
    r"|thank you|ta|cheers|pls|please|plz|thx))+[\s.!]*$",
    re.IGNORECASE,
)

# "replace what went wrong with just this: ...", "change it to: ...", "what went wrong should
# just say ...": the words after are the new text, whole.
PARTS_SAID = (
    # "The 'you would like' should say ..." names the read-back's own line, quoted (round 14
    # r14b-07 kept the whole sentence as what they would like).
    # "now the you would like part should just say: ..." names it unquoted (round 20 r20a-08 t9
    # stored the instruction words as what he would like).
    r"(?:the )?['\"\u2018\u201c]?(?:you would like|you'd like|what went wrong)"
    r"['\"\u2019\u201d]?(?:\s+(?:bit|line|part|section))?|"
    r"what went wrong|wot went wrong|the description|what happened|the complaint|"
    r"the outcome|what (?:i|you|he|she|they|T|we) would like|what (?:i|he|she|they|T|we) wants?|"
    r"it|that|the text"
)
REPLACE = re.compile(
    rf"\b(?:replace|change|swap|update|correct|rewrite|make)\s+"
    # "change the bit about what i want to: ..." (round 13 r13d-02 kept the whole sentence).
    r"(?:the (?:bit|part|line|section|sentence)s? (?:about|on|for|with|that says|saying)\s+)?"
    rf"(?P<part>{PARTS_SAID})"
    r"(?:\s+(?:with|to|so (?:it|that it) (?:says|reads)|to say|to read)|\s*(?=:))\s*"
    r"(?:just |only )?(?:this|the following|these words)?\s*[:\-]?\s*(?P<text>\S.*)"
    rf"|(?<!\w)(?P<part2>{PARTS_SAID})\s+(?:should|must|needs to|ought to)\s+(?:just |only )?"
    r"(?:say|read|be)\s*(?:just |only )?[:\-]?\s*"
    # "the complaint should be for my mum, Joan Marsh" says who it is for, never what went wrong
    # (round 25 r25b-08 t14 overwrote what went wrong with it).
    r"(?!(?:for|from|by|made by|in (?:my|his|her|their|the) name)\b)(?P<text2>\S.*)"
    # "That is not what went wrong. What went wrong is the new windows ..." (round 13 r13a-09,
    # r13d-07 were asked which part).
    r"|\b(?P<part3>what went wrong|wot went wrong|what happened"
    # "not quite, the complaint is that i reported him 3 times and nobody called me back" was
    # stored as the earlier report (round 14 r14c-17); "the complaint is for Mr X" is the resident.
    # "The complaint is only the bath panel" keeps those sentences (keep_only).
    r"|(?:the|my) (?:complaint|problem)(?!\s+(?:is|was)\s+(?:only|just)\b))"
    r"\s+(?:really |actually )?"
    r"(?:is|was)\s+(?:just |only )?"
    r"(?!(?:wrong|not|incorrect|right|fine|correct|ok|okay|missing|empty|blank|for|from|by|on|in|"
    r"logged|made|sent|done|open|closed|still|about (?:me|him|her|them)\b)\b)"
    r"(?:that\s+|about\s+)?[:\-]?\s*(?P<text3>\S.*)",
    re.IGNORECASE | re.DOTALL,
)
# "can you add that", "please add", "also", "too", "as well": something more, said once. The
# words that ask for it are dropped; "too" and "as well" are kept as said.
ADD_MARKERS = re.compile(
    r"\b(?:add|forgot to (?:say|mention)|i forgot|also|too|as well|plus|another thing"
    # "also please write my son has asthma", "pls note the gas smell" (round 14 r14d-12, r14d-05).
    r"|(?:please|pls|can you|could you) (?:also )?(?:write|note|put down))\b",
    re.I,
)
# "AND ME WANT SORRY": what they want, opened with "and", adds to what they would like.
AND_OPENER = re.compile(r"^\s*and\b", re.IGNORECASE)
ADD_INSTRUCTION = re.compile(
    r"\b(?:(?:can|could|would) (?:you|u) (?:please |pls )?add(?: on)?(?: (?:that|this|it))?"
    r"|(?:(?:please|pls|also|and|can you|could you)\s+)*add(?: on)?(?: that| this| it)?"
    # "Please add to what went wrong that children climb on it" (round 8 r8a-19).
    r"(?: (?:to|onto|in) (?:what went wrong|the complaint|the description|it"
    # "please add that to what he wants" (round 14 r14a-06 kept "to what he wants").
    r"|what (?:i|you|he|she|they|we) (?:wants?|would like)|the outcome)(?: that)?)?"
    r"|put (?:in|down) that"
    # "also please write heating not working 2 weeks" (round 13 r13a-04 kept "please write").
    r"|(?:(?:also|and)\s+)?(?:please|pls|can you|could you)\s+(?:also\s+)?(?:write|put|note)"
    r"(?: down| in)?(?: that)?"
    r"|(?:i )?forgot to (?:say|mention)(?: that)?|i forgot|and also|another thing(?: is)?"
    # "And you have omitted the Polish interpreter" (round 15 r15d-06 kept the whole sentence).
    r"|(?:and\s+)?(?:you'?ve|you have|youve|u have|you|u)\s+(?:omitted|missed(?: out)?|left out"
    r"|forgot(?: to (?:add|put|mention))?)(?: the bit about| that)?)\b"
    r"[\s:,-]*",
    re.IGNORECASE,
)
PREFERENCE_WORDS = re.compile(
    r"\b(?:by (?:e-?mail|phone|text|txt|letter|post)|prefer\w*|rather|contact (?:me|her|him|them)|"
    r"e-?mail me|te?xt me|(?:a|an) (?:phone call|call|e-?mail|text|letter)|only wants?|"
    r"wants? calls|calls? (?:after|before|between|in the)|te?xts? only|call me|ring me|"
    r"not (?:by )?(?:phone|calls?|e-?mail|text|letter)|te?xt messages?|phone calls?|"
    # "Email only. He might have my phone" (round 10 r10a-18 was asked which part).
    r"(?:e-?mail|te?xt|letters?|post|phone|calls?) only"
    r"|only (?:by )?(?:e-?mail|te?xt|letters?|post))\b",
    re.IGNORECASE,
)
# "there is no helper", "I'm not helping anyone, it's my own complaint!" (round 15 r15a-13).
NO_HELPER = re.compile(
    r"\b(?:no|not an?|without an?|don'?t have an?|dont have an?|theres no|there's no)\s+"
    r"(?:helper|rep|representative|one helping)\b"
    r"|\b(?:not|nobody|no one|noone|nobody's|nobodys)\s+(?:is\s+)?helping\b"
    r"|\b(?:my|her|his) own complaint\b|\bi'?m not helping\b|\bim not helping\b"
)
# "if calling", "if you ring": a time for calls beside another way.
IF_CALLED = re.compile(
    r"\bif (?:you |u |they |anyone |someone |somebody |any1 )?"
    # "if anyone does ring", "only if someone has to ring" (round 18 r18a-06 t6-t7).
    r"(?:(?:does|do|has to|have to|needs? to|must|ever) )?"
    r"(?:call|calls|calling|ring|rings|ringing|phone|phones|phoning)\b",
    re.I,
)
# "I said fix the pipe", "like i said, ...", "as I said:": words about the message, not in it.
SAID_BEFORE = re.compile(
    # "i just said it - the tap dripping ..." (round 19 r19b-01 t10).
    r"^(?:(?:as|like|what)\s+)?(?:i|we|he|she|t|they)\s+(?:(?:just|already)\s+)?"
    r"(?:said|told you|wrote|meant|put)"
    r"(?:\s+(?:was|is|that|it))?\s*[:,-]?\s*",
    re.IGNORECASE,
)


def own_words(text: str) -> str:
    """The words a correction gives, without "I said" before them."""
    return SAID_BEFORE.sub("", text.strip()).strip()


# "the reported before bit shud say ...", "should be ...": the new words for the earlier job.
EARLIER_SAYS = re.compile(
    r"\b(?:should|shud|shld|shuld|must|needs to|ought to)\s+(?:just\s+)?(?:say|read|be)\b"
    r"\s*:?\s*(?P<new>\S.*)",
    re.IGNORECASE,
)
# ", not rang em" after the new words: the old ones.
NOT_THE_OLD = re.compile(
    # "do not phone Kevin directly" is what they want, not old words after "not" (round 25
    # r25b-14 t10 kept only "do").
    r"(?<!\bdo)(?<!\bdoes)(?<!\bdid)(?<!\bshould)(?<!\bmust)(?<!\bwill)(?<!\bcan)(?<!\bcould)"
    r"(?<!\bwould)(?<!\bplease)(?<!\bto)(?<!\bis)(?<!\bare)(?<!\bwas)"
    r"[,;]?\s+(?:not|instead of|rather than)\s+[^.]*$",
    re.IGNORECASE,
)
# "there is no job 07811", "I don't have the job number", "isn't a job number".
NO_JOB_NUMBER = re.compile(
    r"\b(?:there'?s no|theres no|there is no|no such)\s+job\b"
    r"|\b(?:don'?t|dont|do not|haven'?t|havent|have not)\s+(?:have|know|got)\s+(?:the|a|any)\s+"
    r"job\s*(?:number|no|ref)"
    r"|\b(?:isn'?t|isnt|is not|not)\s+a\s+job\s*(?:number|no|ref)",
    re.IGNORECASE,
)
JOB_HELD = re.compile(r"\bjob\s+(?:no\.?\s+|number\s+)?[A-Z]{0,3}-?\d{4,}\b", re.IGNORECASE)
# What is read back when the earlier request has no job number.
NO_JOB_NUMBER_GIVEN = "no job number given"
# "I'm helping her", "on her behalf": the writer helps someone.
HELPING_SAID = re.compile(r"\bhelping\b|\bon (?:her|his|their) behalf\b|\bacting for\b")
# "I'm Ruth Adebayo, the advocate": the writer names themself with their role.
HELPER_ROLE_SAID = re.compile(
    r"\b(?:the|his|her|their|an?)\s+(?:advocate|helper|support worker|carer|social worker|"
    r"key worker|son|daughter|neighbour|friend|representative)\b",
    re.IGNORECASE,
)
ADDRESS_WORD = re.compile(r"\baddress\b", re.IGNORECASE)
# "the property is 17 Aspen Court": the home the complaint is about.
PROPERTY = re.compile(r"\b(?:the|our client'?s|her|his|their) (?:property|premises|home)\b", re.I)
# "no adjustments needed", "I don't need any adjustments", "adjustments: none".
NO_ADJUSTMENTS = re.compile(
    r"\b(?:no|not|don'?t|dont|doesn'?t|doesnt|isn'?t|isnt|aren'?t|arent)\s+"
    r"(?:need\s+|want\s+|needs\s+|wants\s+)?(?:any\s+|an?\s+)?(?:reasonable\s+)?adjustments?\b"
    r"|\badjustments?\s*(?:=|:|-)?\s*(?:none|nothing|n/?a|not needed)\b",
    re.IGNORECASE,
)
# The adjustments answer that says none are needed (actions.adjustments).
NO_ADJUSTMENTS_NEEDED = "none"
# Said of the adjustments line it names: "I dont need anything to make it easier, please take
# that line out", "nothing would make it easier, remove that bit", "I'm fine, delete it" (round
# 23 r23b-07 t9 had those words added to "no I dont think so" in what would help).
NOTHING_HELPS = re.compile(
    r"\b(?:don'?t|dont|do not|doesn'?t|doesnt|does not)\s+(?:really\s+)?need\s+"
    r"(?:anything|any\s+(?:help|adjustments?|extra|of (?:that|those)))\b"
    r"|\bnothing\s+(?:would|will|could|can|is|'s)?\s*(?:needed|make|help)"
    r"|\bno\s+(?:help|adjustments?|extra help)\s+(?:is\s+)?(?:needed|required)\b"
    r"|^\W*(?:no[\s,]+)?(?:i'?m|im|we'?re|she'?s|he'?s)\s+(?:fine|ok|okay|all right)\b",
    re.IGNORECASE,
)
NEED_AFTER_ALL = re.compile(r"\b(?:but|except|apart from|however|though|only)\b", re.I)
WHOLE_LINE_GONE = re.compile(
    r"\b(?:take|get|leave|cross)\s+(?:that|this|the|it)(?:\s+(?:whole|adjustments?|easier))?"
    r"(?:\s+(?:line|bit|part|section))?\s+(?:out|off)\b"
    r"|\b(?:delete|remove|drop|scrap|clear|get rid of)\s+(?:that|this|it|the)"
    r"(?:\s+(?:whole|adjustments?|easier))?(?:\s+(?:line|bit|part|section))?\s*(?:[.,;!]|$)",
    re.IGNORECASE,
)
OUTCOME_WORDS = re.compile(
    # "ME WANT SORRY TOO" (round 10 r10a-27 had it added to what went wrong).
    # "the door bit is what i want changing" is about the read-back (round 17 r17a-02 t9).
    r"\b(?:(?:i want|me want|we want|wants)(?!\s+(?:chang|correct|amend|edit|updat|alter)\w*)"
    r"|i'd like|id like|i would like|would like|want them to|"
    r"compensation|"
    r"an apology|apologise|apologize|refund|explanation|outcome)\b",
    re.IGNORECASE,
)


def named_part(text: str) -> str | None:
    """The part of the read-back a message names ("the what I would like bit is wrong")."""
    said = words(text)
    return next(
        (part for part, names in PART_NAMES.items() if re.search(rf"\b(?:{names})\b", said)),
        None,
    )


# "nothing about next door", "no mention of the rent": what the part should leave out, said
# beside its new words.
LEAVE_OUT_SAID = re.compile(
    r"^\W*(?:nothing|no mention|none of it|not anything)\s+(?:about|of|on)\b", re.I
)


def headed_rewrite(text: str, only: tuple[str, ...] = ("aspects", "outcome")) -> Correction | None:
    """A part's name as a heading, then its new words: "what went wrong. i just said it - the
    tap dripping and nobody came since october. nothing about next door" replaces what went
    wrong, never adds the heading and all to it (round 19 r19b-01 t10, t11)."""
    said = sentences(text)
    head, colon, after = said[0].partition(":") if said else ("", "", "")
    if colon and words(after):
        # "What went wrong: like I said, the mice ...".
        said = [head, after, *said[1:]]
    if len(said) < 2:
        return None
    heading = words(said[0])
    part = next(
        (p for p, names in PART_NAMES.items() if re.fullmatch(rf"(?:{names})", heading)), None
    )
    if part not in only or said_to_be_fine(" ".join(said[1:]), part):
        return None
    kept = [own_words(s) for s in said[1:] if not LEAVE_OUT_SAID.match(s)]
    new = " ".join(k for k in kept if words(k)).strip()
    if not words(new):
        return None
    return Correction({part: capitalised(new)}, "changed")


def part_named_alone(text: str) -> str | None:
    """The part a message asks to change without saying how ("change who is complaining",
    "No, I want to change what went wrong"): the part's question is asked again."""
    said = words(text)
    if not re.search(rf"\b{CHANGE_WORDS}\b", said) or len(sentences(text)) > 1:
        # "Two things are wrong. It is not still happening. ... reported before either": the
        # sentences say what to change (round 12 r12a-04).
        return None
    for part, names in PART_NAMES.items():
        named = re.search(rf"\b(?:{names})\b", said)
        # Only when nothing new follows the part's name: otherwise it is the correction.
        if named and len(said[named.end() :].split()) <= 1:
            return part
    return None


def part_only(text: str) -> str | None:
    """The part a message names and says nothing else about ("what you would like", "the
    adjustments bit"): that part is picked, never taken as its new words (round 12 r12a-05 had
    a sentence cut from what went wrong, r12a-16 the words pasted onto the outcome)."""
    said = words(trimmed(text))
    part = named_part(said)
    if part is None:
        return None
    rest = re.sub(rf"\b(?:{PART_NAMES[part]})\b", " ", said, count=1)
    return part if not (set(rest.split()) - PICKING_WORDS) else None


# Words around a part's name that pick it and say nothing about it.
PICKING_WORDS = {
    "the", "bit", "part", "line", "section", "one", "change", "correct", "fix", "edit", "i",
    "want", "to", "please", "pls", "is", "wrong", "that", "about", "its", "it's", "need",
}  # fmt: skip


def part_picked(text: str) -> str | None:
    """The part a short answer to "Which part would you like to change?" names: "the earlier
    report bit" picks the earlier job, which has no button (round 8 r8c-28 had it added to the
    earlier job as "Correction: the earlier report bit")."""
    return named_part(text) if len(words(text).split()) <= PICKED_WORDS else None


# At most this many words pick a part rather than correct it.
PICKED_WORDS = 5
# How people name the contact line when asked which part: "contact", "the phone number is
# wrong", "my email" (round 15 r15a-13 was shown the same buttons again).
CONTACT_PICKED = re.compile(
    r"\b(?:contact|contacts|contact info|(?:phone|mobile|mob|tel|telephone) (?:number|no)"
    r"|(?:my|her|his|their|the|your) (?:number|mobile|mob|phone|email|e mail|name)"
    r"|number|email|e mail|how (?:you|to) (?:contact|reach)|the way you contact)\b"
)
# "the address", typed as people do: "the adress", "addy".
ADDRESS_NAMED = re.compile(r"\b(?:address|adress|addres|adres|addy)\b")
# "the address is right", "address is fine": nothing to change there.
ADDRESS_FINE = re.compile(
    r"\b(?:address|adress|addy)\s+(?:is|'s|looks|was)\s+(?:fine|right|correct|ok|okay|good)\b",
    re.IGNORECASE,
)
# What is left of an address's clause once the address is out: "you havent put that", "that's
# where I live", "the pest control need that!".
ADDRESS_CLAUSE_FILLER = re.compile(
    r"^\s*(?:(?:and|but|also|plus|pls|please|oh|btw)\s+)*(?:(?:you|u)\s+(?:have|havent|haven't|"
    r"didnt|didn't|did not|never|forgot|missed|left)\b|that'?s where\b|(?:it|that|this)\s+is\b"
    r"|i live\b|we live\b|the\s+\w+(?:\s+\w+)?\s+needs?\s+(?:that|it)\b|they need\b|need that\b)",
    re.IGNORECASE,
)


def address_alone(said: str, address: str) -> bool:
    """Whether a sentence is only an address, with at most a few words round it ("12 Sycamore
    Drive", "its 7 Birch House", "Flat 2, 9 Canal Street thanks")."""
    return len(words(said.replace(address, " ")).split()) <= 3


# Words in an answer to "Which part?" that say nothing about which: "the bit about the refund".
PICKED_FILLER = PICKING_WORDS | {
    "bit", "part", "line", "you", "got", "have", "put", "wrote", "them", "they", "him", "her",
    "she", "he", "we", "us", "our", "your", "me", "my", "getting", "get", "having",
}  # fmt: skip
# Shorter words ("out", "now") name no part's content.
SHORTEST_KEYWORD = 3
# At most this many words are read as naming a part when asked which.
ANSWERED_WORDS = 8


def part_answered(text: str, draft: DraftDefinition) -> str | None:
    """The part an answer to "Which part would you like to change?" names in the resident's own
    words: "wot went wrong", "contact", "the phone number is wrong", "the address" (the part
    that holds one), "the bit about the refund" (the part that tells of it). None when it names
    none, or more than one."""
    said = words(trimmed(text))
    if not said or len(said.split()) > ANSWERED_WORDS:
        return None
    if (named := named_part(said)) is not None:
        return named
    if ADDRESS_NAMED.search(said):
        held = [
            part
            for part, value in (
                ("who", draft.representative or ""),
                (
                    "contact",
                    draft.contact_details if draft.contact_preference.startswith("letter") else "",
                ),
                ("aspects", draft.aspects),
                ("outcome", draft.outcome),
            )
            if addresses_in(value)
        ]
        return held[0] if held else None
    if CONTACT_PICKED.search(said):
        return "contact"
    wanted = {
        key
        for key in keywords(" ".join(w for w in said.split() if w not in PICKED_FILLER))
        if len(key) > SHORTEST_KEYWORD
    }
    if not wanted:
        return None
    telling = [
        part
        for part, value in (
            ("aspects", draft.aspects),
            ("outcome", draft.outcome),
            ("earlier_request", draft.earlier_request or ""),
            ("adjustments", draft.adjustments or ""),
        )
        if mentions(value, wanted)
    ]
    return telling[0] if len(telling) == 1 else None


def trimmed(text: str) -> str:
    """The correction without "nearly -", "correction:" before it or "rest is fine" after."""
    return CLOSER.sub("", OPENER.sub("", text.strip())).strip(" ,;:-")


# "I rang 6 times not 4 and my name is Jay Pritchard": two corrections in one sentence.
AND_THE_DETAILS = (
    r"\s*,?\s+and\s+(?=(?:my|her|his|their|the|T'?s) (?:name|number|phone|email)\b)"
    # "can you add that the boiler is banging and the hot water keeps cutting out, that's still
    # going on" was read as the still-happening line alone, held already, and got "That is what I
    # have" (round 22 r22b-01 t10): the addition is one instruction, the line another.
    r"|\s*[,;]\s*(?:and\s+)?(?=(?:that'?s|thats|that is|it'?s|its|it is|which is|they'?re|"
    r"theyre|they are|both)\s+(?:all\s+)?still\s+(?:going on|happening|ongoing|the case)\b)"
    # "please add that the first missed appointment was on 17 November, and take out the bit
    # about Jo": an addition and a removal, each its own instruction (round 25 r25b-03 t11 was
    # asked which part).
    r"|\s*,?\s+and\s+(?=(?:(?:please|pls|can you|could you|also)\s+)?(?:take out|take away"
    r"|remove|delete|leave out|get rid of|cut out|add)\b)"
    # "the adjustments only says do, it should say ...": what it says, then what it should.
    r"|\s*[,;]\s*(?=(?:but\s+)?(?:it|that|this)\s+(?:should|must|needs to)\s+(?:just\s+)?"
    r"(?:say|read|be)\b)"
)


# "1) the fan stopped working 2) how do i pay my rent? i used to pay at the post office": a list.
LIST_MARK = re.compile(r"(?:^|\s)(?=\(?\d{1,2}[).]\s)")


def items(text: str) -> list[str]:
    """The things a part tells, to take one out: the numbered items of a list, each with all its
    sentences, else the sentences. Taking out "the rent bit" of a numbered message took out the
    fan, which shared a sentence with it (round 14 r14b-06)."""
    listed = [item.strip() for item in LIST_MARK.split(text.strip()) if item.strip()]
    return listed if len(listed) > 2 else sentences(text)


def instructions(text: str) -> list[str]:
    """A correction's sentences, with a name or number changed after "and" as one of its own."""
    return [p.strip() for s in sentences(text) for p in re.split(AND_THE_DETAILS, s) if p.strip()]


def correction_of(
    typed: str, draft: DraftDefinition, need_words: tuple[str, ...] = ()
) -> Correction:
    """What a message typed at the read-back changes. Whole-message instructions first
    ("replace what went wrong with: ..."), then each sentence on its own: a sentence that names
    a part changes only that part; one that names a need (`need_words`, the policy's words for
    what would help, as found in the message) changes what would help; the rest are read as a
    removal, a swap, a name, the resident, the way and time to contact, the earlier job, what
    they want, an addition. UNCLEAR when no sentence says which part it changes."""
    text = trimmed(typed)
    if not words(text):
        return UNCLEAR
    replaced = REPLACE.search(text)
    if replaced and (correction := replacement(replaced, text)) is not None:
        return with_the_rest(correction, draft, need_words, whole_sentences_before(text, replaced))
    headed = headed_rewrite(text)
    if headed is not None:
        return headed
    values = Values.of(draft, need_words)
    hows = {how for s in instructions(text) if (how := values.apply(trimmed(s))) is not None}
    changes = values.changed(draft)
    if not values.stuck and not changes and "changed" in hows and len(hows) == 1:
        # "my email is caseworker@... The councillor's is only to be copied in": what it says
        # already, said again; never "Which part would you like to change?" (round 17 r17a-08
        # t10).
        return Correction({}, "unchanged")
    if values.address_wanted and not values.stuck and not changes:
        # "No, add the address first please": asked for, never "The address first" in what
        # went wrong (round 19 r19b-10 t10).
        return Correction({}, "address")
    if (
        not values.stuck
        and set(changes) == {"contact_preference"}
        and values.text("contact_preference").startswith("letter")
        and postal_address_in(values.text("contact_details")) is None
        and not values.text("address")
    ):
        # A letter asked for with no address held: the way changed, and the address asked for
        # (round 26 r26b-05 t11 was told "That is what I have", by email only).
        return Correction(changes, "address")
    if values.stuck or (not changes and "added" not in hows):
        return UNCLEAR
    # The reply names the one thing done, when only one kind of thing was.
    return Correction(changes, hows.pop() if len(hows) == 1 else "changed")


# "any time is fine", "call me whenever": no time to keep to.
ANY_TIME = re.compile(
    r"\b(?:any\s?time|whenever|any time of (?:the )?day|no set time)\b"
    r"(?!\s+(?:except|but|apart|other than|after|before|between|from))",
    re.IGNORECASE,
)


# "and u didnt say if a manager can look at it": about our answer, not the part's new words.
NOT_ANSWERED = re.compile(
    r"(?:[,;.]\s*|\s+)(?:and\s+|but\s+|also\s+)?(?:u|you|ya)\s+(?:still\s+)?"
    r"(?:didn'?t|didnt|did not"
    r"|haven'?t|havent|have not|never|still haven'?t)\s+(?:say|said|answer|answered|tell|told|reply"
    r"|replied)\b.*$",
    re.IGNORECASE | re.DOTALL,
)


def whole_sentences_before(text: str, replaced: re.Match[str]) -> list[str]:
    """The whole sentences a message says before its instruction to rewrite a part: "Two
    things. My name is Priya Shah (Councillor), not Cllr Priya. And what went wrong must say
    ..." changes the name too (round 23 r23b-02 t7 lost it). Words that open the instruction's
    own sentence ("please ") are none."""
    before = sentences(text[: replaced.start()])
    if before and not before[-1].rstrip().endswith((".", "!", "?")):
        before = before[:-1]
    return [s for s in before if words(s)]


def with_the_rest(
    correction: Correction,
    draft: DraftDefinition,
    need_words: tuple[str, ...],
    before: list[str] | None = None,
) -> Correction:
    """New words for one part end where a sentence names another part or asks us something:
    "'You would like' should just be: ... And the easier-for-you bit should say ..." changes
    both parts, each with its own words; "... and u didnt say if a manager can look at it" is
    no part of what went wrong (round 17 r17a-12 t10, r17a-10 t10). Whole sentences before
    the instruction change what they say too (round 23 r23b-02 t7)."""
    ((part, new),) = correction.changes.items()
    if before:
        values = Values.of(draft, need_words)
        for sentence in before:
            values.apply(trimmed(sentence))
        values.stuck = False
        earlier = values.changed(draft)
        earlier.pop(part, None)
        if earlier:
            rest_of_it = with_the_rest(correction, draft, need_words)
            return Correction({**earlier, **rest_of_it.changes}, "changed")
    said = NOT_ANSWERED.sub("", str(new)).strip()
    kept: list[str] = []
    rest: list[str] = []
    for sentence in sentences(said):
        if rest or (kept and named_part(sentence) not in (None, part)):
            rest.append(sentence)
        elif not sentence.rstrip().endswith("?"):
            kept.append(sentence)
    if not kept:
        return correction
    new_words = " ".join(kept)
    if not rest:
        return Correction({part: new_words}, correction.how)
    values = Values.of(draft, need_words)
    values.parts[part] = new_words
    for sentence in rest:
        values.apply(trimmed(sentence))
    return Correction({**values.changed(draft), part: new_words}, "changed")


def correction_for(part: str, typed: str, draft: DraftDefinition) -> Correction | None:
    """What a correction that named no part changes once the resident has said which part it
    is about (the read-back's part buttons): a swap or removal inside that part, else for what
    went wrong or what they want its words added; new contact details for the contact. None
    when it gives that part nothing, and the part's question is asked again."""
    text = trimmed(typed)
    if not words(text):
        return None
    values = Values.of(draft)
    headed = headed_rewrite(text, only=(part,))
    if headed is not None:
        return headed
    if part in ("aspects", "outcome"):
        how = values.remove(text) or values.swap(text, only=(part,))
        if how is not None:
            return Correction(values.changed(draft), how)
        if values.stuck:
            # Asked to take out something that is not there: nothing to add either.
            return None
        added = ADD_INSTRUCTION.sub(" ", text).strip(" ,.;:-")
        if words(added) in words(values.text(part)):
            return None
        values.parts[part] = joined(values.text(part), added)
        return Correction(values.changed(draft), "added")
    if part == "contact":
        # Each sentence on its own: "email me. the 2pm thing is only if someone has to ring"
        # keeps email (round 18 r18a-06 t8 read back "by phone").
        hows = [values.contact(s) or values.name_alone(s) for s in instructions(text)]
        if any(hows):
            changes = values.changed(draft)
            return Correction(changes, "changed" if changes else "unchanged")
    return None


def replacement(replaced: re.Match[str], text: str) -> Correction | None:
    """ "Change what went wrong to: ...": the new words, whole, without the instruction. "It
    should say ..." replaces the part named elsewhere in the message, and only one that is
    written in words (what went wrong, what they would like); None when it is about another."""
    new_text = (
        replaced.group("text") or replaced.group("text2") or replaced.group("text3") or ""
    ).strip()
    said_part = words(
        replaced.group("part") or replaced.group("part2") or replaced.group("part3") or ""
    )
    if said_part in GENERIC_PARTS:
        named = named_part(text)
        if named not in ("aspects", "outcome") and (replaced.group("part2") or named):
            return None
        part = named or "aspects"
    else:
        wanted = re.search(r"outcome|would like|'d like|wants?\b", said_part)
        part = "outcome" if wanted else "aspects"
    if replaced.group("text2"):
        # "what went wrong must say that your ASB team have done nothing": the words after
        # "that" (round 23 r23b-02 t7 read back "What went wrong: that your ASB team ...").
        new_text = re.sub(r"^that\s+(?=\S+\s+\S+\s+\S+)", "", new_text, flags=re.IGNORECASE)
    if not words(new_text):
        return None
    return Correction({part: new_text}, "changed")


# "It should say ...", "should read:": the instruction before new words.
SAYS = re.compile(
    r"^\s*(?:it|that|this)?\s*(?:should|must|needs to)\s+(?:just\s+)?(?:say|read|be)\s*:?\s*"
    # "Please restore: damp reported 3 March ..." (round 17 r17a-13 kept "Please restore:").
    r"|^\s*(?:(?:please|pls|can you|could you)\s+)?(?:restore|put back|change (?:it )?back to"
    r"|revert (?:it )?to|set (?:it )?back to)(?:\s+(?:it|this|that|the line))?(?:\s+to)?\s*:?\s*",
    re.IGNORECASE,
)
# A sentence that opens with when to contact them: "NOT mornings", "afternoons only", "needs to
# say afternoons only, T is adamant", "calls after 2pm only".
TIME_FIRST = re.compile(
    r"^\s*(?:(?:it |that |this |the time )?(?:should|needs to|must|has to)\s+(?:just\s+)?"
    r"(?:say|read|be)\s*:?\s*)?(?:(?:only|not|no|never|just)\s+)?"
    r"(?:(?:calls?|ring|phone|contact|texts?|visits?)\s+(?:her|him|them|me|t)?\s*)?(?:only\s+)?"
    rf"(?:{CONTACT_TIME.pattern})",
    re.IGNORECASE,
)
# "'You would like' = ...", "Easier for you: ...": a line of the read-back by its label.
LABELLED = re.compile(
    r"^\s*['\"\u2018\u201c]?(?P<label>[A-Za-z' -]{3,40}?)['\"\u2019\u201d]?\s*(?:=|:)\s*"
    r"(?P<text>\S.*)$",
    re.DOTALL,
)
LABELS = {
    "you would like": "outcome",
    "would like": "outcome",
    "easier for you": "adjustments",
    "to make things easier for you": "adjustments",
    "make things easier": "adjustments",
    "it is about a request you reported before": "earlier_request",
    "reported before": "earlier_request",
}
# "nothing needed, but note my daughter Mia (9) has asthma": only what is to be noted.
NOTHING_BUT = re.compile(
    r"^\s*(?:nothing (?:else )?needed|none needed|no adjustments?(?: needed)?|nothing|none|no"
    r"|i (?:don'?t|dont|do not) need (?:anything|large print|any)(?: or anything)?)"
    # "no phone calls" is what would help: a bare "no" needs a stop or a "but" after it.
    r"(?:\s*[,;:.-]\s*|\s+(?=(?:but|except|apart from|just|only)\b))"
    r"(?:(?:but|except|apart from|just|only)\s+)*"
    r"(?:(?:please\s+)?(?:note|record|put(?: down| in)?|add|mention|write)(?: that)?\s+)?",
    re.IGNORECASE,
)


def only_what_helps(said: str) -> str:
    """What would help as said after "nothing needed, but note ...": the note; "nothing" is
    none needed."""
    if words(said) in ("nothing", "none", "no", "nothing needed", "none needed"):
        return NO_ADJUSTMENTS_NEEDED
    nothing = NOTHING_BUT.match(said)
    if nothing is None:
        return said
    left = said[nothing.end() :].strip(" .")
    return capitalised(left) if words(left) else NO_ADJUSTMENTS_NEEDED


# ", add flat 14" after words about which part: what to add is what follows.
ADD_AFTER_CLAUSE = re.compile(r"[,;]\s*(?:and\s+)?(?:please\s+|pls\s+)?add\s+(?P<what>\S.*)$", re.I)
# "..., take it out", "- remove that": what to do with the words quoted before.
TAKE_IT_OUT_AFTER = re.compile(
    r"['\"\u2019\u201d]?\s*(?:[,;-]\s*|\s+)(?:(?:please|pls|so|and)\s+)?"
    r"(?:take (?:it|that|them) out"
    r"|remove (?:it|that|them)|delete (?:it|that)|get rid of (?:it|that)|in it|in there)\b.*$",
    re.IGNORECASE,
)
# "..., that's my question not what went wrong": the part it was wrongly put in.
NOT_THE_PART = re.compile(
    r"\b(?:not|isn'?t|isnt|doesn'?t belong in|no part of)\s+(?:in\s+)?(?:the\s+)?(?=what|wot)", re.I
)
# "Contact should be her landline ...": the contact itself, not another wish beside it.
MAIN_CONTACT_SAYS = re.compile(
    r"^\s*(?:the\s+)?contact(?:\s+details)?\s+(?:should|must|needs to|ought to|is|has to)\b", re.I
)
# "Do not add our reference anywhere else", "don't put it anywhere else": nothing more to do.
NOTHING_ELSE = re.compile(
    r"^\s*(?:and\s+)?(?:please\s+)?(?:do not|don'?t|dont|no need to)\s+(?:add|put|include|change)"
    r"\b.*\b(?:anywhere else|elsewhere|anything else|any other)\b",
    re.IGNORECASE,
)
# "the reported before bit still says doin my nut": the words that are wrong, there still.
STILL_SAYS = re.compile(
    # "The adjustments line just says 'do'. It should say: ..." (round 25 r25b-14 t11 added the
    # first sentence to it).
    r"\b(?:still|now|again|just|only)\s+(?:says|has|shows|reads|got|includes|contains|reads as)\s+"
    r"['\"\u2018\u201c]?(?P<old>.+?)['\"\u2019\u201d]?[.!]*$",
    re.IGNORECASE,
)
# Words in "it should say ..." that point at the part named elsewhere.
GENERIC_PARTS = ("it", "that", "the text")
# "i want the lights fixed": what they would like, without "i want".
WANT_OPENER = re.compile(
    r"^(?:what )?(?:i|we|she|he|they|t)\s+(?:want|wants|would like|'d like|d like)(?: is)?"
    # "I want: an apology, an explanation" (round 14 r14a-14 kept "I want:").
    r"\s*:?\s+",
    re.IGNORECASE,
)
# A copy of what we send, for someone else: "send Lee a copy by post", "copy her in", "cc him".
COPY_TO = re.compile(
    r"\b(?:(?:a |the )?cop(?:y|ies) (?:of|to|for|by)|copy (?:him|her|them|[A-Z][a-z]+) in|cc)\b"
)
# "I want: an apology, an explanation": a label before the list of what they want.
WANT_LABEL = re.compile(
    r"^(?:what )?(?:i|we|she|he|they|t)\s+(?:want|wants|would like|'d like)\s*:\s*", re.IGNORECASE
)
# A letter asked for: the address is where to send it.
LETTER_WORDS = re.compile(r"\b(?:letters?|post|write to me|in writing)\b", re.IGNORECASE)
# "what i want is just the leak fixed": the words after are what they want.
WANT_IS = re.compile(
    r"\bwhat (?:i|he|she|they|we|t) (?:really )?(?:want|wants|would like|'d like)\s+"
    r"(?:is|are)\s+(?:just\s+|only\s+|simply\s+)?(?::\s*)?(?P<text>\S.*)",
    re.IGNORECASE | re.DOTALL,
)
# The parts a sentence changes only when it names them: their words match no other part.
NAMED_ONLY = ("still_happening", "helper", "adjustments", "earlier_request")
# "delete the reported before line", "get rid of the still happening bit".
LINE_GONE = re.compile(
    r"\b(?:delete|remove|take out|take away|get rid of|drop|scrap|cross out|leave out)\b"
    r"|\btake (?:the|that) \w+(?: \w+)? (?:line|bit|part) out\b",
    re.IGNORECASE,
)
# "please write this in the things to make easier": where to put it, not what would help.
PUT_IN_PART = re.compile(
    r"[,;]?\s*(?:(?:please|pls|can you|could you)\s+)?(?:(?:write|put|add|note)\s+"
    r"(?:this|that|it)\s+)?(?:in|on|under|to|into)\s+(?:the\s+)?"
    rf"(?:{PART_NAMES['adjustments']})(?:\s+(?:bit|part|line|section))?\b",
    re.IGNORECASE,
)
# "yes you can put down that ...", "you can note that ...": leave to record, not what would help.
PERMISSION_OPENER = re.compile(
    r"^\s*(?:(?:yes|yeah|yep|ok|okay)\b[\s,]*)?(?:(?:you|u|we)\s+(?:can|may|could)\s+)"
    r"(?:put (?:it |that |this )?down|note|record|write (?:it |that )?down|add)(?:\s+that)?\s*",
    re.IGNORECASE,
)
# "It is NOT still happening", "it was a one-off", "it has stopped".
STOPPED = re.compile(
    r"\b(?:not|isn't|isnt|no longer|never)\b(?:\s+\w+)?\s+still\b"
    r"|\b(?:has stopped|it stopped|one off|not ongoing|isn't ongoing)\b"
)
# "still say it has stopped. the ceiling problem is not stopped", "the water stop but ceiling
# is still broken" (round 16 r16a-02 t10-t12 could not change "It has stopped").
NOT_STOPPED = re.compile(
    r"\b(?:not|isn'?t|isnt|hasn'?t|hasnt|never|havent|haven'?t)\s+(?:\w+\s+)?(?:stopped|stop|over|"
    r"finished|fixed)\b"
    r"|\b(?:stopped|stop|stops|off|over|gone|fixed|dry)\b.*\bbut\b.*\bstill\b"
)


def goes_on_after_all(text: str) -> bool:
    """Whether a change at the read-back says the problem has not stopped, where it reads
    "It has stopped"."""
    return NOT_STOPPED.search(words(text)) is not None


# "it isn't about a repair I reported before either" (round 12 r12a-04).
NOT_ABOUT_ONE = re.compile(
    r"\b(?:not|isn'?t|isnt|wasn'?t|wasnt|nothing to do with)\s+(?:about\s+|to do with\s+)?"
    r"(?:a|an|any)\s+(?:repair|request|job|report)\b",
    re.IGNORECASE,
)
# "(Councillor)", "(her son)": an aside in brackets.
ASIDE = re.compile(r"\s*\([^()]*\)")
# "must say Graham Pike, not Iris": the wrong name after "not" is not the new one.
NOT_THIS = re.compile(r"\b(?:not|instead of|rather than)\s+[^,.;]*", re.IGNORECASE)
# "the adjustment should say: no phone calls", "change the adjustments to large print".
ADJUSTMENT_SAYS = re.compile(
    r"(?:\b(?:should|shd|shud|shld|must|needs to|ought to)\s+(?:just\s+|only\s+)?(?:say|read|be)"
    r"|\bto\s+(?:say|read)|\bto\b(?=\s*:)|(?<=adjustments)\s+to|(?<=adjustment)\s+to"
    r"|\bis\s+(?:just|only|actually|really)|:)\s*:?\s*(?P<text>\S.*)",
    re.IGNORECASE | re.DOTALL,
)


def said_to_be_fine(said: str, part: str) -> bool:
    """ "what he wants is fine now", "the address part is ok": nothing to change there."""
    return (
        re.search(
            rf"\b(?:{PART_NAMES[part]})\b(?:\s+(?:bit|part|line|one|section))?\s+"
            r"(?:is|are|'s|looks?|seems?)\s+(?:fine|ok|okay|right|good|correct|all right)\b",
            words(said),
        )
        is not None
    )


# "the what I would like bit is wrong": the part the next sentence gives new words for.
POINTER = re.compile(
    r"\b(?:bit|part|section|line|one)?\s*(?:is|are|'s|was)\s+(?:all\s+|still\s+)?"
    r"(?:wrong|not right|incorrect|not correct|off)\b",
    re.IGNORECASE,
)


@dataclass
class Values:
    """The draft's parts as they are being corrected, sentence by sentence."""

    parts: dict[str, str | bool]
    helping: bool
    # The part an earlier sentence said was wrong, which the next one rewrites.
    pointed: str | None = None
    # Something asked to be taken out that could not be found: the message is asked about.
    stuck: bool = False
    # "add the address first please" with no address typed and none held: we ask for it.
    address_wanted: bool = False
    # The policy's words for a need, as the message has them ("interpreter", "disabled").
    need_words: tuple[str, ...] = ()
    # Where phone numbers may be held before any change: the contact, the helper's line, what
    # would help.
    held_numbers: tuple[str, ...] = ()

    @staticmethod
    def of(draft: DraftDefinition, need_words: tuple[str, ...] = ()) -> Values:
        return Values(
            {
                "aspects": draft.aspects,
                "still_happening": "" if draft.still_happening is None else draft.still_happening,
                "outcome": draft.outcome,
                "earlier_request": draft.earlier_request or "",
                "contact_name": draft.contact_name,
                "contact_details": draft.contact_details,
                "contact_preference": draft.contact_preference,
                "representative": draft.representative or "",
                "consent": bool(draft.consent),
                "acting_for": "someone_else" if draft.representative is not None else "",
                "adjustments": draft.adjustments or "",
                "address": draft.address or "",
            },
            helping=draft.representative is not None,
            need_words=need_words,
            held_numbers=(
                draft.contact_details,
                draft.representative or "",
                draft.adjustments or "",
            ),
        )

    def changed(self, draft: DraftDefinition) -> dict[str, str | bool]:
        before = Values.of(draft).parts
        return {k: v for k, v in self.parts.items() if before.get(k) != v}

    def text(self, part: str) -> str:
        return str(self.parts.get(part) or "")

    def apply(self, said: str) -> How | None:
        """Applies one sentence; None when it changes nothing that can be told."""
        part, pointer = named_part(said), POINTER.search(said)
        if part is not None and said_to_be_fine(said, part):
            # "what he wants is fine now. Change the helper name to ...": that part is kept
            # (round 12 r12a-10 had the outcome overwritten by those words).
            return None
        if COPY_THEM_IN.search(said) and not contact_details_in(said):
            # "copy mum in" with no email given and no copy held: which part is asked, never
            # "That is what I have" (round 18 r18a-08 t14).
            held_copies = [
                w for w in wishes(self.text("contact_details")) if "cop" in w or "@" in w
            ]
            # Or the resident's own email held with who the complaint is for ("We will also
            # email Fatima Rahman on ...", round 18 r18a-08 t14).
            theirs = self.text("representative").partition("contact details:")[2]
            self.stuck = self.stuck or not (held_copies or "@" in theirs)
            # "put flat B and copy mum in": the rest of the sentence is applied.
            rest = COPY_CLAUSE.sub(" ", said)
            return self.apply(rest) if words(rest) and rest != said else None
        labelled = LABELLED.match(said)
        if labelled is not None and (told := self.labelled(labelled)) is not None:
            return told
        if NOTHING_ELSE.search(said):
            # "Do not add our reference anywhere else.": nothing to change (round 17 r17a-13
            # stored it as "Correction: ..." after the earlier report).
            return None
        other = self.other_contact(said)
        if other is not None:
            return other
        if part in (None, "contact", "helper") and self.any_time(said):
            return "changed"
        if part in (None, "contact") and TIME_FIRST.match(said):
            # "NOT mornings. afternoons only", "needs to say afternoons only, she's at dialysis
            # mornings": when to contact them, with the way held, never what would help (round
            # 17 r17a-07 was asked which part, then lost the hearing adjustment).
            return self.contact_time(said)
        still = STILL_SAYS.search(said) if part in WRITTEN_PARTS else None
        if part is not None and still is not None:
            # "the reported before bit still says doin my nut. should just say reported tues by
            # phone": those words taken out there, and the next sentence rewrites that part, never
            # the way to contact ("by phone" changed "text only", round 17 r17a-02 t12).
            self.pointed = part
            current = self.text(part)
            old = TAKE_IT_OUT_AFTER.sub("", still.group("old")).strip(" .'\"")
            found = re.search(re.escape(old), current, re.IGNORECASE) if words(old) else None
            if found is None:
                return None
            left = " ".join((current[: found.start()] + current[found.end() :]).split())
            left = left.strip(" ,;:-")
            if words(left):
                self.parts[part] = left
            return "removed"
        if part is not None and pointer and len(words(said[pointer.end() :]).split()) < 2:
            # "The what I would like bit is wrong." and nothing after: the next sentence says.
            self.pointed = part
            return None
        if self.pointed == "representative" and self.resident(said):
            # "You've lost his name and address! The resident is Mr Samuel Oduya, 3 Beech
            # Court": the address with the name (round 10 r10a-05 kept the name alone).
            return "changed"
        if self.pointed in ("contact_name", "representative") and self.change_to(said):
            # "... put the company name in. Please change Rapid something to RapidFix Plumbing":
            # words found in what she wrote are changed there, never her name (round 18 r18a-05
            # t12 read back "We will contact RapidFix Plumbing").
            self.pointed = None
            return "changed"
        if self.pointed in ("contact_name", "representative"):
            # "the name is wrong. It should say Mrs D Okafor".
            new = corrected_name(said, self.text(self.pointed)) or next(
                iter(written_names(said)), None
            )
            if new is not None:
                self.parts[self.pointed] = new
                return "changed"
        if self.pointed == "earlier_request":
            # "The earlier request part is wrong. I reported it to the caretaker on 3 November":
            # the new words replace it, never "Correction: ..." after the wrong ones (r8c-28),
            # and a date said beside a job number is kept (r8a-12 kept only the number).
            self.parts["earlier_request"] = SAYS.sub("", said).strip().rstrip(".")
            self.pointed = None
            return "changed"
        if self.pointed in ("aspects", "outcome"):
            # The new words for the part said to be wrong, unless they remove or swap.
            how = self.remove(said) or self.swap(said, only=(self.pointed,))
            if how is None and self.pointed == "outcome":
                # "... bit is wrong. What I want is an apology": what they want, without "what I
                # want is" (round 14 r14a-14 read it back whole).
                wanted = WANT_IS.search(said)
                new = own_words(wanted.group("text") if wanted else said)
                self.parts["outcome"] = capitalised(WANT_LABEL.sub("", new).strip())
            elif how is None:
                self.parts[self.pointed] = capitalised(own_words(SAYS.sub("", said)))
            return how or "changed"
        if part in ("aspects", "outcome") and pointer and words(said[pointer.end() :]):
            # "the what i would like bit is wrong, i want the lights fixed and a call back": the
            # words after are that part's, never a change to the way to contact (round 12
            # r12a-16 replayed: "call back" changed email to phone).
            new = own_words(SAYS.sub("", said[pointer.end() :].strip(" ,;:-")).strip())
            if part == "outcome":
                new = WANT_OPENER.sub("", new)
            self.parts[part] = capitalised(new)
            return "changed"
        wanted = WANT_IS.search(said) if part == "outcome" else None
        if wanted is not None and words(wanted.group("text")):
            # "take the daft bit out, what i want is just the leak fixed properly": what they
            # want, whole, in the words after (round 12 r12a-14 was asked which part).
            text = WANT_OPENER.sub("", own_words(wanted.group("text"))).strip(" .")
            self.parts["outcome"] = capitalised(text)
            return "changed"
        if part == "outcome" and not (REMOVE.search(said) or OUTCOME_WORDS.search(said)):
            # What they would like, named, with nothing that changes it: asked about.
            self.stuck = True
            return None
        if self.change_to(said) or self.readdress(said):
            # "change 7 Kings Walk to 17 Kings Walk", "address is 17 Kings Walk not 7": the
            # words replaced where they are, never added after them (round 15 r15a-03).
            return "changed"
        own = None if self.helping else self.own_address(said)
        if own is not None or self.address_wanted:
            # "and my address is 14 Larch Court, you havent put that", "No, add the address
            # first please": the address line, never "The address first" added to what went
            # wrong (round 19 r19b-10 t10 was logged so).
            return own
        if part in ("helper", "who", None) and self.not_helping(said):
            # "I am the resident, Priya Nair - there is no helper", "No helper.": read back as
            # helping, the writer is the resident (round 15 r15a-13 was asked which part).
            return "changed"
        if part == "helper" and self.parts.get("acting_for") == "resident":
            # "... It's me, the resident. No helper.": said again, once the helper is gone.
            return None
        if self.pointed in ("adjustments", "helper") and part is None:
            # "The adjustments line is wrong. It should say letters in large print."
            part = self.pointed
        if part in NAMED_ONLY or (part is None and self.tells_a_need(said)):
            # A part without words of its own to match, or a need: changed there or nowhere,
            # never another part that happens to match (round 12 r12a-03 had "add I need a
            # Polish interpreter" change the way to contact).
            how = self.named_step(part or "adjustments", said)
            self.stuck = self.stuck or how is None
            return how
        if self.remove(said) or self.stuck:
            return "removed" if not self.stuck else None
        # "its Jay Pritchard with capitals ... and I rang 5 times not 4": the name as it should
        # be written, beside whatever else the sentence changes.
        recased = self.recased_name(said)
        for step in (
            self.ask_for, self.keep_only, self.no_adjustments, self.not_helping, self.resident,
            self.roles,
            self.helper, self.name, self.copy_to_resident,
            self.address, self.contact, self.swap,
            self.earlier, self.outcome, self.add,
        ):  # fmt: skip
            how = step(said)
            if how is not None:
                return how
        return recased

    def change_to(self, said: str) -> bool:
        """ "change 7 Kings Walk to 17 Kings Walk", "replace 'Tuesday' with 'Thursday'": the
        old words, found as written in one part, replaced there by the new."""
        match = CHANGE_TO.search(said)
        if match is None:
            return False
        old, new = (
            match.group(name).strip(" .,'\"\u2018\u2019\u201c\u201d") for name in ("old", "new")
        )
        if not words(old) or not words(new) or len(old.split()) > MOST_CHANGED:
            return False
        return self.replaced_in(old, new, WRITTEN_PARTS)

    def readdress(self, said: str) -> bool:
        """An address typed that differs from one held only in its number ("address is 17 Kings
        Walk not 7", "the address. 17 Kings Walk"): the number put right where it is held."""
        new = postal_address_in(said)
        if new is None:
            return self.flat_added(said)
        for part in ("address", "representative", "contact_details", *WRITTEN_PARTS):
            if new.lower() in self.text(part).lower():
                # Held as typed already ("Flat 4, 18 Birch Road" asked for a letter and read in
                # from the message): never "Flat 4, Flat 4, 18 Birch Road" (round 26 r26b-05).
                continue
            for old in addresses_in(self.text(part)):
                if old != new and street_of(old) == street_of(new):
                    return self.replaced_in(old, new, (part,))
        return False

    def flat_added(self, said: str) -> bool:
        """ "put flat B", "you missed the flat, its flat 4": the flat put before the one address
        held without one (round 18 r18a-08 t14 was logged without it)."""
        flat = FLAT_ONLY.search(said)
        if flat is None:
            return False
        held = [
            (part, old)
            for part in ("representative", "contact_details")
            for old in addresses_in(self.text(part))
        ]
        if len(held) != 1:
            return False
        part, old = held[0]
        has_flat = re.search(r"\bflat\s+(\w+)", old, re.IGNORECASE)
        if has_flat is not None:
            # "put flat B" where Flat B is held: said again, nothing to change; "it's flat D"
            # where flat C is held: the flat put right.
            if has_flat.group(1).lower() == flat.group("flat").lower():
                return True
            new = f"{old[: has_flat.start(1)]}{flat.group('flat').upper()}{old[has_flat.end(1) :]}"
            return self.replaced_in(old, new, (part,))
        return self.replaced_in(old, f"Flat {flat.group('flat').upper()}, {old}", (part,))

    def replaced_in(self, old: str, new: str, parts: tuple[str, ...]) -> bool:
        for part in parts:
            current = self.text(part)
            found = re.search(rf"(?<![\w']){re.escape(old)}(?![\w'])", current, re.IGNORECASE)
            if found is not None:
                self.parts[part] = current[: found.start()] + new + current[found.end() :]
                return True
        return False

    def tells_a_need(self, said: str) -> bool:
        lowered = said.lower()
        return any(need.lower() in lowered for need in self.need_words)

    def named_step(self, part: str, said: str) -> How | None:
        """The change a sentence makes to the part it names or is about."""
        if part == "still_happening":
            return self.still(said)
        if part == "helper":
            return self.helper(said) or self.helper_line(said)
        if part == "earlier_request":
            if NO_JOB_NUMBER.search(said):
                return self.no_job_number()
            says = EARLIER_SAYS.search(said)
            if says is not None and words(says.group("new")):
                # "the reported before bit shud say leaks reported march n august 2026 not rang
                # em": the new words, without the old ones after "not" (round 15 r15c-12).
                new = NOT_THE_OLD.sub("", says.group("new")).strip(" .,;:-")
                self.parts["earlier_request"] = capitalised(own_words(new))
                return "changed"
            if LINE_GONE.search(said) or NEVER_REPORTED.search(said):
                self.parts["earlier_request"] = NOT_ABOUT_AN_EARLIER_REQUEST
                return "changed"
            return self.earlier(said)
        return self.no_adjustments(said, named=True) or self.adjustment(said)

    def still(self, said: str) -> How | None:
        """ "It is NOT still happening, it was one call", "delete the still happening line":
        whether it is still happening, as said."""
        goes_on = NOT_STOPPED.search(words(said))
        stopped = not goes_on and (LINE_GONE.search(said) or STOPPED.search(words(said)))
        self.parts["still_happening"] = not stopped
        return "changed"

    def helper_line(self, said: str) -> How | None:
        """ "The 'You are helping them' line must say Graham Pike, not Iris": the helper's name,
        which is the name we contact."""
        named = re.search(rf"\b(?:{PART_NAMES['helper']})\b", said, re.IGNORECASE)
        after = said[named.end() :] if named else said
        names = [
            name
            for name in written_names(NOT_THIS.sub(" ", after))
            if name.split()[0] not in NOT_NAMES
        ]
        if not names:
            return None
        self.parts["contact_name"] = names[0]
        return "changed"

    def adjustment(self, said: str) -> How | None:
        """What would help, as the resident now puts it: "the adjustment should say: ..." is the
        whole of it, "add I need a Polish interpreter" one more need beside those held."""
        instead = ADJUSTMENT_SAYS.search(said)
        if instead is not None and not ADD_MARKERS.search(said[: instead.start()]):
            # "adj shd be asthma not the phone no": the new words without the old after "not".
            new = only_what_helps(
                NOT_THE_OLD.sub("", instead.group("text").strip(" .")).strip(" .")
            )
        else:
            # "Add to the adjustments: no phone calls ever": one more, beside those held.
            said = instead.group("text") if instead is not None else said
            said = PERMISSION_OPENER.sub("", PUT_IN_PART.sub(" ", said))
            new = " ".join(ADD_INSTRUCTION.sub(" ", said).split()).strip(" ,.;:-")
            if words(new) in words(self.text("adjustments")):
                return None
            held = self.text("adjustments")
            new = joined("" if held == NO_ADJUSTMENTS_NEEDED else held, new)
        if not words(new):
            return None
        self.parts["adjustments"] = new
        return "changed"

    def recased_name(self, said: str) -> How | None:
        """A name held as typed ("jay pritchard") written again with capitals."""
        for part in ("contact_name", "representative"):
            held = self.text(part)
            found = re.search(rf"\b{re.escape(held)}\b", said, re.IGNORECASE) if held else None
            if (
                found is not None
                and found.group() != held
                and found.group() == found.group().title()
            ):
                self.parts[part] = found.group()
                return "changed"
        return None

    def keep_only(self, said: str) -> How | None:
        match = KEEP_ONLY.search(said)
        if match is None:
            return None
        what = match.group("what") or match.group("what2") or ""
        if RESIDENT.search(said) or re.search(r"\bfor\s+(?:my|her|his)\b", said, re.I):
            return None
        kept: list[str | None] = []
        for sentence in sentences(self.text("aspects")):
            # "He never came back": a sentence that goes on from one kept is kept with it.
            goes_on = kept and kept[-1] is not None and words(sentence).split()[0] in GOES_ON
            kept.append(sentence if mentions(sentence, keywords(what)) or goes_on else None)
        found = [sentence for sentence in kept if sentence is not None]
        self.parts["aspects"] = " ".join(found) if found else what.strip(" .") + "."
        return "changed"

    def remove(self, said: str) -> How | None:
        # "the 'you would like' bit has 'that's about housing bands' stuck on the front, remove
        # that": the words to take out, not the read-back's name for the part they are in
        # (round 20 r20a-08 t7 was asked which part).
        quoted = next(
            (q for q in QUOTED.finditer(said) if named_part(f"the {q.group(1)}") is None), None
        )
        if quoted is not None and (REMOVE.search(said) or TAKE_IT_OUT.search(said)):
            # "you've still got 'I'd rather phone someone' in there, remove that" (r8c-28).
            return self.remove_words(quoted.group(1))
        match = REMOVE.search(said)
        if match is None:
            return None
        # "leave out the refund - I only want the cleaning restarted": the words after a dash
        # say why, and are not what to take out (round 15 r15a-13 lost the cleaning).
        what = DASH.split(next((found for found in match.groups() if found), ""))[0]
        wanted = keywords(what)
        part = self.part_telling(what, wanted)
        where = named_part(said)
        if where in ("aspects", "outcome") and NOT_THE_PART.search(said):
            # "take out the bit about the manager, thats my question not what went wrong": from
            # what went wrong, or nowhere; never from what they would like, where they asked for
            # a manager (round 17 r17a-10 t11, replayed).
            part = where
        current = items(self.text(part))
        kept = [s for s in current if not mentions(s, wanted)]
        if len(kept) == len(current) and AT_THE_END.search(said):
            kept = current[:-1]
        if not kept and wanted:
            # One sentence tells it with more: "restart the cleaning, and refund the cleaning
            # charge" loses only the refund (round 15 r15a-13 kept it).
            kept = [k for s in current if (k := without_clauses(s, wanted))]
        if not kept or kept == current:
            # Nothing found to take out, or it would leave the part empty: ask.
            self.stuck = True
            return None
        if kept[0] != current[0]:
            # "But the plumber never came", once the compliment before it is gone, starts the
            # part without "But" (round 25 r25b-03 t11).
            kept[0] = capitalised(re.sub(r"^(?:but|and|so|also)\s+", "", kept[0], flags=re.I))
        self.parts[part] = " ".join(kept)
        return "removed"

    def part_telling(self, what: str, wanted: set[str]) -> str:
        """The part to take something out of: the one named, else the one that tells of it
        ("leave out the refund" is what they would like, where the refund is), else what went
        wrong."""
        named = named_part(what)
        if named in ("aspects", "outcome"):
            return named
        found = [
            part
            for part in ("aspects", "outcome")
            if any(mentions(s, wanted) for s in items(self.text(part)))
        ]
        if len(found) == 1:
            return found[0]
        if not found and any(mentions(s, wanted) for s in items(self.text("earlier_request"))):
            # "take out doin my nut", where only the reported-before line has it (round 17
            # r17a-02 t9 was asked which part).
            return "earlier_request"
        return "outcome" if found and OUTCOME_WORDS.search(what) else "aspects"

    def remove_words(self, quoted: str) -> How | None:
        """Takes the quoted words out of the part that holds them; an earlier job left with
        nothing is no earlier job."""
        for part in ("earlier_request", "aspects", "outcome"):
            current = self.text(part)
            found = re.search(re.escape(quoted.strip(" .")), current, re.IGNORECASE)
            if found is None:
                continue
            left = " ".join((current[: found.start()] + current[found.end() :]).split())
            left = left.strip(" ,.;:-")
            if not words(left) and part != "earlier_request":
                break
            self.parts[part] = left or NOT_ABOUT_AN_EARLIER_REQUEST
            return "removed"
        self.stuck = True
        return None

    def resident(self, said: str) -> How | None:
        """The resident a helper writes for, and their agreement. "the complaint is for my mum
        Grace Okafor" from someone read back as the resident makes them the helper."""
        match = RESIDENT.search(said)
        changed: How | None = None
        if match is not None and match.group("name").split()[0] not in NOT_NAMES:
            # "The resident is George Price, 12 Rowan Close, Bradford BD7 1AA": the address too.
            address = ADDRESS.match(said[match.end("name") :])
            resident = (
                f"{match.group('name')}, {address.group(1)}" if address else match.group("name")
            )
            opener = words(said[: match.start("name")])
            # "the complaint should be from my nan, Edna Price" (round 25 r25b-08 t14).
            for_someone = re.search(r"\b(?:for|from|behalf)\b", opener) and (
                re.search(r"\b(?:my|her|his|their|our) [a-z-]+,?\s+$", said[: match.start("name")])
                # "The complaint is for Mrs Hilda Brooks at 3 Rowan Court" from someone read back
                # as the resident, named otherwise (round 9 r9a-32 was asked which part).
                or not same_person(match.group("name"), self.text("contact_name"))
            )
            held = self.text("representative")
            held_name = held.split(",")[0].strip()
            if (
                self.helping
                and same_person(match.group("name"), held_name)
                and len(match.group("name").split()) < len(held_name.split())
            ):
                # "we note the complaint is for Ms Osei of that address": the same person, said
                # shorter; the full name held is kept (round 19 r19b-12 t13 cut it to "Ms Osei").
                if address and address.group(1) not in held:
                    self.parts["representative"] = f"{held_name}, {address.group(1)}"
                    changed = "changed"
            elif self.helping and (
                re.search(r"\b(?:resident|tenant|t|for)\b", opener) or OTHERS_NAME.search(opener)
            ):
                self.parts["representative"] = resident
                changed = "changed"
            elif for_someone:
                self.parts["representative"] = resident
                self.parts["acting_for"] = "someone_else"
                self.helping = True
                changed = "changed"
            elif re.search(r"\b(?:resident|tenant|t)\b", opener):
                self.parts["contact_name"] = self.full_name(match.group("name"))
                changed = "changed"
        if self.helping and consent_told(said):
            self.parts["consent"] = True
            changed = "changed"
        return changed

    def not_helping(self, said: str) -> How | None:
        """ "its not for someone else its me, im the tenant": read back as a helper, the writer
        is the resident (round 12 r12d-02 was logged as helping herself)."""
        said_words = words(said)
        if not self.helping or not (
            NO_HELPER.search(said_words)
            # "its me Cllr Mistry helping, not Ms Price" says who helps.
            or (says_they_are_the_resident(said) and not HELPING_SAID.search(said_words))
        ):
            return None
        self.parts["acting_for"] = "resident"
        self.parts["representative"] = ""
        self.helping = False
        return "changed"

    def roles(self, said: str) -> How | None:
        """ "I'm Ruth Adebayo, the advocate. Daniel Frost is the resident": who is who, when the
        read-back had them swapped (round 10 r10a-10)."""
        resident = NAMED_RESIDENT.search(said)
        writer = own_name_in(said)
        # "I am Cllr Dev Mistry, contact ME by email": read back with the resident's name as
        # the helper's, the writer's own name is theirs (round 15 r15d-09, r15a-05).
        resident_as_helper = self.helping and same_person(
            self.text("contact_name"), self.text("representative").split(",")[0]
        )
        if resident is None and (
            writer is None or not (HELPER_ROLE_SAID.search(said) or resident_as_helper)
        ):
            return None
        if writer is not None and not same_person(writer, self.text("contact_name")):
            self.parts["contact_name"] = writer
        if resident is not None:
            held = self.text("representative")
            same = same_person(resident.group("name"), held.split(",")[0])
            self.parts["representative"] = held if same else resident.group("name")
            self.parts["acting_for"] = "someone_else"
            self.helping = True
        if contact_details_in(said) or PREFERENCE_WORDS.search(said):
            # "I am Cllr Dev Mistry, contact ME by email at ...": the way to reach them too.
            self.contact(said)
        return "changed"

    def helper(self, said: str) -> How | None:
        """ "helper = Dan Price": the helper's name, which is the name we contact."""
        named = HELPER_IS.search(said)
        if named is None or named.group("name").split()[0] in NOT_NAMES:
            return None
        self.parts["contact_name"] = named.group("name")
        return "changed"

    def name(self, said: str) -> How | None:
        lowered = said.lower()
        if "name" not in lowered:
            return self.name_alone(said) or self.own_name(said)
        if FIRMS_NAME.search(lowered):
            # "You haven't put the company name in": a firm in what went wrong, never the
            # name we contact (round 18 r18a-05 t12).
            return None
        after = said[lowered.index("name") + len("name") :]
        # "My name is Priya Shah (Councillor), not Cllr Priya": the aside is no part of the
        # name, and never swapped in for the old one (round 23 r23b-02 t7 got "Shah
        # Councillor").
        after = ASIDE.sub("", after)
        whose = "representative" if self.helping and OTHERS_NAME.search(lowered) else "contact_name"
        swapped = self.swap(after, only=(whose,))
        if swapped:
            return swapped
        new = corrected_name(after, self.text(whose))
        if new is None:
            # "the name is wrong": the next sentence may give it.
            self.pointed = whose
            return None
        address = ADDRESS.match(after[after.find(new) + len(new) :]) if new in after else None
        if whose == "representative" and address is not None:
            # "her name is missing, its Mrs Edna Pryce, 14 Orchard Row" (round 10 r10a-09).
            new = f"{new}, {address.group(1).rstrip(',')}"
        self.parts[whose] = new
        return "changed"

    def own_address(self, said: str) -> How | None:
        """The resident's own address, typed at the read-back: "my address is 14 Larch Court",
        "put my address on it 7 Birch House, and text or whatsapp both fine" (the other clauses
        applied too), or an address on its own. Asked for with none typed ("you forgot my
        address"): "That is what I have" when one is held, else we ask for it."""
        letters = self.text("contact_preference").startswith("letter") or LETTER_WORDS.search(said)
        named = ADDRESS_NAMED.search(said.lower()) is not None
        found = postal_address_in(said)
        if letters or not (named or (found and address_alone(said, found))):
            return None
        if found is None:
            if ADDRESS_FINE.search(said):
                return None
            # Said about the address with none typed: never words for a part.
            self.address_wanted = not self.text("address")
            return None if self.address_wanted else "changed"
        self.parts["address"] = found
        for clause in CLAUSE_JOIN.split(said.replace(found, " ").strip(" .!?")):
            # Only the way to contact beside it ("and text or whatsapp both fine"); "I made a
            # typo earlier" is no part's words.
            if (
                words(clause)
                and not ADDRESS_NAMED.search(clause.lower())
                and not ADDRESS_CLAUSE_FILLER.match(clause)
            ):
                self.contact(trimmed(clause))
        return "changed"

    def address(self, said: str) -> How | None:
        """ "it needs her address too - flat 11 Greenacre House, Salford M6 5RT": the address of
        the resident a helper writes for, put with their name (round 10 r10a-26 had it added to
        what went wrong)."""
        found = (
            postal_address_in(said) if ADDRESS_WORD.search(said) or PROPERTY.search(said) else None
        )
        if found is None or not self.helping:
            return None
        if found in self.text("representative"):
            # "The property address 17 Aspen Court is still omitted" when it is shown: what it
            # says already (round 19 r19b-12 t13 was asked which part).
            return "changed"
        held = self.text("representative")
        name = resident_in(held, self.text("contact_name")) or held.split(",")[0]
        self.parts["representative"] = f"{name.split(',')[0]}, {found}"
        return "changed"

    def name_alone(self, said: str) -> How | None:
        """A name typed on its own ("Brenda O'Neill") corrects the name it shares a word with."""
        names = written_names(said)
        if not names or names[0] != said.strip(" .!"):
            return None
        for part in ("contact_name", "representative"):
            if set(names[0].lower().split()) & set(words(self.text(part)).split()):
                self.parts[part] = names[0]
                return "changed"
        return None

    def ask_for(self, said: str) -> How | None:
        """ "ask for Rahim Uddin my husband when you phone", "the number is my husband's, ask for
        him": who to ask for, with the way to contact, never what went wrong (round 18 r18a-15
        t11-t12)."""
        if ASK_FOR.search(said) is None or ASK_FOR_NOTHING.search(said):
            return None
        held = self.text("contact_name")
        relative = RELATIVE_NAMED.search(said)
        names = [n for n in written_names(said) if not same_person(n, held)] or (
            [relative.group("name")] if relative else []
        )
        if not names or self.helping:
            return None
        way = self.text("contact_preference") or "phone"
        way = re.sub(r",\s*ask for .*$", "", way)
        self.parts["contact_preference"] = f"{way}, ask for {names[0]}"
        return "changed"

    def own_name(self, said: str) -> How | None:
        """ "No! I'm Jean Whitfield, RapidFix is the company he works for": the resident's own
        name, put back where another was read back (round 18 r18a-05 t13 was not applied)."""
        told = I_AM.search(said)
        name = told.group("name").strip() if told else ""
        held = self.text("contact_name")
        if (
            self.helping
            or not name
            or name.split()[0] in NOT_NAMES
            or len(name.split()) < 2
            or is_organisation(name)
        ):
            return None
        if not same_person(name, held):
            # The name held already: said again, nothing to change.
            self.parts["contact_name"] = self.full_name(name)
        return "changed"

    def full_name(self, name: str) -> str:
        return corrected_name(f"is {name}", self.text("contact_name")) or name

    def copy_to_resident(self, said: str) -> How | None:
        """ "please send Lee a copy of letters by post to 5 Mill Lane": a copy for the resident
        a helper writes for, kept with what would help; how we reach the helper stays (round 14
        r14a-06 wrote to the tenant's address instead of the support worker's email)."""
        if not self.helping or COPY_TO.search(said) is None:
            return None
        copy = OPENER.sub("", ADD_INSTRUCTION.sub(" ", said)).strip(" ,.;:-")
        copy = re.sub(r"^(?:and\s+)?(?:please|pls|can you|could you)\s+", "", copy, flags=re.I)
        self.parts["adjustments"] = joined(self.text("adjustments"), capitalised(copy))
        return "changed"

    def contact(self, said: str) -> How | None:
        said = NO_THEN_WAY.sub("", said)
        details = contact_details_in(said)
        held = self.text("contact_preference").split(",")[0].split(" ")[0]
        if not details and IF_CALLED.search(said) and held not in ("", "phone"):
            # "the 2pm thing is only if someone has to ring": the way held stays; a time is for
            # calls beside it (round 18 r18a-06 t7-t8 turned email into phone).
            when = contact_time_told(said)
            if when is None:
                return None
            self.parts["contact_preference"] = f"{held}, calls {when.split(', ', 1)[-1]}"
            return "changed"
        if details:
            # The other contact wishes held with them stay (bot.contact_wishes).
            self.parts["contact_details"] = ALSO.join(
                [details, *wishes(self.text("contact_details"))]
            )
        # A number corrected alone keeps the way already held: "mobile typo, should be 07722
        # 450019" is no change from "text only" to a phone call (round 10 r10c-13).
        keeps_the_way = details is not None and way_fits(self.text("contact_preference"), details)
        preference = (
            preference_beside_details(said, last=True)
            if (details and not keeps_the_way)
            or PREFERENCE_WORDS.search(said)
            or CONTACT_TIME.search(said.lower())
            else None
        )
        if details and preference is None and not keeps_the_way:
            # An email given where a phone was held: written to by email, not "by phone (email)".
            preference = "email" if "@" in details else "phone"
        if preference is None:
            # "You missed that I asked to be called only after 5pm": a call, at that time.
            preference = contact_time_told(said)
            held = self.text("contact_preference").split(",")[0].split(" ")[0]
            if preference and IF_CALLED.search(said) and held not in ("", "phone"):
                # "contact by TEXT. if calling, only AFTER 2pm": the way kept, the time for
                # calls beside it (round 15 r15d-12).
                preference = f"{held}, calls {preference.split(', ', 1)[1]}"
        if preference == held and self.text("contact_preference").startswith(f"{held}, calls "):
            # "email me, i said email" where "email, calls not before 2pm" is held: the time
            # for calls stays (round 18 r18a-06).
            return "changed"
        both = both_ways_asked(said)
        if both is not None and (preference is None or preference.split(",")[0] in both):
            # "I want a letter to my home AND email": both ways (round 26 r26b-05 t11 was told
            # "That is what I have", by email only).
            preference = both
        if preference:
            self.parts["contact_preference"] = preference
        by_letter = (preference or self.text("contact_preference")).startswith("letter")
        address = postal_address_in(said) if by_letter else None
        held = self.text("contact_details")
        if address is not None:
            # "I'd prefer a letter, not email. My address is 27 Kestrel Drive" (round 10 r10a-14
            # was to be written to at an email address). A letter and an email keep the email.
            way = preference or self.text("contact_preference")
            email = email_in(held) if " and email" in way else None
            details = self.parts["contact_details"] = ", ".join(
                found for found in (address, email) if found
            )
        elif by_letter and postal_address_in(held) is None and self.text("address"):
            # A letter with no address in the contact details: the address told before goes
            # with them (round 26 r26b-06 t7); with none told, it is asked for (correction_of).
            main, *also = held_details(held)
            details = self.parts["contact_details"] = ALSO.join(
                [f"{self.text('address')}, {main}", *also]
            )
        return "changed" if details or preference else None

    def other_contact(self, said: str) -> How | None:
        """Someone else to contact, or a reference to quote, beside the contact held: "please
        copy cllr.hart@... into emails" is a copy, never the caseworker's own email (round 17
        r17a-08); "07700 900288 is LEANNE's mobile, not mine. Leanne by text, only after 2pm"
        is the resident's own way and time, never the support worker's (r17a-06); "record our
        reference DH/KAM/0412" is the firm's reference, never a job number (r17a-13)."""
        if MAIN_CONTACT_SAYS.match(said):
            # "Contact should be her landline 01632 960118, not my mobile": the contact itself
            # (round 12 r12a-08).
            return None
        wish = reference_wish(said) or copy_wish(said)
        if wish is not None:
            if reference_wish(said) is not None:
                # "Correspondence should be by email to ..., quoting our reference ..., and the
                # property is 17 Aspen Court": the way and the address too, never only the
                # reference under "I've changed that" (round 19 r19b-12 t11).
                for clause in CLAUSE_JOIN.split(REFERENCE.sub(" ", said)):
                    if words(clause):
                        self.contact(clause) or self.address(clause) or self.own_address(clause)
            self.parts["contact_details"] = with_wish(self.text("contact_details"), wish)
            return "changed"
        resident = (
            resident_in(self.text("representative"), self.text("contact_name"))
            if self.helping
            else None
        )
        clauses = [c for c in CLAUSES.split(said) if words(c)]
        if not resident or not any(about_the_resident(c, resident) for c in clauses):
            return None
        if COPY_TO.search(said) and "@" not in said:
            # "send Owen a copy of any letters by post to 8 Reed Street": a copy for the
            # resident, kept with what would help (copy_to_resident, round 14 r14a-06).
            return None
        changed = False
        for clause in clauses:
            if not about_the_resident(clause, resident):
                # "Email me (Sam) any time": the helper's own way, beside the resident's.
                changed = self.contact(clause) is not None or changed
                continue
            before = resident_wish_held(self.text("contact_details"), resident)
            wish = resident_wish(before, clause, resident)
            if wish is None:
                continue
            details = with_wish(self.text("contact_details"), wish, replacing=before)
            told = WISH_TO_RESIDENT.match(wish)
            if told is not None and told.group("details"):
                details = without_detail(details, told.group("details"))
            time = told.group("time") if told is not None else None
            preference = self.text("contact_preference")
            if (
                time
                and "," in preference
                and (preference.endswith(f", {time}") or NOT_ME.search(clause))
            ):
                # "the not-before-2pm is for Leanne, not me": the time is hers alone.
                self.parts["contact_preference"] = preference.split(",")[0]
            self.parts["contact_details"] = details
            main = details.split(ALSO)[0]
            if not way_fits(self.text("contact_preference"), main):
                # Her number moved to her: the helper is written to at the email left.
                self.parts["contact_preference"] = "email" if "@" in main else "phone"
            changed = True
        return "changed" if changed else None

    def labelled(self, labelled: re.Match[str]) -> How | None:
        """ "'You would like' = find and stop the leak", "'Easier for you' = nothing, just
        record Mia's asthma": the line named by its label, whole, without the label (round 17
        r17a-12 t11 stored both labels as typed, in the wrong lines)."""
        label = words(labelled.group("label"))
        if ADD_MARKERS.search(label):
            # "Add to the adjustments: no phone calls ever": one more, not the whole line.
            return None
        part = LABELS.get(label) or named_part(label)
        new = labelled.group("text").strip()
        if part == "adjustments":
            self.parts["adjustments"] = only_what_helps(new)
            return "changed"
        if part not in ("aspects", "outcome") or not words(new):
            return None
        self.parts[part] = capitalised(new)
        return "changed"

    def any_time(self, said: str) -> bool:
        """ "whats before 07?? any time is fine", "call any time": the time held with the way
        taken out (round 26 r26b-08 t20-t21 were told "I've changed that" and it stayed)."""
        way, _, when = self.text("contact_preference").partition(", ")
        if not when or ANY_TIME.search(said) is None or contact_time_in(said) is not None:
            return False
        if not (
            CONTACT_TIME.search(when.lower()) or when.startswith("not ") or re.search(r"\d", when)
        ):
            # "phone, ask for Rahim" holds no time.
            return False
        self.parts["contact_preference"] = way
        return True

    def contact_time(self, said: str) -> How | None:
        told = preference_beside_details(said, last=True)
        if told is not None and "," in told:
            # "no calls before 2pm": the way and the time as said, the time ruled out kept.
            self.parts["contact_preference"] = told
            return "changed"
        when = contact_time_in(said)
        if when is None:
            return None
        way = preference_beside_details(said) or self.text("contact_preference") or "phone"
        self.parts["contact_preference"] = f"{way.split(',')[0].strip()}, {when}"
        return "changed"

    def no_adjustments(self, said: str, named: bool = False) -> How | None:
        """ "no adjustments needed, that number isn't an adjustment": nothing would help. With
        the line named, "I dont need anything to make it easier, please take that line out"
        too (round 23 r23b-07 t9)."""
        nothing = NOTHING_HELPS.search(said) if named else None
        # "... should say nothing needed, but note my son has eczema": a need after all.
        nothing = None if nothing and NEED_AFTER_ALL.search(said[nothing.end() :]) else nothing
        none_said = NO_ADJUSTMENTS.search(said) is not None or (
            named and (nothing or WHOLE_LINE_GONE.search(said)) is not None
        )
        if not none_said:
            return None
        if not self.text("adjustments"):
            # The line is not there: nothing to take out, and never those words put in it
            # (round 23 r23b-07 t9, after "no I dont think so" was read as none).
            return "changed" if named else None
        self.parts["adjustments"] = NO_ADJUSTMENTS_NEEDED
        return "changed"

    def swap(self, said: str, only: tuple[str, ...] = ()) -> How | None:
        """ "A not B", or "not B but A" ("is not 3 November, is 5 November"): B is replaced by
        A in the part that holds B."""
        parts = only or (
            ("earlier_request", "aspects", "outcome", "contact_name", "representative")
            if CALLED.search(said)
            else ("aspects", "earlier_request", "outcome", "contact_name", "representative")
        )
        turned = NOT_B_BUT_A.search(said)
        if turned is not None:
            old = SWAP_TOKEN.findall(turned.group("old"))
            # As many words as were taken out: "is April when it came off" swaps April.
            new = SWAP_TOKEN.findall(turned.group("new"))[: len(old)]
            if (
                len(old) <= MOST_SWAPPED
                and new
                and same_kind(old, new)
                and self.swapped(" ".join(old), " ".join(new), parts)
            ):
                return "changed"
        match = A_NOT_B.search(said)
        if match is None:
            return None
        before = SWAP_TOKEN.findall(match.group("before"))
        after = SWAP_TOKEN.findall(match.group("after"))
        for size in range(MOST_SWAPPED, 0, -1):
            if len(before) < size or len(after) < size:
                continue
            for new in counterparts(before, after[:size]):
                if self.swapped(" ".join(after[:size]), " ".join(new), parts):
                    return "changed"
        return None

    def swapped(self, old: str, new: str, parts: tuple[str, ...]) -> bool:
        """Whether `old` was found in one of the parts, and replaced there by `new`; never
        when that would write a word twice ("the sink sink")."""
        old, new = old.strip(".,:"), new.strip(".,:")
        if old.lower() in NOT_SWAPPED or new.lower() in NOT_SWAPPED or new == old:
            return False
        for part in parts:
            current = self.text(part)
            found = re.search(rf"(?<![\w']){re.escape(old)}(?![\w'])", current, re.IGNORECASE)
            if found is None:
                continue
            result = current[: found.start()] + new + current[found.end() :]
            if DOUBLED.search(words(result)) and not DOUBLED.search(words(current)):
                return False
            self.parts[part] = result
            return True
        return False

    def a_phone_number_held(self, job: str) -> bool:
        """Whether a job number's digits begin a phone number held for the helper or resident."""
        digits = re.sub(r"\D", "", job)
        # Mum's text-only number may be held with what would help, not as the contact.
        held = (*self.held_numbers, self.text("contact_details"), self.text("representative"))
        numbers = [re.sub(r"\D", "", n) for text in held for n in re.findall(r"[\d ]{10,}", text)]
        return bool(digits) and any(number.startswith(digits) for number in numbers)

    def no_job_number(self) -> How | None:
        """ "there is no job 07811, that's part of her phone number", "I don't have the job
        number": the job number held taken out, the earlier request kept (round 15 r15a-02 had
        "job 07811. Correction: I don't have the job number")."""
        held = self.text("earlier_request")
        left = JOB_HELD.sub(" ", held).strip(" .,;:-")
        if left == held.strip(" .,;:-"):
            return "changed" if held else None
        self.parts["earlier_request"] = left if words(left) else NO_JOB_NUMBER_GIVEN
        return "changed"

    def earlier(self, said: str) -> How | None:
        if NO_JOB_NUMBER.search(said):
            return self.no_job_number()
        if NOT_ABOUT_ONE.search(said):
            # "It isn't about a repair I reported either" (round 12 r12a-04).
            self.parts["earlier_request"] = NOT_ABOUT_AN_EARLIER_REQUEST
            return "changed"
        pointer = POINTER.search(said)
        if pointer is not None and named_part(said) == "earlier_request":
            # "the reported before bit is wrong, it was the boiler visit today".
            rest = said[pointer.end() :].strip(" ,;:-")
            new = EARLIER_REST.search(rest) if rest else None
        else:
            new = EARLIER_IS.search(said)
        if new is not None and not job_number_in(said) and not NEVER_REPORTED.search(said):
            self.parts["earlier_request"] = new.group("new").strip()
            return "changed"
        job = job_number_in(said)
        if job and self.a_phone_number_held(job):
            # "The 07700 number is Mr Osei's, not mine" is about a phone number, not a job
            # (round 14 r14d-09 read back "reported before: job 07700").
            return None
        if not EARLIER_REPORT.search(said) and not (job and JOB_SHAPE.search(said)):
            return None
        if POINTER.search(said) and not job and len(words(said).split()) <= 8:
            # "I gave the wrong job number": the next sentence gives it.
            return None
        earlier = self.text("earlier_request")
        if NEVER_REPORTED.search(said):
            self.parts["earlier_request"] = NOT_ABOUT_AN_EARLIER_REQUEST
        elif job:
            self.parts["earlier_request"] = job
        elif earlier and earlier != NOT_ABOUT_AN_EARLIER_REQUEST:
            # Kept beside what it corrects, in the resident's words, for the officer.
            self.parts["earlier_request"] = f"{earlier.rstrip('. ')}. Correction: {said}"
        else:
            self.parts["earlier_request"] = said
        return "changed"

    def outcome(self, said: str) -> How | None:
        if not OUTCOME_WORDS.search(said) or named_part(said) == "aspects":
            return None
        if (ADD_MARKERS.search(said) or AND_OPENER.match(said)) and self.text("outcome"):
            added = " ".join(ADD_INSTRUCTION.sub(" ", said).split())
            # "the distress, please add that to what he wants." leaves no ", ." behind.
            added = re.sub(r"[\s,;:-]+([.!?]?)$", r"\1", added)
            self.parts["outcome"] = joined(self.text("outcome"), added)
        else:
            # "I want: an apology, an explanation" without "I want:" (round 14 r14a-14).
            new = WANT_LABEL.sub("", said).strip()
            self.parts["outcome"] = capitalised(new)
        return "changed"

    def add(self, said: str) -> How | None:
        if not ADD_MARKERS.search(said):
            return None
        late = ADD_AFTER_CLAUSE.search(said)
        # "the door bit is what i want changing, add flat 14": only what follows "add".
        said = late.group("what") if late is not None and late.start() > 0 else said
        added = " ".join(ADD_INSTRUCTION.sub(" ", said).split()).strip(" ,.;:-")
        # "pls note the gas smell on the case": the gas smell.
        added = re.sub(r"\s+on (?:the|my) (?:case|record|complaint)$", "", added, flags=re.I)
        if len(added.split()) < 2:
            # "can you add that" alone: what to add is in another sentence of the message.
            return None
        if words(added) in words(self.text("aspects")):
            return "added"
        self.parts["aspects"] = joined(self.text("aspects"), added)
        return "added"


# "change 7 Kings Walk to 17 Kings Walk": the old words, then the new.
# "No! I'm Jean Whitfield": the writer's own name, said as theirs.
I_AM = re.compile(
    rf"(?:^|[.,;!?]\s*|\b(?i:and|so|but|no)\s+)(?i:i'?m|im|i am|my name is|my name's)\s+"
    rf"(?P<name>(?:Mrs|Mr|Ms|Miss|Dr)?\.?\s*{NAME_WORD}(?:[ \t]+{NAME_WORD})*)"
)
# "ask for Rahim when you ring", "asking for my son": who answers the phone.
ASK_FOR = re.compile(r"\bask(?:ing)?\s+for\b", re.IGNORECASE)
# "no email me, i said email": the "no" answers "Is that right?", not the way.
NO_THEN_WAY = re.compile(
    r"^\s*(?:no+|nope|nah)[\s,.!-]+(?=(?:e-?mail|te?xt|ring|call|phone|write to|contact)\s+"
    r"(?:me|her|him|them|us)\b)",
    re.IGNORECASE,
)
# "copy mum in", "cc her in on emails": a copy for someone, by name or relation.
COPY_THEM_IN = re.compile(r"\b(?:copy|cc)\s+(?!of\b|to\b)\w+(?:'s)?\s+in\b", re.IGNORECASE)
# "and copy mum in (on emails)": the copy asked for, as a clause of its own.
COPY_CLAUSE = re.compile(
    r"[,;\s]*(?:\b(?:and|&|also|plus)\s+)?(?:please\s+|pls\s+)?\b(?:copy|cc)\s+(?!of\b|to\b)"
    r"\w+(?:'s)?\s+in\b(?:\s+on\s+(?:the\s+)?(?:emails?|letters?|everything))?",
    re.IGNORECASE,
)
# "ask for a callback": no one to ask for.
ASK_FOR_NOTHING = re.compile(r"\bask(?:ing)?\s+for\s+(?:a|an|the|some|our|your)\s+[a-z]", re.I)
# "my husband Rahim": a relative by their first name.
RELATIVE_NAMED = re.compile(
    r"\b(?i:husband|wife|partner|son|daughter|brother|sister|mum|dad|carer)'?s?\s+"
    r"(?P<name>[A-Z][a-z'-]+(?:\s+[A-Z][a-z'-]+)?)"
)
# "put flat B", "you missed the flat, it's flat 4": a flat without its street.
FLAT_ONLY = re.compile(
    r"\b(?:put|add|include|missed|missing|forgot|left out|its|it'?s|is|needs?)\b[^.?!]*?"
    r"\bflat\s+(?P<flat>\d+[a-z]?|[a-z])\b",
    re.IGNORECASE,
)
# "the company name", "the firm's name": whose name is not the resident's.
FIRMS_NAME = re.compile(
    r"\b(?:company|companys|company's|firm|firms|firm's|contractor|contractors|contractor's"
    r"|business|plumbers?|builders?)\s+name\b"
)
CHANGE_TO = re.compile(
    r"\b(?:change|replace|swap|correct|update|amend|make)\s+(?P<old>\S(?:.*?\S)?)\s+"
    r"(?:to|with|for|into|->|=>)\s+(?P<new>\S.*?)[\s.!]*$",
    re.IGNORECASE,
)
# At most this many words are changed for others where they are written.
MOST_CHANGED = 8
# The parts written in the resident's words, where their words are changed for others.
WRITTEN_PARTS = ("aspects", "outcome", "earlier_request", "adjustments")


def addresses_in(text: str) -> list[str]:
    """Every postal address written in a part ("T at 7 Kings Walk. c/o roof leak")."""
    found = (
        ADDRESS.match(text[m.start() :])
        for m in re.finditer(r"\b[Ff]lat\s+[A-Z]\b|(?:\b[Ff]lat\s+)?\b\d", text)
    )
    return list(dict.fromkeys(m.group(1).rstrip(",") for m in found if m is not None))


def street_of(address: str) -> str:
    """The street of an address without its house or flat number: "kings walk"."""
    street = re.sub(
        r"^(?:flat\s+(?:\d+\w?|[a-z]\b),?\s+)?(?:\d+\w?,?\s+)?", "", address, flags=re.I
    )
    return words(re.sub(r",?\s+flat\s+(?:\d+\w?|[a-z])$", "", street, flags=re.I))


# " - ", " -- ": what follows is said about the words before, not part of them.
DASH = re.compile(r"\s+[-\u2013\u2014]+\s+")
# Where one sentence joins the things it tells: ", and", "and", "+", ";".
CLAUSE_JOIN = re.compile(r"\s*,\s*(?:and|plus|also)\s+|\s*[,;]\s+|\s+(?:and|plus)\s+|\s*\+\s*")


def without_clauses(sentence: str, wanted: set[str]) -> str:
    """A sentence without the clauses that mention what is taken out; "" when none is left or
    none mentions it."""
    said = sentence.strip()
    end = said[-1] if said[-1:] in ".!?" else ""
    pieces = [p.strip() for p in CLAUSE_JOIN.split(said.rstrip(".!?")) if p.strip()]
    kept = [p for p in pieces if not mentions(p, wanted)]
    if not kept or len(kept) == len(pieces):
        return ""
    return ", ".join(kept) + (end or ".")


def way_fits(way: str, details: str) -> bool:
    """Whether the way to contact held ("text only", "phone, after 5pm") can use these details."""
    kind = (way.split(",")[0].split() or [""])[0]
    if kind in ("", "letter"):
        return kind == "letter"
    return (kind == "email") == ("@" in details)


TITLES = {"mr", "mrs", "ms", "miss", "dr", "mx"}


def same_person(name: str, other: str) -> bool:
    """Whether two names can be one person's: "Nadia" and "Nadia Farah" can, "Mr Sam Farah"
    and "Nadia Farah" (a brother and sister) cannot."""
    one, two = (set(words(n).split()) - TITLES for n in (name, other))
    return bool(one and two) and (one <= two or two <= one)


# An answer to "what has gone wrong", asked again at the read-back, that keeps what was said and
# adds to it: "Same as before, plus: since the fire ...", "same but add the hall radiator",
# "as well as that, ...", "keep what i said and also ..." (round 23 r23a-04 t10 replaced the
# whole account with it).
SAME_AND_MORE = re.compile(
    r"^\W*(?:(?:yes|yeah|ok|okay|so)\W+)?(?:"
    r"(?:the\s+|it'?s\s+(?:the\s+)?|its\s+(?:the\s+)?)?same(?:\s+thing)?"
    r"(?:\s+as\s+(?:before|last time|above|i said|what i said|earlier))?"
    r"|(?:keep|leave)\s+(?:what i said|what i wrote|everything|all that|that|it)"
    r"(?:\s+(?:before|in))?"
    r"|everything\s+(?:i said\s+)?(?:before|above))"
    r"[\s,;:.-]*(?:(?:but|and)\b\s*(?:please\s+|pls\s+)?(?:also\s+)?"
    r"(?:(?:plus|add(?:\s+(?:on|that|this))?|also)\b)?"
    r"|(?:please\s+|pls\s+)?(?:plus|add(?:\s+(?:on|that|this))?|also|as well as|with)\b)"
    r"[\s,;:.-]*"
    r"|^\W*(?:as well as (?:that|before|what i said)|in addition(?: to (?:that|what i said))?"
    r"|on top of (?:that|what i said)|plus)\b[\s,;:.-]*",
    re.IGNORECASE,
)


# "same as before", "keep it as it was": nothing to change after all.
SAME_ONLY = re.compile(
    r"^\W*(?:(?:it'?s|its)\s+)?(?:the\s+)?same(?:\s+as\s+(?:before|last time|above|i said))?\W*$"
    r"|^\W*(?:keep|leave)\s+(?:it|that|what i said)(?:\s+as it (?:is|was))?\W*$",
    re.IGNORECASE,
)


def added_to(before: str, answer: str) -> str | None:
    """What went wrong when the new answer says it adds to the one given before: both, the old
    words first ("same as before" alone keeps them as they were); None when the answer replaces
    them."""
    if before.strip() and SAME_ONLY.match(answer):
        return before
    opened = SAME_AND_MORE.match(answer)
    more = answer[opened.end() :].strip() if opened else ""
    if not before.strip() or not words(more):
        return None
    return joined(before, more)


def joined(first: str, more: str) -> str:
    """Two bits of the resident's words as sentences: "The roof leaks. It's the bathroom too"."""
    # "same as before but ..." typed at the read-back: only what it adds.
    more = SAME_AND_MORE.sub("", more.strip(), count=1)
    first, more = (
        first.strip(),
        re.sub(r"^(?:and|also|plus)\s+", "", more.strip(" ,;:-"), flags=re.I),
    )
    if not first:
        return more
    return f"{first}{'' if first.endswith(('.', '!', '?')) else '.'} {more[:1].upper()}{more[1:]}"
