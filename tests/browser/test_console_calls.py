"""Scripted phone calls played through the console in Chromium, the way a call handler works:
the caller's words typed in, the prompts read, the forms filled and sent as the page sends them.
Each call is judged by what the handler is shown and what ends up logged; the time each took is
printed at the end (run with -s), with the time and keystrokes to log a complaint and a service
request by keyboard alone."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

import pytest
from playwright.sync_api import Page, expect

from bot.policy import Policy
from tests.browser.console_steps import (
    REFERENCE,
    case_store,
    console_url,
    fill_caller,
    sign_in,
    triage,
)
from tests.conftest import Running
from tests.console.staff import add_staff
from tests.integration.test_case_store import handover

pytestmark = [pytest.mark.server, pytest.mark.browser]

ADDRESS = "Flat 2, 8 Canal Street, Leeds LS3 1AA"
TIMINGS: list[tuple[str, str, float]] = []
# Tab, Space and Enter presses to log a call by keyboard, at most: measured at 69 for a
# complaint (the walk passes the twelve adjustment boxes) and 43 for a service request.
MOST_MOVES = 75


@pytest.fixture(scope="module")
def handler(running: Running) -> Iterator[tuple[str, str]]:
    yield "cal.caller", add_staff(running.database_url, "cal.caller")
    print("\ncall | logged | seconds from triage to logged")
    for kind, logged, seconds in TIMINGS:
        print(f"{kind} | {logged} | {seconds:.1f}")


def log_service_request(page: Page, *, category: str | None = None, access: str = "") -> None:
    if page.locator("#service-request[open]").count() == 0:
        page.click("#service-request summary")
    fill_caller(page, "Jo Caller", "07700 900100")
    if category:
        page.select_option("#category", category)
    page.fill("#property_address", ADDRESS)
    if access:
        page.fill("#access_times", access)
    page.click("#service-request button[type=submit]")
    expect(page.get_by_role("heading", name="Service request logged")).to_be_visible()


def log_complaint(page: Page, aspects: str, outcome: str) -> None:
    page.click("button[value=complaint]")
    fill_caller(page, "Jo Caller", "jo@example.org", preference="email")
    page.fill("#aspects", aspects)
    page.check(f"input[name=outcomes][value={outcome}]")
    page.click("#complaint button[type=submit]")
    expect(page.get_by_role("heading", name="Complaint logged")).to_be_visible()


def record_support(page: Page) -> None:
    """An adjustment agreed on a call with nothing to log, sent twice."""
    page.check("input[name=needs][value=large_print]")
    for _ in range(2):
        page.click("text=Record the representative and adjustments")
        expect(page.get_by_text("Recorded for this call")).to_be_visible()


def read_out(page: Page) -> str:
    return page.locator(".say").last.inner_text()


@dataclass(frozen=True)
class Call:
    kind: str
    said: str
    heading: str
    # Prompt ids the handler must see; the first is the first prompt on the page.
    prompts: tuple[str, ...]
    log: Callable[[Page], None]
    logged: str
    # Words the caller must hear after it is logged.
    hear: tuple[str, ...] = ()
    # Words that must not be on the call page.
    not_shown: tuple[str, ...] = field(default=())


CALLS = [
    Call("damp with a child",
         "black mould all over my sons bedroom, hes 2 and keeps coughing and wheezing, the damp "
         "is making him ill",
         "Service request", ("emergency",),
         lambda page: log_service_request(page, category="damp_and_mould"),
         "urgent damp and mould request, Awaab's Law inspection date read out",
         ("We must inspect it within 10 working days", "Because it is urgent")),
    Call("a plain repair", "can someone come and fix my kitchen tap, it is dripping",
         "Service request", ("adjustments", "next_steps"),
         lambda page: log_service_request(page, access="Mornings before 11"),
         "plumbing request with access times and the date the team will call by",
         ("The team will contact you by", "We have noted when you are in: Mornings before 11")),
    Call("CO with symptoms",
         "the carbon monoxide alarm keeps going off and we have all got headaches and feel sick",
         "", ("emergency",),
         lambda page: log_service_request(page, category="heating_and_hot_water"),
         "urgent heating request after the gas emergency route",
         ("make it safe within 24 hours",)),
    Call("domestic abuse",
         "my ex keeps turning up at the flat and threatening me, im scared, i need to move",
         "", ("emergency",),
         lambda page: log_service_request(page, category="lettings_and_moves"),
         "urgent move request, listed for follow-up today", ("Because it is urgent",)),
    Call("a first ASB report",
         "the neighbours have loud parties every night till 4am and shout abuse at us",
         "Anti-social behaviour report", ("asb_route",),
         lambda page: log_service_request(page),
         "report for the ASB team as a service request",
         ("I've passed your report to our anti-social behaviour team",),
         not_shown=("This is not a decision. A complaints officer",)),
    Call("a rent rise", "my rent has gone up again this april and it is too much, i cant afford it",
         "", (),
         lambda page: (page.click("button[value=no_complaint]"),
                       log_service_request(page, category="rent_and_charges")),
         "no complaint wanted; a request for the rent team",
         ("The team will contact you by",)),
    Call("a representative for a deaf parent",
         "im calling for my mum, she is deaf, her boiler has stopped and she has no hot water",
         "", ("representative", "adjustments"),
         lambda page: (page.fill("#resident_name", "May Caller"),
                       page.check("#representative_consent"),
                       log_service_request(page, category="heating_and_hot_water")),
         "heating request with the daughter as representative (consent given) and the hearing "
         "adjustment", ("Your call number is",)),
    Call("an enquiry", "what day do the bins get collected on our estate", "", ("next_steps",),
         lambda page: record_support(page), "large print agreed on the enquiry, recorded once",
         not_shown=("just ask", "Thanks for your question")),
    Call("an interpreted call",
         "through an interpreter: caller speaks arabic, the front door lock is broken and she "
         "cannot lock the door at night",
         "", ("emergency",),
         lambda page: (page.check("input[name=needs][value=interpreter]"),
                       log_service_request(page, category="windows_doors_and_roofs")),
         "urgent door request with an interpreter agreed", ("make it safe within 24 hours",)),
    Call("an angry three-part call",
         "this is the THIRD time ive rung!! the repairs man never turned up, your staff were rude "
         "to me on the phone and my window is still broken. i want compensation",
         "Complaint", ("choice",),
         lambda page: log_complaint(
             page, "Repair appointment missed\nStaff rude on the phone\nWindow still broken",
             "compensation"),
         "a Stage 1 complaint with three points", ("Your complaint is now logged",)),
    Call("a long-running problem still happening",
         "the bathroom ceiling has been leaking for 2 years and it is still leaking now, nobody "
         "has fixed it and im fed up",
         "Complaint", ("choice",),
         lambda page: log_complaint(page, "Ceiling leak for two years, still leaking", "put_right"),
         "a complaint within time: still happening", ("Your complaint is now logged",)),
]  # fmt: skip


@pytest.mark.parametrize("call", CALLS, ids=[c.kind for c in CALLS])
def test_a_scripted_call(
    page: Page, running: Running, handler: tuple[str, str], call: Call, policy: Policy
) -> None:
    sign_in(page, running, *handler)
    started = time.monotonic()
    contact_id = triage(page, running, call.said)
    expect(page.locator("h1")).to_contain_text(call.heading)
    prompts = page.locator(".checklist > li").evaluate_all("items => items.map(i => i.id)")
    assert {f"prompt-{p}" for p in call.prompts} <= set(prompts), prompts
    if call.prompts and call.prompts[0] == "emergency":
        assert prompts[0] == "prompt-emergency"
    for words in call.not_shown:
        expect(page.locator("main")).not_to_contain_text(words)
    heading = page.locator("h1").inner_text()
    call.log(page)
    TIMINGS.append((call.kind, f"{heading} / {call.logged}", time.monotonic() - started))
    for words in call.hear:
        assert words in read_out(page)
    cases = case_store(running, policy)
    if call.kind == "a representative for a deaf parent":
        (representative,) = cases.contact_representatives(contact_id)
        assert (representative.acting_for, representative.consent) == ("May Caller", "given")
        assert [a.need_id for a in cases.contact_adjustments(contact_id)] == ["hearing"]
    if call.kind == "an enquiry":
        assert [a.need_id for a in cases.contact_adjustments(contact_id)] == ["large_print"]
    if call.kind == "a first ASB report":
        assert cases.service_request(contact_id).category == "asb_report"  # type: ignore[union-attr]
    if "urgent" in call.logged:
        assert cases.contact(contact_id).urgency  # type: ignore[union-attr]


def test_a_stage_2_call_with_the_reference_as_the_caller_says_it(
    page: Page, running: Running, handler: tuple[str, str], policy: Policy
) -> None:
    cases = case_store(running, policy)
    logged = cases.submit_complaint(handover("chat-calls:complaint"))
    stage_1 = cases.record_response(logged.reference, "partly_upheld", "officer.ann")
    year, number = stage_1.reference.split("-")[1:]
    sign_in(page, running, *handler)
    started = time.monotonic()
    triage(page, running, "caller wants their complaint looked at again, not happy with the "
                          "answer they got")  # fmt: skip
    expect(page.locator("#stage-2")).to_be_visible()
    page.fill("#stage_2_reference", f"CMP {year} {int(number)}")
    page.click("#stage-2 button[type=submit]")
    expect(page.get_by_role("heading", name="Stage 2 logged")).to_be_visible()
    TIMINGS.append(("Stage 2", "Stage 2 of a chat complaint, by a spoken reference",
                    time.monotonic() - started))  # fmt: skip
    expect(page.locator("dd", has_text="Answered on")).to_be_visible()
    # Asking again finds the Stage 2 the call opened: there is exactly one.
    again = cases.escalate(stage_1, "check:stage_2", "phone", stage_1.received_at, "")
    assert again.already


class Keys:
    """The keyboard, counting every key pressed."""

    def __init__(self, page: Page) -> None:
        self.page, self.typed, self.moves = page, 0, 0

    def press(self, key: str) -> None:
        """Tab, Space or Enter: moving about the page and choosing."""
        self.page.keyboard.press(key)
        self.moves += 1

    def type(self, text: str) -> None:
        """What the caller said and their details."""
        self.page.keyboard.type(text)
        self.typed += len(text)

    def tab_to(self, selector: str) -> None:
        for _ in range(200):
            self.press("Tab")
            if self.page.evaluate("s => document.activeElement.matches(s)", selector):
                return
        raise AssertionError(f"Tab never reached {selector}")

    def type_into(self, selector: str, text: str) -> None:
        self.tab_to(selector)
        self.type(text)


def test_time_and_keystrokes_to_log_a_complaint_and_a_service_request(
    page: Page, running: Running, handler: tuple[str, str]
) -> None:
    sign_in(page, running, *handler)
    figures = {}

    keys, started = Keys(page), time.monotonic()
    page.goto(f"{console_url(running)}/")
    keys.type("caller v unhappy, 3rd time reporting the broken window, no one came")
    keys.tab_to(".triage-form button")
    keys.press("Enter")
    expect(page.locator("h1")).to_contain_text("Complaint")
    keys.tab_to("button[value=complaint]")
    keys.press("Enter")
    expect(page.get_by_text("wants to make a complaint")).to_be_visible()
    keys.type_into("#contact_name", "Ana Quick")
    keys.type_into("#contact_details", "07700 900200")
    keys.tab_to("#contact_preference")
    keys.press("Space")
    keys.tab_to("#outcomes")
    keys.press("Space")
    keys.tab_to("#complaint button[type=submit]")
    keys.press("Enter")
    expect(page.get_by_role("heading", name="Complaint logged")).to_be_visible()
    assert REFERENCE.fullmatch(page.locator(".reference").inner_text())
    figures["complaint"] = (keys, time.monotonic() - started)

    keys, started = Keys(page), time.monotonic()
    page.goto(f"{console_url(running)}/")
    keys.type("can someone fix the kitchen tap, it is dripping")
    keys.tab_to(".triage-form button")
    keys.press("Enter")
    expect(page.locator("h1")).to_contain_text("Service request")
    keys.type_into("#contact_name", "Ben Quick")
    keys.type_into("#contact_details", "07700 900300")
    keys.tab_to("#contact_preference")
    keys.press("Space")
    keys.type_into("#property_address", ADDRESS)
    keys.tab_to("#service-request button[type=submit]")
    keys.press("Enter")
    expect(page.get_by_role("heading", name="Service request logged")).to_be_visible()
    figures["service request"] = (keys, time.monotonic() - started)

    for what, (counted, seconds) in figures.items():
        print(
            f"\n{what}: {counted.typed + counted.moves} keys ({counted.typed} typing the "
            f"caller's words and details, {counted.moves} to move and choose), {seconds:.1f} s"
        )
    assert all(counted.moves <= MOST_MOVES for counted, _ in figures.values()), figures
