"""Load test: many residents talking to the assistant at once, over the REST channel.

`python -m tools.load run URL` drives one running server; `python -m tools.load bench` (`make load`)
starts each target itself, on loopback, one after the other, and drives it in the same way:

* `single`: a freshly started `make run` (one Rasa server, one action server, SQLite), first at a
  steady 10 turns per second (the latency goal), then as fast as it will go (saturation);
* `starter`: Rasa's own starter bot (`rasa init`), as fast as it will go, for comparison;
* `cluster`: `make run-cluster` (nginx, two replicas), steady and saturated like `single`, then
  steady again while one replica is killed.

Each conversation follows a script of at least six turns; most make a complaint through to its
reference. A turn is an error when the HTTP call fails or the reply is not the one that turn
expects (so replies out of order, or from another conversation, count). With the case store's
URL, each complaint conversation must have exactly one case, with the reference it was given,
and no other conversation any. Loopback only; bounded in conversations and time.
"""

from __future__ import annotations

import argparse
import asyncio
import importlib.metadata
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from datetime import datetime, timezone
from functools import partial
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import aiohttp

from bot.casestore.engine import make_engine
from bot.casestore.unit_of_work import UnitOfWork
from bot.settings import PROJECT_ROOT
from tools.cluster import running_cluster
from tools.localservers import LOOPBACK, answers, free_port, running_process, wait_until

REFERENCE = re.compile(r"CMP-\d{4}-\d{6}")
TURN_TIMEOUT_SECONDS = 120
MAX_CONVERSATIONS = 2000
LATENCY_GOAL_MS = 250
GOAL_RATE = 10.0
# Saturation keeps this many turns waiting at once: enough to keep the server busy. With all 200
# at once, the single server's calls to its action server failed in a burst ("Cannot write to
# closing transport"; Sanic's listen backlog is 100) and those turns got no reply: an overload
# failure, not a throughput.
SATURATION_IN_FLIGHT = 20


@dataclass(frozen=True)
class Turn:
    message: str
    expect: str  # text the reply must contain: it answers this turn and no other


@dataclass(frozen=True)
class Script:
    name: str
    turns: tuple[Turn, ...]
    makes_complaint: bool = False


# Names the assistant reads as names. Some others ("Grace Evans", "Mohammed Murphy") it takes
# as asking for a person, a fault of its own that this measure of load should not hide behind.
FIRST_NAMES = ("Alex", "Sam", "Priya", "Ellen", "Dylan")
SURNAMES = ("Smith", "Okafor", "Wojcik", "Khan")
# None says it is still going on, so every script is asked the same questions.
COMPLAINTS = (
    "the repairs man never turned up to fix the mould in my bathroom",
    "nobody came out to fix the mould in my sons bedroom like they promised, fed up",
    "the damp in my bathroom was meant to be fixed last month and nobody came",
)


def complaint(number: int) -> Script:
    """A resident's complaint from dissatisfaction to reference (11 turns). The read-back must
    show the name and email this conversation gave."""
    first = FIRST_NAMES[number % len(FIRST_NAMES)]
    surname = SURNAMES[number // len(FIRST_NAMES) % len(SURNAMES)]
    name, email = f"{first} {surname}", f"{first}.{surname}@example.org".lower()
    return Script(
        "complaint",
        (
            Turn(COMPLAINTS[number % len(COMPLAINTS)], "make a formal complaint"),
            Turn("/affirm", "Is this still happening"),
            Turn("/affirm", "reported to us before"),
            Turn("/deny", "What would you like us to do"),
            Turn('/choose{"choice": "Fix the problem"}', "are you helping someone else"),
            Turn('/choose{"choice": "resident"}', "What name should we use"),
            Turn(name, "phone number or email"),
            Turn(email, "How would you like us to contact you"),
            Turn('/choose{"choice": "email"}', "easier for you to deal with us"),
            Turn("/deny", f"We will contact {name} by email ({email})"),
            Turn("/affirm", "Your complaint is logged"),
        ),
        makes_complaint=True,
    )


SERVICE_REQUEST = Script(
    "service_request",
    (
        Turn("hello", "automated assistant"),
        Turn("hi could someone come and fix my kitchen tap please", "request for our team"),
        Turn("/deny", "please call us on"),
        Turn("the tap is still dripping and nobody came, fed up", "make a formal complaint"),
        Turn("/deny", "without a formal complaint"),
        Turn("no thanks", "please call us on"),
        Turn("bye", "Goodbye"),
    ),
)
ENQUIRY = Script(
    "enquiry",
    (
        Turn("hi", "automated assistant"),
        Turn("how do i pay my rent", "Direct Debit"),
        Turn("ok thank you", "You're welcome"),
        Turn("my boiler is broken can you send someone", "request for our team"),
        Turn("no thanks", "please call us on"),
        Turn("bye", "Goodbye"),
    ),
)
# Rasa's starter bot (`rasa init`), for the saturation comparison.
STARTER = Script(
    "starter",
    (
        Turn("hello", "How are you"),
        Turn("I am sad", "Did that help you?"),
        Turn("yes", "Great, carry on!"),
        Turn("are you a bot?", "I am a bot"),
        Turn("great", "Great, carry on!"),
        Turn("bye", "Bye"),
    ),
)


def intake_mix(count: int) -> list[Script]:
    """Seven in ten make a complaint; two a service request then decline to complain; one asks
    a question."""
    shapes = [complaint] * 7 + [lambda _: SERVICE_REQUEST] * 2 + [lambda _: ENQUIRY]
    return [shapes[number % 10](number) for number in range(count)]


def starter_mix(count: int) -> list[Script]:
    return [STARTER] * count


@dataclass
class TurnRecord:
    sent_at: float  # seconds since the run started
    latency: float
    outcome: str  # ok, http, timeout, crossed (another's reply), order (not this turn's)
    served_by: str = ""  # nginx's X-Rasa-Replica header, when there is one
    unexpected: str = ""  # the start of a reply that was not the one expected


@dataclass
class Conversation:
    sender: str
    script: Script
    turns: list[TurnRecord] = field(default_factory=list)
    reference: str | None = None

    @property
    def finished(self) -> bool:
        return len(self.turns) == len(self.script.turns) and self.turns[-1].outcome == "ok"


@dataclass
class LoadRun:
    conversations: list[Conversation]
    pace: Pace
    wall_seconds: float = 0.0
    interrupted_at: float | None = None  # when the interruption (a replica killed) happened


@dataclass(frozen=True)
class Pace:
    """At most `rate` turns a second in all (None: as fast as the server answers), and at most
    `in_flight` turns waiting for a reply at any moment (None: one per conversation)."""

    rate: float | None = None
    in_flight: int | None = None


@dataclass(frozen=True)
class Interruption:
    """Something done once, in the middle of a run, after this many turns have been answered."""

    after_turns: int
    action: Callable[[], object]


class Pacer:
    """Hands out send times no closer than 1/rate apart, across all conversations."""

    def __init__(self, rate: float | None) -> None:
        self._interval = 1.0 / rate if rate else 0.0
        self._next = 0.0

    async def wait(self) -> None:
        if not self._interval:
            return
        now = time.monotonic()
        at = max(self._next, now)
        self._next = at + self._interval
        await asyncio.sleep(at - now)


def check_loopback(url: str) -> None:
    if urlsplit(url).hostname not in {"127.0.0.1", "localhost", "::1"}:
        raise SystemExit(f"load: {url} is not on loopback; this tool only talks to 127.0.0.1")


async def _say(
    session: aiohttp.ClientSession, url: str, sender: str, message: str, record: TurnRecord
) -> str | None:
    """What the assistant said back, or None (and why in the record) when the call failed."""
    try:
        async with session.post(url, json={"sender": sender, "message": message}) as response:
            record.served_by = response.headers.get("X-Rasa-Replica", "")
            if response.status != 200:
                record.outcome = "http"
                return None
            replies = await response.json()
            if any(reply.get("recipient_id") != sender for reply in replies):
                record.outcome = "crossed"  # a reply meant for another conversation
                return None
            return " ".join(str(reply.get("text", "")) for reply in replies)
    except asyncio.TimeoutError:
        record.outcome = "timeout"
    except (aiohttp.ClientError, ValueError):
        record.outcome = "http"
    return None


async def _converse(
    session: aiohttp.ClientSession,
    url: str,
    conversation: Conversation,
    pacer: Pacer,
    in_flight: asyncio.Semaphore,
    started: float,
    on_answer: Callable[[], None],
) -> None:
    """One resident: each turn waits for its reply; the first wrong reply ends the conversation."""
    for turn in conversation.script.turns:
        await pacer.wait()
        async with in_flight:
            sent = time.monotonic()
            record = TurnRecord(sent_at=sent - started, latency=0.0, outcome="ok")
            said = await _say(session, url, conversation.sender, turn.message, record)
            record.latency = time.monotonic() - sent
        conversation.turns.append(record)
        if said is not None and turn.expect not in said:
            record.outcome = "order"
            record.unexpected = f"{conversation.sender}: {turn.message!r} -> {said[:160]!r}"
        if record.outcome != "ok":
            return
        found = REFERENCE.search(said or "")
        if conversation.script.makes_complaint and found:
            conversation.reference = found.group()
        on_answer()


async def run_load(
    url: str,
    scripts: Sequence[Script],
    pace: Pace,
    label: str,
    time_limit: float = 900,
    interruption: Interruption | None = None,
) -> LoadRun:
    """All conversations at once, each waiting for its replies, at the pace given. Turns not
    sent within the time limit are left out, and their conversations count as unfinished."""
    check_loopback(url)
    webhook = f"{url.rstrip('/')}/webhooks/rest/webhook"
    stamp = datetime.now(timezone.utc).strftime("%H%M%S")
    run = LoadRun(
        [Conversation(f"load-{label}-{stamp}-{n:04d}", script) for n, script in enumerate(scripts)],
        pace,
    )
    answered = 0
    started = time.monotonic()

    def on_answer() -> None:
        nonlocal answered
        answered += 1
        if interruption and run.interrupted_at is None and answered >= interruption.after_turns:
            run.interrupted_at = time.monotonic() - started
            interruption.action()

    connector = aiohttp.TCPConnector(limit=len(scripts))
    timeout = aiohttp.ClientTimeout(total=TURN_TIMEOUT_SECONDS)
    async with aiohttp.ClientSession(connector=connector, timeout=timeout) as session:
        pacer = Pacer(pace.rate)
        gate = asyncio.Semaphore(pace.in_flight or len(scripts))
        tasks = [
            asyncio.ensure_future(_converse(session, webhook, c, pacer, gate, started, on_answer))
            for c in run.conversations
        ]
        _done, pending = await asyncio.wait(tasks, timeout=time_limit)
        for task in pending:
            task.cancel()
        await asyncio.gather(*pending, return_exceptions=True)
    run.wall_seconds = time.monotonic() - started
    return run


def percentile(values: Sequence[float], share: float) -> float:
    if not values:
        return float("nan")
    if len(values) == 1:
        return values[0]
    return statistics.quantiles(values, n=100, method="inclusive")[round(share * 100) - 1]


def summarise(run: LoadRun) -> dict[str, Any]:
    turns = [t for c in run.conversations for t in c.turns]
    latencies = [t.latency * 1000 for t in turns if t.outcome == "ok"]
    outcomes = Counter(t.outcome for t in turns)
    served = Counter(t.served_by.split(", ")[-1] for t in turns if t.served_by)
    summary: dict[str, Any] = {
        "conversations": len(run.conversations),
        "finished": sum(c.finished for c in run.conversations),
        "turns": len(turns),
        "errors": len(turns) - outcomes["ok"],
        "errors_by_kind": {k: v for k, v in outcomes.items() if k != "ok"},
        "unexpected_replies": [t.unexpected for t in turns if t.unexpected][:5],
        "p50_ms": round(percentile(latencies, 0.50), 1),
        "p95_ms": round(percentile(latencies, 0.95), 1),
        "max_ms": round(max(latencies, default=float("nan")), 1),
        "turns_per_second": round(outcomes["ok"] / run.wall_seconds, 2) if run.wall_seconds else 0,
        "target_rate": run.pace.rate,
        "in_flight_limit": run.pace.in_flight,
        "wall_seconds": round(run.wall_seconds, 1),
    }
    if served:
        summary["turns_by_replica"] = dict(served)
        summary["conversations_on_several_replicas"] = sum(
            len({t.served_by.split(", ")[-1] for t in c.turns}) > 1 for c in run.conversations
        )
        summary["turns_passed_on_by_nginx"] = sum(", " in t.served_by for t in turns)
    if run.interrupted_at is not None:
        after = [t for c in run.conversations for t in c.turns if t.sent_at > run.interrupted_at]
        summary["interrupted_at_seconds"] = round(run.interrupted_at, 1)
        summary["turns_after_interruption"] = len(after)
        summary["errors_after_interruption"] = sum(t.outcome != "ok" for t in after)
        summary["turns_by_replica_after_interruption"] = dict(
            Counter(t.served_by.split(", ")[-1] for t in after if t.served_by)
        )
    return summary


def check_cases(database_url: str, run: LoadRun) -> dict[str, Any]:
    """Every finished complaint conversation has exactly one case, the one it was told; no
    conversation has two; no other conversation has any."""
    lost, doubled, mismatched, unexpected = [], [], [], []
    engine = make_engine(database_url)
    with UnitOfWork(engine) as uow:
        for conversation in run.conversations:
            logged = uow.cases.complaints_for_conversation(conversation.sender)
            if not conversation.script.makes_complaint:
                if logged:
                    unexpected.append(conversation.sender)
            elif len(logged) > 1:
                doubled.append(conversation.sender)
            elif conversation.finished and not logged:
                lost.append(conversation.sender)
            elif conversation.finished and logged[0] != conversation.reference:
                mismatched.append(conversation.sender)
    engine.dispose()
    return {
        "complaints_expected": sum(
            c.finished and c.script.makes_complaint for c in run.conversations
        ),
        "lost": len(lost),
        "doubled": len(doubled),
        "reference_mismatch": len(mismatched),
        "cases_without_a_complaint": len(unexpected),
        "examples": (lost + doubled + mismatched + unexpected)[:5],
    }


def measure(
    url: str,
    scripts: Sequence[Script],
    pace: Pace,
    label: str,
    database_url: str | None = None,
    interruption: Interruption | None = None,
    time_limit: float = 900,
) -> dict[str, Any]:
    run = asyncio.run(run_load(url, scripts, pace, label, time_limit, interruption))
    summary = summarise(run)
    if database_url:
        summary["cases"] = check_cases(database_url, run)
    return summary


# Starting the targets.


def _cache_dir() -> Path:
    return Path(os.environ.get("INTAKE_CACHE_DIR", Path.home() / ".cache" / "intake-assistant"))


def starter_model(log: Path) -> Path:
    """Rasa's starter bot, made with `rasa init` in a scratch directory and trained there once
    per Rasa version; the trained model is kept outside the clone like our own."""
    version = importlib.metadata.version("rasa")
    cached = _cache_dir() / "starter" / f"rasa-{version}.tar.gz"
    if cached.exists():
        return cached
    print(f"load: training Rasa {version}'s starter bot once (cached in {cached.parent})")
    cached.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="rasa-starter-") as scratch, open(log, "ab") as out:
        subprocess.run(
            [
                str(PROJECT_ROOT / ".venv" / "bin" / "rasa"),
                "init",
                "--no-prompt",
                "--init-dir",
                scratch,
            ],
            cwd=scratch,
            env=_rasa_env(),
            stdout=out,
            stderr=subprocess.STDOUT,
            check=True,
        )
        [model] = (Path(scratch) / "models").glob("*.tar.gz")
        shutil.copyfile(model, cached.with_suffix(".tmp"))
        cached.with_suffix(".tmp").replace(cached)
    return cached


def _rasa_env(**extra: str) -> dict[str, str]:
    return {
        **os.environ,
        "RASA_TELEMETRY_ENABLED": "false",
        "TF_CPP_MIN_LOG_LEVEL": "3",
        "SANIC_HOST": LOOPBACK,
        **extra,
    }


@contextmanager
def running_starter(run_dir: Path) -> Iterator[str]:
    model = starter_model(run_dir / "starter-train.log")
    credentials = run_dir / "starter-credentials.yml"
    credentials.write_text("rest:\n")
    port = free_port()
    argv = [
        str(PROJECT_ROOT / ".venv" / "bin" / "rasa"),
        "run",
        "--interface",
        LOOPBACK,
        "--port",
        str(port),
        "--model",
        str(model),
        "--credentials",
        str(credentials),
    ]
    with running_process(argv, _rasa_env(), run_dir / "starter.log", cwd=run_dir) as process:
        url = f"http://{LOOPBACK}:{port}"
        wait_until(partial(answers, f"{url}/webhooks/rest/"), "starter bot", [process], 600)
        yield url


@contextmanager
def running_single(run_dir: Path) -> Iterator[tuple[str, str]]:
    """`scripts/run.sh` as `make run` starts it, on free ports and a scratch case store."""
    rasa_port, action_port = free_port(), free_port()
    database_url = f"sqlite:///{run_dir / 'single-cases.sqlite3'}"
    env = _rasa_env(
        RASA_PORT=str(rasa_port),
        ACTION_PORT=str(action_port),
        INTAKE_DATABASE_URL=database_url,
        INTAKE_TRACKER_STORE_URL=f"sqlite:///{run_dir / 'single-tracker.sqlite3'}",
        INTAKE_OUTBOX_PATH=str(run_dir / "single-outbox.sqlite3"),
    )
    argv = [str(PROJECT_ROOT / "scripts" / "run.sh")]
    with running_process(argv, env, run_dir / "single.log", cwd=PROJECT_ROOT) as process:
        url = f"http://{LOOPBACK}:{rasa_port}"
        wait_until(partial(answers, f"{url}/webhooks/rest/"), "single server", [process], 600)
        yield url, database_url


# The bench: every target in one run, one after the other, on the same machine.


@dataclass
class Phase:
    target: str
    phase: str
    summary: dict[str, Any]


def bench(
    targets: Sequence[str], conversations: int, steady: Pace, saturation: Pace, run_dir: Path
) -> list[Phase]:
    """Each target in turn: started fresh, driven, stopped, so they never share the machine.
    Their logs and databases stay in run_dir."""
    phases: list[Phase] = []

    def record(target: str, phase: str, summary: dict[str, Any]) -> None:
        summary["load_average_after"] = os.getloadavg()[0]
        phases.append(Phase(target, phase, summary))
        print(f"load: {target} {phase}: {_one_line(summary)}", flush=True)

    def our_phases(target: str, url: str, database_url: str) -> None:
        """One resident alone (the time a turn takes with no queue), then all of them at the
        goal's steady rate, then all as fast as the server answers."""
        for phase, count, pace in (
            ("alone", 1, Pace()),
            ("steady", conversations, steady),
            ("saturation", conversations, saturation),
        ):
            label = f"{target}-{phase}"
            record(target, phase, measure(url, intake_mix(count), pace, label, database_url))

    for target in targets:
        print(f"load: starting {target}", flush=True)
        if target == "single":
            with running_single(run_dir) as (url, database_url):
                our_phases(target, url, database_url)
        elif target == "starter":
            with running_starter(run_dir) as url:
                summary = measure(url, starter_mix(conversations), saturation, "starter")
                record(target, "saturation", summary)
        elif target == "cluster":
            with running_cluster(run_dir / "cluster") as cluster:
                our_phases(target, cluster.url, cluster.database_url)
                scripts = intake_mix(max(conversations // 4, 10))
                a_third = sum(len(s.turns) for s in scripts) // 3
                kill = Interruption(a_third, partial(cluster.kill_replica, 0))
                label = "cluster-failover"
                summary = measure(cluster.url, scripts, steady, label, cluster.database_url, kill)
                summary["replicas"] = {r.address: r.name for r in cluster.replicas}
                summary["killed"] = cluster.replicas[0].name
                record(target, "replica killed", summary)
        else:
            raise SystemExit(f"load: unknown target {target!r} (single, starter, cluster)")
    return phases


def _one_line(summary: dict[str, Any]) -> str:
    cases = summary.get("cases", {})
    return (
        f"{summary['turns']} turns, {summary['errors']} errors, p50 {summary['p50_ms']} ms, "
        f"p95 {summary['p95_ms']} ms, {summary['turns_per_second']} turns/s"
        + (f", cases lost {cases['lost']} doubled {cases['doubled']}" if cases else "")
    )


def table(phases: Sequence[Phase]) -> str:
    header = (
        "target",
        "phase",
        "conv",
        "turns",
        "errors",
        "lost",
        "doubled",
        "p50 ms",
        "p95 ms",
        "turns/s",
    )
    rows = [header]
    for p in phases:
        s, cases = p.summary, p.summary.get("cases", {})
        rows.append(
            (
                p.target,
                p.phase,
                str(s["conversations"]),
                str(s["turns"]),
                str(s["errors"]),
                str(cases.get("lost", "-")),
                str(cases.get("doubled", "-")),
                f"{s['p50_ms']:.0f}",
                f"{s['p95_ms']:.0f}",
                f"{s['turns_per_second']:.1f}",
            )
        )
    widths = [max(len(row[i]) for row in rows) for i in range(len(header))]
    return "\n".join(
        "  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)) for row in rows
    )


def goals(phases: Sequence[Phase]) -> list[str]:
    """The issue's goals, each with PASS or FAIL."""
    lines = []
    for p in phases:
        s = p.summary
        verdicts = [
            (
                "0 errors, every conversation finished",
                s["errors"] == 0 and s["finished"] == s["conversations"],
            ),
        ]
        if "cases" in s:
            verdicts.append(
                ("0 lost or doubled cases", s["cases"]["lost"] + s["cases"]["doubled"] == 0)
            )
        if p.phase == "steady" and s["target_rate"] == GOAL_RATE:
            verdicts.append(
                (
                    f"p95 <= {LATENCY_GOAL_MS} ms at {GOAL_RATE:g} turns/s",
                    s["p95_ms"] <= LATENCY_GOAL_MS,
                )
            )
        for goal, met in verdicts:
            lines.append(f"{'PASS' if met else 'FAIL'}  {p.target} {p.phase}: {goal}")
    return lines


def write_results(phases: Sequence[Phase], path: Path, settings: dict[str, Any]) -> None:
    path.write_text(
        json.dumps(
            {
                "machine": {"cpus": os.cpu_count(), "load_average_at_end": os.getloadavg()},
                "rasa": importlib.metadata.version("rasa"),
                "settings": settings,
                "phases": [asdict(p) for p in phases],
                "goals": goals(phases),
            },
            indent=2,
        )
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m tools.load",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    commands = parser.add_subparsers(dest="command", required=True)
    run = commands.add_parser("run", help="drive a server that is already running")
    run.add_argument("url", help="the Rasa server (or nginx), e.g. http://127.0.0.1:5005")
    run.add_argument("--database-url", help="the case store, to check cases exactly once")
    run.add_argument("--starter", action="store_true", help="talk to Rasa's starter bot")
    bench_parser = commands.add_parser("bench", help="start each target and drive it in turn")
    bench_parser.add_argument(
        "targets",
        nargs="*",
        default=["single", "starter"],
        choices=["single", "starter", "cluster"],
    )
    bench_parser.add_argument("--out", type=Path, default=PROJECT_ROOT / "var" / "load")
    for sub in (run, bench_parser):
        sub.add_argument("--conversations", type=int, default=200)
        sub.add_argument(
            "--rate",
            type=float,
            default=GOAL_RATE,
            help=f"steady turns per second in all (default {GOAL_RATE:g}); run: 0 to saturate",
        )
        sub.add_argument(
            "--in-flight",
            type=int,
            default=SATURATION_IN_FLIGHT,
            help=f"turns waiting at once when saturating (default {SATURATION_IN_FLIGHT})",
        )
    args = parser.parse_args(argv)
    if not 1 <= args.conversations <= MAX_CONVERSATIONS:
        parser.error(f"--conversations must be between 1 and {MAX_CONVERSATIONS}")
    steady, saturation = Pace(rate=args.rate or None), Pace(in_flight=args.in_flight)

    if args.command == "run":
        mix = starter_mix if args.starter else intake_mix
        pace = steady if args.rate else saturation
        summary = measure(args.url, mix(args.conversations), pace, "run", args.database_url)
        print(json.dumps(summary, indent=2))
        phase = Phase("server", "steady" if args.rate else "saturation", summary)
        return 0 if all(line.startswith("PASS") for line in goals([phase])) else 1

    stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    run_dir = args.out / stamp
    run_dir.mkdir(parents=True)
    phases = bench(args.targets, args.conversations, steady, saturation, run_dir)
    print()
    print(table(phases))
    print()
    print("\n".join(goals(phases)))
    settings = {
        "conversations": args.conversations,
        "steady": asdict(steady),
        "saturation": asdict(saturation),
        "targets": args.targets,
    }
    write_results(phases, args.out / f"results-{stamp}.json", settings)
    print(f"\nload: results in {args.out / f'results-{stamp}.json'}; logs in {run_dir}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
