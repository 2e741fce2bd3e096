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
    change_password,
    create_account,
    disable_account,
    has_any_supervisor,
    list_accounts,
    unlock_account,
    verify_login,
)
from egov.store import Store, StoreError

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
    create_account(store, "quanly.hai", PASSWORD, "supervisor", "Quản lý hai", actor="quanly")
    disable_account(store, "quanly", actor="quanly.hai")
    assert has_any_supervisor(store)  # a disabled one does not count, the other does


def test_the_last_enabled_supervisor_cannot_be_disabled(store: Store) -> None:
    create_account(store, "quanly", PASSWORD, Role.SUPERVISOR, "Quản lý", actor="first-run")
    with pytest.raises(AccountError) as caught:
        disable_account(store, "quanly", actor="quanly")
    assert "quản lý cuối cùng" in caught.value.message
    assert verify_login(store, "quanly", PASSWORD, NOW) == Account("quanly", "Quản lý", Role.SUPERVISOR)
    create_account(store, "quanly.hai", PASSWORD, Role.SUPERVISOR, "Quản lý hai", actor="quanly")
    disable_account(store, "quanly", actor="quanly.hai")
    assert verify_login(store, "quanly", PASSWORD, NOW) is LoginFailure.DISABLED
    with pytest.raises(AccountError):
        disable_account(store, "quanly.hai", actor="quanly.hai")
    disable_account(store, "quanly", actor="quanly.hai", disabled=False)  # enabling is always allowed
    actions = [e.action for e in store.audit_trail("account:quanly")]
    # The refused attempt left the account as it was: one disabling, by quanly.hai, then enabled.
    assert actions.count("account.disabled") == 1 and actions[-1] == "account.enabled"


def test_a_supervisor_unlocks_a_locked_account_at_once(store: Store, agent: Account) -> None:
    now = datetime.now(UTC)  # the lock is judged by the store's clock when unlocking
    for n in range(MAX_FAILURES):
        verify_login(store, "canbo.an", f"wrong-{n}", now)
    assert verify_login(store, "canbo.an", PASSWORD, now) is LoginFailure.LOCKED
    locked = {info.username: info for info in list_accounts(store)}["canbo.an"]
    assert locked.locked(now) and not locked.disabled
    assert unlock_account(store, "CanBo.An", actor="quanly") is True
    assert not list_accounts(store)[0].locked(now)
    assert verify_login(store, "canbo.an", PASSWORD, now) == agent
    # Unlocked with a fresh count: four wrong passwords do not lock it again.
    for _ in range(MAX_FAILURES - 1):
        assert verify_login(store, "canbo.an", "wrong", now) is LoginFailure.UNKNOWN_OR_WRONG
    assert unlock_account(store, "canbo.an", actor="quanly") is False  # not locked: nothing audited
    unlocks = [e for e in store.audit_trail("account:canbo.an") if e.action == "account.unlocked"]
    assert [e.actor for e in unlocks] == ["quanly"]
    with pytest.raises(StoreError):
        unlock_account(store, "nobody", actor="quanly")


def test_list_accounts_shows_roles_and_states_without_hashes(store: Store, agent: Account) -> None:
    create_account(store, "tnv.binh", PASSWORD, Role.VOLUNTEER, "Vũ Bình", actor="quanly")
    create_account(store, "quanly", PASSWORD, Role.SUPERVISOR, "Quản lý", actor="first-run")
    disable_account(store, "tnv.binh", actor="quanly")
    verify_login(store, "canbo.an", PASSWORD, NOW)
    listed = list_accounts(store)
    assert [(i.username, i.role, i.disabled) for i in listed] == [
        ("quanly", Role.SUPERVISOR, False),
        ("canbo.an", Role.AGENT, False),
        ("tnv.binh", Role.VOLUNTEER, True),
    ]
    assert listed[1].last_login_at == NOW and listed[0].last_login_at is None
    assert not hasattr(listed[0], "password_hash")


def test_change_own_password(store: Store, agent: Account) -> None:
    change_password(store, "canbo.an", PASSWORD, "mat-khau-moi-2027", NOW)
    assert verify_login(store, "canbo.an", PASSWORD, NOW) is LoginFailure.UNKNOWN_OR_WRONG
    assert verify_login(store, "canbo.an", "mat-khau-moi-2027", NOW) == agent
    for new, field in (("short", "new_password"), ("mat-khau-moi-2027", "new_password")):
        with pytest.raises(AccountError) as caught:
            change_password(store, "canbo.an", "mat-khau-moi-2027", new, NOW)
        assert caught.value.field == field
    trail = store.audit_trail("account:canbo.an")
    assert "password.changed" in [e.action for e in trail]
    assert not any("mat-khau" in f"{e.actor} {e.subject} {e.detail}" for e in trail)


def test_guessing_the_current_password_locks_the_account(store: Store, agent: Account) -> None:
    # Someone at a desk left signed in cannot guess the password on the change form instead.
    for n in range(MAX_FAILURES):
        with pytest.raises(AccountError) as caught:
            change_password(store, "canbo.an", f"guess-{n}", "mat-khau-moi-2027", NOW)
        assert caught.value.field == "current_password"
    assert verify_login(store, "canbo.an", PASSWORD, NOW) is LoginFailure.LOCKED
    with pytest.raises(AccountError) as caught:
        change_password(store, "canbo.an", PASSWORD, "mat-khau-moi-2027", NOW)
    assert "tạm khóa" in caught.value.message
    assert verify_login(store, "canbo.an", PASSWORD, NOW + LOCK_DURATION) == agent


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
