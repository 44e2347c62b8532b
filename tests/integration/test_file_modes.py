"""SQLite files hold personal data: only the account that runs the assistant may read them."""

from __future__ import annotations

import stat
from pathlib import Path

from sqlalchemy import text

from bot.casestore.engine import make_engine


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_a_new_sqlite_database_and_its_wal_are_readable_by_the_owner_only(tmp_path: Path) -> None:
    database = tmp_path / "var" / "cases.sqlite3"
    with make_engine(f"sqlite:///{database}").connect() as connection:
        connection.execute(text("CREATE TABLE t (x INTEGER)"))
        connection.execute(text("INSERT INTO t VALUES (1)"))
        connection.commit()
        # While the connection is open, so the write-ahead log is there too.
        modes = {path.name: mode(path) for path in tmp_path.glob("var/cases.sqlite3*")}
    assert modes == {"cases.sqlite3": 0o600, "cases.sqlite3-wal": 0o600, "cases.sqlite3-shm": 0o600}


def test_a_database_left_readable_by_others_is_closed_up_when_opened(tmp_path: Path) -> None:
    database = tmp_path / "old.sqlite3"
    database.touch(mode=0o644)
    database.chmod(0o644)
    make_engine(f"sqlite:///{database}").dispose()
    assert mode(database) == 0o600
