"""Common questions answered from the landlord's own data (policy_rules/answers.yml), at any
point in a conversation: "how do I pay my rent?", "what is Stage 2?", "how do I reach the ASB
team?" get the answer and the route, not "I'll pass it to our team"."""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.policy import Answer
from bot.text import contains, starts_with, words

QUESTION_STARTS = (
    "how", "what", "what's", "whats", "where", "when", "who", "which", "why", "can", "could",
    "do", "does", "is", "are", "will", "would", "should", "may", "am", "tell me", "i need to know",
    "i want to know", "id like to know", "i'd like to know", "wondering", "any idea",
    # as people type them in messages
    "wat", "wot", "wen", "hw", "wats", "whens", "wheres", "hows", "can u", "do u", "r u",
    "are u", "cn i", "wots", "wot's", "wheres", "hws", "cn u", "can u tell me", "cn u tell me",
    # Asking for a number is asking who to call: "i need a number to ring tonight for the lift"
    # (round 12 r12a-05 was offered a complaint again).
    "i need a number", "i need the number", "i need a phone number", "need a number",
    "need the number", "give me a number", "give me the number",
)  # fmt: skip


# Words people put before a question: "hiya how do i pay my rent", "ok so how do i reach...".
OPENERS = (
    "hi", "hiya", "hello", "hey", "ok", "okay", "so", "and", "also", "right", "um", "erm",
    "sorry", "excuse me", "please", "yes", "no", "thanks", "thank you", "cheers", "oh", "but",
    "btw", "by the way", "quick one", "quick question", "n", "wait", "hang on", "hold on", "or",
    "pls", "plz", "thx", "ta", "seriously", "honestly", "anyway", "still",
    # "thats not what i asked lol. like does complaining actually do anything" (round 13 r13c-06).
    "like",
)  # fmt: skip
# A question asked after other words: "n the ombudsman how do i contact them".
INNER_QUESTION = re.compile(
    r"\b(?:how|what|who|where|when|wot|wat)\s+(?:do|can|should|would|will|is|are)\s+"
    r"(?:i|we|you|u|they|he|she|it)\b"
    # "so for the plumber tomorrow do i need to be in or can i go to my mums" (round 18 r18a-01
    # t12): whether one must do something, asked after other words without a mark.
    r"|\b(?:do|does|must|should|shld)\s+(?:i|we|he|she|someone|somebody|sum1|anyone)\s+"
    r"(?:need|have|hav)\s+(?:to|2)\b"
    # "I didn't know if I'm allowed to throw them out" (round 18 r18a-05 t4): a question told
    # as not knowing.
    r"|\b(?:dont|don't|didnt|didn't|do not|did not)\s+know\s+(?:if|whether)\b"
    r"|\b(?:not sure|wasnt sure|wasn't sure|was not sure)\s+(?:if|whether)\b"
    # "neither i just want to know who deals with moving", "T also asks what her rent balance
    # is", "wants to know office hours over christmas": a question told, not asked.
    # "She asked me to find out how to contact the ASB team" (round 9 r9b-22).
    r"|\bfind\s+out\s+(?:how|who|what|where|when|whether|if)\b"
    r"|\b(?:want|wants|wanted|like|wanting)\s+(?:to|2)\s+know\s+"
    r"(?!(?:thanks|thank|ta|cheers|that|this|it)\b)\w"
    r"|\b(?:asks|asking|asked|enquires|enquiring)\s+(?:about|what|wat|wot|how|when|who|where|"
    r"whether|if)\b"
    # "also asks can she get heaters" (round 16 r16a-09): a call handler's note of a question.
    r"|\b(?:asks|asking|enquires|enquiring)\s+(?:can|could|will|would|does|do|is|are)\s+"
    r"(?:i|we|you|u|they|he|she|it|someone|somebody)\b"
    # "if im not happy with what they say on the 30th what then" (round 15 r15a-15 was offered
    # a new complaint): a supposition closed by its question, with no mark.
    r"|\bif\b.*\b(?:what then|then what|what now|what next|what happens|what happens then|"
    r"what do i do|what i do|what can i do|what i can do|wot then|wat then|wot do i do|"
    r"wat do i do)$"
    # "just answer it, can a manager look at it yes or no" (round 17 r17a-10 t11 got the part
    # menu): a question closed by "yes or no", with no mark.
    r"|\b(?:yes or no|yes or not|y or n)$"
    # "u didnt answer me, can u get into upstairs or not" (round 18 r18a-02, typed at our offer
    # to contact her, was read as a no): a yes-or-no question closed by "or not".
    r"|\b(?:can|could|will|would|do|does|did|is|are|have|has)\s+"
    r"(?:u|you|ya|they|someone|somebody|sum1|anyone|anybody|he|she|it)\b.*\bor not$"
)


# "but why not stage 2?", "I'm not carrying on until you tell me why this isn't stage 2"
# (round 15 r15d-15, asked five times): a "why" about Stage 2 is asked, and has its answer.
WHY_NOT_STAGE_2 = re.compile(
    r"\b(?:y|why)\s+(?:(?:it|this|that|my complaint|mine)\s+)?(?:not|isnt|isn't|is not|"
    r"is it not|cant|can't|cannot|wont|won't|doesnt|doesn't|can it not)\s+"
    r"(?:(?:it|this|that|my complaint|mine)\s+)?(?:(?:go|going|be|get|gone)\s+)?"
    r"(?:(?:straight|right)\s+)?(?:to\s+)?(?:a\s+)?(?:stage\s*(?:2|two)|escalat|the next stage)"
)


def without_openers(sentence: str) -> str:
    said = sentence.split()
    while said and (said[0] in OPENERS or " ".join(said[:2]) in OPENERS):
        said = said[2:] if " ".join(said[:2]) in OPENERS else said[1:]
    return " ".join(said)


# "When I rang about it the woman was rude", "what happened was": told, not asked.
TELLING_STARTS = re.compile(
    r"^(?:when|whenever|what happened)\s+(?:i|we|he|she|they|my|our|his|her|their|the|it|"
    r"someone|somebody|your|ur)\b"
    # "what I want is a new fan", "what went wrong is the windows": told, not asked.
    r"|^what (?:i|we|he|she|they|t) (?:want|wants|would like|need|needs|meant|mean) (?:is|was)\b"
    r"|^what (?:went wrong|happened) (?:is|was)\b"
    # "no is not 12 month. toilet broken 2 week": "no, it is not", as typed in English as a second
    # language; it got the `lettings` answer for the council list told beside it (round 16
    # r16b-10 t2, left by routes17).
    r"|^is not\s+(?!(?:it|that|this|there|he|she|they|you|u|my|the|your|anyone|someone)\b)"
    # "Please do not phone Mrs Lowe as she is hard of hearing": asked not to, not asked whether
    # (round 22 r22b-03 t9 was given the council's services beside her email address).
    r"|^do not\s+(?!(?:i|we|you|u|they|he|she|it)\b)"
)


# A call handler's or a resident's numbered point: "2) can i pay my rent weekly".
NUMBERED = re.compile(r"^\s*\(?\d{1,2}\)\s*")


def is_question(text: str) -> bool:
    """A question by its mark or its opening words, in any sentence of the message."""
    if "?" in text:
        return True
    sentences = [
        without_openers(words(NUMBERED.sub("", part)))
        for part in re.split(r"[.!\n]+", text)
        if part.strip()
    ]
    return any(
        (sentence == start or sentence.startswith(start + " "))
        and not TELLING_STARTS.match(sentence)
        for sentence in sentences
        for start in QUESTION_STARTS
    ) or any(
        INNER_QUESTION.search(sentence) or WHY_NOT_STAGE_2.search(sentence)
        for sentence in sentences
    )


# Call handlers, relatives and support workers ask for someone else: "what can he do if hes not
# happy with the answer" is the landlord's "what can I do if I'm not happy" (round 11 r11b-10).
FIRST_PERSON = {
    "he": "i", "she": "i", "they": "i", "hes": "im", "he's": "im", "shes": "im", "she's": "im",
    "theyre": "im", "they're": "im", "his": "my", "her": "my", "their": "my", "him": "me",
    "them": "me", "himself": "myself", "herself": "myself", "themselves": "myself",
    "does": "do", "has": "have", "he'll": "i'll", "she'll": "i'll", "they'll": "i'll",
}  # fmt: skip


def in_the_first_person(said: str) -> str:
    """A question asked for someone else, put as they would ask it."""
    return " ".join(FIRST_PERSON.get(word, word) for word in said.split())


# Words that add emphasis only: "how long will all this take?" is "how long will this take?"
# (round 11 r11a-01 got "I can't answer that one myself").
EMPHASIS = frozenset({"all", "actually", "even", "really", "exactly", "roughly", "honestly"})


def without_emphasis(said: str) -> str:
    return " ".join(word for word in said.split() if word not in EMPHASIS)


# An email or web address: its words are no question's ("cllr.shah@northfield-council.example"
# is no question about the council, round 22 r22b-03 t9).
ADDRESS_TYPED = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+|\b(?:https?://|www\.)\S+", re.IGNORECASE)


def answer_for(text: str, answers: dict[str, Answer]) -> Answer | None:
    """The answer whose every group of phrases the message holds, as written, as asked in the
    first person or without words of emphasis; the most specific (most groups, then longest
    phrases) when several do. Email and web addresses are read as no words."""
    return next(iter(answers_for(text, answers)), None)


def answers_for(text: str, answers: dict[str, Answer]) -> list[Answer]:
    """Every answer whose every group of phrases the message holds, the most specific first."""
    said = words(ADDRESS_TYPED.sub(" ", text))
    readings = (said, in_the_first_person(said), without_emphasis(said))
    matching = []
    for answer in answers.values():
        if any(contains(r, words(p)) for p in answer.not_match for r in readings):
            # "its not a court thing?? its an insurance claim. what do i do then" is no question
            # about court papers (round 26 r26b-08 t11).
            continue
        hits = [
            max(
                (len(p) for p in group if any(contains(r, words(p)) for r in readings)),
                default=0,
            )
            for group in answer.match
        ]
        if all(hits):
            matching.append((len(hits), sum(hits), answer))
    return [found[2] for found in sorted(matching, key=lambda found: found[:2], reverse=True)]


@dataclass(frozen=True)
class Asked:
    """A common question a message asks, and where: the sentence it was asked in (an empty
    span when it was asked across several)."""

    answer: Answer
    start: int
    end: int


# A stop with a letter or digit right after it is inside the sentence: an email typed with a
# question ("priya.raman@example.org please. Who decides ...?" lost the email to the split,
# round 19 r19b-06 t4), "£14.60".
SENTENCE = re.compile(r"(?:[^.!?\n]|\.(?=\w))+[.!?\n]*")
# "wots stage 2 n how do i get the ombudsman involved": a second question joined to the first.
SECOND_QUESTION = re.compile(
    r"\s(?:and|n|&|also|plus)\s+(?=(?:how|what|who|where|when|wot|wat|can|could|is|do|will|would|does)\b)"
    # "how do i pay my rent, also the rent has gone up": something else told after it; a call
    # handler's numbered points, "(2) fence panel down, (3) wants to know...".
    r"|,\s*(?:and\s+|but\s+)?also\s+|[,;]?\s+(?=\(?\d\)\s)"
    # "job ref RP-55120 from sept, and T also asks what her rent balance is" (round 9 r9c02).
    # Not "I asked" or "we asked": "That's about housing bands, I asked about a parking permit"
    # tells what was asked before, and split there "That's about housing bands, I" was stored
    # as what he would like (round 20 r20a-08 t3).
    r"|(?<!\bi)(?<!\bwe),?\s+(?:and\s+)?(?:(?:t|she|he|they|caller|tenant|resident)\s+)?"
    r"(?:also\s+)?"
    r"(?=(?:asks|asked|wants to know|wanted to know|would like to know)\b)",
    re.IGNORECASE,
)


def questions_in(text: str) -> list[tuple[int, int]]:
    """Where each sentence, or question joined to another by "and", begins and ends."""
    spans = []
    for sentence in SENTENCE.finditer(text):
        start = sentence.start()
        for join in SECOND_QUESTION.finditer(text, sentence.start(), sentence.end()):
            spans.append((start, join.start()))
            start = join.end()
        spans.append((start, sentence.end()))
    return spans


# "We don't want to withdraw anything - the opposite" was told how to withdraw a complaint
# (round 15 r15a-10): what a message says it is not doing is not told.
NOT_DOING = re.compile(
    r"\b(?:dont|don't|do not|does not|doesnt|doesn't|not|never|no need to|nothing to)\s+"
    r"(?:\w+\s+){0,2}?(?:withdraw|withdrawing|cancel|cancelling|take back|taking back|retract)\b"
)


def told_only(said: str, answers: dict[str, Answer]) -> dict[str, Answer]:
    """The answers given when their words are told, unless the words say it is not done."""
    if NOT_DOING.search(words(said)):
        return {}
    return {key: answer for key, answer in answers.items() if answer.told}


def answers_in(text: str, answers: dict[str, Answer]) -> list[Asked]:
    """Every common question a message asks, each answered once: the one the whole message
    asks, then one for each sentence that asks another ("...he wants to claim for his sofa. And
    who do we talk to about moving?"), so a long message does not lose all but one."""
    told_here = answers_for(text, told_only(text, answers))
    asked_across = answers_for(text, answers) if is_question(text) else list(told_here)
    # What the message asks comes before what it tells: "how do i pay my rent, also the rent has
    # gone up ... and the light on the communal stairs has been out for days" lost the rent rise
    # to the stairs' safety answer, which is given after the questions' answers.
    asked_across.sort(key=lambda answer: answer.told)
    whole = next(iter(asked_across), None)
    found: list[Asked] = []
    for start, end in questions_in(text):
        said = text[start:end]
        answer = answer_for(said, answers if is_question(said) else told_only(said, answers))
        if answer and whole and asks_about_what_was_told(said, answer, whole):
            # "I just need the door fixed. how long will it take?": the question is about what
            # the message told before it (round 12 r12d-18 got the complaint timescales).
            answer = whole
        if answer is not None and all(answer.id != f.answer.id for f in found):
            found.append(Asked(answer, start, end))
    # Asked across sentences ("the noise from upstairs? who deals with that?"), unless other
    # sentences asked their own questions and no one sentence holds this one's words ("i dont
    # want stage 2 yet. how do i contact ombudsman" asks about the Ombudsman only). Not only the
    # most specific: "...she wants to claim for them. And who do we talk to about her moving to a
    # bungalow?" asks about the claim too, though the move's words are the longer; but not where
    # the sentence that holds it has its own answer ("If I make complaint, my rent go up?" asks
    # what complaining does, not about rent levels).
    answered = {(f.start, f.end) for f in found}
    for across in [a for a in asked_across if all(a.id != f.answer.id for f in found)]:
        alone = [
            (s, e) for s, e in questions_in(text) if answer_for(text[s:e], {across.id: across})
        ]
        if across is whole and (not found or alone):
            found.insert(0, Asked(across, 0, 0))
        elif across is not whole and any(span not in answered for span in alone):
            found.append(Asked(across, 0, 0))
    found_ids = {f.answer.id for f in found}
    found.extend(Asked(told, 0, 0) for told in told_here if told.id not in found_ids)
    return found


# Words that point back to something said before: "how long will it take?".
BACK_REFERENCES = frozenset({"it", "this", "that", "they", "them"})


def asks_about_what_was_told(sentence: str, answer: Answer, whole: Answer) -> bool:
    """Whether a sentence's answer was found only through words that point back ("how long will
    it take?") to what the message told before it, which the whole message's answer covers
    ("I just need the door fixed"); "how long does a complaint take" names its own subject."""
    if whole.id == answer.id or len(whole.match) <= len(answer.match):
        return False
    return found_by_pointing_back(sentence, answer)


def found_by_pointing_back(sentence: str, answer: Answer) -> bool:
    """Whether every phrase of the answer's that the sentence holds points back ("it", "this")."""
    said = words(sentence)
    matched = [words(p) for group in answer.match for p in group if contains(said, words(p))]
    return bool(matched) and all(BACK_REFERENCES & set(phrase.split()) for phrase in matched)


def first_answer(text: str, answers: dict[str, Answer]) -> Answer | None:
    """The answer to the first common question a message asks, found in the sentence that asks
    it: "its the council. forget it. what about a house swap?" asks about swapping homes, not
    the council (round 11 r11b-07)."""
    return next((asked.answer for asked in answers_in(text, answers)), None)


# "wat is stage 2" asks what something is; "can I go to stage 2" asks for it.
WHAT_STARTS = ("what", "what's", "whats", "wat", "wats", "wot", "wots", "explain", "tell me what")


def asks_what(text: str) -> bool:
    """Whether any sentence asks what something is ("hiya quick one, whats stage 2 mean?"). A
    bare "what??" is surprise ("what?? i havent finished. stage 2 please. ref CMP-...", round 14
    r14a-05 got the general Stage 2 text)."""
    return any(
        starts_with(asked, WHAT_STARTS) and asked not in WHAT_STARTS
        for asked in (without_openers(words(text[start:end])) for start, end in questions_in(text))
    )


# Questions put to the assistant even without a question mark: "how long you take to answer",
# "what time does the office shut", "wot happens now". A "when" or "what" that starts a
# statement ("when I turn the tap on it sparks", "what happened was") is not one.
ASKS_SOMETHING = re.compile(
    r"^(?:how|what|when|where|who|which|wat|wot|wen|hw)\s+(?:long|much|many|soon|time|do|does|"
    r"did|can|could|will|would|is|are|was|should|about|happens|happen)\b"
    # "or is that up to his employer", "will he get sacked": a yes-or-no question about someone.
    r"|^(?:is|are|will|would|does|do|can|could|should|has|have|did)\s+"
    r"(?:that|it|he|she|they|this|there|the|his|her|their|someone|anyone)\b"
)
# A request put as a question answers the question it follows: "can you fix it properly?" says
# what would put it right. "Why...?" at a complaint is said in anger, not asked.
NOT_ASKING = (
    "can you", "could you", "will you", "would you", "can u", "could u", "will u", "would u",
    "can someone", "could someone", "can somebody", "can i", "could i", "can we", "could we",
    "please", "pls", "i want", "i'd like", "id like", "why", "y", "is that ok", "is that okay",
    "is that alright", "is that right", "ok", "okay", "right",
)  # fmt: skip
# "Could you also tell me whether the MP's office will be copied in?" asks, though put as a
# request (round 13 r13d-05: the question was stored as what would put it right).
ASKS_TO_BE_TOLD = re.compile(
    r"^(?:can|could|will|would)\s+(?:you|u)\s+(?:also\s+|please\s+|just\s+|pls\s+)*"
    r"(?:tell|let)\s+(?:me|us)\s+(?:know\s+)?(?:if|whether|what|when|who|how|where|why)\b"
)
# Words that say nothing on their own, left when a question is taken out of a message.
FILLER_WORDS = frozenset(" ".join(OPENERS).split()) - {"yes", "no", "n"}


def asks_the_assistant(sentence: str) -> bool:
    """Whether a sentence asks the assistant something (and is not a request or a moan put as
    a question)."""
    said = without_openers(words(sentence))
    if WHY_NOT_STAGE_2.search(said):
        return True
    if len(said.split()) < 2 or (starts_with(said, NOT_ASKING) and not ASKS_TO_BE_TOLD.match(said)):
        return False
    return "?" in sentence or bool(ASKS_SOMETHING.match(said) or INNER_QUESTION.search(said))


# What is left around a question that only talks about asking it: "You haven't answered my
# question.", "Before I answer:".
ABOUT_ASKING = re.compile(
    r"\b(?:answer|answered|answering|question|questions|asked|asking|before i forget)\b"
)
# Longer than this, words around a question are an answer even when they mention asking.
ABOUT_ASKING_WORDS = 8


def questions_and_rest(text: str) -> tuple[list[str], str]:
    """The sentences of a message that ask the assistant something, and what is left: "I rang
    in October, no job number. Sorry - how do I pay my rent?" answers one question and asks
    another. The rest is empty when it holds only fillers ("sorry", "ok so")."""
    asked: list[str] = []
    rest: list[str] = []
    for start, end in questions_in(text):
        part = text[start:end]
        if asks_the_assistant(part):
            asked.append(part.strip())
        elif set(words(part).split()) - FILLER_WORDS:
            rest.append(part.strip())
    left = " ".join(rest)
    said = words(left).split()
    if ABOUT_ASKING.search(" ".join(said)) and len(said) < ABOUT_ASKING_WORDS:
        return asked, ""
    return asked, left if set(said) - FILLER_WORDS else ""


def told_beside_asking(text: str, answers: dict[str, Answer]) -> str:
    """The sentences of a message that neither ask nor hold a common question, put as a request
    or not: "get it properly sorted, find where the damp is coming from. and can i get
    compensation for this?" tells what would put it right beside asking about compensation
    (round 15 r15a-01 t5 was asked for the outcome again). Empty when nothing else is told."""
    told = [
        part.strip()
        for start, end in questions_in(text)
        if (part := text[start:end]).strip()
        and "?" not in part
        and not (is_question(part) and answer_for(part, answers))
        and set(words(part).split()) - FILLER_WORDS
    ]
    return " ".join(told)


# "if I'm not happy with the answer, what then?": unhappiness supposed, not told.
SUPPOSING = re.compile(
    r"\b(?:if|what if|in case)\s+(?:i'?m|i am|im|i|we|we'?re|she|he|they|she'?s|he'?s)"
    r"(?:\s+(?:am|are|is|still|get|feel|was|were|stay))*\s*$",
    re.IGNORECASE,
)


def supposed(text: str, start: int | None) -> bool:
    """Whether the words at `start` are supposed ("if I'm unhappy with the reply"), not told."""
    return start is not None and SUPPOSING.search(text[:start]) is not None
