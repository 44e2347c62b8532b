"""What triage decides about one message, and its JSON contract (DESIGN §5)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from bot.policy.schema import Label


@dataclass(frozen=True)
class Reason:
    """Why triage decided something, citing a Code provision or a policy rule id.

    `special_category` marks a reason that tells of a health need or disability: special category
    data, kept only through the consent step of the adjustment questions, never as a by-product
    of triage, however the reason is worded or cited."""

    code: str
    text: str
    special_category: bool = False


@dataclass(frozen=True)
class Part:
    """One thing a message holds: its label, the exclusion ground if any, where it goes, and
    the text it was found in (start and end are character offsets into the message)."""

    label: Label
    exclusion_reason: str | None
    route: str
    start: int
    end: int
    text: str

    def as_contract(self) -> dict[str, Any]:
        return {
            "label": self.label,
            "exclusion_reason": self.exclusion_reason,
            "route": self.route,
            "span": [self.start, self.end],
        }


@dataclass(frozen=True)
class TriageResult:
    label: Label
    intent: str
    confidence: float
    exclusion_reason: str | None
    relationships: tuple[str, ...]
    adjustments: tuple[str, ...]
    urgency: tuple[str, ...]
    references: tuple[str, ...]
    outcomes: tuple[str, ...]
    service_area: str
    ongoing: bool
    months_ago: float | None
    reasons: tuple[Reason, ...]
    # Unsure whether there is danger: ask one short safety question rather than guess.
    ask_about_danger: bool = False
    # The language danger words were found in, when not English: the route is given in it too.
    danger_language: str | None = None
    # Everything the message holds, the primary label first (its span is the whole message),
    # then any excluded matter or service request found in a sentence of its own.
    parts: tuple[Part, ...] = ()

    @property
    def representative(self) -> bool:
        return bool(self.relationships)

    @property
    def urgent(self) -> bool:
        return bool(self.urgency)

    @property
    def offers_complaint(self) -> bool:
        """Dissatisfaction must be met with the choice to complain (Code 1.3)."""
        return self.label == "complaint"

    def as_contract(self, message_id: Any) -> dict[str, Any]:
        """One line of `python -m bot classify` output."""
        return {
            "id": message_id,
            "label": self.label,
            "exclusion_reason": self.exclusion_reason,
            "representative": self.representative,
            "adjustments": list(self.adjustments),
            "urgent": self.urgent,
            "confidence": round(self.confidence, 4),
            "reasons": [{"code": r.code, "text": r.text} for r in self.reasons],
            "parts": [part.as_contract() for part in self.parts],
        }
