"""What every console page shares: the `Console` built at start-up, the route table each
routes module fills, and the request helpers (the session, rendering, the call being handled).

Database work runs in a thread (`blocking`), so the residents' chat on the same server never
waits for it; signing in, which hashes a password (64 MiB, tens of milliseconds), runs in a pool
of its own with HASHING_AT_ONCE threads (`hashing`), so a flood of sign-ins queues there instead
of taking every thread the console and the chat's actions share.
"""

from __future__ import annotations

import asyncio
import secrets
from collections.abc import Callable, Coroutine
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime
from functools import partial
from pathlib import Path
from typing import Any, TypeVar

from jinja2 import Environment, PackageLoader, StrictUndefined
from sanic import Blueprint, Request
from sanic.response import HTTPResponse, html, redirect
from sqlalchemy.exc import DBAPIError

from bot.bootstrap import App
from bot.calendar import UK_TIME
from bot.casestore.domain import ContactRecord, Handoff
from bot.casestore.outbox import ComplaintHandovers
from bot.casestore.services import CaseStore
from bot.console.accounts import HASHING_AT_ONCE, SESSION_IDLE, StaffSession
from bot.console.forms import CHANNEL, Fields, in_words
from bot.console.recent import Recent
from bot.definition import long_date
from bot.triage import TriageResult, triage

PATH = "/console"
CHANNEL_IN_WORDS = {
    "socketio": "Web chat",
    "rest": "Chat",
    "meta": "Facebook or Instagram message",
    "x": "X message",
    CHANNEL: "Phone call",
}
Result = TypeVar("Result")
# None from a handler that streamed its response itself (the live chat's server-sent events).
Handler = Callable[..., Coroutine[Any, Any, HTTPResponse | None]]


@dataclass
class Routes:
    """One concern's pages, declared where they are written and added to the console's blueprint
    by the app factory (bot/console/app.py)."""

    table: list[tuple[Handler, str, str]] = field(default_factory=list)

    def get(self, uri: str) -> Callable[[Handler], Handler]:
        return self._route(uri, "GET")

    def post(self, uri: str) -> Callable[[Handler], Handler]:
        return self._route(uri, "POST")

    def _route(self, uri: str, method: str) -> Callable[[Handler], Handler]:
        def add(handler: Handler) -> Handler:
            self.table.append((handler, uri, method))
            return handler

        return add

    def register(self, pages: Blueprint) -> None:
        for handler, uri, method in self.table:
            pages.add_route(handler, uri, methods=[method])


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
        # The triage of calls on which it heard of a health need or disability. That is kept
        # only in this server's memory while the call goes on, never stored without consent
        # (5.10), so the handler can still offer those adjustments; the rest of a call's triage
        # is stored with it (`call_triage`).
        self.heard_in_confidence: Recent[int, TriageResult] = Recent(SESSION_IDLE)

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


def uk_time(moment: datetime) -> str:
    """Stored times are UTC; a handler reads them as the time on the office clock."""
    local = moment.astimezone(UK_TIME)
    return f"{local:%H:%M} on {local.day} {local:%B %Y}"


def new_conversation_id() -> str:
    """Each call is a conversation of its own."""
    return f"{CHANNEL}-{secrets.token_hex(8)}"


async def blocking(work: Callable[..., Result], *args: Any, **kwargs: Any) -> Result:
    return await asyncio.to_thread(partial(work, *args, **kwargs))


HASHING_POOL = ThreadPoolExecutor(max_workers=HASHING_AT_ONCE, thread_name_prefix="password")


async def hashing(work: Callable[..., Result], *args: Any) -> Result:
    return await asyncio.get_running_loop().run_in_executor(HASHING_POOL, work, *args)


def console_of(request: Request) -> Console:
    return request.app.ctx.console


def session_of(request: Request) -> StaffSession:
    return request.ctx.session


def fields(request: Request) -> Fields:
    return dict(request.form or {})


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


def page(request: Request, template: str, status: int = 200, **context: Any) -> HTTPResponse:
    """A page for the signed-in member of staff, with their form token."""
    session = session_of(request)
    return console_of(request).page(
        template, status, staff=session.staff, csrf_token=session.csrf_token, **context
    )


def cases_of(request: Request) -> CaseStore:
    """The case store, with the signed-in member of staff as the actor of what it records."""
    return console_of(request).app.cases.acting_as(session_of(request).staff.username)


def handovers_of(request: Request) -> ComplaintHandovers:
    handovers = console_of(request).app.handovers
    return handovers.acting_as(session_of(request).staff.username)


def not_found(request: Request) -> HTTPResponse:
    return page(request, "refused.html", 404, title="Not found",
                message="There is no call with that number.")  # fmt: skip


def not_ready(request: Request) -> HTTPResponse:
    return page(request, "refused.html", 503, title="Not ready",
                message="The assistant is still starting. Try again in a minute.")  # fmt: skip


async def keep_draft(request: Request, contact_id: int) -> None:
    drafts, staff = console_of(request).app.drafts, session_of(request).staff.username
    await blocking(drafts.save, contact_id, staff, fields(request))


async def classified(request: Request, text: str) -> tuple[TriageResult, str | None] | None:
    """The one triage decision on what a caller said, on the parse of the model this server has
    loaded, with that model's id; None while no model is loaded."""
    agent = getattr(request.app.ctx, "agent", None)
    if agent is None or not agent.is_ready():
        return None
    parse = await agent.parse_message(text)
    return triage(parse, console_of(request).app.policy), agent.model_id


def call_triage(console: Console, contact: ContactRecord) -> TriageResult:
    """A call's triage as stored with it, so no page parses the caller's words again; with the
    health needs heard on it while this server still remembers them."""
    heard = None if contact.id is None else console.heard_in_confidence.recall(contact.id)
    return heard or contact.triage_shown()


async def phone_contact(request: Request, contact_id: int) -> ContactRecord | None:
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
