"""The view models' side of `egov.permissions`: answer at once, audit a refusal off the GUI thread.

A slot that does something role-restricted asks `permitted` first. The answer comes from the role
table without touching the store, so the screen can say "not allowed" at once; a refusal is then
audited by `egov.permissions.require` on the network worker (a store write never runs on the GUI
thread). Whatever QML hides or shows, a slot called directly is refused here.
"""

from __future__ import annotations

import logging
from typing import Protocol

from egov.permissions import NOT_ALLOWED, Action, PermissionDenied, allowed, require
from egov.store import Store
from egov.store.models import Role
from ui.jobs import Jobs
from ui.translation import tr

log = logging.getLogger(__name__)


class StaffMember(Protocol):
    @property
    def username(self) -> str: ...

    @property
    def role(self) -> Role: ...


def permitted(
    account: StaffMember | None, action: Action, store: Store, jobs: Jobs, subject: str = ""
) -> bool:
    """Whether `account` may do `action`; if not, the refusal goes to the audit trail."""
    if allowed(account.role if account is not None else None, action):
        return True

    def audit() -> None:
        try:
            require(account, action, store, subject)
        except PermissionDenied:
            pass  # the expected answer: the refusal is now in the trail

    def failed(exc: BaseException) -> None:
        log.error("refusal of %s not audited: %s", action.value, exc.__class__.__name__)

    jobs.run("network", audit, lambda _: None, failed)
    return False


def refusal_text() -> str:
    """The sentence for the screen when `permitted` said no (translated)."""
    return tr("Permissions", NOT_ALLOWED)
