"""Console accounts and sessions on real SQLite and PostgreSQL, with a clock the test moves."""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timedelta, timezone
from typing import Literal

import pytest
from argon2 import PasswordHasher
from pyotp import TOTP
from sqlalchemy import select
from sqlalchemy.exc import OperationalError

from bot.casestore import tables
from bot.casestore.engine import make_engine
from bot.console.accounts import (
    BACK_OFF_FIRST,
    ENROLMENT_LIMIT,
    FAILURES_ALLOWED,
    FAILURES_ALLOWED_PER_ADDRESS,
    SESSION_IDLE,
    SESSION_LIMIT,
    AccountError,
    SignInRefused,
    StaffAccounts,
    StaffSession,
)

PASSWORD = "correct horse battery staple"
CODE_STEP = timedelta(seconds=30)


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2026, 3, 2, 9, 0, tzinfo=timezone.utc)

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


class CountingHasher(PasswordHasher):
    """argon2 with cheap parameters (a quick test), counting the passwords it checks."""

    def __init__(self) -> None:
        super().__init__(time_cost=1, memory_cost=8, parallelism=1)
        self.checked = 0

    def verify(self, hash: str | bytes, password: str | bytes) -> Literal[True]:
        self.checked += 1
        return super().verify(hash, password)


@pytest.fixture
def hasher() -> CountingHasher:
    return CountingHasher()


@pytest.fixture
def accounts(database_url: str, clock: Clock, hasher: CountingHasher) -> StaffAccounts:
    return StaffAccounts(make_engine(database_url), clock, hasher)


SignIn = Callable[..., StaffSession]


@pytest.fixture
def hana(accounts: StaffAccounts, clock: Clock) -> SignIn:
    """Hana's account, and her signing in with her authenticator app's code for the moment."""
    secret = accounts.add("Hana.Handler", PASSWORD).secret

    def sign_in(
        password: str = PASSWORD, username: str = "hana.handler", **given: str
    ) -> StaffSession:
        code = given.get("code", TOTP(secret).at(clock.now))
        session = accounts.sign_in(username, password, code, given.get("address", "10.0.0.7"))
        clock.now += CODE_STEP  # each code is good once: the next sign-in has the next code
        return session

    return sign_in


def test_passwords_and_session_tokens_are_stored_only_as_hashes(
    accounts: StaffAccounts, database_url: str, hana: SignIn
) -> None:
    session = hana()
    with make_engine(database_url).connect() as connection:
        stored = " ".join(
            str(value)
            for table in (tables.staff_users, tables.staff_sessions)
            for row in connection.execute(select(table))
            for value in row
        )
    assert stored.count("$argon2id$") == 1
    assert PASSWORD not in stored and session.token not in stored


def test_a_session_ends_when_left_alone_too_long(
    accounts: StaffAccounts, clock: Clock, hana: SignIn
) -> None:
    token = hana().token
    clock.now += SESSION_IDLE - timedelta(minutes=1)
    assert accounts.session(token) is not None  # and this use keeps it alive
    clock.now += SESSION_IDLE - timedelta(minutes=1)
    assert accounts.session(token) is not None
    clock.now += SESSION_IDLE + timedelta(seconds=1)
    assert accounts.session(token) is None


def test_a_session_ends_after_a_shift_however_busy(
    accounts: StaffAccounts, clock: Clock, hana: SignIn
) -> None:
    token = hana().token
    end = clock.now + SESSION_LIMIT
    while clock.now + SESSION_IDLE / 2 < end:
        clock.now += SESSION_IDLE / 2
        assert accounts.session(token) is not None
    clock.now = end
    assert accounts.session(token) is None


def test_each_session_has_its_own_form_token(accounts: StaffAccounts, hana: SignIn) -> None:
    first = hana()
    second = hana()
    assert first.csrf_token != second.csrf_token
    assert first.csrf_token not in (first.token, second.token)


def test_signing_out_ends_only_that_session(accounts: StaffAccounts, hana: SignIn) -> None:
    desk, tablet = (hana() for _ in range(2))
    accounts.sign_out(desk.token)
    assert accounts.session(desk.token) is None
    assert accounts.session(tablet.token) is not None


def test_failed_sign_ins_slow_the_username_down_twice_as_much_each_time(
    accounts: StaffAccounts, clock: Clock, hana: SignIn
) -> None:
    for _ in range(FAILURES_ALLOWED):
        with pytest.raises(SignInRefused) as refused:
            hana("guess")
        assert refused.value.wait is None
    with pytest.raises(SignInRefused, match=r"Too many failed sign-ins\. Wait 30 seconds and"):
        hana()
    for wait in (BACK_OFF_FIRST, BACK_OFF_FIRST * 2, BACK_OFF_FIRST * 4):
        with pytest.raises(SignInRefused) as refused:
            hana()  # even the right password waits: it is not checked
        assert refused.value.wait == wait
        clock.now += wait
        with pytest.raises(SignInRefused) as refused:
            hana("guess")
        assert refused.value.wait is None, "one more try once the wait is over"
    clock.now += BACK_OFF_FIRST * 8
    assert hana(username="HANA.HANDLER ").staff.username == "hana.handler"


def test_parallel_sign_ins_never_get_more_passwords_checked_than_the_limit(
    accounts: StaffAccounts, hasher: CountingHasher, hana: SignIn
) -> None:
    def guess(number: int) -> str:
        try:
            hana(f"guess number {number}")
        except SignInRefused as refused:
            return "wait" if refused.wait else "wrong"
        return "in"

    with ThreadPoolExecutor(max_workers=10) as pool:
        answers = list(pool.map(guess, range(30)))
    assert hasher.checked <= FAILURES_ALLOWED
    assert answers.count("wrong") == hasher.checked and answers.count("in") == 0


def test_many_usernames_from_one_address_are_slowed_down_too(
    accounts: StaffAccounts, hana: SignIn
) -> None:
    for number in range(FAILURES_ALLOWED_PER_ADDRESS):
        with pytest.raises(SignInRefused) as refused:
            hana(username=f"guess.{number}", address="203.0.113.9")
        assert refused.value.wait is None
    with pytest.raises(SignInRefused) as refused:
        hana(address="203.0.113.9")
    assert refused.value.wait == BACK_OFF_FIRST
    assert hana(address="198.51.100.4").staff.username == "hana.handler", "another address"


def test_the_password_alone_is_not_enough_without_the_current_code(
    accounts: StaffAccounts, clock: Clock, hana: SignIn
) -> None:
    for code in ("", "123456", "not a code"):
        with pytest.raises(SignInRefused) as refused:
            hana(code=code)
        assert str(refused.value) == "The username, password or code is not right."
    secret = accounts.new_second_factor("hana.handler")
    assert secret is not None
    old_code = TOTP(secret.secret).at(clock.now - timedelta(minutes=5))
    with pytest.raises(SignInRefused):
        hana(code=old_code)
    assert accounts.sign_in("hana.handler", PASSWORD, TOTP(secret.secret).at(clock.now))


def test_a_code_signs_in_once_even_within_its_30_seconds_and_on_another_server(
    accounts: StaffAccounts, database_url: str, clock: Clock, hasher: CountingHasher
) -> None:
    """A code seen over a shoulder, or sent twice, does not sign in again; nor does an earlier
    one still inside the drift allowance. The step is kept in the database, so another process
    (another replica) refuses it too."""
    secret = accounts.add("rita.replay", PASSWORD).secret
    other_server = StaffAccounts(make_engine(database_url), clock, hasher)
    code = TOTP(secret).at(clock.now)
    assert accounts.sign_in("rita.replay", PASSWORD, code)
    clock.now += timedelta(seconds=5)
    for server in (accounts, other_server):
        with pytest.raises(SignInRefused) as refused:
            server.sign_in("rita.replay", PASSWORD, code)
        assert str(refused.value) == "The username, password or code is not right."
    earlier = TOTP(secret).at(clock.now - CODE_STEP)
    with pytest.raises(SignInRefused):
        other_server.sign_in("rita.replay", PASSWORD, earlier)
    assert other_server.sign_in("rita.replay", PASSWORD, TOTP(secret).at(clock.now + CODE_STEP))


def test_codes_used_at_the_same_moment_sign_in_only_once(
    accounts: StaffAccounts, clock: Clock
) -> None:
    secret = accounts.add("rita.replay", PASSWORD).secret
    code = TOTP(secret).at(clock.now)

    def sign_in(_: int) -> str:
        try:
            accounts.sign_in("rita.replay", PASSWORD, code)
        except SignInRefused:
            return "refused"
        return "in"

    with ThreadPoolExecutor(max_workers=4) as pool:
        assert sorted(pool.map(sign_in, range(4))) == ["in", "refused", "refused", "refused"]


def test_an_account_is_made_with_its_second_factor_shown_once(accounts: StaffAccounts) -> None:
    enrolment = accounts.add("kim.keys", "four unrelated words here")
    assert enrolment.provisioning_uri == (
        f"otpauth://totp/Intake%20console:kim.keys?secret={enrolment.secret}"
        "&issuer=Intake%20console"
    )
    assert enrolment.secret not in repr(enrolment)


def test_the_enrolment_link_shows_the_secret_until_the_app_gives_the_right_code(
    accounts: StaffAccounts, clock: Clock
) -> None:
    made = accounts.add("eve.enrol", PASSWORD)
    shown = accounts.enrolment(made.token)
    assert shown is not None and shown.secret == made.secret
    assert shown.member.username == "eve.enrol" and made.page.startswith("/console/enrol/")
    assert accounts.enrolment("a guessed token") is None
    assert not accounts.finish_enrolment(made.token, "123456")
    assert accounts.enrolment(made.token) is not None, "a wrong code leaves the link working"
    code = TOTP(made.secret).at(clock.now)
    assert accounts.finish_enrolment(made.token, code)
    assert accounts.enrolment(made.token) is None, "the link works once"
    assert not accounts.finish_enrolment(made.token, TOTP(made.secret).at(clock.now + CODE_STEP))
    with pytest.raises(SignInRefused):
        accounts.sign_in("eve.enrol", PASSWORD, code)  # that code is used up
    assert accounts.sign_in("eve.enrol", PASSWORD, TOTP(made.secret).at(clock.now + CODE_STEP))


def test_an_enrolment_link_lapses_after_a_day_and_a_new_second_factor_replaces_it(
    accounts: StaffAccounts, clock: Clock, database_url: str
) -> None:
    made = accounts.add("eve.enrol", PASSWORD)
    clock.now += ENROLMENT_LIMIT
    assert accounts.enrolment(made.token) is None
    again = accounts.new_second_factor("eve.enrol")
    assert again is not None and accounts.enrolment(again.token) is not None
    assert accounts.new_second_factor("eve.enrol") is not None
    assert accounts.enrolment(again.token) is None, "only the newest link works"
    with make_engine(database_url).connect() as connection:
        stored = " ".join(str(value) for value in connection.execute(select(tables.staff_users)))
    assert again.token not in stored, "only the link's digest is kept"


def test_accounts_need_a_fair_username_a_long_uncommon_password_and_a_known_role(
    accounts: StaffAccounts, hana: SignIn
) -> None:
    for username, password, role in [
        ("hana.handler", PASSWORD, "handler"),
        ("x", PASSWORD, "handler"),
        ("bad name", PASSWORD, "handler"),
        ("newname", "short", "handler"),
        ("newname", PASSWORD, "admin"),
        ("newname", "Password2024!", "handler"),
        ("newname", "qwertyuiop123", "handler"),
        ("newname", "111111111111", "handler"),
        ("newname", "manchester united", "handler"),
        ("jordan.smith", "jordan's long password", "handler"),
    ]:
        with pytest.raises(AccountError):
            accounts.add(username, password, role)  # type: ignore[arg-type]
    assert [m.username for m in accounts.members()] == ["hana.handler"]


def test_a_display_name_is_what_the_session_shows_residents_and_can_be_changed(
    accounts: StaffAccounts, hana: SignIn
) -> None:
    assert hana().staff.shown_name == "Hana", "none set: the username's first part"
    added = accounts.add("j.okafor", "four unrelated words here", display_name="  Jo   Okafor ")
    assert added.member.shown_name == "Jo Okafor"
    named = accounts.set_display_name("Hana.Handler", "Hana-Marie O'Neil")
    assert named is not None and named.shown_name == "Hana-Marie O'Neil"
    assert hana().staff.shown_name == "Hana-Marie O'Neil"
    assert accounts.set_display_name("hana.handler", "") is not None
    assert hana().staff.shown_name == "Hana"
    assert accounts.set_display_name("nobody.here", "Nobody") is None
    for unfit in ("Hana: call this number", "<b>Hana</b>", "Agent 007", "x" * 41, "-Hana"):
        with pytest.raises(AccountError):
            accounts.set_display_name("hana.handler", unfit)


def test_a_disabled_account_cannot_sign_in_and_its_sessions_end(
    accounts: StaffAccounts, hana: SignIn
) -> None:
    token = hana().token
    assert accounts.disable("hana.handler")
    assert accounts.session(token) is None
    with pytest.raises(SignInRefused):
        hana()
    assert not accounts.disable("hana.handler")
    assert [m.active for m in accounts.members()] == [False]


def test_while_the_database_is_away_only_a_session_seen_alive_lately_stands(
    accounts: StaffAccounts, clock: Clock, monkeypatch: pytest.MonkeyPatch, hana: SignIn
) -> None:
    """So a handler mid-call can still save a complaint to the outbox; nobody else gets in."""
    seen = hana().token
    assert accounts.session(seen) is not None
    never_used = hana().token
    signed_out = hana().token
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
