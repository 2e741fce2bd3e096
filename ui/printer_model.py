"""The receipt printer for QML and the view models: one thread owns it, the GUI thread never waits.

`PrinterDevice` lives on a QThread of its own (Electrum's one-thread-per-device pattern): it polls
the printer every [printer] poll_seconds while idle, and prints the slips it is handed, one at a
time. Each slip is written to the store (sealed) before a byte is sent and marked printed only once
the printer has confirmed the end of the job; a job cut short by a timeout, an unplugged cable or
paper running out mid-job is left "uncertain", and the screen offers a reprint that is marked
"BẢN IN LẠI", never a silent second copy (hardware.printer.station says why).

`PrinterModel`, on the GUI thread, is what QML reads (`printer.state`, `printer.message`,
`printer.staffNote`) and what the visit hands slips to. Only job ids and state words cross between
the threads, by queued signals (ui/jobs.py says why not Python objects); the slips wait in a
locked inbox, results in a locked outbox.
"""

from __future__ import annotations

import atexit
import logging
import threading
import uuid
import weakref
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import timedelta

from PySide6.QtCore import Property, QMetaObject, QObject, Qt, QThread, QTimer, Signal, Slot

from egov.receipt import Block, slip_to_bytes
from egov.store import PrintJobState, Store, StoreError
from hardware.printer.station import JobOutcome, JobResult, PrinterState, PrinterStation
from ui.services import Services
from ui.translation import tr

log = logging.getLogger(__name__)

# How long a slip that never printed is kept for a reprint: the visit it belongs to is long over.
SLIP_KEPT = timedelta(days=1)

_STORE_STATES = {
    JobOutcome.PRINTED: PrintJobState.PRINTED,
    JobOutcome.REFUSED: PrintJobState.REFUSED,
    JobOutcome.UNCERTAIN: PrintJobState.UNCERTAIN,
}


@dataclass(frozen=True, slots=True)
class _Job:
    kind: str
    subject: str
    blocks: tuple[Block, ...]


class PrinterDevice(QObject):
    """The printer's own thread: status polls and jobs, in turn. Create it, then move it."""

    stateFound = Signal(str)  # a PrinterState value
    jobEnded = Signal(str)  # a job id; its JobResult waits in `results`

    def __init__(self, station: PrinterStation, store: Store | None, poll_seconds: float) -> None:
        super().__init__()
        self._station = station
        self._store = store
        self._poll_ms = max(100, round(poll_seconds * 1000))
        self._timer: QTimer | None = None
        self._last = PrinterState.UNKNOWN
        self._lock = threading.Lock()
        self.inbox: dict[str, _Job] = {}
        self.results: dict[str, JobResult] = {}

    @Slot()
    def start(self) -> None:
        """On the device's thread: recover jobs a crash left half-done, then poll."""
        if self._store is not None:
            try:
                for job_id in self._store.recover_print_jobs():
                    log.warning("print job %s was interrupted: now uncertain", job_id)
                expired = self._store.expire_print_jobs(SLIP_KEPT)
                if expired:
                    log.info("%d unprinted slips older than %s dropped", expired, SLIP_KEPT)
            except StoreError as exc:
                log.error("print jobs not recovered: %s", exc)
        self._timer = QTimer(self)
        self._timer.setInterval(self._poll_ms)
        self._timer.timeout.connect(self.poll)
        self._timer.start()
        self.poll()

    @Slot()
    def stop(self) -> None:
        if self._timer is not None:
            self._timer.stop()
            self._timer = None

    @Slot()
    def poll(self) -> None:
        self._report(self._station.poll())

    def _report(self, state: PrinterState) -> None:
        if state is PrinterState.NEAR_END and self._last is not state and self._store is not None:
            # At the kiosk the citizen is not the one to change the roll: the audit trail tells staff.
            try:
                self._store.audit("printer", "printer.paper_near_end", "printer")
            except StoreError as exc:
                log.error("paper near end not audited: %s", exc)
        self._last = state
        self.stateFound.emit(state.value)

    @Slot(str)
    def run(self, job_id: str) -> None:
        with self._lock:
            job = self.inbox.pop(job_id)
        self._keep(job_id, job)
        result = self._station.print_slip(job.blocks)
        self._move(job_id, _STORE_STATES[result.outcome], result.error.value if result.error else "")
        with self._lock:
            self.results[job_id] = result
        # A job's end says the state too: the screen must not wait for the next poll to know.
        self._report(result.state)
        self.jobEnded.emit(job_id)
        if self._timer is not None:
            self._timer.start()  # the next poll a whole interval after the job, not during its tail

    def put(self, job_id: str, job: _Job) -> None:
        with self._lock:
            self.inbox[job_id] = job

    def take_result(self, job_id: str) -> JobResult | None:
        with self._lock:
            return self.results.pop(job_id, None)

    def _keep(self, job_id: str, job: _Job) -> None:
        if self._store is None:
            return
        try:
            slip = slip_to_bytes(job.blocks)
            self._store.add_print_job(
                job_id=job_id, kind=job.kind, subject=job.subject, width=self._station.width, slip=slip
            )
            self._store.set_print_job_state(job_id, PrintJobState.PRINTING)
        except StoreError as exc:
            # The citizen still gets paper; only the crash-safety of this one job is lost.
            log.error("print job %s not stored: %s", job_id, exc)

    def _move(self, job_id: str, state: PrintJobState, reason: str) -> None:
        if self._store is None:
            return
        try:
            self._store.set_print_job_state(job_id, state, reason)
        except StoreError as exc:
            log.error("print job %s: state %s not stored: %s", job_id, state.value, exc)


# Every model whose thread runs: a QThread destroyed while running aborts the process, so whatever
# did not close its model (a test that failed half-way) has it closed before Python tears down.
_RUNNING: weakref.WeakSet[PrinterModel] = weakref.WeakSet()


@atexit.register
def _close_all() -> None:
    for model in list(_RUNNING):
        model.close()


def printer_model(services: Services, parent: QObject | None = None) -> PrinterModel:
    """The configured printer on its own thread, its jobs kept in the services' store."""
    settings = services.settings.printer
    station = PrinterStation(services.printer, 576 if settings.paper_mm == 80 else 384)  # type: ignore[arg-type]
    return PrinterModel(station, services.store, settings.poll_seconds, parent)


class PrinterModel(QObject):
    """The printer's state for QML and the door slips go through; GUI thread only."""

    changed = Signal()
    jobEnded = Signal(str, str)  # job id, JobOutcome value: for the view models
    _run = Signal(str)  # to the device's thread
    _poll = Signal()

    def __init__(
        self,
        station: PrinterStation,
        store: Store | None,
        poll_seconds: float,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._state = PrinterState.UNKNOWN
        self._busy: set[str] = set()
        self._results: dict[str, JobResult] = {}
        self._thread = QThread()
        self._thread.setObjectName("dvc-printer")
        self._device = PrinterDevice(station, store, poll_seconds)
        self._device.moveToThread(self._thread)
        self._run.connect(self._device.run)
        self._poll.connect(self._device.poll)
        self._device.stateFound.connect(self._on_state)
        self._device.jobEnded.connect(self._on_job)
        self._thread.started.connect(self._device.start)
        self._thread.start()
        _RUNNING.add(self)

    # -- for QML -------------------------------------------------------------------------------

    def _get_state(self) -> str:
        return self._state.value

    def _get_message(self) -> str:
        return tr("Printer", self._state.message)

    def _get_ready(self) -> bool:
        return self._state.can_print

    def _get_staff_note(self) -> str:
        """What staff must do about the printer (change the roll, close the cover), or ""."""
        return "" if self._state is PrinterState.READY else tr("Printer", self._state.message)

    def _get_busy(self) -> bool:
        return bool(self._busy)

    state = Property(str, _get_state, notify=changed)
    message = Property(str, _get_message, notify=changed)
    ready = Property(bool, _get_ready, notify=changed)
    staffNote = Property(str, _get_staff_note, notify=changed)
    busy = Property(bool, _get_busy, notify=changed)

    @Slot()
    def refresh(self) -> None:
        """Ask the printer now rather than at the next poll (after staff changed the roll)."""
        self._poll.emit()

    # -- for the view models -------------------------------------------------------------------

    def submit(self, kind: str, subject: str, blocks: Sequence[Block]) -> str:
        """Queue a slip; `jobEnded(job id, outcome)` follows. `subject` names what it is about
        (a dossier's client id, a procedure code), never a person."""
        job_id = str(uuid.uuid4())
        self._device.put(job_id, _Job(kind, subject, tuple(blocks)))
        self._busy.add(job_id)
        self.changed.emit()
        self._run.emit(job_id)
        return job_id

    def take_result(self, job_id: str) -> JobResult | None:
        """What became of a job that has ended (once: the result is handed over, not kept)."""
        return self._results.pop(job_id, None)

    def close(self) -> None:
        """Stop polling and end the thread, after the job in progress (its own timeouts bound it)."""
        _RUNNING.discard(self)
        if not self._thread.isRunning():
            return
        QMetaObject.invokeMethod(self._device, "stop", Qt.ConnectionType.BlockingQueuedConnection)
        self._thread.quit()
        self._thread.wait()

    @Slot(str)
    def _on_state(self, value: str) -> None:
        state = PrinterState(value)
        if state is not self._state:
            self._state = state
            self.changed.emit()

    @Slot(str)
    def _on_job(self, job_id: str) -> None:
        result = self._device.take_result(job_id)
        self._busy.discard(job_id)
        if result is not None:
            self._results[job_id] = result
        self.changed.emit()
        self.jobEnded.emit(job_id, result.outcome.value if result else JobOutcome.UNCERTAIN.value)
