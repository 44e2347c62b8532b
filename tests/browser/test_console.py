"""The call handler's console in headless Chromium: a whole complaint logged by keyboard alone,
and no serious accessibility problems on any of its pages (axe-core)."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from bot.casestore.domain import Handoff, TranscriptLine
from bot.casestore.engine import make_engine
from bot.casestore.services import CaseStore
from bot.console.routes.signin import QR_CODE_NAME
from bot.policy import Policy
from tests.browser.axe import serious_violations
from tests.conftest import Running
from tests.console.staff import AUTHENTICATORS, ENROLMENT_PAGES, add_staff, code_for

pytestmark = [pytest.mark.server, pytest.mark.browser]

CALLER = (
    "caller v unhappy re damp in bedroom, 3rd call, no one attended. rep for mum, deaf. "
    "wants it fixed and an apology"
)


@pytest.fixture(scope="module")
def handler(running: Running) -> tuple[str, str]:
    return "kim.keys", add_staff(running.database_url, "kim.keys")


@pytest.fixture(scope="module")
def officer(running: Running) -> tuple[str, str]:
    return "ola.officer", add_staff(running.database_url, "ola.officer", role="officer")


def tab_to(page: Page, selector: str, limit: int = 150) -> None:
    """Press Tab, and only Tab, until the element the selector names has the focus."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("selector => document.activeElement.matches(selector)", selector):
            return
    raise AssertionError(f"Tab never reached {selector}")


def type_into(page: Page, selector: str, text: str) -> None:
    tab_to(page, selector)
    page.keyboard.type(text)


def test_a_whole_complaint_by_keyboard_alone(
    page: Page, running: Running, handler: tuple[str, str], policy: Policy
) -> None:
    page.goto(f"{running.servers.rasa_url}/console/")
    expect(page).to_have_url(re.compile(r"/console/sign-in$"))
    type_into(page, "#username", handler[0])
    type_into(page, "#password", handler[1])
    type_into(page, "#code", code_for(handler[0]))
    page.keyboard.press("Enter")

    expect(page.get_by_role("heading", name="New call")).to_be_visible()
    assert page.evaluate("document.activeElement.id") == "text"  # ready to type at once
    page.keyboard.type(CALLER)
    tab_to(page, ".triage-form button")
    page.keyboard.press("Enter")

    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Complaint: the caller is unhappy with our service"
    )
    tab_to(page, "button[value=complaint]")
    page.keyboard.press("Enter")
    expect(page.get_by_text("Recorded: the caller wants to make a complaint")).to_be_visible()

    type_into(page, "#contact_name", "Priya Shah")
    type_into(page, "#contact_details", "priya@example.org")
    tab_to(page, "#contact_preference")
    page.keyboard.press("Space")
    type_into(page, "#resident_name", "Asha Shah")
    tab_to(page, "#representative_consent")
    page.keyboard.press("Space")
    tab_to(page, "#disability_consent")
    page.keyboard.press("Space")
    tab_to(page, "#complaint button[type=submit]")
    page.keyboard.press("Enter")

    expect(page.get_by_role("heading", name="Complaint logged")).to_be_visible()
    reference = page.locator(".reference").inner_text()
    assert re.fullmatch(r"CMP-\d{4}-\d{6}", reference)
    complaint = CaseStore(make_engine(running.database_url), policy).complaint(reference)
    assert complaint is not None
    assert (complaint.channel, complaint.contact_details, complaint.contact_preference) == (
        "phone", "priya@example.org", "email",
    )  # fmt: skip
    assert complaint.representative is not None
    assert complaint.representative.consent == "given"
    assert [(a.need_id, a.disability_disclosed) for a in complaint.adjustments] == [
        ("hearing", True)
    ]
    expect(page.get_by_text(f"Your reference is {reference}.")).to_be_visible()


def test_no_console_page_has_a_serious_accessibility_problem(
    page: Page, running: Running, handler: tuple[str, str], officer: tuple[str, str],
    policy: Policy,
) -> None:  # fmt: skip
    console = f"{running.servers.rasa_url}/console"
    cases = CaseStore(make_engine(running.database_url), policy)
    found = {}

    def check(name: str) -> None:
        found[name] = serious_violations(page)

    page.goto(f"{console}/sign-in")
    check("sign in")
    page.fill("#username", handler[0])
    page.fill("#password", "not the password")
    page.click("main button")
    expect(page.locator(".error-summary")).to_be_visible()
    check("sign in refused")
    page.fill("#password", handler[1])
    page.fill("#code", code_for(handler[0]))
    page.click("main button")
    check("new call")

    page.fill("#text", "caller smells gas, also unhappy, complained about this 2 years ago")
    page.click(".triage-form button")
    check("triage result with an emergency and an exclusion")
    page.click("#complaint button[type=submit]")
    expect(page.locator(".error-summary")).to_be_visible()
    check("complaint form with mistakes")
    page.check("#outcomes")
    page.fill("#contact_name", "Sam Jones")
    page.fill("#contact_details", "01632 960001")
    page.check("#contact_preference-phone")
    page.click("#complaint button[type=submit]")
    expect(page.get_by_role("heading", name="Complaint logged")).to_be_visible()
    check("complaint logged")
    reference = page.locator(".reference").inner_text()

    page.goto(f"{console}/")
    page.fill("#text", "caller needs the kitchen tap fixed, it is dripping")
    page.click(".triage-form button")
    page.click("#service-request button[type=submit]")
    expect(page.locator(".error-summary")).to_be_visible()
    check("service request form with mistakes")
    page.fill("#contact_name", "Sam Jones")
    page.fill("#contact_details", "01632 960001")
    page.check("#contact_preference-letter")
    page.fill("#postal_address", "1 High Street, Leeds LS1 1AA")
    page.fill("#property_address", "1 High Street, Leeds LS1 1AA")
    page.click("#service-request button[type=submit]")
    expect(page.get_by_role("heading", name="Service request logged")).to_be_visible()
    check("service request logged")

    page.goto(f"{console}/")
    page.fill("#text", f"caller wants {reference} to go to stage 2, not happy with the reply")
    page.click(".triage-form button")
    expect(page.locator("#stage-2")).to_be_visible()
    check("stage 2 call")
    page.goto(f"{console}/stage-2")
    check("stage 2 request")
    page.click("main button[type=submit]")
    expect(page.locator(".error-summary")).to_be_visible()
    check("stage 2 request with mistakes")
    page.fill("#stage_2_reference", reference)
    page.click("main button[type=submit]")
    expect(page.get_by_role("heading", name=f"{reference} stays at Stage 1")).to_be_visible()
    check("stage 2 before the stage 1 answer")
    cases.record_response(reference, "not_upheld", "officer")
    page.goto(f"{console}/stage-2")
    page.fill("#stage_2_reference", reference)
    page.click("main button[type=submit]")
    expect(page.get_by_role("heading", name="Stage 2 logged")).to_be_visible()
    check("stage 2 logged")
    page.goto(f"{console}/stage-2")
    page.fill("#stage_2_surname", "Nobody")
    page.fill("#stage_2_contact", "nobody@example.org")
    page.click("main button[type=submit]")
    expect(page.get_by_role("heading", name="No single complaint matches")).to_be_visible()
    check("stage 2 with no single match")

    asked = (TranscriptLine(cases.now(), "resident", "a person please"),)
    handoff = cases.record_handoff(Handoff("chat-axe", "socketio", cases.now(), asked))
    page.click("text=Live chat")
    check("live chat")
    page.goto(f"{console}/live/{handoff.id}")
    check("live conversation, waiting")
    page.get_by_role("button", name="Take this conversation").click()
    expect(page.get_by_label("Your reply")).to_be_visible()
    check("live conversation, taken")

    page.click("text=Sign out")
    expect(page.get_by_text("You have signed out.")).to_be_visible()
    page.fill("#username", officer[0])
    page.fill("#password", officer[1])
    page.fill("#code", code_for(officer[0]))
    page.click("main button")
    page.goto(f"{console}/queue")
    check("officer queue")
    assert {name: v for name, v in found.items() if v} == {}


def test_a_new_member_of_staff_sets_up_their_app_from_a_qr_code_on_an_accessible_page(
    page: Page, running: Running
) -> None:
    """The enrolment page: the QR code is an image with a name, the key is there as text for
    whoever cannot scan, nothing breaks the console's content security policy, and axe finds
    no serious problem."""
    password = add_staff(running.database_url, "nat.newcomer")
    blocked: list[str] = []
    page.on("console", lambda message: blocked.append(message.text))
    page.goto(f"{running.servers.rasa_url}{ENROLMENT_PAGES['nat.newcomer']}")
    qr_code = page.get_by_role("img", name=QR_CODE_NAME)
    expect(qr_code).to_be_visible()
    box = qr_code.bounding_box()
    assert box is not None and box["width"] >= 150 and box["width"] == box["height"]
    secret, _ = AUTHENTICATORS["nat.newcomer"]
    expect(page.locator("#secret-key")).to_have_text(re.compile(secret[:4] + " " + secret[4:8]))
    assert serious_violations(page) == []
    page.fill("#code", code_for("nat.newcomer"))
    page.click("main button[type=submit]")
    expect(page.get_by_text("Your authenticator app is set up.")).to_be_visible()
    assert [text for text in blocked if "Content Security Policy" in text] == []
    page.fill("#username", "nat.newcomer")
    page.fill("#password", password)
    page.fill("#code", code_for("nat.newcomer"))
    page.click("main button[type=submit]")
    expect(page.locator("header .signed-in")).to_contain_text("nat.newcomer")
