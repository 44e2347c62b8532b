"""Stage 2 and the status in the chat: the reference plus the email or phone number on file, the
same reply whether a reference exists or not, and one Stage 2 per complaint, said plainly."""

from __future__ import annotations

import asyncio
import uuid
from datetime import datetime, timedelta
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.escalation import ActionSubmitEscalation, ValidateEscalationForm
from actions.references import KNOWN_REFERENCE
from actions.status import ActionComplaintStatus, ValidateStatusForm
from actions.triage import ActionTriage
from bot.bootstrap import App
from bot.casestore.domain import Complaint
from tests.integration.test_case_store import handover
from tests.integration.test_invariants import stage_2_before_the_rule

NOBODYS = "CMP-2026-999999"


def asking(slots: dict[str, Any], text: str = "please take CMP-2026-000001 to stage 2") -> Tracker:
    return Tracker.from_dict(
        {
            "sender_id": "stranger-1",
            "slots": {"triaged_text": text, **slots},
            "latest_message": {
                "text": text,
                "intent": {"name": "escalate", "confidence": 1.0},
                "intent_ranking": [{"name": "escalate", "confidence": 1.0}],
                "message_id": uuid.uuid4().hex,  # each request its own turn
            },
            "events": [],
        }
    )


def logged(app: App, details: str = "07700 900123", received: datetime | None = None) -> Complaint:
    received_at = received or app.cases.now()
    return app.cases.submit_complaint(
        handover("resident:1:complaint", contact_details=details, received_at=received_at)
    )


def answered(app: App, details: str = "07700 900123") -> Complaint:
    """A Stage 1 complaint we have sent our answer to: it can go to Stage 2 (6.10)."""
    return app.cases.record_response(logged(app, details).reference, "not_upheld", "officer")


def said(dispatcher: CollectingDispatcher) -> str:
    return " ".join(m.get("text") or m.get("response") or "" for m in dispatcher.messages)


def escalate(reference: str | None, identity: str | None) -> str:
    dispatcher = CollectingDispatcher()
    tracker = asking({"escalation_reference": reference, "escalation_identity": identity})
    asyncio.run(ActionSubmitEscalation().run(dispatcher, tracker, {}))
    return said(dispatcher)


def stage_2s(app: App) -> int:
    with app.cases.unit_of_work() as uow:
        return uow.cases.count_complaints() - 1


def test_a_stranger_with_a_guessed_reference_moves_nothing_and_learns_nothing(app: App) -> None:
    mine = logged(app)
    wrong_details = escalate(mine.reference, "Resident")  # the surname
    no_such = escalate(NOBODYS, "07700 900123")
    assert stage_2s(app) == 0
    assert wrong_details == no_such
    assert "A complaints officer will find it" in wrong_details
    assert mine.reference not in wrong_details


def test_a_request_passed_to_an_officer_says_how_long_stage_2_takes(app: App) -> None:
    """r8b-06, r8b-20: only the acknowledgement time was given, not the final answer's."""
    stage_2 = app.policy.stages["stage_2"]
    told = escalate(NOBODYS, "07700 900123")
    assert f"we acknowledge it within {stage_2.acknowledge_within}" in told
    assert f"send our final answer within {stage_2.respond_within}" in told


def test_a_status_question_naming_a_reference_never_moves_it_to_stage_2(app: App) -> None:
    """Triage fills the reference from the first message; nothing else was asked or given."""
    mine = logged(app)
    escalate(mine.reference, None)
    assert stage_2s(app) == 0


def test_the_reference_and_the_number_on_file_take_it_to_stage_2_once(app: App) -> None:
    mine = answered(app)
    first = escalate(mine.reference, "+44 7700 900123")
    assert f"Your complaint {mine.reference} has gone to Stage 2" in first
    again = escalate(mine.reference, "07700900123")
    assert stage_2s(app) == 1
    stage_2 = app.cases.complaint(first.split("Stage 2 reference is ")[1][:15])
    assert stage_2 is not None
    assert f"Your complaint {mine.reference} is already at Stage 2" in again
    assert f"The Stage 2 reference is {stage_2.reference}" in again
    assert "nothing new" in again and "has gone to Stage 2" not in again
    # Its own reference asked about again: the same plain answer, nothing opened.
    assert "already at Stage 2" in escalate(stage_2.reference, "07700900123")
    assert stage_2s(app) == 1


def test_stage_2_before_the_stage_1_answer_is_explained_and_nothing_opened(app: App) -> None:
    """r7a-12, r7b-22: an open Stage 1 whose answer was not due yet went to Stage 2, and the
    resident lost the Stage 1 answer. policy_rules/stage_2.yml: once answered, or once late."""
    mine = logged(app)
    told = escalate(mine.reference, "07700 900123")
    assert stage_2s(app) == 0
    assert f"Your complaint {mine.reference} is still at Stage 1" in told
    assert "has gone to Stage 2" not in told
    assert "as soon as you have our answer" in told


def test_an_unanswered_stage_1_at_stage_2_already_is_told_its_stage_2_not_stays_at_stage_1(
    app: App,
) -> None:
    mine = logged(app)
    stage_2 = stage_2_before_the_rule(app.cases, mine)
    told = escalate(mine.reference, "07700 900123")
    assert f"Your complaint {mine.reference} is already at Stage 2" in told
    assert f"The Stage 2 reference is {stage_2.reference}" in told
    assert "still at Stage 1" not in told and stage_2s(app) == 1


def test_stage_2_once_the_stage_1_answer_is_late_is_opened(app: App) -> None:
    """The resident need not wait for an answer that is overdue (policy_rules/stage_2.yml)."""
    mine = logged(app, received=app.cases.now() - timedelta(days=60))
    assert f"Your complaint {mine.reference} has gone to Stage 2" in escalate(
        mine.reference, "07700 900123"
    )
    assert stage_2s(app) == 1


def test_a_reference_is_taken_as_given_and_checked_only_with_the_details(app: App) -> None:
    """Asking whether a reference exists must not be answered before the details are given."""
    dispatcher = CollectingDispatcher()
    checked = ValidateEscalationForm().validate_escalation_reference(
        NOBODYS, dispatcher, asking({}), {}
    )
    assert checked == {"escalation_reference": NOBODYS} and dispatcher.messages == []
    checked = ValidateStatusForm().validate_status_reference(NOBODYS, dispatcher, asking({}), {})
    assert checked == {"status_reference": NOBODYS} and dispatcher.messages == []


def status(reference: str, check: str) -> list[dict[str, Any]]:
    dispatcher = CollectingDispatcher()
    tracker = asking({"status_reference": reference, "status_check": check}, "any update?")
    asyncio.run(ActionComplaintStatus().run(dispatcher, tracker, {}))
    return dispatcher.messages


def test_the_status_needs_the_email_or_number_and_says_the_same_for_no_such_reference(
    app: App,
) -> None:
    mine = logged(app, "priya@example.org")
    surname_only = status(mine.reference, "Resident")
    assert surname_only == status(NOBODYS, "priya@example.org")
    assert mine.reference not in str(surname_only)
    shared = said_of(status(mine.reference, "Priya@Example.org"))
    assert f"Complaint {mine.reference} is at Stage 1 and is open" in shared


def test_the_reference_and_number_in_one_message_are_checked_as_in_two(app: App) -> None:
    """Round 8 r8c-22: the reference's digits were read as a second phone number, so the right
    number typed beside it "didn't match our records"."""
    mine = logged(app, "07700 900321")
    for message in (f"when will I hear back about {mine.reference}? my phone is 07700 900321",
                    f"T rang re {mine.reference}, wants to know when she hears back. "
                    "Verified tel 07700 900321"):  # fmt: skip
        shared = said_of(status(mine.reference, message))
        assert f"Complaint {mine.reference} is at Stage 1 and is open" in shared, message


def said_of(messages: list[dict[str, Any]]) -> str:
    return " ".join(m.get("text") or "" for m in messages)


def test_a_status_question_without_the_reference_ends_with_how_a_person_can_help(
    app: App,
) -> None:
    """ "I've misplaced it" used to get "that doesn't look like a reference" again and again."""
    dispatcher = CollectingDispatcher()
    form = ValidateStatusForm()
    tracker = asking({}, "whats happening with my complaint")
    checked = form.validate_status_reference("I've misplaced it", dispatcher, tracker, {})
    assert dispatcher.messages == []
    still_asked = asyncio.run(
        form.required_slots(["status_reference", "status_check"], dispatcher, asking(checked), {})
    )
    assert still_asked == ["status_reference"]
    told = said_of(status(checked["status_reference"], ""))
    assert "A person can find it for you" in told
    assert "0300 000 0000" in told


def test_stage_2_asked_for_again_before_the_recorded_answer_goes_to_an_officer(app: App) -> None:
    """Round 12 r12d-14: the Stage 1 answer was given by phone, so the record shows none; the
    request was refused twice word for word. Asked again, an officer checks and decides."""
    mine = logged(app)
    dispatcher = CollectingDispatcher()
    tracker = asking({KNOWN_REFERENCE: mine.reference, "escalation_reference": mine.reference})
    tracker.events.append({"event": "action", "name": "action_submit_escalation"})
    asyncio.run(ActionSubmitEscalation().run(dispatcher, tracker, {}))
    told = said(dispatcher)
    assert stage_2s(app) == 0
    assert "passed your request for Stage 2 to a complaints officer" in told
    assert "I have not moved it to Stage 2" not in told
    assert "I'll pass you to a person." in told
    [waiting] = [h for h in app.cases.waiting_handoffs() if h.conversation_id == "stranger-1"]
    assert waiting.reason is not None and "Stage 1 answer" in waiting.reason


def test_stage_2_without_the_reference_never_promises_to_write_to_a_chat(app: App) -> None:
    told = escalate("unknown", None)
    assert "write to you" not in told
    assert "call us on 0300 000 0000" in told


def test_an_unmatched_stage_2_request_waits_for_staff_with_why(app: App) -> None:
    """Round 11 r11d-02, r11d-12: "I've passed your request on" was only written to the audit
    log, and the resident was told to phone; the conversation now waits in the staff queue."""
    told = escalate(NOBODYS, "07700 900123")
    assert "I'll pass you to a person." in told
    [waiting] = [h for h in app.cases.waiting_handoffs() if h.conversation_id == "stranger-1"]
    assert waiting.reason is not None and "Stage 2" in waiting.reason


def test_the_number_given_with_the_reference_is_not_asked_for_again(app: App) -> None:
    text = f"any news on {NOBODYS}? my number is 07700 900123"
    dispatcher = CollectingDispatcher()
    checked = ValidateStatusForm().validate_status_reference(
        NOBODYS, dispatcher, asking({}, text), {}
    )
    assert checked == {"status_reference": NOBODYS, "status_check": text}
    escalation = ValidateEscalationForm().validate_escalation_reference(
        NOBODYS, dispatcher, asking({}, text), {}
    )
    assert escalation == {"escalation_reference": NOBODYS, "escalation_identity": text}
    alone = ValidateStatusForm().validate_status_reference(NOBODYS, dispatcher, asking({}), {})
    assert alone == {"status_reference": NOBODYS}


def triaged(text: str, slots: dict[str, Any] | None = None) -> tuple[str, list[Any]]:
    dispatcher = CollectingDispatcher()
    events = asyncio.run(ActionTriage().run(dispatcher, asking(slots or {}, text), {}))
    return said(dispatcher), events


def test_a_question_about_stage_2_later_is_answered_and_nothing_is_asked_for(app: App) -> None:
    """r7b-22: "if the answer is rubbish can i escalate it after?" took an open Stage 1 complaint
    to Stage 2. It is a question: answered, and the conversation listens."""
    mine = logged(app)
    told, events = triaged(
        "ok honestly if the reply is rubbish can i escalate it after?",
        {KNOWN_REFERENCE: mine.reference},
    )
    assert "second and final stage" in told
    assert FollowupAction("action_listen") in events
    assert FollowupAction("escalation_form") not in events
    assert SlotSet("triage_label", "escalation") not in events
    assert stage_2s(app) == 0


def test_undo_is_understood_and_a_person_offered_when_the_chat_cannot(app: App) -> None:
    """r7b-22: "i didnt ask to escalate it yet ... can u undo that" was read as another Stage 2
    request. The chat cannot take a complaint back to Stage 1, so it says so and offers a
    person; with nothing at Stage 2, it says no Stage 2 request was sent (round 26)."""
    mine = answered(app)
    nothing, _ = triaged("wait i didnt ask to escalate it! can u undo that", {
        KNOWN_REFERENCE: mine.reference})  # fmt: skip
    assert "I have not sent a Stage 2 request" in nothing
    escalate(mine.reference, "07700 900123")
    dispatcher = CollectingDispatcher()
    tracker = asking({KNOWN_REFERENCE: mine.reference}, "i never asked for stage 2, undo it pls")
    events = asyncio.run(ActionTriage().run(dispatcher, tracker, {}))
    told = said(dispatcher)
    assert "I can't undo that here" in told and "put it back to Stage 1" in told
    assert dispatcher.messages[-1]["buttons"][0]["payload"] == "/request_human"
    assert events[-1] == FollowupAction("action_listen")
    assert stage_2s(app) == 1
