"""Staff accounts and console sessions.

Passwords are kept only as argon2 hashes and session tokens only as SHA-256 digests, so a copy of
the database signs nobody in. Failed sign-ins are counted per username whether or not the account
exists, so the limit slows guessing without telling anyone which usernames are real.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import cached_property
from typing import Any, Literal

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import delete, func, insert, select, update
from sqlalchemy.engine import Connection, Engine, Row
from sqlalchemy.exc import DBAPIError, IntegrityError

from bot.casestore import tables
from bot.casestore.services import utc_now
from bot.console.recent import Recent

Role = Literal["handler", "officer"]
ROLES: tuple[Role, ...] = ("handler", "officer")
USERNAME = re.compile(r"^[a-z0-9][a-z0-9._-]{1,79}$")
MINIMUM_PASSWORD_LENGTH = 12
# A session lasts one shift at most, and ends after half an hour left alone.
SESSION_LIMIT = timedelta(hours=9)
SESSION_IDLE = timedelta(minutes=30)
FAILURES_ALLOWED = 5
FAILURE_WINDOW = timedelta(minutes=15)


class AccountError(ValueError):
    """An account cannot be added or changed as asked; the message says why."""


class SignInRefused(Exception):
    """The same refusal whether the username exists or not."""

    def __init__(self, locked: bool) -> None:
        self.locked = locked
        super().__init__(
            f"Too many failed sign-ins for this username. Wait {FAILURE_WINDOW.seconds // 60} "
            "minutes and try again."
            if locked
            else "The username or password is not right."
        )


@dataclass(frozen=True)
class StaffMember:
    username: str
    role: Role
    active: bool
    created_at: datetime

    @property
    def is_officer(self) -> bool:
        return self.role == "officer"


@dataclass(frozen=True)
class StaffSession:
    """A signed-in member of staff. `token` lives only in their cookie and in memory."""

    staff: StaffMember
    token: str

    @property
    def csrf_token(self) -> str:
        return csrf_token_for(self.token)


def token_digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def csrf_token_for(session_token: str) -> str:
    """Derived from the session token, so every session has its own and none is stored."""
    return hmac.new(session_token.encode(), b"console form", hashlib.sha256).hexdigest()


def same_token(given: str | None, expected: str) -> bool:
    return given is not None and hmac.compare_digest(given.encode(), expected.encode())


class StaffRepository:
    """Reads and writes of the staff tables on one connection (the caller owns the transaction)."""

    def __init__(self, connection: Connection) -> None:
        self._db = connection

    def add_user(self, username: str, password_hash: str, role: Role, at: datetime) -> None:
        self._db.execute(
            insert(tables.staff_users).values(
                username=username, password_hash=password_hash, role=role, active=True,
                created_at=at,
            )
        )  # fmt: skip

    def user(self, username: str) -> tuple[int, str, StaffMember] | None:
        """(id, password hash, member) for a username."""
        row = self._db.execute(
            select(tables.staff_users).where(tables.staff_users.c.username == username)
        ).first()
        return None if row is None else (row.id, row.password_hash, _member(row))

    def users(self) -> list[StaffMember]:
        rows = self._db.execute(select(tables.staff_users).order_by(tables.staff_users.c.username))
        return [_member(row) for row in rows]

    def set_password_hash(self, user_id: int, password_hash: str) -> None:
        self._db.execute(
            update(tables.staff_users)
            .where(tables.staff_users.c.id == user_id)
            .values(password_hash=password_hash)
        )

    def disable(self, username: str, at: datetime) -> int | None:
        """Disable an active account; its id, or None if there was no such active account."""
        users = tables.staff_users
        row = self._db.execute(
            select(users.c.id).where(users.c.username == username, users.c.active.is_(True))
        ).first()
        if row is None:
            return None
        self._db.execute(
            update(users).where(users.c.id == row.id).values(active=False, disabled_at=at)
        )
        return int(row.id)

    def add_session(self, staff_id: int, digest: str, at: datetime) -> None:
        self._db.execute(
            insert(tables.staff_sessions).values(
                token_hash=digest, staff_id=staff_id, created_at=at, last_seen_at=at,
                expires_at=at + SESSION_LIMIT,
            )
        )  # fmt: skip

    def live_session(self, digest: str, now: datetime) -> tuple[int, StaffMember] | None:
        """(session id, member) for a session that has not ended, expired or been left idle,
        of an account that is still active."""
        sessions, users = tables.staff_sessions, tables.staff_users
        row = self._db.execute(
            select(sessions.c.id.label("session_id"), users)
            .join(users, users.c.id == sessions.c.staff_id)
            .where(
                sessions.c.token_hash == digest,
                sessions.c.ended_at.is_(None),
                sessions.c.expires_at > now,
                sessions.c.last_seen_at > now - SESSION_IDLE,
                users.c.active.is_(True),
            )
        ).first()
        return None if row is None else (int(row.session_id), _member(row))

    def unended_session(self, digest: str) -> StaffMember | None:
        """The member of a session nobody ended (by signing out or disabling the account), live
        or lapsed."""
        sessions, users = tables.staff_sessions, tables.staff_users
        row = self._db.execute(
            select(users)
            .join(sessions, users.c.id == sessions.c.staff_id)
            .where(
                sessions.c.token_hash == digest,
                sessions.c.ended_at.is_(None),
                users.c.active.is_(True),
            )
        ).first()
        return None if row is None else _member(row)

    def touch_session(self, session_id: int, now: datetime) -> None:
        self._db.execute(
            update(tables.staff_sessions)
            .where(tables.staff_sessions.c.id == session_id)
            .values(last_seen_at=now)
        )

    def end_session(self, digest: str, now: datetime) -> None:
        self._end_sessions(tables.staff_sessions.c.token_hash == digest, now)

    def end_sessions_of(self, staff_id: int, now: datetime) -> None:
        self._end_sessions(tables.staff_sessions.c.staff_id == staff_id, now)

    def _end_sessions(self, condition: Any, now: datetime) -> None:
        sessions = tables.staff_sessions
        self._db.execute(
            update(sessions).where(condition, sessions.c.ended_at.is_(None)).values(ended_at=now)
        )

    def add_failure(self, username: str, at: datetime) -> None:
        self._db.execute(insert(tables.staff_sign_in_failures).values(username=username, at=at))

    def failures_since(self, username: str, since: datetime) -> int:
        failures = tables.staff_sign_in_failures
        return int(
            self._db.execute(
                select(func.count())
                .select_from(failures)
                .where(failures.c.username == username, failures.c.at > since)
            ).scalar_one()
        )

    def clear_failures(self, username: str) -> None:
        failures = tables.staff_sign_in_failures
        self._db.execute(delete(failures).where(failures.c.username == username))


def _member(row: Row) -> StaffMember:
    return StaffMember(row.username, row.role, row.active, row.created_at)


class StaffAccounts:
    """What the `staff` command and the console ask of staff accounts and sessions."""

    def __init__(
        self,
        engine: Engine,
        clock: Callable[[], datetime] = utc_now,
        hasher: PasswordHasher | None = None,
    ) -> None:
        self._engine = engine
        self._clock = clock
        self._hasher = hasher or PasswordHasher()
        # Sessions seen alive lately, by token digest: what stands while the database is away.
        self._seen: Recent[str, StaffMember] = Recent(SESSION_IDLE, clock)

    @contextmanager
    def _transaction(self) -> Iterator[StaffRepository]:
        with self._engine.begin() as connection:
            yield StaffRepository(connection)

    @cached_property
    def _decoy_hash(self) -> str:
        """Checked against when the username is unknown, so that takes as long as a real one."""
        return self._hasher.hash(secrets.token_urlsafe(16))

    # accounts --------------------------------------------------------------------------------
    def add(self, username: str, password: str, role: Role = "handler") -> StaffMember:
        username = normalised(username)
        if not USERNAME.match(username):
            raise AccountError(
                "a username is 2 to 80 lower-case letters, digits, dots, dashes or underscores"
            )
        if len(password) < MINIMUM_PASSWORD_LENGTH:
            raise AccountError(f"a password needs at least {MINIMUM_PASSWORD_LENGTH} characters")
        if role not in ROLES:
            raise AccountError(f"a role is one of {', '.join(ROLES)}")
        now = self._clock()
        try:
            with self._transaction() as staff:
                staff.add_user(username, self._hasher.hash(password), role, now)
        except IntegrityError:
            raise AccountError(f"there is already an account called {username}") from None
        return StaffMember(username, role, True, now)

    def members(self) -> list[StaffMember]:
        with self._transaction() as staff:
            return staff.users()

    def disable(self, username: str) -> bool:
        """Disable an account and end its sessions at once; False if no active account."""
        now = self._clock()
        with self._transaction() as staff:
            staff_id = staff.disable(normalised(username), now)
            if staff_id is not None:
                staff.end_sessions_of(staff_id, now)
        return staff_id is not None

    # sessions --------------------------------------------------------------------------------
    def sign_in(self, username: str, password: str) -> StaffSession:
        username = normalised(username)[:80]
        now = self._clock()
        with self._transaction() as staff:
            if staff.failures_since(username, now - FAILURE_WINDOW) >= FAILURES_ALLOWED:
                raise SignInRefused(locked=True)
            found = staff.user(username)
        user_id, password_hash, member = found or (0, self._decoy_hash, None)
        matches = self._matches(password_hash, password)
        if member is None or not member.active or not matches:
            with self._transaction() as staff:
                staff.add_failure(username, now)
            raise SignInRefused(locked=False)
        token = secrets.token_urlsafe(32)
        with self._transaction() as staff:
            staff.clear_failures(username)
            if self._hasher.check_needs_rehash(password_hash):
                staff.set_password_hash(user_id, self._hasher.hash(password))
            staff.add_session(user_id, token_digest(token), now)
        return StaffSession(member, token)

    def _matches(self, password_hash: str, password: str) -> bool:
        try:
            return self._hasher.verify(password_hash, password)
        except (VerificationError, InvalidHashError):
            return False

    def session(self, token: str) -> StaffSession | None:
        """The live session for a cookie's token, kept alive by this use; None otherwise.

        While the database cannot be reached, a session this process saw alive within the idle
        limit still stands, so a handler in the middle of a call can save the complaint they
        typed (it waits in the outbox). Nothing else works without the database, so that is all
        such a session can do; disabling an account needs the database, and the next check once
        it is back ends a session the account no longer has."""
        now = self._clock()
        digest = token_digest(token)
        try:
            with self._transaction() as staff:
                found = staff.live_session(digest, now)
                if found is not None:
                    staff.touch_session(found[0], now)
        except DBAPIError:
            member = self._seen.recall(digest)
            return None if member is None else StaffSession(member, token)
        if found is None:
            self._seen.forget(digest)
            return None
        self._seen.remember(digest, found[1])
        return StaffSession(found[1], token)

    def lapsed_session(self, token: str) -> StaffMember | None:
        """Whose session a cookie names when it has lapsed (left idle, or past its shift) but
        was never ended: a form they sent is kept for them until they sign in again. None for
        a live session, one that was ended, or a token that names none."""
        with self._transaction() as staff:
            member = staff.unended_session(token_digest(token))
            live = staff.live_session(token_digest(token), self._clock())
        return member if live is None else None

    def sign_out(self, token: str) -> None:
        self._seen.forget(token_digest(token))
        with self._transaction() as staff:
            staff.end_session(token_digest(token), self._clock())


def normalised(username: str) -> str:
    return username.strip().lower()
