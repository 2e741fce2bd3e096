"""The supervisor's page of the citizens' written suggestions ("Góp ý", ui/qml/pages/AgentFeedback.qml).

Suggestions are anonymous but free text, and they are often about the staff: only a supervisor
reads them (`Action.READ_SUGGESTIONS`, asked here before every read and every mark, so an agent
or a volunteer who reaches a slot is refused in the model and the attempt is audited). Each
listing is itself audited with the reader (egov.feedback.list_suggestions); marking one read is
audited too and starts its retention clock. Store work runs on the network worker.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Property, QObject, Signal, Slot

from egov.accounts import Account
from egov.feedback import Suggestion, list_suggestions, mark_read
from egov.permissions import Action
from egov.text import QT_TRANSLATE_NOOP
from ui.jobs import Jobs
from ui.permission_check import permitted, refusal_text
from ui.services import Services
from ui.translation import tr

log = logging.getLogger(__name__)

CONTEXT = "FeedbackPage"
FILTERS = ("unread", "all")
UNREAD = QT_TRANSLATE_NOOP("FeedbackPage", "Chưa đọc")
READ = QT_TRANSLATE_NOOP("FeedbackPage", "Đã đọc lúc %1 (%2)")
LOAD_FAILED = QT_TRANSLATE_NOOP("FeedbackPage", "Không tải được góp ý. Hãy thử lại.")
MARK_FAILED = QT_TRANSLATE_NOOP("FeedbackPage", "Chưa đánh dấu được. Hãy thử lại.")


def _row(item: Suggestion) -> dict[str, Any]:
    when = item.read_at.astimezone().strftime("%H:%M %d/%m/%Y") if item.read_at else ""
    state = (
        tr(CONTEXT, READ).replace("%1", when).replace("%2", item.read_by)
        if item.read
        else tr(CONTEXT, UNREAD)
    )
    return {
        "uid": item.uid,
        "at": item.at.astimezone().strftime("%H:%M %d/%m/%Y"),
        "text": item.text,
        "read": item.read,
        "stateText": state,
    }


class FeedbackInbox(QObject):
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
        self._filter = "unread"
        self._rows: list[dict[str, Any]] = []
        self._busy = False
        self._message = ""
        self._loaded = 0  # bumped by each load asked for: an older answer is dropped

    rows = Property("QVariantList", lambda self: self._rows, notify=changed)
    filter = Property(str, lambda self: self._filter, notify=changed)
    busy = Property(bool, lambda self: self._busy, notify=changed)
    message = Property(str, lambda self: self._message, notify=changed)
    unreadShown = Property(int, lambda self: sum(not row["read"] for row in self._rows), notify=changed)

    def _supervisor(self, subject: str) -> Account | None:
        """The supervisor signed in, or None (the refusal said and audited)."""
        account = self._account()
        if not permitted(account, Action.READ_SUGGESTIONS, self._services.store, self._jobs, subject):
            self._message = refusal_text()
            self.changed.emit()
            return None
        return account

    @Slot(str)
    def show(self, which: str) -> None:
        """List the office's suggestions: "unread" ones or "all" whose text is still kept."""
        if which not in FILTERS:
            raise ValueError(f"not a suggestions filter: {which}")
        account = self._supervisor("suggestions")
        if account is None:
            return
        self._filter = which
        self._message = ""
        self._busy = True
        self._loaded += 1
        ticket = self._loaded
        self.changed.emit()
        store, office, reader = self._services.store, self._services.settings.office.code, account.username

        def done(items: list[Suggestion]) -> None:
            if ticket != self._loaded:
                return
            self._busy = False
            self._rows = [_row(item) for item in items]
            self.changed.emit()

        def failed(exc: BaseException) -> None:
            if ticket != self._loaded:
                return
            log.error("suggestions not listed: %s", exc.__class__.__name__)
            self._busy = False
            self._message = tr(CONTEXT, LOAD_FAILED)
            self.changed.emit()

        self._jobs.run(
            "network",
            lambda: list_suggestions(store, reader=reader, office_code=office, unread_only=which == "unread"),
            done,
            failed,
        )

    @Slot(str)
    def markRead(self, uid: str) -> None:
        """The supervisor has read this one: marked (audited), and the list reloaded."""
        account = self._supervisor(f"suggestion:{uid}")
        if account is None:
            return
        store, reader = self._services.store, account.username

        def failed(exc: BaseException) -> None:
            log.error("suggestion not marked read: %s", exc.__class__.__name__)
            self._message = tr(CONTEXT, MARK_FAILED)
            self.changed.emit()

        self._jobs.run(
            "network", lambda: mark_read(store, uid, reader=reader), lambda _: self.show(self._filter), failed
        )

    def clear(self) -> None:
        """Signed out: no suggestion stays on screen or in memory."""
        self._loaded += 1
        self._rows = []
        self._busy = False
        self._message = ""
        self._filter = "unread"
        self.changed.emit()
