"""Live chat in two browsers: a resident in the web chat asks for a person; a member of staff
takes the conversation in the console, replies and hands it back; each sees the other's
messages as they come, in order, without reloading."""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Iterator
from typing import TypeVar

import pytest
from playwright.sync_api import Browser, Locator, Page, WebSocketRoute, expect

from bot.casestore.domain import Handoff
from bot.channels.live import HANDED_BACK_LINE, joined_line
from bot.policy import Policy
from tests.browser.axe import serious_violations
from tests.browser.console_steps import case_store, console_url, sign_in
from tests.browser.test_widget import button, open_chat_page, say
from tests.conftest import Running
from tests.console.staff import add_staff
from tools.live_bench import Staff

pytestmark = [pytest.mark.server, pytest.mark.browser]

STAFF = "sam.live"
T = TypeVar("T")


@pytest.fixture
def staff_page(chromium_browser: Browser, running: Running) -> Iterator[Page]:
    """A second browser, signed in to the console."""
    password = add_staff(running.database_url, STAFF)
    context = chromium_browser.new_context(viewport={"width": 1280, "height": 800}, locale="en-GB")
    page = context.new_page()
    sign_in(page, running, STAFF, password)
    yield page
    context.close()


def said_in(log: Locator) -> list[str]:
    return [text.strip() for text in log.locator(".said, .ichat-message").all_inner_texts()]


def test_a_resident_and_a_member_of_staff_talk_in_the_same_chat_then_the_assistant_is_back(
    page: Page, staff_page: Page, running: Running, policy: Policy
) -> None:
    resident_log = open_chat_page(page, running.servers)
    button(page, "Talk to a person").click()
    expect(resident_log).to_contain_text("person")
    session = page.evaluate(
        "() => Object.entries(sessionStorage).find(([k]) => k.endsWith(':session'))[1]"
    )
    cases = case_store(running, policy)
    handoff: Handoff | None = None
    for _ in range(100):
        handoff = cases.open_handoff(session)
        if handoff:
            break
        page.wait_for_timeout(100)
    assert handoff is not None
    say(page, "is anyone there?")

    staff_page.goto(f"{console_url(running)}/live")
    listed = staff_page.get_by_role("link", name=re.compile("^Web chat, waiting"))
    expect(listed.first).to_be_visible()
    assert serious_violations(staff_page) == []
    staff_page.goto(f"{console_url(running)}/live/{handoff.id}")
    staff_log = staff_page.get_by_role("log", name="Since they asked")
    expect(staff_log).to_contain_text("is anyone there?")
    staff_page.get_by_role("button", name="Take this conversation").click()
    name = f"Sam from {policy.landlord.name}"
    expect(resident_log).to_contain_text(joined_line(name))

    reply_box = staff_page.get_by_label("Your reply")
    reply_box.fill("Hello, I'm Sam. What's happened?")
    reply_box.press("Tab")
    staff_page.keyboard.press("Enter")  # Send, by keyboard
    expect(resident_log.locator(".ichat-message--person")).to_contain_text(
        f"{name}:Hello, I'm Sam. What's happened?"
    )
    expect(reply_box).to_have_value("")
    expect(reply_box).to_be_focused()
    say(page, "my boiler has stopped")
    expect(staff_log).to_contain_text("my boiler has stopped")  # no reload: the event stream
    reply_box.fill("I'll book an engineer today.")
    staff_page.get_by_role("button", name="Send").click()
    expect(resident_log).to_contain_text("I'll book an engineer today.")
    assert serious_violations(staff_page) == []

    # The staff page shows its own reply when the event stream brings it back, which can be
    # after the resident's page has it: wait for it rather than read the log once.
    expect(staff_log.locator(".said, .ichat-message")).to_have_text(
        [
            "is anyone there?",
            "Hello, I'm Sam. What's happened?",
            "my boiler has stopped",
            "I'll book an engineer today.",
        ],
        use_inner_text=True,
    )
    shown = said_in(resident_log)[-4:]
    expected = [
        joined_line(name),
        f"{name}:\nHello, I'm Sam. What's happened?",
        "my boiler has stopped",
        f"{name}:\nI'll book an engineer today.",
    ]
    assert all(e in s for s, e in zip(shown, expected, strict=True)), shown

    staff_page.get_by_role("button", name="Hand back to the assistant").click()
    expect(resident_log).to_contain_text(HANDED_BACK_LINE)
    before = resident_log.locator(".ichat-message--assistant").count()
    say(page, "hello")
    expect(resident_log.locator(".ichat-message--assistant")).to_have_count(
        before + 1, timeout=30_000
    )


def test_a_staff_reply_caught_up_on_reconnecting_is_not_shown_again_when_it_arrives_live(
    page: Page, running: Running, policy: Policy
) -> None:
    """A staff reply is stored before it is sent. A widget that reconnects between the two shows
    it from the stored conversation; when the live copy arrives after that, it is the same
    message, not a second one. The browser's socket is routed here so the live copy can be
    held back until the catch-up is over."""
    sockets: list[WebSocketRoute] = []
    held: list[str | bytes] = []

    def route(socket: WebSocketRoute) -> None:
        server = socket.connect_to_server()

        def to_page(frame: str | bytes) -> None:
            if "Held back" in str(frame):
                held.append(frame)
            else:
                socket.send(frame)

        server.on_message(to_page)
        sockets.append(socket)

    page.route_web_socket(re.compile(r"/socket\.io/"), route)
    resident_log = open_chat_page(page, running.servers)
    button(page, "Talk to a person").click()
    session = page.evaluate(
        "() => Object.entries(sessionStorage).find(([k]) => k.endsWith(':session'))[1]"
    )
    cases = case_store(running, policy)
    handoff = eventually(page, lambda: cases.open_handoff(session))
    staff = Staff(running.servers.rasa_url, running.database_url)
    assert staff.post(f"/console/live/{handoff.id}/take").status_code == 303
    person = resident_log.locator(".ichat-message--person")
    staff.post(f"/console/live/{handoff.id}/reply", message="Held back", sent_by="script")
    eventually(page, lambda: held)

    sockets[-1].close()  # the connection drops; the widget reconnects and catches up
    expect(person).to_contain_text(["Held back"])
    expect(page.get_by_role("status")).to_have_text("")
    sockets[-1].send(held[0])  # the live copy, late
    staff.post(f"/console/live/{handoff.id}/reply", message="After that", sent_by="script")
    expect(person).to_have_count(2)
    assert [text.split(":", 1)[1].strip() for text in person.all_inner_texts()] == [
        "Held back", "After that",
    ]  # fmt: skip


def eventually(page: Page, look: Callable[[], T | None], seconds: float = 10) -> T:
    """Waits in the browser's time, so the routed socket's frames are handled meanwhile."""
    deadline = time.monotonic() + seconds
    while (found := look()) is None or found == []:
        assert time.monotonic() < deadline, "never happened"
        page.wait_for_timeout(50)
    return found
