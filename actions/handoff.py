"""A person on request, at any time: the chat pauses and staff get the conversation so far."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.app import get_app
from actions.safety import details_held, routes_in
from actions.session import say_it_is_automated
from actions.turns import channel_of, received_at, transcript_of, written_language
from bot.casestore.domain import Handoff
from bot.replies import handoff_lines
from bot.triage.safety import WITH_PERSON_SLOT


class ActionHandoff(Action):
    def name(self) -> str:
        return "action_handoff"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        app = get_app()
        handoff = app.cases.record_handoff(
            Handoff(
                conversation_id=tracker.sender_id,
                channel=channel_of(tracker),
                requested_at=received_at(tracker),
                transcript=transcript_of(tracker),
            )
        )
        say_it_is_automated(dispatcher, tracker)
        lines = handoff_lines(
            handoff.person_from,
            app.policy,
            written_language(tracker),
            routes_in(tracker),
            details_held(tracker),
        )
        for line in lines:
            dispatcher.utter_message(text=line)
        # The assistant says nothing more until the conversation restarts or a new session
        # begins, so it does not talk over the person taking it on; but danger typed meanwhile
        # still gets its route (bot.safety_first). Rasa's own pause would silence that too.
        return [SlotSet(WITH_PERSON_SLOT, True)]
