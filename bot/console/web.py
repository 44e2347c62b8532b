"""The console's pages: a Sanic blueprint that the Rasa server mounts at /console.

Every page is rendered on the server (Jinja2, autoescaped) and works without JavaScript. One
request middleware guards them all: a POST needs the form token of its session (or, to sign in,
of the sign-in cookie), and every page but sign-in needs a live session. Database and password
work runs in a thread, so the residents' chat on the same server never waits for it.
"""

from __future__ import annotations

import asyncio
import re
import secrets
from collections.abc import Callable, Mapping
from contextlib import suppress
from dataclasses import replace
from datetime import datetime, timedelta
from functools import partial
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import quote

from jinja2 import Environment, PackageLoader, StrictUndefined
from sanic import Blueprint, Request
from sanic.response import HTTPResponse, html, raw, redirect
from sqlalchemy.exc import DBAPIError, IntegrityError

from bot.bootstrap import App, build_app
from bot.calendar import UK_TIME
from bot.casestore.domain import Choice, Complaint, ComplaintHandover, ContactRecord, Handoff
from bot.casestore.outbox import ComplaintHandovers
from bot.casestore.services import FLAGGED_BY_STAFF, CaseStore, utc_now
from bot.console.accounts import (
    SESSION_IDLE,
    SignInRefused,
    StaffSession,
    csrf_token_for,
    same_token,
)
from bot.console.forms import (
    CHANNEL,
    Caller,
    ComplaintForm,
    Fields,
    ServiceRequestForm,
    Stage2Form,
    first,
    first_asb_report,
    in_words,
    request_categories,
)
from bot.console.prompts import (
    LABEL_IN_WORDS,
    kept_lines,
    logged_lines,
    prompts_for,
    request_lines,
    unmatched_stage_2_lines,
    urgent_logged_lines,
)
from bot.console.recent import Recent
from bot.definition import PREFERENCES, long_date
from bot.hazards import clock_lines
from bot.oversight.queue import OfficerQueue, QueueError
from bot.triage import TriageResult, triage

PATH = "/console"
SESSION_COOKIE = "console_session"
SIGN_IN_COOKIE = "console_sign_in"
PUBLIC_PAGES = {f"{PATH}/sign-in", f"{PATH}/console.css", f"{PATH}/console.js"}
# The forms of a call page: what one of them sends after the session lapsed is kept as a draft.
CALL_FORM = re.compile(rf"^{PATH}/contacts/(\d+)/[a-z0-9-]+$")
CALL_PAGE = re.compile(rf"^{PATH}/contacts/\d+$")
# Team members who act on a complaint after it is logged: the one acting last owns it.
OFFICER_STEPS = {"complaint_acknowledged", "response_extended", "response_sent"}
ASB_TITLE = "Anti-social behaviour report: for the ASB team"
OFFICER_PAGES = f"{PATH}/queue"
# How far back the urgent follow-up page looks.
URGENT_WINDOW = timedelta(days=7)
HEADERS = {
    # Nothing a caller said may stay in a browser cache or be shown in someone else's frame.
    "Cache-Control": "no-store",
    "Pragma": "no-cache",
    "Content-Security-Policy": "default-src 'none'; style-src 'self'; script-src 'self'; "
    "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}
CHANNEL_IN_WORDS = {
    "socketio": "Web chat",
    "rest": "Chat",
    "meta": "Facebook or Instagram message",
    "x": "X message",
    CHANNEL: "Phone call",
}
Result = TypeVar("Result")


class Console:
    """What the pages need, built once when the server starts, from the one composition root."""

    def __init__(self, app: App) -> None:
        self.app = app
        self.templates = Environment(
            loader=PackageLoader("bot.console"),
            autoescape=True,
            undefined=StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
        )
        self.templates.filters["long_date"] = long_date
        self.templates.filters["words"] = in_words
        self.templates.filters["uk_time"] = uk_time
        self.templates.filters["channel"] = channel_in_words
        self.templates.filters["last_said"] = last_said
        self.stylesheet = (Path(__file__).parent / "console.css").read_bytes()
        self.script = (Path(__file__).parent / "console.js").read_bytes()
        # Calls shown lately, so a complaint typed during one can still be saved if the case
        # store stops answering before it is logged (bot/console/recent.py).
        self.calls: Recent[int, ContactRecord] = Recent(SESSION_IDLE)
        # Each call's triage, so reopening its page does not run the classifier again.
        self.triaged: Recent[int, TriageResult] = Recent(SESSION_IDLE)

    def page(self, template: str, status: int = 200, **context: Any) -> HTTPResponse:
        landlord = self.app.policy.landlord.name
        body = self.templates.get_template(template).render(landlord=landlord, **context)
        return html(body, status=status)


def channel_in_words(channel: str) -> str:
    return CHANNEL_IN_WORDS.get(channel, in_words(channel))


def last_said(handoff: Handoff) -> str:
    """What the resident said last: why they asked for a person, in their words."""
    said = [line.text for line in handoff.transcript if line.direction == "resident"]
    return said[-1] if said else ""


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


def new_conversation_id() -> str:
    """Each call is a conversation of its own."""
    return f"{CHANNEL}-{secrets.token_hex(8)}"


def record_unmatched(cases: CaseStore, stage_2_request: ContactRecord) -> None:
    """For a complaints officer to find, as the chat does. What the caller gave to find their
    complaint is kept as a contact in the call's conversation, as the chat's transcript keeps it."""
    cases.record_contact(stage_2_request)
    cases.record_unmatched_escalation(stage_2_request.conversation_id, stage_2_request.channel)


def uk_time(moment: datetime) -> str:
    """Stored times are UTC; a handler reads them as the time on the office clock."""
    local = moment.astimezone(UK_TIME)
    return f"{local:%H:%M} on {local.day} {local:%B %Y}"


async def blocking(work: Callable[..., Result], *args: Any, **kwargs: Any) -> Result:
    return await asyncio.to_thread(partial(work, *args, **kwargs))


def console_of(request: Request) -> Console:
    return request.app.ctx.console


def session_of(request: Request) -> StaffSession:
    return request.ctx.session


def set_cookie(response: HTTPResponse, name: str, value: str, max_age: int | None = None) -> None:
    response.cookies[name] = value
    cookie = response.cookies[name]
    cookie["path"] = PATH
    cookie["httponly"] = True
    cookie["secure"] = True
    cookie["samesite"] = "Strict"
    if max_age is not None:
        cookie["max-age"] = max_age


def see_other(location: str) -> HTTPResponse:
    return redirect(location, status=303)


def refused(console: Console, status: int, message: str) -> HTTPResponse:
    return console.page("refused.html", status=status, title=message, staff=None, message=message)


def console_blueprint() -> Blueprint:
    pages = Blueprint("console")

    @pages.listener("before_server_start")
    async def build(app: Any, _loop: Any) -> None:
        app.ctx.console = Console(build_app())

    @pages.middleware("request")
    async def guard(request: Request) -> HTTPResponse | None:
        console = console_of(request)
        posted = request.method == "POST"
        if request.path in PUBLIC_PAGES:
            if posted and not same_token(
                request.form.get("csrf_token"), request.cookies.get(SIGN_IN_COOKIE, "")
            ):
                return refused(console, 403, "This form has expired. Go back and try again.")
            return None
        token = request.cookies.get(SESSION_COOKIE)
        session = await blocking(console.app.staff.session, token) if token else None
        if posted and session is None and token:
            kept = await _keep_lapsed_draft(request, console, token)
            if kept is not None:
                return see_other(f"{PATH}/sign-in?next={quote(f'{PATH}/contacts/{kept}')}")
        if posted and (
            session is None or not same_token(request.form.get("csrf_token"), session.csrf_token)
        ):
            return refused(console, 403, "This form has expired. Sign in and try again.")
        if session is None:
            return see_other(f"{PATH}/sign-in")
        if request.path.startswith(OFFICER_PAGES) and not session.staff.is_officer:
            return refused(console, 403, "Only complaints officers can see the queue.")
        request.ctx.session = session
        return None

    async def _keep_lapsed_draft(request: Request, console: Console, token: str) -> int | None:
        """The call whose form was kept for its handler, when a session that lapsed during the
        call sent it with its own form token; None otherwise."""
        call = CALL_FORM.match(request.path)
        if call is None or not same_token(request.form.get("csrf_token"), csrf_token_for(token)):
            return None
        member = await blocking(console.app.staff.lapsed_session, token)
        if member is None:
            return None
        contact_id = int(call[1])
        await blocking(console.app.drafts.save, contact_id, member.username, _fields(request))
        return contact_id

    @pages.middleware("response")
    async def no_store(request: Request, response: HTTPResponse) -> None:
        response.headers.update(HEADERS)

    @pages.exception(DBAPIError)
    async def store_not_answering(request: Request, _error: DBAPIError) -> HTTPResponse:
        return refused(console_of(request), 503, "The case store is not answering. Go back: "
                       "what you typed is still there. Try again in a minute.")  # fmt: skip

    @pages.get("/console.css")
    async def stylesheet(request: Request) -> HTTPResponse:
        return raw(console_of(request).stylesheet, content_type="text/css; charset=utf-8")

    @pages.get("/console.js")
    async def script(request: Request) -> HTTPResponse:
        return raw(console_of(request).script, content_type="text/javascript; charset=utf-8")

    # signing in and out ------------------------------------------------------------------------
    @pages.get("/sign-in")
    async def sign_in_page(request: Request) -> HTTPResponse:
        return _sign_in_form(request, {}, status=200)

    @pages.post("/sign-in")
    async def sign_in(request: Request) -> HTTPResponse:
        console = console_of(request)
        username = request.form.get("username", "")
        try:
            session = await blocking(
                console.app.staff.sign_in, username, request.form.get("password", "")
            )
        except SignInRefused as refusal:
            return _sign_in_form(request, {"username": str(refusal)}, status=401, username=username)
        response = see_other(_next_page(first(_fields(request), "next")))
        set_cookie(response, SESSION_COOKIE, session.token)
        set_cookie(response, SIGN_IN_COOKIE, "", max_age=0)
        return response

    def _sign_in_form(
        request: Request, errors: dict[str, str], status: int, username: str = ""
    ) -> HTTPResponse:
        form_token = request.cookies.get(SIGN_IN_COOKIE) or secrets.token_urlsafe(32)
        response = console_of(request).page(
            "sign_in.html", status=status, title="Sign in", staff=None, csrf_token=form_token,
            errors=errors, username=username, signed_out=request.query_string == "signed-out",
            next_page=_next_page(request.args.get("next") or first(_fields(request), "next")),
        )  # fmt: skip
        set_cookie(response, SIGN_IN_COOKIE, form_token)
        return response

    @pages.post("/sign-out")
    async def sign_out(request: Request) -> HTTPResponse:
        await blocking(console_of(request).app.staff.sign_out, session_of(request).token)
        response = see_other(f"{PATH}/sign-in?signed-out")
        set_cookie(response, SESSION_COOKIE, "", max_age=0)
        return response

    # a call ------------------------------------------------------------------------------------
    @pages.get("/")
    async def new_call(request: Request) -> HTTPResponse:
        return _page(request, "triage.html", title="New call", errors={}, text="")

    @pages.post("/triage")
    async def triage_call(request: Request) -> HTTPResponse:
        console, session = console_of(request), session_of(request)
        text = request.form.get("text", "").strip()
        if not text:
            errors = {"text": "Enter what the caller said"}
            return _page(request, "triage.html", 422, title="New call", errors=errors, text="")
        result = await _triage(request, text)
        if result is None:
            return _not_ready(request)
        contact = result.contact(new_conversation_id(), CHANNEL, utc_now(), text)
        cases = console.app.cases.acting_as(session.staff.username)
        contact_id = await blocking(cases.record_contact, contact)
        console.triaged.remember(contact_id, result)
        if result.urgent:
            await blocking(
                cases.start_hazard_clocks, contact_id, result.urgency, contact.received_at
            )
        return see_other(f"{PATH}/contacts/{contact_id}")

    @pages.get("/contacts/<contact_id:int>")
    async def contact_page(request: Request, contact_id: int) -> HTTPResponse:
        return await _contact_page(request, contact_id)

    @pages.post("/contacts/<contact_id:int>/draft")
    async def save_draft(request: Request, contact_id: int) -> HTTPResponse:
        """What the handler typed so far: saved as they type (the page's script) or with the
        "Save what I typed" button; either keeps the session alive while the call goes on."""
        if await _phone_contact(request, contact_id) is None:
            return _not_found(request)
        await _save_draft(request, contact_id)
        if request.form.get("saved_by") == "script":
            return HTTPResponse(status=204)
        return see_other(f"{PATH}/contacts/{contact_id}")

    @pages.post("/contacts/<contact_id:int>/choice")
    async def record_choice(request: Request, contact_id: int) -> HTTPResponse:
        choice = request.form.get("choice")
        if choice not in ("complaint", "no_complaint"):
            return await _contact_page(request, contact_id, status=422)
        contact = await _phone_contact(request, contact_id)
        if contact is None:
            return _not_found(request)
        await _save_draft(request, contact_id)
        chosen: Choice = "complaint" if choice == "complaint" else "no_complaint"
        await blocking(_cases(request).record_choice, contact_id, chosen)
        anchor = "complaint" if chosen == "complaint" else "service-request"
        return see_other(f"{PATH}/contacts/{contact_id}#{anchor}")

    @pages.post("/contacts/<contact_id:int>/exclusion")
    async def propose_exclusion(request: Request, contact_id: int) -> HTTPResponse:
        contact = await _phone_contact(request, contact_id)
        if contact is None or contact.exclusion_reason is None:
            return _not_found(request)
        await _save_draft(request, contact_id)
        with suppress(IntegrityError):  # proposed already, by an earlier press of the button
            await blocking(_cases(request).propose_exclusion, contact_id, contact.exclusion_reason)
        return see_other(f"{PATH}/contacts/{contact_id}#prompt-exclusion")

    @pages.post("/contacts/<contact_id:int>/support")
    async def record_support(request: Request, contact_id: int) -> HTTPResponse:
        """The representative and adjustments on any call, an enquiry included (1.3, 3.6,
        5.10), without logging a complaint or a request."""
        console = console_of(request)
        caller = Caller.from_fields(_fields(request))
        errors = caller.support_errors(console.app.policy)
        contact = await _phone_contact(request, contact_id)
        if contact is None:
            return _not_found(request)
        await _save_draft(request, contact_id)
        if errors:
            return await _contact_page(request, contact_id, 422, errors=errors)
        cases = _cases(request)
        await blocking(cases.record_support, contact_id, caller.representative(contact.received_at),
                       caller.adjustments(cases, console.app.policy))  # fmt: skip
        return see_other(f"{PATH}/contacts/{contact_id}#caller")

    @pages.post("/contacts/<contact_id:int>/complaint")
    async def log_complaint(request: Request, contact_id: int) -> HTTPResponse:
        console = console_of(request)
        form = ComplaintForm.from_fields(_fields(request))
        errors = form.errors(console.app.policy)
        if errors:
            await _save_draft(request, contact_id)
            return await _contact_page(request, contact_id, 422, errors=errors,
                                       form_with_errors="complaint")  # fmt: skip
        contact = await _phone_contact(request, contact_id)
        if contact is None:
            return _not_found(request)
        cases, handovers = _cases(request), _handovers(request)
        handover = form.handover(contact, cases, console.app.policy)
        complaint = await blocking(log_complaint_now, cases, handovers, contact, handover)
        if complaint is None:
            return _page(request, "complaint_kept.html", 202, title="Complaint saved, not yet "
                         "logged", read_out=kept_lines(console.app.policy))  # fmt: skip
        await blocking(console.app.drafts.discard, contact_id)
        # Anything an earlier outage left waiting goes now that the case store answers.
        await blocking(console.app.handovers.relay)
        return see_other(f"{PATH}/complaints/{quote(complaint.reference)}?call={contact_id}")

    @pages.post("/contacts/<contact_id:int>/service-request")
    async def log_service_request(request: Request, contact_id: int) -> HTTPResponse:
        console = console_of(request)
        policy = console.app.policy
        form = ServiceRequestForm.from_fields(_fields(request))
        errors = form.errors(policy)
        if errors:
            await _save_draft(request, contact_id)
            return await _contact_page(request, contact_id, 422, errors=errors,
                                       form_with_errors="service")  # fmt: skip
        contact = await _phone_contact(request, contact_id)
        if contact is None:
            return _not_found(request)
        cases = _cases(request)
        logged = await blocking(
            cases.log_service_request, contact_id, form.request(),
            form.caller.representative(contact.received_at),
            form.caller.adjustments(cases, policy),
        )  # fmt: skip
        await blocking(console.app.drafts.discard, contact_id)
        clocks = await blocking(cases.hazard_clocks, contact_id)
        contact_by = cases.request_contact_by(contact.received_at)
        return _page(request, "service_request_logged.html", title="Service request logged",
                     contact=contact, logged=logged,
                     category=request_categories(policy).get(logged.category, logged.category),
                     read_out=request_lines(logged, contact_id, policy, clocks,
                                            contact_by))  # fmt: skip

    @pages.get("/complaints/<reference>")
    async def complaint_logged(request: Request, reference: str) -> HTTPResponse:
        """Officers see the whole complaint; a call handler sees its details only if they logged
        it: the caller's contact details and adjustments are not theirs to read otherwise."""
        console, staff = console_of(request), session_of(request).staff
        cases = console.app.cases
        complaint = await blocking(cases.complaint, reference)
        if complaint is None:
            return _not_found(request)
        trail = await blocking(cases.audit_trail, reference)
        logged_by = next((actor for actor, kind, _ in trail if kind == "complaint_logged"), None)
        if not staff.is_officer and logged_by != staff.username:
            return _page(request, "complaint_summary.html", 403, title=f"Complaint {reference}",
                         complaint=complaint)  # fmt: skip
        read_out = logged_lines(complaint, console.app.policy)
        call = await _call_of(request, complaint)
        if call is not None and call.id is not None:
            clocks = await blocking(cases.hazard_clocks, call.id)
            read_out[1:1] = urgent_logged_lines(call.urgency, console.app.policy, clocks)
        return _page(request, "complaint_logged.html", title=f"Complaint {reference} logged",
                     complaint=complaint, read_out=read_out)  # fmt: skip

    # Stage 2 (Code 6.10-6.14) --------------------------------------------------------------------
    @pages.get("/stage-2")
    async def stage_2_page(request: Request) -> HTTPResponse:
        return _page(request, "stage_2.html", title="Stage 2 request", form=Stage2Form(),
                     errors={})  # fmt: skip

    @pages.post("/stage-2")
    async def stage_2_request(request: Request) -> HTTPResponse:
        return await _log_stage_2(request, Stage2Form.from_fields(_fields(request)), None)

    @pages.post("/contacts/<contact_id:int>/stage-2")
    async def stage_2_for_call(request: Request, contact_id: int) -> HTTPResponse:
        contact = await _phone_contact(request, contact_id)
        if contact is None:
            return _not_found(request)
        return await _log_stage_2(request, Stage2Form.from_fields(_fields(request)), contact)

    # conversations waiting for a person --------------------------------------------------------
    @pages.get("/handoffs")
    async def handoffs_page(request: Request) -> HTTPResponse:
        return await _handoffs_page(request)

    @pages.get("/urgent")
    async def urgent_page(request: Request) -> HTTPResponse:
        """Contacts flagged for urgent follow-up in the last week, newest first, with what each
        needs and any Awaab's Law deadline, from the chat, social messages and this console."""
        app = console_of(request).app
        contacts = await blocking(app.cases.urgent_contacts, utc_now() - URGENT_WINDOW)
        deadlines = {
            contact.id: clock_lines(
                await blocking(app.cases.hazard_clocks, contact.id or 0), app.policy, "staff"
            )
            for contact in contacts
        }
        routes = {category: app.policy.urgent_route(category) for category in app.policy.urgency}
        routes[FLAGGED_BY_STAFF] = "Marked urgent by the call handler: follow it up today."
        return _page(request, "urgent.html", title="Urgent follow-up", contacts=contacts,
                     deadlines=deadlines, routes=routes)  # fmt: skip

    @pages.post("/handoffs/<handoff_id:int>/pick-up")
    async def pick_up_handoff(request: Request, handoff_id: int) -> HTTPResponse:
        cases, staff = console_of(request).app.cases, session_of(request).staff.username
        waiting = {h.id: h for h in await blocking(cases.waiting_handoffs)}
        if handoff_id in waiting and await blocking(cases.pick_up_handoff, handoff_id, staff):
            picked = replace(waiting[handoff_id], status="picked_up", picked_up_by=staff)
            return await _handoffs_page(request, picked=picked)
        return await _handoffs_page(request, 409, taken=True)

    # the officers' queue -----------------------------------------------------------------------
    @pages.get("/queue")
    async def queue_page(request: Request) -> HTTPResponse:
        return await _queue_page(request)

    @pages.post("/queue/exclusions/<proposal_id:int>")
    async def decide_exclusion(request: Request, proposal_id: int) -> HTTPResponse:
        queue, officer = _queue(request), session_of(request).staff.username
        field = f"reasons-{proposal_id}"  # each proposal's textarea has a name of its own
        reasons, decision = request.form.get(field, ""), request.form.get("decision")
        try:
            if decision == "accept":
                letter = await blocking(queue.accept_exclusion, proposal_id, officer, reasons)
                return _page(request, "decision.html", title="Exclusion accepted",
                             letter=letter.text, complaint=None)  # fmt: skip
            if decision == "overrule":
                complaint = await blocking(queue.overrule_exclusion, proposal_id, officer, reasons)
                return _page(request, "decision.html", title="Taken as a complaint", letter=None,
                             complaint=complaint)  # fmt: skip
        except QueueError as problem:
            return await _queue_page(request, 422, {field: str(problem)}, {field: reasons})
        return await _queue_page(
            request, 422, {field: "Choose accept or take it as a complaint"}, {field: reasons}
        )

    @pages.post("/queue/adjustments/<adjustment_id:int>")
    async def review_adjustment(request: Request, adjustment_id: int) -> HTTPResponse:
        officer, field = session_of(request).staff.username, f"note-{adjustment_id}"
        note = request.form.get(field, "")
        try:
            await blocking(_queue(request).record_adjustment_review, adjustment_id, officer, note)
        except QueueError as problem:
            return await _queue_page(request, 422, {field: str(problem)}, {field: note})
        return see_other(f"{PATH}/queue#adjustments")

    # helpers -----------------------------------------------------------------------------------
    def _page(request: Request, template: str, status: int = 200, **context: Any) -> HTTPResponse:
        session = session_of(request)
        return console_of(request).page(
            template, status, staff=session.staff, csrf_token=session.csrf_token, **context
        )

    def _cases(request: Request) -> Any:
        return console_of(request).app.cases.acting_as(session_of(request).staff.username)

    def _handovers(request: Request) -> ComplaintHandovers:
        handovers = console_of(request).app.handovers
        return handovers.acting_as(session_of(request).staff.username)

    def _queue(request: Request) -> OfficerQueue:
        return OfficerQueue(_cases(request), console_of(request).app.policy)

    def _fields(request: Request) -> Fields:
        return dict(request.form or {})

    def _next_page(asked: str) -> str:
        """Where to go after signing in: back to the call being typed, or a new call."""
        return asked if CALL_PAGE.match(asked) else f"{PATH}/"

    def _not_found(request: Request) -> HTTPResponse:
        return _page(request, "refused.html", 404, title="Not found",
                     message="There is no call with that number.")  # fmt: skip

    def _not_ready(request: Request) -> HTTPResponse:
        return _page(request, "refused.html", 503, title="Not ready",
                     message="The assistant is still starting. Try again in a minute.")  # fmt: skip

    async def _triage(
        request: Request, text: str, contact_id: int | None = None
    ) -> TriageResult | None:
        """The one triage decision, on the parse of the model this server has loaded; a call's
        own triage when this server made it lately."""
        triaged = console_of(request).triaged
        if contact_id is not None and (known := triaged.recall(contact_id)) is not None:
            return known
        agent = getattr(request.app.ctx, "agent", None)
        if agent is None or not agent.is_ready():
            return None
        parse = await agent.parse_message(text)
        result = triage(parse, console_of(request).app.policy)
        if contact_id is not None:
            triaged.remember(contact_id, result)
        return result

    async def _phone_contact(request: Request, contact_id: int) -> ContactRecord | None:
        """A call by its number; while the case store is not answering, a call this server
        showed lately (so a complaint typed during it can still be saved)."""
        calls = console_of(request).calls
        try:
            contact = await blocking(console_of(request).app.cases.contact, contact_id)
        except DBAPIError:
            contact = calls.recall(contact_id)
            if contact is None:
                raise
        if contact is None or contact.channel != CHANNEL:
            return None
        calls.remember(contact_id, contact)
        return contact

    async def _log_stage_2(
        request: Request, form: Stage2Form, contact: ContactRecord | None
    ) -> HTTPResponse:
        """Stage 2 of the one complaint the form names, with the handler as the actor; when no
        single complaint matches, the request is recorded for a complaints officer to find."""
        policy, cases = console_of(request).app.policy, _cases(request)
        errors = form.errors()
        stage_1, problem = (None, {}) if errors else await blocking(form.find, cases)
        if errors or problem:
            errors = errors or problem
            if contact is None:
                return _page(request, "stage_2.html", 422, title="Stage 2 request", form=form,
                             errors=errors)  # fmt: skip
            assert contact.id is not None, "a stored contact"
            await _save_draft(request, contact.id)
            return await _contact_page(request, contact.id, 422, errors=errors,
                                       form_with_errors="stage_2")  # fmt: skip
        received_at = contact.received_at if contact else utc_now()
        if stage_1 is None:
            conversation_id = contact.conversation_id if contact else new_conversation_id()
            await blocking(record_unmatched, cases, form.unmatched(conversation_id, received_at))
            return _page(request, "stage_2_logged.html", title="No single complaint matches",
                         stage_1=None, stage_2=None, already=False,
                         read_out=unmatched_stage_2_lines(policy))  # fmt: skip
        # Each request is its own; the case store opens one Stage 2 however often it is asked.
        key = f"{new_conversation_id()}:stage_2"
        escalation = await blocking(cases.escalate, stage_1, key, CHANNEL, received_at,
                                    form.words(contact))  # fmt: skip
        stage_2 = escalation.stage_2
        trail = await blocking(cases.audit_trail, stage_1.reference)
        owner = next((actor for actor, kind, _ in reversed(trail) if kind in OFFICER_STEPS), None)
        return _page(request, "stage_2_logged.html", title=f"Stage 2 {stage_2.reference}",
                     stage_1=stage_1, stage_2=stage_2, already=escalation.already, owner=owner,
                     read_out=logged_lines(stage_2, policy, stage_1))  # fmt: skip

    async def _handoffs_page(
        request: Request, status: int = 200, picked: Handoff | None = None, taken: bool = False
    ) -> HTTPResponse:
        cases = console_of(request).app.cases
        waiting = await blocking(cases.waiting_handoffs)
        # Danger told in a conversation waiting for a person is shown first on its card.
        dangers: dict[str, set[str]] = {}
        for contact in await blocking(cases.urgent_contacts, utc_now() - URGENT_WINDOW):
            dangers.setdefault(contact.conversation_id, set()).update(contact.urgency)
        return _page(request, "handoffs.html", status, title="Waiting for a person",
                     waiting=waiting, picked=picked, taken=taken, dangers=dangers)  # fmt: skip

    async def _contact_page(
        request: Request, contact_id: int, status: int = 200,
        errors: Mapping[str, str] | None = None, form_with_errors: str = "",
    ) -> HTTPResponse:  # fmt: skip
        """The call page, with what the handler typed (their draft) or else what triage heard;
        `form_with_errors` names the form that came back with `errors`."""
        console, staff = console_of(request), session_of(request).staff
        policy = console.app.policy
        contact = await _phone_contact(request, contact_id)
        if contact is None:
            return _not_found(request)
        result = await _triage(request, contact.text, contact_id)
        if result is None:
            return _not_ready(request)
        proposed = any(
            p.contact_id == contact_id for p in await blocking(console.app.cases.pending_exclusions)
        )
        draft = await blocking(console.app.drafts.draft, contact_id, staff.username)
        if draft is None:
            complaint = ComplaintForm.prefilled(contact, result)
            service = ServiceRequestForm.prefilled(contact, result)
            stage_2 = Stage2Form.prefilled(result)
        else:
            complaint = ComplaintForm.from_fields(draft)
            service = ServiceRequestForm.from_fields(draft)
            stage_2 = Stage2Form.from_fields(draft)
        asb = first_asb_report(result)
        title = ASB_TITLE if asb else LABEL_IN_WORDS[result.label]
        clocks = await blocking(console.app.cases.hazard_clocks, contact_id)
        representatives = await blocking(console.app.cases.contact_representatives, contact_id)
        adjustments = await blocking(console.app.cases.contact_adjustments, contact_id)
        return _page(
            request, "contact.html", status, title=title, contact=contact, result=result,
            label_in_words=title, prompts=prompts_for(result, policy, clocks, contact.choice),
            exclusion_proposed=proposed, errors=errors or {}, policy=policy,
            caller=complaint.caller, complaint=complaint, service=service, stage_2=stage_2,
            representatives=representatives, adjustments=adjustments,
            restored=draft is not None and not errors, done=tuple((draft or {}).get("done") or ()),
            complaint_open=form_with_errors == "complaint" or contact.choice == "complaint"
            or (result.label in ("complaint", "excluded") and contact.choice is None and not asb),
            service_open=form_with_errors == "service" or contact.choice == "no_complaint"
            or result.label == "service_request" or asb,
            categories=request_categories(policy),
            outcome_options=[(o.id, o.text.capitalize(), "") for o in policy.outcomes.values()],
            preference_options=[(p, p.capitalize(), "") for p in PREFERENCES],
            need_options=[
                (n.id, in_words(n.id) + (" (health or disability)" if n.special_category else ""),
                 n.offer)
                for n in policy.needs.values()
            ],
        )  # fmt: skip

    async def _save_draft(request: Request, contact_id: int) -> None:
        drafts, staff = console_of(request).app.drafts, session_of(request).staff.username
        await blocking(drafts.save, contact_id, staff, _fields(request))

    async def _call_of(request: Request, complaint: Complaint) -> ContactRecord | None:
        """The call a complaint was logged from, named by the page's `call` parameter."""
        call = request.args.get("call", "")
        if not call.isdigit():
            return None
        contact = await _phone_contact(request, int(call))
        if contact is None or contact.conversation_id != complaint.conversation_id:
            return None
        return contact

    async def _queue_page(
        request: Request, status: int = 200, errors: Mapping[str, str] | None = None,
        typed: Mapping[str, str] | None = None,
    ) -> HTTPResponse:  # fmt: skip
        """`typed` is what the officer wrote in a form that came back with a problem."""
        queue = _queue(request)
        exclusions, adjustments, deadlines = await blocking(
            lambda: (queue.pending_exclusions(), queue.adjustments_due(), queue.deadlines())
        )
        return _page(request, "queue.html", status, title="Officer queue", errors=errors or {},
                     typed=typed or {}, exclusions=exclusions, adjustments=adjustments,
                     deadlines=deadlines)  # fmt: skip

    return pages
