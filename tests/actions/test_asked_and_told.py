"""Round 7 (issue 16), in the actions: a question asked in the middle of the complaint form is
answered (or honestly not) and the question waiting is asked again, the answer given beside it
is kept, and what the resident already told is not asked again."""

from __future__ import annotations

import asyncio
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.choice import ActionRecordChoice, already_told
from actions.complaint_form import ValidateComplaintForm
from actions.repair import ActionUnderstandAnswer
from actions.status import ValidateStatusForm
from bot.bootstrap import App
from bot.nlp.matches import first_reference
from bot.replies import PUT_RIGHT_INSTEAD_LINE

# The earlier job is asked about a service's problem only.
REPAIRS = {"service_area": "repairs"}
EARLIER_JOB_QUESTION = "Is this about a repair or request you reported to us before?"
DOMAIN: dict[str, Any] = {
    "forms": {
        "complaint_form": {
            "required_slots": [
                "complaint_aspects", "still_happening", "earlier_request", "outcome_sought",
                "acting_for", "representative_details", "representative_consent",
                "contact_name", "contact_details", "contact_preference", "adjustments_needed",
                "adjustment_consent",
            ]
        }
    }
}  # fmt: skip


def in_the_form(
    asking: str,
    text: str,
    slots: dict[str, Any] | None = None,
    entities: tuple[dict[str, Any], ...] = (),
    intent: str = "enquiry",
) -> Tracker:
    """The complaint form waiting on `asking`, and the resident's message just in."""
    parse = {
        "text": text,
        "intent": {"name": intent, "confidence": 0.8},
        "intent_ranking": [{"name": intent, "confidence": 0.8}],
        "entities": list(entities),
        "message_id": "m-1",
    }
    return Tracker.from_dict(
        {
            "sender_id": "resident-7",
            "slots": {
                "requested_slot": asking,
                "complaint_aspects": "the roof leaks",
                asking: text,
                **(slots or {}),
            },
            "latest_message": parse,
            "events": [
                {"event": "bot", "timestamp": 1764950000.0, "text": EARLIER_JOB_QUESTION},
                {"event": "action", "timestamp": 1764950000.1, "name": "action_listen"},
                {"event": "user", "timestamp": 1764950060.0, "text": text, "parse_data": parse},
                # As Rasa's action_extract_slots does with the slot's from_text mapping.
                {"event": "slot", "timestamp": 1764950060.1, "name": asking, "value": text},
            ],
            "paused": False,
            "followup_action": None,
            "active_loop": {"name": "complaint_form"},
            "latest_action_name": "action_listen",
        }
    )  # fmt: skip


def understand(tracker: Tracker) -> tuple[list[str], list[dict[str, Any]]]:
    dispatcher = CollectingDispatcher()
    events = asyncio.run(ActionUnderstandAnswer().run(dispatcher, tracker, DOMAIN))
    return [str(m.get("text")) for m in dispatcher.messages], events


def test_a_question_the_landlord_cannot_answer_is_said_so_and_the_question_asked_again(
    app: App,
) -> None:
    said, events = understand(
        in_the_form("earlier_request", "How long before the new windows get fitted?")
    )
    assert "I can't answer that one myself" in said[0]
    assert app.policy.landlord.phone in said[0]
    assert said[-1] == EARLIER_JOB_QUESTION
    assert not any(e.get("name") == "earlier_request" for e in events if e["event"] == "slot")


def test_asking_whether_staff_will_be_disciplined_is_explained_and_the_complaint_goes_on(
    app: App,
) -> None:
    said, _ = understand(
        in_the_form("earlier_request", "Before I go on, will the plumber be disciplined?")
    )
    assert "employment matter" in said[0]
    assert "still goes ahead" in said[0]
    assert said[-1] == EARLIER_JOB_QUESTION


def test_the_answer_beside_a_question_is_read_by_the_form_and_the_question_answered(
    app: App,
) -> None:
    said, events = understand(
        in_the_form(
            "earlier_request",
            "We rang twice in October, never got a job number. Also how do I pay my rent?",
        )
    )
    assert "Direct Debit" in said[0]
    reread = [e for e in events if e["event"] == "user"]
    assert reread and reread[-1]["text"] == "We rang twice in October, never got a job number."
    assert EARLIER_JOB_QUESTION not in said


def test_a_yes_beside_an_unanswerable_question_is_kept(app: App) -> None:
    said, events = understand(
        in_the_form("still_happening", "yes still broken. is the lift engineer local?")
    )
    assert "I can't answer that one myself" in said[0]
    assert SlotSet("still_happening", True) in events


def validate(tracker: Tracker) -> dict[str, Any]:
    """What the form's extraction and validation make of the message."""
    form = ValidateComplaintForm()
    dispatcher = CollectingDispatcher()
    extracted = asyncio.run(form.get_extraction_events(dispatcher, tracker, DOMAIN))
    tracker.add_slots(extracted)
    validated = asyncio.run(form.get_validation_events(dispatcher, tracker, DOMAIN))
    return {e["name"]: e["value"] for e in [*extracted, *validated] if e["event"] == "slot"}


def test_a_helper_naming_themself_and_the_resident_is_asked_neither_again(app: App) -> None:
    text = "im Chloe Martin, his daughter. hes Derek Martin, 3 Elm Walk"
    slots = validate(
        in_the_form(
            "representative_details",
            text,
            {"acting_for": "someone_else"},
            entities=({"entity": "relationship", "value": "family"},),
        )
    )
    assert slots["contact_name"] == "Chloe Martin"
    assert slots["representative_details"] == "hes Derek Martin, 3 Elm Walk"


def test_contact_details_with_a_name_and_a_way_answer_three_questions(app: App) -> None:
    slots = validate(
        in_the_form(
            "representative_consent",
            "contact son, Richard Fisher, 07700 900321, text pref",
            {"acting_for": "someone_else", "representative_details": "Mr Alan Fisher"},
        )
    )
    assert slots["contact_name"] == "Richard Fisher"
    assert slots["contact_details"] == "07700 900321"
    assert slots["contact_preference"] == "text"


def test_a_name_after_the_email_is_kept(app: App) -> None:
    slots = validate(
        in_the_form(
            "contact_details",
            "ye email me, dean.p@example.com. im Dean",
            {"acting_for": "resident"},
        )
    )
    assert slots["contact_name"] == "Dean"
    assert slots["contact_details"] == "dean.p@example.com"


def test_the_earlier_job_and_the_outcome_in_one_answer_fill_both(app: App) -> None:
    text = "the window repair in May, no job number. I'd like it replaced and an explanation."
    slots = validate(in_the_form("earlier_request", text, REPAIRS))
    assert slots["earlier_request"] == "the window repair in May, no job number."
    assert slots["outcome_sought"] == "I'd like it replaced and an explanation"


def test_still_happening_said_at_the_earlier_job_question_is_not_the_earlier_job(
    app: App,
) -> None:
    slots = validate(in_the_form("earlier_request", "yh still drippin", REPAIRS))
    assert slots["earlier_request"] is None
    assert slots["still_happening"] is True


def test_the_resident_named_in_the_answer_about_who_they_are(app: App) -> None:
    slots = validate(
        in_the_form("acting_for", "its me im the tenant. It's Nadia Rahman but call me Nadia")
    )
    assert slots["acting_for"] == "resident"
    assert slots["contact_name"] == "Nadia Rahman"


def test_consent_said_with_the_answer_about_who_they_are_is_not_asked_again(app: App) -> None:
    slots = validate(
        in_the_form(
            "acting_for",
            "helping someone else - daughter for T, consent given",
            entities=({"entity": "relationship", "value": "family"},),
        )
    )
    assert slots["acting_for"] == "someone_else"
    assert slots["representative_consent"] is True


def test_no_thanks_my_english_is_fine_needs_nothing(app: App) -> None:
    slots = validate(
        in_the_form(
            "adjustments_needed",
            "No thank you, my english is not bad for reading",
            {"acting_for": "resident"},
            entities=({"entity": "adjustment", "value": "language"},),
        )
    )
    assert slots["adjustments_needed"] == "none"


def triaged(text: str, entities: tuple[dict[str, Any], ...] = ()) -> Tracker:
    """A first message triage has read, then a plain "yes" to the choice."""
    parse = {"text": text, "intent": {"name": "dissatisfaction"}, "entities": list(entities)}
    yes = {"text": "/affirm", "intent": {"name": "affirm"}, "entities": []}
    return Tracker.from_dict(
        {
            "sender_id": "resident-8",
            "slots": {},
            "latest_message": yes,
            "events": [
                {"event": "user", "timestamp": 1764950000.0, "text": text, "parse_data": parse},
                {"event": "action", "timestamp": 1764950000.1, "name": "action_triage"},
                {"event": "user", "timestamp": 1764950060.0, "text": "/affirm", "parse_data": yes},
            ],
            "paused": False,
            "followup_action": None,
            "active_loop": {},
            "latest_action_name": "action_listen",
        }
    )


def test_the_first_message_says_the_outcome_and_that_they_are_the_tenant(app: App) -> None:
    told = already_told(
        triaged(
            "Fence blew down in October, reported it twice. I want it put back up properly and "
            "an apology. I am the tenant."
        )
    )
    assert SlotSet("outcome_sought", "want it put back up properly and an apology") in told
    assert SlotSet("acting_for", "resident") in told


def test_a_helper_the_rules_spotted_is_not_asked_who_they_are(app: App) -> None:
    told = already_told(
        triaged(
            "writing for my neighbour, her gutter has leaked since the summer",
            entities=({"entity": "relationship", "value": "other_representative"},),
        )
    )
    assert SlotSet("acting_for", "someone_else") in told


def test_an_organisation_is_not_the_contacts_name(app: App) -> None:
    told = already_told(
        triaged("I'm a support worker from Eastgate Support writing for Mr Tom Hale. Damp again.")
    )
    assert not any(e["name"] == "contact_name" for e in told)


def test_asking_for_a_complaint_in_words_goes_to_the_form_and_says_the_other_way(
    app: App,
) -> None:
    text = "radiators cold for a month, engineer never came. I want complain"
    parse = {"text": text, "intent": {"name": "dissatisfaction"}, "entities": []}
    tracker = Tracker.from_dict(
        {
            "sender_id": "resident-9",
            "slots": {"choice_pending": True},
            "latest_message": parse,
            "events": [{"event": "user", "timestamp": 1.0, "text": text, "parse_data": parse}],
            "active_loop": {},
        }
    )
    dispatcher = CollectingDispatcher()
    events = asyncio.run(ActionRecordChoice().run(dispatcher, tracker, {}))
    assert PUT_RIGHT_INSTEAD_LINE in [m.get("text") for m in dispatcher.messages]
    assert events[-1]["name"] == "complaint_form"


def test_a_reference_a_digit_short_is_the_same_reference() -> None:
    assert first_reference("my complaint CMP-2026-00042 please go higher") == "CMP-2026-000042"
    assert first_reference("its cmp 2026 0412") == "CMP-2026-000412"
    assert first_reference("job 2026-00042") is None


def test_a_corrected_reference_at_the_check_question_replaces_the_first(app: App) -> None:
    tracker = Tracker.from_dict(
        {
            "sender_id": "resident-10",
            "slots": {"requested_slot": "status_check", "status_reference": "CMP-2026-000003"},
            "latest_message": {"text": "x", "intent": {"name": "enquiry"}, "entities": []},
            "events": [],
            "active_loop": {"name": "status_form"},
        }
    )
    validate = ValidateStatusForm().validate_status_check
    dispatcher = CollectingDispatcher()
    corrected = "oops wrong one, its CMP-2026-000009. my number is 01632 960123"
    assert validate(corrected, dispatcher, tracker, {}) == {
        "status_reference": "CMP-2026-000009",
        "status_check": corrected,
    }
    # Without details the check is asked again, for the new reference.
    assert validate("sorry I meant CMP-2026-000009", dispatcher, tracker, {}) == {
        "status_reference": "CMP-2026-000009",
        "status_check": None,
    }
    assert validate("01632 960123", dispatcher, tracker, {}) == {"status_check": "01632 960123"}


def test_like_i_said_im_her_son_is_helping_someone_else(app: App) -> None:
    """r7a-01: "like i said im her daughter" was recorded as the resident."""
    slots = validate(in_the_form("acting_for", "like i said im her son"))
    assert slots["acting_for"] == "someone_else"
