"""The database engine for a URL: SQLite (embedded default) or PostgreSQL."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, event
from sqlalchemy.engine import Engine, make_url


def owner_only(database: Path) -> None:
    """The file holds personal data: readable by the owner only (0600), however the umask is
    set. SQLite gives its -wal and -shm files the database file's mode."""
    database.parent.mkdir(parents=True, exist_ok=True)
    os.close(os.open(database, os.O_CREAT | os.O_RDWR, 0o600))
    database.chmod(0o600)


def make_engine(url: str) -> Engine:
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite":
        return create_engine(url, future=True, pool_pre_ping=True)
    if parsed.database and parsed.database != ":memory:":
        owner_only(Path(parsed.database))
    engine = create_engine(url, future=True, connect_args={"timeout": 30})

    @event.listens_for(engine, "connect")
    def _sqlite_settings(connection: Any, _record: Any) -> None:
        # WAL lets the action server write while reports read; foreign keys are off by default.
        cursor = connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.close()

    return engine
