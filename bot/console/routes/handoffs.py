"""Conversations waiting for a person, and contacts flagged for urgent follow-up."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

from sanic import Request
from sanic.response import HTTPResponse

from bot.casestore.domain import Handoff
from bot.casestore.services import FLAGGED_BY_STAFF, utc_now
from bot.console.pages import Routes, blocking, console_of, page, session_of
from bot.hazards import clock_lines

# How far back the urgent follow-up page looks.
URGENT_WINDOW = timedelta(days=7)
routes = Routes()


@routes.get("/handoffs")
async def handoffs_page(request: Request) -> HTTPResponse:
    return await waiting_page(request)


@routes.get("/urgent")
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
    follow_up = {category: app.policy.urgent_route(category) for category in app.policy.urgency}
    follow_up[FLAGGED_BY_STAFF] = "Marked urgent by the call handler: follow it up today."
    return page(request, "urgent.html", title="Urgent follow-up", contacts=contacts,
                deadlines=deadlines, routes=follow_up)  # fmt: skip


@routes.post("/handoffs/<handoff_id:int>/pick-up")
async def pick_up_handoff(request: Request, handoff_id: int) -> HTTPResponse:
    cases, staff = console_of(request).app.cases, session_of(request).staff.username
    waiting = {h.id: h for h in await blocking(cases.waiting_handoffs)}
    if handoff_id in waiting and await blocking(cases.pick_up_handoff, handoff_id, staff):
        picked = replace(waiting[handoff_id], status="picked_up", picked_up_by=staff)
        return await waiting_page(request, picked=picked)
    return await waiting_page(request, 409, taken=True)


async def waiting_page(
    request: Request, status: int = 200, picked: Handoff | None = None, taken: bool = False
) -> HTTPResponse:
    cases = console_of(request).app.cases
    waiting = await blocking(cases.waiting_handoffs)
    # Danger told in a conversation waiting for a person is shown first on its card.
    dangers: dict[str, set[str]] = {}
    for contact in await blocking(cases.urgent_contacts, utc_now() - URGENT_WINDOW):
        dangers.setdefault(contact.conversation_id, set()).update(contact.urgency)
    return page(request, "handoffs.html", status, title="Waiting for a person",
                waiting=waiting, picked=picked, taken=taken, dangers=dangers)  # fmt: skip
