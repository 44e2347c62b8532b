"""The landlord's policy as frozen dataclasses, built from `policy_rules/` by the loader."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import time
from typing import Literal

Label = Literal["complaint", "service_request", "excluded", "escalation", "other"]
LABELS: tuple[Label, ...] = ("complaint", "service_request", "excluded", "escalation", "other")
NATIONS = ("england", "wales", "scotland", "northern_ireland")


class PolicyError(ValueError):
    """A policy file is wrong; the message names the file, the rule and the problem."""

    def __init__(self, file: str, rule_id: str | None, problem: str) -> None:
        self.file, self.rule_id, self.problem = file, rule_id, problem
        where = f"{file}, rule '{rule_id}'" if rule_id else file
        super().__init__(f"{where}: {problem}")


@dataclass(frozen=True)
class Duration:
    amount: int
    unit: Literal["working_days", "months", "hours"]

    def __str__(self) -> str:
        return f"{self.amount} {self.unit.replace('_', ' ')}"


@dataclass(frozen=True)
class OfficeHours:
    """When a person answers: these hours on working days (Monday to Friday, not bank holidays)."""

    opens: time
    closes: time

    def __str__(self) -> str:
        opens, closes = twelve_hour(self.opens), twelve_hour(self.closes)
        return f"Monday to Friday, {opens} to {closes}, not bank holidays"


def twelve_hour(moment: time) -> str:
    hour = moment.hour % 12 or 12
    minutes = f".{moment.minute:02d}" if moment.minute else ""
    return f"{hour}{minutes}{'am' if moment.hour < 12 else 'pm'}"


@dataclass(frozen=True)
class Landlord:
    name: str
    phone: str
    emergency_repairs_phone: str
    # Typed before our numbers to reach them by text through Relay UK.
    text_relay_prefix: str
    email: str
    nation: str
    office_hours: OfficeHours
    privacy_url: str
    complaints_policy_url: str


@dataclass(frozen=True)
class Ombudsman:
    name: str
    phone: str
    email: str
    website: str


@dataclass(frozen=True)
class StageTimescale:
    id: str
    provision: str
    acknowledge_within: Duration
    respond_within: Duration
    extension_at_most: Duration
    respond_from: Literal["acknowledgement", "receipt"]


@dataclass(frozen=True)
class OtherBody:
    """One body that looks after a matter that is not ours, named for what it does: a message
    with one of its cues is given its route, not the ground's general list (round 19 r19b-02,
    r19b-07, r19b-08 were sent to "the council, the NHS, social care or the Information
    Commissioner"). `ombudsman`, if set, replaces the Housing Ombudsman line: the ombudsman who
    looks at that body, not at us."""

    id: str
    cues: tuple[str, ...]
    route: str
    ombudsman: str | None = None


def _whole_words(text: str) -> str:
    """A message's words in lower case, with a space either side of each, to find cues in."""
    found = re.findall(r"[a-z0-9']+", text.lower().replace("\u2019", "'"))
    return " " + " ".join(found) + " "


@dataclass(frozen=True)
class ExclusionGround:
    id: str
    source: Literal["code", "landlord"]
    provision: str
    explanation: str
    route: str
    cues: tuple[str, ...]
    # Cues that plainly name this matter ("drug dealing"): beside another label they make a part
    # of their own without the classifier's support (intents.yml, `parts`).
    part_cues: tuple[str, ...] = ()
    # Words saying the matter is not (yet) this ground ("no proceedings are issued", "a
    # pre-action letter only"): the ground is not proposed, whatever else the message says.
    not_cues: tuple[str, ...] = ()
    # Words the matter needs ("court", "solicitor" for a claim filed at court): a message
    # without any of them is not this ground, whatever the classifier guessed from "claim" alone
    # (round 26 r26b-08 t10). Empty: no words needed.
    needs_cues: tuple[str, ...] = ()
    # Words that make a question about the matter a dispute ("wrong", "too high", "tribunal"):
    # a question without any of them ("how much is my rent going up in April?") asks to be told,
    # and is answered, not proposed as this ground (round 26 r26b-10 t1). Empty: any question
    # about the matter is the ground.
    dispute_cues: tuple[str, ...] = ()
    # A matter the Housing Ombudsman does not look at (a staff member's own employment): its
    # explanation does not say the Ombudsman can help.
    outside_ombudsman: bool = False
    # Bodies named for what they do, each with its own cues and route (OtherBody).
    bodies: tuple[OtherBody, ...] = ()
    # Words for a service of ours the matter may be about instead ("service charge",
    # "cleaning"), and words for someone's behaviour, which this ground is about ("neighbours",
    # "someone", "weeing"): a message with the first and none of the second (nor the ground's
    # own cues) is about our service, not this ground (bot.triage.decide, round 20 r20a-12).
    our_service_cues: tuple[str, ...] = ()
    behaviour_cues: tuple[str, ...] = ()

    def about_our_service(self, text: str) -> bool:
        """Whether a message tells of one of our services this ground may be mistaken for and
        names no one's behaviour (nor the ground's own cues), as whole words in any case."""
        said = _whole_words(text)
        if not any(f" {cue} " in said for cue in self.our_service_cues):
            return False
        behaviour = (*self.behaviour_cues, *self.cues, *self.part_cues)
        return not any(f" {cue} " in said for cue in behaviour)

    def body_for(self, text: str) -> OtherBody | None:
        """The first body whose cue the message names, as whole words in any case."""
        said = _whole_words(text)
        return next(
            (body for body in self.bodies if any(f" {cue} " in said for cue in body.cues)), None
        )


@dataclass(frozen=True)
class IntentRule:
    id: str
    label: Label
    ground: str | None = None
    provision: str | None = None


@dataclass(frozen=True)
class Doubt:
    complaint_probability: float
    with_cue: float
    exclusion_with_cue: float
    # The complaint threshold for what the classifier reads as "other" (an enquiry, thanks).
    other_probability: float
    # The complaint threshold for what the classifier reads as an excluded matter whose words
    # name that matter ("my solicitor", "rent increase"): the ground's exclusion cue is there.
    named_matter_probability: float = 0.25
    # Excluded matters doubt does not turn into a complaint: they stay proposed exclusions for an
    # officer (the Code's own, 2.2, and a matter outside the residents' scheme).
    grounds_not_offered: tuple[str, ...] = ()


@dataclass(frozen=True)
class PartRules:
    """The other parts of one message beside its primary label (bot.triage.decide): an excluded
    matter or a service request in a sentence of its own, with where each goes."""

    probability: float  # the part's intent or label must reach this in the classifier's ranking
    request_cues: tuple[str, ...]
    routes: dict[str, str]  # label -> route text; an excluded part uses its ground's route
    # A fault told in a sentence of its own that is not unhappy: a new request beside the rest.
    fault_cues: tuple[str, ...] = ()
    # How someone behaved ("was really rude"), told in a sentence of its own beside a request or
    # another matter: a complaint part, as a dissatisfaction cue there would make one.
    conduct_cues: tuple[str, ...] = ()


# How a message about Stage 2 is read, in the order tried (policy_rules/stage_2.yml).
Stage2Reading = Literal[
    "declines", "undo", "no_earlier_complaint", "asks_about", "status", "asks_for"
]
STAGE_2_READINGS: tuple[Stage2Reading, ...] = (
    "declines", "undo", "no_earlier_complaint", "asks_about", "status", "asks_for",
)  # fmt: skip


@dataclass(frozen=True)
class Stage2Rules:
    """Telling a request for Stage 2 from a question about it, a status question, a refusal
    and an undo (patterns per reading, tried in STAGE_2_READINGS order), and when a Stage 1
    complaint can go to Stage 2: once answered, and once its answer is late if `when_overdue`."""

    patterns: dict[str, tuple[re.Pattern[str], ...]]
    when_answered: bool
    when_overdue: bool


@dataclass(frozen=True)
class AdjustmentNeed:
    id: str
    offer: str
    cues: tuple[str, ...]
    special_category: bool = False


@dataclass(frozen=True)
class Relationship:
    id: str
    cues: tuple[str, ...]


@dataclass(frozen=True)
class RouteFollowUp:
    """A question about a danger route's own steps and its plain answer, unfilled. Asked by any
    cue, or by a combination: one cue from each of the named cue groups (a fuse box with water
    beside it). `instead_of` names the follow-ups its answer is said instead of: "do not touch a
    hot fuse box" is not said beside "switch the main switch off now" (round 26 r26a-06 t3)."""

    id: str
    cues: tuple[str, ...]
    answer: str
    combinations: tuple[tuple[str, ...], ...] = ()
    instead_of: tuple[str, ...] = ()


@dataclass(frozen=True)
class UrgencyCategory:
    """A danger that cannot wait. Found by any cue, or by a combination: one cue from each of
    the named cue groups (a boiler fault with a headache). `except_cues` are phrases holding a
    cue that are not this danger ("gas fire" holds "fire"). `detector_needs` are cue groups of
    which the message must hold one before the learned detector's guess at this danger counts in
    full: the vulnerable person of a heating loss, the damp of a damp and mould hazard."""

    id: str
    route: str
    cues: tuple[str, ...]
    combinations: tuple[tuple[str, ...], ...] = ()
    except_cues: tuple[str, ...] = ()
    hazard: str | None = None
    detector_needs: tuple[str, ...] = ()
    # Said after the route to a follow-up the assistant cannot otherwise answer ("is someone
    # coming?") and on a handover while the office is closed: the help open now. None uses
    # the policy's default (Safety.after_route).
    after_route: str | None = None
    # (category, cue group) pairs: this danger when a word of the group is told after that
    # category's route ("my son has a headache and is being sick" after the gas route).
    told_after: tuple[tuple[str, str], ...] = ()
    # The safety question when this is the danger in doubt, if it has its own: what to do about
    # gas fits a boiler, not a loose bath panel (round 9). None asks the general question.
    question: str | None = None
    # Words that raise this danger's safety question rather than its route: said bare ("honestly
    # whats the point" after three reports about noise) they are as often about our service as
    # about the resident (round 14 r14c-17 got the Samaritans line).
    ask_cues: tuple[str, ...] = ()
    # Never a matter for the anti-social behaviour team, whoever the message names: smoke from a
    # neighbour's door is a fire (round 14 r14c-10), abuse by an ex is domestic abuse (r13c-10).
    never_asb: bool = False
    # The route said to someone telling of another person at risk ("he's been saving up his
    # tablets"): the help for that person, not "if you might harm yourself" (round 15 r15c-14).
    # None says the route as it is.
    route_for_someone_else: str | None = None
    # Said again plainly when, after the route, the resident puts the danger off ("it was very
    # faint, I'll mention it on Monday", round 15 r15d-03); None for a danger that may wait.
    put_off: str | None = None
    # Said first when, after the route, the resident asks whether they can still use the thing
    # ("so i shouldnt use it then? ive got to do the kids tea" about a cooker that smells of gas,
    # round 19 r19a-01 got "I can't answer that one"): a plain no, and what to do instead. None
    # for a danger where using things is no question (a loss of heating).
    in_use: str | None = None
    # Said instead of the route when the resident tells of the first step already taken ("ive
    # flicked the kitchen breaker off now ... is it dangerous still", round 19 r19a-03 t5 got
    # "switch off at the fuse box" again), and the words that tell of it.
    made_safe: str | None = None
    made_safe_cues: tuple[str, ...] = ()
    # Questions about the route's own steps, asked beside it or after it, with their plain
    # answers ("do i really need to turn the electric off?? baby asleep", "should i turn the gas
    # off at the meter first?", "999 or 111 for him?"): rounds 20 and 22 got another route, the
    # next form question or "I can't answer that one".
    follow_ups: tuple[RouteFollowUp, ...] = ()
    # Other categories whose route this one's says all of: given with it, theirs is not said too
    # (a ceiling swollen with water is a structural danger and a leak, round 23 r23a-03 t1).
    covers: tuple[str, ...] = ()
    # A hazard in the home that starts no Awaab's Law clock (`hazard` unset): disturbed asbestos
    # is a hazard to be made safe, not a danger to a person (round 23 r23a-07).
    in_the_home: bool = False
    # A route said once: told again while it stands, it is not said again in full, and what is
    # new in the message is answered ("the asbestos dust is on the toys too", round 23, left
    # from r23a-07).
    said_once: bool = False
    # Said when the resident takes the route back as a false alarm in words of its own ("oh god
    # sorry false alarm, it was the toaster", round 26 r26a-07 t2 got a request noted and a
    # complaint offer, and nothing stood the advice down), and those words: the request the
    # route noted is then cancelled. None for a danger that is not stood down this way.
    false_alarm: str | None = None
    false_alarm_cues: tuple[str, ...] = ()

    @property
    def to_a_person(self) -> bool:
        """A danger to someone (abuse, self-harm, a medical emergency) rather than a hazard in
        the home: the resident can take its route back ("I'm not in danger"), and it is said
        again while a person is awaited."""
        return self.hazard is None and not self.in_the_home


@dataclass(frozen=True)
class DetectorThresholds:
    """The learned urgency detector's probability at which the route is given, and from which
    one safety question is asked instead of guessing."""

    urgent: float
    ask: float


# The cue group an age joined before the policy could name more (models trained then).
AGE_CUE_GROUPS_BEFORE = ("vulnerable",)


@dataclass(frozen=True)
class Safety:
    """Everything about recognising danger: categories, the cue groups their combinations use,
    the words that say a danger is over, and the safety question."""

    categories: dict[str, UrgencyCategory]
    cue_groups: dict[str, tuple[str, ...]]
    over_cues: tuple[str, ...]
    still_cues: tuple[str, ...]
    # Words that say there is no danger ("it's not an emergency", "there's no smell"): said after
    # a hazard's route, they take it back.
    taken_back_cues: tuple[str, ...]
    # Words that say nobody at home is at risk ("no health issues", "fine with the stairs", "no
    # rush"): they take back no route, but the detector's guess counts one step less.
    reassured_cues: tuple[str, ...]
    # Words that tell of a death as grief ("she passed away", "I'm the executor"): a guess at
    # self-harm counts two steps less, and `condolences` are said once (round 24 r24b-03).
    grief_cues: tuple[str, ...]
    condolences: str
    # Figures of speech that hold danger words ("the price of gas is killing us", "my phone is
    # dying", "I'd kill for a shower"): no cue inside them counts, and a guess at any danger
    # counts one step less (round 25 r25a-04 t7, t13; r25a-06 t8).
    sayings: tuple[str, ...]
    # Words that end a danger by cutting a supply off ("capped off", "isolated"): they say a gas
    # danger is over, but not a loss of heating or water, which they start (round 14 r14a-11).
    cut_off_cues: tuple[str, ...]
    # What a danger leaves behind ("a stain", "black"): a `still_cues` word just before one is
    # about the damage left, not the danger ("the wall is still black", round 14 r14b-19).
    leftover_cues: tuple[str, ...]
    detector: DetectorThresholds
    question: str
    # Replies that say yes to it, in English and the languages residents use.
    yes_words: tuple[str, ...]
    confirmed: str
    # What happens now and the line open day and night, for a category without its own.
    after_route: str
    # Said after it: that we will contact the resident, or that we cannot without their details.
    will_contact: str
    no_contact_details: str
    # Said when, after a danger to a person, the resident says not to phone them.
    no_calls: str
    no_calls_safe_way_given: str
    # Asked after a danger to a person whether we will phone or write: said plainly what is held.
    contact_asked_cues: tuple[str, ...]
    contact_held_safe: str
    contact_not_held_safe: str
    # Asked whether a call to us shows on their phone.
    call_seen_cues: tuple[str, ...]
    call_seen: str
    # Said beside a route when the resident cannot make a voice call (Deaf, no credit, someone
    # listening): the ways to reach help that are not a call, and what tells of it.
    cannot_phone: str
    cannot_phone_cues: tuple[str, ...]
    # Said beside the gas route when the message tells of an alarm's chirp or its battery: the
    # difference between a low battery and an alarm sounding, without dropping the route.
    alarm_chirp: str
    alarm_chirp_cues: tuple[str, ...]
    # Things whose names hold danger words (the smoke in "smoke alarm"): those words are no cue.
    device_names: tuple[str, ...]
    # Times that tell a danger is now ("tonight") unless the message says it is over.
    still_times: tuple[str, ...] = ()
    # Words that hold a loss word but tell of no loss ("turn the electric off", "its freezing
    # outside"): the loss words inside them are no cue.
    no_loss_phrases: tuple[str, ...] = ()
    # A person said to be this old or older ("my mum who is 87", "Mr Frost 90") is vulnerable
    # for the cue group of that name; None when the policy sets no age.
    vulnerable_from_age: int | None = None
    # A child said in numbers to be younger than this ("she is 4", "my 2yo") is vulnerable too:
    # under-fives are the children most at risk from the cold and from illness (round 15 r15c-06).
    vulnerable_under_age: int | None = None
    # The cue groups a person told by age joins (`vulnerable`, and damp's own risk group: older
    # people and young children are among those damp and mould harms most).
    age_cue_groups: tuple[str, ...] = AGE_CUE_GROUPS_BEFORE
    # Words that put a danger off after its route ("I'll mention it on Monday"): a category's
    # `put_off` is then said again.
    put_off_cues: tuple[str, ...] = ()
    # Said when the resident says a line we gave did not answer ("it just rang out twice", round
    # 15 r15c-08), and what tells of it: the help open instead, not the same line again.
    line_unanswered: str = ""
    line_unanswered_cues: tuple[str, ...] = ()
    line_unanswered_needs: tuple[str, ...] = ()
    line_unanswered_except: tuple[str, ...] = ()
    # A question after a route that asks what to do now ("What should she do right now?", round
    # 16 r16a-12): the route's own steps are said again, not only where to call.
    what_to_do_cues: tuple[str, ...] = ()
    # Of those questions, the ones that ask whether something can still be used ("is it ok to
    # use the cooker?"): a category's `in_use` answers them first.
    use_cues: tuple[str, ...] = ()
    # Words that say the resident is calling the help a route gave ("im calling 999 now", "ok
    # fine ill ring the gas people", round 16 r16a-11, r16a-15), and what is said to them first.
    calling_cues: tuple[str, ...] = ()
    calling_now: str = ""
    # Words that say the resident was not heard ("did you even read what i wrote") after a danger
    # to a person, and what is said to them before the route's help again.
    unheard_cues: tuple[str, ...] = ()
    heard: str = ""
    # Words asking why the assistant asked about danger ("why are u asking if anyone is in
    # danger??", round 23 r23b-04 t2, r23b-08 t9), and the short plain answer said before the
    # conversation carries on.
    why_asked_cues: tuple[str, ...] = ()
    why_asked: str = ""
    # Words beside the cannot-phone cues that say a call is fine after all ("call me, he dont
    # hear well on phone").
    cannot_phone_except: tuple[str, ...] = ()

    def question_for(self, category: str | None) -> str:
        """The safety question about the danger in doubt: its own, or the general one."""
        own = self.categories.get(category or "")
        return own.question if own is not None and own.question else self.question

    @property
    def questions(self) -> tuple[str, ...]:
        """Every wording of the safety question: a yes to any of them answers it."""
        own = (c.question for c in self.categories.values() if c.question)
        return (self.question, *own)


@dataclass(frozen=True)
class HazardStep:
    """One legal deadline: `within` counted from when the landlord became aware, or from the
    investigation (then its latest date assumes the investigation was on its last day)."""

    id: str
    within: Duration
    counted_from: Literal["awareness", "investigation"]


@dataclass(frozen=True)
class HazardKind:
    """A kind of hazard under Awaab's Law, the nations it applies in and its deadlines."""

    id: str
    nations: tuple[str, ...]
    steps: tuple[HazardStep, ...]
    tell_resident: str
    tell_staff: str


@dataclass(frozen=True)
class Language:
    """Danger words and fixed texts in another language, for the landlord to have checked."""

    id: str
    name: str
    checked: bool
    cues: dict[str, tuple[str, ...]]
    # Words in this language for the cue groups of urgency.yml, so its combinations read the
    # language too: water with the electrics in Bengali, an ex-husband with a threat in Arabic.
    cue_groups: dict[str, tuple[str, ...]]
    routes: dict[str, str]
    # Said first to anyone who writes in this language: call 999 if anyone is in danger.
    in_danger: str
    interpreter_offer: str
    # Said with the English text when the resident asks for a person.
    handoff: str
    # Said instead while the office is closed; {opens} says when it opens.
    handoff_closed: str
    # Words asking for a person in this language ("أريد التحدث مع شخص").
    person_words: tuple[str, ...]
    # Words that, just after its danger words, say the danger is not there: Bengali puts "na"
    # after the verb ("gas er gondho ashche na", no gas smell; round 13 r13c-09).
    negations_after: tuple[str, ...] = ()
    # Common words of the language typed in English letters (Roman Urdu, Roman Bangla, Arabizi):
    # a message made mostly of them is in this language (bot.nlp.language).
    romanised_words: tuple[str, ...] = ()
    # Said to a message that only says goodbye in this language, with any thanks beside it
    # ("ok multumesc, la revedere", round 17 r17a-15 t7 got the emergency text).
    goodbye: str = ""
    goodbye_words: tuple[str, ...] = ()
    thanks_words: tuple[str, ...] = ()
    # Other names for the language ("bangla" for Bengali), as a resident may name it.
    also_called: tuple[str, ...] = ()
    # Said when the resident asks about this language on the phone lines, or says they cannot
    # phone in English ("I can't phone, my English is weak", round 18 r18a-14 t2-t4): the
    # emergency lines can get a free interpreter. Told by one of `phone_language_words` with
    # one of `phone_words`.
    phone_interpreter: str = ""
    phone_language_words: tuple[str, ...] = ()
    phone_words: tuple[str, ...] = ()
    # Said when a phone number or email is typed while a person is awaited (round 17 r17a-15
    # t6 got the English acknowledgement alone).
    details_seen: str = ""

    def asks_about_the_phone(self, text: str) -> bool:
        """Whether the message is about this language (or weak English) on a phone line."""
        return _says_one_of(text, self.phone_language_words) and _says_one_of(
            text, self.phone_words
        )

    def asks_for_a_person(self, text: str) -> bool:
        return _says_one_of(text, self.person_words)

    def only_says_goodbye(self, text: str) -> bool:
        """The message says goodbye in this language and nothing else but thanks ("ok",
        "thank you" and "bye" in English may come with it): nothing in it needs reading."""
        said = f" {without_punctuation(text)} "
        if not self.goodbye or not any(
            f" {without_punctuation(word)} " in said for word in self.goodbye_words
        ):
            return False
        words = (*self.goodbye_words, *self.thanks_words, *GOODBYE_BESIDE)
        for word in sorted((without_punctuation(w) for w in words), key=len, reverse=True):
            while f" {word} " in said:
                said = said.replace(f" {word} ", " ")
        return not said.strip()

    def named_in(self, text: str) -> bool:
        """Whether the message names this language ("can u get somali person")."""
        return _says_one_of(text, (self.name, *self.also_called))


def _says_one_of(text: str, words: tuple[str, ...]) -> bool:
    said = f" {without_punctuation(text)} "
    return any(f" {without_punctuation(word)} " in said for word in words)


@dataclass(frozen=True)
class LanguagePhone:
    """What is said in English about other languages on the phone lines (languages.yml)."""

    # The emergency lines can get a free interpreter: {language} is the language's English name.
    phone_interpreter: str = ""
    # Told in English: "arabic interpreter for emergency number?" (round 18 r18a-14 t4).
    phone_language_words: tuple[str, ...] = ()
    phone_words: tuple[str, ...] = ()
    # Said in English beside a route given in another language, by category: the health advice
    # a resident who cannot ask again in English needs at once (a cold baby, r18a-14).
    with_route: dict[str, str] = field(default_factory=dict)

    def asks_about_the_phone(self, text: str) -> bool:
        return _says_one_of(text, self.phone_language_words) and _says_one_of(
            text, self.phone_words
        )


# English said beside a goodbye in another language: "ok multumesc, la revedere".
GOODBYE_BESIDE = (
    "ok", "okay", "oki", "thanks", "thank you", "thx", "bye", "bye bye", "and", "si", "i",
)  # fmt: skip


def without_punctuation(text: str) -> str:
    """Lower case, punctuation and symbols of any script (the Arabic comma too) made spaces;
    the marks inside a word (Arabic shadda, Indic vowel signs) kept."""
    kept = (" " if unicodedata.category(c)[0] in "PS" else c for c in text.lower())
    return " ".join("".join(kept).split())


@dataclass(frozen=True)
class Outcome:
    id: str
    text: str
    cues: tuple[str, ...]


@dataclass(frozen=True)
class ServiceArea:
    id: str
    cues: tuple[str, ...]


@dataclass(frozen=True)
class Answer:
    """An answer to a common question (answers.yml), its placeholders already filled in."""

    id: str
    topic: str
    # Groups of phrases: the question matches when every group has one of its phrases.
    match: tuple[tuple[str, ...], ...]
    text: str
    # The exclusion ground whose explanation says what this answer says: when the chat explains
    # that ground, this answer is not said too (round 9 r9b-10, r9c11).
    ground: str | None = None
    # Given when the words are told as well as asked ("I want to withdraw my report about next
    # door" wants the route as much as "how do I withdraw it?").
    told: bool = False
    # Words saying the matter is not this answer's ("its not a court thing"): a message holding
    # one does not get it (round 26 r26b-08 t11 got the court papers advice).
    not_match: tuple[str, ...] = ()


# Every kind of personal data the assistant stores, each with its period in retention.yml.
PERSONAL_FIELDS = (
    "conversation_events",
    "contact_words",
    "transcripts",
    "handoffs",
    "service_request_callers",
    "call_drafts",
    "outbox_keys",
    "complaint_details",
    "adjustments",
    "officer_notes",
)
# What the Ombudsman may ask to see: a resident can refer a complaint up to 12 months after the
# landlord's final response, so these are kept at least that long.
COMPLAINT_RECORD_FIELDS = ("complaint_details", "adjustments", "officer_notes")
OMBUDSMAN_REFERRAL_MONTHS = 12
LONGEST_RETENTION_MONTHS = 120


@dataclass(frozen=True)
class Retention:
    """How long each personal field is kept (retention.yml), apart from what open complaints
    need; every field in PERSONAL_FIELDS has a period in months."""

    keep_for: dict[str, Duration]


@dataclass(frozen=True)
class Policy:
    landlord: Landlord
    ombudsman: Ombudsman
    stages: dict[str, StageTimescale]
    time_limit: Duration
    # How soon the team contacts a resident to arrange a service request logged on a call.
    service_request_contact: Duration
    grounds: dict[str, ExclusionGround]
    intents: dict[str, IntentRule]
    doubt: Doubt
    parts: PartRules
    dissatisfaction_cues: tuple[str, ...]
    # Phrases that say the resident is not complaining ("I don't want to complain"): a
    # dissatisfaction cue inside one of them does not count.
    not_dissatisfaction_cues: tuple[str, ...]
    person_request_cues: tuple[str, ...]
    # The landlord's own staff and contractors: how they behaved is a complaint, never ASB.
    staff_cues: tuple[str, ...]
    stage_2: Stage2Rules
    needs: dict[str, AdjustmentNeed]
    relationships: dict[str, Relationship]
    safety: Safety
    hazards: dict[str, HazardKind]
    languages: dict[str, Language]
    outcomes: dict[str, Outcome]
    ongoing_cues: tuple[str, ...]
    finished_cues: tuple[str, ...]
    service_areas: dict[str, ServiceArea]
    sources: dict[str, str] = field(default_factory=dict, compare=False, repr=False)
    language_phone: LanguagePhone = field(default_factory=LanguagePhone)

    @property
    def urgency(self) -> dict[str, UrgencyCategory]:
        return self.safety.categories

    def urgent_route(
        self, category_id: str, language: str | None = None, someone_else: bool = False
    ) -> str:
        """The route to give at once, with the landlord's numbers filled in: in the resident's
        language (then in English too) when the landlord provides it; about the person at risk
        when the resident tells of `someone_else` and the category has words for that."""
        category = self.urgency[category_id]
        route = (someone_else and category.route_for_someone_else) or category.route
        english = route.format(**vars(self.landlord))
        translated = self.languages[language].routes.get(category_id) if language else None
        if translated is None:
            return english
        return f"{translated.format(**vars(self.landlord))}\n{english}"

    def without_covered(
        self, categories: Iterable[str], standing: Iterable[str] = ()
    ) -> tuple[str, ...]:
        """The categories less those whose route another of them says all of (`covers`), in
        this message or among the routes `standing` from earlier in the conversation, and less
        a route said once (`said_once`) that stands already: a flood told after the route for a
        ceiling holding water is not said again (round 23, left from r23a-03)."""
        found = tuple(categories)
        before = tuple(c for c in standing if c in self.urgency)
        covered = {
            c for category in (*found, *before) if category in self.urgency
            for c in self.urgency[category].covers
        }  # fmt: skip
        covered |= {c for c in before if self.urgency[c].said_once}
        return tuple(c for c in found if c not in covered)

    def made_safe_line(self, category_id: str) -> str | None:
        """What is said when the first step of a category's route is already taken, or None."""
        return self._filled(self.urgency[category_id].made_safe)

    def follow_up_answer(self, follow_up: RouteFollowUp) -> str:
        """The plain answer to a question about a route's steps, with the landlord's numbers."""
        return follow_up.answer.format(**vars(self.landlord))

    def _filled(self, text: str | None) -> str | None:
        """A category's optional text with the landlord's numbers filled in."""
        return text.format(**vars(self.landlord)) if text else None

    def route_wordings(self, category_id: str) -> tuple[str, ...]:
        """Every English wording of a category's route, to tell that it was given."""
        category = self.urgency[category_id]
        wordings = (category.route, category.route_for_someone_else)
        return tuple(w.format(**vars(self.landlord)) for w in wordings if w)

    def asks_about_language_on_the_phone(self, text: str) -> bool:
        """ "I can't phone, my English is weak", "is there Arabic on the emergency line?", in
        English or one of the landlord's languages (round 18 r18a-14)."""
        return self.language_phone.asks_about_the_phone(text) or any(
            language.asks_about_the_phone(text) for language in self.languages.values()
        )

    def false_alarm_line(self, category_id: str) -> str | None:
        """What is said when the resident takes the route back as a false alarm, or None."""
        return self._filled(self.urgency[category_id].false_alarm)

    def put_off_line(self, category_id: str) -> str | None:
        """What is said again when the resident puts this danger off, or None."""
        return self._filled(self.urgency[category_id].put_off)

    def line_unanswered_line(self) -> str:
        """The help open when a line we gave did not answer."""
        return self.safety.line_unanswered.format(**vars(self.landlord))

    def after_route(self, category_id: str) -> str:
        """What happens now and the help open day and night, after a category's route."""
        text = self.urgency[category_id].after_route or self.safety.after_route
        return text.format(**vars(self.landlord))

    def in_use_line(self, category_id: str) -> str | None:
        """The plain answer to "can I still use it?" after a category's route, or None."""
        return self._filled(self.urgency[category_id].in_use)

    def cannot_phone_line(self) -> str:
        """The ways to reach help that are not a voice call, with the landlord's numbers."""
        return self.safety.cannot_phone.format(**vars(self.landlord))

    def contact_line(self, details_held: bool) -> str:
        """Said after `after_route`: a promise to contact the resident only when the
        conversation holds their phone number or email, else how to give one or reach us."""
        text = self.safety.will_contact if details_held else self.safety.no_contact_details
        return text.format(**vars(self.landlord))
