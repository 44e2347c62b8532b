"""The landlord's policy as frozen dataclasses, built from `policy_rules/` by the loader."""

from __future__ import annotations

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
    unit: Literal["working_days", "months"]

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
class ExclusionGround:
    id: str
    source: Literal["code", "landlord"]
    provision: str
    explanation: str
    route: str
    cues: tuple[str, ...]


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
class UrgencyCategory:
    id: str
    route: str
    cues: tuple[str, ...]
    vulnerable_only: bool = False


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
class Retention:
    """How long conversations are kept (retention.yml), apart from what open complaints need."""

    keep_for: Duration


@dataclass(frozen=True)
class Policy:
    landlord: Landlord
    ombudsman: Ombudsman
    stages: dict[str, StageTimescale]
    time_limit: Duration
    grounds: dict[str, ExclusionGround]
    intents: dict[str, IntentRule]
    doubt: Doubt
    dissatisfaction_cues: tuple[str, ...]
    person_request_cues: tuple[str, ...]
    needs: dict[str, AdjustmentNeed]
    relationships: dict[str, Relationship]
    urgency: dict[str, UrgencyCategory]
    vulnerability_cues: tuple[str, ...]
    outcomes: dict[str, Outcome]
    ongoing_cues: tuple[str, ...]
    service_areas: dict[str, ServiceArea]
    sources: dict[str, str] = field(default_factory=dict, compare=False, repr=False)

    def urgent_route(self, category_id: str) -> str:
        """The route to give at once, with the landlord's numbers filled in."""
        return self.urgency[category_id].route.format(**vars(self.landlord))
