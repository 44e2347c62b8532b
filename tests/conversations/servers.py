"""Start the real Rasa server and action server on free loopback ports, once per test run."""

from __future__ import annotations

import os
import secrets
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO

import requests

from tools.localservers import free_port

ROOT = Path(__file__).resolve().parents[2]
BIN = ROOT / ".venv" / "bin"


@dataclass(frozen=True)
class Servers:
    rasa_url: str
    action_url: str
    # Where both servers write their logs (actions.log, rasa.log) and Rasa keeps conversations.
    log_dir: Path
    tracker_store_url: str
    # What the Rasa server sends the action server with each call (bot.action_server).
    action_headers: dict[str, str]

    def say(self, sender: str, message: str) -> list[dict]:
        response = requests.post(
            f"{self.rasa_url}/webhooks/rest/webhook",
            json={"sender": sender, "message": message},
            timeout=60,
        )
        response.raise_for_status()
        return list(response.json())


def _wait_until(check: object, what: str, processes: list[subprocess.Popen], limit: float) -> None:
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        for process in processes:
            if process.poll() is not None:
                raise RuntimeError(f"{what}: a server exited with code {process.returncode}")
        try:
            if check():  # type: ignore[operator]
                return
        except requests.RequestException:
            pass
        time.sleep(0.5)
    raise TimeoutError(f"{what} not ready after {limit:.0f}s")


def start_action_server(port: int, env: dict[str, str], log: IO[str]) -> subprocess.Popen:
    return subprocess.Popen(
        [str(BIN / "python"), "-m", "bot.action_server", "--actions", "actions",
         "--port", str(port)],
        cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
    )  # fmt: skip


def wait_for_action_server(url: str, process: subprocess.Popen) -> None:
    _wait_until(lambda: requests.get(f"{url}/health", timeout=2).ok, "action server",
                [process], 120)  # fmt: skip


@contextmanager
def running_servers(
    env_overrides: dict[str, str], log_dir: Path, credentials: Path = ROOT / "credentials.yml"
) -> Iterator[Servers]:
    rasa_port, action_port = free_port(), free_port()
    env = {
        **os.environ,
        "RASA_TELEMETRY_ENABLED": "false",
        "TF_CPP_MIN_LOG_LEVEL": "3",
        "SANIC_HOST": "127.0.0.1",
        "ACTION_ENDPOINT_URL": f"http://127.0.0.1:{action_port}/webhook",
        "INTAKE_TRACKER_STORE_URL": f"sqlite:///{log_dir / 'tracker.sqlite3'}",
        "INTAKE_ACTION_TOKEN": secrets.token_urlsafe(32),
        **env_overrides,
    }
    logs = [open(log_dir / name, "w") for name in ("actions.log", "rasa.log")]  # noqa: SIM115
    processes = [
        start_action_server(action_port, env, logs[0]),
        subprocess.Popen(
            [str(BIN / "rasa"), "run", "--interface", "127.0.0.1", "--port", str(rasa_port),
             "--model", "models", "--endpoints", "endpoints.yml",
             "--credentials", str(credentials)],
            cwd=ROOT, env=env, stdout=logs[1], stderr=subprocess.STDOUT,
        ),
    ]  # fmt: skip
    servers = Servers(
        f"http://127.0.0.1:{rasa_port}",
        f"http://127.0.0.1:{action_port}",
        log_dir,
        env["INTAKE_TRACKER_STORE_URL"],
        {"Authorization": f"Bearer {env['INTAKE_ACTION_TOKEN']}"},
    )
    try:
        wait_for_action_server(servers.action_url, processes[0])
        _wait_until(
            lambda: requests.get(f"{servers.rasa_url}/webhooks/rest/", timeout=2).ok,
            "Rasa server", processes, 300,
        )  # fmt: skip
        yield servers
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
        for log in logs:
            log.close()
