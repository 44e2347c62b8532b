"""Load and validate `policy_rules/`: every mistake names the file, the rule id and the problem."""

from __future__ import annotations

import re
import string
from collections.abc import Mapping
from dataclasses import replace
from datetime import time
from pathlib import Path
from typing import Any

import yaml

from bot.policy.ids import REQUIRED
from bot.policy.schema import (
    AGE_CUE_GROUPS_BEFORE,
    COMPLAINT_RECORD_FIELDS,
    LABELS,
    LONGEST_RETENTION_MONTHS,
    NATIONS,
    OMBUDSMAN_REFERRAL_MONTHS,
    PERSONAL_FIELDS,
    STAGE_2_READINGS,
    AdjustmentNeed,
    Answer,
    DetectorThresholds,
    Doubt,
    Duration,
    ExclusionGround,
    HazardKind,
    HazardStep,
    IntentRule,
    Landlord,
    Language,
    LanguagePhone,
    OfficeHours,
    Ombudsman,
    OtherBody,
    Outcome,
    PartRules,
    Policy,
    PolicyError,
    Relationship,
    Retention,
    RouteFollowUp,
    Safety,
    ServiceArea,
    Stage2Rules,
    StageTimescale,
    UrgencyCategory,
)

POLICY_FILES = (
    "landlord.yml",
    "timescales.yml",
    "exclusions.yml",
    "intents.yml",
    "adjustments.yml",
    "representatives.yml",
    "urgency.yml",
    "definitions.yml",
    "hazards.yml",
    "languages.yml",
    "stage_2.yml",
)
RETENTION_FILE = "retention.yml"
ANSWERS_FILE = "answers.yml"
SUPPORTED_VERSION = 1
_DURATION = re.compile(r"^(\d+) (working days?|months?|hours?)$")
_UNITS = {"working": "working_days", "month": "months", "hour": "hours"}
# A `{name}` inside a cue stands for each word of the file's word group `name`.
_WORD_GROUP = re.compile(r"\{([a-z_]+)\}")


class _Record:
    """One mapping from a policy file, read with checks that report where a problem is."""

    def __init__(self, file: str, rule_id: str | None, data: Any, allowed: set[str]) -> None:
        self.file, self.rule_id = file, rule_id
        if not isinstance(data, Mapping):
            self.fail(f"expected a mapping, got {type(data).__name__}")
        unknown = sorted(set(data) - allowed)
        if unknown:
            self.fail(f"unknown key(s) {', '.join(map(str, unknown))}")
        self.data = data

    def fail(self, problem: str) -> None:
        raise PolicyError(self.file, self.rule_id, problem)

    def text(self, key: str, default: str | None = None) -> str:
        value = self.data.get(key, default)
        if not isinstance(value, str | int | float) or isinstance(value, bool) or value == "":
            self.fail(f"'{key}' must be non-empty text")
        return str(value).strip()

    def optional_text(self, key: str) -> str | None:
        return self.text(key) if key in self.data else None

    def choice(self, key: str, options: tuple[str, ...], default: str | None = None) -> str:
        value = self.text(key, default)
        if value not in options:
            self.fail(f"'{key}' is '{value}', expected one of {', '.join(options)}")
        return value

    def number(self, key: str, default: float | None = None) -> float:
        """A number between 0 and 1; `default` when the key is absent and a default is given
        (a model trained before the key existed keeps loading its policy snapshot)."""
        if default is not None and key not in self.data:
            return default
        value = self.data.get(key)
        if not isinstance(value, int | float) or isinstance(value, bool) or not 0 <= value <= 1:
            self.fail(f"'{key}' must be a number between 0 and 1")
        return float(value)

    def time_of_day(self, key: str) -> time:
        raw = self.text(key)
        try:
            return time.fromisoformat(raw)
        except ValueError:
            self.fail(f"'{key}' is '{raw}': a time of day is like '08:00' or '17:30'")
            raise AssertionError from None  # unreachable: fail() raises

    def flag(self, key: str) -> bool:
        value = self.data.get(key, False)
        if not isinstance(value, bool):
            self.fail(f"'{key}' must be true or false")
        return bool(value)

    def duration(self, key: str) -> Duration:
        raw = self.text(key)
        match = _DURATION.match(raw)
        if not match or int(match.group(1)) <= 0:
            self.fail(
                f"'{key}' is '{raw}': a duration is like '10 working days', '12 months' or "
                "'24 hours'"
            )
            raise AssertionError  # unreachable: fail() raises
        unit = next(u for prefix, u in _UNITS.items() if match.group(2).startswith(prefix))
        return Duration(int(match.group(1)), unit)  # type: ignore[arg-type]

    def cues(self, key: str = "cues", required: bool = False) -> tuple[str, ...]:
        value = self.data.get(key, [])
        if not isinstance(value, list) or not all(isinstance(c, str | int) for c in value):
            self.fail(f"'{key}' must be a list of phrases")
        phrases = tuple(str(c).strip().lower() for c in value)
        if required and not phrases:
            self.fail(f"'{key}' must list at least one phrase")
        if any(not p for p in phrases):
            self.fail(f"'{key}' has an empty phrase")
        return phrases

    def cues_over(self, groups: Mapping[str, tuple[str, ...]]) -> tuple[str, ...]:
        """The cues, each `{group}` in a cue written out once for every word of that group:
        one line says "on behalf of my {relative}" for every relative a person may name."""
        phrases: list[str] = []
        for cue in self.cues(required=True):
            unknown = sorted(set(_WORD_GROUP.findall(cue)) - set(groups))
            if unknown or ("{" in cue and not _WORD_GROUP.search(cue)):
                self.fail(f"cue '{cue}' names no word group of this file: {', '.join(unknown)}")
            phrases += _written_out(cue, groups)
        return tuple(dict.fromkeys(phrases))

    def cue_map(self, key: str, allowed: set[str] | None = None) -> dict[str, tuple[str, ...]]:
        """A mapping of names to phrase lists; every name must be one of `allowed` if given."""
        section = self.data.get(key)
        if not isinstance(section, Mapping) or not section:
            self.fail(f"'{key}' must map names to lists of phrases")
        unknown = sorted(set(section) - allowed) if allowed is not None else []
        if unknown:
            self.fail(f"'{key}' names unknown {', '.join(map(str, unknown))}")
        holder = _Record(self.file, self.rule_id, section, set(section))
        return {name: holder.cues(name, required=True) for name in section}

    def records(self, key: str, allowed: set[str]) -> list[_Record]:
        """The list under `key` as records, each with a unique `id`."""
        items = self.data.get(key)
        if not isinstance(items, list) or not items:
            self.fail(f"'{key}' must be a non-empty list")
        seen: set[str] = set()
        result = []
        for position, item in enumerate(items, start=1):
            if not isinstance(item, Mapping) or not isinstance(item.get("id"), str):
                self.fail(f"entry {position} under '{key}' has no text 'id'")
            if item["id"] in seen:
                raise PolicyError(self.file, item["id"], "duplicate id")
            seen.add(item["id"])
            result.append(_Record(self.file, item["id"], item, allowed | {"id"}))
        return result

    def section(self, key: str, allowed: set[str]) -> _Record:
        return _Record(self.file, self.rule_id, self.data.get(key), allowed)


def _written_out(cue: str, groups: Mapping[str, tuple[str, ...]]) -> list[str]:
    found = _WORD_GROUP.search(cue)
    if not found:
        return [cue]
    before, after = cue[: found.start()], cue[found.end() :]
    return [
        phrase
        for word in groups[found.group(1)]
        for phrase in _written_out(before + word + after, groups)
    ]


def _office_hours(record: _Record) -> OfficeHours:
    opens, closes = record.time_of_day("opens"), record.time_of_day("closes")
    if not opens < closes:
        record.fail("office_hours: 'opens' must be before 'closes'")
    return OfficeHours(opens, closes)


def load_policy(directory: str | Path) -> Policy:
    """Read every policy file in `directory` and validate the whole policy."""
    directory = Path(directory)
    sources = {}
    for name in POLICY_FILES:
        path = directory / name
        if not path.is_file():
            raise PolicyError(str(path), None, "file is missing")
        sources[name] = path.read_text(encoding="utf-8")
    return parse_policy(sources)


def _require(file: _Record, section: str, defined: Mapping[str, object]) -> None:
    """Every id of `section` the code names (bot/policy/ids.py) is defined."""
    for rule_id, why in REQUIRED.get(file.file, {}).get(section, {}).items():
        if rule_id not in defined:
            raise PolicyError(file.file, rule_id, f"missing from '{section}': {why}")


def parse_policy(sources: Mapping[str, str]) -> Policy:
    """Build a Policy from file texts (as read from disk or from a trained model's snapshot)."""
    files = {name: _top(name, sources) for name in POLICY_FILES}

    landlord_file = files["landlord.yml"]
    landlord_fields = set(Landlord.__dataclass_fields__)
    landlord_section = landlord_file.section("landlord", landlord_fields)
    landlord = Landlord(
        **{k: landlord_section.text(k) for k in landlord_fields - {"nation", "office_hours"}},
        nation=landlord_section.choice("nation", NATIONS),
        office_hours=_office_hours(landlord_section.section("office_hours", {"opens", "closes"})),
    )
    ombudsman_section = landlord_file.section("ombudsman", set(Ombudsman.__dataclass_fields__))
    ombudsman = Ombudsman(**{k: ombudsman_section.text(k) for k in Ombudsman.__dataclass_fields__})

    timescales = files["timescales.yml"]
    stages = {
        r.rule_id or "": StageTimescale(
            id=r.rule_id or "",
            provision=r.text("provision"),
            acknowledge_within=r.duration("acknowledge_within"),
            respond_within=r.duration("respond_within"),
            extension_at_most=r.duration("extension_at_most"),
            respond_from=r.choice("respond_from", ("acknowledgement", "receipt")),  # type: ignore[arg-type]
        )
        for r in timescales.records("stages", set(StageTimescale.__dataclass_fields__))
    }
    _require(timescales, "stages", stages)
    time_limit_section = timescales.section("complaint_time_limit", {"provision", "within"})
    time_limit = time_limit_section.duration("within")
    if time_limit.unit != "months":
        time_limit_section.fail("'within' must be in months, like '12 months'")
    request_section = timescales.section("service_request_contact", {"within"})
    request_contact = request_section.duration("within")
    if request_contact.unit != "working_days":
        request_section.fail("'within' must be in working days, like '2 working days'")

    grounds = {
        r.rule_id or "": ExclusionGround(
            id=r.rule_id or "",
            source=r.choice("source", ("code", "landlord")),  # type: ignore[arg-type]
            provision=r.text("provision"),
            explanation=r.text("explanation"),
            route=_filled(r, "route", landlord),
            cues=r.cues(),
            part_cues=r.cues("part_cues"),
            not_cues=r.cues("not_cues"),
            needs_cues=r.cues("needs_cues"),
            dispute_cues=r.cues("dispute_cues"),
            outside_ombudsman=r.flag("outside_ombudsman"),
            bodies=_bodies(r, landlord),
            our_service_cues=r.cues("our_service_cues"),
            behaviour_cues=r.cues("behaviour_cues"),
        )
        for r in files["exclusions.yml"].records(
            "grounds", set(ExclusionGround.__dataclass_fields__)
        )
    }
    _require(files["exclusions.yml"], "grounds", grounds)

    intents_file = files["intents.yml"]
    intents = {}
    for r in intents_file.records("intents", {"label", "ground", "provision"}):
        label = r.choice("label", LABELS)
        ground = r.optional_text("ground")
        if ground is not None and ground not in grounds:
            r.fail(f"ground '{ground}' is not defined in exclusions.yml")
        if (label == "excluded") != (ground is not None):
            r.fail("an intent has a ground exactly when its label is 'excluded'")
        intents[r.rule_id or ""] = IntentRule(
            r.rule_id or "",
            label,  # type: ignore[arg-type]
            ground,
            r.optional_text("provision"),
        )
    doubt_section = intents_file.section(
        "doubt",
        {"complaint_probability", "with_cue", "exclusion_with_cue", "other_probability",
         "named_matter_probability", "grounds_not_offered"},
    )  # fmt: skip
    complaint_probability = doubt_section.number("complaint_probability")
    grounds_not_offered = tuple(str(g) for g in doubt_section.cues("grounds_not_offered"))
    for ground in grounds_not_offered:
        if ground not in grounds:
            doubt_section.fail(f"ground '{ground}' in 'grounds_not_offered' is not defined in "
                               "exclusions.yml")  # fmt: skip
    doubt = Doubt(
        complaint_probability,
        doubt_section.number("with_cue"),
        doubt_section.number("exclusion_with_cue"),
        doubt_section.number("other_probability"),
        doubt_section.number("named_matter_probability", complaint_probability),
        grounds_not_offered,
    )
    parts_section = intents_file.section(
        "parts", {"probability", "request_cues", "fault_cues", "conduct_cues", "routes"}
    )
    routed = [str(label) for label in LABELS if label != "excluded"]  # excluded: the ground's
    routes = parts_section.section("routes", set(routed))
    parts = PartRules(
        parts_section.number("probability"),
        parts_section.cues("request_cues", required=True),
        {label: routes.text(label) for label in routed},
        parts_section.cues("fault_cues", required=True),
        parts_section.cues("conduct_cues"),
    )

    adjustments = files["adjustments.yml"]
    # "{speak} {language}" is said once for every way to say speak and every language.
    need_words = adjustments.cue_map("word_groups") if "word_groups" in adjustments.data else {}
    needs = {
        r.rule_id or "": AdjustmentNeed(
            r.rule_id or "", r.text("offer"), r.cues_over(need_words), r.flag("special_category")
        )
        for r in adjustments.records("needs", {"offer", "cues", "special_category"})
    }
    representatives = files["representatives.yml"]
    word_groups = (
        representatives.cue_map("word_groups") if "word_groups" in representatives.data else {}
    )
    relationships = {
        r.rule_id or "": Relationship(r.rule_id or "", r.cues_over(word_groups))
        for r in representatives.records("relationships", {"cues"})
    }

    hazards = _hazard_kinds(files["hazards.yml"])
    safety = _safety(files["urgency.yml"], landlord_fields, hazards)
    languages = _languages(files["languages.yml"], safety, landlord_fields)
    language_phone = _language_phone(files["languages.yml"], safety, landlord, landlord_fields)

    definitions = files["definitions.yml"]
    outcomes = {
        r.rule_id or "": Outcome(r.rule_id or "", r.text("text"), r.cues(required=True))
        for r in definitions.records("outcomes", {"text", "cues"})
    }

    service_areas = {
        r.rule_id or "": ServiceArea(r.rule_id or "", r.cues())
        for r in definitions.records("service_areas", {"cues"})
    }
    _require(definitions, "service_areas", service_areas)

    return Policy(
        landlord=landlord,
        ombudsman=ombudsman,
        stages=stages,
        time_limit=time_limit,
        service_request_contact=request_contact,
        grounds=grounds,
        intents=intents,
        doubt=doubt,
        parts=parts,
        dissatisfaction_cues=intents_file.cues("dissatisfaction_cues", required=True),
        not_dissatisfaction_cues=intents_file.cues("not_dissatisfaction_cues"),
        person_request_cues=intents_file.cues("person_request_cues", required=True),
        staff_cues=intents_file.cues("staff_cues", required=True),
        stage_2=_stage_2(files["stage_2.yml"]),
        needs=needs,
        relationships=relationships,
        safety=safety,
        hazards=hazards,
        languages=languages,
        outcomes=outcomes,
        ongoing_cues=definitions.cues("ongoing_cues", required=True),
        finished_cues=definitions.cues("finished_cues", required=True),
        service_areas=service_areas,
        sources=dict(sources),
        language_phone=language_phone,
    )


def _check_placeholders(
    record: _Record, key: str, text: str, fields: set[str], of: str = "a field of the landlord"
) -> None:
    for _, name, _, _ in string.Formatter().parse(text):
        if name is not None and name not in fields:
            record.fail(f"{key} mentions '{{{name}}}', which is not {of}")


def _bodies(ground: _Record, landlord: Landlord) -> tuple[OtherBody, ...]:
    """A ground's other bodies, each named for what it does (optional)."""
    if "bodies" not in ground.data:
        return ()
    return tuple(
        OtherBody(
            id=b.rule_id or "",
            cues=b.cues(required=True),
            route=_filled(b, "route", landlord),
            ombudsman=b.optional_text("ombudsman"),
        )
        for b in ground.records("bodies", {"cues", "route", "ombudsman"})
    )


def _filled(record: _Record, key: str, landlord: Landlord) -> str:
    """A text that may name the landlord's fields ("call our ASB team on {phone}"), filled in."""
    text = record.text(key)
    _check_placeholders(record, key, text, set(Landlord.__dataclass_fields__))
    return text.format(**vars(landlord))


def _checked(record: _Record, key: str, fields: set[str]) -> str:
    """A text that may name the landlord's fields, checked and left unfilled."""
    text = record.text(key)
    _check_placeholders(record, key, text, fields)
    return text


def _combinations(r: _Record, cue_groups: dict[str, tuple[str, ...]]) -> list[list[str]]:
    """A record's `combinations`: lists of two or more cue group names, each group held in
    `cue_groups` (a category's own, or a follow-up's)."""
    combinations = r.data.get("combinations", [])
    if not isinstance(combinations, list) or not all(
        isinstance(c, list) and len(c) >= 2 for c in combinations
    ):
        r.fail("'combinations' must be a list of lists of at least two cue group names")
    for group in (g for combination in combinations for g in combination):
        if group not in cue_groups:
            r.fail(f"combination names cue group '{group}', which 'cue_groups' does not hold")
    return combinations


def _follow_ups(
    category: _Record, landlord_fields: set[str], cue_groups: dict[str, tuple[str, ...]]
) -> list[tuple[_Record, RouteFollowUp]]:
    """A category's questions about its route's steps: each names its words (cues, or
    combinations of cue groups) and its answer, and the follow-ups it is said instead of."""
    follow_ups = []
    fields = {"cues", "answer", "also_after", "combinations", "instead_of"}
    for r in category.records("follow_ups", fields):
        combinations = _combinations(r, cue_groups)
        follow_ups.append(
            (
                r,
                RouteFollowUp(
                    r.rule_id or "",
                    r.cues(required=not combinations),
                    r.text("answer"),
                    tuple(tuple(c) for c in combinations),
                    r.cues("instead_of"),
                ),
            )
        )
        _check_placeholders(r, "answer", r.text("answer"), landlord_fields)
    return follow_ups


def _follow_ups_shared(
    categories: dict[str, UrgencyCategory],
    follow_ups: list[tuple[_Record, RouteFollowUp]],
) -> dict[str, UrgencyCategory]:
    """Each category with the follow-ups other categories share with it (`also_after`): where
    the stopcock is, asked after the route for water in a light fitting, has the flood's answer
    (round 23 r23a-03 asked three times)."""
    shared: dict[str, list[RouteFollowUp]] = {c: list(v.follow_ups) for c, v in categories.items()}
    for record, follow_up in follow_ups:
        for other in record.cues("also_after"):
            if other not in categories:
                record.fail(f"also_after names category '{other}', which is not defined")
            if follow_up not in shared[other]:
                shared[other].append(follow_up)
    return {c: replace(v, follow_ups=tuple(shared[c])) for c, v in categories.items()}


def _safety(file: _Record, landlord_fields: set[str], hazards: dict[str, HazardKind]) -> Safety:
    cue_groups = file.cue_map("cue_groups", set(file.data.get("cue_groups") or {}))
    categories = {}
    allowed = {
        "route", "cues", "combinations", "except", "hazard", "detector_needs", "after_route",
        "told_after", "question", "ask", "never_asb", "route_for_someone_else", "put_off",
        "in_use", "made_safe", "made_safe_cues", "follow_ups", "covers", "in_the_home",
        "said_once", "false_alarm", "false_alarm_cues",
    }  # fmt: skip
    told_after: dict[str, tuple[_Record, tuple[tuple[str, str], ...]]] = {}
    follow_ups: list[tuple[_Record, RouteFollowUp]] = []
    for r in file.records("categories", allowed):
        own_follow_ups = (
            _follow_ups(r, landlord_fields, cue_groups) if "follow_ups" in r.data else []
        )
        follow_ups += own_follow_ups
        route = r.text("route")
        _check_placeholders(r, "route", route, landlord_fields)
        combinations = _combinations(r, cue_groups)
        needs = r.cues("detector_needs")
        for group in needs:
            if group not in cue_groups:
                r.fail(
                    f"detector_needs names cue group '{group}', which 'cue_groups' does not hold"
                )
        after_route = r.optional_text("after_route")
        for key in (
            "after_route", "route_for_someone_else", "put_off", "in_use", "made_safe", "false_alarm"
        ):  # fmt: skip
            optional = r.optional_text(key)
            if optional is not None:
                _check_placeholders(r, key, optional, landlord_fields)
        hazard = r.optional_text("hazard")
        if hazard is not None and hazard not in hazards:
            r.fail(f"hazard '{hazard}' is not defined in hazards.yml")
        pairs = r.data.get("told_after", [])
        if not isinstance(pairs, list) or not all(
            isinstance(p, list) and len(p) == 2 and all(isinstance(x, str) for x in p)
            for p in pairs
        ):
            r.fail("'told_after' must be a list of [category, cue group] pairs")
        for _, group in pairs:
            if group not in cue_groups:
                r.fail(f"told_after names cue group '{group}', which 'cue_groups' does not hold")
        told_after[r.rule_id or ""] = (r, tuple((after, group) for after, group in pairs))
        cues = r.cues()
        if not cues and not combinations:
            r.fail("a category needs 'cues' or 'combinations'")
        categories[r.rule_id or ""] = UrgencyCategory(
            r.rule_id or "",
            route,
            cues,
            tuple(tuple(c) for c in combinations),
            r.cues("except"),
            hazard,
            needs,
            after_route,
            told_after[r.rule_id or ""][1],
            r.optional_text("question"),
            r.cues("ask"),
            r.flag("never_asb"),
            r.optional_text("route_for_someone_else"),
            r.optional_text("put_off"),
            r.optional_text("in_use"),
            r.optional_text("made_safe"),
            r.cues("made_safe_cues"),
            tuple(follow_up for _, follow_up in own_follow_ups),
            r.cues("covers"),
            r.flag("in_the_home"),
            r.flag("said_once"),
            r.optional_text("false_alarm"),
            r.cues("false_alarm_cues"),
        )
        if bool(categories[r.rule_id or ""].made_safe) != bool(r.cues("made_safe_cues")):
            r.fail("'made_safe' and 'made_safe_cues' go together: give both or neither")
        if bool(r.optional_text("false_alarm")) != bool(r.cues("false_alarm_cues")):
            r.fail("'false_alarm' and 'false_alarm_cues' go together: give both or neither")
    for record, _ in told_after.values():
        for covered in categories[record.rule_id or ""].covers:
            if covered not in categories:
                record.fail(f"covers names category '{covered}', which is not defined")
    for record, pairs in told_after.values():
        for after, _ in pairs:
            if after not in categories:
                record.fail(f"told_after names category '{after}', which is not defined")
    categories = _follow_ups_shared(categories, follow_ups)
    detector = file.section("detector", {"urgent", "ask"})
    thresholds = DetectorThresholds(detector.number("urgent"), detector.number("ask"))
    if not thresholds.ask <= thresholds.urgent:
        detector.fail("'ask' must not be above 'urgent'")
    return Safety(
        categories=categories,
        cue_groups=cue_groups,
        over_cues=file.cues("over_cues", required=True),
        still_cues=file.cues("still_cues", required=True),
        still_times=file.cues("still_times", required=True),
        taken_back_cues=file.cues("taken_back_cues", required=True),
        reassured_cues=file.cues("reassured_cues", required=True),
        grief_cues=file.cues("grief_cues", required=True),
        condolences=file.text("condolences"),
        sayings=file.cues("sayings", required=True),
        cut_off_cues=file.cues("cut_off_cues", required=True),
        leftover_cues=file.cues("leftover_cues", required=True),
        detector=thresholds,
        question=file.text("safety_question"),
        yes_words=file.cues("safety_yes", required=True),
        confirmed=file.text("safety_confirmed"),
        after_route=_checked(file, "after_route", landlord_fields),
        will_contact=_checked(file, "will_contact", landlord_fields),
        no_contact_details=_checked(file, "no_contact_details", landlord_fields),
        no_calls=file.text("no_calls"),
        no_calls_safe_way_given=file.text("no_calls_safe_way_given"),
        contact_asked_cues=file.cues("contact_asked_cues", required=True),
        contact_held_safe=file.text("contact_held_safe"),
        contact_not_held_safe=file.text("contact_not_held_safe"),
        call_seen_cues=file.cues("call_seen_cues", required=True),
        call_seen=file.text("call_seen"),
        cannot_phone=_checked(file, "cannot_phone", landlord_fields),
        cannot_phone_cues=file.cues("cannot_phone_cues", required=True),
        alarm_chirp=file.text("alarm_chirp"),
        alarm_chirp_cues=file.cues("alarm_chirp_cues", required=True),
        device_names=file.cues("device_names", required=True),
        no_loss_phrases=file.cues("no_loss_phrases", required=True),
        vulnerable_from_age=_age(file, "vulnerable_from_age"),
        vulnerable_under_age=_age(file, "vulnerable_under_age"),
        age_cue_groups=_age_cue_groups(file, cue_groups),
        put_off_cues=file.cues("put_off_cues", required=True),
        line_unanswered=_checked(file, "line_unanswered", landlord_fields),
        line_unanswered_cues=file.cues("line_unanswered_cues", required=True),
        line_unanswered_needs=file.cues("line_unanswered_needs", required=True),
        line_unanswered_except=file.cues("line_unanswered_except", required=True),
        what_to_do_cues=file.cues("what_to_do_cues", required=True),
        use_cues=file.cues("use_cues", required=True),
        calling_cues=file.cues("calling_cues", required=True),
        calling_now=file.text("calling_now"),
        unheard_cues=file.cues("unheard_cues", required=True),
        heard=file.text("heard"),
        why_asked_cues=file.cues("why_asked_cues"),
        why_asked=file.optional_text("why_asked") or "",
        cannot_phone_except=file.cues("cannot_phone_except", required=True),
    )


def _age(file: _Record, key: str) -> int | None:
    """A person's age in whole years, or None when the policy gives none (a model trained before
    the key existed keeps loading its policy snapshot)."""
    value = file.data.get(key)
    if value is None:
        return None
    if not isinstance(value, int) or isinstance(value, bool) or not 0 < value < 120:
        file.fail(f"'{key}' must be a whole number of years between 1 and 119")
    return value


def _age_cue_groups(file: _Record, cue_groups: Mapping[str, object]) -> tuple[str, ...]:
    """The cue groups a person told by age joins; `vulnerable` when the policy names none (a
    model trained before the key existed keeps loading its policy snapshot)."""
    if "age_cue_groups" not in file.data:
        return AGE_CUE_GROUPS_BEFORE
    groups = file.cues("age_cue_groups", required=True)
    for group in groups:
        if group not in cue_groups:
            file.fail(f"age_cue_groups names cue group '{group}', which 'cue_groups' does not hold")
    return groups


def _stage_2(file: _Record) -> Stage2Rules:
    """Each reading's patterns, compiled here so a broken one names its file and reading."""
    patterns: dict[str, tuple[re.Pattern[str], ...]] = {}
    for r in file.records("readings", {"patterns"}):
        if r.rule_id not in STAGE_2_READINGS:
            r.fail(f"unknown reading; the readings are {', '.join(STAGE_2_READINGS)}")
        given = r.data.get("patterns")
        if not isinstance(given, list) or not given:
            r.fail("'patterns' must be a non-empty list of regular expressions")
        compiled = []
        for position, pattern in enumerate(given, start=1):
            if not isinstance(pattern, str) or not pattern.strip():
                r.fail(f"pattern {position} must be non-empty text")
            try:
                compiled.append(re.compile(pattern))
            except re.error as error:
                r.fail(f"pattern {position} is not a valid regular expression: {error}")
        patterns[r.rule_id or ""] = tuple(compiled)
    missing = [reading for reading in STAGE_2_READINGS if reading not in patterns]
    if missing:
        file.fail(f"'readings' has no {', '.join(missing)}: every reading needs its patterns")
    open_when = file.section("open_when", {"answered", "overdue"})
    return Stage2Rules(patterns, open_when.flag("answered"), open_when.flag("overdue"))


def _hazard_kinds(file: _Record) -> dict[str, HazardKind]:
    kinds = {}
    for r in file.records("kinds", {"nations", "steps", "tell_resident", "tell_staff"}):
        nations = r.cues("nations", required=True)
        for nation in nations:
            if nation not in NATIONS:
                r.fail(f"nation '{nation}' is not one of {', '.join(NATIONS)}")
        steps = tuple(
            HazardStep(
                step.rule_id or "",
                step.duration("within"),
                step.choice("from", ("awareness", "investigation")),  # type: ignore[arg-type]
            )
            for step in r.records("steps", {"within", "from"})
        )
        if steps[0].counted_from != "awareness":
            r.fail("the first step must be counted from 'awareness'")
        step_ids = {step.id for step in steps}
        for key in ("tell_resident", "tell_staff"):
            _check_placeholders(r, key, r.text(key), step_ids, "one of this kind's steps")
        kinds[r.rule_id or ""] = HazardKind(
            r.rule_id or "", nations, steps, r.text("tell_resident"), r.text("tell_staff")
        )
    return kinds


# The placeholder in a language's `handoff_closed` for when the office opens.
OPENS = "opens"


def _single_words(r: _Record, key: str) -> tuple[str, ...]:
    """A list of words matched one at a time: a phrase in it would never match."""
    words = r.cues(key)
    phrases = [word for word in words if len(word.split()) != 1]
    if phrases:
        r.fail(f"'{key}' lists single words, not phrases: {', '.join(phrases)}")
    return words


def _languages(file: _Record, safety: Safety, landlord_fields: set[str]) -> dict[str, Language]:
    languages = {}
    allowed = {
        "name", "checked", "cues", "cue_groups", "routes", "in_danger", "interpreter_offer",
        "handoff", "handoff_closed", "person_words", "negations_after", "romanised_words",
        "goodbye", "goodbye_words", "thanks_words", "also_called", "phone_interpreter",
        "phone_language_words", "phone_words", "details_seen",
    }  # fmt: skip
    for r in file.records("languages", allowed):
        cues = r.cue_map("cues", set(safety.categories))
        groups = r.cue_map("cue_groups", set(safety.cue_groups)) if "cue_groups" in r.data else {}
        routes_section = r.section("routes", set(safety.categories))
        routes = {name: routes_section.text(name) for name in routes_section.data}
        for name, route in routes.items():
            _check_placeholders(r, f"routes: {name}", route, landlord_fields)
        missing = sorted(set(cues) - set(routes))
        if missing:
            r.fail(f"danger words for {', '.join(missing)} but no route to give in this language")
        offer = r.text("interpreter_offer")
        _check_placeholders(r, "interpreter_offer", offer, landlord_fields)
        handoff = r.text("handoff")
        _check_placeholders(r, "handoff", handoff, landlord_fields)
        handoff_closed = r.text("handoff_closed")
        _check_placeholders(r, "handoff_closed", handoff_closed, landlord_fields | {OPENS})
        if f"{{{OPENS}}}" not in handoff_closed:
            r.fail(f"handoff_closed must say when the office opens: {{{OPENS}}}")
        languages[r.rule_id or ""] = Language(
            r.rule_id or "",
            r.text("name"),
            r.flag("checked"),
            cues,
            groups,
            routes,
            _checked(r, "in_danger", landlord_fields),
            offer,
            handoff,
            handoff_closed,
            r.cues("person_words", required=True),
            r.cues("negations_after"),
            _single_words(r, "romanised_words"),
            _checked(r, "goodbye", landlord_fields) if "goodbye" in r.data else "",
            r.cues("goodbye_words"),
            r.cues("thanks_words"),
            r.cues("also_called"),
            *_phone_interpreter(r, landlord_fields),
            r.optional_text("details_seen") or "",
        )
        if bool(languages[r.rule_id or ""].goodbye) != bool(r.cues("goodbye_words")):
            r.fail("'goodbye' and 'goodbye_words' go together")
    return languages


def _phone_interpreter(
    r: _Record, landlord_fields: set[str], more: frozenset[str] = frozenset()
) -> tuple[str, tuple[str, ...], tuple[str, ...]]:
    """A text saying the emergency lines can get an interpreter, with the words that ask for
    it: all three or none."""
    keys = ("phone_interpreter", "phone_language_words", "phone_words")
    given = [key in r.data for key in keys]
    if not any(given):
        return "", (), ()
    if not all(given):
        r.fail("'phone_interpreter', 'phone_language_words' and 'phone_words' go together")
    text = r.text("phone_interpreter")
    _check_placeholders(r, "phone_interpreter", text, landlord_fields | more)
    return text, r.cues("phone_language_words"), r.cues("phone_words")


def _language_phone(
    file: _Record, safety: Safety, landlord: Landlord, landlord_fields: set[str]
) -> LanguagePhone:
    """languages.yml's English texts about other languages on the phone lines."""
    text, language_words, phone_words = _phone_interpreter(
        file, landlord_fields, frozenset({"language"})
    )
    with_route = {}
    if "with_route" in file.data:
        section = file.section("with_route", set(safety.categories))
        with_route = {name: _filled(section, name, landlord) for name in section.data}
    return LanguagePhone(text, language_words, phone_words, with_route)


def load_retention(directory: str | Path) -> Retention:
    """retention.yml, checked like the other files. It stays out of `Policy`, which a trained
    model snapshots for the rule matcher: how long data is kept changes how no message is read.

    Every personal field needs a period in months, no longer than ten years; a complaint's
    record is kept at least as long as the Ombudsman may be asked to look at it."""
    path = Path(directory) / RETENTION_FILE
    if not path.is_file():
        raise PolicyError(str(path), None, "file is missing")
    top = _top(RETENTION_FILE, {RETENTION_FILE: path.read_text(encoding="utf-8")})
    section = top.section("keep_for", set(PERSONAL_FIELDS))
    missing = [name for name in PERSONAL_FIELDS if name not in section.data]
    if missing:
        section.fail(f"no period for {', '.join(missing)}: every personal field needs one")
    periods = {name: section.duration(name) for name in PERSONAL_FIELDS}
    for name, period in periods.items():
        if period.unit != "months":
            section.fail(f"'{name}' must be in months, like '12 months'")
        if period.amount > LONGEST_RETENTION_MONTHS:
            section.fail(f"'{name}' is {period}: nothing is kept longer than ten years")
        if name in COMPLAINT_RECORD_FIELDS and period.amount < OMBUDSMAN_REFERRAL_MONTHS:
            section.fail(
                f"'{name}' is {period}: a complaint's record is kept at least "
                f"{OMBUDSMAN_REFERRAL_MONTHS} months after the final response, while the "
                "Ombudsman may still be asked to look at it"
            )
    return Retention(periods)


def load_answers(directory: str | Path, policy: Policy) -> dict[str, Answer]:
    """answers.yml, checked like the other files and filled in from the policy. Like
    retention.yml it stays out of the model's snapshot: answers do not change how a message is
    read, so the landlord can edit them without retraining."""
    path = Path(directory) / ANSWERS_FILE
    if not path.is_file():
        raise PolicyError(str(path), None, "file is missing")
    file = _top(ANSWERS_FILE, {ANSWERS_FILE: path.read_text(encoding="utf-8")})
    values = answer_placeholders(policy)
    answers = {}
    for r in file.records("answers", {"topic", "match", "answer", "ground", "told", "not_match"}):
        groups = r.data.get("match")
        if not isinstance(groups, list) or not groups:
            r.fail("'match' must be a list of groups of phrases")
        indexed = {f"group {i}": group for i, group in enumerate(groups, start=1)}
        holder = _Record(r.file, r.rule_id, indexed, set(indexed))
        match = tuple(holder.cues(key, required=True) for key in indexed)
        text = r.text("answer")
        _check_placeholders(r, "answer", text, set(values), of="a placeholder answers can use")
        ground = r.optional_text("ground")
        if ground is not None and ground not in policy.grounds:
            r.fail(f"ground {ground!r} is not an exclusion ground in exclusions.yml")
        answers[r.rule_id or ""] = Answer(
            r.rule_id or "",
            r.text("topic"),
            match,
            text.format(**values),
            ground,
            r.flag("told"),
            r.cues("not_match"),
        )
    return answers


def answer_placeholders(policy: Policy) -> dict[str, str]:
    """What an answer may mention: the landlord's details, the ombudsman's and the timescales."""
    values = {name: str(value) for name, value in vars(policy.landlord).items()}
    values |= {f"ombudsman_{name}": str(value) for name, value in vars(policy.ombudsman).items()}
    for stage_id, stage in policy.stages.items():
        values[f"{stage_id}_acknowledge"] = str(stage.acknowledge_within)
        values[f"{stage_id}_respond"] = str(stage.respond_within)
    values["complaint_time_limit"] = str(policy.time_limit)
    return values


_TOP_KEYS = {
    "landlord.yml": {"landlord", "ombudsman"},
    "timescales.yml": {"stages", "complaint_time_limit", "service_request_contact"},
    "exclusions.yml": {"grounds"},
    "intents.yml": {
        "intents",
        "doubt",
        "parts",
        "dissatisfaction_cues",
        "not_dissatisfaction_cues",
        "person_request_cues",
        "staff_cues",
    },
    "adjustments.yml": {"word_groups", "needs"},
    "representatives.yml": {"word_groups", "relationships"},
    "urgency.yml": {
        "categories",
        "cue_groups",
        "over_cues",
        "still_cues",
        "still_times",
        "taken_back_cues",
        "reassured_cues",
        "grief_cues",
        "condolences",
        "sayings",
        "cut_off_cues",
        "leftover_cues",
        "detector",
        "safety_question",
        "safety_yes",
        "safety_confirmed",
        "after_route",
        "will_contact",
        "no_contact_details",
        "no_calls",
        "no_calls_safe_way_given",
        "contact_asked_cues",
        "contact_held_safe",
        "contact_not_held_safe",
        "call_seen_cues",
        "call_seen",
        "cannot_phone",
        "cannot_phone_cues",
        "alarm_chirp",
        "alarm_chirp_cues",
        "device_names",
        "no_loss_phrases",
        "vulnerable_from_age",
        "vulnerable_under_age",
        "age_cue_groups",
        "put_off_cues",
        "line_unanswered",
        "line_unanswered_cues",
        "line_unanswered_needs",
        "line_unanswered_except",
        "what_to_do_cues",
        "use_cues",
        "calling_cues",
        "calling_now",
        "unheard_cues",
        "heard",
        "why_asked_cues",
        "why_asked",
        "cannot_phone_except",
    },
    "hazards.yml": {"law", "kinds"},
    "languages.yml": {
        "languages",
        "phone_interpreter",
        "phone_language_words",
        "phone_words",
        "with_route",
    },
    "definitions.yml": {"outcomes", "ongoing_cues", "finished_cues", "service_areas"},
    "stage_2.yml": {"readings", "open_when"},
    RETENTION_FILE: {"keep_for"},
    ANSWERS_FILE: {"answers"},
}


def _refuse_repeated_keys(name: str, node: yaml.Node | None, path: tuple[str, ...]) -> None:
    """YAML keeps only the last of two equal keys, so a cue list written twice under one rule
    silently loses the first (a merge once gave the gas category two `told_after` lists)."""
    if isinstance(node, yaml.SequenceNode):
        for item in node.value:
            _refuse_repeated_keys(name, item, path)
    if not isinstance(node, yaml.MappingNode):
        return
    rule_id = next((str(v.value) for k, v in node.value if k.value == "id"), None)
    if rule_id is not None:
        path = (rule_id,)
    lines: dict[str, int] = {}
    for key_node, value_node in node.value:
        key = str(key_node.value)
        line = key_node.start_mark.line + 1
        if key in lines:
            raise PolicyError(
                name, ".".join(path) or None,
                f"'{key}' is given twice (lines {lines[key]} and {line}); YAML would keep only "
                "the last, so keep one",
            )  # fmt: skip
        lines[key] = line
        _refuse_repeated_keys(name, value_node, path if rule_id is not None else (*path, key))


def _top(name: str, sources: Mapping[str, str]) -> _Record:
    if name not in sources:
        raise PolicyError(name, None, "file is missing")
    try:
        _refuse_repeated_keys(name, yaml.compose(sources[name]), ())
        data = yaml.safe_load(sources[name])
    except yaml.YAMLError as error:
        raise PolicyError(name, None, f"not valid YAML: {error}") from error
    record = _Record(name, None, data, _TOP_KEYS[name] | {"version"})
    if data.get("version") != SUPPORTED_VERSION:
        record.fail(f"'version' must be {SUPPORTED_VERSION}")
    return record
