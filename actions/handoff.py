"""A person on request, at any time: the chat pauses and staff get the conversation so far."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import ConversationPaused, EventType
from rasa_sdk.executor import CollectingDispatcher

from actions.app import get_app
from actions.turns import channel_of, received_at, transcript_of
from bot.casestore.domain import Handoff
from bot.replies import handoff_lines


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
        for line in handoff_lines(handoff.person_from, app.policy):
            dispatcher.utter_message(text=line)
        # Rasa answers nothing more in a paused conversation until it restarts or a new session
        # begins, so the bot does not talk over the person taking it on.
        return [ConversationPaused()]
