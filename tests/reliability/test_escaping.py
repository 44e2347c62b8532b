"""Markup a resident or caller types is shown back as the words they typed, never run as HTML:
in the web chat widget (the complaint read-back repeats their words) and in the staff console."""

from __future__ import annotations

import pytest
from markupsafe import escape
from playwright.sync_api import Page, expect

from tests.conftest import Running
from tests.console.client import ConsoleClient
from tests.console.staff import add_staff

pytestmark = pytest.mark.server

# Each piece would change the page if it were read as HTML: a script, bold text, an image whose
# error handler runs.
MARKUP = (
    '<b>mould</b> keeps coming back <img src=x onerror="window.injected=1"> '
    "<script>window.injected=1</script>"
)
COMPLAINT = f"the {MARKUP} in my bathroom and nobody has come, I am fed up"
NAME = "<i>Sam</i> Jones"


@pytest.mark.browser
def test_the_widget_reads_back_a_complaint_with_markup_as_plain_text(
    running: Running, page: Page
) -> None:
    page.goto(f"{running.servers.rasa_url}/chat")
    conversation = page.get_by_role("log")
    expect(conversation).to_contain_text("automated assistant")

    def type_in(message: str) -> None:
        page.get_by_label("Your message").fill(message)
        page.get_by_role("button", name="Send", exact=True).click()

    def choose(title: str) -> None:
        page.get_by_role("button", name=title, exact=True).click()

    type_in(COMPLAINT)
    expect(conversation).to_contain_text("make a formal complaint")
    choose("Make a formal complaint")
    expect(conversation).to_contain_text("still happening")
    choose("Yes, it's still happening")
    expect(conversation).to_contain_text("What would you like us to do")
    choose("Fix the problem")
    expect(conversation).to_contain_text("helping someone else")
    choose("I'm the resident")
    expect(conversation).to_contain_text("What name should we use")
    type_in(NAME)
    expect(conversation).to_contain_text("phone number or email")
    type_in("sam@example.org")
    expect(conversation).to_contain_text("How would you like us to contact you")
    choose("Email")
    expect(conversation).to_contain_text("easier for you to deal with us")
    type_in("no")

    read_back = page.locator(".ichat-message--assistant", has_text="What went wrong")
    expect(read_back).to_contain_text(f"What went wrong: {COMPLAINT}")
    expect(page.locator(".ichat-message--assistant", has_text="We will contact")).to_contain_text(
        f"We will contact {NAME} by email"
    )
    expect(page.locator(".ichat-message--resident").first).to_have_text(f"You said: {COMPLAINT}")
    assert conversation.locator("b, i, img, script").count() == 0
    assert page.evaluate("() => window.injected") is None


def test_the_console_shows_a_callers_markup_as_text(running: Running) -> None:
    console = ConsoleClient(running.servers.rasa_url)
    password = add_staff(running.database_url, "rae.reliability")
    assert console.sign_in("rae.reliability", password).status_code == 303
    console.get("/console/")

    contact = console.follow(console.post("/console/triage", {"text": COMPLAINT}))

    assert contact.status_code == 200
    assert str(escape(COMPLAINT)) in console.page
    for tag in ("<b>mould", "<img src=x", "<script>window"):
        assert tag not in console.page
