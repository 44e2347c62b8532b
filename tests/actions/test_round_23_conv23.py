"""Round 23 (r23b, issue 16), in the actions and our own wordings: a no in a sentence at the
adjustments question is no adjustment, with a question beside it (r23b-07 t8); the words that
choose to complain and the way not chosen are no part of what went wrong (r23b-07 t4); Stage 2
asked for the complaint named earlier, while a new one is drafted, drops only the draft and
takes the reference already given (r23b-04 t4, t11, t12)."""

from __future__ import annotations

from typing import Any

import pytest
from rasa_sdk import Tracker
from rasa_sdk.events import ActiveLoop, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.adjustments import declines
from actions.choice import problem_beside_the_choice
from actions.repair import stage_2_instead
from bot.answers import OpenQuestion
from bot.bootstrap import App


@pytest.mark.parametrize(
    "text",
    [
        "no I don't think so. how long does all this take by the way?",
        "I dont think so thanks",
        "nope, don't need anything. is there a stage 3?",
        "not that I know of",
    ],
)
def test_a_no_in_a_sentence_is_no_adjustment(text: str) -> None:
    assert declines(text, needs_named=False)


@pytest.mark.parametrize(
    "text",
    [
        "no I don't think so but large print would help",
        "I dont think she needs it, but an interpreter",
    ],
)
def test_a_need_named_after_the_no_still_counts(text: str) -> None:
    assert not declines(text, needs_named=True)


def chose(text: str, before: list[str] = ()) -> Tracker:
    latest = {
        "text": text,
        "intent": {"name": "make_complaint", "confidence": 0.9},
        "intent_ranking": [],
        "entities": [{"entity": "dissatisfaction_cue", "value": "dissatisfaction"}],
        "message_id": "m-23",
    }
    events: list[dict[str, Any]] = [
        {"event": "user", "text": said, "parse_data": {**latest, "text": said}} for said in before
    ]
    events.append({"event": "user", "text": text, "parse_data": latest})
    return Tracker.from_dict(
        {
            "sender_id": "resident-23",
            "slots": {},
            "latest_message": latest,
            "events": [{"timestamp": 1765000000.0 + i, **e} for i, e in enumerate(events)],
            "paused": False,
            "followup_action": None,
            "active_loop": {},
            "latest_action_name": "action_listen",
        }
    )


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        (
            "actually I want to make a formal complaint about nobody ringing me back, not the put "
            "it right thing",
            "nobody ringing me back",
        ),
        ("ok I want to make a complaint, not the informal one", ""),
        (
            "she'd like to make a formal complaint about the rude surveyor rather than putting it "
            "right",
            "the rude surveyor",
        ),
    ],
)
def test_the_words_that_choose_are_no_part_of_what_went_wrong(text: str, kept: str) -> None:
    assert problem_beside_the_choice(chose(text), []) == kept


def drafting(text: str, slots: dict[str, Any], loop: str | None) -> Tracker:
    latest = {
        "text": text,
        "intent": {"name": "escalate", "confidence": 0.9},
        "intent_ranking": [],
        "entities": [],
        "message_id": "m-23b",
    }
    first = "my complaint CMP-2026-000045 from october still has no answer, where is it"
    events = [
        {"event": "user", "text": first, "parse_data": {**latest, "text": first}},
        {"event": "bot", "text": "Here is what I understood."},
        {"event": "user", "text": text, "parse_data": latest},
    ]
    return Tracker.from_dict(
        {
            "sender_id": "resident-23b",
            "slots": slots,
            "latest_message": latest,
            "events": [{"timestamp": 1765000000.0 + i, **e} for i, e in enumerate(events)],
            "paused": False,
            "followup_action": None,
            "active_loop": {"name": loop} if loop else {},
            "latest_action_name": "action_listen",
        }
    )


@pytest.mark.parametrize(
    ("question", "loop", "stopped"),
    [
        (OpenQuestion("awaiting_confirmation"), None, "I have stopped the new complaint"),
        (OpenQuestion("contact_name", "complaint_form"), "complaint_form", "stopped the new"),
        (OpenQuestion("choice_pending"), None, "I have not started a new complaint"),
    ],
)
def test_stage_2_for_the_complaint_named_earlier_drops_only_the_draft(
    app: App,
    dispatcher: CollectingDispatcher,
    question: OpenQuestion,
    loop: str | None,
    stopped: str,
) -> None:
    slots = {
        "awaiting_confirmation": question.name == "awaiting_confirmation",
        "outcome_sought": "fix the leak",
        "complaint_aspects": "the leak",
        "requested_slot": "contact_name" if loop else None,
    }
    domain = {"forms": {"complaint_form": {"required_slots": ["contact_name"]}}}
    events = stage_2_instead(
        dispatcher, drafting("scrap this one, I want stage 2", slots, loop), question, domain
    )
    said = " ".join(str(m.get("text")) for m in dispatcher.messages)
    assert stopped in said and "CMP-2026-000045" in said
    assert "withdraw" not in said
    assert SlotSet("outcome_sought", None) in events
    assert SlotSet("complaint_choice", "no_complaint") in events
    if loop:
        assert ActiveLoop(None) in events
    reread = [e for e in events if e.get("event") == "user"]
    assert reread and reread[-1]["parse_data"]["intent"]["name"] == "escalate"


@pytest.mark.parametrize(
    ("choosing", "added"),
    [
        (
            "actually I want to make a formal complaint about being sent from team to team, not "
            "the put it right thing",
            "",
        ),
        (
            "ok I'd like to make a formal complaint about the housing officer never calling back",
            "the housing officer never calling back",
        ),
        ("I want to make a complaint, not the informal one", ""),
    ],
)
def test_a_choice_made_later_adds_only_what_it_tells_that_is_new(
    app: App, choosing: str, added: str
) -> None:
    from actions.choice import problem_told

    first = "I keep being sent from team to team about my flooded carpet and Im fed up"
    told = [
        {"text": first, "intent": {"name": "dissatisfaction"}, "entities": []},
        {"text": choosing, "intent": {"name": "make_complaint"}, "entities": []},
    ]
    assert problem_told(chose(choosing), told) == f"{first} {added}".strip()
