"""What the safety check needs outside a full triage: whether a parsed message needs the check,
and whether a reply says yes to the safety question. Free of Rasa, so the dialogue policy (in the
Rasa server) and the actions (in the action server) decide the same way."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from bot.nlp.matches import RuleMatches
from bot.policy import Policy
from bot.triage.decide import dangers

SAFETY_ACTION = "action_safety_check"
# Set while a person has the conversation: the assistant stays quiet except for the safety route.
WITH_PERSON_SLOT = "with_person"
# The category a "yes" to the safety question is flagged under.
REPORTED_DANGER = "someone_in_danger"


def needs_safety_check(entities: Iterable[dict[str, Any]], policy: Policy) -> bool:
    """A danger to route, or enough doubt to ask about one."""
    urgency, ask = dangers(RuleMatches.from_entities(entities), policy)
    return bool(urgency) or ask


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
