"""Contacts flagged for urgent follow-up (conversations waiting for a person are in live chat)."""

from __future__ import annotations

from datetime import timedelta

from sanic import Request
from sanic.response import HTTPResponse

from bot.casestore.services import FLAGGED_BY_STAFF, utc_now
from bot.console.pages import PATH, Routes, blocking, console_of, page, see_other
from bot.hazards import clock_lines

# How far back the urgent follow-up page looks.
URGENT_WINDOW = timedelta(days=7)
routes = Routes()


@routes.get("/handoffs")
async def handoffs_page(request: Request) -> HTTPResponse:
    """The old "Waiting for a person" page, where "Pick up" took a conversation without telling
    the resident: live chat lists the same conversations and takes them over in one way."""
    return see_other(f"{PATH}/live")


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
                deadlines=deadlines, routes=follow_up, days=URGENT_WINDOW.days)  # fmt: skip
