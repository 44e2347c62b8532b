"""The console's app factory: a Sanic blueprint that the Rasa server mounts at /console.

Every page is rendered on the server (Jinja2, autoescaped) and works without JavaScript. One
request middleware guards them all: a POST needs the form token of its session (or, to sign in or
set up the second factor, of the sign-in cookie), and every page but those two needs a live
session. The pages themselves live in `bot/console/routes/`, one module a concern.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import quote

from sanic import Blueprint, Request
from sanic.response import HTTPResponse, raw
from sqlalchemy.exc import DBAPIError

from bot.bootstrap import server_app
from bot.console.accounts import ENROLMENT_PATH, csrf_token_for, same_token
from bot.console.pages import (
    PATH,
    Console,
    blocking,
    console_of,
    fields,
    refused,
    see_other,
)
from bot.console.routes import calls, complaints, handoffs, live, queue, signin, stage_2
from bot.console.routes.signin import SESSION_COOKIE, SIGN_IN_COOKIE

PUBLIC_PAGES = {f"{PATH}/sign-in", f"{PATH}/console.css", f"{PATH}/console.js"}
# The forms of a call page: what one of them sends after the session lapsed is kept as a draft.
CALL_FORM = re.compile(rf"^{PATH}/contacts/(\d+)/[a-z0-9-]+$")
OFFICER_PAGES = f"{PATH}/queue"
HEADERS = {
    # Nothing a caller said may stay in a browser cache or be shown in someone else's frame.
    "Cache-Control": "no-store",
    "Pragma": "no-cache",
    "Content-Security-Policy": "default-src 'none'; style-src 'self'; script-src 'self'; "
    "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}


async def build(app: Any, _loop: Any) -> None:
    app.ctx.console = Console(server_app())


async def guard(request: Request) -> HTTPResponse | None:
    console = console_of(request)
    posted = request.method == "POST"
    if request.path in PUBLIC_PAGES or request.path.startswith(ENROLMENT_PATH):
        if posted and not same_token(
            request.form.get("csrf_token"), request.cookies.get(SIGN_IN_COOKIE, "")
        ):
            return refused(console, 403, "This form has expired. Go back and try again.")
        return None
    token = request.cookies.get(SESSION_COOKIE)
    session = await blocking(console.app.staff.session, token) if token else None
    if posted and session is None and token:
        kept = await keep_lapsed_draft(request, console, token)
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


async def keep_lapsed_draft(request: Request, console: Console, token: str) -> int | None:
    """The call whose form was kept for its handler, when a session that lapsed during the
    call sent it with its own form token; None otherwise."""
    call = CALL_FORM.match(request.path)
    if call is None or not same_token(request.form.get("csrf_token"), csrf_token_for(token)):
        return None
    member = await blocking(console.app.staff.lapsed_session, token)
    if member is None:
        return None
    contact_id = int(call[1])
    await blocking(console.app.drafts.save, contact_id, member.username, fields(request))
    return contact_id


async def no_store(request: Request, response: HTTPResponse) -> None:
    response.headers.update(HEADERS)


async def store_not_answering(request: Request, _error: DBAPIError) -> HTTPResponse:
    return refused(console_of(request), 503, "The case store is not answering. Go back: "
                   "what you typed is still there. Try again in a minute.")  # fmt: skip


async def stylesheet(request: Request) -> HTTPResponse:
    return raw(console_of(request).stylesheet, content_type="text/css; charset=utf-8")


async def script(request: Request) -> HTTPResponse:
    return raw(console_of(request).script, content_type="text/javascript; charset=utf-8")


def console_blueprint() -> Blueprint:
    """A new blueprint each time: Rasa builds the channel (and so this) once per server."""
    pages = Blueprint("console")
    pages.listener("before_server_start")(build)
    pages.middleware("request")(guard)
    pages.middleware("response")(no_store)
    pages.exception(DBAPIError)(store_not_answering)
    pages.add_route(stylesheet, "/console.css", methods=["GET"])
    pages.add_route(script, "/console.js", methods=["GET"])
    for concern in (signin, calls, complaints, stage_2, handoffs, live, queue):
        concern.routes.register(pages)
    return pages
