"""What triage decides about one message, and its JSON contract (DESIGN §5)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from bot.policy.schema import Label


@dataclass(frozen=True)
class Reason:
    """Why triage decided something, citing a Code provision or a policy rule id."""

    code: str
    text: str


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
        }
