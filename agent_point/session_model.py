"""The agent point around the visit: sign-in, today's cases, starting a new intake, and the
end-of-day slip; the search, the supervisor's accounts page and the session timeout beside them.

Accounts and the lockout rule live in `egov.accounts`; this model only asks and shows. The list of
today's cases is read on the network worker, never on the GUI thread; the slip goes to the printer's
own thread (ui.printer_model).
"""

from __future__ import annotations

import logging
from datetime import UTC, date, datetime
from typing import Any

from PySide6.QtCore import Property, QCoreApplication, QObject, Signal, Slot

from agent_point.accounts_model import AccountsModel
from agent_point.dossier_list import DossierList
from agent_point.feedback_model import FeedbackInbox
from agent_point.queue_model import QueueModel
from agent_point.report_model import ReportModel
from agent_point.search_model import SearchModel
from agent_point.session_timeout import SessionTimeout
from egov import accounts
from egov.permissions import Action, allowed
from egov.reports import daily_report, day_slip_for
from egov.text import QT_TRANSLATE_NOOP
from ui.jobs import Jobs
from ui.permission_check import permitted, refusal_text
from ui.services import Services
from ui.visit_model import VisitModel

log = logging.getLogger(__name__)

DAY_SLIP_PRINTED = QT_TRANSLATE_NOOP("Cases", "Đã in bảng kê cuối ngày.")
TIMED_OUT = QT_TRANSLATE_NOOP(
    "Accounts",
    "Đã tự đăng xuất vì không có thao tác trong %1 phút; hồ sơ đang nhập dở đã được bỏ. Hãy đăng nhập lại.",
)

STATE_NAMES = {
    "queued": "Chờ gửi",
    "sending": "Đang gửi",
    "accepted": "Đã gửi",
    "rejected": "Bị từ chối",
    "needs_attention": "Cần xử lý",
}


class AgentSession(QObject):
    changed = Signal()

    def __init__(
        self, services: Services, visit: VisitModel, jobs: Jobs, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._visit = visit
        self._jobs = jobs
        self._account: Any = None
        self._page = "signin"
        self._error = ""
        self._cases: list[dict[str, str]] = []
        self._day_job = ""
        self._day_message = ""
        self._dossiers = DossierList(services, jobs, lambda: self._account, self)
        self._queue = QueueModel(services, jobs, visit.printer, visit, lambda: self._account, self)
        self._search = SearchModel(services, jobs, visit.printer, lambda: self._account, self)
        self._accounts = AccountsModel(services, jobs, lambda: self._account, self)
        self._feedback = FeedbackInbox(services, jobs, lambda: self._account, self)
        self._timeout = SessionTimeout(services.settings.agent, self)
        self._timeout.expired.connect(self._timed_out)
        self._report = ReportModel(services, jobs, lambda: self._account, self)
        visit.visitEnded.connect(self._back_home)
        visit.printer.jobEnded.connect(self._on_print_end)

    def _get_page(self) -> str:
        return self._page

    def _get_error(self) -> str:
        return self._error

    def _get_user(self) -> str:
        return getattr(self._account, "display_name", "") or getattr(self._account, "username", "")

    def _get_cases(self) -> list[dict[str, str]]:
        return self._cases

    page = Property(str, _get_page, notify=changed)
    error = Property(str, _get_error, notify=changed)
    userName = Property(str, _get_user, notify=changed)
    cases = Property("QVariantList", _get_cases, notify=changed)
    dayMessage = Property(str, lambda self: self._day_message, notify=changed)
    dossiers = Property(QObject, lambda self: self._dossiers, constant=True)  # the filtered list
    report = Property(QObject, lambda self: self._report, constant=True)  # agent_point.report_model
    queue = Property(QObject, lambda self: self._queue, constant=True)  # agent_point.queue_model
    search = Property(QObject, lambda self: self._search, constant=True)  # agent_point.search_model
    accounts = Property(QObject, lambda self: self._accounts, constant=True)  # agent_point.accounts_model
    feedback = Property(QObject, lambda self: self._feedback, constant=True)  # agent_point.feedback_model
    canReadFeedback = Property(
        bool,
        lambda self: self._account is not None and allowed(self._account.role, Action.READ_SUGGESTIONS),
        notify=changed,
    )
    timeout = Property(QObject, lambda self: self._timeout, constant=True)  # the session's warning
    canManage = Property(
        bool,
        lambda self: self._account is not None and allowed(self._account.role, Action.CHANGE_SETTINGS),
        notify=changed,
    )

    @Slot(str, str)
    def signIn(self, username: str, password: str) -> None:
        store = self._services.store

        def done(result: Any) -> None:
            if isinstance(result, accounts.LoginFailure):
                self._error = QCoreApplication.translate("Accounts", result.message)
                self.changed.emit()
                return
            self._account = result
            self._visit.set_agent(result.username, result.role, result.display_name)
            self._error = ""
            self._page = "home"
            self._timeout.start()
            self.changed.emit()
            self.refresh()

        def failed(exc: BaseException) -> None:
            log.error("sign-in failed: %s", exc.__class__.__name__)
            self._error = QCoreApplication.translate(
                "Accounts", "Không đăng nhập được do lỗi hệ thống. Hãy thử lại hoặc báo người quản lý."
            )
            self.changed.emit()

        now = datetime.now(UTC)
        self._jobs.run("network", lambda: accounts.verify_login(store, username, password, now), done, failed)

    @Slot()
    def signOut(self) -> None:
        self._visit.finish()
        self._account = None
        self._visit.set_agent("")
        self._page = "signin"
        self._cases = []
        self._dossiers.clear()
        self._report.clear()
        self._queue.clear()
        self._timeout.stop()
        self._search.clear()
        self._accounts.clear()
        self._feedback.clear()
        self.changed.emit()

    def close(self) -> None:
        """The app closes: the session's timers and event filter, and the queue's refresh timer,
        stop in the GUI thread."""
        self._timeout.stop()
        self._queue.stop()

    @Slot()
    def showQueue(self) -> None:
        """The office's queue: who waits, and this desk's calls."""
        if self._account is None:
            return
        self._page = "queue"
        self.changed.emit()
        self._queue.show()

    @Slot()
    def serveTicket(self) -> None:
        """The “Tiếp nhận” button on the queue page: a new case for the ticket called to this desk."""
        if self._account is not None and self._queue.begin_serving():
            self.newCase()

    @Slot()
    def newCase(self) -> None:
        self._queue.stop()
        self._page = "visit"
        self.changed.emit()
        self._visit.start()

    @Slot()
    def showDossiers(self) -> None:
        """The office's dossiers under the filters, today's first."""
        if self._account is None:
            return
        self._page = "dossiers"
        self.changed.emit()
        self._dossiers.show("today")

    @Slot()
    def showReport(self) -> None:
        """Today's end-of-day report of the signed-in account (a supervisor may ask for the office's)."""
        if self._account is None:
            return
        self._page = "report"
        self.changed.emit()
        self._report.show("agent")

    @Slot()
    def showSearch(self) -> None:
        """Find a citizen's earlier dossiers; reprint a receipt, withdraw a consent."""
        if self._account is None:
            return
        self._search.clear()
        self._page = "search"
        self.changed.emit()

    @Slot()
    def showAccounts(self) -> None:
        """The supervisor's administration page (staff accounts): the office's set-up, which a
        volunteer or an agent may not change; refused here too, not only hidden on the home page."""
        if not permitted(self._account, Action.CHANGE_SETTINGS, self._services.store, self._jobs, "accounts"):
            self._error = refusal_text()
            self.changed.emit()
            return
        self._error = ""
        self._page = "accounts"
        self.changed.emit()
        self._accounts.reload()

    @Slot()
    def showFeedback(self) -> None:
        """The citizens' written suggestions, for a supervisor only: refused (and audited) here
        for anyone else, not only hidden on the home page."""
        store = self._services.store
        if not permitted(self._account, Action.READ_SUGGESTIONS, store, self._jobs, "suggestions"):
            self._error = refusal_text()
            self.changed.emit()
            return
        self._error = ""
        self._page = "feedback"
        self.changed.emit()
        self._feedback.show("unread")

    @Slot()
    def _timed_out(self) -> None:
        """No input for [agent] session_minutes and no answer to the warning: sign out."""
        if self._account is None:
            return
        store, username = self._services.store, self._account.username

        def failed(exc: BaseException) -> None:
            log.error("session timeout not audited: %s", exc.__class__.__name__)

        minutes = self._services.settings.agent.session_minutes
        detail = f"idle {minutes} min"
        self._jobs.run(
            "network",
            lambda: store.audit(username, "session.timeout", f"account:{username}", detail),
            lambda _: None,
            failed,
        )
        self.signOut()
        self._error = QCoreApplication.translate("Accounts", TIMED_OUT).replace("%1", str(minutes))
        self.changed.emit()

    @Slot()
    def goHome(self) -> None:
        if self._account is not None:
            self._queue.stop()
            self._back_home()

    @Slot()
    def refresh(self) -> None:
        store, office = self._services.store, self._services.settings.office.code

        def done(rows: list[Any]) -> None:
            self._cases = [
                {
                    "time": row.created_at.strftime("%H:%M"),
                    "procedure": row.procedure_name,
                    "applicant": row.applicant_name,
                    "authorised": row.authorised_name,
                    "state": QCoreApplication.translate("Cases", STATE_NAMES.get(row.state, row.state)),
                    "code": row.dossier_code or "",
                    "agent": row.agent,
                }
                for row in rows
            ]
            self.changed.emit()

        self._jobs.run("network", lambda: store.list_dossiers(day=date.today(), office_code=office), done)

    @Slot()
    def printDaySlip(self) -> None:
        """The agent's dossiers of today by procedure, and from the payments the agent recorded
        (egov.reports) the state fees and service charges apart and the cash to hand over."""
        if self._account is None or self._day_job:
            return
        store, office = self._services.store, self._services.settings.office
        username, name = self._account.username, self._get_user()
        today = date.today()

        def work() -> list[Any]:
            report = daily_report(store, today, office.code, agent=username)
            return day_slip_for(
                report,
                office_name=office.name,
                office_address=office.address,
                agent_name=name,
                printed_at=datetime.now(),
            )

        def done(blocks: list[Any]) -> None:
            self._day_job = self._visit.printer.submit("day", f"day:{today.isoformat()}", blocks)
            self._day_message = ""
            self.changed.emit()

        self._jobs.run("network", work, done)

    @Slot(str, str)
    def _on_print_end(self, job_id: str, _outcome: str) -> None:
        if job_id != self._day_job:
            return
        self._day_job = ""
        result = self._visit.printer.take_result(job_id)
        message = result.message if result is not None else ""
        self._day_message = QCoreApplication.translate(
            "Printer" if message else "Cases", message or DAY_SLIP_PRINTED
        )
        self.changed.emit()

    def _back_home(self) -> None:
        if self._account is not None:
            if self._queue.end_visit():
                # The case was for a ticket from the queue: back to the queue for the next one.
                self.showQueue()
                return
            self._page = "home"
            self.changed.emit()
            self.refresh()
