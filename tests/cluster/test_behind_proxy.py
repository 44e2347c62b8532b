"""Who is signing in, through the real nginx (deploy/nginx.conf.j2) on 127.0.0.1: behind it
(INTAKE_BEHIND_PROXY=1) the console counts failed sign-ins against the address nginx saw, the
last in X-Forwarded-For, whatever a client wrote there itself; a server not told it is behind a
proxy ignores the header. Clients come from other loopback addresses (127.0.0.2, ...), as people
from different places would."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from urllib.parse import urlsplit

import pytest
from sqlalchemy import select

from bot.casestore import migrations, tables
from bot.casestore.engine import make_engine
from bot.console.accounts import FAILURES_ALLOWED_PER_ADDRESS
from tests.conftest import Running
from tests.console.client import ConsoleClient
from tests.console.staff import add_staff
from tests.conversations.servers import running_servers
from tools.cluster import nginx_config
from tools.localservers import answers, free_port, running_nginx, wait_until

pytestmark = pytest.mark.server

STAFF = "pia.proxied"
TOO_MANY = "Too many failed sign-ins."
FORGED = {"X-Forwarded-For": "198.51.100.7"}


@dataclass(frozen=True)
class Proxied:
    url: str
    database_url: str
    password: str


@pytest.fixture(scope="module")
def proxied(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Proxied]:
    """A Rasa server told it is behind a proxy, with nginx in front of it."""
    scratch = tmp_path_factory.mktemp("proxied")
    database_url = f"sqlite:///{scratch / 'cases.sqlite3'}"
    migrations.upgrade(database_url)
    env = {
        "INTAKE_DATABASE_URL": database_url,
        "INTAKE_OUTBOX_PATH": str(scratch / "outbox.db"),
        "INTAKE_BEHIND_PROXY": "1",
    }
    with running_servers(env, scratch) as servers:
        run_dir = scratch / "nginx"
        (run_dir / "nginx-tmp").mkdir(parents=True)
        port, rasa_port = free_port(), urlsplit(servers.rasa_url).port
        action_port = urlsplit(servers.action_url).port
        assert rasa_port is not None and action_port is not None
        config = nginx_config(run_dir, port, [rasa_port], free_port(), [action_port])
        with running_nginx(run_dir, config):
            url = f"http://127.0.0.1:{port}"
            wait_until(lambda: answers(f"{url}/console/sign-in"), "nginx", [], 30)
            yield Proxied(url, database_url, add_staff(database_url, STAFF))


def failed_addresses(database_url: str) -> set[str]:
    attempts = tables.staff_sign_in_failures.c
    with make_engine(database_url).connect() as connection:
        return set(connection.execute(select(attempts.address)).scalars())


def guess_until_slowed(client: ConsoleClient) -> None:
    """Wrong passwords for as many made-up usernames as the limit per address allows."""
    client.get("/console/sign-in")
    for number in range(FAILURES_ALLOWED_PER_ADDRESS):
        client.post("/console/sign-in", {"username": f"guess.{number}", "password": "wrong"})
        assert TOO_MANY not in client.page, f"slowed after {number} guesses"


def test_behind_nginx_the_limit_counts_the_real_client_whatever_it_forges(
    proxied: Proxied,
) -> None:
    guesser = ConsoleClient(proxied.url, source_address="127.0.0.2", headers=FORGED)
    guess_until_slowed(guesser)
    assert guesser.sign_in(STAFF, proxied.password).status_code == 401
    assert TOO_MANY in guesser.page, "the guesser's own address is slowed down"
    assert failed_addresses(proxied.database_url) == {"127.0.0.2"}, "not the forged address"

    # Someone else, pretending to be the slowed address, is counted as who they are.
    colleague = ConsoleClient(
        proxied.url, source_address="127.0.0.3", headers={"X-Forwarded-For": "127.0.0.2"}
    )
    assert colleague.sign_in(STAFF, proxied.password).status_code == 303


def test_without_the_proxy_setting_a_forged_header_is_ignored(running: Running) -> None:
    """The suite's own server is not told it is behind a proxy: the connection's address counts."""
    client = ConsoleClient(running.servers.rasa_url, source_address="127.0.0.4", headers=FORGED)
    client.get("/console/sign-in")
    client.post("/console/sign-in", {"username": "nobody.forged", "password": "wrong"})
    assert "The username, password or code is not right." in client.page
    addresses = failed_addresses(running.database_url)
    assert "127.0.0.4" in addresses and FORGED["X-Forwarded-For"] not in addresses
