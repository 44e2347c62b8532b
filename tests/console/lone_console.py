"""The console on its own, on a given case store, with no trained model: as a console is just
after a restart, or on another replica, before any model is loaded. A page that would parse the
caller's words answers "still starting" on it; a page that shows what is stored does not.

`python -m tests.console.lone_console PORT` serves it; `lone_console` runs it for a test."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import requests
from sanic import Sanic

from bot.console.app import console_blueprint
from bot.console.pages import PATH
from tests.conversations.servers import ROOT, _wait_until
from tools.localservers import free_port


@contextmanager
def lone_console(database_url: str, scratch: Path) -> Iterator[str]:
    """The base URL of a console of its own on that case store."""
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    env = {**os.environ, "INTAKE_DATABASE_URL": database_url,
           "INTAKE_OUTBOX_PATH": str(scratch / "outbox.sqlite3")}  # fmt: skip
    with open(scratch / "lone_console.log", "w") as log:
        process = subprocess.Popen(
            [sys.executable, "-m", "tests.console.lone_console", str(port)],
            cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
        )  # fmt: skip
        try:
            _wait_until(lambda: requests.get(f"{url}{PATH}/sign-in", timeout=2).ok,
                        "lone console", [process], 120)  # fmt: skip
            yield url
        finally:
            process.terminate()
            process.wait(timeout=30)


if __name__ == "__main__":
    app = Sanic("lone_console")
    app.blueprint(console_blueprint(), url_prefix=PATH)
    app.run(host="127.0.0.1", port=int(sys.argv[1]), access_log=False)
