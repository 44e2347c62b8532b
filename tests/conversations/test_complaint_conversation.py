"""A whole complaint over REST: offer, form, read-back, correction, handover with dates."""

from __future__ import annotations

import re
import uuid
from datetime import datetime, timezone

import pytest
import requests

from bot.casestore.domain import Complaint, ComplaintDefinition, ComplaintHandover
from bot.casestore.engine import make_engine
from bot.casestore.services import CaseStore
from bot.policy import Policy
from tests.conftest import Running
from tests.conversations.action_calls import confirmation

pytestmark = pytest.mark.server


def answered_complaint(store: CaseStore, name: str, details: str) -> Complaint:
    """A complaint logged earlier that we have answered: it can go to Stage 2 (6.10)."""
    logged = logged_complaint(store, name, details)
    return store.record_response(logged.reference, "not_upheld", "officer")


def logged_complaint(store: CaseStore, name: str, details: str) -> Complaint:
    """A complaint logged earlier in another conversation."""
    return store.submit_complaint(
        ComplaintHandover(
            handover_key=f"earlier-{uuid.uuid4().hex}",
            conversation_id="earlier-chat",
            channel="rest",
            received_at=datetime.now(timezone.utc),
            definition=ComplaintDefinition(("Lift broken",), ("Fix the problem",), True, "lift"),
            contact_name=name,
            contact_details=details,
            contact_preference="email",
        )
    )


def said(replies: list[dict]) -> str:
    return " ".join(reply.get("text", "") for reply in replies)


def test_a_representative_makes_a_complaint_and_corrects_the_outcome(
    running: Running, policy: Policy
) -> None:
    sender = f"test-{uuid.uuid4().hex[:10]}"

    def say(message: str) -> str:
        return said(running.servers.say(sender, message))

    assert "make a formal complaint" in say(
        "the mould in my mums bathroom keeps coming back and nobody has come about it"
    )
    # "keeps coming back" already says it is still happening, so that is not asked.
    assert "reported to us before" in say("/affirm")
    assert "What would you like us to do" in say("job 55123, reported in March")
    # "my mums bathroom" already says they are helping (round 15 r15a-06), so that is not asked.
    assert "how you know the resident" in say('/choose{"choice": "Fix the problem"}')
    assert "agreed to you acting for them" in say("I'm Sam, her son. She is Mrs Jones at no 4")
    assert "What name should we use" in say("/affirm")
    assert "phone number or email" in say("Sam Jones")
    assert "doesn't look like a phone number or an email" in say("sam at example")
    assert "How would you like us to contact you" in say("sam@example.org")
    assert "easier for you to deal with us" in say('/choose{"choice": "email"}')
    assert "May we record it" in say("my mum is deaf so please email, never phone")
    read_back = say("/affirm")
    assert "What went wrong: the mould in my mums bathroom keeps coming back" in read_back
    assert "It is still happening." in read_back
    assert "a request you reported before: job 55123, reported in March" in read_back
    assert "You would like: Fix the problem" in read_back
    assert "We will contact Sam Jones by email (sam@example.org)" in read_back
    assert "Which part would you like to change" in say("/deny")
    assert "What would you like us to do" in say(
        '/correct_definition{"definition_part": "outcome"}'
    )
    corrected = say("An apology")
    assert "You would like: An apology" in corrected
    assert (
        "The complaint is for: Mrs Jones\nYou are helping them: Sam Jones. They have agreed"
        in corrected
    )
    assert "To make things easier for you: my mum is deaf" in corrected
    confirmation = say("/affirm")

    reference = re.search(r"CMP-\d{4}-\d{6}", confirmation)
    assert reference, confirmation
    assert "We will acknowledge it by" in confirmation
    assert "0300 111 3000" in confirmation
    complaint = CaseStore(make_engine(running.database_url), policy).complaint(reference.group())
    assert complaint is not None
    assert complaint.definition.outcomes == ("An apology",)
    assert complaint.contact_preference == "email"
    assert complaint.earlier_request == "job 55123, reported in March"
    assert complaint.representative is not None and complaint.representative.consent == "given"
    assert complaint.representative.name == "Sam Jones"
    assert "Mrs Jones" in complaint.representative.acting_for
    transcript = [(line.direction, line.text) for line in complaint.transcript]
    assert transcript[0][0] == "resident" and "mould in my mums bathroom" in transcript[0][1]
    assert ("resident", "An apology") in transcript
    assert any(d == "assistant" and "Here is what I understood" in t for d, t in transcript)
    [adjustment] = complaint.adjustments
    assert adjustment.need_id == "hearing"
    assert adjustment.disability_disclosed and adjustment.consent_to_record


def test_a_retried_action_call_makes_one_case(running: Running, policy: Policy) -> None:
    """Rasa retries an action call that timed out: the same turn must not log a second case."""
    call = confirmation("retry-test", "turn-42")
    url = f"{running.servers.action_url}/webhook"
    headers = running.servers.action_headers
    first = requests.post(url, json=call, headers=headers, timeout=30).json()
    second = requests.post(url, json=call, headers=headers, timeout=30).json()
    references = [re.search(r"CMP-\d{4}-\d{6}", r["responses"][0]["text"]) for r in (first, second)]
    assert references[0] and references[1]
    assert references[0].group() == references[1].group()
    store = CaseStore(make_engine(running.database_url), policy)
    with store.unit_of_work() as uow:
        rows = uow.cases.complaints_for_conversation("retry-test")
    assert len(rows) == 1


def test_stage_2_by_reference_needs_no_reason_and_gets_its_own_dates(
    running: Running, policy: Policy
) -> None:
    store = CaseStore(make_engine(running.database_url), policy)
    stage_1_reference = answered_complaint(store, "R Tenant", "07700900123").reference
    sender = f"test-{uuid.uuid4().hex[:10]}"
    asked = said(running.servers.say(sender, f"please escalate {stage_1_reference.lower()}"))
    assert "email address or phone number you gave" in asked
    assert "do not need to give a reason" in asked
    reply = said(running.servers.say(sender, "07700 900 123"))
    assert f"Your complaint {stage_1_reference} has gone to Stage 2" in reply
    assert "0300 111 3000" in reply
    stage_2_reference = re.findall(r"CMP-\d{4}-\d{6}", reply)[1]
    stage_2 = store.complaint(stage_2_reference)
    stage_1 = store.complaint(stage_1_reference)
    assert stage_2 is not None and stage_1 is not None
    assert (stage_2.stage, stage_2.escalated_from_id) == (2, stage_1.id)
    assert store.calendar.add_working_days(stage_2.acknowledgement_due, 20) == stage_2.response_due


def test_stage_2_without_a_reference_goes_to_an_officer(running: Running) -> None:
    sender = f"test-{uuid.uuid4().hex[:10]}"
    assert "What is your complaint reference" in said(
        running.servers.say(sender, "i want to take my complaint to stage 2")
    )
    assert "doesn't look like a complaint reference" in said(running.servers.say(sender, "12345"))
    passed_on = said(running.servers.say(sender, "I don't have it"))
    assert "A complaints officer will find it" in passed_on
    assert "I'll pass you to a person." in passed_on


def test_status_is_shared_only_after_a_second_detail_matches(
    running: Running, policy: Policy
) -> None:
    store = CaseStore(make_engine(running.database_url), policy)
    reference = logged_complaint(store, "Priya Okafor", "priya@example.org").reference
    sender = f"test-{uuid.uuid4().hex[:10]}"
    asked = said(running.servers.say(sender, f"any update on my complaint {reference}?"))
    assert "email address or phone number" in asked
    refused = said(running.servers.say(sender, "Okafor"))  # the surname is not enough
    assert "can't share anything" in refused and reference not in refused
    running.servers.say(sender, f"what's happening with complaint {reference}")
    shared = said(running.servers.say(sender, "Priya@example.org"))
    assert f"Complaint {reference} is at Stage 1 and is open" in shared
    assert "Our response is due by" in shared


def test_a_stranger_with_a_reference_and_a_surname_moves_nothing_and_learns_nothing(
    running: Running, policy: Policy
) -> None:
    store = CaseStore(make_engine(running.database_url), policy)
    stage_1 = logged_complaint(store, "Tomasz Wojcik", f"tomasz.{uuid.uuid4().hex[:6]}@example.org")
    sender = f"test-{uuid.uuid4().hex[:10]}"
    running.servers.say(sender, f"escalate complaint {stage_1.reference} to stage 2")
    refused = said(running.servers.say(sender, "Wojcik"))
    assert "A complaints officer will find it" in refused
    assert "has gone to Stage 2" not in refused
    assert store.find_for_stage_2("Wojcik", stage_1.contact_details) == stage_1  # not escalated


def test_asking_for_a_person_pauses_the_chat_and_leaves_the_conversation_for_staff(
    running: Running, policy: Policy
) -> None:
    sender = f"test-{uuid.uuid4().hex[:10]}"
    running.servers.say(sender, "my kitchen tap has been dripping for a week")
    handed = said(running.servers.say(sender, "can I speak to a real person"))
    assert "I'll pass you to a person" in handed and "carry on here" in handed
    assert "A person will read this" in said(running.servers.say(sender, "hello? anyone there?"))
    store = CaseStore(make_engine(running.database_url), policy)
    [handoff] = [h for h in store.waiting_handoffs() if h.conversation_id == sender]
    assert handoff.transcript[0].text == "my kitchen tap has been dripping for a week"
    assert handoff.transcript[-1].text == "can I speak to a real person"


def test_a_need_mentioned_with_a_repair_is_noted_with_consent_and_a_review_date(
    running: Running, policy: Policy
) -> None:
    sender = f"test-{uuid.uuid4().hex[:10]}"
    offered = said(running.servers.say(sender, "can someone fix my doorbell, im deaf so text me"))
    # How the team reaches them is asked first, then what would help.
    assert "Would you like our team to contact you" in offered
    assert "note what would help you" in said(running.servers.say(sender, "/deny"))
    assert "What would help you" in said(running.servers.say(sender, "/affirm"))
    assert "May we record it" in said(running.servers.say(sender, "text me before you come"))
    noted = said(running.servers.say(sender, "/affirm"))
    assert "We will review it by" in noted
    store = CaseStore(make_engine(running.database_url), policy)
    with store.unit_of_work() as uow:
        [contact] = [c for c in uow.cases.recent_contacts(50) if c.conversation_id == sender]
    [kept] = store.contact_adjustments(contact.id or 0)
    assert (kept.need_id, kept.detail, kept.consent_to_record) == (
        "hearing",
        "text me before you come",
        True,
    )


def test_a_daughter_reporting_her_mums_repair_is_noted_as_acting_for_her_then_adjustments(
    running: Running, policy: Policy
) -> None:
    sender = f"test-{uuid.uuid4().hex[:10]}"
    offered = said(
        running.servers.say(
            sender, "hi im messaging for my mum, her bath tap is leaking can someone come out. "
            "she is deaf so text me please",
        )
    )  # fmt: skip
    assert "request for our team" in offered and "acting for them" in offered
    assert "What is your full name" in said(running.servers.say(sender, "/affirm"))
    assert "name and address of the person" in said(running.servers.say(sender, "Priya Shah"))
    assert "agreed to you acting for them" in said(
        running.servers.say(sender, "Meena Shah, 4 Elm Court, LS2 7AB")
    )
    noted = said(running.servers.say(sender, "/deny"))
    assert "they need to tell us they agree" in noted
    assert "Would you like our team to contact you" in noted
    assert "note what would help you" in said(running.servers.say(sender, "no thanks"))
    store = CaseStore(make_engine(running.database_url), policy)
    with store.unit_of_work() as uow:
        [contact] = [c for c in uow.cases.recent_contacts(50) if c.conversation_id == sender]
    assert contact.label == "service_request"
    [kept] = store.contact_representatives(contact.id or 0)
    assert (kept.name, kept.relationship, kept.acting_for, kept.consent) == (
        "Priya Shah", "family", "Meena Shah, 4 Elm Court, LS2 7AB", "not_yet",
    )  # fmt: skip


def test_a_new_message_leaves_an_earlier_offer_behind_and_yes_answers_the_newest(
    running: Running,
) -> None:
    sender = f"test-{uuid.uuid4().hex[:10]}"
    first = said(
        running.servers.say(sender, "im messaging for my mum, her bath tap is leaking pls fix")
    )
    assert "acting for them" in first
    second = said(running.servers.say(sender, "also can someone fix my doorbell, im deaf"))
    assert "Would you like our team to contact you" in second
    assert "note what would help you" in said(running.servers.say(sender, "/deny"))
    assert "What would help you" in said(running.servers.say(sender, "/affirm"))


ANSWERS = {
    "Is this still happening": "/affirm",
    "reported to us before": "no",
    "What would you like us to do": '/choose{"choice": "Fix the problem"}',
    "resident, or are you helping someone else": '/choose{"choice": "resident"}',
}


def test_a_name_and_an_email_are_answers_not_requests_for_a_person(running: Running) -> None:
    sender = f"test-{uuid.uuid4().hex[:10]}"
    reply = said(running.servers.say(sender, "the lift in our block has been broken for weeks"))
    assert "make a formal complaint" in reply
    reply = said(running.servers.say(sender, "/affirm"))
    while "What name should we use" not in reply:
        question = next(q for q in ANSWERS if q in reply)
        reply = said(running.servers.say(sender, ANSWERS[question]))
    reply = said(running.servers.say(sender, "Grace Evans"))
    assert "phone number or email" in reply and "pass you to a person" not in reply
    reply = said(running.servers.say(sender, "grace.jones@example.org"))
    assert "How would you like us to contact you" in reply
