"""Signing in and out. The sign-in form carries a token of its own cookie (there is no session
yet); after signing in, the handler goes back to the call they were typing, if any."""

from __future__ import annotations

import os
import re
import secrets

from sanic import Request
from sanic.response import HTTPResponse

from bot.channels.live import live_chat
from bot.console.accounts import SignInRefused
from bot.console.forms import first
from bot.console.pages import (
    PATH,
    Routes,
    blocking,
    console_of,
    fields,
    hashing,
    see_other,
    session_of,
    set_cookie,
)

SESSION_COOKIE = "console_session"
SIGN_IN_COOKIE = "console_sign_in"
CALL_PAGE = re.compile(rf"^{PATH}/contacts/\d+$")
routes = Routes()


@routes.get("/sign-in")
async def sign_in_page(request: Request) -> HTTPResponse:
    return sign_in_form(request, {}, status=200)


@routes.post("/sign-in")
async def sign_in(request: Request) -> HTTPResponse:
    console = console_of(request)
    username, form = request.form.get("username", ""), request.form
    try:
        session = await hashing(
            console.app.staff.sign_in, username, form.get("password", ""), form.get("code", ""),
            client_address(request),
        )  # fmt: skip
    except SignInRefused as refusal:
        return sign_in_form(request, {"username": str(refusal)}, status=401, username=username)
    response = see_other(next_page(first(fields(request), "next")))
    set_cookie(response, SESSION_COOKIE, session.token)
    set_cookie(response, SIGN_IN_COOKIE, "", max_age=0)
    return response


@routes.post("/sign-out")
async def sign_out(request: Request) -> HTTPResponse:
    await blocking(console_of(request).app.staff.sign_out, session_of(request).token)
    await live_chat().changes.announce()  # its open live chat streams end
    response = see_other(f"{PATH}/sign-in?signed-out")
    set_cookie(response, SESSION_COOKIE, "", max_age=0)
    return response


def sign_in_form(
    request: Request, errors: dict[str, str], status: int, username: str = ""
) -> HTTPResponse:
    form_token = request.cookies.get(SIGN_IN_COOKIE) or secrets.token_urlsafe(32)
    response = console_of(request).page(
        "sign_in.html", status=status, title="Sign in", staff=None, csrf_token=form_token,
        errors=errors, username=username, signed_out=request.query_string == "signed-out",
        next_page=next_page(request.args.get("next") or first(fields(request), "next")),
    )  # fmt: skip
    set_cookie(response, SIGN_IN_COOKIE, form_token)
    return response


def client_address(request: Request) -> str:
    """Who is signing in, for the per-address limit: behind nginx (INTAKE_BEHIND_PROXY=1, as
    deploy/ runs it) the address nginx saw, the last in X-Forwarded-For; otherwise the
    connection's own, since a client talking to us directly could write any header it liked."""
    if os.environ.get("INTAKE_BEHIND_PROXY") == "1":
        forwarded = request.headers.get("X-Forwarded-For", "").split(",")[-1].strip()
        if forwarded:
            return forwarded
    return str(request.ip)


def next_page(asked: str) -> str:
    """Where to go after signing in: back to the call being typed, or a new call."""
    return asked if CALL_PAGE.match(asked) else f"{PATH}/"
