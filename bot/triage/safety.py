"""What the safety check needs outside a full triage: whether a parsed message needs the check,
and whether a reply says yes to the safety question. Free of Rasa, so the dialogue policy (in the
Rasa server) and the actions (in the action server) decide the same way."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any

from bot.answers import (
    READ_BACK,
    Button,
    ConversationState,
    says_goodbye,
    typed_button,
    wants_to_leave,
)
from bot.definition import (
    NEGATIONS,
    PREFERENCES,
    contact_details_in,
    contact_preference,
    name_in,
    time_ruled_out,
)
from bot.nlp.matches import RuleMatches, only_other_alphabets
from bot.policy import Policy
from bot.policy.schema import RouteFollowUp
from bot.questions import is_question
from bot.text import contains, words
from bot.triage.decide import ALARM_DANGERS, dangers

SAFETY_ACTION = "action_safety_check"
# Set while a person has, or is about to take, the conversation (actions.handoff).
WITH_PERSON_SLOT = "with_person"
# Hands the conversation to a person (actions.handoff).
HANDOFF_ACTION = "action_handoff"
# Answers a message while a person is awaited, and takes back a handover the resident no
# longer wants (actions.handoff).
PERSON_AWAITED_ACTION = "action_person_awaited"
# The category a "yes" to the safety question is flagged under.
REPORTED_DANGER = "someone_in_danger"


# How the answer to a detail question reads: the learned detector's guess in a name or a number is
# noise, but "tonight is really bad, ive got all my pills in front of me" typed at the name question
# is no name, and its danger counts (round 12 r12c-07).
DETAIL_READERS: dict[str, Callable[[str], str | None]] = {
    "contact_name": name_in,
    "representative_name": name_in,
    "contact_details": contact_details_in,
    "contact_preference": contact_preference,
}


def reads_as_a_detail(slot: str | None, text: str | None) -> bool:
    """Whether the message reads as the name, number or reference a detail question asks for.
    A question with no reader of its own (a reference) takes any message as its answer."""
    reader = DETAIL_READERS.get(slot or "")
    return reader is None or reader(text or "") is not None


def needs_safety_check(entities: Iterable[dict[str, Any]], policy: Policy) -> bool:
    """A danger to route, or enough doubt to ask about one."""
    urgency, ask = dangers(RuleMatches.from_entities(entities), policy)
    return bool(urgency) or ask


def cannot_read(entities: Iterable[dict[str, Any]], text: str | None) -> bool:
    """A message in another language: neither the danger cues in English nor the learned
    detector can read it, so it may tell of a danger they miss (round 9 r9b-08)."""
    language = RuleMatches.from_entities(entities).language
    return language is not None or only_other_alphabets(text or "")


def answers_yes(intent: str | None, text: str | None, policy: Policy) -> bool:
    """A typed yes. A button's payload answers the button's own question, never the safety
    question, which has no buttons."""
    typed = (text or "").strip().lower()
    if not typed or typed.startswith("/"):
        return False
    first_words = re.sub(r"[^\w\s']", " ", typed).split()
    return intent == "affirm" or any(
        " ".join(first_words[: len(yes.split())]) == yes for yes in policy.safety.yes_words
    )


def routes_given(said: Iterable[str], policy: Policy) -> list[str]:
    """The categories whose route the assistant has given, from what it said, in policy order."""
    given = " ".join(said)
    return [
        category
        for category in policy.urgency
        if any(route in given for route in policy.route_wordings(category))
    ]


def routes_standing(
    turns: Iterable[tuple[bool, str, Iterable[dict[str, Any]]]], policy: Policy
) -> list[str]:
    """The categories whose route the assistant gave and the resident has not taken back, from
    the conversation's turns in order (`from_resident`, text, entities). A reply that denies a
    danger ("im not going to hurt myself", "no smell of gas") takes back its route; one that
    tells no danger of its own and says there is none, or that it was only the battery, takes
    back every hazard's route ("its not an emergency tho?? anyway bye", round 10 r10b-03,
    r10b-09). A route for a danger to a person that only the learned detector guessed, with no
    words of the resident's naming it, is taken back the same way ("what?? im not in danger lol"
    after the abuse helpline was given for a question about a Stage 2 call-back: round 13
    r13d-01 got it on every later message). What it asks next is then no follow-up of a route."""
    standing: dict[str, None] = {}
    told: set[str] = set()
    for from_resident, text, entities in turns:
        if not from_resident:
            standing.update(dict.fromkeys(routes_given([text], policy)))
            continue
        matches = RuleMatches.from_entities(entities)
        told.update(matches.urgency)
        back = taken_back(matches, policy, guessed=set(standing) - told)
        if only_a_chirp_is_over(text, matches, policy):
            # "also her co alarm is doing a single chirp every minute" after the route for an
            # 84-year-old on oxygen with no heating: the chirp tells the alarm's battery is low,
            # not that the cold is over, so the contact was promised "by Wednesday" (round 23,
            # r22a-02 t5). Only the dangers an alarm warns of are taken back.
            back &= ALARM_DANGERS
        # A question about a route's steps doubts the danger, it does not take it back: "do i
        # honestly need to go out tho its probably just the battery" beside a CO alarm's route
        # got no answer (round 25 r25a-06 t2, a round 24 fault left).
        # Unless the message says the danger was a false alarm in its own words: "it was the
        # toaster not gas. is it ok to use the kettle" (round 26 r26a-07 t4).
        asked = {category for category, _ in follow_ups_asked(text, list(standing), policy)}
        back -= asked - set(false_alarm_told(text, asked, policy))
        for category in back:
            standing.pop(category, None)
    return list(standing)


def only_a_chirp_is_over(text: str, matches: RuleMatches, policy: Policy) -> bool:
    """Whether the message reads as about a danger that is over only through an alarm's chirp
    or battery ("the alarm keeps chirping"), with no other words that say a danger is over."""
    if not (matches.past_danger and tells_of_a_chirp(text, policy)):
        return False
    chirp = set(policy.safety.alarm_chirp_cues)
    others = [cue for cue in policy.safety.over_cues if cue not in chirp and "batter" not in cue]
    return not _tells_any(text, others) and not matches.danger_taken_back


def taken_back(matches: RuleMatches, policy: Policy, guessed: Iterable[str] = ()) -> set[str]:
    """The dangers a message says are not there: those its words deny, and, when it names no
    danger of its own and says there is none ("it keeps chirping but there's no smell") or that
    it is over, every hazard in the home and every `guessed` danger (routed on the detector's
    guess alone)."""
    denied = set(matches.negated_urgency)
    if matches.urgency:
        # A danger to a person routed on the guess alone, said not to be there beside a danger
        # told in words: "Nobody is at the door, there is no abuse, she is just frightened
        # because the door will not lock" kept the abuse helpline standing beside the insecure
        # home (round 26 r26b-04 t2).
        if matches.danger_taken_back:
            denied |= {
                c for c in guessed
                if c not in matches.urgency
                and c in policy.urgency and policy.urgency[c].to_a_person
            }  # fmt: skip
        return denied
    if matches.danger_taken_back or matches.past_danger:
        denied |= {c for c, category in policy.urgency.items() if not category.to_a_person}
        denied |= set(guessed)
    return denied


def dangers_to_a_person_standing(
    turns: Iterable[tuple[bool, str, Iterable[dict[str, Any]]]], policy: Policy
) -> list[str]:
    """The dangers to a person (abuse, a threat, self-harm: no hazard in the home) that the
    resident told in words and whose route stands (`routes_standing`: not since denied, "im not
    going to harm myself, im annoyed", round 10 r10a-11). While a person is awaited, every
    message then gets the help open now: "i have my tablets here, all of them" and "hello anyone
    there" got silence until the office opened (r10c-07). A route given on the detector's guess
    alone is not said on every message: a question about a Stage 2 call-back got the abuse
    helpline five times over (round 13 r13d-04); told again, the detector's guess is routed
    again."""
    turns = list(turns)
    told = {
        category
        for from_resident, _, entities in turns
        if from_resident
        for category in RuleMatches.from_entities(entities).urgency
    }
    return [c for c in _to_a_person_standing(turns, policy) if c in told]


def left_at_risk(
    text: str | None, turns: Iterable[tuple[bool, str, Iterable[dict[str, Any]]]], policy: Policy
) -> list[str]:
    """The dangers to a person whose route stands when the resident leaves or says goodbye ("no.
    forget it", then "whatever. nobody listens. goodnight" after saying he could not keep going,
    round 20 r20a-05 was told only "Goodbye"): the help open day and night is said once more
    before they go."""
    if not (wants_to_leave(text or "") or says_goodbye(text or "")):
        return []
    return _to_a_person_standing(turns, policy)


def unheard_at_risk(
    text: str | None, turns: Iterable[tuple[bool, str, Iterable[dict[str, Any]]]], policy: Policy
) -> list[str]:
    """The dangers to a person whose route stands when the resident says they were not heard
    ("its me, my flat. Dennis Hurst. did you even read what i wrote" after saying he could not
    keep going, round 20 r20a-05 t5, got the next form question): told they were, with the
    route's help again."""
    if not _tells_any(text, policy.safety.unheard_cues):
        return []
    return _to_a_person_standing(turns, policy)


def _to_a_person_standing(
    turns: Iterable[tuple[bool, str, Iterable[dict[str, Any]]]], policy: Policy
) -> list[str]:
    return [c for c in routes_standing(turns, policy) if policy.urgency[c].to_a_person]


def routes_in_events(events: Iterable[dict[str, Any]], policy: Policy) -> list[str]:
    """The categories whose route the assistant gave in these tracker events (an action's)."""
    said = (str(e.get("text") or "") for e in events if e.get("event") == "bot")
    return routes_given(said, policy)


def turns_in_events(
    events: Iterable[dict[str, Any]],
) -> Iterator[tuple[bool, str, list[dict[str, Any]]]]:
    """What was said in these tracker events, in order, for `routes_standing`."""
    for event in events:
        if event.get("event") in ("user", "bot"):
            entities = (event.get("parse_data") or {}).get("entities") or []
            yield event.get("event") == "user", str(event.get("text") or ""), entities


def follows_up_a_route(
    text: str | None, routed: list[str], waiting: bool, buttons: Sequence[Button] = (),
    unhappy: bool = False, asks_now: bool = False,
) -> bool:  # fmt: skip
    """A question asked after a route ("so is someone coming or not?", "is there someone I could
    talk to about him?"): the safety check says what happens now and the help open day and
    night, unless a common answer fits it. Not an answer to what the assistant is `waiting` on
    (a form's question, the read-back), unless it `asks_now` what to do about the danger ("so i
    shouldnt use it then?" at a form's question got "I can't answer that one", round 19
    r19a-01), nor a button's words typed ("who is complaining"), nor a message that tells
    unhappiness ("will they do anything? I complained before and nothing happened"), which the
    rules offer the complaint for (round 8)."""
    said = text or ""
    return (
        bool(routed)
        and (asks_now or not waiting)
        and not unhappy
        and is_question(said)
        and typed_button(said, list(buttons)) is None
    )


def waiting_on_an_answer(tracker: ConversationState) -> bool:
    """Whether the resident's message answers what the assistant is waiting on: a form's
    question or the read-back. A question asked while a person is awaited is not: out of hours
    nobody may read it until the office opens ("should I call 999?", round 8)."""
    return bool(tracker.active_loop_name or tracker.get_slot(READ_BACK))


PHONE_WORDS = "|".join(re.escape(word) for word in PREFERENCES["phone"])
NOT_BY_PHONE = re.compile(
    rf"\b(?:{'|'.join(re.escape(n) for n in NEGATIONS)})\s+(?:\w+\s+)?(?:{PHONE_WORDS})\b"
)


def rules_out_calls(text: str | None) -> bool:
    """Whether the message says not to phone ("please dont ring me", "do not call"), and not
    only at a time ("please dont ring after 6, I work nights" wants a call before then)."""
    said = " ".join(re.sub(r"[^\w\s']", " ", (text or "").lower()).split())
    return any(time_ruled_out(said[found.end() :]) is None for found in NOT_BY_PHONE.finditer(said))


def not_to_be_phoned(
    text: str | None, categories: Iterable[str], policy: Policy
) -> tuple[str, ...]:
    """The dangers to a person (no hazard in the home: abuse, threats, self-harm) told in this
    conversation, when the message says not to phone ("please dont ring me, he checks my
    phone"): the team must not call, so the contact is flagged with it."""
    if not rules_out_calls(text):
        return ()
    people = (c for c in categories if c in policy.urgency and policy.urgency[c].to_a_person)
    return tuple(dict.fromkeys(people))


def asks_about_safe_contact(
    text: str | None, standing: Iterable[str], policy: Policy
) -> tuple[str, ...]:
    """What a resident told a danger to a person asks about how we reach them: whether we, or
    anyone we send, will phone or write ("contact"), or whether a call to us shows on their
    phone ("call_seen"). Round 20 r20a-04 t4-t5 got the complaints team's confidentiality text."""
    if not any(c in policy.urgency and policy.urgency[c].to_a_person for c in standing):
        return ()
    asked = {
        "contact": _tells_any(text, policy.safety.contact_asked_cues) and asks_a_question(text),
        "call_seen": _tells_any(text, policy.safety.call_seen_cues),
    }
    return tuple(kind for kind, said in asked.items() if said)


# A question: a question mark, or a question's first words ("will anyone ring me", "do u post
# letters"). "Stop the court, write to me the account is ok, and say sorry" asks for a letter:
# it is no question whether we will write (round 26 r26b-05 t5 was told "you must not be
# phoned or sent letters", the opposite of what he asked).
QUESTION = re.compile(
    r"\?|^\W*(?:and\s+|but\s+|so\s+)?(?:will|would|are|is|do|does|did|can|could|won'?t|wont|"
    r"shall|should|if)\b"
    # "the lock people wont ring my mobile will they", "... yes or no"
    r"|\b(?:will|won'?t|wont|would|do|does|don'?t|can|is|are)\s+(?:they|you|u|he|she|it|anyone|"
    r"someone|we)\W*$|\byes or no\W*$",
    re.IGNORECASE,
)


def asks_a_question(text: str | None) -> bool:
    return QUESTION.search(text or "") is not None


def asks_why_asked(text: str | None, policy: Policy) -> bool:
    """Whether the message asks why the assistant asked about danger ("why are u asking if
    anyone is in danger??", round 23 r23b-04 t2)."""
    return _tells_any(text, policy.safety.why_asked_cues)


def danger_raised(said: Iterable[str], policy: Policy) -> bool:
    """Whether the assistant said the safety question, or a route, among these lines: then "why
    are you asking if anyone is in danger?" asks about it."""
    routes = {wording for c in policy.urgency for wording in policy.route_wordings(c)}
    # A route in the resident's language is said with the English after it, in one message.
    return any(
        text in policy.safety.questions or any(route in text for route in routes) for text in said
    )


def _tells_any(text: str | None, phrases: Iterable[str]) -> bool:
    """Whether the message holds any of these phrases as whole words. A phrase is read as the
    message is, without its punctuation: "do i need a&e" typed beside the medical route was never
    found, as the message's words are "do i need a e" (round 24, safety24's note: the 999-or-111
    answer was not given)."""
    said = words(text or "")
    return any(contains(said, words(phrase)) for phrase in phrases)


def routes_put_off(text: str | None, standing: Iterable[str], policy: Policy) -> list[str]:
    """The routes standing whose danger the message puts off ("it was very faint, I'll mention
    it on Monday" after the gas line, round 15 r15d-03): a danger that may not wait has its
    `put_off` said again plainly, whatever else the message says ("nobody is in danger")."""
    if not _tells_any(text, policy.safety.put_off_cues):
        return []
    return [category for category in standing if policy.put_off_line(category)]


def line_not_answered(text: str | None, standing: Iterable[str], policy: Policy) -> list[str]:
    """The routes standing when the message says the line we gave did not answer ("i rang 0999
    and it just rang out twice", round 15 r15c-08 was told to ring it again): the help open
    instead is said, and the danger flagged again."""
    if not _tells_any(text, policy.safety.line_unanswered_cues):
        return []
    if not _tells_any(text, policy.safety.line_unanswered_needs):
        # "u didnt answer me" is about this chat (round 17 r17a-04).
        return []
    if _tells_any(text, policy.safety.line_unanswered_except):
        # "i want you say sorry because nobody answer when i call" is a complaint about our
        # phones (round 17 r17a-14).
        return []
    return list(standing)


def asks_what_to_do(text: str | None, policy: Policy) -> bool:
    """Whether a question after a route asks what to do now ("What should she do right now?",
    "is it ok to use the cooker?"): the route's own steps are the answer. Not in words that say
    the step is taken ("ok i switch off the electric. where is stopcock?")."""
    asked = asked_beside_steps_told(text, policy)
    return _tells_any(asked, (*policy.safety.what_to_do_cues, *policy.safety.use_cues))


def asks_to_use(text: str | None, policy: Policy) -> bool:
    """Whether a question after a route asks if something can still be used: a category's
    `in_use` is the first answer."""
    return _tells_any(asked_beside_steps_told(text, policy), policy.safety.use_cues)


# A message's clauses: "ok i switch off the electric. where is stopcock?", "gas is off at the
# meter, can i ring them from the garden".
CLAUSE = re.compile(r"[.!?;,\n]+|\s+(?:and|but|so|then)\s+", re.IGNORECASE)


# A clause asked without a question mark: "is it still dangerous now ive switched it off", "do
# I need to get out of the flat or not" (a step's words inside a question are no step taken).
ASKED = re.compile(
    r"^\W*(?:(?:ok|okay|so|and|but|right)\W+)?(?:is|are|am|can|could|should|shall|do|does|did|"
    r"will|would|must|may|what|whats|where|wheres|when|how|why|who)\b",
    re.IGNORECASE,
)


def asked_beside_steps_told(text: str | None, policy: Policy) -> str:
    """The message without the clauses that tell any route's step taken (`made_safe_cues`):
    "ok i switch off the electric. where is stopcock?" after water through a light asks where
    the stopcock is, not what to do (round 23, left from r23a-03: the routes were said again
    with the answer), and "gas is off at the meter" asks nothing about the meter. A clause with
    a question mark, or one that opens as a question (`ASKED`), is kept whole."""
    said = text or ""
    told = list(policy.urgency)
    kept = []
    start = 0
    for found in [*CLAUSE.finditer(said), None]:
        end = found.end() if found else len(said)
        clause = said[start:end]
        start = end
        if clause.strip() and (
            "?" in clause or ASKED.match(clause) or not made_safe_told(clause, told, policy)
        ):
            kept.append(clause)
    return "".join(kept)


def calls_the_line(text: str | None, standing: Iterable[str], policy: Policy) -> list[str]:
    """The routes standing when the message says the resident is calling for help now ("im
    calling 999 now", "ok fine ill ring the gas people"): no answer to a question, and no
    change to the read-back."""
    if not _tells_any(text, policy.safety.calling_cues):
        return []
    return list(standing)


def tells_of_a_chirp(text: str | None, policy: Policy) -> bool:
    """Whether the message tells of an alarm's chirp or its battery ("keeps chirping, think its
    the battery"): beside the gas route, the difference from an alarm sounding is said."""
    return _tells_any(text, policy.safety.alarm_chirp_cues)


def made_safe_told(text: str | None, categories: Iterable[str], policy: Policy) -> list[str]:
    """Of these categories, those whose route's first step the message says is taken ("ive
    flicked the kitchen breaker off now", "we're all outside, gas people called")."""
    said = words(text or "")
    return [
        c
        for c in dict.fromkeys(categories)
        if c in policy.urgency
        and any(_step_told(said, cue) for cue in policy.urgency[c].made_safe_cues)
    ]


# "we're out of the house" is out; "im out of credit" is not (round 23, r22a-01 t3).
OUT_OF_A_PLACE = re.compile(r"^of (?:the|our|my|his|her|their|a) ")


# Words before a step that make it a question or a step not taken: "should i switch off the
# electric?", "do i turn the power off", "i havent switched it off", "ill switch it off" (round
# 23).
ASKED_BEFORE_A_STEP = re.compile(
    r"\b(?:should|shall|do|does|can|could|must|need to|have to|has to|got to|whether|if|will|"
    r"would|how do|how to|try to|trying to|going to|gonna|about to|ill|i'll|not|never|cant|"
    r"can't|cannot|couldnt|couldn't|wont|won't|didnt|didn't|havent|haven't|hasnt|hasn't)\s+$"
)


def _step_told(said: str, cue: str) -> bool:
    """Whether the words hold the cue, not asked ("should i switch off the electric"), and, for
    a cue ending "out", not "out of" something other than a place."""
    padded = f" {said} "
    at = padded.find(f" {cue} ")
    while at >= 0:
        after = padded[at + len(cue) + 2 :]
        asked = ASKED_BEFORE_A_STEP.search(padded[: at + 1])
        if not asked and (
            not (cue.endswith(" out") and after.startswith("of ")) or OUT_OF_A_PLACE.match(after)
        ):
            return True
        at = padded.find(f" {cue} ", at + 1)
    return False


# What else a message that only says the route's step was taken may hold: "ok were outside now",
# "done, out of the house".
STEP_TOLD_FILLER = {
    "ok", "okay", "k", "right", "now", "done", "all", "thanks", "thank", "you", "ta", "so",
    "and", "just", "we", "i", "im", "i'm", "are", "is", "am", "been",
    # "gas is off at the meter", "ive switched it off at the box now" (round 23).
    "at", "the", "meter", "mains", "box", "fuse", "wall", "already", "ive", "i've", "have", "it",
}  # fmt: skip


def only_made_safe_told(text: str | None, categories: Iterable[str], policy: Policy) -> bool:
    """Whether the message does nothing but say a route's step was taken: a report, no answer
    to the question waiting ("ok were outside now" at "Would you like our team to contact you?"
    was read as yes, round 23 r22a-01 t3)."""
    told = made_safe_told(text, categories, policy)
    if not told:
        return False
    left = f" {words(text or '')} "
    cues = sorted(
        (cue for c in told for cue in policy.urgency[c].made_safe_cues), key=len, reverse=True
    )
    for cue in cues:
        left = left.replace(f" {cue} ", " ")
    return set(left.split()) <= STEP_TOLD_FILLER


def follow_ups_asked(
    text: str | None, categories: Iterable[str], policy: Policy
) -> list[tuple[str, RouteFollowUp]]:
    """The questions about these categories' route steps that the message asks ("can she pull
    the battery", "do i really need to turn the electric off?? baby asleep"), with their
    categories. Not in words that tell a step taken ("gas is off at the meter")."""
    asked = asked_beside_steps_told(text, policy)
    found = [
        (c, follow_up)
        for c in dict.fromkeys(categories)
        if c in policy.urgency
        for follow_up in policy.urgency[c].follow_ups
        if _tells_any(asked, follow_up.cues) or _tells_combination(asked, follow_up, policy)
    ]
    # "do not touch a hot fuse box" is said instead of "switch the main switch off now", never
    # beside it (round 26 r26a-06 t3, r26a-08 t3).
    instead = {other for _, follow_up in found for other in follow_up.instead_of}
    return [(c, follow_up) for c, follow_up in found if follow_up.id not in instead]


def _tells_combination(text: str | None, follow_up: RouteFollowUp, policy: Policy) -> bool:
    """Whether the message holds a cue from each cue group of one of the follow-up's
    combinations: a fuse box and, anywhere beside it, that it is buzzing or warm ("the fuse box
    in the hall is making a buzzing noise and the plastic cover feels warm", round 26 r26a-08
    t3), or wet ("the wall beside it is wet as well", r26a-06 t3)."""
    groups = policy.safety.cue_groups
    return any(
        all(_tells_any(text, groups.get(group, ())) for group in combination)
        for combination in follow_up.combinations
    )


def false_alarm_told(text: str | None, categories: Iterable[str], policy: Policy) -> list[str]:
    """The categories among these that the message says were a false alarm, in the category's
    own words (`false_alarm_cues`): "oh god sorry false alarm, it was the toaster ... all fine
    now" after the gas route (round 26 r26a-07 t2)."""
    return [
        c
        for c in dict.fromkeys(categories)
        if c in policy.urgency
        and policy.urgency[c].false_alarm
        and _tells_any(text, policy.urgency[c].false_alarm_cues)
    ]


def cannot_phone(said: Iterable[str], policy: Policy) -> bool:
    """Whether the resident has said they cannot make a voice call (Deaf, no phone credit,
    someone listening), in any of these messages: a route then gives a way that is not a call.
    Not where the message says a call is fine after all ("please call me not my father, he dont
    hear well on phone")."""
    return any(
        _tells_any(text, policy.safety.cannot_phone_cues)
        and not _tells_any(text, policy.safety.cannot_phone_except)
        for text in said
    )


# A day, a date or a number of days said against an emergency's timescale: "wednesday?? its a
# gas leak", "3 days for a gas leak are you serious", "why would it take till friday its
# dangerous" got "I can't answer that one" (round 23, r22a-01 t8). Not a day the danger started
# ("since wednesday", "last friday").
DAYS = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|weds?|thurs?|fri)"
TIMESCALE = re.compile(
    rf"(?<!since )(?<!last )(?<!from )\b{DAYS}\b"
    r"|\b(?:\d+|a few|few|two|three|four|five|six|seven|several|couple of)\s+(?:days?|weeks?)\b"
    r"|\b(?:next week|that long|so long|this long|the end of the week|wait days)\b",
    re.IGNORECASE,
)
TIMESCALE_PROTEST = re.compile(
    r"[?!]|\b(?:serious|seriously|joke|joking|why|how come|ridiculous|disgusting|dangerous|"
    r"emergency|gas leak|leaking|not good enough|cant wait|can't wait|cannot wait|wtf|really)\b",
    re.IGNORECASE,
)


def protests_a_timescale(text: str | None, standing: Iterable[str], policy: Policy) -> list[str]:
    """The emergency routes standing whose timescale the message protests: a day or a number of
    days, with a question, an exclamation or words of protest."""
    said = text or ""
    if not (TIMESCALE.search(said) and TIMESCALE_PROTEST.search(said)):
        return []
    return [
        c
        for c in dict.fromkeys(standing)
        if c in policy.urgency and policy.urgency[c].hazard == EMERGENCY_HAZARD
    ]


EMERGENCY_HAZARD = "emergency"
