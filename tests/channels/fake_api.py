"""A fake Graph API and X API on a free loopback port that records every request it gets.

The channels send replies here instead of to Meta or X: the tests then read what a resident
would have been sent.
"""

from __future__ import annotations

import json
import re
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

GRAPH_SEND = re.compile(r"^/v[\d.]+/me/messages$")
X_SEND = re.compile(r"^/2/dm_conversations/with/(?P<participant>[^/]+)/messages$")


@dataclass(frozen=True)
class Recorded:
    method: str
    path: str
    headers: dict[str, str]
    body: Any


def recipient(request: Recorded) -> str | None:
    if GRAPH_SEND.match(request.path):
        return str(request.body["recipient"]["id"])
    if match := X_SEND.match(request.path):
        return match["participant"]
    return None


class FakeApi:
    def __init__(self) -> None:
        self.requests: list[Recorded] = []
        self._lock = threading.Lock()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())

    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host!s}:{port}"

    def record(self, request: Recorded) -> None:
        with self._lock:
            self.requests.append(request)

    def sent_to(self, user_id: str) -> list[Recorded]:
        """Every reply sent to one Messenger, Instagram or X user, in order."""
        with self._lock:
            return [r for r in self.requests if recipient(r) == user_id]

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        api = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length", 0))
                body = json.loads(self.rfile.read(length) or b"null")
                path = self.path.split("?", 1)[0]
                api.record(Recorded("POST", path, dict(self.headers.items()), body))
                if GRAPH_SEND.match(path):
                    self._answer(200, {"recipient_id": body["recipient"]["id"], "message_id": "m1"})
                elif X_SEND.match(path):
                    self._answer(201, {"data": {"dm_conversation_id": "c1", "dm_event_id": "e1"}})
                else:
                    self._answer(404, {"error": "no such endpoint in the fake API"})

            def _answer(self, status: int, payload: dict[str, Any]) -> None:
                data = json.dumps(payload).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, format: str, *args: Any) -> None:
                """Quiet: the tests read the record instead."""

        return Handler

    @contextmanager
    def serving(self) -> Iterator[FakeApi]:
        thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        thread.start()
        try:
            yield self
        finally:
            self._server.shutdown()
            self._server.server_close()
            thread.join(timeout=5)
