"""Stage 2 as one decision (Code 6.10-6.14): what a message about it asks, and whether a
Stage 1 complaint can go to Stage 2 yet. The words and the rule are policy_rules/stage_2.yml;
the chat, the console and the CLI all ask here."""

from __future__ import annotations

import re
from datetime import date

from bot.answers import asks_for_a_complaint
from bot.policy import Policy
from bot.policy.schema import STAGE_2_READINGS, Stage2Reading
from bot.text import words


def read_stage_2(text: str, policy: Policy) -> Stage2Reading | None:
    """The first reading (in the policy's order) whose pattern the message holds. A status
    question that also asks for Stage 2 by name is a request; one that says it is not asking
    for Stage 2 ("not asking to escalate, just an update") is a status question. None: no
    Stage 2 words at all."""
    said = words(text).replace("'", "").replace("\u2019", "")
    found = {
        reading
        for reading in STAGE_2_READINGS
        if any(p.search(said) for p in policy.stage_2.patterns[reading])
    }
    if "status" in found:
        if "declines" in found:
            found.discard("declines")
        elif "asks_for" in found:
            found.discard("status")
    return next((r for r in STAGE_2_READINGS if r in found), None)


def asks_for_stage_2(text: str, policy: Policy) -> bool:
    return read_stage_2(text, policy) == "asks_for"


def no_earlier_complaint(text: str, policy: Policy) -> bool:
    """Whether a message about Stage 2 says there is no Stage 1 complaint to take further ("this
    is my first complaint"), or asks for a complaint with no Stage 2 words ("I'd like to raise a
    complaint ... I reported it in October"; "No, it is not Stage 2. I want to make a new
    complaint"): Stage 2 needs a Stage 1 complaint, so a new one is taken (round 10 r10a-29)."""
    reading = read_stage_2(text, policy)
    return reading == "no_earlier_complaint" or (
        asks_for_a_complaint(text) and reading in (None, "declines")
    )


def stage_2_open(answered: bool, answer_due: date, today: date, policy: Policy) -> bool:
    """Whether a Stage 1 complaint can go to Stage 2 now: once we have answered it, and once
    the answer is late (after `answer_due`, the extended date if there is one) when the policy
    says so. Before then a request is explained, and nothing is opened."""
    rules = policy.stage_2
    return (rules.when_answered and answered) or (rules.when_overdue and today > answer_due)


# The Stage 1 answer named: "my stage 1 reply", "the stage one response", "your answer to my
# complaint", "the complaint response".
STAGE_1_ANSWER = re.compile(
    r"\bstage\s*(?:1|one)\s+(?:answer|reply|response|letter|decision|outcome|email)\b"
    r"|\b(?:your|the|their|ur|that)\s+(?:answer|reply|response|decision)\s+(?:to|on|about)\s+"
    r"(?:my|the|our)\s+complaint\b"
    r"|\bcomplaint\s+(?:answer|reply|response|decision)\b"
)
# Unhappy with it, without asking for anything: "its rubbish", "it didnt even answer what i
# asked", "they just blamed me", "it came 3 weeks late".
UNHAPPY_WITH_IT = re.compile(
    r"\b(?:rubbish|useless|pathetic|a joke|a joker|disgrace|disgraceful|not good enough|"
    r"waste of time|nonsense|shocking|poor|terrible|awful|ridiculous|unacceptable|wrong|"
    r"not happy|unhappy|not satisfied|dissatisfied|disappointed|disagree|dont agree|do not agree|"
    r"dont accept|do not accept|ignored|blamed|blaming|my fault)\b"
    r"|\b(?:didnt|did not|doesnt|does not|never)\s+(?:even\s+)?(?:answer|address|deal with|"
    r"look at|cover|mention|respond to|say anything about)\b"
    r"|\b(?:came|was|were|arrived|is)\s+(?:\w+\s+){0,3}late\b|\btoo late\b|\boverdue\b"
)
# The answer came late: the delay can be complained about too.
CAME_LATE = re.compile(
    r"\b(?:came|was|were|arrived|is|got it)\s+(?:\w+\s+){0,3}late\b|\btoo late\b|\boverdue\b"
    r"|\btook\s+(?:ages|weeks|months|too long|forever)\b"
)


def unhappy_with_the_stage_1_answer(text: str) -> bool:
    """Whether a message says the resident is unhappy with our Stage 1 answer, without asking
    for Stage 2 ("i got my stage 1 answer last wk ... tbh its rubbish" was taken to Stage 2
    straight away, round 26 r26b-07 t2; "my stage 1 reply came 3 weeks late and ... didnt even
    answer what i asked" got only how complaints work, r26b-01 t1)."""
    said = words(text).replace("'", "")
    return STAGE_1_ANSWER.search(said) is not None and UNHAPPY_WITH_IT.search(said) is not None


def came_late(text: str) -> bool:
    return CAME_LATE.search(words(text).replace("'", "")) is not None
