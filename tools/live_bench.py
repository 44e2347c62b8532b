"""Live chat bench: how long a staff reply takes to reach the resident's web chat, and whether
any is lost or shown out of order.

`python -m tools.live_bench` starts each target itself on loopback, one after the other:

* `single`: `make run` (one Rasa server, SQLite), the resident and staff on the same server;
* `cluster`: `make run-cluster` (two replicas, PostgreSQL, Redis), the resident's socket.io
  connection on replica 1 and staff's console on replica 2, so every reply crosses replicas
  through the Redis manager.

On each, a resident connects as widget.js does and asks for a person; a member of staff signs in
to the console, takes the conversation and sends numbered replies one after another through the
console's reply form (as live.js sends them). The time for each is from just before the form is
posted to the resident's socket receiving it. The resident's messages are not timed here: staff
see them through the console's event stream, which reads the case store when live chat changes.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import itertools
import json
import secrets
import shutil
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import requests
import socketio
from pyotp import TOTP

from bot.casestore.engine import make_engine
from bot.casestore.services import CaseStore
from bot.console.accounts import StaffAccounts
from bot.console.routes.signin import SESSION_COOKIE
from bot.policy import load_policy
from bot.settings import PROJECT_ROOT, Settings
from bot.web.transcript import TALK_TO_A_PERSON
from tools.cluster import running_cluster
from tools.load import percentile, running_single

STAFF = "bench.staff"
TARGETS = ("single", "cluster")
WAIT_SECONDS = 60


@dataclass(frozen=True)
class Target:
    """Where the resident connects, where staff work, and the case store they share."""

    resident_url: str
    staff_url: str
    database_url: str


class Resident:
    """The web chat's socket.io connection; every message it hears, with when. It long-polls
    (the aiohttp here is too old for python-socketio's websocket client), as widget.js does
    where a websocket cannot be opened: a browser's websocket would be no slower."""

    def __init__(self) -> None:
        self.client = socketio.AsyncClient()
        self.heard: list[tuple[float, dict[str, Any]]] = []
        self.session_id = ""

    async def connect(self, url: str) -> None:
        confirmed = asyncio.Event()

        @self.client.on("session_confirm")
        async def _confirm(session_id: str) -> None:
            self.session_id = session_id
            confirmed.set()

        @self.client.on("bot_uttered")
        async def _heard(message: dict[str, Any]) -> None:
            self.heard.append((time.perf_counter(), message))

        await self.client.connect(url, transports=["polling"])
        await self.client.emit("session_request", {"session_id": None})
        await asyncio.wait_for(confirmed.wait(), WAIT_SECONDS)

    async def say(self, text: str) -> None:
        await self.client.emit("user_uttered", {"message": text, "session_id": self.session_id})

    def staff_said(self) -> list[tuple[float, str]]:
        return [(at, m["text"]) for at, m in self.heard if m.get("staff_name")]


class Staff:
    """A signed-in member of staff posting the console's forms (cookies kept by hand: the
    session cookie is Secure, which `requests` rightly never sends over plain http)."""

    def __init__(self, url: str, database_url: str) -> None:
        accounts = StaffAccounts(make_engine(database_url))
        password = secrets.token_urlsafe(24)
        enrolment = accounts.add(STAFF, password)
        session = accounts.sign_in(STAFF, password, TOTP(enrolment.secret).now())
        self.url = url
        self.cookies = {SESSION_COOKIE: session.token}
        self.csrf_token = session.csrf_token
        self.http = requests.Session()

    def post(self, path: str, **fields: str) -> requests.Response:
        form = {"csrf_token": self.csrf_token, **fields}
        return self.http.post(
            f"{self.url}{path}", cookies=self.cookies, data=form, allow_redirects=False, timeout=60
        )


async def eventually(look: Callable[[], Any], what: str) -> Any:
    deadline = time.monotonic() + WAIT_SECONDS
    while time.monotonic() < deadline:
        if found := look():
            return found
        await asyncio.sleep(0.05)
    raise RuntimeError(f"gave up waiting for {what}")


async def measure(target: Target, messages: int) -> dict[str, Any]:
    policy = load_policy(Settings.from_env().policy_dir)
    cases = CaseStore(make_engine(target.database_url), policy)
    resident = Resident()
    await resident.connect(target.resident_url)
    try:
        await resident.say(TALK_TO_A_PERSON.payload)
        handoff = await eventually(lambda: cases.open_handoff(resident.session_id), "handoff")
        staff = Staff(target.staff_url, target.database_url)
        taken = await asyncio.to_thread(staff.post, f"/console/live/{handoff.id}/take")
        if taken.status_code != 303:
            raise RuntimeError(f"take answered HTTP {taken.status_code}")
        await eventually(lambda: any("joined" in m["text"] for _, m in resident.heard), "notice")
        sent_at: dict[str, float] = {}
        for number in range(1, messages + 1):
            text = f"Reply number {number}"
            sent_at[text] = time.perf_counter()
            answer = await asyncio.to_thread(
                staff.post, f"/console/live/{handoff.id}/reply", message=text, sent_by="script"
            )
            if answer.status_code != 204:
                raise RuntimeError(f"reply {number} answered HTTP {answer.status_code}")
        with contextlib.suppress(RuntimeError):
            await eventually(lambda: len(resident.staff_said()) >= messages, "every reply")
    finally:
        await resident.client.disconnect()
    received = [(at, text) for at, text in resident.staff_said() if text in sent_at]
    latencies = sorted((at - sent_at[text]) * 1000 for at, text in received)
    order = [int(text.rsplit(" ", 1)[1]) for _, text in received]
    return {
        "messages": messages,
        "lost": messages - len(set(order)),
        "out_of_order": sum(1 for before, after in itertools.pairwise(order) if after < before),
        "doubled": len(order) - len(set(order)),
        "p50_ms": round(percentile(latencies, 0.50), 1),
        "p95_ms": round(percentile(latencies, 0.95), 1),
        "max_ms": round(latencies[-1], 1) if latencies else None,
    }


@contextmanager
def target(name: str, run_dir: Path) -> Iterator[Target]:
    if name == "single":
        with running_single(run_dir) as (url, database_url):
            yield Target(url, url, database_url)
        return
    with running_cluster(run_dir) as cluster:
        first, second = (f"http://127.0.0.1:{replica.port}" for replica in cluster.replicas)
        yield Target(first, second, cluster.database_url)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m tools.live_bench",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    # No `choices`: with nargs="*", Python 3.10 checks an empty list against them and refuses it.
    parser.add_argument("targets", nargs="*", metavar="single|cluster",
                        help="which to measure (default: both)")  # fmt: skip
    parser.add_argument("--messages", type=int, default=100)
    parser.add_argument("--run-dir", type=Path, default=PROJECT_ROOT / "var" / "live-bench")
    args = parser.parse_args(argv)
    if unknown := set(args.targets) - set(TARGETS):
        parser.error(f"no such target: {', '.join(sorted(unknown))}")
    results = {}
    for name in args.targets or TARGETS:
        run_dir = args.run_dir.resolve() / name
        shutil.rmtree(run_dir, ignore_errors=True)
        run_dir.mkdir(parents=True)
        print(f"live-bench: starting {name} (logs in {run_dir})", flush=True)
        with target(name, run_dir) as where:
            results[name] = asyncio.run(measure(where, args.messages))
        print(f"live-bench: {name}: {json.dumps(results[name])}", flush=True)
    (args.run_dir / "results.json").write_text(json.dumps(results, indent=2) + "\n")
    lost = sum(result["lost"] + result["out_of_order"] for result in results.values())
    return 0 if lost == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
