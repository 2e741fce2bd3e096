"""The agent point's session timeout: no touch, click or key for `[agent] session_minutes`, and the
member of staff is signed out, the visit in progress dropped as "Đăng xuất" drops it.

A desk left signed in lets anyone take cash, search citizens by ID number or read a dossier in the
agent's name. `[agent] session_warning_seconds` before the end a warning asks "Tiếp tục làm việc?"
(WCAG 2.2.1: at least 20 seconds to answer). It runs on the kiosk's idle watcher (ui/idle.py),
installed as an application-wide event filter only while someone is signed in, and stopped (timers
and filter) from the GUI thread when the session ends or the app closes.
"""

from __future__ import annotations

from PySide6.QtCore import Property, QCoreApplication, QObject, Signal, Slot

from config.settings import AgentSettings
from ui.idle import IdleWatcher


class SessionTimeout(QObject):
    changed = Signal()
    expired = Signal()  # no answer to the warning: sign out

    def __init__(self, settings: AgentSettings, parent: QObject | None = None) -> None:
        super().__init__(parent)
        warning = settings.session_warning_seconds
        self._minutes = settings.session_minutes
        self._left = 0
        self._active = False
        # Quiet time before the warning, so that the whole session lasts session_minutes.
        quiet = max(1, round(settings.session_minutes * 60) - warning)
        self._watcher = IdleWatcher(self, quiet, warning, self, at_rest=lambda: not self._active)
        self._watcher.stop()  # nothing runs until someone signs in

    secondsLeft = Property(int, lambda self: self._left, notify=changed)
    minutes = Property(int, lambda self: round(self._minutes), constant=True)

    def start(self) -> None:
        """Someone signed in: watch for input from now."""
        self._active = True
        app = QCoreApplication.instance()
        if app is not None:
            app.installEventFilter(self._watcher)
        self._watcher.extend()

    def stop(self) -> None:
        """Signed out or closing: no timer runs, no event is watched (from the GUI thread)."""
        self._active = False
        self._watcher.stop()
        self._left = 0
        self.changed.emit()

    @Slot()
    def extend(self) -> None:
        """ "Tiếp tục làm việc": the warning goes, a full session from now."""
        if self._active:
            self._watcher.extend()

    # What the idle watcher drives.

    def set_idle_left(self, seconds: int) -> None:
        self._left = seconds
        self.changed.emit()

    def finish(self) -> None:
        self._left = 0
        self.changed.emit()
        if self._active:
            self.expired.emit()
