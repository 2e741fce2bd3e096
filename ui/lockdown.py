"""Lock-down of the kiosk: a full-screen window that will not close, and the supervisor's way out.

Armed (`arm`, by the running kiosk), the window has no frame, stays full screen and refuses to
close: close events from the window system, Alt+F4, Ctrl+Q, Ctrl+W and Escape are all refused
while it is locked. The only way out is the supervisor's gesture and PIN:

1. press and hold the top-left corner of the screen (an invisible square of `CORNER_MM`, 9 mm) for
   `HOLD_SECONDS` (5 s), and lift the finger;
2. within `ARMED_SECONDS` (10 s), tap the bottom-right corner (a faint ring shows there meanwhile);
3. type the PIN on the on-screen pad (`dvc-kiosk kiosk set-pin` sets it) and tap "Xác nhận".

An elderly citizen does not hold a bare corner still for five seconds and then find the opposite
one; a technician told about it does. The right PIN opens the maintenance screen: "Thoát ứng dụng",
"Khởi động lại", "Kiểm tra thiết bị", "Đóng". Wrong PINs count towards the lock-out of
egov/kiosk_pin.py. Every unlock, wrong PIN, lock-out, exit and restart is audited (never the PIN).
The pad and the maintenance screen lock again by themselves after `RELOCK_SECONDS` untouched.

The PIN's digits stay in this object until "Xác nhận" and are handed to a worker thread then
(argon2 is slow on purpose); QML only ever sees how many there are.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from datetime import UTC, datetime

from PySide6.QtCore import Property, QEvent, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QGuiApplication, QKeyEvent, QMouseEvent, QTouchEvent, QWindow

from config.secrets import load_kiosk_pin_hash
from egov.kiosk_pin import MAX_LENGTH, MIN_LENGTH, STATE_FILE, PinCheck, PinGate, PinOutcome
from egov.store import Store, StoreError
from egov.text import QT_TRANSLATE_NOOP
from hardware.doctor import Check
from ui.jobs import Jobs
from ui.outage import DEVICE_TITLES, OutageModel
from ui.services import Services
from ui.translation import tr

log = logging.getLogger(__name__)

HOLD_SECONDS = 5.0
CORNER_MM = 9.0
ARMED_SECONDS = 10.0
RELOCK_SECONDS = 120
# The exit status that asks `dvc-kiosk kiosk` to start itself again (EX_TEMPFAIL).
RESTART_EXIT = 75
ACTOR = "kiosk-supervisor"

WRONG = QT_TRANSLATE_NOOP("Lockdown", "Mã PIN không đúng. Còn %1 lần thử.")
LOCKED = QT_TRANSLATE_NOOP("Lockdown", "Nhập sai quá nhiều lần. Bàn phím bị khóa đến %1.")
NOT_SET = QT_TRANSLATE_NOOP(
    "Lockdown", "Máy chưa có mã PIN quản lý. Đặt mã bằng lệnh: dvc-kiosk kiosk set-pin"
)
TOO_SHORT = QT_TRANSLATE_NOOP("Lockdown", "Mã PIN có từ %1 đến %2 chữ số.")
FAILED = QT_TRANSLATE_NOOP("Lockdown", "Chưa kiểm tra được mã PIN. Hãy thử lại.")
CHECKING = QT_TRANSLATE_NOOP("Lockdown", "Đang kiểm tra thiết bị…")

# What a locked window refuses besides the close event: the usual ways to quit or leave full screen.
_REFUSED_KEYS = {
    (Qt.Key.Key_F4, Qt.KeyboardModifier.AltModifier),
    (Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier),
    (Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier),
    (Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier),
    (Qt.Key.Key_F11, Qt.KeyboardModifier.NoModifier),
}
_FINGER_DOWN = {QEvent.Type.MouseButtonPress, QEvent.Type.TouchBegin}
_FINGER_UP = {QEvent.Type.MouseButtonRelease, QEvent.Type.TouchEnd, QEvent.Type.TouchCancel}
_MODIFIERS = (
    Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
)


class Lockdown(QObject):
    """The lock, the gesture, the PIN pad and the maintenance screen; GUI thread only."""

    changed = Signal()
    exitRequested = Signal(int)  # 0: quit for good; RESTART_EXIT: start the app again

    def __init__(
        self,
        services: Services,
        jobs: Jobs,
        outage: OutageModel | None,
        parent: QObject | None = None,
        *,
        clock: Callable[[], float] = time.monotonic,
        px_per_mm: float = 4.0,
    ) -> None:
        super().__init__(parent)
        settings = services.settings
        self._store = services.store
        self._jobs = jobs
        self._outage = outage
        self._clock = clock
        self._subject = f"kiosk:{settings.office.code}"
        self._gate = PinGate(lambda: load_kiosk_pin_hash(settings), settings.data_dir / STATE_FILE)
        self._window: QWindow | None = None
        self._released = False
        self._stage = ""  # "", "pin", "maintenance"
        self._hold_started: float | None = None
        self._armed_until = 0.0
        self._pin = ""
        self._message = ""
        self._busy = False
        self._locked_until: datetime | None = None
        self._checks: list[dict[str, object]] = []
        self._disarm = QTimer(self, singleShot=True, interval=round(ARMED_SECONDS * 1000))
        self._disarm.timeout.connect(self._on_disarm)
        self._relock = QTimer(self, singleShot=True, interval=RELOCK_SECONDS * 1000)
        self._relock.timeout.connect(self._on_relock)
        self._corner_px = CORNER_MM * px_per_mm
        self._tap_down = False
        # The corners are watched in the window's own input, not by items on the page: nothing
        # there for a citizen to touch, and no tap taken from what lies under a corner.
        app = QGuiApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    # -- the window ----------------------------------------------------------------------------

    def arm(self, window: QWindow) -> None:
        """Full screen without a frame, and no way to close it but the supervisor's."""
        self._window = window
        window.setFlags(window.flags() | Qt.WindowType.FramelessWindowHint)
        window.installEventFilter(self)
        window.visibilityChanged.connect(self._keep_full_screen)
        window.showFullScreen()
        log.info("kiosk locked down: full screen, closing refused")

    def release(self) -> None:
        """Let the window close (the app is quitting: SIGTERM, "Thoát ứng dụng", shutdown)."""
        self._released = True

    @property
    def locked(self) -> bool:
        return not self._released and self._stage != "maintenance"

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        kind = event.type()
        if isinstance(watched, QWindow) and kind in _FINGER_DOWN | _FINGER_UP:
            self._finger(watched, event)  # seen, never taken
            return False
        if watched is not self._window or not self.locked:
            return False
        if kind == QEvent.Type.Close:
            event.ignore()
            log.info("window close refused: the kiosk is locked")
            return True
        if kind in (QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride) and isinstance(event, QKeyEvent):
            pressed = (Qt.Key(event.key()), event.modifiers() & _MODIFIERS)
            if pressed in _REFUSED_KEYS:
                event.accept()  # taken here, so that no shortcut and no item acts on it
                return True
        return False

    @Slot()
    def _keep_full_screen(self) -> None:
        window = self._window
        if window is not None and self.locked and window.visibility() != QWindow.Visibility.FullScreen:
            # Whatever took it out of full screen (a compositor, a stray key) is undone.
            QTimer.singleShot(0, window.showFullScreen)

    # -- for QML -------------------------------------------------------------------------------

    def _get_stage(self) -> str:
        return self._stage

    def _get_armed(self) -> bool:
        return self._armed_until > 0

    def _get_digits(self) -> int:
        return len(self._pin)

    def _get_message(self) -> str:
        return self._message

    def _get_busy(self) -> bool:
        return self._busy

    def _get_locked_out(self) -> bool:
        return self._locked_until is not None and self._locked_until > datetime.now(UTC)

    def _get_checks(self) -> list[dict[str, object]]:
        return self._checks

    stage = Property(str, _get_stage, notify=changed)
    armed = Property(bool, _get_armed, notify=changed)
    digits = Property(int, _get_digits, notify=changed)
    minDigits = Property(int, lambda self: MIN_LENGTH, constant=True)
    maxDigits = Property(int, lambda self: MAX_LENGTH, constant=True)
    message = Property(str, _get_message, notify=changed)
    busy = Property(bool, _get_busy, notify=changed)
    lockedOut = Property(bool, _get_locked_out, notify=changed)
    checks = Property(list, _get_checks, notify=changed)

    # -- the gesture ---------------------------------------------------------------------------

    def _finger(self, window: QWindow, event: QEvent) -> None:
        """A press or release anywhere in the window: does it start or end the gesture?"""
        if isinstance(event, QMouseEvent):
            where = event.position()
        elif isinstance(event, QTouchEvent) and event.points():
            where = event.points()[0].position()
        else:
            return
        size = self._corner_px
        in_hold = where.x() <= size and where.y() <= size
        in_tap = where.x() >= window.width() - size and where.y() >= window.height() - size
        if event.type() in _FINGER_DOWN:
            if in_hold:
                self.holdStarted()
            else:
                self.holdCancelled()
            self._tap_down = in_tap
            return
        if self._hold_started is not None:
            if in_hold:
                self.holdEnded()
            else:
                self.holdCancelled()
        if self._tap_down and in_tap:
            self.cornerTapped()
        self._tap_down = False

    @Slot()
    def holdStarted(self) -> None:
        if self._stage == "":
            self._hold_started = self._clock()

    @Slot()
    def holdEnded(self) -> None:
        started, self._hold_started = self._hold_started, None
        if started is None or self._clock() - started < HOLD_SECONDS:
            return
        self._armed_until = self._clock() + ARMED_SECONDS
        self._disarm.start()
        self.changed.emit()

    @Slot()
    def holdCancelled(self) -> None:
        self._hold_started = None

    @Slot()
    def cornerTapped(self) -> None:
        armed = self._armed_until > 0 and self._clock() <= self._armed_until
        self._on_disarm()
        if not armed or self._stage != "":
            return
        self._stage, self._pin, self._message = "pin", "", ""
        self._relock.start()
        self.changed.emit()
        gate = self._gate
        self._jobs.run("network", lambda: gate.locked_until(datetime.now(UTC)), self._show_lock, self._failed)

    @Slot()
    def _on_disarm(self) -> None:
        self._disarm.stop()
        if self._armed_until:
            self._armed_until = 0.0
            self.changed.emit()

    # -- the PIN pad ---------------------------------------------------------------------------

    @Slot(str)
    def pressDigit(self, digit: str) -> None:
        self._relock.start()
        if self._stage != "pin" or self._busy or len(self._pin) >= MAX_LENGTH:
            return
        if len(digit) == 1 and digit in "0123456789":
            self._pin += digit
            self.changed.emit()

    @Slot()
    def erase(self) -> None:
        self._relock.start()
        if self._pin and not self._busy:
            self._pin = self._pin[:-1]
            self.changed.emit()

    @Slot()
    def submit(self) -> None:
        self._relock.start()
        if self._stage != "pin" or self._busy:
            return
        if len(self._pin) < MIN_LENGTH:
            self._message = (
                tr("Lockdown", TOO_SHORT).replace("%1", str(MIN_LENGTH)).replace("%2", str(MAX_LENGTH))
            )
            self.changed.emit()
            return
        pin, self._pin = self._pin, ""
        self._busy = True
        self.changed.emit()
        gate, store, subject = self._gate, self._store, self._subject

        def attempt() -> PinCheck:
            result = gate.attempt(pin, datetime.now(UTC))
            _audit_attempt(store, subject, result)
            return result

        self._jobs.run("network", attempt, self._on_attempt, self._failed)

    @Slot()
    def cancel(self) -> None:
        self._lock_again()

    def _on_attempt(self, result: PinCheck) -> None:
        self._busy = False
        if self._stage != "pin":
            return  # locked again (timed out) while the PIN was checked
        if result.outcome is PinOutcome.OPENED:
            log.info("kiosk unlocked by the supervisor's PIN")
            self._stage, self._message, self._checks = "maintenance", "", []
            self._locked_until = None
        elif result.outcome is PinOutcome.WRONG:
            self._message = tr("Lockdown", WRONG).replace("%1", str(result.tries_left))
        elif result.outcome is PinOutcome.LOCKED:
            self._show_lock(result.locked_until)
        else:
            self._message = tr("Lockdown", NOT_SET)
        self.changed.emit()

    def _show_lock(self, until: datetime | None) -> None:
        self._locked_until = until
        if until is not None:
            self._message = tr("Lockdown", LOCKED).replace("%1", f"{until.astimezone():%H:%M}")
        self.changed.emit()

    def _failed(self, exc: BaseException) -> None:
        log.error("PIN check failed: %s", type(exc).__name__)
        self._busy = False
        self._message = tr("Lockdown", FAILED)
        self.changed.emit()

    # -- the maintenance screen ----------------------------------------------------------------

    @Slot()
    def exitApp(self) -> None:
        self._leave("kiosk.exit", 0)

    @Slot()
    def restartApp(self) -> None:
        self._leave("kiosk.restart", RESTART_EXIT)

    @Slot()
    def checkDevices(self) -> None:
        self._relock.start()
        if self._stage != "maintenance" or self._outage is None:
            return
        self._checks = [{"title": tr("Lockdown", CHECKING), "ok": True, "detail": ""}]
        self.changed.emit()
        self._outage.check_all(self._on_checks)

    @Slot()
    def closeMaintenance(self) -> None:
        self._lock_again()

    def _on_checks(self, checks: list[tuple[str, Check]]) -> None:
        if self._stage != "maintenance":
            return
        self._checks = [
            {
                "title": tr("Outage", DEVICE_TITLES[name]),
                "ok": check.state == "ok",
                # The printer's sentence is one of its states' (translated); the doctor's are for staff.
                "detail": tr("Printer", check.detail_vi) if name == "printer" else check.detail_vi,
            }
            for name, check in checks
        ]
        self.changed.emit()

    def _leave(self, action: str, code: int) -> None:
        if self._stage != "maintenance":
            return
        self._relock.stop()
        log.info("%s chosen on the maintenance screen", action)

        def go() -> None:
            self.release()
            self.exitRequested.emit(code)

        # Audited first: the record of who left the kiosk must be written before the app goes.
        self._audit(action, then=go)

    def _audit(self, action: str, then: Callable[[], None] | None = None) -> None:
        """An audit entry written on the store's worker; `then` on the GUI thread once it is."""
        store, subject = self._store, self._subject

        def audit() -> None:
            try:
                store.audit(ACTOR, action, subject)
            except StoreError as exc:
                log.error("%s not audited: %s", action, exc)

        after = (lambda _: then()) if then is not None else (lambda _: None)
        self._jobs.run("network", audit, after, after)

    def _lock_again(self) -> None:
        was = self._stage
        self._relock.stop()
        self._stage, self._pin, self._message, self._checks = "", "", "", []
        self.changed.emit()
        if was == "maintenance":
            self._audit("kiosk.locked")
        if self._window is not None:
            self._keep_full_screen()

    @Slot()
    def _on_relock(self) -> None:
        if self._stage:
            log.info("kiosk locked again after %d s untouched", RELOCK_SECONDS)
            self._lock_again()

    def stop(self) -> None:
        """From the GUI thread, before the object goes (see ui/idle.py for why timers are stopped)."""
        self._disarm.stop()
        self._relock.stop()
        app = QGuiApplication.instance()
        if app is not None:
            app.removeEventFilter(self)


def _audit_attempt(store: Store, subject: str, result: PinCheck) -> None:
    """On the worker: one entry per attempt, and one more for the lock it set off. Never the PIN."""
    entries: list[tuple[str, str]] = []
    if result.outcome is PinOutcome.OPENED:
        entries.append(("kiosk.unlocked", ""))
    elif result.outcome is PinOutcome.WRONG:
        entries.append(("kiosk.pin_failed", f"tries_left={result.tries_left}"))
    elif result.outcome is PinOutcome.LOCKED and result.just_locked:
        until = result.locked_until.isoformat(timespec="seconds") if result.locked_until else ""
        entries += [("kiosk.pin_failed", "tries_left=0"), ("kiosk.pin_locked", f"until={until}")]
    elif result.outcome is PinOutcome.LOCKED:
        entries.append(("kiosk.pin_refused", "locked"))
    else:
        entries.append(("kiosk.pin_refused", "no PIN set"))
    for action, detail in entries:
        try:
            store.audit(ACTOR, action, subject, detail)
        except StoreError as exc:
            log.error("%s not audited: %s", action, exc)
