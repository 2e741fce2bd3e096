"""A queue ticket taken at the kiosk, for QML: a short flow of its own beside the visit.

    ticket_service  the services as big buttons ("Nộp hồ sơ", "Nhận kết quả", "Hỏi đáp, tra cứu")
    ticket_taken    "Số của bạn: A012", large, while the slip prints; back to the welcome page
                    by itself after a while, or at "Xong"

`page` is empty while the flow is not on screen; Main.qml then shows the visit's page. No dossier
is started and nothing personal is asked. The ticket is taken on the network worker (the store may
be an office's PostgreSQL) and its slip goes to the printer's thread; a slip that does not print
still leaves the number on the screen, with the printer's sentence, so nobody leaves without one.

The helpers `services_rows`, `submit_slip` and `print_problem` serve the agent's "Phát số" too.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import Property, QObject, QTimer, Signal, Slot

from egov.queue import SERVICES, QueueError, Ticket, local_now, take_ticket
from egov.text import QT_TRANSLATE_NOOP
from egov.ticket_slip import ticket_slip
from ui.jobs import Jobs
from ui.printer_model import PrinterModel
from ui.services import Services
from ui.translation import tr

log = logging.getLogger(__name__)

TAKE_FAILED = QT_TRANSLATE_NOOP("Queue", "Chưa lấy được số. Xin hãy thử lại hoặc hỏi cán bộ tại quầy.")
NOT_PRINTED = QT_TRANSLATE_NOOP("Queue", "Phiếu chưa in được: %1 Xin hãy ghi nhớ số của bạn.")
PRINT_UNKNOWN = QT_TRANSLATE_NOOP("Queue", "Không rõ máy in đã in phiếu hay chưa.")
PRINTED = QT_TRANSLATE_NOOP("Queue", "Mời bạn nhận phiếu ở khe máy in.")
PRINTING = QT_TRANSLATE_NOOP("Queue", "Đang in phiếu…")

# How long the number stays on the screen before the kiosk goes back to its welcome page.
SHOW_NUMBER_MS = 20_000


def services_rows() -> list[dict[str, str]]:
    """The services as QML reads them: letter and translated name."""
    return [{"letter": s.letter, "name": tr("Queue", s.name)} for s in SERVICES]


def submit_slip(printer: PrinterModel, ticket: Ticket, office_name: str) -> str:
    """Send the ticket's slip to the printer's thread; the print job's id."""
    return printer.submit("ticket", ticket.subject, ticket_slip(ticket, office_name=office_name))


def print_problem(printer: PrinterModel, job_id: str) -> str:
    """Once the slip's job ended: empty when it printed, else the printer's sentence."""
    result = printer.take_result(job_id)
    if result is None:
        return tr("Queue", PRINT_UNKNOWN)
    return tr("Printer", result.message) if result.message else ""


class TicketModel(QObject):
    changed = Signal()

    def __init__(
        self, services: Services, jobs: Jobs, printer: PrinterModel, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._jobs = jobs
        self._printer = printer
        self._page = ""
        self._busy = False
        self._message = ""
        self._printed = False
        self._ticket: Ticket | None = None
        self._job = ""  # the slip printing now, for the page
        self._jobs_sent: set[str] = set()  # every slip sent: each result is taken, shown or not
        self._generation = 0  # bumped when the flow ends: a job returning later is ignored
        self.clock = local_now  # replaceable by tests (a day's end, a new day)
        self._back = QTimer(self, singleShot=True, interval=SHOW_NUMBER_MS)
        self._back.timeout.connect(self.finish)
        printer.jobEnded.connect(self._on_print_end)

    page = Property(str, lambda self: self._page, notify=changed)
    active = Property(bool, lambda self: bool(self._page), notify=changed)
    busy = Property(bool, lambda self: self._busy, notify=changed)
    message = Property(str, lambda self: self._message, notify=changed)
    printed = Property(bool, lambda self: self._printed, notify=changed)
    printing = Property(bool, lambda self: bool(self._job), notify=changed)
    services = Property("QVariantList", lambda self: services_rows(), constant=True)
    label = Property(str, lambda self: self._ticket.label if self._ticket else "", notify=changed)
    serviceName = Property(
        str, lambda self: tr("Queue", self._ticket.service_name) if self._ticket else "", notify=changed
    )
    ahead = Property(int, lambda self: self._ticket.ahead if self._ticket else 0, notify=changed)

    @property
    def ticket(self) -> Ticket | None:
        """The ticket just taken (for tests and the screenshot)."""
        return self._ticket

    @Slot()
    def begin(self) -> None:
        """The “Lấy số thứ tự” button on the welcome page."""
        self._reset()
        self._page = "ticket_service"
        self.changed.emit()

    @Slot(str)
    def take(self, letter: str) -> None:
        """A service's button: take the next number, print its slip, show it."""
        if self._busy or self._page != "ticket_service":
            return
        self._busy = True
        self._message = ""
        self.changed.emit()
        generation = self._generation
        settings = self._services.settings
        store, office, where = self._services.store, settings.office.code, f"kiosk:{settings.desk.name}"
        now = self.clock()

        def work() -> Ticket:
            return take_ticket(store, office, letter, where, now)

        def done(ticket: Ticket) -> None:
            if generation != self._generation:
                return
            self._busy = False
            self._ticket = ticket
            self._page = "ticket_taken"
            self._job = submit_slip(self._printer, ticket, settings.office.name)
            self._jobs_sent.add(self._job)
            self._message = tr("Queue", PRINTING)
            self._back.start()
            self.changed.emit()

        def failed(exc: BaseException) -> None:
            if generation != self._generation:
                return
            self._busy = False
            if isinstance(exc, QueueError):
                self._message = tr("Queue", exc.message)
            else:
                log.error("ticket not taken: %s", exc.__class__.__name__)
                self._message = tr("Queue", TAKE_FAILED)
            self.changed.emit()

        self._jobs.run("network", work, done, failed)

    @Slot()
    def back(self) -> None:
        """The “Quay lại” button from the services: the welcome page."""
        self.finish()

    @Slot()
    def finish(self) -> None:
        """The “Xong” button, the timer, or the visit's end (idle): back to the welcome page."""
        self._reset()
        self.changed.emit()

    def wipe(self) -> None:
        self.finish()

    def stop(self) -> None:
        """Stop the timer from the GUI thread before the model goes (ui/idle.py says why)."""
        self._back.stop()

    def _reset(self) -> None:
        self._generation += 1
        self._back.stop()
        self._page = ""
        self._busy = False
        self._message = ""
        self._printed = False
        self._ticket = None
        self._job = ""

    @Slot(str, str)
    def _on_print_end(self, job_id: str, _outcome: str) -> None:
        if job_id not in self._jobs_sent:
            return
        self._jobs_sent.discard(job_id)
        problem = print_problem(self._printer, job_id)
        if job_id != self._job:
            return  # the citizen has gone on; the number was on the screen
        self._job = ""
        self._printed = not problem
        self._message = tr("Queue", NOT_PRINTED).replace("%1", problem) if problem else tr("Queue", PRINTED)
        self.changed.emit()
