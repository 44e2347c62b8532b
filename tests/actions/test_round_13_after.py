"""Round 13 outside the form: what is said while the conversation is marked as with a person."""

from __future__ import annotations

import asyncio
from datetime import datetime, timezone

from rasa_sdk import Tracker
from rasa_sdk.events import FollowupAction
from rasa_sdk.executor import CollectingDispatcher

from actions.handoff import ActionPersonAwaited
from actions.safety import ActionSafetyCheck
from bot.bootstrap import App
from bot.casestore.domain import Handoff
from bot.replies import DETAILS_SEEN_LINE, PERSON_AWAITED_LINE
from bot.triage.safety import PERSON_AWAITED_ACTION, WITH_PERSON_SLOT

SENDER = "r13-details"
NUMBER = "my number is 07700 900412, ring me on that"


def _marked_with_a_person(text: str) -> Tracker:
    return Tracker(
        sender_id=SENDER,
        slots={WITH_PERSON_SLOT: True},
        latest_message={
            "text": text,
            "intent": {"name": "inform", "confidence": 0.9},
            "intent_ranking": [{"name": "inform", "confidence": 0.9}],
            "entities": [],
            "message_id": "m-r13-details",
        },
        events=[{"event": "user", "text": text, "parse_data": {}}],
        paused=False,
        followup_action=None,
        active_loop={},
        latest_action_name="action_listen",
    )


def _said(dispatcher: CollectingDispatcher) -> list[str]:
    return [m.get("text") or m.get("response") or "" for m in dispatcher.messages]


def test_details_with_no_handover_open_are_not_said_to_reach_a_person(
    app: App, dispatcher: CollectingDispatcher
) -> None:
    """The slot said a person had the conversation after the handover was taken back: a number
    typed then was told "the person who picks up this conversation will see the details"; the
    message goes on to be read as any other (round 13 r13c-02)."""
    events = asyncio.run(ActionSafetyCheck().run(dispatcher, _marked_with_a_person(NUMBER), {}))
    assert DETAILS_SEEN_LINE not in _said(dispatcher)
    assert FollowupAction(PERSON_AWAITED_ACTION) in events


def test_details_while_a_person_is_awaited_are_said_to_be_seen(
    app: App, dispatcher: CollectingDispatcher
) -> None:
    """Guard (round 10 r10c-01): with a handover waiting, the details are said to be seen."""
    app.cases.record_handoff(
        Handoff(SENDER, "rest", datetime(2026, 12, 5, 20, 0, tzinfo=timezone.utc), ())
    )
    asyncio.run(ActionSafetyCheck().run(dispatcher, _marked_with_a_person(NUMBER), {}))
    assert DETAILS_SEEN_LINE in _said(dispatcher)


def test_asking_for_a_person_while_one_is_awaited_is_told_one_will_read_it(
    app: App, dispatcher: CollectingDispatcher
) -> None:
    """r13a-06: "fine, I want a person to confirm it on monday then", read as a yes while a
    person was awaited, got no reply at all."""
    app.cases.record_handoff(
        Handoff(SENDER, "rest", datetime(2026, 12, 5, 20, 0, tzinfo=timezone.utc), ())
    )
    text = "fine, I want a person to confirm it on monday then"
    turn = _marked_with_a_person(text)
    turn.latest_message["intent"] = {"name": "affirm", "confidence": 0.57}
    asyncio.run(ActionPersonAwaited().run(dispatcher, turn, {}))
    assert PERSON_AWAITED_LINE in _said(dispatcher)


def test_thanks_while_a_person_is_awaited_still_needs_no_reply(
    app: App, dispatcher: CollectingDispatcher
) -> None:
    """Guard (round 11): "ok thanks" while waiting gets nothing."""
    app.cases.record_handoff(
        Handoff(SENDER, "rest", datetime(2026, 12, 5, 20, 0, tzinfo=timezone.utc), ())
    )
    turn = _marked_with_a_person("ok thanks")
    turn.latest_message["intent"] = {"name": "thank", "confidence": 0.9}
    asyncio.run(ActionPersonAwaited().run(dispatcher, turn, {}))
    assert _said(dispatcher) == []
