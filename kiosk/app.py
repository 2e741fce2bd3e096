"""The running app's process under a service manager: lock-down, readiness, watchdog, signals, restart.

Under systemd (deploy/systemd/dvc-kiosk.service, `Type=notify`, see kiosk/sdnotify.py):
- READY=1 once the window has drawn its first frame, not merely been created;
- WATCHDOG=1 every half of `WatchdogSec` from a QTimer on the GUI thread: a frozen event loop
  stops feeding it, systemd kills the app with SIGABRT after `WatchdogSec` and starts it again
  (`Restart=on-failure`);
- STATUS= lines say whether the kiosk serves or which device it misses (ui/outage.py);
- STOPPING=1 on the way out.

SIGTERM and SIGINT end the app cleanly. Python runs its signal handlers only when the GUI thread
comes back to Python, which an idle event loop may not do for a long time, so the signal's byte
written to a socket pair (signal.set_wakeup_fd) wakes the loop for them.

"Khởi động lại" on the maintenance screen ends the event loop with `RESTART_EXIT`; `restart()`
then replaces the process with a fresh one (same id, so cage and systemd see nothing go).

Test hook, for tests/test_watchdog.py only: with DVC_KIOSK_TEST_FREEZE=1 in the environment,
SIGUSR1 makes the GUI thread sleep for good, as a deadlock would. Nothing else turns it on.
"""

from __future__ import annotations

import logging
import os
import signal
import socket
import sys
import time
from types import FrameType

from PySide6.QtCore import QObject, QSocketNotifier, QTimer, Slot
from PySide6.QtGui import QGuiApplication

from kiosk.sdnotify import Notifier
from ui.lockdown import RESTART_EXIT
from ui.shell import Shell

log = logging.getLogger(__name__)

FREEZE_ENV = "DVC_KIOSK_TEST_FREEZE"

__all__ = ["FREEZE_ENV", "RESTART_EXIT", "Supervision", "restart"]


class Supervision(QObject):
    """Wraps a running Shell; create it after the Shell, close it after `exec()` returns."""

    def __init__(
        self, app: QGuiApplication, shell: Shell, *, locked: bool, notifier: Notifier | None = None
    ) -> None:
        super().__init__()
        self._app = app
        self._shell = shell
        self._notifier = notifier or Notifier()
        self._ready = False
        self.locked = locked and shell.lockdown is not None
        self._feeder: QTimer | None = None
        interval = self._notifier.watchdog
        if interval is not None:
            # Half the interval, as systemd advises: one late tick must not be taken for a hang.
            self._feeder = QTimer(self, interval=max(50, round(interval * 500)))
            self._feeder.timeout.connect(self._notifier.ping)
            self._feeder.start()
            log.info("feeding the service manager's watchdog every %.1f s", interval / 2)
        shell.window.frameSwapped.connect(self._first_frame)
        if shell.outage is not None:
            shell.outage.statusChanged.connect(self._notifier.status)
        if shell.lockdown is not None:
            shell.lockdown.exitRequested.connect(app.exit)
        if self.locked:
            assert shell.lockdown is not None
            shell.lockdown.arm(shell.window)
        self._wakeup_read, self._wakeup_write = socket.socketpair()
        self._previous: dict[int, object] = {}
        self._install_signals()

    @Slot()
    def _first_frame(self) -> None:
        if self._ready:
            return
        self._ready = True
        outage = self._shell.outage
        status = outage.status_line() if outage is not None else "Serving"
        self._notifier.ready(status)
        log.info("window shown: ready (%s)", status)

    def _install_signals(self) -> None:
        for sock in (self._wakeup_read, self._wakeup_write):
            sock.setblocking(False)
        self._previous_wakeup = signal.set_wakeup_fd(self._wakeup_write.fileno())
        self._wake = QSocketNotifier(self._wakeup_read.fileno(), QSocketNotifier.Type.Read, self)
        self._wake.activated.connect(self._drain)
        for number in (signal.SIGTERM, signal.SIGINT):
            self._previous[number] = signal.signal(number, self._terminate)
        if os.environ.get(FREEZE_ENV) == "1":
            log.warning("%s=1: SIGUSR1 freezes the GUI thread (a test hook)", FREEZE_ENV)
            self._previous[signal.SIGUSR1] = signal.signal(signal.SIGUSR1, _freeze)

    @Slot()
    def _drain(self) -> None:
        # The handlers themselves have run by now: Python calls them before this slot's first line.
        try:
            while self._wakeup_read.recv(64):
                pass
        except BlockingIOError:
            pass

    def _terminate(self, signum: int, _frame: FrameType | None) -> None:
        log.info("%s: stopping", signal.Signals(signum).name)
        self._notifier.stopping(f"Stopping ({signal.Signals(signum).name})")
        if self._shell.lockdown is not None:
            self._shell.lockdown.release()
        self._app.quit()

    def close(self, code: int) -> None:
        """After `exec()` returned `code`: tell the service manager, put the signals back."""
        if self._feeder is not None:
            self._feeder.stop()
        if code == RESTART_EXIT:
            self._notifier.status("Restarting")
        else:
            self._notifier.stopping()
        for number, handler in self._previous.items():
            signal.signal(number, handler)  # type: ignore[arg-type]
        signal.set_wakeup_fd(self._previous_wakeup)
        self._wake.setEnabled(False)
        self._wakeup_read.close()
        self._wakeup_write.close()
        self._notifier.close()


def _freeze(_signum: int, _frame: FrameType | None) -> None:
    log.warning("SIGUSR1 with %s=1: the GUI thread sleeps for good", FREEZE_ENV)
    while True:
        time.sleep(3600)


def restart() -> None:
    """Replace this process by a fresh run of the same command (never returns)."""
    log.info("restarting the app")
    logging.shutdown()
    sys.stdout.flush()
    sys.stderr.flush()
    os.execv(sys.executable, sys.orig_argv)
