from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.conversations.servers import Servers, running_servers


@pytest.fixture(scope="session")
def servers(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Servers]:
    """One Rasa server and one action server for the whole run, on a scratch case store."""
    scratch = tmp_path_factory.mktemp("servers")
    with running_servers(
        {"INTAKE_DATABASE_URL": f"sqlite:///{scratch / 'cases.sqlite3'}"}, scratch
    ) as running:
        yield running
