"""A person on request, at any time: the chat pauses and staff get the conversation so far."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.app import get_app
from actions.definition import READ_BACK_ACTION
from actions.safety import details_held, routes_not_taken_back
from actions.session import say_it_is_automated
from actions.turns import channel_of, received_at, transcript_of, written_language
from bot.answers import READ_BACK
from bot.casestore.domain import Handoff
from bot.replies import BACK_FROM_PERSON_LINE, handoff_lines
from bot.triage.safety import BACK_FROM_PERSON_ACTION, HANDOFF_ACTION, WITH_PERSON_SLOT


class ActionHandoff(Action):
    def name(self) -> str:
        return HANDOFF_ACTION

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
            routes_not_taken_back(tracker),
            details_held(tracker),
        )
        for line in lines:
            dispatcher.utter_message(text=line)
        # The assistant says nothing more until the conversation restarts or a new session
        # begins, so it does not talk over the person taking it on; but danger typed meanwhile
        # still gets its route (bot.safety_first). Rasa's own pause would silence that too.
        return [SlotSet(WITH_PERSON_SLOT, True)]


class ActionBackFromPerson(Action):
    """A handover made by mistake is taken back while nobody has picked it up, and whatever the
    resident was in the middle of carries on: a complaint's form was dropped at the handover,
    and the resident's "i didnt ask for a person" then got no reply (round 10 r10b-16)."""

    def name(self) -> str:
        return BACK_FROM_PERSON_ACTION

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        if not get_app().cases.withdraw_handoff(tracker.sender_id):
            return []  # a person has the conversation: they answer it
        dispatcher.utter_message(text=BACK_FROM_PERSON_LINE)
        events: list[EventType] = [SlotSet(WITH_PERSON_SLOT, False)]
        form = form_at_handover(tracker)
        if form is not None:
            events.append(FollowupAction(form))
        elif tracker.get_slot(READ_BACK):
            events.append(FollowupAction(READ_BACK_ACTION))
        else:
            dispatcher.utter_message(response="utter_how_can_i_help")
        return events


def form_at_handover(tracker: Tracker) -> str | None:
    """The form that was asking its questions when the conversation was last handed over."""
    events = list(tracker.events)
    handovers = [
        i for i, e in enumerate(events)
        if e.get("event") == "action" and e.get("name") == HANDOFF_ACTION
    ]  # fmt: skip
    if not handovers:
        return None
    loops = [e for e in events[: handovers[-1]] if e.get("event") == "active_loop"]
    return loops[-1].get("name") if loops else None
