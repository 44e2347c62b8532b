"""Staff accounts and console sessions.

Passwords are kept only as argon2 hashes and session tokens only as SHA-256 digests, so a copy of
the database signs nobody in. Every account has a second factor, a time-based one-time password
(RFC 6238, `pyotp`) from an authenticator app, enrolled once when the account is made. A code
signs in once: the account keeps the time step of the last code accepted (in the database, so it
holds across processes and replicas) and refuses that code, or an earlier one, again. The person
sets up their app from the enrolment page, a one-time link valid for a day (`/console/enrol/…`),
which shows the secret as a QR code and as text.

Failed sign-ins are counted per username (whether or not the account exists, so the limit tells
nobody which usernames are real) and per client address. After a few, each further try must wait
twice as long as the last (exponential back-off) rather than the account locking for everyone.
Each try is written to the database before its password is checked, so tries racing each other,
in one process or several, never get more passwords checked than the limit allows. Passwords are
hashed at most HASHING_AT_ONCE at a time (argon2 takes 64 MiB each).
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from functools import cached_property
from pathlib import Path
from threading import BoundedSemaphore
from typing import Any, Literal

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from pyotp import TOTP, random_base32
from sqlalchemy import delete, func, insert, select, update
from sqlalchemy.engine import Connection, Engine, Row
from sqlalchemy.exc import DBAPIError, IntegrityError

from bot.casestore import tables
from bot.casestore.services import utc_now
from bot.casestore.unit_of_work import UnitOfWork
from bot.console.recent import Recent

Role = Literal["handler", "officer"]
ROLES: tuple[Role, ...] = ("handler", "officer")
USERNAME = re.compile(r"^[a-z0-9][a-z0-9._-]{1,79}$")
DISPLAY_NAME = re.compile(r"^(?=.{1,40}$)[^\W\d_]+(?:[ '.-]+[^\W\d_]+)*\.?$")
MINIMUM_PASSWORD_LENGTH = 12
# A session lasts one shift at most, and ends after half an hour left alone.
SESSION_LIMIT = timedelta(hours=9)
SESSION_IDLE = timedelta(minutes=30)
# Tries that fail before the back-off starts, per username and per address (an office's staff
# may share one address), and the back-off: 30 seconds, then twice as long each time, at most an
# hour. Failures older than a day are forgotten.
FAILURES_ALLOWED = 5
FAILURES_ALLOWED_PER_ADDRESS = 30
BACK_OFF_FIRST = timedelta(seconds=30)
BACK_OFF_LONGEST = timedelta(hours=1)
FAILURE_MEMORY = timedelta(days=1)
HASHING_AT_ONCE = 2
TOTP_ISSUER = "Intake console"
# How long the enrolment page's link works, unless the person finishes setting up sooner.
ENROLMENT_LIMIT = timedelta(days=1)
ENROLMENT_PATH = "/console/enrol/"
# Common passwords (a small bundled list): refused when an account is made.
COMMON_PASSWORDS = frozenset(
    (Path(__file__).parent / "common_passwords.txt").read_text(encoding="utf-8").split()
)


class AccountError(ValueError):
    """An account cannot be added or changed as asked; the message says why."""


class SignInRefused(Exception):
    """The same refusal whether the username exists or not; `wait` when too many tries failed."""

    def __init__(self, wait: timedelta | None = None) -> None:
        self.wait = wait
        super().__init__(
            "The username, password or code is not right."
            if wait is None
            else f"Too many failed sign-ins. Wait {_spoken(wait)} and try again."
        )


def _spoken(wait: timedelta) -> str:
    seconds = max(1, int(wait.total_seconds() + 0.999))
    if seconds < 120:
        return f"{seconds} seconds"
    return f"{(seconds + 59) // 60} minutes"


@dataclass(frozen=True)
class Enrolment:
    """A new second factor, shown once to the person it is for (`python -m bot staff`), and the
    token of the enrolment page's link."""

    member: StaffMember
    secret: str = field(repr=False)
    token: str = field(repr=False)

    @property
    def page(self) -> str:
        """The enrolment page's path on the console's address."""
        return f"{ENROLMENT_PATH}{self.token}"

    @property
    def grouped_secret(self) -> str:
        """The secret in fours, as people type it into an app by hand."""
        return " ".join(self.secret[i : i + 4] for i in range(0, len(self.secret), 4))

    @property
    def provisioning_uri(self) -> str:
        """What an authenticator app reads (typed in, or as a QR code made from it)."""
        return TOTP(self.secret).provisioning_uri(
            name=self.member.username, issuer_name=TOTP_ISSUER
        )


@dataclass(frozen=True)
class StaffMember:
    username: str
    role: Role
    active: bool
    created_at: datetime
    # What residents in a live chat call them ("Alex"); none set, the username's first part.
    display_name: str | None = None

    @property
    def is_officer(self) -> bool:
        return self.role == "officer"

    @property
    def shown_name(self) -> str:
        """A username is first name, dot, the rest ("alex.s"): without a display name set,
        residents see the first name."""
        fallback = self.username.split(".")[0].split("@")[0].capitalize()
        return self.display_name or fallback or "A member of staff"


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

    def add_user(
        self, username: str, password_hash: str, role: Role, at: datetime,
        display_name: str | None,
    ) -> int:  # fmt: skip
        query = insert(tables.staff_users).values(
            username=username, password_hash=password_hash, role=role, active=True,
            created_at=at, display_name=display_name,
        )  # fmt: skip
        return int(self._db.execute(query).inserted_primary_key[0])

    def set_display_name(self, username: str, display_name: str | None) -> bool:
        users = tables.staff_users
        changed = self._db.execute(
            update(users).where(users.c.username == username).values(display_name=display_name)
        )
        return bool(changed.rowcount)

    def user(self, username: str) -> tuple[int, str, str | None, StaffMember] | None:
        """(id, password hash, second factor's secret, member) for a username."""
        row = self._db.execute(
            select(tables.staff_users).where(tables.staff_users.c.username == username)
        ).first()
        return None if row is None else (row.id, row.password_hash, row.totp_secret, _member(row))

    def set_totp_secret(self, user_id: int, secret: str, token: str, at: datetime) -> None:
        """A new secret starts with no code used, and its enrolment page's link."""
        users = tables.staff_users
        self._db.execute(
            update(users)
            .where(users.c.id == user_id)
            .values(
                totp_secret=secret, totp_last_step=None,
                enrolment_token_hash=token_digest(token),
                enrolment_expires_at=at + ENROLMENT_LIMIT,
            )
        )  # fmt: skip

    def enrolling(self, token: str, now: datetime) -> tuple[int, str, StaffMember] | None:
        """(id, secret, member) of the active account whose enrolment link this is, while it
        works."""
        users = tables.staff_users.c
        row = self._db.execute(
            select(tables.staff_users).where(
                users.enrolment_token_hash == token_digest(token),
                users.enrolment_expires_at > now,
                users.active.is_(True),
            )
        ).first()
        return None if row is None else (row.id, row.totp_secret, _member(row))

    def end_enrolment(self, user_id: int) -> None:
        users = tables.staff_users
        self._db.execute(
            update(users)
            .where(users.c.id == user_id)
            .values(enrolment_token_hash=None, enrolment_expires_at=None)
        )

    def use_code_step(self, user_id: int, step: int) -> bool:
        """Record that the code of this time step was used, unless it or a later one already
        was: one conditional update, so two processes given the same code cannot both pass."""
        users = tables.staff_users.c
        used = self._db.execute(
            update(tables.staff_users)
            .where(
                users.id == user_id,
                (users.totp_last_step.is_(None)) | (users.totp_last_step < step),
            )
            .values(totp_last_step=step)
        )
        return bool(used.rowcount == 1)

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

    def add_attempt(self, username: str, address: str, at: datetime) -> int:
        """A sign-in try, counted as failed until it succeeds; its id."""
        attempts = tables.staff_sign_in_failures
        query = insert(attempts).values(username=username, address=address, at=at)
        return int(self._db.execute(query).inserted_primary_key[0])

    def remove_attempt(self, attempt_id: int) -> None:
        attempts = tables.staff_sign_in_failures
        self._db.execute(delete(attempts).where(attempts.c.id == attempt_id))

    def failures(self, key: Any, since: datetime, besides: int) -> tuple[int, datetime | None]:
        """How many tries matching `key` failed (or are being checked) since then, other than
        `besides`, and when the latest was."""
        attempts = tables.staff_sign_in_failures
        count, latest = self._db.execute(
            select(func.count(), func.max(attempts.c.at)).where(
                key, attempts.c.at > since, attempts.c.id != besides
            )
        ).one()
        return int(count), latest

    def forget_failures(self, username: str, before: datetime) -> None:
        """A good sign-in clears the username's failures; everyone's go after a day."""
        attempts = tables.staff_sign_in_failures
        self._db.execute(
            delete(attempts).where((attempts.c.username == username) | (attempts.c.at < before))
        )


def _member(row: Row) -> StaffMember:
    return StaffMember(row.username, row.role, row.active, row.created_at, row.display_name)


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
        self._hashing = BoundedSemaphore(HASHING_AT_ONCE)
        # Sessions seen alive lately, by token digest: what stands while the database is away.
        self._seen: Recent[str, StaffMember] = Recent(SESSION_IDLE, clock)

    @contextmanager
    def _transaction(self) -> Iterator[StaffRepository]:
        with UnitOfWork(self._engine) as uow:
            yield StaffRepository(uow.connection)
            uow.commit()

    @cached_property
    def _decoy_hash(self) -> str:
        """Checked against when the username is unknown, so that takes as long as a real one."""
        return self._hash(secrets.token_urlsafe(16))

    def _hash(self, password: str) -> str:
        with self._hashing:
            return self._hasher.hash(password)

    # accounts --------------------------------------------------------------------------------
    def add(
        self, username: str, password: str, role: Role = "handler", display_name: str = ""
    ) -> Enrolment:
        """A new account with its second factor: the secret is shown once, to be entered in
        the person's authenticator app."""
        username = normalised(username)
        shown = checked_display_name(display_name)
        if not USERNAME.match(username):
            raise AccountError(
                "a username is 2 to 80 lower-case letters, digits, dots, dashes or underscores"
            )
        if len(password) < MINIMUM_PASSWORD_LENGTH:
            raise AccountError(f"a password needs at least {MINIMUM_PASSWORD_LENGTH} characters")
        if is_common(password, username):
            raise AccountError(
                "that password is too easy to guess (it is a common one, or has the username in "
                "it): a few unrelated words make a good one"
            )
        if role not in ROLES:
            raise AccountError(f"a role is one of {', '.join(ROLES)}")
        now, secret, token = self._clock(), random_base32(), secrets.token_urlsafe(32)
        try:
            with self._transaction() as staff:
                user_id = staff.add_user(username, self._hash(password), role, now, shown)
                staff.set_totp_secret(user_id, secret, token, now)
        except IntegrityError:
            raise AccountError(f"there is already an account called {username}") from None
        return Enrolment(StaffMember(username, role, True, now, shown), secret, token)

    def set_display_name(self, username: str, display_name: str) -> StaffMember | None:
        """What residents in a live chat call this person from now on ("" for the username's
        first part); None when there is no such account."""
        shown = checked_display_name(display_name)
        with self._transaction() as staff:
            if not staff.set_display_name(normalised(username), shown):
                return None
            found = staff.user(normalised(username))
        return None if found is None else found[3]

    def new_second_factor(self, username: str) -> Enrolment | None:
        """A new secret for an active account (a lost phone), shown once; the old one stops
        working and the account's sessions end. None when there is no such active account."""
        now, secret, token = self._clock(), random_base32(), secrets.token_urlsafe(32)
        with self._transaction() as staff:
            found = staff.user(normalised(username))
            if found is None or not found[3].active:
                return None
            staff.set_totp_secret(found[0], secret, token, now)
            staff.end_sessions_of(found[0], now)
        return Enrolment(found[3], secret, token)

    def enrolment(self, token: str) -> Enrolment | None:
        """The second factor an enrolment link shows, while the link works; None otherwise."""
        with self._transaction() as staff:
            found = staff.enrolling(token, self._clock())
        return None if found is None else Enrolment(found[2], found[1], token)

    def finish_enrolment(self, token: str, code: str) -> bool:
        """The person's app showed the right code: the link stops working (and the code, like
        any, is used up). False for a wrong code or a link that no longer works."""
        now = self._clock()
        with self._transaction() as staff:
            found = staff.enrolling(token, now)
            step = None if found is None else _code_step(found[1], code, now)
            if found is None or step is None or not staff.use_code_step(found[0], step):
                return False
            staff.end_enrolment(found[0])
        return True

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
    def sign_in(self, username: str, password: str, code: str, address: str = "") -> StaffSession:
        """A session for the right password and the current code from the authenticator app.

        The try is recorded before anything is checked and counts as failed until it succeeds,
        so tries made at the same moment see each other and no more passwords are checked than
        the limits allow."""
        username, address = normalised(username)[:80], address[:64]
        now = self._clock()
        with self._transaction() as staff:
            attempt = staff.add_attempt(username, address, now)
        with self._transaction() as staff:
            since = now - FAILURE_MEMORY
            attempts = tables.staff_sign_in_failures.c
            waits = [
                _back_off(*staff.failures(key, since, attempt), allowed, now)
                for key, allowed in (
                    (attempts.username == username, FAILURES_ALLOWED),
                    (attempts.address == address, FAILURES_ALLOWED_PER_ADDRESS),
                )
            ]
            wait = max(waits)
            if wait > timedelta(0):
                staff.remove_attempt(attempt)  # nothing was checked: not a failure
            found = staff.user(username)
        if wait > timedelta(0):
            raise SignInRefused(wait)
        user_id, password_hash, secret, member = found or (0, self._decoy_hash, None, None)
        matches = self._matches(password_hash, password)
        step = _code_step(secret, code, now)
        if member is None or not member.active or not matches or step is None:
            raise SignInRefused()
        token = secrets.token_urlsafe(32)
        with self._transaction() as staff:
            if not staff.use_code_step(user_id, step):
                raise SignInRefused()  # a code already used: the try stays a failure
            staff.forget_failures(username, now - FAILURE_MEMORY)
            if self._hasher.check_needs_rehash(password_hash):
                staff.set_password_hash(user_id, self._hash(password))
            staff.add_session(user_id, token_digest(token), now)
        return StaffSession(member, token)

    def _matches(self, password_hash: str, password: str) -> bool:
        try:
            with self._hashing:
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

    def still_live(self, token: str) -> bool:
        """Whether a session is still live, without keeping it alive: a page left open that
        only listens (the live chat's event streams) does not stop it lapsing when idle."""
        with self._transaction() as staff:
            return staff.live_session(token_digest(token), self._clock()) is not None

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


def checked_display_name(display_name: str) -> str | None:
    """A name a resident reads after "A person has joined the chat:": one short line of
    letters, spaces and the punctuation of names; None (the username's first part) when empty."""
    shown = " ".join(display_name.split())
    if not shown:
        return None
    if not DISPLAY_NAME.match(shown):
        raise AccountError(
            "a display name is up to 40 letters, spaces, hyphens, apostrophes or full stops"
        )
    return shown


def _back_off(failed: int, latest: datetime | None, allowed: int, now: datetime) -> timedelta:
    """How long until the next try may be checked: none for the first `allowed` failures, then
    30 seconds after the latest, doubling with each further failure, at most an hour."""
    if failed < allowed or latest is None:
        return timedelta(0)
    step = min(BACK_OFF_FIRST * 2 ** min(failed - allowed, 16), BACK_OFF_LONGEST)
    return max(timedelta(0), _aware(latest) + step - now)


def _aware(moment: datetime) -> datetime:
    """SQLite hands back naive date-times; they were written in UTC."""
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)


def _code_step(secret: str | None, code: str, now: datetime) -> int | None:
    """The time step whose code this is: the authenticator's for now, or for the 30 seconds
    either side (clocks drift); None for any other code."""
    digits = "".join(code.split())
    if secret is None or not digits.isdigit():
        return None
    totp = TOTP(secret)
    for offset in (-1, 0, 1):
        if hmac.compare_digest(digits, totp.at(now, counter_offset=offset)):
            return totp.timecode(now) + offset
    return None


def is_common(password: str, username: str) -> bool:
    """A password from the common list (as typed, or without the digits and symbols people add
    to one), one of a few characters repeated, or one with the username in it."""
    lowered = password.lower()
    letters = "".join(character for character in lowered if character.isalpha())
    name = username.split(".")[0]
    return (
        lowered in COMMON_PASSWORDS
        or "".join(lowered.split()) in COMMON_PASSWORDS
        or letters in COMMON_PASSWORDS
        or len(set(lowered)) < 5  # "111111111111", "abababababab"
        or (len(name) >= 4 and name in lowered)
    )
