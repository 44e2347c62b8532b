"""Stage 2 from the console, over real HTTP: by reference or by surname and phone or email, never
asking for a reason (Code 6.10-6.12), with the Stage 2 dates to read out; when no single complaint
matches, the handler is told so and the request is left for a complaints officer."""

from __future__ import annotations

import html
import re
import secrets

import pytest
from sqlalchemy import select

from bot.casestore import tables
from bot.casestore.domain import Complaint
from bot.casestore.engine import make_engine
from bot.casestore.services import CaseStore
from bot.definition import long_date
from bot.replies import stage_2_not_yet_lines
from tests.conftest import Running
from tests.console.client import ConsoleClient
from tests.console.test_console_http import triaged
from tests.integration.test_case_store import handover
from tests.integration.test_invariants import stage_2_before_the_rule

pytestmark = pytest.mark.server

STAGE_2_REFERENCE = re.compile(r'<p class="reference">(CMP-\d{4}-\d{6})</p>')


def stage_1(cases: CaseStore, name: str, details: str, answered: bool = True) -> Complaint:
    """A Stage 1 complaint made earlier in the web chat, answered by an officer unless told
    otherwise (only an answered or late Stage 1 goes to Stage 2)."""
    logged = cases.submit_complaint(
        handover(f"chat-{secrets.token_hex(4)}:complaint", contact_name=name,
                 contact_details=details)
    )  # fmt: skip
    return cases.record_response(logged.reference, "not_upheld", "officer") if answered else logged


def unique_phone() -> str:
    return f"07700 9{secrets.randbelow(10**5):05d}"


def stage_2_logged(page: str, cases: CaseStore) -> Complaint:
    found = STAGE_2_REFERENCE.search(page)
    assert found, page
    complaint = cases.complaint(found.group(1))
    assert complaint is not None and complaint.stage == 2
    return complaint


def test_a_stage_2_call_is_logged_by_reference_with_the_dates_to_read_out_and_no_reason_asked(
    signed_in: ConsoleClient, cases: CaseStore, handler: tuple[str, str]
) -> None:
    first = stage_1(cases, "Grace Okafor", unique_phone())
    said = f"caller wants complaint {first.reference} escalated to stage 2, not happy w response"
    contact_id = triaged(signed_in, said)
    page = signed_in.page
    assert 'id="stage-2"' in page  # the Stage 2 form, open on a Stage 2 call
    assert f'id="stage_2_reference" name="stage_2_reference" value="{first.reference}"' in page
    assert "(optional)" in page

    logged = signed_in.post(f"/console/contacts/{contact_id}/stage-2",
                            {"stage_2_reference": first.reference})  # fmt: skip
    assert logged.status_code == 200
    stage_2 = stage_2_logged(logged.text, cases)
    assert stage_2.escalated_from_id == first.id and stage_2.channel == "phone"
    contact = cases.contact(contact_id)
    assert contact is not None and stage_2.received_at == contact.received_at
    assert stage_2.request_words == said and stage_2.definition == first.definition
    assert (stage_2.clock_start, stage_2.acknowledgement_due, stage_2.response_due) == (
        cases.deadlines(contact.received_at, stage=2)
    )
    # The words the chat says (bot.replies.escalation_lines), with the dates.
    for words in (f"Your complaint {first.reference} has gone to Stage 2",
                  f"The Stage 2 reference is {stage_2.reference}.",
                  long_date(stage_2.acknowledgement_due), long_date(stage_2.response_due),
                  "Housing Ombudsman Service"):  # fmt: skip
        assert words in logged.text
    with cases.unit_of_work() as uow:
        trail = uow.cases.audit_trail(stage_2.reference)
    assert trail == [(handler[0], "complaint_logged", {"stage": 2, "channel": "phone"})]

    again = signed_in.post(f"/console/contacts/{contact_id}/stage-2",
                           {"stage_2_reference": first.reference.lower()})  # fmt: skip
    assert "Already at Stage 2" in again.text
    assert stage_2_logged(again.text, cases).reference == stage_2.reference  # not a second one
    # Read out as the chat says it: nothing new, where it stands; it used to say "is now at
    # Stage 2" and "We will confirm we have your complaint by" as if just opened.
    said = html.unescape(again.text)
    assert "is already at Stage 2, so nothing new has been opened" in said
    assert "is now at Stage 2" not in said and "We will confirm we have" not in said


def test_a_stage_1_not_yet_answered_stays_at_stage_1_on_a_call_as_in_the_chat(
    signed_in: ConsoleClient, cases: CaseStore
) -> None:
    """The chat explains a Stage 2 request made before the Stage 1 answer is sent or late, and
    opens nothing; a call about the same complaint gets the same decision and the same words."""
    first = stage_1(cases, "Ines Duarte", unique_phone(), answered=False)
    response = signed_in.post("/console/stage-2", {"stage_2_reference": first.reference})
    assert response.status_code == 200
    assert f"<h1>{first.reference} stays at Stage 1</h1>" in response.text
    assert not STAGE_2_REFERENCE.search(response.text)
    assert cases.stage_2_of(first) is None
    for line in stage_2_not_yet_lines(first):
        assert html.escape(line) in response.text

    answered = cases.record_response(first.reference, "not_upheld", "officer")
    logged = signed_in.post("/console/stage-2", {"stage_2_reference": first.reference})
    assert stage_2_logged(logged.text, cases).escalated_from_id == answered.id


def test_an_unanswered_stage_1_at_stage_2_already_shows_its_stage_2_as_in_the_chat(
    signed_in: ConsoleClient, cases: CaseStore
) -> None:
    first = stage_1(cases, "Ada Brennan", unique_phone(), answered=False)
    stage_2 = stage_2_before_the_rule(cases, first)
    response = signed_in.post("/console/stage-2", {"stage_2_reference": first.reference})
    assert response.status_code == 200
    assert "Already at Stage 2" in response.text and "stays at Stage 1" not in response.text
    assert stage_2_logged(response.text, cases).reference == stage_2.reference


def test_from_the_new_call_page_stage_2_is_found_by_surname_and_phone_with_any_reasons_noted(
    signed_in: ConsoleClient, cases: CaseStore
) -> None:
    phone = unique_phone()
    first = stage_1(cases, "Tomasz Nowak", phone)
    stage_1(cases, "Tomasz Nowak", f"tomasz.{secrets.token_hex(3)}@example.org")  # not this one
    assert 'href="/console/stage-2"' in signed_in.page
    assert signed_in.get("/console/stage-2").status_code == 200
    logged = signed_in.post("/console/stage-2", {
        "stage_2_surname": "nowak", "stage_2_contact": phone.replace(" ", ""),
        "stage_2_reasons": "The repair still has not been done",
    })  # fmt: skip
    assert logged.status_code == 200, logged.text
    stage_2 = stage_2_logged(logged.text, cases)
    assert stage_2.escalated_from_id == first.id
    assert stage_2.request_words == "The repair still has not been done"

    email = f"ada.{secrets.token_hex(3)}@example.org"
    stage_1(cases, "Ada Byrne", email)
    logged = signed_in.post("/console/stage-2",
                            {"stage_2_surname": "Byrne", "stage_2_contact": email})  # fmt: skip
    assert stage_2_logged(logged.text, cases).request_words is None  # no reason asked or given


def test_when_no_single_complaint_matches_the_handler_says_so_and_an_officer_gets_the_details(
    signed_in: ConsoleClient, cases: CaseStore, running: Running, handler: tuple[str, str]
) -> None:
    phone = unique_phone()
    for _ in range(2):  # the same surname and phone on two complaints: which one is not known
        stage_1(cases, "Sam Lee", phone)
    response = signed_in.post("/console/stage-2",
                              {"stage_2_surname": "Lee", "stage_2_contact": phone})  # fmt: skip
    assert response.status_code == 200
    assert "<h1>No single complaint matches</h1>" in response.text
    assert "A complaints officer will find your complaint" in response.text
    assert "Housing Ombudsman Service" in response.text
    assert not STAGE_2_REFERENCE.search(response.text)

    audit = tables.audit_events
    with make_engine(running.database_url).connect() as db:
        actor, subject = db.execute(
            select(audit.c.actor, audit.c.subject)
            .where(audit.c.kind == "escalation_unmatched")
            .order_by(audit.c.id.desc())
        ).first()  # type: ignore[misc]
        contact_text = db.execute(
            select(tables.contacts.c.text).where(
                tables.contacts.c.conversation_id == subject.removeprefix("conversation:")
            )
        ).scalar_one()
    assert actor == handler[0] and subject.startswith("conversation:phone-")
    assert "Lee" in contact_text and phone in contact_text  # what the officer searches with


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({}, "stage_2_reference", "Enter the reference, or the caller&#39;s surname"),
        ({"stage_2_reference": "12345"}, "stage_2_reference", "Enter a reference like"),
        ({"stage_2_reference": "CMP-2026-999999"}, "stage_2_reference",
         "There is no complaint CMP-2026-999999"),
        ({"stage_2_surname": "Lee"}, "stage_2_contact", "Enter the email address, or a phone"),
        ({"stage_2_contact": "sam@example.org"}, "stage_2_surname", "Enter the caller&#39;s"),
    ],
)  # fmt: skip
def test_a_stage_2_request_that_cannot_be_used_is_asked_again_and_nothing_is_logged(
    signed_in: ConsoleClient, fields: dict[str, str], field: str, message: str
) -> None:
    response = signed_in.post("/console/stage-2", fields)
    assert response.status_code == 422
    assert f'<a href="#{field}">{message}' in response.text
    assert f'id="{field}-error"' in response.text


def test_a_stage_2_reference_is_not_taken_to_stage_2_again(
    signed_in: ConsoleClient, cases: CaseStore
) -> None:
    first = stage_1(cases, "Noor Haddad", unique_phone())
    second = cases.escalate(first, f"chat-{secrets.token_hex(4)}:stage_2", "socketio",
                            first.received_at, "").stage_2  # fmt: skip
    # Its own reference: the Stage 2 it is, nothing new, as the chat says (it used to be a
    # form error asking for the first complaint's reference).
    response = signed_in.post("/console/stage-2", {"stage_2_reference": second.reference})
    assert response.status_code == 200
    assert "Already at Stage 2" in response.text
    assert f"Your complaint {second.reference} is already at Stage 2" in html.unescape(
        response.text
    )
    assert stage_2_logged(response.text, cases).reference == second.reference
    # Taken to Stage 2 in the chat already: the console shows that one, and logs nothing new.
    response = signed_in.post("/console/stage-2", {"stage_2_reference": first.reference})
    assert "Already at Stage 2" in response.text
    assert stage_2_logged(response.text, cases).reference == second.reference


def test_a_stage_2_request_needs_the_form_token(signed_in: ConsoleClient) -> None:
    response = signed_in.post("/console/stage-2", {"stage_2_reference": "CMP-2026-000001"},
                              token=None)  # fmt: skip
    assert response.status_code == 403
