"""What the policy rules found in a message, as plain data (no spaCy import), so that triage and
the action server can read matches from a Rasa parse without loading spaCy or TensorFlow."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

# The entity the learned urgency detector adds: its most likely danger, with its probability.
DETECTED_URGENCY = "detected_urgency"
# A danger told only as over (RuleMatches.over_urgency).
OVER_URGENCY = "over_urgency"
# A danger cue said not to be there ("no smell of gas").
NEGATED_URGENCY = "urgency_negated"
# A category one of whose `except` phrases is in the message ("whats the point of complaining").
EXCEPTED_URGENCY = "urgency_excepted"
# Dangers whose words raise the safety question, not the route (a category's `ask` cues).
ASKED_URGENCY = "urgency_asked"
# The entities whose span tells of a danger: in its own words, asked about, or in another
# language. Their sentences tell of the danger, never of what went wrong or would put it right.
DANGER_TOLD = ("urgency", ASKED_URGENCY, "language_urgency")
# A cue group of policy_rules/urgency.yml found in the message (the detector's evidence).
CUE_GROUP = "cue_group"
# A message saying only goodbye in one of the landlord's languages, with that language.
GOODBYE_LANGUAGE = "goodbye_language"
# The cue group of people a loss harms most: found by its words, a disclosed need or an age.
VULNERABLE = "vulnerable"
# The cue group of an alarm's chirp or battery (urgency.yml's `alarm_chirp_cues`).
ALARM_CHIRP = "alarm_chirp"
# Things whose names hold danger words (urgency.yml's `device_names`): the smoke in "smoke alarm".
DEVICE_NAME = "device_name"
# Words that hold a loss word but tell of no loss (urgency.yml's `no_loss_phrases`): a route's
# own step ("turn the electric off"), the weather ("its freezing outside").
NO_LOSS_PHRASE = "no_loss_phrase"
# Figures of speech that hold danger words (urgency.yml's `sayings`): "the price of gas is
# killing us", "my phone is dying", "I'd kill for a working shower" (round 25).
SAYING = "saying"
# "CMP-2026-00042", a digit short, is the same reference as CMP-2026-000042 (round 7 r7b-04);
# so is "cmp 2026 42", the leading zeros left out (round 12 r12d-17 was asked for it again).
REFERENCE = re.compile(r"\bcmp[\s-]?(\d{4})[\s-]?(\d{1,6})\b", re.IGNORECASE)


def reference_in(match: re.Match[str]) -> str:
    """The canonical form of a complaint reference however it was typed: CMP-2026-000123."""
    return f"CMP-{match.group(1)}-{match.group(2).zfill(6)}"


def only_other_alphabets(text: str) -> bool:
    """Letters, and none of them Latin: nothing the assistant's English model can read."""
    letters = [character for character in text if character.isalpha()]
    return bool(letters) and not any(_latin(letter) for letter in letters)


def only_latin_letters(text: str) -> bool:
    """Every letter Latin: words that could be typed on an English keyboard."""
    return all(_latin(character) for character in text if character.isalpha())


def _latin(letter: str) -> bool:
    return unicodedata.name(letter, "").startswith("LATIN")


def first_reference(text: str) -> str | None:
    match = REFERENCE.search(text)
    return reference_in(match) if match else None


@dataclass(frozen=True)
class RuleMatches:
    """What the policy rules found in one message. Ids are policy rule ids."""

    urgency: tuple[str, ...] = ()
    # The language of the danger words found, when they were not English.
    danger_language: str | None = None
    # The landlord's language the whole message is written in, when it is not English.
    language: str | None = None
    # The landlord's language a message saying only goodbye is in ("la revedere").
    goodbye_language: str | None = None
    # Words saying a danger is over ("it's dry now") and none saying it is still going on.
    past_danger: bool = False
    # Dangers told only in a sentence that says they are over ("Back in August a pipe burst"):
    # no route, and the detector's guess at them counts one step less (round 23 r23b-07 t1).
    over_urgency: tuple[str, ...] = ()
    # Words saying a danger goes on, is back or is worse ("getting worse", "he's back"): said
    # after its route, the danger is told again, not replied to.
    danger_still: bool = False
    # Words saying there is no danger ("it's not an emergency", "there's no smell"): said after a
    # hazard's route, with no danger of their own, they take the route back.
    danger_taken_back: bool = False
    # Words saying nobody at home is at risk ("no health issues", "fine for now"): the detector's
    # guess counts one step less, and no route is taken back.
    reassured: bool = False
    # Words telling of a death as grief ("she passed away in october", "I'm the executor"): a
    # guess at self-harm counts two steps less (round 24 r24b-03).
    grief: bool = False
    # A figure of speech that holds danger words ("my phone is dying", "the price of gas is
    # killing us"): the words inside it are no cue, and the detector's guess counts one step less
    # (round 25 r25a-04 t7, t13; r25a-06 t8).
    saying: bool = False
    # Dangers whose only cues are said not to be there ("no smell of gas"): asked about, not routed.
    negated_urgency: tuple[str, ...] = ()
    # Dangers the policy says these words are not (a category's `except` phrases): the detector's
    # guess at them does not count.
    excepted_urgency: tuple[str, ...] = ()
    # Dangers told only in words that raise their safety question (a category's `ask` cues): asked
    # about, not routed, and the detector's guess at them counts one step less.
    asked_urgency: tuple[str, ...] = ()
    # The cue groups found (a vulnerable person, damp), which some categories need before the
    # detector's guess counts in full.
    cue_groups: tuple[str, ...] = ()
    # The learned detector's most likely danger and its probability that the message is urgent.
    detected_urgency: str | None = None
    detected_probability: float = 0.0
    adjustments: tuple[str, ...] = ()
    relationships: tuple[str, ...] = ()
    exclusion_cues: tuple[str, ...] = ()
    outcomes: tuple[str, ...] = ()
    dissatisfaction_cues: tuple[str, ...] = ()
    # Words that ask for a person ("speak to someone", "a real human"), so that a name or an
    # email given to a form is never taken for a request to hand over.
    person_request: bool = False
    # Words naming the landlord's own staff or contractors ("the caretaker", "your operative").
    landlord_staff: bool = False
    # Words that say the message is no complaint ("not complaining", "I don't want a complaint",
    # "how do I complain to the Ombudsman" asked as a question).
    not_a_complaint: bool = False
    references: tuple[str, ...] = ()
    service_areas: tuple[str, ...] = ()
    months_ago: float | None = None
    ongoing: bool = False
    # (kind, rule id, start, end) of each cue found in the text, e.g. the exclusion cues and the
    # request cues that mark the other parts of a message.
    spans: tuple[tuple[str, str, int, int], ...] = field(default=(), compare=False)

    def as_entities(self) -> list[dict[str, Any]]:
        """Rasa entities, so that triage and dialogue read the matches from a parse."""
        entities: list[dict[str, Any]] = [
            {"entity": kind, "value": value, "start": start, "end": end}
            for kind, value, start, end in self.spans
        ]
        # Dangers found by a combination of cue groups or in another language have no one span.
        spanned = {value for kind, value, _, _ in self.spans if kind == "urgency"}
        entities += [
            {"entity": "urgency", "value": category}
            for category in self.urgency
            if category not in spanned
        ]
        if self.months_ago is not None:
            entities.append({"entity": "months_ago", "value": round(self.months_ago, 1)})
        if self.ongoing:
            entities.append({"entity": "ongoing", "value": True})
        if self.danger_language:
            entities.append({"entity": "danger_language", "value": self.danger_language})
        if self.language:
            entities.append({"entity": "language", "value": self.language})
        if self.goodbye_language:
            entities.append({"entity": GOODBYE_LANGUAGE, "value": self.goodbye_language})
        if self.past_danger:
            entities.append({"entity": "past_danger", "value": True})
        if self.danger_still:
            entities.append({"entity": "danger_still", "value": True})
        if self.danger_taken_back:
            entities.append({"entity": "danger_taken_back", "value": True})
        if self.reassured:
            entities.append({"entity": "reassured", "value": True})
        if self.grief:
            entities.append({"entity": "grief", "value": True})
        if self.saying:
            entities.append({"entity": SAYING, "value": True})
        if self.not_a_complaint:
            entities.append({"entity": "not_a_complaint", "value": True})
        entities += [{"entity": EXCEPTED_URGENCY, "value": c} for c in self.excepted_urgency]
        entities += [{"entity": OVER_URGENCY, "value": c} for c in self.over_urgency]
        entities += [{"entity": CUE_GROUP, "value": group} for group in self.cue_groups]
        return entities

    @classmethod
    def from_entities(cls, entities: Iterable[dict[str, Any]]) -> RuleMatches:
        entities = list(entities)
        found: dict[str, list[Any]] = {}
        detected: dict[str, Any] = {}
        for entity in entities:
            found.setdefault(entity.get("entity", ""), []).append(entity.get("value"))
            if entity.get("entity") == DETECTED_URGENCY:
                detected = entity

        def ids(kind: str) -> tuple[str, ...]:
            return tuple(dict.fromkeys(str(v) for v in found.get(kind, [])))

        return cls(
            urgency=ids("urgency"),
            negated_urgency=tuple(c for c in ids(NEGATED_URGENCY) if c not in ids("urgency")),
            excepted_urgency=ids(EXCEPTED_URGENCY),
            over_urgency=ids(OVER_URGENCY),
            asked_urgency=tuple(c for c in ids(ASKED_URGENCY) if c not in ids("urgency")),
            cue_groups=ids(CUE_GROUP),
            adjustments=ids("adjustment"),
            relationships=ids("relationship"),
            exclusion_cues=ids("exclusion_cue"),
            outcomes=ids("outcome"),
            dissatisfaction_cues=ids("dissatisfaction_cue"),
            person_request=bool(found.get("person_request")),
            landlord_staff=bool(found.get("staff_cue")),
            not_a_complaint=bool(found.get("not_a_complaint")),
            references=ids("reference"),
            service_areas=ids("service_area"),
            months_ago=max(found["months_ago"]) if found.get("months_ago") else None,
            ongoing=bool(found.get("ongoing")),
            danger_language=next(iter(ids("danger_language")), None),
            language=next(iter(ids("language")), None),
            goodbye_language=next(iter(ids(GOODBYE_LANGUAGE)), None),
            past_danger=bool(found.get("past_danger")),
            danger_still=bool(found.get("danger_still")),
            danger_taken_back=bool(found.get("danger_taken_back")),
            reassured=bool(found.get("reassured")),
            grief=bool(found.get("grief")),
            saying=bool(found.get(SAYING)),
            detected_urgency=detected.get("value"),
            detected_probability=float(detected.get("confidence") or 0.0),
            spans=tuple(
                (str(e["entity"]), str(e.get("value")), int(e["start"]), int(e["end"]))
                for e in entities
                if "start" in e and "end" in e
            ),
        )


def as_read(text: str, entities: Iterable[dict[str, Any]]) -> str:
    """The words a message is read by against an open question: a goodbye in one of the
    landlord's languages ("dziekuje, do widzenia") reads as "goodbye" does, not as the answer
    (round 17: a Polish goodbye was taken as the job number of an earlier report)."""
    return "goodbye" if RuleMatches.from_entities(entities).goodbye_language else text
