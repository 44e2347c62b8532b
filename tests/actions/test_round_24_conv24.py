"""Round 24 (r24b, r24a; issues 16 and 15), in the actions and our own wordings: the helper and
the resident named in one answer are not asked for again (r24b-04 t6, t7); a resident who has
died is not asked to agree (r24b-03 t7-t9); a lasting power of attorney is noted as such
(r24a-01 t5); a correction that changes nothing is never "I've changed that", and one that
says the resident is not to be contacted takes out their contact (r24b-03 t14, t15); a contact
restriction at the read-back goes with the way to contact (r24b-02 t12, t13); a court claim
told with the choice to complain is explained and kept (r24b-04 t2)."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.choice import ActionRecordChoice, without_staff_opener
from actions.complaint_form import ValidateComplaintForm
from actions.definition import (
    NOT_CHANGED_LINE,
    corrected,
    with_contact_restriction,
    without_the_resident_contact,
)
from actions.representatives import ActionRecordRepresentative, ValidateRepresentativeForm
from bot.bootstrap import App
from bot.casestore.domain import ContactRecord
from bot.corrections import Correction, correction_of
from bot.definition import DraftDefinition

FORM_SLOTS = [
    "complaint_aspects", "still_happening", "outcome_sought", "acting_for",
    "representative_details", "representative_consent", "contact_name", "contact_details",
]  # fmt: skip


def form(slot: str, text: str, slots: dict[str, Any], before: tuple[str, ...] = ()) -> Tracker:
    latest = {"text": text, "intent": {"name": "inform", "confidence": 0.9}, "entities": []}
    said = [*before, text]
    return Tracker.from_dict(
        {
            "sender_id": "resident-24",
            "slots": {"requested_slot": slot, **slots},
            "latest_message": latest,
            "events": [
                {
                    "event": "user",
                    "timestamp": 1765000000.0 + i,
                    "text": t,
                    "parse_data": {**latest, "text": t},
                }
                for i, t in enumerate(said)
            ],
            "active_loop": {"name": "complaint_form"},
        }
    )


@pytest.mark.parametrize(
    ("text", "helper", "resident"),
    [
        (
            "someone else - grandson Sam Patel for his nan Mrs Usha Patel, 14 Birch Road",
            "Sam Patel",
            "Mrs Usha Patel, 14 Birch Road",
        ),
        (
            "Dan Hughes, I'm his son and executor. His name was Ray Hughes, 2 Ash Court",
            "Dan Hughes",
            "Ray Hughes, 2 Ash Court",
        ),
    ],
)
def test_the_helper_and_the_resident_in_one_answer_are_kept(
    app: App, text: str, helper: str, resident: str
) -> None:
    told = ValidateComplaintForm().validate_acting_for(
        text, CollectingDispatcher(), form("acting_for", text, {}), {}
    )
    assert told["acting_for"] == "someone_else"
    assert told["contact_name"] == helper
    assert told["representative_details"] == resident


def test_the_resident_labelled_as_such_is_not_the_helper(app: App) -> None:
    text = "I said. Ama Boateng, niece. resident Kofi Boateng, 8 Fir Lane"
    told = ValidateComplaintForm().validate_representative_details(
        text,
        CollectingDispatcher(),
        form("representative_details", text, {"acting_for": "someone_else"}),
        {},
    )
    assert "Kofi Boateng" in str(told["representative_details"])


@pytest.mark.parametrize(
    "died",
    [
        "she passed away last month and I'm sorting out her flat",
        "I am the executor of his will",
    ],
)
def test_a_resident_who_has_died_is_not_asked_to_agree(app: App, died: str) -> None:
    slots = {"acting_for": "someone_else", "representative_details": "Edna Price, 3 Mill Lane"}
    tracker = form("contact_name", "Carl Price", slots, before=(died,))
    required = asyncio.run(
        ValidateComplaintForm().required_slots(FORM_SLOTS, CollectingDispatcher(), tracker, {})
    )
    assert "representative_consent" not in required


def test_a_living_resident_is_still_asked_to_agree(app: App) -> None:
    slots = {"acting_for": "someone_else", "representative_details": "Edna Price, 3 Mill Lane"}
    tracker = form("contact_name", "Carl Price", slots, before=("my mum's boiler is broken",))
    required = asyncio.run(
        ValidateComplaintForm().required_slots(FORM_SLOTS, CollectingDispatcher(), tracker, {})
    )
    assert "representative_consent" in required


def record_tracker(app: App, said: str) -> Tracker:
    contact_id = app.cases.record_contact(
        ContactRecord("resident-24", "socketio", __import__("datetime").datetime.now(
            __import__("datetime").timezone.utc), said, "complaint", "complaint", 0.9,
            None, (), ())
    )  # fmt: skip
    latest = {"text": said, "intent": {"name": "inform"}, "entities": []}
    return Tracker.from_dict(
        {
            "sender_id": "resident-24",
            "slots": {
                "contact_id": contact_id,
                "representative_name": "Karen Doyle",
                "representative_details": "Joan Doyle, 12 Elm Court",
                "representative_consent": True,
                "triage_label": "complaint",
            },
            "latest_message": latest,
            "events": [{"event": "user", "timestamp": 1.0, "text": said, "parse_data": latest}],
            "active_loop": {},
        }
    )


@pytest.mark.parametrize(
    ("said", "noted", "not_said"),
    [
        (
            "she can't say yes, she has dementia. I hold lasting power of attorney",
            "lasting power of attorney",
            "they have agreed",
        ),
        ("he died in march, I'm the executor", "acting for their estate", "agreed"),
    ],
)
def test_an_authority_is_noted_never_as_the_residents_agreement(
    app: App, said: str, noted: str, not_said: str
) -> None:
    dispatcher = CollectingDispatcher()
    asyncio.run(ActionRecordRepresentative().run(dispatcher, record_tracker(app, said), {}))
    text = " ".join(str(m.get("text") or m.get("response")) for m in dispatcher.messages)
    assert noted in text and "We have noted that you are acting for them, and that" not in text
    assert not_said not in text.replace("not recorded that they agreed", "")


def test_the_helpers_name_and_the_resident_at_the_name_question(app: App) -> None:
    text = "I'm Rita Khan and my dad is Imran Khan, 40 Oak Street"
    latest = {"text": text, "intent": {"name": "inform"}, "entities": []}
    tracker = Tracker.from_dict(
        {
            "sender_id": "resident-24",
            "slots": {"requested_slot": "representative_name"},
            "latest_message": latest,
            "events": [],
            "active_loop": {"name": "representative_form"},
        }
    )
    told = ValidateRepresentativeForm().validate_representative_name(
        text, CollectingDispatcher(), tracker, {}
    )
    assert told["representative_name"] == "Rita Khan"
    assert told["representative_details"] == "Imran Khan, 40 Oak Street"


def draft(**changes: object) -> DraftDefinition:
    fields: dict[str, object] = {
        "aspects": "rent still taken after her death. The caretaker was lovely",
        "still_happening": True,
        "outcome": "the rent refunded",
        "representative": "Mary Lowe, 6 Elm Row",
        "contact_name": "Tim Lowe",
        "contact_details": "07700 900456; also contact Mary Lowe on tim.lowe@example.org",
        "contact_preference": "phone",
        "adjustments": None,
        "consent": True,
    }
    return DraftDefinition(**{**fields, **changes})  # type: ignore[arg-type]


def test_a_correction_that_changes_nothing_is_never_said_to_have_changed_it() -> None:
    dispatcher = CollectingDispatcher()
    corrected(dispatcher, draft(), Correction({"outcome": "the rent refunded"}))
    assert dispatcher.messages[0]["text"] == NOT_CHANGED_LINE
    assert "person" in NOT_CHANGED_LINE
    assert "Here is what I understood" in str(dispatcher.messages[1]["text"])


@pytest.mark.parametrize(
    "typed",
    [
        "no, you mustn't contact my mum, she's gone. only contact me",
        "please do not ring mary at all",
    ],
)
def test_the_resident_not_to_be_contacted_is_taken_out(typed: str) -> None:
    before = draft()
    correction = without_the_resident_contact(typed, before, correction_of(typed, before))
    dispatcher = CollectingDispatcher()
    corrected(dispatcher, before, correction)
    read_back = str(dispatcher.messages[-1]["text"])
    assert "Mary Lowe on" not in read_back
    assert dispatcher.messages[0].get("text") != NOT_CHANGED_LINE


@pytest.mark.parametrize(
    "typed",
    [
        "you left something out: no phone calls in the day time please, I do shifts",
        "also don't ring me during the day",
    ],
)
def test_a_contact_restriction_at_the_read_back_goes_with_the_way(typed: str) -> None:
    before = draft(
        representative=None, contact_details="tim@example.org", contact_preference="email"
    )
    correction = with_contact_restriction(typed, before)
    assert "aspects" not in correction.changes
    assert str(correction.changes["contact_preference"]).startswith("email, no phone calls")


def test_a_restriction_beside_a_removal_does_both() -> None:
    before = draft(
        representative=None, contact_details="tim@example.org", contact_preference="email"
    )
    typed = "take out the bit about the caretaker, and no calls during the day"
    correction = with_contact_restriction(typed, before)
    assert "caretaker" not in str(correction.changes.get("aspects", before.aspects))
    assert "no phone calls during the day" in str(correction.changes["contact_preference"])


@pytest.mark.parametrize(
    "text",
    [
        "formal please. Also her solicitor has issued proceedings in the county court",
        "yes a complaint. We already have a court case about the damp going on",
    ],
)
def test_a_court_claim_told_with_the_choice_is_explained_and_kept(app: App, text: str) -> None:
    first = "your contractor smashed my window and nobody has paid for it"
    parse = {
        "text": text,
        "intent": {"name": "affirm", "confidence": 0.9},
        "intent_ranking": [{"name": "affirm", "confidence": 0.9}],
        "entities": [],
    }
    tracker = Tracker.from_dict(
        {
            "sender_id": "resident-24",
            "slots": {"choice_pending": True},
            "latest_message": parse,
            "events": [
                {
                    "event": "user",
                    "timestamp": 1.0,
                    "text": first,
                    "parse_data": {"text": first, "intent": {"name": "dissatisfaction"}},
                },
                {"event": "user", "timestamp": 2.0, "text": text, "parse_data": parse},
            ],
            "active_loop": {},
        }
    )
    dispatcher = CollectingDispatcher()
    events = asyncio.run(ActionRecordChoice().run(dispatcher, tracker, {}))
    said = " ".join(str(m.get("text") or "") for m in dispatcher.messages)
    assert "legal claim" in said and "Where it can go instead" in said
    aspects = [e["value"] for e in events if e.get("name") == "complaint_aspects"]
    assert aspects and "court" in aspects[-1]


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        (
            "CH here. cust Mrs Bell 4 Yew Close says the porch light has been out for a month",
            "Mrs Bell 4 Yew Close says the porch light",
        ),
        ("call handler here - caller reports the gate is hanging off", "The gate is hanging off"),
    ],
)
def test_a_call_handlers_opener_is_no_part_of_what_went_wrong(text: str, kept: str) -> None:
    told = without_staff_opener(text)
    assert told.startswith(kept)
    assert "here" not in told.split()[:2]


def test_a_name_that_looks_like_an_opener_is_kept() -> None:
    assert without_staff_opener("Chris here, my boiler is broken") == (
        "Chris here, my boiler is broken"
    )
