"""The agent's queue page for QML: who waits and for how long, and the desk's calls.

"Gọi số tiếp theo" calls the oldest waiting ticket of the office to this desk ([desk] name); a
ticket still at the desk is then marked served first, since the agent has moved on. "Gọi lại"
calls the same number again, "Vắng mặt" gives it up, "Xong" ends it with no dossier (a question
answered, a result handed over), "Phát số" prints a ticket at the desk for someone who walked in.
"Tiếp nhận" (AgentSession.serveTicket) opens a case for the called ticket; when that visit ends
with a dossier filed, the ticket is marked served with the dossier's client id (`end_visit`).

All store work runs on the network worker: on PostgreSQL the other desks of the office call and
take tickets at the same time, and egov.queue keeps each ticket to one desk. The list is read
again every REFRESH_MS while the page is on screen, by a QTimer that `stop()` ends from the GUI
thread (sign-out, leaving the page, closing the app; ui/idle.py says why it must).

Every action asks egov.permissions first, in the worker: nobody signed in may not call.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

from PySide6.QtCore import Property, QObject, QTimer, Signal, Slot

from egov import queue
from egov.accounts import Account
from egov.permissions import Action, PermissionDenied, require
from egov.queue import QueueError, Ticket
from egov.text import QT_TRANSLATE_NOOP
from ui.jobs import Jobs
from ui.printer_model import PrinterModel
from ui.services import Services
from ui.ticket_model import print_problem, services_rows, submit_slip
from ui.translation import tr
from ui.visit_model import VisitModel

log = logging.getLogger(__name__)

REFRESH_MS = 15_000

CALLED = QT_TRANSLATE_NOOP("Queue", "Mời số %1 đến %2.")
NOBODY = QT_TRANSLATE_NOOP("Queue", "Không còn ai đang chờ.")
RECALLED = QT_TRANSLATE_NOOP("Queue", "Đã gọi lại số %1.")
GONE = QT_TRANSLATE_NOOP("Queue", "Số %1 vắng mặt. Bấm “Gọi số tiếp theo” để gọi người sau.")
DONE = QT_TRANSLATE_NOOP("Queue", "Đã phục vụ xong số %1.")
DONE_WITH_DOSSIER = QT_TRANSLATE_NOOP("Queue", "Số %1 đã nộp hồ sơ. Đã phục vụ xong.")
ISSUED = QT_TRANSLATE_NOOP("Queue", "Đã phát số %1 (%2). Đang in phiếu…")
ISSUED_PRINTED = QT_TRANSLATE_NOOP("Queue", "Đã phát số %1. Phiếu đã in.")
ISSUED_NOT_PRINTED = QT_TRANSLATE_NOOP("Queue", "Phiếu số %1 chưa in được: %2 Hãy ghi số cho công dân.")
NO_TICKET = QT_TRANSLATE_NOOP("Queue", "Chưa gọi số nào đến quầy này.")
FAILED = QT_TRANSLATE_NOOP("Queue", "Chưa làm được việc này do lỗi hệ thống. Hãy thử lại.")
LOAD_FAILED = QT_TRANSLATE_NOOP("Queue", "Không đọc được hàng đợi. Máy sẽ thử lại.")
AVERAGE = QT_TRANSLATE_NOOP("Queue", "Hôm nay: %1 số đã gọi, chờ trung bình %2 phút.")
MINUTES = QT_TRANSLATE_NOOP("Queue", "%1 phút")


def _minutes(span: timedelta) -> int:
    return int(span.total_seconds() // 60)


def _say(text: str, *values: str) -> str:
    """A translated sentence with %1, %2 … filled in."""
    sentence = tr("Queue", text)
    for n, value in enumerate(values, start=1):
        sentence = sentence.replace(f"%{n}", value)
    return sentence


class QueueModel(QObject):
    changed = Signal()

    def __init__(
        self,
        services: Services,
        jobs: Jobs,
        printer: PrinterModel,
        visit: VisitModel,
        account: Callable[[], Account | None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._jobs = jobs
        self._printer = printer
        self._visit = visit
        self._account = account
        self.clock: Callable[[], datetime] = queue.local_now  # replaceable by tests
        self._waiting: list[Ticket] = []
        self._current: Ticket | None = None
        self._summary: queue.QueueDay | None = None
        self._busy = False
        self._message = ""
        self._good = False
        self._serving = False  # a case is open for the current ticket
        self._dossier = ""  # the client id that case filed, once it has
        self._issued_jobs: dict[str, str] = {}  # print job id -> the label it prints
        self._loads = 0  # bumped by each load and by clear(): an older answer is dropped
        self._timer = QTimer(self, interval=REFRESH_MS)
        self._timer.timeout.connect(self.reload)
        visit.changed.connect(self._follow_visit)
        printer.jobEnded.connect(self._on_print_end)

    # -- for QML -------------------------------------------------------------------------------

    @property
    def desk(self) -> str:
        return self._services.settings.desk.name

    def _rows(self) -> list[dict[str, Any]]:
        now = self.clock()
        return [
            {
                "id": t.id,
                "label": t.label,
                "service": t.service,
                "serviceName": tr("Queue", t.service_name),
                "takenAt": t.taken_at.astimezone().strftime("%H:%M"),
                "waitedMinutes": _minutes(t.waited(now)),
                "waitedText": _say(MINUTES, str(_minutes(t.waited(now)))),
                "ahead": t.ahead,
            }
            for t in self._waiting
        ]

    def _current_map(self) -> dict[str, Any]:
        t = self._current
        if t is None:
            return {}
        return {
            "label": t.label,
            "serviceName": tr("Queue", t.service_name),
            "calledAt": t.called_at.astimezone().strftime("%H:%M") if t.called_at else "",
            "waitedText": _say(MINUTES, str(_minutes(t.waited(self.clock())))),
        }

    def _average(self) -> str:
        summary = self._summary
        if summary is None or summary.average_wait is None:
            return ""
        called = summary.called + summary.done + summary.gone
        return _say(AVERAGE, str(called), str(_minutes(summary.average_wait)))

    deskName = Property(str, lambda self: self.desk, constant=True)
    waiting = Property("QVariantList", _rows, notify=changed)
    waitingCount = Property(int, lambda self: len(self._waiting), notify=changed)
    current = Property("QVariantMap", _current_map, notify=changed)
    currentLabel = Property(str, lambda self: self._current.label if self._current else "", notify=changed)
    hasCurrent = Property(bool, lambda self: self._current is not None, notify=changed)
    serving = Property(bool, lambda self: self._serving, notify=changed)
    busy = Property(bool, lambda self: self._busy, notify=changed)
    message = Property(str, lambda self: self._message, notify=changed)
    messageGood = Property(bool, lambda self: self._good, notify=changed)
    averageWait = Property(str, _average, notify=changed)
    services = Property("QVariantList", lambda self: services_rows(), constant=True)
    refreshing = Property(bool, lambda self: self._timer.isActive(), notify=changed)

    @property
    def current_ticket(self) -> Ticket | None:
        """The ticket called to this desk and not yet ended."""
        return self._current

    @property
    def waiting_tickets(self) -> list[Ticket]:
        return list(self._waiting)

    # -- showing -------------------------------------------------------------------------------

    @Slot()
    def show(self) -> None:
        """The page is on screen: read the queue now and every REFRESH_MS."""
        self._message = ""
        self._timer.start()
        self.reload()

    def stop(self) -> None:
        """The page is gone (or the app closes): no more reading; from the GUI thread."""
        self._timer.stop()
        self.changed.emit()

    def clear(self) -> None:
        """Signed out: nothing of the queue stays on screen."""
        self.stop()
        self._loads += 1
        self._waiting, self._current, self._summary = [], None, None
        self._busy = self._serving = False
        self._dossier = self._message = ""
        self.changed.emit()

    @Slot()
    def reload(self) -> None:
        self._loads += 1
        load = self._loads
        store, office, desk = self._services.store, self._services.settings.office.code, self.desk
        day = self.clock().date()

        def work() -> tuple[list[Ticket], Ticket | None, queue.QueueDay]:
            return (
                queue.waiting(store, office, day),
                queue.desk_ticket(store, office, day, desk),
                queue.day_summary(store, office, day),
            )

        def done(result: tuple[list[Ticket], Ticket | None, queue.QueueDay]) -> None:
            if load != self._loads:
                return
            self._waiting, current, self._summary = result
            if not self._serving or current is not None:
                self._current = current
            self.changed.emit()

        def failed(exc: BaseException) -> None:
            if load != self._loads:
                return
            log.error("queue not read: %s", exc.__class__.__name__)
            self._tell(_say(LOAD_FAILED))

        self._jobs.run("network", work, done, failed)

    # -- the desk's actions ----------------------------------------------------------------------

    def _tell(self, text: str, good: bool = False) -> None:
        self._message, self._good = text, good
        self.changed.emit()

    def _act(self, work: Callable[[str], Any], done: Callable[[Any], None], *, queued: bool = False) -> None:
        """Run `work(username)` on the network worker after the permission check, then `done`,
        then read the queue again (other desks may have moved it too). A tap while busy is
        dropped; `queued` work (the end of a served visit) runs after what is under way."""
        if self._busy and not queued:
            return
        account = self._account()
        store = self._services.store
        self._busy = True
        self.changed.emit()

        def checked() -> Any:
            require(account, Action.CALL_TICKET, store, "queue")
            assert account is not None
            return work(account.username)

        def finished(result: Any) -> None:
            self._busy = False
            done(result)
            self.reload()

        def failed(exc: BaseException) -> None:
            self._busy = False
            if isinstance(exc, PermissionDenied):
                self._tell(tr("Permissions", exc.message))
            elif isinstance(exc, QueueError):
                # The list read next shows where the ticket stands now.
                self._tell(_say(exc.message, self._current.label if self._current else ""))
            else:
                log.error("queue action failed: %s", exc.__class__.__name__)
                self._tell(_say(FAILED))
            self.reload()

        self._jobs.run("network", checked, finished, failed)

    @Slot()
    def callNext(self) -> None:
        """The “Gọi số tiếp theo” button: the ticket still at the desk is served, the next one called."""
        store, office, desk = self._services.store, self._services.settings.office.code, self.desk
        current, now = self._current, self.clock()

        def work(username: str) -> Ticket | None:
            if current is not None:
                try:
                    queue.finish(store, current, username, now=now)
                except QueueError:
                    pass  # already ended elsewhere (the command line, another session)
            return queue.call_next(store, office, desk, username, now=now)

        def done(ticket: Ticket | None) -> None:
            self._current = ticket
            if ticket is None:
                self._tell(_say(NOBODY))
            else:
                self._tell(_say(CALLED, ticket.label, desk), good=True)

        self._act(work, done)

    @Slot()
    def recall(self) -> None:
        """The “Gọi lại” button: the same number again."""
        current = self._current
        if current is None:
            self._tell(_say(NO_TICKET))
            return
        store = self._services.store
        self._act(
            lambda username: queue.recall(store, current, username),
            lambda ticket: self._tell(_say(RECALLED, ticket.label), good=True),
        )

    @Slot()
    def noShow(self) -> None:
        """The “Vắng mặt” button: nobody came to the desk."""
        current = self._current
        if current is None:
            self._tell(_say(NO_TICKET))
            return
        store, now = self._services.store, self.clock()

        def done(ticket: Ticket) -> None:
            self._current = None
            self._tell(_say(GONE, ticket.label))

        self._act(lambda username: queue.no_show(store, current, username, now=now), done)

    @Slot()
    def finishCurrent(self) -> None:
        """The “Xong” button: served, with no dossier (a question answered, a result handed over)."""
        self._finish("")

    def _finish(self, client_id: str, *, queued: bool = False) -> None:
        current = self._current
        if current is None:
            self._tell(_say(NO_TICKET))
            return
        store, now = self._services.store, self.clock()

        def done(ticket: Ticket) -> None:
            self._current = None
            self._tell(_say(DONE_WITH_DOSSIER if client_id else DONE, ticket.label), good=True)

        self._act(
            lambda username: queue.finish(store, current, username, client_id=client_id or None, now=now),
            done,
            queued=queued,
        )

    @Slot(str)
    def issueTicket(self, letter: str) -> None:
        """The “Phát số” button: a ticket handed out at this desk, its slip printed here."""
        settings = self._services.settings
        store, office, now = self._services.store, settings.office.code, self.clock()
        where = f"desk:{self.desk}"

        def work(username: str) -> Ticket:
            return queue.take_ticket(store, office, letter, where, now, actor=username)

        def done(ticket: Ticket) -> None:
            job = submit_slip(self._printer, ticket, settings.office.name)
            self._issued_jobs[job] = ticket.label
            self._tell(_say(ISSUED, ticket.label, tr("Queue", ticket.service_name)), good=True)

        self._act(work, done)

    # -- the case for the called ticket -------------------------------------------------------

    def begin_serving(self) -> bool:
        """The “Tiếp nhận” button: a case opens for the current ticket; False when there is none."""
        if self._current is None:
            self._tell(_say(NO_TICKET))
            return False
        self.stop()
        self._serving, self._dossier = True, ""
        self.changed.emit()
        return True

    def end_visit(self) -> bool:
        """The visit has ended; True when it was for a ticket (the agent goes back to the queue).
        A dossier filed in it marks the ticket served with the dossier's client id; a visit given
        up leaves the ticket at the desk for "Xong", "Vắng mặt" or another "Tiếp nhận"."""
        if not self._serving:
            return False
        self._serving = False
        client_id, self._dossier = self._dossier, ""
        if client_id:
            self._finish(client_id, queued=True)
        self.changed.emit()
        return True

    @Slot()
    def _follow_visit(self) -> None:
        outcome = self._visit.visit.outcome
        if self._serving and outcome is not None:
            self._dossier = str(outcome.client_id)

    @Slot(str, str)
    def _on_print_end(self, job_id: str, _outcome: str) -> None:
        label = self._issued_jobs.pop(job_id, None)
        if label is None:
            return
        problem = print_problem(self._printer, job_id)
        if problem:
            self._tell(_say(ISSUED_NOT_PRINTED, label, problem))
        else:
            self._tell(_say(ISSUED_PRINTED, label), good=True)
