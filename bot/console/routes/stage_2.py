"""Stage 2 requests (Code 6.10-6.14), on their own or during a call: the one complaint the
form names is escalated with the handler as the actor; when no single complaint matches, the
request is recorded for a complaints officer to find."""

from __future__ import annotations

from sanic import Request
from sanic.response import HTTPResponse

from bot.casestore.domain import ContactRecord
from bot.casestore.services import CaseStore, utc_now
from bot.console.forms import CHANNEL, Stage2Form
from bot.console.pages import (
    Routes,
    blocking,
    cases_of,
    console_of,
    fields,
    new_conversation_id,
    not_found,
    page,
    phone_contact,
)
from bot.console.routes.calls import returned_with_errors
from bot.replies import escalation_lines, ombudsman_line, unmatched_stage_2_lines

# Team members who act on a complaint after it is logged: the one acting last owns it.
OFFICER_STEPS = {"complaint_acknowledged", "response_extended", "response_sent"}
routes = Routes()


@routes.get("/stage-2")
async def stage_2_page(request: Request) -> HTTPResponse:
    return page(request, "stage_2.html", title="Stage 2 request", form=Stage2Form(),
                errors={})  # fmt: skip


@routes.post("/stage-2")
async def stage_2_request(request: Request) -> HTTPResponse:
    return await log_stage_2(request, Stage2Form.from_fields(fields(request)), None)


@routes.post("/contacts/<contact_id:int>/stage-2")
async def stage_2_for_call(request: Request, contact_id: int) -> HTTPResponse:
    contact = await phone_contact(request, contact_id)
    if contact is None:
        return not_found(request)
    return await log_stage_2(request, Stage2Form.from_fields(fields(request)), contact)


async def log_stage_2(
    request: Request, form: Stage2Form, contact: ContactRecord | None
) -> HTTPResponse:
    """Stage 2 of the one complaint the form names, with the handler as the actor; when no
    single complaint matches, the request is recorded for a complaints officer to find."""
    policy, cases = console_of(request).app.policy, cases_of(request)
    errors = form.errors()
    stage_1, problem = (None, {}) if errors else await blocking(form.find, cases)
    if errors or problem:
        errors = errors or problem
        if contact is None:
            return page(request, "stage_2.html", 422, title="Stage 2 request", form=form,
                        errors=errors)  # fmt: skip
        assert contact.id is not None, "a stored contact"
        return await returned_with_errors(request, contact.id, errors, "stage_2")
    received_at = contact.received_at if contact else utc_now()
    if stage_1 is None:
        conversation_id = contact.conversation_id if contact else new_conversation_id()
        await blocking(record_unmatched, cases, form.unmatched(conversation_id, received_at))
        return page(request, "stage_2_logged.html", title="No single complaint matches",
                    stage_1=None, stage_2=None, already=False, not_yet=False,
                    read_out=unmatched_stage_2_lines(policy))  # fmt: skip
    # Each request is its own; the case store decides what it comes to, and the caller hears
    # what the chat would say.
    key = f"{new_conversation_id()}:stage_2"
    escalation = await blocking(cases.escalate, stage_1, key, CHANNEL, received_at,
                                form.words(contact))  # fmt: skip
    read_out = [*escalation_lines(escalation), ombudsman_line(policy)]
    stage_2 = escalation.stage_2
    if stage_2 is None:
        # Before the Stage 1 answer is sent or late: explained, nothing opened.
        return page(request, "stage_2_logged.html", title=f"{stage_1.reference} stays at Stage 1",
                    stage_1=stage_1, stage_2=None, already=False, not_yet=True,
                    read_out=read_out)  # fmt: skip
    trail = await blocking(cases.audit_trail, stage_1.reference)
    owner = next((actor for actor, kind, _ in reversed(trail) if kind in OFFICER_STEPS), None)
    return page(request, "stage_2_logged.html", title=f"Stage 2 {stage_2.reference}",
                stage_1=stage_1, stage_2=stage_2, already=escalation.already, not_yet=False,
                owner=owner, read_out=read_out)  # fmt: skip


def record_unmatched(cases: CaseStore, stage_2_request: ContactRecord) -> None:
    """For a complaints officer to find, as the chat does. What the caller gave to find their
    complaint is kept as a contact in the call's conversation, as the chat's transcript keeps it."""
    cases.record_contact(stage_2_request)
    cases.record_unmatched_escalation(stage_2_request.conversation_id, stage_2_request.channel)
