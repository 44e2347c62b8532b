"""Logging a complaint from a call, and the page that shows it logged with the words to read
out. When the case store is not answering, the complaint waits in the outbox instead."""

from __future__ import annotations

from contextlib import suppress
from urllib.parse import quote

from sanic import Request
from sanic.response import HTTPResponse
from sqlalchemy.exc import DBAPIError

from bot.casestore.domain import Complaint, ComplaintHandover, ContactRecord
from bot.casestore.outbox import ComplaintHandovers
from bot.casestore.services import CaseStore
from bot.console.forms import ComplaintForm
from bot.console.pages import (
    PATH,
    Routes,
    blocking,
    cases_of,
    console_of,
    fields,
    handovers_of,
    not_found,
    page,
    phone_contact,
    see_other,
    session_of,
)
from bot.console.routes.calls import returned_with_errors
from bot.replies import kept_lines, logged_lines, urgent_logged_lines

routes = Routes()


@routes.post("/contacts/<contact_id:int>/complaint")
async def log_complaint(request: Request, contact_id: int) -> HTTPResponse:
    console = console_of(request)
    form = ComplaintForm.from_fields(fields(request))
    errors = form.errors(console.app.policy)
    if errors:
        return await returned_with_errors(request, contact_id, errors, "complaint")
    contact = await phone_contact(request, contact_id)
    if contact is None:
        return not_found(request)
    cases, handovers = cases_of(request), handovers_of(request)
    handover = form.handover(contact, cases, console.app.policy)
    complaint = await blocking(log_complaint_now, cases, handovers, contact, handover)
    if complaint is None:
        return page(request, "complaint_kept.html", 202, title="Complaint saved, not yet "
                    "logged", read_out=kept_lines(console.app.policy))  # fmt: skip
    await blocking(console.app.drafts.discard, contact_id)
    # Anything an earlier outage left waiting goes now that the case store answers.
    await blocking(console.app.handovers.relay)
    return see_other(f"{PATH}/complaints/{quote(complaint.reference)}?call={contact_id}")


@routes.get("/complaints/<reference>")
async def complaint_logged(request: Request, reference: str) -> HTTPResponse:
    """Officers see the whole complaint; a call handler sees its details only if they logged
    it: the caller's contact details and adjustments are not theirs to read otherwise."""
    console, staff = console_of(request), session_of(request).staff
    cases = console.app.cases
    complaint = await blocking(cases.complaint, reference)
    if complaint is None:
        return not_found(request)
    trail = await blocking(cases.audit_trail, reference)
    logged_by = next((actor for actor, kind, _ in trail if kind == "complaint_logged"), None)
    if not staff.is_officer and logged_by != staff.username:
        return page(request, "complaint_summary.html", 403, title=f"Complaint {reference}",
                    complaint=complaint)  # fmt: skip
    read_out = logged_lines(complaint, console.app.policy)
    call = await call_of(request, complaint)
    if call is not None and call.id is not None:
        clocks = await blocking(cases.hazard_clocks, call.id)
        read_out[1:1] = urgent_logged_lines(call.urgency, console.app.policy, clocks)
    return page(request, "complaint_logged.html", title=f"Complaint {reference} logged",
                complaint=complaint, read_out=read_out)  # fmt: skip


def log_complaint_now(
    cases: CaseStore, handovers: ComplaintHandovers, contact: ContactRecord,
    handover: ComplaintHandover,
) -> Complaint | None:  # fmt: skip
    """The logged complaint, or None when the case store is not answering: the handover then
    waits in the outbox, as a chat complaint does, and is logged once when the store is back."""
    assert contact.id is not None, "a stored contact"
    if contact.choice is None:
        # Without the store the choice goes unrecorded, but the complaint names the call.
        with suppress(DBAPIError):
            cases.record_choice(contact.id, "complaint")
    return handovers.submit(handover)


async def call_of(request: Request, complaint: Complaint) -> ContactRecord | None:
    """The call a complaint was logged from, named by the page's `call` parameter."""
    call = request.args.get("call", "")
    if not call.isdigit():
        return None
    contact = await phone_contact(request, int(call))
    if contact is None or contact.conversation_id != complaint.conversation_id:
        return None
    return contact
