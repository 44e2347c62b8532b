"""Condolences for a death told as grief, said once in a conversation wherever it is told: at
the first message, at a form's question, or where the safety check runs (actions.safety)."""

from __future__ import annotations

import re

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.app import get_app
from bot.estates import resident_has_died
from bot.nlp.matches import RuleMatches

# Grief told without saying who died: "since the funeral", "lost my dad in May".
BEREAVED = re.compile(r"\b(?:funeral|bereave\w*|lost my \w+)\b", re.IGNORECASE)
# Said in the policy's condolences and in the executor's authority noted (bot.estates).
SYMPATHY = "sorry for your loss"


def sympathy_said(tracker: Tracker, dispatcher: CollectingDispatcher | None = None) -> bool:
    """Whether condolences were said in this conversation, this turn included."""
    said = [str(e.get("text") or "") for e in tracker.events if e.get("event") == "bot"]
    said += [str(m.get("text") or "") for m in (dispatcher.messages if dispatcher else [])]
    return any(SYMPATHY in line.lower() for line in said)


def condolences_once(dispatcher: CollectingDispatcher, tracker: Tracker) -> None:
    """Condolences when the message just told of a death as grief, unless said before: the
    safety check said them only where it ran, so "after she died" in the first message of a
    complaint, or "my mum passed away last month" at a form's question got none (round 24
    r24b-03; round 25 conv25)."""
    matches = RuleMatches.from_entities(tracker.latest_message.get("entities") or [])
    text = str(tracker.latest_message.get("text") or "")
    # Some grief cues only suggest a death ("my mum was the tenant" may have moved into care):
    # away from the safety check, condolences need the death told.
    died = resident_has_died(text) or BEREAVED.search(text) is not None
    if matches.grief and died and not sympathy_said(tracker, dispatcher):
        dispatcher.utter_message(text=get_app().policy.safety.condolences)
