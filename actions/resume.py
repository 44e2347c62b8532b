"""The complaint stopped a moment ago, taken up again where it stopped.

"No, I didn't say stop! Please carry on with the complaint for my mum." just after "OK, I've
stopped" started a Stage 2 request, and the complaint taken again later asked once more for
everything already given (round 26 r26b-10 t9, t16): the answers given before the stop are set
back, and the complaint's questions go on from the one that was waiting.
"""

from __future__ import annotations

import re
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import ActiveLoop, EventType, FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.app import get_app
from actions.definition import READ_BACK_ACTION
from actions.turns import LEFT_COMPLAINT, SUBMIT_COMPLAINT_ACTION
from bot.answers import READ_BACK
from bot.text import words

COMPLAINT_FORM = "complaint_form"
# Asking for the complaint just stopped to go on: "carry on with the complaint", "please continue
# the complaint", "i didnt say stop", "I never asked you to stop".
RESUMES = re.compile(
    r"\b(?:carry on|carry|continue|go on|keep going|resume|finish|go back to|get back to|"
    r"back to|restart|pick up)\s+(?:with\s+)?(?:the|my|our|her|his|their|this|that)?\s*"
    r"(?:\w+\s+)?(?:complaint|complain|form|questions)\b"
    r"|\b(?:didnt|didn't|did not|never|dont|don't|do not)\s+(?:say|said|mean|meant|want|wanted|"
    r"ask|asked)\s+(?:(?:you|u|ya|it|to)\s+){0,2}(?:stop|cancel|end)\b"
)
# The most messages since the stop for "carry on" to mean that complaint.
RESUME_WITHIN = 2
# What a stop sets its slots to, that taking the complaint up again undoes.
CLEARED = (None, False, "no_complaint")


def resumes_the_complaint(text: str) -> bool:
    return RESUMES.search(words(text)) is not None


def stopped_here(event: dict[str, Any]) -> bool:
    """Whether the event says "OK, I've stopped. I have not logged a complaint."."""
    return event.get("event") == "bot" and (
        (event.get("metadata") or {}).get("utter_action") == LEFT_COMPLAINT
    )


def complaint_resumed(dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType] | None:
    """The events that take up the complaint stopped just before, with everything given before
    the stop; None when the message does not ask for it, or no complaint was stopped just now."""
    text = str(tracker.latest_message.get("text") or "")
    if not resumes_the_complaint(text):
        return None
    events = list(tracker.applied_events())
    stops = [i for i, e in enumerate(events) if stopped_here(e)]
    if not stops:
        return None
    stop = stops[-1]
    later = events[stop + 1 :]
    if any(
        (e.get("event") == "action" and e.get("name") == SUBMIT_COMPLAINT_ACTION)
        or (e.get("event") == "active_loop" and e.get("name"))
        for e in later
    ):
        return None
    if sum(1 for e in later if e.get("event") == "user") > RESUME_WITHIN:
        return None
    users = [i for i, e in enumerate(events[:stop]) if e.get("event") == "user"]
    turn = users[-1] if users else 0
    next_users = [i for i, e in enumerate(events) if i > stop and e.get("event") == "user"]
    turn_end = next_users[0] if next_users else len(events)
    # The form's loop must have been stopped by that turn, not a yes-or-no offer left.
    stopped_a_form = any(
        e.get("event") == "active_loop" and not e.get("name") for e in events[turn:turn_end]
    )
    before = events[:turn]
    if not stopped_a_form and not any(
        e.get("event") == "active_loop" and e.get("name") == COMPLAINT_FORM for e in before
    ):
        return None
    cleared = {
        str(e.get("name"))
        for e in events[turn:turn_end]
        if e.get("event") == "slot" and e.get("value") in CLEARED
    }
    cleared.discard("requested_slot")
    restored: dict[str, Any] = {}
    waiting = None
    for event in before:
        if event.get("event") == "slot" and event.get("name") == "requested_slot":
            waiting = event.get("value")
        elif event.get("event") == "slot" and event.get("name") in cleared:
            restored[str(event.get("name"))] = event.get("value")
    # The question waiting at the stop was not answered: what was typed at it ("Is my complaint
    # logged yet? I've got to go soon.") is no name, and it is asked again.
    restored.pop(str(waiting), None)
    restored["complaint_choice"] = "complaint"
    contact_id = tracker.get_slot("contact_id")
    if contact_id is not None:
        get_app().cases.record_choice(int(contact_id), "complaint")
    dispatcher.utter_message(text=RESUMED_LINE)
    slots = [SlotSet(name, value) for name, value in restored.items()]
    if restored.get(READ_BACK):
        return [*slots, FollowupAction(READ_BACK_ACTION)]
    return [
        *slots,
        SlotSet("requested_slot", None),
        ActiveLoop(COMPLAINT_FORM),
        FollowupAction(COMPLAINT_FORM),
    ]


RESUMED_LINE = (
    "OK, I'll carry on with your complaint. I still have what you told me, so you do not need "
    "to say it again."
)
