"""Live chat over real HTTP and socket.io: a web chat resident asks for a person, a member of
staff takes the conversation in the console, replies in the resident's own chat and hands it
back; the assistant then answers again."""

from __future__ import annotations

import json
import re
import secrets
import time
from collections.abc import Callable, Iterator
from datetime import datetime, timezone
from typing import Any, TypeVar

import pytest
import requests
import socketio

from bot.casestore.domain import Handoff
from bot.casestore.services import CaseStore
from bot.channels.live import HANDED_BACK_LINE, joined_line
from bot.policy import Policy
from bot.replies import PERSON_AWAITED_LINE
from bot.web.transcript import MESSAGE_ID_KEY, TALK_TO_A_PERSON
from tests.conftest import Running
from tests.console.client import ConsoleClient
from tests.console.staff import add_staff, staff_command

pytestmark = pytest.mark.server

Found = TypeVar("Found")


def eventually(look: Callable[[], Found | None], what: str, seconds: float = 60) -> Found:
    """What `look` finds, once it finds something (the action server writes in its own time)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        found = look()
        if found:
            return found
        time.sleep(0.2)
    raise AssertionError(f"never found: {what}")


class Resident:
    """A browser's socket.io connection to the web chat, as widget.js makes it."""

    def __init__(self, client: socketio.SimpleClient, session_id: str) -> None:
        self.client = client
        self.session_id = session_id

    def say(self, text: str) -> None:
        self.client.emit("user_uttered", {"message": text, "session_id": self.session_id})

    def hears(self, seconds: float = 60) -> list[dict[str, Any]]:
        """Everything said to the resident until the chat is quiet for two seconds."""
        heard: list[dict[str, Any]] = []
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            try:
                event, message = self.client.receive(timeout=2 if heard else seconds)
            except socketio.exceptions.TimeoutError:
                break
            if event == "bot_uttered":
                heard.append(message)
        return heard


@pytest.fixture
def resident(running: Running) -> Iterator[Resident]:
    with socketio.SimpleClient() as client:
        client.connect(running.servers.rasa_url, transports=["polling"])
        client.emit("session_request", {"session_id": None})
        event, session_id = client.receive(timeout=30)
        assert event == "session_confirm"
        yield Resident(client, session_id)


def asks_for_a_person(resident: Resident, cases: CaseStore) -> Handoff:
    resident.say(TALK_TO_A_PERSON.payload)
    assert resident.hears(), "the assistant says a person will reply"
    return eventually(lambda: cases.open_handoff(resident.session_id), "the handoff")


def server_sent_events(client: ConsoleClient, path: str, wanted: int) -> list[tuple[str, Any]]:
    """The first `wanted` events of a stream, as (event, data)."""
    got: list[tuple[str, Any]] = []
    with requests.get(f"{client.base_url}{path}", cookies=client.cookies, stream=True,
                      timeout=30) as response:  # fmt: skip
        assert response.headers["content-type"].startswith("text/event-stream")
        event = ""
        for line in response.iter_lines(decode_unicode=True):
            if line.startswith("event: "):
                event = line.removeprefix("event: ")
            elif line.startswith("data: "):
                got.append((event, json.loads(line.removeprefix("data: "))))
                if len(got) == wanted:
                    break
    return got


def sent_from_the_console(heard: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """What the resident heard, each message checked to carry the id it is stored under (so a
    widget that caught up from the tracker shows it once), then without it."""
    assert all(message.get(MESSAGE_ID_KEY) for message in heard), heard
    return [{k: v for k, v in message.items() if k != MESSAGE_ID_KEY} for message in heard]


def test_staff_take_the_web_chat_reply_in_it_and_hand_it_back(
    resident: Resident, signed_in: ConsoleClient, cases: CaseStore, running: Running,
    policy: Policy,
) -> None:  # fmt: skip
    handoff = asks_for_a_person(resident, cases)
    resident.say("are you there?")
    # Until a person takes it the resident is answered; after, the assistant stays quiet.
    assert [m["text"] for m in resident.hears(seconds=3)] == [PERSON_AWAITED_LINE]
    eventually(lambda: cases.live_messages(handoff.id or 0), "the resident's message kept")

    listed = signed_in.get("/console/live").text
    assert f'href="/console/live/{handoff.id}">Web chat, waiting' in listed
    page = signed_in.get(f"/console/live/{handoff.id}").text
    assert "Take this conversation" in page and "are you there?" in page
    assert signed_in.follow(signed_in.post(f"/console/live/{handoff.id}/take", {}))
    name = f"Hana from {policy.landlord.name}"
    assert sent_from_the_console(resident.hears()) == [{"text": joined_line(name)}]

    page_before = signed_in.get(f"/console/live/{handoff.id}").text
    assert "autofocus" not in page_before, "reading the page does not move the focus"
    replied = signed_in.post(f"/console/live/{handoff.id}/reply", {"message": "Hello, I'm Hana."})
    assert replied.status_code == 303
    # Without the script the page comes back, with the box ready for the next reply.
    again = signed_in.follow(replied).text
    assert re.search(r'<textarea[^>]*id="message"[^>]*autofocus', again)
    assert sent_from_the_console(resident.hears()) == [
        {"text": "Hello, I'm Hana.", "staff_name": name}
    ]
    resident.say("thanks Hana")
    assert resident.hears(seconds=3) == []

    # The console's stream has the status, then every message in order.
    streamed = server_sent_events(signed_in, f"/console/live/{handoff.id}/events?after=0", 4)
    assert streamed[0] == (
        "status",
        {"status": "picked_up", "taken_by": "hana.handler", "urgent": []},
    )
    assert [(data["seq"], data["sender"], data["text"]) for _, data in streamed[1:]] == [
        (1, "resident", "are you there?"),
        (2, "staff", "Hello, I'm Hana."),
        (3, "resident", "thanks Hana"),
    ]

    signed_in.get(f"/console/live/{handoff.id}")
    assert signed_in.post(f"/console/live/{handoff.id}/hand-back", {}).status_code == 303
    assert sent_from_the_console(resident.hears()) == [{"text": HANDED_BACK_LINE}]
    resident.say("hello")
    answer = resident.hears()
    assert answer and all("staff_name" not in said for said in answer), "the assistant is back"

    # A reload shows the person's messages, named, in their place.
    history = requests.post(f"{running.servers.rasa_url}/chat/history",
                            data=json.dumps({"session_id": resident.session_id}),
                            timeout=30).json()["entries"]  # fmt: skip
    said = [(e["speaker"], e["text"], e["name"]) for e in history]
    joined = said.index(("assistant", joined_line(name), ""))
    assert said[joined + 1 : joined + 4] == [
        ("person", "Hello, I'm Hana.", name),
        ("resident", "thanks Hana", ""),
        ("assistant", HANDED_BACK_LINE, ""),
    ]
    with cases.unit_of_work() as uow:
        trail = [kind for _, kind, _ in uow.cases.audit_trail(f"handoff:{handoff.id}")]
    assert trail == ["handoff_picked_up", "live_message_sent", "handoff_handed_back"]


def test_residents_see_the_display_name_the_account_command_set(
    resident: Resident, running: Running, cases: CaseStore, policy: Policy
) -> None:
    password = add_staff(running.database_url, "k.williams")
    shown = staff_command(running.database_url, "display-name", "k.williams", "Kemi")
    assert "now see k.williams as Kemi" in shown
    handoff = asks_for_a_person(resident, cases)
    staff = ConsoleClient(running.servers.rasa_url)
    assert staff.sign_in("k.williams", password).status_code == 303
    staff.get(f"/console/live/{handoff.id}")
    assert staff.follow(staff.post(f"/console/live/{handoff.id}/take", {}))
    name = f"Kemi from {policy.landlord.name}"
    assert "The resident sees you as Kemi from" in staff.page
    assert sent_from_the_console(resident.hears()) == [{"text": joined_line(name)}]
    assert staff.post(f"/console/live/{handoff.id}/reply", {"message": "Hi"}).status_code == 303
    assert sent_from_the_console(resident.hears()) == [{"text": "Hi", "staff_name": name}]


def test_a_second_member_of_staff_cannot_take_or_reply_in_a_taken_conversation(
    resident: Resident, signed_in: ConsoleClient, cases: CaseStore
) -> None:
    handoff = asks_for_a_person(resident, cases)
    assert handoff.id is not None and cases.pick_up_handoff(handoff.id, "someone.else")
    signed_in.get(f"/console/live/{handoff.id}")
    assert "Take this conversation" not in signed_in.page
    assert "Taken by someone.else" in signed_in.page
    taken = signed_in.post(f"/console/live/{handoff.id}/take", {})
    assert taken.status_code == 409 and "Someone else has already taken this" in taken.text
    refused = signed_in.post(f"/console/live/{handoff.id}/reply", {"message": "me too"})
    assert refused.status_code == 409
    assert resident.hears(seconds=3) == [] and cases.live_messages(handoff.id) == []


def test_an_open_stream_ends_when_its_member_of_staff_signs_out(
    signed_in: ConsoleClient, cases: CaseStore
) -> None:
    """What residents say stops reaching a browser whose member of staff signed out."""
    now = datetime.now(timezone.utc)
    handoff = cases.record_handoff(Handoff(f"chat-{secrets.token_hex(4)}", "socketio", now, ()))
    signed_in.get("/console/live")
    url = f"{signed_in.base_url}/console/live/{handoff.id}/events"
    with requests.get(url, cookies=signed_in.cookies, stream=True, timeout=20) as stream:
        assert stream.headers["Cache-Control"] == "no-store", "the console's headers, as any page"
        assert "frame-ancestors 'none'" in stream.headers["Content-Security-Policy"]
        lines = stream.iter_lines(decode_unicode=True)
        assert next(lines) == "event: status"
        assert signed_in.post("/console/sign-out", {}).status_code == 303
        started = time.monotonic()
        for _ in lines:
            pass  # until the server ends the stream
    assert time.monotonic() - started < 15
