"""Rule matches compiled from policy_rules: urgency, adjustments, representatives, exclusion cues,
outcomes sought, references, and how long ago a problem started (with whether it is still going on).

Pure spaCy: used inside the Rasa pipeline by `bot.nlp.components` and directly by tests.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Collection, Iterable
from datetime import date
from typing import Any

from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc
from spacy.vocab import Vocab

from bot.nlp.language import LanguageIdentifier
from bot.nlp.matches import (
    ALARM_CHIRP,
    ASKED_URGENCY,
    DEVICE_NAME,
    NEGATED_URGENCY,
    NO_LOSS_PHRASE,
    REFERENCE,
    SAYING,
    VULNERABLE,
    RuleMatches,
    only_latin_letters,
    reference_in,
)
from bot.policy import Policy
from bot.policy.ids import INTERPRETER

NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "eighteen": 18, "several": 3, "few": 2, "couple": 2,
}  # fmt: skip
DAYS_PER_MONTH = 365.25 / 12
MONTHS_PER_UNIT = {"year": 12, "yr": 12, "month": 1, "week": 12 / 52, "day": 1 / 30}
# How many months ago "last week", "last night" or "this month" was.
RECENT_MONTHS = {"night": 0.0, "morning": 0.0, "weekend": 0.25, "week": 0.25, "month": 1.0}
MONTH_NAMES = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
]

# A day of the month, as a number with or without its ending: "10", "3rd".
DAY = r"^([1-9]|[12]\d|3[01])(st|nd|rd|th)?$"
# Token patterns for "how long ago": "3 years ago", "for two years", "since 2021", "in 2019",
# "last year", "over a year". Patterns are data, validated by spaCy on load.
TIME_PATTERNS: list[dict[str, Any]] = [
    {"id": "amount_unit", "pattern": [
        {"LOWER": {"IN": ["over", "more", "nearly", "almost", "about", "for", "past", "last"]},
         "OP": "?"},
        {"LOWER": "than", "OP": "?"},
        {"LIKE_NUM": True},
        {"LEMMA": {"IN": ["year", "yr", "month", "week", "day"]}},
    ]},
    {"id": "amount_unit", "pattern": [
        {"LOWER": {"IN": ["a", "an", "several", "few", "couple"]}},
        {"LOWER": "of", "OP": "?"},
        {"LEMMA": {"IN": ["year", "month", "week"]}},
    ]},
    {"id": "year", "pattern": [
        {"LOWER": {"IN": ["since", "in", "from", "back", "during", "early", "late", "of"]}},
        {"LOWER": "in", "OP": "?"},
        {"TEXT": {"REGEX": r"^(19|20)\d\d$"}},
    ]},
    {"id": "last_year", "pattern": [{"LOWER": "last"}, {"LOWER": "year"}]},
    # A recent time: "flooded last week, its dry now" is no matter of 12 months ago (round 19
    # r19a-12 was told it may be out of time).
    {"id": "recent", "pattern": [
        {"LOWER": {"IN": ["last", "this"]}},
        {"LOWER": {"IN": list(RECENT_MONTHS)}},
    ]},
    {"id": "recent", "pattern": [{"LOWER": {"IN": ["yesterday", "tonight", "today"]}}]},
    {"id": "month_name", "pattern": [
        {"LOWER": {"IN": ["since", "in", "from", "last"]}},
        {"LOWER": {"IN": MONTH_NAMES}},
    ]},
    # A date: "on 10 November", "the 3rd of March", "November 10th" (round 8 r8b-29).
    {"id": "date", "pattern": [
        {"TEXT": {"REGEX": DAY}}, {"LOWER": "of", "OP": "?"}, {"LOWER": {"IN": MONTH_NAMES}},
    ]},
    {"id": "date", "pattern": [{"LOWER": {"IN": MONTH_NAMES}}, {"TEXT": {"REGEX": DAY}}]},
]  # fmt: skip

# Words that make a time reach up to now: "since 2018", "for two years", "for the past year".
UP_TO_NOW = {"since", "for", "past"}
# Words that start a new clause: "since" before one of them opens another clause.
CLAUSE_JOINS = {"and", "but", "or", "so", "because", "then"}
# A danger word straight after one of these ("no smell of gas", "there is NO gas smell", "I'm not
# suicidal", "no sign of a fire", "no one is at risk of self harm") is said not to be there. Only
# these few words may come between: "it won't stop sparking" and "no, there's smoke" are still
# dangers, and so is a danger told with its subject after an answer ("no he hit me again", "no
# shes collapsed"). An intention may come between too: "im not going to hurt myself, im just
# annoyed" and "i not want harm myself" deny the danger (round 10 r10a-11, r10c-20); a subject
# or a comma still stops the reading ("i dont know, i want to hurt myself" is a danger). Grammar,
# not policy.
NEGATIONS = {"no", "not", "nt", "n't", "never", "nobody", "nothing"}
# What a thing has stopped doing when its stopping is the fault ("it's stopped working").
STOPPED_WHAT = {"working", "work", "workin", "heating", "firing", "running", "flushing", "draining"}
BETWEEN_NEGATION_AND_DANGER = {
    "a", "an", "any", "the", "sign", "signs", "of", "more", "real", "one", "is", "are", "at",
    "risk", "going", "gonna", "gon", "na", "to", "want", "wanna", "ever", "about", "planning",
    "thinking",
}  # fmt: skip
# How many words after a danger told in another language a negation of that language may come
# and still deny it ("gas er gondho ashche na").
NEGATION_AFTER_WITHIN = 3
# How many words after a `still_cues` word what a danger left behind may come for the word to be
# about that ("the ceiling still has a brown stain"), not about the danger.
LEFTOVER_WITHIN = 4
# The cue group of a lost supply (heating, water, power), which words that cut a supply off start.
LOSS = "loss"
# "nothing to do with", "not to do with": what follows is denied.
TO_DO_WITH = ("to", "do", "with")
# Two words before a cue group's word that say it is away from the danger: "not near any lights"
# is no sign of water in the electrics (round 9 r9c25).
AWAY_FROM = {
    ("not", "near"), ("nowhere", "near"), ("anywhere", "near"), ("away", "from"), ("far", "from"),
}  # fmt: skip
# A resident asking why the assistant keeps speaking of a danger ("why are you sending me domestic
# abuse stuff??", "why do you keep telling me about suicide?") names the assistant's words back:
# the danger words straight after are ours, not a disclosure, and the protest says the route does
# not apply (round 15 r15a-04 and r15b-17 got the route again for it). Only what the assistant is
# doing now: "why didnt you send anyone, i cant breathe" and "why did you not tell me about the
# gas leak" name none. "why are u asking if anyone is in danger??" names our safety question back
# (round 23 r23b-04 t2 got the 999 line for it). Grammar, not policy.
NAMED_BACK = re.compile(
    r"\bwhy\s+(?:are|r|do|does|d|you)\s+(?:you\s+|u\s+|ya\s+)?(?:keep\s+|keeps\s+|still\s+|"
    r"always\s+)?(?:sending|send|telling|tell|giving|give|saying|say|mentioning|mention|"
    r"bringing up|bring up|going on|go on|talking|talk|asking|ask)\b"
    r"(?:\s+(?:me|us|about|on|up|the|this|that|these|those|all|a|an|any|more|with|of|if|"
    r"whether))*\s+",
    re.IGNORECASE,
)

SUBJECTS = {
    "i", "im", "i'm", "he", "hes", "he's", "she", "shes", "she's", "we", "they", "my", "our",
    "his", "her", "their", "someone", "somebody", "there", "theres", "it", "its", "mum", "dad",
    "nan",
}  # fmt: skip


class RuleMatcher:
    """Compiles the policy's cue lists into spaCy matchers over one vocabulary."""

    def __init__(self, policy: Policy, vocab: Vocab, today: date | None = None) -> None:
        self._today = today
        self._phrases = PhraseMatcher(vocab, attr="LOWER")
        self._kinds: dict[str, tuple[str, str]] = {}
        safety = policy.safety
        groups: list[tuple[str, str, Iterable[str]]] = [
            ("urgency", c.id, c.cues) for c in safety.categories.values()
        ]
        groups += [("urgency_except", c.id, c.except_cues) for c in safety.categories.values()]
        groups += [(ASKED_URGENCY, c.id, c.ask_cues) for c in safety.categories.values()]
        groups += [("cue_group", name, cues) for name, cues in safety.cue_groups.items()]
        # An alarm's chirp is evidence against a guess at fire or gas (bot.triage.decide).
        groups += [("cue_group", ALARM_CHIRP, safety.alarm_chirp_cues)]
        groups += [(DEVICE_NAME, DEVICE_NAME, safety.device_names)]
        groups += [(NO_LOSS_PHRASE, NO_LOSS_PHRASE, safety.no_loss_phrases)]
        groups += [
            ("danger_over", "over", safety.over_cues),
            ("danger_still", "still", safety.still_cues),
            ("danger_still_time", "still", safety.still_times),
            ("danger_taken_back", "taken_back", safety.taken_back_cues),
            ("reassured", "reassured", safety.reassured_cues),
            ("grief", "grief", safety.grief_cues),
            (SAYING, SAYING, safety.sayings),
            ("danger_cut_off", "cut_off", safety.cut_off_cues),
            ("danger_leftover", "leftover", safety.leftover_cues),
        ]
        groups += [
            ("language_urgency", f"{language.id}:{category}", cues)
            for language in policy.languages.values()
            for category, cues in language.cues.items()
        ]
        groups += [
            ("language_group", f"{language.id}:{group}", cues)
            for language in policy.languages.values()
            for group, cues in language.cue_groups.items()
        ]
        groups += [("adjustment", n.id, n.cues) for n in policy.needs.values()]
        groups += [("relationship", r.id, r.cues) for r in policy.relationships.values()]
        groups += [("exclusion_cue", g.id, g.cues) for g in policy.grounds.values()]
        groups += [("outcome", o.id, o.cues) for o in policy.outcomes.values()]
        groups += [("dissatisfaction_cue", "dissatisfaction", policy.dissatisfaction_cues)]
        groups += [("not_dissatisfaction", "not", policy.not_dissatisfaction_cues)]
        groups += [("person_request", "person", policy.person_request_cues)]
        groups += [("staff_cue", "staff", policy.staff_cues)]
        groups += [("request_cue", "request", policy.parts.request_cues)]
        groups += [("fault_cue", "fault", policy.parts.fault_cues)]
        groups += [("conduct_cue", "conduct", policy.parts.conduct_cues)]
        groups += [("part_cue", g.id, g.part_cues) for g in policy.grounds.values()]
        groups += [("service_area", a.id, a.cues) for a in policy.service_areas.values() if a.cues]
        self._area_order = list(policy.service_areas)
        groups += [("ongoing", "ongoing", policy.ongoing_cues)]
        groups += [("finished", "finished", policy.finished_cues)]
        self._categories = safety.categories
        self._vulnerable_from_age = safety.vulnerable_from_age
        self._vulnerable_under_age = safety.vulnerable_under_age
        self._age_cue_groups = safety.age_cue_groups
        self._health_needs = {n.id for n in policy.needs.values() if n.special_category}
        self._negations_after = {
            language.id: set(language.negations_after) for language in policy.languages.values()
        }
        self._goodbyes = [language for language in policy.languages.values() if language.goodbye]
        self._languages = LanguageIdentifier(
            list(policy.languages),
            {language.id: language.romanised_words for language in policy.languages.values()},
        )
        self._vocab = vocab
        self._make_doc = _make_doc_for(vocab)
        for kind, rule_id, cues in groups:
            key = f"{kind}:{rule_id}"
            self._kinds[key] = (kind, rule_id)
            if cues:
                self._phrases.add(key, [self._make_doc(cue) for cue in cues])
        self._time = Matcher(vocab, validate=True)
        for record in TIME_PATTERNS:
            self._time.add(record["id"], [record["pattern"]])

    def _negated_after(self, language_and_category: str, doc: Doc, end: int) -> bool:
        """Whether one of the language's negations follows its danger words within a verb or
        two ("gas er gondho ashche na": no gas smell)."""
        negations = self._negations_after.get(language_and_category.split(":", 1)[0], set())
        return any(token.lower_ in negations for token in doc[end : end + NEGATION_AFTER_WITHIN])

    @classmethod
    def blank(cls, policy: Policy) -> RuleMatcher:
        """A matcher on its own blank English vocabulary, for texts outside the pipeline."""
        from spacy.lang.en import English

        return cls(policy, English().vocab)

    def make_doc(self, text: str) -> Doc:
        return self._make_doc(text)

    def match(self, doc: Doc) -> RuleMatches:
        found: dict[str, list[str]] = {}
        spans: list[tuple[str, str, int, int]] = []
        phrases = [(self._kinds[self._vocab.strings[m]], s, e) for m, s, e in self._phrases(doc)]
        # A cue inside a phrase that says otherwise is no cue: "I don't want to complain" is not
        # unhappy, the neighbour in "writing for my neighbour" is the person helped, not ASB, and
        # the staff in "a complaint about a member of staff" is no request for a person, and the
        # health in "no health issues" tells of no need and nobody at risk.
        # The smoke in "smoke alarm" is no smoke: a chirping wired smoke alarm got the electrical
        # danger's route (round 20 r20a-06).
        inside = {
            "dissatisfaction_cue": ("not_dissatisfaction",),
            "exclusion_cue": ("relationship",),
            "person_request": ("staff_cue",),
            # "do i really need to turn the electric off??" tells of no loss (round 20 r20a-06).
            "cue_group": ("reassured", DEVICE_NAME, NO_LOSS_PHRASE, SAYING),
            # "the price of gas is killing us", "my phone is dying": a saying holds no danger's
            # words (round 25 r25a-04 t7, t13; r25a-06 t8).
            "urgency": (SAYING,),
            # "alarme de fumo" holds the Portuguese word for smoke (round 19 r19a-11 t2).
            "language_urgency": (DEVICE_NAME,),
            "adjustment": ("reassured",),
        }
        phrases += [
            (("relationship", HELPED_NEIGHBOUR), start, end)
            for (kind, rule_id), start, end in phrases
            if kind == "exclusion_cue" and _neighbour_helped(doc, start, end)
        ]
        not_a_complaint = any(kind == "not_dissatisfaction" for (kind, _), _, _ in phrases)
        named_back = {found_at.end() for found_at in NAMED_BACK.finditer(doc.text)}
        leftovers = [start for (kind, _), start, _ in phrases if kind == "danger_leftover"]
        # Where the danger words, cue groups and over or still words were found (token starts).
        placed: list[tuple[str, str, int]] = []
        for (kind, rule_id), start, end in phrases:
            if kind == "danger_still" and any(end <= s <= end + LEFTOVER_WITHIN for s in leftovers):
                # "the wall is still black": the damage is left, not the danger.
                continue
            if kind == "danger_over" and _a_phones_battery(doc, start, end):
                # "07700 900123 but dont ring for an hour my battery is low": the phone's battery,
                # not an alarm's; the gas route stood, yet the contact promised was days away
                # (round 22 r22a-01 t6-t7).
                continue
            if kind == "danger_over" and _put_back_on(doc, start):
                # "can i flick it back on now" asks to put the power back, not that a loss is
                # over: the electrical route was taken back and the question unanswered (round
                # 23 r23a-01 t6-t7).
                continue
            if kind == "danger_cut_off" and _a_message_cut_off(doc, start):
                # "the address is cut off, its Flat 2 ... also the bathroom light just made a
                # popping noise and i can smell burning": a message or an address cut short, not
                # a supply cut off, so the burning smell was read as over and got only the
                # safety question (round 26 r26a-06 t12).
                continue
            if kind == "danger_over" and end < len(doc) and doc[end].lower_ in STOPPED_WHAT:
                # "the boiler has stopped working" is a loss that has begun, not a danger over
                # (round 16 r16a-03: an 85-year-old with no heating got only the safety question).
                continue
            if kind == "not_dissatisfaction" or any(
                other in inside.get(kind, ())
                and s <= start
                and end <= e
                # A device's own name is its cue: "smoke detector" is the smoke alarm group.
                and (other != DEVICE_NAME or (s, e) != (start, end))
                for (other, _), s, e in phrases
            ):
                continue
            if kind in ("cue_group", "language_group") and (
                _said_to_be_away(doc, start) or _negated(doc, start)
            ):
                # "No one is in danger. It was a threat of eviction" holds no fear (round 14
                # r14a-06 got 999 and 101 twice).
                continue
            if kind == "urgency" and _negated(doc, start):
                kind = NEGATED_URGENCY
            if kind in ("urgency", NEGATED_URGENCY) and doc[start].idx in named_back:
                # Our own route's words, named back in a protest: no cue, and no danger.
                kind = "urgency_except"
                found.setdefault("danger_taken_back", []).append(rule_id)
            if kind == "language_urgency" and self._negated_after(rule_id, doc, end):
                kind, rule_id = NEGATED_URGENCY, rule_id.split(":", 1)[1]
            found.setdefault(kind, []).append(rule_id)
            if kind in ("urgency", "cue_group", "danger_over", "danger_still", "danger_still_time"):
                placed.append((kind, rule_id, start))
            span = doc[start:end]
            if kind not in (
                "ongoing", "finished", "cue_group", "language_group", "danger_over",
                "danger_still", "danger_still_time", "danger_taken_back", "danger_cut_off",
                "danger_leftover", "reassured", "grief", SAYING,
            ):  # fmt: skip
                spans.append((kind, rule_id, span.start_char, span.end_char))
        old_enough = self._vulnerable_from_age is not None and any(
            age >= self._vulnerable_from_age for age in ages_told(doc.text)
        )
        young_enough = self._vulnerable_under_age is not None and any(
            age < self._vulnerable_under_age for age in young_ages_told(doc.text)
        )
        if old_enough or young_enough:
            found.setdefault("cue_group", []).extend(self._age_cue_groups)
        written_in = self._languages.other_language(doc.text)
        # "ok multumesc, la revedere" says only goodbye: nothing is left unread in it, and it is
        # answered in its language (round 17 r17a-15 t7 got the emergency text).
        goodbye_in = next((g.id for g in self._goodbyes if g.only_says_goodbye(doc.text)), None)
        if goodbye_in is not None:
            written_in = None
        urgency, language = self._dangers(found, spans, doc.text, written_in)
        # A danger told in a sentence that says it is over ("Back in August a pipe burst", "Two
        # nights ago it caught fire and the fire brigade put it out") is no live danger, though
        # another sentence says something is still wrong ("Half the flat still has no power"):
        # round 23 r23a-04 t2, t13 got the fire route, r23b-07 t1 the flood route and a 24-hour
        # make-safe for a burst pipe fixed in August.
        over_clauses = self._over_clauses(doc, placed)
        told_over: list[str] = []
        if over_clauses:
            clause_of = _clauses(doc)
            live_spans = [
                s for s in spans
                if s[0] != "urgency" or clause_of[_token_at(doc, s[2])] not in over_clauses
            ]  # fmt: skip
            live_found = dict(found)
            live_found["cue_group"] = [
                rule_id
                for kind, rule_id, start in placed
                if kind == "cue_group"
                and (clause_of[start] not in over_clauses or rule_id in WHO_GROUPS)
            ] + [g for g in found.get("cue_group", []) if g in self._age_cue_groups]
            live, _ = self._dangers(live_found, live_spans, doc.text, written_in)
            told_over = [c for c in urgency if c not in live]
            if told_over:
                urgency = live
                spans = [s for s in spans if s[0] != "urgency" or s[1] in live]
        # A danger told in a sentence of its own that says it is now ("Back in March the boiler
        # was fixed. Tonight i can smell gas") is a danger now, when every word saying something
        # is over is dated long gone. "all fine now" says the danger told is over (round 22
        # r22a-08 t5: "tonight there was a burning smell ... just toast ... all fine now").
        clause_of = _clauses(doc)
        dated = {clause_of[start] for start in self._times_gone(doc)}
        over_said = {clause_of[start] for kind, _, start in placed if kind == "danger_over"}
        now = self._now_clauses(doc, placed) - over_clauses
        told_now = (
            bool(over_clauses)
            and over_said <= dated
            and any(s[0] == "urgency" and clause_of[_token_at(doc, s[2])] in now for s in spans)
        )
        if written_in is not None and self._languages.mixed_with_english(doc.text):
            # "mera boiler kharab hai 3 din se, please fix": read in English, as the repair it
            # is, with the language need noted (a danger's route keeps its language above).
            written_in = None
            found.setdefault("adjustment", []).append(INTERPRETER)
            # Said by the whole message, not in words of its own: no clause of it is kept as
            # what would help.
            spans.append(("adjustment", INTERPRETER, len(doc.text), len(doc.text)))
        excepted = _unique(s[1] for s in spans if s[0] == "urgency_except")
        months_ago, up_to_now = self._months_ago(doc)
        # "capped off" ends a gas danger and starts a loss of heating: over, unless a loss is told.
        cut_off = bool(found.get("danger_cut_off")) and LOSS not in _evidence(
            found, self._health_needs
        )
        if found.get("danger_still_time") and not found.get("danger_over"):
            found.setdefault("danger_still", []).append("still")
        past_danger = (
            (bool(found.get("danger_over")) or cut_off)
            and not found.get("danger_still")
            and not told_now
        ) or (bool(told_over) and not urgency)
        if past_danger:
            urgency = []
        spans = [
            s
            for s in spans
            if s[0] not in ("urgency", "urgency_except", "language_urgency")
            or (s[0] == "urgency" and s[1] in urgency)
        ]
        if past_danger:
            spans = [s for s in spans if s[0] != ASKED_URGENCY]
        for match in REFERENCE.finditer(doc.text):
            spans.append(("reference", reference_in(match), match.start(), match.end()))
        return RuleMatches(
            urgency=_unique(urgency),
            danger_language=language if urgency else None,
            language=written_in,
            goodbye_language=goodbye_in,
            past_danger=past_danger,
            over_urgency=_unique(told_over),
            danger_still=bool(found.get("danger_still")),
            danger_taken_back=bool(found.get("danger_taken_back")),
            reassured=bool(found.get("reassured")),
            grief=bool(found.get("grief")),
            saying=bool(found.get(SAYING)),
            negated_urgency=_unique(c for c in found.get(NEGATED_URGENCY, []) if c not in urgency),
            excepted_urgency=excepted,
            asked_urgency=_unique(
                s[1] for s in spans if s[0] == ASKED_URGENCY and s[1] not in urgency
            ),
            cue_groups=tuple(sorted(_evidence(found, self._health_needs))),
            adjustments=_unique(found.get("adjustment", [])),
            relationships=_unique(found.get("relationship", [])),
            exclusion_cues=_unique(found.get("exclusion_cue", [])),
            outcomes=_unique(found.get("outcome", [])),
            dissatisfaction_cues=_unique(found.get("dissatisfaction_cue", [])),
            person_request=bool(found.get("person_request")),
            landlord_staff=bool(found.get("staff_cue")),
            not_a_complaint=not_a_complaint,
            references=_unique(s[1] for s in spans if s[0] == "reference"),
            service_areas=tuple(
                sorted(set(found.get("service_area", [])), key=self._area_order.index)
            ),
            months_ago=months_ago,
            # "Since 2018" or "for two years" reaches up to now: still going on unless the
            # message says it ended; a "still" cue says it goes on whatever else is said.
            ongoing=bool(found.get("ongoing")) or (up_to_now and not found.get("finished")),
            spans=tuple(spans),
        )

    def _over_clauses(self, doc: Doc, placed: list[tuple[str, str, int]]) -> set[int]:
        """The clauses that tell of a danger as over: with a word saying so ("was fixed", "put it
        out") or a time gone by ("back in August", "in October", "last year"), and no word saying
        it goes on ("still", "again")."""
        clause_of = _clauses(doc)
        over = {clause_of[start] for kind, _, start in placed if kind == "danger_over"}
        over |= {clause_of[start] for start in self._times_gone(doc)}
        return over - self._now_clauses(doc, placed)

    @staticmethod
    def _now_clauses(doc: Doc, placed: list[tuple[str, str, int]]) -> set[int]:
        """The clauses with a word that says a danger is now ("still", "tonight")."""
        clause_of = _clauses(doc)
        return {
            clause_of[start]
            for kind, _, start in placed
            if kind in ("danger_still", "danger_still_time")
        }

    def _times_gone(self, doc: Doc) -> list[int]:
        """Where the message names a time a month or more gone by that does not reach up to
        now: "back in August", "in October" (in December), "on 3 March", "last year", "in 2024",
        "two years ago". Not "since October" or "for two years"."""
        today = self._today or date.today()
        gone = []
        for match_id, start, end in self._time(doc):
            kind = self._vocab.strings[match_id]
            tokens = list(doc[start:end])
            before = doc[start - 1].lower_ if start > 0 else ""
            after = doc[end].lower_ if end < len(doc) else ""
            if {tokens[0].lower_, before} & (UP_TO_NOW | {"from"}) or _since(doc, start):
                continue
            if kind == "month_name" or (kind == "date" and after != "ago"):
                named = (t.lower_ for t in tokens if t.lower_ in MONTH_NAMES)
                month = MONTH_NAMES.index(next(named)) + 1
                if month != today.month:
                    gone.append(start)
            elif kind in ("year", "last_year"):
                gone.append(start)
            elif kind == "amount_unit" and after == "ago":
                unit = tokens[-1].lemma_.lower()
                if MONTHS_PER_UNIT.get(unit, 0) >= 1:
                    gone.append(start)
        # "back in the summer", "back in August": a time, not "went back in the flat".
        gone += [
            t.i
            for t in doc[:-2]
            if t.lower_ == "back"
            and doc[t.i + 1].lower_ == "in"
            and (
                doc[t.i + 2].lower_ in MONTH_NAMES or doc[t.i + 2].lower_ in SEASONS
                or re.fullmatch(r"(19|20)\d\d", doc[t.i + 2].text) is not None
                or (doc[t.i + 2].lower_ == "the" and t.i + 3 < len(doc)
                    and doc[t.i + 3].lower_ in SEASONS)
            )
        ]  # fmt: skip
        return gone

    def _dangers(
        self,
        found: dict[str, list[str]],
        spans: list[tuple[str, str, int, int]],
        text: str,
        written_in: str | None,
    ) -> tuple[list[str], str | None]:
        """Categories found by a cue (not inside one of the category's exceptions), by a
        combination of cue groups, or by danger words in another language (and which)."""
        exceptions = [(s[2], s[3]) for s in spans if s[0] == "urgency_except"]
        excepted_by = {s[1] for s in spans if s[0] == "urgency_except"}
        urgency = [
            s[1]
            for s in spans
            if s[0] == "urgency"
            and not (
                s[1] in excepted_by
                and any(start <= s[2] and s[3] <= end for start, end in exceptions)
            )
        ]
        groups = _evidence(found, self._health_needs)
        urgency += [
            category.id
            for category in self._categories.values()
            if any(groups.issuperset(combination) for combination in category.combinations)
        ]
        urgency += [entry.split(":", 1)[1] for entry in found.get("language_urgency", [])]
        return list(dict.fromkeys(urgency)), self._danger_language(found, spans, text, written_in)

    def _danger_language(
        self,
        found: dict[str, list[str]],
        spans: list[tuple[str, str, int, int]],
        text: str,
        written_in: str | None,
    ) -> str | None:
        """The language a danger was told in, for its route: the message's own language when
        its danger words are of it (Urdu's "گیس" is Punjabi's too, round 15 r15c-11), else the
        language with most danger words. Words in English letters name no language in a
        message that reads as English ("ur gas" is Somali for a smell of gas, and "your gas" in
        round 15 r15c-16's English sentence)."""
        words = Counter(entry.split(":", 1)[0] for entry in found.get("language_urgency", []))
        if written_in in words:
            return written_in
        in_other_letters = {
            s[1].split(":", 1)[0]
            for s in spans
            if s[0] == "language_urgency" and not only_latin_letters(text[s[2] : s[3]])
        }
        if set(words) - in_other_letters and self._languages.reads_as_english(text):
            words = Counter({lid: n for lid, n in words.items() if lid in in_other_letters})
        # A language whose words filled two cue groups told the danger ("boiler kharab", "ammi
        # bimaar"); one word of it in English ("my ammi is 80") does not make the reply Urdu.
        told_in = Counter(entry.split(":", 1)[0] for entry in set(found.get("language_group", [])))
        words.update(language_id for language_id, count in told_in.items() if count >= 2)
        if not words:
            return None
        # Words shared by languages ("gaz") count for each; the language with most words wins,
        # and the rest of the message tells apart languages with as many.
        most = max(words.values())
        tied = [language_id for language_id, count in words.items() if count == most]
        return tied[0] if len(tied) == 1 else self._languages.likeliest(text, tied) or tied[0]

    def _months_ago(self, doc: Doc) -> tuple[float | None, bool]:
        """The longest time ago the message mentions, in months (None if it mentions none), and
        whether any time mentioned reaches up to now ("since 2018", "for the past two years",
        not "two years ago")."""
        today = self._today or date.today()
        longest: float | None = None
        up_to_now = False
        for match_id, start, end in self._time(doc):
            kind = self._vocab.strings[match_id]
            tokens = [t for t in doc[start:end]]
            if _on_a_list(doc, start):
                # "he is on council list 2 year. And the toilet is broken 2 weeks" (round 16
                # r16b-10): how long someone has waited for a home is not how old the problem is.
                continue
            before = doc[start - 1].lower_ if start > 0 else ""
            after = doc[end].lower_ if end < len(doc) else ""
            if not _a_term(doc, start) and (
                (after != "ago" and UP_TO_NOW & {tokens[0].lower_, before})
                # "ever since we moved in 4 yrs ago" reaches up to now as "since 2021" does
                # (round 25 r25b-02 t1 was asked whether it was over).
                or _since(doc, start)
            ):
                up_to_now = True
            months: float | None = None
            if kind == "amount_unit":
                amount = next(
                    (_number(t.lower_) for t in tokens if _number(t.lower_) is not None), None
                )
                unit = tokens[-1].lemma_.lower()
                if amount is not None and unit in MONTHS_PER_UNIT:
                    months = amount * MONTHS_PER_UNIT[unit]
            elif kind == "year":
                year = int(tokens[-1].text)
                if year <= today.year:
                    # A bare year is taken from its middle: "in 2024" is about 24 months ago
                    # in late 2026, and "since 2026" is no time at all before July.
                    months = (today.year - year) * 12 + max(today.month - 6, 0)
            elif kind == "last_year":
                months = 12.0
            elif kind == "recent":
                months = RECENT_MONTHS.get(tokens[-1].lower_, 0.0)
            elif kind == "month_name":
                month = MONTH_NAMES.index(tokens[-1].lower_) + 1
                months = float((today.month - month) % 12)
            elif kind == "date":
                months = _months_since_date(tokens, after, today)
            if months is not None and (longest is None or months > longest):
                longest = months
        return longest, up_to_now


def _months_since_date(tokens: list[Any], after: str, today: date) -> float | None:
    """Months since a day and month, in the year written after it or else the last one that
    has passed: on 5 December, "on 10 November" is weeks ago, not a year."""
    month = next(MONTH_NAMES.index(t.lower_) + 1 for t in tokens if t.lower_ in MONTH_NAMES)
    day = next(int(found.group(1)) for t in tokens if (found := re.match(DAY, t.text)))
    year = int(after) if re.fullmatch(r"(19|20)\d\d", after) else today.year
    try:
        when = date(year, month, day)
        if when > today and not after.isdigit():
            when = date(year - 1, month, day)
    except ValueError:  # 30 February
        return None
    return max((today - when).days, 0) / DAYS_PER_MONTH


def _on_a_list(doc: Doc, start: int) -> bool:
    """Whether a time says how long someone has been on a list or register for a home ("on the
    housing register for 3 years", "been bidding 2 years"), in the same clause."""
    for token in reversed(doc[max(start - LIST_REACH, 0) : start]):
        if token.is_punct or token.lower_ in CLAUSE_JOINS:
            return False
        if token.lower_ in LIST_WORDS:
            return True
    return False


# Words for waiting for a home, and how many words before the time they may come.
LIST_WORDS = {"list", "register", "bidding"}
LIST_REACH = 6


def _a_term(doc: Doc, start: int) -> bool:
    """Whether a time is a term someone serves or was given, not one reaching up to now: "he is
    in prison now for 6 years" (round 15 r15c-13 read a 2023 attack back as still happening)."""
    return any(token.lower_ in TERM_WORDS for token in doc[max(start - TERM_REACH, 0) : start])


# Words for a term served or given, and how many words before the time they may come.
TERM_WORDS = {"prison", "jail", "jailed", "gaol", "sentence", "sentenced", "custody", "locked"}
TERM_REACH = 5


# Words beside a battery that make it the writer's phone's: "my battery is low", "phone battery
# low", "low battery on my mobile", "my phone's on low battery".
PHONE_WORDS = {
    "phone",
    "phones",
    "phone's",
    "mobile",
    "mob",
    "mobiles",
    "charger",
    "charge",
    "credit",
}
PHONE_WITHIN = 3


def _a_phones_battery(doc: Doc, start: int, end: int) -> bool:
    """Whether a battery cue is about the writer's phone, not an alarm's battery: "my" just
    before it, or a phone named a few words either side, with no alarm named there."""
    if not any("batter" in token.lower_ for token in doc[start:end]):
        return False
    near = [t.lower_ for t in doc[max(0, start - PHONE_WITHIN) : end + PHONE_WITHIN]]
    if any(word.startswith(("alarm", "detector", "smoke")) or word == "co" for word in near):
        return False
    return (start > 0 and doc[start - 1].lower_ == "my") or bool(PHONE_WORDS.intersection(near))


# What is cut off that is no supply: words of a message, a call or the chat, a few words before
# "cut off" ("the address is cut off", "my message got cut off", "the call cut off").
MESSAGE_WORDS = {
    "address", "addresses", "message", "messages", "msg", "text", "texts", "call", "calls",
    "line", "chat", "screen", "page", "postcode", "sentence", "reply", "replies", "email",
    "emails", "form", "name", "words", "writing", "signal", "connection", "recording",
}  # fmt: skip
MESSAGE_CUT_WITHIN = 3


def _a_message_cut_off(doc: Doc, start: int) -> bool:
    """Whether a "cut off" cue says a message, an address or a call was cut short, with one of
    their words a few words before it and no supply (gas, electric, water, power) named there."""
    if doc[start].lower_ != "cut":
        return False
    before = [t.lower_ for t in doc[max(0, start - MESSAGE_CUT_WITHIN) : start]]
    if any(word.startswith(SUPPLY_WORDS) for word in before):
        return False
    return bool(MESSAGE_WORDS.intersection(before))


SUPPLY_WORDS = ("gas", "electric", "water", "power", "supply", "meter", "heating", "boiler")


# Verbs that put something back on by hand ("can i flick it back on now"), a few words before.
PUT_BACK = {
    "put", "turn", "turned", "switch", "switched", "flick", "flicked", "flip", "flipped", "pop",
    "popped", "click", "clicked",
}  # fmt: skip
PUT_BACK_WITHIN = 3


def _put_back_on(doc: Doc, start: int) -> bool:
    """Whether a "back on" cue is something put back on by hand ("switch it back on now"), not
    a supply that came back ("the water's back on now")."""
    if doc[start].lower_ != "back":
        return False
    return any(t.lower_ in PUT_BACK for t in doc[max(0, start - PUT_BACK_WITHIN) : start])


def _since(doc: Doc, start: int) -> bool:
    """Whether "since" opens the clause a time sits in: "since we moved in back in 2019" and
    "since the winter of 2015" reach up to now as "since 2019" does. The clause ends at
    punctuation or a joining word ("and", "but"), where "since" no longer governs the time."""
    for token in reversed(doc[:start]):
        if token.is_punct or token.lower_ in CLAUSE_JOINS:
            return False
        if token.lower_ == "since":
            return True
    return False


def _make_doc_for(vocab: Vocab) -> Any:
    from spacy.lang.en import English

    return English(vocab=vocab).make_doc


def _evidence(found: dict[str, list[str]], health_needs: Collection[str]) -> set[str]:
    """The cue groups found. A disclosed health need or disability makes a loss of heating,
    water or a lift an emergency too, so it counts as a vulnerable person; a language or a way
    of contact does not ("phone call, in portuguese if you can" made two weeks without heating
    an emergency, round 15 r15c-06)."""
    groups = set(found.get("cue_group", []))
    groups |= {entry.split(":", 1)[1] for entry in found.get("language_group", [])}
    if any(need in health_needs for need in found.get("adjustment", [])):
        groups.add(VULNERABLE)
    return groups


def _negated(doc: Doc, start: int) -> bool:
    """Whether a negation comes straight before the token at `start` ("no smell of gas"), or
    "nothing to do with" does ("this is nothing to do with domestic abuse, its my boiler": round
    13 r13d-01 got the abuse helpline for it twice more)."""
    if doc[start].lower_ in SUBJECTS:
        return False
    before = [token.lower_ for token in doc[max(0, start - 4) : start]]
    if before[-3:] == list(TO_DO_WITH) and len(before) == 4 and before[0] in NEGATIONS:
        return True
    for token in reversed(doc[:start]):
        if token.lower_ in NEGATIONS:
            return True
        if token.lower_ not in BETWEEN_NEGATION_AND_DANGER:
            return False
    return False


# The neighbour a message is about is the person helped, not the cause of anti-social
# behaviour, when the message goes on to tell of their age or health or of a fault in their home
# ("I'm writing about my neighbour, she's 80 and her ceiling is leaking": round 9 r9a-18,
# r9a-32 were sent to the ASB team). Their lock, or their door said to be broken ("Her front
# door lock has been broken for two weeks", round 13 r13a-03), is a fault; their door alone is
# not ("she slams her front door at 3am" is the noise a neighbour makes).
HELPED_NEIGHBOUR = "other_representative"
NEIGHBOUR = re.compile(r"\bneighbou?rs?\b", re.IGNORECASE)
NEIGHBOUR_HELPED = re.compile(
    r"\b(?:she|he|they)\s*(?:'s|s|is|are|has|have)\s+(?:got\s+|been\s+)?(?:in (?:her|his|their) )?"
    r"(?:[6-9]\d|1[01]\d|elderly|disabled|blind|deaf|frail|housebound|poorly|unwell|ill|"
    r"dementia|a wheelchair user|in a wheelchair|on oxygen)\b"
    r"|\b(?:her|his|their)\s+(?:own\s+)?(?:ceiling|roof|boiler|heating|radiators?|toilet|shower|"
    r"bath|bathroom|kitchen|sink|windows?|gutters?|pipes?|pull ?cord|alarm|walls?|damp|mould|"
    r"stair ?lift|hot water|water|(?:front |back )?(?:door )?locks?)\b"
    r"|\b(?:her|his|their)\s+(?:front |back )?door\s+(?:is|was|has been|got)\s+"
    r"(?:broken|smashed|kicked in|hanging off|off its hinges)\b",
    re.IGNORECASE,
)
# How far after the neighbour is named the message is read for that (about two sentences).
NEIGHBOUR_HELPED_WITHIN = 160


def _neighbour_helped(doc: Doc, start: int, end: int) -> bool:
    """Whether the cue at doc[start:end] names a neighbour the message then tells is old or
    unwell, or has a fault at home."""
    span = doc[start:end]
    if NEIGHBOUR.search(span.text) is None:
        return False
    after = doc.text[span.end_char : span.end_char + NEIGHBOUR_HELPED_WITHIN]
    return NEIGHBOUR_HELPED.search(after) is not None


# A person's age told in numbers: "an 87 year old", "87yo", "aged 87", "my mum who is 87",
# "she's in her 80s", "mum 83", "Mr Frost (90)". Not a number of minutes, pounds or days ("he's
# 70 minutes late"), nor a house number ("Mrs Shah 72 Elm Road").
NOT_AN_AGE_AFTER = (
    r"(?!\s*(?:%|£|minutes?|mins?|hours?|hrs?|days?|weeks?|wks?|months?|years? (?:ago|now)|quid|"
    r"pounds?|pence|p\b|times?|calls?|miles?|metres?|meters?|feet|ft|degrees?|c\b|percent|"
    r"per cent|floors?))"
)
AGE_TOLD = re.compile(
    r"\b(\d{2,3})\s*-?\s*(?:years?|yrs?|yr)\s*-?\s*old\b"
    r"|\b(\d{2,3})\s*(?:yo|y/o|y\.o\.?)(?!\w)"
    r"|\baged?\s+(\d{2,3})\b"
    r"|\b(?:who is|who's|whos|i am|i'm|im|she is|he is|she's|shes|he's|hes|is now|turned|turning|"
    r"in (?:her|his|their) (?:late |early |mid )?)\s*(\d{2,3})s?\b"
    + NOT_AN_AGE_AFTER
    + r"|\b(?:mum|mom|mam|mama|dad|nan|nana|nanny|gran|granny|grandad|grandpa|grandma|mother|"
    r"father|husband|wife|partner|aunt|auntie|uncle|neighbou?r|(?:mr|mrs|ms|miss)\.?\s+[a-z]+)"
    r"\s*[,(]?\s*(\d{2,3})\)?\b"
    + NOT_AN_AGE_AFTER
    + r"(?!\s*(?:[a-z]+\s+)?(?:road|rd|street|st|avenue|ave|lane|close|court|drive|way|crescent|"
    r"place|gardens|grove|house|terrace|walk|square|flat|block)\b)",
    re.IGNORECASE,
)
OLDEST_AGE = 110


def ages_told(text: str) -> list[int]:
    """The ages of people a message tells in numbers."""
    told = (next(g for g in match.groups() if g) for match in AGE_TOLD.finditer(text))
    return [age for age in map(int, told) if age <= OLDEST_AGE]


# A child's age told in numbers: "she is 4", "my 2yo", "my baby 2yo", "a 3 week old", "my 18 month
# old", "her 4 year old daughter". Weeks and months are under a year. A number after "he" or "she"
# that is a time or an amount ("she is 3 weeks late") is no age.
CHILD_AGE_TOLD = re.compile(
    r"\b(?:my|our|her|his|their|a|an)\s+(?:little\s+|lil\s+)?(\d{1,2})\s*-?\s*"
    r"(years?|yrs?|yr|yo|y/o|months?|weeks?)\s*-?\s*(?:old|o)?\b"
    r"|\b(?:son|daughter|girl|boy|child|kid|baby|toddler|grandson|granddaughter|niece|nephew|"
    r"little one|lil one|she|he|shes|hes|she's|he's|who)\s*(?:is|'s|,|\(|aged?|who is)?\s*"
    r"(?:only\s+|just\s+)?(\d{1,2})\s*(years?|yrs?|yr|yo|y/o)?\b(?!\s*(?:months?|weeks?)\b)"
    + NOT_AN_AGE_AFTER
    + r"|\b(\d{1,2})\s*-?\s*(weeks?|months?)\s*-?\s*old\b",
    re.IGNORECASE,
)


def young_ages_told(text: str) -> list[int]:
    """The ages in whole years of children a message tells in numbers (a baby weeks or months
    old is 0)."""
    ages = []
    for match in CHILD_AGE_TOLD.finditer(text):
        groups = match.groups()
        number, unit = next((groups[i], groups[i + 1]) for i in (0, 2, 4) if groups[i])
        in_years = not unit or unit.lower().startswith(("y", "yo"))
        ages.append(int(number) if in_years else 0)
    return ages


def _said_to_be_away(doc: Doc, start: int) -> bool:
    """Whether the words before the token at `start` say it is away from what the message tells
    ("nowhere near any lights", "well away from the sockets")."""
    words = [t.lower_ for t in doc[:start] if t.lower_ not in BETWEEN_NEGATION_AND_DANGER][-2:]
    return tuple(words) in AWAY_FROM


def _number(word: str) -> float | None:
    if word.isdigit():
        return float(word)
    return float(NUMBER_WORDS[word]) if word in NUMBER_WORDS else None


def _unique(values: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(values))


# The seasons, for a time gone by told as "back in the summer".
SEASONS = {"spring", "summer", "autumn", "winter", "fall", "christmas", "easter"}
# Cue groups that name who is at risk, not the danger: told in a sentence about a danger that is
# over ("my son was in hospital back in March"), they still count beside a danger told now.
WHO_GROUPS = {VULNERABLE, "damp_risk", "partner"}
# Words that start a new clause for a danger said to be over: "the fire is out but we still have
# no power" tells of a fire over and a loss now.
CLAUSE_BREAKS = {"but", "however", "though", "although"}
CLAUSE_ENDS = re.compile(r"^[.!?;]+$|\n")


def _clauses(doc: Doc) -> list[int]:
    """Each token's clause number: a new clause after a sentence's end or a semicolon, and at
    "but", "however" or "though"."""
    numbers, clause = [], 0
    for token in doc:
        if token.lower_ in CLAUSE_BREAKS:
            clause += 1
        numbers.append(clause)
        if CLAUSE_ENDS.search(token.text):
            clause += 1
    return numbers


def _token_at(doc: Doc, char: int) -> int:
    """The index of the token that starts at or holds character `char`."""
    for token in doc:
        if token.idx <= char < token.idx + max(len(token.text), 1):
            return token.i
    return len(doc) - 1
