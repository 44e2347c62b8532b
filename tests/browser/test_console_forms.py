"""Every console form as Chromium sends it: the officer's decisions and reviews from the queue's
own fields, and a call page that keeps what the handler typed across its buttons and across a
session that lapsed in the middle of the call."""

from __future__ import annotations

from datetime import timedelta

import pytest
from playwright.sync_api import Page, expect
from sqlalchemy import update

from bot.casestore import tables
from bot.casestore.domain import ContactRecord
from bot.casestore.engine import make_engine
from bot.casestore.services import CaseStore
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
from tests.console.staff import add_staff, code_for

pytestmark = [pytest.mark.server, pytest.mark.browser]

ASB_COMPLAINT = (
    "caller says neighbour plays loud music every night, wants to complain about the asb"
)
RENT_DISPUTE = (
    "my rent has gone up again this april and it is far too much, i want to dispute the amount"
)


@pytest.fixture(scope="module")
def handler(running: Running) -> tuple[str, str]:
    return "fran.forms", add_staff(running.database_url, "fran.forms")


@pytest.fixture(scope="module")
def officer(running: Running) -> tuple[str, str]:
    return "otto.officer", add_staff(running.database_url, "otto.officer", role="officer")


def pass_to_an_officer(page: Page, running: Running, handler: tuple[str, str]) -> int:
    """A caller who wants to complain about ASB: the handler explains and records the choice."""
    sign_in(page, running, *handler)
    contact_id = triage(page, running, ASB_COMPLAINT)
    page.click("button[value=complaint]")  # which passes it on (the case store's choice)
    expect(page.get_by_text("Passed to a complaints officer to decide.")).to_be_visible()
    return contact_id


def proposal_form(page: Page, running: Running, officer: tuple[str, str]) -> str:
    """The officer's queue, open at the newest proposal: the selector of its form."""
    sign_in(page, running, *officer)
    page.goto(f"{console_url(running)}/queue")
    forms = page.locator("form[action^='/console/queue/exclusions/']")
    return f"form[action='{forms.last.get_attribute('action')}']"


def test_an_officer_takes_a_proposed_exclusion_as_a_complaint_from_the_queue_form(
    page: Page, running: Running, handler: tuple[str, str], officer: tuple[str, str],
    policy: Policy,
) -> None:  # fmt: skip
    contact_id = pass_to_an_officer(page, running, handler)
    form = proposal_form(page, running, officer)
    page.click(f"{form} button[value=overrule]")
    expect(page.locator(f"{form} .error-message")).to_contain_text("needs the officer's reasons")
    page.fill(f"{form} textarea", "Earlier reports were not followed up")
    page.click(f"{form} button[value=overrule]")
    expect(page.get_by_role("heading", name="Taken as a complaint")).to_be_visible()
    reference = page.locator(".reference").inner_text()
    cases = case_store(running, policy)
    assert cases.complaint_for_contact(contact_id) == cases.complaint(reference)


def test_an_officer_accepts_a_proposed_exclusion_from_the_queue_form_and_gets_the_letter(
    page: Page, running: Running, handler: tuple[str, str], officer: tuple[str, str]
) -> None:
    pass_to_an_officer(page, running, handler)
    form = proposal_form(page, running, officer)
    page.fill(f"{form} textarea", "A first report: the ASB team is dealing with it")
    page.click(f"{form} button[value=accept]")
    expect(page.get_by_role("heading", name="Exclusion accepted")).to_be_visible()
    expect(page.locator(".letter")).to_contain_text("Housing Ombudsman")


def test_overruling_a_matter_the_handler_already_logged_as_a_complaint_makes_no_second_one(
    page: Page, running: Running, handler: tuple[str, str], officer: tuple[str, str],
    policy: Policy,
) -> None:  # fmt: skip
    contact_id = pass_to_an_officer(page, running, handler)
    fill_caller(page, "Dee Noise", "07700 900777")
    page.check("#outcomes")
    page.click("#complaint button[type=submit]")
    logged = page.locator(".reference").inner_text()

    form = proposal_form(page, running, officer)
    page.fill(f"{form} textarea", "The earlier report was ignored: a complaint")
    page.click(f"{form} button[value=overrule]")
    expect(page.get_by_role("heading", name="Taken as a complaint")).to_be_visible()
    assert page.locator(".reference").inner_text() == logged
    cases = case_store(running, policy)
    with cases.unit_of_work() as uow:
        conversation = cases.contact(contact_id).conversation_id  # type: ignore[union-attr]
        assert uow.cases.complaints_for_conversation(conversation) == [logged]


def test_an_officer_records_an_adjustment_review_from_the_queue_form(
    page: Page, running: Running, officer: tuple[str, str], policy: Policy
) -> None:
    cases = case_store(running, policy)
    agreed_long_ago = CaseStore(
        make_engine(running.database_url), policy, clock=lambda: cases.now() - timedelta(days=175)
    )
    contact_id = cases.record_contact(
        ContactRecord("phone-review", "phone", cases.now(), "please send letters in large print",
                      "other", "enquiry", 1.0, None, (), ())
    )  # fmt: skip
    cases.agree_adjustments(
        contact_id, (agreed_long_ago.adjustment("large_print", "Letters in 16pt", False, False),)
    )
    sign_in(page, running, *officer)
    page.goto(f"{console_url(running)}/queue")
    article = page.locator("article", has_text=f"contact:{contact_id}")
    article.locator("textarea").fill("Still wants large print")
    article.locator("button").click()
    expect(page.locator("article", has_text=f"contact:{contact_id}")).to_have_count(0)
    with cases.unit_of_work() as uow:
        trail = uow.cases.audit_trail(f"contact:{contact_id}")
    assert ("otto.officer", "adjustment_reviewed") in [(a, k) for a, k, _ in trail]
    assert [d["note"] for _, k, d in trail if k == "adjustment_reviewed"] == [
        "Still wants large print"
    ]


def test_what_the_handler_typed_survives_every_choice_button(
    page: Page, running: Running, handler: tuple[str, str]
) -> None:
    sign_in(page, running, *handler)
    # A matter that may be excluded: explained, offered the choice, passed to an officer.
    triage(page, running, RENT_DISPUTE)
    fill_caller(page, "Rae Loud", "07700 900888")
    page.fill("#aspects", "Rent up again in April\nNo letter saying why")
    page.click("button[value=no_complaint]")
    expect(page.get_by_text("does not want to make a complaint")).to_be_visible()
    page.fill("#access_times", "Evenings")
    page.click("button[value=complaint]")
    expect(page.get_by_text("wants to make a complaint")).to_be_visible()
    expect(page.get_by_text("Passed to a complaints officer to decide.")).to_be_visible()
    expect(page.locator("#contact_name")).to_have_value("Rae Loud")
    expect(page.locator("#contact_details")).to_have_value("07700 900888")
    expect(page.locator("#contact_preference-phone")).to_be_checked()
    expect(page.locator("#aspects")).to_have_value("Rent up again in April\nNo letter saying why")
    expect(page.locator("#access_times")).to_have_value("Evenings")


def test_a_session_that_lapses_during_a_long_call_keeps_the_form_to_finish_after_signing_in(
    page: Page, running: Running, handler: tuple[str, str], policy: Policy
) -> None:
    sign_in(page, running, *handler)
    contact_id = triage(page, running, "caller needs the bathroom extractor fan fixed, broken")
    fill_caller(page, "Ivan Long", "07700 900999", preference="letter")
    page.fill("#property_address", "4 Oak Road, Leeds LS2 7QT")
    page.fill("#postal_address", "4 Oak Road, Leeds LS2 7QT")
    # An interpreted call: half an hour passes with nothing sent.
    sessions = tables.staff_sessions
    with make_engine(running.database_url).begin() as db:
        db.execute(update(sessions).values(last_seen_at=sessions.c.created_at - timedelta(hours=1)))
    page.click("#service-request button[type=submit]")

    expect(page.get_by_role("heading", name="Sign in")).to_be_visible()
    expect(page.get_by_text("What you typed on the call is kept")).to_be_visible()
    page.fill("#username", handler[0])
    page.fill("#password", handler[1])
    page.fill("#code", code_for(handler[0]))
    page.click("main button[type=submit]")
    expect(page).to_have_url(f"{console_url(running)}/contacts/{contact_id}")
    expect(page.locator("#contact_name")).to_have_value("Ivan Long")
    expect(page.locator("#postal_address")).to_have_value("4 Oak Road, Leeds LS2 7QT")
    page.click("#service-request button[type=submit]")
    expect(page.get_by_role("heading", name="Service request logged")).to_be_visible()
    expect(page.get_by_text("We will write to you at 4 Oak Road, Leeds LS2 7QT.")).to_be_visible()
    logged = case_store(running, policy).service_request(contact_id)
    assert logged is not None and logged.contact_name == "Ivan Long"


def test_the_call_page_saves_as_the_handler_types_and_keeps_the_session_alive(
    page: Page, running: Running, handler: tuple[str, str]
) -> None:
    sign_in(page, running, *handler)
    contact_id = triage(page, running, "caller needs the bathroom extractor fan fixed, broken")
    page.clock.install()
    page.fill("#contact_name", "Kit Typing")
    with page.expect_response(lambda r: r.url.endswith(f"/contacts/{contact_id}/draft")) as saved:
        page.clock.run_for(21_000)
    assert saved.value.status == 204
    page.goto(f"{console_url(running)}/contacts/{contact_id}")
    expect(page.locator("#contact_name")).to_have_value("Kit Typing")


def test_a_reference_as_the_caller_says_it_finds_the_complaint(
    page: Page, running: Running, handler: tuple[str, str], officer: tuple[str, str],
    policy: Policy,
) -> None:  # fmt: skip
    contact_id = pass_to_an_officer(page, running, handler)
    fill_caller(page, "Sol Spoken", "07700 900321")
    page.check("#outcomes")
    page.click("#complaint button[type=submit]")
    reference = page.locator(".reference").inner_text()
    year, number = REFERENCE.fullmatch(reference)[0].split("-")[1:]  # type: ignore[index]
    case_store(running, policy).record_response(reference, "upheld", officer[0])
    page.goto(f"{console_url(running)}/stage-2")
    page.fill("#stage_2_reference", f"cmp {year} {int(number)}")
    page.click("main button[type=submit]")
    expect(page.get_by_role("heading", name="Stage 2 logged")).to_be_visible()
    expect(page.locator("dd", has_text="Answered on")).to_be_visible()
    expect(page.locator("dd", has_text=officer[0])).to_be_visible()  # the officer who answered
    assert case_store(running, policy).complaint_for_contact(contact_id) is not None
