"""The supervisor's page of staff accounts: who may sign in here, with which role.

Lists the accounts (user name, name, role, and whether each is in use, locked for wrong passwords
or disabled), adds one (the password typed twice), unlocks a locked one at once, disables and
enables. The rules live in `egov.accounts`; every action here first asks `egov.permissions` for
`Action.MANAGE_ACCOUNTS`, so an agent or a volunteer who reaches a slot is refused in the model and
the attempt is audited; what is done is audited by `egov.accounts` with the supervisor as actor.
Password hashing and store writes run on the network worker.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import Property, QObject, Signal, Slot

from egov import accounts
from egov.accounts import Account, AccountError, AccountInfo, Role
from egov.permissions import Action, allowed
from egov.store import StoreError
from egov.text import QT_TRANSLATE_NOOP
from ui.jobs import Jobs
from ui.permission_check import permitted, refusal_text
from ui.services import Services
from ui.translation import tr

log = logging.getLogger(__name__)

CONTEXT = "AccountsPage"

ROLE_NAMES = {
    Role.SUPERVISOR: QT_TRANSLATE_NOOP("AccountsPage", "Quản lý"),
    Role.AGENT: QT_TRANSLATE_NOOP("AccountsPage", "Cán bộ tiếp nhận"),
    Role.VOLUNTEER: QT_TRANSLATE_NOOP("AccountsPage", "Tình nguyện viên"),
}
ACTIVE = QT_TRANSLATE_NOOP("AccountsPage", "Đang dùng")
LOCKED = QT_TRANSLATE_NOOP("AccountsPage", "Tạm khóa đến %1 (nhập sai mật khẩu)")
DISABLED = QT_TRANSLATE_NOOP("AccountsPage", "Ngừng sử dụng")
NEVER = QT_TRANSLATE_NOOP("AccountsPage", "chưa đăng nhập")
MISMATCH = QT_TRANSLATE_NOOP("AccountsPage", "Hai lần nhập mật khẩu không khớp. Hãy nhập lại.")
CREATED = QT_TRANSLATE_NOOP("AccountsPage", "Đã tạo tài khoản %1.")
UNLOCKED = QT_TRANSLATE_NOOP("AccountsPage", "Đã mở khóa tài khoản %1.")
NOT_LOCKED = QT_TRANSLATE_NOOP("AccountsPage", "Tài khoản %1 không bị khóa.")
DISABLED_DONE = QT_TRANSLATE_NOOP(
    "AccountsPage", "Đã ngừng tài khoản %1. Người này không đăng nhập được nữa."
)
ENABLED_DONE = QT_TRANSLATE_NOOP("AccountsPage", "Đã cho dùng lại tài khoản %1.")
NOT_FOUND = QT_TRANSLATE_NOOP("AccountsPage", "Không có tài khoản %1. Danh sách đã được cập nhật.")
FAILED = QT_TRANSLATE_NOOP("AccountsPage", "Chưa làm được do lỗi hệ thống. Hãy thử lại.")


def _row(info: AccountInfo, now: datetime, me: str) -> dict[str, Any]:
    if info.disabled:
        state, text = "disabled", tr(CONTEXT, DISABLED)
    elif info.locked(now) and info.locked_until is not None:
        state = "locked"
        text = tr(CONTEXT, LOCKED).replace("%1", info.locked_until.astimezone().strftime("%H:%M"))
    else:
        state, text = "active", tr(CONTEXT, ACTIVE)
    last = info.last_login_at.astimezone().strftime("%H:%M %d/%m/%Y") if info.last_login_at else ""
    return {
        "username": info.username,
        "name": info.display_name,
        "role": info.role.value,
        "roleText": tr(CONTEXT, ROLE_NAMES[info.role]),
        "state": state,
        "stateText": text,
        "lastLogin": last or tr(CONTEXT, NEVER),
        "me": info.username == me,
    }


class AccountsModel(QObject):
    changed = Signal()

    def __init__(
        self,
        services: Services,
        jobs: Jobs,
        account: Callable[[], Account | None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._jobs = jobs
        self._account = account
        self._rows: list[dict[str, Any]] = []
        self._busy = False
        self._message = ""
        self._message_good = False
        self._field = ""  # the add form's field the message is about
        self._created = 0  # bumped when an account was added: the page empties its form

    rows = Property("QVariantList", lambda self: self._rows, notify=changed)
    busy = Property(bool, lambda self: self._busy, notify=changed)
    message = Property(str, lambda self: self._message, notify=changed)
    messageGood = Property(bool, lambda self: self._message_good, notify=changed)
    messageField = Property(str, lambda self: self._field, notify=changed)
    created = Property(int, lambda self: self._created, notify=changed)
    roles = Property(
        "QVariantList",
        lambda self: [{"value": role.value, "label": tr(CONTEXT, text)} for role, text in ROLE_NAMES.items()],
        notify=changed,
    )

    def _may_manage(self) -> bool:
        account = self._account()
        return account is not None and allowed(account.role, Action.MANAGE_ACCOUNTS)

    canManage = Property(bool, _may_manage, notify=changed)

    def _say(self, text: str, good: bool = False, field_name: str = "") -> None:
        self._message, self._message_good, self._field = text, good, field_name
        self.changed.emit()

    def _allowed(self, subject: str) -> Account | None:
        """The supervisor signed in, or None (refusal said and audited)."""
        account = self._account()
        if not permitted(account, Action.MANAGE_ACCOUNTS, self._services.store, self._jobs, subject):
            self._rows = []
            self._say(refusal_text())
            return None
        return account

    def _run(self, work: Callable[[], Any], done: Callable[[Any], None], username: str = "") -> None:
        self._busy = True
        self.changed.emit()

        def finished(result: Any) -> None:
            self._busy = False
            done(result)
            self.reload()

        def failed(exc: BaseException) -> None:
            self._busy = False
            if isinstance(exc, AccountError):
                self._say(tr("Accounts", exc.message), field_name=exc.field)
            elif isinstance(exc, StoreError):
                log.info("account action refused: %s", exc.__class__.__name__)
                self._say(tr(CONTEXT, NOT_FOUND).replace("%1", username))
            else:
                log.error("account action failed: %s", exc.__class__.__name__)
                self._say(tr(CONTEXT, FAILED))
            self.reload()

        self._jobs.run("network", work, finished, failed)

    @Slot()
    def reload(self) -> None:
        account = self._allowed("accounts")
        if account is None:
            return
        store, me = self._services.store, account.username

        def done(listed: list[AccountInfo]) -> None:
            now = datetime.now(UTC)
            self._rows = [_row(info, now, me) for info in listed]
            self.changed.emit()

        def failed(exc: BaseException) -> None:
            log.error("accounts not read: %s", exc.__class__.__name__)
            self._say(tr(CONTEXT, FAILED))

        self._jobs.run("network", lambda: accounts.list_accounts(store), done, failed)

    @Slot(str, str, str, str, str)
    def add(self, username: str, display_name: str, role: str, password: str, again: str) -> None:
        """A new account; the password typed twice."""
        account = self._allowed(f"account:{username.strip().lower() or '-'}")
        if account is None or self._busy:
            return
        if password != again:
            self._say(tr(CONTEXT, MISMATCH), field_name="again")
            return
        store, actor = self._services.store, account.username

        def done(created: Account) -> None:
            self._created += 1
            self._say(tr(CONTEXT, CREATED).replace("%1", created.username), good=True)

        self._run(
            lambda: accounts.create_account(store, username, password, role, display_name, actor=actor), done
        )

    @Slot(str)
    def unlock(self, username: str) -> None:
        account = self._allowed(f"account:{username}")
        if account is None or self._busy:
            return
        store, actor = self._services.store, account.username

        def done(was_locked: bool) -> None:
            text = UNLOCKED if was_locked else NOT_LOCKED
            self._say(tr(CONTEXT, text).replace("%1", username), good=was_locked)

        self._run(lambda: accounts.unlock_account(store, username, actor=actor), done, username)

    @Slot(str, bool)
    def setDisabled(self, username: str, disabled: bool) -> None:
        """Stop logins to an account, or allow them again."""
        account = self._allowed(f"account:{username}")
        if account is None or self._busy:
            return
        store, actor = self._services.store, account.username

        def done(_: None) -> None:
            text = DISABLED_DONE if disabled else ENABLED_DONE
            self._say(tr(CONTEXT, text).replace("%1", username), good=True)

        self._run(
            lambda: accounts.disable_account(store, username, actor=actor, disabled=disabled), done, username
        )

    def clear(self) -> None:
        """Signed out: the list goes with the supervisor."""
        self._rows = []
        self._busy = False
        self._message, self._message_good, self._field = "", False, ""
        self.changed.emit()
