"""While the conversation is marked as with a person: silence only when someone has it."""

from __future__ import annotations

import asyncio

from rasa_sdk import Tracker
from rasa_sdk.events import FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.app import App
from actions.handoff import ActionPersonAwaited
from bot.policy.contract import TRIAGE_ACTION
from bot.triage.safety import WITH_PERSON_SLOT


def _marked_with_a_person(text: str) -> Tracker:
    return Tracker(
        sender_id="r13c-02-like",
        slots={WITH_PERSON_SLOT: True},
        latest_message={"text": text, "intent": {"name": "make_complaint"}, "entities": []},
        events=[{"event": "user", "text": text}],
        paused=False,
        followup_action=None,
        active_loop={},
        latest_action_name="action_listen",
    )


def test_with_no_handover_open_the_message_is_read_as_any_other(
    app: App, dispatcher: CollectingDispatcher
) -> None:
    """Round 13 (r13c-02): after "carry on here" the slot said a person had the conversation,
    no handover was open, and "i want make complaint about heater" got no reply at all."""
    events = asyncio.run(
        ActionPersonAwaited().run(
            dispatcher, _marked_with_a_person("hello?? i want make complaint about heater"), {}
        )
    )
    assert events == [SlotSet(WITH_PERSON_SLOT, False), FollowupAction(TRIAGE_ACTION)]
