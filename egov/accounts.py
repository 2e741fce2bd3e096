"""Staff accounts of the agent point: who may log in, with which role, and login throttling.

Passwords are kept only as argon2id hashes. A failed login says the same thing whether the user
name is unknown or the password wrong, so the screen cannot be used to find user names; after
`MAX_FAILURES` failures in a row the account is locked for `LOCK_DURATION`. Every attempt is
audited with the user name only (never the password); attempts on unknown names are audited as
"(unknown)", because people sometimes type their password into the user name field.

A supervisor lists, creates, unlocks, disables and enables accounts (each audited with who did it);
the last enabled supervisor cannot be disabled, or nobody could manage the accounts again. Anyone
signed in may change their own password, knowing the current one.
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import lru_cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from sqlalchemy import select

from egov.store.models import AccountRow, Role
from egov.store.store import Store, StoreError
from egov.text import QT_TRANSLATE_NOOP, nfc

__all__ = [
    "LOCK_DURATION",
    "MAX_FAILURES",
    "Account",
    "AccountError",
    "AccountInfo",
    "AccountStore",
    "LoginFailure",
    "Role",
    "change_password",
    "create_account",
    "disable_account",
    "has_any_supervisor",
    "list_accounts",
    "unlock_account",
    "verify_login",
]

MAX_FAILURES = 5
LOCK_DURATION = timedelta(minutes=15)
MIN_PASSWORD_LENGTH = 8
_USERNAME = re.compile(r"[a-z0-9][a-z0-9._-]{2,31}")
_UNKNOWN = "(unknown)"

# argon2-cffi's defaults are the RFC 9106 low-memory profile of argon2id.
_hasher = PasswordHasher()

# What the account functions take: the store, whose tables include the accounts.
AccountStore = Store


class LoginFailure(enum.Enum):
    """Why a login was refused; `message` is the Vietnamese sentence for the screen."""

    UNKNOWN_OR_WRONG = "unknown_or_wrong"
    LOCKED = "locked"
    DISABLED = "disabled"

    @property
    def message(self) -> str:
        return _FAILURE_MESSAGES[self]


_FAILURE_MESSAGES = {
    LoginFailure.UNKNOWN_OR_WRONG: QT_TRANSLATE_NOOP(
        "Accounts", "Tên đăng nhập hoặc mật khẩu không đúng. Hãy thử lại."
    ),
    LoginFailure.LOCKED: QT_TRANSLATE_NOOP(
        "Accounts", "Tài khoản tạm khóa vì nhập sai mật khẩu nhiều lần. Hãy thử lại sau 15 phút."
    ),
    LoginFailure.DISABLED: QT_TRANSLATE_NOOP(
        "Accounts", "Tài khoản đã bị ngừng sử dụng. Hãy liên hệ người quản lý."
    ),
}


class AccountError(ValueError):
    """An account cannot be created as asked; `message` is the Vietnamese sentence for the screen."""

    def __init__(self, field_name: str, message: str) -> None:
        super().__init__(f"account {field_name}: invalid")  # English and without values, for logs
        self.field = field_name
        self.message = message


@dataclass(frozen=True, slots=True)
class Account:
    """A logged-in member of staff."""

    username: str
    display_name: str
    role: Role


@dataclass(frozen=True, slots=True)
class AccountInfo:
    """An account as the supervisor's list shows it: no hash, no failure count."""

    username: str
    display_name: str
    role: Role
    disabled: bool
    locked_until: datetime | None
    created_at: datetime
    last_login_at: datetime | None

    def locked(self, now: datetime) -> bool:
        """Whether logins are refused at `now` for too many wrong passwords."""
        return self.locked_until is not None and now < self.locked_until


NOT_FOUND = QT_TRANSLATE_NOOP("Accounts", "Không có tài khoản này.")
LAST_SUPERVISOR = QT_TRANSLATE_NOOP(
    "Accounts",
    "Không ngừng được tài khoản quản lý cuối cùng: sẽ không còn ai quản lý được các tài khoản.",
)
WRONG_CURRENT = QT_TRANSLATE_NOOP("Accounts", "Mật khẩu hiện tại không đúng.")
SHORT_PASSWORD = QT_TRANSLATE_NOOP("Accounts", "Mật khẩu cần ít nhất 8 ký tự.")
SAME_PASSWORD = QT_TRANSLATE_NOOP("Accounts", "Mật khẩu mới phải khác mật khẩu hiện tại.")


def _normalise_username(username: str) -> str:
    return nfc(username).strip().lower()


def _subject(username: str) -> str:
    return f"account:{username}"


@lru_cache(maxsize=1)
def _dummy_hash() -> str:
    # Checked against for unknown user names, so that they take as long as a wrong password.
    return _hasher.hash("not a password of anyone")


def create_account(
    store: Store, username: str, password: str, role: Role | str, display_name: str, actor: str
) -> Account:
    """Add an account (audited). Raises AccountError for a bad or taken user name or a short password."""
    name = _normalise_username(username)
    if not _USERNAME.fullmatch(name):
        raise AccountError(
            "username",
            QT_TRANSLATE_NOOP(
                "Accounts", "Tên đăng nhập gồm 3–32 chữ cái không dấu, chữ số, dấu chấm, gạch ngang."
            ),
        )
    if len(password) < MIN_PASSWORD_LENGTH:
        raise AccountError("password", SHORT_PASSWORD)
    try:
        chosen_role = Role(role)
    except ValueError:
        raise AccountError("role", QT_TRANSLATE_NOOP("Accounts", "Hãy chọn vai trò của tài khoản.")) from None
    shown = " ".join(nfc(display_name).split())
    if not shown:
        raise AccountError("display_name", QT_TRANSLATE_NOOP("Accounts", "Hãy nhập họ tên người dùng."))
    password_hash = _hasher.hash(password)  # slow on purpose: outside the write lock
    with store.write() as session:
        if session.scalar(select(AccountRow.id).where(AccountRow.username == name)) is not None:
            raise AccountError(
                "username", QT_TRANSLATE_NOOP("Accounts", "Tên đăng nhập này đã có. Hãy chọn tên khác.")
            )
        session.add(
            AccountRow(
                username=name,
                password_hash=password_hash,
                role=chosen_role.value,
                display_name=shown,
                disabled=False,
                failed_count=0,
                locked_until=None,
                created_at=store.now(),
                last_login_at=None,
            )
        )
        store.audit_in(
            session,
            actor=actor,
            action="account.created",
            subject=_subject(name),
            detail=f"role={chosen_role.value}",
        )
    return Account(username=name, display_name=shown, role=chosen_role)


def disable_account(store: Store, username: str, actor: str, *, disabled: bool = True) -> None:
    """Stop (or, with disabled=False, allow again) logins to an account; audited. StoreError for an
    unknown account; AccountError for the last enabled supervisor."""
    name = _normalise_username(username)
    with store.write() as session:
        row = session.scalar(select(AccountRow).where(AccountRow.username == name))
        if row is None:
            raise StoreError("account: not found")
        if disabled and not row.disabled and row.role == Role.SUPERVISOR.value:
            others = session.scalar(
                select(AccountRow.id)
                .where(
                    AccountRow.role == Role.SUPERVISOR.value,
                    AccountRow.disabled.is_(False),
                    AccountRow.id != row.id,
                )
                .limit(1)
            )
            if others is None:
                raise AccountError("username", LAST_SUPERVISOR)
        row.disabled = disabled
        store.audit_in(
            session,
            actor=actor,
            action="account.disabled" if disabled else "account.enabled",
            subject=_subject(name),
        )


def unlock_account(store: Store, username: str, actor: str) -> bool:
    """End a lock for too many wrong passwords now, with a fresh failure count (audited).
    False when the account was not locked at the store's time; StoreError for an unknown account."""
    name = _normalise_username(username)
    with store.write() as session:
        row = session.scalar(select(AccountRow).where(AccountRow.username == name))
        if row is None:
            raise StoreError("account: not found")
        was_locked = row.locked_until is not None and store.now() < row.locked_until
        row.locked_until, row.failed_count = None, 0
        if was_locked:
            store.audit_in(session, actor=actor, action="account.unlocked", subject=_subject(name))
    return was_locked


def list_accounts(store: Store) -> list[AccountInfo]:
    """Every account, supervisors first, then agents, then volunteers, each by user name."""
    order = {Role.SUPERVISOR.value: 0, Role.AGENT.value: 1, Role.VOLUNTEER.value: 2}
    with store.read() as session:
        rows = session.scalars(select(AccountRow)).all()
    return [
        AccountInfo(
            username=row.username,
            display_name=row.display_name,
            role=Role(row.role),
            disabled=row.disabled,
            locked_until=row.locked_until,
            created_at=row.created_at,
            last_login_at=row.last_login_at,
        )
        for row in sorted(rows, key=lambda r: (order.get(r.role, 3), r.username))
    ]


def change_password(store: Store, username: str, current: str, new: str, now: datetime) -> None:
    """Change one's own password, giving the current one (audited, never with either password).

    A wrong current password counts as a failed login towards the lock: someone at a desk left
    signed in must not be able to guess it here instead. AccountError names what is wrong."""
    name = _normalise_username(username)
    if len(new) < MIN_PASSWORD_LENGTH:
        raise AccountError("new_password", SHORT_PASSWORD)
    if new == current:
        raise AccountError("new_password", SAME_PASSWORD)
    with store.read() as session:
        row = session.scalar(select(AccountRow).where(AccountRow.username == name))
    if row is None:
        raise AccountError("username", NOT_FOUND)
    current_ok = _verify(row.password_hash, current)
    new_hash = _hasher.hash(new) if current_ok else ""  # slow on purpose: outside the write lock
    with store.write() as session:
        row = session.scalar(select(AccountRow).where(AccountRow.username == name))
        if row is None:
            raise AccountError("username", NOT_FOUND)
        if row.locked_until is not None and now < row.locked_until:
            store.audit_in(session, actor=name, action="password.locked", subject=_subject(name))
            raise AccountError("current_password", LoginFailure.LOCKED.message)
        if not current_ok:
            row.failed_count = (row.failed_count if row.locked_until is None else 0) + 1
            row.locked_until = now + LOCK_DURATION if row.failed_count >= MAX_FAILURES else None
            store.audit_in(
                session,
                actor=name,
                action="password.change_failed",
                subject=_subject(name),
                detail=f"failures={row.failed_count}" + ("; locked" if row.locked_until else ""),
            )
        else:
            row.password_hash, row.failed_count, row.locked_until = new_hash, 0, None
            store.audit_in(session, actor=name, action="password.changed", subject=_subject(name))
    if not current_ok:
        raise AccountError("current_password", WRONG_CURRENT)


def verify_login(store: Store, username: str, password: str, now: datetime) -> Account | LoginFailure:
    """Check a login at time `now` (aware); every attempt is audited, never with the password."""
    name = _normalise_username(username)
    with store.read() as session:
        row = session.scalar(select(AccountRow).where(AccountRow.username == name))
    if row is None:
        _verify(_dummy_hash(), password)
        store.audit(_UNKNOWN, "login.failed", _subject(_UNKNOWN), "unknown user name")
        return LoginFailure.UNKNOWN_OR_WRONG
    if row.locked_until is not None and now < row.locked_until:
        # No password check while locked, so guessing gains nothing during the lock.
        store.audit(name, "login.locked", _subject(name))
        return LoginFailure.LOCKED
    password_ok = _verify(row.password_hash, password)
    with store.write() as session:
        # Re-read under the write lock: another terminal may have counted a failure meanwhile.
        row = session.scalar(select(AccountRow).where(AccountRow.username == name))
        if row is None:  # deleted in between
            store.audit_in(session, actor=_UNKNOWN, action="login.failed", subject=_subject(_UNKNOWN))
            return LoginFailure.UNKNOWN_OR_WRONG
        if row.locked_until is not None and now >= row.locked_until:
            # The lock has run out: a fresh start, not one more try before the next lock.
            row.locked_until, row.failed_count = None, 0
        if row.locked_until is not None:
            store.audit_in(session, actor=name, action="login.locked", subject=_subject(name))
            return LoginFailure.LOCKED
        if not password_ok:
            row.failed_count += 1
            if row.failed_count >= MAX_FAILURES:
                row.locked_until = now + LOCK_DURATION
                store.audit_in(
                    session,
                    actor=name,
                    action="login.failed",
                    subject=_subject(name),
                    detail=f"failures={row.failed_count}; locked for {LOCK_DURATION}",
                )
                return LoginFailure.LOCKED
            store.audit_in(
                session,
                actor=name,
                action="login.failed",
                subject=_subject(name),
                detail=f"failures={row.failed_count}",
            )
            return LoginFailure.UNKNOWN_OR_WRONG
        if row.disabled:
            # Told only to someone who knows the password: others see the usual failure.
            store.audit_in(session, actor=name, action="login.disabled", subject=_subject(name))
            return LoginFailure.DISABLED
        row.failed_count = 0
        row.last_login_at = now
        if _hasher.check_needs_rehash(row.password_hash):
            row.password_hash = _hasher.hash(password)
        store.audit_in(session, actor=name, action="login.ok", subject=_subject(name))
        return Account(username=row.username, display_name=row.display_name, role=Role(row.role))


def _verify(password_hash: str, password: str) -> bool:
    try:
        return _hasher.verify(password_hash, password)
    except VerifyMismatchError:
        return False
    except (VerificationError, InvalidHashError):
        return False


def has_any_supervisor(store: Store) -> bool:
    """Whether an enabled supervisor exists; if not, the first-run screen creates one."""
    with store.read() as session:
        found = session.scalar(
            select(AccountRow.id)
            .where(AccountRow.role == Role.SUPERVISOR.value, AccountRow.disabled.is_(False))
            .limit(1)
        )
    return found is not None
