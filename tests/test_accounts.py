"""Tests of egov.accounts on SQLite and PostgreSQL: argon2id hashes, login, the same failure for an
unknown user and a wrong password, locking after five failures and unlocking fifteen minutes later."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import text

from egov.accounts import (
    LOCK_DURATION,
    MAX_FAILURES,
    Account,
    AccountError,
    LoginFailure,
    Role,
    create_account,
    disable_account,
    has_any_supervisor,
    verify_login,
)
from egov.store import Store

KEY = bytes(range(32))
PASSWORD = "mat-khau-rat-dai-2026"
NOW = datetime(2026, 3, 4, 8, 0, tzinfo=UTC)


@pytest.fixture(params=[pytest.param("sqlite"), pytest.param("postgresql", marks=pytest.mark.postgres)])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'store.sqlite3'}"
    else:
        url = str(request.getfixturevalue("fresh_postgres_url"))
    opened = Store(url, KEY)
    yield opened
    opened.close()


@pytest.fixture
def agent(store: Store) -> Account:
    return create_account(store, "CanBo.An", PASSWORD, Role.AGENT, "Trần  Văn An", actor="supervisor")


def test_login_ok(store: Store, agent: Account) -> None:
    assert agent == Account(username="canbo.an", display_name="Trần Văn An", role=Role.AGENT)
    assert verify_login(store, "canbo.an", PASSWORD, NOW) == agent
    assert verify_login(store, " CANBO.AN ", PASSWORD, NOW) == agent  # user names are not case-sensitive


def test_wrong_password_and_unknown_user_get_the_same_answer(store: Store, agent: Account) -> None:
    wrong = verify_login(store, "canbo.an", "not-the-password", NOW)
    unknown = verify_login(store, "nobody", PASSWORD, NOW)
    assert wrong is unknown is LoginFailure.UNKNOWN_OR_WRONG
    assert "không đúng" in wrong.message


def test_lock_after_five_failures_and_unlock_after_fifteen_minutes(store: Store, agent: Account) -> None:
    answers = [verify_login(store, "canbo.an", f"wrong-{n}", NOW + timedelta(seconds=n)) for n in range(5)]
    assert answers == [LoginFailure.UNKNOWN_OR_WRONG] * (MAX_FAILURES - 1) + [LoginFailure.LOCKED]
    # Locked: even the right password is refused, without being checked.
    assert verify_login(store, "canbo.an", PASSWORD, NOW + timedelta(minutes=1)) is LoginFailure.LOCKED
    just_before = NOW + timedelta(seconds=4) + LOCK_DURATION - timedelta(seconds=1)
    assert verify_login(store, "canbo.an", PASSWORD, just_before) is LoginFailure.LOCKED
    after = NOW + timedelta(seconds=4) + LOCK_DURATION
    assert verify_login(store, "canbo.an", PASSWORD, after) == agent
    assert "15 phút" in LoginFailure.LOCKED.message


def test_lock_runs_out_with_a_fresh_count(store: Store, agent: Account) -> None:
    for n in range(MAX_FAILURES):
        verify_login(store, "canbo.an", "wrong", NOW + timedelta(seconds=n))
    later = NOW + LOCK_DURATION + timedelta(minutes=1)
    # One wrong password after the lock is one failure, not a new lock.
    assert verify_login(store, "canbo.an", "wrong", later) is LoginFailure.UNKNOWN_OR_WRONG
    assert verify_login(store, "canbo.an", PASSWORD, later) == agent


def test_success_resets_the_failure_count(store: Store, agent: Account) -> None:
    for n in range(MAX_FAILURES - 1):
        verify_login(store, "canbo.an", "wrong", NOW + timedelta(seconds=n))
    assert verify_login(store, "canbo.an", PASSWORD, NOW + timedelta(seconds=10)) == agent
    for n in range(MAX_FAILURES - 1):
        assert verify_login(store, "canbo.an", "wrong", NOW + timedelta(seconds=20 + n)) is (
            LoginFailure.UNKNOWN_OR_WRONG
        )


def test_disabled_account(store: Store, agent: Account) -> None:
    disable_account(store, "canbo.an", actor="supervisor")
    assert verify_login(store, "canbo.an", PASSWORD, NOW) is LoginFailure.DISABLED
    # Without the password, a disabled account looks like any failure.
    assert verify_login(store, "canbo.an", "wrong", NOW) is LoginFailure.UNKNOWN_OR_WRONG
    disable_account(store, "canbo.an", actor="supervisor", disabled=False)
    assert verify_login(store, "canbo.an", PASSWORD, NOW) == agent


def test_password_is_kept_only_as_an_argon2id_hash(store: Store, agent: Account) -> None:
    with store.engine.connect() as conn:
        stored = conn.execute(text("SELECT password_hash FROM accounts")).scalar_one()
        everything = [
            str(v)
            for table in ("accounts", "audit_log")
            for row in conn.execute(text(f"SELECT * FROM {table}"))
            for v in row
        ]
    assert stored.startswith("$argon2id$")
    assert all(PASSWORD not in value for value in everything)


def test_every_attempt_is_audited_without_passwords(store: Store, agent: Account) -> None:
    verify_login(store, "canbo.an", PASSWORD, NOW)
    verify_login(store, "canbo.an", "wrong-secret-1", NOW)
    verify_login(store, "wrong-secret-2", "x", NOW)  # a password typed into the user name field
    trail = store.audit_trail()
    assert [(e.action, e.subject) for e in trail] == [
        ("account.created", "account:canbo.an"),
        ("login.ok", "account:canbo.an"),
        ("login.failed", "account:canbo.an"),
        ("login.failed", "account:(unknown)"),
    ]
    assert not any("secret" in f"{e.actor} {e.subject} {e.detail}" for e in trail)
    assert store.verify_audit()


def test_has_any_supervisor(store: Store) -> None:
    assert not has_any_supervisor(store)
    create_account(store, "canbo.an", PASSWORD, Role.AGENT, "An", actor="x")
    assert not has_any_supervisor(store)
    create_account(store, "quanly", PASSWORD, "supervisor", "Quản lý", actor="first-run")
    assert has_any_supervisor(store)
    disable_account(store, "quanly", actor="x")
    assert not has_any_supervisor(store)


@pytest.mark.parametrize(
    ("username", "password", "role", "field"),
    [
        ("ab", PASSWORD, Role.AGENT, "username"),
        ("có dấu", PASSWORD, Role.AGENT, "username"),
        ("canbo.binh", "short", Role.AGENT, "password"),
        ("canbo.binh", PASSWORD, "boss", "role"),
    ],
)
def test_bad_accounts_are_refused(store: Store, username: str, password: str, role: str, field: str) -> None:
    with pytest.raises(AccountError) as caught:
        create_account(store, username, password, role, "Bình", actor="x")
    assert caught.value.field == field and caught.value.message
    assert password not in str(caught.value)


def test_taken_username_is_refused(store: Store, agent: Account) -> None:
    with pytest.raises(AccountError) as caught:
        create_account(store, "CANBO.AN", PASSWORD, Role.VOLUNTEER, "Khác", actor="x")
    assert caught.value.field == "username"
