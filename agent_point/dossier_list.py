"""The agent point's list of the office's dossiers, with the four filters staff work from.

Hôm nay (today's), Chờ gửi (not yet at the portal), Cần xử lý (refused, or a person must look),
Quá hạn (past the appointment date and not closed): `egov.store.DossierView`. Each row shows the
reference (the dossier code, or TN-… while not sent), the procedure, the state and the portal's
status in words, the appointment, a late marker in words, and the applicant's name masked. Rows
are read and the names masked on the network worker; full names never reach the GUI thread.

"Gửi lại" puts a needs-attention dossier back in the outbox (`Outbox.retry`, audited with the
signed-in member of staff as actor) for the sender to send again. Only agents and supervisors
may: deciding that a refused dossier is fit to go again is a judgement the office holds someone
accountable for, as with cash (egov.visit CASH_ROLES); a volunteer helps with the papers, sees the
list and calls an agent. "Hủy hồ sơ" gives one up for good (`Outbox.reject`) with a reason chosen
from a short list, never typed (a sentence could quote the citizen): a supervisor's decision. The
model refuses both through `egov.permissions` (audited), whatever the page shows.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import Property, QObject, Signal, Slot

from egov.accounts import Account
from egov.identity import format_date
from egov.outbox import local_reference
from egov.permissions import ALLOWED, Action
from egov.portal.contract import PortalStatus
from egov.receipt import mask_name
from egov.store import DossierState, DossierSummary, DossierView, StoreError
from egov.store.store import dossier_subject
from egov.text import QT_TRANSLATE_NOOP
from egov.tracking import CLOSED, STATE_LABELS, is_late
from ui.jobs import Jobs
from ui.permission_check import permitted, refusal_text
from ui.services import Services
from ui.translation import tr

log = logging.getLogger(__name__)

RETRY_ROLES = ALLOWED[Action.RETRY_DOSSIER]
REJECT_ROLES = ALLOWED[Action.REJECT_DOSSIER]
VIEWS = (DossierView.TODAY, DossierView.WAITING, DossierView.ATTENTION, DossierView.LATE)

RETRY_REFUSED = QT_TRANSLATE_NOOP(
    "Dossiers",
    "Tình nguyện viên không được gửi lại hồ sơ cần xử lý. Hãy báo cán bộ tiếp nhận hoặc người quản lý.",
)
RETRIED = QT_TRANSLATE_NOOP("Dossiers", "Đã đưa hồ sơ %1 vào hàng đợi để gửi lại.")
NOT_RETRIABLE = QT_TRANSLATE_NOOP(
    "Dossiers", "Hồ sơ này không còn ở trạng thái cần xử lý. Danh sách đã được cập nhật."
)
LOAD_FAILED = QT_TRANSLATE_NOOP("Dossiers", "Không đọc được danh sách hồ sơ. Hãy thử lại.")
RETRY_FAILED = QT_TRANSLATE_NOOP("Dossiers", "Chưa gửi lại được hồ sơ. Hãy thử lại.")
LATE_MARK = QT_TRANSLATE_NOOP("Dossiers", "QUÁ HẠN")
PURGED_NAME = QT_TRANSLATE_NOOP("Dossiers", "(đã xóa theo thời hạn lưu)")
REJECTED = QT_TRANSLATE_NOOP("Dossiers", "Đã hủy hồ sơ %1. Hồ sơ sẽ không được gửi nữa.")
REJECT_FAILED = QT_TRANSLATE_NOOP("Dossiers", "Chưa hủy được hồ sơ. Hãy thử lại.")
CHOOSE_REASON = QT_TRANSLATE_NOOP("Dossiers", "Hãy chọn lý do hủy hồ sơ.")

# Why a supervisor gives a dossier up: the code goes to the store and the audit trail.
REJECT_REASONS: dict[str, str] = {
    "citizen_withdrew": QT_TRANSLATE_NOOP("Dossiers", "Công dân không nộp nữa"),
    "duplicate": QT_TRANSLATE_NOOP("Dossiers", "Trùng với hồ sơ đã nộp"),
    "wrong_procedure": QT_TRANSLATE_NOOP("Dossiers", "Chọn sai thủ tục, sẽ lập hồ sơ khác"),
    "documents_invalid": QT_TRANSLATE_NOOP("Dossiers", "Giấy tờ không hợp lệ"),
    "filed_at_agency": QT_TRANSLATE_NOOP("Dossiers", "Đã nộp trực tiếp tại cơ quan"),
}


def dossier_row(summary: DossierSummary, today: date) -> dict[str, Any]:
    """One row, untranslated, on the worker: the name is masked here (also the search's rows)."""
    status = PortalStatus(summary.portal_status) if summary.portal_status else None
    return {
        "clientId": str(summary.client_id),
        "reference": summary.dossier_code or local_reference(summary.client_id),
        "procedure": summary.procedure_name,
        "date": format_date(summary.created_at.astimezone().date()),
        "state": summary.state.value,
        "status": status.label if status else "",
        "appointment": format_date(summary.appointment),
        "late": summary.state is DossierState.ACCEPTED and is_late(summary.appointment, status, today),
        # Purged: the sealed names are gone (Decree 13/2023), only codes, states and times are left.
        "purged": not summary.applicant_name,
        "applicant": mask_name(summary.applicant_name) if summary.applicant_name else "",
        "reason": summary.reason,
    }


def translated_row(row: dict[str, Any]) -> dict[str, Any]:
    """A `dossier_row` in the interface's language, on the GUI thread."""
    state = DossierState(row["state"])
    return row | {
        "stateText": tr("Tracking", STATE_LABELS[state]),
        "status": tr("PortalStatus", row["status"]) if row["status"] else "",
        "lateText": tr("Dossiers", LATE_MARK) if row["late"] else "",
        "applicant": row["applicant"] or tr("Dossiers", PURGED_NAME),
        "retriable": state is DossierState.NEEDS_ATTENTION,
    }


class DossierList(QObject):
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
        self._view = DossierView.TODAY
        self._rows: list[dict[str, Any]] = []
        self._busy = False
        self._message = ""
        self._message_good = False
        self._loaded = 0  # bumped by each load asked for: an older answer is dropped

    view = Property(str, lambda self: self._view.value, notify=changed)
    rows = Property("QVariantList", lambda self: self._rows, notify=changed)
    busy = Property(bool, lambda self: self._busy, notify=changed)
    message = Property(str, lambda self: self._message, notify=changed)
    messageGood = Property(bool, lambda self: self._message_good, notify=changed)

    def _may_retry(self) -> bool:
        account = self._account()
        return account is not None and account.role in RETRY_ROLES

    canRetry = Property(bool, _may_retry, notify=changed)

    def _may_reject(self) -> bool:
        account = self._account()
        return account is not None and account.role in REJECT_ROLES

    canReject = Property(bool, _may_reject, notify=changed)
    rejectReasons = Property(
        "QVariantList",
        lambda self: [
            {"value": code, "label": tr("Dossiers", text)} for code, text in REJECT_REASONS.items()
        ],
        notify=changed,
    )

    def _say(self, text: str, good: bool = False) -> None:
        self._message, self._message_good = text, good
        self.changed.emit()

    @Slot(str)
    def show(self, view: str) -> None:
        """Load the list under filter `view` (today | waiting | attention | late)."""
        chosen = DossierView(view)
        if chosen not in VIEWS:
            raise ValueError(f"not an agent's filter: {view}")
        self._view = chosen
        self._message = ""
        self.reload()

    @Slot()
    def reload(self) -> None:
        self._loaded += 1
        ticket, chosen = self._loaded, self._view
        self._busy = True
        self.changed.emit()
        store, office = self._services.store, self._services.settings.office.code
        today = date.today()

        def work() -> list[dict[str, Any]]:
            found = store.dossiers_in_view(chosen, today=today, closed=CLOSED, office_code=office)
            return [dossier_row(summary, today) for summary in found]

        def done(rows: list[dict[str, Any]]) -> None:
            if ticket != self._loaded:
                return
            self._busy = False
            self._rows = [translated_row(row) for row in rows]
            self.changed.emit()

        def failed(exc: BaseException) -> None:
            if ticket != self._loaded:
                return
            log.error("dossier list not read: %s", exc.__class__.__name__)
            self._busy = False
            self._rows = []
            self._say(tr("Dossiers", LOAD_FAILED))

        self._jobs.run("network", work, done, failed)

    @Slot(str)
    def retry(self, client_id: str) -> None:
        """The "Gửi lại" button: a needs-attention dossier goes back to the outbox, as new."""
        account = self._account()
        store = self._services.store
        if not permitted(account, Action.RETRY_DOSSIER, store, self._jobs, dossier_subject(client_id)):
            self._say(tr("Dossiers", RETRY_REFUSED))
            return
        assert account is not None
        if self._busy:
            return
        row = next((r for r in self._rows if r["clientId"] == client_id), None)
        if row is None:
            return
        self._busy = True
        self.changed.emit()
        outbox = self._services.outbox(account.username)
        reference = row["reference"]

        def work() -> None:
            outbox.retry(uuid.UUID(client_id))

        def done(_: None) -> None:
            self._busy = False
            self._say(tr("Dossiers", RETRIED).replace("%1", reference), good=True)
            self.reload()

        def failed(exc: BaseException) -> None:
            self._busy = False
            if isinstance(exc, StoreError):
                # Another desk (or the command line) got there first.
                log.info("retry refused: %s", exc.__class__.__name__)
                self._say(tr("Dossiers", NOT_RETRIABLE))
            else:
                log.error("retry failed: %s", exc.__class__.__name__)
                self._say(tr("Dossiers", RETRY_FAILED))
            self.reload()

        self._jobs.run("network", work, done, failed)

    @Slot(str, str)
    def reject(self, client_id: str, reason: str) -> None:
        """The "Hủy hồ sơ" button: a needs-attention dossier is given up for good, for `reason`
        (a code of REJECT_REASONS). A supervisor's decision."""
        account = self._account()
        store = self._services.store
        if not permitted(account, Action.REJECT_DOSSIER, store, self._jobs, dossier_subject(client_id)):
            self._say(refusal_text())
            return
        assert account is not None
        if reason not in REJECT_REASONS:
            self._say(tr("Dossiers", CHOOSE_REASON))
            return
        row = next((r for r in self._rows if r["clientId"] == client_id), None)
        if self._busy or row is None:
            return
        self._busy = True
        self.changed.emit()
        outbox = self._services.outbox(account.username)
        reference = row["reference"]

        def done(_: None) -> None:
            self._busy = False
            self._say(tr("Dossiers", REJECTED).replace("%1", reference), good=True)
            self.reload()

        def failed(exc: BaseException) -> None:
            self._busy = False
            if isinstance(exc, StoreError):
                log.info("reject refused: %s", exc.__class__.__name__)
                self._say(tr("Dossiers", NOT_RETRIABLE))
            else:
                log.error("reject failed: %s", exc.__class__.__name__)
                self._say(tr("Dossiers", REJECT_FAILED))
            self.reload()

        self._jobs.run(
            "network", lambda: outbox.reject(uuid.UUID(client_id), f"staff:{reason}"), done, failed
        )

    def clear(self) -> None:
        """Signed out: nothing of the list stays."""
        self._loaded += 1
        self._rows = []
        self._busy = False
        self._message = ""
        self._view = DossierView.TODAY
        self.changed.emit()
