"""Round 25 (player b, issue 16) in the actions: "No thank you." answers the adjustments
question (r25b-03 t9); a new account of what went wrong, given after the read-back, changes
only what went wrong (r25b-05 t14); a no to recording a condition that says what to note keeps
that (r25b-14 t9); a message read as a status question or an escalation that tells the problem
is part of what went wrong (r25b-06 t10, r25b-05 t11)."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import pytest
import yaml
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.adjustments import needs_told_beside
from actions.complaint_form import ValidateComplaintForm
from actions.repair import answer
from actions.turns import button_title, triaged_messages
from bot.answers import OpenQuestion, Understanding
from bot.bootstrap import App

DOMAIN = yaml.safe_load((Path(__file__).parents[2] / "domain.yml").read_text())
HELD = {
    "complaint_aspects": "The plumber never came.",
    "still_happening": True,
    "outcome_sought": "Fix it.",
    "acting_for": "resident",
    "contact_name": "Anita Sharma",
    "contact_details": "anita@example.net",
    "contact_preference": "email",
}


def answered(
    slot: str,
    text: str,
    slots: dict[str, Any],
    intent: str = "inform",
    entities: list[dict[str, Any]] | None = None,
    before: list[dict[str, Any]] | None = None,
) -> Tracker:
    """The form waiting on `slot`, with `text` just typed and put in it, as Rasa does."""
    latest = {
        "text": text,
        "intent": {"name": intent, "confidence": 0.9},
        "entities": entities or [],
    }
    return Tracker.from_dict(
        {
            "sender_id": "resident-25",
            "slots": {"requested_slot": slot, **slots, slot: text},
            "latest_message": latest,
            "events": [
                *(before or []),
                {"event": "user", "timestamp": 1765000000.0, "text": text, "parse_data": latest},
                {"event": "slot", "timestamp": 1765000001.0, "name": slot, "value": text},
            ],
            "active_loop": {"name": "complaint_form"},
        }
    )


def run_form(tracker: Tracker) -> dict[str, Any]:
    events = asyncio.run(ValidateComplaintForm().run(CollectingDispatcher(), tracker, DOMAIN))
    return {e["name"]: e["value"] for e in events if e.get("event") == "slot"}


@pytest.mark.parametrize("typed", ["No thank you.", "no thanks", "No, thank you"])
def test_a_polite_no_answers_the_adjustments_question(app: App, typed: str) -> None:
    slots = run_form(answered("adjustments_needed", typed, HELD, intent="deny"))
    assert slots["adjustments_needed"] == "none"
    assert slots["requested_slot"] is None


def test_a_polite_no_is_no_other_questions_button() -> None:
    assert not button_title(DOMAIN, "No thank you.")
    assert button_title(DOMAIN, "I'm helping someone else")


def read_back_then_changing() -> list[dict[str, Any]]:
    """The read-back shown, then a part chosen for changing."""
    return [
        {
            "event": "slot",
            "timestamp": 1764999990.0,
            "name": "awaiting_confirmation",
            "value": True,
        },
        {
            "event": "slot",
            "timestamp": 1764999995.0,
            "name": "awaiting_confirmation",
            "value": False,
        },
    ]


HEALTH = [{"entity": "adjustment", "value": "physical_health", "start": 60, "end": 75}]
ACCOUNT = (
    "cust applied to us for internal transfer to ground floor on medical grounds (knees) approx "
    "June 2025, no update at all, chased x3 with no reply"
)


def test_a_new_account_after_the_read_back_changes_only_what_went_wrong(app: App) -> None:
    slots = {**HELD, "adjustments_needed": "he is hard of hearing", "awaiting_confirmation": False}
    tracker = answered(
        "complaint_aspects", ACCOUNT, slots, entities=HEALTH, before=read_back_then_changing()
    )
    assert needs_told_beside(tracker) == {}
    assert "adjustments_needed" not in run_form(tracker)


def test_a_need_told_with_the_first_account_is_still_kept(app: App) -> None:
    slots = {key: value for key, value in HELD.items() if key != "complaint_aspects"}
    tracker = answered("complaint_aspects", ACCOUNT, slots, entities=HEALTH)
    assert "medical grounds (knees)" in needs_told_beside(tracker)["adjustments_needed"]


@pytest.mark.parametrize(
    ("typed", "kept"),
    [
        (
            "I'd rather you didn't record the anxiety itself, just that he shouldn't be phoned "
            "directly.",
            "He shouldn't be phoned directly",
        ),
        ("No, don't put her condition down, only that she needs letters", "She needs letters"),
        (
            "please don't record it, but note that she can't use the stairs",
            "She can't use the stairs",
        ),
    ],
)
def test_a_no_to_recording_that_says_what_to_note_keeps_it(app: App, typed: str, kept: str) -> None:
    told = ValidateComplaintForm().validate_adjustment_consent(
        False, CollectingDispatcher(), answered("adjustment_consent", typed, HELD), DOMAIN
    )
    assert told == {"adjustment_consent": False, "adjustments_needed": kept}


def test_a_plain_no_to_recording_changes_nothing_else(app: App) -> None:
    told = ValidateComplaintForm().validate_adjustment_consent(
        False, CollectingDispatcher(), answered("adjustment_consent", "no", HELD), DOMAIN
    )
    assert told == {"adjustment_consent": False}


def triaged(text: str, intent: str, entities: list[dict[str, Any]]) -> list[dict[str, Any]]:
    parse = {"intent": {"name": intent, "confidence": 0.4}, "entities": entities, "text": text}
    return [
        {"event": "user", "timestamp": 1764999000.0, "text": text, "parse_data": parse},
        {"event": "action", "timestamp": 1764999001.0, "name": "action_triage"},
    ]


PROBLEM = [
    {"entity": "dissatisfaction_cue", "value": "dissatisfaction", "start": 0, "end": 5},
    {"entity": "service_area", "value": "rent_and_charges", "start": 10, "end": 20},
]


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        (
            "I've asked you three times to log my complaint and nobody has. My service charge "
            "went up with no breakdown.",
            "escalate",
        ),
        (
            "CH here. cust applied for a transfer 18 mths ago, no update since, v unhappy. "
            "wants to know where he is on the list",
            "complaint_status",
        ),
    ],
)
def test_a_status_question_or_escalation_that_tells_the_problem_is_part_of_it(
    text: str, intent: str
) -> None:
    tracker = Tracker.from_dict(
        {"sender_id": "resident-25", "slots": {}, "events": triaged(text, intent, PROBLEM)}
    )
    assert [m["text"] for m in triaged_messages(tracker)] == [text]


def test_a_status_question_alone_is_not_what_went_wrong() -> None:
    text = "what's happening with my complaint CMP-2026-000123?"
    tracker = Tracker.from_dict(
        {"sender_id": "resident-25", "slots": {}, "events": triaged(text, "complaint_status", [])}
    )
    assert triaged_messages(tracker) == []


NO = Understanding("no")


def test_a_no_read_by_the_repair_keeps_what_to_note_too(app: App) -> None:
    typed = "please don't record her depression, only that she needs calls before noon"
    tracker = answered("adjustment_consent", typed, HELD, intent="dissatisfaction")
    events = answer(tracker, OpenQuestion("adjustment_consent", "complaint_form"), NO)
    slots = {e["name"]: e["value"] for e in events if e.get("event") == "slot"}
    assert slots == {
        "adjustment_consent": False,
        "adjustments_needed": "She needs calls before noon",
    }


def test_a_status_question_that_tells_the_problem_is_kept_though_never_triaged() -> None:
    text = "cust rang 4 times about his transfer, nobody replies, v unhappy. where is he on list"
    parse = {"intent": {"name": "complaint_status", "confidence": 0.4}, "entities": PROBLEM}
    events = [
        {"event": "user", "timestamp": 1764999000.0, "text": text, "parse_data": parse},
        {"event": "action", "timestamp": 1764999001.0, "name": "status_form"},
        {"event": "user", "timestamp": 1764999002.0, "text": "CMP-2026-000123", "parse_data": {}},
        {"event": "action", "timestamp": 1764999003.0, "name": "status_form"},
    ]
    tracker = Tracker.from_dict({"sender_id": "resident-25", "slots": {}, "events": events})
    assert [m["text"] for m in triaged_messages(tracker)] == [text]
