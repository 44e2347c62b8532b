"""Round 20 (player a), what the resident is told after the first message, with the classifier's
reading given and the policy's own rule matches: a permit question beside a complaint hears the
council's parking route once, as a part, and the part is kept out of what went wrong (r20a-08 t1,
t6); a paid cleaning not done hears no ASB team (r20a-12 t1). Wordings are our own."""

from __future__ import annotations

import asyncio

import pytest
from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.choice import problem_told, without_parts
from actions.triage import ActionTriage
from bot.bootstrap import App
from bot.nlp.rules import RuleMatcher

PERMIT_ROUTE = "ask for parking permits"


def first_message(app: App, text: str, ranking: dict[str, float]) -> tuple[str, list, Tracker]:
    """The first message triaged: what was said, the events, and the tracker after it."""
    matcher = RuleMatcher.blank(app.policy)
    ordered = [{"name": n, "confidence": c} for n, c in ranking.items()]
    message = {"text": text, "intent": ordered[0], "intent_ranking": ordered,
               "entities": matcher.match(matcher.make_doc(text)).as_entities()}  # fmt: skip
    dispatcher = CollectingDispatcher()
    tracker = Tracker.from_dict({"sender_id": "r21", "slots": {}, "latest_message": message,
                                 "events": []})  # fmt: skip
    events = asyncio.run(ActionTriage().run(dispatcher, tracker, {}))
    said = [m.get("text") or m.get("response") or "" for m in dispatcher.messages]
    user = {"event": "user", "text": text, "parse_data": message}
    bots = [{"event": "bot", "text": line} for line in said]
    after = Tracker.from_dict({"sender_id": "r21", "slots": {}, "latest_message": message,
                               "events": [user, *bots]})  # fmt: skip
    return " ".join(said), events, after


@pytest.mark.parametrize(
    "text",
    [
        "Two things. 1) the entry buzzer at Larch House has been dead for 3 weeks, the postman "
        "cant get in and nobody came when I rang. 2) I've got a new car, how do I get a residents "
        "parking permit for Larch Road? Thanks",
        "the door entry phone to our block has been broken a month and nobody came. Also how do "
        "I get a residents parking permit?",
    ],
)
def test_a_permit_question_beside_a_complaint_hears_the_council_once(app: App, text: str) -> None:
    ranking = {"dissatisfaction": 0.6, "service_request": 0.3, "enquiry": 0.1}
    said, events, after = first_message(app, text, ranking)
    assert said.count(PERMIT_ROUTE) == 1
    assert 'You also mentioned: "' in said and "parking permit" in said
    assert SlotSet("choice_pending", True) in events
    told = problem_told(after, [{"text": text}])
    assert "parking" not in told.lower()
    assert "?" not in told


def test_the_stop_a_part_leaves_behind_is_not_read_back() -> None:
    text = "1) the buzzer is broken and nobody came. 2) how do I get a permit? Thanks"
    assert without_parts(text, ["2) how do I get a permit"]) == (
        "1) the buzzer is broken and nobody came. Thanks"
    )


@pytest.mark.parametrize(
    "text",
    [
        "I'd like to complain please. The stairwell in our block hasn't been cleaned for weeks "
        "though we pay a service charge for cleaning. There's rubbish and a smell of urine.",
        "paying service charge for cleaning and nobody has mopped the communal hall since october",
    ],
)
def test_a_paid_cleaning_not_done_hears_no_asb_team(app: App, text: str) -> None:
    ranking = {"report_asb": 0.55, "make_complaint": 0.3, "dissatisfaction": 0.15}
    said, events, _ = first_message(app, text, ranking)
    assert "anti-social behaviour" not in said
    assert SlotSet("triage_label", "complaint") in events
