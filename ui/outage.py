"""Out of service: while a device the office needs is missing, the kiosk says so instead of starting
visits that cannot end well, and comes back by itself once the device is back.

`[kiosk] required_devices` names them: printer, card_reader, camera (none by default: the embedded
defaults need no hardware). The printer's own thread already asks the printer how it is (ui/
printer_model.py), so its state is read from there, never by a second connection (a network
printer takes one at a time); the chip reader and the camera are looked for every
`[kiosk] device_check_seconds` on their own worker lanes, each with the doctor's timeouts
(hardware/doctor.py), so the GUI thread never waits for a device.

Only a kiosk at rest (the welcome page, nothing started) is checked and switched: a visit in
progress keeps its devices and is never cut short; the page shows when it has ended. Each change
is logged and audited with the devices' names only.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import Property, QObject, QTimer, Signal, Slot

from egov.store import StoreError
from egov.text import QT_TRANSLATE_NOOP
from hardware.doctor import Check, check_camera, check_card_reader
from hardware.printer.station import PrinterState
from ui.jobs import Jobs
from ui.printer_model import PrinterModel
from ui.services import Services
from ui.translation import tr

log = logging.getLogger(__name__)

PAGE = "out_of_service"

# The order the page names them in.
DEVICE_NAMES = {
    "printer": QT_TRANSLATE_NOOP("Outage", "máy in phiếu"),
    "card_reader": QT_TRANSLATE_NOOP("Outage", "đầu đọc thẻ căn cước"),
    "camera": QT_TRANSLATE_NOOP("Outage", "máy ảnh chụp giấy tờ"),
}
DEVICE_TITLES = {
    "printer": QT_TRANSLATE_NOOP("Outage", "Máy in"),
    "card_reader": QT_TRANSLATE_NOOP("Outage", "Đầu đọc thẻ"),
    "camera": QT_TRANSLATE_NOOP("Outage", "Máy ảnh"),
}

# A printer that does not answer at all; one that cannot say (UNKNOWN) is given the benefit of the
# doubt, and paper out or an open cover are for staff to fix between citizens (the receipt page
# says what to do), not a reason to turn citizens away.
_PRINTER_MISSING = {PrinterState.OFFLINE}

# The devices looked for by a check of their own, each on its device's worker lane (ui/jobs.py).
_LANES = {"card_reader": "card", "camera": "camera"}


def _printer_check(state: PrinterState) -> Check:
    message = state.message
    if state in _PRINTER_MISSING:
        return Check("printer", "missing", f"printer {state.value}", message)
    return Check("printer", "ok", f"printer {state.value}", message)


class OutageModel(QObject):
    """Whether the kiosk serves; GUI thread only. `page` is "out_of_service" or ""."""

    changed = Signal()
    statusChanged = Signal(str)  # an English line for the service manager's status

    def __init__(
        self,
        services: Services,
        printer: PrinterModel,
        jobs: Jobs,
        at_rest: Callable[[], bool],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        settings = services.settings
        self._store = services.store
        self._reader = settings.identity.reader
        self._camera = settings.camera.source
        self._subject = f"kiosk:{settings.office.code}"
        self._required = settings.kiosk.required_devices
        self._printer = printer
        self._jobs = jobs
        self._at_rest = at_rest
        # Present until found missing: never out of service on a guess at start-up.
        self._found: dict[str, Check] = {}
        self._missing: tuple[str, ...] = ()
        self._asking: set[str] = set()
        self._timer = QTimer(self, interval=settings.kiosk.device_check_seconds * 1000)
        self._timer.timeout.connect(self.checkNow)
        if self._required:
            printer.changed.connect(self._on_printer)
            self._timer.start()
            QTimer.singleShot(0, self.checkNow)

    # -- for QML -------------------------------------------------------------------------------

    def _get_page(self) -> str:
        return PAGE if self._missing else ""

    def _get_missing_text(self) -> str:
        return ", ".join(tr("Outage", DEVICE_NAMES[name]) for name in self._missing)

    page = Property(str, _get_page, notify=changed)
    missingText = Property(str, _get_missing_text, notify=changed)

    @property
    def missing(self) -> tuple[str, ...]:
        return self._missing

    @Slot()
    def checkNow(self) -> None:
        """Look for the required devices now (the timer does it every device_check_seconds)."""
        if not self._required or not self._at_rest():
            return
        if "printer" in self._required:
            self._found["printer"] = _printer_check(PrinterState(self._printer.state))
        for name in _LANES:
            if name in self._required and name not in self._asking:
                self._asking.add(name)
                self._run_check(name, lambda check, name=name: self._answered(name, check))
        self._conclude()

    def check_all(self, done: Callable[[list[tuple[str, Check]]], None]) -> None:
        """Every device, required or not, for the maintenance screen; `done` gets (name, check)
        pairs in DEVICE_NAMES's order."""
        checks: dict[str, Check] = {"printer": _printer_check(PrinterState(self._printer.state))}
        self._printer.refresh()

        def found(name: str, check: Check) -> None:
            checks[name] = check
            if len(checks) == len(DEVICE_NAMES):
                done([(key, checks[key]) for key in DEVICE_NAMES])

        for name in _LANES:
            self._run_check(name, lambda check, name=name: found(name, check))

    def stop(self) -> None:
        """From the GUI thread, before the model goes (see ui/idle.py for why timers are stopped)."""
        self._timer.stop()

    # -- inside --------------------------------------------------------------------------------

    def _run_check(self, name: str, done: Callable[[Check], None]) -> None:
        """The doctor's check of `name` on that device's own lane (its timeouts bound it)."""
        config = self._reader if name == "card_reader" else self._camera
        check = check_card_reader if name == "card_reader" else check_camera
        self._jobs.run(
            _LANES[name],
            lambda: check(config),
            done,
            lambda exc: done(Check(name, "error", f"check failed: {type(exc).__name__}", "")),
        )

    def _answered(self, name: str, check: Check) -> None:
        self._asking.discard(name)
        self._found[name] = check
        self._conclude()

    @Slot()
    def _on_printer(self) -> None:
        self._found["printer"] = _printer_check(PrinterState(self._printer.state))
        self._conclude()

    def _conclude(self) -> None:
        if not self._at_rest():
            return  # a visit in progress is never cut short; the next round decides
        missing = tuple(
            name
            for name in DEVICE_NAMES
            if name in self._required and name in self._found and self._found[name].state != "ok"
        )
        if missing == self._missing:
            return
        before, self._missing = self._missing, missing
        if missing:
            details = "; ".join(f"{name}: {self._found[name].detail}" for name in missing)
            log.warning("out of service, missing %s (%s)", ", ".join(missing), details)
            action, detail = "kiosk.out_of_service", "missing=" + ",".join(missing)
            status = "Out of service: missing " + ", ".join(missing)
        else:
            log.info("back in service: %s found again", ", ".join(before))
            action, detail = "kiosk.back_in_service", "found=" + ",".join(before)
            status = "Serving"
        store, subject = self._store, self._subject

        def audit() -> None:
            try:
                store.audit("kiosk", action, subject, detail)
            except StoreError as exc:
                log.error("%s not audited: %s", action, exc)

        self._jobs.run("network", audit, lambda _: None)
        self.changed.emit()
        self.statusChanged.emit(status)

    def status_line(self) -> str:
        return "Out of service: missing " + ", ".join(self._missing) if self._missing else "Serving"
