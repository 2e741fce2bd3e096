"""Who may do what at the agent point: one table of actions and the roles allowed each.

The view models ask `require` before they act, so that a forbidden action is refused where the
work is done, not only hidden on the screen: a volunteer who finds a way to call a slot still gets
"not allowed" (and the attempt is in the audit trail). The table follows who is accountable:
money and changes to the office's set-up belong to staff of the post office or the ward (agents,
supervisors); a youth-union volunteer helps the citizen with papers and the machine.
"""

from __future__ import annotations

import enum
from typing import Protocol

from egov.store.models import Role
from egov.text import QT_TRANSLATE_NOOP

__all__ = ["Action", "PermissionDenied", "allowed", "require"]


class Action(enum.StrEnum):
    """Something a role may or may not do; the value is what the audit trail records."""

    TAKE_CASH = "take_cash"  # record cash received for a fee or charge
    RETRY_DOSSIER = "retry_dossier"  # send a dossier that needs attention again
    REJECT_DOSSIER = "reject_dossier"  # give up on a dossier the portal cannot take
    CALL_TICKET = "call_ticket"  # call the next citizen in the queue to one's desk
    REPRINT_RECEIPT = "reprint_receipt"
    SEARCH_DOSSIERS = "search_dossiers"  # find a citizen's earlier dossiers by ID number
    OFFICE_REPORT = "office_report"  # the whole office's day, every agent's takings
    MANAGE_ACCOUNTS = "manage_accounts"  # create, unlock, disable staff accounts
    CHANGE_SETTINGS = "change_settings"
    WITHDRAW_CONSENT = "withdraw_consent"  # record a citizen's withdrawal of a consent
    READ_SUGGESTIONS = "read_suggestions"  # read the citizens' written suggestions, mark them read


_STAFF = frozenset({Role.AGENT, Role.SUPERVISOR})
_EVERYONE = frozenset(Role)
_SUPERVISOR = frozenset({Role.SUPERVISOR})

ALLOWED: dict[Action, frozenset[Role]] = {
    Action.TAKE_CASH: _STAFF,
    Action.RETRY_DOSSIER: _STAFF,
    Action.REJECT_DOSSIER: _SUPERVISOR,
    Action.CALL_TICKET: _EVERYONE,
    Action.REPRINT_RECEIPT: _EVERYONE,
    Action.SEARCH_DOSSIERS: _STAFF,
    Action.OFFICE_REPORT: _SUPERVISOR,
    Action.MANAGE_ACCOUNTS: _SUPERVISOR,
    Action.CHANGE_SETTINGS: _SUPERVISOR,
    Action.WITHDRAW_CONSENT: _STAFF,
    # Anonymous, but free text that may name the staff it is about: the office's head reads it.
    Action.READ_SUGGESTIONS: _SUPERVISOR,
}

NOT_ALLOWED = QT_TRANSLATE_NOOP(
    "Permissions", "Tài khoản của bạn không được làm việc này. Hãy nhờ cán bộ bưu điện hoặc người quản lý."
)


class _Account(Protocol):
    @property
    def username(self) -> str: ...

    @property
    def role(self) -> Role: ...


class _Auditor(Protocol):
    def audit(self, actor: str, action: str, subject: str, detail: str = "") -> object: ...


class PermissionDenied(PermissionError):
    """A role tried an action it may not do; `message` is the Vietnamese sentence for the screen."""

    def __init__(self, action: Action, role: Role | None) -> None:
        super().__init__(f"{role.value if role else 'nobody signed in'} may not {action.value}")
        self.action = action
        self.message = NOT_ALLOWED


def allowed(role: Role | str | None, action: Action) -> bool:
    """Whether `role` may do `action`; nobody signed in may do nothing."""
    if role is None:
        return False
    try:
        return Role(role) in ALLOWED[action]
    except ValueError:
        return False


def require(
    account: _Account | None, action: Action, store: _Auditor | None = None, subject: str = ""
) -> None:
    """Raise PermissionDenied unless the account may do `action`; a refusal is audited."""
    role = account.role if account is not None else None
    if allowed(role, action):
        return
    if store is not None:
        store.audit(
            account.username if account is not None else "(nobody)",
            "permission.denied",
            subject or f"action:{action.value}",
            f"action={action.value}; role={role.value if role else '-'}",
        )
    raise PermissionDenied(action, role)
