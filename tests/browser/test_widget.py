"""The website live chat in headless Chromium, against the real assistant: what a resident using
only a keyboard, a screen reader, a zoomed screen or a shaky connection meets."""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from playwright.sync_api import Browser, Locator, Page, expect

from bot.casestore.engine import make_engine
from bot.casestore.services import CaseStore
from bot.policy import Policy
from tests.browser.axe import serious_violations
from tests.conftest import Running
from tests.conversations.servers import Servers

pytestmark = [pytest.mark.server, pytest.mark.browser]

DISSATISFIED = "the mould in my bathroom keeps coming back and nobody has come to fix it"
REFERENCE = re.compile(r"CMP-\d{4}-\d{6}")


def conversation(page: Page) -> Locator:
    return page.get_by_role("log", name="Conversation")


def message_box(page: Page) -> Locator:
    return page.get_by_label("Your message")


def button(page: Page, name: str) -> Locator:
    return page.get_by_role("button", name=name, exact=True)


def open_chat_page(page: Page, servers: Servers) -> Locator:
    """The chat page the assistant serves, with the greeting shown."""
    page.goto(f"{servers.rasa_url}/chat")
    log = conversation(page)
    expect(log).to_contain_text("automated assistant for Sample Homes")
    return log


def say(page: Page, text: str) -> None:
    message_box(page).fill(text)
    message_box(page).press("Enter")


def tab_to(page: Page, target: Locator, limit: int = 30) -> None:
    for _ in range(limit):
        page.keyboard.press("Tab")
        if target.evaluate("node => node === document.activeElement"):
            return
    raise AssertionError(f"{limit} presses of Tab never reached {target}")


def focus_is_visible(page: Page) -> bool:
    """The focused element draws a focus ring of at least 2px (outline or box shadow)."""
    return bool(
        page.evaluate(
            """() => {
              const style = getComputedStyle(document.activeElement);
              const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
              return outline || style.boxShadow !== 'none';
            }"""
        )
    )


def typed(text: str) -> Callable[[Page], None]:
    def answer(page: Page) -> None:
        expect(message_box(page)).to_be_focused()
        page.keyboard.type(text)
        page.keyboard.press("Enter")

    return answer


def chosen(first: str, *, tab_to: str | None = None, key: str = "Enter") -> Callable[[Page], None]:
    """Focus is on the first choice when it arrives; Tab moves along the choices."""

    def answer(page: Page) -> None:
        expect(button(page, first)).to_be_focused()
        assert focus_is_visible(page)
        if tab_to:
            page.keyboard.press("Tab")
            expect(button(page, tab_to)).to_be_focused()
        page.keyboard.press(key)

    return answer


def complain_by_keyboard(page: Page, name: str = "Alex Tenant") -> str:
    """Answers the complaint form until the assistant gives a reference, and returns it. The
    assistant asks in its own order, so each question is answered as it comes."""
    answers = {
        "Is this still happening": chosen("Yes, it's still happening"),
        "reported to us before": typed("no"),
        "What would you like us to do": chosen("Fix the problem", tab_to="An apology", key="Space"),
        "Are you the resident": chosen("I'm the resident"),
        "What name should we use": typed(name),
        "phone number or email": typed("alex@example.org"),
        "How would you like us to contact you": chosen("Email"),
        "easier for you to deal with us": typed("no"),
        "Is that right?": chosen("Yes, that's right", key="Space"),
    }
    log = conversation(page)
    questions = re.compile("|".join(re.escape(question) for question in answers))
    latest = log.locator("p").last
    reference = log.locator("p", has_text=REFERENCE)
    for _ in range(2 * len(answers)):
        expect(latest.filter(has_text=questions).or_(reference).first).to_be_visible()
        if reference.count():
            found = REFERENCE.search(reference.first.inner_text())
            assert found is not None
            return found.group()
        asked = latest.inner_text()
        [question] = [question for question in answers if question in asked]
        answers[question](page)
        expect(latest).not_to_have_text(asked)
    raise AssertionError("the complaint form never ended")


@pytest.fixture
def landlord_site(servers: Servers) -> Iterator[str]:
    """The landlord's own site, with the chat snippet pasted in, on another origin (its own port
    on 127.0.0.1: Chromium lets only a loopback page reach a loopback server)."""
    snippet = f'<script src="{servers.rasa_url}/chat/widget.js"></script>'
    html = (
        "<!doctype html><html lang='en-GB'><title>Sample Homes</title><main><h1>Sample Homes</h1>"
        f"<p><a href='/repairs'>Report a repair</a></p></main>{snippet}</html>"
    ).encode()

    class Site(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(html)))
            self.end_headers()
            self.wfile.write(html)

        def log_message(self, *args: object) -> None:
            pass

    site = ThreadingHTTPServer(("127.0.0.1", 0), Site)
    threading.Thread(target=site.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{site.server_port}/"
    site.shutdown()
    site.server_close()


def test_a_resident_makes_a_whole_complaint_by_keyboard_alone_on_the_landlords_site(
    page: Page, landlord_site: str, running: Running, policy: Policy
) -> None:
    page.goto(landlord_site)
    tab_to(page, button(page, "Chat with us"))
    assert focus_is_visible(page)
    page.keyboard.press("Enter")
    expect(conversation(page)).to_contain_text("automated assistant for Sample Homes")
    typed(DISSATISFIED)(page)
    chosen("Make a formal complaint", key="Space")(page)
    reference = complain_by_keyboard(page)

    complaint = CaseStore(make_engine(running.database_url), policy).complaint(reference)
    assert complaint is not None
    assert complaint.channel == "socketio"
    assert complaint.definition.outcomes == ("An apology",)
    assert complaint.contact_details == "alex@example.org"


def test_no_serious_accessibility_problems_with_messages_and_answer_buttons_showing(
    page: Page, servers: Servers
) -> None:
    open_chat_page(page, servers)
    say(page, DISSATISFIED)
    expect(button(page, "Make a formal complaint")).to_be_visible()
    assert serious_violations(page) == []


def test_a_reload_keeps_the_conversation_and_it_carries_on(page: Page, servers: Servers) -> None:
    log = open_chat_page(page, servers)
    say(page, DISSATISFIED)
    expect(button(page, "Make a formal complaint")).to_be_visible()
    messages = log.locator("p")
    before = messages.all_inner_texts()

    page.reload()
    expect(button(page, "Make a formal complaint")).to_be_visible()
    expect(messages).to_have_text(before, use_inner_text=True)
    button(page, "Make a formal complaint").click()
    expect(log).to_contain_text("take the details of your complaint")
    chosen = re.compile(r"You said:\s*Make a formal complaint")
    expect(messages.nth(len(before))).to_have_text(chosen)


def test_what_the_resident_typed_but_did_not_send_survives_a_reload(
    page: Page, servers: Servers
) -> None:
    open_chat_page(page, servers)
    message_box(page).type("The lift has been broken since Monday and")
    page.reload()
    expect(message_box(page)).to_have_value("The lift has been broken since Monday and")


def test_a_dropped_connection_is_announced_and_nothing_typed_is_lost(
    page: Page, servers: Servers
) -> None:
    log = open_chat_page(page, servers)
    page.context.set_offline(True)
    status = page.get_by_role("status")
    expect(status).to_contain_text("Trying to reconnect")
    say(page, "hello again")
    expect(status).to_contain_text("Your message is kept")
    expect(message_box(page)).to_have_value("hello again")

    page.context.set_offline(False)
    expect(status).to_have_text("")
    message_box(page).press("Enter")
    expect(log.locator("p")).to_have_count(3)
    expect(log.locator("p").nth(1)).to_have_text(re.compile(r"You said:\s*hello again"))
    expect(log.locator("p").nth(2)).to_contain_text("automated assistant for Sample Homes")
    expect(message_box(page)).to_have_value("")


def test_markup_from_the_conversation_shows_as_text_and_never_runs(
    page: Page, servers: Servers
) -> None:
    markup = '<b>mould</b> <script>window.pwned = 1</script><img src=x onerror="window.pwned = 2">'
    log = open_chat_page(page, servers)
    say(page, f"the {markup} in my bathroom keeps coming back and nobody has come to fix it")
    chosen("Make a formal complaint")(page)
    complain_by_keyboard(page, name="<i>Alex</i>")

    def shown_as_text() -> None:
        read_back = log.locator("p", has_text="Here is what I understood")
        expect(read_back).to_contain_text(f"What went wrong: the {markup} in my bathroom")
        expect(read_back).to_contain_text("We will contact <i>Alex</i> by email")
        expect(log.locator("b, i, script, img")).to_have_count(0)
        assert page.evaluate("window.pwned") is None

    shown_as_text()
    page.reload()
    shown_as_text()  # as restored from the history the server keeps


def test_a_person_and_the_privacy_notice_are_always_offered(
    page: Page, servers: Servers, policy: Policy
) -> None:
    log = open_chat_page(page, servers)
    privacy = page.get_by_role("link", name="How we use your information")
    expect(privacy).to_have_attribute("href", policy.landlord.privacy_url)
    button(page, "Talk to a person").click()
    expect(log.locator("p").nth(1)).to_have_text(re.compile(r"You said:\s*Talk to a person"))
    expect(log.locator("p").nth(2)).to_contain_text("pass you to")
    expect(log).to_contain_text(policy.landlord.phone)


@pytest.fixture
def zoomed_page(chromium_browser: Browser) -> Iterator[Page]:
    """A 1280 by 800 screen at 200% zoom: 640 by 400 CSS pixels, two device pixels each."""
    context = chromium_browser.new_context(
        viewport={"width": 640, "height": 400}, device_scale_factor=2, locale="en-GB"
    )
    yield context.new_page()
    context.close()


def fits_across(page: Page) -> bool:
    """Nothing needs scrolling sideways: the page fits the window, everything in the chat fits
    the chat."""
    return bool(
        page.evaluate(
            """() => {
              const chat = document.querySelector('.ichat-panel').getBoundingClientRect();
              const inside = [...document.querySelectorAll('.ichat-panel *')].every(node => {
                const box = node.getBoundingClientRect();
                const shown = box.width > 0 && box.height > 0;
                return !shown || (box.left >= chat.left - 1 && box.right <= chat.right + 1);
              });
              return inside && document.documentElement.scrollWidth <= innerWidth;
            }"""
        )
    )


def test_at_200_percent_zoom_the_chat_fills_the_window_without_sideways_scrolling(
    zoomed_page: Page, servers: Servers
) -> None:
    open_chat_page(zoomed_page, servers)
    say(zoomed_page, DISSATISFIED)
    expect(button(zoomed_page, "Make a formal complaint")).to_be_in_viewport()
    expect(message_box(zoomed_page)).to_be_in_viewport()
    assert fits_across(zoomed_page)
    assert serious_violations(zoomed_page) == []


def test_the_chat_text_grows_with_the_readers_text_size(page: Page, servers: Servers) -> None:
    log = open_chat_page(page, servers)
    page.add_style_tag(content="html { font-size: 200% }")
    greeting = log.locator("p").first
    assert greeting.evaluate("node => getComputedStyle(node).fontSize") == "32px"
    assert message_box(page).evaluate("node => getComputedStyle(node).fontSize") == "32px"
    expect(message_box(page)).to_be_in_viewport()
    assert fits_across(page)
