"""Console accounts and sessions on real SQLite and PostgreSQL, with a clock the test moves."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
from argon2 import PasswordHasher
from sqlalchemy import select
from sqlalchemy.exc import OperationalError

from bot.casestore import tables
from bot.casestore.engine import make_engine
from bot.console.accounts import (
    FAILURE_WINDOW,
    SESSION_IDLE,
    SESSION_LIMIT,
    AccountError,
    SignInRefused,
    StaffAccounts,
)

PASSWORD = "correct horse battery staple"


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2026, 3, 2, 9, 0, tzinfo=timezone.utc)

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def accounts(database_url: str, clock: Clock) -> StaffAccounts:
    # Cheap hashing parameters keep the test quick; the service's defaults are argon2's own.
    hasher = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)
    staff = StaffAccounts(make_engine(database_url), clock, hasher)
    staff.add("Hana.Handler", PASSWORD)
    return staff


def test_passwords_and_session_tokens_are_stored_only_as_hashes(
    accounts: StaffAccounts, database_url: str
) -> None:
    session = accounts.sign_in("hana.handler", PASSWORD)
    with make_engine(database_url).connect() as connection:
        stored = " ".join(
            str(value)
            for table in (tables.staff_users, tables.staff_sessions)
            for row in connection.execute(select(table))
            for value in row
        )
    assert stored.count("$argon2id$") == 1
    assert PASSWORD not in stored and session.token not in stored


def test_a_session_ends_when_left_alone_too_long(accounts: StaffAccounts, clock: Clock) -> None:
    token = accounts.sign_in("hana.handler", PASSWORD).token
    clock.now += SESSION_IDLE - timedelta(minutes=1)
    assert accounts.session(token) is not None  # and this use keeps it alive
    clock.now += SESSION_IDLE - timedelta(minutes=1)
    assert accounts.session(token) is not None
    clock.now += SESSION_IDLE + timedelta(seconds=1)
    assert accounts.session(token) is None


def test_a_session_ends_after_a_shift_however_busy(accounts: StaffAccounts, clock: Clock) -> None:
    token = accounts.sign_in("hana.handler", PASSWORD).token
    end = clock.now + SESSION_LIMIT
    while clock.now + SESSION_IDLE / 2 < end:
        clock.now += SESSION_IDLE / 2
        assert accounts.session(token) is not None
    clock.now = end
    assert accounts.session(token) is None


def test_each_session_has_its_own_form_token(accounts: StaffAccounts) -> None:
    first = accounts.sign_in("hana.handler", PASSWORD)
    second = accounts.sign_in("hana.handler", PASSWORD)
    assert first.csrf_token != second.csrf_token
    assert first.csrf_token not in (first.token, second.token)


def test_signing_out_ends_only_that_session(accounts: StaffAccounts) -> None:
    desk, tablet = (accounts.sign_in("hana.handler", PASSWORD) for _ in range(2))
    accounts.sign_out(desk.token)
    assert accounts.session(desk.token) is None
    assert accounts.session(tablet.token) is not None


def test_failed_sign_ins_lock_the_username_for_a_while(
    accounts: StaffAccounts, clock: Clock
) -> None:
    for _ in range(5):
        with pytest.raises(SignInRefused) as refused:
            accounts.sign_in("hana.handler", "guess")
        assert not refused.value.locked
    with pytest.raises(SignInRefused) as refused:
        accounts.sign_in("hana.handler", PASSWORD)
    assert refused.value.locked
    clock.now += FAILURE_WINDOW
    assert accounts.sign_in("HANA.HANDLER ", PASSWORD).staff.username == "hana.handler"


def test_accounts_need_a_fair_username_a_long_password_and_a_known_role(
    accounts: StaffAccounts,
) -> None:
    for username, password, role in [
        ("hana.handler", PASSWORD, "handler"),
        ("x", PASSWORD, "handler"),
        ("bad name", PASSWORD, "handler"),
        ("newname", "short", "handler"),
        ("newname", PASSWORD, "admin"),
    ]:
        with pytest.raises(AccountError):
            accounts.add(username, password, role)  # type: ignore[arg-type]
    assert [m.username for m in accounts.members()] == ["hana.handler"]


def test_a_disabled_account_cannot_sign_in_and_its_sessions_end(accounts: StaffAccounts) -> None:
    token = accounts.sign_in("hana.handler", PASSWORD).token
    assert accounts.disable("hana.handler")
    assert accounts.session(token) is None
    with pytest.raises(SignInRefused):
        accounts.sign_in("hana.handler", PASSWORD)
    assert not accounts.disable("hana.handler")
    assert [m.active for m in accounts.members()] == [False]


def test_while_the_database_is_away_only_a_session_seen_alive_lately_stands(
    accounts: StaffAccounts, clock: Clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """So a handler mid-call can still save a complaint to the outbox; nobody else gets in."""
    seen = accounts.sign_in("hana.handler", PASSWORD).token
    assert accounts.session(seen) is not None
    never_used = accounts.sign_in("hana.handler", PASSWORD).token
    signed_out = accounts.sign_in("hana.handler", PASSWORD).token
    assert accounts.session(signed_out) is not None
    accounts.sign_out(signed_out)

    def away() -> None:
        raise OperationalError("SELECT 1", {}, ConnectionRefusedError("connection refused"))

    monkeypatch.setattr(accounts, "_transaction", away)
    session = accounts.session(seen)
    assert session is not None and session.staff.username == "hana.handler"
    assert accounts.session(never_used) is None
    assert accounts.session(signed_out) is None
    assert accounts.session("a made-up token") is None
    clock.now += SESSION_IDLE
    assert accounts.session(seen) is None  # no longer than a session may sit idle
