"""Throwaway servers on loopback, for the tests, the local cluster and the load test.

Each one is a context manager that stops what it started. Everything listens on 127.0.0.1 only,
runs as a plain process (no system service) and keeps its files in a directory it is given or a
temporary one. PostgreSQL, Redis and nginx come from Debian packages (`make servers`).
"""

from __future__ import annotations

import glob
import os
import pwd
import secrets
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path
from urllib.request import urlopen

from redis import RedisError, StrictRedis
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

LOOPBACK = "127.0.0.1"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind((LOOPBACK, 0))
        return int(probe.getsockname()[1])


def answers(url: str) -> bool:
    """True when a GET on the URL succeeds (used to wait for a server to be ready)."""
    try:
        with urlopen(url, timeout=2) as response:
            return bool(200 <= response.status < 300)
    except OSError:
        return False


def wait_until(
    ready: Callable[[], bool], what: str, processes: Sequence[subprocess.Popen], limit: float
) -> None:
    """Poll until ready; fail at once if one of the processes has died, or after limit seconds."""
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        for process in processes:
            if process.poll() is not None:
                raise RuntimeError(f"{what}: a process exited with code {process.returncode}")
        if ready():
            return
        time.sleep(0.5)
    raise TimeoutError(f"{what} not ready after {limit:.0f}s")


def stop_process_group(process: subprocess.Popen, grace: float = 30) -> None:
    """SIGTERM the process's own group (it was started in a new session); SIGKILL what is left."""
    with suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGTERM)
    with suppress(subprocess.TimeoutExpired):
        process.wait(timeout=grace)
    with suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGKILL)
    process.wait()


@contextmanager
def running_process(
    argv: Sequence[str], env: Mapping[str, str], log: Path, cwd: Path | None = None
) -> Iterator[subprocess.Popen]:
    """A child in its own session, so that Ctrl-C reaches only whoever started it, which then
    stops the children in order; its output goes to `log`."""
    with open(log, "ab") as output:
        process = subprocess.Popen(
            list(argv),
            env=dict(env),
            cwd=cwd,
            stdout=output,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        yield process
    finally:
        stop_process_group(process)


def _pg_bin() -> Path:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    if not found:
        raise RuntimeError("PostgreSQL is not installed: run 'make servers' (scripts/servers.sh)")
    return Path(found[-1]).parent


@contextmanager
def running_postgres() -> Iterator[str]:
    """Start a private cluster with trust auth on 127.0.0.1; yield its SQLAlchemy URL."""
    bin_dir = _pg_bin()
    base = Path(tempfile.mkdtemp(prefix="intake-pg-"))
    data = base / "data"
    as_user: list[str] = []
    if os.geteuid() == 0:  # PostgreSQL refuses to run as root
        account = pwd.getpwnam("postgres")
        os.chown(base, account.pw_uid, account.pw_gid)
        as_user = ["runuser", "-u", "postgres", "--"]
    port = free_port()

    def run(*args: str) -> None:
        subprocess.run([*as_user, *args], check=True, capture_output=True, cwd=base)

    run(str(bin_dir / "initdb"), "-D", str(data), "-U", "postgres", "--auth=trust", "-E", "UTF8")
    options = f"-p {port} -k {base} -c listen_addresses={LOOPBACK} -c fsync=off"
    run(str(bin_dir / "pg_ctl"), "-D", str(data), "-o", options, "-l", str(base / "log"),
        "-w", "start")  # fmt: skip
    try:
        yield f"postgresql+psycopg2://postgres@{LOOPBACK}:{port}/postgres"
    finally:
        run(str(bin_dir / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop")
        shutil.rmtree(base, ignore_errors=True)


def create_database(server_url: str, name: str) -> str:
    """Create an empty database on the server; return its URL."""
    engine = create_engine(server_url, isolation_level="AUTOCOMMIT", future=True)
    with engine.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    engine.dispose()
    return str(make_url(server_url).set(database=name))


@dataclass(frozen=True)
class Redis:
    host: str
    port: int
    password: str


@contextmanager
def running_redis(run_dir: Path) -> Iterator[Redis]:
    """Redis on loopback with a password made for this run and nothing saved to disk.

    The password is in a config file only its owner can read, never on a command line."""
    port = free_port()
    password = secrets.token_urlsafe(18)
    config = run_dir / "redis.conf"
    config.touch(mode=0o600)
    config.write_text(
        f"bind {LOOPBACK}\nport {port}\nprotected-mode yes\nrequirepass {password}\n"
        f'save ""\nappendonly no\ndir {run_dir}\n'
    )
    client = StrictRedis(host=LOOPBACK, port=port, password=password, socket_timeout=2)

    def pong() -> bool:
        try:
            return bool(client.ping())
        except RedisError:
            return False

    with running_process(["redis-server", str(config)], os.environ, run_dir / "redis.log") as redis:
        wait_until(pong, "Redis", [redis], 30)
        client.close()
        yield Redis(LOOPBACK, port, password)


@contextmanager
def running_nginx(run_dir: Path, config_text: str) -> Iterator[subprocess.Popen]:
    """nginx in the foreground with its config, pid, logs and temporary files in run_dir."""
    config = run_dir / "nginx.conf"
    config.write_text(config_text)
    nginx = shutil.which("nginx") or "/usr/sbin/nginx"
    argv = [nginx, "-p", str(run_dir), "-c", str(config), "-e", str(run_dir / "nginx-error.log")]
    check = subprocess.run([*argv, "-t"], capture_output=True, text=True)
    if check.returncode != 0:
        raise RuntimeError(f"nginx rejected {config}: {check.stderr.strip()}")
    with running_process(argv, os.environ, run_dir / "nginx.log") as process:
        yield process
