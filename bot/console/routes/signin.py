"""Signing in and out, and setting up the second factor. The sign-in and enrolment forms carry a
token of their own cookie (there is no session yet); after signing in, the handler goes back to
the call they were typing, if any."""

from __future__ import annotations

import os
import re
import secrets

import segno
from markupsafe import Markup
from sanic import Request
from sanic.response import HTTPResponse

from bot.channels.live import live_chat
from bot.console.accounts import Enrolment, SignInRefused
from bot.console.forms import first
from bot.console.pages import (
    PATH,
    Routes,
    blocking,
    console_of,
    fields,
    hashing,
    refused,
    see_other,
    session_of,
    set_cookie,
)

SESSION_COOKIE = "console_session"
SIGN_IN_COOKIE = "console_sign_in"
CALL_PAGE = re.compile(rf"^{PATH}/contacts/\d+$")
QR_CODE_NAME = "QR code to set up the console in your authenticator app"
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


@routes.get("/enrol/<token:str>")
async def enrolment_page(request: Request, token: str) -> HTTPResponse:
    enrolment = await blocking(console_of(request).app.staff.enrolment, token)
    if enrolment is None:
        return link_not_working(request)
    return enrolment_form(request, enrolment, {}, status=200)


@routes.post("/enrol/<token:str>")
async def finish_enrolment(request: Request, token: str) -> HTTPResponse:
    staff = console_of(request).app.staff
    if await blocking(staff.finish_enrolment, token, request.form.get("code", "")):
        return see_other(f"{PATH}/sign-in?set-up")
    enrolment = await blocking(staff.enrolment, token)
    if enrolment is None:
        return link_not_working(request)
    wrong = "That code is not the one your app shows now. Check the time on your phone is right."
    return enrolment_form(request, enrolment, {"code": wrong}, status=400)


def link_not_working(request: Request) -> HTTPResponse:
    return refused(console_of(request), 404, "This set-up link does not work. It works once, for "
                   "a day: ask your manager for a new one.")  # fmt: skip


def enrolment_form(
    request: Request, enrolment: Enrolment, errors: dict[str, str], status: int
) -> HTTPResponse:
    return form_page(
        request, "enrol.html", status=status, title="Set up your authenticator app",
        errors=errors, enrolment=enrolment, qr_code=qr_code(enrolment),
    )  # fmt: skip


def qr_code(enrolment: Enrolment) -> Markup:
    """The provisioning link as a QR code in inline SVG (no script, no image request, so the
    console's content security policy holds), named for screen readers."""
    svg = segno.make(enrolment.provisioning_uri, error="m").svg_inline(
        scale=5, dark="#0b0c0c", light="#ffffff", svgclass="qr-code", lineclass=None
    )
    return Markup(svg.replace("<svg ", f'<svg role="img" aria-label="{QR_CODE_NAME}" ', 1))


def sign_in_form(
    request: Request, errors: dict[str, str], status: int, username: str = ""
) -> HTTPResponse:
    return form_page(
        request, "sign_in.html", status=status, title="Sign in", errors=errors,
        username=username, signed_out=request.query_string == "signed-out",
        set_up=request.query_string == "set-up",
        next_page=next_page(request.args.get("next") or first(fields(request), "next")),
    )  # fmt: skip


def form_page(request: Request, template: str, status: int, **context: object) -> HTTPResponse:
    """A page whose form is sent before there is a session: its token is its own cookie's."""
    form_token = request.cookies.get(SIGN_IN_COOKIE) or secrets.token_urlsafe(32)
    response = console_of(request).page(
        template, status=status, staff=None, csrf_token=form_token, **context
    )
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
