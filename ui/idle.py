"""Idle wipe at the kiosk: no touch for a while, ask "Bạn có cần thêm thời gian?", then forget.

An application-wide event filter restarts the timer on every touch, click or key. After the idle
period the page asks, with a countdown of at least 20 seconds (WCAG 2.2.1); no answer drops the
visit (everything personal with it) and goes back to the welcome page. The agent point's session
timeout (agent_point/session_timeout.py) runs on the same watcher: what it wipes is the session.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer, Slot

_ACTIVITY = {
    QEvent.Type.MouseButtonPress,
    QEvent.Type.TouchBegin,
    QEvent.Type.KeyPress,
    QEvent.Type.Wheel,
}


class Forgetful(Protocol):
    """What the watcher drives: the countdown on screen, and the wipe when it runs out."""

    def set_idle_left(self, seconds: int) -> None: ...

    def finish(self) -> None: ...


class IdleWatcher(QObject):
    def __init__(
        self,
        model: Forgetful,
        idle_seconds: int,
        warning_seconds: int,
        parent: QObject | None = None,
        *,
        at_rest: Callable[[], bool] | None = None,
    ) -> None:
        """`at_rest`: whether the screen holds nothing to protect (the welcome page, by default)."""
        super().__init__(parent)
        self._model = model
        self._at_rest = at_rest or (lambda: getattr(model, "page", "") == "welcome")
        self._warning_seconds = warning_seconds
        self._left = 0
        self._idle = QTimer(self, singleShot=True, interval=idle_seconds * 1000)
        self._idle.timeout.connect(self._warn)
        self._tick = QTimer(self, interval=1000)
        self._tick.timeout.connect(self._count_down)
        self._idle.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() in _ACTIVITY and self._left == 0:
            self._idle.start()
        return False

    @Slot()
    def _warn(self) -> None:
        if self._at_rest():
            self._idle.start()  # nothing to protect yet
            return
        self._left = self._warning_seconds
        self._model.set_idle_left(self._left)
        self._tick.start()

    @Slot()
    def _count_down(self) -> None:
        self._left -= 1
        if self._left > 0:
            self._model.set_idle_left(self._left)
            return
        self._tick.stop()
        self._model.finish()
        self._idle.start()

    def stop(self) -> None:
        """Stop watching, from the GUI thread. A running QTimer whose owner is later destroyed in
        another thread (Python's garbage collector runs wherever the last reference drops) stays
        registered with the GUI thread's event loop and fires into freed memory: a segfault."""
        self._idle.stop()
        self._tick.stop()
        app = QCoreApplication.instance()
        if app is not None:
            app.removeEventFilter(self)

    @Slot()
    def extend(self) -> None:
        self._tick.stop()
        self._left = 0
        self._model.set_idle_left(0)
        self._idle.start()
