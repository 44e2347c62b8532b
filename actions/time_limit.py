"""The 12-month limit with discretion (Code 2.3): asked about, explained, never a refusal."""

from __future__ import annotations

import re
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.app import get_app
from bot.policy.ids import OVER_12_MONTHS
from bot.replies import exclusion_lines


class ActionTimeLimitAnswer(Action):
    def name(self) -> str:
        return "action_time_limit_answer"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        app = get_app()
        over = tracker.get_intent_of_latest_message() == "deny"
        contact_id = tracker.get_slot("contact_id")
        if contact_id is not None:
            # A complaint about it then goes to an officer only if it is over (the case store).
            app.cases.record_time_limit(int(contact_id), within_time=not over)
        if over:
            for line in exclusion_lines(OVER_12_MONTHS, app.policy):
                dispatcher.utter_message(text=line)
        # Either way the resident may still complain: the assistant refuses nothing.
        dispatcher.utter_message(response="utter_offer_complaint")
        events: list[EventType] = [
            SlotSet("time_limit_pending", False),
            SlotSet("choice_pending", True),
        ]
        goes_on = still_going_on(tracker, over)
        if goes_on is not None:
            # "no its over, fence is fine now" is the form's answer too: "Is this still
            # happening now?" is not asked again (round 15 r15b-11).
            events.append(SlotSet("still_happening", goes_on))
        return events


# "yes but I only found out in May": found out lately, which says nothing of whether it goes on.
FOUND_OUT = re.compile(
    r"\b(?:found out|find out|finding out|only just (?:found|seen|noticed|learned|learnt)|"
    r"recently|didn'?t know|did not know|just noticed)\b",
    re.IGNORECASE,
)


def still_going_on(tracker: Tracker, over: bool) -> bool | None:
    """What the answer to the 12-month question says of whether it goes on: over is stopped, a
    yes is still happening, finding out lately says neither."""
    if over:
        return False
    text = str(tracker.latest_message.get("text") or "")
    if tracker.get_intent_of_latest_message() != "affirm" or FOUND_OUT.search(text):
        return None
    return True
