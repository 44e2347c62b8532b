"""Live chat on `make run-cluster` (nginx, two Rasa replicas, Redis, PostgreSQL on loopback):
the console's open pages read the case store only when live chat changes; a staff message reaches
the resident only once it is in the stored conversation, so a widget catching up after a lost
connection never misses one; and a replica that crashes and restarts in the middle of a live chat
loses nothing the resident or staff said."""

from __future__ import annotations

import asyncio
import json
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest
import requests
from playwright.sync_api import Browser, Page, expect
from rasa.utils.endpoints import EndpointConfig
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from bot.casestore.domain import Handoff
from bot.casestore.engine import make_engine
from bot.casestore.services import CaseStore, utc_now
from bot.lock_store import RedisLockStore
from bot.policy import Policy
from bot.web.transcript import TALK_TO_A_PERSON
from tests.browser.test_widget import button, conversation, say
from tools.cluster import Cluster, running_cluster
from tools.live_bench import Resident, Staff
from tools.localservers import answers

pytestmark = [pytest.mark.cluster, pytest.mark.browser]

# PostgreSQL 15 reports a backend's counts within ten seconds of its last transaction.
STATS_FLUSH_SECONDS = 11
RESTART_SECONDS = 600


@pytest.fixture(scope="module")
def cluster(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Cluster]:
    with running_cluster(tmp_path_factory.mktemp("live-cluster")) as started:
        yield started


@pytest.fixture(scope="module")
def staff(cluster: Cluster) -> Staff:
    """A member of staff signed in; they post to whichever replica the test names."""
    return Staff(replica_url(cluster, 1), cluster.database_url)


def replica_url(cluster: Cluster, index: int) -> str:
    return f"http://127.0.0.1:{cluster.replicas[index].port}"


def lock_store(cluster: Cluster) -> RedisLockStore:
    """The replicas' lock store: whoever holds a conversation's lock has its tracker."""
    redis = cluster.redis
    return RedisLockStore(EndpointConfig(url=redis.host, port=redis.port, db=1,
                                         password=redis.password, key_prefix="intake"))  # fmt: skip


def transactions(database_url: str) -> int:
    """Transactions PostgreSQL has counted in the case store's database (read from another)."""
    url = make_url(database_url)
    engine = create_engine(url.set(database="postgres"), future=True)
    with engine.connect() as db:
        db.execute(text("SELECT pg_stat_clear_snapshot()"))
        count = db.execute(
            text("SELECT xact_commit + xact_rollback FROM pg_stat_database WHERE datname = :d"),
            {"d": url.database},
        ).scalar_one()
    engine.dispose()
    return int(count)


class EventStream:
    """A console events stream read in the background, as a browser's EventSource would."""

    def __init__(self, url: str, staff: Staff) -> None:
        self.events: list[tuple[str, Any]] = []
        self.response = requests.get(url, cookies=staff.cookies, stream=True, timeout=120)
        assert self.response.headers["content-type"].startswith("text/event-stream")
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        event = ""
        try:
            for line in self.response.iter_lines(decode_unicode=True):
                if line.startswith("event: "):
                    event = line.removeprefix("event: ")
                elif line.startswith("data: "):
                    self.events.append((event, json.loads(line.removeprefix("data: "))))
        except requests.RequestException:
            return

    def close(self) -> None:
        self.response.close()


def eventually(look: Any, what: str, seconds: float = 30) -> Any:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if found := look():
            return found
        time.sleep(0.1)
    raise AssertionError(f"never: {what}")


def test_an_idle_console_costs_no_queries_and_a_change_on_the_other_replica_still_shows(
    cluster: Cluster, staff: Staff, policy: Policy
) -> None:
    cases_engine = make_engine(cluster.database_url)
    cases = CaseStore(cases_engine, policy)
    handoff = cases.record_handoff(Handoff("chat-idle-console", "socketio", utc_now(), ()))
    console = f"{replica_url(cluster, 1)}/console/live"
    streams = [EventStream(f"{console}/events", staff),
               EventStream(f"{console}/{handoff.id}/events", staff)]  # fmt: skip
    try:
        eventually(lambda: all(stream.events for stream in streams), "the first events")
        cases_engine.dispose()  # this test's own connections report their counts as they close
        time.sleep(2 * STATS_FLUSH_SECONDS)  # what the replicas did on starting, reported too
        before = transactions(cluster.database_url)
        time.sleep(STATS_FLUSH_SECONDS)
        assert transactions(cluster.database_url) - before == 0, "queries while nothing changed"

        # Taken on the other replica: the open page hears of it through Redis.
        staff.url = replica_url(cluster, 0)
        assert staff.post(f"/console/live/{handoff.id}/take").status_code == 303
        status = eventually(
            lambda: [data for event, data in streams[1].events if event == "status"][1:],
            "the take-over on the open page",
            seconds=10,
        )
        assert status[-1]["status"] == "picked_up"
    finally:
        staff.url = replica_url(cluster, 1)
        for stream in streams:
            stream.close()


def shown_by_person(page: Page) -> list[str]:
    """What staff said, as the widget shows it (after the name)."""
    said = page.locator(".ichat-message--person").all_inner_texts()
    return [text.split(":", 1)[1].strip() for text in said]


def test_a_replica_restart_in_a_live_chat_loses_nothing_and_doubles_nothing(
    cluster: Cluster, staff: Staff, chromium_browser: Browser, policy: Policy
) -> None:
    """The resident's widget on replica 1, staff on replica 2; replica 1 is killed mid-chat
    and started again. The widget reconnects by itself."""
    context = chromium_browser.new_context(locale="en-GB")
    page = context.new_page()
    page.goto(f"{replica_url(cluster, 0)}/chat")
    log = conversation(page)
    expect(log).to_contain_text("automated assistant for Sample Homes")
    button(page, "Talk to a person").click()
    session = page.evaluate(
        "() => Object.entries(sessionStorage).find(([k]) => k.endsWith(':session'))[1]"
    )
    cases = CaseStore(make_engine(cluster.database_url), policy)
    handoff = eventually(lambda: cases.open_handoff(session), "the handoff")
    say(page, "Resident before the restart")
    assert staff.post(f"/console/live/{handoff.id}/take").status_code == 303
    sent: list[str] = []

    def said_by(sender: str) -> list[str]:
        return [m.text for m in cases.live_messages(handoff.id or 0) if m.sender == sender]

    def staff_says(words: str) -> None:
        sent.append(words)
        answer = staff.post(f"/console/live/{handoff.id}/reply", message=words, sent_by="script")
        assert answer.status_code == 204, words

    for number in range(1, 4):
        staff_says(f"Before the restart, {number}")
    eventually(lambda: shown_by_person(page) == sent, "the first replies")

    # The resident writes, and replica 1 dies with their turn half done (waiting for the
    # tracker, which the test holds a moment): kept for staff, never in the tracker.
    locks = lock_store(cluster)
    ticket = locks.issue_ticket(session, 10)
    say(page, "Resident as replica 1 dies")
    eventually(lambda: len(said_by("resident")) == 2, "the message kept", 10)
    time.sleep(1)
    cluster.kill_replica(0)
    locks.cleanup(session, ticket)
    for number in range(1, 4):
        staff_says(f"While replica 1 is down, {number}")
    restarted = cluster.start_replica(0)
    staff_says("While replica 1 starts")
    eventually(lambda: answers(f"{replica_url(cluster, 0)}/webhooks/rest/"),
               "replica 1 again", RESTART_SECONDS)  # fmt: skip
    assert restarted.process.poll() is None
    # Staff keep writing while the widget reconnects and catches up, and a little after.
    reconnected = threading.Event()

    def keep_writing() -> None:
        number = 0
        while not reconnected.wait(0.2):
            number += 1
            staff_says(f"While the resident reconnects, {number}")
        for number in range(1, 11):
            staff_says(f"Just after the resident reconnected, {number}")

    writing = threading.Thread(target=keep_writing)
    writing.start()
    try:
        expect(page.locator(".ichat-status")).to_have_text("", timeout=60_000)
    finally:
        reconnected.set()
        writing.join()
    for number in range(1, 4):
        staff_says(f"After the restart, {number}")
    say(page, "Resident after the restart")

    eventually(lambda: len(shown_by_person(page)) >= len(sent), "every reply", 60)
    time.sleep(2)  # anything doubled would arrive by now
    assert shown_by_person(page) == sent, "each staff message once, in order"

    eventually(lambda: len(said_by("resident")) >= 3, "the resident's last message kept")
    assert said_by("resident") == [
        "Resident before the restart",
        "Resident as replica 1 dies",
        "Resident after the restart",
    ]
    assert said_by("staff") == sent

    page.reload()  # the stored conversation, as a reload shows it: the same, once each
    expect(log).to_contain_text("After the restart, 3")
    assert shown_by_person(page) == sent
    resident_lines = page.locator(".ichat-message--resident").all_inner_texts()
    assert sum("Resident after the restart" in line for line in resident_lines) == 1
    context.close()


async def heard_while_the_tracker_is_busy(cluster: Cluster, staff: Staff, cases: CaseStore) -> (
    tuple[list[str], list[str], list[str]]
):  # fmt: skip
    """(what the resident heard while their conversation's tracker was held, what they heard
    after, what a reloaded widget is given), for one staff reply sent meanwhile."""
    resident = Resident()
    await resident.connect(replica_url(cluster, 0))
    try:
        await resident.say(TALK_TO_A_PERSON.payload)
        handoff = await asyncio.to_thread(
            eventually, lambda: cases.open_handoff(resident.session_id), "the handoff"
        )
        taken = await asyncio.to_thread(staff.post, f"/console/live/{handoff.id}/take")
        assert taken.status_code == 303
        await asyncio.to_thread(
            eventually, lambda: resident.heard and "joined" in resident.heard[-1][1]["text"],
            "the joined notice",
        )  # fmt: skip
        # A turn of the resident's that takes a while: the tracker is theirs until it ends.
        async with lock_store(cluster).lock(resident.session_id, lock_lifetime=30):
            reply = asyncio.create_task(asyncio.to_thread(
                staff.post, f"/console/live/{handoff.id}/reply", message="Held reply",
                sent_by="script",
            ))  # fmt: skip
            await asyncio.sleep(3)
            during = [text for _, text in resident.staff_said()]
        assert (await reply).status_code == 204
        await asyncio.to_thread(eventually, resident.staff_said, "the reply")
        after = [text for _, text in resident.staff_said()]
    finally:
        await resident.client.disconnect()
    history = requests.post(f"{replica_url(cluster, 0)}/chat/history",
                            data=json.dumps({"session_id": resident.session_id}),
                            timeout=30).json()["entries"]  # fmt: skip
    return during, after, [e["text"] for e in history if e["speaker"] == "person"]


def test_a_staff_message_reaches_the_resident_only_once_it_is_in_the_stored_conversation(
    cluster: Cluster, staff: Staff, policy: Policy
) -> None:
    """Otherwise a widget that reconnects between the two, catching up from the stored
    conversation, would never show it."""
    cases = CaseStore(make_engine(cluster.database_url), policy)
    # On a thread of its own: Playwright keeps an event loop running on this one.
    with ThreadPoolExecutor(1) as thread:
        heard = thread.submit(asyncio.run, heard_while_the_tracker_is_busy(cluster, staff, cases))
        during, after, stored = heard.result()
    assert (during, after, stored) == ([], ["Held reply"], ["Held reply"])
