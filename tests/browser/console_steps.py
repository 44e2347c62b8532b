"""Steps a member of staff takes in the console, in Chromium, shared by the console's browser
tests."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

from bot.casestore.engine import make_engine
from bot.casestore.services import CaseStore
from bot.policy import Policy
from tests.conftest import Running
from tests.console.staff import code_for

REFERENCE = re.compile(r"CMP-\d{4}-\d{6}")


def console_url(running: Running) -> str:
    return f"{running.servers.rasa_url}/console"


def case_store(running: Running, policy: Policy) -> CaseStore:
    """The case store the server writes to, read directly."""
    return CaseStore(make_engine(running.database_url), policy)


def sign_in(page: Page, running: Running, username: str, password: str) -> None:
    """Sign in from wherever the browser is; a signed-in browser signs out first."""
    page.goto(f"{console_url(running)}/sign-in")
    page.fill("#username", username)
    page.fill("#password", password)
    page.fill("#code", code_for(username))
    page.click("main button[type=submit]")
    expect(page.locator("header .signed-in")).to_contain_text(username)


def triage(page: Page, running: Running, said: str) -> int:
    """A new call: what the caller said, triaged; the call's number."""
    page.goto(f"{console_url(running)}/")
    page.fill("#text", said)
    page.click(".triage-form button")
    expect(page).to_have_url(re.compile(r"/console/contacts/\d+$"))
    return int(page.url.rsplit("/", 1)[1])


def fill_caller(
    page: Page, name: str, details: str, preference: str = "phone", postal: str = ""
) -> None:
    page.fill("#contact_name", name)
    page.fill("#contact_details", details)
    page.check(f"input[name=contact_preference][value={preference}]")
    if postal:
        page.fill("#postal_address", postal)
