"""nginx forwards only what residents, staff and the platforms use, says nothing about versions
or replicas, and gives the chat page its security headers. Checked against a stand-in replica
that answers every path, so a 404 can only come from nginx."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
import requests

from tools.cluster import nginx_config
from tools.localservers import answers, free_port, running_nginx, wait_until

FORWARDED = [
    ("POST", "/webhooks/rest/webhook"),
    ("GET", "/webhooks/rest/"),
    ("POST", "/webhooks/meta/webhook"),
    ("GET", "/webhooks/x/webhook"),
    ("GET", "/chat"),
    ("GET", "/chat/widget.js"),
    ("POST", "/chat/history"),
    ("GET", "/console/"),
    ("POST", "/console/sign-in"),
    ("GET", "/socket.io/?EIO=4&transport=polling"),
]
REFUSED = [
    ("GET", "/"),
    ("GET", "/version"),
    ("GET", "/status"),
    ("POST", "/model/parse"),
    ("GET", "/conversations/x:1/tracker"),
    ("POST", "/webhooks/callback/webhook"),
    ("GET", "/chatty"),
    ("GET", "/console-old"),
]


class EveryPath(BaseHTTPRequestHandler):
    def _answer(self) -> None:
        body = self.path.encode()
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_GET = do_POST = _answer

    def log_message(self, *_: object) -> None:
        """Quiet."""


@pytest.fixture(scope="module")
def nginx_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    replica = ThreadingHTTPServer(("127.0.0.1", free_port()), EveryPath)
    threading.Thread(target=replica.serve_forever, daemon=True).start()
    run_dir: Path = tmp_path_factory.mktemp("nginx")
    (run_dir / "nginx-tmp").mkdir()
    port, replica_port = free_port(), replica.server_address[1]
    config = nginx_config(run_dir, port, [replica_port], free_port(), [replica_port])
    with running_nginx(run_dir, config):
        url = f"http://127.0.0.1:{port}"
        wait_until(lambda: answers(f"{url}/chat"), "nginx", [], 30)
        yield url
    replica.shutdown()


@pytest.mark.parametrize(("method", "path"), FORWARDED)
def test_the_paths_people_and_platforms_use_are_forwarded(
    nginx_url: str, method: str, path: str
) -> None:
    answer = requests.request(method, f"{nginx_url}{path}", timeout=10)
    assert (answer.status_code, answer.text) == (200, path)
    assert "X-Rasa-Replica" not in answer.headers
    assert answer.headers.get("Server") == "nginx"  # no version


@pytest.mark.parametrize(("method", "path"), REFUSED)
def test_rasas_own_api_and_anything_unlisted_is_refused(
    nginx_url: str, method: str, path: str
) -> None:
    answer = requests.request(method, f"{nginx_url}{path}", timeout=10)
    assert answer.status_code == 404 and answer.text != path


def test_the_chat_page_has_its_security_headers(nginx_url: str) -> None:
    headers = requests.get(f"{nginx_url}/chat", timeout=10).headers
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "no-referrer"
    assert "frame-ancestors 'none'" in headers["Content-Security-Policy"]


def test_one_address_sending_faster_than_a_person_could_is_slowed_whatever_ids_it_uses(
    nginx_url: str,
) -> None:
    # Sent from several threads at once, so the rate does not depend on how quickly each reply
    # comes back on a loaded machine (one at a time, 120 slow replies stayed under the limit).
    def send(n: int) -> int:
        return requests.post(
            f"{nginx_url}/webhooks/rest/webhook", json={"sender": f"s-{n}"}, timeout=10
        ).status_code

    with ThreadPoolExecutor(max_workers=8) as pool:
        statuses = list(pool.map(send, range(160)))
    assert 200 in statuses and 429 in statuses
