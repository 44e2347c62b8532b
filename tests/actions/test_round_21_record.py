"""Round 20 (issue 16), in the actions: a plain question about what this conversation holds for
the resident is answered from it. "What have you written down for me?" reads back each request
and matter put right, in the resident's words, with the contact details and the date promised
(r20a-07 t5-t6, r20a-06 t4); "whose name is the callback under?" gets the name and number held,
never "No, I have not logged a complaint" (r20a-02 t5-t7); leaving unhappy with the service
gets a sorry and the choice to complain (r20a-06 t6)."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.languages import ActionGoodbye
from actions.repair import ActionUnderstandAnswer
from bot.bootstrap import App

NOTED = "Thank you. I've noted this as a request for our team."
PUT_RIGHT = (
    "Thank you. We'll pass this to the right team to put it right, without a formal complaint. "
    "You can still make a complaint at any time if you change your mind."
)
OFFER = "utter_offer_complaint"
TAP = "the kitchen tap drips all night and the washer has gone, I am at 4 Beech Close"
MOULD = (
    "yes ring me please, 07700 900456, my name is Pat Green. The mould in the bathroom is back "
    "and nobody came last time, I'm fed up with it."
)
CONTACT_LINE = (
    "Our team will contact you by phone (07700 900456) by Wednesday 9 December 2026 to arrange it."
)


def parse(
    text: str, intent: str = "enquiry", entities: list[dict[str, Any]] | None = None
) -> dict[str, Any]:
    return {
        "text": text,
        "intent": {"name": intent, "confidence": 0.8},
        "intent_ranking": [{"name": intent, "confidence": 0.8}],
        "entities": entities or [],
        "message_id": "m-21",
    }


def conversation(
    turns: list[dict[str, Any]], text: str, slots: dict[str, Any], **parsed: Any
) -> Tracker:
    """A conversation so far (user, bot and slot events in order) and the message just in."""
    latest = parse(text, **parsed)
    events = [
        {"timestamp": 1764950000.0 + i, **event}
        for i, event in enumerate([*turns, {"event": "user", "text": text, "parse_data": latest}])
    ]
    return Tracker.from_dict(
        {
            "sender_id": "resident-21",
            "slots": slots,
            "latest_message": latest,
            "events": events,
            "paused": False,
            "followup_action": None,
            "active_loop": {},
            "latest_action_name": "action_listen",
        }
    )


def user(text: str) -> dict[str, Any]:
    return {"event": "user", "text": text, "parse_data": parse(text)}


def bot(text: str) -> dict[str, Any]:
    return {"event": "bot", "text": text}


def slot(name: str, value: Any) -> dict[str, Any]:
    return {"event": "slot", "name": name, "value": value}


# A repair noted, then a complaint's matter put right without one, with the details given.
TWO_THINGS = [
    user(TAP),
    bot(NOTED),
    slot("triaged_text", TAP),
    bot(
        "Would you like our team to contact you about it? If you'd rather call us, that's fine too."
    ),
    user(MOULD),
    bot("I'm sorry things have gone wrong. You can make a formal complaint ..."),
    slot("triaged_text", MOULD),
    user("no complaint, just get it sorted"),
    bot(PUT_RIGHT),
    bot(CONTACT_LINE),
]
HELD = {"contact_name": "Pat Green", "contact_details": "07700 900456"}


def replies(tracker: Tracker) -> list[str]:
    dispatcher = CollectingDispatcher()
    asyncio.run(ActionUnderstandAnswer().run(dispatcher, tracker, {}))
    return [str(m.get("text") or m.get("response") or "") for m in dispatcher.messages]


@pytest.mark.parametrize(
    "typed",
    [
        "have you still got the tap on there too, or shall I tell you again?",
        "sorry can you tell me what you've written down for me so far",
        "is that for the tap and the mould or just one?",
    ],
)
def test_what_was_noted_is_read_back_with_the_details_and_the_date(app: App, typed: str) -> None:
    """r20a-07 t5-t6, r20a-06 t4: "I can't answer that one myself"."""
    said = "\n".join(replies(conversation(TWO_THINGS, typed, HELD)))
    assert "I can't answer that one" not in said
    assert "have not logged a complaint" not in said
    assert "the kitchen tap drips all night" in said
    assert "The mould in the bathroom is back" in said
    assert "07700 900456" in said and "Wednesday 9 December 2026" in said
    assert "Pat Green" in said
    # What went with the message is not read back as the problem.
    assert "ring me please" not in said


def test_who_will_ring_is_said_honestly(app: App) -> None:
    """r20a-07 t5: "Will it be the same person that rings me about both?"."""
    typed = "is the tap still on there as well? will it be the same person who rings about both?"
    said = "\n".join(replies(conversation(TWO_THINGS, typed, HELD)))
    assert "the kitchen tap drips all night" in said
    assert "I can't see who in our team will contact you" in said


def test_one_message_with_two_jobs_is_read_back_whole(app: App) -> None:
    """r20a-06 t4: both things in one first message, asked "AND ... or just one?"."""
    first = (
        "hiya the bathroom light pull cord has snapped, cant turn it on. also the front gate "
        "wont latch so it bangs all night"
    )
    turns = [user(first), bot(NOTED), slot("triaged_text", first)]
    said = "\n".join(
        replies(conversation(turns, "did u get the light AND the gate or just one??", {}))
    )
    assert "bathroom light pull cord has snapped" in said
    assert "front gate wont latch" in said
    assert "I can't answer that one" not in said


@pytest.mark.parametrize(
    "typed",
    [
        "is the callback logged under her name or mine",
        "whose name is the job under, Shanice Okafor yes?",
        "no complaint. just confirm the name on the job please",
    ],
)
def test_the_name_on_the_job_is_said(app: App, typed: str) -> None:
    """r20a-02 t5-t7: "No, I have not logged a complaint" and the complaint offer."""
    turns = [
        user("CH: T rang re boiler not firing, T is Shanice Okafor 07700 900233"),
        bot(NOTED),
        bot("Our team will contact you (07700 900233) about making it safe."),
    ]
    held = {"contact_name": "Shanice Okafor", "contact_details": "07700 900233"}
    said = "\n".join(replies(conversation(turns, typed, held)))
    assert "Shanice Okafor" in said and "07700 900233" in said
    assert "complaint" not in said.lower()
    assert OFFER not in said


def test_asked_with_nothing_noted_it_says_so(app: App) -> None:
    said = "\n".join(replies(conversation([], "what have you got down for me?", {})))
    assert "have not logged" in said


def goodbye(
    text: str, cues: list[tuple[str, str]], slots: dict[str, Any] | None = None
) -> list[str]:
    entities = [
        {
            "entity": "dissatisfaction_cue",
            "value": value,
            "start": text.index(word),
            "end": text.index(word) + len(word),
        }
        for word, value in cues
    ]
    tracker = conversation([], text, slots or {}, intent="goodbye", entities=entities)
    dispatcher = CollectingDispatcher()
    asyncio.run(ActionGoodbye().run(dispatcher, tracker, {}))
    return [str(m.get("text") or m.get("response") or "") for m in dispatcher.messages]


@pytest.mark.parametrize(
    ("typed", "cue"),
    [
        ("this is useless honestly, bye", "useless"),
        ("waste of time this. bye", "waste of time"),
    ],
)
def test_leaving_unhappy_gets_sorry_and_the_choice_to_complain(
    app: App, typed: str, cue: str
) -> None:
    """r20a-06 t6: "this bot is useless tbh bye" got only "Goodbye"."""
    said = goodbye(typed, [(cue, cue)])
    assert "utter_goodbye" not in said
    assert "sorry" in said[0].lower()
    assert "make a complaint" in said[0]
    assert "talk to a person" in said[0]
    assert app.policy.landlord.phone in said[0]


def test_a_plain_goodbye_stays_a_goodbye(app: App) -> None:
    assert goodbye("ok thanks, bye", []) == ["utter_goodbye"]


def test_leaving_unhappy_after_a_complaint_was_logged_is_not_offered_another(app: App) -> None:
    said = goodbye(
        "useless, bye", [("useless", "useless")], {"complaint_reference": "CMP-2026-000042"}
    )
    assert said == ["utter_goodbye"]
