"""The complaint definition in plain words: read back to the resident before it is logged (5.6)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
PREFERENCES = {
    "email": ("email", "e-mail"),
    "phone": ("phone", "call", "ring"),
    "text": ("text", "sms"),
    "letter": ("letter", "post", "write"),
}
NO_ANSWERS = {"no", "none", "nope", "no thanks", "no thank you", "nothing", "n", "na", "n/a"}


def valid_contact_details(text: str) -> bool:
    """An email address, or a phone number with at least 10 digits."""
    stripped = text.strip()
    return bool(EMAIL.match(stripped)) or sum(c.isdigit() for c in stripped) >= 10


def contact_preference(text: str) -> str | None:
    lowered = text.lower()
    return next((key for key, words in PREFERENCES.items() if any(w in lowered for w in words)),
                None)  # fmt: skip


def is_no(text: str) -> bool:
    return text.strip().lower().rstrip(".!") in NO_ANSWERS


def long_date(day: date) -> str:
    return f"{day:%A} {day.day} {day:%B %Y}"


@dataclass(frozen=True)
class DraftDefinition:
    aspects: str
    still_happening: bool | None
    outcome: str
    representative: str | None
    contact_name: str
    contact_details: str
    contact_preference: str
    adjustments: str | None
    earlier_request: str | None = None

    def read_back(self) -> str:
        lines = [
            "Here is what I understood.",
            f"What went wrong: {self.aspects.strip()}",
        ]
        if self.still_happening is not None:
            lines.append("It is still happening." if self.still_happening else "It has stopped.")
        if self.earlier_request:
            lines.append(f"It is about a request you reported before: {self.earlier_request}")
        lines.append(f"You would like: {self.outcome.strip()}")
        if self.representative:
            lines.append(f"You are helping the resident: {self.representative.strip()}")
        lines.append(
            f"We will contact {self.contact_name.strip()} by {self.contact_preference} "
            f"({self.contact_details.strip()})."
        )
        if self.adjustments:
            lines.append(f"To make things easier for you: {self.adjustments.strip()}")
        lines.append("Is that right?")
        return "\n".join(lines)
