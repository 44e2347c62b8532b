"""Understanding a typed message as the answer to the question the assistant is waiting on.

People answer in sentences ("yes it's still leaking"), type a button's own words ("Make a formal
complaint"), change their mind ("actually forget it") or ask something in the middle. The
intent model reads each message on its own; these functions read it against the open question,
so an answer that fits the question is taken as the answer and never re-triaged. Used by the
conversation repair policy (bot.conversation_repair) and its action (actions.repair).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, replace
from difflib import SequenceMatcher
from typing import Any, Literal, Protocol

from bot.corrections import named_part
from bot.definition import consent_told, contact_details_in, contact_preference
from bot.nlp.matches import first_reference
from bot.policy import Answer
from bot.questions import (
    answer_for,
    asks_what,
    first_answer,
    is_question,
    questions_and_rest,
    supposed,
    told_beside_asking,
    without_openers,
)
from bot.recorded import Subject, asks_if_recorded, asks_to_book, asks_when_someone_comes
from bot.reply_dates import asks_when_due
from bot.text import contains, first_sentence, sentences, starts_with, words
from bot.told import ALREADY_TOLD

# Yes-or-no flags a rule answers with `affirm` or `deny` (data/rules/).
YES_NO_FLAGS = (
    "choice_pending",
    "time_limit_pending",
    "representative_pending",
    "adjustments_pending",
    "request_contact_pending",
    "awaiting_confirmation",
)
# Form questions answered yes or no (bool slots in domain.yml).
ADJUSTMENT_CONSENT = "adjustment_consent"
YES_NO_SLOTS = ("still_happening", "representative_consent", ADJUSTMENT_CONSENT)
# The read-back of the complaint definition: only an unambiguous yes logs the complaint.
READ_BACK = "awaiting_confirmation"

YES_STARTS = (
    "yes", "yeah", "yea", "yep", "yup", "ye", "ya", "y", "aye", "sure", "ok", "okay", "correct",
    "right", "that's right", "thats right", "that is right", "that's correct", "thats correct",
    "it's right", "its right", "spot on", "definitely", "absolutely", "of course", "please do",
    "go ahead", "fine", "that's fine", "thats fine", "all good", "perfect", "looks right",
    "looks good", "log it", "yes log it", "that's it", "thats it", "bang on", "great",
    "yh", "yeh", "yah", "yas", "yeah yeah", "confirmed", "confirm", "i confirm", "all correct",
    "all right", "alright", "send it", "submit it", "go for it", "sounds right", "looks fine",
    "that's all correct", "thats all correct", "k", "kk",
    # "nothing to change its all correct", "it is right. submit it", "whatever, yes send it".
    "its all correct", "it's all correct", "it is all correct", "its correct", "it's correct",
    "it is correct", "it is right", "its all right", "submit it", "whatever yes",
    "whatever send it", "whatever just send it",
    # "Nothing to change. Please log it." (round 9 r9a-08 got the menu again).
    "please log it", "pls log it", "just log it", "you can log it", "go ahead and log it",
    # Yes in the landlord's other languages, often typed before an English answer.
    "tak", "sim", "da", "haa", "haan", "ji", "naam", "taip", "si", "sí", "haan ji", "ji haan",
    # "theek hai, yes", "sí, correcto": agreement in the words of Urdu, Hindi and Spanish
    # speakers (round 13 r13c-04, r13a-13 were asked which part to change).
    "theek hai", "thik hai", "theek", "thik", "sahi hai", "sahi", "correcto", "vale", "dobrze",
    "bine", "haa ji",
    # "That is correct now, thank you", "Close enough, yes" were asked which part to change
    # (round 14 r14d-04, r14b): the long forms of "that's correct", and near enough is a yes.
    "that is correct", "that is all correct", "that is fine", "that is it", "close enough",
    "near enough", "good enough",
    # As typed: "yh thats it", "obviously yes".
    "yh", "yeh", "yass", "obviously", "course", "obv", "obvs",
)  # fmt: skip
# "Have they agreed?" is answered about the other person.
CONSENT_YES_STARTS = (
    "they have", "she has", "he has", "they agreed", "she agreed", "he agreed", "they've agreed",
    "they are happy", "she's happy", "he's happy", "i have their", "i've got their",
)  # fmt: skip
CONSENT_SLOTS = ("representative_consent",)
NO_STARTS = (
    "no", "nope", "nah", "n", "not yet", "no thanks", "no thank you", "not really", "it's over",
    "its over", "it is over", "it stopped", "it's stopped", "its stopped", "it has stopped",
    "no longer", "not anymore", "not any more", "they haven't", "they havent", "don't", "dont",
    "do not", "never",
    # "Has the resident agreed?" "not asked her properly yet tbh".
    "not asked", "haven't asked", "havent asked", "not checked", "haven't checked",
    # "nahi, english theek hai" is a no (round 13 r13c-04 stored it as what would help).
    "nahi", "nahin", "nai", "nie",
)  # fmt: skip
# Offers a yes may come with the details they lead to ("yes, call me on 07700 900456", "yes I'm
# deaf so text only pls", "yes please, I'm her son Patrick"): the details are taken with the
# yes, not asked for again.
REQUEST_CONTACT_OFFER = "request_contact_pending"
OFFERS_WITH_DETAILS = (REQUEST_CONTACT_OFFER, "adjustments_pending", "representative_pending")
# A "no" that says what is not there, not a reply: "no fire its the carbon monoxide alarm" at
# "Would you like our team to contact you?" declined the call-back (round 20 r20a-02 t3).
# "nah no gas smell nothin. can i just take the battery out" at the same offer, after "Is anyone in
# danger right now? If you smell gas, get everyone out" was read as no to the offer, and the
# resident was told to call us in office hours (round 23 r23a-05 t2).
NO_SUCH_THING = re.compile(
    r"^(?:(?:nah|nope|naw|no)\s+)?(?:no|not)\s+(?:a\s+|any\s+)?"
    r"(?:fire|fires|smoke|flames?|gas|smell|leak|flood|sparks?"
    r"|burning|water|heating|heat|power|electric|electrics|lights?|danger|emergency)\b"
)
# At "would you like our team to contact you?", "I will call you on Monday" is a no.
WILL_CALL_THEM = re.compile(
    # "i call the number": "I'll call" as typed in English as a second language.
    r"\b(?:i'?ll|i will|i can|i'm going to|im going to|i am going to|i'?m gonna|i)\s+"
    r"(?:call|ring|phone|contact|give (?:you|u) a (?:call|ring|bell))\b"
)
# Words that add nothing to a yes: "yes please", "ok thanks".
YES_FILLERS = {"please", "pls", "plz", "thanks", "thank", "you", "ta", "cheers", "do", "note", "it"}
# Agreement to keep a health condition or disability on record, said with what would help:
# a word of permission and a word of recording, a few words apart in one sentence ("she's fine
# with you noting that", "ok to note", "T ok w/ recording", "you can record my disability",
# "T consents to COPD being recorded", "happy for his learning disability to be noted").
PERMISSION = (
    r"\b(?:fine|ok|okay|happy|alright|all right|content|agree|agrees|agreed|consent|consents|"
    r"consented)\b"
)
RECORDING = (
    r"\b(?:not(?:e|es|ed|ing)|record(?:s|ed|ing)?(?!\s+of)"
    r"|writ(?:e|ten|ing) (?:it |that |this )?down"
    r"|(?:keep|keeping|kept|put|putting) (?:it |that |this )?on (?:(?:his|her|my|their|the) )?"
    r"(?:file|record)"
    # "yes you can put down he's disabled" (round 12 r12a-13 was logged without it).
    r"|(?:put|putting) (?:it |that |this )?down)\b"
)
CONSENT_TO_RECORD = re.compile(
    rf"{PERMISSION}(?:[^\w.!?]+\w+){{0,6}}?[^\w.!?]+{RECORDING}"
    # "You can note that", "u may record it": permission given to us in so many words.
    rf"|\b(?:you|u|we)\s+(?:can|may|could)\s+(?:\w+\s+)?{RECORDING}",
    re.IGNORECASE,
)
NEGATED = re.compile(r"(?:\bnot|\bno|\bnever|n't|\bdont|\bisnt|\barent)\W*(?:\w+\W+){0,2}$", re.I)
SENTENCE_START = re.compile(r"[.!?\n]")


def consent_to_record(text: str) -> bool:
    """Consent said in so many words, and not "I'm not ok with that being recorded" (a "never
    phone." in the sentence before does not take it back)."""
    for found in CONSENT_TO_RECORD.finditer(text):
        before = text[: found.start()]
        sentence = before[max((m.end() for m in SENTENCE_START.finditer(before)), default=0) :]
        if NEGATED.search(sentence) is None:
            return True
    return False


# "don't put my hearing on file", "I don't want that written on any file", "not to record it".
REFUSED_RECORDING = re.compile(
    r"\b(?:don'?t|dont|do not|doesn'?t|doesnt|not|never|rather you didn'?t)\s+(?:\w+\s+){0,3}?"
    r"(?:record(?:ed|ing)?|not(?:e|ed|ing)|writ(?:e|ten|ing)\s+(?:\w+\s+){0,3}?(?:down|on)"
    r"|put(?:ting)?\s+(?:\w+\s+){0,3}?(?:on|in|down)|keep\s+(?:\w+\s+){0,3}?on)\b",
    re.IGNORECASE,
)


def refuses_recording(text: str) -> bool:
    """Whether a message says a health condition or disability is not to be recorded."""
    return REFUSED_RECORDING.search(text) is not None


# Asking for a formal complaint, and for putting it right without one, at the offer (Code 1.3).
CHOICE = "choice_pending"
COMPLAINT_WORDS = (
    "complaint", "complain", "complaining", "formal", "formally", "formal one", "formal 1",
    "make it official", "official complaint",
    # As typed: "make a complant" (round 12 r12a-07 dropped the choice).
    "complant", "complaynt", "compaint", "complait",
)  # fmt: skip
WITHOUT_COMPLAINT = (
    "without", "no complaint", "not a complaint", "dont want a complaint", "dont want to complain",
    "not complaining", "just fix", "just want it fixed", "just get it fixed", "put it right",
    "sort it out", "no formal", "not formal", "informal", "informally", "no complain",
    "only fix", "dont want a formal", "dont want to make a formal", "not make a complaint",
    "only want it fixed", "only want it sorted", "just want it sorted",
)  # fmt: skip
# At the read-back, a no with more words than this is the correction itself.
NO_AND_MORE = 4
# Words that make a yes conditional: "yes but the date is wrong" is not agreement.
BUT_WORDS = ("but", "except", "apart from", "although", "however", "though", "only", "just not")
UNSURE = ("not sure", "no idea", "don't know", "dont know", "maybe", "unsure")
STILL_WORDS = (
    "still", "ongoing", "keeps", "carries on", "continuing", "every day", "again", "every night",
    "all the time", "every time", "constantly", "daily", "nightly", "every week", "each night",
)  # fmt: skip
# "every night yes": a yes said last.
YES_ENDINGS = ("yes", "yeah", "yep", "yh", "ye", "yup", "it is", "they are", "still")
STOPPED_WORDS = (
    "stopped", "fixed now", "sorted now", "been sorted", "been fixed", "it's over", "its over",
    "no longer", "not any more", "not anymore",
)  # fmt: skip

# Leaving: whole short messages, or phrases that mean it anywhere.
LEAVE_MESSAGES = (
    "cancel", "stop", "quit", "exit", "end", "restart", "start again", "start over",
    "forget it", "never mind", "nevermind", "leave it", "goodbye", "bye", "not now", "no stop",
    "nvm", "actually forget it",
)  # fmt: skip
LEAVE_PHRASES = (
    "changed my mind", "change my mind", "don't want to complain", "dont want to complain",
    "do not want to complain", "don't want to make a complaint", "dont want to make a complaint",
    "do not want to make a complaint", "don't want to do this", "dont want to do this",
    "cancel this", "cancel the complaint", "cancel my complaint", "cancel it", "stop this",
    "forget it", "phone you instead", "call you instead", "ring you instead", "no stop",
    "don't want to make a formal complaint", "dont want to make a formal complaint",
    "leave the complaint", "drop the complaint", "not go ahead",
    "start again", "start over", "forget about it", "don't want to carry on",
    "dont want to carry on", "not going ahead", "withdraw my complaint", "rather not complain",
    "not bother", "rather leave it", "drop it", "no point me doing this", "leave it for now",
    "don't want to go ahead", "dont want to go ahead", "do not want to go ahead",
    "don't want to continue", "dont want to continue", "dnt want 2 complain",
    "dont want 2 complain", "dnt want to complain", "don't wanna complain", "dont wanna complain",
    "forget the complaint", "stop the complaint", "formal route", "no fuss", "don't want a fuss",
    "dont want a fuss", "doesn't want to complain", "doesnt want to complain",
    "does not want to complain", "don't want to complain anymore", "rather not go ahead",
    # After going straight to the form: "actually just put it right without a complaint".
    "without a complaint", "without a formal complaint", "without complaining",
    "rather you just put it right", "rather just put it right",
    # A question mistaken for a request: "no im not asking for it yet just wanted to know".
    "not asking for it", "just wanted to know", "only wanted to know", "was just asking",
    "was just askin", "just askin", "only asking", "don't want stage 2", "dont want stage 2",
    "not stage 2 yet", "cancel the stage 2", "cancel stage 2", "stop the stage 2",
    # Leaving for now: "gtg kids home, il do this another time".
    "another time", "gtg", "got to go", "gotta go", "have to go", "do this later",
    # Second thoughts in English as a second language, and for later (round 8): "I think better
    # not complain now. I don't want trouble", "ill think about it and call you".
    "better not complain", "better not to complain", "best not complain", "best not to complain",
    "not complain now", "no complain now", "dont want trouble", "don't want trouble",
    "dont want any trouble", "don't want any trouble", "do not want trouble",
    "think about it and call", "think about it and ring", "think about it and get back",
    "ill think about it", "i'll think about it", "i will think about it",
    # A call handler withdrawing: "caller no longer wishes to proceed w/ complaint. pls close".
    "no longer wishes to", "no longer wish to", "no longer wants to", "no longer want to",
    "not wish to proceed", "not want to proceed", "pls close", "please close it",
    "close the complaint", "withdraw the complaint", "withdraw it",
    # "i call 999 myself. forget the form" (round 10 r10c-03 was taken as a form answer).
    "forget the form", "forget this form", "forget the forms", "forget all this", "forget this",
)  # fmt: skip
# A no that answers a form's question before "that's all": "no thats all", "nothing else".
NO_ANSWERS = ("no", "nope", "nah", "no thanks", "no thank you", "nothing", "nothing else", "none")
# "actually cancel. im worried...", "i said cancel", "no, stop": cancel said inside a sentence.
CANCEL_IN_A_CLAUSE = re.compile(
    r"^(?:(?:actually|just|please|pls|plz|i said|said|so|ok|okay|no|can you|could you|u can|"
    r"you can|then)\s+)*(?:cancel|stop)(?:\s+(?:it|this|that|the complaint|please|pls|now|then|"
    # "cancel for now, going outside" (round 9 r9c29).
    r"for now))*$"
)
# A message that ends with one of these is a goodbye, whatever comes before ("ok cheers bye",
# "I'll ring you monday. bye").
GOODBYE_ENDINGS = (
    "bye", "goodbye", "bye bye", "byee", "cya", "bye for now", "goodbye for now", "bye then",
    "ta ra", "tara",
    # A call handler's sign-off ("thx, closing call") was logged as a new request, and "night x"
    # got "Is anyone in danger?" (round 15 r15d-04, r15b-15).
    "closing call", "closing the call", "ending call", "ending the call", "end of call",
    "call ended", "call closed", "goodnight", "good night", "night night", "night x", "night xx",
    "nite", "nite x",
)  # fmt: skip
# Endings that close a conversation, but after a yes at a yes-or-no question ("yes, that's all")
# they close the answer, not the conversation.
ALL_DONE_ENDINGS = (
    "that's all", "thats all", "that is all", "that's all thanks", "thats all thanks",
    "that's all thank you", "thats all thank you", "done for today", "that's me done",
    "thats me done", "that's me done for today", "thats me done for today",
)  # fmt: skip
START_AGAIN = ("start again", "start over", "restart")
WH_WORDS = ("who", "how", "where", "what", "which", "when")
# Words that show a request for a person is meant, not an answer that mentions calling.
PERSON_WORDS = (
    # "an adviser", not "adviser": "Sam Patel, customer services adviser" answers a question.
    "person", "human", "an agent", "an adviser", "an advisor", "an operator", "speak to", "talk to",
    "pass me to", "put me through", "transfer me", "connect me",
    "speak with", "talk with", "speak 2", "talk 2", "real person", "someone real", "sum1 real",
    "speak to someone", "talk to someone", "a member of staff", "staff member",
)  # fmt: skip
# How close typed words must be to a button's title to count as clicking it.
CLOSE_ENOUGH = 0.8
# Intents that carry their own meaning whatever question is open (rules answer them).
OWN_MEANING_INTENTS = ("greet", "thank", "bot_challenge")

# Intents whose rules do not triage the message, so a common question is answered here.
UNTRIAGED_INTENTS = ("request_human", "out_of_scope")
# What the model reads as about a complaint made before: where it has got to, or Stage 2.
ABOUT_AN_EARLIER_COMPLAINT = ("escalate", "complaint_status")

# "check": a yes and a leaving said together at the read-back ("oh forget it. yes, log it").
# "put_right": the complaint given up for the repair itself ("forget the complaint, I just want
# the lock fixed").
# Asking where a complaint has got to (policy_rules/intents.yml).
STATUS_INTENT = "complaint_status"
# The form that asks for the reference of a complaint to take to Stage 2.
STAGE_2_FORM = "escalation_form"
# The general Stage 2 answer (policy_rules/answers.yml).
STAGE_2_ANSWER = "stage_2"
# Landlord answers the record says better when it is asked about: the general Stage 2 answer,
# and "Stage 2 keeps the same reference" beside the reference the record holds ("Will I get a
# new reference for Stage 2 or is it the same one?", round 17 r17a-09 t4 was also told "No. At
# Stage 2 a different person looks at your complaint").
SAID_BY_THE_RECORD = (STAGE_2_ANSWER, "stage_2_reference")
# Landlord answers on when someone comes to a repair in general: with a question of ours open,
# the record says what this conversation set in motion (bot.recorded, subject "visit").
VISIT_ANSWERS = ("emergency_repairs", "repair_status", "repair_timescales")


# "new_complaint": at the Stage 2 questions, there is no earlier complaint ("this is my first
# complaint"), so a new one is taken instead. "reread": with nothing open, a message that says
# more than the "no" the model read, read again as its next reading. "unhappy": at a question
# about a request, dissatisfaction told, or a complaint asked for: triaged, after what the
# answer gives is kept.
Kind = Literal[
    "leave", "button", "yes", "no", "slot", "amend", "question", "check", "none", "put_right",
    "new_complaint", "way_to_contact", "reread", "unhappy", "stage_2", "no_stage_2",
]  # fmt: skip

# The questions asked about a request once it is noted: whether our team should contact the
# resident (and the contact form's questions), what would help, and who acts for them.
REQUEST_OFFERS = (REQUEST_CONTACT_OFFER, "adjustments_pending", "representative_pending")
REQUEST_FORMS = ("request_contact_form", "adjustments_form", "representative_form")
# Dissatisfaction cues that only name complaining: "is my complaint saved?" tells nothing
# unhappy, and a complaint asked for in words is `asks_for_a_complaint`'s.
ONLY_NAMES_COMPLAINING = ("complain", "complaint")


def about_the_request(question: OpenQuestion) -> bool:
    """Whether the open question is one asked about a request just noted."""
    return question.name in REQUEST_OFFERS or question.form in REQUEST_FORMS


# Fed up with a way of being contacted: "email only im sick of phone calls", "text me, fed up
# of being rung". The reason for a preference, not dissatisfaction with the request.
TIRED_OF_A_WAY_OF_CONTACT = re.compile(
    r"\b(?:sick|fed up|tired|had enough|sick and tired)\s+(?:of|with|wiv)\s+"
    r"(?:(?:all|the|these|those|your|ur|being|getting)\s+){0,2}"
    r"(?:phone calls|calls|call|phoning|ringing|rung|called|phoned|the phone|phones|texts|"
    r"text messages|letters|emails|voicemails|answerphone)\b"
)
# Other words of dissatisfaction beside it: then it is also unhappiness with us.
OTHER_UNHAPPINESS = re.compile(
    r"\b(?:complain|complaint|not happy|unhappy|useless|rubbish|disgusting|disgrace|"
    r"ridiculous|nobody came|no one came|never came|still not|still waiting)\b"
)


def only_tired_of_a_way_of_contact(text: str) -> bool:
    """Whether a message that gives contact details is unhappy only with a way of being
    contacted (the reason for a preference), not with the request or the service."""
    said = words(text).replace("'", "")
    return (
        contact_details_in(text) is not None
        and TIRED_OF_A_WAY_OF_CONTACT.search(said) is not None
        and OTHER_UNHAPPINESS.search(said) is None
    )


def unhappiness_told(text: str, entities: list[dict[str, Any]]) -> bool:
    """Whether a message tells dissatisfaction (a cue from policy_rules/intents.yml, found by
    the rule matcher), not only supposes it ("if nobody comes, what then?") or names
    complaining."""
    return any(
        cue.get("entity") == "dissatisfaction_cue"
        and isinstance(start := cue.get("start"), int)
        and text[start : cue.get("end")].lower() not in ONLY_NAMES_COMPLAINING
        and not supposed(text, start)
        for cue in entities
    )


@dataclass(frozen=True)
class OpenQuestion:
    """What the assistant is waiting on: a form's requested slot or a yes-or-no flag."""

    name: str
    form: str | None = None

    @property
    def yes_no(self) -> bool:
        return self.name in YES_NO_SLOTS or self.name in YES_NO_FLAGS


@dataclass(frozen=True)
class Button:
    title: str
    payload: str


@dataclass(frozen=True)
class Understanding:
    kind: Kind
    # The button's payload (kind "button"), the slot's value (kind "slot"), or None.
    value: str | None = None
    start_again: bool = False
    # A common question asked in the same message, answered before anything else.
    answer: Answer | None = None
    # A question asked in the same message that the landlord's answers do not cover: said
    # honestly, with the route to a person.
    unanswered: bool = False
    # The part of a message that answers a form's question, when a question came with it.
    answer_text: str | None = None
    # Leaving to talk to a person: "I changed my mind. I talk to person with interpreter".
    then_person: bool = False
    # A question about what this conversation has recorded ("is the complaint logged or
    # not?"), answered from the record rather than as a question nobody can answer.
    about_record: Subject | None = None
    # "wait r u a real person or a bot" asked at a question: answered honestly (automated, a
    # person on request), and the question asked again.
    asks_if_automated: bool = False
    # "is it logged yet? i have to go in a min": short of time, not stopping. The question is
    # answered, and the resident hears they can have what they told passed on now.
    hurried: bool = False


# The answers that say how to withdraw something (policy_rules/answers.yml): told, they are the
# whole reply. Other answers given when told ("a letter of claim was sent", round 16 r16b-04)
# are said beside the rest.
WITHDRAWAL_ANSWERS = ("withdraw_asb_report", "withdraw_complaint")
NOTHING = Understanding("none")
# "are you a real person", "r u a bot", "am I talking to a real person or is this automatic?",
# "is this a robot": whether the chat is a person, asked, not a person asked for (round 25
# r25b-02 t5 got the name question's hint twice, r25b-12 t3 was handed to a person).
ASKS_IF_AUTOMATED = re.compile(
    r"\b(?:are|r)\s+(?:you|u|ya)\s+(?:even\s+|actually\s+|really\s+)?"
    r"(?:a\s+|an\s+)?(?:real|actual|human|bot|robot|person|computer|machine|automated|ai)\b"
    r"|\b(?:am\s+i|i'?m|im|is\s+this|are\s+we)\s+(?:talking|speaking|chatting)\s+(?:to|with|2)\s+"
    r"(?:a\s+|an\s+)?(?:real|actual|human|bot|robot|person|computer|machine|ai)\b"
    r"|\bis\s+(?:this|it)\s+(?:a\s+|an\s+)?(?:bot|robot|computer|machine|automatic|automated|ai)\b"
    r"|\bwho\s+(?:am\s+i|are\s+we)\s+(?:talking|speaking|chatting)\s+(?:to|with|2)\b"
)
LEAVE = Understanding("leave")
CHECK = Understanding("check")
# The action that acts on an understanding (actions.repair), run by bot.conversation_repair.
REPAIR_ACTION = "action_understand_answer"
# Marks a message re-read as the answer it is, in its parse data, so it is read only once.
UNDERSTOOD_KEY = "understood_as_answer_to"


class ConversationState(Protocol):
    """What both trackers (Rasa's in the dialogue policy, rasa_sdk's in actions) offer."""

    @property
    def active_loop_name(self) -> str | None: ...

    def get_slot(self, key: str) -> Any: ...


def open_question(tracker: ConversationState) -> OpenQuestion | None:
    """The question waiting for an answer, if any: a form's question first."""
    active_loop, requested_slot = tracker.active_loop_name, tracker.get_slot("requested_slot")
    if active_loop and requested_slot:
        return OpenQuestion(requested_slot, active_loop)
    if tracker.get_slot(READ_BACK):
        return OpenQuestion(READ_BACK)
    waiting = [flag for flag in YES_NO_FLAGS if tracker.get_slot(flag)]
    return OpenQuestion(waiting[0]) if waiting else None


# The handover's own words for carrying on with the assistant (bot.replies.CARRY_ON_HERE).
CARRY_ON_HERE_WORDS = "carry on here"
# The button that asks for Stage 2 when it is offered (bot.replies.STAGE_2_OFFER_BUTTONS).
STAGE_2_BUTTON = "/escalate"
# Stage 2 by name, in the words of a request.
STAGE_2_NAMED = re.compile(r"\bstage\s*(?:2|two)\b|\bescalat|\bnext stage\b")


def understand(
    question: OpenQuestion | None,
    text: str,
    intent: str | None,
    buttons: list[Button],
    answers: dict[str, Answer],
    asks_for_a_person: bool = False,
    no_earlier_complaint: bool = False,
    stage_2_by_name: bool = False,
    unhappy: bool = False,
    reference_given: bool = False,
    stage_2_taken_back: bool = False,
) -> Understanding:
    """How a typed message answers the open question; NOTHING leaves it to the rules. A common
    question asked on the way is answered too, and the open question asked again.
    `asks_for_a_person` says the policy's words for asking for a person are in the message;
    `no_earlier_complaint` that it says there is no complaint to take to Stage 2, and
    `stage_2_by_name` that it asks for Stage 2 by name (bot.triage.stage_2); `unhappy` that it
    tells dissatisfaction (`unhappiness_told`); `reference_given` that a complaint reference
    was typed earlier in the conversation; `stage_2_taken_back` that it takes back or declines
    a Stage 2 request (bot.triage.stage_2: "declines" or "undo")."""
    if not text.strip() or text.startswith("/"):
        return NOTHING
    if (
        question is None
        and intent != "escalate"
        and any(button.payload == STAGE_2_BUTTON for button in buttons)
        and not is_question(text)
        and yes_or_no(text) is True
    ):
        # "yes please" to "Would you like to ask for Stage 2?" (round 26 r26b-07 t2): the
        # resident chose it.
        return Understanding("button", STAGE_2_BUTTON)
    if question is None and words(text) == CARRY_ON_HERE_WORDS:
        # "Carry on here" typed when nobody is awaited any more (a Stage 2 request and its
        # handover taken back, round 26 r26b-07) got "Goodbye": the chat carries on.
        return Understanding("button", "/affirm")
    if question is not None and question.form == STAGE_2_FORM and stage_2_taken_back:
        # "wait i didnt ask for stage 2 yet, i just said its rubbish" at the Stage 2 questions
        # was kept as the email or phone number given with the complaint, and the request
        # passed on (round 26 r26b-07 t3): nothing is sent.
        return Understanding("no_stage_2")
    if (
        question is not None
        and ASKS_IF_AUTOMATED.search(words(text))
        and ASKS_FOR_A_PERSON_PLAINLY.search(words(text)) is None
    ):
        return Understanding("question", asks_if_automated=True)
    if (
        question is not None
        and stage_2_by_name
        and (reference_given or first_reference(text))
        and not asks_what(text)
        # Inside the form, only for a reference typed before it: "sorry, first can you put
        # CMP-2026-000051 to stage 2" at a form question keeps the new complaint (round 14).
        and (
            question.name in (CHOICE, READ_BACK)
            or (question.form == "complaint_form" and reference_given)
        )
        # Asked for, not only asked about: "is this stage 2 or a new complaint?" is answered.
        and STAGE_2_NAMED.search(words(questions_and_rest(text)[1]))
    ):
        # "ok then i want stage 2" after giving "ref CMP-2026-000003" at the start, "cancel
        # this one. stage 2 for complaint CMP-..." at the read-back: Stage 2 for the complaint
        # already named, never a new Stage 1 form, "I want stage 2" as what they would like, or
        # "cancel" read as withdrawing the old complaint (round 23 r23b-04 t4, t11, t12). Only
        # the new complaint's draft is dropped.
        return Understanding("stage_2")
    if (
        question is None
        and stage_2_by_name
        # Or the reference typed earlier: "ok then i want stage 2. the original thing was damp
        # ..." after the status check of "ref CMP-2026-000003" was offered a new complaint
        # (round 23 r23b-04 t4).
        # A question about a Stage 2 asked before ("is my stage 2 still happening or did I
        # just cancel it?", round 12 r12d-01) is answered from the record, not asked again.
        and (
            first_reference(text)
            or (reference_given and STAGE_2_NAMED.search(words(questions_and_rest(text)[1])))
        )
        and not asks_what(text)
    ):
        # "I want my complaint CMP-2026-000098 put to stage 2 and a date for when you'll reply,
        # thats all" got "Goodbye", and "stage 2 please. reference CMP-..." the general Stage 2
        # text (round 14 r14a-05): the request it is.
        return NOTHING if intent == "escalate" else Understanding("button", "/escalate")
    if (
        question is None
        and intent == STATUS_INTENT
        and asks_when_due(text)
        and first_reference(text) is None
    ):
        # "if i made my complaint on 13 november when should i have got a reply by?" was asked
        # for the complaint's reference: a question about the Code's dates, answered with them
        # (round 16 r16b-08).
        return Understanding("button", "/enquiry")
    if question is not None and question.form == STAGE_2_FORM and no_earlier_complaint:
        # "I don't have a reference, this is my first complaint" was passed on as a Stage 2
        # request (round 10 r10a-29): Stage 2 needs a Stage 1 complaint. "what?? i havent made a
        # complaint, i just asked which email" was taken into a new complaint form (round 15
        # r15b-09): with no complaint at all, none is started and the question is answered.
        if made_no_complaint(text) and not asks_for_a_complaint(text):
            return Understanding("leave", answer=first_answer(text, answers))
        return Understanding("new_complaint")
    button = typed_button(text, buttons) if question is not None else None
    if button is not None:
        return Understanding("button", button.payload)
    asked = first_answer(text, answers)
    if (
        asked is not None
        and asked.told
        and question is not None
        and question.name == READ_BACK
        and not is_question(text)
        and asked.id not in WITHDRAWAL_ANSWERS
    ):
        # "and pls note the stair light by the lift is out too" at the read-back is more of
        # what went wrong, not a question: it got the dark stairs answer and was not added
        # (the round 25 merge).
        asked = None
    if asked is None and question is not None and question.name == CHOICE and is_question(text):
        # At the choice, "what is the difference?" asks about complaining (round 8 r8a-29).
        asked = answer_for(f"{text} complaint", answers)
    if (
        question is not None
        and question.name == REQUEST_CONTACT_OFFER
        and asks_for_a_complaint(text)
        and not already_complained(text)
        and not unhappy
    ):
        # "I've changed my mind - I want to make a formal complaint" after choosing to have it
        # put right was told to call us (round 11 r11a-19): the complaint is taken.
        return Understanding("button", "/make_complaint")
    if (
        question is not None
        and about_the_request(question)
        and (unhappy or asks_for_a_complaint(text))
        and not already_complained(text)
        # "this bot is useless, forget it bye": leaving, with the choice said, not a question
        # left waiting (round 20 r20a-06 t6).
        and not (unhappy and says_goodbye(text, question))
        # "yes contact me, gary price, email gpricey@mail.example, email only im sick of phone
        # calls" was offered a complaint again just after he gave one up (round 22 r22b-07 t8):
        # fed up with calls is why he wants email, told with the details.
        and not only_tired_of_a_way_of_contact(text)
    ):
        # "yes. they said someone wld come saturday and no one came", "i am not happy about
        # this", "yes please note Bangla interpreter always. and i want make complain" told
        # while a request's offers were open went on as plain answers, the unhappiness unheard
        # (round 18 r18a-01 t2, r18a-15 t2-t4): what the answer gives is kept, and the message
        # is triaged, which offers the choice to complain (Code 1.2, 1.3).
        return Understanding("unhappy")
    if question is not None and gives_up_complaint_for_repair(question, text):
        # Put right without a complaint, at the offer (its "no") or inside the complaint form:
        # the repair is noted, not only the complaint stopped (round 9 r9a-05, r9b-24, r9c11).
        # How to report a repair is moot then: this one is being noted. A "no" the model
        # already read at the offer is the rules' to record, as any "no" there is.
        if question.name == CHOICE and intent == "deny" and asked is None:
            return NOTHING
        return Understanding(
            "no" if question.name == CHOICE else "put_right",
            answer=asked if asked is not None and asked.id != REPORT_REPAIR_ANSWER else None,
        )
    # "yes please, my mobile is 07700 900412. Can you tell me when someone will actually come
    # out?" (round 17 r17a-01 t2 was asked for a name, the question left): said from the record.
    visit: Subject | None = (
        "visit"
        if question is not None
        and (asked is None or asked.id in VISIT_ANSWERS)
        and asks_when_someone_comes(text)
        else None
    )
    if question is not None and question.name == REQUEST_CONTACT_OFFER and contact_details_in(text):
        # "yes please, email me at ... thanks, bye": the details answer the offer (round 8
        # r8a-22 was told to ring instead). A question beside them is answered: "my name is Sam
        # 07700 900233. will you go in to the flat above and stop it?" (round 18 r18a-02).
        return Understanding("yes", answer=asked if visit is None else None, about_record=visit)
    if question is None and intent != "thank" and (only_thanks(text) or passes_it_on(text)):
        # "kk ta": thanks, in the words people text it, not a message out of scope (r9b-04);
        # "no thanks, I'll tell him the number" closes the answer just given (r9b-22).
        return Understanding("button", "/thank")
    if says_goodbye(text, question) and intent != "goodbye":
        # "ok thanks, that's all" or "I'll ring you monday. bye": not thanks, nor a new request.
        return Understanding("button", "/goodbye") if question is None else LEAVE
    if intent in OWN_MEANING_INTENTS and asked is None and not names_a_part_alone(question, text):
        # "i call the number. thank you", "ill think about it and call you, thanks": the answer
        # comes before the thanks (round 8).
        thanked = _understand(question, text, None) if question and intent == "thank" else NOTHING
        if question is not None and question.name == READ_BACK and intent == "thank":
            # "yes correct. thank you very much" was "You're welcome" and nothing was logged
            # (round 13 r13b-08): the yes before the thanks answers the read-back; thanks alone
            # is checked once, never left without an answer.
            return CHECK if only_thanks(text) else thanked
        return thanked if thanked.kind in ("leave", "no") else NOTHING
    plainly = ASKS_FOR_A_PERSON_PLAINLY.search(words(text)) is not None or (
        question is not None
        and question.form == "complaint_form"
        and question.name not in CONTACT_QUESTIONS
        and ASKS_TO_BE_RUNG.search(words(text)) is not None
    )
    if question is None and intent in ("affirm", "deny") and asks_for_a_complaint(text):
        # "yes i want to complain about it" after a request was logged: the complaint, not
        # "what would you like to tell us about?" (round 8 r8b-32); "No I dont want stop! I want
        # the complaint" after leaving one: not "Goodbye" (round 11 r11d-08).
        return Understanding("button", "/make_complaint")
    about_record = (
        asks_if_recorded(text)
        or ("request" if question is not None and asks_to_book(text) else None)
        or visit
    )
    hurry = (
        HURRIED.search(text)
        if question is not None and (question.form or question.name == READ_BACK)
        else None
    )
    if hurry is not None:
        # "Is my complaint logged yet? I've got to go soon." and "is it logged yet? i have to
        # go in a min" stopped the complaint (round 26 r26b-10 t8, r26b-11 t4): short of time
        # is no stop. Only leaving said besides ("forget it, i have to go soon") stops it.
        rest = HURRIED.sub(" ", text)
        if not wants_to_leave(rest):
            if about_record is not None or not words(rest) or not questions_and_rest(rest)[1]:
                return Understanding("question", about_record=about_record, hurried=True)
            text = rest
    if question is not None and question.name == READ_BACK:
        said = words(text)
        if about_record == "complaint" and SAID_YES_BEFORE.search(said):
            # "police came, hes gone. did my complaint go through? i said yes before": the yes
            # held back by the danger is given again (round 16 r16a-11 t16 got "Which part?").
            return Understanding("yes")
        if (
            STEPPING_AWAY.search(said)
            and not SAYS_A_PART_IS_WRONG.search(said)
            and not wants_to_leave(text)
            and not withdraws(text)
        ):
            # "im calling 999 now" is no "no": the summary is asked about again, unchanged
            # (round 16 r16a-11 t15 got "Which part would you like to change?").
            return Understanding("question")
    if question is None:
        if about_record is not None:
            # "yes but is the ring-me-before-visits thing noted or not" (round 11 r11b-17).
            return Understanding("question", about_record=about_record)
        if plainly and intent != "request_human":
            # "... He asked me to contact you. Can I speak to a real person please?" (r8c-19).
            return Understanding("button", "/request_human")
        # With nothing open, triage answers questions; these intents never reach it ("how do I
        # reach the ASB team?" is not a request to talk to a person now).
        if asked is not None and intent in UNTRIAGED_INTENTS:
            return Understanding("question", answer=asked)
        if (
            intent == "deny"
            and (is_question(text) or len(words(text).split()) > NO_AND_MORE)
            and not says_leave(text)
        ):
            # A "no" with no question open ends the conversation; "so will someone chase it or
            # not" and "no he come only one time, on wednesday 2 december" say more than no and
            # got "Goodbye" (round 14 r14d-13, r14a-15): the model's next reading is taken.
            return Understanding("reread")
        return NOTHING
    if (
        question.form is not None
        # "call me Ayesha" is a name, "call me on 07700 900111" the details.
        and question.name not in ("contact_name", "contact_details", "contact_preference")
        and intent == "request_human"
        and not (plainly or asks_for_person(text))
        and (way := contact_preference(text)) is not None
    ):
        # "phone call" typed at another of the form's questions is how to contact them, not a
        # request for a person (round 12 r12a-16 was handed over and the form dropped).
        return Understanding("way_to_contact", way)
    if (
        question.name == READ_BACK
        and intent == "request_human"
        and not (plainly or asks_for_person(text))
        # "can someone ring me back" asks for a person to ring.
        and ASKS_TO_BE_RUNG.search(words(text)) is None
        and contact_preference(text) is not None
    ):
        # "contact me by PHONE call not email" at the read-back corrects how, not a request for
        # a person (round 13 r13a-15 was handed over with the complaint not logged).
        return Understanding("amend")
    if (
        (plainly or (asks_for_a_person and asks_for_person(text)))
        # "who do I talk to about the neighbours?", "does a real person read these?" are
        # questions, answered where they can be.
        and not (asked is not None and (starts_with(words(text), WH_WORDS) or not plainly))
        and not wants_to_leave(ONLY_NOT_IN_THE_CHAT.sub(" ", words(text)))
        and (plainly or intent != "request_human")
    ):
        # "can I speak to a person about this instead?" typed as an answer: the rules hand over
        # (read as that request first where the model did not; a question mark must not make it
        # a question nobody can answer, round 8 r8c-32).
        return NOTHING if intent == "request_human" else Understanding("button", "/request_human")
    if question.name == CHOICE and asked is None and is_question(text) and not declines(text):
        # "is there any point?" at the choice: said honestly, and the choice asked again rather
        # than dropped for triage (round 8 r8b-04).
        asking, answering = questions_and_rest(text)
        if asking and not answering:
            return Understanding(
                "question", unanswered=about_record is None, about_record=about_record
            )
    if question.name == CHOICE and is_question(text):
        # "What is the difference? I only want it fixed": the question answered, the choice
        # taken from the rest.
        asking, answering = questions_and_rest(text)
        if asking and answering and declines(answering):
            # "no I've already made the complaint. I'm asking what I can do if..." (r10a-21).
            return Understanding("leave", answer=asked)
        chosen = complaint_choice(answering) if asking and answering else None
        if chosen is not None:
            # "formal complaint about the gardeners yes. did u get the tap bit too?" (r11b-11).
            recorded = about_record if asked is None else None
            return Understanding(
                "yes" if chosen else "no",
                answer=asked,
                unanswered=asked is None and recorded is None,
                about_record=recorded,
            )
    if question.name == ASPECTS and asked is not None:
        # "I already told you - they left broken concrete all over the lawn. You still haven't
        # said why it can't go to stage 2?" lost what went wrong to the question (round 15
        # r15d-15 turn 3): both are kept.
        asking, told = questions_and_rest(text)
        if asking and len(told.split()) >= ASPECTS_BESIDE_A_QUESTION:
            return Understanding("slot", answer=asked, answer_text=told)
    # "shannon kelly?? just said" is an answer, impatient, not a question (round 12 r12d-12).
    asks = owes_a_reply(question) and not ALREADY_TOLD.search(text)
    questions, rest = questions_and_rest(text) if asks else ([], "")
    if questions and rest:
        # "yes still broken. what time does the office shut?": the answer is kept, read on its
        # own, and the question gets its reply.
        understood = _understand(question, rest, None)
        if understood.kind == "none" and question.form is not None and not question.yes_no:
            understood = Understanding("slot", answer_text=rest)
    elif questions:
        understood = Understanding("question")
    else:
        understood = _understand(question, text, intent)
    if (
        understood.kind == "none"
        and question.form == "complaint_form"
        and intent in ABOUT_AN_EARLIER_COMPLAINT
        and not (first_reference(text) or stage_2_by_name)
    ):
        # A phone number typed at "May we record it?" was read as a status enquiry and the
        # complaint being made was dropped for "What is your complaint reference?" (round 14
        # r14a-11): only a reference or Stage 2 by name is about an earlier complaint. An answer
        # to a question that takes words ("grace.jones@example.org" at the email question) is
        # that answer; a yes-or-no question is asked again.
        understood = (
            Understanding("question")
            if question.yes_no
            else Understanding("slot", answer_text=text)
        )
    if about_record is not None and (
        # A reference asked about after Stage 2 was asked for is this one's, not the general
        # "when you want Stage 2, tell me" (round 13 r13a-06, r13d-17).
        asked is None
        or about_record in ("stage_2", "request", "visit")
        or asked.id in SAID_BY_THE_RECORD
    ):
        # "Kerry Cole, her daughter. Is the complaint logged or not?" (round 11 r11d-17); the
        # record says whether it is at Stage 2, not the general Stage 2 answer (r11a-06). Asked
        # alone, even at the read-back, it changes nothing; nor does a job to book beside it ("the
        # tap is a separate repair, can you book it in?", round 13 r13b-12).
        separate_job = about_record == "request"
        if understood.kind == "none" or (
            understood.kind == "amend" and (separate_job or not told_too(text))
        ):
            understood = Understanding("question")
        return replace(understood, about_record=about_record, answer=None, unanswered=False)
    # "well what questions then?? ive answered everything" (round 15 r15d-14 got "I can't
    # answer that one"): the question asked again is the answer.
    unanswered = bool(questions) and asked is None and not asks_what_is_wanted(text)
    if asked is None and not unanswered:
        return understood
    if (
        understood.kind == "none"
        and asked is not None
        and question.form is not None
        and not question.yes_no
        and (told := told_beside_asking(text, answers))
        and told != text.strip()
    ):
        # "get it properly sorted ... and can i get compensation for this?": the question put
        # as a request is answered, and what it was told beside is the answer (round 15
        # r15a-01 t5, r15a-13 t4); the form checks it fits (actions.repair).
        understood = Understanding("slot", answer_text=told)
    if (
        understood.kind == "amend"
        and question.name == READ_BACK
        # A part's name typed as it is ("who is complaining") reads as a question, yet holds
        # none that an answer fits (round 19 r18a-08 replayed).
        and (
            not questions_and_rest(text)[0]
            or (not questions and len(words(text).split()) <= PART_NAME_WORDS)
        )
        and (named_part(text) is not None or SAYS_A_PART_IS_WRONG.search(words(text)))
    ):
        # "Two things. My name is Priya Shah ... And what went wrong must say that your ASB
        # team have done nothing" asks nothing: the parts it names are changed, never the ASB
        # team's number given and the read-back shown unchanged (round 23 r23b-02 t7).
        return understood
    if understood.kind in ("none", "amend"):
        understood = Understanding("question")
    # "no im not asking for it yet. is the ombudsman part of you lot?": both are dealt with.
    return replace(understood, answer=asked, unanswered=unanswered)


# Short of time, not leaving: "i have to go in a min", "I've got to go soon", "need to leave in
# 10 minutes", "im in a rush" (round 26 r26b-10 t8, r26b-11 t4). "i have to go" alone, with no
# time to come, is still leaving (LEAVE_PHRASES).
HURRIED = re.compile(
    r"(?:\b(?:i|we|she|he)\s+)?(?:\b(?:i'?ve|ive|i have|i'?m|im)\s+)?\b(?:have to|got to|gotta|"
    r"need to|needa|must|have got to)\s+(?:go|leave|dash|run|head off|log off|get off|be off)\s+"
    r"(?:soon|shortly|very soon|after this"
    r"|in a (?:min|minute|mo|moment|sec|second|bit|few(?: mins?| minutes)?)"
    r"|in (?:\d+|two|five|ten|a couple of|a few) (?:mins?|minutes))\b"
    r"|\b(?:i'?m|im|i am)\s+in\s+a\s+(?:rush|hurry)\b",
    re.IGNORECASE,
)


# "what questions then??", "what else do you need from me?", "what are you waiting for?".
ASKS_WHAT_IS_WANTED = re.compile(
    r"\bwh?at\s+(?:other\s+|more\s+)?questions?\b"
    r"|\bwh?at\s+(?:else|more)\s+(?:do|d|does)\s+(?:you|u|ya)\s+(?:need|want)\b"
    r"|\bwh?at\s+(?:do|d|does)\s+(?:you|u|ya)\s+(?:still\s+)?(?:need|want)\s+"
    r"(?:from me|to know|me to (?:say|tell|answer|do))\b"
    r"|\bwh?at\s+(?:are|r)\s+(?:you|u)\s+(?:asking|waiting for|asking me)\b"
)


def asks_what_is_wanted(text: str) -> bool:
    """Whether a message asks what the assistant still wants from it: the question it is
    waiting on, asked again, answers it."""
    return ASKS_WHAT_IS_WANTED.search(words(text)) is not None


# The first sentence with the mark that ends it.
FIRST_SENTENCE = re.compile(r"[^.?!\n]*[.?!]*")


def asks_first(text: str) -> bool:
    """Whether the first sentence asks the assistant something: "ok so what do you need next?"
    does; "yes is correct. when you answer me?" does not (its "is" follows a yes: round 13
    r13a-04 was asked to confirm again)."""
    first = FIRST_SENTENCE.match(text.strip())
    return bool(first and questions_and_rest(first.group(0))[0])


def told_too(text: str) -> bool:
    """Whether a message says something beside its questions."""
    return bool(questions_and_rest(text)[1])


# Questions whose answers are read in their own ways: the read-back's (actions.repair), the
# choice's (asks_before_choosing) and what went wrong, where "what are you doing about it?" is
# part of the complaint.
ASPECTS = "complaint_aspects"
# Words beside a question at "what went wrong" that tell it, not only ask ("the fence job").
ASPECTS_BESIDE_A_QUESTION = 6
OWN_QUESTION_HANDLING = (READ_BACK, CHOICE, ASPECTS)


# Words a part's name typed alone may take ("who is complaining", "the contact details").
PART_NAME_WORDS = 4


def names_a_part_alone(question: OpenQuestion | None, text: str) -> bool:
    """Whether a message at the read-back is a part's name typed alone: "who is complaining"
    chooses that part to change, though the model may read it as asking who the assistant is
    (the round 24 merge told the resident it was automated and chose nothing)."""
    return (
        question is not None
        and question.name == READ_BACK
        and len(words(text).split()) <= PART_NAME_WORDS
        and named_part(text) is not None
    )


def owes_a_reply(question: OpenQuestion) -> bool:
    """Whether a question asked at this form's question is answered, or honestly not, before
    the form's question is asked again (never stored as its answer). At a yes-or-no offer a
    message that is no answer goes to triage, which answers questions itself."""
    return question.form is not None and question.name not in OWN_QUESTION_HANDLING


# "Hang on, I haven't decided yet": no answer, so the question waits, asked again.
UNDECIDED = (
    "haven't decided", "havent decided", "not decided", "let me think", "need to think",
    "not sure yet", "thinking about it", "give me a minute", "give me a sec",
)  # fmt: skip


def _understand(question: OpenQuestion, text: str, intent: str | None) -> Understanding:
    if question.name == REQUEST_CONTACT_OFFER and contact_details_in(text):
        # A number or email given to "would you like our team to contact you?" is a yes, however
        # the message starts ("oh god ok we're going outside now. ring me 07700 900777", "I don't
        # want to complain, just get someone out, my number is ...").
        return Understanding("yes")
    if question.name == REQUEST_CONTACT_OFFER and NO_SUCH_THING.match(words(text)):
        # What is not there is no answer to whether we should contact them: asked again.
        return Understanding("question")
    if question.name == CHOICE and complaint_choice(text) is False and WANTS_IT_DONE.search(text):
        # "she doesnt want to complain, just needs it fixed asap ... can u log it": putting it
        # right without a complaint, not leaving (round 10 r10b-12 dropped the repair).
        return Understanding("no")
    if question.name == READ_BACK and asks_again_for_the_complaint(text):
        # "What questions? You haven't asked me anything. I want to make a complaint about the
        # boiler." is no yes to the summary (round 16 r16a-03 t14 was logged): it is shown again.
        return Understanding("question")
    if question.name == READ_BACK and wants_it_logged(text):
        # "ugh forget it just log it as it is" was read as leaving (round 11 r11a-02): with a
        # leaving word beside it, one yes-or-no check, never a silent cancel.
        return Understanding("check" if says_leave(text) else "yes")
    if wants_to_leave(text) or (question.form == "complaint_form" and withdraws(text)):
        if question.name == READ_BACK and any(yes_or_no(part) for part in clauses(text)):
            # Neither a yes nor leaving for sure: one yes-or-no check, never a silent cancel.
            return Understanding("check")
        return Understanding(
            "leave", start_again=words(text) in START_AGAIN, then_person=asks_for_person(text)
        )
    if any(contains(words(text), phrase) for phrase in UNDECIDED):
        return Understanding("question")
    if question.name == CHOICE and declines(text):
        return LEAVE
    if question.name == READ_BACK and confirms_read_back(text):
        # "Finally, yes that's right.", "its messy but fine, yes", "readback correct, pls log":
        # every part of the message agrees, so it is the yes that logs it (round 15 r15a-13,
        # r15b-18, r15c-10 were asked which part to change).
        return Understanding("yes")
    if question.name == READ_BACK and NOTHING_TO_CHANGE.search(words(text)):
        # "Nothing else to change. Yes, that's right." (round 8 r8a-30 got the menu again).
        rest = NOTHING_TO_CHANGE.sub(" ", words(text)).strip(" ,.")
        if not rest or yes_or_no(rest) is True:
            return Understanding("yes")
    if question.yes_no:
        choosing = question.name == CHOICE and not asks_before_choosing(text)
        answer = complaint_choice(text) if choosing else None
        if question.name == REQUEST_CONTACT_OFFER and WILL_CALL_THEM.search(words(text)):
            answer = False
        if question.name == ADJUSTMENT_CONSENT and consent_to_record(text):
            # "T consents to it being recorded" starts with no yes, but is one.
            answer = True
        elif question.name == ADJUSTMENT_CONSENT and refuses_recording(text):
            # "not mine to agree, best ask her. Don't record it for now" is a no (round 12
            # r12a-08 was recorded all the same; in our replay it started a Stage 2 request).
            answer = False
        if question.name in CONSENT_SLOTS and consent_told(text):
            # "I have power of attorney for him, so yes", "dad has agreed, he's on speaker".
            answer = True
        if answer is None:
            answer = yes_or_no(
                text,
                ongoing_question=question.name == "still_happening",
                extra_yes=CONSENT_YES_STARTS if question.name in CONSENT_SLOTS else (),
                # "yes I'm deaf so texts only please": the "only" is the detail, not a but.
                with_details=question.name in OFFERS_WITH_DETAILS,
            )
        if answer is None and question.name == "still_happening":
            # "Nobody is in danger, he was just rude. The fan has been fitted now, so no it's not
            # still happening": said in a later sentence (round 15 r15a-02 t2 was asked again).
            answer = goes_on_told(text)
        if answer is not None and question.name != READ_BACK:
            # Where the model already read the same plain answer, the rules take it as it is,
            # unless the yes brings what the offer leads to.
            agreed = intent == ("affirm" if answer else "deny")
            with_details = answer and question.name in OFFERS_WITH_DETAILS and more_than_yes(text)
            return (
                NOTHING if agreed and not with_details else Understanding("yes" if answer else "no")
            )
        if answer and question.name == READ_BACK and ADDS_TO_IT.search(words(text)):
            # "yes correct. also please write my son has asthma" logged it without the son
            # (round 14 r14d-12): the addition is made and read back first.
            return Understanding("amend")
        if answer and question.name == READ_BACK and asks_first(text):
            # "ok so what do you need next?" logged the complaint (round 12 r12a-16): a yes
            # that asks is checked once, never taken as the yes that logs it.
            return CHECK
        # At the read-back a question is no correction: "No that is all. I have the reference
        # number?" was put in the record as the earlier report (round 13 r13b-08).
        told = questions_and_rest(text)[1] if question.name == READ_BACK else text
        if answer is False and len(words(told).split()) > NO_AND_MORE:
            # "No, it started in March not April": the correction itself, not just a no.
            return Understanding("amend")
        if answer is False and told != text:
            return CHECK
        if answer is not None:
            return Understanding("yes" if answer else "no")
        if question.name != READ_BACK and intent in ("affirm", "deny"):
            return NOTHING
    if question.name == READ_BACK:
        # Anything else at the read-back changes what was read back: never a yes by default.
        # The model's request for a person stands unless the words name someone in the complaint
        # ("the person helping is Priya"): a correction, not a handover.
        handing_over = intent == "request_human" and (
            asks_for_person(text) or not NOT_ASKING_FOR_A_PERSON.search(words(text))
        )
        return NOTHING if handing_over or intent == "goodbye" else Understanding("amend")
    if question.name == "contact_preference":
        preference = contact_preference(text)
        if preference is not None:
            return Understanding("slot", preference)
    if intent == "request_human" and not question.yes_no and not asks_for_person(text):
        # "Call me Ayesha" is a name, not a request to be called.
        return Understanding("slot", text.strip())
    return NOTHING


# Something to add, said beside a yes at the read-back: "also please write ...", "pls note the
# gas smell on the case".
ADDS_TO_IT = re.compile(
    r"\b(?:also (?:please |pls )?(?:write|put|note|add|mention)"
    r"|(?:please|pls|can you|could you) (?:also )?(?:add|write|note|put down|put in)"
    r"|note (?:that|the|down)|on the (?:case|record|complaint))\b"
)
# Asking for the problem to be dealt with: "just needs it fixed asap", "can u log it".
WANTS_IT_DONE = re.compile(
    r"\b(?:fix|fixed|fixing|repair|repaired|sort|sorted|sorting|log it|log the repair|logging|"
    r"someone out|come out|put right|put it right|get it done|needs? doing|"
    # Something asked for in its place: "i dont want to complain about you i just want a rail
    # by the bath ... can you do that" (round 19 r19b-08 t3 was stopped and the rail dropped).
    r"(?:just|only)\s+(?:want|wanted|need|needed|wanting|needing|after)\s+(?:a|an|some|someone|"
    r"somebody|sum1|them|you|u)\b|fit|fitted|fitting|install|installed|put (?:one|it|a \w+) in|"
    r"(?:can|could) (?:you|u) (?:do|arrange|sort) that)\b",
    re.IGNORECASE,
)
# "no need for a formal complaint", "we don't need to make a complaint", "T not wanting formal
# complaint": a complaint word after a no, with only these words between.
NO_COMPLAINT = re.compile(
    r"\b(?:no|not|dont|do not|doesnt|does not|didnt|never|without|neednt|wont|isnt)\s+"
    r"(?:(?:need|needs|needing|want|wants|wanting|wanna|going|gonna|looking|interested|bother|"
    r"bothering|fussed|for|to|in|with|about|make|making|do|doing|raise|raising|put|putting|go|"
    # "I don't really want to make a fuss with a formal complaint" (round 12 r12a-06).
    r"down|the|a|an|any|another|new|second|further|more|extra|really|actually|even|honestly|"
    r"think|fuss|with|hassle|stress|faff|aggro|of)\s+){0,8}"
    r"(?:formal|complaint|complain|complaining)\b"
)


# At the read-back: nothing (more) to change is agreement.
NOTHING_TO_CHANGE = re.compile(
    r"^(?:no\s+)?(?:there'?s\s+|theres\s+)?(?:nothing|nothin|nuthin|no)\s+(?:else|more|other)?\s*"
    # "NO. nothing needs changing. it is right" (round 10 r10a-01 looped on "Which part").
    r"(?:to change|changes?|to correct|needs? chang\w*|needs? correct\w*|is wrong)"
    r"(?:\s+(?:now|here|there|needed))?\b"
)


# A clause that agrees with the read-back and says nothing else: "readback correct", "all good
# now", "its messy but fine", "pls log", "log it as it is".
CONFIRMING_CLAUSE = re.compile(
    r"^(?:(?:finally|ok|okay|right|so|well|great|lovely|good|then|and|yes|yeah|yep)\s+)*(?:"
    r"(?:(?:the\s+)?(?:readback|read back|summary|record|details|it|that|this|all|everything"
    r"|all of it|all that|that all|what you have|what you've got|what you wrote)\s+)?"
    r"(?:is\s+|'s\s+|s\s+|looks\s+|seems\s+|reads\s+|sounds\s+)?(?:all\s+|now\s+)?"
    r"(?:correct|right|fine|good|ok|okay|accurate|spot on|bang on|all good)(?:\s+now|\s+enough)?"
    # "its messy but fine", "it's long but ok": a grumble that still agrees.
    r"|(?:it'?s|its|it is|that'?s|thats|that is)\s+(?:a bit\s+|bit\s+|very\s+|v\s+)?"
    r"(?!wrong\b|incorrect\b|not\b|missing\b)[a-z]+\s+"
    r"but\s+(?:fine|ok|okay|good enough|right|correct|it'?ll do|itll do|will do)"
    r"|(?:pls\s+|please\s+|plz\s+|now\s+|just\s+|so\s+|you can\s+|u can\s+)*"
    r"(?:log|submit|send|lodge|file)(?:\s+(?:it|this|the complaint|my complaint|that))?"
    r"(?:\s+(?:pls|please|plz|now|then|thanks|as it is|in))*"
    r")$"
)
# Words that open a clause and say nothing: "Finally, yes that's right."
EMPTY_CLAUSES = frozenset(
    {"finally", "at last", "phew", "ok", "okay", "right", "so", "well", "and"}
)


def confirms_read_back(text: str) -> bool:
    """Whether every clause of a message agrees with the read-back ("Finally, yes that's
    right.", "its messy but fine, yes", "readback correct, pls log", "yep all good log it"):
    a yes in words. A clause that is unsure, says something is wrong or tells anything else
    makes it no plain yes."""
    parts = clauses(text)
    if (
        not parts
        or is_question(text)
        or any(contains(part, phrase) for part in parts for phrase in UNSURE)
    ):
        return False
    agreeing = [
        part
        for part in parts
        if part not in EMPTY_CLAUSES
        and not only_thanks(part)
        and (yes_or_no(part) is not True and CONFIRMING_CLAUSE.match(part) is None)
    ]
    return not agreeing and any(part not in EMPTY_CLAUSES for part in parts)


def ends_confirming(text: str) -> bool:
    """Whether a message's last sentence agrees with the read-back in words ("T and kids out,
    fire service attending. readback correct, pls log")."""
    said = _worded_sentences(text)
    return len(said) > 1 and confirms_read_back(said[-1])


def opens_confirming(text: str) -> bool:
    """Whether a message's first sentence agrees with the read-back in words and others follow
    ("yes thats right. oh god hes outside now banging on the door")."""
    said = _worded_sentences(text)
    return (
        len(said) > 1
        and confirms_read_back(said[0])
        and not starts_with(words(said[1]), RESERVATIONS)
    )


# A sentence after a yes that takes something back: "yes ok. but baby very cold in hands" is no
# plain yes (round 16 r16a-14).
RESERVATIONS = ("but", "however", "although", "though", "except", "apart from", "only", "just")


def _worded_sentences(text: str) -> list[str]:
    """A message's sentences with words in them."""
    return [said for said in sentences(text) if words(said)]


NEITHER = ("neither", "none of them", "none of those", "neither of them", "neither of those")


def already_complained(text: str) -> bool:
    """ "No, I already have a complaint", "I already made the complaint, I'm asking...": not a
    new one."""
    return ALREADY_COMPLAINED.search(words(text)) is not None


# "i havent made a complaint", "I'm not complaining": no complaint made, and none asked for.
MADE_NO_COMPLAINT = re.compile(
    r"\b(?:havent|have not|hasnt|has not|didnt|did not|not)\s+(?:made|put in|raised|"
    r"lodged|logged|asked for)\s+(?:a |any )?(?:complaint|complain)\b"
    r"|\b(?:havent|have not|didnt|did not)\s+complain(?:ed)?\b"
    r"|\b(?:im|i am) not complaining\b"
)


def made_no_complaint(text: str) -> bool:
    return MADE_NO_COMPLAINT.search(words(text).replace("'", "")) is not None


def declines(text: str) -> bool:
    """Whether a message at the choice takes neither: "No, I already have a complaint" is not a
    new one (round 8 r8b-06 started the form); "neither, I'll ring for the claim form" is not
    putting it right either (r8c-26)."""
    return already_complained(text) or starts_with(words(text), NEITHER)


# At the choice: a complaint already made, so this is not a new one.
ALREADY_COMPLAINED = re.compile(
    r"\b(?:already|before)\s+(?:have|got|made|make|put in|raised|logged|sent|done|did)\s+"
    r"(?:a |an |my |the )?(?:open |formal |stage 1 |stage one )?complaint"
    r"|\balready\s+(?:complained|complaining|have one|has one|got one|made one|in the process)"
    # "I have one already" (round 12 r12d-03 was logged as putting it right).
    r"|\b(?:have|got|has|made)\s+(?:one|1|a complaint)\s+already\b"
    # "i literally just made one??" straight after it was logged (round 11 r11a-12).
    r"|\bjust\s+(?:made|logged|done|put in|raised)\s+(?:one|it|a complaint|the complaint)\b"
    # "no i already made 1!!" (round 11 r11b-16 was recorded as putting it right instead).
    r"|\balready\s+(?:made|make|have|got|done|did|put in|raised|sent|logged)\s+(?:one|1)\b"
    r"|\b(?:my|an) (?:existing|open|current) complaint"
    # "no i dont want a NEW complaint i want my old one ... to go to stage 2" (round 12 r12d-01
    # was put right instead).
    r"|\b(?:want|wants|need|needs|mean|meant)\s+(?:my|the|our|his|her|their)\s+"
    r"(?:old|earlier|previous|original|existing|other)\s+(?:one|1|complaint)\b"
    r"|\b(?:don'?t|do not|not)\s+(?:want\s+)?(?:a\s+|another\s+)?new\s+(?:one|1|complaint)\b"
    # "no i dont want ANOTHER complaint", "not another complaint!!", "i want an answer on the
    # first one" (round 18 r18a-11 t3, r18a-12 t5).
    r"|\b(?:don'?t|do not|dnt|not)\s+(?:want\s+|need\s+|wanna\s+)?(?:another|a second|a 2nd)\s+"
    r"(?:one|1|complaint|complain)\b"
    r"|\b(?:on|about|with|to|for)\s+(?:my|the)\s+(?:first|1st|original|old|earlier)\s+"
    r"(?:one|1|complaint)\b"
    r"|\bcomplaint (?:already|open already)\b"
)


# Questions that ask for what they name: "can I make a formal complaint?" chooses it.
ASKING_FOR_IT = ("can i", "could i", "can we", "could we", "can you", "could you", "please")


def asks_before_choosing(text: str) -> bool:
    """ "What is difference? If I make complaint, my rent go up?" asks about the choice; it
    does not make it. "can I make a formal complaint?" makes it; "can you even do anything
    about the list? or do i complain to them" does not (round 8 r8b-15)."""
    asking_for_it = starts_with(without_openers(words(text)), ASKING_FOR_IT) and bool(
        ASKS_FOR_COMPLAINT.search(text)
    )
    return is_question(text) and not asking_for_it


# "I'd like to make a complaint. ...", "he wants a formal complaint": the choice made unasked.
ASKS_FOR_COMPLAINT = re.compile(
    r"\b(?:make|raise|log|lodge|file|put in|start)\s+(?:a\s+|an\s+)?"
    r"(?:(?:new|formal|official|separate|fresh|first|proper|real|full)\s+)*complaint"
    r"|\bformal complaint|\bcomplain formally"
    # "I want complain", "want a complaint", "wants complaint raised", "I'd like to complain".
    r"|\b(?:wants?|wanting|wanna|would like|'d like|id like)\s+(?:to\s+)?(?:make\s+)?"
    # "I want the complaint, please continue" (round 11 r11d-15 was sent to Stage 2).
    # "want a proper complaint" (round 16 r16a-15 was offered the choice again).
    r"(?:a\s+|an\s+|the\s+|my\s+)?(?:formal\s+|official\s+|proper\s+|real\s+|full\s+)?"
    r"complain(?:t)?\b"
    r"(?!\s+(?:cancelled|canceled|withdrawn|stopped|dropped|closed))"
    # "I want this complaint logged NOW".
    r"|\bcomplaint\s+(?:logged|raised|lodged|made|registered|opened|started|put in)\b"
    # "can you take my complaint now please?" (round 10 r10a-29), not "take it further".
    r"|\btake\s+(?:my|a|the|this)\s+complaint\b(?!\s+(?:further|higher|to))"
    # "can you log the stairlift complaint now please, with the details I gave?" got the
    # adaptations answer (round 26 r26b-10 t12): the complaint named by what it is about.
    r"|\b(?:log|raise|lodge|file|submit|register|take)\s+(?:the|my|her|his|their|our|this|that)\s+"
    r"(?:\w+\s+){0,2}?complaint\b(?!\s+(?:further|higher|to\b|cancelled|canceled|withdrawn))"
    r"|\bput\s+(?:the|my|her|his|their|this|that)\s+(?:\w+\s+){0,2}?complaint\b"
    r"(?:\s+(?:about|for|re)\s+(?:\w+\s+){1,4}?|\s+)through\b"
    # "oh go on then, lets do the complaint about the stairwell now" after leaving it (round 13
    # r13d-07 was offered the choice again).
    r"|\b(?:lets|let's|let us|go on and)\s+(?:just\s+)?"
    r"(?:do|make|start|carry on with|go ahead with|get on with)\s+(?:the|a|my|this|that)\s+"
    # "lets do the bins complaint after all" (round 14 r14d-10).
    r"(?:\w+\s+){0,2}?(?:formal\s+)?complaint\b"
    r"(?![^.!?]*\b(?:later|another time|another day|tomorrow|next week)\b)",
    re.IGNORECASE,
)


def asks_for_a_complaint(text: str) -> bool:
    """Whether a message asks for a formal complaint in so many words (and not "no need for a
    formal complaint"), in a sentence of its own: a question or "sort it out" elsewhere in a
    long message does not take the request back."""
    sentences = [s for s in re.split(r"(?<=[.!?\n])\s*", text) if s.strip()]
    if any(
        is_question(s) and DOUBTS_ABOUT_COMPLAINING.search(s) and asks_before_choosing(s)
        for s in sentences
    ):
        # "she wants to complain but is worried. will it affect her tenancy?": asked first.
        return False
    return any(
        ASKS_FOR_COMPLAINT.search(sentence) is not None
        and complaint_choice(sentence) is True
        and not asks_before_choosing(sentence)
        for sentence in sentences
    )


# A question about what complaining means, asked before choosing (the choice is offered).
DOUBTS_ABOUT_COMPLAINING = re.compile(
    r"\b(?:complain\w*|tenancy|affect|evict\w*|difference|against (?:me|her|him|us))\b",
    re.IGNORECASE,
)


# "I just want the lock fixed", "can u just get the stairs light fixed": the job, not the
# complaint.
JUST_THE_REPAIR = re.compile(
    r"\b(?:just|only|simply)\s+(?:want|wants|need|needs|get|have|like|wanted)\b"
    r"(?:\s+\S+){0,6}?\s+(?:fixed|sorted|repaired|mended|put right|seen to|done|replaced|"
    # "I just want it cleaned" (round 12 r12a-06).
    r"cleaned|cleared|cleaned up|tidied|looked at|dealt with)\b"
    # "just get someone to fix the fan", "just send someone out to fix it" (round 13 r13a-05).
    r"|\bjust\s+(?:get|send)\s+(?:someone|somebody|an engineer|a plumber|an electrician)\s+"
    r"(?:out\s+|round\s+)?(?:to\s+)?(?:fix|repair|sort|mend|look at|see to)\b"
    # "nah forget the complaint then, i just want somebody to actually fix the fence" stopped
    # the complaint and left the fence (round 22 r22b-07 t4): someone wanted to fix it.
    r"|\b(?:just|only|simply)\s+(?:want|wants|need|needs|wanted|like|want for)\s+"
    r"(?:someone|somebody|some1|sum1|an engineer|a plumber|an electrician|a joiner|"
    r"a carpenter|a workman|you|u|ya|you lot|your lot|them)\s+(?:to\s+|2\s+)?"
    r"(?:(?:actually|finally|just|please|pls|properly|really)\s+)?"
    r"(?:come\s+(?:out\s+)?(?:and\s+|n\s+|to\s+)?)?"
    r"(?:fix|repair|sort|mend|look at|see to|replace|put up|come out)\b"
    # "forget the complaint, I just want the fence reported as a repair instead" stopped the
    # complaint and left the fence unreported (round 24 r24b-08 t5).
    r"|\b(?:reported|logged|booked|booked in|put in|put through|raised|treated|done|noted)\s+"
    r"as\s+(?:a\s+|an\s+|just\s+a\s+)?(?:repair|repairs|repair job|repair request|job)\b"
    r"|\b(?:report|log|book|raise|put)\s+(?:it|this|that|them|the\s+\w+(?:\s+\w+)?)\s+(?:in\s+)?"
    r"as\s+(?:a\s+|an\s+|just\s+a\s+)?(?:repair|repairs|repair job|repair request|job)\b"
)


REPORT_REPAIR_ANSWER = "report_repair"
PUT_RIGHT_WORDS = (
    "put it right", "put right", "just fix", "only fix", "sort it out",
    # "I just want it cleaned. Can you just pass it on?" (round 12 r12a-06).
    "just pass it on",
)  # fmt: skip


# "i said yes before", "i already said it was right": the read-back agreed before.
SAID_YES_BEFORE = re.compile(
    r"\b(?:i|we)\s+(?:already\s+|just\s+)?(?:said|told (?:you|u)|typed|clicked|pressed)\s+"
    r"(?:yes|yeah|ok|it was right|its right|it's right|thats right|that's right|that was right|"
    r"it was correct|correct)\b"
)
# "im calling 999 now", "ringing the police", "hang on": the resident stepping away, not
# answering the read-back.
STEPPING_AWAY = re.compile(
    r"\b(?:i'?m|im|i am|gonna|going to|i'?ll|ill|i will)\s+(?:now\s+)?(?:calling|ringing|phoning|"
    r"call|ring|phone)\s+(?:999|911|112|101|111|the police|police|an ambulance|ambulance)\b"
    r"|^(?:hang on|one sec|one second|one moment|give me a (?:sec|second|minute|min)|brb|wait)\b"
)
# Words that say something in the read-back is wrong, beside the stepping away.
SAYS_A_PART_IS_WRONG = re.compile(r"\b(?:wrong|change|not right|incorrect|should say|should be)\b")


def gives_up_complaint_for_repair(question: OpenQuestion, text: str) -> bool:
    """Whether, at the offer or inside the complaint form, the resident chooses to have it put
    right without a complaint ("I'll just get it put right without a complaint", "nah leave the
    complaint. can u just get the stairs light fixed"). Leaving without asking for the repair
    ("best not to complain now") is leaving."""
    said = words(text).replace("'", "")
    wants_the_repair = JUST_THE_REPAIR.search(said) is not None or any(
        contains(said, phrase) for phrase in PUT_RIGHT_WORDS
    )
    if not wants_the_repair:
        return False
    if question.name == CHOICE:
        return complaint_choice(text) is not True or wants_to_leave(text)
    # Inside the form "I just want it fixed" answers what would put it right: only leaving the
    # complaint with it gives the complaint up. So at the read-back: "actually can u just get it
    # fixed, i dont want the hassle of a complaint" (round 16 r16a-01 t11-t12 got the which-part
    # buttons twice).
    inside = question.form == "complaint_form" or question.name == READ_BACK
    return inside and (wants_to_leave(text) or withdraws(text))


# "I don't really want ...", "she no longer wants ...": a want taken back.
NOT_WANTING = re.compile(
    r"\b(?:dont|do not|doesnt|does not|no longer|not)\s+(?:\w+\s+){0,2}?"
    r"(?:want|wants|wanting|wanna|need|needs|wish|wishes)\b"
)


# Something new for a complaint already made: "can i add something to it, the mould has now
# spread to my sons room", "can u add it to my complaint CMP-2026-000175 or not" (round 14
# r14a-16, r14d-17 were taken as Stage 2 requests).
ADDS_TO_A_COMPLAINT = re.compile(
    r"\b(?:add|adding|put|include)\s+(?:\w+\s+){0,4}?(?:to|onto|on to|in|into|on)\s+"
    r"(?:my|the|her|his|their|our|that|this|me)\s+(?:\w+\s+)?(?:complaint|case)\b"
    r"|\b(?:add|adding)\s+(?:something|anything|more|a bit|some more|some info|"
    r"(?:the\s+)?new\s+\w+)\s+(?:to|onto|on to)\s+it\b"
    r"|\b(?:add|put)\s+(?:it|this|that)\s+(?:to|onto|on)\s+cmp\b"
)
COMPLAINT_NAMED = re.compile(
    r"\bcomplaint\b|\bcmp\b|(?<!in )\b(?:my|the|her|his|their|this|that) case\b"
)
# "can you note that i dont want her dealing with it", "i want a note on it that the housing
# officer shouldnt be the one handling it", "please make sure whoever picks this up notes that the
# MP's office is acting for her" (round 15 r15d-02, r15d-07 got Stage 2 or "I can't answer").
ASKS_FOR_A_NOTE = re.compile(
    r"\b(?:can|could|will|would)\s+(?:you|u|someone|somebody)\s+(?:please\s+|pls\s+|also\s+)?"
    r"(?:note|make a note|put a note|add a note|put down|write down|record)\b"
    r"|\b(?:please|pls|plz)\s+(?:also\s+)?(?:note|make a note|put a note|add a note)\b"
    r"|\b(?:i|we)\s+(?:want|need|would like|wud like|d like)\s+(?:(?:it|you|u)\s+(?:to\s+)?)?"
    r"(?:a\s+)?(?:note|noted|written down|recorded)\b"
    r"|\bid like\s+(?:(?:it|you|u)\s+(?:to\s+)?)?(?:a\s+)?(?:note|noted)\b"
    r"|\bmake sure\s+(?:\w+\s+){0,4}?(?:notes?|noted|records?|recorded|knows?)\s+(?:that|down|it)\b"
)


def adds_to_a_complaint(text: str) -> bool:
    """Whether a message asks to add something to a complaint already made."""
    said = words(text)
    return ADDS_TO_A_COMPLAINT.search(said) is not None and COMPLAINT_NAMED.search(said) is not None


# "can u update my number to the new one", "change my phone number on my complaint to ...",
# "tell them my new number is ..." about a complaint already made (round 18 r18a-12 t3-t4 got
# our email address, then an offer of a new complaint).
CHANGES_CONTACT = re.compile(
    r"\b(?:update|updated|change|changed|changing|updating|put|add)\s+(?:\w+\s+){0,2}?"
    r"(?:my|the|her|his|our)\s+(?:new\s+)?(?:phone\s+|mobile\s+|contact\s+)?"
    r"(?:number|phone|mobile|email|email address|details)\b"
    r"|\bmy new (?:number|phone number|mobile|mobile number|email|email address)\b"
)


def changes_contact_details(text: str) -> bool:
    """Whether a message asks for its writer's phone number or email to be changed."""
    return CHANGES_CONTACT.search(words(text)) is not None


# "I've got a new one now, 07700 900 392", "ive changed my number since, its ...", "my new
# mobile is ...": the details after it are new ones.
NEW_DETAILS = re.compile(
    r"\b(?:a |my |the |got )?new (?:one|number|no|phone|phone number|mobile|mobile number|mob|"
    r"email|email address|details)\b"
    r"|\b(?:changed|change|changing|updated|switched) (?:my |me |her |his )?"
    r"(?:phone |mobile )?(?:number|phone|mobile|email|email address|no)\b"
)


# "... is my new number": the details named before the words.
NAMED_NEW = re.compile(r"(?:\bis|'s|=|:)\s+(?:my\s+|the\s+|her\s+|his\s+)?$", re.IGNORECASE)


def new_details_in(text: str) -> str | None:
    """The new phone number or email a message gives when it says its details have changed ("It
    was my old number 07700 900 150 but I've got a new one now, 07700 900 392"): those after the
    words, or the only ones given; None when it says nothing of new details."""
    found = NEW_DETAILS.search(text.lower())
    if found is None:
        return None
    before = text[: found.start()]
    if NAMED_NEW.search(before):
        # "07700 900 555 is my new number, the old one was ...": the details just before.
        clause = re.split(r"[,.;!?]", before)[-1]
        if (named := contact_details_in(clause)) is not None:
            return named
    after = contact_details_in(text[found.start() :])
    if after is not None:
        return after
    given = contact_details_in(text)
    return given if given is not None and "," not in given else None


def asks_for_a_note(text: str) -> bool:
    """Whether a message asks for something to be noted ("please note Mr Evans should not handle
    my case"): on a complaint already made, a person adds it."""
    return ASKS_FOR_A_NOTE.search(words(text)) is not None


def notes_on_a_complaint(text: str) -> bool:
    """A note asked for on a complaint the message names."""
    return asks_for_a_note(text) and COMPLAINT_NAMED.search(words(text)) is not None


# "forget the formal complaint, itll take a month" (round 13 r13a-05 carried on with the form).
DROPS_THE_COMPLAINT = re.compile(
    r"\b(?:forget|scrap|drop|ditch|skip|never ?mind)\s+(?:about\s+)?"
    r"(?:the\s+|a\s+|my\s+|this\s+|that\s+)?(?:whole\s+)?(?:formal\s+)?complaint\b"
)


def withdraws(text: str) -> bool:
    """Whether a message inside the complaint form takes the complaint back in so many words
    ("no. and I don't want a formal complaint any more please", "forget the formal complaint"),
    not only tells that something was not one ("they said my call was not a complaint"): round
    12 r12a-06 carried on."""
    return any(
        (NOT_WANTING.search(said) is not None or DROPS_THE_COMPLAINT.search(said) is not None)
        and _complaint_choice(said) is False
        for said in (clause.replace("'", "") for clause in clauses(text))
    )


def complaint_choice(text: str) -> bool | None:
    """The answer to "a formal complaint, or put it right without one?" in the resident's words:
    "formal 1 pls", "T wants formal", "just fix it without complaint pls". Read a clause at a
    time: in "Nobody in immediate danger no. Formal complaint please" the "no" answers another
    question and does not make "no formal" (round 12 r12a-08 was put right instead)."""
    chosen = [_complaint_choice(words(clause).replace("'", "")) for clause in clauses(text)]
    if False in chosen:
        return False
    return True if True in chosen else None


def _complaint_choice(said: str) -> bool | None:
    if (
        any(contains(said, phrase) for phrase in WITHOUT_COMPLAINT)
        or NO_COMPLAINT.search(said)
        or DROPS_THE_COMPLAINT.search(said)
    ):
        return False
    if any(contains(said, word) for word in COMPLAINT_WORDS):
        return True
    return None


def yes_or_no(
    text: str,
    ongoing_question: bool = False,
    extra_yes: tuple[str, ...] = (),
    with_details: bool = False,
) -> bool | None:
    """A yes or a no said in a sentence; None when it is neither, unsure, or a yes with a but
    (unless the yes comes `with_details` the question leads to)."""
    said = words(first_sentence(text)) or words(text)
    if not said or any(contains(said, phrase) for phrase in UNSURE):
        return None
    if starts_with(said, NO_STARTS):
        return False
    if ongoing_question:
        if any(contains(said, word) for word in STOPPED_WORDS):
            return False
        if any(contains(said, word) for word in STILL_WORDS) or ends_with(said, YES_ENDINGS):
            return True
    if starts_with(said, YES_STARTS + extra_yes):
        conditional = not with_details and any(contains(said, word) for word in BUT_WORDS)
        return None if conditional else True
    return None


# "it's not still happening", "no longer leaking": a "still" taken back says it has stopped.
STILL_TAKEN_BACK = re.compile(
    r"\b(?:not|isn'?t|isnt|aint|ain't|no)\s+(?:still|ongoing)\b", re.IGNORECASE
)
# "its out again now", "broken again": back again is going on ("again" alone is not: "I rang
# again").
BACK_AGAIN = re.compile(
    r"\b(?:out|off|down|broken|broke|leaking|dripping|back|gone)\s+again\b|\bagain now\b",
    re.IGNORECASE,
)
# Words that say the problem goes on now; how often it happens ("keeps", "every night") may be
# said of something else ("she coughs every night") and is left to the question.
GOES_ON_NOW = ("still", "ongoing", "continuing", "carries on")
# Said of the problem, not of the past: "fence is fine now", "all working now".
FINE_NOW = re.compile(
    r"\b(?:fine|ok|okay|working|sorted|fixed|over|done|gone|stopped|dry)\s+now\b"
    r"|\bnow\s+(?:fixed|sorted|stopped|working|fine)\b",
    re.IGNORECASE,
)


# "the water now is stop, but ceiling is wet and bad", "the leak stopped but the ceiling is
# still broken": one thing over, the problem not (round 16 r16a-02 t6, t10).
STOPPED_BUT_NOT_OVER = re.compile(
    r"\b(?:stopped|stop|stops|off|over|gone|fixed|capped|dry)\b.*\bbut\b.*\b(?:still|wet|broken|"
    r"bad|damaged|leaking|dripping|not fixed|never fixed|falling|damp|mouldy|cracked|ruined|"
    r"stained|not stopped|not over|not done|problem|mess|rubbish|still there)\b"
    # "it stopped but im still angry" is about the writer, not the problem.
    r"(?<!\bim still)(?<!\bi am still)(?<!\bi'm still)(?<!\bwe are still)(?<!\bwe're still)"
)


def goes_on_told(text: str) -> bool | None:
    """Whether a message already says the problem goes on or has stopped, in any sentence of
    it ("Its out again now, since thursday", "The fan has been fitted now, so no it's not still
    happening"): the form does not ask again. A "still" anywhere wins, so doubt keeps it going
    on; None when nothing says either."""
    still = stopped = False
    for sentence in re.split(r"[.!?;\n]+", text):
        said = words(sentence)
        if not said:
            continue
        if STILL_TAKEN_BACK.search(said) or (
            # "hes gone now but the mess is still there under the sink": one thing over, what
            # it left still there (round 26 r26b-02 t3 was read back as "It has stopped").
            FINE_NOW.search(said) and not STOPPED_BUT_NOT_OVER.search(said)
        ):
            stopped = True
        elif (
            STOPPED_BUT_NOT_OVER.search(said)
            or BACK_AGAIN.search(said)
            or any(contains(said, w) for w in GOES_ON_NOW)
        ):
            still = True
        elif any(contains(said, w) for w in STOPPED_WORDS):
            stopped = True
    return True if still else (False if stopped else None)


def more_than_yes(text: str) -> bool:
    """Whether a yes says anything more than yes ("yes please" does not)."""
    said = words(text).split()
    yes = max(
        (len(start.split()) for start in YES_STARTS if said[: len(start.split())] == start.split()),
        default=0,
    )
    return bool(set(said[yes:]) - YES_FILLERS)


def says_goodbye(text: str, question: OpenQuestion | None = None) -> bool:
    said = words(text)
    if ends_with_goodbye(said) or ENDS_RINGING_LATER.search(said):
        # "omg forget it ill ring monday" noted a new request (round 14 r14d-17).
        return True
    ending = next((end for end in ALL_DONE_ENDINGS if ends_with(said, (end,))), None)
    if ending is None:
        return False
    # Only a bare yes before it ("yes, that's all") answers the question instead; at a form's
    # question a bare no does too ("no thats all" to "anything that would make it easier?",
    # round 10 r10a-25 dropped the complaint).
    before = said[: -len(ending)].strip()
    if question is not None and question.yes_no and before in YES_STARTS:
        return False
    at_the_read_back = question is not None and question.name == READ_BACK
    if question is None or (question.form is None and not at_the_read_back):
        return True
    # At a form's question "that's all" after an answer ends the answer ("no thats all", round 10
    # r10a-25; "writing is better for me than phone, my english. Thats all", round 11 r11d-08):
    # leaving there would drop the complaint being made. After a sign-off it is one. So at the
    # read-back: "Just email rather than phone because of my shifts, that's all" stopped the
    # complaint (round 20 r20a-08, replayed in round 21).
    answered = [word for word in before.split() if word not in SIGN_OFF_WORDS]
    if at_the_read_back:
        return len(answered) < 2
    return before not in NO_ANSWERS and len(answered) < 2


# Words around a sign-off: "OK I will call. Thank you, that's all."
SIGN_OFF_WORDS = frozenset(
    {"ok", "okay", "oh", "right", "well", "so", "then", "and", "thank", "thanks", "you", "cheers",
     "ta", "i", "ill", "i'll", "will", "call", "ring", "phone", "back", "later", "tomorrow",
     "instead", "just", "that", "thats", "that's", "it", "is", "me", "for", "now", "today", "yes",
     "yeah", "no", "nah", "think", "bye"}
)  # fmt: skip


THANKS_WORDS = frozenset({"ta", "thanks", "thank", "thx", "thnx", "ty", "tysm", "cheers", "tar"})
# Words said around thanks: "kk ta", "ok thanks v much", "lovely cheers".
WITH_THANKS = frozenset(
    {"k", "kk", "ok", "okay", "okey", "okies", "you", "u", "very", "v", "much", "so", "lovely",
     "great", "brill", "brilliant", "nice", "one", "mate", "love", "again", "for", "that",
     "the", "info", "help", "x", "xx"}
)  # fmt: skip


def only_thanks(text: str) -> bool:
    """Whether a message says thanks and nothing more ("kk ta", "ok cheers")."""
    said = set(words(text).split())
    return bool(said & THANKS_WORDS) and said <= THANKS_WORDS | WITH_THANKS


# "No thanks, I'll tell him the number and he can ring them himself": a helper who will pass
# an answer on.
PASSES_IT_ON = re.compile(
    r"^(?:no|nah|ok|okay|thanks|thank you|cheers|great|lovely|brilliant|no need|no thanks)\b.*"
    r"\b(?:i'?ll|i will|ill|i can)\s+(?:(?:tell|give|pass|send|text|forward)\s+(?:him|her|them)\s+"
    r"(?:the\s+|that\s+|this\s+|your\s+)?(?:number|details|email|info|information)"
    r"|pass\s+(?:it|that|this)\s+on)\b"
)


def passes_it_on(text: str) -> bool:
    """Whether a message thanks for an answer the writer will pass on to the person they help."""
    return PASSES_IT_ON.search(words(text)) is not None and not is_question(text)


def ends_with(said: str, endings: tuple[str, ...]) -> bool:
    return any(said == end or said.endswith(" " + end) for end in endings)


def clauses(text: str) -> list[str]:
    return [words(clause) for clause in re.split(r"[,.;!?\n]+", text) if words(clause)]


# Asking for the complaint to go ahead: "forget it just log it as it is", "I've changed my mind,
# I want to make a formal complaint" (round 11 r11a-02, r11a-19) are no way out of it.
WANTS_IT_LOGGED = re.compile(
    r"\b(?:log|submit|send|lodge|file|register|process)\s+(?:it|this|the complaint|my complaint)"
    r"(?:\s+(?:as it is|anyway|now|please|pls))?\b"
    # "can you log the stairlift complaint now please" (round 26 r26b-10 t12).
    r"|\b(?:log|submit|lodge|file|register)\s+(?:the|my|her|his|their|this)\s+(?:\w+\s+){1,2}?"
    r"complaint\b"
    r"|\b(?:i|we|he|she|they|t|caller)\s+(?:do\s+|still\s+|really\s+|now\s+)?"
    r"(?:want|wants|would like|need|needs)\s+(?:to\s+(?:make|raise|put in|log|go ahead with)\s+)?"
    r"(?:a|the|my|this|it as a)\s+(?:formal\s+)?complaint\b"
    r"(?!\s+(?:cancelled|canceled|withdrawn|stopped|dropped|closed|taken))"
    r"|\bmake it (?:a )?formal\b|\b(?:i|we)\s+(?:do\s+|still\s+)?want to complain\b"
)


def wants_it_logged(text: str) -> bool:
    said = words(text).replace("'", "")
    return WANTS_IT_LOGGED.search(said) is not None and NO_COMPLAINT.search(said) is None


# Asking for the summary shown to be logged, in so many words: "log it", "send it as it is".
LOG_IT = re.compile(
    r"\b(?:log|submit|send|lodge|file|register|process)\s+(?:it|this|the complaint|my complaint)\b"
    r"|\bmake it (?:a )?formal\b|\b(?:as it is|go ahead|anyway)\b"
)
COMPLAINT_ABOUT = re.compile(r"\bcomplain(?:t)?\s+(?:about|re|regarding|over|that)\b")


def asks_again_for_the_complaint(text: str) -> bool:
    """A complaint asked for at its own summary, with a question or what it is about and no yes
    or "log it": the resident has not seen that this is the complaint."""
    said = words(text).replace("'", "")
    return (
        wants_it_logged(text)
        and LOG_IT.search(said) is None
        and not any(yes_or_no(part) is True for part in clauses(text))
        and (is_question(text) or COMPLAINT_ABOUT.search(said) is not None)
    )


def wants_to_leave(text: str) -> bool:
    return says_leave(text) and not wants_it_logged(text)


# Leaving: "ugh actually i cba with this now, ill just ring u monday" (round 14 r14d-10 was
# offered the choice again).
CANT_BE_BOTHERED = re.compile(r"\b(?:cba|cant be bothered|can'?t be bothered|cannot be bothered)\b")
# Ringing later, said last, closes the conversation as a goodbye does: "omg forget it ill ring
# monday" (round 14 r14d-17 noted a new request). Said before "thanks" at the offer to contact
# them, it is that offer's no.
ENDS_RINGING_LATER = re.compile(
    r"\b(?:i'?ll|ill|i will)\s+(?:just\s+)?(?:ring|call|phone)\s+(?:you\s+|u\s+|ya\s+|back\s+)?"
    r"(?:on\s+)?(?:monday|tuesday|wednesday|thursday|friday|tomorrow|next week|in the week|later)"
    r"[\s.!]*$"
)


def ends_with_goodbye(said: str) -> bool:
    """A goodbye said last; not a time of night ("i wedge a chair against it at nite" was read
    as leaving the complaint, round 15 r15b-05's wording in our replay)."""
    return ends_with(said, GOODBYE_ENDINGS) and AT_NIGHT.search(said) is None


# "at nite", "every night", "last night": when, not goodnight.
AT_NIGHT = re.compile(
    r"\b(?:at|every|last|each|all|per|a|one|this|that|by|the|in|through|tonight|most)\s+"
    r"(?:nite|night)(?:\s+x+)?$"
)


def says_leave(text: str) -> bool:
    """Words for leaving, whatever else the message asks."""
    said = words(text)
    parts = clauses(text)
    if CANT_BE_BOTHERED.search(said):
        return True
    # "yes, that's all" is not leaving: the goodbyes that depend on the question are read in
    # understand().
    if ends_with_goodbye(said) or any(clause in LEAVE_MESSAGES for clause in parts):
        # "i said no. cancel", "Never mind, I'll phone you tomorrow".
        return True
    if said in LEAVE_MESSAGES or (said.split()[:1] == ["cancel"] and len(said.split()) <= 4):
        return True
    if any(CANCEL_IN_A_CLAUSE.match(clause) for clause in parts):
        return True
    return any(contains(said, phrase) for phrase in LEAVE_PHRASES)


def asks_for_person(text: str) -> bool:
    """Words that ask for a person, but not "visit her in person" or "if you speak to him"
    (round 8: both, typed at the adjustments question, handed the chat over)."""
    said = NOT_ASKING_FOR_A_PERSON.sub(" ", words(text))
    return any(contains(said, word) for word in PERSON_WORDS)


def wants_a_person_now(text: str) -> bool:
    """A person asked for in so many words beside something else ("door entry not working 2
    week, I want talk to a person who speak arabic please"): the model reads the repair, and
    the resident was asked whether the team should contact them instead (round 14 r14c-13)."""
    return WANTS_A_PERSON_NOW.search(words(text)) is not None


WANTS_A_PERSON_NOW = re.compile(
    r"\b(?:want|wanna|need|like|can i|could i|may i|let me|pls|please|plz)\s+(?:to\s+)?"
    r"(?:talk|speak|chat)\s+(?:to|with|2)\s+(?:a|an|some|one|your)?\s*(?:real\s+)?"
    r"(?:person|human|someone|somebody|sum1|agent|adviser|advisor|member of staff|staff)\b"
)


NOT_ASKING_FOR_A_PERSON = re.compile(
    r"\bin person\b|\b(?:speak|talk|speaking|talking)\s+(?:to|with)\s+"
    r"(?:him|her|them|me|us|my|his|their|our)\b"
    # "the person helping is Priya", "the person I'm helping lives at ...": who the complaint is
    # for or from, said in a correction (round 9 r9a-03, r9a-26 handed the chat over).
    r"|\bthe person (?:(?:i'?m|i am|im|we'?re|we are)\s+)?(?:helping|complaining|affected|"
    r"making|writing|ringing|calling|concerned|who|that|i help|i care)\b"
    # "retrained on how to speak to residents": what they want, not a person now (r10b-16).
    r"|\b(?:how|way|ways) to (?:speak|talk)\b"
    r"|\b(?:speak|talk|speaking|talking|spoke|spoken)\s+(?:to|with)\s+(?:residents|tenants|people|"
    r"customers|others|the public|elderly|disabled)\b"
    # "I want an apology and the contractor to speak to the driver": what someone else should
    # do, said in a correction at the read-back (round 11 r11b-06 handed the chat over).
    r"|\b(?:the \w+|him|her|them|they|he|she)\s+to\s+(?:speak|talk)\s+(?:to|with)\b"
    r"|\b(?:speak|talk)\s+(?:to|with)\s+(?:the|that|this|their|your)\s+(?:driver|contractor|engineer|"
    r"plumber|workmen|workman|operative|caretaker|neighbours?|electrician|surveyor|builders?|"
    r"cleaners?|gardeners?|lads|men|crew)\b"
    # A person named in an answer: "a named contact person" as what would help, "tap fixed by
    # other person" as what would put it right (round 15 r15a-05 t9, t11; r15c-09 t4 was handed
    # over with the complaint not logged). Asking to speak to one still asks ("speak to").
    r"|\b(?:named|contact|other|different|another|same|single|key|new|proper|qualified|female|"
    r"male|lady|woman|man)\s+(?:contact\s+)?person\b"
    r"|\bperson\s+(?:to\s+(?:visit|come|fix|do|deal|contact|ring|call|phone)|fixed|fixes|fix|came|"
    r"comes|visits|visited|who (?:came|visited|fixed|does|deals))\b"
    # What the assistant should do for everyone, said as what would put things right: "the bot
    # should let you talk to a human sooner", "it should pass people to staff when it gets
    # stuck", "residents should be able to speak to a person" (round 24 r24b-08 t12 was handed
    # over, and the answer lost).
    r"|\b(?:should|must|ought to|needs? to|need to|could|would|has to|have to)\s+"
    r"(?:(?:be able to|always|just|quickly|automatically)\s+)*"
    r"(?:let|allow|put|pass|transfer|hand|send|give)\s+(?:you|people|residents|tenants|customers|"
    r"callers|users|everyone|them|folk)\b(?:\s+\w+){0,6}?\s+(?:person|human|humans|people|"
    r"someone|staff|agent|adviser|advisor)\b"
    r"|\b(?:you|people|residents|tenants|customers|callers|users|everyone)\s+(?:should|must|"
    r"ought to|need to|needs to)\s+(?:be able to\s+)?(?:get to\s+)?(?:talk|speak|chat)\s+"
    r"(?:to|with)\s+(?:a\s+|an\s+|real\s+)*(?:person|human|someone|staff|agent)\b"
    r"|\b(?:passes|pass|passing|puts|put|putting|transfers|transfer|hands|hand)\s+(?:people|"
    r"residents|tenants|customers|callers|users|everyone|you)\s+(?:on\s+|over\s+|through\s+)?"
    r"(?:to|through to)\s+(?:a\s+|an\s+|the\s+|real\s+)*(?:person|human|humans|staff|someone|"
    r"people|team)\b"
)
# A resident handed over by mistake saying so ("i didnt ask for a person?? i just want my
# complaint logged", round 10 r10b-16), or no longer wanting one ("nah dont worry ill just do
# it with you", "i dont need the human anymore", "cancel", round 11; "actually nah dont bother,
# ill just wait for the answer. cancel that", round 14 r14d-03): nobody will pick it up.
CANCELS_A_PERSON = re.compile(
    r"\b(?:didn'?t|did not|never|not)\s+(?:ask|asked|asking)\s+(?:for|to (?:talk|speak) to)\s+"
    r"(?:a |an |any )?(?:real |actual )?(?:person|human|people|someone|anyone|one)\b"
    r"|\b(?:don'?t|dont|do not|no longer)\s+(?:want|need)\s+(?:to (?:talk|speak) to\s+)?"
    r"(?:a |an |the |any )?(?:real |actual )?(?:person|human|someone|anyone|one)\b"
    r"|\bno need for (?:a |an |the )?(?:person|human)\b"
    r"|\b(?:forget|cancel|scrap|never ?mind)\s+(?:about\s+)?(?:the |that |a |my )?"
    r"(?:person|human|handover|hand over|request for a person)\b"
    r"|^(?:ok\s+|okay\s+|no\s+|nah\s+)?(?:cancel|cancel that|cancel it|never ?mind|forget it)$"
    r"|\bcancel (?:that|it)\b|\b(?:don'?t|dont|do not) (?:bother|worry)\b"
)
# Carrying on with the assistant, as the handover offers, until a person picks it up ("carry on
# here then. complaint about the damp", round 14 r14a-13): the person still reads it.
CARRIES_ON_HERE = re.compile(
    r"\b(?:carry on|continue|keep going|finish|do it|do this|do the complaint|make the complaint|"
    r"make it|log it)\s+(?:it\s+|this\s+)?"
    r"(?:here|with you|now with you|on here|in here|in the chat)\b"
    r"|\b(?:can|could)\s+(?:i|we)\s+(?:just\s+)?(?:make|do|finish|log|carry on with)\s+"
    r"(?:the|my|a|this)\s+complaint\s+(?:here|with you|now|on here)\b"
)
TAKES_BACK_A_PERSON = re.compile(f"{CANCELS_A_PERSON.pattern}|{CARRIES_ON_HERE.pattern}")


def takes_back_a_person_request(text: str) -> bool:
    """Carrying on here, or cancelling the person: read only while a person is awaited."""
    return TAKES_BACK_A_PERSON.search(words(text)) is not None


def cancels_a_person_request(text: str) -> bool:
    return CANCELS_A_PERSON.search(words(text)) is not None


def beside_taking_back_a_person_request(text: str) -> str:
    """What a message says beside taking back its request for a person: "i want to make a
    complaint about the mould, carry on here" asks for the complaint too (round 12 r12c-18)."""
    return " ".join(TAKES_BACK_A_PERSON.sub(" ", words(text)).split())


# A request for a person the rule matcher may miss: "actually can I talk to a person instead?"
ASKS_FOR_A_PERSON_PLAINLY = re.compile(
    # Text-speak too: "cn i talk 2 sum1 real" (round 9 r9c06 got "I can't answer that one").
    r"\b(?:can|cn|could|cud|may)\s+(?:i|we)\s+(?:please\s+|pls\s+|just\s+|jus\s+)?"
    r"(?:talk|tlk|speak|chat)\s+(?:to|2|with|wiv)\s+"
    r"(?:a|an|someone|somebody|some1|sum1|a real|an actual|one of your|a member)\b"
    r"|\b(?:want|need|like)\s+to\s+(?:talk|speak)\s+(?:to|with)\s+(?:a|an)\s+"
    r"(?:real |actual )?(?:person|human)\b"
    # "Very well, let me speak to a person then" (round 12 r12d-03 was offered the choice again).
    r"|\blet\s+me\s+(?:talk|speak|chat)\s+(?:to|with)\s+(?:a|an|someone|somebody|a real|"
    r"an actual|one of your|a member)\b"
    # "Can a person check this please?" (round 8 r8a-08).
    r"|\b(?:can|could)\s+(?:a|an)\s+(?:real\s+|actual\s+)?(?:person|human|member of staff)\s+"
    # "can a real person msg me back on here?" (round 12 r12c-05 was offered the choice again).
    r"(?:check|look|help|deal|see|read|msg|message|reply|answer|get back|talk|speak|chat)\b"
    # "pls put it through to a person in complaints" (round 12 r12d-14 was offered a new
    # complaint).
    r"|\b(?:put|pass|transfer|send)\s+(?:it|this|her|him|me|us|them|the call)\s+(?:through\s+)?"
    r"(?:to|2)\s+(?:someone|somebody|some1|(?:a|an)\s+(?:real\s+|actual\s+)?(?:person|human|"
    r"member of staff))\b"
    # "no. talk to a person pls", said as an order (round 12 r12d-14 was put right instead).
    r"|(?:^|\b(?:no|nah|ok|okay|fine|then|just|please|pls|plz)\s+)(?:talk|speak|chat)\s+(?:to|2|with)\s+"
    r"(?:a|an)\s+(?:real\s+|actual\s+)?(?:person|human|member of staff|adviser|advisor)\b"
    # "cant you just pass a message on to them? i wont remember to ring" (round 13 r13d-06 was
    # offered a new complaint): a person reads the conversation, which is the message.
    r"|\b(?:can|cant|can't|could|couldnt|couldn't|will|would)\s+(?:you|u)\s+(?:not\s+)?"
    r"(?:just\s+|please\s+|pls\s+)?pass\s+(?:(?:a|the|my|this|that)\s+message\s+on|on\s+(?:a|the|my)\s+"
    r"message)\b"
)
# Inside the complaint form, asking to be rung is asking for a person to take it on ("can someone
# actually ring me, i dont want to do this on here": round 12 r12d-15 was taken as leaving). With
# a repair, it asks for a callback about the repair, which the request's own offer takes.
ASKS_TO_BE_RUNG = re.compile(
    r"\b(?:can|could|will|would)\s+(?:someone|somebody|some1|sum1|a person|one of you|"
    r"a real person|an actual person|a member of staff)\s+(?:\w+\s+)?(?:ring|call|phone)\s+me\b"
)
# Not wanting to go on in this chat, said with a request for a person ("i dont want to do this on
# here"): the way in is changed, the complaint is not given up.
ONLY_NOT_IN_THE_CHAT = re.compile(
    r"\b(?:do|doing|type|typing|fill|filling|say|explain|go through)\s+(?:this|it|all this|that)"
    r"(?:\s+in)?\s+(?:on here|here|online|on the chat|in the chat|in a chat|over chat|by chat|on "
    r"this|by message|by text|over text|on my phone|on a phone|on the computer|on a computer)\b"
)
# Questions about reaching us, whose answer may be a request for a person: there the details
# asked for are given, not a handover.
CONTACT_QUESTIONS = ("contact_preference", "contact_details")


# Words that join one thing to another: "fix it and say sorry", "fix problem + compo".
JOINED = re.compile(r"\s(?:and|n|&|\+|plus|also|as well as)\s|,|\s\+|\+\s", re.IGNORECASE)


def typed_button(text: str, buttons: list[Button]) -> Button | None:
    """The button whose own words were typed, near enough ("Im helping someone else", "wot went
    wrong", "contact details please"): the closest title, when it is close."""
    said = squashed(text)
    named = [b for b in buttons if squashed(b.title) and contains(said, squashed(b.title))]
    more = set(said.split()) - set(squashed(named[0].title).split()) if named else set()
    if len(named) > 1 or (named and JOINED.search(text) and more - YES_FILLERS - WITH_THANKS):
        # "fix the problem and apology", "fix problem + compo" are more than one thing, kept in
        # the resident's words, not the first button alone (round 14 r14c-02, r14c-20).
        return None
    best, best_score = None, 0.0
    for button in buttons:
        title = squashed(button.title)
        if not title:
            continue
        score = SequenceMatcher(None, said, title).ratio()
        if said and starts_only(said, title, buttons):
            # "contact" for "Contact details": the first words of one button's title.
            score = max(score, 0.85 if len(said.split()) < len(title.split()) else 1.0)
        if contains(said, title) and len(said.split()) <= len(title.split()) + 2:
            score = max(score, 0.9)
        if score > best_score:
            best, best_score = button, score
    return best if best_score >= CLOSE_ENOUGH else None


def starts_only(said: str, title: str, buttons: list[Button]) -> bool:
    """Whether the typed words start this button's title and no other's."""
    typed = said.split()
    starting = [b for b in buttons if squashed(b.title).split()[: len(typed)] == typed]
    return len(starting) == 1 and squashed(starting[0].title) == title


def squashed(text: str) -> str:
    """Words without apostrophes or fillers, for comparing typed words with a button's."""
    fillers = {"i", "want", "wanna", "id", "like", "please", "pls", "plz", "the", "a", "an"}
    kept = [word for word in words(text).replace("'", "").split() if word not in fillers]
    return " ".join(kept)


def payload_parts(payload: str) -> tuple[str, dict[str, str]]:
    """The intent and entities of a button payload such as `/choose{"choice": "email"}`."""
    match = re.match(r"^/(\w+)(\{.*\})?$", payload.strip())
    if match is None:
        raise ValueError(f"not a button payload: {payload!r}")
    entities = json.loads(match.group(2)) if match.group(2) else {}
    return match.group(1), {str(key): str(value) for key, value in entities.items()}
