"""A call: what the caller said, triaged into a call page with its checklist and forms; the
handler's draft, the caller's choice, an exclusion proposal, support and a service request."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

from sanic import Request
from sanic.response import HTTPResponse

from bot.casestore.domain import Choice, ContactRecord
from bot.casestore.services import utc_now
from bot.console.forms import (
    CHANNEL,
    Caller,
    ComplaintForm,
    ServiceRequestForm,
    Stage2Form,
    in_words,
    request_categories,
)
from bot.console.pages import (
    PATH,
    Routes,
    blocking,
    call_triage,
    cases_of,
    classified,
    console_of,
    fields,
    keep_draft,
    new_conversation_id,
    not_found,
    not_ready,
    page,
    phone_contact,
    see_other,
    session_of,
)
from bot.console.prompts import LABEL_IN_WORDS, forms_open, prompts_for
from bot.definition import PREFERENCES
from bot.policy.ids import OVER_12_MONTHS
from bot.replies import request_lines

ASB_TITLE = "Anti-social behaviour report: for the ASB team"
routes = Routes()


@routes.get("/")
async def new_call(request: Request) -> HTTPResponse:
    return page(request, "triage.html", title="New call", errors={}, text="")


@routes.post("/triage")
async def triage_call(request: Request) -> HTTPResponse:
    console, session = console_of(request), session_of(request)
    text = request.form.get("text", "").strip()
    if not text:
        errors = {"text": "Enter what the caller said"}
        return page(request, "triage.html", 422, title="New call", errors=errors, text="")
    decided = await classified(request, text)
    if decided is None:
        return not_ready(request)
    result, model = decided
    contact = ContactRecord.triaged(result, new_conversation_id(), CHANNEL, utc_now(), text,
                                    model_version=model)  # fmt: skip
    cases = console.app.cases.acting_as(session.staff.username)
    contact_id = await blocking(cases.record_contact, contact)
    if result != result.consent_safe(console.app.policy):
        console.heard_in_confidence.remember(contact_id, result)
    if result.urgent:
        await blocking(cases.start_hazard_clocks, contact_id, result.urgency, contact.received_at)
    return see_other(f"{PATH}/contacts/{contact_id}")


@routes.get("/contacts/<contact_id:int>")
async def contact_page(request: Request, contact_id: int) -> HTTPResponse:
    return await call_page(request, contact_id)


@routes.post("/contacts/<contact_id:int>/draft")
async def save_draft(request: Request, contact_id: int) -> HTTPResponse:
    """What the handler typed so far: saved as they type (the page's script) or with the
    "Save what I typed" button; either keeps the session alive while the call goes on."""
    if await phone_contact(request, contact_id) is None:
        return not_found(request)
    await keep_draft(request, contact_id)
    if request.form.get("saved_by") == "script":
        return HTTPResponse(status=204)
    return see_other(f"{PATH}/contacts/{contact_id}")


@routes.post("/contacts/<contact_id:int>/choice")
async def record_choice(request: Request, contact_id: int) -> HTTPResponse:
    choice = request.form.get("choice")
    if choice not in ("complaint", "no_complaint"):
        return await call_page(request, contact_id, status=422)
    contact = await phone_contact(request, contact_id)
    if contact is None:
        return not_found(request)
    await keep_draft(request, contact_id)
    chosen: Choice = "complaint" if choice == "complaint" else "no_complaint"
    await blocking(cases_of(request).record_choice, contact_id, chosen)
    anchor = "complaint" if chosen == "complaint" else "service-request"
    return see_other(f"{PATH}/contacts/{contact_id}#{anchor}")


@routes.post("/contacts/<contact_id:int>/time-limit")
async def record_time_limit(request: Request, contact_id: int) -> HTTPResponse:
    """The caller's answer to whether an old matter is still going on (2.3), as in the chat: a
    complaint about one that is over goes to a complaints officer when the caller chooses it."""
    answer = request.form.get("time_limit")
    contact = await phone_contact(request, contact_id)
    if contact is None or contact.exclusion_reason != OVER_12_MONTHS:
        return not_found(request)
    if answer not in ("within_time", "over"):
        return await call_page(request, contact_id, status=422)
    await keep_draft(request, contact_id)
    await blocking(cases_of(request).record_time_limit, contact_id, answer == "within_time")
    return see_other(f"{PATH}/contacts/{contact_id}#prompts")


@routes.post("/contacts/<contact_id:int>/support")
async def record_support(request: Request, contact_id: int) -> HTTPResponse:
    """The representative and adjustments on any call, an enquiry included (1.3, 3.6,
    5.10), without logging a complaint or a request."""
    console = console_of(request)
    caller = Caller.from_fields(fields(request))
    errors = caller.support_errors(console.app.policy)
    contact = await phone_contact(request, contact_id)
    if contact is None:
        return not_found(request)
    await keep_draft(request, contact_id)
    if errors:
        return await call_page(request, contact_id, 422, errors=errors)
    cases = cases_of(request)
    await blocking(cases.record_support, contact_id, caller.representative(contact.received_at),
                   caller.adjustments(cases, console.app.policy))  # fmt: skip
    return see_other(f"{PATH}/contacts/{contact_id}#caller")


@routes.post("/contacts/<contact_id:int>/service-request")
async def log_service_request(request: Request, contact_id: int) -> HTTPResponse:
    console = console_of(request)
    policy = console.app.policy
    form = ServiceRequestForm.from_fields(fields(request))
    errors = form.errors(policy)
    if errors:
        return await returned_with_errors(request, contact_id, errors, "service")
    contact = await phone_contact(request, contact_id)
    if contact is None:
        return not_found(request)
    cases = cases_of(request)
    logged = await blocking(
        cases.log_service_request, contact_id, form.request(),
        form.caller.representative(contact.received_at),
        form.caller.adjustments(cases, policy),
    )  # fmt: skip
    await blocking(console.app.drafts.discard, contact_id)
    clocks = await blocking(cases.hazard_clocks, contact_id)
    contact_by = cases.request_contact_by(contact.received_at)
    return page(request, "service_request_logged.html", title="Service request logged",
                contact=contact, logged=logged,
                category=request_categories(policy).get(logged.category, logged.category),
                read_out=request_lines(logged, contact_id, policy, clocks,
                                       contact_by))  # fmt: skip


async def returned_with_errors(
    request: Request, contact_id: int, errors: Mapping[str, str], form: str
) -> HTTPResponse:
    """The call page again, with the form that came back with problems open and what the
    handler typed kept as their draft."""
    await keep_draft(request, contact_id)
    return await call_page(request, contact_id, 422, errors=errors, form_with_errors=form)


async def call_page(
    request: Request, contact_id: int, status: int = 200,
    errors: Mapping[str, str] | None = None, form_with_errors: str = "",
) -> HTTPResponse:  # fmt: skip
    """The call page, with what the handler typed (their draft) or else what triage heard;
    `form_with_errors` names the form that came back with `errors`."""
    console, staff = console_of(request), session_of(request).staff
    policy = console.app.policy
    contact = await phone_contact(request, contact_id)
    if contact is None:
        return not_found(request)
    result = call_triage(console, contact)
    if result.exclusion_reason == OVER_12_MONTHS and contact.exclusion_reason is None:
        # The caller said it is still going on or only just found out: within time (2.3).
        result = replace(result, exclusion_reason=None)
    proposed = await blocking(console.app.cases.exclusion_proposed, contact_id)
    draft = await blocking(console.app.drafts.draft, contact_id, staff.username)
    if draft is None:
        complaint = ComplaintForm.prefilled(contact, result)
        service = ServiceRequestForm.prefilled(contact, result)
        stage_2 = Stage2Form.prefilled(result)
    else:
        complaint = ComplaintForm.from_fields(draft)
        service = ServiceRequestForm.from_fields(draft)
        stage_2 = Stage2Form.from_fields(draft)
    asb = result.first_asb_report
    title = ASB_TITLE if asb else LABEL_IN_WORDS[result.label]
    complaint_open, service_open = forms_open(result, contact.choice, form_with_errors)
    clocks = await blocking(console.app.cases.hazard_clocks, contact_id)
    representatives = await blocking(console.app.cases.contact_representatives, contact_id)
    adjustments = await blocking(console.app.cases.contact_adjustments, contact_id)
    return page(
        request, "contact.html", status, title=title, contact=contact, result=result,
        label_in_words=title, prompts=prompts_for(result, policy, clocks, contact.choice),
        exclusion_proposed=proposed, errors=errors or {}, policy=policy,
        caller=complaint.caller, complaint=complaint, service=service, stage_2=stage_2,
        representatives=representatives, adjustments=adjustments,
        restored=draft is not None and not errors, done=tuple((draft or {}).get("done") or ()),
        complaint_open=complaint_open, service_open=service_open,
        categories=request_categories(policy),
        outcome_options=[(o.id, o.text.capitalize(), "") for o in policy.outcomes.values()],
        preference_options=[(p, p.capitalize(), "") for p in PREFERENCES],
        need_options=[
            (n.id, in_words(n.id) + (" (health or disability)" if n.special_category else ""),
             n.offer)
            for n in policy.needs.values()
        ],
    )  # fmt: skip
