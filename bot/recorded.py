"""Questions about what this conversation has recorded: "Is the complaint logged or not?", "is
the ring-me-before-visits thing noted?", "is my complaint at stage 2 now yes or no". The
landlord's answers cannot say, and "I can't answer that one myself" left residents unsure
whether their complaint existed (round 11 r11d-17, r11b-17, r11a-06), so the reply is built from
what was recorded."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from bot.questions import is_question, questions_in, without_openers
from bot.text import words

Subject = Literal[
    "complaint",
    "adjustments",
    "stage_2",
    "request",
    "reference",
    "details",
    "visit",
    "withdrawal",
    "noted",
    "name",
]

RECORDED_WORDS = (
    r"(?:logged|registered|recorded|noted|noted down|written down|wrote down|saved|received|"
    r"submitted|gone through|went through|gone thru|went thru|gone thro|gone in|go through|"
    r"go thru|"
    r"on (?:the )?(?:system|file|record))"
)
ASKS_IF_RECORDED = re.compile(
    # "is the complaint logged or not?", "has my complaint been registered", "was that noted".
    # "did my complaint go through?" (round 16 r16a-11 t16).
    rf"^(?:is|has|was|were|are|r|did)\s+(?:\S+\s+){{0,8}}?{RECORDED_WORDS}\b"
    # "have you noted to ring me before any visit?", "did u log it".
    r"|^(?:have|has|did)\s+(?:you|u|anyone|someone)\s+(?:\w+\s+)?"
    r"(?:logged|log|noted|note|recorded|record|registered|register|put)\b"
    # "logged or not?" anywhere in the sentence.
    rf"|\b{RECORDED_WORDS}\s+or\s+not\b"
    # "complaint is saved yes or no?" in a learner's English (round 18 r18a-13 t4).
    r"|^(?:my\s+|the\s+|our\s+)?(?:complaint|complain|case)\s+(?:(?:is|was|has been|been)\s+)?"
    rf"(?:now\s+|already\s+)?{RECORDED_WORDS}\s+(?:yes|yeah|right|no)\b"
)
# "can you just tell me what you have written down for me", "is the back door lock still on there
# as well, or do I need to tell you again?", "is that for the cupboard door AND the alarm or just
# one?" (round 20 r20a-07 t5-t6, r20a-06 t4 got "I can't answer that one myself"): everything
# noted in this conversation is read back.
NOTED_WORDS = (
    r"(?:got|get|written|wrote|write|noted|note|logged|log|put|recorded|record|taken|take|have|"
    r"saved|down)"
)
ASKS_WHAT_IS_NOTED = re.compile(
    rf"\bwhat\s+(?:have\s+|has\s+|did\s+|do\s+)?(?:you|u|you've|youve)\s+(?:\w+\s+)?{NOTED_WORDS}"
    r"\s+(?:down\s+)?(?:for|about|on|from)\s+(?:me|us|her|him|them|my|this)\b"
    rf"|\bwhat\s+(?:have\s+|do\s+)?(?:you|u|you've|youve)\s+(?:\w+\s+)?{NOTED_WORDS}\s+"
    r"(?:down|noted|logged|written down|on (?:the )?(?:record|file|system))\b"
    r"|\bwhat\s+(?:is|s|'s|are)\s+(?:on|in)\s+(?:my|her|his|their|the)\s+(?:record|file|account|"
    r"list|system)\b"
    r"|\b(?:read|tell|say)\s+(?:me\s+|it\s+)?back\s+(?:what|everything|all)\b"
    r"|\bis\s+(?:the|my|her|his|their|that|this|it)\s+(?:\w+\s+){0,4}?still\s+(?:on\s+there|"
    r"on\s+(?:the\s+|my\s+|her\s+|his\s+)?(?:system|list|record|file)|down|logged|noted|"
    r"in\s+the\s+system)\b"
    r"|\b(?:do|shall|should|must)\s+i\s+(?:need\s+to\s+|have\s+to\s+)?(?:tell|report|say|ask)\s+"
    r"(?:\w+\s+){1,3}?again\b"
    r"|\b(?:both|all)\s+(?:of\s+(?:them|those|these|it)\s+|things\s+|jobs\s+|requests\s+|"
    r"repairs\s+|problems\s+|issues\s+)(?:are\s+|is\s+)?(?:\w+\s+)?"
    r"(?:on|there|down|noted|logged|in)\b"
    r"|\b(?:is|was)\s+(?:that|it|this)\s+for\s+(?:both|the\s+\w+(?:\s+\w+)?\s+and)\b"
    r"|\bor\s+just\s+(?:the\s+)?one\b"
)
# Said as a check, without a question mark: "so both jobs are on there yeah", "tell me what you
# have written down please".
CHECKING_END = re.compile(r"\b(?:yeah|yes|yh|ye|right|or not|innit|please|pls|plz|then)$")
# "is the callback logged under her name or mine", "whose name is the callback under, Shanice
# Okafor yes?", "just confirm the name on the job please" (round 20 r20a-02 t5-t7 were told "No,
# I have not logged a complaint" and offered a complaint): the name and number held.
ASKS_WHOSE_NAME = re.compile(
    r"\bunder\s+(?:her|his|my|their|whose|which|what|the\s+tenant'?s|t'?s|the\s+resident'?s)\s+"
    r"name\b"
    r"|\bwhose\s+name\b"
    r"|\b(?:what|which)\s+name\s+(?:is|s|was|did|have|has|are|will|do)\b"
    r"|\b(?:confirm|check|tell\s+me|say|give\s+me)\s+(?:me\s+)?(?:the|what|which|whose)\s+name\b"
    r"|\bname\s+(?:is\s+)?on\s+(?:the|it|this|that)\b(?:\s+(?:job|request|callback|call\s+back|"
    r"repair|record))?"
)
# "Will it be the same person that rings me about both?": who rings is not known to the chat.
ASKS_WHO_RINGS = re.compile(
    r"\bsame\s+(?:person|people|one|team|engineer)\b"
    r"|\bwho\s+(?:will|is going to|s going to|would|is)\s+(?:\w+\s+)?(?:ring|call|phone|contact|"
    r"text|come)\b"
)
# A question that names a complaint asks about one; "is it logged?" after a request asks about
# what was noted.
NAMES_A_COMPLAINT = re.compile(r"\b(?:complaint|complaints|complain|complained|case)\b")


# "is my complaint at stage 2 now yes or no", "so is it escalated or not??" (round 11 r11a-06
# got the general Stage 2 text, ending "When you want Stage 2, tell me").
ASKS_IF_AT_STAGE_2 = re.compile(
    r"^(?:is|has)\s+(?:it|my complaint|the complaint|this|that|my case|mine)\s+(?:\w+\s+){0,3}?"
    r"(?:stage 2|stage two|escalated)\b"
    # Not whether Stage 2 is what they want: "is that stage 2 thing what i want then?" (round 19
    # r19b-09 t3 was told "No, I have not taken a Stage 2 request").
    r"(?!\s+(?:\w+\s+)?(?:what|wot|wat|for me|i need|i want|i should|the thing|the one)\b)"
    # The request itself: "is my stage 2 still going ahead or have i just cancelled it", "so my
    # stage 2 is requested now yes?" (round 12 r12d-01 was offered a new complaint, r12d-08).
    r"|^(?:is|has|was|did)\s+(?:my|the|our|his|her|their|that|this)\s+(?:stage 2|stage two|stg 2|"
    r"stg2|escalation|appeal)(?:\s+request)?\s+(?:\w+\s+){0,2}?(?:still|going|happening|on|gone|"
    r"been|done|through|cancelled|canceled|started|requested|asked|happen|"
    # "so is my stage 2 request actually logged or not?" (round 14 r14a-05 was told no complaint
    # had been logged).
    rf"{RECORDED_WORDS})\b"
    r"|^(?:my|the)\s+(?:stage 2|stage two|stg 2|stg2)(?:\s+request)?\s+(?:is|has)\s+"
    r"(?:\w+\s+){0,2}?(?:requested|done|happening|going|on|started|through|gone)\b"
)
# "But I've already asked for stage 2 haven't I?", "I ALREADY asked for stage 2 at the start of
# this chat. Has it been done or not?" (round 13 r13d-17, r13a-06 got "Is anyone in danger?" and
# "I can't answer that one").
ASKED_FOR_STAGE_2 = re.compile(
    r"\b(?:i'?ve|ive|i have|i|we'?ve|we have|we)\s+(?:already\s+)?"
    r"(?:asked|requested|applied|put in)\s+for\s+(?:a\s+)?"
    r"(?:stage 2|stage two|stg 2|stg2|escalation)\b"
)
CHECKING_TAG = re.compile(r"\b(?:haven'?t|havent|didn'?t|didnt)\s+(?:i|we)$")
DONE_OR_NOT = re.compile(
    r"^(?:has|is|was)\s+(?:it|that|this)\s+(?:been\s+)?(?:done|happened|sorted|gone through)\b"
)
# "did u get the tap bit too?" (round 11 r11b-11: the dripping tap of a three-part message was
# never noted, and the question got "I can't answer that one myself").
ASKS_IF_REQUEST_TAKEN = re.compile(
    # "have you passed on the cleaning request for the stairs?" (round 12 r12a-06).
    r"^(?:did|have)\s+(?:you|u)\s+(?:get|got|note|noted|log|logged|take|taken|catch|see|seen|"
    r"pass|passed|pass on|passed on|send|sent|sent on|forward|forwarded)\s+"
    r"(?:\w+\s+){0,4}?(?:bit|part|repair|request|job)\b"
    # "did you write down the 9 till 11 bit?", "did you write that down?" (round 25 r25a-03 t13
    # got the urgent boilerplate).
    r"|^(?:did|have)\s+(?:you|u)\s+(?:write|wrote|written|put|jot|jotted)\s+down\s+"
    r"(?:\w+\s+){0,4}?(?:bit|part|note|message|times?)\b"
    r"|^(?:did|have)\s+(?:you|u)\s+(?:write|wrote|written|put|jot|jotted)\s+(?:that|it|this)\s+"
    r"down\b"
)
# "so is my window booked or do i need to ring?" (round 13 r13b-12 got "I can't answer that").
ASKS_IF_BOOKED = re.compile(r"^(?:is|has|was|are|have)\s+(?:\S+\s+){0,5}?(?:been\s+)?booked\b")
# "is the engineer booked in yet??", "has anyone been booked": a visit the chat cannot see, not
# whether the request was noted (round 18 r18a-03 t2 would be told "Yes. I have noted ...").
WHO_IS_BOOKED = re.compile(
    r"\b(?:engineer|engineers|plumber|electrician|contractor|contractors|someone|somebody|"
    r"anyone|anybody|sum1|workman|workmen|technician)\b"
)
# "the window is a separate repair, can you book that in too?" asked while a question of ours is
# open (round 13 r13b-12 was told "Yes. Your repair or request carries on as normal", with nothing
# noted): whether it is noted is said from the record. With nothing open, triage notes it.
ASKS_TO_BOOK = re.compile(
    r"\b(?:can|could|will|would)\s+(?:you|u|someone|somebody)\s+(?:please\s+|pls\s+|also\s+)?"
    r"(?:book|log|put|add)\s+(?:that|it|this|them|(?:the|my|our)\s+\w+(?:\s+\w+)?)\s+"
    r"(?:in|on|down)\b"
    r"|\b(?:can|could)\s+(?:that|it|this|they)\s+(?:also\s+)?be\s+(?:booked|logged)\b"
)
# "have i got a reference number for this or what" (round 13 r13a-05), "is there a reference for
# this stage 2 request?", "what reference do I quote if I chase it?" (r13a-06): got "I can't
# answer that" or the general Stage 2 text, as if nothing had been asked for.
REFERENCE_WORD = r"(?:reference|ref)\b"
ASKS_ABOUT_A_REFERENCE = re.compile(
    r"^(?:have|has|do|does|did|will|would|is|are|was|what|whats|which|wots|wats|can|could|"
    rf"where|when)\b(?:\s+\S+){{0,6}}?\s+{REFERENCE_WORD}"
)
# "the stage 2 - what reference do I quote?": asked inside the sentence, so only in a question.
ASKS_WHICH_REFERENCE = re.compile(
    rf"\b(?:what|which|whats|wots|wats)\s+(?:\w+\s+)?{REFERENCE_WORD}"
    # "I'm confused, is it the same reference or not?", "new ref or same one?" (round 17 r17a-09
    # t5 got only "A person will read this").
    rf"|\b(?:same|new|different|another|nu|diff)\s+(?:complaint\s+)?{REFERENCE_WORD}"
)
# "you have my phone yes?", "have you got my number for the stage 2 people?" (round 13 r13c-07,
# r13d-16, r13d-01 got the office's numbers or "using the details you gave us").
CONTACT_WORDS = (
    r"(?:phone|mobile|mob|number|phone number|mobile number|email|email address|details)"
)
# "have you got my NEW number down" (round 18 r18a-07 t3 got only "A person will read this").
NEW_WORD = r"(?:new|old|current|right|correct|latest)"
ASKS_IF_DETAILS_HELD = re.compile(
    r"^(?:have|has|did|do)\s+(?:you|u|you lot|they)\s+(?:\w+\s+)?(?:got|get|have|taken|take|"
    rf"noted|kept|saved)\s+(?:my|me|his|her|their|our)\s+(?:{NEW_WORD}\s+)?{CONTACT_WORDS}\b"
    r"|^(?:so\s+)?(?:you|u|youve|you've)\s+(?:have|got|have got|ve got)\s+(?:my|his|her)\s+"
    rf"(?:{NEW_WORD}\s+)?{CONTACT_WORDS}\b"
)
# "you wrote polish interpreter yes?", "you write bengali interpreter?": whether it was written
# down, asked in a few words (round 15 r15c-01, r15c-15 got "I can only help with your home").
ASKS_IF_WRITTEN = re.compile(
    r"^(?:so\s+)?(?:you|u)\s+(?:have\s+|did\s+)?(?:write|wrote|written|writ|put|put down|"
    r"note|noted|record|recorded|log|logged|register|registered|save|saved)\b(?!\s+(?:to|back)\b)"
)
ABOUT_ADJUSTMENTS = re.compile(
    r"\b(?:adjustments?|what would help|large print|interpreter|interp|translator|easy read|"
    r"braille|(?:ring|call|phone|text)\s+(?:me|us|her|him)\s+(?:first|before)|"
    r"before (?:any|a|each|every) visits?|my needs|her needs|his needs|disability|hearing|"
    r"access needs)\b"
)


# "Can you tell me when someone will actually come out?", "when somebody come?", "will someone
# call me Monday?" asked after a repair or emergency route (round 17 r17a-01 t2, r17a-14 t10 got
# no answer): what the record holds about the visit is said.
WHO_COMES = (
    r"(?:someone|somebody|sombody|somone|sum1|some1|anyone|anybody|any1|an engineer|the engineer|"
    r"engineer|a roofer|the roofer|roofer|a plumber|the plumber|an electrician|the electrician|"
    r"a workman|the workman|a contractor|the contractor|they|you|u|your team|ur team|the team|"
    r"a person|somebody from)"
)
COMES = (
    r"(?:come|comes|coming|be out|be here|be round|be over|turn up|get here|attend|visit|call|"
    r"ring|phone|contact|fix|look)"
)
ASKS_WHEN_SOMEONE_COMES = re.compile(
    rf"\b(?:when|wen|whn|what time|what day|which day|how soon)\s+(?:will\s+|is\s+|are\s+|would\s+|"
    rf"can\s+|does\s+|do\s+|r\s+)?{WHO_COMES}\s+(?:\w+\s+){{0,2}}?{COMES}\b"
    # "ok ring me on 07700 900414, is anyone coming out today??": inside the sentence too, for a
    # person named as such.
    r"|\b(?:is|will|are|would)\s+(?:someone|somebody|anyone|anybody|an engineer|the engineer)\s+"
    r"(?:\w+\s+)?(?:coming|come|be out|be here|be round|call|ring|phone|contact)\b"
    rf"|^(?:so\s+)?(?:is|will|are|would)\s+{WHO_COMES}\s+(?:\w+\s+){{0,1}}?(?:coming|come|be out|"
    r"be here|be round|call|ring|phone|contact)\b"
    r"|\bwhen\s+(?:is|will be|s)\s+(?:the|my|our)\s+(?:visit|appointment|engineer|repair)\b"
)
# A complaint's answer is asked after in these words, not a visit.
ABOUT_A_COMPLAINT = re.compile(r"\b(?:complaint|complain|stage|reply|response|answer)\b")


def asks_when_someone_comes(text: str) -> bool:
    """Whether a message asks when someone will come out, call or contact them."""
    for start, end in questions_in(text):
        said = without_openers(words(text[start:end]))
        if (
            ASKS_WHEN_SOMEONE_COMES.search(said)
            and not ABOUT_A_COMPLAINT.search(said)
            and (is_question(text[start:end]) or said.startswith(("when", "wen", "whn")))
        ):
            return True
    return False


# "arrange what? i dont want anything arranged, i want the complaint closed. is it cancelled or
# not" after the wish to withdraw was passed on (round 16 r16b-09 t4, left by routes17, got only
# "A person will read this").
ASKS_IF_WITHDRAWN = re.compile(
    r"^(?:so\s+)?(?:is|has|was|have)\s+(?:it|my complaint|the complaint|that|this|my complain|"
    r"the complain|mine)\s+(?:been\s+|got\s+|now\s+|actually\s+){0,2}(?:cancelled|canceled|"
    r"withdrawn|dropped)\b"
    # "is my complaint closed?", not "is it closed on sundays?" (the office).
    r"|^(?:so\s+)?(?:is|has)\s+(?:my|the)\s+complaint\s+(?:been\s+|now\s+)?closed\b"
    r"|^(?:have|did)\s+(?:you|u)\s+(?:\w+\s+)?(?:cancelled|canceled|cancel|withdrawn|withdraw|"
    r"closed|close)\s+(?:it|my complaint|the complaint|that)\b"
    r"|\b(?:cancelled|canceled|withdrawn|closed)\s+or\s+not\b"
)


# "so will they email me or not", "theyll ring the new one yeah?", "will they reply on here?"
# while a person is awaited (round 18 r18a-11 t4-5, r18a-12 t6 got no yes or no).
REPLY_WAYS = r"(?:e-?mail|email|text|txt|sms|ring|call|phone|contact|reply|respond|write|get back)"
ASKS_HOW_THEY_REPLY = re.compile(
    r"\b(?:will|would|are|r|do|does|can|could|is)\s+(?:they|you|u|someone|somebody|"
    r"anyone|a person|the person|the team|your team|ur team|staff|he|she)\s+(?:\w+\s+){0,2}?"
    rf"{REPLY_WAYS}\b"
    r"|\b(?:they'?ll|theyll|you'?ll|youll|u'?ll|ull|someone'?ll)\s+(?:\w+\s+)?"
    rf"{REPLY_WAYS}\b.*\b(?:yeah|yes|right|ok|okay|or not|yh|ya)\b"
)


ASKS_WHO = re.compile(r"\bwho(?:m)?\b")


def asks_how_they_reply(text: str) -> bool:
    """Whether a message asks if the person who picks it up will email, ring or text, or
    reply here."""
    return any(
        ASKS_HOW_THEY_REPLY.search(said)
        and (is_question(text[start:end]) or "yeah" in said)
        # "who will they contact, me or dad?" asks whom we contact (round 13 r13a-06).
        and not ASKS_WHO.search(said)
        for start, end in questions_in(text)
        for said in [without_openers(words(text[start:end]))]
    )


def how_they_reply(email: str | None, phone: str | None, texts: bool) -> str:
    """A plain yes with the detail they will use, from what the resident typed, or where they
    will reply when nothing was typed."""
    if phone and (texts or not email):
        way = "text you on" if texts else "contact you on"
        return (
            f"Yes. The person who picks this up will see your number, {phone}, and will {way} "
            "it. You do not need to be on here."
        )
    if email:
        return (
            f"Yes. The person who picks this up will see your email, {email}, and will reply to "
            "you there. You do not need to be on here."
        )
    return (
        "They will reply here in this conversation. If you would rather they emailed, texted or "
        "rang you, type your email or phone number here."
    )


def subjects_asked(text: str) -> list[Subject]:
    """Each thing a message asks was recorded, once: "you have my number? ... complaint is saved
    yes or no?" asks two (round 18 r18a-13 t4 was answered neither)."""
    found = (asks_if_recorded(text[start:end]) for start, end in questions_in(text))
    return list(dict.fromkeys(subject for subject in found if subject is not None))


def asks_if_recorded(text: str) -> Subject | None:
    """What a message asks was recorded, if it asks: what would help, or else the complaint."""
    stage_2_asked_for = ASKED_FOR_STAGE_2.search(words(text)) is not None
    for start, end in questions_in(text):
        said = without_openers(words(text[start:end]))
        if ASKS_IF_WITHDRAWN.search(said):
            return "withdrawal"
        if ASKS_IF_AT_STAGE_2.search(said) or (
            stage_2_asked_for and (CHECKING_TAG.search(said) or DONE_OR_NOT.search(said))
        ):
            return "stage_2"
        if ASKS_WHOSE_NAME.search(said) and (
            is_question(text[start:end]) or "name" in said.split()[:4] or "confirm" in said
        ):
            return "name"
        if ASKS_IF_REQUEST_TAKEN.search(said) or (
            ASKS_IF_BOOKED.search(said) and not WHO_IS_BOOKED.search(said)
        ):
            return "request"
        if (
            ASKS_WHAT_IS_NOTED.search(said)
            and not ABOUT_ADJUSTMENTS.search(said)
            and (is_question(text[start:end]) or CHECKING_END.search(said))
        ):
            return "noted"
        if ASKS_IF_RECORDED.search(said) or (
            ASKS_IF_WRITTEN.search(said) and "?" in text[start:end]
        ):
            return "adjustments" if ABOUT_ADJUSTMENTS.search(said) else "complaint"
        if ASKS_IF_DETAILS_HELD.search(said) and (
            # "And have you got my NEW number down, the old one doesn't work" asks, unmarked.
            is_question(text[start:end]) or said.startswith(("have ", "has ", "did ", "do "))
        ):
            return "details"
        if ASKS_ABOUT_A_REFERENCE.search(said) or (
            ASKS_WHICH_REFERENCE.search(said) and is_question(text[start:end])
        ):
            return "reference"
    return None


@dataclass(frozen=True)
class Noted:
    """One thing noted for our team in this conversation, as the chat said it would pass it on."""

    # "request": noted as a request; "put_right": a complaint's matter put right without one;
    # "urgent": a hazard whose deadline to make it safe was told.
    kind: Literal["request", "put_right", "urgent"]
    words: str


@dataclass(frozen=True)
class Recorded:
    """What this conversation has recorded so far."""

    complaint_reference: str | None = None
    # The complaint form is open, or its summary is waiting for a yes.
    complaint_under_way: bool = False
    adjustments_noted: bool = False
    # What would help was told, and is recorded with what is being taken down.
    adjustments_under_way: bool = False
    # The stage of the complaint named by `complaint_reference`.
    stage: int | None = None
    # A Stage 2 request was passed on in this conversation.
    stage_2_asked: bool = False
    # A Stage 2 request is waiting on the answer to a question about the complaint.
    stage_2_under_way: bool = False
    # A phone number or email was given in this conversation.
    details_held: bool = False
    # New details the resident said replace those given with their complaint.
    new_details: str | None = None
    # A repair or other request for our team was noted with this contact.
    request_noted: bool = False
    # What this conversation said about when someone comes or contacts them: the dates the law
    # sets and who contacts them by when, or else when and how to arrange it.
    visit_lines: tuple[str, ...] = ()
    # The complaint whose withdrawal was passed on to the complaints team in this conversation.
    withdrawal_passed_on: str | None = None
    # The request noted in this conversation was cancelled at the resident's word.
    request_cancelled: bool = False
    # When to visit or how to get in, as the request holds it.
    access: str = ""
    # Each request or matter to put right noted in this conversation, in the resident's words.
    noted: tuple[Noted, ...] = ()
    # The name and the phone number or email the team uses, as held.
    contact_name: str | None = None
    contact_details: str | None = None
    # What the chat said about who contacts the resident, how and by when.
    contact_line: str | None = None


def asks_to_book(text: str) -> bool:
    """Whether a message asks for a job to be booked as well as what is under way."""
    return any(
        ASKS_TO_BOOK.search(without_openers(words(text[start:end])))
        for start, end in questions_in(text)
    )


def recorded_reply(subject: Subject, recorded: Recorded, text: str = "") -> str:
    """A plain yes, "not yet" and what it waits on, or "no" and how to start. `text` is the
    question, for what it asks beside."""
    if subject == "name":
        return name_reply(recorded)
    if subject == "noted":
        if recorded.noted:
            return noted_reply(recorded, text)
        if recorded.request_noted:
            return request_reply(recorded)
        subject = "complaint"
    if (
        subject == "complaint"
        and recorded.noted
        and not (
            recorded.complaint_reference
            or recorded.complaint_under_way
            or recorded.stage_2_asked
            or recorded.stage_2_under_way
        )
        and not NAMES_A_COMPLAINT.search(words(text))
    ):
        # "is it all logged then?" after a request: what was noted, not "No, I have not logged
        # a complaint" to someone who never asked about one (round 20 r20a-02 t5).
        return noted_reply(recorded, text)
    if subject == "stage_2" or (
        subject == "complaint"
        and not (recorded.complaint_reference or recorded.complaint_under_way)
        and (recorded.stage_2_asked or recorded.stage_2_under_way)
    ):
        # "is it logged?" after asking for Stage 2 asks about that request: "No, I have not
        # logged a complaint" said it was lost (round 14 r14a-05).
        return stage_2_reply(recorded)
    if subject == "request":
        return request_reply(recorded)
    if subject == "visit":
        return visit_reply(recorded)
    if subject == "withdrawal":
        return withdrawal_reply(recorded)
    if subject == "reference":
        return reference_reply(recorded)
    if subject == "details":
        if recorded.new_details:
            return (
                f"Yes. I have your new details, {recorded.new_details}. The person who picks this "
                "up will see them."
            )
        if recorded.details_held:
            return "Yes. I have the phone number or email you gave me in this conversation."
        return (
            "No, you have not given me a phone number or email in this conversation. If you "
            "want us to contact you, tell me what it is about, and I will ask for them."
        )
    if subject == "adjustments":
        if recorded.adjustments_noted:
            return "Yes. We have noted what would help you, and we will do it each time."
        if recorded.adjustments_under_way:
            return (
                "Not yet. What would help you is noted when I record what you have told me, once "
                "you have answered my questions."
            )
        return (
            "No, I have not noted anything that would help you yet. Tell me what would help, "
            "such as a call before any visit, and I will ask if we may note it."
        )
    if recorded.complaint_reference:
        return f"Yes. Your complaint is logged. Your reference is {recorded.complaint_reference}."
    if recorded.complaint_under_way:
        return (
            "Not yet. I log your complaint once you have answered my questions and told me the "
            "summary is right. Then I give you a reference."
        )
    return (
        "No, I have not logged a complaint in this conversation. If you want to make one, tell "
        "me what went wrong."
    )


def stage_2_reply(recorded: Recorded) -> str:
    reference = recorded.complaint_reference
    if reference and recorded.stage == 2:
        return f"Yes. Your complaint {reference} is at Stage 2."
    if recorded.stage_2_asked:
        # "has my stage 2 been recorded? and will they email me" (round 13 r13b-05, r13d-15):
        # how they will hear is said too.
        how = (
            "They will contact you using the phone number or email you gave me."
            if recorded.details_held
            else "They will reply here in this conversation, or you can give me a phone number "
            "or email for them to use."
        )
        return (
            "Not yet. I have passed your request for Stage 2 on. A complaints officer needs to "
            f"find your complaint before it can move to Stage 2. {how}"
        )
    if recorded.stage_2_under_way:
        # "so is the st2 request actually logged now? new ref? date?" asked while its question
        # is open (round 13 r13d-04 was told no Stage 2 request had been taken).
        return (
            "Not yet. I pass your request for Stage 2 on as soon as you have answered my question. "
            "Your complaint keeps the reference it has. Then I will tell you when to expect our "
            "answer."
        )
    if reference and recorded.stage == 1:
        return f"No. Your complaint {reference} is at Stage 1. If you want Stage 2, tell me."
    return (
        "No, I have not taken a Stage 2 request in this conversation. To ask for Stage 2, tell "
        "me, with your complaint reference if you have it."
    )


def visit_reply(recorded: Recorded) -> str:
    """When someone comes: what was said about it, and that no time is booked from the chat."""
    said = " ".join(recorded.visit_lines)
    return (
        f"{said} I can't book a time from this chat."
        if said
        else (
            "I can't see or book visits from this chat. Tell me what needs fixing and where, and I "
            "will note it for our team, who arrange a time with you."
        )
    )


REQUEST_CANCELLED_LINE = (
    "OK, I've cancelled that request. Our team will not contact you about it. If you need it "
    "after all, just tell me."
)


def withdrawal_reply(recorded: Recorded) -> str:
    """Whether a complaint is withdrawn: passed on, not yet closed, or never asked. With no
    complaint in the conversation, whether the request is cancelled ("So is it cancelled or
    not?" after "cancel it please" was told "No, I have not taken a wish to withdraw a
    complaint", round 25 r25b-10 t8)."""
    if recorded.request_cancelled and not recorded.complaint_reference:
        return "Yes. I have cancelled your request. Our team will not contact you about it."
    if recorded.request_noted and not (
        recorded.complaint_reference or recorded.withdrawal_passed_on
    ):
        return (
            "No. Your request is still with our team. If you want it cancelled, tell me and I "
            "will cancel it."
        )
    if recorded.withdrawal_passed_on:
        return (
            f"Not yet. I have passed on that you want to withdraw complaint "
            f"{recorded.withdrawal_passed_on}. A complaints officer will close it and confirm with "
            "you. You do not need to do anything else."
        )
    if recorded.complaint_reference:
        return (
            f"No. Your complaint {recorded.complaint_reference} is open. If you want to withdraw "
            "it, tell me and I will pass it on."
        )
    return (
        "No, I have not taken a wish to withdraw a complaint in this conversation. To withdraw "
        "one, tell me its reference and that you want to withdraw it."
    )


def request_reply(recorded: Recorded) -> str:
    if recorded.request_noted and recorded.access:
        return f'Yes. I have noted your request for our team, with this on it: "{recorded.access}".'
    if recorded.request_noted:
        return "Yes. I have noted your request for our team."
    when = "When we have finished your complaint, tell" if recorded.complaint_under_way else "Tell"
    return (
        f"No, I have not noted a repair or request yet. {when} me what needs fixing and where, "
        "and I will note it."
    )


def reference_reply(recorded: Recorded) -> str:
    """Which reference the resident has, if any, and when they get one."""
    reference = recorded.complaint_reference
    if recorded.stage_2_asked or recorded.stage_2_under_way:
        if reference:
            return (
                f"Your Stage 2 request keeps your complaint's reference, {reference}. Quote it if "
                "you contact us about it."
            )
        return (
            "Your Stage 2 request keeps the reference your complaint already has. If you do not "
            "have it, the complaints officer who finds your complaint will give it to you."
        )
    if reference:
        return f"Yes. Your complaint reference is {reference}. Quote it if you contact us about it."
    if recorded.complaint_under_way:
        return (
            "Not yet. I give you a reference once your complaint is logged, after you have "
            "answered my questions and told me the summary is right."
        )
    if recorded.request_noted:
        return (
            "No. A request for our team does not get a complaint reference. When our team "
            "contacts you to book the work, ask them for the job number. You can still make a "
            "complaint at any time."
        )
    return (
        "No. I have not logged anything in this conversation, so there is no reference yet. If "
        "you want to make a complaint, tell me what went wrong."
    )


# How much of the resident's words is read back for one thing noted.
NOTED_WORDS_READ = 18
# Where a clause ends: a comma, a dash, or an emoji typed between words.
CLAUSE_BREAK = re.compile(r",\s+|\s+-\s+|\s*[\U0001F000-\U0001FFFF\u2600-\u27BF]+\s*")
# A clause this long is read back alone: "kitchen cupboard door come off its hinge again".
CLAUSE_WORDS = 4
GREETING_START = re.compile(
    r"^(?:(?:hi+|hiya|hello|hey|good (?:morning|afternoon|evening)|dear sir(?: or madam)?)"
    r"\b[\W_]*)+"
    r"|^(?:(?:while i have you|also|and|plus|oh and|by the way|btw|ch|dm|"
    r"(?:i'?d like|i would like|i want|i'?m writing|im writing|i am writing|just) to report"
    r"(?: that)?)\b[\s,:;-]*)+",
    re.IGNORECASE,
)


def in_short(sentence: str) -> str:
    """A sentence of the resident's, cut to its first clause when that says enough, and to a
    few words."""
    for _ in range(2):
        # "Good evening, I would like to report that ...": the greeting, then the opener.
        sentence = GREETING_START.sub("", sentence.strip()).strip(" ,;-")
    first = re.split(CLAUSE_BREAK, sentence, maxsplit=1)[0]
    if len(first.split()) >= CLAUSE_WORDS:
        sentence = first
    said = sentence.split()
    if len(said) > NOTED_WORDS_READ:
        return " ".join(said[:NOTED_WORDS_READ]).rstrip(" ,;-") + "..."
    return sentence.rstrip(" ,;.-?!")


WHAT_KIND = {
    "request": "A request for our team",
    "put_right": "To put right, without a formal complaint",
    # A hazard told on the way, whose deadline to make it safe was said (round 25 r25a-08 t21).
    "urgent": "An urgent job to make safe",
}


def noted_reply(recorded: Recorded, text: str = "") -> str:
    """Everything noted in this conversation, each in the resident's words, with the name and
    contact details the team will use and what was said about when they contact them."""
    lines = ["Here is what I have noted for our team in this conversation:"]
    for number, noted in enumerate(recorded.noted, start=1):
        lines.append(f'{number}. {WHAT_KIND[noted.kind]}: "{noted.words}"')
    if recorded.complaint_reference:
        lines.append(f"Your complaint, reference {recorded.complaint_reference}.")
    if recorded.access:
        # "did you write down the 9 till 11 bit?": said from the request (round 25 r25a-03 t13).
        lines.append(f'On your request, for our team: "{recorded.access}".')
    who = ", ".join(part for part in (recorded.contact_name, recorded.contact_details) if part)
    if recorded.contact_line:
        lines.append(recorded.contact_line)
        if recorded.contact_name and recorded.contact_name not in recorded.contact_line:
            lines.append(f"The name we have is {recorded.contact_name}.")
    elif who:
        lines.append(f"Contact details: {who}.")
    else:
        lines.append(
            "I do not have a phone number or email for you. If you want our team to contact you, "
            "type one here."
        )
    if len(recorded.noted) > 1:
        lines.append("They are all with our team: you do not need to tell me again.")
    elif recorded.noted and "; " in recorded.noted[0].words:
        # "is that for the cupboard door AND the alarm or just one?" (round 20 r20a-06 t4).
        lines.append(
            "Everything in that message is noted together, and it is with our team: you do not "
            "need to tell me again."
        )
    else:
        lines.append("It is with our team: you do not need to tell me again.")
    if ASKS_WHO_RINGS.search(words(text)):
        lines.append(
            "I can't see who in our team will contact you, or whether it will be the same person "
            "for each. Ask them when they get in touch."
        )
    return "\n".join(lines)


def name_reply(recorded: Recorded) -> str:
    """The name and number held for the request, said plainly."""
    name, details = recorded.contact_name, recorded.contact_details
    if name and details:
        return (
            f"It is under the name {name}, with the contact details {details}. Our team will use "
            "them."
        )
    if name:
        return (
            f"It is under the name {name}. I do not have a phone number or email for it: type "
            "one here if our team should use it."
        )
    if details:
        return (
            f"I do not have a name for it, only the contact details {details}. Type the name here "
            "and our team will see it."
        )
    return (
        "I have not taken a name or contact details in this conversation. Type them here and our "
        "team will see them."
    )
