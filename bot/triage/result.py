"""What triage decides about one message, and its JSON contract (DESIGN §5)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass, fields, replace
from typing import Any

from bot.policy import Policy
from bot.policy.ids import ASB_REPORT
from bot.policy.schema import Label


@dataclass(frozen=True)
class Reason:
    """Why triage decided something, citing a Code provision or a policy rule id.

    `special_category` marks a reason that tells of a health need or disability: special category
    data, kept only through the consent step of the adjustment questions, never as a by-product
    of triage, however the reason is worded or cited. `offers_choice` marks a reason that calls
    for the offer to complain whatever the label (1.5: a request the resident is unhappy about),
    however it is worded or cited."""

    code: str
    text: str
    special_category: bool = False
    offers_choice: bool = False


def first_asb_report(label: Label | str, exclusion_reason: str | None) -> bool:
    """A report of anti-social behaviour, not a complaint about how one was handled (triage
    labels that a complaint and keeps the ground for an officer). It goes to the ASB team as a
    service request: nothing for a complaints officer to decide, no choice to offer."""
    return label == "excluded" and exclusion_reason == ASB_REPORT


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
    # The danger in doubt when the question is asked (the detector's guess, or a danger word said
    # not to be there), so the question fits it.
    danger_in_doubt: str | None = None
    # The language danger words were found in, when not English: the route is given in it too.
    danger_language: str | None = None
    # Everything the message holds, the primary label first (its span is the whole message),
    # then any excluded matter or service request found in a sentence of its own.
    parts: tuple[Part, ...] = ()
    # A matter the residents' complaints process never takes, named in its own words (a staff
    # member's own grievance): explained with its route, and no choice to complain is offered.
    outside_the_process: bool = False
    # The message tells of someone else at risk ("he's been saving up his tablets"): a route
    # with words for that is said about them, not to the writer (round 15 r15c-14).
    about_someone_else: bool = False

    @property
    def representative(self) -> bool:
        return bool(self.relationships)

    @property
    def urgent(self) -> bool:
        return bool(self.urgency)

    @property
    def first_asb_report(self) -> bool:
        return first_asb_report(self.label, self.exclusion_reason)

    @property
    def offers_complaint(self) -> bool:
        """Whether the resident is offered the choice to complain: the one decision the chat and
        the console both follow. Dissatisfaction is met with it (1.3), and so is a request the
        resident is unhappy about (1.5). A matter that may be excluded is explained and offered
        it too: the exclusion is a proposal for a complaints officer, never a refusal (2.1, 2.4,
        2.5). A first report of anti-social behaviour goes to the ASB team instead; the choice
        comes when the resident is unhappy with how a report was handled, which is a complaint,
        or with something else told beside the report ("the woman on the phone was rude"), a
        complaint part. A staff member's own grievance is not a resident's complaint at all."""
        if self.outside_the_process:
            return False
        if self.first_asb_report:
            return any(part.label == "complaint" for part in self.parts)
        return self.label in ("complaint", "excluded") or any(r.offers_choice for r in self.reasons)

    @property
    def request_category(self) -> str | None:
        """The category of the service request this contact is logged as at once: a request's
        service area, or the ASB team's for a first ASB report (1.4)."""
        if self.first_asb_report:
            return ASB_REPORT
        return self.service_area if self.label == "service_request" else None

    @property
    def ground_to_explain(self) -> str | None:
        """The possible exclusion to explain, with the Ombudsman right, before the choice (2.1,
        2.4): any ground kept for an officer, but not a first ASB report's."""
        return None if self.first_asb_report else self.exclusion_reason

    def consent_safe(self, policy: Policy) -> TriageResult:
        """This triage as it may be kept without the resident's consent (5.10; UK GDPR Article
        9): without the reasons that tell of a health need or disability, and without those
        needs. A need the policy does not name is left out too."""
        return replace(
            self,
            adjustments=tuple(
                need for need in self.adjustments
                if need in policy.needs and not policy.needs[need].special_category
            ),
            reasons=tuple(reason for reason in self.reasons if not reason.special_category),
        )  # fmt: skip

    def as_stored(self) -> dict[str, Any]:
        """This triage as kept with its contact (JSON), so staff see it again without parsing
        the message again; with the decision to offer the choice as it was made then."""
        return {**asdict(self), "offers_complaint": self.offers_complaint}

    @classmethod
    def from_stored(cls, stored: Mapping[str, Any]) -> TriageResult:
        """A triage as `as_stored` kept it (JSON gives lists where it had tuples)."""
        kept: dict[str, Any] = {
            name: tuple(value) if isinstance(value, list) else value
            for name, value in stored.items()
            if name in {f.name for f in fields(cls)}
        }
        kept["reasons"] = tuple(Reason(**reason) for reason in stored["reasons"])
        kept["parts"] = tuple(Part(**part) for part in stored.get("parts", ()))
        return cls(**kept)

    def as_contract(self, message_id: Any) -> dict[str, Any]:
        """One line of `python -m bot classify` output, with the chat's and the console's one
        decision whether to offer the choice to complain."""
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
            "offers_complaint": self.offers_complaint,
        }
