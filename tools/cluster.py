"""The scale-out layout on one machine (`make run-cluster`): nginx in front of two Rasa replicas
and two action servers, Redis as the lock store, trackers and cases in PostgreSQL.

It rehearses the production layout in docs/deploy.md with the same pieces, all on 127.0.0.1,
all started and stopped here. The databases live for one run only.
"""

from __future__ import annotations

import argparse
import os
import secrets
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator, Mapping
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from types import FrameType

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from bot.casestore import migrations
from bot.channels.live import REDIS_VARIABLE
from bot.settings import PROJECT_ROOT
from tools.localservers import (
    LOOPBACK,
    Redis,
    answers,
    create_database,
    free_port,
    running_nginx,
    running_postgres,
    running_process,
    running_redis,
    wait_until,
)

REPLICAS = 2
ACTION_SERVERS = 2
# How long a replica's claim on a conversation outlives the replica. Rasa's default is 60 s; a
# conversation caught mid-turn by a crash waits this long before the other replica takes it. It
# must stay above the slowest turn, or two messages of one conversation could overlap.
LOCK_LIFETIME_SECONDS = 20
BIN = PROJECT_ROOT / ".venv" / "bin"
PYTHON = str(BIN / "python")


@dataclass(frozen=True)
class Replica:
    name: str
    port: int
    process: subprocess.Popen

    @property
    def address(self) -> str:
        """As nginx names it in the X-Rasa-Replica header."""
        return f"{LOOPBACK}:{self.port}"


@dataclass
class Cluster:
    url: str
    database_url: str
    replicas: tuple[Replica, ...]
    # The lock store and the shared socket.io rooms (its password kept out of reprs).
    redis: Redis = field(repr=False)
    # Starts a Rasa replica on a port, stopped with the rest of the cluster.
    start_rasa: Callable[[str, int], subprocess.Popen] = field(repr=False)

    def kill_replica(self, index: int) -> Replica:
        """SIGKILL one Rasa replica, as a crash would: no chance to finish or tidy up."""
        replica = self.replicas[index]
        os.killpg(replica.process.pid, signal.SIGKILL)
        replica.process.wait()
        return replica

    def start_replica(self, index: int) -> Replica:
        """Start a killed replica again on its port (a restart after a crash); it answers once
        its model is loaded."""
        old = self.replicas[index]
        replica = Replica(old.name, old.port, self.start_rasa(old.name, old.port))
        self.replicas = (*self.replicas[:index], replica, *self.replicas[index + 1 :])
        return replica


def nginx_config(
    run_dir: Path,
    port: int,
    rasa_ports: list[int],
    actions_port: int,
    action_ports: list[int],
    load_test: bool = False,
) -> str:
    """deploy/nginx.conf.j2 for these ports. For the local cluster's load test (never in
    production) it adds the X-Rasa-Replica header the test reads, and leaves out the limit per
    client address, since every simulated resident comes from 127.0.0.1."""
    templates = Environment(
        loader=FileSystemLoader(PROJECT_ROOT / "deploy"),
        undefined=StrictUndefined,
        keep_trailing_newline=True,
        autoescape=False,  # an nginx config, not HTML
    )
    return templates.get_template("nginx.conf.j2").render(
        run_dir=run_dir,
        port=port,
        rasa_ports=rasa_ports,
        actions_port=actions_port,
        action_ports=action_ports,
        show_replica=load_test,
        limit_per_address=not load_test,
    )


def _social_credentials(run_dir: Path, env: Mapping[str, str]) -> Path:
    """The channels `make run` serves, with social channels only when their secrets are set."""
    path = run_dir / "credentials.yml"
    with open(path, "w") as out:
        subprocess.run(
            [PYTHON, "-m", "bot.channels.credentials", "credentials.yml", "credentials.social.yml"],
            cwd=PROJECT_ROOT,
            env=dict(env),
            stdout=out,
            check=True,
        )
    return path


def _rasa_command(port: int, credentials: Path, public_port: int) -> list[str]:
    return [
        *(str(BIN / "rasa"), "run", "--interface", LOOPBACK, "--port", str(port)),
        *("--model", "models", "--endpoints", "endpoints.cluster.yml"),
        *("--credentials", str(credentials), "--cors", f"http://{LOOPBACK}:{public_port}"),
    ]


@contextmanager
def running_cluster(run_dir: Path, port: int | None = None) -> Iterator[Cluster]:
    """Start everything, wait until nginx answers through both replicas, and stop it all after
    (replicas first, PostgreSQL last)."""
    run_dir.mkdir(parents=True, exist_ok=True)
    port = port or free_port()
    actions_port = free_port()
    with ExitStack() as stack:
        server_url = stack.enter_context(running_postgres())
        database_url = create_database(server_url, "intake")
        migrations.upgrade(database_url)
        redis = stack.enter_context(running_redis(run_dir))
        env = {
            **os.environ,
            "RASA_TELEMETRY_ENABLED": "false",
            "TF_CPP_MIN_LOG_LEVEL": "3",
            "SANIC_HOST": LOOPBACK,
            "INTAKE_DATABASE_URL": database_url,
            "ACTION_ENDPOINT_URL": f"http://{LOOPBACK}:{actions_port}/webhook",
            "INTAKE_ACTION_TOKEN": os.environ.get("INTAKE_ACTION_TOKEN")
            or secrets.token_urlsafe(32),
            # Every replica must recognise the web chat sessions the others issued.
            "INTAKE_SESSION_SECRET": os.environ.get("INTAKE_SESSION_SECRET")
            or secrets.token_urlsafe(32),
            "INTAKE_TRACKER_STORE_URL": create_database(server_url, "rasa"),
            # The replicas sit behind nginx, which names the client in X-Forwarded-For.
            "INTAKE_BEHIND_PROXY": "1",
            "LOCK_STORE_HOST": redis.host,
            "LOCK_STORE_PORT": str(redis.port),
            "LOCK_STORE_PASSWORD": redis.password,
            "TICKET_LOCK_LIFETIME": str(LOCK_LIFETIME_SECONDS),
            # Live chat: a staff reply on one replica reaches a resident on the other.
            REDIS_VARIABLE: f"redis://:{redis.password}@{redis.host}:{redis.port}/2",
        }
        starting: list[tuple[str, str, subprocess.Popen]] = []

        def start(name: str, argv: list[str], process_env: dict[str, str]) -> subprocess.Popen:
            log = run_dir / f"{name}.log"
            return stack.enter_context(running_process(argv, process_env, log, PROJECT_ROOT))

        action_ports = [free_port() for _ in range(ACTION_SERVERS)]
        for number, action_port in enumerate(action_ports, start=1):
            # Each action server keeps its own outbox on its own disk, with its own relay.
            outbox = {**env, "INTAKE_OUTBOX_PATH": str(run_dir / f"outbox-{number}.sqlite3")}
            argv = [PYTHON, "-m", "bot.action_server", "--actions", "actions",
                    "--port", str(action_port)]  # fmt: skip
            health = f"http://{LOOPBACK}:{action_port}/health"
            starting.append(
                (f"action server {number}", health, start(f"actions-{number}", argv, outbox))
            )
            start(
                f"outbox-relay-{number}",
                [PYTHON, "-m", "bot", "outbox", "relay", "--every", "30"],
                outbox,
            )

        rasa_ports = [free_port() for _ in range(REPLICAS)]
        config = nginx_config(run_dir, port, rasa_ports, actions_port, action_ports, load_test=True)
        (run_dir / "nginx-tmp").mkdir(exist_ok=True)
        stack.enter_context(running_nginx(run_dir, config))
        credentials = _social_credentials(run_dir, env)

        def start_rasa(name: str, rasa_port: int) -> subprocess.Popen:
            return start(name, _rasa_command(rasa_port, credentials, port), env)

        replicas = []
        for number, rasa_port in enumerate(rasa_ports, start=1):
            name = f"rasa-{number}"
            process = start_rasa(name, rasa_port)
            replicas.append(Replica(name, rasa_port, process))
            rest = f"http://{LOOPBACK}:{rasa_port}/webhooks/rest/"
            starting.append((f"Rasa replica {number}", rest, process))

        for what, url, process in starting:
            wait_until(partial(answers, url), what, [process], 600)
        url = f"http://{LOOPBACK}:{port}"
        wait_until(partial(answers, f"{url}/webhooks/rest/"), "nginx", [], 30)
        yield Cluster(url, database_url, tuple(replicas), redis, start_rasa)


def _stop_on_signal(signum: int, _frame: FrameType | None) -> None:
    raise KeyboardInterrupt(signal.Signals(signum).name)


def serve(run_dir: Path, port: int) -> int:
    """Run the cluster until Ctrl-C (or SIGTERM); say so when a replica dies and the rest carry
    on; stop when nothing is left to serve."""
    # SIGINT too: a shell that starts this in the background would otherwise have it ignored.
    for stop in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
        signal.signal(stop, _stop_on_signal)
    shutil.rmtree(run_dir, ignore_errors=True)
    print(f"cluster: starting; logs in {run_dir} (loading two models takes a minute or two)")
    try:
        with running_cluster(run_dir, port) as cluster:
            print(f"cluster: the assistant answers at {cluster.url}/webhooks/rest/webhook")
            print(
                f"cluster: try: curl -s -XPOST {cluster.url}/webhooks/rest/webhook "
                """-d '{"sender":"me","message":"hello"}'"""
            )
            print(
                f"cluster: cases: INTAKE_DATABASE_URL={cluster.database_url} "
                ".venv/bin/python -m bot cases list"
            )
            print(
                "cluster: replicas "
                + ", ".join(f"{r.name} on :{r.port}" for r in cluster.replicas)
                + "; Ctrl-C stops everything"
            )
            alive = set(cluster.replicas)
            while alive:
                time.sleep(1)
                for replica in [r for r in alive if r.process.poll() is not None]:
                    alive.discard(replica)
                    print(
                        f"cluster: {replica.name} exited ({replica.process.returncode}); "
                        f"{len(alive)} replica(s) carry on",
                        flush=True,
                    )
            print("cluster: no replica left; stopping", file=sys.stderr)
            return 1
    except KeyboardInterrupt:
        print("cluster: stopped")
        return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.cluster", description=__doc__)
    parser.add_argument(
        "--port",
        type=int,
        default=int(os.environ.get("CLUSTER_PORT", "5005")),
        help="nginx's port on 127.0.0.1 (default $CLUSTER_PORT or 5005)",
    )
    parser.add_argument(
        "--run-dir",
        type=Path,
        default=PROJECT_ROOT / "var" / "cluster",
        help="config, logs and outboxes, emptied at start (default var/cluster)",
    )
    args = parser.parse_args(argv)
    return serve(args.run_dir.resolve(), args.port)


if __name__ == "__main__":
    sys.exit(main())
